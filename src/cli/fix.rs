//! `mtlint fix`: apply fixes and write files atomically, or show a diff.
//!
//! A file is written only if every byte outside the edits is unchanged, through a temporary file in
//! the same folder renamed over the original (keeping its permissions), and only if the file on
//! disk is still what was read: a file edited in the meantime is left alone with an error.

use std::io::{IsTerminal, Write};
use std::path::Path;

use rayon::prelude::*;

use super::ExitStatus;
use super::args::{ColorArg, FixArgs};
use super::inputs::{self, Input, ReadFailure};
use crate::Linter;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::fix::Applicability;
use crate::report::FileError;
use crate::report::human::sanitise_line;
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
    if args.common.force_exclude {
        super::drop_force_excluded(&mut targets, linter.settings());
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
                    write!(stdout, "{diff}").map_err(out)?;
                } else if !args.quiet && fixed.applied > 0 && fixed.name != "<stdin>" {
                    writeln!(
                        stderr,
                        "Fixed {} finding{} in {}",
                        fixed.applied,
                        plural(fixed.applied),
                        sanitise_line(&fixed.name)
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
            sanitise_line(&error.path),
            sanitise_line(&error.message)
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
    if !outcome.converged {
        if matches!(input, Input::Stdin) && !args.diff {
            // A pipeline still gets its text back, unchanged.
            let _ = std::io::stdout().lock().write_all(source.text().as_bytes());
        }
        return Err(err(format!(
            "fixes did not settle: after {} fix{} another round still changes the text (fixes \
             that undo each other, or more than {} rounds); nothing written",
            outcome.applied,
            if outcome.applied == 1 { "" } else { "es" },
            crate::MAX_FIX_ROUNDS
        )));
    }
    let remaining = outcome.remaining.findings.len();
    let diff = args.diff.then(|| {
        super::diff::unified(
            &name,
            source.text(),
            &outcome.text,
            &outcome.changes,
            diff_style(args.color),
        )
    });
    match input {
        Input::Stdin if !args.diff => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(outcome.text.as_bytes())
                .map_err(|e| err(e.to_string()))?;
        }
        Input::File { path, .. } if !args.diff && outcome.applied > 0 => {
            super::write::replace_if_unchanged(
                path,
                source.text().as_bytes(),
                outcome.text.as_bytes(),
            )
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

/// How to show a diff: on a terminal the article's escape sequences are shown, not obeyed, and
/// in colour the changed words are marked; piped to a file or to `patch` it stays exact.
fn diff_style(color: ColorArg) -> super::diff::Style {
    let terminal = std::io::stdout().is_terminal();
    let color = match color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    super::diff::Style {
        sanitise: terminal,
        color,
    }
}
