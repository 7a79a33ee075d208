//! Phrase tables matched over a document through one automaton.
//!
//! A table is a list of patterns in the syntax of [`pattern`]. Each pattern is split into an
//! *anchor*, its longest leading run of closed tokens (literal words, `word+`, `<poss>`, `<det>`,
//! `<obj>`), and a *rest*. The anchors are expanded into every literal word sequence they stand
//! for (all inflections, all slot words) and compiled into one Aho-Corasick automaton. A document
//! is turned into a *word stream*: its words, lowercased, with straight apostrophes, joined by
//! single spaces, and a barrier wherever anything but whitespace separates two words (a comma, a
//! dash, a quotation mark, a number's punctuation) or a sentence ends. One pass of the automaton
//! over the stream finds every anchor; the rest of the pattern is then verified on the tokens
//! that follow. So a table of any size costs one linear scan plus a check per anchor hit.
//!
//! Reach (decided here, documented in `tools/phrasing/README.md`):
//! * No pattern crosses a sentence boundary, and the words of a pattern must be separated by
//!   whitespace only: a comma, dash, bracket or quotation mark between two words breaks the
//!   match ("on the contrary, to ..." is not "on the contrary to").
//! * `<any>` is exactly one word, separated by whitespace like the others.
//! * `<list>` is one or more words joined by commas, hyphens, slashes or apostrophes (at most 16
//!   words, no other punctuation, no pronoun, auxiliary or relative word: a list of noun
//!   phrases, not a clause); the rest of the pattern may follow it after a comma
//!   ("such as rice, wheat, etc."). The shortest list that lets the rest match is taken.
//! * `<clause>` is at least two words up to the first comma of the sentence, and the rest must
//!   follow that comma; a pattern with a clause must open its sentence ("Although prices fell,
//!   but ..."), because "although" inside a sentence can open a parenthetical ("He agreed,
//!   although reluctantly, but then ...").

pub mod collocations;
pub mod inflect;
pub mod pattern;

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::names::normalize::capitalise;
use crate::text::{Document, Flags, TokenKind};
use inflect::Form;
pub use pattern::{Part, Pattern, Slot};

/// How many literal sequences one anchor may expand to before it is shortened.
const MAX_ANCHOR_EXPANSION: usize = 4096;

/// Anchors are at most the first two words of a pattern: every inflection and slot word
/// multiplies the anchors, and longer anchors made the automaton (built at start-up, once per
/// process) cost 25 ms to build for the idiom table, more than a whole check should take. The
/// words after the anchor are verified on the tokens.
const MAX_ANCHOR_WORDS: usize = 2;
const MAX_LIST_WORDS: usize = 16;
const MAX_CLAUSE_WORDS: usize = 40;
/// Separates words that something other than whitespace divides.
const BARRIER: char = '\u{1}';

/// A set of patterns compiled into one automaton.
pub struct PhraseSet {
    patterns: Vec<Pattern>,
    /// Per pattern, per part: the words a closed part matches (`None` for open slots).
    alternatives: Vec<Vec<Option<Vec<String>>>>,
    automaton: AhoCorasick,
    /// Per automaton pattern id: (pattern index, number of parts in the anchor).
    anchors: Vec<Vec<(u32, u8)>>,
}

/// One place where a pattern matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the pattern in the set.
    pub pattern: usize,
    /// Token indices (into `Document::tokens`) of the whole match.
    pub tokens: Range<usize>,
    /// Token indices of what each part of the pattern matched.
    pub captures: Vec<Range<usize>>,
}

impl PhraseMatch {
    /// Byte range of the match in the original text.
    pub fn range(&self, doc: &Document) -> Range<usize> {
        doc.tokens[self.tokens.start].start as usize..doc.tokens[self.tokens.end - 1].end as usize
    }
}

/// A phrase table read from a word list whose first column is a pattern: one automaton over all
/// the patterns, and what each row says (same index as the pattern that matched).
pub struct PhraseTable<E> {
    pub phrases: PhraseSet,
    pub entries: Vec<E>,
}

impl<E> PhraseTable<E> {
    /// Reads the rows of `text` (the TSV format of `wordlists/README.md`); `entry` makes the data
    /// of a row from its parsed pattern. A row whose pattern breaks the syntax is skipped here:
    /// each table's tests parse every row and name the broken one.
    pub fn from_tsv(
        text: &'static str,
        entry: impl Fn(&Pattern, crate::lexicon::tsv::Row<'static>) -> E,
    ) -> PhraseTable<E> {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for row in crate::lexicon::tsv::rows(text) {
            let Some(pattern) = Pattern::parse(row.get(0)) else {
                continue;
            };
            entries.push(entry(&pattern, row));
            patterns.push(pattern);
        }
        PhraseTable {
            phrases: PhraseSet::new(patterns),
            entries,
        }
    }
}

impl PhraseSet {
    /// Compiles `patterns`; each keeps its index.
    pub fn new(patterns: Vec<Pattern>) -> PhraseSet {
        let alternatives: Vec<Vec<Option<Vec<String>>>> = patterns
            .iter()
            .map(|p| p.parts.iter().map(pattern::alternatives).collect())
            .collect();
        let mut by_text: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        for (index, parts) in alternatives.iter().enumerate() {
            let closed = parts.iter().take_while(|a| a.is_some()).count();
            let mut len = closed.min(MAX_ANCHOR_WORDS);
            while len > 1
                && parts[..len]
                    .iter()
                    .map(|a| a.as_ref().map_or(1, Vec::len))
                    .product::<usize>()
                    > MAX_ANCHOR_EXPANSION
            {
                len -= 1;
            }
            for sequence in expand(&parts[..len]) {
                let entry = by_text.entry(format!(" {sequence} ")).or_default();
                if !entry.contains(&(index as u32, len as u8)) {
                    entry.push((index as u32, len as u8));
                }
            }
        }
        let mut texts: Vec<String> = by_text.keys().cloned().collect();
        texts.sort();
        let anchors = texts
            .iter()
            .map(|t| by_text.remove(t).unwrap_or_default())
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&texts)
            .expect("phrase anchors are small literal strings");
        PhraseSet {
            patterns,
            alternatives,
            automaton,
            anchors,
        }
    }

    pub fn pattern(&self, index: usize) -> &Pattern {
        &self.patterns[index]
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every match in `doc`, overlapping ones included, in document order.
    pub fn find_all(&self, doc: &Document) -> Vec<PhraseMatch> {
        let stream = WordStream::new(doc);
        let mut found = Vec::new();
        for hit in self.automaton.find_overlapping_iter(&stream.text) {
            let Some(first) = stream.word_at(hit.start() + 1) else {
                continue;
            };
            for &(pattern, len) in &self.anchors[hit.pattern().as_usize()] {
                let mut captures: Vec<Range<usize>> = (first..first + len as usize)
                    .map(|w| stream.token(w)..stream.token(w) + 1)
                    .collect();
                if self.verify(
                    doc,
                    &stream,
                    pattern as usize,
                    len as usize,
                    first + len as usize,
                    false,
                    &mut captures,
                ) {
                    let start = captures[0].start;
                    let end = captures.iter().map(|c| c.end).max().unwrap_or(start + 1);
                    found.push(PhraseMatch {
                        pattern: pattern as usize,
                        tokens: start..end,
                        captures,
                    });
                }
            }
        }
        found.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end), m.pattern));
        found.dedup_by(|a, b| a.pattern == b.pattern && a.tokens == b.tokens);
        found
    }

    /// The matches in `doc` with overlaps resolved: the longest match wins, then the earliest
    /// pattern.
    pub fn find(&self, doc: &Document) -> Vec<PhraseMatch> {
        let mut all = self.find_all(doc);
        all.sort_by_key(|m| (std::cmp::Reverse(m.tokens.len()), m.tokens.start, m.pattern));
        let mut kept: Vec<PhraseMatch> = Vec::new();
        for m in all {
            if kept
                .iter()
                .all(|k| k.tokens.end <= m.tokens.start || m.tokens.end <= k.tokens.start)
            {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| m.tokens.start);
        kept
    }

    /// Checks parts `part..` of `pattern` from stream word `word` on. `after_comma`: the previous
    /// part was a list or clause, so the next word may follow a comma instead of plain space.
    #[allow(clippy::too_many_arguments)]
    fn verify(
        &self,
        doc: &Document,
        stream: &WordStream,
        pattern: usize,
        part: usize,
        word: usize,
        after_comma: bool,
        captures: &mut Vec<Range<usize>>,
    ) -> bool {
        let parts = &self.patterns[pattern].parts;
        let Some(current) = parts.get(part) else {
            return true;
        };
        if matches!(current, Part::Slot(Slot::List | Slot::Clause)) {
            return self.verify_span(doc, stream, pattern, part, word, captures);
        }
        let Some(next) = stream.words.get(word) else {
            return false;
        };
        let separated_ok = next.joined || (after_comma && stream.comma_before(doc, word));
        if !separated_ok {
            return false;
        }
        let text = stream.text(word);
        let accepted = match &self.alternatives[pattern][part] {
            Some(words) => words.iter().any(|w| w == text),
            None => true,
        };
        if !accepted {
            return false;
        }
        captures.push(next.token as usize..next.token as usize + 1);
        if self.verify(doc, stream, pattern, part + 1, word + 1, false, captures) {
            return true;
        }
        captures.pop();
        false
    }

    /// Fits a `<list>` or `<clause>` at stream word `word` and the rest of the pattern after it.
    fn verify_span(
        &self,
        doc: &Document,
        stream: &WordStream,
        pattern: usize,
        part: usize,
        word: usize,
        captures: &mut Vec<Range<usize>>,
    ) -> bool {
        let is_clause = self.patterns[pattern].parts[part] == Part::Slot(Slot::Clause);
        if is_clause && !doc.tokens[captures[0].start].is(Flags::SENTENCE_INITIAL) {
            return false;
        }
        if !stream.words.get(word).is_some_and(|w| w.joined) {
            return false;
        }
        let first_token = stream.token(word);
        let limit = if is_clause {
            MAX_CLAUSE_WORDS
        } else {
            MAX_LIST_WORDS
        };
        for end in word + 1..(word + limit + 1).min(stream.words.len()) {
            let between = stream.token(end - 1) + 1..stream.token(end);
            let comma = between.len() == 1 && doc.text(&doc.tokens[between.start]) == ",";
            if is_clause {
                if comma {
                    if end - word < 2 {
                        return false;
                    }
                    captures.push(first_token..between.end);
                    if self.verify(doc, stream, pattern, part + 1, end, true, captures) {
                        return true;
                    }
                    captures.pop();
                    return false;
                }
                if !between.clone().all(|t| is_inner_clause_mark(doc, t)) {
                    return false;
                }
            } else {
                if !between.clone().all(|t| is_list_mark(doc, t))
                    || !is_list_word(stream.text(end - 1))
                {
                    return false;
                }
                let last_listed = if comma {
                    between.start
                } else {
                    stream.token(end - 1) + 1
                };
                captures.push(first_token..last_listed.max(first_token + 1));
                if self.verify(doc, stream, pattern, part + 1, end, true, captures) {
                    return true;
                }
                captures.pop();
            }
        }
        false
    }

    /// The correction `correction` filled in for match `m`: `word+` in the form the pattern's
    /// first `word+` matched, slots copying what they matched, the first letter capitalised when
    /// the match starts with a capital. `None` when a slot of the correction has nothing to copy.
    pub fn render(&self, doc: &Document, m: &PhraseMatch, correction: &Pattern) -> Option<String> {
        let pattern = &self.patterns[m.pattern];
        let form = pattern.first_inflection().and_then(|(i, base)| {
            let word = normalise(doc.text(&doc.tokens[m.captures.get(i)?.start]));
            let form = inflect::form_of(base, &word)?;
            Some(if form == Form::PastOrParticiple {
                past_or_participle(doc, m.tokens.start)
            } else {
                form
            })
        });
        let mut used: HashMap<Slot, usize> = HashMap::new();
        let mut words = Vec::new();
        for part in &correction.parts {
            match part {
                Part::Word(w) => words.push(w.clone()),
                Part::Inflect(base) => {
                    words.push(inflect::inflect(base, form.unwrap_or(Form::Base)))
                }
                Part::Slot(slot) => {
                    let nth = used.entry(*slot).or_insert(0);
                    let index = pattern
                        .parts
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| **p == Part::Slot(*slot))
                        .nth(*nth)?
                        .0;
                    *nth += 1;
                    let tokens = m.captures.get(index)?.clone();
                    words.push(if *slot == Slot::List {
                        render_list(doc, tokens)
                    } else {
                        span_text(doc, tokens).to_string()
                    });
                }
            }
        }
        let mut text = words.join(" ");
        let first = &doc.tokens[m.tokens.start];
        if first.is(Flags::CAPITALISED) && !first.is(Flags::ALL_CAPS) {
            text = capitalise(&text);
        }
        Some(text)
    }
}

/// Whether a correction repairs the phrase in place rather than paraphrasing it: it keeps the
/// pattern's first or last token (punctuation aside), is at most three words longer or shorter,
/// and the pattern has no free word whose meaning the correction would drop. "brain drainage" →
/// "brain drain", "holding its breath to creativity" → "stifling creativity" and "despite of" →
/// "despite" qualify; "launched a bullet into" → "cracked down on" is a paraphrase.
pub fn is_drop_in(pattern: &Pattern, correction: &Pattern) -> bool {
    fn key(part: &Part) -> String {
        match part {
            Part::Word(w) | Part::Inflect(w) => w
                .trim_matches(|c: char| c.is_ascii_punctuation())
                .to_lowercase(),
            Part::Slot(s) => format!("{s:?}"),
        }
    }
    let (p, c) = (&pattern.parts, &correction.parts);
    let (Some(pf), Some(pl), Some(cf), Some(cl)) = (p.first(), p.last(), c.first(), c.last())
    else {
        return false;
    };
    let same_edge = key(pf) == key(cf) || key(pl) == key(cl);
    same_edge && p.len().abs_diff(c.len()) <= 3 && !pattern.has_slot(Slot::Any)
}

/// Every literal word sequence the closed parts stand for, joined by spaces.
fn expand(parts: &[Option<Vec<String>>]) -> Vec<String> {
    let mut out = vec![String::new()];
    for words in parts.iter().flatten() {
        let mut next = Vec::with_capacity(out.len() * words.len());
        for prefix in &out {
            for w in words {
                next.push(if prefix.is_empty() {
                    w.clone()
                } else {
                    format!("{prefix} {w}")
                });
            }
        }
        next.sort();
        next.dedup();
        out = next;
    }
    out
}

/// Decides between past and participle ("launched") from the word before the match.
fn past_or_participle(doc: &Document, first_token: usize) -> Form {
    const AUXILIARIES: &[&str] = &[
        "has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being", "'s",
        "'ve", "'d",
    ];
    let previous = doc.tokens[..first_token]
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::Punct || doc.text(t) != "'");
    match previous {
        Some(t) if t.is_word() && AUXILIARIES.contains(&normalise(doc.text(t)).as_str()) => {
            Form::Participle
        }
        _ => Form::Past,
    }
}

fn span_text<'d>(doc: &'d Document, tokens: Range<usize>) -> &'d str {
    doc.slice(doc.tokens[tokens.start].start as usize..doc.tokens[tokens.end - 1].end as usize)
}

/// A list as written, with "and" put before its last item when it has commas but no
/// conjunction ("rice, wheat" → "rice and wheat"), because the "etc." it loses was its ending.
fn render_list(doc: &Document, tokens: Range<usize>) -> String {
    let text = span_text(doc, tokens.clone());
    let toks = &doc.tokens[tokens.clone()];
    let has_conjunction = toks
        .iter()
        .any(|t| t.is_word() && matches!(normalise(doc.text(t)).as_str(), "and" | "or"));
    let last_comma = toks.iter().rev().find(|t| doc.text(t) == ",");
    match last_comma {
        Some(comma) if !has_conjunction => {
            let base = doc.tokens[tokens.start].start as usize;
            let at = comma.start as usize - base;
            format!("{} and{}", &text[..at], &text[at + 1..])
        }
        _ => text.to_string(),
    }
}

fn is_list_mark(doc: &Document, token: usize) -> bool {
    let t = &doc.tokens[token];
    t.kind == TokenKind::Punct && matches!(doc.text(t), "," | "-" | "‐" | "‑" | "/" | "'" | "’")
        || t.kind == TokenKind::Symbol && doc.text(t) == "&"
}

/// Whether a word can belong to a list of noun phrases; pronouns, auxiliaries and relative words
/// mean the "list" is really a clause ("such as it is, the plan works, and so on").
fn is_list_word(word: &str) -> bool {
    const CLAUSE_WORDS: &[&str] = &[
        "am", "are", "be", "been", "can", "could", "did", "do", "does", "had", "has", "have", "he",
        "i", "is", "it", "may", "might", "must", "not", "shall", "she", "should", "that", "they",
        "was", "we", "were", "which", "who", "will", "would", "you",
    ];
    !CLAUSE_WORDS.contains(&word)
}

fn is_inner_clause_mark(doc: &Document, token: usize) -> bool {
    let t = &doc.tokens[token];
    t.kind == TokenKind::Number
        || t.kind == TokenKind::Punct && matches!(doc.text(t), "-" | "‐" | "‑" | "'" | "’" | "%")
}

/// A word as the phrase tables write it: lowercase, straight apostrophes.
pub fn normalise(word: &str) -> String {
    word.chars()
        .flat_map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\''.to_lowercase(),
            c => c.to_lowercase(),
        })
        .collect()
}

/// A document's words in one string for the automaton; see the module documentation.
struct WordStream {
    text: String,
    words: Vec<StreamWord>,
}

struct StreamWord {
    token: u32,
    /// Byte offsets of the word in `text`.
    at: u32,
    end: u32,
    /// Follows the previous word in the same sentence with only whitespace between.
    joined: bool,
}

impl WordStream {
    fn new(doc: &Document) -> WordStream {
        let mut text = String::with_capacity(doc.view().len() + 16);
        let mut words = Vec::with_capacity(doc.tokens.len());
        text.push(' ');
        for sentence in &doc.sentences {
            let mut previous: Option<usize> = None;
            for index in sentence.tokens.clone() {
                let token = &doc.tokens[index];
                if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                    continue;
                }
                let joined = previous == Some(index.wrapping_sub(1));
                if !joined {
                    text.push(BARRIER);
                    text.push(' ');
                }
                let at = text.len();
                text.push_str(&normalise(doc.text(token)));
                let end = text.len();
                text.push(' ');
                words.push(StreamWord {
                    token: index as u32,
                    at: at as u32,
                    end: end as u32,
                    joined,
                });
                previous = Some(index);
            }
        }
        WordStream { text, words }
    }

    fn word_at(&self, offset: usize) -> Option<usize> {
        self.words
            .binary_search_by_key(&(offset as u32), |w| w.at)
            .ok()
    }

    fn token(&self, word: usize) -> usize {
        self.words[word].token as usize
    }

    fn text(&self, word: usize) -> &str {
        let w = &self.words[word];
        &self.text[w.at as usize..w.end as usize]
    }

    /// Whether exactly one comma stands between word `word` and the word before it.
    fn comma_before(&self, doc: &Document, word: usize) -> bool {
        word > 0 && {
            let (a, b) = (self.token(word - 1), self.token(word));
            b == a + 2
                && doc.text(&doc.tokens[a + 1]) == ","
                && doc.sentence_of(a) == doc.sentence_of(b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{InputFormat, Source};

    fn matches(patterns: &[&str], text: &str) -> Vec<String> {
        let set = PhraseSet::new(
            patterns
                .iter()
                .map(|p| Pattern::parse(p).unwrap())
                .collect(),
        );
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        set.find(&doc)
            .iter()
            .map(|m| doc.slice(m.range(&doc)).to_string())
            .collect()
    }

    fn corrected(pattern: &str, correction: &str, text: &str) -> Vec<String> {
        let set = PhraseSet::new(vec![Pattern::parse(pattern).unwrap()]);
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        let correction = Pattern::parse_correction(correction);
        set.find(&doc)
            .iter()
            .filter_map(|m| set.render(&doc, m, &correction))
            .collect()
    }

    #[test]
    fn matches_inflections_and_slots() {
        let p = [
            "launch+ a bullet into",
            "hold+ <poss> breath to creativity",
            "brain drainage",
        ];
        assert_eq!(
            matches(&p, "It launched a bullet into the sector."),
            ["launched a bullet into"]
        );
        assert_eq!(
            matches(&p, "Exams are holding its breath to creativity."),
            ["holding its breath to creativity"]
        );
        assert_eq!(matches(&p, "Brain Drainage is real."), ["Brain Drainage"]);
    }

    #[test]
    fn never_crosses_punctuation_or_sentences() {
        let p = ["brain drainage", "on the contrary to"];
        assert!(matches(&p, "The brain. Drainage is fine.").is_empty());
        assert!(matches(&p, "The brain, drainage and lungs.").is_empty());
        assert!(matches(&p, "On the contrary, to be fair, no.").is_empty());
        assert!(matches(&p, "the brain-drainage").is_empty());
    }

    #[test]
    fn curly_apostrophes_equal_straight_ones() {
        assert_eq!(
            matches(
                &["borrow+ even a cat's paw+"],
                "They would borrow even a cat’s paws."
            ),
            ["borrow even a cat’s paws"]
        );
    }

    #[test]
    fn any_is_one_word() {
        let p = ["hair <any> nine cows"];
        assert_eq!(
            matches(&p, "It is a hair from nine cows."),
            ["hair from nine cows"]
        );
        assert!(matches(&p, "a hair of the nine cows").is_empty());
    }

    #[test]
    fn lists_reach_over_commas() {
        let p = ["such as <list> etc", "such as <list> and so on"];
        assert_eq!(
            matches(&p, "Crops such as rice, wheat, etc. grew."),
            ["such as rice, wheat, etc"]
        );
        assert_eq!(
            matches(&p, "Crops such as rice, wheat and so on grew."),
            ["such as rice, wheat and so on"]
        );
        assert!(matches(&p, "Crops such as rice (and wheat) etc.").is_empty());
        assert!(matches(&p, "Such as it is, the plan works, and so on it goes.").is_empty());
    }

    #[test]
    fn clauses_open_the_sentence_and_end_at_a_comma() {
        let p = ["although <clause> but"];
        assert_eq!(
            matches(&p, "Although prices fell, but demand stayed weak."),
            ["Although prices fell, but"]
        );
        assert!(matches(&p, "He agreed, although reluctantly, but then left.").is_empty());
        assert!(matches(&p, "Although prices fell, demand, but not supply, rose.").is_empty());
    }

    #[test]
    fn renders_corrections() {
        assert_eq!(
            corrected(
                "launch+ a bullet into",
                "crack+ down on",
                "Beijing launched a bullet into tech."
            ),
            ["cracked down on"]
        );
        assert_eq!(
            corrected(
                "launch+ a bullet into",
                "crack+ down on",
                "It has launched a bullet into tech."
            ),
            ["cracked down on"]
        );
        assert_eq!(
            corrected(
                "hold+ <poss> breath to creativity",
                "stifle+ creativity",
                "holding its breath to creativity"
            ),
            ["stifling creativity"]
        );
        assert_eq!(
            corrected(
                "a cat in <poss> throat",
                "a frog in <poss> throat",
                "A cat in his throat."
            ),
            ["A frog in his throat"]
        );
        assert_eq!(
            corrected(
                "such as <list> etc",
                "such as <list>",
                "Sports such as golf, tennis etc. are fun."
            ),
            ["such as golf and tennis"]
        );
        assert_eq!(
            corrected(
                "although <clause> but",
                "although <clause>",
                "Although it rained, but we went."
            ),
            ["Although it rained,"]
        );
        assert_eq!(
            corrected(
                "accept+ an interview of",
                "give+ an interview to",
                "He had accepted an interview of Xinhua."
            ),
            ["given an interview to"]
        );
    }
}
