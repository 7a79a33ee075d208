//! Changed-lines mode (`--diff-base REV`, `--staged`): report only the findings on lines that
//! changed, so that a repository with years of old articles can adopt mtlint without first fixing
//! its archive.
//!
//! The lines come from git itself: `git diff --unified=0` against REV (the working tree compared
//! with REV, so committed, staged and unstaged changes all count) or `--cached` (what is staged).
//! Only added and modified lines count; a file git does not track yet counts as changed
//! throughout with `--diff-base`. Files without changed lines are not checked at all. A finding is
//! kept when any line it covers changed. Scores then count only the findings kept.
//!
//! `--staged` checks what will be committed: the file's blob in the index, as `git diff --cached`
//! sees it, not the working file, which may have been edited since `git add`.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};

/// Which diff to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffMode {
    /// The working tree against a revision.
    Base(String),
    /// The index against HEAD.
    Staged,
}

impl DiffMode {
    fn option(&self) -> &'static str {
        match self {
            DiffMode::Base(_) => "--diff-base",
            DiffMode::Staged => "--staged",
        }
    }
}

/// Which lines of a file changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// A new, untracked file: every line.
    All,
    /// 1-based inclusive line ranges, in order.
    Some(Vec<RangeInclusive<usize>>),
}

impl Lines {
    /// Whether any line of `first..=last` changed.
    pub fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            Lines::All => true,
            Lines::Some(ranges) => {
                let i = ranges.partition_point(|r| *r.end() < first);
                ranges.get(i).is_some_and(|r| *r.start() <= last)
            }
        }
    }
}

/// The changed lines of a repository, by path relative to its top folder.
#[derive(Debug, Clone)]
pub struct ChangedLines {
    root: PathBuf,
    files: HashMap<PathBuf, Lines>,
    /// The lines are those of the index's copies (`--staged`), which are what must be checked.
    staged: bool,
}

impl ChangedLines {
    /// Asks git, from `dir`, which lines changed.
    pub fn from_git(dir: &Path, mode: &DiffMode) -> Result<ChangedLines> {
        let option = mode.option();
        let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
            GitError::Missing => {
                Error::Usage(format!("{option} needs git, which was not found on PATH"))
            }
            GitError::Failed(_) => Error::Usage(format!(
                "{option} compares against git, but {} is not inside a git repository",
                dir.display()
            )),
        })?;
        let root = PathBuf::from(top.trim_end_matches(['\n', '\r']));
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        let mut args = vec![
            "-c",
            "core.quotePath=false",
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--diff-filter=AMRC",
        ];
        match mode {
            DiffMode::Base(rev) => {
                if rev.starts_with('-') {
                    return Err(Error::Usage(format!(
                        "--diff-base: `{rev}` is not a revision"
                    )));
                }
                args.push(rev);
            }
            DiffMode::Staged => args.push("--cached"),
        }
        args.push("--");
        let diff = git(&root, &args)
            .map_err(|e| Error::Usage(format!("{option}: git diff failed: {}", e.message())))?;
        let mut files = parse_diff(&diff);
        if matches!(mode, DiffMode::Base(_)) {
            let untracked = git(
                &root,
                &[
                    "-c",
                    "core.quotePath=false",
                    "ls-files",
                    "--others",
                    "--exclude-standard",
                    "-z",
                ],
            )
            .map_err(|e| Error::Usage(format!("{option}: git ls-files failed: {}", e.message())))?;
            for path in untracked.split('\0').filter(|p| !p.is_empty()) {
                files.insert(PathBuf::from(path), Lines::All);
            }
        }
        let staged = *mode == DiffMode::Staged;
        Ok(ChangedLines {
            root,
            files,
            staged,
        })
    }

    /// The changed lines of `path` (as given on the command line), or an error when it is not in
    /// the repository; `None` when it has no changes.
    pub fn lines_of(&self, path: &Path) -> std::result::Result<Option<&Lines>, String> {
        Ok(self.files.get(&self.relative(path)?))
    }

    /// `path` relative to the repository's top folder, or an error when it is not inside it.
    fn relative(&self, path: &Path) -> std::result::Result<PathBuf, String> {
        let absolute = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
        let relative = absolute.strip_prefix(&self.root).map_err(|_| {
            format!(
                "is not inside the git repository at {}; changed-lines mode compares against git",
                self.root.display()
            )
        })?;
        Ok(relative.to_path_buf())
    }

    /// With `--staged`, the content of `path` in the index, which is what the changed lines
    /// count and what will be committed; `None` otherwise (the working file is checked).
    pub fn staged_content(&self, path: &Path) -> Option<std::result::Result<Vec<u8>, String>> {
        if !self.staged {
            return None;
        }
        Some(self.relative(path).and_then(|relative| {
            // git names index entries with forward slashes, whatever the platform
            let name: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            git_bytes(
                &self.root,
                &["cat-file", "blob", &format!(":{}", name.join("/"))],
            )
            .map_err(|e| format!("--staged: cannot read the staged copy: {}", e.message()))
        }))
    }
}

/// Added lines per file in a `git diff --unified=0`.
///
/// A hunk's body is read by the counts of its header (`@@ -a,b +c,d @@`: b removed lines, d
/// added ones), not by the prefixes of its lines, since an added line may itself start with
/// `+++ ` or `diff --git `. Header lines are only read between hunks.
pub fn parse_diff(diff: &str) -> HashMap<PathBuf, Lines> {
    let mut files: HashMap<PathBuf, Lines> = HashMap::new();
    let mut current: Option<PathBuf> = None;
    let mut lines = diff.split('\n');
    while let Some(line) = lines.next() {
        if let Some(path) = line.strip_prefix("+++ ") {
            current = new_path(path);
        } else if line.starts_with("diff --git ") {
            current = None;
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            let Some(header) = Hunk::parse(hunk) else {
                continue;
            };
            skip_body(&mut lines, header);
            if let (Some(path), Some(range)) = (&current, header.added()) {
                match files
                    .entry(path.clone())
                    .or_insert_with(|| Lines::Some(Vec::new()))
                {
                    Lines::Some(ranges) => ranges.push(range),
                    Lines::All => {}
                }
            }
        }
    }
    for lines in files.values_mut() {
        if let Lines::Some(ranges) = lines {
            ranges.sort_by_key(|r| *r.start());
        }
    }
    files
}

/// Passes over a hunk's body: as many removed and added lines as its header counts, and the
/// `\ No newline at end of file` notes among them.
fn skip_body<'a>(lines: &mut impl Iterator<Item = &'a str>, header: Hunk) {
    let (mut removed, mut added) = (header.removed, header.added);
    while removed + added > 0 {
        let Some(line) = lines.next() else {
            return;
        };
        match line.as_bytes().first() {
            Some(b'-') => removed = removed.saturating_sub(1),
            Some(b'+') => added = added.saturating_sub(1),
            Some(b' ') => {
                removed = removed.saturating_sub(1);
                added = added.saturating_sub(1);
            }
            _ => {}
        }
    }
}

/// A hunk header's counts: `-a,b +c,d` (a count of 1 may be left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hunk {
    removed: usize,
    added_start: usize,
    added: usize,
}

impl Hunk {
    fn parse(header: &str) -> Option<Hunk> {
        let mut words = header.split_whitespace();
        let (_, removed) = counts(words.next()?.strip_prefix('-')?)?;
        let (added_start, added) = counts(words.next()?.strip_prefix('+')?)?;
        Some(Hunk {
            removed,
            added_start,
            added,
        })
    }

    /// The new-side lines; none for a pure deletion.
    fn added(&self) -> Option<RangeInclusive<usize>> {
        (self.added > 0).then(|| self.added_start..=self.added_start + self.added - 1)
    }
}

fn counts(range: &str) -> Option<(usize, usize)> {
    match range.split_once(',') {
        Some((s, c)) => Some((s.parse().ok()?, c.parse().ok()?)),
        None => Some((range.parse().ok()?, 1)),
    }
}

/// Line numbers as git counts them: only a line feed ends a line (a lone carriage return does
/// not, as it does for mtlint's own line numbers).
#[derive(Debug, Clone)]
pub struct GitLines {
    /// The offset of every line feed.
    breaks: Vec<usize>,
}

impl GitLines {
    pub fn new(text: &str) -> GitLines {
        GitLines {
            breaks: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// The 1-based git line of the byte at `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.breaks.partition_point(|&b| b < offset) + 1
    }

    /// The git lines the bytes of `range` lie on, first and last.
    pub fn lines_of(&self, range: &std::ops::Range<usize>) -> (usize, usize) {
        let last = if range.end > range.start {
            range.end - 1
        } else {
            range.start
        };
        (self.line_of(range.start), self.line_of(last))
    }
}

/// The path after `+++ `: `b/path`, or a C-quoted `"b/pa\"th"`; `/dev/null` for a deletion.
fn new_path(field: &str) -> Option<PathBuf> {
    let field = field.trim_end_matches('\t');
    let unquoted = if field.starts_with('"') {
        unquote(field)?
    } else {
        field.to_string()
    };
    unquoted.strip_prefix("b/").map(PathBuf::from)
}

/// Undoes git's C-style quoting of a path (`"a\tb\303\251"`).
fn unquote(quoted: &str) -> Option<String> {
    let inner = quoted.strip_prefix('"')?.strip_suffix('"')?;
    let mut bytes = Vec::with_capacity(inner.len());
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next()? {
            b'n' => bytes.push(b'\n'),
            b't' => bytes.push(b'\t'),
            b'r' => bytes.push(b'\r'),
            b'a' => bytes.push(7),
            b'b' => bytes.push(8),
            b'f' => bytes.push(12),
            b'v' => bytes.push(11),
            d @ b'0'..=b'7' => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    let next = chars.next_if(|c| (b'0'..=b'7').contains(c))?;
                    value = value * 8 + u32::from(next - b'0');
                }
                bytes.push(u8::try_from(value).ok()?);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

enum GitError {
    Missing,
    Failed(String),
}

impl GitError {
    fn message(&self) -> String {
        match self {
            GitError::Missing => "git was not found on PATH".into(),
            GitError::Failed(message) => message.clone(),
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> std::result::Result<String, GitError> {
    git_bytes(dir, args).map(|out| String::from_utf8_lossy(&out).into_owned())
}

/// Runs git in `dir` and returns its standard output as it is.
fn git_bytes(dir: &Path, args: &[&str]) -> std::result::Result<Vec<u8>, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|_| GitError::Missing)?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(GitError::Failed(
            stderr
                .trim()
                .lines()
                .next()
                .unwrap_or("unknown error")
                .to_string(),
        ));
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_added_lines() {
        let diff = "diff --git a/news/a.md b/news/a.md\nindex 1..2 100644\n--- a/news/a.md\n+++ b/news/a.md\n\
                    @@ -3 +3 @@ heading\n-old\n+new\n@@ -10,0 +11,2 @@\n+x\n+y\n@@ -20,2 +21,0 @@\n-gone\n-gone\n\
                    diff --git a/gone.md b/gone.md\ndeleted file mode 100644\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";
        let files = parse_diff(diff);
        assert_eq!(files.len(), 1);
        assert_eq!(
            files[Path::new("news/a.md")],
            Lines::Some(vec![3..=3, 11..=12])
        );
    }

    #[test]
    fn hunk_bodies_are_read_by_their_counts() {
        // An added line that reads like a file header, then a later hunk of the same file.
        let diff = "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -1,0 +2,2 @@\n+++ plus\n\
                    +diff --git a/x b/x\n@@ -9 +11 @@\n-old\n\\ No newline at end of file\n+new\n\
                    \\ No newline at end of file\n";
        let files = parse_diff(diff);
        assert_eq!(files.len(), 1, "{files:?}");
        assert_eq!(files[Path::new("a.md")], Lines::Some(vec![2..=3, 11..=11]));
    }

    #[test]
    fn git_lines_end_only_at_line_feeds() {
        let lines = GitLines::new("one\rtwo\r\nthree\nfour");
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(4), 1, "a lone CR does not end a git line");
        assert_eq!(lines.line_of(10), 2);
        assert_eq!(lines.lines_of(&(4..10)), (1, 2));
        assert_eq!(
            lines.lines_of(&(10..15)),
            (2, 2),
            "the line feed ending a range"
        );
        assert_eq!(lines.line_of(20), 3);
    }

    #[test]
    fn touches_checks_overlap() {
        let lines = Lines::Some(vec![3..=3, 11..=12]);
        assert!(lines.touches(3, 3));
        assert!(lines.touches(1, 4));
        assert!(lines.touches(12, 20));
        assert!(!lines.touches(4, 10));
        assert!(!lines.touches(13, 13));
        assert!(Lines::All.touches(100, 100));
    }

    #[test]
    fn quoted_paths_are_unquoted() {
        assert_eq!(
            new_path("\"b/caf\\303\\251 \\\"x\\\".md\""),
            Some(PathBuf::from("café \"x\".md"))
        );
        assert_eq!(
            new_path("b/plain name.md"),
            Some(PathBuf::from("plain name.md"))
        );
        assert_eq!(new_path("/dev/null"), None);
        assert_eq!(unquote("\"bad\\9\""), Some("bad9".to_string()));
        assert_eq!(unquote("\"\\777\""), None);
    }
}
