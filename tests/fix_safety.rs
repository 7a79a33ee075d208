//! Fix safety, three ways: what each rule's documentation (`mtlint explain`) says under "Fix
//! safety", what the README's table of fixes by rule says, and what the rule's fixture really
//! gets. A rule whose documentation says "unsafe" while the README says "safe" (or whose fixes
//! are applied by the hook while both say unsafe) fails here.

use std::collections::BTreeSet;

use crate::common;

use common::{check_json, root, rule_fixture_args};
use mtlint::rules::{FixAvailability, RULES, RuleMeta};

/// The kinds of fix a text names: `safe`, `unsafe`, `display-only`, and `none` for "no fix".
fn kinds_named(text: &str) -> BTreeSet<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut kinds = BTreeSet::new();
    for (word, kind) in [
        ("safe", "safe"),
        ("unsafe", "unsafe"),
        ("display-only", "display-only"),
    ] {
        if words.contains(&word) {
            kinds.insert(kind);
        }
    }
    let none = words
        .windows(2)
        .any(|w| w == ["no", "fix"] || w == ["without", "fix"])
        || words.windows(3).any(|w| w == ["without", "a", "fix"]);
    if none {
        kinds.insert("none");
    }
    kinds
}

/// The "Fix safety" section of a rule's documentation.
fn documented(rule: &RuleMeta) -> BTreeSet<&'static str> {
    let section = rule
        .doc
        .split("## Fix safety")
        .nth(1)
        .unwrap_or_else(|| panic!("{} has no Fix safety section", rule.code));
    let section = section.split("\n## ").next().unwrap();
    kinds_named(section)
}

/// The README's table of fixes by rule: each kind with the codes of the rules that give it.
fn readme_table() -> Vec<(&'static str, Vec<String>)> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut rows = Vec::new();
    for kind in ["safe", "unsafe", "display-only", "none"] {
        let prefix = format!("| {kind} |");
        let line = readme
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("the README's fix table has no `{prefix}` row"));
        let codes = line[prefix.len()..]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() == 4 && w.starts_with(|c: char| c.is_ascii_uppercase()))
            .map(String::from)
            .collect();
        rows.push((kind, codes));
    }
    rows
}

/// The kinds of fix the rule's findings get on its fixture.
fn observed(rule: &RuleMeta) -> BTreeSet<String> {
    let args =
        rule_fixture_args(rule.code).unwrap_or_else(|| panic!("{} has no fixture", rule.code));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (report, _) = check_json(&args);
    report["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| {
            f["fix"]["applicability"]
                .as_str()
                .unwrap_or("none")
                .to_string()
        })
        .collect()
}

#[test]
fn rule_docs_readme_and_behaviour_agree_on_fix_safety() {
    let table = readme_table();
    let mut wrong = Vec::new();
    for rule in RULES {
        let docs = documented(rule);
        let readme: BTreeSet<&str> = table
            .iter()
            .filter(|(_, codes)| codes.iter().any(|c| c == rule.code))
            .map(|(kind, _)| *kind)
            .collect();
        if docs != readme {
            wrong.push(format!(
                "{}: explain says {docs:?}, the README {readme:?}",
                rule.code
            ));
        }
        let never = rule.fix == FixAvailability::None;
        if never != (docs == BTreeSet::from(["none"])) {
            wrong.push(format!(
                "{}: declared fix {}, explain says {docs:?}",
                rule.code,
                rule.fix.as_str()
            ));
        }
        for kind in observed(rule) {
            if !docs.contains(kind.as_str()) {
                wrong.push(format!(
                    "{}: its fixture gets a {kind} fix, explain says {docs:?}",
                    rule.code
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn kinds_are_read_from_plain_sentences() {
    let kinds = |t| kinds_named(t).into_iter().collect::<Vec<_>>();
    assert_eq!(kinds("Safe: the fix removes the spaces."), ["safe"]);
    assert_eq!(
        kinds("Unsafe; other findings carry no fix."),
        ["none", "unsafe"]
    );
    assert_eq!(
        kinds("Statistics suggest: display-only. Fix safety."),
        ["display-only"]
    );
    assert_eq!(kinds("reported without a fix"), ["none"]);
}
