//! Snapshots of every report format on one sample, so that a change to any format shows in review.

use crate::common;

use common::{mtlint, root};

fn run(format: &str) -> String {
    let sample = root().join("samples/garbled_ramen_festival.txt");
    let output = mtlint()
        .current_dir(root())
        .args([
            "check",
            "--isolated",
            "--color",
            "never",
            "--format",
            format,
        ])
        .arg(sample.strip_prefix(root()).unwrap())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn human() {
    insta::assert_snapshot!(run("human"));
}

#[test]
fn json() {
    let value: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    insta::assert_json_snapshot!(value);
}

#[test]
fn csv() {
    insta::assert_snapshot!(run("csv"));
}

#[test]
fn sarif() {
    let mut value: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    // The rule metadata is covered by the rules tests; keep the snapshot to the results.
    value["runs"][0]["tool"]["driver"]["rules"] = serde_json::Value::Null;
    value["runs"][0]["tool"]["driver"]["version"] = serde_json::Value::Null;
    insta::assert_json_snapshot!(value);
}
