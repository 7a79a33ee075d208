use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use crate::text::{Document, Paragraph, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a paragraph (or table segment) that stops in mid-sentence: its last word is one that
    /// cannot end an English sentence (an article, a preposition, a conjunction, a possessive) or
    /// it ends on a comma, with no full stop after it.
    ///
    /// ## Why it matters
    /// A translation system that runs out of length, or a segment cut from its sentence, leaves a
    /// sentence that breaks off: "It consists of the catheterization of the". The reader is left
    /// without the rest of the sentence, and the translation has to be completed.
    ///
    /// ## Example
    /// ```text
    /// The temple was built by the king and
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The temple was built by the king and his court.
    /// ```
    ///
    /// Paragraphs of fewer than six words (headings, captions, list items) and transcribed speech
    /// (a document with fillers such as "uh" and "um"), where speakers break off, are left alone.
    ///
    /// ## Fix safety
    /// No fix: what is missing takes a reader and the original.
    pub static BROKEN_OFF_SENTENCE = {
        code: "G013",
        name: "broken-off-sentence",
        finds: "a paragraph or segment that stops in mid-sentence (\"… built by the king and\")",
        category: Grammar,
        mqm: [AccuracyOmission],
        severity: Warning,
        status: Preview,
        fix: None,
        check: check,
    };
}

/// Words that cannot end an English sentence.
const NEVER_LAST: &[&str] = &[
    "a", "an", "and", "at", "but", "by", "from", "his", "into", "its", "my", "nor", "of", "or",
    "our", "the", "their", "to", "with", "your",
];

/// Paragraphs shorter than this are headings, captions or list items.
const MIN_WORDS: usize = 6;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.is_transcript() {
        return;
    }
    for paragraph in &doc.paragraphs {
        if let Some(finding) = broken_off(doc, paragraph) {
            out.push(finding);
        }
    }
}

fn broken_off(doc: &Document, paragraph: &Paragraph) -> Option<Finding> {
    let tokens = &doc.tokens[paragraph.tokens.clone()];
    let words = tokens.iter().filter(|t| t.is_word()).count();
    let last = tokens.last()?;
    if words < MIN_WORDS {
        return None;
    }
    let text = doc.text(last);
    let ends_badly = match last.kind {
        TokenKind::Word => NEVER_LAST.contains(&text.to_lowercase().as_str()),
        TokenKind::Punct => text == ",",
        _ => false,
    };
    ends_badly.then(|| {
        Finding::new(
            &BROKEN_OFF_SENTENCE,
            last.range(),
            format!("the sentence breaks off after “{text}”"),
        )
        .confidence(0.8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn flags_sentences_that_break_off() {
        assert_lints(
            &BROKEN_OFF_SENTENCE,
            "It consists of selective catheterization of the",
            &["the"],
        );
        assert_lints(
            &BROKEN_OFF_SENTENCE,
            "The temple was built by the king and his court,\n\nNext paragraph here.",
            &[","],
        );
    }

    #[test]
    fn leaves_complete_and_short_paragraphs() {
        assert_no_lints(&BROKEN_OFF_SENTENCE, "What it is made of.");
        assert_no_lints(&BROKEN_OFF_SENTENCE, "Notes on the");
        assert_no_lints(
            &BROKEN_OFF_SENTENCE,
            "The temple was built by the king and his court",
        );
        assert_no_lints(
            &BROKEN_OFF_SENTENCE,
            "Uh, we went to the, um, the market and",
        );
    }
}
