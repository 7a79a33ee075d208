//! Assertions for rule tests: run one rule on a snippet and check what it reports.

use crate::config::Settings;
use crate::diagnostic::Finding;
use crate::fix::{self, Applicability};
use crate::rules::{Context, RuleMeta};
use crate::text::{Document, InputFormat, Source};

/// Runs `rule` alone (whatever its status) on `text` read as plain text.
pub fn lint(rule: &'static RuleMeta, text: &str) -> Vec<Finding> {
    lint_as(rule, text, InputFormat::Plain)
}

pub fn lint_as(rule: &'static RuleMeta, text: &str, format: InputFormat) -> Vec<Finding> {
    let source = Source::new("test", text, format);
    let doc = Document::new(&source);
    let settings = Settings::default();
    let cx = Context::new(&doc, &settings.glossary);
    let mut out = Vec::new();
    (rule.check)(&cx, &mut out);
    out.sort_by_key(|f| (f.range.start, f.range.end));
    out
}

/// The flagged text of each finding.
pub fn flagged(rule: &'static RuleMeta, text: &str) -> Vec<String> {
    lint(rule, text)
        .iter()
        .map(|f| text[f.range.clone()].to_string())
        .collect()
}

/// Every row of a phrase table (`pattern`, `correction`, `explanation`, `example`) must have an
/// example that `rule` flags: a pattern that never matches its own example is dead data.
#[track_caller]
pub fn assert_every_example_flagged(rule: &'static RuleMeta, table_name: &str, table: &str) {
    let missed: Vec<String> = crate::lexicon::tsv::rows(table)
        .filter(|row| flagged(rule, row.get(3)).is_empty())
        .map(|row| format!("{:?}: {}", row.get(0), row.get(3)))
        .collect();
    assert!(
        missed.is_empty(),
        "{table_name}: examples not flagged:\n{}",
        missed.join("\n")
    );
}

#[track_caller]
pub fn assert_no_lints(rule: &'static RuleMeta, text: &str) {
    let found = flagged(rule, text);
    assert!(
        found.is_empty(),
        "{} flagged {found:?} in {text:?}",
        rule.code
    );
}

/// Asserts that `rule` flags exactly the spans `expected` (by their text, in order).
#[track_caller]
pub fn assert_lints(rule: &'static RuleMeta, text: &str, expected: &[&str]) {
    assert_eq!(flagged(rule, text), expected, "{} on {text:?}", rule.code);
}

/// Asserts that the first finding suggests `suggestion`.
#[track_caller]
pub fn assert_suggestion(rule: &'static RuleMeta, text: &str, suggestion: &str) {
    let found = lint(rule, text);
    let first = found
        .first()
        .unwrap_or_else(|| panic!("{} found nothing in {text:?}", rule.code));
    assert!(
        first.suggestions.iter().any(|s| s == suggestion),
        "{} suggested {:?}, not {suggestion:?}, in {text:?}",
        rule.code,
        first.suggestions
    );
}

/// Asserts that applying every fix of at least `minimum` applicability turns `text` into `expected`.
#[track_caller]
pub fn assert_fixed(rule: &'static RuleMeta, text: &str, minimum: Applicability, expected: &str) {
    let found = lint(rule, text);
    let applied = fix::apply(text, found.iter().filter_map(|f| f.fix.as_ref()), minimum);
    assert_eq!(applied.text, expected, "{} fixing {text:?}", rule.code);
}
