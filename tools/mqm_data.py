"""The MQM development data and mtlint's findings on it, for the measuring tools.

Shared by tools/calibrate.py, tools/span_precision.py and tools/mqm_findings.py. The data is read in
place from ../shared/data (never copied into the repository) and run through the binary exactly as
../shared/eval/mqm_eval.py does: one table, rows of a test set, system and document grouped by the
doc column, the Chinese source in a column that --bilingual turns on.
"""
import collections, csv, itertools, json, os, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MTLINT = os.path.join(ROOT, 'target', 'release', 'mtlint')
DEFAULT_DATA = os.path.join(ROOT, '..', 'shared', 'data', 'mqm-zhen-dev.tsv')


def add_run_arguments(ap, preview=True):
    """The options of every measuring tool: the binary, the data, whether mtlint is given each row's
    source, and (unless the tool always runs them) whether the preview rules run."""
    ap.add_argument('--mtlint', default=DEFAULT_MTLINT)
    ap.add_argument('--data', default=DEFAULT_DATA)
    ap.add_argument('--bilingual', action='store_true', help="give mtlint each row's source")
    if preview:
        ap.add_argument('--preview', action='store_true', help='run the preview rules too')


def read_rows(path):
    csv.field_size_limit(10**9)
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def findings(mtlint, rows, bilingual=False, preview=False, select=None):
    """mtlint's findings on `rows`, each with its 1-based `row`."""
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
        if select:
            cmd += ['--select', ','.join(select)]
        out = subprocess.run(cmd, capture_output=True)
        return json.loads(out.stdout)['files'][0]['findings']


def counts_by_row(found):
    """row index (0-based) -> code -> number of findings."""
    counts = collections.defaultdict(collections.Counter)
    for fnd in found:
        counts[fnd['row'] - 1][fnd['code']] += 1
    return counts


def pair_accuracy(rows, counts, code, testset=None):
    """Over pairs of translations of the same source (of `testset`, or of all) that raters scored
    differently and that differ in `code`'s finding count: the share where the one with more
    findings is the one raters penalised more (0.5 is chance), and the number of such pairs."""
    # seg_id numbers each test set on its own (237 ids occur in both), so a source is the pair
    # (testset, seg_id): grouping by seg_id alone would compare a news sentence with a TED one.
    groups = collections.defaultdict(list)
    for i, r in enumerate(rows):
        if testset is None or r['testset'] == testset:
            groups[(r['testset'], r['seg_id'])].append(i)
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
    return conc, disc


def rater_spans_hit(finding, errors):
    """The rater-marked errors whose byte span overlaps the finding (an empty finding: touches)."""
    s, e = finding['start'], finding['end']
    return [x for x in errors if s < x['bend'] and x['bstart'] < e or (s == e and x['bstart'] <= s <= x['bend'])]
