#!/usr/bin/env python3
"""Build wordlists/chinese_surnames.tsv from tools/names/surnames_src.tsv.

The source (hand-written: rank, pinyin, hanzi, non-Wade-Giles variants) is checked against
pypinyin 0.55.0: every character of the simplified and traditional forms must have the stated
pinyin among its readings. The Wade-Giles form is computed (tools/names/wadegiles.py) and put
first among the variants, e.g. Zhang -> Chang, Ouyang -> Ou-yang.
Needs wordlists/pinyin_syllables.tsv (build_pinyin.py) first.
"""

from __future__ import annotations

import sys

from common import HERE, WORDLISTS, pinyin_syllables, pypinyin_readings, write_tsv
from wadegiles import ascii_form, wade_giles


# Readings that pypinyin lacks for a Traditional form used only in a compound surname.
MISSING_READINGS = {("萬", "mo"): "萬俟 Moqi; pypinyin has only wan for 萬 (it has mo for 万)"}


def segment(pinyin: str, chars: str, readings: dict[str, set[str]]) -> list[str] | None:
    """Split a surname's pinyin into one reading per character, or None."""
    if not chars:
        return [] if not pinyin else None
    for cut in range(len(pinyin), 0, -1):
        head = pinyin[:cut]
        if head in readings.get(chars[0], set()):
            rest = segment(pinyin[cut:], chars[1:], readings)
            if rest is not None:
                return [head, *rest]
    return None


def main() -> None:
    readings = pypinyin_readings()
    for (char, reading) in MISSING_READINGS:
        readings.setdefault(char, set()).add(reading)
    syllables = pinyin_syllables()
    wg = wade_giles(syllables)
    rows = []
    errors = []
    seen_hanzi = set()
    lines = (HERE / "surnames_src.tsv").read_text(encoding="utf-8").splitlines()
    body = [l for l in lines if not l.startswith("#")][1:]
    for line in body:
        rank, pinyin, simp, trad, hand = line.split("\t")
        key = pinyin.lower()
        forms = [f for f in simp.split("|")]
        if trad not in forms:
            forms.append(trad)
        for form in forms:
            if form in seen_hanzi:
                errors.append(f"{pinyin}: {form} listed twice")
            seen_hanzi.add(form)
            parts = segment(key, form, readings)
            if parts is None or any(p not in syllables for p in parts):
                errors.append(f"{pinyin} {form}: pypinyin has no such reading")
        parts = segment(key, simp.split("|")[0], readings) or []
        # the first Wade-Giles spelling of each syllable, skipping one-letter forms (yi -> i, e -> o):
        # a one-letter surname spelling would match the English words I and O
        wg_parts = [next((f for f in map(ascii_form, wg[p]) if len(f) > 1 or len(parts) > 1), p)
                    for p in parts]
        variants = []
        if wg_parts:
            wg_name = "-".join(wg_parts).capitalize()
            if wg_name.lower() != key:
                variants.append(wg_name)
        for v in ([] if hand == "-" else hand.split("|")):
            if v.lower() == key:
                errors.append(f"{pinyin}: variant {v} is the pinyin itself")
            if v not in variants:
                variants.append(v)
        rows.append([pinyin, "|".join(forms), "|".join(variants) or "-", rank])
    if errors:
        sys.exit("\n".join(errors))

    comments = [
        "# chinese_surnames.tsv: common Chinese surnames (single and compound) with their Wade-Giles, Cantonese, Hokkien/Teochew, Hakka, Taiwan and diaspora spellings",
        "# source: hand-written by the mtlint team from general knowledge (tools/names/surnames_src.tsv); readings checked against pinyin_dict.json of pypinyin 0.55.0 (PyPI); Wade-Giles computed from pypinyin's table with corrections",
        "# licence: MIT OR Apache-2.0",
        "# generator: tools/names/build_surnames.py",
        "# columns: pinyin is capitalised and toneless (ü written v: Lv); hanzi is the Simplified form(s) then the Traditional form, one value when they are the same (肖|萧|蕭: two simplified forms in use);"
        " variants: the Wade-Giles form first (apostrophes and diaeresis dropped), then other spellings, '-' for none; Vietnamese and Korean readings are not variants here (see romanization_other.tsv)",
        "# rank: approximate rank by number of holders in mainland China, from general knowledge of published household-registration statistics; ranks 1-100 follow those lists, ranks past 100 are an approximate order, and the compound surnames are ranked after all single ones",
        "# duplicate keys: one row per surname character, so a pinyin can repeat (Xu 徐 and Xu 许, Zhang 张 and Zhang 章); the hanzi column tells them apart",
    ]
    write_tsv(WORDLISTS / "chinese_surnames.tsv", comments, ["pinyin", "hanzi", "variants", "rank"], rows)


if __name__ == "__main__":
    main()
