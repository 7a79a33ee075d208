//! Normalisation: the keys under which name spellings are compared.
//!
//! A *part key* is one name word reduced to lowercase letters: diacritics, apostrophes, hyphens
//! and full stops dropped ("O’Brien" → "obrien", "Min-jun" → "minjun", "Lü" → "lu"). Two spellings
//! with the same part key differ only in case or punctuation; everything that compares spellings
//! works on part keys.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase letters and digits of `word`, without diacritics or punctuation.
pub fn part_key(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    if word.is_ascii() {
        // the common case, without decomposition
        key.extend(
            word.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase() as char),
        );
        return key;
    }
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// `word` lowercased with diacritics dropped, keeping hyphens (apostrophes removed): the form the
/// romanisation lists use ("Ka-shing" → "ka-shing", "Ch’en" → "chen").
pub fn romanisation_form(word: &str) -> String {
    let mut form = String::with_capacity(word.len());
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            c if c.is_alphanumeric() => form.extend(c.to_lowercase()),
            '-' | '‐' | '‑' => form.push('-'),
            _ => {}
        }
    }
    form
}

/// Whether every letter of `word` is uppercase and it has at least two letters ("MA", "AI").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// `text` with its first character uppercase and the rest as written; [`title_case`] also
/// lowercases the rest.
pub use crate::text::case::capitalise;

/// `word` with its first letter uppercase and the rest lowercase ("MA" → "Ma").
pub fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut first = true;
    for c in word.chars() {
        if first && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            first = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `word` with typographic apostrophes and dashes made plain and full stops dropped, so that
/// "O’Neill" and "O'Neill", "U.S" and "US" compare equal: differences of typography and
/// abbreviation style, not of spelling.
pub fn typographic(word: &str) -> String {
    word.chars()
        .filter(|&c| c != '.')
        .map(|c| match c {
            '’' | '‘' | '`' | '´' | 'ʼ' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            c => c,
        })
        .collect()
}

/// How two spellings of one part key differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// Not at all, or only in typography (’ and ').
    None,
    /// Only in the case of letters ("MA" / "Ma").
    Case,
    /// In apostrophes, hyphens or diacritics ("Yanan" / "Yan'an", "Zurbaran" / "Zurbarán").
    Marks,
}

/// How `a` differs from `b`, two words with the same part key.
pub fn difference(a: &str, b: &str) -> Difference {
    let (a, b) = (typographic(a), typographic(b));
    if a == b {
        Difference::None
    } else if a.to_lowercase() == b.to_lowercase() {
        Difference::Case
    } else {
        Difference::Marks
    }
}

/// Whether `a` and `b` differ only after their first letter's case ("van Gogh" / "Van Gogh").
pub fn differ_only_in_first_letter_case(a: &str, b: &str) -> bool {
    let (mut ca, mut cb) = (a.chars(), b.chars());
    match (ca.next(), cb.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && ca.as_str() == cb.as_str(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_keys_drop_case_marks_and_punctuation() {
        assert_eq!(part_key("O’Brien"), "obrien");
        assert_eq!(part_key("Min-jun"), "minjun");
        assert_eq!(part_key("Lü"), "lu");
        assert_eq!(part_key("Zurbarán"), "zurbaran");
        assert_eq!(part_key("J."), "j");
        assert_eq!(part_key("MA"), "ma");
    }

    #[test]
    fn romanisation_forms_keep_hyphens() {
        assert_eq!(romanisation_form("Ka-shing"), "ka-shing");
        assert_eq!(romanisation_form("Ch’en"), "chen");
    }

    #[test]
    fn casing_helpers() {
        assert!(is_all_caps("MA"));
        assert!(!is_all_caps("Ma"));
        assert!(!is_all_caps("A"));
        assert_eq!(title_case("MA"), "Ma");
        assert_eq!(title_case("deepseek"), "Deepseek");
        assert_eq!(capitalise("liang"), "Liang");
        assert_eq!(capitalise("deepSeek"), "DeepSeek");
        assert_eq!(capitalise(""), "");
        assert!(differ_only_in_first_letter_case("van Gogh", "Van Gogh"));
        assert!(!differ_only_in_first_letter_case("DeepSeek", "Deepseek"));
        assert_eq!(difference("O’Neill", "O'Neill"), Difference::None);
        assert_eq!(difference("U.S", "US"), Difference::None);
        assert_eq!(difference("MA", "Ma"), Difference::Case);
        assert_eq!(difference("Yanan", "Yan'an"), Difference::Marks);
    }
}
