use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::lexicon::lexicon;
use crate::rules::Context;
use crate::rules::words::{english_word, is_lowercase_word};
use crate::text::{Flags, Token};

declare_rule! {
    /// ## What it does
    /// Finds a lowercase word that English does not use at all: not in the English word lists
    /// (SCOWL), not among the 310,000 words of wordfreq's English frequency list, and not an
    /// inflection of either ("kalusarp", "loguma", "sodh studies").
    ///
    /// ## Why it matters
    /// A translation system that meets a word it cannot translate invents one, transliterates the
    /// source word, or leaves half of it untranslated. The reader cannot look the word up.
    ///
    /// ## Example
    /// ```text
    /// The kalusarp of the village was built in 1920.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The temple of the village was built in 1920.
    /// ```
    ///
    /// Capitalised words (names), words with digits, words of fewer than four letters, words in
    /// quotation marks, brackets, links or emphasis (a term being named or glossed), words in
    /// another script (L001) and the words the configuration accepts are left alone.
    ///
    /// ## Fix safety
    /// No fix: the right word takes the original.
    pub static INVENTED_WORD = {
        code: "L003",
        name: "invented-word",
        finds: "a lowercase word English does not use, nor any inflection of one (\"kalusarp\", \"loguma\")",
        category: Language,
        mqm: [FluencySpelling],
        severity: Warning,
        status: Preview,
        fix: None,
        check: check,
    };
}

/// Words shorter than this are abbreviations and symbols more often than words.
const MIN_LETTERS: usize = 4;

/// Endings that inflect or derive an English word, with what to put back ("studies" → "study").
const ENDINGS: &[(&str, &str)] = &[
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("ers", ""),
    ("est", ""),
    ("ly", ""),
    ("ness", ""),
    ("ism", ""),
    ("ist", ""),
    ("ists", ""),
];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for token in doc.tokens.iter().filter(|t| is_lowercase_word(doc, t)) {
        let word = doc.text(token);
        if is_candidate(token, word) && !is_known(word) && !cx.glossary.accepts(word) {
            out.push(
                Finding::new(
                    &INVENTED_WORD,
                    token.range(),
                    format!("“{word}” is not an English word"),
                )
                .confidence(0.7),
            );
        }
    }
}

fn is_candidate(token: &Token, word: &str) -> bool {
    !token.is(Flags::HAS_DIGIT)
        && !token.is(Flags::IN_QUOTE)
        && !token.is(Flags::IN_BRACKETS)
        && !token.is(Flags::MARKED)
        && word.chars().count() >= MIN_LETTERS
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        && word
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_ascii() || is_latin(c))
}

fn is_latin(c: char) -> bool {
    matches!(c, 'À'..='ɏ')
}

/// Whether English uses `word` or a word it inflects.
fn is_known(word: &str) -> bool {
    let lower = word.to_lowercase().replace('’', "'");
    let used = |w: &str| english_word(w).is_some() || lexicon().zipf(w).is_some();
    used(&lower)
        || lower.split('\'').next().is_some_and(used)
        || ENDINGS.iter().any(|(ending, back)| {
            lower
                .strip_suffix(ending)
                .is_some_and(|stem| stem.len() >= 3 && used(&format!("{stem}{back}")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn flags_words_english_does_not_use() {
        assert_lints(
            &INVENTED_WORD,
            "The kalusarp of the village was built by loguma workers.",
            &["kalusarp", "loguma"],
        );
    }

    #[test]
    fn leaves_english_words_names_and_glossed_terms() {
        assert_no_lints(
            &INVENTED_WORD,
            "The studies of spiccato were reprinted. Kalusarp said so.",
        );
        assert_no_lints(
            &INVENTED_WORD,
            "The word “kalusarp” means temple (kalusarp in Nepali); see x86 and abc.",
        );
    }
}
