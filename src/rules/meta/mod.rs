//! M: findings about mtlint's own directives in the text, not about the translation. They are
//! produced by the engine ([`crate::suppression`]) rather than by a check over the prose, and they
//! do not count towards a document's score.

pub mod unused_suppression;
