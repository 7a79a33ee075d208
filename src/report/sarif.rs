//! SARIF 2.1.0, for code-scanning dashboards. Regions count columns in Unicode code points, as the
//! rest of mtlint does; byte offsets and lengths are given too, so fixes are exact.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{DocResult, RunResult, base_text, locate, rounded};
use crate::diagnostic::{Finding, Severity};
use crate::rules::RULES;

/// Writes the report as it goes, one result at a time, as the JSON report does: building the whole
/// log as one `Value` first took about 15 KB per finding, and gigabytes for a large file. The
/// bytes parse to `to_value(run)`.
pub fn write(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    let mut log = to_value(&RunResult {
        files: Vec::new(),
        errors: run.errors.clone(),
    });
    let sarif_run = &mut log["runs"][0];
    add_omitted_notes(sarif_run, run);
    // Everything up to the (empty) results array, then each result, then the rest. The results
    // come before the invocations, the only part that holds text from the input (paths and
    // error messages), so the first occurrence of the mark is the one put there.
    sarif_run["results"] = json!(RESULTS_MARK);
    let text = compact(&log)?;
    let (head, tail) = text
        .split_once(&format!("\"results\":\"{RESULTS_MARK}\""))
        .ok_or_else(|| io::Error::other("unexpected SARIF layout"))?;
    out.write_all(head.as_bytes())?;
    out.write_all(b"\"results\":[")?;
    let mut first = true;
    for file in &run.files {
        for (doc, f) in file.findings() {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            out.write_all(compact(&result(&file.path, doc, f))?.as_bytes())?;
        }
    }
    out.write_all(b"]")?;
    out.write_all(tail.as_bytes())?;
    out.write_all(b"\n")
}

/// Stands for the results in the log's text until they are written.
const RESULTS_MARK: &str = "mtlint results follow";

fn compact(value: &Value) -> io::Result<String> {
    serde_json::to_string(value)
        .map(|s| super::json::escape_controls(&s))
        .map_err(io::Error::other)
}

/// Documents whose findings were cut at the cap, as notifications of the run.
fn add_omitted_notes(sarif_run: &mut Value, run: &RunResult) {
    let notes: Vec<Value> = run
        .files
        .iter()
        .flat_map(|file| {
            file.docs
                .iter()
                .filter(|d| d.report.omitted.count > 0)
                .map(move |d| {
                    json!({
                        "level": "note",
                        "message": {"text": super::omitted_note(&file.path, &d.report.omitted)},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": file.path}}}],
                    })
                })
        })
        .collect();
    if let Some(list) = sarif_run["invocations"][0]["toolExecutionNotifications"].as_array_mut() {
        list.extend(notes);
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn to_value(run: &RunResult) -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            // The documentation with the MQM category and measured figure that `explain` shows.
            let help = format!("{}\n\n{}", r.documentation(), crate::rules::measured(r));
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": r.summary()},
                "help": {"text": help, "markdown": help},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"category": r.category.name(), "status": format!("{:?}", r.status).to_lowercase()},
            })
        })
        .collect();
    let results: Vec<Value> = run
        .files
        .iter()
        .flat_map(|file| {
            file.findings()
                .into_iter()
                .map(|(doc, f)| result(&file.path, doc, f))
        })
        .collect();
    let mut log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mtlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/mtlint/mtlint",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{
                "executionSuccessful": run.errors.is_empty(),
                "toolExecutionNotifications": run.errors.iter().map(|e| json!({
                    "level": "error", "message": {"text": e.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path}}}],
                })).collect::<Vec<_>>(),
            }],
        }],
    });
    add_omitted_notes(&mut log["runs"][0], run);
    log
}

/// One finding as a SARIF result.
fn result(path: &str, doc: &DocResult, f: &Finding) -> Value {
    let p = locate(&doc.source, f.range.clone());
    let base = base_text(&doc.source, &f.range);
    let shift = f.range.start - p.start;
    let mut region = json!({
        "startLine": p.line, "startColumn": p.column, "endLine": p.end_line, "endColumn": p.end_column,
        "byteOffset": p.start, "byteLength": p.end - p.start,
        "snippet": {"text": &base[p.start..p.end]},
    });
    let mut message = f.message.clone();
    if let Some(row) = p.row {
        // Table rows are not lines of the table file: the region is relative to the row's cell.
        message = format!("row {row}: {message}");
        region["properties"] = json!({"row": row, "relativeToRow": true});
    }
    let index = RULES
        .iter()
        .position(|r| r.code == f.rule.code)
        .unwrap_or(0);
    let mut result = json!({
        "ruleId": f.rule.code,
        "ruleIndex": index,
        "level": level(f.severity),
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}],
        "properties": {"confidence": rounded(f.confidence), "suggestions": f.suggestions},
    });
    if !f.related.is_empty() {
        result["relatedLocations"] = f
            .related
            .iter()
            .enumerate()
            .map(|(id, r)| {
                let rp = locate(&doc.source, r.range.clone());
                let rbase = base_text(&doc.source, &r.range);
                let mut region = json!({
                    "startLine": rp.line, "startColumn": rp.column,
                    "endLine": rp.end_line, "endColumn": rp.end_column,
                    "byteOffset": rp.start, "byteLength": rp.end - rp.start,
                    "snippet": {"text": &rbase[rp.start..rp.end]},
                });
                if let Some(row) = rp.row {
                    region["properties"] = json!({"row": row, "relativeToRow": true});
                }
                json!({
                    "id": id,
                    "physicalLocation": {"artifactLocation": {"uri": path}, "region": region},
                    "message": {"text": r.label},
                })
            })
            .collect();
    }
    if let Some(fix) = &f.fix {
        result["fixes"] = json!([{
            "description": {"text": format!("{} fix: {}", fix.applicability.as_str(),
                                            f.suggestions.first().cloned().unwrap_or_default())},
            "artifactChanges": [{
                "artifactLocation": {"uri": path},
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": {"byteOffset": e.start.saturating_sub(shift), "byteLength": e.end - e.start},
                    "insertedContent": {"text": e.replacement},
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    result
}
