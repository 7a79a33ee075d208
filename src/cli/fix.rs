//! `mtlint fix`: apply fixes and write files atomically, or show a diff. Folders are walked as
//! `mtlint check` walks them; a table is fixed into a copy (see [`super::fix_table`]).
//!
//! A file is written only if every byte outside the edits is unchanged, through a temporary file in
//! the same folder renamed over the original (keeping its permissions), and only if the file on
//! disk is still what was read: a file edited in the meantime is left alone with an error.

use std::io::{IsTerminal, Write};
use std::path::Path;

use rayon::prelude::*;

use super::ExitStatus;
use super::args::{ColorArg, CommonArgs, FixArgs};
use super::inputs::{self, Input, ReadFailure};
use crate::Linter;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::fix::Applicability;
use crate::report::FileError;
use crate::report::human::sanitise_line;
use crate::rules::RuleMeta;
use crate::text::Original;

/// What happened to one file.
pub struct Fixed {
    pub name: String,
    pub applied: usize,
    pub remaining: usize,
    pub diff: Option<String>,
    /// The fixes applied, per rule.
    pub rules: Vec<(&'static RuleMeta, usize)>,
}

/// What `mtlint fix` with no argument says.
const NOTHING_TO_FIX: &str = "`mtlint fix` needs something to fix: files or folders (`mtlint fix .` \
                              for the current folder), `-` to fix standard input, or --table FILE \
                              --text-column NAME to write a fixed copy of a table";

/// How `mtlint fix` (and `check --fix`) treats each input.
pub struct FixOptions<'a> {
    pub common: &'a CommonArgs,
    pub minimum: Applicability,
    /// Show a diff instead of writing.
    pub diff: bool,
    pub style: super::diff::Style,
    /// The original document the one input translates (`--source`).
    pub source: Option<&'a Path>,
}

pub fn run(args: &FixArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<ExitStatus> {
    let overrides = Overrides {
        fail_on: args.fail_on.map(Into::into),
        ..Overrides::default()
    };
    let linter = Linter::new(super::settings(&args.common, overrides)?);
    let minimum = minimum(args.unsafe_fixes);
    if let Some(table) = &args.table {
        return super::fix_table::run(&linter, table, args, minimum, stdout, stderr);
    }
    if args.common.paths.is_empty() {
        return Err(Error::Usage(NOTHING_TO_FIX.into()));
    }
    if args.source.is_some() && args.common.paths.len() != 1 {
        return Err(Error::Usage(
            "--source needs exactly one translated file to fix".into(),
        ));
    }
    let mut collected = inputs::collect(&args.common.paths, &linter.settings().exclude);
    if args.common.force_exclude {
        super::drop_force_excluded(&mut collected.inputs, linter.settings());
    }
    let stdin = collected.inputs.contains(&Input::Stdin);
    if stdin && collected.inputs.len() + collected.errors.len() > 1 {
        return Err(Error::Usage(
            "`mtlint fix -` reads standard input and cannot be combined with files".into(),
        ));
    }
    let options = FixOptions {
        common: &args.common,
        minimum,
        diff: args.diff,
        style: diff_style(args.color),
        source: args.source.as_deref(),
    };
    let mut errors = collected.errors;
    let mut fixed = Vec::new();
    let mut notices = collected.notices;
    for result in fix_inputs(&linter, &collected.inputs, &options) {
        match result {
            Ok(file) => fixed.push(file),
            Err(ReadFailure::Error(error)) => errors.push(error),
            Err(ReadFailure::Skipped(notice)) => notices.push(notice),
        }
    }
    let out = |e| Error::io("<stdout>", e);
    let (mut applied, mut remaining, mut changed) = (0, 0, false);
    for file in &fixed {
        applied += file.applied;
        remaining += file.remaining;
        changed |= file.applied > 0;
        if let Some(diff) = &file.diff {
            write!(stdout, "{diff}").map_err(out)?;
        } else if !args.quiet && file.applied > 0 && file.name != "<stdin>" {
            writeln!(
                stderr,
                "Fixed {} finding{} in {}",
                file.applied,
                plural(file.applied),
                sanitise_line(&file.name)
            )
            .map_err(out)?;
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
    if !args.quiet {
        for notice in &notices {
            let _ = writeln!(stderr, "mtlint: {}", sanitise_line(notice));
        }
        if args.show_fixes {
            show_fixes(&fixed, stderr).map_err(out)?;
        }
    }
    if !args.quiet && !stdin {
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

/// The least applicability applied: safe fixes, and with `unsafe_fixes` unsafe ones too.
pub fn minimum(unsafe_fixes: bool) -> Applicability {
    if unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    }
}

/// Fixes every input, in parallel.
pub fn fix_inputs(
    linter: &Linter,
    inputs: &[Input],
    options: &FixOptions,
) -> Vec<Result<Fixed, ReadFailure>> {
    inputs
        .par_iter()
        .map(|input| fix_one(linter, input, options))
        .collect()
}

/// Lists the fixes applied, per file and rule, as ruff's `--show-fixes` does.
pub fn show_fixes(fixed: &[Fixed], out: &mut dyn Write) -> std::io::Result<()> {
    let total: usize = fixed.iter().map(|f| f.applied).sum();
    if total == 0 {
        return writeln!(out, "No fixes applied.");
    }
    writeln!(out, "Fixed {total} finding{}:", plural(total))?;
    for file in fixed.iter().filter(|f| f.applied > 0) {
        writeln!(out, "- {}:", sanitise_line(&file.name))?;
        for (rule, n) in &file.rules {
            writeln!(out, "    {n} × {} ({})", rule.code, rule.name)?;
        }
    }
    Ok(())
}

fn fix_one(linter: &Linter, input: &Input, options: &FixOptions) -> Result<Fixed, ReadFailure> {
    let mut source = inputs::read_source(input, options.common)?;
    let failed = |path: &str, message: String| {
        ReadFailure::Error(FileError {
            path: path.to_string(),
            message,
        })
    };
    if let Some(path) = options.source {
        let original = inputs::read_source(
            &Input::File {
                path: path.to_path_buf(),
                explicit: true,
            },
            options.common,
        )?;
        source = source.with_original(Original::Document {
            name: original.name().to_string(),
            text: original.text().to_string(),
        });
        // Fixing against an original that does not align would silently fix monolingually.
        if let Some(message) = crate::bilingual::align(&crate::Document::new(&source)).problem {
            return Err(failed(source.name(), format!("{message}; nothing written")));
        }
    }
    let name = source.name().to_string();
    let err = |message: String| failed(&name, message);
    let outcome =
        super::panic::guard(&name, || linter.fix(&source, options.minimum)).map_err(err)?;
    if !outcome.converged {
        if matches!(input, Input::Stdin) && !options.diff {
            // A pipeline still gets its text back, unchanged.
            let _ = std::io::stdout().lock().write_all(source.text().as_bytes());
        }
        return Err(err(not_settled(outcome.applied)));
    }
    let remaining = outcome.remaining.findings.len();
    let diff = options.diff.then(|| {
        super::diff::unified(
            &name,
            source.text(),
            &outcome.text,
            &outcome.changes,
            options.style,
        )
    });
    match input {
        Input::Stdin if !options.diff => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(outcome.text.as_bytes())
                .map_err(|e| err(e.to_string()))?;
        }
        Input::File { path, .. } if !options.diff && outcome.applied > 0 => {
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
        rules: outcome.fixed,
    })
}

/// Why a text whose fixes did not settle is not written.
pub fn not_settled(applied: usize) -> String {
    format!(
        "fixes did not settle: after {applied} fix{} another round still changes the text (fixes \
         that undo each other, or more than {} rounds); nothing written",
        if applied == 1 { "" } else { "es" },
        crate::MAX_FIX_ROUNDS
    )
}

fn message_of(error: Error, path: &Path) -> String {
    let text = error.to_string();
    let prefix = format!("{}: ", path.display());
    text.strip_prefix(&prefix).map(String::from).unwrap_or(text)
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// How to show a diff: on a terminal the article's escape sequences are shown, not obeyed, and
/// in colour the changed words are marked; piped to a file or to `patch` it stays exact.
pub fn diff_style(color: ColorArg) -> super::diff::Style {
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
