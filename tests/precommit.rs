//! The pre-commit hooks in `.pre-commit-hooks.yaml`.
//!
//! Two levels: the hooks' entries are run exactly as written, with the built binary first on PATH
//! (always); and, when pre-commit is installed (`.ci/run` installs it from PyPI), `pre-commit
//! try-repo` runs them as a user's repository would, building mtlint with `cargo install` like
//! pre-commit's `language: rust` does. That build is kept under `target/` between runs; it takes
//! minutes, so the second level is in the stress set that `.ci/run` runs after `cargo test`
//! (`cargo test --release -- --ignored`).

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use common::{root, write};

/// One hook of the YAML file.
#[derive(Debug, Default)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    types: String,
    files: String,
    args: Vec<String>,
}

/// Reads `.pre-commit-hooks.yaml`. The file is kept to flat `key: value` entries so that this
/// small reader understands all of it; a key it does not know fails the test.
fn hooks() -> Vec<Hook> {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let mut hooks: Vec<Hook> = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    {
        let (key, value) = line
            .trim_start_matches("- ")
            .trim()
            .split_once(':')
            .unwrap_or_else(|| panic!("not `key: value`: {line}"));
        let value = value.trim().to_string();
        if line.starts_with("- ") {
            hooks.push(Hook::default());
        }
        let hook = hooks.last_mut().expect("a hook starts with `- id:`");
        match key {
            "id" => hook.id = value,
            "entry" => hook.entry = value,
            "language" => hook.language = value,
            "types" => hook.types = value,
            "files" => hook.files = value,
            "args" => {
                hook.args = value
                    .trim_matches(['[', ']'])
                    .split(',')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect()
            }
            "name" | "description" => {}
            other => panic!("unexpected key `{other}` in .pre-commit-hooks.yaml"),
        }
    }
    hooks
}

/// The extensions a hook's `files` pattern (`\.(md|txt|…)$`) accepts.
fn extensions(pattern: &str) -> Vec<String> {
    let inner = pattern
        .strip_prefix(r"\.(")
        .and_then(|p| p.strip_suffix(")$"))
        .unwrap_or_else(|| panic!("unexpected files pattern {pattern}"));
    inner.split('|').map(String::from).collect()
}

const GARBLED: &str =
    "The minister said the the talks were “ productive.”\n\nThe results results were strong.\n";
const CLEAN: &str = "The museum reopened on Saturday after a two-year renovation.\n";

/// A small editorial repository: one garbled Markdown article, one clean text file, one HTML page
/// and a file the hooks must not touch.
fn editorial_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("news/garbled.md"), GARBLED);
    write(&dir.path().join("news/clean.txt"), CLEAN);
    write(
        &dir.path().join("news/page.html"),
        format!("<p>{CLEAN}</p>\n"),
    );
    write(
        &dir.path().join("data/table.json"),
        "{\"a\": \"the the\"}\n",
    );
    dir
}

fn files_for(hook: &Hook, dir: &Path) -> Vec<String> {
    let exts = extensions(&hook.files);
    let mut files: Vec<String> = [
        "news/garbled.md",
        "news/clean.txt",
        "news/page.html",
        "data/table.json",
    ]
    .iter()
    .filter(|f| dir.join(f).is_file())
    .filter(|f| exts.iter().any(|e| f.ends_with(&format!(".{e}"))))
    .map(|f| f.to_string())
    .collect();
    files.sort();
    files
}

/// PATH with the directory of the mtlint binary under test first.
fn path_with_mtlint() -> std::ffi::OsString {
    let bin_dir = assert_cmd::cargo::cargo_bin("mtlint")
        .parent()
        .unwrap()
        .to_path_buf();
    std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap()
}

/// Runs a hook as pre-commit does: the entry split into words, then `args`, then the file names,
/// with no shell; `mtlint` is found on PATH.
fn run_entry(hook: &Hook, dir: &Path, files: &[String]) -> Output {
    let path = path_with_mtlint();
    let words: Vec<&str> = hook.entry.split_whitespace().collect();
    Command::new(words[0])
        .args(&words[1..])
        .args(&hook.args)
        .args(files)
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .unwrap()
}

fn hook(id: &str) -> Hook {
    hooks()
        .into_iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("no hook `{id}`"))
}

#[test]
fn hooks_are_declared_as_the_issue_asks() {
    let ids: Vec<String> = hooks().into_iter().map(|h| h.id).collect();
    assert_eq!(
        ids,
        [
            "mtlint",
            "mtlint-fix",
            "mtlint-system",
            "mtlint-fix-system",
            "mtlint-python",
            "mtlint-fix-python"
        ]
    );
    // a building hook, one through the Python wheel and one using the installed mtlint, for
    // checking and for fixing; each
    // passes --force-exclude, since pre-commit names every file
    for (id, entry, language) in [
        ("mtlint", "mtlint check --force-exclude", "rust"),
        ("mtlint-fix", "mtlint fix --force-exclude", "rust"),
        ("mtlint-system", "mtlint check --force-exclude", "system"),
        ("mtlint-fix-system", "mtlint fix --force-exclude", "system"),
        ("mtlint-python", "mtlint check --force-exclude", "python"),
        ("mtlint-fix-python", "mtlint fix --force-exclude", "python"),
    ] {
        let hook = hook(id);
        assert_eq!(
            (
                hook.entry.as_str(),
                hook.language.as_str(),
                hook.types.as_str()
            ),
            (entry, language, "[text]"),
            "{id}"
        );
        assert!(
            !hook.entry.contains("unsafe") && !hook.args.iter().any(|a| a.contains("unsafe")),
            "{id}: hooks apply safe fixes only"
        );
        let exts = extensions(&hook.files);
        for ext in ["md", "txt", "html"] {
            assert!(exts.iter().any(|e| e == ext), "{} misses .{ext}", hook.id);
        }
    }
}

/// The README's `rev:` example, the hooks file's and `mtlint --version` name the release that
/// Cargo.toml declares (tagged `v0.1.0`).
#[test]
fn the_rev_examples_and_the_version_name_the_release() {
    let release = format!("v{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(release, "v0.1.0");
    for file in ["README.md", ".pre-commit-hooks.yaml"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let revs: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim_start_matches([' ', '#']).strip_prefix("rev: "))
            .collect();
        assert!(!revs.is_empty(), "{file} has no rev: example");
        assert!(revs.iter().all(|r| *r == release), "{file}: {revs:?}");
    }
    let output = common::mtlint().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("mtlint {}", &release[1..])
    );
}

#[test]
fn check_hook_entry_fails_on_findings_and_passes_clean_files() {
    let repo = editorial_repo();
    let hook = hook("mtlint");
    let files = files_for(&hook, repo.path());
    assert_eq!(
        files,
        ["news/clean.txt", "news/garbled.md", "news/page.html"]
    );
    let output = run_entry(&hook, repo.path(), &files);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains("news/garbled.md:1:") && out.contains("G003"),
        "{out}"
    );
    let clean: Vec<String> = files
        .into_iter()
        .filter(|f| !f.contains("garbled"))
        .collect();
    assert_eq!(run_entry(&hook, repo.path(), &clean).status.code(), Some(0));
}

#[test]
fn fix_hook_entry_applies_safe_fixes_only() {
    let repo = editorial_repo();
    let hook = hook("mtlint-fix");
    let files = files_for(&hook, repo.path());
    let output = run_entry(&hook, repo.path(), &files);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let fixed = std::fs::read_to_string(repo.path().join("news/garbled.md")).unwrap();
    // The doubled function word and the space inside the quotation are safe; the doubled content
    // word is an unsafe fix and stays for an editor.
    assert_eq!(
        fixed,
        "The minister said the talks were “productive.”\n\nThe results results were strong.\n"
    );
    assert_eq!(
        std::fs::read_to_string(repo.path().join("news/clean.txt")).unwrap(),
        CLEAN
    );
}

// ---------------------------------------------------------------------------------------------
// pre-commit itself

fn pre_commit() -> Option<Command> {
    let probe = Command::new("python3")
        .args(["-m", "pre_commit", "--version"])
        .output()
        .ok()?;
    probe.status.success().then(|| {
        let mut command = Command::new("python3");
        command.args(["-m", "pre_commit"]);
        command
    })
}

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
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
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// `pre-commit try-repo` running every hook of the repository on all files of `repo`, with the
/// hook's build directory under `target/` (reused between runs) and the release build made cheaper
/// (no LTO), so that the `cargo install` pre-commit runs takes minutes, not ten. Both hooks share
/// one installed environment. The build must not share `target/release` with this checkout's own
/// builds: the copy pre-commit makes would replace `target/release/mtlint` and its dep-info with
/// files that point into a temporary folder.
fn try_repo(repo: &Path) -> (Option<i32>, String) {
    let target = root().join("target");
    // the `language: system` hooks run the mtlint on PATH: this build's
    let path = path_with_mtlint();
    let mut command = pre_commit().expect("pre-commit is installed");
    let output = command
        .current_dir(repo)
        .args([
            "try-repo",
            root().to_str().unwrap(),
            "--all-files",
            "--verbose",
        ])
        .env("CARGO_TARGET_DIR", target.join("pre-commit-build"))
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("PRE_COMMIT_COLOR", "never")
        .env("PATH", path)
        // The Python wheel's hooks build the wheel with pip: python/tests/test_precommit.py runs them.
        .env("SKIP", "mtlint-python,mtlint-fix-python")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), text)
}

#[test]
#[ignore = "stress, builds mtlint in release as pre-commit installs it: run with --release --ignored"]
fn pre_commit_try_repo_runs_both_hooks() {
    if pre_commit().is_none() {
        eprintln!(
            "skipped: pre-commit is not installed (`python3 -m pip install pre-commit`; .ci/run does)"
        );
        return;
    }
    if !root().join(".git").exists() {
        eprintln!(
            "skipped: {} is not a git checkout, which try-repo needs",
            root().display()
        );
        return;
    }
    let repo = editorial_repo();
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);

    let (code, out) = try_repo(repo.path());
    assert_eq!(code, Some(1), "{out}");
    // The check hook ran first, on the files as they were, and failed on the garbled article
    // only; then the fix hook; then the same two with the installed mtlint, which find what the
    // fix left (an unsafe fix) and nothing more to fix.
    let failed: Vec<&str> = out.lines().filter(|l| l.ends_with("Failed")).collect();
    assert_eq!(failed.len(), 3, "{out}");
    assert!(
        failed[0].starts_with("mtlint.")
            && failed[1].starts_with("mtlint (safe fixes)")
            && failed[2].starts_with("mtlint (installed)."),
        "{failed:?}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("mtlint (installed, safe fixes)") && l.ends_with("Passed")),
        "{out}"
    );
    assert!(
        out.contains("news/garbled.md:1:") && out.contains("G003"),
        "{out}"
    );
    assert!(
        !out.contains("--> news/clean.txt") && !out.contains("table.json"),
        "{out}"
    );
    // The fix hook changed the file, which pre-commit reports as a failure, with safe fixes only.
    assert!(out.contains("files were modified by this hook"), "{out}");
    let fixed = std::fs::read_to_string(repo.path().join("news/garbled.md")).unwrap();
    assert_eq!(
        fixed,
        "The minister said the talks were “productive.”\n\nThe results results were strong.\n"
    );
}
