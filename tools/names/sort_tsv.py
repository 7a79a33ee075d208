#!/usr/bin/env python3
"""Re-sort TSV files in place: keep the top comment lines and the header, sort the rows by full
line in byte order (LC_ALL=C sort), drop duplicate rows, empty lines and trailing whitespace.

usage: python3 tools/names/sort_tsv.py FILE.tsv [FILE.tsv ...]
"""

from __future__ import annotations

import sys
from pathlib import Path


def sort_file(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    lines = [l.rstrip() for l in lines]
    top: list[str] = []
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or lines[i] == ""):
        if lines[i]:
            top.append(lines[i])
        i += 1
    if i == len(lines):
        sys.exit(f"{path}: no header line")
    header = lines[i]
    rows = sorted({l for l in lines[i + 1 :] if l}, key=lambda s: s.encode("utf-8"))
    path.write_text("\n".join([*top, header, *rows]) + "\n", encoding="utf-8", newline="\n")
    print(f"{path}: {len(rows)} rows")


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name in sys.argv[1:]:
        sort_file(Path(name))


if __name__ == "__main__":
    main()
