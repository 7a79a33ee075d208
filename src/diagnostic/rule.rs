//! What a rule is: its identity, defaults, documentation and check function ([`RuleMeta`]).
//!
//! It lives beside [`Finding`], which names its rule, rather than with the rules: the rules and
//! everything above them import it, and it imports nothing above the analyses the
//! [`Context`] offers.

use std::fmt;

use super::mqm::Mqm;
use super::{Finding, Severity};
use crate::context::Context;

/// The families of artifacts, each with its code letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Names,
    Entities,
    Quotes,
    Idioms,
    Grammar,
    Perspective,
    Language,
    Bilingual,
    /// Findings about mtlint's own directives in the text (unused suppressions).
    Meta,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::Names => "names",
            Category::Entities => "entities",
            Category::Quotes => "quotes",
            Category::Idioms => "idioms",
            Category::Grammar => "grammar",
            Category::Perspective => "perspective",
            Category::Language => "language",
            Category::Bilingual => "bilingual",
            Category::Meta => "meta",
        }
    }

    pub fn letter(self) -> char {
        match self {
            Category::Names => 'N',
            Category::Entities => 'E',
            Category::Quotes => 'Q',
            Category::Idioms => 'I',
            Category::Grammar => 'G',
            Category::Perspective => 'P',
            Category::Language => 'L',
            Category::Bilingual => 'B',
            Category::Meta => 'M',
        }
    }
}

/// Whether a rule runs by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// On by default: quiet on well-edited English.
    Stable,
    /// Off unless selected by its code (or with `--preview`): not yet quiet enough.
    Preview,
}

/// Whether and how a rule's findings carry fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "none",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "always",
        }
    }
}

/// A rule's identity, defaults, documentation and check function.
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    /// What it finds, in a few words and examples: the README's rule table.
    pub finds: &'static str,
    pub category: Category,
    /// The MQM categories its findings fall under, the main one first (none for meta rules).
    pub mqm: &'static [Mqm],
    pub severity: Severity,
    pub status: Status,
    pub fix: FixAvailability,
    /// Markdown: What it does / Why it matters / Example / Correction / Fix safety.
    pub doc: &'static str,
    pub check: fn(&Context, &mut Vec<Finding>),
    /// The findings that say what a finding of this rule says, with more evidence: a finding of
    /// this rule that lies inside one of them is dropped (the engine applies it, after the rules
    /// ran). Empty for most rules.
    pub yields_to: &'static [Outranker],
    /// Whether a finding of this rule costs the score: not one about mtlint's own directives, nor
    /// one whose cost the score already counts another way (see [`crate::score`]).
    pub scored: bool,
}

/// Findings that outrank the findings of another rule lying inside them
/// ([`RuleMeta::yields_to`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outranker {
    /// Any finding of a rule of this category.
    Category(Category),
    /// Any finding of the rule with this code.
    Rule(&'static str),
    /// A finding of the rule with this code that carries a fix (B009's near miss of a glossary
    /// term carries one; its other findings do not).
    FixOf(&'static str),
}

impl Outranker {
    /// Whether `finding` is one of these.
    pub fn matches(self, finding: &Finding) -> bool {
        match self {
            Outranker::Category(category) => finding.rule.category == category,
            Outranker::Rule(code) => finding.rule.code == code,
            Outranker::FixOf(code) => finding.rule.code == code && finding.fix.is_some(),
        }
    }

    /// Whether findings of `rule` are among these, whatever their fix.
    pub fn includes(self, rule: &RuleMeta) -> bool {
        match self {
            Outranker::Category(category) => rule.category == category,
            Outranker::Rule(code) | Outranker::FixOf(code) => rule.code == code,
        }
    }

    /// The rule code this names, if it names one.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Outranker::Category(_) => None,
            Outranker::Rule(code) | Outranker::FixOf(code) => Some(code),
        }
    }
}

impl RuleMeta {
    /// The documentation with the one-space indent of doc comments removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// The first sentence of "What it does", for tables.
    pub fn summary(&self) -> String {
        let doc = self.documentation();
        let body = doc.split("## What it does").nth(1).unwrap_or(&doc);
        let para = body
            .trim()
            .split("\n\n")
            .next()
            .unwrap_or("")
            .replace('\n', " ");
        match para.find(". ") {
            Some(i) => para[..=i].to_string(),
            None => para,
        }
    }
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}
