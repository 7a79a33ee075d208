//! SARIF 2.1.0, for code-scanning dashboards. Regions count columns in Unicode code points, as the
//! rest of mtlint does; byte offsets and lengths are given too, so fixes are exact.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{RunResult, base_text, locate, rounded};
use crate::diagnostic::Severity;
use crate::rules::RULES;

pub fn write(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(&to_value(run)).map_err(io::Error::other)?;
    writeln!(out, "{}", super::json::escape_controls(&text))
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
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": r.summary()},
                "help": {"text": r.documentation(), "markdown": r.documentation()},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"category": r.category.name(), "status": format!("{:?}", r.status).to_lowercase()},
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in &run.files {
        for (doc, f) in file.findings() {
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
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": file.path}, "region": region}}],
                "properties": {"confidence": rounded(f.confidence), "suggestions": f.suggestions},
            });
            if let Some(fix) = &f.fix {
                result["fixes"] = json!([{
                    "description": {"text": format!("{} fix: {}", fix.applicability.as_str(),
                                                    f.suggestions.first().cloned().unwrap_or_default())},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": file.path},
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": {"byteOffset": e.start.saturating_sub(shift), "byteLength": e.end - e.start},
                            "insertedContent": {"text": e.replacement},
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            results.push(result);
        }
    }
    json!({
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
    })
}
