#!/usr/bin/env python3
"""Build wordlists/english_other_forms.tsv: English words that english_words.tsv leaves out.

english_words.tsv keeps wamerican's lowercase entries. This list adds the two kinds of English
word it lacks, so that the name rules can tell an English word from a garbled romanisation:
  capitalised  entries wamerican writes only capitalised: proper adjectives and nouns (Russian,
               Tibetan, July, Balearic); the possessive 's entries are dropped
  british      British spellings that wamerican lacks, from SCOWL's british and british_variant_1
               word and upper lists up to size 50 (centre, colour, Americanise)
"""

from __future__ import annotations

from common import WORDLISTS, deb_file, deb_files, write_tsv

SIZES = (10, 20, 35, 40, 50)
BRITISH = (
    [f"british-words.{n}" for n in SIZES]
    + [f"british_variant_1-words.{n}" for n in SIZES]
    + ["british-upper.35", "british-upper.50"]
    + ["british_variant_1-upper.35", "british_variant_1-upper.40", "british_variant_1-upper.50"]
)


def words(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return [w for w in text.split("\n") if w and not w.endswith("'s")]


def main() -> None:
    american = set(words(deb_file("wamerican", "./usr/share/dict/american-english")))
    rows = {}
    for w in american:
        if w[:1].isupper() and w.lower() not in american and w[:1].isalpha():
            rows[w] = "capitalised"
    lists = deb_files("scowl", [f"./usr/share/dict/scowl/{n}" for n in BRITISH])
    for data in lists.values():
        for w in words(data):
            if w not in american and w not in rows and w[:1].isalpha():
                rows[w] = "british"
    comments = [
        "# english_other_forms.tsv: English words english_words.tsv leaves out (capitalised-only words such as Russian, Tibetan, July; British spellings such as centre), for telling English from a garbled romanisation",
        "# source: wamerican 2020.12.07-2 (Debian apt; capitalised entries of /usr/share/dict/american-english) and scowl 2020.12.07-2 (Debian apt; british and british_variant_1 word and upper lists, sizes 10 to 50)",
        "# licence: SCOWL licence (permissive; Copyright 2000-2011 Kevin Atkinson and the authors named in tools/names/licences/scowl-wamerican-copyright.txt)",
        "# generator: tools/names/build_english_other.py",
        "# kind: capitalised = wamerican writes the word only capitalised (a proper noun or adjective; it may also be a personal name); british = a British spelling not in wamerican",
        "# entries: as written in the source, possessive 's entries dropped",
    ]
    write_tsv(WORDLISTS / "english_other_forms.tsv", comments, ["word", "kind"], [[w, k] for w, k in rows.items()])


if __name__ == "__main__":
    main()
