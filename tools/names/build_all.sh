#!/bin/sh
# Rebuild every generated name list in wordlists/ and check all of them. Run tools/names/fetch.sh first.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
python3 build_pinyin.py          # pinyin_syllables.tsv
python3 build_surnames.py        # chinese_surnames.tsv       (needs pinyin_syllables.tsv)
python3 build_romanization.py    # romanization_other.tsv     (needs the two above)
python3 build_english_words.py   # english_words.tsv
python3 build_english_other.py   # english_other_forms.tsv
python3 build_given_names.py     # given_names.tsv            (needs the three lists above)
python3 check.py
