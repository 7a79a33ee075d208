#!/usr/bin/env python3
"""Writes src/rules/figures.tsv: each rule's span precision on the MQM development data.

usage: tools/rule_figures.py [--mtlint PATH] [--out src/rules/figures.tsv]

Runs ../shared/eval/mqm_eval.py (its MQM part only, with --preview) twice: on the English alone
for every rule but the bilingual ones, and with each row's Chinese source (--bilingual) for the
bilingual (B) rules, which need it and take precedence over some others there. It keeps, per rule, how many findings fall on rows whose rater spans are exact and how
many of those overlap a span some rater marked: the eval's own definition of span precision. The
file is the one place measured per-rule figures live: `mtlint explain` and the README's rule table
(tests/readme.rs) read it. Rerun it after building a release binary when a rule changes.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = """# Span precision of each rule on the WMT 2021 Chinese-to-English MQM development data
# (../shared/data, news and TED talks with professional MQM annotation): of a rule's findings on
# rows whose rater spans are exact, how many overlap a span some rater marked. Preview rules
# included (mqm_eval.py --preview; the B rules with --bilingual, each row's Chinese source); a
# rule that raised no finding has no row. Source: mtlint's findings on that data. Licence: MIT OR Apache-2.0.
# Generator: tools/rule_figures.py (do not edit by hand).
code\tfindings\ton_marked_span
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mtlint', default=os.path.join(ROOT, 'target', 'release', 'mtlint'))
    ap.add_argument('--out', default=os.path.join(ROOT, 'src', 'rules', 'figures.tsv'))
    a = ap.parse_args()
    mono = span_precision(a.mtlint, bilingual=False)
    both = span_precision(a.mtlint, bilingual=True)
    by_code = {c: v for c, v in mono.items() if not c.startswith('B')}
    by_code.update((c, v) for c, v in both.items() if c.startswith('B'))
    rows = [f"{code}\t{v['findings']}\t{v['hits']}\n" for code, v in sorted(by_code.items())]
    with open(a.out, 'w') as f:
        f.write(HEADER + ''.join(rows))


def span_precision(mtlint, bilingual):
    """mqm_eval.py's span precision by rule code: {code: {'findings', 'hits', 'precision'}}."""
    with tempfile.TemporaryDirectory() as tmp:
        result = os.path.join(tmp, 'eval.json')
        cmd = [sys.executable, os.path.join(ROOT, '..', 'shared', 'eval', 'mqm_eval.py'),
               '--mtlint', mtlint, '--skip', 'clean,seed,names,mlqe', '--preview', '--json', result]
        subprocess.run(cmd + ['--bilingual'] * bilingual, check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        with open(result) as f:
            return json.load(f)['mqm']['span_precision_by_code']


if __name__ == '__main__':
    main()
