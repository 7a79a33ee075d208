//! The CSV report, for editors' spreadsheets: one row per finding.
//!
//! Cells a spreadsheet would evaluate as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) are prefixed with an apostrophe, so that an article cannot run a formula on the
//! editor's machine.

use std::io::{self, Write};

use super::{DocResult, RunResult, base_text, context, locate, original, rounded};
use crate::diagnostic::Finding;

pub const HEADER: &[&str] = &[
    "path",
    "line",
    "column",
    "code",
    "rule",
    "severity",
    "confidence",
    "text",
    "suggestion",
    "message",
    "context",
    "row",
    "source",
    "related",
];

/// The columns `--format csv-excel` adds after [`HEADER`]: the score of the finding's document
/// (or table row), its category, its fix's applicability, and for table input the doc column's
/// value and the row's id column's value.
pub const EXCEL_EXTRA: &[&str] = &["score", "category", "fix", "doc", "id"];

pub fn write(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    let writer = ::csv::Writer::from_writer(out);
    write_rows(run, writer, false)
}

/// CSV that Excel opens as UTF-8 with every cell in place: a byte-order mark (without one Excel
/// reads the file in the system's legacy code page), CRLF rows, and the [`EXCEL_EXTRA`] columns.
pub fn write_excel(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    write_rows(run, writer, true)
}

fn write_rows(
    run: &RunResult,
    mut writer: ::csv::Writer<&mut dyn Write>,
    excel: bool,
) -> io::Result<()> {
    if excel {
        writer.write_record(HEADER.iter().chain(EXCEL_EXTRA))?;
    } else {
        writer.write_record(HEADER)?;
    }
    for file in &run.files {
        for (doc, f) in file.findings() {
            let p = locate(&doc.source, f.range.clone());
            let base = base_text(&doc.source, &f.range);
            let mut record = vec![
                file.path.clone(),
                p.line.to_string(),
                p.column.to_string(),
                f.rule.code.to_string(),
                f.rule.name.to_string(),
                f.severity.as_str().to_string(),
                rounded(f.confidence).to_string(),
                base[p.start..p.end].to_string(),
                f.suggestions.first().cloned().unwrap_or_default(),
                f.message.clone(),
                context(&doc.source, &f.range, 160),
                p.row.map(|r| r.to_string()).unwrap_or_default(),
                original(doc, f).unwrap_or_default().to_string(),
                super::related_notes(&doc.source, f).join("; "),
            ];
            if excel {
                record.extend(excel_cells(doc, f));
            }
            writer.write_record(record.iter().map(|c| neutralise(c)))?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The [`EXCEL_EXTRA`] cells of a finding.
fn excel_cells(doc: &DocResult, f: &Finding) -> [String; 5] {
    let segment = doc.source.segment_of(f.range.start);
    let score = match doc.source.segments()[segment].row {
        0 => doc.report.score,
        // The report's segments follow the source's, one per row.
        row => doc
            .report
            .segments
            .get(segment)
            .filter(|s| s.row == row)
            .map_or(doc.report.score, |s| s.score),
    };
    [
        format!("{score:.1}"),
        f.rule.category.name().to_string(),
        f.fix
            .as_ref()
            .map(|fix| fix.applicability.as_str().to_string())
            .unwrap_or_default(),
        doc.doc_id.clone().unwrap_or_default(),
        doc.source.row_id(segment).unwrap_or_default().to_string(),
    ]
}

/// Makes a cell inert in spreadsheets, and on a terminal that shows the file: control characters
/// and escape sequences (from an article or a file name) become `?`.
pub fn neutralise(cell: &str) -> String {
    let cell = super::human::sanitise(cell);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1"), "'+1");
        assert_eq!(neutralise("@SUM"), "'@SUM");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(neutralise("a\u{1b}[31mred.txt"), "a?[31mred.txt");
    }
}
