//! The bundled samples: garbled articles with the artifacts an editor would mark, and clean ones
//! on which nothing may be flagged. Each `samples/NAME.expected` lists what must be found and what
//! must stay unflagged; entries for rules that do not exist yet are skipped, so the files can hold
//! the whole truth from the start. A snapshot keeps every finding visible in review.

use crate::common;

use common::{
    Expectation, check_json, expectations, findings, listing, matches, overlaps, prose_files,
};
use mtlint::rules::find_rule;

fn samples() -> Vec<std::path::PathBuf> {
    prose_files("samples")
}

#[test]
fn garbled_samples_have_their_artifacts_found() {
    let mut missing = Vec::new();
    for sample in samples().iter().filter(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("garbled")
    }) {
        let (report, _) = check_json(&["--preview", sample.to_str().unwrap()]);
        let found = findings(&report);
        for expectation in expectations(&sample.with_extension("expected")) {
            let Expectation::Found {
                line,
                code,
                text,
                suggestion,
            } = expectation
            else {
                continue;
            };
            if find_rule(&code).is_none() {
                continue;
            }
            let hit = found
                .iter()
                .any(|f| matches(f, line, &code, &text, &suggestion));
            if !hit {
                missing.push(format!(
                    "{}:{line} {code} {text:?} -> {suggestion:?}",
                    sample.display()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "not found:\n{}", missing.join("\n"));
}

#[test]
fn names_marked_unflagged_stay_unflagged() {
    let mut flagged = Vec::new();
    for sample in samples() {
        let source = std::fs::read_to_string(&sample).unwrap();
        let (report, _) = check_json(&[sample.to_str().unwrap()]);
        for expectation in expectations(&sample.with_extension("expected")) {
            let Expectation::Unflagged { line, text } = expectation else {
                continue;
            };
            for f in findings(&report)
                .iter()
                .filter(|f| overlaps(&source, f, line, &text))
            {
                flagged.push(format!(
                    "{}:{line} {text:?} flagged by {}: {}",
                    sample.display(),
                    f["code"],
                    f["message"]
                ));
            }
        }
    }
    assert!(flagged.is_empty(), "{}", flagged.join("\n"));
}

#[test]
fn clean_samples_are_not_flagged() {
    for sample in samples().iter().filter(|p| {
        p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("clean")
    }) {
        let (report, output) = check_json(&[sample.to_str().unwrap()]);
        assert!(
            findings(&report).is_empty(),
            "{}:\n{}",
            sample.display(),
            listing(&report)
        );
        assert_eq!(output.status.code(), Some(0));
        // No finding costs anything; the fluency signal may take a little off well-written text.
        let file = &report["files"][0];
        assert_eq!(file["score_detail"]["findings_cost"], 0.0);
        assert!(file["score"].as_f64().unwrap() >= 99.0, "{}", file["score"]);
    }
}

/// What every stable rule finds in every sample; review the diff when a rule changes.
#[test]
fn samples_snapshot() {
    let mut all = String::new();
    for sample in samples() {
        let (report, _) = check_json(&[sample.to_str().unwrap()]);
        all.push_str(&format!(
            "== {} (score {})\n",
            sample.file_name().unwrap().to_string_lossy(),
            report["files"][0]["score"]
        ));
        all.push_str(&listing(&report));
    }
    insta::assert_snapshot!(all);
}
