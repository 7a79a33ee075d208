"""Shared helpers for the entity-list generator (tools/entities/build.py).

Standard library only. Everything here is deterministic: no set or dict is
iterated without sorting first, so the same inputs give byte-identical output.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(REPO, "tools", ".cache")
HAND = os.path.join(HERE, "hand")
OUT_DIR = os.path.join(REPO, "wordlists", "entities")

TYPES = (
    "university",
    "institute",
    "country",
    "region",
    "city",
    "place",
    "company",
    "organisation",
    "agency",
    "media",
    "person",
    "product",
)

HEADER = "canonical\ttype\taliases\trank\tcountry"

# Lower number = wins when two sources propose the same canonical form.
SOURCE_PRIORITY = {
    "hand": 0,
    "pycountry": 1,
    "geonames-country": 1,
    "geonames-city": 2,
    "geonames-region": 3,
    "wordnet": 4,
    "cedict": 5,
}


@dataclasses.dataclass
class Entry:
    canonical: str
    type: str
    aliases: list[str]
    rank: int
    country: str
    source: str  # key of SOURCE_PRIORITY
    file: str  # output file name, e.g. "places.tsv"

    def key(self) -> str:
        return fold_key(self.canonical)

    def sort_key(self):
        return (SOURCE_PRIORITY[self.source], self.rank, self.canonical)


_WS = re.compile(r"\s+")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_DASH = str.maketrans({"\u2010": "-", "\u2011": "-"})


def clean(s: str) -> str:
    """NFC, straight apostrophes, single spaces, no leading 'The '."""
    s = unicodedata.normalize("NFC", s)
    s = s.translate(_APOS).translate(_DASH)
    s = _WS.sub(" ", s).strip()
    s = s.replace("\t", " ")
    if s.startswith("The ") and len(s) > 4:
        s = s[4:]
    return s


def fold_key(s: str) -> str:
    """Key used to find clashes: case-insensitive, apostrophe/space insensitive."""
    return clean(s).casefold()


def ascii_fold(s: str) -> str:
    """Drop diacritics: 'Ürümqi' -> 'Urumqi', 'Xi’an' -> "Xi'an"."""
    s = clean(s)
    special = {"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ʻ": "'", "ʿ": "'", "ʾ": "'"}
    s = "".join(special.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def warn(msg: str) -> None:
    print("warning: " + msg, file=sys.stderr)


def read_entity_list(path: str, file: str, default_type: str | None = None):
    """Parse a hand-written entity list.

    Format (see hand/README.md):
        # comment
        @type university        -- sets the type for following lines
        @country CN             -- sets the country ('-' for none)
        @rank 200               -- sets the default rank
        Canonical<TAB>alias|alias<TAB>rank<TAB>country<TAB>type
    Only the first column is required; empty columns take the current default.
    """
    cur_type, cur_country, cur_rank = default_type, "", 1000
    out = []
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("@"):
                key, _, val = line[1:].partition(" ")
                val = val.strip()
                if key == "type":
                    if val not in TYPES:
                        raise SystemExit(f"{path}:{lineno}: unknown type {val!r}")
                    cur_type = val
                elif key == "country":
                    cur_country = "" if val == "-" else val
                elif key == "rank":
                    cur_rank = int(val)
                else:
                    raise SystemExit(f"{path}:{lineno}: unknown directive {key!r}")
                continue
            cols = line.split("\t")
            while len(cols) < 5:
                cols.append("")
            if len(cols) > 5:
                raise SystemExit(f"{path}:{lineno}: too many columns")
            canonical = clean(cols[0])
            aliases = [clean(a) for a in cols[1].split("|") if clean(a)]
            if any(a.isdigit() for a in aliases):
                raise SystemExit(f"{path}:{lineno}: numeric alias (rank in the wrong column?)")
            rank = int(cols[2]) if cols[2].strip() else cur_rank
            country = cols[3].strip() or cur_country
            if country == "-":
                country = ""
            typ = cols[4].strip() or cur_type
            if typ not in TYPES:
                raise SystemExit(f"{path}:{lineno}: no valid type for {canonical!r}")
            if country and not re.fullmatch(r"[A-Z]{2}", country):
                raise SystemExit(f"{path}:{lineno}: bad country {country!r}")
            if not canonical:
                raise SystemExit(f"{path}:{lineno}: empty canonical form")
            out.append(Entry(canonical, typ, aliases, rank, country, "hand", file))
    return out


def read_simple_tsv(path: str, ncols: int):
    """Rows of a hand TSV with '#' comments; short rows are padded with ''."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) > ncols:
                raise SystemExit(f"{path}:{lineno}: too many columns")
            cols += [""] * (ncols - len(cols))
            rows.append([c.strip() for c in cols])
    return rows


def read_lines(path: str):
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def write_tsv(path: str, comments: list[str], entries: list[Entry]) -> int:
    rows = set()
    for e in entries:
        cells = [e.canonical, e.type, "|".join(e.aliases), str(e.rank), e.country]
        for c in cells:
            assert "\t" not in c and "\n" not in c, (e, c)
        rows.add("\t".join(cells))
    body = sorted(rows, key=lambda r: r.encode("utf-8"))
    text = "".join("# " + c + "\n" for c in comments) + HEADER + "\n" + "".join(r + "\n" for r in body)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(body)
