use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::text::{Mark, MarkKind, Role};

declare_rule! {
    /// ## What it does
    /// Finds a document that mixes straight double quotation marks (`"…"`) with curly ones
    /// (`“…”`).
    ///
    /// ## Why it matters
    /// A document keeps one style of quotation marks. Mixed styles are a sign of text pasted
    /// together from several sources or engines, and a straight mark opening a quotation that a
    /// curly mark closes (`"…”`) is a translation artifact in itself.
    ///
    /// Raters seldom mark a document's mix of quotation styles, so its span precision is low
    /// although the findings are real.
    ///
    /// ## Example
    /// ```text
    /// “We grew fast,” Zeng said. "Our customers trusted us."
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “We grew fast,” Zeng said. “Our customers trusted us.”
    /// ```
    ///
    /// Double marks are counted; apostrophes are not (`it's` beside `“…”` is common and harmless),
    /// nor are marks that are not quotation marks (inch signs) or marks another Q rule reports.
    /// A document is reported when one quotation opens in one style and closes in the other, or
    /// when each style has more than two marks (one quotation in another style may be quoted
    /// material pasted in). One finding per document, on the first mark of the less used style;
    /// related: the first mark of the other style.
    ///
    /// ## Fix safety
    /// Unsafe: the fix rewrites every paired double mark of the less used style in the other
    /// style. A house style may want the other choice.
    pub static MIXED_QUOTE_STYLES = {
        code: "Q010",
        name: "mixed-quote-styles",
        finds: "straight and curly double marks in one document",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Info,
        status: Stable,
        fix: Sometimes,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let marks = &cx.doc.quotes.marks;
    let counted = || {
        marks.iter().filter(|m| {
            m.kind == MarkKind::Double
                && m.problem.is_none()
                && matches!(m.role, Role::Open | Role::Close)
        })
    };
    let straight = counted().filter(|m| m.is_straight()).count();
    let curly = counted().filter(|m| m.is_curly()).count();
    // One quotation in each style could be a quotation pasted in; a quotation that opens in one
    // style and closes in the other cannot.
    let mixed_pair = counted().any(|m| {
        m.role == Role::Open
            && m.partner.is_some_and(|p| {
                style(&marks[p]).is_some_and(|s| Some(s) != style(m)) && style(m).is_some()
            })
    });
    if straight == 0 || curly == 0 || !(mixed_pair || straight.min(curly) > 2) {
        return;
    }
    // Curly marks win a tie: they are the typographer's choice.
    let minority_straight = straight <= curly;
    let is_minority = |m: &Mark| {
        if minority_straight {
            m.is_straight()
        } else {
            m.is_curly()
        }
    };
    let Some(first) = counted().find(|m| is_minority(m)) else {
        return;
    };
    let Some(other) = counted().find(|m| !is_minority(m)) else {
        return;
    };
    let (minority, majority) = if minority_straight {
        ("straight", "curly")
    } else {
        ("curly", "straight")
    };
    let edits: Vec<Edit> = counted()
        .filter(|m| is_minority(m) && m.partner.is_some())
        .filter_map(|m| {
            let to = if minority_straight {
                curly_form(m)
            } else {
                straight_form(m)
            };
            (to != m.ch).then(|| Edit::replace(m.range.clone(), to.to_string()))
        })
        .collect();
    let mut finding = Finding::new(
        &MIXED_QUOTE_STYLES,
        first.range.clone(),
        format!("{straight} straight and {curly} curly quotation marks in one document: this {minority} mark differs from the {majority} ones"),
    )
    .confidence(0.9)
    .related(other.range.clone(), format!("the first {majority} quotation mark"));
    if !edits.is_empty() {
        finding = finding.fix(Fix::new(Applicability::Unsafe, edits));
    }
    out.push(finding);
}

/// Straight (`true`) or curly (`false`); other marks (TeX ``) have no style here.
fn style(mark: &Mark) -> Option<bool> {
    if mark.is_straight() {
        Some(true)
    } else if mark.is_curly() {
        Some(false)
    } else {
        None
    }
}

fn curly_form(mark: &Mark) -> char {
    match (mark.kind, mark.role) {
        (MarkKind::Double, Role::Open) => '“',
        (MarkKind::Double, _) => '”',
        (_, Role::Open) => '‘',
        _ => '’',
    }
}

fn straight_form(mark: &Mark) -> char {
    if mark.kind == MarkKind::Double {
        '"'
    } else {
        '\''
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn straight_and_curly_in_one_document() {
        let text = "“We grew fast,” Zeng said. \"Our customers trusted us.\" \"Really.\"\nHe added: “More to come.”";
        assert_lints(&MIXED_QUOTE_STYLES, text, &["\""]);
        let found = lint(&MIXED_QUOTE_STYLES, text);
        assert!(found[0].message.starts_with("4 straight and 4 curly"));
        assert_eq!(found[0].related[0].range.start, 0);
        assert_fixed(
            &MIXED_QUOTE_STYLES,
            text,
            Applicability::Unsafe,
            "“We grew fast,” Zeng said. “Our customers trusted us.” “Really.”\nHe added: “More to come.”",
        );
    }

    #[test]
    fn straight_opening_with_curly_closing() {
        let text = "\"Now is the time,\" Fauci said, and \"our work is not done.”";
        assert_lints(&MIXED_QUOTE_STYLES, text, &["”"]);
        assert_fixed(
            &MIXED_QUOTE_STYLES,
            text,
            Applicability::Unsafe,
            "\"Now is the time,\" Fauci said, and \"our work is not done.\"",
        );
    }

    #[test]
    fn one_style_with_apostrophes_passes() {
        for text in [
            "“It's fine,” she said. “Don't worry.”",
            "\"It’s fine,\" she said. \"Don’t worry.\"",
            "A 6'2\" player said “yes.”",
            "He said \"yes\" once and then “no” once.",
            "`` I say brains.\" And “yes” and “no” and “maybe.”",
            "\"He called it 'madness,'\" she said.",
        ] {
            assert_no_lints(&MIXED_QUOTE_STYLES, text);
        }
    }
}
