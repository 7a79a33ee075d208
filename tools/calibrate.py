#!/usr/bin/env python3
"""How much each rule's findings say about translation quality, on the MQM development data.

usage: tools/calibrate.py [--mtlint PATH] [--data PATH] [--bilingual] [--preview] [--testset NAME]

Runs mtlint over ../shared/data/mqm-zhen-dev.tsv (read in place, never copied) exactly as
../shared/eval/mqm_eval.py does, with every finding kept, and prints per rule:
  - rows:      translations with at least one finding of the rule;
  - pair acc:  over pairs of translations of the same source that raters scored differently and
               that differ in this rule's finding count, the share where the translation with more
               findings is the one raters penalised more (0.5 is chance);
  - pairs:     how many such pairs;
  - mqm with/without: mean rater penalty of rows with and without a finding of the rule.
These are the figures behind the per-rule weights in wordlists/score_weights.tsv: a rule whose
findings do not point to worse translations gets a small weight in the score (it still reports).
"""
import argparse, collections, csv, itertools, json, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(mtlint, rows, bilingual, preview):
    clean = lambda x: x.replace('\t', ' ').replace('\n', ' ')
    with tempfile.TemporaryDirectory() as tmp:
        table = os.path.join(tmp, 't.tsv')
        with open(table, 'w', encoding='utf-8') as f:
            f.write('doc\ttext\tsource\n')
            for r in rows:
                doc = f"{r['testset']}|{r['system']}|{r['doc']}"
                f.write(f"{clean(doc)}\t{clean(r['target'])}\t{clean(r['source'])}\n")
        cmd = [mtlint, 'check', '--isolated', '--table', table, '--text-column', 'text', '--doc-column', 'doc',
               '--format', 'json']
        if bilingual:
            cmd += ['--source-column', 'source']
        if preview:
            cmd += ['--preview']
        out = subprocess.run(cmd, capture_output=True)
        return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mtlint', default=os.path.join(ROOT, 'target', 'release', 'mtlint'))
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data', 'mqm-zhen-dev.tsv'))
    ap.add_argument('--bilingual', action='store_true')
    ap.add_argument('--preview', action='store_true')
    ap.add_argument('--testset', default=None)
    a = ap.parse_args()
    csv.field_size_limit(10**9)
    with open(a.data, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
    report = run(a.mtlint, rows, a.bilingual, a.preview)
    counts = collections.defaultdict(collections.Counter)  # row -> code -> n
    for fnd in report['files'][0]['findings']:
        counts[fnd['row'] - 1][fnd['code']] += 1
    codes = sorted({c for cs in counts.values() for c in cs})
    groups = collections.defaultdict(list)
    for i, r in enumerate(rows):
        if a.testset and r['testset'] != a.testset:
            continue
        groups[r['seg_id']].append(i)
    print(f"{'code':6} {'rows':>6} {'pair acc':>9} {'pairs':>7} {'mqm with':>9} {'without':>8}")
    for code in codes:
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
        member_rows = [i for ms in groups.values() for i in ms]
        with_f = [float(rows[i]['mqm_score']) for i in member_rows if counts[i][code]]
        without = [float(rows[i]['mqm_score']) for i in member_rows if not counts[i][code]]
        mean = lambda v: sum(v) / len(v) if v else float('nan')
        acc = conc / (conc + disc) if conc + disc else float('nan')
        print(f"{code:6} {len(with_f):6} {acc:9.3f} {conc + disc:7} {mean(with_f):9.2f} {mean(without):8.2f}")


if __name__ == '__main__':
    main()
