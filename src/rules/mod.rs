//! Rules: one file per rule, grouped by category, listed once in [`registry`].
//!
//! A rule file declares its metadata and documentation with [`declare_rule!`] and provides a check
//! function that reads the [`Context`] and pushes [`Finding`]s. Rules never re-tokenise and never
//! copy the text: they walk the document's tokens, sentences and quotation map.

pub mod figures;
pub mod mqm;
pub mod registry;
pub mod table;
#[cfg(test)]
pub mod test_util;

pub mod bilingual;
pub mod entities;
pub mod grammar;
pub mod idioms;
pub mod language;
pub mod meta;
pub mod names;
pub mod perspective;
pub mod quotes;
pub mod words;

use std::cell::OnceCell;
use std::fmt;

use crate::bilingual::Alignment;
use crate::bilingual::names::{SourceName, source_names};
use crate::bilingual::numbers::PairNumbers;
use crate::config::Settings;
use crate::diagnostic::{Finding, Severity};
use crate::entities::mentions::{NameRun, name_runs};
use crate::lexicon::{self, Lexicon};
use crate::names::NameAnalysis;
use crate::text::Document;

pub use mqm::Mqm;
pub use registry::{RULES, find_rule};

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

    /// The MQM category and the measured span precision, for `mtlint explain`: data kept out of
    /// the documentation's prose ([`mqm`], [`figures`]).
    pub fn measured(&self) -> String {
        if self.mqm.is_empty() {
            return "MQM category: none (the rule is about mtlint's own comments).".to_string();
        }
        format!(
            "MQM category: {}. {}",
            mqm::names(self.mqm),
            figures::describe(self.code)
        )
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

/// Declares a rule's metadata; the doc comments become its documentation.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            finds: $finds:literal,
            category: $category:ident,
            mqm: [$($mqm:ident),* $(,)?],
            severity: $severity:ident,
            status: $status:ident,
            fix: $fix:ident,
            check: $check:path $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $ident: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            code: $code,
            name: $name,
            finds: $finds,
            category: $crate::rules::Category::$category,
            mqm: &[$($crate::rules::Mqm::$mqm),*],
            severity: $crate::diagnostic::Severity::$severity,
            status: $crate::rules::Status::$status,
            fix: $crate::rules::FixAvailability::$fix,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

/// What a rule can read: the document, the settings, and the analyses shared by several rules,
/// each computed on first use and then kept for the other rules of the same document.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub settings: &'a Settings,
    names: OnceCell<NameAnalysis>,
    alignment: OnceCell<Alignment<'a>>,
    pair_numbers: OnceCell<Vec<PairNumbers>>,
    pair_names: OnceCell<Vec<Vec<SourceName<'a>>>>,
    wordless: OnceCell<Vec<bool>>,
    name_runs: OnceCell<Vec<NameRun>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document<'a>, settings: &'a Settings) -> Context<'a> {
        Context {
            doc,
            settings,
            names: OnceCell::new(),
            alignment: OnceCell::new(),
            pair_numbers: OnceCell::new(),
            pair_names: OnceCell::new(),
            wordless: OnceCell::new(),
            name_runs: OnceCell::new(),
        }
    }

    /// The people, organisations and places the document names, clustered (see [`crate::names`]).
    pub fn names(&self) -> &NameAnalysis {
        self.names
            .get_or_init(|| {
                let glossary = &self.settings.glossary;
                NameAnalysis::new(self.doc, &glossary.names_in(self.doc.view()))
            })
    }

    /// The translation aligned with its original (empty without one).
    pub fn alignment(&self) -> &Alignment<'a> {
        self.alignment
            .get_or_init(|| crate::bilingual::align(self.doc))
    }

    /// The numbers of each aligned pair, in the order of [`Alignment::pairs`]: read once for the
    /// rules that compare them (B002, B008).
    pub fn pair_numbers(&self) -> &[PairNumbers] {
        self.pair_numbers.get_or_init(|| {
            self.alignment()
                .pairs
                .iter()
                .map(|p| PairNumbers::read(p.original, self.doc.slice(p.target.clone())))
                .collect()
        })
    }

    /// The Chinese names of each aligned pair's original, in the order of [`Alignment::pairs`]:
    /// read once for the rules that look for them in the translation (B001, B007).
    pub fn pair_names(&self) -> &[Vec<SourceName<'a>>] {
        self.pair_names.get_or_init(|| {
            self.alignment()
                .pairs
                .iter()
                .map(|p| source_names(p.original))
                .collect()
        })
    }

    /// Whether paragraph `index` has no word at all: a lone `«` on a navigation button, a `"`
    /// alone in a table cell (a ditto mark). A quotation mark there quotes nothing, so Q001 and
    /// Q002 do not report it. One pass over the tokens per document, shared by both rules.
    pub fn is_wordless_paragraph(&self, index: usize) -> bool {
        let wordless = self.wordless.get_or_init(|| {
            let doc = self.doc;
            doc.paragraphs
                .iter()
                .map(|p| !doc.tokens[p.tokens.clone()].iter().any(|t| t.is_word()))
                .collect()
        });
        wordless.get(index).copied().unwrap_or(false)
    }

    /// The runs of capitalised words where the document may name an entity, found once for the
    /// entity rules (E001, E002, E003).
    pub fn name_runs(&self) -> &[NameRun] {
        self.name_runs.get_or_init(|| name_runs(self.doc))
    }

    pub fn lexicon(&self) -> &'static Lexicon {
        lexicon::lexicon()
    }
}
