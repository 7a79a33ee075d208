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
//! The binary (`src/main.rs` and [`cli`]) adds file discovery, configuration and the report formats.

pub mod bilingual;
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

pub use config::Settings;
pub use diagnostic::{Finding, Severity};
pub use engine::{
    FixOutcome, Linter, MAX_FIX_ROUNDS, Omitted, Report, SECTION_BYTES, SegmentScore,
};
pub use error::{Error, Result};
pub use fix::{Applicability, Edit, Fix};
pub use text::{Document, InputFormat, Source};
