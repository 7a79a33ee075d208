//! `mtlint check`: files in parallel, per-file errors, one report, an exit status.

use std::io::{IsTerminal, Write};
use std::path::Path;

use rayon::prelude::*;

use super::ExitStatus;
use super::args::{CheckArgs, ColorArg, CommonArgs};
use super::changed::{ChangedLines, DiffMode, GitLines, Lines};
use super::inputs::{self, Input, ReadFailure};
use super::progress::{self, Progress};
use crate::Linter;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::report::human::{HumanOptions, sanitise_line};
use crate::report::{self, DocResult, FileError, FileResult, RunResult};
use crate::table::{self, TableOptions};
use crate::text::{InputFormat, Original};

pub fn run(args: &CheckArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<ExitStatus> {
    let overrides = Overrides {
        min_score: args.min_score,
        fail_on: args.fail_on.map(Into::into),
        max_findings: args.max_findings,
        ..Overrides::default()
    };
    let linter = Linter::new(super::settings(&args.common, overrides)?);
    let changed = changed_lines(args)?;
    let mut run = RunResult::default();
    let mut notices = Vec::new();
    if args.fix {
        fix_first(&linter, args, &mut run, stderr)?;
    }
    if let Some(table) = &args.table {
        match check_table(&linter, table, args) {
            Ok(file) => run.files.push(file),
            Err(error) => run.errors.push(error),
        }
    } else if let Some(original) = &args.source {
        match check_with_original(&linter, original, args) {
            Ok((file, problem)) => {
                run.files.push(file);
                run.errors.extend(problem);
            }
            Err(ReadFailure::Error(error)) => run.errors.push(error),
            Err(ReadFailure::Skipped(notice)) => notices.push(notice),
        }
    } else {
        let mut collected = inputs::collect(&args.common.paths, &linter.settings().exclude);
        if args.common.force_exclude {
            super::drop_force_excluded(&mut collected.inputs, linter.settings());
        }
        run.errors.extend(collected.errors);
        notices.extend(collected.notices);
        let mut inputs: Vec<(Input, Option<Lines>)> =
            collected.inputs.into_iter().map(|i| (i, None)).collect();
        if let Some(changed) = &changed {
            inputs = only_changed(inputs, changed, &mut run, &mut notices);
        }
        let progress = Progress::new(
            inputs.len() as u64,
            "files",
            progress::MIN_FILES,
            !args.quiet,
        );
        let results: Vec<_> = inputs
            .par_iter()
            .map(|(input, lines)| {
                let staged = changed.as_ref().and_then(|c| staged_copy(c, input));
                let result = check_input(&linter, input, &args.common, lines.as_ref(), staged);
                progress.inc(1);
                result
            })
            .collect();
        progress.finish();
        for result in results {
            match result {
                Ok(file) => run.files.push(file),
                Err(ReadFailure::Skipped(notice)) => notices.push(notice),
                Err(ReadFailure::Error(error)) => run.errors.push(error),
            }
        }
    }
    if let Some(max) = linter.settings().max_findings {
        cap_findings(&mut run, max, &mut notices);
    }
    let options = HumanOptions {
        color: args.output_file.is_none() && use_color(args.color),
        quiet: args.quiet,
    };
    super::panic::working_on(match run.files.as_slice() {
        [only] => Some(only.path.as_str()),
        _ => None,
    });
    dedup_errors(&mut run);
    write_report(args, &run, &options, stdout)?;
    for error in &run.errors {
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
    }
    Ok(match status(&linter, &run) {
        ExitStatus::Failure if args.exit_zero => ExitStatus::Success,
        other => other,
    })
}

/// `check --fix`: the safe fixes (and with --unsafe-fixes the unsafe ones) are applied to the
/// files first, as `mtlint fix` applies them; the check that follows reads the fixed files.
/// Standard input cannot be fixed and reported at once.
fn fix_first(
    linter: &Linter,
    args: &CheckArgs,
    run: &mut RunResult,
    stderr: &mut dyn Write,
) -> Result<()> {
    if args.common.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(Error::Usage(
            "--fix cannot fix standard input and report on it; use `mtlint fix -`".into(),
        ));
    }
    let collected = inputs::collect(&args.common.paths, &linter.settings().exclude);
    let options = super::fix::FixOptions {
        common: &args.common,
        minimum: super::fix::minimum(args.unsafe_fixes),
        diff: false,
        style: super::diff::Style::default(),
        source: None,
    };
    let mut fixed = Vec::new();
    // Walk errors and skipped files are the check's to report, when it walks the same paths.
    for result in super::fix::fix_inputs(linter, &collected.inputs, &options) {
        match result {
            Ok(file) => fixed.push(file),
            Err(ReadFailure::Error(error)) => run.errors.push(error),
            Err(ReadFailure::Skipped(_)) => {}
        }
    }
    if args.quiet {
        return Ok(());
    }
    let out = |e| Error::io("<stderr>", e);
    if args.show_fixes {
        super::fix::show_fixes(&fixed, stderr).map_err(out)?;
    } else {
        let applied: usize = fixed.iter().map(|f| f.applied).sum();
        let files = fixed.iter().filter(|f| f.applied > 0).count();
        if applied > 0 {
            writeln!(
                stderr,
                "Fixed {applied} finding{} in {files} file{}.",
                super::fix::plural(applied),
                super::fix::plural(files)
            )
            .map_err(out)?;
        }
    }
    Ok(())
}

/// An error the fixing pass and the check both met (an unreadable file) is reported once.
fn dedup_errors(run: &mut RunResult) {
    let mut seen = std::collections::HashSet::new();
    run.errors
        .retain(|e| seen.insert((e.path.clone(), e.message.clone())));
}

/// The report (or with --statistics the count per rule) on standard output, or written
/// atomically to --output-file.
fn write_report(
    args: &CheckArgs,
    run: &RunResult,
    options: &HumanOptions,
    stdout: &mut dyn Write,
) -> Result<()> {
    let mut buffer = Vec::new();
    let out: &mut dyn Write = if args.output_file.is_some() {
        &mut buffer
    } else {
        stdout
    };
    let written = if args.statistics {
        report::human::write_statistics(run, out)
    } else {
        report::write(args.format, run, out, options)
    };
    written.map_err(|e| Error::io("<stdout>", e))?;
    match &args.output_file {
        Some(path) => super::write::write_atomically(path, &buffer),
        None => Ok(()),
    }
}

/// With `--staged`, the index's copy of a file: what will be committed, and what the staged
/// diff's line numbers count.
fn staged_copy(changed: &ChangedLines, input: &Input) -> Option<Result<Vec<u8>, FileError>> {
    let Input::File { path, .. } = input else {
        return None;
    };
    changed.staged_content(path).map(|read| {
        read.map_err(|message| FileError {
            path: inputs::display_path(path),
            message,
        })
    })
}

fn check_input(
    linter: &Linter,
    input: &Input,
    common: &CommonArgs,
    changed: Option<&Lines>,
    staged: Option<Result<Vec<u8>, FileError>>,
) -> Result<FileResult, ReadFailure> {
    let source = match staged {
        Some(bytes) => {
            inputs::source_from_bytes(input, common, bytes.map_err(ReadFailure::Error)?)?
        }
        None => inputs::read_source(input, common)?,
    };
    let mut report =
        super::panic::guard(source.name(), || linter.check(&source)).map_err(|message| {
            ReadFailure::Error(FileError {
                path: source.name().to_string(),
                message,
            })
        })?;
    if let Some(lines) = changed {
        // git's line numbers, which differ from mtlint's where a lone CR ends a line.
        let git = GitLines::new(source.text());
        report.retain_findings(|f| {
            let (first, last) = git.lines_of(&f.range);
            lines.touches(first, last)
        });
    }
    Ok(FileResult {
        table: false,
        path: source.name().to_string(),
        docs: vec![DocResult {
            source,
            report,
            doc_id: None,
        }],
    })
}

/// One translated file checked against the original it was translated from (`--source`). When the
/// paragraphs cannot be aligned, the monolingual findings are still reported, beside an error.
fn check_with_original(
    linter: &Linter,
    original: &Path,
    args: &CheckArgs,
) -> Result<(FileResult, Option<FileError>), ReadFailure> {
    let [path] = args.common.paths.as_slice() else {
        let message = "--source needs exactly one translated file to compare with".to_string();
        return Err(ReadFailure::Error(FileError {
            path: inputs::display_path(original),
            message,
        }));
    };
    let target = if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File {
            path: path.clone(),
            explicit: true,
        }
    };
    let original_input = Input::File {
        path: original.to_path_buf(),
        explicit: true,
    };
    let original_source = inputs::read_source(&original_input, &args.common)?;
    let source = inputs::read_source(&target, &args.common)?.with_original(Original::Document {
        name: original_source.name().to_string(),
        text: original_source.text().to_string(),
    });
    let doc = crate::Document::new(&source);
    let problem = crate::bilingual::align(&doc)
        .problem
        .map(|message| FileError {
            path: source.name().to_string(),
            message,
        });
    let report = linter.check_document(&doc);
    drop(doc);
    let file = FileResult {
        table: false,
        path: source.name().to_string(),
        docs: vec![DocResult {
            source,
            report,
            doc_id: None,
        }],
    };
    Ok((file, problem))
}

/// The changed lines git reports, for `--diff-base` and `--staged`.
fn changed_lines(args: &CheckArgs) -> Result<Option<ChangedLines>> {
    let mode = match (&args.diff_base, args.staged) {
        (Some(rev), _) => DiffMode::Base(rev.clone()),
        (None, true) => DiffMode::Staged,
        (None, false) => return Ok(None),
    };
    if args.common.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(Error::Usage(
            "--diff-base and --staged read changed lines from git and cannot check standard input"
                .into(),
        ));
    }
    let here = std::env::current_dir().map_err(|e| Error::io(".", e))?;
    ChangedLines::from_git(&here, &mode).map(Some)
}

/// Keeps the inputs that have changed lines, each with its lines; files outside the repository
/// are errors, unchanged files are left out with one notice.
fn only_changed(
    inputs: Vec<(Input, Option<Lines>)>,
    changed: &ChangedLines,
    run: &mut RunResult,
    notices: &mut Vec<String>,
) -> Vec<(Input, Option<Lines>)> {
    let mut kept = Vec::new();
    let mut unchanged = 0usize;
    for (input, _) in inputs {
        let Input::File { path, .. } = &input else {
            continue;
        };
        match changed.lines_of(path) {
            Ok(Some(lines)) => {
                let lines = lines.clone();
                kept.push((input, Some(lines)));
            }
            Ok(None) => unchanged += 1,
            Err(message) => run.errors.push(FileError {
                path: inputs::display_path(path),
                message,
            }),
        }
    }
    if unchanged > 0 {
        notices.push(format!(
            "{unchanged} file{} without changed lines not checked",
            if unchanged == 1 { "" } else { "s" }
        ));
    }
    kept
}

fn check_table(linter: &Linter, path: &Path, args: &CheckArgs) -> Result<FileResult, FileError> {
    let input = inputs::table_input(path);
    let name = input.display(args.common.stdin_filename.as_deref());
    let bytes = inputs::read_bytes(&input, &name, false)?;
    let options = TableOptions {
        text_column: args.text_column.clone(),
        doc_column: args.doc_column.clone(),
        source_column: args.source_column.clone(),
        id_column: args.id_column.clone(),
        tsv: inputs::stdin_table_is_tsv(&input, &args.common),
    };
    let docs = table::read(path, &bytes, &options).map_err(|e| FileError {
        path: name.clone(),
        // The report names the table itself (`<stdin>` for `--table -`, not `-`).
        message: match e {
            Error::Table { message, .. } => message,
            other => strip_path(&other, &name),
        },
    })?;
    let format = match args.common.input_format {
        super::args::InputFormatArg::Auto => InputFormat::Plain,
        other => inputs::format_for("", other),
    };
    let rows: usize = docs.iter().map(|d| d.rows.len()).sum();
    let progress = Progress::new(rows as u64, "rows", progress::MIN_ROWS, !args.quiet);
    let results: Vec<DocResult> = docs
        .par_iter()
        .map(|doc| {
            let source = doc.source(&name, format);
            let report =
                super::panic::guard(&name, || linter.check(&source)).map_err(|message| {
                    FileError {
                        path: name.clone(),
                        message: format!("document `{}`: {message}", doc.doc),
                    }
                })?;
            progress.inc(doc.rows.len() as u64);
            Ok(DocResult {
                source,
                report,
                doc_id: Some(doc.doc.clone()),
            })
        })
        .collect::<Result<_, FileError>>()?;
    progress.finish();
    Ok(FileResult {
        table: true,
        path: name,
        docs: results,
    })
}

/// Keeps at most `max` findings per document, with a notice for each document that had more.
fn cap_findings(run: &mut RunResult, max: usize, notices: &mut Vec<String>) {
    for file in &mut run.files {
        for doc in &mut file.docs {
            doc.report.cap(max);
            let omitted = doc.report.omitted;
            if omitted.count > 0 {
                let name = match &doc.doc_id {
                    Some(id) if !id.is_empty() => format!("{} (document `{id}`)", file.path),
                    _ => file.path.clone(),
                };
                notices.push(report::omitted_note(&name, &omitted));
            }
        }
    }
}

/// The message of an error without the leading path (the report prints the path itself).
fn strip_path(error: &Error, name: &str) -> String {
    let text = error.to_string();
    text.strip_prefix(name)
        .and_then(|t| t.strip_prefix(": "))
        .map(String::from)
        .unwrap_or(text)
}

fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// 2 when anything could not be checked; 1 when a finding reaches --fail-on or a document scores
/// under --min-score; 0 otherwise.
fn status(linter: &Linter, run: &RunResult) -> ExitStatus {
    if !run.errors.is_empty() {
        return ExitStatus::Error;
    }
    let settings = linter.settings();
    let failing_finding = run.files.iter().flat_map(|f| &f.docs).any(|d| {
        d.report
            .findings
            .iter()
            .any(|f| f.severity >= settings.fail_on)
            || d.report.omitted.worst >= Some(settings.fail_on)
    });
    let failing_score = settings.min_score.is_some_and(|min| {
        run.files
            .iter()
            .flat_map(|f| &f.docs)
            .any(|d| d.report.score < min)
    });
    if failing_finding || failing_score {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}
