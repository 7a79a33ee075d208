use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::quotes::{last_char_before, mark_name};
use crate::text::{Document, Mark, Problem};

declare_rule! {
    /// ## What it does
    /// Finds an opening parenthesis, square bracket or brace that is never closed: not in its
    /// paragraph, not in the next few paragraphs, and not before the bracket around it closes.
    ///
    /// ## Why it matters
    /// An aside that never closes swallows the rest of the paragraph: the reader cannot tell where
    /// the main sentence resumes. Machine translation drops closing brackets when it reorders a
    /// sentence.
    ///
    /// Raters seldom mark quotation pairing or bracket errors, so its span precision is low
    /// although the findings are real artifacts.
    ///
    /// ## Example
    /// ```text
    /// (Deepseek founder Liang Wenfeng had moved to AI from his earlier focus on trading.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// (Deepseek founder Liang Wenfeng had moved to AI from his earlier focus on trading.)
    /// ```
    ///
    /// List enumerators (`a)`, `1)`, `iv)`), emoticons and half-open intervals (`[0, 1)`) are not
    /// brackets that need a partner. Related: the place by which the bracket should have closed.
    ///
    /// ## Fix safety
    /// When the bracket opens a whole sentence, the fix closes it after that sentence's final
    /// punctuation, unsafe. Inside a sentence, the fix closes it before the sentence's final
    /// punctuation and is display-only: the aside may have ended earlier.
    pub static UNCLOSED_BRACKET = {
        code: "Q006",
        name: "unclosed-bracket",
        finds: "a parenthesis never closed",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let view = doc.view();
    for mark in doc
        .quotes
        .marks
        .iter()
        .filter(|m| m.kind.is_bracket() && m.problem == Some(Problem::Unclosed))
    {
        let paragraph = &doc.paragraphs[mark.paragraph].range;
        let paragraph_end = paragraph.start + view[paragraph.clone()].trim_end().len();
        let expected = mark.expected.unwrap_or(paragraph_end).min(paragraph_end);
        let closing = mark.closing_form().to_string();
        let name = mark_name(mark);
        let message = if mark.paragraph + 1 == doc.paragraphs.len() {
            format!("{name} never closed before the end of the text")
        } else {
            format!("{name} never closed")
        };
        // The related location says where the closing bracket goes: where the fix inserts it.
        let fix = closing_fix(doc, mark, expected, paragraph_end, closing.clone());
        let at = fix.edits[0].start;
        out.push(
            Finding::new(&UNCLOSED_BRACKET, mark.range.clone(), message)
                .confidence(0.85)
                .suggest(closing.clone())
                .related(
                    last_char_before(view, paragraph.start.min(at), at),
                    format!("close the {name} with {closing} after this"),
                )
                .fix(fix),
        );
    }
}

/// Where the closing bracket most likely goes: after the sentence the bracket opens, or before the
/// final punctuation of the sentence it stands in.
fn closing_fix(
    doc: &Document,
    mark: &Mark,
    expected: usize,
    paragraph_end: usize,
    closing: String,
) -> Fix {
    if expected < paragraph_end {
        return Fix::display_only(Edit::insert(expected, closing));
    }
    let at = mark.range.start;
    let Some(sentence) = doc.sentence_at(at) else {
        return Fix::display_only(Edit::insert(expected, closing));
    };
    let end = sentence.range.end.min(expected);
    if sentence.range.start == at {
        return Fix::unsafe_edit(Edit::insert(end, closing));
    }
    let text = doc.slice(sentence.range.start..end);
    let body = text.trim_end_matches(['.', '!', '?', '…', '"', '”', '’', '\'']);
    Fix::display_only(Edit::insert(
        sentence.range.start
            + body
                .len()
                .max(at + mark.ch.len_utf8() - sentence.range.start),
        closing,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn seed_parenthesis_never_closed() {
        let text = "Beijing congratulated the AI sector. (Deepseek founder Liang Wenfeng has pivoted to AI from his focus on trading.\nThe resulting layoffs hurt the sector.";
        assert_lints(&UNCLOSED_BRACKET, text, &["("]);
        assert_fixed(
            &UNCLOSED_BRACKET,
            text,
            Applicability::Unsafe,
            "Beijing congratulated the AI sector. (Deepseek founder Liang Wenfeng has pivoted to AI from his focus on trading.)\nThe resulting layoffs hurt the sector.",
        );
    }

    #[test]
    fn parenthesis_inside_a_sentence() {
        let text = "The professor (who studies policy said the company was first.";
        assert_lints(&UNCLOSED_BRACKET, text, &["("]);
        let found = lint(&UNCLOSED_BRACKET, text);
        assert_eq!(
            found[0].fix.as_ref().unwrap().applicability,
            Applicability::DisplayOnly
        );
        assert_eq!(
            found[0].message,
            "parenthesis never closed before the end of the text"
        );
        // The related location is where the fix inserts ")": after "first", before the full
        // stop, not on the full stop that ends the text.
        let related = &found[0].related[0];
        assert_eq!(&text[related.range.clone()], "t");
        assert_eq!(
            related.range.end,
            found[0].fix.as_ref().unwrap().edits[0].start
        );
        assert_eq!(related.label, "close the parenthesis with ) after this");
    }

    #[test]
    fn square_bracket_inside_a_closed_parenthesis() {
        let text = "The firm (a unit of [the group) grew.";
        assert_lints(&UNCLOSED_BRACKET, text, &["["]);
    }

    #[test]
    fn aside_closed_in_the_next_paragraph_pairs() {
        assert_no_lints(
            &UNCLOSED_BRACKET,
            "(The first part of an aside.\nIts second part.)",
        );
    }

    #[test]
    fn balanced_and_special_brackets_pass() {
        for text in [
            "The fund (about $1.4 billion [as of May]) invests in robotics.",
            "Reasons: a) cost, b) time.",
            "Take x in [0, 1) and y in (0, 1].",
            "Great news :) see you (soon).",
            "Tickets are online (Japanese only).",
        ] {
            assert_no_lints(&UNCLOSED_BRACKET, text);
        }
    }

    #[test]
    fn ten_thousand_nested_brackets() {
        let text = "(".repeat(10_000) + "deep" + &")".repeat(9_999);
        assert_eq!(lint(&UNCLOSED_BRACKET, &text).len(), 1);
    }
}
