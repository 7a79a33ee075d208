//! Word-level helpers shared by rules that judge whether text reads as ordinary English.

use crate::lexicon::{WordInfo, lexicon};
use crate::text::{Document, Flags, Token, TokenKind};

/// `word` as an ordinary English word, whatever its case, with a curly apostrophe read as a
/// straight one and a possessive `'s` removed (the word list keeps contractions but not
/// possessives: "it's" is looked up as "it", "don't" as itself).
pub fn english_word(word: &str) -> Option<WordInfo> {
    let lower = word.to_lowercase().replace('’', "'");
    let lex = lexicon();
    lex.english_word(&lower).or_else(|| {
        lower
            .strip_suffix("'s")
            .and_then(|stem| lex.english_word(stem))
    })
}

/// Lowercase words among `tokens` (a capitalised word may be a name in any language) and how many
/// of them are English words: the evidence for telling English from another Latin-script language.
pub fn english_share(doc: &Document, tokens: &[Token]) -> (usize, usize) {
    let mut lowercase = 0;
    let mut english = 0;
    for token in tokens.iter().filter(|t| is_lowercase_word(doc, t)) {
        lowercase += 1;
        english += usize::from(english_word(doc.text(token)).is_some());
    }
    (lowercase, english)
}

/// A word written in lowercase letters (it may carry digits or an apostrophe).
pub fn is_lowercase_word(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Word
        && !token.is(Flags::CAPITALISED)
        && doc
            .text(token)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_inflected_and_possessive_forms() {
        assert!(english_word("It's").is_some());
        assert!(english_word("don’t").is_some());
        assert!(english_word("Winter").is_some());
        assert!(english_word("Tingryu").is_none());
    }
}
