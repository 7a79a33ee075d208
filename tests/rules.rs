//! One fixture per rule (`tests/fixtures/rules/CODE.txt` or `.md`; for bilingual rules `CODE.tsv`, a
//! table with `text` and `source` columns), run through the binary with only that rule selected,
//! snapshotted. A rule that reads a glossary has it beside its fixture (`CODE.glossary.tsv`). A rule
//! without a fixture, or whose fixture finds nothing, fails.

use crate::common;

use common::{check_json, listing, root};
use mtlint::rules::RULES;

#[test]
fn every_rule_has_a_fixture_that_exercises_it() {
    for rule in RULES {
        let dir = root().join("tests/fixtures/rules");
        let fixture = ["txt", "md", "tsv"]
            .iter()
            .map(|e| dir.join(format!("{}.{e}", rule.code)))
            .find(|p| p.is_file());
        let fixture = fixture
            .unwrap_or_else(|| panic!("{} has no fixture in tests/fixtures/rules", rule.code));
        let path = fixture.to_str().unwrap();
        let glossary = dir.join(format!("{}.glossary.tsv", rule.code));
        let mut args = vec!["--select", rule.code];
        if glossary.is_file() {
            args.extend(["--glossary", glossary.to_str().unwrap()]);
        }
        if path.ends_with(".tsv") {
            args.extend([
                "--table",
                path,
                "--doc-column",
                "doc",
                "--source-column",
                "source",
            ]);
        } else {
            args.push(path);
        }
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
