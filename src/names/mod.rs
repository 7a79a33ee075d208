//! Name analysis: every person and organisation in a document, clustered, with the canonical
//! spelling of each.

pub mod lists;
pub mod mention;
pub mod normalize;
pub mod pinyin;
pub mod similarity;
pub mod sound;
