//! The word lists in `wordlists/`, embedded in the binary and parsed once per process.
//!
//! Small lists are embedded as text with `include_str!` and parsed on first use; each parse is a
//! single pass over a few kilobytes. Large lists are compiled by `build.rs` into fst sets and maps
//! that are used straight from the binary without parsing.

pub mod tsv;

use std::collections::HashMap;
use std::sync::OnceLock;

/// How an abbreviation written with a full stop behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationKind {
    /// Mr., Dr.: always followed by a name, never ends a sentence.
    Title,
    /// No., Vol.: followed by a number.
    Numeric,
    /// Jan., Sept.: followed by a day number.
    Month,
    /// U.S., etc.: ends a sentence only when the next word is one that starts sentences.
    Other,
}

/// All embedded word lists.
pub struct Lexicon {
    abbreviations: HashMap<&'static str, AbbreviationKind>,
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// The process-wide lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::load)
}

impl Lexicon {
    fn load() -> Lexicon {
        let abbreviations = tsv::rows(include_str!("../../wordlists/abbreviations.tsv"))
            .map(|row| {
                let kind = match row.get(1) {
                    "title" => AbbreviationKind::Title,
                    "numeric" => AbbreviationKind::Numeric,
                    "month" => AbbreviationKind::Month,
                    _ => AbbreviationKind::Other,
                };
                (row.get(0), kind)
            })
            .collect();
        Lexicon { abbreviations }
    }

    /// The kind of `word` (written without its final full stop) if it is a known abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationKind> {
        self.abbreviations.get(word).copied()
    }
}

/// Words that commonly start an English sentence; after an abbreviation such as "U.S." one of these
/// means the sentence ended with the abbreviation.
pub fn starts_sentences(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "A", "According", "After", "Also", "An", "And", "As", "At", "But", "By", "During", "For", "He", "Her",
        "His", "How", "However", "I", "If", "In", "It", "Its", "Meanwhile", "Most", "Many", "No", "Now", "On",
        "One", "Our", "She", "Since", "So", "Some", "That", "The", "Their", "There", "These", "They", "This",
        "Those", "To", "We", "What", "When", "While", "Why", "With", "Yet", "You",
    ];
    STARTERS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_load() {
        assert_eq!(lexicon().abbreviation("Mr"), Some(AbbreviationKind::Title));
        assert_eq!(lexicon().abbreviation("U.S"), Some(AbbreviationKind::Other));
        assert_eq!(lexicon().abbreviation("Jan"), Some(AbbreviationKind::Month));
        assert_eq!(lexicon().abbreviation("the"), None);
    }

    #[test]
    fn sentence_starters_are_sorted() {
        assert!(starts_sentences("The"));
        assert!(starts_sentences("However"));
        assert!(!starts_sentences("Smith"));
    }
}
