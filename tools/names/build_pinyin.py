#!/usr/bin/env python3
"""Build wordlists/pinyin_syllables.tsv from the readings in pypinyin's pinyin_dict.json.

Every toneless reading of every character in pypinyin 0.55.0 is collected (ü written v), the
interjection, dialect and meme syllables listed in EXCLUDED are dropped, and the alternative
spellings lue/nue (for lüe/nüe) are added. The result is then checked against STANDARD, the
standard Hanyu Pinyin syllable table written out from general knowledge: any difference in
either direction stops the build, so a new pypinyin cannot silently change the inventory.
"""

from __future__ import annotations

import sys

from common import WORDLISTS, pypinyin_readings, save_licence, split_syllable, wheel_file, write_tsv

# Readings in pypinyin that are not syllables a romanised name can be made of.
EXCLUDED = {
    "m": "interjection (呣), no vowel",
    "n": "interjection (嗯), no vowel",
    "ng": "interjection (嗯), no vowel",
    "hm": "interjection (噷), no vowel",
    "hng": "interjection (哼), no vowel",
    "ê": "interjection (欸), not ASCII, outside names",
    "biang": "dialect character of a noodle name, not in the standard table",
    "bong": "dialect reading, not in the standard table",
    "din": "dialect reading, not in the standard table",
    "fiao": "dialect character (覅), not in the standard table",
    "len": "dialect reading, not in the standard table",
    "wong": "dialect reading, not in the standard table",
}

# Spellings added to the derived set: ü after l and n may also be written u in e/üe finals,
# where no plain-u syllable exists (lue, nue), as in lüè -> "lue".
ADDED = {"lue": ("l", "ue"), "nue": ("n", "ue")}

# The standard table, one initial per line (zero initial first), written from general knowledge.
STANDARD = """
a o e ai ei ao ou an en ang eng er
yi ya yo ye yao you yan yin yang ying yong yu yue yuan yun
wu wa wo wai wei wan wen wang weng
ba bo bai bei bao ban ben bang beng bi bie biao bian bin bing bu
pa po pai pei pao pou pan pen pang peng pi pie piao pian pin ping pu
ma mo me mai mei mao mou man men mang meng mi mie miao miu mian min ming mu
fa fo fei fou fan fen fang feng fu
da de dai dei dao dou dan den dang deng dong di dia die diao diu dian ding du duo dui duan dun
ta te tai tei tao tou tan tang teng tong ti tie tiao tian ting tu tuo tui tuan tun
na ne nai nei nao nou nan nen nang neng nong ni nia nie niao niu nian nin niang ning nu nuo nuan nun nv nve nue
la lo le lai lei lao lou lan lang leng long li lia lie liao liu lian lin liang ling lu luo luan lun lv lve lue
ga ge gai gei gao gou gan gen gang geng gong gu gua guo guai gui guan gun guang
ka ke kai kei kao kou kan ken kang keng kong ku kua kuo kuai kui kuan kun kuang
ha he hai hei hao hou han hen hang heng hong hu hua huo huai hui huan hun huang
ji jia jie jiao jiu jian jin jiang jing jiong ju jue juan jun
qi qia qie qiao qiu qian qin qiang qing qiong qu que quan qun
xi xia xie xiao xiu xian xin xiang xing xiong xu xue xuan xun
zha zhe zhi zhai zhei zhao zhou zhan zhen zhang zheng zhong zhu zhua zhuo zhuai zhui zhuan zhun zhuang
cha che chi chai chao chou chan chen chang cheng chong chu chua chuo chuai chui chuan chun chuang
sha she shi shai shei shao shou shan shen shang sheng shu shua shuo shuai shui shuan shun shuang
re ri rao rou ran ren rang reng rong ru rua ruo rui ruan run
za ze zi zai zei zao zou zan zen zang zeng zong zu zuo zui zuan zun
ca ce ci cai cei cao cou can cen cang ceng cong cu cuo cui cuan cun
sa se si sai sao sou san sen sang seng song su suo sui suan sun
"""


def main() -> None:
    save_licence("pypinyin", wheel_file("pypinyin", "pypinyin-0.55.0.dist-info/licenses/LICENSE.txt"),
                 "pypinyin-LICENSE.txt")
    derived: set[str] = set()
    for readings in pypinyin_readings().values():
        derived |= readings
    unknown = sorted(s for s in derived if not s.isascii() or not s.isalpha())
    unknown = [s for s in unknown if s not in EXCLUDED]
    if unknown:
        sys.exit(f"unexpected readings in pypinyin: {unknown}")
    missing_excl = sorted(set(EXCLUDED) - derived)
    if missing_excl:
        print(f"note: excluded syllables not in pypinyin any more: {missing_excl}")
    syllables = (derived - set(EXCLUDED)) | set(ADDED)

    standard = set(STANDARD.split())
    only_pkg = sorted(syllables - standard)
    only_std = sorted(standard - syllables)
    if only_pkg or only_std:
        sys.exit(f"pypinyin and the standard table differ:\n  only in pypinyin: {only_pkg}\n"
                 f"  only in the standard table: {only_std}")

    rows = []
    for syl in syllables:
        initial, final = ADDED.get(syl) or split_syllable(syl)
        rows.append([syl, initial or "-", final])

    comments = [
        "# pinyin_syllables.tsv: the Hanyu Pinyin syllable inventory (toneless, lowercase), for telling valid pinyin from garbled romanisations",
        "# source: readings in pinyin_dict.json of pypinyin 0.55.0 (PyPI), less interjections and dialect syllables, plus lue/nue; checked against the standard table written from general knowledge",
        "# licence: MIT (pypinyin, Copyright (c) 2016 mozillazg, 闲耘; see tools/names/licences/pypinyin-LICENSE.txt)",
        "# generator: tools/names/build_pinyin.py",
        "# columns: initial and final are the spelled parts: initial is the leading consonant letters (b p m f d t n l g k h j q x zh ch sh r z c s, and y w),"
        " '-' when the syllable starts with a vowel; final is the rest as spelled. ü is written v (lv, lve, nv, nve); lue and nue are the common u-spellings of lüe and nüe.",
        "# excluded: m n ng hm hng ê (interjections) and biang bong din fiao len wong (dialect); ju/qu/xu/yu keep their standard u spelling (no jv qv xv yv)",
    ]
    write_tsv(WORDLISTS / "pinyin_syllables.tsv", comments, ["syllable", "initial", "final"], rows)


if __name__ == "__main__":
    main()
