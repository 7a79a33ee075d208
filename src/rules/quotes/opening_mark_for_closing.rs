use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::{Mark, Problem};

declare_rule! {
    /// ## What it does
    /// Finds an opening quotation mark where the open quotation should close: right after a quoted
    /// sentence ends, or with no space before it. Examples: `engineers. “Yiran Chen said`,
    /// `we will win,“ he said`.
    ///
    /// ## Why it matters
    /// Machine translation often turns a closing mark into an opening one. The quotation then seems
    /// to run on into the attribution, and every later mark looks reversed to the reader.
    ///
    /// Raters seldom mark quotation pairing or bracket errors, so its span precision is low
    /// although the findings are real artifacts.
    ///
    /// ## Example
    /// ```text
    /// “There are many talented engineers. “Yiran Chen, a professor at Duke University, said: “But the constraints come from elsewhere.”
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “There are many talented engineers,” Yiran Chen, a professor at Duke University, said. “But the constraints come from elsewhere.”
    /// ```
    ///
    /// The mark is only taken for a reversed closing mark when that explains the text best: if a
    /// closing mark follows it, it more likely starts a new quotation after one left open, which
    /// Q001 reports. Straight marks have no direction to get wrong: one that closes a quotation
    /// with its space on the wrong side (`meaning of "modify, "no matter`) is paired as the
    /// closing mark and not reported. Related: the opening mark of the quotation it should close.
    ///
    /// ## Fix safety
    /// Unsafe: the fix puts the closing mark in place of the opening one, before the space
    /// (`engineers.” Yiran`). The translation may also have lost words, so a reader should look.
    pub static OPENING_MARK_FOR_CLOSING = {
        code: "Q003",
        name: "opening-mark-for-closing",
        finds: "an opening mark where the quotation should close",
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
    let marks = &doc.quotes.marks;
    for mark in marks
        .iter()
        .filter(|m| m.problem == Some(Problem::OpenForClose))
    {
        let closing = mark.closing_form();
        let closing = if closing == mark.ch && !mark.is_straight() {
            '”'
        } else {
            closing
        };
        let mut finding = Finding::new(
            &OPENING_MARK_FOR_CLOSING,
            mark.range.clone(),
            "opening quotation mark where the quotation should close",
        )
        .confidence(if mark.is_straight() { 0.7 } else { 0.85 })
        .suggest(closing.to_string())
        .fix(Fix::unsafe_edit(moved_before_space(view, mark, closing)));
        if let Some(opener) = doc.quotes.partner(mark) {
            finding = finding.related(
                opener.range.clone(),
                "the quotation it should close opens here",
            );
        }
        out.push(finding);
    }
}

/// Replaces the mark with `closing`, moving it before the whitespace in front of it when text
/// follows: `engineers. “Yiran` becomes `engineers.” Yiran`.
fn moved_before_space(view: &str, mark: &Mark, closing: char) -> Edit {
    let before = &view[..mark.range.start];
    let gap_start = before.trim_end_matches([' ', '\t', '\u{a0}']).len();
    let gap = &view[gap_start..mark.range.start];
    let text_follows = view[mark.range.end..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace());
    if gap.is_empty() || gap.contains(['\n', '\r']) {
        Edit::replace(mark.range.clone(), closing.to_string())
    } else if text_follows {
        Edit::replace(gap_start..mark.range.end, format!("{closing}{gap}"))
    } else {
        Edit::replace(gap_start..mark.range.end, closing.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn seed_reversed_mark_before_the_attribution() {
        let text = "“In China, there are many young, energetic and talented researchers and engineers. “Yiran Chen, professor of electrical and computer engineering at Duke University, said: “But the constraints are from the other parts.”";
        assert_lints(&OPENING_MARK_FOR_CLOSING, text, &["“"]);
        let found = lint(&OPENING_MARK_FOR_CLOSING, text);
        assert_eq!(found[0].range.start, text.find(" “Yiran").unwrap() + 1);
        assert_eq!(found[0].related[0].range.start, 0);
        assert_eq!(found[0].suggestions, ["”"]);
        assert!(assert_fixed_contains(text, "engineers.” Yiran"));
    }

    fn assert_fixed_contains(text: &str, part: &str) -> bool {
        let found = lint(&OPENING_MARK_FOR_CLOSING, text);
        let applied = crate::fix::apply(
            text,
            found.iter().filter_map(|f| f.fix.as_ref()),
            Applicability::Unsafe,
        );
        applied.text.contains(part)
    }

    #[test]
    fn fresh_text_reversed_mark() {
        let text = "“The subsidies were a double-edged sword. “Li Wei, an analyst, said: “They helped the industry.”";
        assert_lints(&OPENING_MARK_FOR_CLOSING, text, &["“"]);
        assert_fixed(
            &OPENING_MARK_FOR_CLOSING,
            text,
            Applicability::Unsafe,
            "“The subsidies were a double-edged sword.” Li Wei, an analyst, said: “They helped the industry.”",
        );
    }

    #[test]
    fn reversed_mark_in_closing_position() {
        assert_fixed(
            &OPENING_MARK_FOR_CLOSING,
            "“We will win,“ he said.",
            Applicability::Unsafe,
            "“We will win,” he said.",
        );
    }

    #[test]
    fn reversed_mark_at_end_of_paragraph() {
        let text = "He said, “I'm sure people will always be smarter than viruses. “";
        assert_fixed(
            &OPENING_MARK_FOR_CLOSING,
            text,
            Applicability::Unsafe,
            "He said, “I'm sure people will always be smarter than viruses.”",
        );
        assert_fixed(&OPENING_MARK_FOR_CLOSING, text, Applicability::Safe, text);
    }

    #[test]
    fn new_quotation_after_a_closed_one_is_fine() {
        for text in [
            "“There are many engineers,” Chen said. “But the constraints are elsewhere.”",
            "“One.” “Two.” “Three.”",
            "He said: “We did not expect it. “We are surprised,” he added.",
        ] {
            assert_no_lints(&OPENING_MARK_FOR_CLOSING, text);
        }
    }
}
