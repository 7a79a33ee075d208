#!/usr/bin/env python3
"""Build the frequency lists behind I002 (broken-fixed-expression).

    python3 tools/phrasing/gen_collocations.py --symspell DIR --wordnet DIR

DIR for --symspell is the unpacked `symspellpy` package folder (it holds
frequency_dictionary_en_82_765.txt and frequency_bigramdictionary_en_243_342.txt);
DIR for --wordnet is /usr/share/wordnet of the Debian package wordnet-base.

Writes, sorted in byte order, with the header wordlists/README.md asks for:
  wordlists/unigram_counts.tsv         word, count class
  wordlists/bigram_counts.tsv          "w1 w2", count class
  wordlists/wordnet_collocations.tsv   "w1 w2", parts of speech (n|v|a|r)

The count class is round(4 * log2(count)): a quarter-bit of precision keeps the
files small and is plenty for frequency thresholds and association scores. Only
plain lowercase words (a-z, inner apostrophe) are kept; the bigram list holds
every pair symspellpy ships (Google Books pairs counted at least 6.4 million
times), so a pair that is missing from it is rare in published English.
"""
import argparse
import math
import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")
SOURCE = ('symspellpy 6.10.1 (PyPI): frequency_dictionary_en_82_765.txt and '
          'frequency_bigramdictionary_en_243_342.txt, counts from the Google Books Ngram corpus')
LICENCE = ('MIT (symspellpy, notice in tools/phrasing/licences/); the counts derive from '
           'Google Books Ngrams, CC BY 3.0, (c) Google')
GENERATOR = 'tools/phrasing/gen_collocations.py'
WN_SOURCE = 'WordNet 3.0 index files in Debian package wordnet-base 1:3.0-37 (Debian apt)'
WN_LICENCE = ('WordNet 3.0 licence (Princeton University, permissive, BSD-like; notice in '
              'tools/phrasing/licences/wordnet-LICENSE.txt)')


def count_class(count):
    return round(4 * math.log2(count))


def write(name, purpose, source, licence, header, rows):
    rows = sorted(set(rows), key=lambda r: r.encode('utf-8'))
    path = os.path.join(ROOT, 'wordlists', name)
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# %s: %s\n' % (name, purpose))
        f.write('# source: %s\n' % source)
        f.write('# licence: %s\n' % licence)
        f.write('# generator: %s\n' % GENERATOR)
        f.write('\t'.join(header) + '\n')
        for r in rows:
            f.write(r + '\n')
    print('%s: %d rows' % (name, len(rows)))


def read_counts(path, arity):
    out = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            cells = line.split()
            if len(cells) != arity + 1:
                continue
            words, count = cells[:arity], int(cells[arity])
            if all(WORD.match(w) for w in words) and count > 0:
                key = ' '.join(words)
                out[key] = max(out.get(key, 0), count)
    return out


def wordnet_pairs(folder):
    pos_of = {}
    for pos, name in (('n', 'noun'), ('v', 'verb'), ('a', 'adj'), ('r', 'adv')):
        with open(os.path.join(folder, 'index.' + name), encoding='utf-8') as f:
            for line in f:
                if line.startswith(' '):
                    continue
                lemma = line.split(' ', 1)[0]
                parts = lemma.split('_')
                if len(parts) == 2 and all(WORD.match(p) for p in parts):
                    pos_of.setdefault(' '.join(parts), set()).add(pos)
    return pos_of


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--symspell', required=True)
    ap.add_argument('--wordnet', required=True)
    a = ap.parse_args()
    unigrams = read_counts(os.path.join(a.symspell, 'frequency_dictionary_en_82_765.txt'), 1)
    bigrams = read_counts(os.path.join(a.symspell, 'frequency_bigramdictionary_en_243_342.txt'), 2)
    total = sum(unigrams.values())
    write('unigram_counts.tsv',
          'English word frequencies as round(4*log2(count)); the class of the total of all counts is %d'
          % count_class(total),
          SOURCE, LICENCE, ['word', 'count_class'],
          ['%s\t%d' % (w, count_class(c)) for w, c in unigrams.items()])
    write('bigram_counts.tsv',
          'frequent English word pairs (Google Books count >= 6.4 million) as round(4*log2(count))',
          SOURCE, LICENCE, ['bigram', 'count_class'],
          ['%s\t%d' % (b, count_class(c)) for b, c in bigrams.items()])
    pairs = wordnet_pairs(a.wordnet)
    write('wordnet_collocations.tsv',
          'two-word lemmas of WordNet (fixed expressions and compounds), lowercase, with their parts of speech',
          WN_SOURCE, WN_LICENCE, ['collocation', 'pos'],
          ['%s\t%s' % (p, '|'.join(sorted(s))) for p, s in pairs.items()])


if __name__ == '__main__':
    main()
