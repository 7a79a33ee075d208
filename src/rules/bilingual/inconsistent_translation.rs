//! B010: one original segment translated two ways in one document.
//!
//! Translation desks check this first on a spreadsheet of segments: a sentence the source repeats
//! (a boilerplate line, a heading, a product name with its tagline) should read the same each time,
//! and an engine that translates each row on its own often does not. Originals are compared after
//! trimming and collapsing spaces, translations also with curly and straight quotation marks alike,
//! so that only a difference in wording is reported. Each later translation that differs from the
//! first is reported, with the first as its related location.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::bilingual::AlignedPair;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds an original segment that occurs more than once in a document and is not translated
    /// the same way each time. The first translation is taken as the reference; each later one
    /// that words it differently is reported.
    ///
    /// ## Why it matters
    /// Readers notice when a repeated sentence changes, and a termbase or a style guide cannot
    /// catch it: both translations may be fine on their own. Engines that translate each segment
    /// without its neighbours produce it often in spreadsheets of segments.
    ///
    /// The development data repeats no original segment within a document, so the rule raises
    /// nothing there and has no measured precision; it raises nothing on clean English, which has
    /// no original.
    ///
    /// ## Example
    /// ```text
    /// row 1  original: 本报告仅供参考。  translation: This report is for reference only.
    /// row 7  original: 本报告仅供参考。  translation: This report is only for your information.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// row 7  translation: This report is for reference only.
    /// ```
    ///
    /// Originals of fewer than five letters, digits or characters ("是。", "OK") are left alone:
    /// their translation rightly depends on what surrounds them.
    ///
    /// ## Fix safety
    /// No fix: either translation may be the one to keep.
    pub static INCONSISTENT_TRANSLATION = {
        code: "B010",
        name: "inconsistent-translation",
        finds: "one original segment translated two ways in one document",
        category: Bilingual,
        mqm: [TerminologyInconsistentUse, FluencyInconsistency],
        severity: Warning,
        status: Stable,
        fix: None,
        check: check,
    };
}

/// Originals shorter than this (in letters, digits and characters) are not compared.
const MIN_LENGTH: usize = 5;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let mut first: HashMap<String, (&AlignedPair, String)> = HashMap::new();
    for pair in &cx.alignment().pairs {
        if pair
            .original
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
            < MIN_LENGTH
        {
            continue;
        }
        let translation = fold_translation(cx.doc.slice(pair.target.clone()));
        let (earlier, reference) = match first.entry(collapse(pair.original)) {
            Entry::Vacant(slot) => {
                slot.insert((pair, translation));
                continue;
            }
            Entry::Occupied(seen) => seen.into_mut(),
        };
        if translation == *reference {
            continue;
        }
        let message = format!(
            "the same original is translated differently earlier: “{}”",
            shortened(reference)
        );
        out.push(
            Finding::new(&INCONSISTENT_TRANSLATION, pair.target.clone(), message)
                .related(earlier.target.clone(), "first translated here"),
        );
    }
}

/// The text trimmed, with each run of white space as one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`collapse`], with curly quotation marks and apostrophes as straight ones.
fn fold_translation(text: &str) -> String {
    collapse(text)
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .collect()
}

/// At most 80 characters of `text`, with an ellipsis when cut.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::text::{Document, InputFormat, Original, Source};

    /// The flagged translations of a table of (original, translation) rows, with the related text.
    fn lint(rows: &[(&str, &str)]) -> Vec<(String, String)> {
        let numbered: Vec<(usize, &str)> =
            rows.iter().enumerate().map(|(i, r)| (i + 1, r.1)).collect();
        let originals = rows.iter().map(|r| r.0.to_string()).collect();
        let source = Source::from_rows("t", &numbered, InputFormat::Plain)
            .with_original(Original::Segments(originals));
        let doc = Document::new(&source);
        let settings = Settings::default();
        let cx = Context::new(&doc, &settings.glossary);
        let mut out = Vec::new();
        check(&cx, &mut out);
        let text = |r: &std::ops::Range<usize>| source.text()[r.clone()].to_string();
        out.iter()
            .map(|f| (text(&f.range), text(&f.related[0].range)))
            .collect()
    }

    const REPORT: &str = "本报告仅供参考。";

    #[test]
    fn a_repeated_original_translated_otherwise_is_reported() {
        let found = lint(&[
            (REPORT, "This report is for reference only."),
            ("价格上涨了。", "Prices rose."),
            (REPORT, "This report is only for your information."),
        ]);
        assert_eq!(
            found,
            [(
                "This report is only for your information.".to_string(),
                "This report is for reference only.".to_string()
            )]
        );
    }

    #[test]
    fn the_same_wording_passes_whatever_its_spaces_and_quotation_marks() {
        let found = lint(&[
            ("他说“好”。", "He said “yes”."),
            (" 他说“好”。 ", "He said  \"yes\"."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn short_originals_are_left_alone() {
        assert!(lint(&[("是的。", "Yes."), ("是的。", "That's right.")]).is_empty());
    }

    #[test]
    fn every_later_variant_is_compared_with_the_first() {
        let found = lint(&[
            (REPORT, "For reference only."),
            (REPORT, "For reference only."),
            (REPORT, "Only for reference."),
            (REPORT, "Just for reference."),
        ]);
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .all(|(_, first)| first == "For reference only.")
        );
    }

    #[test]
    fn long_translations_are_shortened_in_the_message() {
        assert_eq!(shortened(&"a".repeat(81)), format!("{}…", "a".repeat(80)));
        assert_eq!(shortened("short"), "short");
    }
}
