use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use crate::rules::quotes::{first_char_after, last_char_before, mark_name};
use crate::text::Problem;

declare_rule! {
    /// ## What it does
    /// Finds a closing parenthesis, square bracket or brace with nothing open before it.
    ///
    /// ## Why it matters
    /// A stray closing bracket means the opening one was lost or put in the wrong place, so the
    /// reader cannot tell where the aside began.
    ///
    /// Raters seldom mark quotation pairing or bracket errors, so its span precision is low
    /// although the findings are real artifacts.
    ///
    /// ## Example
    /// ```text
    /// The company, founded in 2023 by a former hedge fund manager) is based in Hangzhou.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The company (founded in 2023 by a former hedge fund manager) is based in Hangzhou.
    /// ```
    ///
    /// List enumerators (`a)`, `1)`, `iv)`), emoticons (`:)`), half-open intervals (`[0, 1)`) and
    /// a bracket closed inside a URL (`…/wiki/Outside_(Alaska)`) are not stray brackets, and a
    /// bracket opened in one of the previous paragraphs or table rows pairs with this one. In a
    /// table, a closing bracket in a document's first row, before any bracket opened there, may
    /// close one opened in text the table does not hold, and is not reported. Related: the
    /// bracket closed before it, or the start of the paragraph.
    ///
    /// ## Fix safety
    /// No fix: where the aside began is for a reader to say.
    pub static UNOPENED_BRACKET = {
        code: "Q007",
        name: "unopened-bracket",
        finds: "a closing bracket with nothing open",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: None,
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
        .filter(|m| m.kind.is_bracket() && m.problem == Some(Problem::Unopened))
    {
        let paragraph = &doc.paragraphs[mark.paragraph].range;
        let expected = mark.expected.unwrap_or(paragraph.start);
        let name = mark_name(mark);
        let finding = Finding::new(
            &UNOPENED_BRACKET,
            mark.range.clone(),
            format!("closing {name} with nothing open"),
        )
        .confidence(0.8)
        .suggest(format!("{}…{}", mark.opening_form(), mark.ch));
        out.push(if expected > paragraph.start {
            finding.related(
                last_char_before(view, paragraph.start, expected),
                format!("the {name} before it closes here"),
            )
        } else {
            finding.related(
                first_char_after(view, paragraph.start, mark.range.start),
                "nothing opens in the paragraph before it",
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn stray_closing_parenthesis() {
        let text = "The company, founded in 2023 by a former fund manager) is based in Hangzhou.";
        assert_lints(&UNOPENED_BRACKET, text, &[")"]);
        assert_eq!(
            &text[lint(&UNOPENED_BRACKET, text)[0].related[0].range.clone()],
            "T"
        );
    }

    #[test]
    fn second_closing_parenthesis() {
        let text = "The fund (about $1.4 billion)) invests in robotics.";
        let found = lint(&UNOPENED_BRACKET, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range.start, text.find("))").unwrap() + 1);
        assert_eq!(found[0].related[0].range.start, text.find("))").unwrap());
    }

    #[test]
    fn closing_square_bracket() {
        assert_lints(&UNOPENED_BRACKET, "He said the plan] was fine.", &["]"]);
    }

    #[test]
    fn enumerators_emoticons_and_intervals_pass() {
        for text in [
            "1) Preheat the oven.\n2) Mix the flour.",
            "The reasons are a) cost, b) time and c) risk.",
            "Nice to see you :) and you ;-) too.",
            "for every x in [0, 1) the bound holds",
            "(The aside began in one paragraph.\nIt ended in the next.)",
        ] {
            assert_no_lints(&UNOPENED_BRACKET, text);
        }
    }
}
