//! Q: quotation marks, brackets and punctuation.
//!
//! The pairing rules (Q001–Q007) read the document's [`QuoteMap`](crate::text::QuoteMap): every
//! mark with its role, partner and problem is decided there, once, in one linear pass. The rules
//! only turn problems into findings with a message, the related places and a fix. Q008 and Q009
//! read the tokens around attribution colons; Q010 counts mark styles.

pub mod colon_before_quotation;
pub mod dangling_attribution_colon;
pub mod fullwidth_punctuation;
pub mod mixed_quote_styles;
pub mod opening_mark_for_closing;
pub mod same_type_nested_quotation;
pub mod space_inside_quotation;
pub mod unclosed_bracket;
pub mod unclosed_quotation;
pub mod unopened_bracket;
pub mod unopened_quotation;

use std::ops::Range;

use crate::text::{Document, Mark, TokenKind};

/// The range of the last visible character before `at` in the paragraph starting at `floor`, so
/// that a related place "the paragraph ends here" points at something an editor can see.
pub(crate) fn last_char_before(view: &str, floor: usize, at: usize) -> Range<usize> {
    let at = at.min(view.len());
    match view[floor.min(at)..at].char_indices().rev().find(|(_, c)| !c.is_whitespace()) {
        Some((i, c)) => floor + i..floor + i + c.len_utf8(),
        None => at..at,
    }
}

/// The range of the first visible character at or after `at`, within `ceiling`.
pub(crate) fn first_char_after(view: &str, at: usize, ceiling: usize) -> Range<usize> {
    let ceiling = ceiling.min(view.len());
    match view[at.min(ceiling)..ceiling].char_indices().find(|(_, c)| !c.is_whitespace()) {
        Some((i, c)) => at + i..at + i + c.len_utf8(),
        None => at..at,
    }
}

/// What a mark is called in a message.
pub(crate) fn mark_name(mark: &Mark) -> &'static str {
    if mark.kind.is_bracket() {
        match mark.ch {
            '(' | ')' | '（' | '）' => "parenthesis",
            '{' | '}' | '｛' | '｝' => "brace",
            _ => "bracket",
        }
    } else {
        "quotation mark"
    }
}

/// Words that introduce what someone said: the verb of an attribution.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "acknowledged", "add", "added", "adding", "adds", "admitted", "announced", "answered", "argued", "asked", "asks",
    "claimed", "commented", "concluded", "continued", "declared", "emphasised", "emphasized", "explained", "explains",
    "insisted", "noted", "notes", "observed", "posted", "recalled", "remarked", "replied", "replies", "responded",
    "said", "say", "saying", "says", "stated", "states", "stressed", "tell", "telling", "tells", "told", "tweeted",
    "warned", "writes", "writing", "wrote",
];

pub(crate) fn is_speech_verb(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    SPEECH_VERBS.binary_search(&lower.as_str()).is_ok()
}

/// For a colon token at index `colon`, the index of a speech verb in the clause before it (back to
/// the last comma, semicolon, dash or sentence start, at most eight words), if there is one:
/// `Damien Ma, founder of Macropolo, said:`.
pub(crate) fn attribution_verb(doc: &Document, colon: usize) -> Option<usize> {
    let sentence = &doc.sentences[doc.sentence_of(colon)];
    let mut words = 0;
    for i in (sentence.tokens.start..colon).rev() {
        let token = &doc.tokens[i];
        match token.kind {
            TokenKind::Word => {
                if is_speech_verb(doc.text(token)) {
                    return Some(i);
                }
                words += 1;
                if words >= 8 {
                    return None;
                }
            }
            TokenKind::Punct if matches!(doc.text(token), "," | ";" | "—" | "–" | ":" | "(" | ")" | "“" | "”" | "\"") => {
                return None;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_sorted() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn visible_neighbours() {
        let view = "One. “Two  \n";
        assert_eq!(last_char_before(view, 0, view.len()), 10..11);
        assert_eq!(first_char_after(view, 4, view.len()), 5..8);
        assert_eq!(last_char_before(view, 0, 0), 0..0);
    }
}
