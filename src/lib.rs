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
pub mod fluency;
pub mod glossary;
pub mod lexicon;
pub mod names;
pub mod phrases;
pub mod report;
pub mod rules;
pub mod score;
pub mod suppression;
pub mod table;
pub mod text;

pub use config::Settings;
pub use diagnostic::{Finding, Severity};
pub use error::{Error, Result};
pub use fix::{Applicability, Edit, Fix};
use text::QuoteMap;
pub use text::{Document, InputFormat, Source};

use rules::Context;
use rules::bilingual::glossary_term_not_used::GLOSSARY_TERM_NOT_USED as GLOSSARY_TERM;
use rules::bilingual::name_transliteration_mismatch::NAME_TRANSLITERATION_MISMATCH as BILINGUAL_NAME;
use rules::names::garbled_transliteration::GARBLED_TRANSLITERATION as GARBLED;

/// The score and findings of one table row.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentScore {
    /// 1-based data row.
    pub row: usize,
    pub words: usize,
    pub score: f64,
    pub findings: usize,
    /// What the row's findings cost the score (see [`score`]).
    pub findings_cost: f64,
    /// What the row's sentences that read as garbled cost the score (see [`fluency`]).
    pub fluency_cost: f64,
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
    /// Where the originals lie, in a bilingual run (for showing them beside the findings).
    pub originals: bilingual::OriginalSpans,
    /// The sentences that read as garbled, with what each costs the score (see [`fluency`]).
    pub garbled: Vec<fluency::GarbledSentence>,
    /// The findings past the cap on findings per document ([`Report::cap`]): counted in the
    /// score and the segments, but not kept.
    pub omitted: Omitted,
}

/// Findings counted but not kept, past the cap on findings per document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Omitted {
    pub count: usize,
    /// The cap that was reached.
    pub cap: usize,
    /// The highest severity among them (so that the exit status still sees them).
    pub worst: Option<Severity>,
}

impl Report {
    fn new(findings: Vec<Finding>, words: usize, garbled: Vec<fluency::GarbledSentence>) -> Report {
        let mut report = Report {
            findings,
            words,
            score: 100.0,
            segments: Vec::new(),
            originals: Default::default(),
            garbled,
            omitted: Omitted::default(),
        };
        report.rescore();
        report
    }

    /// What the findings cost the score (see [`score::finding_cost`]).
    pub fn findings_cost(&self) -> f64 {
        score::penalty(&self.findings)
    }

    /// What the sentences that read as garbled cost the score.
    pub fn fluency_cost(&self) -> f64 {
        self.garbled.iter().map(|g| g.cost).sum()
    }

    fn rescore(&mut self) {
        self.score = score::from_penalty(self.findings_cost() + self.fluency_cost(), self.words);
    }

    /// Keeps the first `max` findings (by position) and counts the others as omitted; the score
    /// and the segments already count every finding. A report of half a million findings (a
    /// megabyte of brackets) helps nobody and takes half a gigabyte to write.
    pub fn cap(&mut self, max: usize) {
        if self.findings.len() <= max {
            return;
        }
        let rest = self.findings.split_off(max);
        self.omitted = Omitted {
            count: self.omitted.count + rest.len(),
            cap: max,
            worst: rest.iter().map(|f| f.severity).chain(self.omitted.worst).max(),
        };
    }

    /// Keeps only the findings `keep` accepts and scores what is left (changed-lines mode).
    pub fn retain_findings(&mut self, keep: impl FnMut(&Finding) -> bool) {
        self.findings.retain(keep);
        self.rescore();
    }
}

/// The result of fixing one document.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    pub text: String,
    /// Fixes applied over all rounds.
    pub applied: usize,
    /// What remains after fixing.
    pub remaining: Report,
    /// Where `text` differs from the original.
    pub changes: fix::Changes,
    /// Whether fixing `text` again would change nothing. When it would (fixes that undo each
    /// other, or more rounds than [`MAX_FIX_ROUNDS`]), `text` must not be written.
    pub converged: bool,
}

/// Runs the enabled rules over documents.
#[derive(Debug, Clone)]
pub struct Linter {
    settings: Settings,
}

/// Documents larger than this are checked in sections of about this size (see [`Linter::check`]).
pub const SECTION_BYTES: usize = 1 << 18;

/// How far a section may grow past [`SECTION_BYTES`] to end where no quotation or bracket is open.
const MAX_SECTION_GROWTH: usize = 2;

/// Byte ranges of the sections of a large text. A section ends where no quotation or bracket
/// pair is open, so that no pair is cut in two (which would report an unclosed and an unopened
/// mark that pair in the whole text): at a blank line where one lies in its last quarter, else at
/// a line break, else after whitespace, so that no paragraph (or, failing that, no word) is cut.
/// Markdown is only cut outside fenced code, where a blank line is prose. Where every such place
/// in the last quarter is inside a pair, the section grows, up to [`MAX_SECTION_GROWTH`] times
/// `size`; past that it ends where a paragraph or word ends, pair or not.
fn sections(text: &str, format: InputFormat, size: usize) -> Vec<std::ops::Range<usize>> {
    let fences = if format == InputFormat::Markdown {
        text::prose::fenced_code(text)
    } else {
        Vec::new()
    };
    let in_fence = |at: usize| fences.iter().any(|f| f.contains(&at));
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        // One pairing pass over as far as the section may grow.
        let (low, first) = (floor(start + size * 3 / 4), floor(start + size));
        let reach = floor(start + size * MAX_SECTION_GROWTH);
        let open = open_pairs(&text[start..reach], format);
        let allowed = |p: &usize| *p > start && !in_fence(*p);
        let safe = |p: &usize| allowed(p) && !QuoteMap::splits(&open, p - start);
        let cut = cut_places(text, low, first)
            .find(safe)
            .or_else(|| {
                if reach == text.len() {
                    Some(reach)
                } else {
                    cut_places(text, first, reach).find(safe)
                }
            })
            .or_else(|| cut_places(text, low, first).find(allowed))
            .unwrap_or(first);
        out.push(start..cut);
        start = cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Places to end a section in `text[low..end]`, best first: after a blank line, after a line
/// break, after whitespace, each from the end backwards.
fn cut_places(text: &str, low: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
    let slice = &text[low..end];
    let blank_lines = slice.rmatch_indices("\n\n").map(|(p, _)| p + 2);
    let line_breaks = slice.rmatch_indices('\n').map(|(p, _)| p + 1);
    let spaces = slice
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(p, c)| p + c.len_utf8());
    blank_lines
        .chain(line_breaks)
        .chain(spaces)
        .map(move |p| low + p)
}

/// The stretches of `text` that a cut would split a quotation or bracket pair across.
fn open_pairs(text: &str, format: InputFormat) -> Vec<std::ops::Range<usize>> {
    let part = Source::new("", text, format);
    let (prose, quotes) = text::document::pair_quotes(&part);
    quotes.open_spans(&prose.view, &prose.blocks)
}

/// Fix rounds stop after this many even if fixes keep coming; the outcome then says that fixing
/// did not converge. Fixes that must wait for each other (a run of quotation marks, each fix
/// overlapping the next) take a round each; real text settles in two or three.
pub const MAX_FIX_ROUNDS: usize = 50;

impl Linter {
    pub fn new(settings: Settings) -> Linter {
        Linter { settings }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Checks one document. A plain-text or Markdown document over [`SECTION_BYTES`] is checked
    /// in sections, so that memory stays proportional to the text rather than to its analysis.
    pub fn check(&self, source: &Source) -> Report {
        let sectioned = source.text().len() > SECTION_BYTES
            && !source.is_table()
            && source.original().is_none()
            && matches!(source.format(), InputFormat::Plain | InputFormat::Markdown);
        if sectioned {
            return self.check_in_sections(source);
        }
        let doc = Document::new(source);
        self.check_document(&doc)
    }

    /// Checks each section as a document of its own and joins the findings, with their offsets
    /// moved back into the whole text. Rules that look at a whole document (name consistency,
    /// quotation styles, perspective) then look at a section of 256 KiB, some 40,000 words: far
    /// more than any article.
    fn check_in_sections(&self, source: &Source) -> Report {
        let mut findings = Vec::new();
        let mut garbled = Vec::new();
        let mut words = 0;
        for range in sections(source.text(), source.format(), SECTION_BYTES) {
            let part = Source::new(
                source.name(),
                &source.text()[range.clone()],
                source.format(),
            );
            let report = self.check_document(&Document::new(&part));
            words += report.words;
            findings.extend(report.findings.into_iter().map(|f| f.shifted(range.start)));
            garbled.extend(report.garbled.into_iter().map(|mut g| {
                g.range = g.range.start + range.start..g.range.end + range.start;
                g
            }));
        }
        Report::new(findings, words, garbled)
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
        snap_to_characters(doc.source().text(), &mut findings);
        show_only_fixes_over_markup(doc, &mut findings);
        findings.iter_mut().for_each(Finding::compact);
        // Inline suppression reads the comments of the original text (the prose view masks them).
        suppression::apply(doc.source(), &self.settings, &mut findings);
        self.drop_glossary_spellings(doc.source(), &mut findings);
        findings.sort_by(|a, b| {
            (a.range.start, a.range.end, a.rule.code).cmp(&(
                b.range.start,
                b.range.end,
                b.rule.code,
            ))
        });
        findings.dedup_by(|a, b| a.range == b.range && a.rule.code == b.rule.code);
        drop_names_inside_entities(&mut findings);
        drop_findings_inside_glossary_terms(&mut findings);
        let garbled = fluency::garbled_sentences(doc);
        let segments = if doc.source().is_table() {
            segment_scores(doc, &findings, &garbled)
        } else {
            Vec::new()
        };
        let mut report = Report::new(findings, doc.word_count(), garbled);
        report.segments = segments;
        report.originals = bilingual::OriginalSpans::of(doc);
        report
    }

    /// Glossary terms and aliases are canonical: a name or entity finding whose text is exactly
    /// one of them is never reported, whatever the rule thought.
    fn drop_glossary_spellings(&self, source: &Source, findings: &mut Vec<Finding>) {
        let glossary = &self.settings.glossary;
        if glossary.names.is_empty() && glossary.accept.is_empty() {
            return;
        }
        findings.retain(|f| {
            !matches!(
                f.rule.category,
                rules::Category::Names | rules::Category::Entities
            ) || !source
                .text()
                .get(f.range.clone())
                .is_some_and(|text| glossary.accepts(text))
        });
    }

    /// Applies fixes of at least `minimum` applicability, re-checking after each round until the
    /// text stops changing. A text seen before (two fixes undoing each other) or more than
    /// [`MAX_FIX_ROUNDS`] rounds end the rounds with `converged` false.
    pub fn fix(&self, source: &Source, minimum: Applicability) -> FixOutcome {
        let mut text = source.text().to_string();
        let (mut applied, mut rounds) = (0, 0);
        let mut changes = fix::Changes::default();
        let mut seen = std::collections::HashSet::from([digest(&text)]);
        let mut report = self.check(source);
        let converged = loop {
            let round = fix::apply(
                &text,
                report.findings.iter().filter_map(|f| f.fix.as_ref()),
                minimum,
            );
            if round.applied == 0 || round.text == text {
                break true;
            }
            if rounds == MAX_FIX_ROUNDS || !seen.insert(digest(&round.text)) {
                break false;
            }
            rounds += 1;
            applied += round.applied;
            changes.then(&round.edits);
            text = round.text;
            let mut fixed = Source::new(source.name(), text.clone(), source.format());
            if let Some(original) = source.original() {
                // The original stays beside the fixed text, so that bilingual findings are
                // re-checked (and counted as remaining) like the others.
                fixed = fixed.with_original(original.clone());
            }
            report = self.check(&fixed);
        };
        FixOutcome {
            text,
            applied,
            remaining: report,
            changes,
            converged,
        }
    }
}

/// A text's fingerprint, to notice fix rounds that come back to a text they made before.
fn digest(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// A spelling or casing finding about a name inside a known-entity finding says the same thing
/// less precisely ("Qinghua" → Tsinghua inside "Qinghua University" → Tsinghua University), and
/// one on the same words as a bilingual name finding says it with less evidence ("Leann" →
/// Liang, against 梁文锋 in the source): the finding that knows the real name is kept alone. A
/// garbled-transliteration finding (N002) says something else (no romanisation fits "Tingryu")
/// and stays. `findings` is sorted by start.
fn drop_names_inside_entities(findings: &mut Vec<Finding>) {
    drop_outranked(
        findings,
        |f| f.rule.category == rules::Category::Entities || std::ptr::eq(f.rule, &BILINGUAL_NAME),
        |f| f.rule.category == rules::Category::Names && !std::ptr::eq(f.rule, &GARBLED),
    );
}

/// A near miss of a glossary term (B009 with a fix: "Qinghua University" where the desk's
/// termbase gives Tsinghua University for the original's 清华大学) rests on the strongest
/// evidence, the client's own term and the original. A name, entity or bilingual-name finding on
/// the same words says the same with less, and is dropped (N002 says something else, as above).
/// `findings` is sorted by start.
fn drop_findings_inside_glossary_terms(findings: &mut Vec<Finding>) {
    drop_outranked(
        findings,
        |f| std::ptr::eq(f.rule, &GLOSSARY_TERM) && f.fix.is_some(),
        |f| {
            matches!(
                f.rule.category,
                rules::Category::Names | rules::Category::Entities
            ) && !std::ptr::eq(f.rule, &GARBLED)
                || std::ptr::eq(f.rule, &BILINGUAL_NAME)
        },
    );
}

/// Drops each finding that `outranked` selects and that lies inside one that `outranks` selects,
/// which says the same thing with more evidence. `findings` is sorted by start.
fn drop_outranked(
    findings: &mut Vec<Finding>,
    outranks: impl Fn(&Finding) -> bool,
    outranked: impl Fn(&Finding) -> bool,
) {
    let cover = Covering::new(findings.iter().filter(|f| outranks(f)));
    if cover.is_empty() {
        return;
    }
    findings.retain(|f| !(outranked(f) && cover.covers(&f.range)));
}

/// The ranges of some findings, sorted by start, each with the furthest end reached so far: a
/// range is inside one of them when one starting at or before it reaches its end.
struct Covering {
    reach: Vec<(usize, usize)>,
}

impl Covering {
    /// From findings sorted by start.
    fn new<'f>(findings: impl Iterator<Item = &'f Finding>) -> Covering {
        let mut reach: Vec<(usize, usize)> = Vec::new();
        for f in findings {
            let furthest = reach
                .last()
                .map_or(f.range.end, |&(_, end)| end.max(f.range.end));
            reach.push((f.range.start, furthest));
        }
        Covering { reach }
    }

    fn is_empty(&self) -> bool {
        self.reach.is_empty()
    }

    fn covers(&self, range: &std::ops::Range<usize>) -> bool {
        let before = self
            .reach
            .partition_point(|&(start, _)| start <= range.start);
        before > 0 && self.reach[before - 1].1 >= range.end
    }
}

/// Rules read the prose view, in which markup (a Markdown link's target, an escape, emphasis marks,
/// tags) is blanked out with spaces. A fix that would edit such bytes could break the file ("the
/// *the* end" → "the* end"), so it is only shown, never applied. Opaque spans (URLs, inline code)
/// stay editable: B006 corrects a URL on purpose, and no other rule sees words there.
fn show_only_fixes_over_markup(doc: &Document, findings: &mut [Finding]) {
    let (view, text) = (doc.view().as_bytes(), doc.source().text().as_bytes());
    let blanked = |i: usize| text::prose::is_blanked(view, text, i);
    for finding in findings {
        let Some(fix) = finding.fix.as_mut() else {
            continue;
        };
        let touches_markup = fix
            .edits
            .iter()
            .any(|e| (e.start..e.end.min(text.len())).any(blanked));
        if touches_markup {
            fix.applicability = Applicability::DisplayOnly;
        }
    }
}

/// Keeps every offset on a character boundary of the original text. The prose view masks each
/// byte of a non-prose character separately, so a rule that scans into a masked stretch can land
/// inside what is one multi-byte character in the original. Ranges are widened to whole
/// characters; a fix with an edit inside a character is dropped rather than applied.
fn snap_to_characters(text: &str, findings: &mut [Finding]) {
    let down = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let up = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    for finding in findings {
        finding.range = down(finding.range.start)..up(finding.range.end);
        for related in &mut finding.related {
            related.range = down(related.range.start)..up(related.range.end);
        }
        let splits = |e: &Edit| {
            !text.is_char_boundary(e.start.min(text.len()))
                || !text.is_char_boundary(e.end.min(text.len()))
        };
        if finding
            .fix
            .as_ref()
            .is_some_and(|fix| fix.edits.iter().any(splits))
        {
            finding.fix = None;
        }
    }
}

/// Words, findings and score per table row.
fn segment_scores(
    doc: &Document,
    findings: &[Finding],
    garbled: &[fluency::GarbledSentence],
) -> Vec<SegmentScore> {
    let source = doc.source();
    let segments = source.segments();
    let mut words = vec![0usize; segments.len()];
    for token in doc
        .tokens
        .iter()
        .filter(|t| matches!(t.kind, text::TokenKind::Word | text::TokenKind::Number))
    {
        words[source.segment_of(token.start as usize)] += 1;
    }
    let mut per_segment: Vec<Vec<&Finding>> = vec![Vec::new(); segments.len()];
    for finding in findings {
        per_segment[source.segment_of(finding.range.start)].push(finding);
    }
    let mut fluency = vec![0.0; segments.len()];
    for sentence in garbled {
        fluency[source.segment_of(sentence.range.start)] += sentence.cost;
    }
    segments
        .iter()
        .enumerate()
        .map(|(i, segment)| {
            let findings_cost = score::penalty(per_segment[i].iter().copied());
            SegmentScore {
                row: segment.row,
                words: words[i],
                score: score::from_penalty(findings_cost + fluency[i], words[i]),
                findings: per_segment[i].len(),
                findings_cost,
                fluency_cost: fluency[i],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_that_would_edit_markup_are_only_shown() {
        let linter = Linter::new(Settings::default());
        let text = "They will discuss **about** the plan.";
        let source = Source::new("t.md", text, InputFormat::Markdown);
        let report = linter.check_document(&Document::new(&source));
        let construction = report
            .findings
            .iter()
            .find(|f| f.rule.code == "G006")
            .expect("G006 finds the redundant preposition");
        let fix = construction.fix.as_ref().expect("G006 proposes a fix");
        assert_eq!(fix.applicability, Applicability::DisplayOnly);
        let fixed = linter.fix(&source, Applicability::Unsafe);
        assert_eq!(fixed.text, text);
    }

    #[test]
    fn fixing_twice_changes_nothing_more() {
        let linter = Linter::new(Settings::default());
        let source = Source::new(
            "t",
            "He said the the results，were “ good.”",
            InputFormat::Plain,
        );
        let once = linter.fix(&source, Applicability::Safe);
        assert_eq!(once.text, "He said the results, were “good.”");
        let twice = linter.fix(
            &Source::new("t", once.text.clone(), InputFormat::Plain),
            Applicability::Safe,
        );
        assert_eq!(twice.applied, 0);
        assert_eq!(twice.text, once.text);
    }

    /// A names rule that flags every capitalised word, to test what the engine does around rules.
    static EVERY_NAME: rules::RuleMeta = rules::RuleMeta {
        code: "N999",
        name: "every-name",
        finds: "every capitalised word",
        category: rules::Category::Names,
        mqm: &[],
        severity: Severity::Warning,
        status: rules::Status::Preview,
        fix: rules::FixAvailability::None,
        doc: "",
        check: |cx, out| {
            for token in cx
                .doc
                .tokens
                .iter()
                .filter(|t| t.is(text::Flags::CAPITALISED))
            {
                out.push(Finding::new(&EVERY_NAME, token.range(), "a name"));
            }
        },
    };

    #[test]
    fn glossary_spellings_are_never_flagged_by_name_rules() {
        let mut settings = Settings {
            rules: vec![&EVERY_NAME],
            ..Settings::default()
        };
        settings.glossary.add(glossary::GlossaryEntry {
            term: "DeepSeek".into(),
            aliases: vec!["Shendu".into()],
            ..Default::default()
        });
        let source = Source::new(
            "t",
            "Reporters met DeepSeek, Shendu and Deepseek staff.",
            InputFormat::Plain,
        );
        let report = Linter::new(settings.clone()).check(&source);
        let flagged: Vec<&str> = report
            .findings
            .iter()
            .map(|f| &source.text()[f.range.clone()])
            .collect();
        assert_eq!(flagged, ["Reporters", "Deepseek"]);
        assert_eq!(settings.glossary.canonical("Shendu"), Some("DeepSeek"));
    }

    #[test]
    fn large_documents_are_checked_in_sections_with_exact_offsets() {
        let paragraph = "He said the the results were fine, and the firm，grew.\n\n";
        let text = paragraph.repeat(SECTION_BYTES / paragraph.len() * 3);
        let linter = Linter::new(Settings::default());
        let whole = linter.check_document(&Document::new(&Source::new(
            "t",
            text.clone(),
            InputFormat::Plain,
        )));
        let sectioned = linter.check(&Source::new("t", text.clone(), InputFormat::Plain));
        assert_eq!(sectioned.findings.len(), whole.findings.len());
        assert_eq!(sectioned.words, whole.words);
        for (a, b) in sectioned.findings.iter().zip(&whole.findings) {
            assert_eq!(
                (a.range.clone(), a.rule.code),
                (b.range.clone(), b.rule.code)
            );
            assert_eq!(a.fix, b.fix);
        }
    }

    #[test]
    fn sections_end_at_paragraphs_and_never_inside_fenced_code() {
        let text = format!(
            "{}\n\n```\n{}\n\ncode\n```\n\nafter\n",
            "word ".repeat(300),
            "x ".repeat(200)
        );
        for range in sections(&text, InputFormat::Markdown, 1000) {
            assert!(
                text::prose::fenced_code(&text)
                    .iter()
                    .all(|f| !f.contains(&range.start) || range.start == f.start),
                "{range:?}"
            );
        }
        let wide = "“é” ".repeat(500);
        let pieces = sections(&wide, InputFormat::Plain, 101);
        assert_eq!(
            pieces.iter().map(|r| &wide[r.clone()]).collect::<String>(),
            wide
        );
        let plain = "a b c\n\nd e f\n\ng h i\n".repeat(50);
        let cuts = sections(&plain, InputFormat::Plain, 100);
        assert!(cuts.len() > 1);
        assert!(
            cuts.iter()
                .skip(1)
                .all(|r| plain[..r.start].ends_with("\n\n"))
        );
        assert_eq!(cuts.last().unwrap().end, plain.len());
    }

    #[test]
    fn sections_never_cut_a_pair_in_two() {
        // Balanced brackets nested across the whole text: no place is free, so the section grows.
        let nested = "(a ".repeat(400) + &"b) ".repeat(400);
        assert_eq!(
            sections(&nested, InputFormat::Plain, 1200),
            [0..nested.len()]
        );
        // A quotation over the place where the cut would fall: the cut moves before it.
        let text = "He said so. ".repeat(70)
            + "She said \""
            + &"and more. ".repeat(30)
            + "the end\" and left. "
            + &"He left. ".repeat(100);
        let opening = text.find('"').unwrap();
        let closing = text.rfind('"').unwrap();
        let cuts = sections(&text, InputFormat::Plain, 1000);
        assert!(cuts.len() > 1);
        for cut in &cuts[1..] {
            assert!(!(opening < cut.start && cut.start <= closing), "{cut:?}");
        }
        // Past the growth limit, a cut is made all the same.
        let open = "(".repeat(100) + &" x".repeat(5000);
        assert!(sections(&open, InputFormat::Plain, 1000).len() > 1);
    }

    /// Issue 23: the cut at 256 KiB split balanced pairs into an unclosed and an unopened half.
    #[test]
    fn a_quotation_over_a_section_cut_is_one_quotation() {
        let text = "He said that the plan would work. ".repeat(7_000)
            + "She said \""
            + &"the plan would work and nothing else. ".repeat(1_000)
            + "end of it\" and left. "
            + &"He left. ".repeat(100);
        assert!(text.len() > SECTION_BYTES);
        let mut settings = Settings::default();
        settings
            .rules
            .retain(|r| r.category == rules::Category::Quotes);
        let report = Linter::new(settings).check(&Source::new("t", text, InputFormat::Plain));
        assert!(report.findings.is_empty(), "{:?}", report.findings);
    }

    #[test]
    fn offsets_inside_a_character_are_widened_and_their_fixes_dropped() {
        let text = "a\u{3000}b";
        let mut findings = vec![
            Finding::new(&rules::grammar::doubled_word::DOUBLED_WORD, 2..3, "x")
                .related(1..2, "y")
                .fix(Fix::safe(Edit::delete(2..3))),
        ];
        snap_to_characters(text, &mut findings);
        assert_eq!(findings[0].range, 1..4);
        assert_eq!(findings[0].related[0].range, 1..4);
        assert!(findings[0].fix.is_none());
    }

    #[test]
    fn a_name_finding_inside_an_entity_finding_is_dropped() {
        use crate::rules::bilingual::name_transliteration_mismatch::NAME_TRANSLITERATION_MISMATCH as B;
        use crate::rules::entities::unknown_entity_near_known::UNKNOWN_ENTITY_NEAR_KNOWN as E;
        use crate::rules::names::garbled_transliteration::GARBLED_TRANSLITERATION as G;
        use crate::rules::names::inconsistent_name_spelling::INCONSISTENT_NAME_SPELLING as N;
        let mut findings = vec![
            Finding::new(&E, 10..26, "entity"),
            Finding::new(&N, 10..17, "inside"),
            Finding::new(&N, 20..30, "crosses the end"),
            Finding::new(&N, 40..45, "elsewhere"),
            Finding::new(&E, 50..55, "short entity"),
            Finding::new(&N, 52..54, "inside the second"),
            Finding::new(&B, 60..65, "bilingual"),
            Finding::new(&N, 60..65, "same words as the bilingual one"),
            Finding::new(&E, 70..88, "Tingryu University"),
            Finding::new(&G, 70..77, "Tingryu fits no romanisation"),
        ];
        drop_names_inside_entities(&mut findings);
        let kept: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            kept,
            [
                "entity",
                "crosses the end",
                "elsewhere",
                "short entity",
                "bilingual",
                "Tingryu University",
                "Tingryu fits no romanisation"
            ]
        );
    }

    #[test]
    fn findings_inside_a_glossary_near_miss_are_dropped() {
        use crate::rules::entities::unknown_entity_near_known::UNKNOWN_ENTITY_NEAR_KNOWN as E;
        use crate::rules::grammar::doubled_word::DOUBLED_WORD as D;
        let near_miss = |range: std::ops::Range<usize>| {
            Finding::new(&GLOSSARY_TERM, range.clone(), "glossary near miss").fix(Fix::unsafe_edit(
                Edit::replace(range, "Tsinghua University"),
            ))
        };
        let mut findings = vec![
            near_miss(10..28),
            Finding::new(&E, 10..28, "entity on the same words"),
            Finding::new(&BILINGUAL_NAME, 10..17, "bilingual name inside"),
            Finding::new(&GARBLED, 10..17, "garbled inside"),
            Finding::new(&D, 12..20, "another kind of finding"),
            Finding::new(&E, 40..58, "entity elsewhere"),
            Finding::new(&GLOSSARY_TERM, 60..90, "whole segment, no near miss"),
            Finding::new(&E, 62..70, "entity inside a finding without a fix"),
        ];
        drop_findings_inside_glossary_terms(&mut findings);
        let kept: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            kept,
            [
                "glossary near miss",
                "garbled inside",
                "another kind of finding",
                "entity elsewhere",
                "whole segment, no near miss",
                "entity inside a finding without a fix"
            ]
        );
    }

    #[test]
    fn table_rows_get_their_own_scores() {
        let linter = Linter::new(Settings::default());
        let source = Source::from_rows(
            "t",
            &[(1, "Fine text here."), (2, "the the end")],
            InputFormat::Plain,
        );
        let report = linter.check(&source);
        assert_eq!(report.segments.len(), 2);
        assert_eq!(report.segments[0].score, 100.0);
        assert!(report.segments[1].score < 100.0);
        assert_eq!(report.segments[1].findings, 1);
    }
}
