//! One test per rule of the registry, made at run time: the test named after a rule's code runs its
//! fixture (`tests/fixtures/rules/CODE.txt` or `.md`; for bilingual rules `CODE.tsv`, a table with
//! `text` and `source` columns) through the binary with only that rule selected, and compares the
//! findings with the snapshot `tests/snapshots/rule_fixtures__rule_CODE.snap`. A rule that reads a
//! glossary has it beside its fixture (`CODE.glossary.tsv`). A rule without a fixture, or whose
//! fixture finds nothing, fails its own test, so a new rule gets a test without a line here, and
//! one failing rule does not hide the others. A fixture whose rule is not in the registry fails
//! `every_fixture_belongs_to_a_rule`.
//!
//! This binary has its own harness (libtest-mimic), so it takes the usual filters and options:
//! `cargo test --test rule_fixtures N001`.

#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;

use common::{check_json, listing, root, rule_fixture_args};
use libtest_mimic::{Arguments, Failed, Trial};
use mtlint::rules::RULES;

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/rules")
}

fn run_fixture(code: &'static str) -> Result<(), Failed> {
    let args = rule_fixture_args(code)
        .ok_or_else(|| format!("{code} has no fixture in tests/fixtures/rules"))?;
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (report, _) = check_json(&args);
    let findings = listing(&report);
    if findings.is_empty() {
        return Err(format!("{code}'s fixture finds nothing").into());
    }
    insta::assert_snapshot!(format!("rule_{code}"), findings);
    Ok(())
}

/// Every fixture file is named after a rule of the registry (glossaries after their rule's
/// fixture), so that a renamed rule cannot leave its fixture unrun.
fn every_fixture_belongs_to_a_rule() -> Result<(), Failed> {
    let mut strays = Vec::new();
    for entry in std::fs::read_dir(fixtures()).map_err(|e| e.to_string())? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        let code = name.split('.').next().unwrap_or_default();
        if !RULES.iter().any(|rule| rule.code == code) {
            strays.push(name.into_owned());
        }
    }
    if strays.is_empty() {
        Ok(())
    } else {
        Err(format!("fixtures of no rule in the registry: {strays:?}").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut trials: Vec<Trial> = RULES
        .iter()
        .map(|rule| Trial::test(rule.code, move || run_fixture(rule.code)))
        .collect();
    trials.push(Trial::test(
        "every_fixture_belongs_to_a_rule",
        every_fixture_belongs_to_a_rule,
    ));
    libtest_mimic::run(&args, trials).exit();
}
