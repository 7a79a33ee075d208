//! Measured figures per rule, kept in one generated file (`figures.tsv`, written by
//! `tools/rule_figures.py`) rather than pasted into each rule's documentation, where they went
//! stale as rules changed.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::tsv;

/// A rule's span precision on the MQM development data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanPrecision {
    /// Findings on rows whose rater spans are exact.
    pub findings: u32,
    /// Those of them that overlap a span some rater marked.
    pub on_marked_span: u32,
}

impl SpanPrecision {
    pub fn ratio(self) -> f64 {
        f64::from(self.on_marked_span) / f64::from(self.findings.max(1))
    }
}

/// The figure of rule `code`; `None` when it raised no finding on the data.
pub fn span_precision(code: &str) -> Option<SpanPrecision> {
    static FIGURES: OnceLock<HashMap<&'static str, SpanPrecision>> = OnceLock::new();
    FIGURES
        .get_or_init(|| {
            tsv::rows(include_str!("figures.tsv"))
                .filter_map(|row| {
                    let figure = SpanPrecision {
                        findings: row.get(1).parse().ok()?,
                        on_marked_span: row.get(2).parse().ok()?,
                    };
                    Some((row.get(0), figure))
                })
                .collect()
        })
        .get(code)
        .copied()
}

/// The figure as a sentence, for `mtlint explain`.
pub fn describe(code: &str) -> String {
    const DATA: &str = "the WMT 2021 Chinese-to-English MQM development data";
    match span_precision(code) {
        Some(f) => format!(
            "On {DATA}, {} of its {} findings fall on a span professional raters marked (span \
             precision {:.2}).",
            f.on_marked_span,
            f.findings,
            f.ratio()
        ),
        None => format!("It raised no finding on {DATA}."),
    }
}

/// The MQM category and the measured span precision of `rule`, for `mtlint explain` and the
/// SARIF rule help: data kept out of the documentation's prose ([`crate::rules::mqm`], this file).
pub fn measured(rule: &crate::rules::RuleMeta) -> String {
    if rule.mqm.is_empty() {
        return "MQM category: none (the rule is about mtlint's own comments).".to_string();
    }
    format!(
        "MQM category: {}. {}",
        crate::rules::mqm::names(rule.mqm),
        describe(rule.code)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn figures_name_existing_rules_and_add_up() {
        let text = include_str!("figures.tsv");
        for row in tsv::rows(text) {
            let code = row.get(0);
            assert!(
                RULES.iter().any(|r| r.code == code),
                "figures.tsv: no rule {code}"
            );
            let figure = span_precision(code).unwrap_or_else(|| panic!("figures.tsv: {code}"));
            assert!(figure.on_marked_span <= figure.findings, "{code}");
        }
        assert!(describe("Q005").contains("span precision 0."));
    }
}
