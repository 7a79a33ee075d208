//! The JSON report: the contract other programs read (schema `mtlint-report/2`, see the README).
//! Fields may be added; none may change meaning without a new schema version. Version 2 changed
//! the meaning of `score`: it also counts sentences that read as garbled, so a document without
//! findings may score under 100; `score_detail` says what cost how much.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{DocResult, FileResult, RunResult, base_text, locate, original, rounded};
use crate::diagnostic::Finding;

pub const SCHEMA: &str = "mtlint-report/2";

/// Writes the report as it goes, one finding at a time: building the whole report as one
/// `Value` first cost several times the size of a large file (each finding's map of keys). The
/// bytes are those of `to_value(run)` serialised, with [`escape_controls`] applied.
pub fn write(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\"schema\":{},\"files\":[", text(&json!(SCHEMA))?)?;
    for (i, f) in run.files.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_file(f, out)?;
    }
    let summary = summary(run);
    writeln!(out, "],\"summary\":{}}}", text(&summary)?)
}

fn write_file(f: &FileResult, out: &mut dyn Write) -> io::Result<()> {
    let mut head = file(&FileResult {
        table: false,
        path: f.path.clone(),
        docs: Vec::new(),
    });
    head["words"] = json!(f.words());
    head["score"] = json!(f.score());
    head["score_detail"]["findings_cost"] = json!(round(f.findings_cost()));
    head["score_detail"]["fluency_cost"] = json!(round(f.fluency_cost()));
    let head = text(&head)?;
    // Everything of the file object up to its (empty) list of garbled sentences; the sentences,
    // then the findings follow, each written as it comes.
    let open = head
        .strip_suffix("[]},\"findings\":[]}")
        .ok_or_else(|| io::Error::other("unexpected file object"))?;
    out.write_all(open.as_bytes())?;
    let sentences = f
        .docs
        .iter()
        .flat_map(|d| d.report.garbled.iter().map(move |g| garbled_sentence(d, g)));
    write_array(out, sentences)?;
    out.write_all(b"},\"findings\":")?;
    write_array(out, f.findings().into_iter().map(|(d, x)| finding(d, x)))?;
    if f.is_table() {
        write!(out, ",\"segments\":{}", text(&segments(f))?)?;
    }
    if let Some(cap) = f.cap() {
        write!(
            out,
            ",\"findings_omitted\":{},\"max_findings\":{cap}",
            f.omitted()
        )?;
    }
    out.write_all(b"}")
}

/// Writes `values` as a JSON array, one value at a time.
fn write_array(out: &mut dyn Write, values: impl Iterator<Item = Value>) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(text(&value)?.as_bytes())?;
    }
    out.write_all(b"]")
}

/// A value as compact JSON text, control characters escaped.
fn text(value: &Value) -> io::Result<String> {
    serde_json::to_string(value)
        .map(|s| escape_controls(&s))
        .map_err(io::Error::other)
}

/// Escapes what serde_json leaves raw but a terminal or viewer might act on: DEL, the C1
/// controls and the bidirectional and line-separator characters (JSON itself escapes only the C0
/// controls). Outside strings JSON is ASCII, so replacing these characters anywhere in the text
/// only ever touches string contents, and the result parses to the same value.
pub fn escape_controls(json: &str) -> String {
    if !json.chars().any(needs_escape) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

pub fn to_value(run: &RunResult) -> Value {
    json!({
        "schema": SCHEMA,
        "files": run.files.iter().map(file).collect::<Vec<_>>(),
        "summary": summary(run),
    })
}

/// The run's totals; `findings_omitted` only when the cap per document was reached.
fn summary(run: &RunResult) -> Value {
    let mut summary = json!({
        "files": run.files.len(),
        "findings": run.finding_count(),
        "errors": run.errors.iter().map(|e| json!({"path": e.path, "message": e.message})).collect::<Vec<_>>(),
    });
    if run.omitted() > 0 {
        summary["findings_omitted"] = json!(run.omitted());
    }
    summary
}

fn file(file: &FileResult) -> Value {
    let mut value = json!({
        "path": file.path,
        "words": file.words(),
        "score": file.score(),
        "score_detail": score_detail(file),
        "findings": file.findings().into_iter().map(|(d, f)| finding(d, f)).collect::<Vec<_>>(),
    });
    if file.is_table() {
        value["segments"] = segments(file);
    }
    if let Some(cap) = file.cap() {
        value["findings_omitted"] = json!(file.omitted());
        value["max_findings"] = json!(cap);
    }
    value
}

/// What the score is made of: the cost of the findings together, the cost of the sentences that
/// read as garbled, and each such sentence with its signals (the most damaging first; `effect` is
/// the signal's share of the predicted rater z-score). Costs are in units of one warning.
fn score_detail(file: &FileResult) -> Value {
    let sentences: Vec<Value> = file
        .docs
        .iter()
        .flat_map(|d| d.report.garbled.iter().map(move |g| garbled_sentence(d, g)))
        .collect();
    json!({
        "findings_cost": round(file.findings_cost()),
        "fluency_cost": round(file.fluency_cost()),
        "garbled_sentences": sentences,
    })
}

fn garbled_sentence(doc: &DocResult, g: &crate::fluency::GarbledSentence) -> Value {
    let p = locate(&doc.source, g.range.clone());
    let base = base_text(&doc.source, &g.range);
    let mut value = json!({
        "line": p.line, "column": p.column, "start": p.start, "end": p.end,
        "text": &base[p.start..p.end],
        "cost": round(g.cost),
        "signals": g.explained().into_iter().map(|(name, v, effect)| json!({
            "signal": name, "value": round(v), "effect": round(effect),
        })).collect::<Vec<_>>(),
    });
    if let Some(row) = p.row {
        value["row"] = json!(row);
    }
    value
}

/// Two decimals, as costs are shown.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The per-row scores of a table, in row order.
fn segments(file: &FileResult) -> Value {
    {
        let mut segments: Vec<(usize, Value)> = file
            .docs
            .iter()
            .flat_map(|d| {
                d.report.segments.iter().map(move |s| {
                    (s.row, json!({"row": s.row, "doc": d.doc_id.clone().unwrap_or_default(), "words": s.words,
                                   "score": s.score, "findings": s.findings,
                                   "findings_cost": round(s.findings_cost), "fluency_cost": round(s.fluency_cost)}))
                })
            })
            .collect();
        segments.sort_by_key(|(row, _)| *row);
        Value::Array(segments.into_iter().map(|(_, v)| v).collect())
    }
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
        "cost": round(crate::score::finding_cost(f)),
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
    if let Some(original) = original(doc, f) {
        value["source"] = json!(original);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{InputFormat, Source};

    #[test]
    fn the_streamed_report_is_the_whole_value_with_each_cost() {
        let text = "He said the the results were in.\n\nPeople are going on going on going on going on in the town.";
        let source = Source::new("a.txt", text, InputFormat::Plain);
        let run = crate::report::checked_run(source);
        let mut out = Vec::new();
        write(&run, &mut out).unwrap();
        let streamed: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(streamed, to_value(&run));
        let file = &streamed["files"][0];
        assert_eq!(streamed["schema"], "mtlint-report/2");
        assert!(file["score_detail"]["fluency_cost"].as_f64().unwrap() > 0.0);
        let garbled = file["score_detail"]["garbled_sentences"]
            .as_array()
            .unwrap();
        assert!(
            garbled
                .iter()
                .any(|g| g["text"].as_str().unwrap().starts_with("People"))
        );
        assert!(file["findings"][0]["cost"].as_f64().unwrap() > 0.0);
    }
}
