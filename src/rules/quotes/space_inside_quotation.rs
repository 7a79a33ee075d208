use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::text::{Mark, MarkKind, Problem, Role};

declare_rule! {
    /// ## What it does
    /// Finds whitespace between a quotation mark and the text it encloses: a space before a
    /// closing mark (`recognized. ”`) or after an opening mark (`“ Innovation`).
    ///
    /// ## Why it matters
    /// English sets quotation marks tight against the quoted text. A loose mark is a typical
    /// leftover of machine translation and of converting from languages that space their
    /// punctuation; it also makes the mark's direction ambiguous to readers and tools.
    ///
    /// ## Example
    /// ```text
    /// They have no opportunity to be recognized. ”
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// They have no opportunity to be recognized.”
    /// ```
    ///
    /// Guillemets are not checked (French sets them with spaces), nor are straight marks whose
    /// partner could not be found, since their direction is then a guess.
    ///
    /// ## Fix safety
    /// Safe: the fix deletes only the whitespace between the mark and the text.
    pub static SPACE_INSIDE_QUOTATION = {
        code: "Q005",
        name: "space-inside-quotation",
        category: Quotes,
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let view = cx.doc.view();
    let marks = &cx.doc.quotes.marks;
    let mut reported_partner = vec![false; marks.len()];
    for (index, mark) in marks.iter().enumerate() {
        if reported_partner[index] || !is_checked(mark) {
            continue;
        }
        let confidence = if mark.is_straight() { 0.7 } else { 0.95 };
        let gap = match mark.role {
            Role::Close => gap_before(view, mark),
            Role::Open => gap_after(view, mark),
            _ => None,
        };
        let Some(gap) = gap else { continue };
        // A quotation spaced on both sides (`" social distance "`) is one finding with two edits.
        let partner = mark.partner.filter(|_| mark.role == Role::Open).map(|p| (p, &marks[p]));
        if let Some((p, close)) = partner.filter(|(_, c)| is_checked(c)) {
            if let Some(close_gap) = gap_before(view, close) {
                reported_partner[p] = true;
                let quoted = format!("{}{}{}", mark.ch, &view[gap.end..close_gap.start], close.ch);
                let mut finding = Finding::new(&SPACE_INSIDE_QUOTATION, mark.range.start..close.range.end, "spaces inside quotation marks")
                    .confidence(confidence)
                    .fix(Fix::new(Applicability::Safe, vec![Edit::delete(gap), Edit::delete(close_gap)]));
                if quoted.chars().count() <= 80 {
                    finding = finding.suggest(quoted);
                }
                out.push(finding);
                continue;
            }
        }
        let message =
            if mark.role == Role::Close { "space before a closing quotation mark" } else { "space after an opening quotation mark" };
        out.push(
            Finding::new(&SPACE_INSIDE_QUOTATION, gap.clone(), message)
                .confidence(confidence)
                .suggest(tightened(view, mark, &gap))
                .related(mark.range.clone(), "the quotation mark")
                .fix(Fix::safe(Edit::delete(gap))),
        );
    }
}

/// Curly and straight double and single marks whose direction is known. An opening mark typed where
/// a closing one belongs is Q003's to report, with its own fix.
fn is_checked(mark: &Mark) -> bool {
    matches!(mark.kind, MarkKind::Double | MarkKind::Single)
        && !(mark.is_straight() && mark.partner.is_none())
        && mark.problem != Some(Problem::OpenForClose)
}

/// The mark and its neighbouring word written together: `recognized.”`, `“Innovation`.
fn tightened(view: &str, mark: &Mark, gap: &std::ops::Range<usize>) -> String {
    if mark.role == Role::Close {
        // After the whitespace character, whatever its width (a no-break space is two bytes).
        let word_start = view[..gap.start].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(p, c)| p + c.len_utf8());
        format!("{}{}", &view[word_start..gap.start], mark.ch)
    } else {
        let word_end = view[gap.end..].find(char::is_whitespace).map_or(view.len(), |p| gap.end + p);
        format!("{}{}", mark.ch, &view[gap.end..word_end])
    }
}

/// Spaces (not line breaks) between the end of the quoted text and a closing mark.
fn gap_before(view: &str, mark: &Mark) -> Option<std::ops::Range<usize>> {
    let before = &view[..mark.range.start];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}', '\u{3000}']);
    let text_before = trimmed.chars().next_back()?;
    (trimmed.len() < before.len() && !text_before.is_whitespace() && !is_mark(text_before))
        .then(|| trimmed.len()..mark.range.start)
}

/// Spaces between an opening mark and the start of the quoted text.
fn gap_after(view: &str, mark: &Mark) -> Option<std::ops::Range<usize>> {
    let after = &view[mark.range.end..];
    let trimmed = after.trim_start_matches([' ', '\t', '\u{a0}', '\u{3000}']);
    let text_after = trimmed.chars().next()?;
    let gap = after.len() - trimmed.len();
    (gap > 0 && !text_after.is_whitespace() && !is_mark(text_after)).then(|| mark.range.end..mark.range.end + gap)
}

/// Another quotation mark next to the gap: `“ ‘` and `’ ”` are spaced on purpose in some styles.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '\u{1a}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn space_before_closing_mark() {
        let text = "They have no opportunity to be recognized. ”";
        assert_lints(&SPACE_INSIDE_QUOTATION, text, &[" "]);
        assert_suggestion(&SPACE_INSIDE_QUOTATION, text, "recognized.”");
        assert_fixed(&SPACE_INSIDE_QUOTATION, text, Applicability::Safe, "They have no opportunity to be recognized.”");
    }

    #[test]
    fn space_after_opening_mark() {
        let text = "He said “ innovation needs room,” and left.";
        assert_fixed(&SPACE_INSIDE_QUOTATION, text, Applicability::Safe, "He said “innovation needs room,” and left.");
    }

    #[test]
    fn straight_marks_when_paired() {
        assert_lints(&SPACE_INSIDE_QUOTATION, "He said \"fine \" and left.", &[" "]);
        let spaced = "guidelines such as \" social distance \" to curb it";
        assert_lints(&SPACE_INSIDE_QUOTATION, spaced, &["\" social distance \""]);
        assert_suggestion(&SPACE_INSIDE_QUOTATION, spaced, "\"social distance\"");
        assert_fixed(&SPACE_INSIDE_QUOTATION, spaced, Applicability::Safe, "guidelines such as \"social distance\" to curb it");
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "He said \"fine\" and \"good\" and left.");
    }

    #[test]
    fn suggestion_after_a_wide_space_does_not_split_it() {
        // Found by the property tests: the word before the gap starts after a two-byte space.
        assert_suggestion(&SPACE_INSIDE_QUOTATION, "“Said\u{a0}fine ”", "fine”");
    }

    #[test]
    fn well_formed_quotations_pass() {
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "“The success proves that our education is amazing,” read the headline.");
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "It's the students' ‘best’ year, ’90s style.");
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "« Bonjour », dit-il.");
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "She said, “He told me ‘no.’ ”");
        // An opening mark typed where a closing one belongs is Q003's to report, with its own fix.
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "“There are many engineers. “Yiran Chen said: “But it is hard.”");
    }
}
