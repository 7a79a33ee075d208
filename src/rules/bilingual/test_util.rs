//! Running one bilingual rule on an original and its translation.

use crate::config::Settings;
use crate::rules::{Context, RuleMeta};
use crate::text::{Document, InputFormat, Original, Source};

/// The flagged text of each finding of `rule` on a one-row table with this original.
pub fn lint_pair(rule: &'static RuleMeta, original: &str, translation: &str) -> Vec<String> {
    lint_pair_with(rule, &Settings::default(), original, translation)
}

/// The flagged text and the suggestions of each finding.
pub fn lint_pair_suggestions(
    rule: &'static RuleMeta,
    original: &str,
    translation: &str,
) -> Vec<(String, Vec<String>)> {
    suggestions_with(rule, &Settings::default(), original, translation)
}

/// [`lint_pair`] under `settings` (a glossary, say).
pub fn lint_pair_with(
    rule: &'static RuleMeta,
    settings: &Settings,
    original: &str,
    translation: &str,
) -> Vec<String> {
    suggestions_with(rule, settings, original, translation)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

fn suggestions_with(
    rule: &'static RuleMeta,
    settings: &Settings,
    original: &str,
    translation: &str,
) -> Vec<(String, Vec<String>)> {
    let source = Source::from_rows("t", &[(1, translation)], InputFormat::Plain)
        .with_original(Original::Segments(vec![original.to_string()]));
    let doc = Document::new(&source);
    let cx = Context::new(&doc, &settings.glossary);
    let mut out = Vec::new();
    (rule.check)(&cx, &mut out);
    out.sort_by_key(|f| f.range.start);
    out.iter()
        .map(|f| {
            (
                source.text()[f.range.clone()].to_string(),
                f.suggestions.clone(),
            )
        })
        .collect()
}
