"""Wade-Giles spellings of the pinyin syllables, from pypinyin's conversion table plus corrections.

pypinyin 0.55.0 ships a pinyin -> Wade-Giles table in pypinyin/style/wadegiles.py. The table is
read from the wheel as data (parsed with `ast`, never imported). A few entries are wrong or
missing; CORRECTIONS below fixes them from general knowledge of Wade-Giles, and EXTRA adds the
common alternative spellings. Every syllable of wordlists/pinyin_syllables.tsv must get a form.
"""

from __future__ import annotations

import ast
import sys

from common import wheel_file

CORRECTIONS = {
    "tie": "t'ieh",   # pypinyin has the typo t'oeh
    "chua": "ch'ua",  # pypinyin has a backtick
    "luan": "luan",   # pypinyin lists luan twice (luan, lüan); 乱 is luan
    "cei": "ts'ei",   # missing
    "dia": "tia",     # missing
    "kei": "k'ei",    # missing
    "rua": "jua",     # missing
    "tei": "t'ei",    # missing
}

# Alternative Wade-Giles spellings in common use, by pinyin syllable.
EXTRA = {
    "si": ["szu"],    # ssu/szu are both used (Szu-ma)
    "e": ["e"],       # ê, written e without the circumflex
    "lv": ["lu"],     # lü written without the diaeresis
    "yi": ["yi"],     # i is often written yi in names (Taiwan)
}


def pypinyin_table() -> dict[str, str]:
    source = wheel_file("pypinyin", "pypinyin/style/wadegiles.py").decode("utf-8")
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "_convert_table" for t in node.targets
        ):
            pairs = ast.literal_eval(node.value)
            table: dict[str, str] = {}
            for py, wg in pairs:
                table.setdefault(py.replace("ü", "v"), wg)
            return table
    sys.exit("pypinyin/style/wadegiles.py: no _convert_table")


def ascii_form(wg: str) -> str:
    """Drop the aspiration apostrophe and the diaeresis: ch'üeh -> chueh."""
    return wg.replace("'", "").replace("`", "").replace("ü", "u").replace("ê", "e")


def wade_giles(syllables: set[str]) -> dict[str, list[str]]:
    """pinyin syllable -> Wade-Giles spellings (with apostrophes and ü), first is the main one."""
    table = pypinyin_table()
    table.update(CORRECTIONS)
    out: dict[str, list[str]] = {}
    missing = []
    for syl in sorted(syllables):
        main = table.get(syl)
        if main is None:
            missing.append(syl)
            continue
        forms = [main]
        for alt in EXTRA.get(syl, []):
            if alt not in forms:
                forms.append(alt)
        out[syl] = forms
    if missing:
        sys.exit(f"no Wade-Giles spelling for {missing}")
    return out
