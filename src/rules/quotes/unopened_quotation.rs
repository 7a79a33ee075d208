use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::quotes::{first_char_after, last_char_before};
use crate::text::{Mark, MarkKind, Problem, Role};

declare_rule! {
    /// ## What it does
    /// Finds a closing quotation mark with no quotation open: the quotation before it has already
    /// closed, or none was opened in its paragraph.
    ///
    /// ## Why it matters
    /// A stray closing mark usually means that a quotation was closed too early, or that the
    /// translation moved a mark away from the words it belonged to. The reader no longer knows
    /// which words were said.
    ///
    /// Raters seldom mark quotation pairing or bracket errors, so its span precision is low
    /// although the findings are real artifacts.
    ///
    /// ## Example
    /// ```text
    /// “If they're going abroad, they will start companies,” or they'll work for the Chinese,” Ma said.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “If they're going abroad, they will start companies, or they'll work for the Chinese,” Ma said.
    /// ```
    ///
    /// Related: the closing mark of the quotation before it (which may be the misplaced one), or
    /// the start of the paragraph. A single closing mark with nothing open is an apostrophe
    /// (`the students’ books`), and so is a straight double mark glued to a plural before a
    /// lower-case word (`the customers" computers`). A quotation opened in the previous paragraph
    /// or table row and closed here is paired, not reported. In a table, a closing mark in a
    /// document's first row, before anything opened there, may close a quotation that opened in
    /// text the table does not hold (a sentence cut out of a longer text): it is not reported; in a
    /// whole article, or in a later row, it is. A straight mark that opens a
    /// quotation with its space on the wrong side (`like," Hmmm … funny"`) is paired as the opening
    /// mark and not reported, since straight marks carry no direction of their own.
    ///
    /// ## Fix safety
    /// When the mark stands where an opening mark belongs (`”Hello,” he said`), the fix turns it
    /// into an opening mark, unsafe. Otherwise there is no fix: either this mark or an earlier one
    /// is wrong, and only a reader can tell which.
    pub static UNOPENED_QUOTATION = {
        code: "Q002",
        name: "unopened-quotation",
        finds: "a closing mark with nothing open",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: Sometimes,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let view = doc.view();
    let unopened = |m: &&Mark| {
        m.kind.is_quote()
            && m.kind != MarkKind::Single
            && m.problem == Some(Problem::Unopened)
            && !cx.is_wordless_paragraph(m.paragraph)
    };
    for mark in doc.quotes.marks.iter().filter(unopened) {
        let paragraph = &doc.paragraphs[mark.paragraph].range;
        let expected = mark.expected.unwrap_or(paragraph.start);
        let confidence = if mark.is_straight() { 0.7 } else { 0.85 };
        let mut finding = if mark.role == Role::Open {
            let opening = mark.opening_form().to_string();
            Finding::new(
                &UNOPENED_QUOTATION,
                mark.range.clone(),
                "closing quotation mark where an opening one belongs",
            )
            .suggest(opening.clone())
            .fix(Fix::unsafe_edit(Edit::replace(mark.range.clone(), opening)))
        } else {
            Finding::new(
                &UNOPENED_QUOTATION,
                mark.range.clone(),
                "closing quotation mark with no quotation open",
            )
        };
        finding = if expected > paragraph.start {
            finding.related(
                last_char_before(view, paragraph.start, expected),
                "the quotation before it closes here",
            )
        } else {
            finding.related(
                first_char_after(view, paragraph.start, mark.range.start),
                "no quotation opens in the paragraph before it",
            )
        };
        out.push(finding.confidence(confidence));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn seed_closing_mark_with_nothing_open() {
        let text = "“If they're going abroad, they're going to start a few companies,” or they'll work for the Chinese,” Ma said.";
        let found = lint(&UNOPENED_QUOTATION, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range.start, text.rfind('”').unwrap());
        assert_eq!(found[0].related[0].range.start, text.find('”').unwrap());
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn stray_closing_mark_after_a_closed_quotation() {
        let text = "Liang said that “the talent of China is underestimated.” At the social level, innovations are rare. ”";
        assert_lints(&UNOPENED_QUOTATION, text, &["”"]);
    }

    #[test]
    fn closing_mark_in_a_paragraph_without_quotation() {
        let text = "The festival runs until Tuesday.” Tickets are sold online.";
        let found = lint(&UNOPENED_QUOTATION, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].related[0].range.clone()], "T");
    }

    #[test]
    fn reversed_opening_mark() {
        let text = "”We will win,” the coach said.";
        assert_lints(&UNOPENED_QUOTATION, text, &["”"]);
        assert_fixed(
            &UNOPENED_QUOTATION,
            text,
            Applicability::Unsafe,
            "“We will win,” the coach said.",
        );
    }

    #[test]
    fn straight_closing_mark_with_nothing_open() {
        assert_lints(
            &UNOPENED_QUOTATION,
            "It was \"fine,\" he said, and then good,\" she added.",
            &["\""],
        );
    }

    #[test]
    fn closing_mark_of_a_quotation_from_the_previous_row_or_paragraph() {
        let text = "\"Although in retreat, the group remains capable of attacks.\nIt also aims to attract fighters,\" the report said.";
        assert_no_lints(&UNOPENED_QUOTATION, text);
    }

    #[test]
    fn apostrophes_and_measurements_are_not_closing_marks() {
        for text in [
            "The workers’ union and the Smiths’ house.",
            "A 6'2\" player with a 15\" laptop.",
            "Prices rose in the ’90s and ’00s.",
            "He said “yes” and she said “no.”",
        ] {
            assert_no_lints(&UNOPENED_QUOTATION, text);
        }
    }
}
