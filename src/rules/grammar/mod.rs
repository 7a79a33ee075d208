//! G: grammar artifacts typical of machine translation.

pub mod article_sound_mismatch;
pub mod broken_off_sentence;
pub mod capital_mid_sentence;
pub mod doubled_word;
pub mod foreign_time_format;
pub mod garbled_sentence;
pub mod hyphen_for_dash;
pub mod malformed_construction;
pub mod number_without_separators;
pub mod passive_intransitive;
pub mod repetition_loop;
pub mod spaced_hyphen_compound;
pub mod uncountable_plural;
