//! Rules: one file per rule, grouped by category, listed once in [`registry`].
//!
//! A rule file declares its metadata and documentation with
//! [`declare_rule!`](crate::declare_rule) and provides a check function that reads the [`Context`]
//! and pushes [`Finding`](crate::diagnostic::Finding)s. Rules never re-tokenise and never
//! copy the text: they walk the document's tokens, sentences and quotation map.

pub mod figures;
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

pub use crate::context::Context;
pub use crate::diagnostic::mqm::{self, Mqm};
pub use crate::diagnostic::rule::{Category, FixAvailability, Outranker, RuleMeta, Status};
pub use figures::measured;
pub use registry::{RULES, find_rule};

/// Declares a rule's metadata; the doc comments become its documentation. Two fields are
/// optional: `yields_to: &[Outranker::…]`, the findings inside which this rule's findings are
/// dropped (default none), and `scored: false` for a rule whose findings cost the score nothing
/// (default true).
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
            check: $check:path
            $(, yields_to: $yields_to:expr)?
            $(, scored: $scored:literal)? $(,)?
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
            yields_to: {
                #[allow(unused_variables)] // the default, when the rule gives none
                let yields_to: &'static [$crate::rules::Outranker] = &[];
                $(let yields_to = $yields_to;)?
                yields_to
            },
            scored: {
                #[allow(unused_variables)]
                let scored = true;
                $(let scored = $scored;)?
                scored
            },
        };
    };
}
