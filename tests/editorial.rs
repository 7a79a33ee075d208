//! The editorial workflow's second pass (issue 22): CSV for Excel, fixing folders and tables,
//! ruff's conveniences (`check --fix`, `--exit-zero`, `--statistics`, `--show-fixes`,
//! `-o/--output-file`, the fixable count) and the HTML report's legend, tooltips, suggestions,
//! line numbers and filters.

use crate::common;

use std::path::Path;

use common::{mtlint, write};

/// A text with one safe fix (the space inside the quotation) and one unsafe one (the idiom).
const TEXT: &str = "Officials said “ the plan is ready.” The brain drainage worries them.\n";

fn run(args: &[&str], dir: &Path) -> (Vec<u8>, String, Option<i32>) {
    let output = mtlint().current_dir(dir).args(args).output().unwrap();
    (
        output.stdout,
        String::from_utf8(output.stderr).unwrap(),
        output.status.code(),
    )
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

// ---------------------------------------------------------------------------------------------
// --format csv-excel

#[test]
fn csv_for_excel_has_a_bom_crlf_rows_and_the_extra_columns() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("t.csv"),
        "seg,doc,target\nA-1,d1,The the city grew.\nA-2,d1,Fine words here.\nB-7,d2,“ He said so.”\n",
    );
    let (out, err, code) = run(
        &[
            "check",
            "--isolated",
            "--format",
            "csv-excel",
            "--table",
            "t.csv",
            "--text-column",
            "target",
            "--doc-column",
            "doc",
            "--id-column",
            "seg",
        ],
        dir.path(),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(out.starts_with("\u{feff}".as_bytes()), "no byte-order mark");
    let out = text(out);
    assert!(out.ends_with("\r\n") && !out.replace("\r\n", "").contains('\n'));
    let mut reader = csv::Reader::from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    // The plain CSV's columns first, in their order; the new ones after them.
    let plain = mtlint::report::csv::HEADER;
    assert_eq!(&header[..plain.len()], plain);
    assert_eq!(
        &header[plain.len()..],
        ["score", "category", "fix", "doc", "id"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let doubled = rows
        .iter()
        .find(|r| &r[3] == "G003")
        .expect("the doubled word");
    let n = plain.len();
    assert_eq!(
        (
            &doubled[n + 1],
            &doubled[n + 2],
            &doubled[n + 3],
            &doubled[n + 4]
        ),
        ("grammar", "safe", "d1", "A-1")
    );
    let score: f64 = doubled[n].parse().unwrap();
    assert!(score > 0.0 && score < 100.0, "{score}");
    let quote = rows.iter().find(|r| &r[3] == "Q005").expect("the space");
    assert_eq!((&quote[n + 3], &quote[n + 4]), ("d2", "B-7"));
    // The plain format keeps its contract: no byte-order mark, no new column.
    let (plain_out, _, _) = run(
        &["check", "--isolated", "--format", "csv", "--table", "t.csv"],
        dir.path(),
    );
    let plain_out = text(plain_out);
    let first = plain_out.lines().next().unwrap();
    assert_eq!(first, plain.join(","));
}

// ---------------------------------------------------------------------------------------------
// mtlint fix DIR, mtlint fix with no argument

#[test]
fn fix_walks_a_folder_like_check() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("articles/a.md"), TEXT);
    write(&dir.path().join("articles/deep/b.txt"), TEXT);
    write(&dir.path().join("articles/archive/old.txt"), TEXT);
    write(&dir.path().join("articles/notes.json"), TEXT);
    write(
        &dir.path().join("mtlint.toml"),
        "extend-exclude = [\"archive/**\"]\n",
    );
    let (_, err, code) = run(&["fix", "articles"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let fixed = TEXT.replace("“ the", "“the");
    for name in ["articles/a.md", "articles/deep/b.txt"] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            fixed
        );
    }
    // Excluded, and not prose: untouched.
    for name in ["articles/archive/old.txt", "articles/notes.json"] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            TEXT
        );
    }
    assert!(err.contains("Fixed 2 findings"), "{err}");
}

#[test]
fn fix_without_an_argument_says_what_it_expects() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), TEXT);
    let (_, err, code) = run(&["fix", "--isolated"], dir.path());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("needs something to fix")
            && err.contains("mtlint fix .")
            && !err.contains("is a folder"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        TEXT
    );
    // The help says so too, rather than the default of `check`.
    let (help, _, _) = run(&["fix", "--help"], dir.path());
    let help = text(help);
    assert!(
        help.contains("`.` for the current folder")
            && !help.contains("Default: the current folder"),
        "{help}"
    );
}

// ---------------------------------------------------------------------------------------------
// mtlint fix --table

const TABLE: &str = "id,text,note\r\n\
                     1,\"Officials said “ the plan, they said, is ready.”\",\"keep  \"\"this\"\"\"\r\n\
                     2,Nothing to fix here.,\"quoted, unneeded\"\r\n\
                     3,The the city grew.,x\r\n";

#[test]
fn fix_table_writes_a_copy_changing_only_the_fixed_cells() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("t.csv"), TABLE);
    // A copy must be named: the table is never written over unless asked.
    let (_, err, code) = run(&["fix", "--isolated", "--table", "t.csv"], dir.path());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("-o FILE") && err.contains("--in-place"),
        "{err}"
    );
    let (_, err, code) = run(
        &["fix", "--isolated", "--table", "t.csv", "-o", "t.csv"],
        dir.path(),
    );
    assert_eq!(code, Some(2), "{err}");
    let (_, err, code) = run(
        &["fix", "--isolated", "--table", "t.csv", "-o", "fixed.csv"],
        dir.path(),
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.csv")).unwrap(),
        TABLE
    );
    let fixed = std::fs::read_to_string(dir.path().join("fixed.csv")).unwrap();
    let lines: Vec<&str> = TABLE.split_inclusive("\r\n").collect();
    let expected = format!(
        "{}1,\"Officials said “the plan, they said, is ready.”\",\"keep  \"\"this\"\"\"\r\n{}3,The city grew.,x\r\n",
        lines[0], lines[2]
    );
    assert_eq!(fixed, expected);
    assert!(
        err.contains("Fixed 2 findings in 2 rows (0 remaining); wrote fixed.csv."),
        "{err}"
    );
    assert_eq!(code, Some(0), "nothing remains: {err}");
}

#[test]
fn fix_table_exits_as_ruff_does_and_in_place_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let table = "text\tnote\n“ He said so.” The brain drainage worries them.\tx\nNo change.\ty\n";
    write(&dir.path().join("t.tsv"), table);
    // A finding without a safe fix remains: exit 1, as `ruff check --fix` exits.
    let (_, err, code) = run(
        &["fix", "--isolated", "--table", "t.tsv", "--in-place"],
        dir.path(),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("(1 remaining)"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.tsv")).unwrap(),
        "text\tnote\n“He said so.” The brain drainage worries them.\tx\nNo change.\ty\n"
    );
    // --fail-on error: the warning that remains no longer fails.
    let (_, err, code) = run(
        &[
            "fix",
            "--isolated",
            "--table",
            "t.tsv",
            "--fail-on",
            "error",
            "-o",
            "-",
        ],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{err}");
}

// ---------------------------------------------------------------------------------------------
// check --fix, --exit-zero, --statistics, --show-fixes, -o, the fixable count

#[test]
fn check_fix_applies_safe_fixes_then_reports_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), TEXT);
    let (out, err, code) = run(
        &["check", "--isolated", "--fix", "--show-fixes", "a.txt"],
        dir.path(),
    );
    assert_eq!(code, Some(1), "the idiom remains");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        TEXT.replace("“ the", "“the")
    );
    assert!(
        err.contains("Fixed 1 finding:\n- a.txt:\n    1 × Q005 (space-inside-quotation)"),
        "{err}"
    );
    let out = text(out);
    assert!(out.contains("I001") && !out.contains("Q005"), "{out}");
}

#[test]
fn exit_zero_statistics_output_file_and_the_fixable_count() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), TEXT);
    let (out, _, code) = run(&["check", "--isolated", "a.txt"], dir.path());
    assert_eq!(code, Some(1));
    let out = text(out);
    assert!(
        out.contains("1 fixable with `mtlint fix` (1 more with `mtlint fix --unsafe-fixes`)."),
        "{out}"
    );
    let (_, _, code) = run(&["check", "--isolated", "--exit-zero", "a.txt"], dir.path());
    assert_eq!(code, Some(0));
    let (_, _, code) = run(
        &["check", "--isolated", "--exit-zero", "missing.txt"],
        dir.path(),
    );
    assert_eq!(code, Some(2), "errors still exit 2");
    let (out, _, _) = run(
        &["check", "--isolated", "--statistics", "a.txt"],
        dir.path(),
    );
    assert_eq!(
        text(out),
        "    1\tI001\t[-] mangled-idiom\n    1\tQ005\t[*] space-inside-quotation\n"
    );
    let (out, _, code) = run(
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "-o",
            "report.json",
            "a.txt",
        ],
        dir.path(),
    );
    assert_eq!((out.len(), code), (0, Some(1)));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["summary"]["findings"], 2);
}

// ---------------------------------------------------------------------------------------------
// The HTML report

#[test]
fn html_report_numbers_lines_shows_suggestions_and_filters() {
    use scraper::{Html, Selector};
    let dir = tempfile::tempdir().unwrap();
    let article = "A first line.\nA second one.\nHe said the the end, \"‘quoted’ <b>\".\n";
    write(&dir.path().join("x\"<i>.txt"), article);
    let (out, err, _) = run(
        &["check", "--isolated", "--format", "html", "x\"<i>.txt"],
        dir.path(),
    );
    let page = Html::parse_document(&text(out));
    let select = |s: &str| Selector::parse(s).unwrap();
    // Each line of the article has its number, and the number before a highlight is the line
    // the findings table gives it.
    let numbers: Vec<&str> = page
        .select(&select(".article .ln"))
        .map(|e| e.value().attr("data-n").unwrap())
        .collect();
    assert_eq!(numbers, ["1", "2", "3"], "{err}");
    let html = page.html();
    let mark = html.find("data-rules=\"G003\"").expect("the doubled word");
    let before = &html[..mark];
    let last_number = &before[before.rfind("data-n=\"").unwrap() + 8..];
    assert!(last_number.starts_with("3\""), "{last_number}");
    let row = page
        .select(&select("table.findings tr[data-rule=G003]"))
        .next()
        .unwrap();
    assert_eq!(row.value().attr("data-line"), Some("3"));
    assert_eq!(row.value().attr("data-category"), Some("grammar"));
    // The suggestion is on the page beside the highlight, not only in its tooltip.
    let hints: Vec<&str> = page
        .select(&select(".article .hint"))
        .map(|e| e.value().attr("data-hint").unwrap())
        .collect();
    assert!(hints.contains(&"→ the"), "{hints:?}");
    // The filter offers each rule found, and the legend the grey of overlapping findings.
    let options: Vec<&str> = page
        .select(&select(".filter option"))
        .map(|e| e.value().attr("value").unwrap())
        .collect();
    assert!(options.contains(&"rule:G003") && options.contains(&"category:grammar"));
    assert!(page.select(&select(".legend .cat-mixed")).next().is_some());
    // Still one script and nothing injected by the hostile name.
    assert_eq!(page.select(&select("script")).count(), 1);
    for b in page.select(&select("b")) {
        let code = b.inner_html();
        assert!(mtlint::rules::find_rule(&code[..4]).is_some(), "{code}");
    }
    for i in page.select(&select("i")) {
        assert!(["info", "warning", "error"].contains(&i.inner_html().as_str()));
    }
}

/// The report's script, run by Node with a stand-in for the page: a tooltip that would cross the
/// window's right edge is flipped leftwards, one with room is not. Skipped without Node.
#[test]
fn html_tooltips_at_the_right_edge_open_leftwards() {
    if std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: node is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), TEXT);
    let (out, _, _) = run(
        &["check", "--isolated", "--format", "html", "a.txt"],
        dir.path(),
    );
    let page = text(out);
    let script = &page[page.find("<script>").unwrap() + 8..page.find("</script>").unwrap()];
    write(&dir.path().join("report.js"), script);
    let harness = r#"
const src = require('fs').readFileSync(process.argv[2], 'utf8');
function classes() {
  const s = new Set();
  return { add: c => s.add(c), remove: c => s.delete(c), contains: c => s.has(c),
           toggle: (c, on) => (on ? s.add(c) : s.delete(c)) };
}
function element(box) {
  const on = {};
  return { classList: classes(), on, addEventListener: (t, f) => { on[t] = f; },
           getBoundingClientRect: () => box, getAttribute: () => null };
}
const near = element({ left: 900, right: 960, width: 60 });
const nearTip = element({ left: 900, right: 1300, width: 400 });
near.querySelector = () => nearTip;
const far = element({ left: 10, right: 60, width: 50 });
const farTip = element({ left: 10, right: 410, width: 400 });
far.querySelector = () => farTip;
global.window = { innerWidth: 1000 };
global.document = {
  documentElement: { classList: classes(), clientWidth: 1000 },
  querySelectorAll: s => (s === 'mark.finding' ? [near, far] : []),
};
eval(src);
near.on.mouseenter();
far.on.focus();
console.log(nearTip.classList.contains('flip'), farTip.classList.contains('flip'));
"#;
    write(&dir.path().join("harness.js"), harness);
    let output = std::process::Command::new("node")
        .current_dir(dir.path())
        .args(["harness.js", "report.js"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "true false",
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
