//! mtlint finds the artifacts machine translation leaves in English text: names spelled several
//! ways in one article, institutions that do not exist, broken quotation, idioms translated word
//! for word, first person leaking into reporting, untranslated fragments. It scores each document
//! and proposes corrections.
//!
//! The library is small on purpose:
//!
//! ```
//! use mtlint::{Linter, Settings, Source, InputFormat};
//!
//! let linter = Linter::new(Settings::default());
//! let source = Source::new("article.txt", "He said the the results were strong.", InputFormat::Plain);
//! let report = linter.check(&source);
//! assert_eq!(report.findings[0].code(), "G003");
//! assert!(report.score < 100.0);
//! ```
//!
//! The binary (`src/main.rs` and the `cli` module) adds file discovery, files in parallel,
//! progress and fix writes; it needs the default feature `cli`. Without it
//! (`default-features = false`) the library builds without clap, rayon, indicatif, ignore and
//! the rest, and still reads configuration and glossaries and writes every report format.
//!
//! ## Layers
//!
//! The modules form layers. A module imports from its own layer or the layers below it, never
//! from a layer above, and the imports between modules have no cycle. The list below, top layer
//! first, is the one declaration: a test (`src/layers.rs`) reads it and every `crate::` path of
//! `src/` outside test code, and fails on an upward import or a cycle. A new module takes its
//! place here.
//!
//! ```text
//! cli                                      the command line (feature `cli`)
//! report                                   the output formats
//! engine suppression                       running the rules; what applies to every rule after
//! config score                             settings from mtlint.toml and flags; the score
//! rules                                    one file per rule, and the registry
//! diagnostic                               findings, and what a rule is (`diagnostic::rule`)
//! context                                  what a rule reads: the document and shared analyses
//! glossary bilingual phrases fluency       analyses of the document and the desk's termbase
//! names table                              names and their clusters; table input
//! entities                                 known entities and mentions
//! text fix lexicon read error              text and its views, edits, word lists, files, errors
//! ```

pub mod bilingual;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod context;
pub mod diagnostic;
pub mod engine;
pub mod entities;
pub mod error;
pub mod fix;
pub mod fluency;
pub mod glossary;
pub mod lexicon;
pub mod names;
pub mod phrases;
pub mod read;
pub mod report;
pub mod rules;
pub mod score;
pub mod suppression;
pub mod table;
pub mod text;

#[cfg(test)]
mod layers;

pub use config::Settings;
pub use diagnostic::{Finding, Severity};
pub use engine::{
    FixOutcome, Linter, MAX_FIX_ROUNDS, Omitted, Report, SECTION_BYTES, SegmentScore,
};
pub use error::{Error, Result};
pub use fix::{Applicability, Edit, Fix};
pub use text::{Document, InputFormat, Source};
