//! Quotation marks, brackets and book-title marks of the original that the translation has no
//! counterpart for.
//!
//! The original's marks are read as *pairs* (an opening mark and its closing partner), so that a
//! stray mark never counts; the translation is only asked whether it has *any* acceptable
//! counterpart of each kind, because English renders the Chinese marks in several ways and one
//! pair of the original can become two sentences, or two pairs one. What counts as a counterpart:
//!
//! - a quotation of speech (“……” 「……」 『……』 "……" around a clause): quotation marks;
//! - a book title 《……》 〈……〉: quotation marks, italics markup, or a capitalised word inside a
//!   sentence ("the People's Daily", *Dream of the Red Chamber*).
//!
//! Brackets （……） 【……】 (……) [……] are read, so that marks nest properly, but not reported: on
//! the MQM dev data a bracketed aside rendered with commas was right as often as wrong, brackets
//! often hold the foreign original of a name (阿博特（Abbott）), which English leaves out, and
//! those at the start or end of a segment hold datelines and credits.
//!
//! Left alone, because English drops them on purpose: quotation marks around a short term, name
//! or slogan without clause punctuation (“双减” becomes "the double reduction policy", a ship
//! “海军中将库拉科夫”号 becomes "the Vice Admiral Kulakov").
//! The reverse direction (a quotation the original lacks) is not reported: English adds quotation
//! marks for titles, nicknames and terms the original marks in other ways or not at all, and on
//! the MQM data such additions were too rare and too often right to report.

use std::ops::Range;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use crate::text::Flags;

declare_rule! {
    /// ## What it does
    /// Finds a quotation or a book title of the original for which the translated segment has no
    /// counterpart at all: no quotation marks for a quoted statement, no quotation marks, italics
    /// or capitalised title for 《……》.
    ///
    /// ## Why it matters
    /// Losing the quotation marks turns a person's words into the reporter's, and a title without
    /// marks or capitals reads as ordinary words. Engines drop marks together with what they
    /// enclosed, so a missing pair also points at an omission.
    ///
    /// ## Example
    /// ```text
    /// original:    他表示：“我们将继续扩大开放，欢迎各国企业来华投资。”
    /// translation: He said that we will continue to open up and welcome companies from all countries to invest in China.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// He said: "We will continue to open up and welcome companies from all countries to invest in China."
    /// ```
    ///
    /// Reported speech is a legitimate rendering of a quotation, so read the finding as a
    /// question. Quoted short terms and names are not checked, since English drops those marks
    /// on purpose, and neither are brackets (English sets asides off with commas just as well);
    /// a quotation the original lacks is not reported either.
    ///
    /// ## Fix safety
    /// No fix: where the marks belong depends on how the sentence was translated.
    pub static PUNCTUATION_MISMATCH = {
        code: "B005",
        name: "punctuation-mismatch",
        finds: "a quotation or 《book title》 of the source with no counterpart",
        category: Bilingual,
        mqm: [FluencyPunctuation, AccuracyOmission],
        severity: Info,
        status: Preview,
        fix: None,
        check: check,
    };
}

/// The kinds of enclosing marks compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Quotation,
    Title,
    Bracket,
}

/// One pair of marks in the original and the text between them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Enclosed<'a> {
    kind: Kind,
    inner: &'a str,
    /// Byte range of the pair, marks included, in the original segment.
    range: Range<usize>,
}

/// Quotations shorter than this (in characters) and without clause punctuation are names, terms
/// and slogans, which English writes with capitals or plainly as often as in quotation marks.
const SPEECH_CHARS: usize = 15;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for pair in &cx.alignment().pairs {
        let enclosed = enclosed(pair.original);
        if enclosed.is_empty() {
            continue;
        }
        let target = &cx.doc.source().text()[pair.target.clone()];
        let marks = TargetMarks::of(cx, target, pair.target.clone());
        // One finding per kind: counting pairs, not characters, and any counterpart will do.
        for kind in [Kind::Quotation, Kind::Title, Kind::Bracket] {
            let Some(first) = enclosed.iter().find(|e| e.kind == kind && checked(e)) else {
                continue;
            };
            if marks.matches(kind) {
                continue;
            }
            out.push(
                Finding::new(
                    &PUNCTUATION_MISMATCH,
                    pair.target.clone(),
                    message(kind, first),
                )
                .confidence(confidence(kind)),
            );
        }
    }
}

fn message(kind: Kind, first: &Enclosed) -> String {
    let shown = excerpt(first.inner.trim(), 16);
    match kind {
        Kind::Quotation => format!(
            "the original quotes “{shown}” but the translation has no quotation marks: the quotation may have been lost or \
             turned into reported speech"
        ),
        Kind::Title => format!(
            "the original marks the title 《{shown}》 but the translation has no quotation marks, italics or capitalised \
             title for it"
        ),
        Kind::Bracket => format!(
            "the original has the bracketed “{shown}” but the translation has no brackets for it"
        ),
    }
}

fn confidence(kind: Kind) -> f32 {
    match kind {
        Kind::Quotation => 0.5,
        Kind::Title => 0.4,
        Kind::Bracket => 0.3,
    }
}

/// The first `max` characters of `text`, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

/// Whether a pair of the original is one the translation should mirror (see the module docs).
fn checked(e: &Enclosed) -> bool {
    match e.kind {
        Kind::Title => !e.inner.trim().is_empty(),
        Kind::Quotation => {
            e.inner.chars().count() >= SPEECH_CHARS
                || e.inner
                    .contains(['，', '。', '！', '？', '；', ',', '!', '?'])
        }
        // On the MQM dev data a bracketed aside rendered without brackets ("thousands of Poles,
        // most of them women, protested") was a good translation as often as not: English sets
        // asides off with commas. A lost aside is an omission, which the length check sees.
        Kind::Bracket => false,
    }
}

/// The pairs of enclosing marks in an original segment, in order; nested pairs are included.
/// A closing mark without an opening one, and an opening mark never closed, are not pairs.
fn enclosed(original: &str) -> Vec<Enclosed<'_>> {
    let mut out = Vec::new();
    // Open marks: (expected closer, kind, start of the opening mark). Depth is tiny in practice;
    // it is capped so that a pathological input stays linear.
    let mut open: Vec<(char, Kind, usize)> = Vec::new();
    for (i, c) in original.char_indices() {
        if let Some(depth) = open.iter().rposition(|&(closer, _, _)| closer == c) {
            let (_, kind, start) = open[depth];
            open.truncate(depth);
            let inner_start = start + original[start..].chars().next().map_or(0, char::len_utf8);
            out.push(Enclosed {
                kind,
                inner: &original[inner_start..i],
                range: start..i + c.len_utf8(),
            });
            continue;
        }
        if let Some((closer, kind)) = opener(c) {
            if open.len() < 8 {
                open.push((closer, kind, i));
            }
        }
    }
    out.sort_by_key(|e| e.range.start);
    out
}

/// The closing partner and kind of an opening mark. The ASCII double quote is its own partner.
fn opener(c: char) -> Option<(char, Kind)> {
    Some(match c {
        '“' => ('”', Kind::Quotation),
        '「' => ('」', Kind::Quotation),
        '『' => ('』', Kind::Quotation),
        '"' => ('"', Kind::Quotation),
        '《' => ('》', Kind::Title),
        '〈' => ('〉', Kind::Title),
        '（' => ('）', Kind::Bracket),
        '(' => (')', Kind::Bracket),
        '【' => ('】', Kind::Bracket),
        '[' => (']', Kind::Bracket),
        _ => return None,
    })
}

/// An ASCII single quotation mark opening a quotation ('No man is an island.'): at the start or
/// after a space or colon, before a letter. Apostrophes sit inside or at the end of words.
fn opens_single_quote(target: &str) -> bool {
    let bytes = target.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'\''
            && (i == 0 || matches!(bytes[i - 1], b' ' | b':'))
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
    })
}

/// What the translated segment has that can stand for the original's marks.
struct TargetMarks {
    quotation: bool,
    italics: bool,
    capitalised: bool,
}

impl TargetMarks {
    fn of(cx: &Context, target: &str, range: Range<usize>) -> TargetMarks {
        // Any quotation mark counts, paired or not: whether the translation's quotation marks
        // are balanced is the quotation rules' business. The right single quote is left out, as
        // it is the apostrophe too, and so is the ASCII single quote.
        let quotation =
            target.contains(['“', '”', '"', '‘', '«', '»']) || opens_single_quote(target);
        let italics =
            target.contains(['*', '_']) || target.contains("<i>") || target.contains("<em>");
        let tokens = &cx.doc.tokens;
        let first = tokens.partition_point(|t| (t.start as usize) < range.start);
        let capitalised = tokens[first..]
            .iter()
            .take_while(|t| (t.end as usize) <= range.end)
            .any(|t| {
                t.is_word()
                    && t.is(Flags::CAPITALISED)
                    && !t.is(Flags::SENTENCE_INITIAL)
                    && cx.doc.text(t) != "I"
            });
        TargetMarks {
            quotation,
            italics,
            capitalised,
        }
    }

    fn matches(&self, kind: Kind) -> bool {
        match kind {
            Kind::Quotation => self.quotation,
            Kind::Title => self.quotation || self.italics || self.capitalised,
            Kind::Bracket => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::bilingual::test_util::lint_pair;

    fn flagged(original: &str, translation: &str) -> bool {
        !lint_pair(&PUNCTUATION_MISMATCH, original, translation).is_empty()
    }

    #[test]
    fn pairs_are_read_with_their_kind() {
        let found = enclosed("他说：“好。”《人民日报》（记者）)“未闭合");
        let kinds: Vec<(Kind, &str)> = found.iter().map(|e| (e.kind, e.inner)).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Quotation, "好。"),
                (Kind::Title, "人民日报"),
                (Kind::Bracket, "记者")
            ]
        );
        assert!(
            enclosed("“外层《内层》”")
                .iter()
                .any(|e| e.kind == Kind::Title && e.inner == "内层")
        );
    }

    #[test]
    fn lost_quotations_are_reported() {
        let original = "他表示：“我们将继续扩大开放，欢迎各国企业来华投资。”";
        assert!(flagged(
            original,
            "He said that they will continue to open up and welcome foreign companies to invest in China."
        ));
        assert!(!flagged(
            original,
            "He said: \"We will continue to open up and welcome foreign companies to invest in China.\""
        ));
        assert!(!flagged(
            original,
            "He said: “We will continue to open up and welcome foreign companies."
        ));
    }

    #[test]
    fn short_quoted_terms_are_not_checked() {
        assert!(!flagged(
            "落实“双减”政策。",
            "Implement the double reduction policy."
        ));
    }

    #[test]
    fn titles_accept_quotes_italics_or_capitals() {
        let original = "他在《人民日报》上发表文章。";
        assert!(!flagged(
            original,
            "He published an article in the People's Daily."
        ));
        assert!(!flagged(
            original,
            "He published an article in \"people's daily\"."
        ));
        assert!(!flagged(
            original,
            "He published an article in *people's daily*."
        ));
        assert!(flagged(
            original,
            "He published an article in the people's daily."
        ));
    }

    #[test]
    fn brackets_are_not_reported() {
        let original = "该研究所（原西北濒危动物研究所）的专家表示。";
        assert!(!flagged(
            original,
            "Experts at the institute, formerly northwest endangered animals institute, said so."
        ));
        assert!(!flagged(
            "阿博特（Abbott）表示反对。",
            "abbott said he was against it."
        ));
        assert!(!flagged(
            "（记者王明）今天上午举行会议。",
            "a meeting was held this morning."
        ));
        assert!(!flagged(
            "会议今天举行。（完）",
            "the meeting was held today."
        ));
    }

    #[test]
    fn speech_is_a_clause_or_long() {
        assert!(!flagged(
            "包括“海军中将库拉科夫”号护卫舰。",
            "including the frigate Vice Admiral Kulakov."
        ));
        assert!(flagged(
            "他说：“好的，明天见。”",
            "He said he would see them tomorrow."
        ));
        assert!(!flagged(
            "他说：“好的，明天见。”",
            "He said: 'All right, see you tomorrow.'"
        ));
        assert!(flagged(
            "他说：“好的，明天见。”",
            "He said he'd see them tomorrow."
        ));
    }
}
