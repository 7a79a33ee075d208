use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::quotes::{attribution_verb, first_char_after};
use crate::text::{Document, MarkKind, Problem, Role, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a paragraph that ends on the colon of an attribution (`Damien Ma, founder of
    /// Macropolo, said:`) with no quotation after it: the text ends, or the next paragraph does not
    /// quote anyone.
    ///
    /// ## Why it matters
    /// Machine translation moves attributions around. When the quotation ends up before the
    /// attribution, or is lost, the colon announces words that never come, and the reader cannot
    /// tell what was said.
    ///
    /// ## Example
    /// ```text
    /// “You've been kicking out all of this talent over the last few years. Damien Ma, founder of Macropolo, said:
    /// Washington also cites national security concerns.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “You've been kicking out all of this talent over the last few years,” said Damien Ma, founder of Macropolo.
    /// Washington also cites national security concerns.
    /// ```
    ///
    /// The colon must follow a speech verb in its clause (`said`, `told reporters`, `added`,
    /// `wrote on Twitter`). A colon followed by a paragraph that opens with a quotation mark or a
    /// dash, by a Markdown block quote, list or code block, is introducing something and is left
    /// alone. Related: the quotation left open before the attribution, if any, and where the
    /// quotation was expected.
    ///
    /// ## Fix safety
    /// When a quotation comes before the attribution in the same paragraph, the colon should most
    /// likely be a full stop: the fix says so and is display-only, since the quotation's closing
    /// mark usually needs moving too. Otherwise there is no fix: the quotation itself is missing.
    pub static DANGLING_ATTRIBUTION_COLON = {
        code: "Q008",
        name: "dangling-attribution-colon",
        finds: "a paragraph ending on \"…, said:\" with no quotation after it",
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
    for (index, paragraph) in doc.paragraphs.iter().enumerate() {
        let Some(last) = paragraph.tokens.clone().last() else {
            continue;
        };
        let colon = &doc.tokens[last];
        if colon.kind != TokenKind::Punct
            || doc.text(colon) != ":"
            || attribution_verb(doc, last).is_none()
        {
            continue;
        }
        if something_follows(doc, index) {
            continue;
        }
        let range = colon.range();
        let mut finding = Finding::new(
            &DANGLING_ATTRIBUTION_COLON,
            range.clone(),
            "attribution colon with no quotation after it",
        )
        .confidence(0.8);
        if let Some(open) = quotation_before(doc, index, range.start) {
            let mark = &doc.quotes.marks[open];
            let label = if mark.problem == Some(Problem::Unclosed) {
                "a quotation opens here and is never closed"
            } else {
                "the quotation before the attribution"
            };
            finding = finding
                .related(mark.range.clone(), label)
                .suggest(".")
                .fix(Fix::display_only(Edit::replace(range.clone(), ".")));
        }
        finding = match doc.paragraphs.get(index + 1) {
            Some(next) => finding.related(
                first_char_after(view, next.range.start, next.range.end),
                "the next paragraph quotes no one",
            ),
            None => finding.related(range.end..range.end, "the text ends here"),
        };
        out.push(finding);
    }
}

/// Whether what follows paragraph `index` could be the announced quotation: a paragraph opening
/// with a quotation mark or a dash, or markup between the two (a block quote, a list, code).
fn something_follows(doc: &Document, index: usize) -> bool {
    let original = doc.source().text();
    let next = doc.paragraphs.get(index + 1);
    let between_end = next.map_or(original.len(), |n| n.range.start);
    let between = original
        .get(doc.paragraphs[index].range.end..between_end)
        .unwrap_or("");
    if !between.trim().is_empty() {
        return true;
    }
    let Some(next) = next else { return false };
    let first = doc.slice(next.range.clone()).trim_start().chars().next();
    first.is_some_and(|c| {
        matches!(
            c,
            '"' | '\'' | '“' | '‘' | '„' | '«' | '「' | '『' | '—' | '–' | '-' | '•' | '*'
        )
    })
}

/// The last quotation mark opening in paragraph `index` before `at`.
fn quotation_before(doc: &Document, index: usize, at: usize) -> Option<usize> {
    let marks = &doc.quotes.marks;
    let upto = marks.partition_point(|m| m.range.start < at);
    (0..upto)
        .rev()
        .take_while(|&i| marks[i].paragraph == index)
        .find(|&i| marks[i].role == Role::Open && marks[i].kind == MarkKind::Double)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;
    use crate::text::InputFormat;

    #[test]
    fn seed_paragraph_ending_on_said() {
        let text = "“You've been kicking out all of this talent over the last few years. Damien MA, founder of Macropolo, said:\nWashington also cites national security concerns.";
        assert_lints(&DANGLING_ATTRIBUTION_COLON, text, &[":"]);
        let found = lint(&DANGLING_ATTRIBUTION_COLON, text);
        assert_eq!(found[0].related[0].range.start, 0);
        assert_eq!(&text[found[0].related[1].range.clone()], "W");
        assert_eq!(
            found[0].fix.as_ref().unwrap().applicability,
            Applicability::DisplayOnly
        );
    }

    #[test]
    fn text_ending_on_said() {
        let text =
            "Wang Fang said the company was first.\nWhen asked about the competition, Zeng said:";
        assert_lints(&DANGLING_ATTRIBUTION_COLON, text, &[":"]);
        assert!(lint(&DANGLING_ATTRIBUTION_COLON, text)[0].fix.is_none());
    }

    #[test]
    fn other_speech_verbs_and_phrases() {
        assert_lints(
            &DANGLING_ATTRIBUTION_COLON,
            "The minister told reporters on Monday:\nPrices rose.",
            &[":"],
        );
        assert_lints(
            &DANGLING_ATTRIBUTION_COLON,
            "In a statement, the company added:",
            &[":"],
        );
    }

    #[test]
    fn colon_followed_by_the_quotation() {
        for text in [
            "Zeng said:\n“We did not expect to grow so fast.”",
            "Zeng said:\n\"We did not expect to grow so fast.\"",
            "Zeng said: “We did not expect it.”",
            "The reasons are as follows:\nCost and time.",
            "Note:",
            "He listed three goals:\n- growth\n- jobs",
            "Questions should be posted on the issue tracker at:\nhttps://example.com/issues",
        ] {
            assert_no_lints(&DANGLING_ATTRIBUTION_COLON, text);
        }
    }

    #[test]
    fn markdown_block_quote_or_list_after_the_colon() {
        for text in [
            "She said:\n\n> We listened.\n",
            "She said:\n\n- one\n- two\n",
            "He wrote:\n\n```\ncode\n```\n",
        ] {
            assert!(
                lint_as(&DANGLING_ATTRIBUTION_COLON, text, InputFormat::Markdown).is_empty(),
                "{text}"
            );
        }
        assert_eq!(
            lint_as(
                &DANGLING_ATTRIBUTION_COLON,
                "She said:\n\nThe rest.\n",
                InputFormat::Markdown
            )
            .len(),
            1
        );
    }
}
