//! mtlint finds the artifacts machine translation leaves in English text: names spelled several
//! ways in one article, institutions that do not exist, broken quotation, idioms translated word
//! for word, first person leaking into reporting, untranslated fragments. It scores each document
//! and proposes corrections.
//!
//! The library is small on purpose:
//!
//! ```
//! use mtlint::{Linter, Settings, Source, InputFormat};
//!
//! let linter = Linter::new(Settings::default());
//! let source = Source::new("article.txt", "He said the the results were strong.", InputFormat::Plain);
//! let report = linter.check(&source);
//! assert_eq!(report.findings[0].code(), "G003");
//! assert!(report.score < 100.0);
//! ```
//!
//! The binary (`src/main.rs` and [`cli`]) adds file discovery, configuration and the report formats.

pub mod bilingual;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod entities;
pub mod error;
pub mod fix;
pub mod lexicon;
pub mod report;
pub mod rules;
pub mod score;
pub mod table;
pub mod text;

pub use config::Settings;
pub use diagnostic::{Finding, Severity};
pub use error::{Error, Result};
pub use fix::{Applicability, Edit, Fix};
pub use text::{Document, InputFormat, Source};

use rules::Context;

/// The score and findings of one table row.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentScore {
    /// 1-based data row.
    pub row: usize,
    pub words: usize,
    pub score: f64,
    pub findings: usize,
}

/// What checking one document found.
#[derive(Debug, Clone)]
pub struct Report {
    /// Ordered by position.
    pub findings: Vec<Finding>,
    pub words: usize,
    pub score: f64,
    /// One entry per table row; empty for a plain file.
    pub segments: Vec<SegmentScore>,
}

/// The result of fixing one document.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    pub text: String,
    /// Fixes applied over all rounds.
    pub applied: usize,
    /// What remains after fixing.
    pub remaining: Report,
}

/// Runs the enabled rules over documents.
#[derive(Debug, Clone)]
pub struct Linter {
    settings: Settings,
}

/// Fix rounds stop after this many even if fixes keep coming, so two rules that undo each other
/// cannot loop forever.
const MAX_FIX_ROUNDS: usize = 10;

impl Linter {
    pub fn new(settings: Settings) -> Linter {
        Linter { settings }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Checks one document.
    pub fn check(&self, source: &Source) -> Report {
        let doc = Document::new(source);
        self.check_document(&doc)
    }

    /// Checks an already analysed document.
    pub fn check_document(&self, doc: &Document) -> Report {
        let cx = Context::new(doc, &self.settings);
        let mut findings = Vec::new();
        for rule in &self.settings.rules {
            (rule.check)(&cx, &mut findings);
        }
        for finding in &mut findings {
            finding.severity = self.settings.severity_of(finding.rule);
        }
        findings.sort_by(|a, b| (a.range.start, a.range.end, a.rule.code).cmp(&(b.range.start, b.range.end, b.rule.code)));
        findings.dedup_by(|a, b| a.range == b.range && a.rule.code == b.rule.code);
        let words = doc.word_count();
        let segments = if doc.source().is_table() { segment_scores(doc, &findings) } else { Vec::new() };
        let score = score::score(&findings, words);
        Report { findings, words, score, segments }
    }

    /// Applies fixes of at least `minimum` applicability, re-checking after each round until the
    /// text stops changing.
    pub fn fix(&self, source: &Source, minimum: Applicability) -> FixOutcome {
        let mut text = source.text().to_string();
        let mut applied = 0;
        let mut report = self.check(source);
        for _ in 0..MAX_FIX_ROUNDS {
            let round = fix::apply(&text, report.findings.iter().filter_map(|f| f.fix.as_ref()), minimum);
            if round.applied == 0 || round.text == text {
                break;
            }
            applied += round.applied;
            text = round.text;
            report = self.check(&Source::new(source.name(), text.clone(), source.format()));
        }
        FixOutcome { text, applied, remaining: report }
    }
}

/// Words, findings and score per table row.
fn segment_scores(doc: &Document, findings: &[Finding]) -> Vec<SegmentScore> {
    let source = doc.source();
    let segments = source.segments();
    let mut words = vec![0usize; segments.len()];
    for token in doc.tokens.iter().filter(|t| matches!(t.kind, text::TokenKind::Word | text::TokenKind::Number)) {
        words[source.segment_of(token.start as usize)] += 1;
    }
    let mut per_segment: Vec<Vec<&Finding>> = vec![Vec::new(); segments.len()];
    for finding in findings {
        per_segment[source.segment_of(finding.range.start)].push(finding);
    }
    segments
        .iter()
        .enumerate()
        .map(|(i, segment)| SegmentScore {
            row: segment.row,
            words: words[i],
            score: score::score(per_segment[i].iter().copied(), words[i]),
            findings: per_segment[i].len(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixing_twice_changes_nothing_more() {
        let linter = Linter::new(Settings::default());
        let source = Source::new("t", "He said the the results，were “ good.”", InputFormat::Plain);
        let once = linter.fix(&source, Applicability::Safe);
        assert_eq!(once.text, "He said the results, were “good.”");
        let twice = linter.fix(&Source::new("t", once.text.clone(), InputFormat::Plain), Applicability::Safe);
        assert_eq!(twice.applied, 0);
        assert_eq!(twice.text, once.text);
    }

    #[test]
    fn table_rows_get_their_own_scores() {
        let linter = Linter::new(Settings::default());
        let source = Source::from_rows("t", &[(1, "Fine text here."), (2, "the the end")], InputFormat::Plain);
        let report = linter.check(&source);
        assert_eq!(report.segments.len(), 2);
        assert_eq!(report.segments[0].score, 100.0);
        assert!(report.segments[1].score < 100.0);
        assert_eq!(report.segments[1].findings, 1);
    }
}
