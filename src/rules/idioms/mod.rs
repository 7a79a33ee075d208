//! I: idioms and phrasing: word-for-word idioms from a curated table, improbable collocations.

pub mod broken_fixed_expression;
pub mod mangled_idiom;
