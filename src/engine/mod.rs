//! The engine: runs the enabled rules over a document and turns what they found into a
//! [`Report`]. After the rules it applies, in this order, to every rule alike: the configured
//! severities, character boundaries, fixes over markup made display-only, inline suppression,
//! glossary spellings, position order, and precedence between rules (each rule declares the
//! findings it yields to, [`crate::rules::RuleMeta::yields_to`]; see `precedence.rs`). Then it
//! scores the document ([`crate::score`]). [`Linter::fix`] applies fixes round by round over the
//! same pipeline; a large document is checked in sections (`sections.rs`).

mod precedence;
mod sections;

use crate::bilingual;
use crate::config::Settings;
use crate::context::Context;
use crate::diagnostic::rule::RuleMeta;
use crate::diagnostic::{Finding, Severity};
use crate::fix::{self, Applicability, Edit};
use crate::fluency;
use crate::rules;
use crate::score;
use crate::suppression;
use crate::text::{self, Document, InputFormat, Source};

pub use sections::SECTION_BYTES;

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
            worst: rest
                .iter()
                .map(|f| f.severity)
                .chain(self.omitted.worst)
                .max(),
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
    /// The fixes applied, per rule (in order of first application).
    pub fixed: Vec<(&'static RuleMeta, usize)>,
    /// For table input, each row's range in `text`, in the order of the source's segments.
    pub segments: Vec<std::ops::Range<usize>>,
}

/// Runs the enabled rules over documents.
#[derive(Debug, Clone)]
pub struct Linter {
    settings: Settings,
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
        for range in sections::sections(source.text(), source.format(), SECTION_BYTES) {
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
        let cx = Context::new(doc, &self.settings.glossary);
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
        // An N002 inside an entity finding joins it (one fault, one finding), before any finding
        // is dropped as outranked.
        crate::rules::entities::absorb_garbled_names(&mut findings);
        precedence::drop_outranked(&mut findings);
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
        let mut fixed_rules: Vec<(&'static RuleMeta, usize)> = Vec::new();
        let mut current: Option<Source> = None;
        let converged = loop {
            let fixable: Vec<&Finding> =
                report.findings.iter().filter(|f| f.fix.is_some()).collect();
            let round = fix::apply(
                &text,
                fixable.iter().filter_map(|f| f.fix.as_ref()),
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
            count_by_rule(
                &mut fixed_rules,
                round.taken.iter().map(|&i| fixable[i].rule),
            );
            changes.then(&round.edits);
            text = round.text;
            // The original (and a table's rows) stay with the fixed text, so that bilingual and
            // row findings are re-checked (and counted as remaining) like the others.
            let fixed = current
                .as_ref()
                .unwrap_or(source)
                .edited(text.clone(), &round.edits);
            report = self.check(&fixed);
            current = Some(fixed);
        };
        let segments = current.as_ref().unwrap_or(source).segments();
        FixOutcome {
            text,
            applied,
            remaining: report,
            changes,
            converged,
            fixed: fixed_rules,
            segments: segments.iter().map(|s| s.range.clone()).collect(),
        }
    }
}

/// Adds one to the count of each of `rules`, keeping the order in which rules first appear.
pub(crate) fn count_by_rule(
    counts: &mut Vec<(&'static RuleMeta, usize)>,
    rules: impl Iterator<Item = &'static RuleMeta>,
) {
    for rule in rules {
        match counts.iter_mut().find(|(r, _)| r.code == rule.code) {
            Some((_, n)) => *n += 1,
            None => counts.push((rule, 1)),
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
    use crate::fix::Fix;
    use crate::glossary;

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
        yields_to: &[],
        scored: true,
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
