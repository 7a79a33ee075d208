//! The editorial workflow through the binary: GitHub annotations, the HTML report, inline
//! suppression, glossary files, changed-lines mode, progress and shell completions.

use crate::common;

use std::path::Path;
use std::process::Command as StdCommand;

use common::{mtlint, root, write};
use scraper::{Html, Selector};

const GARBLED: &str =
    "The delegation said the the talks were useful.\n\nOfficials said “ the plan is ready.”\n";

fn stdout(args: &[&str], dir: &Path) -> (String, String, Option<i32>) {
    let output = mtlint().current_dir(dir).args(args).output().unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code(),
    )
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

// ---------------------------------------------------------------------------------------------
// --format github

#[test]
fn github_annotations_one_per_finding_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("news, 2024: a.txt"), GARBLED);
    let (out, _, code) = stdout(
        &[
            "check",
            "--isolated",
            "--format",
            "github",
            "news, 2024: a.txt",
        ],
        dir.path(),
    );
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("::warning file=news%2C 2024%3A a.txt,line=1,endLine=1,col=21,endColumn=28,title=mtlint G003 (doubled-word)::"), "{}", lines[0]);
    assert!(
        lines[1].contains("line=3,") && lines[1].contains("Q005"),
        "{}",
        lines[1]
    );
    assert!(lines.iter().all(|l| l.starts_with("::")));
}

#[test]
fn github_table_findings_name_the_row() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("t.tsv"),
        "text\nFine.\nHe said the the end.\n",
    );
    let (out, _, _) = stdout(
        &[
            "check",
            "--isolated",
            "--format",
            "github",
            "--table",
            "t.tsv",
        ],
        dir.path(),
    );
    assert!(
        out.starts_with(
            "::warning file=t.tsv,title=mtlint G003 (doubled-word)::row 2, line 1, column 9: "
        ),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------------
// --format html

const HOSTILE: &str = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>\n\n\
                       He said the the results were <b>good</b>.\n\n\
                       She said “ hello.” & \"quoted\" 'single' </mark></span>\n";

fn html_report(text: &str, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join(name), text);
    let (out, err, code) = stdout(
        &["check", "--isolated", "--format", "html", name],
        dir.path(),
    );
    assert_eq!(code, Some(1), "{err}");
    out
}

#[test]
fn html_report_is_self_contained_and_escapes_the_article() {
    let out = html_report(HOSTILE, "hostile.txt");
    let page = Html::parse_document(&out);
    // Exactly one script, ours; no element the article tried to inject.
    let scripts: Vec<_> = page.select(&selector("script")).collect();
    assert_eq!(scripts.len(), 1);
    assert!(!scripts[0].inner_html().contains("pwned"));
    assert_eq!(page.select(&selector("img")).count(), 0);
    assert_eq!(
        page.select(&selector("b"))
            .filter(|b| b.inner_html() == "good")
            .count(),
        0
    );
    assert!(page.select(&selector("[onerror]")).next().is_none());
    // Nothing is loaded from anywhere.
    assert!(
        page.select(&selector("link, iframe, object, embed, [src]"))
            .next()
            .is_none()
    );
    for a in page.select(&selector("a[href]")) {
        assert!(
            a.value().attr("href").unwrap().starts_with('#'),
            "external link {:?}",
            a.value().attr("href")
        );
    }
    let csp = page
        .select(&selector("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .expect("a CSP");
    assert!(
        csp.value()
            .attr("content")
            .unwrap()
            .starts_with("default-src 'none'")
    );
    // The article text is all there, as text.
    let article = page.select(&selector(".article")).next().unwrap();
    let shown: String = article.text().collect();
    assert!(
        shown.contains("<script>document.title='pwned'</script><img src=x onerror=alert(1)>"),
        "{shown}"
    );
    assert!(shown.contains("</mark></span>"));
}

#[test]
fn html_report_marks_each_finding_and_lists_it_in_a_sortable_table() {
    let out = html_report(HOSTILE, "hostile.txt");
    let page = Html::parse_document(&out);
    let marks: Vec<_> = page.select(&selector(".article mark.finding")).collect();
    assert_eq!(marks.len(), 2);
    let first = marks[0];
    assert_eq!(
        first.value().attr("tabindex"),
        Some("0"),
        "highlights are keyboard-focusable"
    );
    assert!(first.value().classes().any(|c| c == "cat-grammar"));
    let tip_id = first.value().attr("aria-describedby").unwrap();
    let tip = page
        .select(&selector(&format!("#{tip_id}")))
        .next()
        .unwrap();
    let tip_text: String = tip.text().collect();
    assert!(
        tip_text.contains("G003")
            && tip_text.contains("doubled word")
            && tip_text.contains("Suggestion"),
        "{tip_text}"
    );
    assert_eq!(first.text().next(), Some("the the"));
    assert!(marks[1].value().classes().any(|c| c == "cat-quotes"));
    // The table: one row per finding, sortable columns, each row linking to its highlight.
    let rows: Vec<_> = page.select(&selector("table.findings tbody tr")).collect();
    assert_eq!(rows.len(), 2);
    let keys: Vec<_> = page
        .select(&selector("table.findings th[data-key] button"))
        .map(|b| b.text().collect::<String>())
        .collect();
    assert_eq!(keys, ["Line", "Rule", "Severity"]);
    for row in &rows {
        let href = row
            .select(&selector("a"))
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap();
        assert!(
            page.select(&selector(href)).next().is_some(),
            "{href} points nowhere"
        );
        assert!(
            row.value().attr("data-line").is_some() && row.value().attr("data-severity").is_some()
        );
    }
    // The score, and no clusters section without the names analysis.
    let score = page
        .select(&selector(".doc .score"))
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert!(score.starts_with("score "), "{score}");
    assert!(page.select(&selector("table.clusters")).next().is_none());
}

#[test]
fn html_report_lists_names_written_several_ways() {
    let text = "Liang Wenfeng, the founder of DeepSeek, said the model was cheap. \
                Liang said it again. Leann added that costs fell. Damien Ma, founder of MacroPolo, agreed.\n";
    let out = html_report(text, "names.txt");
    let page = Html::parse_document(&out);
    let rows: Vec<String> = page
        .select(&selector("table.clusters tbody tr"))
        .map(|r| r.text().collect::<String>())
        .collect();
    let liang = rows
        .iter()
        .find(|r| r.contains("Liang Wenfeng"))
        .unwrap_or_else(|| panic!("no Liang cluster in {rows:?}"));
    assert!(
        liang.contains("Leann") && liang.contains("Liang"),
        "{liang}"
    );
    // A name written one way only is not listed.
    assert!(rows.iter().all(|r| !r.contains("Damien Ma")), "{rows:?}");
}

#[test]
fn html_report_of_markdown_and_a_table() {
    let out = html_report("# Title <i>x</i>\n\nHe said the the end.\n", "a.md");
    let page = Html::parse_document(&out);
    assert!(
        page.select(&selector("i"))
            .all(|i| i.text().collect::<String>() != "x")
    );
    assert!(
        page.select(&selector(".article"))
            .next()
            .unwrap()
            .text()
            .collect::<String>()
            .contains("# Title <i>x</i>")
    );
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("t.tsv"),
        "doc\ttext\n1\tFine <u>row</u>.\n1\tHe said the the end.\n",
    );
    let (out, _, _) = stdout(
        &[
            "check",
            "--isolated",
            "--format",
            "html",
            "--table",
            "t.tsv",
            "--doc-column",
            "doc",
        ],
        dir.path(),
    );
    let page = Html::parse_document(&out);
    assert!(page.select(&selector("u")).next().is_none());
    let labels: Vec<String> = page
        .select(&selector(".row-label"))
        .map(|l| l.text().collect())
        .collect();
    assert_eq!(labels, ["row 1", "row 2"]);
    assert_eq!(page.select(&selector("th[data-key=row]")).count(), 1);
}

// ---------------------------------------------------------------------------------------------
// Inline suppression

#[test]
fn suppression_comments_in_markdown_html_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<!-- mtlint-disable G003 -->\nHe said the the end.\n<!-- mtlint-enable G003 -->\n\n<!-- mtlint-ignore-next-line -->\nShe said “ hello.”\n\nThey said the the end.\n";
    for name in ["a.md", "a.txt", "a.html"] {
        write(&dir.path().join(name), body);
        let (out, _, code) = stdout(
            &["check", "--isolated", "--format", "json", name],
            dir.path(),
        );
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let codes: Vec<(u64, &str)> = common::findings(&report)
            .iter()
            .map(|f| (f["line"].as_u64().unwrap(), f["code"].as_str().unwrap()))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(l, c)| (l, if c == "G003" { "G003" } else { "other" }))
            .collect();
        assert_eq!(codes, [(8, "G003")], "{name}: {out}");
        assert_eq!(code, Some(1));
    }
}

#[test]
fn fix_leaves_suppressed_findings_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "<!-- mtlint-ignore-next-line G003 -->\nHe said the the end.\nShe said the the end.\n";
    write(&dir.path().join("a.md"), text);
    let (_, err, code) = stdout(&["fix", "--isolated", "a.md"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let fixed = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert_eq!(
        fixed,
        "<!-- mtlint-ignore-next-line G003 -->\nHe said the the end.\nShe said the end.\n"
    );
}

#[test]
fn unused_suppression_is_info_and_does_not_fail() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("a.md"),
        "<!-- mtlint-disable G003 -->\nAll is well.\n",
    );
    let (out, _, code) = stdout(
        &["check", "--isolated", "--format", "json", "a.md"],
        dir.path(),
    );
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = common::findings(&report);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["code"], "M001");
    assert_eq!(findings[0]["severity"], "info");
    assert_eq!(report["files"][0]["score"], 100.0);
    assert_eq!(code, Some(0));
    let (_, _, code) = stdout(
        &["check", "--isolated", "--fail-on", "info", "a.md"],
        dir.path(),
    );
    assert_eq!(code, Some(1));
}

// ---------------------------------------------------------------------------------------------
// Glossary files

#[test]
fn glossary_files_are_read_and_their_errors_named() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("mtlint.toml"),
        "[glossary]\nfiles = [\"terms/house.tsv\", \"terms/desk.csv\"]\n",
    );
    write(
        &dir.path().join("terms/house.tsv"),
        "term\ttype\taliases\tnote\nDeepSeek\torganisation\tShendu\t\n",
    );
    write(
        &dir.path().join("terms/desk.csv"),
        "term,type\n\"Liang Wenfeng\",person\n",
    );
    write(
        &dir.path().join("a.txt"),
        "DeepSeek was founded by Liang Wenfeng.\n",
    );
    let (_, err, code) = stdout(&["check", "a.txt"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    write(&dir.path().join("terms/desk.csv"), "name,type\nx,y\n");
    let (_, err, code) = stdout(&["check", "a.txt"], dir.path());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("desk.csv") && err.contains("no `term` column"),
        "{err}"
    );
    std::fs::remove_file(dir.path().join("terms/desk.csv")).unwrap();
    let (_, err, code) = stdout(&["check", "a.txt"], dir.path());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("desk.csv") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn a_termbase_on_the_command_line_checks_the_translation_of_its_terms() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("desk.tsv"),
        "term\taliases\tsource\nTsinghua University\tTsinghua\t清华大学|清華大學\n",
    );
    write(
        &dir.path().join("zh.txt"),
        "她毕业于清华大学。\n\n他在清華大學任教。\n",
    );
    write(
        &dir.path().join("en.txt"),
        "She graduated from Tsinghua.\n\nHe teaches at the university in Beijing.\n",
    );
    let args = [
        "check",
        "--isolated",
        "--glossary",
        "desk.tsv",
        "--select",
        "B009",
        "--format",
        "github",
        "--source",
        "zh.txt",
        "en.txt",
    ];
    let (out, err, code) = stdout(&args, dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("line=3") && out.contains("清華大學") && out.contains("Tsinghua University"),
        "{out}"
    );
    let args = ["check", "--isolated", "--glossary", "gone.tsv", "en.txt"];
    let (_, err, code) = stdout(&args, dir.path());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("gone.tsv") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn fix_with_the_original_applies_the_termbase() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("desk.tsv"),
        "term\tsource\nDeepSeek\t深度求索\nTsinghua University\t清华大学\n",
    );
    write(
        &dir.path().join("zh.txt"),
        "她毕业于清华大学，加入了深度求索。\n",
    );
    write(
        &dir.path().join("en.txt"),
        "She graduated from Qinghua University and joined Depth Seeking.\n",
    );
    let fix = [
        "fix",
        "--isolated",
        "--glossary",
        "desk.tsv",
        "--select",
        "B009",
        "--unsafe-fixes",
        "--source",
        "zh.txt",
        "en.txt",
    ];
    let (_, err, code) = stdout(&fix, dir.path());
    assert_eq!(code, Some(0), "{err}");
    // The term without a near miss has no fix; it remains because the re-check after fixing
    // still reads the original.
    assert!(err.contains("Fixed 1 finding (1 remaining)"), "{err}");
    let fixed = std::fs::read_to_string(dir.path().join("en.txt")).unwrap();
    assert_eq!(
        fixed,
        "She graduated from Tsinghua University and joined Depth Seeking.\n"
    );

    // An original that does not align is an error, and nothing is written.
    write(
        &dir.path().join("zh.txt"),
        "她毕业于清华大学。\n\n第二段。\n",
    );
    write(
        &dir.path().join("en.txt"),
        "She graduated from Qinghua University.\n",
    );
    let (_, err, code) = stdout(&fix, dir.path());
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("en.txt") && err.contains("nothing written"),
        "{err}"
    );
    let kept = std::fs::read_to_string(dir.path().join("en.txt")).unwrap();
    assert_eq!(kept, "She graduated from Qinghua University.\n");
}

#[test]
fn init_glossary_writes_the_names_found_for_review_and_uses_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("articles/a.txt"),
        "Liang Wenfeng, founder of DeepSeek, said costs fell. Leann said the model was cheap. \
         Liang added that Deepseek would grow. Professors at Tingryu University agreed.\n",
    );
    let (out, err, code) = stdout(&["init", "--glossary", "articles"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("wrote glossary.tsv") && out.contains("wrote mtlint.toml"),
        "{out}"
    );
    let glossary = std::fs::read_to_string(dir.path().join("glossary.tsv")).unwrap();
    assert!(
        glossary
            .lines()
            .any(|l| l == "term\ttype\taliases\tnote\tsource\tstatus"),
        "{glossary}"
    );
    let row = glossary
        .lines()
        .find(|l| l.starts_with("Liang Wenfeng\t"))
        .unwrap_or_else(|| panic!("{glossary}"));
    assert!(
        row.starts_with("Liang Wenfeng\tperson\t\t")
            && row.contains("also written Leann")
            && row.ends_with("\tunreviewed"),
        "{row}"
    );
    assert!(
        glossary
            .lines()
            .any(|l| l.starts_with("DeepSeek\torganisation")),
        "{glossary}"
    );
    // A garble mtlint reports is left out, so that the glossary cannot silence it.
    assert!(
        !glossary.lines().any(|l| l.starts_with("Tingryu")),
        "{glossary}"
    );
    assert!(
        glossary.contains("# left out, mtlint flags this spelling (E001"),
        "{glossary}"
    );
    let config = std::fs::read_to_string(dir.path().join("mtlint.toml")).unwrap();
    assert!(
        config.lines().any(|l| l == "files = [\"glossary.tsv\"]"),
        "{config}"
    );
    // The configuration reads the glossary it names; the garbles are still found.
    let (out, err, code) = stdout(&["check", "--format", "json", "articles"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        out.contains("\"Leann\"") && out.contains("Tingryu"),
        "{out}"
    );
    // Neither file is overwritten without --force; an existing mtlint.toml is left alone.
    let (_, err, code) = stdout(&["init", "--glossary", "articles"], dir.path());
    assert_eq!(code, Some(2));
    assert!(err.contains("glossary.tsv already exists"), "{err}");
    std::fs::remove_file(dir.path().join("glossary.tsv")).unwrap();
    let (out, _, code) = stdout(&["init", "--glossary", "articles"], dir.path());
    assert_eq!(code, Some(0));
    assert!(out.contains("mtlint.toml exists"), "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mtlint.toml")).unwrap(),
        config
    );
}

/// A starter glossary is mtlint's guess until an editor reviews it: `fix` (safe fixes only, as
/// the hook runs it) rewrites no name towards an unreviewed row, and does once the row is marked
/// reviewed.
#[test]
fn only_reviewed_glossary_entries_make_name_fixes_safe() {
    let dir = tempfile::tempdir().unwrap();
    let article = "Liang Wenfeng, founder of DeepSeek, said costs fell. Leann said the model was \
                   cheap. Liang added that Deepseek would grow.\n";
    write(&dir.path().join("articles/a.txt"), article);
    let (_, err, code) = stdout(&["init", "--glossary", "articles"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let (out, err, _) = stdout(&["fix", "articles/a.txt"], dir.path());
    assert!(
        format!("{out}{err}").contains("Fixed 0 findings"),
        "{out}{err}"
    );
    let after = std::fs::read_to_string(dir.path().join("articles/a.txt")).unwrap();
    assert_eq!(after, article, "an unreviewed glossary made a fix safe");
    let glossary = dir.path().join("glossary.tsv");
    let reviewed = std::fs::read_to_string(&glossary)
        .unwrap()
        .replace("\tunreviewed", "\treviewed");
    write(&glossary, &reviewed);
    let (out, err, _) = stdout(&["fix", "articles/a.txt"], dir.path());
    let after = std::fs::read_to_string(dir.path().join("articles/a.txt")).unwrap();
    assert!(
        after.contains("Liang said the model") && after.contains("that DeepSeek would"),
        "{after}\n{out}{err}"
    );
}

/// pre-commit names every staged file, so excludes must apply to named files: with
/// `--force-exclude` (which the hooks pass) a file under an excluded folder is passed over, by
/// `check` and by `fix`, from the repository's top or from a subfolder.
#[test]
fn force_exclude_applies_excludes_to_named_files() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("mtlint.toml"),
        "extend-exclude = [\"archive/**\"]\n",
    );
    write(&dir.path().join("archive/old.txt"), GARBLED);
    write(&dir.path().join("news/new.txt"), GARBLED);
    let (out, _, code) = stdout(&["check", "archive/old.txt"], dir.path());
    assert_eq!(
        code,
        Some(1),
        "named without --force-exclude, the file is checked: {out}"
    );
    let (out, err, code) = stdout(
        &[
            "check",
            "--force-exclude",
            "archive/old.txt",
            "news/new.txt",
        ],
        dir.path(),
    );
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        !out.contains("archive") && out.contains("news/new.txt"),
        "{out}"
    );
    let (out, err, code) = stdout(
        &["check", "--force-exclude", "../archive/old.txt"],
        &dir.path().join("news"),
    );
    assert_eq!(code, Some(0), "{out}{err}");
    let (out, err, _) = stdout(&["fix", "--force-exclude", "archive/old.txt"], dir.path());
    let kept = std::fs::read_to_string(dir.path().join("archive/old.txt")).unwrap();
    assert_eq!(kept, GARBLED, "{out}{err}");
}

// ---------------------------------------------------------------------------------------------
// --diff-base and --staged

fn git(dir: &Path, args: &[&str]) {
    let status = StdCommand::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=editor@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn has_git() -> bool {
    StdCommand::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn lines_found(dir: &Path, args: &[&str]) -> (Vec<(String, u64)>, String, Option<i32>) {
    let mut all = vec!["check", "--isolated", "--format", "json"];
    all.extend(args);
    let (out, err, code) = stdout(&all, dir);
    let report: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|_| serde_json::json!({"files": []}));
    let mut found = Vec::new();
    for file in report["files"].as_array().into_iter().flatten() {
        for f in file["findings"].as_array().into_iter().flatten() {
            found.push((
                file["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            ));
        }
    }
    (found, err, code)
}

#[test]
fn changed_lines_mode_reports_only_new_lines() {
    if !has_git() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    write(
        &repo.join("archive/old.md"),
        "Old text said the the thing.\n",
    );
    write(
        &repo.join("news/today.md"),
        "First line said the the thing.\n\nSecond line is fine.\n",
    );
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "archive"]);
    // An edit: a new garbled line after an old garbled one, staged; and an untracked new article.
    write(
        &repo.join("news/today.md"),
        "First line said the the thing.\n\nSecond line is fine.\n\nThird line said the the thing.\n",
    );
    git(repo, &["add", "news/today.md"]);
    write(
        &repo.join("news/new article.md"),
        "New said the the thing.\n",
    );

    let (found, err, code) = lines_found(repo, &["--diff-base", "HEAD", "."]);
    assert_eq!(
        found,
        [
            ("news/new article.md".to_string(), 1),
            ("news/today.md".to_string(), 5)
        ],
        "{err}"
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("1 file without changed lines not checked"),
        "{err}"
    );

    let (found, _, _) = lines_found(repo, &["--staged", "news/today.md", "archive/old.md"]);
    assert_eq!(found, [("news/today.md".to_string(), 5)]);

    // Nothing changed: nothing reported, success.
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "today"]);
    let (found, _, code) = lines_found(repo, &["--diff-base", "HEAD", "."]);
    assert!(found.is_empty());
    assert_eq!(code, Some(0));
    let (found, _, _) = lines_found(repo, &["--diff-base", "HEAD~1", "news"]);
    assert_eq!(
        found,
        [
            ("news/new article.md".to_string(), 1),
            ("news/today.md".to_string(), 5)
        ]
    );
}

/// `--staged` checks what will be committed: the index's copy, as `git diff --cached` sees it.
/// A fault staged and then fixed in the working file is still reported (on the staged line), and
/// a fault only in the working file is not.
#[test]
fn staged_mode_checks_the_staged_content_not_the_working_file() {
    if !has_git() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    write(&repo.join("news/a.md"), "Intro line is fine.\n");
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "start"]);
    write(
        &repo.join("news/a.md"),
        "Intro line is fine.\n\nThe minister said the the talks went well.\n",
    );
    git(repo, &["add", "news/a.md"]);
    // fixed in the working file after staging, with a line added above the fault
    write(
        &repo.join("news/a.md"),
        "A new first line.\n\nIntro line is fine.\n\nThe minister said the talks went well.\n",
    );
    let (found, err, code) = lines_found(repo, &["--staged", "news/a.md"]);
    assert_eq!(found, [("news/a.md".to_string(), 3)], "{err}");
    assert_eq!(code, Some(1));
    // the other way round: the staged copy is clean, the working file is not
    git(repo, &["add", "news/a.md"]);
    write(
        &repo.join("news/a.md"),
        "A new first line said the the thing.\n\nIntro line is fine.\n\nThe minister said the talks went well.\n",
    );
    let (found, err, code) = lines_found(repo, &["--staged", "news/a.md"]);
    assert!(found.is_empty(), "{found:?} {err}");
    assert_eq!(code, Some(0));
}

#[test]
fn changed_lines_mode_errors_are_clear() {
    if !has_git() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let outside = tempfile::tempdir().unwrap();
    write(&outside.path().join("a.md"), "Text.\n");
    let (_, err, code) = stdout(
        &["check", "--isolated", "--diff-base", "HEAD", "a.md"],
        outside.path(),
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("is not inside a git repository"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    write(&dir.path().join("a.md"), "Text.\n");
    let (_, err, code) = stdout(
        &["check", "--isolated", "--diff-base", "no-such-rev", "a.md"],
        dir.path(),
    );
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--diff-base") && err.contains("no-such-rev"),
        "{err}"
    );

    let (_, err, code) = stdout(
        &[
            "check",
            "--isolated",
            "--staged",
            outside.path().join("a.md").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("is not inside the git repository"), "{err}");

    let (_, err, code) = stdout(&["check", "--isolated", "--staged", "-"], dir.path());
    assert_eq!(code, Some(2));
    assert!(err.contains("standard input"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Progress

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        write(&dir.path().join(format!("{i:02}.txt")), "Fine text here.\n");
    }
    let (_, err, code) = stdout(&["check", "--isolated", "."], dir.path());
    assert_eq!(code, Some(0));
    assert!(err.is_empty(), "{err:?}");
}

/// Runs mtlint with a terminal as standard error (util-linux `script`), when `script` exists.
#[test]
fn progress_bar_on_a_terminal_shows_count_and_rate() {
    let has_script = StdCommand::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let rows: String = (0..5_000)
        .map(|i| format!("{i}\tThe committee said the the plan for row {i} was ready.\n"))
        .collect();
    write(&dir.path().join("t.tsv"), format!("id\ttext\n{rows}"));
    let bin = assert_cmd::cargo::cargo_bin("mtlint");
    let run = |quiet: &str| {
        let command = format!(
            "{} check --isolated {quiet} --format json --table t.tsv > out.json",
            bin.display()
        );
        let output = StdCommand::new("script")
            .current_dir(dir.path())
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let terminal = run("");
    assert!(
        terminal.contains("rows") && terminal.contains("/s"),
        "{terminal:?}"
    );
    let quiet = run("--quiet");
    assert!(!quiet.contains("rows"), "{quiet:?}");
}

// ---------------------------------------------------------------------------------------------
// Shell completions

#[test]
fn completions_for_bash_zsh_and_fish() {
    let here = root();
    let (bash, _, code) = stdout(&["completions", "bash"], &here);
    assert_eq!(code, Some(0));
    assert!(bash.contains("complete -F _mtlint") && bash.contains("--diff-base"));
    let (zsh, _, _) = stdout(&["completions", "zsh"], &here);
    assert!(zsh.starts_with("#compdef mtlint"));
    let (fish, _, _) = stdout(&["completions", "fish"], &here);
    assert!(fish.contains("complete -c mtlint") && fish.contains("github"));
    let (_, err, code) = stdout(&["completions", "tcsh"], &here);
    assert_eq!(code, Some(2));
    assert!(err.contains("tcsh"));
}

#[test]
fn bash_completion_completes_subcommands_and_formats() {
    let has_bash = StdCommand::new("bash")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_bash {
        eprintln!("skipped: bash is not installed");
        return;
    }
    let (script, _, _) = stdout(&["completions", "bash"], &root());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mtlint.bash");
    std::fs::write(&path, script).unwrap();
    let complete = |words: &[&str]| {
        let cword = words.len() - 1;
        let array: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let line = words.join(" ");
        let program = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
             _mtlint mtlint \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display(),
            array.join(" ")
        );
        let output = StdCommand::new("bash")
            .args(["--norc", "--noprofile", "-c", &program])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let subcommands = complete(&["mtlint", "c"]);
    assert!(
        subcommands.contains(&"check".to_string())
            && subcommands.contains(&"completions".to_string()),
        "{subcommands:?}"
    );
    let formats = complete(&["mtlint", "check", "--format", ""]);
    for format in ["human", "json", "csv", "sarif", "github", "html"] {
        assert!(formats.contains(&format.to_string()), "{formats:?}");
    }
}
