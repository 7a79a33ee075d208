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
//! [`crate::config::Glossary::canonical`] for the term an alias stands for. The spelling must match
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
use std::path::Path;

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
    let bytes = crate::cli::inputs::read_capped(path).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        message: format!(
            "cannot read this glossary file: {}",
            crate::cli::inputs::io_message(&e)
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
/// Built once from the terms, after the last one is added ([`crate::config::Glossary`] builds it
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
            .filter(|&i| !strings[i].is_empty() && strsim::osa_distance(&strings[i], query) <= edits)
            .collect()
    }

    #[test]
    fn the_bigram_index_finds_every_string_within_its_edits() {
        let strings: Vec<String> = [
            "tsinghua", "tsinhgua", "qinghua", "tsinghuas", "singhua", "tisnghau", "zhejiang",
            "zhejang", "hz", "", "abcdefghij", "badcfehgji", "aaaaaaaa", "aaaaaab",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let index = GramIndex::new(&strings);
        for query in [
            "tsinghua", "zhejiang", "hz", "h", "abcdefghij", "tsnighua", "qnighau", "aaaaaaa",
        ] {
            for edits in 0..=2 {
                let found = index.candidates(query, edits, |_| true);
                for i in scanned(&strings, query, edits) {
                    assert!(found.contains(&i), "{query} within {edits}: {} missed", strings[i]);
                }
            }
        }
    }

    #[test]
    fn near_candidates_leave_out_distant_terms() {
        let entries: Vec<GlossaryEntry> = ["Tsinghua University", "Peking University", "Fudan University"]
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
}
