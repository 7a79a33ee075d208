//! G: grammar artifacts typical of machine translation.

pub mod capital_mid_sentence;
pub mod doubled_word;
