//! One fixture per rule (`tests/fixtures/rules/CODE.txt` or `.md`; for bilingual rules `CODE.tsv`, a
//! table with `text` and `source` columns), run through the binary with only that rule selected,
//! snapshotted. A rule that reads a glossary has it beside its fixture (`CODE.glossary.tsv`). A rule
//! without a fixture, or whose fixture finds nothing, fails.

use crate::common;

use common::{check_json, listing, rule_fixture_args};
use mtlint::rules::RULES;

#[test]
fn every_rule_has_a_fixture_that_exercises_it() {
    for rule in RULES {
        let args = rule_fixture_args(rule.code)
            .unwrap_or_else(|| panic!("{} has no fixture in tests/fixtures/rules", rule.code));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (report, _) = check_json(&args);
        let findings = listing(&report);
        assert!(
            !findings.is_empty(),
            "{}'s fixture finds nothing",
            rule.code
        );
        insta::assert_snapshot!(format!("rule_{}", rule.code), findings);
    }
}
