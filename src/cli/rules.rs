//! `mtlint rules` and `mtlint explain`.

use std::io::Write;

use serde_json::json;

use super::ExitStatus;
use super::args::RulesArgs;
use crate::error::{Error, Result};
use crate::rules::{RULES, Status, find_rule};

pub fn list(args: &RulesArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let io = |e| Error::io("<stdout>", e);
    if args.json {
        let rules: Vec<_> = RULES
            .iter()
            .map(|r| {
                json!({"code": r.code, "name": r.name, "category": r.category.name(), "severity": r.severity.as_str(),
                       "status": status(r.status), "fix": r.fix.as_str(), "summary": r.summary()})
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rules)
            .map_err(|e| io(std::io::Error::other(e)))?;
        writeln!(out).map_err(io)?;
        return Ok(ExitStatus::Success);
    }
    writeln!(
        out,
        "{:<5} {:<32} {:<12} {:<8} {:<8} {:<10} summary",
        "code", "name", "category", "severity", "status", "fix"
    )
    .map_err(io)?;
    for r in RULES {
        writeln!(
            out,
            "{:<5} {:<32} {:<12} {:<8} {:<8} {:<10} {}",
            r.code,
            r.name,
            r.category.name(),
            r.severity.as_str(),
            status(r.status),
            r.fix.as_str(),
            r.summary()
        )
        .map_err(io)?;
    }
    Ok(ExitStatus::Success)
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Stable => "stable",
        Status::Preview => "preview",
    }
}

pub fn explain(code: &str, out: &mut dyn Write) -> Result<ExitStatus> {
    let rule = find_rule(code)
        .ok_or_else(|| Error::Usage(format!("no rule `{code}`; `mtlint rules` lists them")))?;
    writeln!(
        out,
        "{} {}\ncategory: {}, severity: {}, status: {}, fix: {}\n\n{}\n\n{}",
        rule.code,
        rule.name,
        rule.category.name(),
        rule.severity.as_str(),
        status(rule.status),
        rule.fix.as_str(),
        rule.documentation(),
        crate::rules::measured(rule)
    )
    .map_err(|e| Error::io("<stdout>", e))?;
    Ok(ExitStatus::Success)
}
