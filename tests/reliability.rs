//! The second reliability pass (issue 23): bounded reports and input, fixes that never lose an edit
//! or change a file's owner, configuration that only the user controls, changed lines as git
//! counts them, and tables and glossaries that never lose data quietly. Each test runs the binary
//! on files it creates.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{check_json, findings, mtlint, report_of, write};

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The files of a folder whose names start with `.mtlint-` (temporary files of a fix). Its callers
/// inject failures, which only debug builds can: the release stress run has none.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".mtlint-"))
        })
        .collect()
}

#[cfg(unix)]
fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

const DOUBLED: &str = "He said the the results were strong.\n";

// ---------------------------------------------------------------------------------------------
// Findings per document are capped, with a note (item 1)

#[test]
fn findings_past_the_cap_are_counted_and_noted_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brackets.txt");
    write(&file, "(".repeat(3000));
    let (report, output) = check_json(&[path(&file)]);
    assert_eq!(output.status.code(), Some(1));
    let f = &report["files"][0];
    assert_eq!(f["findings"].as_array().unwrap().len(), 1000);
    assert_eq!(f["findings_omitted"], 2000);
    assert_eq!(f["max_findings"], 1000);
    assert_eq!(report["summary"]["findings_omitted"], 2000);
    assert!(stderr_of(&output).contains("2000 more findings not reported"));

    let sarif = mtlint()
        .args(["check", "--isolated", "--format", "sarif", path(&file)])
        .output()
        .unwrap();
    let sarif = report_of(&sarif);
    let run = &sarif["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), 1000);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(
        notes.iter().any(|n| n["level"] == "note"
            && n["message"]["text"].as_str().unwrap().contains("2000 more")),
        "{notes:?}"
    );

    let human = mtlint()
        .args(["check", "--isolated", "--color", "never", path(&file)])
        .output()
        .unwrap();
    assert!(
        stdout_of(&human)
            .contains("1000 findings (2000 more not shown: at most 1000 per document)"),
        "{}",
        stdout_of(&human)
    );
    let github = mtlint()
        .args(["check", "--isolated", "--format", "github", path(&file)])
        .output()
        .unwrap();
    assert!(stdout_of(&github).contains("::notice file="));

    // Lifted on the command line; set in the configuration.
    let (all, _) = check_json(&["--max-findings", "0", path(&file)]);
    assert_eq!(findings(&all).len(), 3000);
    assert!(all["files"][0].get("findings_omitted").is_none());
    let config = dir.path().join("mtlint.toml");
    write(&config, "max-findings = 10\n");
    let output = mtlint()
        .args([
            "check",
            "--format",
            "json",
            "--config",
            path(&config),
            path(&file),
        ])
        .output()
        .unwrap();
    assert_eq!(report_of(&output)["files"][0]["findings_omitted"], 2990);
}

#[test]
fn findings_past_the_cap_still_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    // Five infos (unused suppressions) first, then a warning past a cap of five.
    let directives = "<!-- mtlint-disable G002 -->\n".repeat(5);
    write(&file, format!("{directives}\nHe said the the results.\n"));
    let output = mtlint()
        .args([
            "check",
            "--isolated",
            "--format",
            "json",
            "--max-findings",
            "5",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let report = report_of(&output);
    assert!(
        findings(&report).iter().all(|f| f["code"] == "M001"),
        "{report}"
    );
    assert_eq!(report["files"][0]["findings_omitted"], 1);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the omitted warning fails the run"
    );
}

/// Rows as in the MQM development data: 17,685 rows, documents of 15 rows, 1,200 findings.
#[test]
fn a_table_of_17685_rows_with_1200_findings_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("segments.tsv");
    let mut text = String::from("doc\ttext\n");
    for row in 0..17_685 {
        // One finding in the first row of each of the 1,179 documents, and 21 more.
        let sentence = if row % 15 == 0 || (row % 15 == 7 && row < 21 * 15) {
            "The the committee met on Monday."
        } else {
            "The committee met on Monday."
        };
        text.push_str(&format!("d{}\t{sentence}\n", row / 15));
    }
    write(&table, &text);
    let (report, output) = check_json(&[
        "--table",
        path(&table),
        "--text-column",
        "text",
        "--doc-column",
        "doc",
        "--select",
        "G003",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let file = &report["files"][0];
    assert_eq!(file["findings"].as_array().unwrap().len(), 1200);
    assert!(file.get("findings_omitted").is_none());
    assert_eq!(file["segments"].as_array().unwrap().len(), 17_685);
}

// ---------------------------------------------------------------------------------------------
// fix looks again right before the rename (item 2)

/// `mtlint fix --isolated FILE` with a shell command run (debug builds only) after the fixed
/// copy is written and synced, before the last comparison and the rename.
#[cfg(debug_assertions)]
fn fix_with_hook_before_rename(file: &Path, hook: &str) -> Output {
    mtlint()
        .args(["fix", "--isolated", path(file)])
        .env("MTLINT_DEBUG_BEFORE_RENAME", hook)
        .output()
        .unwrap()
}

/// Debug builds run `MTLINT_DEBUG_BEFORE_RENAME` after the fixed copy is written and synced,
/// before the last comparison: here an editor appends a line then.
#[cfg(debug_assertions)]
#[test]
fn an_edit_saved_while_the_fixed_copy_is_written_is_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    write(&file, DOUBLED);
    let output = fix_with_hook_before_rename(
        &file,
        "printf 'An editor saved this.\\n' >> \"$MTLINT_FILE\"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("changed on disk"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!("{DOUBLED}An editor saved this.\n")
    );
    assert!(temporary_files(dir.path()).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Configuration discovery trusts only what the user controls (item 3)

#[cfg(unix)]
#[test]
fn a_configuration_in_a_folder_everyone_can_write_is_ignored_with_a_notice() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    let sub = shared.join("articles");
    write(&sub.join("a.txt"), DOUBLED);
    write(
        &shared.join(".mtlint.toml"),
        "[rules]\nignore = [\"ALL\"]\n",
    );
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let output = mtlint()
        .current_dir(&sub)
        .args(["check", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(findings(&report_of(&output)).len(), 1, "the rules ran");
    assert!(
        stderr_of(&output).contains("is writable by every user"),
        "{}",
        stderr_of(&output)
    );
    // Named explicitly, it is used.
    let output = mtlint()
        .current_dir(&sub)
        .args([
            "check",
            "--format",
            "json",
            "--config",
            "../.mtlint.toml",
            "a.txt",
        ])
        .output()
        .unwrap();
    assert!(findings(&report_of(&output)).is_empty());
}

#[cfg(unix)]
#[test]
fn a_configuration_another_user_owns_is_ignored() {
    if !is_root() {
        eprintln!("skipped: needs root to give a file to another user");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("articles");
    write(&sub.join("a.txt"), DOUBLED);
    let config = dir.path().join("mtlint.toml");
    write(&config, "[rules]\nignore = [\"ALL\"]\n");
    std::os::unix::fs::chown(&config, Some(65534), Some(65534)).unwrap();
    let output = mtlint()
        .current_dir(&sub)
        .args(["check", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(findings(&report_of(&output)).len(), 1);
    assert!(stderr_of(&output).contains("belongs to user 65534"));
}

#[test]
fn discovery_stops_at_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("mtlint.toml"),
        "[rules]\nignore = [\"ALL\"]\n",
    );
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    write(&repo.join("a.txt"), DOUBLED);
    let output = mtlint()
        .current_dir(&repo)
        .args(["check", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(
        findings(&report_of(&output)).len(),
        1,
        "the outer config is not used"
    );
    // Inside the repository it is found.
    write(&repo.join("mtlint.toml"), "[rules]\nignore = [\"ALL\"]\n");
    let output = mtlint()
        .current_dir(&repo)
        .args(["check", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    assert!(findings(&report_of(&output)).is_empty());
}

#[test]
fn discovery_stops_at_home() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("mtlint.toml"),
        "[rules]\nignore = [\"ALL\"]\n",
    );
    let home = dir.path().join("home");
    write(&home.join("notes/a.txt"), DOUBLED);
    let output = mtlint()
        .current_dir(home.join("notes"))
        .env("HOME", &home)
        .args(["check", "--format", "json", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(findings(&report_of(&output)).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Changed lines as git counts them (item 4)

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

fn git_repo() -> Option<tempfile::TempDir> {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: git is not installed");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    Some(dir)
}

/// The findings of `check --diff-base HEAD a.txt` in `dir`, and the run's output (for messages).
fn changed_line_findings(dir: &Path) -> (Vec<serde_json::Value>, Output) {
    let output = mtlint()
        .current_dir(dir)
        .args([
            "check",
            "--isolated",
            "--format",
            "json",
            "--diff-base",
            "HEAD",
            "a.txt",
        ])
        .output()
        .unwrap();
    (findings(&report_of(&output)), output)
}

#[test]
fn an_added_line_starting_with_plus_signs_does_not_hide_later_hunks() {
    let Some(dir) = git_repo() else { return };
    let file = dir.path().join("a.txt");
    let lines: Vec<String> = (1..=30).map(|i| format!("Line {i} is fine.")).collect();
    write(&file, lines.join("\n") + "\n");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "first"]);
    let mut changed = lines.clone();
    changed.insert(2, "++ a list item that git shows as +++".into());
    changed[25] = "Line 25 has the the doubled word.".into();
    write(&file, changed.join("\n") + "\n");
    let (found, output) = changed_line_findings(dir.path());
    assert!(
        found.iter().any(|f| f["code"] == "G003" && f["line"] == 26),
        "{found:?} {}",
        stderr_of(&output)
    );
}

#[test]
fn lines_are_counted_as_git_counts_them_in_a_file_of_lone_carriage_returns() {
    let Some(dir) = git_repo() else { return };
    let file = dir.path().join("a.txt");
    write(&file, "First line.\rSecond line.\rThird line.\r");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "first"]);
    // To git the file is one line, and it changed.
    write(&file, "First line.\rSecond the the line.\rThird line.\r");
    let (found, output) = changed_line_findings(dir.path());
    assert_eq!(found.len(), 1, "{found:?} {}", stderr_of(&output));
    assert_eq!(
        found[0]["line"], 2,
        "reported with mtlint's own line numbers"
    );
}

// ---------------------------------------------------------------------------------------------
// Writability as the kernel judges it; owner, mode and attributes kept (items 6, 13)

/// Runs `mtlint fix --isolated FILE` as the user `nobody`. The binary is copied beside the
/// file's folder first: the checkout may lie under a folder `nobody` cannot enter (a `mktemp -d`
/// folder is mode 0700), and the test is about the file, not about where the build lives.
#[cfg(unix)]
fn fix_as_nobody(file: &Path) -> Output {
    use std::os::unix::process::CommandExt;
    let binary = file.parent().unwrap().parent().unwrap().join("mtlint");
    if !binary.exists() {
        std::fs::copy(assert_cmd::cargo::cargo_bin("mtlint"), &binary).unwrap();
    }
    Command::new(&binary)
        .args(["fix", "--isolated"])
        .arg(file)
        .uid(65534)
        .gid(65534)
        .output()
        .unwrap()
}

/// A folder owned by `nobody` and a file in it, with the given owner and mode.
#[cfg(unix)]
fn folder_of_nobody(owner: u32, mode: u32) -> (tempfile::TempDir, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("nobody");
    let file = folder.join("a.txt");
    write(&file, DOUBLED);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::chown(&folder, Some(65534), Some(65534)).unwrap();
    std::os::unix::fs::chown(&file, Some(owner), Some(owner)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
    (dir, file)
}

#[cfg(unix)]
#[test]
fn a_file_the_user_cannot_write_is_refused_even_in_a_folder_the_user_can() {
    use std::os::unix::fs::MetadataExt;
    if !is_root() {
        eprintln!("skipped: needs root to run as another user");
        return;
    }
    // Root's file, mode 0644, in nobody's folder; nobody's own file of mode 0464.
    for (owner, mode) in [(0, 0o644), (65534, 0o464)] {
        let (_dir, file) = folder_of_nobody(owner, mode);
        let output = fix_as_nobody(&file);
        assert_eq!(output.status.code(), Some(2), "{owner} {mode:o}");
        assert!(
            stderr_of(&output).contains("not writable by you"),
            "{}",
            stderr_of(&output)
        );
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!((meta.uid(), meta.mode() & 0o7777), (owner, mode));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), DOUBLED);
    }
}

#[cfg(unix)]
#[test]
fn fixing_keeps_owner_group_setuid_bit_and_extended_attributes() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    write(&file, DOUBLED);
    let xattrs = xattr::set(&file, "user.mtlint-test", b"kept").is_ok();
    if is_root() {
        std::os::unix::fs::chown(&file, Some(65534), Some(65534)).unwrap();
    }
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o4754)).unwrap();
    let before = std::fs::metadata(&file).unwrap();
    mtlint()
        .args(["fix", "--isolated", path(&file)])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "He said the results were strong.\n"
    );
    let after = std::fs::metadata(&file).unwrap();
    assert_eq!(
        (after.uid(), after.gid(), after.mode() & 0o7777),
        (before.uid(), before.gid(), 0o4754)
    );
    if xattrs {
        assert_eq!(
            xattr::get(&file, "user.mtlint-test").unwrap().as_deref(),
            Some(&b"kept"[..])
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_with_several_hard_links_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    write(&file, DOUBLED);
    std::fs::hard_link(&file, dir.path().join("b.txt")).unwrap();
    let output = mtlint()
        .args(["fix", "--isolated", path(&file)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("2 hard links"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.txt")).unwrap(),
        DOUBLED
    );
}

// ---------------------------------------------------------------------------------------------
// Temporary files (item 13)

#[cfg(all(unix, debug_assertions))]
#[test]
fn a_terminated_fix_removes_its_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    write(&file, DOUBLED);
    // The hook runs as mtlint's child: its parent is mtlint.
    let output =
        fix_with_hook_before_rename(&file, "exec >/dev/null 2>&1; kill -TERM $PPID; sleep 5");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(output.status.signal(), Some(libc::SIGTERM), "{output:?}");
    assert!(temporary_files(dir.path()).is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), DOUBLED);
}

#[cfg(unix)]
#[test]
fn the_next_fix_removes_what_a_killed_one_left() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    write(&file, DOUBLED);
    // A process id above any the kernel hands out, and a live one (this test's).
    let stale = dir.path().join(".mtlint-4194305-Ab12Cd.tmp");
    let live = dir
        .path()
        .join(format!(".mtlint-{}-Ef34Gh.tmp", std::process::id()));
    let fresh = dir.path().join(".mtlint-4194305-Ij56Kl.tmp");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for leftover in [&stale, &live, &fresh] {
        write(leftover, "half a fix");
    }
    for old in [&stale, &live] {
        std::fs::File::options()
            .write(true)
            .open(old)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    mtlint()
        .args(["fix", "--isolated", path(&file)])
        .assert()
        .code(0);
    assert!(!stale.exists(), "the killed run's file is removed");
    assert!(live.exists(), "a running process's file is kept");
    assert!(fresh.exists(), "a file younger than a minute is kept");
}

// ---------------------------------------------------------------------------------------------
// Special files and the input cap (item 7)

#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_and_never_block() {
    let output = mtlint()
        .args(["check", "--isolated", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("is a character device, not a regular file"));

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let c_path = std::ffi::CString::new(path(&fifo)).unwrap();
    // SAFETY: the path is a valid NUL-terminated string.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
    for command in ["fix", "check"] {
        let output = mtlint()
            .args([command, "--isolated", path(&fifo)])
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{command}: {output:?}");
        assert!(
            stderr_of(&output).contains("is a FIFO"),
            "{}",
            stderr_of(&output)
        );
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn standard_input_is_capped_and_a_binary_stream_is_not_read_to_its_end() {
    // Debug builds take the cap from MTLINT_DEBUG_MAX_INPUT, so that the test needs no 4 GiB.
    #[cfg(debug_assertions)]
    let output = mtlint()
        .args(["check", "--isolated", "-"])
        .env("MTLINT_DEBUG_MAX_INPUT", "1000")
        .write_stdin("word ".repeat(500))
        .output()
        .unwrap();
    #[cfg(debug_assertions)]
    {
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr_of(&output).contains("reads at most 1000 bytes"));
    }
    // Zeros are refused at the first chunk, not after the cap.
    let output = mtlint()
        .args(["check", "--isolated", "-"])
        .write_stdin(vec![0u8; 4 << 20])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("binary"),
        "{}",
        stderr_of(&output)
    );
}

// ---------------------------------------------------------------------------------------------
// fix --diff (item 9, and issue 22: the changed words)

#[test]
fn the_diff_is_an_exact_patch_and_marks_the_changed_words_in_colour() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let paragraph = format!(
        "{} He said the the results were strong ， and and final.",
        "A long paragraph of plain words.".repeat(12)
    );
    let text = format!("Title\n\n{paragraph}\n\nMiddle.\n\n{paragraph}\nEnd without a newline");
    write(&file, &text);
    let diff = mtlint()
        .args(["fix", "--isolated", "--diff", path(&file)])
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(1));
    let patch_file = dir.path().join("fix.patch");
    write(&patch_file, &diff.stdout);
    mtlint()
        .args(["fix", "--isolated", path(&file)])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(&file).unwrap();
    write(&file, &text);
    if let Ok(status) = Command::new("patch")
        .args(["-s", path(&file), path(&patch_file)])
        .status()
    {
        assert!(status.success());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
        write(&file, &text);
    }
    let colour = mtlint()
        .args([
            "fix",
            "--isolated",
            "--diff",
            "--color",
            "always",
            path(&file),
        ])
        .output()
        .unwrap();
    let colour = stdout_of(&colour);
    // The deleted words on the removed line, the replaced comma on both.
    let marked = |words: &str| format!("\u{1b}[7m{words}\u{1b}[27m");
    for words in [" the", " and", "，", ","] {
        assert_eq!(
            colour.matches(&marked(words)).count(),
            2,
            "{words}: {colour:?}"
        );
    }
    assert!(
        !colour.contains("\u{1b}[7mA long"),
        "only the changed words are marked"
    );
}

// ---------------------------------------------------------------------------------------------
// Tables and glossaries never lose data quietly (item 10); short excerpts in errors (item 11)

#[test]
fn table_input_that_would_lose_rows_or_columns_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let unclosed = dir.path().join("unclosed.csv");
    write(
        &unclosed,
        "id,text\n1,Fine.\n2,\"Never closed\n3,Lost.\n4,Lost too.\n",
    );
    let duplicate = dir.path().join("duplicate.csv");
    write(&duplicate, "text,text\nfirst,second\n");
    for (table, expected) in [
        (
            &unclosed,
            "row 2 (line 3): a quoted cell opens and is never closed",
        ),
        (&duplicate, "columns 1 and 2"),
    ] {
        let output = mtlint()
            .args([
                "check",
                "--isolated",
                "--table",
                path(table),
                "--text-column",
                "text",
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr_of(&output).contains(expected),
            "{}",
            stderr_of(&output)
        );
    }
    let empty = dir.path().join("empty.tsv");
    write(&empty, "doc\ttext\n");
    let (report, output) = check_json(&["--table", path(&empty), "--text-column", "text"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(report["files"][0]["segments"], serde_json::json!([]));
}

#[test]
fn a_table_error_on_standard_input_names_it_once() {
    let output = mtlint()
        .args([
            "check",
            "--isolated",
            "--table",
            "-",
            "--text-column",
            "text",
        ])
        .write_stdin("a\tb\n1\t2\n")
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("mtlint: error: <stdin>: --text-column"),
        "{stderr}"
    );
}

#[test]
fn a_glossary_with_an_unclosed_quote_or_no_term_column_is_an_error_with_a_short_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("desk.csv");
    write(
        &glossary,
        "term,note\nDeepSeek,\"never Deepseek\nTsinghua University,\n",
    );
    let output = mtlint()
        .args(["check", "--isolated", "--glossary", path(&glossary), "-"])
        .write_stdin(DOUBLED)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("row 1 (line 2)"),
        "{}",
        stderr_of(&output)
    );

    // Something that is not a glossary at all: the environment of a process, as
    // /proc/self/environ would give it.
    let environ = dir.path().join("environ");
    let secret = "MTLINT_TEST_SECRET=do-not-print-this";
    write(
        &environ,
        format!(
            "PATH=/usr/bin\0HOME=/root\0{}\0\u{1b}]0;title\u{7}",
            "X=1\0".repeat(500) + secret
        ),
    );
    let output = mtlint()
        .args(["check", "--isolated", "--glossary", path(&environ), "-"])
        .write_stdin(DOUBLED)
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr.contains("no `term` column"), "{stderr}");
    assert!(!stderr.contains(secret) && stderr.len() < 600, "{stderr}");
    assert!(
        !stderr.contains('\0') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// fix converges or says it did not (item 12)

#[test]
fn fixing_twice_changes_nothing_more_or_fix_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let marks = |n: usize| format!("{}{}", "“".repeat(n), "\"".repeat(n));
    write(
        &file,
        format!(
            "He said we practised in the pool {}every night.\n",
            marks(12)
        ),
    );
    mtlint()
        .args(["fix", "--isolated", "--unsafe-fixes", path(&file)])
        .assert()
        .code(0);
    let once = std::fs::read_to_string(&file).unwrap();
    mtlint()
        .args(["fix", "--isolated", "--unsafe-fixes", path(&file)])
        .assert()
        .code(0)
        .stderr(predicates::str::contains("Fixed 0 findings"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), once);

    // More rounds than fix runs: refused, nothing written.
    let many = format!(
        "He said we practised in the pool {}every night.\n",
        marks(60)
    );
    write(&file, &many);
    let output = mtlint()
        .args(["fix", "--isolated", "--unsafe-fixes", path(&file)])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("did not settle"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), many);
}

// ---------------------------------------------------------------------------------------------
// Smaller items (item 13)

#[cfg(unix)]
#[test]
fn init_writes_files_with_the_umask_and_never_replaces_a_dangling_link() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let dir = tempfile::tempdir().unwrap();
    let sample = dir.path().join("article.txt");
    write(&sample, "Liang Wenfeng founded DeepSeek. Liang said so.\n");
    let init = |args: &[&str]| {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("mtlint"));
        command.current_dir(dir.path()).arg("init").args(args);
        // SAFETY: umask is async-signal-safe and only changes the child's mask.
        unsafe {
            command.pre_exec(|| {
                libc::umask(0o022);
                Ok(())
            });
        }
        command.output().unwrap()
    };
    std::os::unix::fs::symlink("missing-target.tsv", dir.path().join("glossary.tsv")).unwrap();
    let output = init(&["--glossary", "article.txt"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(stderr_of(&output).contains("glossary.tsv already exists"));
    std::fs::remove_file(dir.path().join("glossary.tsv")).unwrap();
    let output = init(&[]);
    assert!(output.status.success(), "{output:?}");
    let mode = std::fs::metadata(dir.path().join("mtlint.toml"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

#[cfg(unix)]
#[test]
fn escape_sequences_and_line_breaks_in_names_and_text_stay_out_of_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("red\u{1b}[31m\nname.txt");
    write(&file, "He said the the \u{1b}[2J results.\n");
    for format in ["github", "csv", "human"] {
        let output = mtlint()
            .current_dir(dir.path())
            .args([
                "check",
                "--isolated",
                "--color",
                "never",
                "--format",
                format,
            ])
            .arg(file.file_name().unwrap())
            .output()
            .unwrap();
        let stdout = stdout_of(&output);
        assert!(!stdout.contains('\u{1b}'), "{format}: {stdout:?}");
        if format == "human" {
            assert!(
                stdout
                    .lines()
                    .any(|l| l.contains("red?[31m?name.txt: score")),
                "{stdout}"
            );
            assert!(
                !stdout.lines().any(|l| l.starts_with("name.txt")),
                "{stdout}"
            );
        }
    }
}
