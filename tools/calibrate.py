#!/usr/bin/env python3
"""How much each rule's findings say about translation quality, on the MQM development data.

usage: tools/calibrate.py [--mtlint PATH] [--data PATH] [--bilingual] [--preview] [--testset NAME]
                         [--write wordlists/score_weights.tsv]

Runs mtlint over ../shared/data/mqm-zhen-dev.tsv (read in place, never copied) exactly as
../shared/eval/mqm_eval.py does, with every finding kept, and prints per rule:
  - rows:      translations with at least one finding of the rule;
  - pair acc:  over pairs of translations of the same source that raters scored differently and
               that differ in this rule's finding count, the share where the translation with more
               findings is the one raters penalised more (0.5 is chance);
  - pairs:     how many such pairs;
  - mqm with/without: mean rater penalty of rows with and without a finding of the rule.
These are the figures behind the per-rule weights in wordlists/score_weights.tsv (--write): a rule
whose findings do not point to worse translations gets a small weight in the score (it still
reports). The weight is one of four tiers, chosen from the pair accuracy shrunk towards chance
(30 pseudo-pairs at 0.5, so that a rule seen in a handful of pairs stays near the default):
  shrunk > 0.60: 2    shrunk > 0.53: 1    shrunk > 0.47: 0.5    otherwise: 0.2
Tiers rather than fitted numbers, because a held-out set from the same sources judges the score,
and a weight fitted to the last decimal on the development data would not carry over.
"""
import argparse, os

from mqm_data import add_run_arguments, counts_by_row, findings, pair_accuracy, read_rows


def main():
    ap = argparse.ArgumentParser()
    add_run_arguments(ap)
    ap.add_argument('--testset', default=None)
    ap.add_argument('--write', metavar='TSV', help='write the per-rule weight tiers to this file')
    a = ap.parse_args()
    rows = read_rows(a.data)
    counts = counts_by_row(findings(a.mtlint, rows, a.bilingual, a.preview))
    codes = sorted({c for cs in counts.values() for c in cs})
    member_rows = [i for i, r in enumerate(rows) if not a.testset or r['testset'] == a.testset]
    print(f"{'code':6} {'rows':>6} {'pair acc':>9} {'pairs':>7} {'mqm with':>9} {'without':>8} {'weight':>7}")
    tiers = []
    for code in codes:
        conc, disc = pair_accuracy(rows, counts, code, a.testset)
        with_f = [float(rows[i]['mqm_score']) for i in member_rows if counts[i][code]]
        without = [float(rows[i]['mqm_score']) for i in member_rows if not counts[i][code]]
        mean = lambda v: sum(v) / len(v) if v else float('nan')
        acc = conc / (conc + disc) if conc + disc else float('nan')
        weight = tier(conc, disc)
        tiers.append((code, acc, conc + disc, weight))
        print(f"{code:6} {len(with_f):6} {acc:9.3f} {conc + disc:7} {mean(with_f):9.2f} {mean(without):8.2f} {weight:7}")
    if a.write:
        write_weights(a.write, tiers, a)


def tier(conc, disc, prior=30):
    shrunk = (conc + 0.5 * prior) / (conc + disc + prior)
    return 2 if shrunk > 0.60 else 1 if shrunk > 0.53 else 0.5 if shrunk > 0.47 else 0.2


def write_weights(path, tiers, a):
    data = os.path.basename(a.data)
    scope = a.testset or 'all test sets'
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# score_weights.tsv: how much one finding of each rule lowers the score (default 1 for rules not listed)\n')
        f.write(f'# source: tools/calibrate.py --write on {data} ({scope}): pair accuracy of each rule, shrunk towards chance, in four tiers\n')
        f.write('# licence: MIT OR Apache-2.0 (figures computed by the mtlint team; no text of the data is kept)\n')
        f.write('# generator: tools/calibrate.py\n')
        f.write('code\tweight\tpair_accuracy\tpairs\n')
        for code, acc, pairs, weight in sorted(tiers):
            acc = 'nan' if acc != acc else f'{acc:.3f}'
            f.write(f'{code}\t{weight}\t{acc}\t{pairs}\n')


if __name__ == '__main__':
    main()
