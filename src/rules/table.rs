//! The README's rule table, generated from the registry: a rule's row changes with the rule.
//!
//! `cargo test --lib rules::table` fails when README.md's table differs from the registry;
//! `MTLINT_UPDATE_README=1 cargo test --lib rules::table` rewrites it.

use super::{RULES, RuleMeta, Status, figures, mqm};
use crate::diagnostic::Severity;

/// The line before the table in README.md.
pub const START: &str =
    "<!-- rule table: generated from the rule registry, see src/rules/table.rs -->";
/// The line after it.
pub const END: &str = "<!-- end of rule table -->";

/// The table in Markdown, one row per rule in registry order.
pub fn markdown() -> String {
    let mut out = String::from(
        "| code | name | status | MQM category | span precision | finds |\n\
         |---|---|---|---|---|---|\n",
    );
    for rule in RULES {
        out.push_str(&row(rule));
    }
    out
}

fn row(rule: &RuleMeta) -> String {
    let mut status = match rule.status {
        Status::Stable => "stable",
        Status::Preview => "preview",
    }
    .to_string();
    if rule.severity == Severity::Info {
        status.push_str(" (info)");
    }
    let category = match mqm::names(rule.mqm) {
        names if names.is_empty() => "—".to_string(),
        names => names,
    };
    let precision = figures::span_precision(rule.code).map_or("no finding".to_string(), |f| {
        format!("{:.2} ({}/{})", f.ratio(), f.on_marked_span, f.findings)
    });
    format!(
        "| {} | {} | {status} | {category} | {precision} | {} |\n",
        rule.code, rule.name, rule.finds
    )
}

/// `readme` with the text between [`START`] and [`END`] replaced by [`markdown`]; `None` when the
/// markers are missing.
pub fn updated(readme: &str) -> Option<String> {
    let start = readme.find(START)? + START.len();
    let end = start + readme[start..].find(END)?;
    Some(format!(
        "{}\n{}{}",
        &readme[..start],
        markdown(),
        &readme[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readme_rule_table_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let want = updated(&readme).expect("README.md has the rule table's markers");
        if std::env::var_os("MTLINT_UPDATE_README").is_some() {
            std::fs::write(path, &want).unwrap();
        } else {
            assert!(
                readme == want,
                "README.md's rule table is stale: run `MTLINT_UPDATE_README=1 cargo test --lib \
                 rules::table`"
            );
        }
    }

    #[test]
    fn rows_say_status_category_and_precision() {
        let q005 = row(crate::rules::find_rule("Q005").unwrap());
        assert!(
            q005.starts_with("| Q005 | space-inside-quotation | stable | Fluency/Punctuation | 0."),
            "{q005}"
        );
        let m001 = row(crate::rules::find_rule("M001").unwrap());
        assert!(
            m001.contains("| stable (info) | — | no finding |"),
            "{m001}"
        );
    }
}
