use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::text::prose::is_blanked;
use crate::text::{Mark, MarkKind, Problem, Role};

declare_rule! {
    /// ## What it does
    /// Finds whitespace between a quotation mark and the text it encloses: a space before a
    /// closing mark or after an opening one. Examples: `recognized. ”`, `“ Innovation`.
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
    /// partner could not be found, since their direction is then a guess. A quotation spaced
    /// inside at both ends is one finding; when its straight marks hug the words outside instead
    /// (`such as" cryptocurrency ",`, as detokenised machine output has it), the fix moves the
    /// spaces outside. A single straight mark on the wrong side of its space
    /// (`like," Hmmm … funny"`) is a slip whose reading is a guess, and is left alone.
    ///
    /// ## Fix safety
    /// Safe when the fix deletes only the whitespace between the mark and the text; unsafe when it
    /// moves the space to the other side of a straight mark.
    pub static SPACE_INSIDE_QUOTATION = {
        code: "Q005",
        name: "space-inside-quotation",
        finds: "`“ text ”`",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let view = cx.doc.view();
    let text = cx.doc.source().text();
    let marks = &cx.doc.quotes.marks;
    let mut reported_partner = vec![false; marks.len()];
    for (index, mark) in marks.iter().enumerate() {
        if reported_partner[index] || !is_checked(mark) {
            continue;
        }
        let confidence = if mark.is_straight() { 0.7 } else { 0.95 };
        let gap = match mark.role {
            Role::Close => gap_before(view, mark).filter(|g| is_space(view, text, g)),
            Role::Open => gap_after(view, mark).filter(|g| is_space(view, text, g)),
            _ => None,
        };
        // A quotation spaced inside at both ends (`" social distance "`, `such as" cryptocurrency ",`)
        // is one finding with two edits.
        let partner = mark
            .partner
            .filter(|_| mark.role == Role::Open)
            .map(|p| (p, &marks[p]));
        if let Some((p, close)) = partner.filter(|(_, c)| is_checked(c)) {
            let close_gap = gap_before(view, close).filter(|g| is_space(view, text, g));
            if let (Some(gap), Some(close_gap)) = (gap.clone(), close_gap) {
                reported_partner[p] = true;
                let quoted = format!("{}{}{}", mark.ch, &view[gap.end..close_gap.start], close.ch);
                let edits = vec![tighten(view, mark, gap), tighten(view, close, close_gap)];
                let applicability = if mark.spaced_wrong || close.spaced_wrong {
                    Applicability::Unsafe
                } else {
                    Applicability::Safe
                };
                let mut finding = Finding::new(
                    &SPACE_INSIDE_QUOTATION,
                    mark.range.start..close.range.end,
                    "spaces inside quotation marks",
                )
                .confidence(confidence)
                .fix(Fix::new(applicability, edits));
                if quoted.chars().count() <= 80 {
                    finding = finding.suggest(quoted);
                }
                out.push(finding);
                continue;
            }
            if mark.spaced_wrong || close.spaced_wrong {
                // One straight mark on the wrong side of its space (`like," Hmmm … funny"`): a
                // slip whose reading is a guess, not a loose quotation.
                reported_partner[p] = true;
                continue;
            }
        }
        let Some(gap) = gap else { continue };
        if mark.spaced_wrong {
            continue;
        }
        let message = if mark.role == Role::Close {
            "space before a closing quotation mark"
        } else {
            "space after an opening quotation mark"
        };
        out.push(
            Finding::new(&SPACE_INSIDE_QUOTATION, gap.clone(), message)
                .confidence(confidence)
                .suggest(tightened(view, mark, &gap))
                .related(mark.range.clone(), "the quotation mark")
                .fix(Fix::safe(Edit::delete(gap))),
        );
    }
}

/// Removes the space between `mark` and the quoted text; when the mark is glued to the word
/// outside (`such as" cryptocurrency`), the space moves outside instead (`such as "cryptocurrency`).
fn tighten(view: &str, mark: &Mark, gap: std::ops::Range<usize>) -> Edit {
    let spacing = view[gap.clone()].to_string();
    if mark.role == Role::Open {
        let glued = view[..mark.range.start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '—'));
        if glued {
            Edit::replace(mark.range.start..gap.end, format!("{spacing}{}", mark.ch))
        } else {
            Edit::delete(gap)
        }
    } else {
        let glued = view[mark.range.end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if glued {
            Edit::replace(gap.start..mark.range.end, format!("{}{spacing}", mark.ch))
        } else {
            Edit::delete(gap)
        }
    }
}

/// Curly and straight double and single marks whose direction is known. An opening mark typed where
/// a closing one belongs is Q003's to report, a closing one where an opening one belongs is Q002's,
/// each with its own fix.
fn is_checked(mark: &Mark) -> bool {
    matches!(mark.kind, MarkKind::Double | MarkKind::Single)
        && (mark.is_straight() || mark.is_curly())
        && !(mark.is_straight() && mark.partner.is_none())
        && mark.problem != Some(Problem::OpenForClose)
        && !(mark.problem == Some(Problem::Unopened) && mark.role == Role::Open)
}

/// The mark and its neighbouring word written together: `recognized.”`, `“Innovation`.
fn tightened(view: &str, mark: &Mark, gap: &std::ops::Range<usize>) -> String {
    if mark.role == Role::Close {
        // After the whitespace character, whatever its width (a no-break space is two bytes).
        let word_start = view[..gap.start]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(p, c)| p + c.len_utf8());
        format!("{}{}", &view[word_start..gap.start], mark.ch)
    } else {
        let word_end = view[gap.end..]
            .find(char::is_whitespace)
            .map_or(view.len(), |p| gap.end + p);
        format!("{}{}", mark.ch, &view[gap.end..word_end])
    }
}

/// Spaces (not line breaks) between the end of the quoted text and a closing mark.
fn gap_before(view: &str, mark: &Mark) -> Option<std::ops::Range<usize>> {
    let before = &view[..mark.range.start];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}', '\u{3000}']);
    let text_before = trimmed.chars().next_back()?;
    (trimmed.len() < before.len() && !text_before.is_whitespace() && !is_mark(text_before))
        .then_some(trimmed.len()..mark.range.start)
}

/// Spaces between an opening mark and the start of the quoted text.
fn gap_after(view: &str, mark: &Mark) -> Option<std::ops::Range<usize>> {
    let after = &view[mark.range.end..];
    let trimmed = after.trim_start_matches([' ', '\t', '\u{a0}', '\u{3000}']);
    let text_after = trimmed.chars().next()?;
    let gap = after.len() - trimmed.len();
    (gap > 0 && !text_after.is_whitespace() && !is_mark(text_after))
        .then(|| mark.range.end..mark.range.end + gap)
}

/// Whether the gap is whitespace in the file itself, not markup the prose view blanks out (a
/// link's `](https://…)` or the backslash of `\"` in Markdown), which a fix must never delete.
fn is_space(view: &str, text: &str, gap: &std::ops::Range<usize>) -> bool {
    let (view, text) = (view.as_bytes(), text.as_bytes());
    !gap.clone().any(|i| is_blanked(view, text, i))
}

/// Another quotation mark next to the gap: `“ ‘` and `’ ”` are spaced on purpose in some styles.
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '\u{1a}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;
    use crate::text::InputFormat;

    #[test]
    fn markup_blanked_in_the_prose_view_is_not_a_space() {
        let text = "Use the \"[Embrace, extend](https://example.com/e)\" technique and the \\\"std\\\" feature.";
        assert!(
            lint_as(&SPACE_INSIDE_QUOTATION, text, InputFormat::Markdown).is_empty(),
            "{text}"
        );
    }

    #[test]
    fn space_before_closing_mark() {
        let text = "They have no opportunity to be recognized. ”";
        assert_lints(&SPACE_INSIDE_QUOTATION, text, &[" "]);
        assert_suggestion(&SPACE_INSIDE_QUOTATION, text, "recognized.”");
        assert_fixed(
            &SPACE_INSIDE_QUOTATION,
            text,
            Applicability::Safe,
            "They have no opportunity to be recognized.”",
        );
    }

    #[test]
    fn space_after_opening_mark() {
        let text = "He said “ innovation needs room,” and left.";
        assert_fixed(
            &SPACE_INSIDE_QUOTATION,
            text,
            Applicability::Safe,
            "He said “innovation needs room,” and left.",
        );
    }

    #[test]
    fn straight_marks_when_paired() {
        assert_lints(
            &SPACE_INSIDE_QUOTATION,
            "He said \"fine \" and left.",
            &[" "],
        );
        let spaced = "guidelines such as \" social distance \" to curb it";
        assert_lints(&SPACE_INSIDE_QUOTATION, spaced, &["\" social distance \""]);
        assert_suggestion(&SPACE_INSIDE_QUOTATION, spaced, "\"social distance\"");
        assert_fixed(
            &SPACE_INSIDE_QUOTATION,
            spaced,
            Applicability::Safe,
            "guidelines such as \"social distance\" to curb it",
        );
        assert_no_lints(
            &SPACE_INSIDE_QUOTATION,
            "He said \"fine\" and \"good\" and left.",
        );
    }

    #[test]
    fn detokenised_marks_spaced_inside_at_both_ends() {
        let text = "themes such as\" cryptocurrency \", and\" trading \"; and more";
        assert_lints(
            &SPACE_INSIDE_QUOTATION,
            text,
            &["\" cryptocurrency \"", "\" trading \""],
        );
        assert_fixed(&SPACE_INSIDE_QUOTATION, text, Applicability::Safe, text);
        assert_fixed(
            &SPACE_INSIDE_QUOTATION,
            text,
            Applicability::Unsafe,
            "themes such as \"cryptocurrency\", and \"trading\"; and more",
        );
    }

    #[test]
    fn one_straight_mark_on_the_wrong_side_is_left_alone() {
        assert_no_lints(
            &SPACE_INSIDE_QUOTATION,
            "It's sort of like,\" Hmmm, that's funny\" rather than loud.",
        );
        assert_no_lints(
            &SPACE_INSIDE_QUOTATION,
            "the meaning of \"modify, \"no matter the context.",
        );
    }

    #[test]
    fn suggestion_after_a_wide_space_does_not_split_it() {
        // Found by the property tests: the word before the gap starts after a two-byte space.
        assert_suggestion(&SPACE_INSIDE_QUOTATION, "“Said\u{a0}fine ”", "fine”");
    }

    #[test]
    fn well_formed_quotations_pass() {
        assert_no_lints(
            &SPACE_INSIDE_QUOTATION,
            "“The success proves that our education is amazing,” read the headline.",
        );
        assert_no_lints(
            &SPACE_INSIDE_QUOTATION,
            "It's the students' ‘best’ year, ’90s style.",
        );
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "« Bonjour », dit-il.");
        assert_no_lints(&SPACE_INSIDE_QUOTATION, "She said, “He told me ‘no.’ ”");
        // An opening mark typed where a closing one belongs is Q003's to report, with its own fix.
        assert_no_lints(
            &SPACE_INSIDE_QUOTATION,
            "“There are many engineers. “Yiran Chen said: “But it is hard.”",
        );
    }
}
