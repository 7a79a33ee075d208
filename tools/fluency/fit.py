#!/usr/bin/env python3
"""Fits the score's fluency model (wordlists/fluency_weights.tsv) on MLQE-PE's training split.

usage: python3 tools/fluency/fit.py [--train FILE] [--mtlint PATH] [--write]

Run from the project root after `cargo build --release --examples`. It reads
../shared/data/mlqepe-x2en-train.tsv only (35,000 machine translations into English from five
languages, each with the professional raters' z-normalised direct assessment, da_z_mean), and:
1. measures the seven signals of every sentence with target/release/examples/fluency_signals (the
   same code the linter runs, src/fluency.rs); a sentence inherits its row's z-score;
2. standardises each signal (training mean and deviation) and fits a ridge regression of the
   z-score on them, pooled over the five language pairs (the language is not known at run time);
3. sets the threshold to the median prediction: a sentence predicted to read worse than the median
   machine-translated sentence costs the score, one at or above it costs nothing; and the
   prediction under which the preview rule G014 reports a sentence as garbled to the first
   percentile (the worst 1% of the training sentences);
4. sets the cost of a sentence to the square of its shortfall under the threshold, times 1 (a
   shortfall of one unit of z costs as much as one warning), and prints for the record how the mean over the language pairs of the Spearman
   correlation between the row's score (findings and fluency together, as the linter computes it)
   and the z-score moves with other costs: on the training rows it hardly moves (0.201 to 0.202 for
   every cost from 0.25 to 4), so the cost is set by that meaning rather than fitted;
5. prints each signal's Spearman correlation with the z-score alone (per language pair) and the
   fitted model's; with --write it writes wordlists/fluency_weights.tsv.
The development and test splits are never read. Only the Python standard library is used.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from mqm_data import read_rows  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
OUT = os.path.join(ROOT, 'wordlists', 'fluency_weights.tsv')
RIDGE = 10.0
SCALE = 1.0
SCALES = (0.25, 0.5, 1.0, 2.0, 4.0)

HEADER = """# fluency_weights.tsv: the fitted model of the score's fluency signal (src/fluency.rs): per signal its training mean, standard deviation and weight on the standardised value; the intercept, the threshold under which a predicted z-score costs, the scale of the cost (a sentence costs scale × shortfall², in warnings), and the prediction under which G014 reports a sentence
# source: tools/fluency/fit.py on mlqepe-x2en-train.tsv (MLQE-PE training split, 35,000 rated machine translations into English; figures only, no text of the data)
# licence: MIT OR Apache-2.0 (figures computed by the mtlint team)
# generator: tools/fluency/fit.py
name\tmean\tsd\tweight
"""


def clean(text):
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')


def measure(examples_bin, texts):
    """Signals per sentence: (names, [(row index, [values])])."""
    data = ''.join(clean(t) + '\n' for t in texts).encode('utf-8')
    p = subprocess.run([examples_bin], input=data, capture_output=True, check=True)
    lines = p.stdout.decode('utf-8').splitlines()
    names = lines[0].split('\t')[1:]
    rows = []
    for line in lines[1:]:
        cells = line.split('\t')
        rows.append((int(cells[0]) - 1, [float(c) for c in cells[1:]]))
    return names, rows


def findings_costs(mtlint, texts):
    """The findings' cost of each row, from the linter's JSON (segments' findings_cost)."""
    with tempfile.TemporaryDirectory() as tmp:
        table = os.path.join(tmp, 'table.tsv')
        with open(table, 'w', encoding='utf-8', newline='') as f:
            f.write('doc\ttext\n')
            for i, t in enumerate(texts):
                f.write(f'{i}\t{clean(t)}\n')
        p = subprocess.run([mtlint, 'check', '--isolated', '--table', table, '--text-column', 'text',
                            '--doc-column', 'doc', '--format', 'json'], capture_output=True)
        if p.returncode not in (0, 1):
            sys.exit(f'mtlint exited {p.returncode}: {p.stderr.decode(errors="replace")[-2000:]}')
        (entry,) = json.loads(p.stdout)['files']
    costs = [0.0] * len(texts)
    words = [0] * len(texts)
    for s in entry['segments']:
        costs[s['row'] - 1] = s['findings_cost']
        words[s['row'] - 1] = s['words']
    return costs, words


def solve(a, b):
    """Gaussian elimination with partial pivoting: a x = b."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def ridge(x, y, lam):
    """Least squares of y on [1, x] with an L2 penalty on the slopes (not the intercept)."""
    d = len(x[0]) + 1
    a = [[0.0] * d for _ in range(d)]
    b = [0.0] * d
    for row, t in zip(x, y):
        v = [1.0] + row
        for i in range(d):
            b[i] += v[i] * t
            for j in range(d):
                a[i][j] += v[i] * v[j]
    for i in range(1, d):
        a[i][i] += lam
    w = solve(a, b)
    return w[0], w[1:]


def ranks(x):
    """Ranks from 0, ties sharing their mean rank."""
    order = sorted(range(len(x)), key=lambda i: x[i])
    r = [0.0] * len(x)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and x[order[j + 1]] == x[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    return cov / math.sqrt(va * vb) if va and vb else 0.0


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def mean_spearman(rows, values):
    """Per language pair, Spearman of values with the z-score; and their mean."""
    per = {}
    for lp in sorted({r['lp'] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r['lp'] == lp]
        per[lp] = spearman([values[i] for i in idx], [float(rows[i]['da_z_mean']) for i in idx])
    return per, sum(per.values()) / len(per)


def score(penalty, words):
    return 100 * math.exp(-(100 * penalty / (words + 20)) / 4)


def fit(rows, names, sentences):
    z = [float(rows[i]['da_z_mean']) for i, _ in sentences]
    k = len(names)
    mean = [sum(v[j] for _, v in sentences) / len(sentences) for j in range(k)]
    sd = [math.sqrt(sum((v[j] - mean[j]) ** 2 for _, v in sentences) / len(sentences)) or 1.0
          for j in range(k)]
    x = [[(v[j] - mean[j]) / sd[j] for j in range(k)] for _, v in sentences]
    intercept, weight = ridge(x, z, RIDGE)
    predictions = [intercept + sum(w * xj for w, xj in zip(weight, row)) for row in x]
    return mean, sd, weight, intercept, predictions


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--train', default=os.path.join(ROOT, '..', 'shared', 'data', 'mlqepe-x2en-train.tsv'))
    ap.add_argument('--mtlint', default=os.path.join(ROOT, 'target', 'release', 'mtlint'))
    ap.add_argument('--signals', default=os.path.join(ROOT, 'target', 'release', 'examples', 'fluency_signals'))
    ap.add_argument('--write', action='store_true', help='write wordlists/fluency_weights.tsv')
    a = ap.parse_args()
    rows = read_rows(a.train)
    texts = [r['mt'] for r in rows]
    names, sentences = measure(a.signals, texts)
    print(f'{len(rows)} rows, {len(sentences)} sentences measured')

    print('each signal alone (Spearman with z, per row: its mean over the row\'s sentences):')
    for j, name in enumerate(names):
        per_row = [[] for _ in rows]
        for i, v in sentences:
            per_row[i].append(v[j])
        values = [sum(v) / len(v) if v else 0.0 for v in per_row]
        per, avg = mean_spearman(rows, values)
        print(f'  {name:15s}' + ' '.join(f'{lp} {s:+.3f}' for lp, s in per.items()) + f'  mean {avg:+.3f}')

    mean, sd, weight, intercept, predictions = fit(rows, names, sentences)
    threshold = median(predictions)
    report_below = sorted(predictions)[len(predictions) // 100]
    findings, words = findings_costs(a.mtlint, texts)
    for scale in SCALES:
        fluency = [0.0] * len(rows)
        for (i, _), p in zip(sentences, predictions):
            fluency[i] += scale * max(0.0, threshold - p) ** 2
        values = [score(findings[i] + fluency[i], words[i]) for i in range(len(rows))]
        per, avg = mean_spearman(rows, values)
        print(f'scale {scale}: ' + ' '.join(f'{lp} {s:+.3f}' for lp, s in per.items()) + f'  mean {avg:+.3f}')
    scale = SCALE
    print('model: intercept %+.4f, threshold %+.4f, scale %s, report below %+.4f'
          % (intercept, threshold, scale, report_below))
    for name, m, s, w in zip(names, mean, sd, weight):
        print(f'  {name:15s} mean {m:.4f} sd {s:.4f} weight {w:+.4f}')
    if a.write:
        body = [f'{n}\t{m:.4f}\t{s:.4f}\t{w:.4f}' for n, m, s, w in zip(names, mean, sd, weight)]
        body += [f'intercept\t-\t-\t{intercept:.4f}', f'threshold\t-\t-\t{threshold:.4f}',
                 f'scale\t-\t-\t{scale}', f'report_below\t-\t-\t{report_below:.4f}']
        with open(OUT, 'w', encoding='utf-8', newline='\n') as f:
            f.write(HEADER + ''.join(line + '\n' for line in sorted(body)))
        print(f'wrote {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    main()
