#!/usr/bin/env python3
"""Measure the name rules on documents they were not tuned on, garbled the way machine translation
and retyping garble names.

usage: garble_eval.py [--mtlint PATH] [--data DIR] [--seed N ...] [--verbose]

The shared data's names-injection set holds 14 documents; the rules must hold on any article. This
script makes a set of the same kind from the other real documents of ../shared/data (the human
reference translations of newstest2021 zh-en in mqm-zhen-dev.tsv, and the news and interviews of
clean-en-dev.tsv), leaving out every document the injection set was made from:

1. in each document, a person named in full and mentioned again later is picked: a Chinese name
   (a surname of wordlists/chinese_surnames.tsv, then a pinyin given name) or a Western one (a
   given name of wordlists/given_names.tsv, then a surname that is no English word);
2. one later mention of the family name is garbled: another romanisation of the surname (from the
   surname list's variants, so this class measures the list, not the method), a sound-alike
   respelling (l/r, ng/nn, ao/ou, x/sh, ...), a dropped, doubled, swapped or replaced letter, or the
   name in capitals;
3. mtlint checks the garbled copy and the untouched original as one table, and the script counts,
   as mqm_eval.py's names line does, the garbles that draw a names or entities finding (a code
   starting with N or E) on the garbled span, those whose suggestion is the original, and the
   originals with any such finding.

Each --seed gives another pick and garble per document (67 cases each on the data of 2026). Only the
Python standard library is used; nothing from the data is written into the repository.
"""
import argparse
import collections
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile

csv.field_size_limit(10**9)
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))

SOUND_ALIKES = [('ao', 'ou'), ('u', 'oo'), ('ia', 'ea'), ('ie', 'ee'), ('x', 'sh'), ('q', 'ch'),
                ('zh', 'j'), ('ei', 'ay'), ('ou', 'oe')]


def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader((line for line in f if not line.startswith('#')), delimiter='\t',
                                   quoting=csv.QUOTE_NONE))


class Lists:
    """The word lists the picking and garbling need, from wordlists/."""

    def __init__(self, wordlists):
        surnames = read_tsv(os.path.join(wordlists, 'chinese_surnames.tsv'))
        self.surnames = {r['pinyin'].lower() for r in surnames}
        self.romanised = collections.defaultdict(set)
        for r in surnames:
            for v in r['variants'].split('|'):
                if v != '-':
                    self.romanised[r['pinyin'].lower()].add(v.lower())
        self.pinyin = {r['syllable'] for r in read_tsv(os.path.join(wordlists, 'pinyin_syllables.tsv'))}
        self.english = {r['word'] for r in read_tsv(os.path.join(wordlists, 'english_words.tsv'))}
        self.given = {r['name'] for r in read_tsv(os.path.join(wordlists, 'given_names.tsv'))
                      if r['kind'] in ('given', 'both')}

    def is_pinyin(self, word):
        word = word.lower().replace('-', '')
        reach = [True] + [False] * len(word)
        for end in range(1, len(word) + 1):
            reach[end] = any(reach[s] and word[s:end] in self.pinyin for s in range(max(0, end - 6), end))
        return reach[len(word)]

    def is_person(self, first, second, chinese):
        if chinese:
            return first.lower() in self.surnames and self.is_pinyin(second) and second.lower() not in self.english
        return (first in self.given and first.lower() not in self.english
                and second.lower() not in self.english and len(second) >= 3)


def sound_alikes(word):
    lower = word.lower()
    out = []
    if lower.startswith('l'):
        out.append('r' + lower[1:])
    if lower.endswith('ng'):
        out.append(lower[:-2] + 'nn')
    elif lower.endswith('n'):
        out.append(lower + 'n')
    out += [lower.replace(a, b, 1) for a, b in SOUND_ALIKES if a in lower]
    return out


def slip(word, kind, rnd):
    """One typing slip of `kind` in `word` (never at its first letter), or None."""
    if len(word) < 4:
        return None
    i = rnd.randrange(1, len(word) - 1)
    if kind == 'drop':
        return word[:i] + word[i + 1:]
    if kind == 'double':
        return word[:i] + word[i] + word[i:]
    if kind == 'swap':
        return None if word[i] == word[i + 1] else word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 'replace':
        letter = rnd.choice('aeiou' if word[i] in 'aeiou' else 'bcdfghklmnprstvwz')
        return None if letter == word[i] else word[:i] + letter + word[i + 1:]
    raise ValueError(kind)


def garble(word, chinese, lists, rnd):
    """(garbled word, kind of garble), or (None, None) when no kind applies."""
    kinds = (['roman', 'sound', 'drop', 'double', 'swap', 'replace', 'caps'] if chinese
             else ['drop', 'double', 'swap', 'replace', 'replace', 'caps'])
    rnd.shuffle(kinds)
    for kind in kinds:
        if kind == 'caps':
            out = word.upper() if len(word) >= 2 else None
        elif kind == 'roman':
            variants = sorted(lists.romanised.get(word.lower(), ()))
            out = rnd.choice(variants).capitalize() if variants else None
        elif kind == 'sound':
            options = sound_alikes(word)
            out = rnd.choice(options).capitalize() if options else None
        else:
            out = slip(word, kind, rnd)
        if out and out != word:
            return out, kind
    return None, None


NAME = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?) ([A-Z][a-z]+)\b")


def make_case(key, paras, lists, rnd):
    """One garbled copy of a document, or None when it names nobody twice."""
    text = '\n'.join(paras)
    chinese = key[0] == 'cn'
    picks = []
    for (first, second) in dict.fromkeys(m.groups() for m in NAME.finditer(text)):
        if not lists.is_person(first, second, chinese):
            continue
        family = first if chinese else second
        introduced = text.find(first + ' ' + second) + len(first) + len(second) + 1
        later = [m.start() for m in re.finditer(r'\b' + re.escape(family) + r'\b', text) if m.start() > introduced]
        if later:
            picks.append((family, later))
    if not picks:
        return None
    family, later = rnd.choice(picks)
    at = rnd.choice(later)
    variant, how = garble(family, chinese, lists, rnd)
    if not variant:
        return None
    start = 0
    for index, para in enumerate(paras):
        if at < start + len(para):
            offset = at - start
            break
        start += len(para) + 1
    garbled = list(paras)
    garbled[index] = para[:offset] + variant + para[offset + len(family):]
    bstart = len(para[:offset].encode())
    return {'doc': '|'.join(key), 'kind': 'cn' if chinese else 'en', 'para': index, 'bstart': bstart,
            'bend': bstart + len(variant.encode()), 'variant': variant, 'original': family, 'how': how,
            'garbled': garbled, 'orig': paras}


def documents(data):
    """The documents of the shared data that the injection set was not made from."""
    used = {r['doc'].split('|')[2] for r in read_tsv(os.path.join(data, 'names-injection-dev.tsv'))}
    docs = collections.OrderedDict()
    for r in read_tsv(os.path.join(data, 'mqm-zhen-dev.tsv')):
        if r['is_human_ref'] == '1' and r['testset'] == 'newstest2021' and r['doc'] not in used:
            docs.setdefault(('cn', r['system'], r['doc']), []).append(r['target'])
    for r in read_tsv(os.path.join(data, 'clean-en-dev.tsv')):
        if r['corpus'] in ('wmt-newstest2021', 'gum-news', 'gum-interview') and r['doc'] not in used:
            docs.setdefault(('en', r['corpus'], r['doc']), []).append(r['text'])
    return docs


def run_mtlint(mtlint, rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'table.tsv')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('doc\ttext\n')
            for doc, text in rows:
                f.write(doc + '\t' + text.replace('\t', ' ').replace('\n', ' ') + '\n')
        p = subprocess.run([mtlint, 'check', '--isolated', '--table', path, '--text-column', 'text',
                            '--doc-column', 'doc', '--format', 'json'], capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f'mtlint exited {p.returncode}: {p.stderr.decode(errors="replace")[-2000:]}')
    return json.loads(p.stdout)['files'][0]['findings']


def measure(cases, findings, row_of):
    """Counts as mqm_eval.py's names line does. `row_of[(version, case, para)]` is a table row."""
    at = collections.defaultdict(list)
    where = {row: key for key, row in row_of.items()}
    for f in findings:
        if f['code'][0] in 'NE':
            at[where[f['row']]].append(f)
    out = {'cases': len(cases), 'found': 0, 'suggested': 0, 'noisy': [], 'missed': [],
           'by_kind': collections.Counter(), 'found_by_kind': collections.Counter(),
           'by_how': collections.Counter(), 'found_by_how': collections.Counter()}
    for i, c in enumerate(cases):
        hits = [f for f in at[('g', i, c['para'])] if f['start'] < c['bend'] and c['bstart'] < f['end']]
        out['by_kind'][c['kind']] += 1
        out['by_how'][c['how']] += 1
        if hits:
            out['found'] += 1
            out['found_by_kind'][c['kind']] += 1
            out['found_by_how'][c['how']] += 1
            original = c['original'].lower()
            if any(original == s.lower() or original in s.lower().split()
                   for f in hits for s in f.get('suggestions', [])):
                out['suggested'] += 1
        else:
            para = c['garbled'][c['para']].encode()
            context = para[max(0, c['bstart'] - 60):c['bend'] + 40].decode(errors='replace')
            out['missed'].append(f"{c['how']} {c['variant']} for {c['original']} | {c['doc']} | {context}")
        noise = [f for (version, case, _), fs in at.items() if version == 'o' and case == i for f in fs]
        if noise:
            out['noisy'].append((c['doc'], [(f['code'], f['text'], f.get('suggestions')) for f in noise]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mtlint', default=os.path.join(ROOT, 'target', 'release', 'mtlint'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data'))
    ap.add_argument('--seed', type=int, nargs='+', default=[1, 2, 3, 7])
    ap.add_argument('--verbose', action='store_true', help='print the misses and the noisy originals')
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.data, 'names-injection-dev.tsv')):
        sys.exit(f'no shared data in {a.data}')
    lists = Lists(os.path.join(ROOT, 'wordlists'))
    docs = documents(a.data)
    for seed in a.seed:
        rnd = random.Random(seed)
        cases = [c for c in (make_case(k, v, lists, rnd) for k, v in docs.items()) if c]
        rows, row_of = [], {}
        for i, c in enumerate(cases):
            for version, paras in (('g', c['garbled']), ('o', c['orig'])):
                for p, text in enumerate(paras):
                    rows.append((f'{version}{i}', text))
                    row_of[(version, i, p)] = len(rows)
        m = measure(cases, run_mtlint(a.mtlint, rows), row_of)
        n = m['cases']
        kinds = ', '.join(f"{k} {m['found_by_kind'][k]}/{v}" for k, v in sorted(m['by_kind'].items()))
        hows = ', '.join(f"{k} {m['found_by_how'][k]}/{v}" for k, v in sorted(m['by_how'].items()))
        print(f"seed {seed}: found {m['found']}/{n} ({kinds}), suggested the original {m['suggested']}/{n}; "
              f"originals with a names finding {len(m['noisy'])}/{n}\n    by garble: {hows}")
        if a.verbose:
            for line in m['missed']:
                print('    missed', line)
            for doc, found in m['noisy']:
                print('    noisy', doc, found)


if __name__ == '__main__':
    main()
