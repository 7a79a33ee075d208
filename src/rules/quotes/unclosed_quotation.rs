use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::quotes::last_char_before;
use crate::text::{Mark, MarkKind, Problem};

declare_rule! {
    /// ## What it does
    /// Finds an opening quotation mark that is never closed: not by the end of its paragraph (when
    /// the next paragraph does not continue the quotation), not by the end of the text, and not
    /// before the quotation around it closes or a new one opens.
    ///
    /// ## Why it matters
    /// Machine translation often drops the closing mark of a quotation, so the reader cannot tell
    /// where the quoted words end and the reporting starts again. It is the most visible artifact
    /// of broken quotation.
    ///
    /// ## Example
    /// ```text
    /// “Innovation requires as little intervention as possible,” Liang said. “Innovation often arises by itself.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “Innovation requires as little intervention as possible,” Liang said. “Innovation often arises by itself.”
    /// ```
    ///
    /// English conventions are respected: a quotation that runs on into the next paragraph leaves
    /// its closing mark off, and that paragraph opens with an opening mark; apostrophes (`'90s`,
    /// `'til`, `rock 'n' roll`) are not quotation marks; a straight single mark left open is taken
    /// for an apostrophe, and so is a single opening mark left open at the end of its paragraph
    /// (it is reported when a double quotation around it closes first); a quotation closed in a
    /// later paragraph or table row is paired with its closing mark. In a table whose rows may be
    /// sentences, a quotation left open at the end of a row may go on in the next rows, so it is
    /// only reported when something in its own row contradicts it. Related: the place by which
    /// the quotation should have been closed.
    ///
    /// ## Fix safety
    /// The fix inserts the closing mark where the quotation was expected to close. It is unsafe
    /// when the paragraph ends with a full stop, question or exclamation mark (the quotation most
    /// likely ends with it), and display-only otherwise, since the closing mark may belong
    /// earlier.
    pub static UNCLOSED_QUOTATION = {
        code: "Q001",
        name: "unclosed-quotation",
        category: Quotes,
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let view = doc.view();
    let marks = &doc.quotes.marks;
    for mark in marks.iter().filter(|m| m.kind.is_quote() && m.problem == Some(Problem::Unclosed)) {
        let paragraph = &doc.paragraphs[mark.paragraph].range;
        let paragraph_end = paragraph.start + view[paragraph.clone()].trim_end().len();
        let expected = mark.expected.unwrap_or(paragraph_end);
        let at_paragraph_end = expected >= paragraph_end;
        if mark.kind == MarkKind::Single && at_paragraph_end {
            // Left open at the end of its paragraph, a single opening mark is as likely an
            // apostrophe typed the wrong way round (‘Are you insane?) as a quotation.
            continue;
        }
        let last = mark.paragraph + 1 == doc.paragraphs.len();
        let message = match (at_paragraph_end, last) {
            (true, true) => "quotation never closed before the end of the text",
            (true, false) => "quotation never closed before the end of its paragraph",
            (false, _) => "quotation never closed",
        };
        let closing = mark.closing_form().to_string();
        let ends_sentence = view[..expected].trim_end().ends_with(['.', '!', '?', '…']);
        let edit = Edit::insert(expected, closing.clone());
        let fix = if at_paragraph_end && ends_sentence { Fix::unsafe_edit(edit) } else { Fix::display_only(edit) };
        out.push(
            Finding::new(&UNCLOSED_QUOTATION, mark.range.clone(), message)
                .confidence(confidence(mark))
                .suggest(closing)
                .related(last_char_before(view, paragraph.start.min(expected), expected), "the quotation should close by here")
                .fix(fix),
        );
    }
}

/// Curly double marks say plainly that they open; a straight mark's direction is inferred; a
/// single opening mark may be an apostrophe typed the wrong way round.
fn confidence(mark: &Mark) -> f32 {
    match (mark.kind, mark.is_straight()) {
        (MarkKind::Double, false) => 0.9,
        (MarkKind::Double, true) => 0.8,
        (MarkKind::Single, _) => 0.6,
        _ => 0.85,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn seed_quotation_left_open_at_end_of_text() {
        let text = "“Innovation requires no intervention,” Lean said. “Innovation often arises in itself, not as planned.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["“"]);
        let found = lint(&UNCLOSED_QUOTATION, text);
        assert_eq!(found[0].message, "quotation never closed before the end of the text");
        assert_eq!(&text[found[0].related[0].range.clone()], ".");
        assert_fixed(&UNCLOSED_QUOTATION, text, Applicability::Unsafe, &format!("{text}”"));
        assert_fixed(&UNCLOSED_QUOTATION, text, Applicability::Safe, text);
    }

    #[test]
    fn quotation_left_open_before_the_attribution() {
        let text = "“You've been kicking out all of this talent. Damien Ma, founder of Macropolo, said:\nWashington also cites security concerns.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["“"]);
        let found = lint(&UNCLOSED_QUOTATION, text);
        assert_eq!(found[0].message, "quotation never closed before the end of its paragraph");
        assert_eq!(found[0].fix.as_ref().unwrap().applicability, Applicability::DisplayOnly);
    }

    #[test]
    fn straight_quotation_left_open() {
        let text = "He said: \"It is a hand of a cat borrowing situation.\nTanaka's stall serves ramen.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["\""]);
        assert_fixed(
            &UNCLOSED_QUOTATION,
            text,
            Applicability::Unsafe,
            "He said: \"It is a hand of a cat borrowing situation.\"\nTanaka's stall serves ramen.",
        );
    }

    #[test]
    fn fresh_text_left_open_then_new_paragraph_quotes() {
        let text = "“The bridge will open next year, the mayor said.\n“We are proud of it,” she added.";
        // The next paragraph opens with a quotation mark: English run-on, not an error.
        assert_no_lints(&UNCLOSED_QUOTATION, text);
        let text = "“The bridge will open next year, the mayor said.\nShe spoke in the town hall.\n“We are proud,” she added.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["“"]);
    }

    #[test]
    fn run_on_over_three_paragraphs() {
        let text = "“First paragraph of the speech.\n“Second paragraph.\n“Third and last,” he said.";
        assert_no_lints(&UNCLOSED_QUOTATION, text);
    }

    #[test]
    fn nested_single_left_open() {
        let text = "“He told me ‘come back tomorrow and left,” she said.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["‘"]);
        assert_fixed(&UNCLOSED_QUOTATION, text, Applicability::Unsafe, text);
    }

    #[test]
    fn well_formed_quotations_pass() {
        for text in [
            "“The success of Deepseek proves that our education is amazing,” read the headline of one blog post.",
            "Pavel Durov said: “If the US does not reform its education, it will pass leadership to China,” he wrote.",
            "The committee declared the need to “trust young talent” and said firms would “have stronger control.”",
            "\"It's a building that finally matches its collection,\" said the director. \"For years we kept pieces in storage.\"",
            "He said \"the '90s were 'different',\" and laughed.",
            "Contest organizers said entries had doubled since the '90s, rock 'n' roll style, 'til today.",
            "She said, “He told me ‘no.’ ”",
        ] {
            assert_no_lints(&UNCLOSED_QUOTATION, text);
        }
    }

    #[test]
    fn apostrophes_are_not_quotations() {
        for text in [
            "The students' books, the Joneses' car and O'Brien's café.",
            "‘Tis the season, said the owner of the ‘80s diner.",
            "Hawai'i's beaches, and y'all know it.",
            "He was goin' home 'cause it was late, an' tired.",
            "They 'ad a good time, 'e said.",
        ] {
            assert_no_lints(&UNCLOSED_QUOTATION, text);
        }
    }

    #[test]
    fn quotation_inside_code_spans_is_ignored() {
        let text = "Run `echo \"hello` and see.\n\nThe result is `'a` and `“b`.\n";
        assert!(lint_as(&UNCLOSED_QUOTATION, text, crate::text::InputFormat::Markdown).is_empty());
    }

    #[test]
    fn markdown_block_quote_is_not_a_quotation_mark() {
        let text = "She said:\n\n> We listened to the criticism,\n> and we will keep listening.\n\nThen she left.\n";
        assert!(lint_as(&UNCLOSED_QUOTATION, text, crate::text::InputFormat::Markdown).is_empty());
        let text = "> “We listened to the criticism.\n\nThen she left.\n";
        assert_eq!(lint_as(&UNCLOSED_QUOTATION, text, crate::text::InputFormat::Markdown).len(), 1);
    }
}
