"""Chinese proper nouns from CC-CEDICT (CC BY-SA 4.0) -> cedict_proper_nouns.tsv.

Only entries whose first English gloss is itself a clean proper name of a
known kind are taken: universities and institutes, prefecture-level cities,
companies, PRC government agencies, news media, and people born in 1900 or
later. Glosses that describe a former, historical or fictional body are
skipped, and so is anything listed in hand/cedict_exclude.txt. Entries whose
name is already in a hand-written or other list are dropped by build.py, so
this file only adds names the other lists lack.
"""

from __future__ import annotations

import os
import re

import sources
from common import HAND, Entry, clean, fold_key, read_lines

CONNECTORS = {"of", "and", "for", "the", "in", "on", "at", "de", "la", "le", "du", "des", "der", "und", "&", "y", "del", "da", "di", "van", "von", "bin", "al"}
SKIP_WORDS = re.compile(
    r"\b(former(ly)?|old name|disbanded|replaced|ceased|defunct|imperial|dynasty|Qing|Ming|Song|Tang|Han|"
    r"fictional|in operation|shut down|merged|renamed|abolished|until \d{4}|predecessor|forerunner|"
    r"historical|ancient)\b",
    re.I,
)
EVENT_WORDS = {"War", "Republic", "Revolution", "Dynasty", "Movement", "Incident", "Rebellion", "Uprising",
               "Expedition", "Period", "Era", "Treaty", "Conference", "Congress", "Party", "Army", "International",
               "Campaign", "Massacre", "Crisis", "Olympics", "Games", "Reform", "Battle", "Affair", "Agreement",
               "Kingdom", "Empire", "Union", "Society", "Group", "Award", "Prize", "Festival", "Exhibition",
               "Forward", "League", "Nations", "Leap", "Bridge", "Temple", "Mountain", "River"}
TITLES = {"General", "Sir", "Dr", "Lord", "Saint", "Pope", "King", "Queen", "Ms", "Mr", "Mrs", "Professor", "Mullah",
          "Ayatollah", "President", "Prime", "Chairman", "Emperor", "Prince", "Princess", "Marshal", "Admiral"}
DEMONYMS = [
    (r"\bPRC\b|\bChinese\b|\bChina\b", "CN"), (r"\bTaiwan", "TW"), (r"\bHong Kong\b", "HK"), (r"\bMacau\b", "MO"),
    (r"\bUS\b|\bU\.S\.|\bAmerican\b|\bUSA\b", "US"), (r"\bBritish\b|\bEnglish\b|\bUK\b|\bScottish\b", "GB"),
    (r"\bJapan(ese)?\b", "JP"), (r"\bSouth Korea(n)?\b|\bKorean\b", "KR"), (r"\bNorth Korea(n)?\b", "KP"),
    (r"\bFrench\b|\bFrance\b", "FR"), (r"\bGerman(y)?\b", "DE"), (r"\bRussian?\b|\bSoviet\b", "RU"),
    (r"\bItalian\b", "IT"), (r"\bIndian?\b", "IN"), (r"\bCanad(a|ian)\b", "CA"), (r"\bAustralian?\b", "AU"),
    (r"\bSingapore(an)?\b", "SG"), (r"\bVietnam(ese)?\b", "VN"), (r"\bThai(land)?\b", "TH"),
]
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,9}$")
PAREN = re.compile(r"\s*\(([^()]*)\)")

RANK = {"university": 3000, "institute": 3000, "city": 2500, "company": 6000, "agency": 3000,
        "media": 4000, "person": 20000}


def _ordinary_words() -> set[str]:
    return sources.wordnet_lowercase_lemmas()


def _is_name(name: str, min_tokens: int = 1) -> bool:
    toks = name.split(" ")
    if " in " in f" {name} ":
        return False  # "Jinan University in Guangdong Province": a description
    if len(toks) < min_tokens or len(toks) > 12:
        return False
    if " or " in f" {name} " or "/" in name or ";" in name or ":" in name or '"' in name:
        return False
    if toks[0].lower() in CONNECTORS:
        return False
    for t in toks:
        if t.lower() in CONNECTORS and t == t.lower():
            continue
        if not (t[:1].isupper() or t[:1].isdigit()):
            return False
    return True


def _country_of(text: str) -> str:
    for pat, cc in DEMONYMS:
        if re.search(pat, text):
            return cc
    return ""


def _strip_trailing_acronym(name: str) -> tuple[str, list[str]]:
    """'Seoul National University SNU' -> ('Seoul National University', ['SNU'])."""
    toks = name.split(" ")
    if (len(toks) >= 3 and re.fullmatch(r"[A-Z]{2,6}", toks[-1]) and not toks[-2].isupper()
            and toks[-2].lower() not in CONNECTORS):
        return " ".join(toks[:-1]), [toks[-1]]
    return name, []


def _split_name(gloss: str):
    """'Xi'an Jiaotong University (XJTU)' -> ('Xi'an Jiaotong University', ['XJTU'], rest)."""
    acr = []
    rest = ""
    name = gloss
    if ", " in name:
        name, rest = name.split(", ", 1)
    inner = PAREN.findall(name)
    name = PAREN.sub("", name).strip()
    name, extra = _strip_trailing_acronym(name)
    acr += extra
    for i in inner:
        for part in re.split(r"[;,] ?", i):
            part = part.strip()
            if ACRONYM.match(part) and part.upper() == part.replace(".", "").upper() and part.isupper():
                acr.append(part)
        rest = (rest + " " + i).strip()
    return clean(name), acr, rest


UNI_WORDS = re.compile(r"\b(University|College|Institute|Academy|Conservatory|School)\b")
COMPANY_HINT = re.compile(r"\b(company|corporation|conglomerate|manufacturer|carmaker|automaker|airline|bank)\b", re.I)
COMPANY_SUFFIX = re.compile(r"\b(Corporation|Company|Group|Bank|Airlines|Holdings|Motors)$")
MEDIA_HINT = re.compile(r"\b(newspaper|news agency|broadcaster|TV station|television station|news portal|magazine)\b", re.I)
AGENCY_START = re.compile(r"^(Ministry of|National [A-Z]\w+ (Administration|Commission|Bureau)|State [A-Z]\w+ "
                          r"(Administration|Commission|Bureau)|State Administration|General Administration|"
                          r"China [A-Z]\w+ Regulatory Commission|Cyberspace Administration|Civil Aviation "
                          r"Administration|State Council)")


def build_cedict() -> list[Entry]:
    exclude = {fold_key(x) for x in read_lines(os.path.join(HAND, "cedict_exclude.txt"))}
    ordinary = _ordinary_words()
    found: dict[str, Entry] = {}

    def add(name, typ, aliases, country):
        if fold_key(name) in exclude or len(name) < 3:
            return
        if " " not in name and name.lower() in ordinary:
            return
        k = fold_key(name)
        if k in found:
            old = found[k]
            for a in aliases:
                if a not in old.aliases:
                    old.aliases.append(a)
            return
        found[k] = Entry(name, typ, sorted(set(aliases)), RANK[typ], country, "cedict", "cedict_proper_nouns.tsv")

    for trad, simp, py, defs in sources.cedict_entries():
        if not defs or not defs[0]:
            continue
        full = "/".join(defs)
        g = defs[0].strip()
        if g.startswith(("abbr", "see ", "variant", "old ", "surname", "CL:")) or SKIP_WORDS.search(full):
            continue
        # people: "Name (1953-), description"
        m = re.match(r"^([^(),]+?) \((?:c\. ?|b\. ?)?(\d{4})-(\d{4})?\),? (.+)$", g)
        if m:
            name, born, _died, rest = clean(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
            toks = name.split(" ")
            if (born >= 1900 and 2 <= len(toks) <= 4 and _is_name(name, 2)
                    and not any(t in EVENT_WORDS for t in toks)
                    and not any(t.isupper() and len(t) > 1 for t in toks)
                    and not re.search(r"Hong Kong|Taiwan|Macau|\(Tw\)|Singapore|Malaysia", rest)
                    and toks[0] not in TITLES
                    and not (len(toks) == 2 and len(name) - 1 < 8)  # "Wang Li": too easily confused
                    and _country_of(rest) != "JP"):  # CC-CEDICT gives Japanese names family name first
                add(name, "person", [], _country_of(rest))
            continue
        # prefecture-level cities of China
        m = re.match(r"^([A-Z][a-z']+(?: [A-Z][a-z']+)?),? (?:a )?prefecture-level city\b", g)
        if m:
            name = clean(m.group(1))
            if "'" not in name or re.match(r"^[A-Z][a-z]*'[a-z]+$", name):
                add(name, "city", [], "CN")
            continue
        name, acr, rest = _split_name(g)
        if not name or not _is_name(name):
            continue
        if simp.endswith(("大学", "学院", "研究院", "科学院", "研究所")) and UNI_WORDS.search(name) and " " in name:
            typ = "institute" if re.search(r"\b(Academy of|Institute of)\b", name) and not re.search(
                r"\bTechnology\b", name) and simp.endswith(("研究院", "科学院", "研究所")) else "university"
            cc = _country_of(rest) or ("CN" if re.search(r"China|Chinese|Beijing|Shanghai|Peking|Tsinghua", name) else "")
            add(name, typ, acr, cc)
        elif MEDIA_HINT.search(rest) and len(name.split()) <= 6:
            add(name, "media", acr, _country_of(rest))
        elif (COMPANY_HINT.search(rest) or COMPANY_SUFFIX.search(name)) and len(name.split()) <= 6:
            if re.search(r"\b(Inc|Ltd|Co)\.?$", name):
                continue
            add(name, "company", acr, _country_of(rest + " " + name))
        else:
            pname = re.sub(r"^PRC |,? (of the|of) PRC$|,? of the People's Republic of China$", "", name)
            if AGENCY_START.match(pname) and (re.search(r"PRC|China|Chinese", full) or simp.startswith(("国家", "中国", "国务院"))):
                if "PRC" in pname or re.search(r"\b(Japan|Taiwan|Tw)\b", full):
                    continue
                add(pname, "agency", acr, "CN")
    return [found[k] for k in sorted(found)]
