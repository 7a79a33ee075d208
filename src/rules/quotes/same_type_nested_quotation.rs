use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::{Mark, Problem};

declare_rule! {
    /// ## What it does
    /// Finds a quotation in double marks inside another quotation in double marks.
    ///
    /// ## Why it matters
    /// English alternates the marks of nested quotations: double outside, single inside (or the
    /// reverse in British style). Two levels of double marks read as one quotation closing and
    /// another opening, and the reader loses track of who says what. Chinese uses its own marks
    /// for the inner level, which translation often flattens into double marks.
    ///
    /// Raters seldom mark quotation pairing or bracket errors, so its span precision is low
    /// although the findings are real artifacts.
    ///
    /// ## Example
    /// ```text
    /// “The officials called it “a historic step” and left,” the report said.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “The officials called it ‘a historic step’ and left,” the report said.
    /// ```
    ///
    /// Reported only when the inner quotation closes and the outer one closes after it; an opening
    /// mark after a quotation that never closed is Q001's. Straight marks nested this way are
    /// paired but not reported: much edited news writes `"… "a phrase" …"`; a curly inner mark
    /// had single marks at hand. Related: the opening mark of the outer
    /// quotation and the closing mark of the inner one.
    ///
    /// ## Fix safety
    /// Unsafe: the fix turns the inner marks into single marks of the same style (curly or
    /// straight). A house style may prefer single marks outside and double inside.
    pub static SAME_TYPE_NESTED_QUOTATION = {
        code: "Q004",
        name: "same-type-nested-quotation",
        finds: "double marks inside double marks",
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
    let marks = &doc.quotes.marks;
    for (index, mark) in marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.problem == Some(Problem::NestedSameType))
    {
        let mut finding = Finding::new(
            &SAME_TYPE_NESTED_QUOTATION,
            mark.range.clone(),
            "double quotation inside a double quotation",
        )
        .confidence(if mark.is_straight() { 0.7 } else { 0.85 });
        if let Some(outer) = enclosing(marks, index) {
            finding = finding.related(outer.range.clone(), "the enclosing quotation opens here");
        }
        if let Some(inner_close) = doc.quotes.partner(mark) {
            let (open, close) = (single_form(mark.ch), single_form(inner_close.ch));
            finding = finding
                .related(inner_close.range.clone(), "the inner quotation closes here")
                .suggest(format!("{open}…{close}"))
                .fix(Fix::new(
                    crate::fix::Applicability::Unsafe,
                    vec![
                        Edit::replace(mark.range.clone(), open.to_string()),
                        Edit::replace(inner_close.range.clone(), close.to_string()),
                    ],
                ));
        }
        out.push(finding);
    }
}

/// The opening mark of the double quotation around the mark at `index`: the nearest earlier
/// opening double mark in the same paragraph whose closing mark comes after this quotation.
/// Looks back over at most a few marks, which is all a real nesting needs.
fn enclosing(marks: &[Mark], index: usize) -> Option<&Mark> {
    let mark = &marks[index];
    let end = mark.partner.map_or(mark.range.end, |p| marks[p].range.end);
    marks[..index]
        .iter()
        .rev()
        .take(16)
        .take_while(|m| m.paragraph == mark.paragraph)
        .find(|m| {
            m.kind == mark.kind
                && m.role == crate::text::Role::Open
                && m.partner.is_none_or(|p| marks[p].range.start >= end)
        })
}

fn single_form(ch: char) -> char {
    match ch {
        '“' | '„' | '‟' => '‘',
        '”' => '’',
        '"' => '\'',
        '＂' => '＇',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn double_inside_double() {
        let text = "“The officials called it “a historic step” and left,” the report said.";
        assert_lints(&SAME_TYPE_NESTED_QUOTATION, text, &["“"]);
        let found = lint(&SAME_TYPE_NESTED_QUOTATION, text);
        assert_eq!(found[0].range.start, text.find(" “a").unwrap() + 1);
        assert_eq!(found[0].related[0].range.start, 0);
        assert_fixed(
            &SAME_TYPE_NESTED_QUOTATION,
            text,
            Applicability::Unsafe,
            "“The officials called it ‘a historic step’ and left,” the report said.",
        );
    }

    #[test]
    fn straight_double_inside_straight_double_is_left_alone() {
        // Much edited news nests straight double marks; only curly marks, which had single marks
        // at hand, are reported.
        assert_no_lints(
            &SAME_TYPE_NESTED_QUOTATION,
            "\"He called it \"madness\" and left,\" she said.",
        );
        assert_no_lints(
            &SAME_TYPE_NESTED_QUOTATION,
            "It is hard to imagine more \"sweeping and vague \"national security\" laws\" than this.",
        );
    }

    #[test]
    fn curly_inside_straight_is_reported() {
        let text = "\"He called it “madness” and left,\" she said.";
        assert_lints(&SAME_TYPE_NESTED_QUOTATION, text, &["“"]);
        assert_fixed(
            &SAME_TYPE_NESTED_QUOTATION,
            text,
            Applicability::Unsafe,
            "\"He called it ‘madness’ and left,\" she said.",
        );
    }

    #[test]
    fn alternating_marks_are_correct() {
        for text in [
            "“The officials called it ‘a historic step’ and left,” the report said.",
            "\"He called it 'madness' and left,\" she said.",
            "‘He called it “madness” and left,’ she said.",
            "“He said ‘she told me “no” twice’ today.”",
        ] {
            assert_no_lints(&SAME_TYPE_NESTED_QUOTATION, text);
        }
    }

    #[test]
    fn a_new_quotation_after_one_left_open_is_not_nesting() {
        for text in [
            "“A quote that never closes, he said. Then “another” came.",
            "He said \"yes\" and \"no\" and \"maybe\" and \"never.\"",
            "“One,” he said, “two,” she said, “three.”",
        ] {
            assert_no_lints(&SAME_TYPE_NESTED_QUOTATION, text);
        }
    }
}
