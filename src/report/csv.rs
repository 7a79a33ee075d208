//! The CSV report, for editors' spreadsheets: one row per finding.
//!
//! Cells a spreadsheet would evaluate as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) are prefixed with an apostrophe, so that an article cannot run a formula on the
//! editor's machine.

use std::io::{self, Write};

use super::{RunResult, base_text, context, locate, original, rounded};

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

pub fn write(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for file in &run.files {
        for (doc, f) in file.findings() {
            let p = locate(&doc.source, f.range.clone());
            let base = base_text(&doc.source, &f.range);
            let record = [
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
            writer.write_record(record.iter().map(|c| neutralise(c)))?;
        }
    }
    writer.flush()?;
    Ok(())
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
