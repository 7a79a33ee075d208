//! Helpers shared by the integration tests: run the built binary and read its JSON.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

/// The built `mtlint` binary, isolated from any configuration on the machine.
pub fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("the mtlint binary is built");
    cmd.env_remove("NO_COLOR");
    cmd
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/data` beside the repository, when it is there.
pub fn shared_data() -> Option<PathBuf> {
    let dir = root().join("..").join("shared").join("data");
    dir.is_dir().then_some(dir)
}

/// The seed article, when the shared data is present.
pub fn seed() -> Option<PathBuf> {
    shared_data()
        .map(|d| d.join("seed").join("000_4b9eb0c26cea64c8.txt"))
        .filter(|p| p.is_file())
}

/// Runs `mtlint check --isolated --format json ARGS` and parses the report.
pub fn check_json(args: &[&str]) -> (Value, Output) {
    let output = mtlint()
        .args(["check", "--isolated", "--format", "json"])
        .args(args)
        .output()
        .expect("mtlint runs");
    (report_of(&output), output)
}

/// The JSON report a run printed on its standard output.
pub fn report_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// The paths of the files of a report, in report order.
pub fn report_paths(report: &Value) -> Vec<&str> {
    report["files"]
        .as_array()
        .expect("a files array")
        .iter()
        .map(|f| f["path"].as_str().expect("a path"))
        .collect()
}

/// The findings of the first file of a report.
pub fn findings(report: &Value) -> Vec<Value> {
    report["files"][0]["findings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// `line:column CODE "text" -> [suggestions]` per finding, for snapshots.
pub fn listing(report: &Value) -> String {
    let mut out = String::new();
    for file in report["files"].as_array().into_iter().flatten() {
        for f in file["findings"].as_array().into_iter().flatten() {
            let row = f
                .get("row")
                .map(|r| format!("row {r} "))
                .unwrap_or_default();
            let fix = f["fix"]["applicability"].as_str().unwrap_or("none");
            out.push_str(&format!(
                "{row}{}:{} {} {:?} -> {} [{fix}]\n",
                f["line"],
                f["column"],
                f["code"].as_str().unwrap_or(""),
                f["text"].as_str().unwrap_or(""),
                f["suggestions"]
            ));
        }
    }
    out
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, contents).unwrap();
}

/// The text and Markdown files of `folder` (relative to the project root), sorted.
pub fn prose_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    files
}

/// Whether `finding` (JSON) is on `line` of `source` and overlaps the first occurrence of
/// `needle` on that line.
pub fn overlaps(source: &str, finding: &Value, line: u64, needle: &str) -> bool {
    if finding["line"].as_u64() != Some(line) {
        return false;
    }
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    let line_text = source[line_start..].lines().next().unwrap_or("");
    let Some(at) = line_text.find(needle) else {
        panic!("`{needle}` is not on line {line}")
    };
    let (start, end) = (line_start + at, line_start + at + needle.len());
    let (fs, fe) = (
        finding["start"].as_u64().unwrap() as usize,
        finding["end"].as_u64().unwrap() as usize,
    );
    fs < end && start < fe
}

/// One line of an expected-findings file (`samples/*.expected`, `tests/fixtures/names/*.expected`):
/// `<line> <code> <text> [-> <suggestion>]` for what must be found (the text may be a JSON string
/// in double quotes), `!<line> <text>` for what must stay unflagged.
#[derive(Debug)]
pub enum Expectation {
    Found {
        line: u64,
        code: String,
        text: String,
        suggestion: Option<String>,
    },
    Unflagged {
        line: u64,
        text: String,
    },
}

fn parse_text(raw: &str) -> String {
    let raw = raw.trim();
    if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
        if let Ok(s) = serde_json::from_str::<String>(raw) {
            return s;
        }
    }
    raw.to_string()
}

/// The expectations of an expected-findings file; `#` lines are comments.
pub fn expectations(path: &Path) -> Vec<Expectation> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        if let Some(rest) = line.strip_prefix('!') {
            let (n, t) = rest.split_once(' ').expect("`!LINE TEXT`");
            out.push(Expectation::Unflagged {
                line: n.parse().unwrap(),
                text: t.to_string(),
            });
            continue;
        }
        let mut parts = line.splitn(3, ' ');
        let (n, code, rest) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap_or(""),
        );
        let (text, suggestion) = match rest.split_once(" -> ") {
            Some((t, s)) => (parse_text(t), Some(s.trim().to_string())),
            None => (parse_text(rest), None),
        };
        out.push(Expectation::Found {
            line: n.parse().unwrap(),
            code: code.to_string(),
            text,
            suggestion,
        });
    }
    out
}

/// Whether `finding` (JSON) is the expected finding: its code, line and text, and the suggestion
/// among its suggestions when one is expected.
pub fn matches(
    finding: &Value,
    line: u64,
    code: &str,
    text: &str,
    suggestion: &Option<String>,
) -> bool {
    finding["code"] == code
        && finding["line"].as_u64() == Some(line)
        && finding["text"].as_str() == Some(text)
        && suggestion.as_ref().is_none_or(|s| {
            finding["suggestions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x == s.as_str())
        })
}

/// The `check` arguments that run rule `code` alone on its fixture (`tests/fixtures/rules/CODE.txt`,
/// `.md`, or `.tsv` for a bilingual table), with its glossary when it has one; `None` when the rule
/// has no fixture.
pub fn rule_fixture_args(code: &str) -> Option<Vec<String>> {
    let dir = root().join("tests/fixtures/rules");
    let fixture = ["txt", "md", "tsv"]
        .iter()
        .map(|e| dir.join(format!("{code}.{e}")))
        .find(|p| p.is_file())?;
    let path = fixture.to_str().unwrap().to_string();
    let glossary = dir.join(format!("{code}.glossary.tsv"));
    let mut args = vec!["--select".to_string(), code.to_string()];
    if glossary.is_file() {
        args.extend([
            "--glossary".to_string(),
            glossary.to_str().unwrap().to_string(),
        ]);
    }
    if path.ends_with(".tsv") {
        for a in [
            "--table",
            &path,
            "--doc-column",
            "doc",
            "--source-column",
            "source",
        ] {
            args.push(a.to_string());
        }
    } else {
        args.push(path);
    }
    Some(args)
}
