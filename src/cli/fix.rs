//! `mtlint fix`: apply fixes and write files atomically, or show a diff.
//!
//! A file is written only if every byte outside the edits is unchanged, through a temporary file in
//! the same folder renamed over the original (keeping its permissions), and only if the file on
//! disk is still what was read: a file edited in the meantime is left alone with an error.

use std::io::{IsTerminal, Write};
use std::path::Path;

use rayon::prelude::*;
use similar::TextDiff;

use super::ExitStatus;
use super::args::FixArgs;
use super::inputs::{self, Input, ReadFailure};
use crate::Linter;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::fix::Applicability;
use crate::report::FileError;
use crate::report::human::sanitise;
use crate::text::Original;

/// What happened to one file.
struct Fixed {
    name: String,
    applied: usize,
    remaining: usize,
    diff: Option<String>,
}

pub fn run(args: &FixArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<ExitStatus> {
    let linter = Linter::new(super::settings(&args.common, Overrides::default())?);
    let minimum = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mut errors: Vec<FileError> = Vec::new();
    let mut targets = Vec::new();
    let paths = if args.common.paths.is_empty() {
        vec![".".into()]
    } else {
        args.common.paths.clone()
    };
    for path in &paths {
        if path.is_dir() {
            errors.push(FileError {
                path: inputs::display_path(path),
                message: "is a folder; `mtlint fix` changes only files named on the command line"
                    .into(),
            });
        } else if path.as_os_str() == "-" {
            targets.push(Input::Stdin);
        } else {
            targets.push(Input::File {
                path: path.clone(),
                explicit: true,
            });
        }
    }
    if targets.contains(&Input::Stdin) && targets.len() > 1 {
        return Err(Error::Usage(
            "`mtlint fix -` reads standard input and cannot be combined with files".into(),
        ));
    }
    if args.source.is_some() && paths.len() != 1 {
        return Err(Error::Usage(
            "--source needs exactly one translated file to fix".into(),
        ));
    }
    let out = |e| Error::io("<stdout>", e);
    let results: Vec<Result<Fixed, FileError>> = targets
        .par_iter()
        .map(|t| fix_one(&linter, t, args, minimum))
        .collect();
    let (mut applied, mut remaining, mut changed) = (0, 0, false);
    for result in results {
        match result {
            Ok(fixed) => {
                applied += fixed.applied;
                remaining += fixed.remaining;
                changed |= fixed.applied > 0;
                if let Some(diff) = &fixed.diff {
                    // On a terminal the article's escape sequences are shown, not obeyed; a diff
                    // piped to a file or to `patch` stays exact.
                    if std::io::stdout().is_terminal() {
                        write!(stdout, "{}", sanitise(diff)).map_err(out)?;
                    } else {
                        write!(stdout, "{diff}").map_err(out)?;
                    }
                } else if !args.quiet && fixed.applied > 0 && fixed.name != "<stdin>" {
                    writeln!(
                        stderr,
                        "Fixed {} finding{} in {}",
                        fixed.applied,
                        plural(fixed.applied),
                        sanitise(&fixed.name)
                    )
                    .map_err(out)?;
                }
            }
            Err(error) => errors.push(error),
        }
    }
    for error in &errors {
        let _ = writeln!(
            stderr,
            "mtlint: error: {}: {}",
            sanitise(&error.path),
            sanitise(&error.message)
        );
    }
    if !args.quiet && !targets.contains(&Input::Stdin) {
        let verb = if args.diff { "Would fix" } else { "Fixed" };
        let _ = writeln!(
            stderr,
            "{verb} {applied} finding{} ({remaining} remaining).",
            plural(applied)
        );
    }
    Ok(if !errors.is_empty() {
        ExitStatus::Error
    } else if args.diff && changed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn fix_one(
    linter: &Linter,
    input: &Input,
    args: &FixArgs,
    minimum: Applicability,
) -> Result<Fixed, FileError> {
    let read = |input: &Input| {
        inputs::read_source(input, &args.common).map_err(|f| match f {
            ReadFailure::Error(e) => e,
            ReadFailure::Skipped(message) => FileError {
                path: input.display(None),
                message,
            },
        })
    };
    let mut source = read(input)?;
    if let Some(path) = &args.source {
        let original = read(&Input::File {
            path: path.clone(),
            explicit: true,
        })?;
        source = source.with_original(Original::Document {
            name: original.name().to_string(),
            text: original.text().to_string(),
        });
        // Fixing against an original that does not align would silently fix monolingually.
        if let Some(message) = crate::bilingual::align(&crate::Document::new(&source)).problem {
            let message = format!("{message}; nothing written");
            return Err(FileError {
                path: source.name().to_string(),
                message,
            });
        }
    }
    let name = source.name().to_string();
    let err = |message: String| FileError {
        path: name.clone(),
        message,
    };
    let outcome = super::panic::guard(&name, || linter.fix(&source, minimum)).map_err(err)?;
    let remaining = outcome.remaining.findings.len();
    let diff = args
        .diff
        .then(|| unified_diff(&name, source.text(), &outcome.text));
    match input {
        Input::Stdin if !args.diff => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(outcome.text.as_bytes())
                .map_err(|e| err(e.to_string()))?;
        }
        Input::File { path, .. } if !args.diff && outcome.applied > 0 => {
            write_if_unchanged(path, source.text().as_bytes(), outcome.text.as_bytes())
                .map_err(|e| err(message_of(e, path)))?;
        }
        _ => {}
    }
    Ok(Fixed {
        name,
        applied: outcome.applied,
        remaining,
        diff,
    })
}

fn message_of(error: Error, path: &Path) -> String {
    let text = error.to_string();
    let prefix = format!("{}: ", path.display());
    text.strip_prefix(&prefix).map(String::from).unwrap_or(text)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn unified_diff(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

/// Writes `new` over `path` if the file still holds `original`.
fn write_if_unchanged(path: &Path, original: &[u8], new: &[u8]) -> Result<()> {
    // A symbolic link is fixed where it points: renaming over the link itself would replace the
    // link with a file and leave its target unfixed.
    // Errors name `path` as the user gave it.
    let target = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
    let meta = std::fs::metadata(&target).map_err(|e| Error::io(path, e))?;
    if meta.permissions().readonly() {
        return Err(Error::Fix {
            path: path.to_path_buf(),
            message: "is read-only; nothing written".into(),
        });
    }
    debug_before_write(&target);
    let now = std::fs::read(&target).map_err(|e| Error::io(path, e))?;
    if now != original {
        return Err(Error::Fix {
            path: path.to_path_buf(),
            message:
                "changed on disk while mtlint was fixing it; nothing written (run mtlint fix again)"
                    .into(),
        });
    }
    write_atomically(&target, new).map_err(|e| match e {
        Error::Io { source, .. } => Error::io(path, source),
        other => other,
    })
}

/// Writes through a temporary file in the same folder, renamed over the target, keeping the
/// target's permissions when it exists.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io = |e: std::io::Error| Error::io(path, e);
    let mut temp = tempfile::Builder::new()
        .prefix(".mtlint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(contents).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(temp.path(), meta.permissions()).map_err(io)?;
        keep_owner(temp.as_file(), &meta);
    }
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Gives the new file the old one's owner and group (when run by root on someone else's file);
/// for an ordinary user this changes nothing or is refused, and either is fine.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) {}

/// Debug builds only: run the shell command in `MTLINT_DEBUG_BEFORE_WRITE` between fixing a file
/// and checking that it is unchanged, so that a test can change the file in that window. Release
/// builds have no such switch.
fn debug_before_write(path: &Path) {
    #[cfg(debug_assertions)]
    if let Some(command) = std::env::var_os("MTLINT_DEBUG_BEFORE_WRITE") {
        let _ = std::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .env("MTLINT_FILE", path)
            .status();
    }
    #[cfg(not(debug_assertions))]
    let _ = path;
}
