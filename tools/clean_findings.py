#!/usr/bin/env python3
"""Print every finding mtlint raises on the clean-English dev set, with context.

usage: tools/clean_findings.py [CODE_PREFIX ...] [--data PATH] [--mtlint PATH] [--preview]

Reads ../shared/data/clean-en-dev.tsv (never copied into the repository), runs the release binary
exactly as ../shared/eval/mqm_eval.py does, and prints each finding with the text around it, so that
every false alarm can be inspected.
"""
import argparse, csv, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('codes', nargs='*')
    ap.add_argument('--data', default=os.path.join(ROOT, '..', 'shared', 'data', 'clean-en-dev.tsv'))
    ap.add_argument('--mtlint', default=os.path.join(ROOT, 'target', 'release', 'mtlint'))
    ap.add_argument('--select', default=None, help='passed to mtlint --select')
    ap.add_argument('--preview', action='store_true')
    ap.add_argument('--width', type=int, default=70)
    a = ap.parse_args()
    csv.field_size_limit(10**9)
    with open(a.data, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
    with tempfile.TemporaryDirectory() as tmp:
        table = os.path.join(tmp, 't.tsv')
        with open(table, 'w', encoding='utf-8') as f:
            f.write('doc\ttext\n')
            for r in rows:
                f.write(f"{r['corpus']}|{r['doc']}\t{r['text']}\n")
        cmd = [a.mtlint, 'check', '--isolated', '--table', table, '--text-column', 'text', '--doc-column', 'doc', '--format', 'json']
        if a.select:
            cmd += ['--select', a.select]
        if a.preview:
            cmd += ['--preview']
        out = subprocess.run(cmd, capture_output=True)
        report = json.loads(out.stdout)
    for fnd in report['files'][0]['findings']:
        if a.codes and not any(fnd['code'].startswith(c) for c in a.codes):
            continue
        text = rows[fnd['row'] - 1]['text'].encode()
        s, e = fnd['start'], fnd['end']
        before = text[max(0, s - a.width):s].decode(errors='replace')
        after = text[e:e + a.width].decode(errors='replace')
        print(f"{fnd['code']} row {fnd['row']} {rows[fnd['row']-1]['doc']}: {fnd['message']}")
        print(f"    …{before}[[{text[s:e].decode(errors='replace')}]]{after}…")

if __name__ == '__main__':
    main()
