#!/usr/bin/env python3
"""Span precision and pair accuracy per rule on the MQM development data, preview rules included.

usage: tools/span_precision.py [CODE ...] [--mtlint PATH] [--data PATH] [--bilingual] [--show N] [--misses]

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
(`--misses`: only those that did not), for reading, not for building word lists. `--bilingual`
gives mtlint each row's Chinese source, as `mqm_eval.py --bilingual` does, so the B rules run too.
"""
import argparse, collections, json

from mqm_data import add_run_arguments, counts_by_row, findings, pair_accuracy, rater_spans_hit, read_rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('codes', nargs='*')
    add_run_arguments(ap, preview=False)
    ap.add_argument('--show', type=int, default=0)
    ap.add_argument('--misses', action='store_true')
    a = ap.parse_args()
    rows = read_rows(a.data)
    found = findings(a.mtlint, rows, bilingual=a.bilingual, preview=True, select=a.codes)
    counts = counts_by_row(found)
    by_code = collections.defaultdict(list)
    for fnd in found:
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
            over = rater_spans_hit(fnd, errs)
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
            conc, disc = pair_accuracy(rows, counts, code, t)
            acc = conc / (conc + disc) if conc + disc else float('nan')
            accs.append(f'{acc:.3f} ({conc + disc} pairs)')
        print(f"{code:6} {len(by_code[code]):6} {n_rows:5} {prec:>14}  " + '  '.join(f'{x:>26}' for x in accs))
        if cats:
            print('       hits: ' + ', '.join(f'{c} {n}' for c, n in cats.most_common(4)))
        for line in shown:
            print(line)


if __name__ == '__main__':
    main()
