//! G: grammar artifacts typical of machine translation.

pub mod capital_mid_sentence;
pub mod doubled_word;
pub mod malformed_construction;
pub mod passive_intransitive;
pub mod uncountable_plural;
