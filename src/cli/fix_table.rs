//! `mtlint fix --table`: a fixed copy of a CSV or TSV table.
//!
//! Each document of the table (its rows, grouped by the doc column) is fixed as `check --table`
//! checks it; then only the text cells of the rows that changed are written anew, so every other
//! cell, and every row where nothing changed, keeps its bytes. The copy goes to `-o FILE`; the
//! table itself is written over only with `--in-place`, as `mtlint fix` writes a file: atomically,
//! and only if it still holds what was read.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::ExitStatus;
use super::args::FixArgs;
use super::fix::{Fixed, not_settled, plural, show_fixes};
use super::inputs::{self, Input};
use crate::Linter;
use crate::error::{Error, Result};
use crate::fix::{Applicability, Changes, Edit};
use crate::report::human::sanitise_line;
use crate::table::{self, TableDoc, TableOptions};
use crate::text::InputFormat;

/// Where the fixed table goes.
enum Output {
    /// A new file, or one replaced whatever it holds (`-o FILE`).
    File(PathBuf),
    /// Standard output (`-o -`).
    Stdout,
    /// Over the table, if it still holds what was read (`--in-place`).
    InPlace(PathBuf),
    /// Nowhere: `--diff`.
    Diff,
}

/// One document of the table, fixed.
struct FixedDoc {
    /// (row, new text) of the rows whose text changed.
    rows: Vec<(usize, String)>,
    applied: usize,
    remaining: usize,
    /// Whether a finding that remains reaches --fail-on.
    failing: bool,
    rules: Vec<(&'static crate::rules::RuleMeta, usize)>,
}

pub fn run(
    linter: &Linter,
    path: &Path,
    args: &FixArgs,
    minimum: Applicability,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ExitStatus> {
    let input = inputs::table_input(path);
    let stdin = input == Input::Stdin;
    let output = output(path, args, stdin)?;
    let name = input.display(args.common.stdin_filename.as_deref());
    let mut failed = |message: String| -> Result<ExitStatus> {
        let _ = writeln!(
            stderr,
            "mtlint: error: {}: {}",
            sanitise_line(&name),
            sanitise_line(&message)
        );
        Ok(ExitStatus::Error)
    };
    let bytes = match inputs::read_bytes(&input, &name, false) {
        Ok(bytes) => bytes,
        Err(error) => return failed(error.message),
    };
    let tsv = inputs::stdin_table_is_tsv(&input, &args.common).unwrap_or(table::is_tsv(path));
    let options = TableOptions {
        text_column: args.text_column.clone(),
        doc_column: args.doc_column.clone(),
        source_column: None,
        id_column: None,
        tsv: Some(tsv),
    };
    let docs = match table::read(path, &bytes, &options) {
        Ok(docs) => docs,
        Err(Error::Table { message, .. }) => return failed(message),
        Err(other) => return failed(other.to_string()),
    };
    let fixed: Vec<FixedDoc> = match docs
        .par_iter()
        .map(|doc| fix_doc(linter, doc, &name, minimum))
        .collect()
    {
        Ok(fixed) => fixed,
        Err(message) => return failed(message),
    };
    let old_texts: std::collections::HashMap<usize, &str> = docs
        .iter()
        .flat_map(|d| d.rows.iter().map(|(r, t)| (*r, t.as_str())))
        .collect();
    let texts: Vec<(usize, &str, &str)> = fixed
        .iter()
        .flat_map(|d| d.rows.iter())
        .map(|(row, new)| (*row, old_texts[row], new.as_str()))
        .collect();
    let column = table::column_position(&bytes, tsv, &args.text_column).unwrap_or(0);
    let (new_bytes, edits) = match table::rewrite(&bytes, tsv, column, &texts) {
        Ok(rewritten) => rewritten,
        Err(message) => return failed(format!("{message}; nothing written")),
    };
    let table = Rewritten {
        name: &name,
        old: &bytes,
        new: &new_bytes,
        edits,
    };
    if let Err(message) = deliver(&output, table, args, stdout) {
        return failed(message);
    }
    if !args.quiet {
        summarise(&output, &name, &fixed, texts.len(), args.show_fixes, stderr)
            .map_err(|e| Error::io("<stderr>", e))?;
    }
    // As `ruff check --fix`: failing when findings that --fail-on counts remain.
    let failing = fixed.iter().any(|d| d.failing);
    Ok(
        if failing || (matches!(output, Output::Diff) && !texts.is_empty()) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        },
    )
}

/// A table and its fixed bytes.
struct Rewritten<'a> {
    name: &'a str,
    old: &'a [u8],
    new: &'a [u8],
    edits: Vec<table::CellEdit>,
}

/// Writes the fixed table where `output` says, or its diff.
fn deliver(
    output: &Output,
    table: Rewritten,
    args: &FixArgs,
    stdout: &mut dyn Write,
) -> std::result::Result<(), String> {
    let shown = |e: std::io::Error| format!("cannot write to standard output: {e}");
    match output {
        Output::Diff => match diff(table.name, table.old, table.new, table.edits, args.color) {
            Some(diff) => write!(stdout, "{diff}").map_err(shown),
            None => Err("the table is not UTF-8 throughout: no diff to show".into()),
        },
        Output::Stdout => stdout.write_all(table.new).map_err(shown),
        Output::File(to) => {
            super::write::write_atomically(to, table.new).map_err(|e| e.to_string())
        }
        Output::InPlace(to) if table.new != table.old => {
            super::write::replace_if_unchanged(to, table.old, table.new).map_err(|e| e.to_string())
        }
        Output::InPlace(_) => Ok(()),
    }
}

/// The summary on standard error: what was fixed in how many rows, what remains, where it went.
fn summarise(
    output: &Output,
    name: &str,
    fixed: &[FixedDoc],
    rows: usize,
    show: bool,
    stderr: &mut dyn Write,
) -> std::io::Result<()> {
    if show {
        show_fixes(&[summed(name, fixed)], stderr)?;
    }
    let applied: usize = fixed.iter().map(|d| d.applied).sum();
    let remaining: usize = fixed.iter().map(|d| d.remaining).sum();
    let verb = if matches!(output, Output::Diff) {
        "Would fix"
    } else {
        "Fixed"
    };
    let written = match output {
        Output::File(to) => format!("; wrote {}", sanitise_line(&inputs::display_path(to))),
        Output::InPlace(_) if rows > 0 => format!("; wrote {}", sanitise_line(name)),
        _ => String::new(),
    };
    writeln!(
        stderr,
        "{verb} {applied} finding{} in {rows} row{} ({remaining} remaining){written}.",
        plural(applied),
        plural(rows)
    )
}

/// Where the options say the fixed table goes.
fn output(path: &Path, args: &FixArgs, stdin: bool) -> Result<Output> {
    if args.diff {
        return Ok(Output::Diff);
    }
    if args.in_place {
        if stdin {
            return Err(Error::Usage(
                "--in-place cannot write over standard input; name the copy with -o FILE".into(),
            ));
        }
        return Ok(Output::InPlace(path.to_path_buf()));
    }
    match &args.output_file {
        Some(to) if to.as_os_str() == "-" => Ok(Output::Stdout),
        Some(to) if !stdin && same_file(to, path) => Err(Error::Usage(
            "-o names the table itself; use --in-place to write the fixes over it".into(),
        )),
        Some(to) => Ok(Output::File(to.clone())),
        None => Err(Error::Usage(
            "`mtlint fix --table` writes a fixed copy of the table: name it with -o FILE (`-o -` \
             for standard output), or write over the table with --in-place"
                .into(),
        )),
    }
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Fixes one document of the table; the rows whose text changed, with their new text.
fn fix_doc(
    linter: &Linter,
    doc: &TableDoc,
    name: &str,
    minimum: Applicability,
) -> std::result::Result<FixedDoc, String> {
    let source = doc.source(name, InputFormat::Plain);
    let in_doc = |message: String| match doc.doc.as_str() {
        "" => format!("row {}: {message}", doc.rows.first().map_or(0, |r| r.0)),
        id => format!("document `{id}`: {message}"),
    };
    let outcome = super::panic::guard(name, || linter.fix(&source, minimum)).map_err(&in_doc)?;
    if !outcome.converged {
        return Err(in_doc(not_settled(outcome.applied)));
    }
    let rows = doc
        .rows
        .iter()
        .zip(&outcome.segments)
        .filter_map(|((row, old), range)| {
            let new = &outcome.text[range.clone()];
            (new != old).then(|| (*row, new.to_string()))
        })
        .collect();
    let fail_on = linter.settings().fail_on;
    Ok(FixedDoc {
        rows,
        applied: outcome.applied,
        remaining: outcome.remaining.findings.len(),
        failing: outcome
            .remaining
            .findings
            .iter()
            .any(|f| f.severity >= fail_on)
            || outcome.remaining.omitted.worst >= Some(fail_on),
        rules: outcome.fixed,
    })
}

/// The fixes of every document, as one file's, for `--show-fixes`.
fn summed(name: &str, docs: &[FixedDoc]) -> Fixed {
    let mut rules = Vec::new();
    crate::engine::count_by_rule(
        &mut rules,
        docs.iter()
            .flat_map(|d| &d.rules)
            .flat_map(|(rule, n)| std::iter::repeat_n(*rule, *n)),
    );
    Fixed {
        name: name.to_string(),
        applied: docs.iter().map(|d| d.applied).sum(),
        remaining: docs.iter().map(|d| d.remaining).sum(),
        diff: None,
        rules,
    }
}

/// The unified diff of the table, when it is UTF-8.
fn diff(
    name: &str,
    old: &[u8],
    new: &[u8],
    edits: Vec<table::CellEdit>,
    color: super::args::ColorArg,
) -> Option<String> {
    let (old, new) = (
        std::str::from_utf8(old).ok()?,
        std::str::from_utf8(new).ok()?,
    );
    let edits: Vec<Edit> = edits
        .into_iter()
        .map(|(span, cell)| String::from_utf8(cell).map(|c| Edit::replace(span, c)))
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    let mut changes = Changes::default();
    changes.then(&edits);
    Some(super::diff::unified(
        name,
        old,
        new,
        &changes,
        super::fix::diff_style(color),
    ))
}
