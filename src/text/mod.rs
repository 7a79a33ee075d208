//! The text model: the original bytes ([`Source`]), the prose inside them ([`prose`]), and the
//! analysed [`Document`] that rules read.

pub mod case;
pub mod document;
pub mod prose;
pub mod quotes;
pub mod script;
pub mod source;

pub use document::{Document, Flags, Paragraph, Sentence, Token, TokenKind};
pub use quotes::{Mark, MarkKind, Problem, QuoteMap, Role};
pub use source::{InputFormat, LineIndex, Original, Segment, Source};
