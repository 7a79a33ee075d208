//! L: language: fragments left untranslated and words that mix writing systems.

pub mod mixed_script_word;
pub mod untranslated_fragment;
