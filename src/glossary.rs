//! Glossary files: the termbases translation desks keep, as CSV or TSV.
//!
//! ```text
//! term,type,aliases,note,source
//! Liang Wenfeng,person,Liang Wen-feng,founder of DeepSeek,梁文锋|梁文鋒
//! DeepSeek,organisation,,"never ""Deepseek""",深度求索
//! Hangzhou,place,,,杭州
//! ```
//!
//! The header row names the columns, in any order and any case; only `term` is required, other
//! columns (`type`, `aliases`, `note`, `source`, and whatever else a termbase export carries) are
//! optional. Aliases and source forms are separated by `|` or `;`. A `.tsv` or `.tab` file is
//! tab-separated without quoting; anything else is CSV (RFC 4180). Lines starting with `#` are
//! comments.
//!
//! Every term and alias is canonical for the name and entity rules: the engine never reports a
//! name or entity finding whose text is exactly a glossary spelling, and rules can ask
//! [`Glossary::canonical`] for the term an alias stands for. The spelling must match
//! exactly: "Deepseek" is still a casing variant of "DeepSeek".
//!
//! The `status` column says whether an editor has reviewed the entry. A glossary is the editor's
//! word only once reviewed: an unreviewed entry (`unreviewed`, `draft`, `proposed`, `new`, or an
//! empty cell) is still canonical (never flagged, preferred as a correction), but a fix towards
//! it is unsafe, like a fix towards a spelling mtlint inferred. Only `reviewed` (or `approved`)
//! entries make fixes safe. A file without the column is a desk's own termbase, reviewed as a
//! whole; `mtlint init --glossary` writes the column with every row `unreviewed`. Any other value
//! is an error naming the row.
//!
//! The `source` column gives the term in the original language, as a termbase pairs a source term
//! with its required translation. In bilingual mode, B009 reports a segment whose original has the
//! source term and whose translation has neither the term nor an alias. A term written in both
//! Simplified and Traditional characters is given in both forms (`梁文锋|梁文鋒`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::entities::similarity::romanised_key;
use crate::entities::{HeadClass, entity_key, joined_content};
use crate::error::{Error, Result};

/// One row of a glossary file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GlossaryEntry {
    /// The canonical spelling.
    pub term: String,
    /// What it is (`person`, `organisation`, `place`, `term`, …), as the file says; empty if not given.
    pub kind: String,
    /// Other accepted spellings of the same thing.
    pub aliases: Vec<String>,
    /// A note for editors.
    pub note: String,
    /// The term in the original language (its forms, when it has several), for bilingual checks.
    pub source: Vec<String>,
    /// An editor has reviewed the entry: fixes towards it may be safe (see the module
    /// documentation).
    pub reviewed: bool,
}

impl GlossaryEntry {
    /// A bare term, as `[glossary] names` gives them: the editor typed it, so it is reviewed.
    pub fn term(term: impl Into<String>) -> GlossaryEntry {
        GlossaryEntry {
            term: term.into(),
            reviewed: true,
            ..GlossaryEntry::default()
        }
    }

    /// The term and its aliases.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Reads a glossary file.
pub fn read_file(path: &Path) -> Result<Vec<GlossaryEntry>> {
    let bytes = crate::read::read_capped(path).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        message: format!(
            "cannot read this glossary file: {}",
            crate::error::io_message(&e)
        ),
    })?;
    parse(&bytes, is_tsv(path)).map_err(|message| Error::Config {
        path: path.to_path_buf(),
        message,
    })
}

fn is_tsv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"))
}

/// Parses the contents of a glossary file; errors name the row or the missing column.
pub fn parse(bytes: &[u8], tsv: bool) -> std::result::Result<Vec<GlossaryEntry>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !tsv {
        // A quotation mark left open would make every later term part of one cell.
        if let Some(open) = crate::table::unclosed_quote(bytes, b',', Some(b'#')) {
            return Err(open.message());
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let term = column("term").ok_or_else(|| {
        format!(
            "no `term` column in the header row (columns: {})",
            crate::error::header_excerpt(headers.iter())
        )
    })?;
    let (kind, aliases, note) = (column("type"), column("aliases"), column("note"));
    let source = column("source");
    let status = column("status");
    let mut entries = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", i + 1))?;
        let cell = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(str::trim)
                .unwrap_or("")
                .to_string()
        };
        let term = cell(Some(term));
        if term.is_empty() {
            continue;
        }
        let aliases = list(&cell(aliases))
            .filter(|a| *a != term)
            .map(String::from)
            .collect();
        entries.push(GlossaryEntry {
            term,
            kind: cell(kind),
            aliases,
            note: cell(note),
            source: list(&cell(source)).map(String::from).collect(),
            reviewed: match status {
                None => true,
                Some(_) => reviewed(&cell(status)).map_err(|e| format!("row {}: {e}", i + 1))?,
            },
        });
    }
    Ok(entries)
}

/// Reads a `status` cell: whether an editor has reviewed the entry.
fn reviewed(status: &str) -> std::result::Result<bool, String> {
    match status.to_ascii_lowercase().as_str() {
        "reviewed" | "approved" => Ok(true),
        "" | "unreviewed" | "draft" | "proposed" | "new" => Ok(false),
        _ => Err(format!(
            "status `{status}` is neither `reviewed` (or `approved`) nor `unreviewed` (or empty)"
        )),
    }
}

/// The non-empty items of a `|`- or `;`-separated cell.
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(['|', ';'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

/// Lookups a termbase of tens of thousands of terms answers without reading every term: desks'
/// termbases are that large, and a scan of every term per name in the text made a 50,000-term
/// glossary cost minutes on a long file.
///
/// Built once from the terms, after the last one is added ([`Glossary`] builds it
/// on first use). It holds the exact spellings and the entity lookup key of each spelling (the
/// first spelling with a key wins, as a scan in order would find it).
#[derive(Debug, Clone, Default)]
pub struct TermIndex {
    /// How many names and accepted words the index was built from: a glossary changed since
    /// (its fields are public) is scanned instead of trusting a stale index.
    pub(crate) built_from: (usize, usize),
    exact: HashSet<String>,
    /// Each name's entity key to the position of the first name with that key.
    by_key: HashMap<String, usize>,
    accepted_keys: HashSet<String>,
}

impl TermIndex {
    pub fn new(names: &[String], accept: &HashSet<String>) -> TermIndex {
        let mut by_key = HashMap::new();
        for (i, name) in names.iter().enumerate() {
            by_key.entry(entity_key(name)).or_insert(i);
        }
        TermIndex {
            built_from: (names.len(), accept.len()),
            exact: names.iter().cloned().collect(),
            by_key,
            accepted_keys: accept.iter().map(|a| entity_key(a)).collect(),
        }
    }

    pub fn is_name(&self, spelling: &str) -> bool {
        self.exact.contains(spelling)
    }

    /// The position of the first name whose entity key is `key`.
    pub fn name_with_key(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn knows_key(&self, key: &str) -> bool {
        self.by_key.contains_key(key) || self.accepted_keys.contains(key)
    }
}

/// The glossary's terms as near-miss search compares them for one head class: the identifying
/// words run together ([`joined_content`]), and their romanisation key. A term can be within two
/// edits of a mention, or within one edit by romanisation, only if it shares enough character
/// bigrams with it ([`GramIndex::candidates`]), so only those are compared.
#[derive(Debug, Clone)]
pub struct NearIndex {
    pub(crate) built_from: usize,
    plain: GramIndex,
    romanised: GramIndex,
}

impl NearIndex {
    pub fn new(entries: &[GlossaryEntry], class: HeadClass) -> NearIndex {
        let joined: Vec<String> = entries
            .iter()
            .map(|e| joined_content(&entity_key(&e.term), class))
            .collect();
        let romanised: Vec<String> = joined.iter().map(|j| romanised_key(j)).collect();
        NearIndex {
            built_from: entries.len(),
            plain: GramIndex::new(&joined),
            romanised: GramIndex::new(&romanised),
        }
    }

    /// The positions of the entries that may lie within two edits of `joined` (a mention's
    /// identifying words run together, lowercase), or within one edit of its romanisation key,
    /// in order: every entry near-miss search could accept, and some it will not.
    pub fn candidates(&self, joined: &str) -> Vec<usize> {
        // Near-miss search accepts a distance of one between names of five letters or more, and
        // of two between names of eight or more; a change of romanisation counts half an edit
        // more than the edits between the romanisation keys.
        let len = joined.chars().count();
        let longer = |i: usize, at_least: usize| self.plain.length(i).max(len) >= at_least;
        let romanised = romanised_key(joined);
        let mut found = self.plain.candidates(joined, 1, |i| longer(i, 5));
        found.extend(self.plain.candidates(joined, 2, |i| longer(i, 8)));
        found.extend(self.romanised.candidates(&romanised, 0, |i| longer(i, 5)));
        found.extend(self.romanised.candidates(&romanised, 1, |i| longer(i, 8)));
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Character bigrams (with `^` and `$` at the ends) of a list of strings, with their counts.
#[derive(Debug, Clone, Default)]
struct GramIndex {
    /// Length in characters of each string.
    lengths: Vec<u32>,
    /// Each bigram's number.
    ids: HashMap<(char, char), u32>,
    /// Per bigram number, the strings holding it with how many times, shortest strings first.
    postings: Vec<Vec<(u32, u16)>>,
    /// Per string, its bigram numbers (sorted) with their counts, as a range of `grams`.
    spans: Vec<(u32, u32)>,
    grams: Vec<(u32, u16)>,
}

impl GramIndex {
    fn new(strings: &[String]) -> GramIndex {
        let mut index = GramIndex {
            lengths: strings.iter().map(|s| s.chars().count() as u32).collect(),
            ..GramIndex::default()
        };
        for (i, s) in strings.iter().enumerate() {
            let start = index.grams.len() as u32;
            if !s.is_empty() {
                let mut own: Vec<(u32, u16)> = gram_counts(s)
                    .into_iter()
                    .map(|(gram, count)| (index.id(gram), count))
                    .collect();
                own.sort_unstable();
                for &(id, count) in &own {
                    index.postings[id as usize].push((i as u32, count));
                }
                index.grams.extend(own);
            }
            index.spans.push((start, index.grams.len() as u32));
        }
        let lengths = &index.lengths;
        for list in &mut index.postings {
            list.sort_by_key(|&(i, _)| (lengths[i as usize], i));
        }
        index
    }

    /// The length in characters of string `i`.
    fn length(&self, i: usize) -> usize {
        self.lengths[i] as usize
    }

    fn id(&mut self, gram: (char, char)) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(gram).or_insert(next);
        if id == next {
            self.postings.push(Vec::new());
        }
        id
    }

    /// The strings within `edits` edits (insertions, deletions, substitutions, swaps of
    /// neighbours) of `query` that `admit` accepts, and some further ones.
    ///
    /// Each edit breaks at most three bigrams of a string (a swap: `xaby` loses `xa`, `ab` and
    /// `by`), so a string within `edits` shares at least `len + 1 − 3 × edits` of the bigrams of
    /// either string, the longer's length counting, and its length differs by at most `edits`.
    /// Such a string must also share one of the query's `len + 2 − needed` rarest bigrams (else
    /// it could share only the others, fewer than `needed`): only their strings of a near length
    /// are read, then counted exactly.
    fn candidates(&self, query: &str, edits: usize, admit: impl Fn(usize) -> bool) -> Vec<usize> {
        let len = query.chars().count();
        if len == 0 {
            return Vec::new();
        }
        let lengths = len.saturating_sub(edits) as u32..=(len + edits) as u32;
        let needed = (len + 1).saturating_sub(3 * edits);
        if needed == 0 {
            return (0..self.lengths.len())
                .filter(|&i| self.lengths[i] > 0 && lengths.contains(&self.lengths[i]) && admit(i))
                .collect();
        }
        // The postings of a bigram among strings of a near length.
        let near = |id: u32| {
            let list = &self.postings[id as usize];
            let from = list.partition_point(|&(i, _)| self.lengths[i as usize] < *lengths.start());
            let to = list.partition_point(|&(i, _)| self.lengths[i as usize] <= *lengths.end());
            &list[from..to]
        };
        // The query's bigrams, rarest first (one unknown to the index: none to read).
        let mut own: Vec<(Option<u32>, u16)> = gram_counts(query)
            .into_iter()
            .map(|(gram, count)| (self.ids.get(&gram).copied(), count))
            .collect();
        own.sort_by_key(|&(id, _)| (id.map_or(0, |id| near(id).len()), id));
        let mut query_grams: Vec<(u32, u16)> = own
            .iter()
            .filter_map(|&(id, n)| id.map(|id| (id, n)))
            .collect();
        query_grams.sort_unstable();
        let mut left = len + 2 - needed;
        let mut found = Vec::new();
        SEEN.with_borrow_mut(|seen| {
            seen.start(self.lengths.len());
            for &(id, count) in &own {
                if left == 0 {
                    break;
                }
                left = left.saturating_sub(usize::from(count));
                let Some(id) = id else { continue };
                for &(i, _) in near(id) {
                    let i = i as usize;
                    if seen.first_time(i)
                        && admit(i)
                        && self.shared(i, &query_grams) + 3 * edits > self.length(i).max(len)
                    {
                        found.push(i);
                    }
                }
            }
        });
        found
    }

    /// How many bigram occurrences string `i` shares with `query` (bigram numbers, sorted).
    fn shared(&self, i: usize, query: &[(u32, u16)]) -> usize {
        let (start, end) = self.spans[i];
        let own = &self.grams[start as usize..end as usize];
        let (mut a, mut b, mut shared) = (0, 0, 0);
        while a < own.len() && b < query.len() {
            match own[a].0.cmp(&query[b].0) {
                std::cmp::Ordering::Less => a += 1,
                std::cmp::Ordering::Greater => b += 1,
                std::cmp::Ordering::Equal => {
                    shared += usize::from(own[a].1.min(query[b].1));
                    a += 1;
                    b += 1;
                }
            }
        }
        shared
    }
}

/// Which strings a search has already looked at: a mark per string, valid for the search whose
/// number it holds, so that nothing is cleared between searches.
#[derive(Default)]
struct Seen {
    marks: Vec<u32>,
    search: u32,
}

impl Seen {
    fn start(&mut self, strings: usize) {
        self.search = self.search.wrapping_add(1);
        if self.search == 0 || self.marks.len() != strings {
            self.marks = vec![0; strings];
            self.search = 1;
        }
    }

    fn first_time(&mut self, i: usize) -> bool {
        let first = self.marks[i] != self.search;
        self.marks[i] = self.search;
        first
    }
}

thread_local! {
    static SEEN: std::cell::RefCell<Seen> = std::cell::RefCell::default();
}

/// The bigrams of `^text$` with their counts.
fn gram_counts(text: &str) -> Vec<((char, char), u16)> {
    let chars: Vec<char> = std::iter::once('^')
        .chain(text.chars())
        .chain(std::iter::once('$'))
        .collect();
    let mut grams: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    grams.sort_unstable();
    let mut counts: Vec<((char, char), u16)> = Vec::with_capacity(grams.len());
    for gram in grams {
        match counts.last_mut() {
            Some((last, n)) if *last == gram => *n += 1,
            _ => counts.push((gram, 1)),
        }
    }
    counts
}

/// Canonical names and accepted words from the configuration and glossary files.
#[derive(Debug, Default, Clone)]
pub struct Glossary {
    /// Every canonical spelling: the configured names and each glossary file's terms and aliases.
    pub names: Vec<String>,
    pub accept: HashSet<String>,
    /// The glossary entries with their type, aliases and note (configured names are entries
    /// without them).
    pub entries: Vec<GlossaryEntry>,
    /// Each term and alias to its entry in `entries`.
    spellings: HashMap<String, usize>,
    /// The entries' source forms, matched in an original: built on first use, after every entry
    /// has been added.
    source_forms: OnceLock<SourceForms>,
    /// Whether any entry has a source form.
    has_source_forms: bool,
    /// Exact spellings and lookup keys of the names: built on first use, after every entry has
    /// been added.
    terms: OnceLock<TermIndex>,
    /// Near-miss search per head class (institution, place, bare), built on first use.
    near: [OnceLock<NearIndex>; 3],
    /// The name words of every name, to find the names a document can use.
    words: OnceLock<NameWords>,
}

/// Every source form of the glossary, with the entry it belongs to.
#[derive(Debug, Clone)]
struct SourceForms {
    matcher: AhoCorasick,
    entry: Vec<usize>,
}

impl Glossary {
    /// Whether `word` is in the glossary, as a name or an accepted word (exact spelling).
    pub fn accepts(&self, word: &str) -> bool {
        self.accept.contains(word)
            || self.spellings.contains_key(word)
            || match self.term_index() {
                Some(index) => index.is_name(word),
                None => self.names.iter().any(|n| n == word),
            }
    }

    /// The first name whose entity lookup key is `key` (see [`entity_key`]).
    pub fn name_with_key(&self, key: &str) -> Option<&String> {
        match self.term_index() {
            Some(index) => index.name_with_key(key).map(|i| &self.names[i]),
            None => self.names.iter().find(|n| entity_key(n) == key),
        }
    }

    /// Whether a name or an accepted word has the entity lookup key `key`.
    pub fn knows_key(&self, key: &str) -> bool {
        match self.term_index() {
            Some(index) => index.knows_key(key),
            None => {
                self.names.iter().any(|n| entity_key(n) == key)
                    || self.accept.iter().any(|a| entity_key(a) == key)
            }
        }
    }

    /// The entries whose term near-miss search of a mention under a head of `class` could
    /// accept (within two edits of `joined`, the mention's identifying words run together, or
    /// one edit by romanisation), in order, and possibly a few more.
    pub fn near_entries(
        &self,
        class: HeadClass,
        joined: &str,
    ) -> impl Iterator<Item = &GlossaryEntry> + '_ {
        let slot = match class {
            HeadClass::Institution => 0,
            HeadClass::Place => 1,
            HeadClass::Bare => 2,
        };
        let index = self.near[slot].get_or_init(|| NearIndex::new(&self.entries, class));
        let positions: Vec<usize> = if index.built_from == self.entries.len() {
            index.candidates(joined)
        } else {
            (0..self.entries.len()).collect()
        };
        positions.into_iter().map(|i| &self.entries[i])
    }

    /// The names that can be the canonical spelling of a name in `text` (a document's prose
    /// view): those whose capitalised words all occur in it, compared as the name analysis
    /// compares them (lowercase letters and digits, accents dropped). The others cannot match
    /// any name of the document, and handing a 50,000-term glossary to the analysis of every
    /// document of a table cost more than checking them. A short glossary is handed whole.
    pub fn names_in(&self, text: &str) -> std::borrow::Cow<'_, [String]> {
        use std::borrow::Cow;
        if self.names.len() <= NameWords::WORTH_IT {
            return Cow::Borrowed(&self.names);
        }
        let words = self.words.get_or_init(|| NameWords::new(&self.names));
        if words.built_from != self.names.len() {
            return Cow::Borrowed(&self.names);
        }
        Cow::Owned(
            words
                .names_in(text)
                .into_iter()
                .map(|i| self.names[i].clone())
                .collect(),
        )
    }

    /// The index of names and accepted words, unless they were changed after it was built.
    fn term_index(&self) -> Option<&TermIndex> {
        let index = self
            .terms
            .get_or_init(|| TermIndex::new(&self.names, &self.accept));
        (index.built_from == (self.names.len(), self.accept.len())).then_some(index)
    }

    /// Adds an entry: its term and aliases become canonical spellings.
    pub fn add(&mut self, entry: GlossaryEntry) {
        self.source_forms = OnceLock::new();
        self.terms = OnceLock::new();
        self.near = Default::default();
        self.words = OnceLock::new();
        self.has_source_forms |= !entry.source.is_empty();
        let index = self.entries.len();
        for spelling in entry.spellings() {
            self.names.push(spelling.to_string());
            self.spellings.entry(spelling.to_string()).or_insert(index);
        }
        self.entries.push(entry);
    }

    /// Adds words to accept as written.
    pub fn accept_words(&mut self, words: impl IntoIterator<Item = String>) {
        self.terms = OnceLock::new();
        self.accept.extend(words);
    }

    /// The entry a term or alias belongs to (exact spelling).
    pub fn entry(&self, spelling: &str) -> Option<&GlossaryEntry> {
        self.spellings.get(spelling).map(|&i| &self.entries[i])
    }

    /// The canonical term for a term or alias (exact spelling).
    pub fn canonical(&self, spelling: &str) -> Option<&str> {
        self.entry(spelling).map(|e| e.term.as_str())
    }

    /// Whether `spelling` is a glossary name an editor has reviewed, so that a fix towards it
    /// may be safe: an entry's term or alias marked reviewed (see [`crate::glossary`]), or a name
    /// given without an entry (`[glossary] names`, or pushed onto `names` by a library user).
    pub fn is_reviewed(&self, spelling: &str) -> bool {
        match self.entry(spelling) {
            Some(entry) => entry.reviewed,
            None => self.names.iter().any(|n| n == spelling),
        }
    }

    /// Whether any entry gives the term's form in the original (a `source` column).
    pub fn has_source_forms(&self) -> bool {
        self.has_source_forms
    }

    /// The entries whose source form `original` contains, with the byte range of each occurrence,
    /// in order. Overlapping forms yield the longest (清华大学 rather than 清华), and a form that
    /// begins or ends with a letter or digit must stand as a whole word (a French "Paris" is not
    /// found in "Parisien").
    pub fn source_terms<'g>(&'g self, original: &str) -> Vec<(Range<usize>, &'g GlossaryEntry)> {
        let forms = self.source_forms.get_or_init(|| self.build_source_forms());
        forms
            .matcher
            .find_iter(original)
            .filter(|m| stands_alone(original, m.range()))
            .map(|m| {
                (
                    m.range(),
                    &self.entries[forms.entry[m.pattern().as_usize()]],
                )
            })
            .collect()
    }

    fn build_source_forms(&self) -> SourceForms {
        let (forms, entry): (Vec<&str>, Vec<usize>) = self
            .entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.source.iter().map(move |form| (form.as_str(), i)))
            .unzip();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(forms)
            .expect("glossary source forms are plain strings of bounded size");
        SourceForms { matcher, entry }
    }
}

/// The capitalised words of each glossary name as the name analysis keys them
/// ([`part_key`](crate::names::normalize::part_key)), matched all at once in a document.
#[derive(Debug, Clone)]
struct NameWords {
    built_from: usize,
    matcher: AhoCorasick,
    /// Per word of the matcher, the names holding it.
    names_of: Vec<Vec<usize>>,
    /// Per name, how many distinct words must be found (0: it cannot be narrowed down).
    needed: Vec<usize>,
}

impl NameWords {
    /// Below this many names, filtering costs more than it saves.
    const WORTH_IT: usize = 64;

    fn new(names: &[String]) -> NameWords {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut names_of: Vec<Vec<usize>> = Vec::new();
        let mut needed = Vec::with_capacity(names.len());
        for (n, name) in names.iter().enumerate() {
            // A word starting in lowercase may be a particle the analysis leaves out ("van"), so
            // only capitalised words are required.
            let mut words: Vec<String> = name
                .split_whitespace()
                .filter(|w| !w.chars().next().is_some_and(char::is_lowercase))
                .map(crate::names::normalize::part_key)
                .filter(|k| !k.is_empty())
                .collect();
            words.sort();
            words.dedup();
            needed.push(words.len());
            for word in words {
                let next = ids.len();
                let id = *ids.entry(word).or_insert(next);
                if id == names_of.len() {
                    names_of.push(Vec::new());
                }
                names_of[id].push(n);
            }
        }
        let mut patterns: Vec<(usize, String)> = ids.into_iter().map(|(w, i)| (i, w)).collect();
        patterns.sort();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|(_, w)| w))
            .expect("name words are plain strings of bounded size");
        NameWords {
            built_from: names.len(),
            matcher,
            names_of,
            needed,
        }
    }

    /// The positions, in order, of the names whose words all occur in `text`. A name's key is
    /// made of part keys of words of the text, and the part key of a word is a piece of the part
    /// key of the whole text, so matching in the latter misses no name (and may keep a few more).
    fn names_in(&self, text: &str) -> Vec<usize> {
        let folded = crate::names::normalize::part_key(text);
        let mut found = vec![false; self.names_of.len()];
        for m in self.matcher.find_overlapping_iter(&folded) {
            found[m.pattern().as_usize()] = true;
        }
        let mut count: HashMap<usize, usize> = HashMap::new();
        for (word, names) in self.names_of.iter().enumerate() {
            if found[word] {
                for &n in names {
                    *count.entry(n).or_default() += 1;
                }
            }
        }
        let mut kept: Vec<usize> = count
            .into_iter()
            .filter(|&(n, c)| c == self.needed[n])
            .map(|(n, _)| n)
            .chain((0..self.needed.len()).filter(|&n| self.needed[n] == 0))
            .collect();
        kept.sort_unstable();
        kept
    }
}

/// Whether the match `range` of `text` is not part of a longer word: a letter or digit of a script
/// that separates words (Chinese characters and Japanese kana do not) at its edge must not touch
/// another such letter or digit.
fn stands_alone(text: &str, range: Range<usize>) -> bool {
    use crate::text::script::{is_han, is_kana};
    let spaced = |c: char| c.is_alphanumeric() && !is_han(c) && !is_kana(c);
    let glued = |edge: Option<char>, beside: Option<char>| {
        edge.is_some_and(spaced) && beside.is_some_and(spaced)
    };
    let form = &text[range.clone()];
    !glued(form.chars().next(), text[..range.start].chars().next_back())
        && !glued(form.chars().next_back(), text[range.end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_with_all_columns() {
        let text = "# house glossary\nTerm\tType\tAliases\tNote\nLiang Wenfeng\tperson\tLiang Wen-feng | Wenfeng Liang\tfounder\nDeepSeek\torganisation\t\t\n\t\t\t\n";
        let entries = parse(text.as_bytes(), true).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].term, "Liang Wenfeng");
        assert_eq!(entries[0].kind, "person");
        assert_eq!(entries[0].aliases, ["Liang Wen-feng", "Wenfeng Liang"]);
        assert_eq!(entries[0].note, "founder");
        assert!(entries[1].aliases.is_empty());
        assert!(entries[0].source.is_empty());
    }

    #[test]
    fn source_forms_are_read() {
        let text = "term,source\nTsinghua University,清华大学 | 清華大學\nHangzhou,\n";
        let entries = parse(text.as_bytes(), false).unwrap();
        assert_eq!(entries[0].source, ["清华大学", "清華大學"]);
        assert!(entries[1].source.is_empty());
    }

    #[test]
    fn csv_with_term_only_and_extra_columns() {
        let text = "\u{feff}id,term,domain\n1,\"Zhejiang University\",edu\n2,Hangzhou,geo\n";
        let entries = parse(text.as_bytes(), false).unwrap();
        assert_eq!(
            entries.iter().map(|e| e.term.as_str()).collect::<Vec<_>>(),
            ["Zhejiang University", "Hangzhou"]
        );
    }

    #[test]
    fn status_says_which_entries_are_reviewed() {
        let text = "term\tstatus\nLiang Wenfeng\tReviewed\nDeepSeek\tunreviewed\nHangzhou\t\nMa\tapproved\n";
        let entries = parse(text.as_bytes(), true).unwrap();
        let reviewed: Vec<bool> = entries.iter().map(|e| e.reviewed).collect();
        assert_eq!(reviewed, [true, false, false, true]);
        // a desk's own termbase, without the column, is reviewed as a whole
        assert!(parse(b"term\nDeepSeek\n", true).unwrap()[0].reviewed);
        let err = parse(b"term\tstatus\nDeepSeek\tok\n", true).unwrap_err();
        assert!(err.contains("row 1") && err.contains("`ok`"), "{err}");
    }

    #[test]
    fn missing_term_column_names_the_columns() {
        let err = parse(b"name,type\nx,y\n", false).unwrap_err();
        assert!(err.contains("term") && err.contains("name, type"), "{err}");
    }

    #[test]
    fn tsv_cells_may_start_with_quotes() {
        let entries = parse("term\n\"Belt and Road\" Initiative\n".as_bytes(), true).unwrap();
        assert_eq!(entries[0].term, "\"Belt and Road\" Initiative");
    }

    #[test]
    fn an_unclosed_quote_is_an_error_not_a_swallowed_glossary() {
        let text = "term,note\nDeepSeek,\"never Deepseek\nTsinghua University,\nHangzhou,\n";
        let err = parse(text.as_bytes(), false).unwrap_err();
        assert!(err.contains("row 1 (line 2)"), "{err}");
    }

    #[test]
    fn a_missing_term_column_shows_a_short_escaped_header() {
        let environ = "PATH=/usr/bin\0SECRET=hunter2\u{1b}]0;x\u{7}".repeat(200);
        let err = parse(environ.as_bytes(), false).unwrap_err();
        assert!(err.chars().count() < 300, "{err}");
        assert!(!err.contains('\0') && !err.contains('\u{1b}'), "{err}");
    }

    /// What a scan of every string would find, against the index.
    fn scanned(strings: &[String], query: &str, edits: usize) -> Vec<usize> {
        (0..strings.len())
            .filter(|&i| {
                !strings[i].is_empty() && strsim::osa_distance(&strings[i], query) <= edits
            })
            .collect()
    }

    #[test]
    fn the_bigram_index_finds_every_string_within_its_edits() {
        let strings: Vec<String> = [
            "tsinghua",
            "tsinhgua",
            "qinghua",
            "tsinghuas",
            "singhua",
            "tisnghau",
            "zhejiang",
            "zhejang",
            "hz",
            "",
            "abcdefghij",
            "badcfehgji",
            "aaaaaaaa",
            "aaaaaab",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let index = GramIndex::new(&strings);
        for query in [
            "tsinghua",
            "zhejiang",
            "hz",
            "h",
            "abcdefghij",
            "tsnighua",
            "qnighau",
            "aaaaaaa",
        ] {
            for edits in 0..=2 {
                let found = index.candidates(query, edits, |_| true);
                for i in scanned(&strings, query, edits) {
                    assert!(
                        found.contains(&i),
                        "{query} within {edits}: {} missed",
                        strings[i]
                    );
                }
            }
        }
    }

    #[test]
    fn near_candidates_leave_out_distant_terms() {
        let entries: Vec<GlossaryEntry> = [
            "Tsinghua University",
            "Peking University",
            "Fudan University",
        ]
        .into_iter()
        .map(GlossaryEntry::term)
        .collect();
        let index = NearIndex::new(&entries, HeadClass::Institution);
        let (qinghua, fudang) = (index.candidates("qinghua"), index.candidates("fudang"));
        assert!(qinghua.contains(&0) && !qinghua.contains(&2), "{qinghua:?}");
        assert!(fudang.contains(&2) && !fudang.contains(&0), "{fudang:?}");
    }

    #[test]
    fn term_index_keys_find_the_first_name() {
        let names: Vec<String> = ["DeepSeek", "The University of Hong Kong", "Deepseek"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let accept = HashSet::from(["Tingryu".to_string()]);
        let index = TermIndex::new(&names, &accept);
        assert_eq!(index.name_with_key("deepseek"), Some(0));
        assert_eq!(index.name_with_key("university of hong kong"), Some(1));
        assert!(index.knows_key("tingryu") && !index.knows_key("tsinghua"));
        assert!(index.is_name("Deepseek") && !index.is_name("deepseek"));
    }

    #[test]
    fn source_terms_are_longest_and_whole_words() {
        let mut glossary = Glossary::default();
        for (term, source) in [
            ("Tsinghua", "清华"),
            ("Tsinghua University", "清华大学"),
            ("Paris", "Paris"),
        ] {
            glossary.add(GlossaryEntry {
                term: term.into(),
                source: vec![source.into()],
                ..GlossaryEntry::default()
            });
        }
        let original = "清华大学的Parisien学生，清华和PARIS。";
        let found: Vec<(&str, &str)> = glossary
            .source_terms(original)
            .into_iter()
            .map(|(range, entry)| (&original[range], entry.term.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("清华大学", "Tsinghua University"),
                ("清华", "Tsinghua"),
                ("PARIS", "Paris")
            ]
        );
        // Adding an entry after a lookup is seen by the next lookup.
        glossary.add(GlossaryEntry {
            term: "students".into(),
            source: vec!["学生".into()],
            ..GlossaryEntry::default()
        });
        assert_eq!(glossary.source_terms(original).len(), 4);
    }

    #[test]
    fn names_in_keeps_the_names_a_document_can_use_in_order() {
        let mut glossary = Glossary::default();
        let names = (0..NameWords::WORTH_IT)
            .map(|i| format!("Filler Name{i}"))
            .chain(
                [
                    "Liang Wenfeng",
                    "Ludwig van Beethoven",
                    "Zoë Müller",
                    "lowercase only",
                ]
                .map(String::from),
            );
        for name in names {
            glossary.add(GlossaryEntry::term(name));
        }
        let text = "Liang Wen-feng said, then LUDWIG BEETHOVEN and Zoe Muller spoke.";
        let kept = glossary.names_in(text);
        assert_eq!(
            kept.as_ref(),
            [
                "Liang Wenfeng",
                "Ludwig van Beethoven",
                "Zoë Müller",
                "lowercase only"
            ]
        );
    }
}
