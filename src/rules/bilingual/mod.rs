//! B: checks of a translation against its original (bilingual mode). They run only when an
//! original is given (`--source-column`, `--source`); see [`crate::bilingual`].

pub mod number_mismatch;
pub mod untranslated_source_text;
