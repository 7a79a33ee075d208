//! G: grammar artifacts typical of machine translation.

pub mod doubled_word;
