#!/usr/bin/env python3
"""Check the name lists in wordlists/ against the word-list format and their own column rules.

usage: python3 tools/names/check.py [FILE.tsv ...]   (default: the eight name lists)

Format rules (wordlists/README.md): UTF-8, '\\n' endings, no empty lines, '#' lines only at the
top and starting with '# <file name>:', '# source:', '# licence:', '# generator:' in that order
(further '#' lines may follow); the first other line is the tab-separated header; rows sorted by
full line in byte order with no duplicates; no trailing whitespace; every row has the header's
number of cells, none empty or padded; '|'-separated values neither empty nor repeated; no
duplicate first-column keys unless a header line starting '# duplicate keys:' explains them; a
generator that is not 'hand-written' exists. Column rules per file are in SCHEMAS.
Exit status 1 on any error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
WORDLISTS = REPO / "wordlists"

SYSTEMS = {"wade-giles", "cantonese", "hokkien", "established", "korean", "japanese", "vietnamese"}
INITIALS = {"-", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
            "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"}


def values(cell: str) -> list[str]:
    return cell.split("|")


def check_pinyin(row: list[str]) -> list[str]:
    syl, ini, fin = row
    errs = []
    if not re.fullmatch(r"[a-z]+", syl):
        errs.append("syllable must be lowercase ASCII")
    if ini not in INITIALS:
        errs.append(f"unknown initial {ini}")
    if (ini if ini != "-" else "") + fin != syl:
        errs.append("initial + final must spell the syllable")
    return errs


def check_surname(row: list[str]) -> list[str]:
    pinyin, hanzi, variants, rank = row
    errs = []
    if not re.fullmatch(r"[A-Z][a-z]*", pinyin):
        errs.append("pinyin must be capitalised toneless ASCII")
    if not all(re.fullmatch(r"[\u3400-\u9fff]+", h) for h in values(hanzi)):
        errs.append("hanzi must be CJK characters")
    if variants != "-" and not all(re.fullmatch(r"[A-Z][a-zü]*(-[A-Za-z][a-z]*)*", v) for v in values(variants)):
        errs.append("variants must be capitalised spellings or '-'")
    if not re.fullmatch(r"[1-9][0-9]*", rank):
        errs.append("rank must be a positive integer")
    return errs


def check_english(row: list[str]) -> list[str]:
    word, flags = row
    errs = []
    if word != word.lower():
        errs.append("words are lowercase")
    sizes = [f for f in values(flags) if re.fullmatch(r"s(10|20|35|40|50)", f)]
    if len(sizes) != 1 or set(values(flags)) - set(sizes) - {"cap"}:
        errs.append("flags: one of s10 s20 s35 s40 s50, optionally with cap")
    return errs


def check_english_other(row: list[str]) -> list[str]:
    word, kind = row
    return [] if kind in ("capitalised", "british") else ["kind must be capitalised or british"]


def check_given(row: list[str]) -> list[str]:
    name, kind = row
    errs = []
    if not name[:1].isupper() or " " in name:
        errs.append("names are single capitalised words")
    if kind not in {"given", "surname", "both"}:
        errs.append("kind is given, surname or both")
    return errs


def check_particle(row: list[str]) -> list[str]:
    return [] if row[1] in {"before", "between", "prefix", "after"} else ["position is before, between, prefix or after"]


def check_cue(row: list[str]) -> list[str]:
    cues = {"title", "speech_verb", "role", "org_head", "place_head"}
    return [] if set(values(row[1])) <= cues else [f"cue must be in {sorted(cues)}"]


def check_romanization(row: list[str]) -> list[str]:
    form, systems, _ = row
    errs = []
    if form != form.lower():
        errs.append("forms are lowercase")
    if not set(values(systems)) <= SYSTEMS:
        errs.append(f"system must be in {sorted(SYSTEMS)}")
    return errs


SCHEMAS = {
    "pinyin_syllables.tsv": (["syllable", "initial", "final"], check_pinyin),
    "chinese_surnames.tsv": (["pinyin", "hanzi", "variants", "rank"], check_surname),
    "english_words.tsv": (["word", "flags"], check_english),
    "english_other_forms.tsv": (["word", "kind"], check_english_other),
    "given_names.tsv": (["name", "kind"], check_given),
    "name_particles.tsv": (["particle", "position", "note"], check_particle),
    "person_cues.tsv": (["word", "cue"], check_cue),
    "romanization_other.tsv": (["form", "system", "note"], check_romanization),
}


def check_file(path: Path) -> list[str]:
    errors: list[str] = []

    def err(line_no: int, msg: str) -> None:
        errors.append(f"{path.name}:{line_no}: {msg}")

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"{path.name}: not UTF-8 ({e})"]
    if "\r" in text:
        err(0, "carriage return found: use \\n line endings")
    if not text.endswith("\n"):
        err(0, "the file must end with \\n")
    lines = text.split("\n")[:-1]

    top = []
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        top.append(lines[i])
        i += 1
    want = [f"# {path.name}:", "# source:", "# licence:", "# generator:"]
    for n, prefix in enumerate(want):
        if n >= len(top) or not top[n].startswith(prefix) or len(top[n].strip()) <= len(prefix):
            err(n + 1, f"line {n + 1} must start with '{prefix}' and say something")
    for n, line in enumerate(top):
        if line != line.rstrip():
            err(n + 1, "trailing whitespace")
    gen = next((l[len("# generator:"):].strip() for l in top if l.startswith("# generator:")), "")
    if gen and gen != "hand-written":
        script = gen.split()[0]
        if not (REPO / script).is_file():
            err(0, f"generator {script} does not exist")
    dup_ok = any(l.startswith("# duplicate keys:") for l in top)

    if i >= len(lines):
        return errors + [f"{path.name}: no header line"]
    header = lines[i].split("\t")
    header_no = i + 1
    schema = SCHEMAS.get(path.name)
    if schema and header != schema[0]:
        err(header_no, f"header {header} should be {schema[0]}")
    if len(set(header)) != len(header) or any(not h for h in header):
        err(header_no, "header names must be unique and non-empty")

    prev = None
    keys: dict[str, int] = {}
    for n, line in enumerate(lines[i + 1 :], start=header_no + 1):
        if line == "":
            err(n, "empty line")
            continue
        if line.startswith("#"):
            err(n, "comment lines are only allowed at the top")
            continue
        if line != line.rstrip() or line != line.rstrip("\t"):
            err(n, "trailing whitespace")
        enc = line.encode("utf-8")
        if prev is not None and enc <= prev:
            err(n, "duplicate row" if enc == prev else "rows are not sorted in byte order")
        prev = enc
        cells = line.split("\t")
        if len(cells) != len(header):
            err(n, f"{len(cells)} cells, header has {len(header)}")
            continue
        for cell in cells:
            if cell == "" or cell != cell.strip():
                err(n, f"empty or padded cell {cell!r}")
            parts = cell.split("|")
            if len(parts) > 1 and (any(p == "" for p in parts) or len(set(parts)) != len(parts)):
                err(n, f"empty or repeated value in {cell!r}")
        if cells[0] in keys and not dup_ok:
            err(n, f"duplicate key {cells[0]!r} (first on line {keys[cells[0]]})")
        keys.setdefault(cells[0], n)
        if schema:
            for msg in schema[1](cells):
                err(n, msg)
    return errors


def keys(name: str) -> set[str]:
    lines = (WORDLISTS / name).read_text(encoding="utf-8").split("\n")
    rows = [l for l in lines if l and not l.startswith("#")][1:]
    return {r.split("\t")[0] for r in rows}


def cross_checks() -> list[str]:
    """Facts the linter relies on, across the lists."""
    errors = []
    syllables = keys("pinyin_syllables.tsv")
    other = keys("romanization_other.tsv")
    words = keys("english_words.tsv")
    given = keys("given_names.tsv")
    surnames = keys("chinese_surnames.tsv")
    for s in ("lv", "lve", "nv", "nve", "lue", "nue", "lu", "nu", "zhang", "er"):
        if s not in syllables:
            errors.append(f"pinyin_syllables.tsv: {s} missing")
    for s in ("z", "x", "ryu", "ting" + "ryu", "tsing", "hsu", "chiang", "m", "ng"):
        if s in syllables:
            errors.append(f"pinyin_syllables.tsv: {s} must not be a pinyin syllable")
    if not 400 <= len(syllables) <= 420:
        errors.append(f"pinyin_syllables.tsv: {len(syllables)} syllables, expected about 410")
    for f in ("peking", "tsinghua", "hong kong", "cheung", "chiang", "lee", "soong", "kuomintang",
              "tsai", "hsieh", "kuo", "tsao", "leung", "kwok", "yeung", "tse", "ng", "chan", "lau",
              "wong", "kim", "park", "choi", "ryu", "nguyen", "tran", "pham", "tsu", "shi", "kyo"):
        if f not in other:
            errors.append(f"romanization_other.tsv: {f} missing")
    for f in ("tingryu", "z", "leann"):
        if f in other:
            errors.append(f"romanization_other.tsv: {f} must not be a form")
    for w in ("however", "yes", "said", "the"):
        if w not in words:
            errors.append(f"english_words.tsv: {w} missing")
    for n in ("Pavel", "John", "Mary", "Kim"):
        if n not in given:
            errors.append(f"given_names.tsv: {n} missing")
    for n in ("Chen", "Wang", "Zhang", "Nguyen", "Li"):
        if n in given:
            errors.append(f"given_names.tsv: {n} is not a Western name")
    for n in ("Zhang", "Ouyang", "Sima", "Zhuge", "Situ", "Shangguan", "Liang", "Wang", "Li"):
        if n not in surnames:
            errors.append(f"chinese_surnames.tsv: {n} missing")
    return errors


def main() -> None:
    names = sys.argv[1:] or [str(WORDLISTS / n) for n in SCHEMAS]
    failed = 0
    for name in names:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: missing")
            failed += 1
            continue
        errors = check_file(path)
        rows = sum(1 for l in path.read_text(encoding="utf-8").split("\n") if l and not l.startswith("#")) - 1
        if errors:
            failed += 1
            print(f"FAIL {path.name}: {len(errors)} errors")
            for e in errors[:50]:
                print("  " + e)
        else:
            print(f"ok   {path.name}: {rows} rows, {path.stat().st_size} bytes")
    if not sys.argv[1:] and not failed:
        errors = cross_checks()
        for e in errors:
            print("  " + e)
        print(f"{'FAIL' if errors else 'ok  '} cross-file checks: {len(errors)} errors")
        failed += bool(errors)
        names.append("cross-file checks")
    print(f"{len(names) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
