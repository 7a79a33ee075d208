use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::lexicon::lexicon;
use crate::rules::Context;
use crate::rules::words::english_word;
use crate::text::{Document, Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a word written twice in a row: "the the", "to to".
    ///
    /// ## Why it matters
    /// Machine translation and post-editing both leave doubled words behind, and readers notice
    /// them at once.
    ///
    /// ## Example
    /// ```text
    /// The company said the the results were strong.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The company said the results were strong.
    /// ```
    ///
    /// Doublings that are correct English are left alone: "had had", "that that", "is is" (as in
    /// "what it is is"), "do do", "her her" ("gave her her book"), reduplications such as "bye
    /// bye", emphatic "very very" and "many many", names such as "Duran Duran" (both words
    /// capitalised, unless the word is a common English word that is never a name: "the Table
    /// Table" is reported), a unit after a number and the preposition ("17.6 in in Río Blanco"), a
    /// name and the verb ("Will will notice"), a noun and the modal verb ("the will will be
    /// read"), a word beside its all-capitals form ("the FIRST competition"), a word said three
    /// times or more (G012 reports loops), and every doubling in transcribed speech (a document
    /// with fillers such as "uh" and "um"), where speakers repeat themselves.
    ///
    /// ## Fix safety
    /// Removing the second copy is safe for function words (articles, prepositions, pronouns,
    /// conjunctions, auxiliaries); for other words the fix is unsafe, because the doubling may be
    /// intended emphasis.
    pub static DOUBLED_WORD = {
        code: "G003",
        name: "doubled-word",
        finds: "\"the the\", \"the Table Table\" (not \"had had\", \"17.6 in in\", \"Will will notice\")",
        category: Grammar,
        mqm: [FluencyGrammar],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

/// Doublings that are grammatical English ("gave her her book").
const ALLOWED: &[&str] = &[
    "bye", "do", "far", "ha", "had", "hee", "her", "ho", "is", "knock", "long", "many", "much",
    "no", "really", "so", "that", "too", "tsk", "tut", "very", "way", "yada", "yum",
];

/// Unit symbols that are also words: after a number, "17.6 in in Río Blanco" is inches, then the
/// preposition.
const UNITS: &[&str] = &["in", "m", "s", "g", "h", "l", "min", "per"];

/// Modal verbs that are also nouns: after a determiner the first is the noun ("the will will").
const MODAL_NOUNS: &[&str] = &["can", "may", "might", "must", "will"];

/// Words after which a modal verb is a noun.
const DETERMINERS: &[&str] = &[
    "a", "an", "any", "each", "his", "her", "its", "my", "our", "that", "the", "their", "this",
    "your",
];

/// Function words: a doubled one is always a slip.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "for", "from", "has", "have", "he", "her", "his", "i", "if", "in", "into", "it",
    "its", "may", "of", "on", "or", "our", "she", "should", "than", "the", "their", "them", "then",
    "there", "they", "this", "to", "was", "we", "were", "which", "who", "will", "with", "would",
];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.is_transcript() {
        return;
    }
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        for (i, pair) in tokens.windows(2).enumerate() {
            let (first, second) = (&pair[0], &pair[1]);
            if !is_doubling(doc, first, second)
                || opens_compound(doc, tokens.get(i + 2))
                || reads_twice(doc, tokens, i)
            {
                continue;
            }
            let said_three_times = (i > 0 && is_doubling(doc, &tokens[i - 1], first))
                || tokens
                    .get(i + 2)
                    .is_some_and(|next| is_doubling(doc, second, next));
            if said_three_times {
                continue;
            }
            let word = doc.text(second).to_lowercase();
            let edit = Edit::delete(first.end as usize..second.end as usize);
            let fix = if FUNCTION_WORDS.contains(&word.as_str()) {
                Fix::safe(edit)
            } else {
                Fix::unsafe_edit(edit)
            };
            out.push(
                Finding::new(
                    &DOUBLED_WORD,
                    first.start as usize..second.end as usize,
                    format!("doubled word “{word}”"),
                )
                .confidence(0.9)
                .suggest(doc.text(first))
                .fix(fix),
            );
        }
    }
}

/// Whether the words at `i` and `i + 1` are two different words spelled alike: a unit after a
/// number and the preposition ("17.6 in in Río Blanco"), a name and the verb ("Will will
/// notice"), a noun and the modal verb ("the will will be read", "a can can hold").
fn reads_twice(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let first = &tokens[i];
    let word = doc.text(first);
    let lower = word.to_lowercase();
    let before = i.checked_sub(1).map(|b| &tokens[b]);
    let after_number = before.is_some_and(|t| t.kind == TokenKind::Number);
    let after_determiner =
        before.is_some_and(|t| DETERMINERS.contains(&doc.text(t).to_lowercase().as_str()));
    let name_then_word = first.is(Flags::CAPITALISED)
        && !tokens[i + 1].is(Flags::CAPITALISED)
        && lexicon().western_name(word).is_some();
    after_number && UNITS.contains(&lower.as_str())
        || after_determiner && MODAL_NOUNS.contains(&lower.as_str())
        || name_then_word
}

/// Whether the token after the second word is a hyphen joined to it: "in in-memory maps" has the
/// preposition and then a compound, not a doubled word.
fn opens_compound(doc: &Document, next: Option<&Token>) -> bool {
    next.is_some_and(|t| {
        t.kind == TokenKind::Punct && doc.text(t) == "-" && !t.is(Flags::SPACE_BEFORE)
    })
}

fn is_doubling(doc: &Document, first: &Token, second: &Token) -> bool {
    if first.kind != TokenKind::Word
        || second.kind != TokenKind::Word
        || !second.is(Flags::SPACE_BEFORE)
    {
        return false;
    }
    if !doc
        .slice(first.end as usize..second.start as usize)
        .chars()
        .all(char::is_whitespace)
    {
        return false;
    }
    // "the function *function*": one of the two is marked as the term being named.
    if first.is(Flags::MARKED) != second.is(Flags::MARKED) {
        return false;
    }
    let (a, b) = (doc.text(first), doc.text(second));
    if a.to_lowercase() != b.to_lowercase()
        || (first.is(Flags::ALL_CAPS) != second.is(Flags::ALL_CAPS))
    {
        return false;
    }
    let both_capitalised = first.is(Flags::CAPITALISED) && second.is(Flags::CAPITALISED);
    (!both_capitalised || is_common_word(b)) && !ALLOWED.contains(&b.to_lowercase().as_str())
}

/// Whether a capitalised word is an ordinary English word that is never a name: "the Table
/// Table" is a doubled word, "Walla Walla" and "Duran Duran" are names.
fn is_common_word(word: &str) -> bool {
    lexicon().western_name(word).is_none()
        && english_word(word).is_some_and(|info| !info.also_capitalised && info.size <= 35)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn flags_doubled_words() {
        assert_lints(
            &DOUBLED_WORD,
            "He said the the results were strong.",
            &["the the"],
        );
        let wrapped = "It went to\nto the market.";
        let found = lint_as(&DOUBLED_WORD, wrapped, crate::text::InputFormat::Markdown);
        assert_eq!(
            found
                .iter()
                .map(|f| &wrapped[f.range.clone()])
                .collect::<Vec<_>>(),
            ["to\nto"]
        );
        assert_lints(&DOUBLED_WORD, "The the first.", &["The the"]);
    }

    #[test]
    fn leaves_grammatical_doublings() {
        assert_no_lints(
            &DOUBLED_WORD,
            "She had had enough. He said that that was all. What it is is a test.",
        );
        assert_no_lints(
            &DOUBLED_WORD,
            "They played Duran Duran and visited Walla Walla.",
        );
        assert_no_lints(
            &DOUBLED_WORD,
            "It was the, the end. The 20 20 vision. Bye bye.",
        );
        assert_no_lints(
            &DOUBLED_WORD,
            "It was very very short, for many many years. The first FIRST Global event.",
        );
        assert_no_lints(&DOUBLED_WORD, "What are they killing killing killing over?");
        assert_no_lints(&DOUBLED_WORD, "Uh, the the origin, um, is clear.");
        assert_no_lints(
            &DOUBLED_WORD,
            "It is meant for use in in-memory maps, to to-do lists and on on-site work.",
        );
    }

    #[test]
    fn leaves_units_names_and_nouns_before_their_verb() {
        assert_no_lints(
            &DOUBLED_WORD,
            "Rain peaked at 17.6 in in Río Blanco. Will will notice. The will will be read.",
        );
        assert_no_lints(&DOUBLED_WORD, "She gave her her book. A can can hold it.");
        assert_lints(&DOUBLED_WORD, "He was in in the room.", &["in in"]);
    }

    #[test]
    fn flags_a_capitalised_common_word_doubled() {
        assert_lints(
            &DOUBLED_WORD,
            "It is based on the Table Table of results.",
            &["Table Table"],
        );
    }

    #[test]
    fn a_word_beside_its_marked_mention_is_not_doubled() {
        use crate::text::InputFormat;
        let markdown = "It calls the function *function* with the list **list**.";
        assert!(lint_as(&DOUBLED_WORD, markdown, InputFormat::Markdown).is_empty());
        let html = "<p>Sends the signal <em>signal</em> to the child.</p>";
        assert!(lint_as(&DOUBLED_WORD, html, InputFormat::Html).is_empty());
        let both = "It was *the the* end.";
        assert_eq!(lint_as(&DOUBLED_WORD, both, InputFormat::Markdown).len(), 1);
    }

    #[test]
    fn function_words_are_fixed_safely() {
        assert_fixed(
            &DOUBLED_WORD,
            "He said the the results.",
            Applicability::Safe,
            "He said the results.",
        );
        assert_fixed(
            &DOUBLED_WORD,
            "A big big win.",
            Applicability::Safe,
            "A big big win.",
        );
        assert_fixed(
            &DOUBLED_WORD,
            "A big big win.",
            Applicability::Unsafe,
            "A big win.",
        );
    }

    #[test]
    fn suggests_the_single_word() {
        assert_suggestion(&DOUBLED_WORD, "go to to school", "to");
    }
}
