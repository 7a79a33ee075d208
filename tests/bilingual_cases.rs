//! Source and translation pairs written by the team (`tests/fixtures/bilingual_cases.tsv`: `doc`,
//! `source`, `target`, `expect`), run through the binary as one table with the source column.
//! `expect` is a bilingual rule code that must flag the row, or `ok`: no bilingual rule may flag
//! it (monolingual rules are not judged here). Rows with the same `doc` are one document.
//! Rules in preview are checked in a second run that selects them. B010 inconsistent-translation is
//! left out: the file sets correct and faulty translations of one source side by side, which is
//! what B010 reports (its cases are its fixture and unit tests).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use common::{check_json, root};
use mtlint::rules::{RULES, Status};
use serde_json::Value;

const CASES: &str = "tests/fixtures/bilingual_cases.tsv";

/// The bilingual codes that flag each row (1-based data row).
fn flagged_rows(report: &Value) -> BTreeMap<u64, BTreeSet<String>> {
    let mut rows: BTreeMap<u64, BTreeSet<String>> = BTreeMap::new();
    for f in report["files"][0]["findings"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let code = f["code"].as_str().unwrap_or("");
        if let (true, Some(row)) = (code.starts_with('B'), f["row"].as_u64()) {
            rows.entry(row).or_default().insert(code.to_string());
        }
    }
    rows
}

#[test]
fn every_case_gets_its_expectation() {
    let path = root().join(CASES);
    let text = std::fs::read_to_string(&path).expect("the cases file is there");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("doc\tsource\ttarget\texpect"), "header");
    let cases: Vec<Vec<&str>> = lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    for (i, case) in cases.iter().enumerate() {
        assert_eq!(case.len(), 4, "row {} has {} cells", i + 1, case.len());
    }
    let path = path.to_str().unwrap();
    let args = [
        "--table",
        path,
        "--doc-column",
        "doc",
        "--source-column",
        "source",
        "--text-column",
        "target",
        "--ignore",
        "B010",
    ];
    let stable = flagged_rows(&check_json(&args).0);
    let preview_codes: Vec<&str> = RULES
        .iter()
        .filter(|r| r.status == Status::Preview && r.code.starts_with('B'))
        .map(|r| r.code)
        .collect();
    let selection = preview_codes.join(",");
    let mut with_preview = args.to_vec();
    with_preview.extend(["--preview", "--select", &selection]);
    let preview = if preview_codes.is_empty() {
        BTreeMap::new()
    } else {
        flagged_rows(&check_json(&with_preview).0)
    };

    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let row = i as u64 + 1;
        let (source, target, expect) = (case[1], case[2], case[3]);
        let found: BTreeSet<&String> = stable.get(&row).into_iter().flatten().collect();
        let ok = if expect == "ok" {
            found.is_empty()
        } else if preview_codes.contains(&expect) {
            preview
                .get(&row)
                .is_some_and(|codes| codes.contains(expect))
        } else {
            found.iter().any(|c| *c == expect)
        };
        if !ok {
            failures.push(format!(
                "row {row}: expected {expect}, found {found:?}\n  {source}\n  {target}"
            ));
        }
    }
    let flagged = cases.iter().filter(|c| c[3] != "ok").count();
    assert!(
        cases.len() >= 30 && cases.len() - flagged >= cases.len() / 2,
        "at least 30 cases, half of them correct translations"
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
