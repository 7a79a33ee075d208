use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::{Document, Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a word or a phrase repeated in a row: a phrase of lowercase words three times or more
    /// ("people are going on going on going on"), a single word, a capitalised phrase or a phrase
    /// with punctuation four times or more ("prayer prayer prayer prayer", "Narayan Narayan
    /// Narayan Narayan", "ma, ma, ma, ma", "who lived by the virgin, who lived by the virgin, …").
    ///
    /// ## Why it matters
    /// A neural translation system that loses its way repeats itself until it runs out of length:
    /// the loop is the surest sign of degenerate output, and the sentence around it usually needs
    /// translating again.
    ///
    /// ## Example
    /// ```text
    /// When the lofty lofty lofty lofty temple was built, people are going on going on going on.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// When the lofty temple was built, people went on.
    /// ```
    ///
    /// Repetition that English uses on purpose is left alone: a word, a name or an exclamation
    /// said three times ("killing killing killing", "Walla Walla Walla", "no, no, no", "hear ye,
    /// hear ye, hear ye"), reduplications and interjections however long ("ha ha ha ha", "knock
    /// knock knock knock"), repetition across sentences, and every repetition in transcribed
    /// speech (a document with fillers such as "uh" and "um").
    ///
    /// ## Fix safety
    /// Keeping one copy is unsafe: the loop often replaced words the translation lost, so the
    /// sentence needs a reader.
    pub static REPETITION_LOOP = {
        code: "G012",
        name: "repetition-loop",
        finds: "a word or phrase repeated in a row: \"prayer prayer prayer prayer\", \"going on going on going on\"",
        category: Grammar,
        mqm: [FluencyGrammar],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

/// The longest repeated unit looked for, in tokens (words and the punctuation between them).
const MAX_UNIT: usize = 8;

/// Copies in a row that make a loop of a phrase of lowercase words ("going on going on going on").
const MIN_COPIES: usize = 3;

/// Copies in a row that make a loop of a single word, of a capitalised phrase or of a unit with
/// punctuation: English says these three times on purpose ("killing killing killing", "Walla
/// Walla Walla", "hear ye, hear ye, hear ye"), a fourth copy it does not.
const MIN_COPIES_DELIBERATE: usize = 4;

/// Words English repeats on purpose, however often.
const REDUPLICATED: &[&str] = &[
    "ba", "bla", "blah", "bye", "cha", "choo", "da", "dum", "ha", "hee", "hip", "ho", "knock",
    "la", "na", "oh", "rah", "tick", "tsk", "tut", "very", "yada",
];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.is_transcript() {
        return;
    }
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let keys: Vec<String> = tokens.iter().map(|t| doc.text(t).to_lowercase()).collect();
        let mut i = 0;
        while i < tokens.len() {
            match longest_loop(tokens, &keys, i) {
                Some((n, copies)) => {
                    out.push(finding(doc, &tokens[i..i + n * copies], n, copies));
                    i += n * copies;
                }
                None => i += 1,
            }
        }
    }
}

/// The unit length and number of copies of the longest loop starting at token `i`, if one does.
fn longest_loop(tokens: &[Token], keys: &[String], i: usize) -> Option<(usize, usize)> {
    if !matches!(tokens[i].kind, TokenKind::Word | TokenKind::Number) {
        return None;
    }
    (1..=MAX_UNIT)
        .filter_map(|n| {
            let unit = tokens.get(i..i + n)?;
            let words_only = unit.iter().all(|t| t.kind == TokenKind::Word);
            if n == 1 && REDUPLICATED.contains(&keys[i].as_str())
                || !unit.iter().any(|t| t.is_word())
            {
                return None;
            }
            let mut copies = 1;
            while i + n * (copies + 1) <= tokens.len()
                && (0..n).all(|k| keys[i + n * copies + k] == keys[i + k])
            {
                copies += 1;
            }
            let capitalised = unit.iter().all(|t| t.is(Flags::CAPITALISED));
            let needed = if words_only && n >= 2 && !capitalised {
                MIN_COPIES
            } else {
                MIN_COPIES_DELIBERATE
            };
            (copies >= needed).then_some((n, copies))
        })
        .max_by_key(|(n, copies)| n * copies)
}

fn finding(doc: &Document, run: &[Token], n: usize, copies: usize) -> Finding {
    // The unit's own trailing punctuation ("ma, ma, ma, ma,") stays out of the range and the fix.
    let unit = &run[..n];
    let last_word = unit
        .iter()
        .rposition(|t| t.kind != TokenKind::Punct)
        .unwrap_or(0);
    let start = run[0].start as usize;
    let end = run[run.len() - n + last_word].end as usize;
    let phrase = doc.slice(start..unit[last_word].end as usize).to_string();
    Finding::new(
        &REPETITION_LOOP,
        start..end,
        format!("“{phrase}” repeated {copies} times in a row"),
    )
    .confidence(0.9)
    .suggest(phrase.clone())
    .fix(Fix::unsafe_edit(Edit::replace(start..end, phrase)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn flags_word_and_phrase_loops() {
        assert_lints(
            &REPETITION_LOOP,
            "When the lofty lofty lofty lofty temple was built.",
            &["lofty lofty lofty lofty"],
        );
        assert_lints(
            &REPETITION_LOOP,
            "People are going on going on going on going on in the town.",
            &["going on going on going on going on"],
        );
        assert_lints(
            &REPETITION_LOOP,
            "The Prayer prayer prayer prayer was long.",
            &["Prayer prayer prayer prayer"],
        );
        assert_lints(
            &REPETITION_LOOP,
            "Moon Narayan Narayan Narayan Narayan came. Ma, ma, ma, ma, ma, they said.",
            &["Narayan Narayan Narayan Narayan", "Ma, ma, ma, ma, ma"],
        );
        assert_lints(
            &REPETITION_LOOP,
            "It is the society of the society of the society of the town.",
            &["the society of the society of the society of"],
        );
    }

    #[test]
    fn leaves_deliberate_repetition() {
        assert_no_lints(&REPETITION_LOOP, "No, no, no. Hear ye, hear ye, hear ye.");
        assert_no_lints(
            &REPETITION_LOOP,
            "He laughed: ha ha ha ha. Knock knock knock.",
        );
        assert_no_lints(&REPETITION_LOOP, "They sang Walla Walla Walla all night.");
        assert_no_lints(
            &REPETITION_LOOP,
            "What are they killing killing killing over?",
        );
        assert_no_lints(&REPETITION_LOOP, "It fell. It fell. It fell. It fell.");
        assert_no_lints(&REPETITION_LOOP, "The the cat sat.");
        assert_no_lints(
            &REPETITION_LOOP,
            "Uh, we went went went, um, home. It was far.",
        );
    }

    #[test]
    fn keeps_one_copy_as_an_unsafe_fix() {
        assert_fixed(
            &REPETITION_LOOP,
            "It rained rained rained rained all day.",
            Applicability::Unsafe,
            "It rained all day.",
        );
        assert_suggestion(&REPETITION_LOOP, "a big big big big dog", "big");
    }
}
