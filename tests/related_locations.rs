//! Quotation and bracket fixes insert the closing mark far from the finding, which sits on the
//! opening mark: every format names the place where the mark should close as a related location
//! (human and CSV in words, HTML under the message, JSON `related`, SARIF `relatedLocations`).

use crate::common;

use common::{mtlint, write};

const TEXT: &str = "“You've been kicking out all of this talent. Damien Ma, founder of Macropolo, \
                    said:\nWashington also cites security concerns.\n";

/// The column of the full stop after "talent", where the closing mark goes.
fn column() -> usize {
    TEXT[..TEXT.find("talent.").unwrap() + 6].chars().count() + 1
}

fn run(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), TEXT);
    let output = mtlint()
        .current_dir(dir.path())
        .args([
            "check",
            "--isolated",
            "--select",
            "Q001",
            "--format",
            format,
        ])
        .arg("a.txt")
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_format_names_where_the_quotation_should_close() {
    let note = format!("close the quotation with ” after this: 1:{} “.”", column());
    let human = run("human");
    assert!(human.contains(&note), "{human}");
    let csv = run("csv");
    assert!(csv.lines().next().unwrap().ends_with(",related"), "{csv}");
    assert!(csv.contains(&note), "{csv}");
    let html = run("html");
    assert!(
        html.contains("close the quotation with ” after this: 1:"),
        "{html}"
    );

    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let related = &json["files"][0]["findings"][0]["related"][0];
    assert_eq!(related["label"], "close the quotation with ” after this");
    assert_eq!(related["column"], column());
    assert_eq!(related["text"], ".");

    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    let location = &result["relatedLocations"][0];
    assert_eq!(
        location["message"]["text"],
        "close the quotation with ” after this"
    );
    let region = &location["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 1);
    assert_eq!(region["startColumn"], column());
    assert_eq!(region["snippet"]["text"], ".");
}
