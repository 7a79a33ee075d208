#!/usr/bin/env python3
"""Which error categories raters mark on the MQM development data, and how many of each mtlint finds.

usage: tools/category_recall.py [--mtlint PATH] [--data PATH] [--bilingual] [--preview] [--top N]

Runs mtlint over ../shared/data/mqm-zhen-dev.tsv (read in place, never copied) exactly as
../shared/eval/mqm_eval.py groups it and prints, per MQM category and severity, over the rows whose
spans are all exact: how many rater-marked errors there are, their share of all marked errors and
of the penalty (as the data's mqm_score weighs them: Major 5, Minor 1, Minor punctuation 0.1,
Non-translation 25), and the
share of them that some mtlint finding overlaps (recall). It says where the gap between mtlint's
score and the raters' lies: in the categories that carry the penalty and that it cannot see.
"""
import argparse, collections, json

from mqm_data import add_run_arguments, findings, rater_spans_hit, read_rows


def penalty(error):
    if error['category'].startswith('Non-translation'):
        return 25.0
    if error['severity'] == 'Minor' and error['category'] == 'Fluency/Punctuation':
        return 0.1
    return {'Major': 5.0, 'Minor': 1.0}.get(error['severity'], 0.0)


def tally(rows, by_row):
    """Per (category, severity): marked errors, their penalty, and how many a finding overlaps, over
    the rows whose spans are all exact. `by_row` maps a row index to its findings."""
    count, found, weight = collections.Counter(), collections.Counter(), collections.Counter()
    for i, r in enumerate(rows):
        errors = json.loads(r['errors'])
        if any(not e['exact'] for e in errors):
            continue
        hit = set()
        for f in by_row.get(i, []):
            hit.update(id(e) for e in rater_spans_hit(f, errors))
        for e in errors:
            key = (e['category'], e['severity'])
            count[key] += 1
            weight[key] += penalty(e)
            found[key] += id(e) in hit
    return count, found, weight


def main():
    ap = argparse.ArgumentParser()
    add_run_arguments(ap)
    ap.add_argument('--top', type=int, default=15)
    a = ap.parse_args()
    rows = read_rows(a.data)
    by_row = collections.defaultdict(list)
    for f in findings(a.mtlint, rows, bilingual=a.bilingual, preview=a.preview):
        by_row[f['row'] - 1].append(f)
    count, found, weight = tally(rows, by_row)
    total, total_w = sum(count.values()), sum(weight.values())
    print(f"{'category':42} {'severity':9} {'errors':>7} {'share':>6} {'penalty':>8} {'found':>6} {'recall':>7}")
    for key, n in sorted(count.items(), key=lambda kv: -weight[kv[0]])[:a.top]:
        print(f"{key[0][:42]:42} {key[1]:9} {n:7} {n / total:6.1%} {weight[key] / total_w:8.1%} "
              f"{found[key]:6} {found[key] / n:7.1%}")
    hit_w = sum(weight[k] * found[k] / count[k] for k in count)
    print(f"all: {total} errors, {sum(found.values())} found ({sum(found.values()) / total:.1%}); "
          f"share of the penalty on found errors: {hit_w / total_w:.1%}")


if __name__ == '__main__':
    main()
