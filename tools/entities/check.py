#!/usr/bin/env python3
"""Check wordlists/entities/*.tsv against the entity-list format.

    python3 tools/entities/check.py [DIR]

Exits 1 and prints every problem found; prints a summary and exits 0 when all
files pass. Checks, per file: UTF-8, '\\n' line endings, a final newline, '#'
lines only at the top (file name, source, licence and generator lines), the
exact column header, five tab-separated cells per row, no empty or padded
cells, known type, integer rank >= 1, ISO alpha-2 country or empty, no leading
"The " in canonical forms, rows sorted in byte order and unique. Across all
files: no canonical form twice (also case-insensitively), and no alias equal
to any canonical form.
"""

from __future__ import annotations

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DIR = os.path.join(REPO, "wordlists", "entities")
HEADER = "canonical\ttype\taliases\trank\tcountry"
TYPES = {"university", "institute", "country", "region", "city", "place", "company",
         "organisation", "agency", "media", "person", "product"}
MAX_TOTAL_BYTES = 10 * 1024 * 1024


def check_dir(d: str) -> list[str]:
    errors: list[str] = []
    files = sorted(f for f in os.listdir(d) if f.endswith(".tsv"))
    if not files:
        return [f"{d}: no .tsv files"]
    canon_owner: dict[str, str] = {}
    fold_owner: dict[str, str] = {}
    aliases: list[tuple[str, str, int, str]] = []
    total = 0
    counts = {}
    for fname in files:
        path = os.path.join(d, fname)
        raw = open(path, "rb").read()
        total += len(raw)
        err = lambda ln, msg: errors.append(f"{fname}:{ln}: {msg}")  # noqa: E731
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(0, f"not UTF-8 ({e})")
            continue
        if "\r" in text:
            err(0, "contains \\r (line endings must be \\n)")
        if text.startswith("\ufeff"):
            err(1, "byte-order mark")
        if not text.endswith("\n"):
            err(0, "no final newline")
        lines = text.split("\n")[:-1]
        i = 0
        comments = []
        while i < len(lines) and lines[i].startswith("#"):
            comments.append(lines[i])
            i += 1
        if not comments or not comments[0].startswith(f"# {fname}: ") or len(comments[0]) <= len(fname) + 4:
            err(1, f"first line must be '# {fname}: <what the list is>'")
        for key in ("source", "licence"):
            if not any(c.startswith(f"# {key}: ") and len(c) > len(key) + 4 for c in comments):
                err(1, f"no '# {key}: ...' line at the top")
        gens = [re.match(r"^# generator: (tools/entities/\S+)", c) for c in comments]
        gens = [g.group(1) for g in gens if g]
        if not gens:
            err(1, "no '# generator: tools/entities/<script>' line at the top")
        for g in gens:
            if not os.path.isfile(os.path.join(REPO, g)):
                err(1, f"generator {g} does not exist")
        if i >= len(lines) or lines[i] != HEADER:
            err(i + 1, "first non-comment line must be the header: " + HEADER.replace("\t", "<TAB>"))
            continue
        rows = lines[i + 1:]
        prev = None
        seen_rows = set()
        for n, row in enumerate(rows, i + 2):
            if row.startswith("#"):
                err(n, "comment line below the header")
                continue
            if row == "":
                err(n, "empty line")
                continue
            # An empty last cell (country) leaves the row ending in its tab
            # separator; any other trailing whitespace is an error.
            if row.rstrip("\t") != row.rstrip() or row.endswith("\t\t"):
                err(n, "trailing whitespace")
            b = row.encode("utf-8")
            if prev is not None and b < prev:
                err(n, "rows not sorted in byte order (LC_ALL=C sort)")
            if b in seen_rows:
                err(n, "duplicate row")
            seen_rows.add(b)
            prev = b
            cells = row.split("\t")
            if len(cells) != 5:
                err(n, f"{len(cells)} cells, expected 5")
                continue
            canonical, typ, alias_cell, rank, country = cells
            for c in cells:
                if c != c.strip() or "  " in c:
                    err(n, f"cell with leading, trailing or double spaces: {c!r}")
            if not canonical:
                err(n, "empty canonical form")
            if canonical.startswith("The "):
                err(n, f"canonical form starts with 'The ': {canonical!r}")
            if "|" in canonical:
                err(n, "'|' in canonical form")
            if typ not in TYPES:
                err(n, f"unknown type {typ!r}")
            if not re.fullmatch(r"[1-9][0-9]*", rank):
                err(n, f"rank is not a positive integer: {rank!r}")
            if country and not re.fullmatch(r"[A-Z]{2}", country):
                err(n, f"country is not an ISO 3166-1 alpha-2 code: {country!r}")
            if canonical in canon_owner:
                err(n, f"canonical {canonical!r} also in {canon_owner[canonical]}")
            else:
                canon_owner[canonical] = f"{fname}:{n}"
            f = canonical.casefold()
            if f in fold_owner and fold_owner[f] != f"{fname}:{n}" and canon_owner.get(canonical) == f"{fname}:{n}":
                err(n, f"canonical {canonical!r} differs only in case from one in {fold_owner[f]}")
            fold_owner.setdefault(f, f"{fname}:{n}")
            if alias_cell:
                parts = alias_cell.split("|")
                if any(p == "" or p != p.strip() for p in parts):
                    err(n, f"empty or padded alias in {alias_cell!r}")
                if len(set(parts)) != len(parts):
                    err(n, "duplicate alias in one row")
                for p in parts:
                    if p == canonical:
                        err(n, f"alias equals its own canonical form: {p!r}")
                    aliases.append((p, fname, n, canonical))
        counts[fname] = len(rows)
    for alias, fname, n, canonical in aliases:
        if alias in canon_owner:
            errors.append(f"{fname}:{n}: alias {alias!r} of {canonical!r} is a canonical form ({canon_owner[alias]})")
    if total > MAX_TOTAL_BYTES:
        errors.append(f"total size {total} bytes is over {MAX_TOTAL_BYTES}")
    if any("cedict" in f for f in files) and not os.path.exists(os.path.join(d, "CEDICT-LICENSE.txt")):
        errors.append("CEDICT-derived file present but CEDICT-LICENSE.txt missing")
    if not errors:
        for fname in files:
            size = os.path.getsize(os.path.join(d, fname))
            print(f"ok  {fname}: {counts[fname]} rows, {size} bytes")
        print(f"ok  {len(files)} files, {sum(counts.values())} rows, {total} bytes, "
              f"{len(canon_owner)} distinct canonical forms, {len(aliases)} aliases")
    return errors


def main() -> int:
    d = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    errors = check_dir(d)
    for e in errors:
        print("error: " + e)
    if errors:
        print(f"{len(errors)} problem(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
