//! I: idioms and phrasing: word-for-word idioms from a curated table, improbable collocations.

pub mod mangled_idiom;
