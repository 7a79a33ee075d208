#!/usr/bin/env python3
"""Check the phrasing word lists: file format, pattern syntax, contradictions.

    python3 tools/phrasing/check.py            # from the repository root

Checks, for every file in FILES:
  * four '#' lines at the top (name, source, licence, generator) and no '#'
    line below them; the first other line is the header with the expected
    columns; UTF-8, '\\n' line endings, no trailing whitespace, no empty line;
  * rows have exactly the header's number of cells, none empty;
  * rows sorted by full line in byte order (LC_ALL=C sort), no duplicate rows;
  * pattern files: pattern syntax (see PATTERN SYNTAX below), no duplicate
    pattern, no pattern equal to any entry's correction, and no correction
    (with its placeholders filled in) that one of the patterns would flag;
  * word files: single lowercase words, no duplicate keys, no key that is
    also another row's correction.
Exit status 0 when all is well, 1 otherwise.

PATTERN SYNTAX
  word      a literal word: lowercase letters/digits, inner apostrophes allowed
  word+     any inflection of word (verb: base, -s, past, participle, -ing;
            noun: singular, plural)
  <poss>    my your his her its our their
  <det>     a an the this that these those
  <obj>     me you him her it us them
  <any>     exactly one arbitrary word (never first or last)
  <list>    (chinglish_forms.tsv only) a list of one or more items, filled by
            the rule code (never first or last)
  <clause>  (chinglish_forms.tsv only) a clause, filled by the rule code
            (never first or last)
  At least two tokens and at least one literal word.
  In a correction, 'word+' takes the inflection of the first 'word+' token
  of the pattern, and <poss>/<det>/<obj> copy the word the pattern matched.
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
WL = os.path.join(ROOT, 'wordlists')

FILES = {
    'idioms.tsv': ['pattern', 'correction', 'explanation', 'example', 'lang'],
    'chinglish_forms.tsv': ['pattern', 'correction', 'explanation', 'example'],
    'intransitive_verbs.tsv': ['verb', 'past_participle', 'prep_passive_ok', 'note'],
    'uncountable_nouns.tsv': ['wrong', 'correct', 'verb_form_ok', 'note'],
    'irregular_verbs.tsv': ['base', 'past', 'past_participle', 'third_person', 'present_participle'],
}
PATTERN_FILES = ('idioms.tsv', 'chinglish_forms.tsv')
LANGS = {'zh', 'ja', 'ko', 'ru', 'de', 'fr', 'es', 'any'}

SLOTS = {
    '<poss>': ['my', 'your', 'his', 'her', 'its', 'our', 'their'],
    '<det>': ['a', 'an', 'the', 'this', 'that', 'these', 'those'],
    '<obj>': ['me', 'you', 'him', 'her', 'it', 'us', 'them'],
}
FREE_SLOTS = {'<any>'}
RULE_SLOTS = {'<list>', '<clause>'}
WORD = re.compile(r"^[a-z0-9]+(?:'[a-z0-9]+)*$")

# Irregular noun plurals the word+ expansion knows (nouns in the lists only).
NOUN_PLURALS = {
    'child': 'children', 'foot': 'feet', 'goose': 'geese', 'man': 'men', 'mouse': 'mice',
    'ox': 'oxen', 'person': 'people', 'tooth': 'teeth', 'woman': 'women', 'leaf': 'leaves',
    'knife': 'knives', 'life': 'lives', 'wife': 'wives', 'half': 'halves', 'wolf': 'wolves',
    'calf': 'calves', 'shelf': 'shelves', 'thief': 'thieves', 'sheep': 'sheep', 'fish': 'fish',
}


def load_irregular():
    verbs = {}
    path = os.path.join(WL, 'irregular_verbs.tsv')
    if not os.path.exists(path):
        return verbs
    with open(path, encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f if not l.startswith('#')]
    for r in rows[1:]:
        forms = {r[0], r[3], r[4]}
        for cell in r[1:3]:
            forms.update(cell.split('|'))
        verbs[r[0]] = forms
    return verbs


IRREGULAR = load_irregular()


def inflections(word):
    """All forms 'word+' stands for: verb forms and noun plural (over-generates)."""
    forms = {word}
    if word in IRREGULAR:
        forms |= IRREGULAR[word]
    if word == 'be':
        forms |= {'am', 'are'}
    # -s / -es / -ies
    if re.search('(s|x|z|ch|sh|o)$', word):
        forms.add(word + 'es')
    if re.search('[^aeiou]y$', word):
        forms.add(word[:-1] + 'ies')
    else:
        forms.add(word + 's')
    if word in NOUN_PLURALS:
        forms.add(NOUN_PLURALS[word])
    if re.search('(?<![aeiou])(f|fe)$', word):
        forms.add(re.sub('(f|fe)$', 'ves', word))
    if word not in IRREGULAR:
        # -ed
        if word.endswith('e'):
            forms.add(word + 'd')
        elif re.search('[^aeiou]y$', word):
            forms.add(word[:-1] + 'ied')
        else:
            forms.add(word + 'ed')
            forms.add(word + word[-1] + 'ed')
        if word.endswith('c'):
            forms.add(word + 'ked')
    # -ing
    if word.endswith('ie'):
        forms.add(word[:-2] + 'ying')
    elif word.endswith('e') and not re.search('(ee|oe|ye)$', word):
        forms.add(word[:-1] + 'ing')
    else:
        forms.add(word + 'ing')
        forms.add(word + word[-1] + 'ing')
    if word.endswith('c'):
        forms.add(word + 'king')
    return forms


def token_error(tok, allow_rule_slots):
    if tok in SLOTS or tok in FREE_SLOTS:
        return None
    if tok in RULE_SLOTS:
        return None if allow_rule_slots else 'rule placeholder %s not allowed here' % tok
    if tok.startswith('<'):
        return 'unknown placeholder %s' % tok
    base = tok[:-1] if tok.endswith('+') else tok
    if not WORD.match(base):
        return 'bad token %r' % tok
    return None


def pattern_errors(pat, allow_rule_slots=False):
    errs = []
    if pat != pat.strip() or '  ' in pat:
        errs.append('extra spaces')
    toks = pat.split(' ')
    if len(toks) < 2:
        errs.append('fewer than two tokens')
    for t in toks:
        e = token_error(t, allow_rule_slots)
        if e:
            errs.append(e)
    literal = [t for t in toks if not t.startswith('<')]
    if not literal:
        errs.append('no literal word')
    for edge in (toks[0], toks[-1]):
        if edge in FREE_SLOTS or edge in RULE_SLOTS:
            errs.append('%s at the start or end' % edge)
    return errs


def token_regex(tok):
    if tok in SLOTS:
        return '(?:%s)' % '|'.join(SLOTS[tok])
    if tok in FREE_SLOTS:
        return r"[^ ]+"
    if tok in RULE_SLOTS:
        return r"[^ ]+(?: [^ ]+){0,12}?"
    if tok.endswith('+'):
        return '(?:%s)' % '|'.join(sorted((re.escape(f) for f in inflections(tok[:-1])), key=len, reverse=True))
    return re.escape(tok)


def compile_pattern(pat):
    """Regex over text that is lowercased, tokenised and joined by single spaces."""
    body = ' '.join(token_regex(t) for t in pat.split(' '))
    return re.compile(r'(?<![^ ])' + body + r'(?![^ ])')


def normalise_text(text):
    text = text.replace('\u2019', "'").replace('\u2018', "'").lower()
    text = re.sub(r"[^a-z0-9'\s]+", ' ', text)
    toks = [t.strip("'") for t in text.split()]
    return ' '.join(t for t in toks if t)


def fill_correction(corr):
    """A plain-text instance of a correction, for the contradiction check."""
    out = []
    for t in corr.split(' '):
        if t in SLOTS:
            out.append(SLOTS[t][0])
        elif t in RULE_SLOTS:
            out.append('apples pears' if t == '<list>' else 'it rained')
        elif t.endswith('+') and WORD.match(t[:-1].lower()):
            out.append(t[:-1])
        else:
            out.append(t)
    return ' '.join(out)


def read_table(name, problems):
    path = os.path.join(WL, name)
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        problems.append('%s: not UTF-8 (%s)' % (name, e))
        return None, None
    if '\r' in text:
        problems.append('%s: carriage return found' % name)
    if not text.endswith('\n'):
        problems.append('%s: no final newline' % name)
    lines = text.split('\n')[:-1]
    i = 0
    while i < len(lines) and lines[i].startswith('#'):
        i += 1
    comments, body = lines[:i], lines[i:]
    prefixes = ['# %s: ' % name, '# source: ', '# licence: ', '# generator: ']
    if len(comments) != 4:
        problems.append('%s: expected 4 comment lines, found %d' % (name, len(comments)))
    for c, p in zip(comments, prefixes):
        if not c.startswith(p) or len(c) <= len(p):
            problems.append('%s: comment line should start with %r: %r' % (name, p, c))
    if comments and len(comments) >= 4:
        gen = comments[3][len('# generator: '):]
        if gen != 'hand-written' and not os.path.exists(os.path.join(ROOT, gen)):
            problems.append('%s: generator %s not found' % (name, gen))
    for n, l in enumerate(lines, 1):
        if l != l.rstrip():
            problems.append('%s:%d: trailing whitespace' % (name, n))
        if l == '':
            problems.append('%s:%d: empty line' % (name, n))
        if n > i and l.startswith('#'):
            problems.append('%s:%d: comment below the header' % (name, n))
    if not body:
        problems.append('%s: no header' % name)
        return None, None
    header = body[0].split('\t')
    if header != FILES[name]:
        problems.append('%s: header %r, expected %r' % (name, header, FILES[name]))
    rows = body[1:]
    if rows != sorted(rows, key=lambda s: s.encode('utf-8')):
        for a, b in zip(rows, rows[1:]):
            if a.encode('utf-8') > b.encode('utf-8'):
                problems.append('%s: not sorted at %r' % (name, b[:60]))
                break
    if len(set(rows)) != len(rows):
        problems.append('%s: duplicate rows' % name)
    cells = []
    for n, r in enumerate(rows, i + 2):
        c = r.split('\t')
        if len(c) != len(header):
            problems.append('%s:%d: %d cells, expected %d' % (name, n, len(c), len(header)))
            continue
        for col, v in zip(header, c):
            if v.strip() == '':
                problems.append('%s:%d: empty %s' % (name, n, col))
            elif v != v.strip() or '  ' in v:
                problems.append('%s:%d: stray spaces in %s' % (name, n, col))
        cells.append((n, c))
    return header, cells


def check_patterns(name, cells, problems, all_patterns):
    allow_rule = name == 'chinglish_forms.tsv'
    seen = {}
    corrections = {}
    for n, c in cells:
        pat, corr = c[0], c[1]
        for e in pattern_errors(pat, allow_rule):
            problems.append('%s:%d: pattern %r: %s' % (name, n, pat, e))
        if pat in seen or pat in all_patterns:
            problems.append('%s:%d: duplicate pattern %r' % (name, n, pat))
        seen[pat] = n
        all_patterns[pat] = (name, n)
        corrections[corr.lower()] = n
        ptoks = pat.split(' ')
        for t in corr.split(' '):
            if t in SLOTS and t not in ptoks:
                problems.append('%s:%d: correction uses %s, pattern has none' % (name, n, t))
            if t in RULE_SLOTS and t not in ptoks:
                problems.append('%s:%d: correction uses %s, pattern has none' % (name, n, t))
            if t.startswith('<') and t not in SLOTS and t not in RULE_SLOTS:
                problems.append('%s:%d: correction has placeholder %s' % (name, n, t))
        if any(t.endswith('+') for t in corr.split(' ')):
            if not any(t.endswith('+') and not t.startswith('<') for t in ptoks):
                problems.append('%s:%d: correction inflects but pattern has no word+' % (name, n))
            if sum(t.endswith('+') for t in corr.split(' ')) > 1:
                problems.append('%s:%d: more than one word+ in correction' % (name, n))
        if name == 'idioms.tsv' and c[4] not in LANGS:
            problems.append('%s:%d: unknown lang %r' % (name, n, c[4]))
        # the example must show the pattern
        if not compile_pattern(pat).search(normalise_text(c[-2] if name == 'idioms.tsv' else c[-1])):
            problems.append('%s:%d: example does not contain the pattern %r' % (name, n, pat))
    for pat, n in seen.items():
        if pat.lower() in corrections:
            problems.append('%s:%d: pattern %r is also a correction (line %d)' % (name, n, pat, corrections[pat.lower()]))
    return corrections


def check_contradictions(tables, problems):
    """No correction may itself be flagged by any pattern of the pattern files."""
    compiled = []
    for name in PATTERN_FILES:
        for n, c in tables.get(name, []):
            if not pattern_errors(c[0], True):
                compiled.append((name, n, c[0], compile_pattern(c[0])))
    for name in PATTERN_FILES:
        for n, c in tables.get(name, []):
            text = normalise_text(fill_correction(c[1]))
            for pname, pn, pat, rx in compiled:
                if rx.search(text):
                    problems.append('%s:%d: correction %r is flagged by %s:%d %r' % (name, n, c[1], pname, pn, pat))


def check_words(name, cells, problems):
    keys = {}
    for n, c in cells:
        k = c[0]
        if not WORD.match(k):
            problems.append('%s:%d: key %r is not one lowercase word' % (name, n, k))
        if k in keys:
            problems.append('%s:%d: duplicate key %r' % (name, n, k))
        keys[k] = n
    if name == 'uncountable_nouns.tsv':
        corr = {c[1] for n, c in cells}
        for n, c in cells:
            if c[0] in corr:
                problems.append('%s:%d: %r is also a correction' % (name, n, c[0]))
            if c[2] not in ('yes', 'no'):
                problems.append('%s:%d: verb_form_ok must be yes or no' % (name, n))
    if name == 'intransitive_verbs.tsv':
        for n, c in cells:
            if c[2] not in ('yes', 'no'):
                problems.append('%s:%d: prep_passive_ok must be yes or no' % (name, n))
            for pp in c[1].split('|'):
                if not WORD.match(pp):
                    problems.append('%s:%d: bad participle %r' % (name, n, pp))
    if name == 'irregular_verbs.tsv':
        for n, c in cells:
            for cell in c:
                for w in cell.split('|'):
                    if not WORD.match(w):
                        problems.append('%s:%d: bad form %r' % (name, n, w))


def main():
    problems = []
    tables = {}
    counts = {}
    all_patterns = {}
    for name in FILES:
        if not os.path.exists(os.path.join(WL, name)):
            problems.append('%s: missing' % name)
            continue
        header, cells = read_table(name, problems)
        if cells is None:
            continue
        tables[name] = cells
        counts[name] = len(cells)
        if name in PATTERN_FILES:
            check_patterns(name, cells, problems, all_patterns)
        else:
            check_words(name, cells, problems)
    check_contradictions(tables, problems)
    for name, k in counts.items():
        print('%-24s %4d rows' % (name, k))
    for p in problems:
        print('PROBLEM ' + p)
    print('%d problems' % len(problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
