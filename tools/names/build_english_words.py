#!/usr/bin/env python3
"""Build wordlists/english_words.tsv from Debian's wamerican and scowl packages (SCOWL 2020.12.07).

Words are the lowercase entries of wamerican's /usr/share/dict/american-english (SCOWL size 50),
with the possessive 's removed. Flags:
  s10 s20 s35 s40 s50  the smallest SCOWL size whose lists (those wamerican was built from, read
                       from the scowl package) hold the word: s10 and s20 are very common words
  cap                  the list also has the word capitalised (Bill, Rose, May, Long): it may be a name
"""

from __future__ import annotations

import re
import sys

from common import WORDLISTS, deb_file, deb_files, save_licence, write_tsv

POSSESSIVE = re.compile(r"'s$")


def entries(data: bytes) -> list[str]:
    return [POSSESSIVE.sub("", w) for w in data.decode("utf-8").split("\n") if w]


def main() -> None:
    words = entries(deb_file("wamerican", "./usr/share/dict/american-english"))
    used = deb_file("wamerican", "./usr/share/doc/wamerican/wamerican.scowl-word-lists-used")
    save_licence("wamerican", deb_file("wamerican", "./usr/share/doc/wamerican/copyright"),
                 "scowl-wamerican-copyright.txt")
    names = [l.strip() for l in used.decode("utf-8").split("\n")]
    names = [n for n in names if re.fullmatch(r"[a-z_0-9-]+\.\d+", n)]
    lists = deb_files("scowl", [f"./usr/share/dict/scowl/{n}" for n in names])
    size_of: dict[str, int] = {}
    for name in names:
        size = int(name.rsplit(".", 1)[1])
        for w in entries(lists[f"./usr/share/dict/scowl/{name}"]):
            if size < size_of.get(w, 999):
                size_of[w] = size

    present = set(words)
    rows = []
    for w in sorted(present):
        if w != w.lower() or not w[:1].isalpha():
            continue
        size = size_of.get(w)
        if size is None:
            sys.exit(f"{w!r} is in wamerican but in none of the SCOWL lists it was built from")
        flags = [f"s{size}"]
        if w[:1].upper() + w[1:] in present:
            flags.insert(0, "cap")
        rows.append([w, "|".join(flags)])

    comments = [
        "# english_words.tsv: ordinary English words (lowercase), for telling a sentence-initial word (However, Yes) from a name",
        "# source: wamerican 2020.12.07-2 (Debian apt; /usr/share/dict/american-english, SCOWL size 50) and scowl 2020.12.07-2 (Debian apt; size levels)",
        "# licence: SCOWL licence (permissive; Copyright 2000-2011 Kevin Atkinson and the authors named in tools/names/licences/scowl-wamerican-copyright.txt)",
        "# generator: tools/names/build_english_words.py",
        "# flags: s10|s20|s35|s40|s50 = smallest SCOWL size holding the word (s10, s20: very common; s50: rarer); cap = the list also has it capitalised (bill/Bill, rose/Rose), so it may be a name or place",
        "# entries: lowercase entries only, possessive 's removed (men's -> men); contractions kept (don't)",
    ]
    write_tsv(WORDLISTS / "english_words.tsv", comments, ["word", "flags"], rows)


if __name__ == "__main__":
    main()
