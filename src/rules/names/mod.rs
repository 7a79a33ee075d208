//! N: names. One person or organisation spelled several ways in a document, garbled
//! transliterations, casing variants. The rules read the shared name analysis
//! ([`crate::rules::Context::names`]); none of them re-reads the text.

pub mod garbled_transliteration;
pub mod inconsistent_name_casing;
pub mod inconsistent_name_spelling;
