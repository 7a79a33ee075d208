use std::ops::Range;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::words::english_share;
use crate::text::{Document, Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a space between a word and the comma, full stop, semicolon, colon, question mark or
    /// exclamation mark after it: `flash flood .`, `replenish water , and`.
    ///
    /// ## Why it matters
    /// English sets these marks tight against the word before them. A loose mark is a trace of
    /// tokenised machine-translation output that was never detokenised, or of a source language
    /// that spaces its punctuation.
    ///
    /// ## Example
    /// ```text
    /// The couple married in May 2018 , and the city ratified the convention in 2015 .
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The couple married in May 2018, and the city ratified the convention in 2015.
    /// ```
    ///
    /// Only a mark that ends a word's clause is checked: it must be followed by whitespace, the end
    /// of the text or a closing quotation mark, so decimals (`.5`), file extensions (`.txt`),
    /// spaced ellipses (`. . .`) and emoticons (`: )`) pass. Code, URLs and e-mail addresses are
    /// masked before any rule runs. Marks at the start of a line after a lone number or letter
    /// are list markers (`1 .`); tabs and wider gaps align columns. In a document that uses
    /// guillemets or whose lowercase words are mostly not English (French typography spaces
    /// them), semicolons, colons, question and exclamation marks are left alone.
    ///
    /// On the development data (Chinese–English news and TED talks with professional MQM
    /// annotation) the pattern is rare, and raters mostly let a loose full stop pass. On the
    /// clean-English set it finds real slips of edited text (`stay home !`, `in Wyoming .`). It is
    /// a preview rule until raters' marks and clean text agree with it better.
    ///
    /// ## Fix safety
    /// Safe: the fix deletes the spaces between the word and the mark.
    pub static SPACE_BEFORE_PUNCTUATION = {
        code: "Q012",
        name: "space-before-punctuation",
        finds: "\"in 2015 .\"",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Preview,
        fix: Always,
        check: check,
    };
}

/// The marks English sets tight against the word before them.
const MARKS: &[&str] = &[",", ".", ";", ":", "?", "!"];

/// The marks French typography spaces ("Pourquoi ?", "Note : ").
const FRENCH_SPACED: &[&str] = &[";", ":", "?", "!"];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let french = is_french_spaced(doc);
    for paragraph in &doc.paragraphs {
        let tokens = &doc.tokens[paragraph.tokens.clone()];
        for (i, mark) in tokens.iter().enumerate().skip(1) {
            let text = doc.text(mark);
            if mark.kind != TokenKind::Punct
                || !MARKS.contains(&text)
                || (french && FRENCH_SPACED.contains(&text))
            {
                continue;
            }
            let Some(gap) = loose_gap(doc, tokens, i) else {
                continue;
            };
            out.push(
                Finding::new(
                    &SPACE_BEFORE_PUNCTUATION,
                    gap.start..mark.end as usize,
                    format!("space before “{text}”"),
                )
                .confidence(0.9)
                .suggest(text.to_string())
                .fix(Fix::safe(Edit::delete(gap))),
            );
        }
    }
}

/// The spaces between `tokens[i]` (a mark) and the word before it, when the mark is loose.
fn loose_gap(doc: &Document, tokens: &[Token], i: usize) -> Option<Range<usize>> {
    let mark = &tokens[i];
    let prev = &tokens[i - 1];
    if !mark.is(Flags::SPACE_BEFORE) || mark.is(Flags::LINE_BREAK_BEFORE) {
        return None;
    }
    let word_before = matches!(prev.kind, TokenKind::Word | TokenKind::Number)
        || matches!(doc.text(prev), ")" | "]" | "”");
    if !word_before || is_list_marker(doc, tokens, i - 1) {
        return None;
    }
    let gap = prev.end as usize..mark.start as usize;
    // Tabs and wide gaps align columns; a non-breaking space before a mark is deliberate.
    if gap.len() > 2 || !doc.slice(gap.clone()).bytes().all(|b| b == b' ') {
        return None;
    }
    ends_clause(doc.view(), doc.text(mark), mark.end as usize).then_some(gap)
}

/// Whether the mark ending at `end` closes a clause: whitespace, the end of the text or a closing
/// quotation mark follows, and it is not part of an ellipsis or an emoticon.
fn ends_clause(view: &str, mark: &str, end: usize) -> bool {
    let rest = &view[end..];
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if !(next.is_whitespace() || matches!(next, '”' | '’' | '"')) {
        return false;
    }
    let after_space = rest.trim_start_matches([' ', '\u{a0}']).chars().next();
    match mark {
        // A spaced ellipsis: ". . ."
        "." => after_space != Some('.'),
        // An emoticon: ": )", "; ("
        ":" | ";" => !matches!(after_space, Some(')' | '(' | 'D' | 'P' | '-')),
        _ => true,
    }
}

/// A lone number or letter at the start of a line before the mark: a list marker ("1 .", "a :").
fn is_list_marker(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let line_start = i == 0 || token.is(Flags::LINE_BREAK_BEFORE);
    let short = token.kind == TokenKind::Number || doc.text(token).chars().count() == 1;
    line_start && short
}

/// Whether the document follows French typography: it uses guillemets, or most of its lowercase
/// words are not English. (An English text that spaces all its marks is what this rule is for.)
fn is_french_spaced(doc: &Document) -> bool {
    if doc.quotes.marks.iter().any(|m| matches!(m.ch, '«' | '»')) {
        return true;
    }
    let (lowercase, english) = english_share(doc, &doc.tokens);
    lowercase > 0 && english * 2 < lowercase
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn loose_commas_and_full_stops() {
        let text =
            "The couple married in May 2018 , and the city ratified the convention in 2015 .";
        assert_lints(&SPACE_BEFORE_PUNCTUATION, text, &[" ,", " ."]);
        assert_fixed(
            &SPACE_BEFORE_PUNCTUATION,
            text,
            Applicability::Safe,
            "The couple married in May 2018, and the city ratified the convention in 2015.",
        );
        assert_suggestion(&SPACE_BEFORE_PUNCTUATION, "It was a flash flood .", ".");
    }

    #[test]
    fn other_marks_and_closing_quotes() {
        assert_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "He asked why ? Nobody knew ; nobody cared !",
            &[" ?", " ;", " !"],
        );
        assert_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "“No one is now immune .” she said.",
            &[" ."],
        );
        assert_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "The list (apples and pears) , then cherries.",
            &[" ,"],
        );
    }

    #[test]
    fn ellipses_decimals_extensions_and_emoticons_pass() {
        assert_no_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "He paused ... then went on. It rose by .5 points.",
        );
        assert_no_lints(&SPACE_BEFORE_PUNCTUATION, "He paused . . . then went on.");
        assert_no_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "Save it as .txt and smile : ) then leave.",
        );
        assert_no_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "The file ends in .docx, not .pdf.",
        );
    }

    #[test]
    fn list_markers_and_column_gaps_pass() {
        assert_no_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "Steps:\n1 . Open the box.\n2 . Close it.",
        );
        assert_no_lints(&SPACE_BEFORE_PUNCTUATION, "Name     : Wang\nAge\t: 40");
    }

    #[test]
    fn french_typography_passes() {
        assert_no_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "Il a dit : « Pourquoi ? » Puis : rien !",
        );
        assert_no_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "Pourquoi ? Parce que nous sommes là : voilà !",
        );
    }

    #[test]
    fn tight_marks_pass() {
        assert_no_lints(
            &SPACE_BEFORE_PUNCTUATION,
            "Well, it was fine: really. Was it? Yes!",
        );
    }
}
