//! B: checks of a translation against its original (bilingual mode). They run only when an
//! original is given (`--source-column`, `--source`); see [`crate::bilingual`].

pub mod code_mismatch;
pub mod glossary_term_not_used;
pub mod inconsistent_translation;
pub mod length_mismatch;
pub mod name_omitted;
pub mod name_transliteration_mismatch;
pub mod number_mismatch;
pub mod number_omitted;
pub mod punctuation_mismatch;
#[cfg(test)]
pub mod test_util;
pub mod untranslated_source_text;
