//! Source and translation pairs written for the bilingual rules (`tests/fixtures/bilingual_cases.tsv`:
//! `doc`, `source`, `target`, `expect`), run through the binary as one table. A row whose `expect`
//! is a rule code must get a finding of that rule; an `ok` row, a correct translation, must get no
//! bilingual (B) finding at all. Preview rules run too, so that their cases are checked.

mod common;

use std::collections::BTreeMap;

use common::{check_json, findings, root};

const CASES: &str = "tests/fixtures/bilingual_cases.tsv";

/// (row, expect) for each data row, 1-based as the JSON report counts rows.
fn expectations() -> Vec<(u64, String)> {
    let text = std::fs::read_to_string(root().join(CASES)).expect("the cases file is readable");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("doc\tsource\ttarget\texpect"), "header of {CASES}");
    lines
        .enumerate()
        .map(|(i, line)| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 4, "row {} of {CASES} has {} cells", i + 1, cells.len());
            (i as u64 + 1, cells[3].to_string())
        })
        .collect()
}

#[test]
fn every_case_gets_what_it_expects() {
    let path = root().join(CASES);
    let (report, output) = check_json(&[
        "--preview",
        "--table",
        path.to_str().unwrap(),
        "--doc-column",
        "doc",
        "--source-column",
        "source",
        "--text-column",
        "target",
    ]);
    assert!(output.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&output.stderr));
    let mut codes: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for f in findings(&report) {
        let (Some(row), Some(code)) = (f["row"].as_u64(), f["code"].as_str()) else { continue };
        if code.starts_with('B') {
            codes.entry(row).or_default().push(code.to_string());
        }
    }
    let cases = expectations();
    assert!(cases.len() >= 40, "at least 40 cases");
    assert!(cases.iter().filter(|(_, e)| e == "ok").count() * 2 >= cases.len(), "at least half the cases are correct translations");
    let mut wrong = Vec::new();
    for (row, expect) in &cases {
        let found = codes.get(row).cloned().unwrap_or_default();
        let right = if expect == "ok" { found.is_empty() } else { found.contains(expect) };
        if !right {
            wrong.push(format!("row {row}: expected {expect}, found {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
