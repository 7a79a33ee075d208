#!/usr/bin/env python3
"""Build wordlists/given_names.tsv: Western given names and surnames, from Faker's person data.

Faker 40.63.0 (PyPI, MIT) ships first- and last-name lists per locale in
faker/providers/person/<locale>/__init__.py. They are read from the wheel as data (parsed with
`ast`, never imported) for the Latin-script Western locales in LOCALES. A name is `given` if it is
in a first-name list of any of them, `surname` if in a last-name list, `both` if in both.
Multi-word entries (van der Meer, María Luisa) are left out: the list is looked up word by word.

The lists also hold Chinese, Korean and Vietnamese names of people living in those countries
(Chen, Nguyen, Kim). Every name whose lowercase form is a pinyin syllable, a Chinese surname or
one of its variants, or a Cantonese, Hokkien, Korean or Vietnamese form in romanization_other.tsv
must be reviewed by hand into KEEP (also a Western name: Ben, Juan, Lee, Young) or DROP (an East
Asian name only), or into SURNAME_DROP (Western as a given name only: Kim); a new one stops the
build. Needs pinyin_syllables.tsv, chinese_surnames.tsv and romanization_other.tsv first.
"""

from __future__ import annotations

import ast
import re
import sys

from common import WORDLISTS, pinyin_syllables, read_tsv, save_licence, wheel_file, write_tsv

LOCALES = ("en", "en_US", "en_GB", "en_IE", "en_NZ", "de_DE", "de_AT", "fr_FR", "es_ES", "it_IT",
           "nl_NL", "pt_PT", "pt_BR", "pl_PL", "cs_CZ", "sk_SK", "sv_SE", "da_DK", "no_NO", "fi_FI")

DROP = set("""Ah Bak Chan Chang Chen Chin Ching Choi Chung Dian Duc Hak Ho Han Huang Hung Huy Huynh Kwak Lam Le Li Lim Lin
Liu Lu Lue Lum Mai Mak Nguyen Pham Shan Sing Son Tai Thi Tran Tuan Wang Wing Wong Wu Yan Yang Yee
Yu Zhang""".split())
SURNAME_DROP = {"Kim"}
KEEP = set("""Ben Bo Boon Cam Che Dam Dan Fo Gee Gil Gun Ham Jan Jo Juan Jung Kai Ken Kian King Kit
Kok Lang Law Lee Lew Lia Lie Lien Lo Loke Long Lou Louie Low Luan Luc Mac Mar Mie Moon Moy My Nan
Neo Nia Park Pat Pi Pien Pou Rae Rui Sam Shaw Sim Sol Teo Tim Tui Van Young
Bok Kot Kuk Pik""".split())  # the last line: Polish surnames (pl_PL)

NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def faker_lists(locale: str) -> dict[str, list[str]]:
    source = wheel_file("faker", f"faker/providers/person/{locale}/__init__.py").decode("utf-8")
    out: dict[str, list[str]] = {}
    for cls in (n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)):
        for node in cls.body:
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets = [node.target]
            else:
                continue
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if not names or not (names[0].startswith("first_name") or "last_name" in names[0]):
                continue
            value = node.value
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "OrderedDict":
                items = [k for k, _ in ast.literal_eval(value.args[0])]
            elif isinstance(value, (ast.Tuple, ast.List, ast.Dict)):
                items = list(ast.literal_eval(value))
            else:
                continue  # computed from other lists (first_names = male + female)
            out[names[0]] = [i for i in items if isinstance(i, str)]
    if not out:
        sys.exit(f"faker {locale}: no name lists found")
    return out


def main() -> None:
    save_licence("faker", wheel_file("faker", "faker-40.63.0.dist-info/licenses/LICENSE.txt"),
                 "faker-LICENSE.txt")
    given: set[str] = set()
    surname: set[str] = set()
    for locale in LOCALES:
        for list_name, items in faker_lists(locale).items():
            target = given if list_name.startswith("first_name") else surname
            if "romanized" in list_name or "kana" in list_name:
                continue
            for name in items:
                name = name.strip()
                if NAME.fullmatch(name) and name[0].isupper():
                    target.add(name)

    east_asian = set(pinyin_syllables())
    _, _, surnames = read_tsv(WORDLISTS / "chinese_surnames.tsv")
    for row in surnames:
        east_asian.add(row[0].lower())
        east_asian |= {v.lower() for v in row[2].split("|") if v != "-"}
    _, _, other = read_tsv(WORDLISTS / "romanization_other.tsv")
    for form, systems, _ in other:
        if set(systems.split("|")) & {"cantonese", "hokkien", "korean", "vietnamese"}:
            east_asian.add(form)

    unreviewed = sorted(n for n in given | surname
                        if n.lower() in east_asian and n not in DROP | KEEP | SURNAME_DROP)
    if unreviewed:
        sys.exit(f"review these names into KEEP, DROP or SURNAME_DROP: {unreviewed}")
    stale = sorted((DROP | KEEP | SURNAME_DROP) - given - surname)
    if stale:
        print(f"note: reviewed names no longer in Faker's lists: {stale}")

    rows = []
    for name in given | surname:
        if name in DROP:
            continue
        is_given = name in given
        is_surname = name in surname and name not in SURNAME_DROP
        if not (is_given or is_surname):
            continue
        kind = "both" if is_given and is_surname else "given" if is_given else "surname"
        rows.append([name, kind])

    comments = [
        "# given_names.tsv: Western given names and surnames (English, Irish, German, French, Spanish, Italian, Dutch, Portuguese, Polish, Czech, Slovak, Scandinavian, Finnish), for recognising non-Chinese names",
        "# source: first- and last-name lists of Faker 40.63.0 (PyPI), locales " + " ".join(LOCALES) + "; East Asian names in those lists removed by hand review (tools/names/build_given_names.py)",
        "# licence: MIT (Faker, Copyright (c) 2012 Daniele Faraglia; see tools/names/licences/faker-LICENSE.txt)",
        "# generator: tools/names/build_given_names.py",
        "# kind: given (in a first-name list), surname (in a last-name list), both; single words only, as capitalised in the source (names with particles such as van der Meer are left out)",
    ]
    write_tsv(WORDLISTS / "given_names.tsv", comments, ["name", "kind"], rows)


if __name__ == "__main__":
    main()
