//! Q: quotation marks, brackets and punctuation.

pub mod fullwidth_punctuation;
pub mod space_inside_quotation;
