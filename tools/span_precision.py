#!/usr/bin/env python3
"""Span precision and pair accuracy per rule on the MQM development data, preview rules included.

usage: tools/span_precision.py [CODE ...] [--mtlint PATH] [--data PATH] [--show N] [--misses]

Runs mtlint (with --preview, and --select CODES when codes are given) over
../shared/data/mqm-zhen-dev.tsv (read in place, never copied), exactly as ../shared/eval/mqm_eval.py
groups it, and prints per rule:
  - findings and rows;
  - span precision: the share of findings that overlap a span some rater marked, over rows whose
    spans are all exact (mqm_eval.py's definition), and the MQM categories of the spans hit;
  - pair accuracy per test set: over pairs of translations of the same source that raters scored
    differently and that differ in this rule's finding count, the share where the one with more
    findings is the one raters penalised more (tools/calibrate.py's definition; 0.5 is chance).
`--show N` prints N findings per rule with their context and whether they hit a marked span
(`--misses`: only those that did not), for reading, not for building word lists.
"""
import argparse, collections, csv, itertools, json, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(mtlint, rows, codes):
    clean = lambda x: x.replace('\t', ' ').replace('\n', ' ')
    with tempfile.TemporaryDirectory() as tmp:
        table = os.path.join(tmp, 't.tsv')
        with open(table, 'w', encoding='utf-8') as f:
            f.write('doc\ttext\n')
            for r in rows:
                f.write(f"{clean(r['testset'] + '|' + r['system'] + '|' + r['doc'])}\t{clean(r['target'])}\n")
        cmd = [mtlint, 'check', '--isolated', '--preview', '--table', table, '--text-column', 'text',
               '--doc-column', 'doc', '--format', 'json']
        if codes:
            cmd += ['--select', ','.join(codes)]
        out = subprocess.run(cmd, capture_output=True)
        return json.loads(out.stdout)['files'][0]['findings']


def pair_accuracy(rows, counts, code, testset):
    groups = collections.defaultdict(list)
    for i, r in enumerate(rows):
        if r['testset'] == testset:
            groups[r['seg_id']].append(i)
    conc = disc = 0
    for members in groups.values():
        for x, y in itertools.combinations(members, 2):
            hx, hy = float(rows[x]['mqm_score']), float(rows[y]['mqm_score'])
            fx, fy = counts[x][code], counts[y][code]
            if abs(hx - hy) < 1e-9 or fx == fy:
                continue
            if (fx > fy) == (hx > hy):
                conc += 1
            else:
                disc += 1
    return (conc / (conc + disc) if conc + disc else float('nan')), conc + disc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('codes', nargs='*')
    ap.add_argument('--mtlint', default=os.path.join(ROOT, 'target', 'release', 'mtlint'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data', 'mqm-zhen-dev.tsv'))
    ap.add_argument('--show', type=int, default=0)
    ap.add_argument('--misses', action='store_true')
    a = ap.parse_args()
    csv.field_size_limit(10**9)
    with open(a.data, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
    findings = run(a.mtlint, rows, a.codes)
    counts = collections.defaultdict(collections.Counter)
    by_code = collections.defaultdict(list)
    for fnd in findings:
        counts[fnd['row'] - 1][fnd['code']] += 1
        by_code[fnd['code']].append(fnd)
    testsets = sorted({r['testset'] for r in rows})
    print(f"{'code':6} {'found':>6} {'rows':>5} {'span prec':>14}  " + '  '.join(f'{t + " pair acc":>26}' for t in testsets))
    for code in sorted(by_code):
        if a.codes and not any(code.startswith(c) for c in a.codes):
            continue
        hit = tot = 0
        cats = collections.Counter()
        shown = []
        for fnd in by_code[code]:
            r = rows[fnd['row'] - 1]
            errs = json.loads(r['errors'])
            over = [e for e in errs if fnd['start'] < e['bend'] and e['bstart'] < fnd['end']
                    or (fnd['start'] == fnd['end'] and e['bstart'] <= fnd['start'] <= e['bend'])]
            if all(e['exact'] for e in errs):
                tot += 1
                hit += bool(over)
                for e in over:
                    cats[e['category']] += 1
            if len(shown) < a.show and not (a.misses and over):
                t = r['target'].encode()
                ctx = (t[max(0, fnd['start'] - 50):fnd['start']] + b'[[' + t[fnd['start']:fnd['end']] + b']]'
                       + t[fnd['end']:fnd['end'] + 40]).decode(errors='replace')
                shown.append(f"   {'HIT' if over else '   '} {r['system'][:10]:10} {ctx}")
        n_rows = len({f['row'] for f in by_code[code]})
        prec = f'{hit}/{tot} = {hit / tot:.2f}' if tot else 'n/a'
        accs = []
        for t in testsets:
            acc, n = pair_accuracy(rows, counts, code, t)
            accs.append(f'{acc:.3f} ({n} pairs)')
        print(f"{code:6} {len(by_code[code]):6} {n_rows:5} {prec:>14}  " + '  '.join(f'{x:>26}' for x in accs))
        if cats:
            print('       hits: ' + ', '.join(f'{c} {n}' for c, n in cats.most_common(4)))
        for line in shown:
            print(line)


if __name__ == '__main__':
    main()
