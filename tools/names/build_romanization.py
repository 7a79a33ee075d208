#!/usr/bin/env python3
"""Build wordlists/romanization_other.tsv: name forms valid in romanisations other than pinyin.

Input: tools/names/romanization_src.tsv (hand-written: Cantonese, Hokkien, established forms,
Korean, Japanese, Vietnamese) plus the Wade-Giles spelling of every pinyin syllable
(tools/names/wadegiles.py, from pypinyin's table with corrections). One row per form; when a
form belongs to several systems they are joined with '|' and the notes are prefixed by system.

Checks that stop the build:
  - every variant spelling in wordlists/chinese_surnames.tsv (each hyphen part) is a pinyin
    syllable or a form here, so no listed surname spelling is ever "not valid pinyin";
  - GARBLES (e.g. "tingryu", a garble of Tsinghua) cannot be spelled with the syllables of any
    one system, and no single letter but the ones in SINGLE_LETTERS is a form.
Needs wordlists/pinyin_syllables.tsv and wordlists/chinese_surnames.tsv first.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from common import HERE, WORDLISTS, pinyin_syllables, read_tsv, write_tsv
from wadegiles import ascii_form, wade_giles

SYSTEMS = ("wade-giles", "cantonese", "hokkien", "established", "korean", "japanese", "vietnamese")
GARBLES = ("tingryu", "zjiang", "leann")
SINGLE_LETTERS = {"a", "e", "i", "o", "u", "n"}


def segmentable(word: str, units: frozenset[str]) -> bool:
    @lru_cache(maxsize=None)
    def ok(pos: int) -> bool:
        if pos == len(word):
            return True
        return any(word.startswith(u, pos) and ok(pos + len(u)) for u in units)

    return ok(0)


def main() -> None:
    syllables = pinyin_syllables()
    by_form: dict[str, dict[str, str]] = {}

    wg_notes: dict[str, list[str]] = {}
    for py, forms in wade_giles(syllables).items():
        for wg in forms:
            wg_notes.setdefault(ascii_form(wg), []).append(f"{wg} = pinyin {py}")
    for form, notes in wg_notes.items():
        by_form.setdefault(form, {})["wade-giles"] = "; ".join(sorted(set(notes)))

    _, header, rows = read_tsv(HERE / "romanization_src.tsv")
    if header != ["form", "system", "note"]:
        sys.exit(f"romanization_src.tsv: header {header}")
    errors = []
    for form, system, note in rows:
        if system not in SYSTEMS:
            errors.append(f"{form}: unknown system {system}")
        if form != form.lower():
            errors.append(f"{form}: forms are lowercase")
        if system in by_form.get(form, {}):
            errors.append(f"{form}: {system} twice")
        by_form.setdefault(form, {})[system] = note

    out = []
    for form, systems in by_form.items():
        names = [s for s in SYSTEMS if s in systems]
        if len(names) == 1:
            note = systems[names[0]]
        else:
            note = "; ".join(f"{s}: {systems[s]}" for s in names)
        out.append([form, "|".join(names), note])

    # Every surname spelling must be valid somewhere.
    _, _, surnames = read_tsv(WORDLISTS / "chinese_surnames.tsv")
    known = set(by_form) | syllables
    for row in surnames:
        for variant in row[2].split("|"):
            if variant == "-":
                continue
            for part in variant.lower().split("-"):
                if part not in known:
                    errors.append(f"surname variant {variant} ({row[0]} {row[1]}): {part} is in no list")

    # Garbles must stay invalid in every single system (and in pinyin).
    units_by_system = {"pinyin": frozenset(syllables)}
    for form, systems in by_form.items():
        if " " in form or "-" in form:
            continue
        for s in systems:
            units_by_system.setdefault(s, set()).add(form)  # type: ignore[union-attr]
    for system, units in units_by_system.items():
        units = frozenset(units)
        for garble in GARBLES:
            if segmentable(garble, units):
                errors.append(f"{garble} can be spelled with {system} syllables")
    for form in by_form:
        if len(form) == 1 and form not in SINGLE_LETTERS:
            errors.append(f"single letter {form} is a form")
    if errors:
        sys.exit("\n".join(errors))

    comments = [
        "# romanization_other.tsv: name forms and syllables valid in romanisations other than Hanyu Pinyin (Wade-Giles, Cantonese, Hokkien, established forms, Korean, Japanese, Vietnamese), never to be flagged as invalid pinyin",
        "# source: hand-written by the mtlint team from general knowledge (tools/names/romanization_src.tsv); Wade-Giles syllables from the table in pypinyin 0.55.0 (PyPI, pypinyin/style/wadegiles.py) with corrections (tools/names/wadegiles.py)",
        "# licence: MIT OR Apache-2.0 for the hand-written rows; the Wade-Giles rows derive from pypinyin (MIT, Copyright (c) 2016 mozillazg, 闲耘; see tools/names/licences/pypinyin-LICENSE.txt)",
        "# generator: tools/names/build_romanization.py",
        "# forms: lowercase; apostrophes and diaeresis dropped (ch'üeh -> chueh: normalise a word the same way before lookup); a form with a space or hyphen is a whole established name (hong kong, yat-sen)",
        "# system: one or more of wade-giles cantonese hokkien established korean japanese vietnamese, '|'-separated; established covers fixed place, institution, company and personal-name forms, Hakka and Malaysian spellings, and Taiwan spellings derived from Gwoyeu Romatzyh",
        "# judge a word within one system: a word spelled with syllables of two systems (ting + ryu in 'Tingryu') is a garble; japanese n is only valid after a vowel inside a word",
    ]
    write_tsv(WORDLISTS / "romanization_other.tsv", comments, ["form", "system", "note"], out)


if __name__ == "__main__":
    main()
