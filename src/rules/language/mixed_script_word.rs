use unicode_script::Script;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::text::script::{self, latin_lookalike};
use crate::text::{Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a Latin word that carries Cyrillic or Greek letters drawn like Latin ones: “Мoscow”
    /// with a Cyrillic `М`, “Dеepseek” with a Cyrillic `е`, “ΟECD” with a Greek capital omicron.
    ///
    /// ## Why it matters
    /// The word looks right but is not the word: search, spell checking, sorting and name matching
    /// all miss it, and a reader's screen reader spells it out letter by letter. Such letters come
    /// from a wrong keyboard layout, OCR, or a translation pipeline that copied part of a name from
    /// the source.
    ///
    /// ## Example
    /// ```text
    /// The talks in Мoscow ended on Friday.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The talks in Moscow ended on Friday.
    /// ```
    ///
    /// Only words written mostly in Latin letters are checked; a word mostly in Cyrillic or Greek
    /// is foreign text, which L001 reports. Greek letters used as symbols (μm, NF-κB, ΔG) are left
    /// alone: they are not look-alikes of Latin letters.
    ///
    /// ## Fix safety
    /// Safe when every foreign letter has one Latin look-alike: the word is then spelled with
    /// those letters and reads exactly as before. A word that also carries a Cyrillic letter with
    /// no Latin look-alike is reported without a fix.
    pub static MIXED_SCRIPT_WORD = {
        code: "L002",
        name: "mixed-script-word",
        finds: "a Cyrillic or Greek letter inside a Latin word (\"Мoscow\")",
        category: Language,
        mqm: [FluencySpelling],
        severity: Warning,
        status: Stable,
        fix: Sometimes,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        if let Some(finding) = check_word(doc.text(token), token) {
            out.push(finding);
        }
    }
}

/// What the letters of a word are.
#[derive(Default)]
struct Letters {
    latin: usize,
    foreign: usize,
    /// Foreign letters with a Latin look-alike.
    lookalike: usize,
    /// A foreign letter is Cyrillic (never a symbol in English text, unlike Greek).
    cyrillic: bool,
}

fn count_letters(word: &str) -> Letters {
    let mut letters = Letters::default();
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        match script::script(c) {
            Script::Latin => letters.latin += 1,
            Script::Cyrillic | Script::Greek => {
                letters.foreign += 1;
                letters.lookalike += usize::from(latin_lookalike(c).is_some());
                letters.cyrillic |= script::script(c) == Script::Cyrillic;
            }
            // Any other script makes it something else than a Latin word with stray letters.
            _ => return Letters::default(),
        }
    }
    letters
}

fn check_word(word: &str, token: &Token) -> Option<Finding> {
    let letters = count_letters(word);
    if letters.foreign == 0 || letters.latin == 0 || letters.latin < letters.foreign {
        return None;
    }
    let all_lookalikes = letters.lookalike == letters.foreign;
    if !all_lookalikes && !letters.cyrillic {
        // Greek letters that are not look-alikes are symbols: "μm", "αvβ3".
        return None;
    }
    let start = token.start as usize;
    let range = token.range();
    if !all_lookalikes {
        return Some(
            Finding::new(
                &MIXED_SCRIPT_WORD,
                range,
                format!("“{word}” mixes Latin and Cyrillic letters"),
            )
            .confidence(0.8),
        );
    }
    let mut edits = Vec::new();
    let mut latin = String::with_capacity(word.len());
    let mut foreign = Vec::new();
    for (i, c) in word.char_indices() {
        match latin_lookalike(c) {
            Some(l) => {
                edits.push(Edit::replace(
                    start + i..start + i + c.len_utf8(),
                    l.to_string(),
                ));
                latin.push(l);
                foreign.push(format!("{} “{c}”", script::script(c).full_name()));
            }
            None => latin.push(c),
        }
    }
    foreign.dedup();
    let message = format!("“{word}” carries {} in a Latin word", list(&foreign));
    Some(
        Finding::new(&MIXED_SCRIPT_WORD, range, message)
            .confidence(0.95)
            .suggest(latin)
            .fix(Fix::new(Applicability::Safe, edits)),
    )
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn flags_cyrillic_lookalikes_in_latin_words() {
        assert_lints(
            &MIXED_SCRIPT_WORD,
            "The talks in Мoscow ended.",
            &["Мoscow"],
        );
        assert_suggestion(&MIXED_SCRIPT_WORD, "The talks in Мoscow ended.", "Moscow");
        assert_fixed(
            &MIXED_SCRIPT_WORD,
            "Dеepseеk said so.",
            Applicability::Safe,
            "Deepseek said so.",
        );
    }

    #[test]
    fn flags_greek_capital_lookalikes() {
        assert_fixed(
            &MIXED_SCRIPT_WORD,
            "The ΟECD report.",
            Applicability::Safe,
            "The OECD report.",
        );
    }

    #[test]
    fn cyrillic_without_lookalike_has_no_fix() {
        let found = lint(&MIXED_SCRIPT_WORD, "The city of Mosжow.");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn leaves_plain_words_and_foreign_words() {
        assert_no_lints(
            &MIXED_SCRIPT_WORD,
            "The talks in Moscow ended. Café owners agreed.",
        );
        assert_no_lints(&MIXED_SCRIPT_WORD, "The Kremlin (Москва) said so.");
        assert_no_lints(
            &MIXED_SCRIPT_WORD,
            "The Russian word Москвa is the city's name.",
        );
    }

    #[test]
    fn leaves_greek_symbols() {
        assert_no_lints(
            &MIXED_SCRIPT_WORD,
            "Cells measured 5 μm across; NF-κB was active; ΔG fell; αvβ3 binds.",
        );
        assert_no_lints(&MIXED_SCRIPT_WORD, "The νe flux was measured.");
    }
}
