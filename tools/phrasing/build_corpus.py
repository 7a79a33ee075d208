#!/usr/bin/env python3
"""Build a sample of normal English for tools/phrasing/quiet_check.py.

The sample is only used to look for false alarms while editing the lists; it
is not committed. Everything comes from the registries this project uses:

    mkdir -p /tmp/phr && cd /tmp/phr
    apt-get download wordnet-base dict-gcide dict-jargon dict-devil fortunes \
        fortunes-min debian-reference-en python3.11-doc
    for f in *.deb; do dpkg -x "$f" root; done
    pip download --no-deps -d pip symspellpy gensim
    (cd pip && for w in *.whl; do unzip -o -q "$w"; done)
    python3 tools/phrasing/build_corpus.py --deb-root /tmp/phr/root \
        --gensim /tmp/phr/pip/gensim/test/test_data --system-docs \
        --out /tmp/phr/corpus.txt

Output: one text segment per line, lowercased, punctuation removed, hyphens
split, words joined by single spaces (the form quiet_check.py expects).
Sources: GCIDE (Webster 1913 and its quotations), the Jargon File and the
Devil's Dictionary (dictd files), WordNet glosses and example sentences,
fortune cookies, the Debian Reference, the Python documentation sources,
gensim's test texts (Lee news corpus, a Wikipedia extract, newsgroup posts)
and, with --system-docs, the machine's /usr/share/doc, man and info pages.
"""
import argparse
import bz2
import gzip
import html
import os
import re

TAG = re.compile(r'<[^>]*>')
SEG = re.compile(r"[^a-z0-9'\s-]+")


def read(path):
    opener = gzip.open if path.endswith(('.gz', '.dz')) else open
    with opener(path, 'rb') as f:
        return f.read().decode('utf-8', 'replace')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--deb-root', required=True, help='folder the .deb files were dpkg -x-ed into')
    ap.add_argument('--gensim', help="gensim's test/test_data folder")
    ap.add_argument('--system-docs', action='store_true')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    out = open(args.out, 'w', encoding='utf-8')

    def emit(text):
        text = html.unescape(text).replace('\u2019', "'").replace('\u2018', "'").lower().replace('-', ' ')
        for seg in SEG.split(text):
            toks = [t.strip("'") for t in seg.split()]
            toks = [t for t in toks if t]
            if len(toks) >= 2:
                out.write(' '.join(toks) + '\n')

    root = args.deb_root
    for name in ('gcide', 'jargon', 'devil'):
        p = os.path.join(root, 'usr/share/dictd/%s.dict.dz' % name)
        if os.path.exists(p):
            emit(TAG.sub(' ', read(p)))
    for pos in ('noun', 'verb', 'adj', 'adv'):
        p = os.path.join(root, 'usr/share/wordnet/data.' + pos)
        if os.path.exists(p):
            with open(p, encoding='latin-1') as f:
                for line in f:
                    if not line.startswith('  ') and '|' in line:
                        emit(line.split('|', 1)[1])
    fd = os.path.join(root, 'usr/share/games/fortunes')
    if os.path.isdir(fd):
        for fn in os.listdir(fd):
            p = os.path.join(fd, fn)
            if not fn.endswith('.dat') and os.path.isfile(p) and not os.path.islink(p):
                emit(read(p))
    for sub, exts in (('usr/share/debian-reference', ('.html',)),
                      ('usr/share/doc/python3.11-doc/html/_sources', ('.txt',))):
        for dp, _, fns in os.walk(os.path.join(root, sub)):
            for fn in fns:
                if fn.endswith(exts):
                    emit(TAG.sub(' ', read(os.path.join(dp, fn))))
    if args.gensim:
        d = args.gensim
        emit(read(os.path.join(d, 'lee_background.cor')))
        wiki = bz2.open(os.path.join(d, 'enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2')).read()
        wiki = wiki.decode('utf-8', 'replace')
        wiki = re.sub(r'\{\{[^{}]*\}\}', ' ', wiki)
        wiki = re.sub(r'\[\[(?:[^|\]]*\|)?([^\]]*)\]\]', r'\1', wiki)
        emit(TAG.sub(' ', wiki))
        for dp, _, fns in os.walk(os.path.join(d, 'mini_newsgroup')):
            for fn in fns:
                with open(os.path.join(dp, fn), encoding='latin-1') as f:
                    emit(f.read())
    if args.system_docs:
        for base in ('/usr/share/doc', '/usr/share/man/man1', '/usr/share/man/man3', '/usr/share/man/man5',
                     '/usr/share/man/man7', '/usr/share/man/man8', '/usr/share/info'):
            for dp, _, fns in os.walk(base):
                for fn in fns:
                    p = os.path.join(dp, fn)
                    if os.path.islink(p):
                        continue
                    try:
                        t = read(p)
                    except (OSError, EOFError):
                        continue
                    if '\x00' in t[:1000]:
                        continue
                    if '/man/' in p:
                        t = '\n'.join(l for l in t.split('\n') if not l.startswith('.'))
                        t = re.sub(r'\\f[BIRP]|\\\(..|\\-|\\&|\\e', ' ', t)
                    emit(t)
    out.close()


if __name__ == '__main__':
    main()
