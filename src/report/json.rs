//! The JSON report: the contract other programs read (schema `mtlint-report/1`, see the README).
//! Fields may be added; none may change meaning without a new schema version.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{DocResult, FileResult, RunResult, base_text, locate, rounded};
use crate::diagnostic::Finding;

pub const SCHEMA: &str = "mtlint-report/1";

pub fn write(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    let value = to_value(run);
    serde_json::to_writer(&mut *out, &value).map_err(io::Error::other)?;
    writeln!(out)
}

pub fn to_value(run: &RunResult) -> Value {
    json!({
        "schema": SCHEMA,
        "files": run.files.iter().map(file).collect::<Vec<_>>(),
        "summary": {
            "files": run.files.len(),
            "findings": run.finding_count(),
            "errors": run.errors.iter().map(|e| json!({"path": e.path, "message": e.message})).collect::<Vec<_>>(),
        },
    })
}

fn file(file: &FileResult) -> Value {
    let mut value = json!({
        "path": file.path,
        "words": file.words(),
        "score": file.score(),
        "findings": file.findings().into_iter().map(|(d, f)| finding(d, f)).collect::<Vec<_>>(),
    });
    if file.is_table() {
        let mut segments: Vec<(usize, Value)> = file
            .docs
            .iter()
            .flat_map(|d| {
                d.report.segments.iter().map(move |s| {
                    (s.row, json!({"row": s.row, "doc": d.doc_id.clone().unwrap_or_default(), "words": s.words,
                                   "score": s.score, "findings": s.findings}))
                })
            })
            .collect();
        segments.sort_by_key(|(row, _)| *row);
        value["segments"] = Value::Array(segments.into_iter().map(|(_, v)| v).collect());
    }
    value
}

/// One finding, positions relative to its row for table input.
pub fn finding(doc: &DocResult, f: &Finding) -> Value {
    let source = &doc.source;
    let p = locate(source, f.range.clone());
    let base = base_text(source, &f.range);
    let shift = f.range.start - p.start;
    let mut value = json!({
        "code": f.rule.code,
        "rule": f.rule.name,
        "category": f.rule.category.name(),
        "severity": f.severity.as_str(),
        "confidence": rounded(f.confidence),
        "line": p.line,
        "column": p.column,
        "end_line": p.end_line,
        "end_column": p.end_column,
        "start": p.start,
        "end": p.end,
        "text": &base[p.start..p.end],
        "message": f.message,
        "suggestions": f.suggestions,
        "fix": f.fix.as_ref().map(|fix| json!({
            "applicability": fix.applicability.as_str(),
            "edits": fix.edits.iter().map(|e| json!({
                "start": e.start.saturating_sub(shift), "end": e.end.saturating_sub(shift), "replacement": e.replacement,
            })).collect::<Vec<_>>(),
        })),
    });
    if let Some(row) = p.row {
        value["row"] = json!(row);
    }
    if !f.related.is_empty() {
        value["related"] = f
            .related
            .iter()
            .map(|r| {
                let rp = locate(source, r.range.clone());
                let rbase = base_text(source, &r.range);
                let mut v = json!({"line": rp.line, "column": rp.column, "start": rp.start, "end": rp.end,
                                   "text": &rbase[rp.start..rp.end], "label": r.label});
                if let Some(row) = rp.row {
                    v["row"] = json!(row);
                }
                v
            })
            .collect();
    }
    value
}
