use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::TokenKind;

declare_rule! {
    /// ## What it does
    /// Finds times of day written with an `H` between hours and minutes ("08H00", "14h30"), the
    /// convention of French and of some Chinese and Portuguese publications, not of English.
    ///
    /// ## Why it matters
    /// English readers expect 08:00 (or 8 a.m.); "08H00" looks like a code.
    ///
    /// ## Example
    /// ```text
    /// Statistics from 08H00 on July 25 to 08H00 on July 26.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Statistics from 08:00 on July 25 to 08:00 on July 26.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the fix writes the 24-hour form with a colon; a house style may want "8 a.m.".
    pub static FOREIGN_TIME_FORMAT = {
        code: "G008",
        name: "foreign-time-format",
        finds: "\"08H00\", \"14h30\"",
        category: Grammar,
        mqm: [LocaleConventionTime],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let text = doc.text(token);
        if let Some(english) = english_time(text) {
            let range = token.range();
            out.push(
                Finding::new(
                    &FOREIGN_TIME_FORMAT,
                    range.clone(),
                    format!("“{text}” is not an English way to write a time"),
                )
                .confidence(0.85)
                .suggest(english.clone())
                .fix(Fix::unsafe_edit(Edit::replace(range, english))),
            );
        }
    }
}

/// "08H00" → "08:00", for hours 0 to 23 and minutes 00 to 59.
fn english_time(text: &str) -> Option<String> {
    let (hours, minutes) = text.split_once(['H', 'h'])?;
    let valid_hours = (1..=2).contains(&hours.len()) && hours.parse::<u8>().is_ok_and(|h| h < 24);
    let valid_minutes = minutes.len() == 2 && minutes.parse::<u8>().is_ok_and(|m| m < 60);
    (valid_hours && valid_minutes && hours.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{hours}:{minutes}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn h_times() {
        assert_lints(
            &FOREIGN_TIME_FORMAT,
            "From 08H00 on July 25 to 14h30.",
            &["08H00", "14h30"],
        );
        assert_suggestion(&FOREIGN_TIME_FORMAT, "at 08H00", "08:00");
    }

    #[test]
    fn other_tokens_pass() {
        assert_no_lints(
            &FOREIGN_TIME_FORMAT,
            "A 4H battery, the 2H2O formula, 25H99 and the H1N1 virus at 08:00.",
        );
    }
}
