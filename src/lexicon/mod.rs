//! The word lists in `wordlists/`, embedded in the binary and parsed once per process.
//!
//! Small lists are embedded as text with `include_str!` and parsed on first use; each parse is a
//! single pass over a few kilobytes. Large lists are compiled by `build.rs` into fst sets and maps
//! that are used straight from the binary without parsing.

pub mod embedded;
pub mod encoding;
pub mod tsv;

pub use embedded::{CompiledList, WordList};

use std::collections::{HashMap, HashSet};
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
    /// The toneless Hanyu Pinyin syllables (lowercase, ü as v).
    pinyin_syllables: HashSet<&'static str>,
    english_words: fst::Map<&'static [u8]>,
    given_names: fst::Map<&'static [u8]>,
    word_frequencies: fst::Map<&'static [u8]>,
}

/// How common an English word is and whether it is also written capitalised (as a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// The smallest SCOWL size that holds the word: 10 and 20 are very common words, 50 rarer ones.
    pub size: u8,
    /// The word list also has it capitalised (bill/Bill, rose/Rose): it may be a name.
    pub also_capitalised: bool,
}

/// Whether a name is a given name, a surname or both in the Western name lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Given,
    Surname,
    Both,
}

static ENGLISH_WORDS: &[u8] = CompiledList::EnglishWords.bytes();
static GIVEN_NAMES: &[u8] = CompiledList::GivenNames.bytes();
static WORD_FREQUENCIES: &[u8] = CompiledList::WordFrequencies.bytes();

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// The process-wide lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::load)
}

impl Lexicon {
    fn load() -> Lexicon {
        let abbreviations = tsv::rows(WordList::Abbreviations.text())
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
        let pinyin_syllables = tsv::rows(WordList::PinyinSyllables.text())
            .map(|row| row.get(0))
            .collect();
        Lexicon {
            abbreviations,
            pinyin_syllables,
            english_words: embedded_map(ENGLISH_WORDS),
            given_names: embedded_map(GIVEN_NAMES),
            word_frequencies: embedded_map(WORD_FREQUENCIES),
        }
    }

    /// The kind of `word` (written without its final full stop) if it is a known abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbreviationKind> {
        self.abbreviations.get(word).copied()
    }

    /// Whether `syllable` (lowercase, ü as v) is a toneless Hanyu Pinyin syllable.
    pub fn is_pinyin_syllable(&self, syllable: &str) -> bool {
        self.pinyin_syllables.contains(syllable)
    }

    /// `word` (lowercase) as an ordinary English word.
    pub fn english_word(&self, word: &str) -> Option<WordInfo> {
        self.english_words.get(word).map(|v| WordInfo {
            size: (v & encoding::SCOWL_SIZE) as u8,
            also_capitalised: v & encoding::ALSO_CAPITALISED != 0,
        })
    }

    /// How often English uses `word` (lowercase): its Zipf frequency, log10 of its uses per
    /// billion words (7.7 for "the", 3 for a word used once per million, 1 for the rarest
    /// listed), from wordfreq; `None` for a word English does not use at all.
    pub fn zipf(&self, word: &str) -> Option<f32> {
        self.word_frequencies
            .get(word)
            .map(|v| v as f32 / encoding::ZIPF_SCALE)
    }

    /// `name` (as capitalised in text) in the Western given-name and surname lists.
    pub fn western_name(&self, name: &str) -> Option<NameKind> {
        self.given_names.get(name).map(|v| match v {
            encoding::GIVEN_NAME => NameKind::Given,
            encoding::SURNAME => NameKind::Surname,
            _ => NameKind::Both,
        })
    }
}

/// The longest pinyin syllable, in letters ("zhuang", "shuang").
pub const LONGEST_PINYIN_SYLLABLE: usize = 6;

/// Whether a lowercase word splits wholly into Hanyu Pinyin syllables ("fudang" = fu + dang,
/// "zhejiang" = zhe + jiang; not "zhejang", "tingryu").
pub fn is_pinyin(word: &str) -> bool {
    if word.is_empty() || !word.is_ascii() {
        return false;
    }
    // reachable[i]: the first i letters split into syllables.
    let mut reachable = vec![false; word.len() + 1];
    reachable[0] = true;
    for end in 1..=word.len() {
        reachable[end] = (end.saturating_sub(LONGEST_PINYIN_SYLLABLE)..end)
            .any(|start| reachable[start] && lexicon().is_pinyin_syllable(&word[start..end]));
    }
    reachable[word.len()]
}

/// An fst map compiled by build.rs; the bytes were produced by the fst crate itself.
fn embedded_map(bytes: &'static [u8]) -> fst::Map<&'static [u8]> {
    fst::Map::new(bytes).expect("build.rs writes valid fst maps")
}

/// Words that commonly start an English sentence; after an abbreviation such as "U.S." one of these
/// means the sentence ended with the abbreviation.
pub fn starts_sentences(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "A",
        "According",
        "After",
        "Also",
        "An",
        "And",
        "As",
        "At",
        "But",
        "By",
        "During",
        "For",
        "He",
        "Her",
        "His",
        "How",
        "However",
        "I",
        "If",
        "In",
        "It",
        "Its",
        "Meanwhile",
        "Most",
        "Many",
        "No",
        "Now",
        "On",
        "One",
        "Our",
        "She",
        "Since",
        "So",
        "Some",
        "That",
        "The",
        "Their",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "To",
        "We",
        "What",
        "When",
        "While",
        "Why",
        "With",
        "Yet",
        "You",
    ];
    STARTERS.binary_search(&word).is_ok()
}

/// Function words (pronouns, articles, auxiliaries, conjunctions, prepositions), sorted: capitalised
/// inside a sentence they are never a name (outside a title), and at the start of a sentence their
/// capital is the position's. Modal verbs that are also names or months (May, Will) are left out.
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "all",
    "also",
    "although",
    "am",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "many",
    "might",
    "more",
    "most",
    "much",
    "must",
    "neither",
    "nor",
    "not",
    "of",
    "on",
    "only",
    "or",
    "other",
    "our",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "too",
    "under",
    "until",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
];

/// Whether `lower` (lowercase) is one of [`FUNCTION_WORDS`].
pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.binary_search(&lower).is_ok()
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
    fn fst_lists_load() {
        let info = lexicon().english_word("however").unwrap();
        assert!(info.size <= 20);
        assert!(lexicon().english_word("tingryu").is_none());
        assert!(lexicon().english_word("bill").unwrap().also_capitalised);
        assert_eq!(lexicon().western_name("Bill"), Some(NameKind::Given));
        assert!(lexicon().western_name("Pavel").is_some());
        assert!(lexicon().western_name("Wenfeng").is_none());
        assert!(lexicon().zipf("the").unwrap() > 7.0);
        assert!(lexicon().zipf("lofty").unwrap() < 4.0);
        assert!(lexicon().zipf("kalusarp").is_none());
    }

    #[test]
    fn pinyin_words_split_into_syllables() {
        assert!(is_pinyin("fudang") && is_pinyin("zhejiang") && is_pinyin("xian"));
        assert!(!is_pinyin("zhejang") && !is_pinyin("tingryu") && !is_pinyin("zjiang"));
        assert!(!is_pinyin("harvard") && !is_pinyin(""));
        assert!(!is_pinyin("xīan"));
    }

    #[test]
    fn sentence_starters_are_sorted() {
        assert!(starts_sentences("The"));
        assert!(starts_sentences("However"));
        assert!(!starts_sentences("Smith"));
    }
}
