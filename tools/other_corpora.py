#!/usr/bin/env python3
"""Measure mtlint's false alarms on real files of other kinds than news prose.

usage: tools/other_corpora.py [--mtlint PATH] [--corpus readmes|html] [--show CODE ...]
                              [--registry DIR] [--install]

The README's "False alarms on real files of other kinds" reports two corpora, rebuilt here from what
the machine's package managers put on disk (nothing is copied into the repository):

  readmes  the Markdown READMEs and guides of the crates in the local cargo registry
           (~/.cargo/registry/src/*/<crate>/**/*.md, files over 2 KB; the registry holds whatever
           `cargo build` fetched, so the count follows Cargo.lock);
  html     the HTML of the Python 3.11 library reference and the Debian Reference, from the Debian
           packages python3.11-doc and debian-reference-en (`--install` runs apt-get for them).

For each corpus it runs `mtlint check --isolated --format json` over the files (default rules, as a
user would) and prints files, words, findings, findings per 1,000 words and the count per rule;
`--show CODE` also prints each finding of those rules with the text around it, so that they can be
read. Exit status 0 whenever mtlint ran.
"""
import argparse, collections, glob, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MIN_BYTES = 2048
HTML_PACKAGES = ['python3.11-doc', 'debian-reference-en']
HTML_GLOBS = ['/usr/share/doc/python3.11/html/library/*.html',
              '/usr/share/doc/debian-reference-en/*.html',
              '/usr/share/doc/debian-reference-common/docs/*.en.html']


def readme_files(registry):
    files = []
    for root in glob.glob(os.path.join(registry, '*')):
        for dirpath, _, names in os.walk(root):
            files += [os.path.join(dirpath, n) for n in names if n.lower().endswith('.md')]
    return sorted(f for f in files if os.path.getsize(f) > MIN_BYTES)


def html_files():
    return sorted({f for pattern in HTML_GLOBS for f in glob.glob(pattern)})


def run(mtlint, files):
    """Runs mtlint over `files` in batches; returns the report's file entries."""
    entries = []
    for i in range(0, len(files), 200):
        p = subprocess.run([mtlint, 'check', '--isolated', '--format', 'json', *files[i:i + 200]],
                           capture_output=True)
        if p.returncode not in (0, 1):
            sys.exit(f'mtlint exited {p.returncode}: {p.stderr.decode(errors="replace")[-2000:]}')
        entries += json.loads(p.stdout)['files']
    return entries


def report(name, entries, show):
    words = sum(e['words'] for e in entries)
    findings = [(e['path'], f) for e in entries for f in e['findings']]
    rate = 1000 * len(findings) / max(words, 1)
    print(f'{name}: {len(entries)} files, {words} words, {len(findings)} findings = {rate:.2f} per 1,000 words')
    by_code = collections.Counter(f['code'] for _, f in findings)
    print('    ' + ', '.join(f'{c} {n}' for c, n in by_code.most_common()))
    for path, f in findings:
        if any(f['code'].startswith(c) for c in show):
            with open(path, 'rb') as fh:
                text = fh.read()
            around = lambda a, b: text[a:b].decode(errors='replace').replace('\n', ' ')
            print(f"  {f['code']} {path}:{f['line']}: {f['message']}")
            print(f"      …{around(max(0, f['start'] - 60), f['start'])}[[{around(f['start'], f['end'])}]]"
                  f"{around(f['end'], f['end'] + 60)}…")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mtlint', default=os.path.join(ROOT, 'target', 'release', 'mtlint'))
    ap.add_argument('--corpus', choices=['readmes', 'html'], action='append')
    ap.add_argument('--registry', default=os.path.expanduser('~/.cargo/registry/src'))
    ap.add_argument('--install', action='store_true', help='apt-get install the HTML packages')
    ap.add_argument('--show', nargs='*', default=[])
    a = ap.parse_args()
    corpora = a.corpus or ['readmes', 'html']
    if 'html' in corpora and a.install:
        subprocess.run(['apt-get', 'install', '-y', '-q', *HTML_PACKAGES], check=True)
    for corpus in corpora:
        files = readme_files(a.registry) if corpus == 'readmes' else html_files()
        if not files:
            hint = 'run cargo fetch' if corpus == 'readmes' else f'apt-get install {" ".join(HTML_PACKAGES)}'
            print(f'{corpus}: no files found ({hint})')
            continue
        report(corpus, run(a.mtlint, files), a.show)


if __name__ == '__main__':
    main()
