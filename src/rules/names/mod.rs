//! N: names. One person or organisation spelled several ways in a document, garbled
//! transliterations, casing variants, the Chinese anonymity mark 某 taken for a name. N001 to
//! N003 read the shared name analysis ([`crate::rules::Context::names`]) and none of them
//! re-reads the text; N004 needs only a surname and the word after it.

pub mod anonymity_marker_as_name;
pub mod garbled_transliteration;
pub mod inconsistent_name_casing;
pub mod inconsistent_name_spelling;
