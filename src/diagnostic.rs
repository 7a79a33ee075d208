//! Findings: what a rule reports.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub mod mqm;
pub mod rule;

use crate::fix::Fix;
use rule::RuleMeta;

/// How serious a finding is; `--fail-on` compares against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity `{s}` (expected info, warning or error)"
            )),
        }
    }
}

/// Another place a finding refers to: the canonical spelling of a name, a quotation mark's partner,
/// the place a missing mark was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub range: Range<usize>,
    /// Mostly a fixed phrase ("the quotation mark"), so it is not copied for every finding.
    pub label: Cow<'static, str>,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    /// Byte range in the original text.
    pub range: Range<usize>,
    pub message: String,
    pub severity: Severity,
    /// How sure the rule is, 0 to 1.
    pub confidence: f32,
    pub suggestions: Vec<String>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of `rule` at `range`, with the rule's default severity and full confidence.
    pub fn new(
        rule: &'static RuleMeta,
        range: Range<usize>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            range,
            message: message.into(),
            severity: rule.severity,
            confidence: 1.0,
            suggestions: Vec::new(),
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn confidence(mut self, confidence: f32) -> Finding {
        self.confidence = confidence.clamp(0.0, 1.0);
        self
    }

    pub fn suggest(mut self, suggestion: impl Into<String>) -> Finding {
        self.suggestions.push(suggestion.into());
        self
    }

    pub fn related(mut self, range: Range<usize>, label: impl Into<Cow<'static, str>>) -> Finding {
        self.related.push(Related {
            range,
            label: label.into(),
        });
        self
    }

    pub fn fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }

    pub fn code(&self) -> &'static str {
        self.rule.code
    }

    /// Releases spare capacity: a vector grows to four slots on its first push, so one suggestion
    /// or one edit would otherwise cost several times its size, per finding, for as long as the
    /// report lives.
    pub fn compact(&mut self) {
        self.message.shrink_to_fit();
        self.suggestions.shrink_to_fit();
        self.related.shrink_to_fit();
        if let Some(fix) = &mut self.fix {
            fix.edits.shrink_to_fit();
        }
    }

    /// The same finding with every offset (range, related ranges, fix edits) moved by `offset`,
    /// for findings of a section of a larger text.
    pub fn shifted(mut self, offset: usize) -> Finding {
        self.range = self.range.start + offset..self.range.end + offset;
        for related in &mut self.related {
            related.range = related.range.start + offset..related.range.end + offset;
        }
        if let Some(fix) = &mut self.fix {
            for edit in &mut fix.edits {
                edit.start += offset;
                edit.end += offset;
            }
        }
        self
    }
}
