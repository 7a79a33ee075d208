#!/usr/bin/env python3
"""Run the phrase patterns over samples of normal English and report hits.

    python3 tools/phrasing/quiet_check.py CORPUS.txt [--bigrams FILE] [--max N]

CORPUS.txt: normal English text, one segment per line, already lowercased and
tokenised (words joined by single spaces; see tools/phrasing/README.md for how
the reference corpus was built). Every pattern of idioms.tsv and
chinglish_forms.tsv is matched with the same expansion as check.py; a pattern
that hits normal English is a false-alarm risk and should be dropped or made
more specific.

--bigrams: a 'word1 word2 count' file (symspellpy's
frequency_bigramdictionary_en_243_342.txt); two-token patterns whose expanded
forms are listed there are reported too.
"""
import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import check  # noqa: E402


def literal_sets(pat):
    """For each literal token, the set of surface forms it accepts."""
    out = []
    for t in pat.split(' '):
        if t.startswith('<'):
            continue
        out.append(check.inflections(t[:-1]) if t.endswith('+') else {t})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus', nargs='+')
    ap.add_argument('--bigrams')
    ap.add_argument('--max', type=int, default=3)
    ap.add_argument('--files', default='idioms.tsv,chinglish_forms.tsv')
    ap.add_argument('--dir', default=check.WL, help='folder holding the lists')
    args = ap.parse_args()

    pats = []
    for name in args.files.split(','):
        path = os.path.join(args.dir, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            rows = [l.rstrip('\n').split('\t') for l in f if not l.startswith('#')][1:]
        for r in rows:
            pats.append((name, r[0]))

    # token frequencies decide which literal token anchors each pattern
    freq = collections.Counter()
    sample = 0
    with open(args.corpus[0], encoding='utf-8', errors='replace') as f:
        for line in f:
            freq.update(line.split())
            sample += 1
            if sample > 2000000:
                break
    anchors = collections.defaultdict(list)
    compiled = {}
    for name, pat in pats:
        sets = literal_sets(pat)
        best = min(sets, key=lambda s: sum(freq[w] for w in s))
        for w in best:
            anchors[w].append(pat)
        compiled[pat] = check.compile_pattern(pat)

    hits = collections.defaultdict(list)
    counts = collections.Counter()
    for path in args.corpus:
        with open(path, encoding='utf-8', errors='replace') as f:
            for line in f:
                toks = line.split()
                cand = set()
                for t in toks:
                    if t in anchors:
                        cand.update(anchors[t])
                if not cand:
                    continue
                line = line.strip()
                for pat in cand:
                    if compiled[pat].search(line):
                        counts[pat] += 1
                        if len(hits[pat]) < args.max:
                            hits[pat].append(line[:200])

    bigram_hits = {}
    if args.bigrams:
        two = {pat: compiled[pat] for _, pat in pats if len(pat.split(' ')) == 2}
        with open(args.bigrams, encoding='utf-8') as f:
            for line in f:
                p = line.split()
                if len(p) != 3:
                    continue
                text = p[0] + ' ' + p[1]
                for pat, rx in two.items():
                    if rx.fullmatch(text):
                        bigram_hits.setdefault(pat, []).append('%s (%s)' % (text, p[2]))

    bad = 0
    for name, pat in pats:
        if counts[pat] or pat in bigram_hits:
            bad += 1
            print('%s\t%r\tcorpus hits: %d\t%s' % (name, pat, counts[pat], '; '.join(bigram_hits.get(pat, []))))
            for h in hits[pat]:
                print('\t\t' + h)
    print('%d of %d patterns hit the sample' % (bad, len(pats)))


if __name__ == '__main__':
    main()
