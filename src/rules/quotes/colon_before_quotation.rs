use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::quotes::attribution_verb;
use crate::text::{Document, Mark, Role, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a colon between a speech verb and a short quotation: `Chen said: “It is hard.”`
    ///
    /// ## Why it matters
    /// Chinese and Japanese introduce every quotation with a colon, and translation keeps it.
    /// English introduces a one-sentence quotation with a comma (`Chen said, “It is hard.”`) and
    /// keeps the colon for long or formal quotations, so a text full of attribution colons reads
    /// as translated.
    ///
    /// ## Example
    /// ```text
    /// Yiran Chen, a professor at Duke University, said: “The constraints come from elsewhere.”
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Yiran Chen, a professor at Duke University, said, “The constraints come from elsewhere.”
    /// ```
    ///
    /// Only quotations of one sentence that close in the same paragraph are reported. This is a
    /// matter of style (many house styles accept the colon), so the rule is a preview and its
    /// findings are information.
    ///
    /// ## Fix safety
    /// Unsafe: the fix replaces the colon with a comma; a house style may prefer the colon.
    pub static COLON_BEFORE_QUOTATION = {
        code: "Q009",
        name: "colon-before-quotation",
        finds: "`Chen said: “It is hard.”`",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Info,
        status: Preview,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for (index, token) in doc.tokens.iter().enumerate() {
        if token.kind != TokenKind::Punct || doc.text(token) != ":" {
            continue;
        }
        let Some(open) = quotation_after(doc, token.end as usize) else {
            continue;
        };
        let Some(close) = doc.quotes.partner(open) else {
            continue;
        };
        if close.paragraph != open.paragraph
            || !is_one_sentence(doc, open, close)
            || attribution_verb(doc, index).is_none()
        {
            continue;
        }
        let range = token.range();
        out.push(
            Finding::new(
                &COLON_BEFORE_QUOTATION,
                range.clone(),
                "colon before a one-sentence quotation",
            )
            .confidence(0.6)
            .suggest(",")
            .related(open.range.start..close.range.end, "the quotation")
            .fix(Fix::unsafe_edit(Edit::replace(range, ","))),
        );
    }
}

/// The opening quotation mark right after `at`, past spaces.
fn quotation_after<'d>(doc: &'d Document, at: usize) -> Option<&'d Mark> {
    let view = doc.view();
    let rest = view.get(at..)?;
    let start = at + (rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len());
    let marks = &doc.quotes.marks;
    let index = marks.partition_point(|m| m.range.start < start);
    marks
        .get(index)
        .filter(|m| m.range.start == start && m.role == Role::Open && m.kind.is_quote())
}

/// Whether no sentence starts inside the quotation.
fn is_one_sentence(doc: &Document, open: &Mark, close: &Mark) -> bool {
    let first = doc
        .sentences
        .partition_point(|s| s.range.start <= open.range.start);
    doc.sentences
        .get(first)
        .is_none_or(|s| s.range.start >= close.range.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn colon_before_a_one_sentence_quotation() {
        let text = "Yiran Chen, a professor at Duke University, said: “The constraints come from elsewhere.”";
        assert_lints(&COLON_BEFORE_QUOTATION, text, &[":"]);
        assert_fixed(
            &COLON_BEFORE_QUOTATION,
            text,
            Applicability::Unsafe,
            "Yiran Chen, a professor at Duke University, said, “The constraints come from elsewhere.”",
        );
        assert_lints(
            &COLON_BEFORE_QUOTATION,
            "The owner, Tanaka Yui, said: \"It is a busy week.\"",
            &[":"],
        );
    }

    #[test]
    fn long_quotations_and_other_colons_pass() {
        for text in [
            "He said: “We grew fast. Our customers trusted us. We will go on.”",
            "The slogan reads: “Trust young talent.”",
            "He said, “We grew fast.”",
            "Time: 10:30. Place: “the old hall.”",
            "He said: “We did not expect it.",
        ] {
            assert_no_lints(&COLON_BEFORE_QUOTATION, text);
        }
    }
}
