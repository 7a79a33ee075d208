#!/usr/bin/env python3
"""Writes wordlists/word_frequencies.tsv: how often each English word is used, from wordfreq.

usage: pip install wordfreq==3.1.1 && python3 tools/fluency/build_word_frequencies.py

wordfreq's English "large" list (321,180 entries, from Wikipedia, subtitles, news, books, web
text, Twitter and Reddit) gives each word a Zipf frequency: log10 of its uses per billion words
(7.7 for "the", 3 for a word used once per million, 1 for the rarest listed). Kept: words written
in Latin letters only (with inner apostrophes or hyphens), so that numbers, emoji and other scripts
stay out. The value is the Zipf frequency times 10, rounded (an integer from 10 to 77).
"""
import os
import re
import sys

import wordfreq

VERSION = '3.1.1'
WORD = re.compile(r"^[a-zà-öø-ÿ]+(?:['-][a-zà-öø-ÿ]+)*$")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'wordlists',
                   'word_frequencies.tsv')

HEADER = f"""# word_frequencies.tsv: how often English uses each word, as 10 x its Zipf frequency (log10 of uses per billion words): 77 for "the", 30 for a word used once per million, 10 for the rarest listed; for the fluency signal of the score and for telling an invented word from a rare one
# source: wordfreq {VERSION} (PyPI), English "large" list (Wikipedia, OpenSubtitles, news, books, web text, Twitter, Reddit); words in Latin letters only
# licence: CC BY-SA 4.0 (wordfreq's data; code Apache-2.0; by Robyn Speer, see tools/fluency/licences/wordfreq-LICENSE.txt)
# generator: tools/fluency/build_word_frequencies.py
word\tzipf10
"""


def main():
    from importlib.metadata import version
    if version('wordfreq') != VERSION:
        sys.exit(f'wordfreq {VERSION} is needed, found {version("wordfreq")}')
    rows = {}
    for word, freq in wordfreq.get_frequency_dict('en', 'large').items():
        if WORD.match(word):
            rows[word] = round(10 * wordfreq.zipf_frequency(word, 'en', 'large'))
    with open(OUT, 'w', encoding='utf-8', newline='\n') as f:
        f.write(HEADER)
        for word in sorted(rows, key=lambda w: w.encode('utf-8')):
            f.write(f'{word}\t{rows[word]}\n')
    print(f'{len(rows)} words written to {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
