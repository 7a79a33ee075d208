#!/usr/bin/env python3
"""Print mtlint's findings on the MQM dev data with the rater spans of the same row, to judge rules.

usage: tools/mqm_findings.py CODE [CODE ...] [--bilingual] [--limit N] [--mtlint PATH]

Reads ../shared/data/mqm-zhen-dev.tsv (never copied into the repository) and runs the binary as
../shared/eval/mqm_eval.py does. Each finding is printed with its row's source (with --bilingual),
the flagged text in context, and the rater-marked spans of the row, with HIT when one overlaps.
"""
import argparse, json, random

from mqm_data import add_run_arguments, findings, rater_spans_hit, read_rows

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('codes', nargs='+')
    add_run_arguments(ap)
    ap.add_argument('--limit', type=int, default=40)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    rows = read_rows(a.data)
    found = [f for f in findings(a.mtlint, rows, a.bilingual, a.preview) if any(f['code'].startswith(c) for c in a.codes)]
    random.seed(a.seed)
    sample = random.sample(found, min(a.limit, len(found)))
    hits = 0
    for fnd in sorted(sample, key=lambda f: f['row']):
        r = rows[fnd['row'] - 1]
        text = r['target'].encode()
        errs = json.loads(r['errors'])
        s, e = fnd['start'], fnd['end']
        hit = bool(rater_spans_hit(fnd, errs))
        hits += hit
        print(f"{'HIT ' if hit else 'miss'} {fnd['code']} row {fnd['row']} {r['system']} mqm={r['mqm_score']}: {fnd['message']} -> {fnd.get('suggestions')}")
        if a.bilingual:
            print(f"     SRC {r['source'][:220]}")
        print(f"     TGT …{text[max(0, s - 80):s].decode(errors='replace')}[[{text[s:e].decode(errors='replace')}]]{text[e:e + 80].decode(errors='replace')}…")
        print(f"     RATERS {[(x['category'], x['severity'], x['span']) for x in errs][:6]}")
    print(f"{hits}/{len(sample)} sampled findings hit a rater span; {len(found)} findings in all")

if __name__ == '__main__':
    main()
