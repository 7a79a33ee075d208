use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Compares the length of each translated segment with the length its original predicts and
    /// reports a translation much shorter (something was probably left out) or much longer
    /// (something was probably added) than translations of that length usually are.
    ///
    /// ## Why it matters
    /// An engine that drops a clause produces fluent English that no monolingual check can fault;
    /// the length is often the only trace.
    ///
    /// The finding covers the whole segment, which flatters its span precision.
    ///
    /// ## Example
    /// ```text
    /// original:    会议决定，从明年起将最低工资提高百分之五，并扩大医疗保险的覆盖范围。
    /// translation: The meeting decided.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The meeting decided to raise the minimum wage by 5 percent from next year and to extend
    /// medical insurance to more people.
    /// ```
    ///
    /// The model: for Chinese originals, the natural logarithm of (characters of the English + 1)
    /// / (non-space characters of the original + 1) has a mean of 1.27 and a standard deviation
    /// of 0.21 in professional human translations of news and talks (WMT 2021 Chinese-English
    /// development data). ASCII characters of the original (codes, URLs, Latin names) are copied,
    /// so each counts as one character of the English. A segment more than 2.5 standard
    /// deviations away is reported, with a confidence that grows with the distance. Originals
    /// under 15 characters are not judged.
    ///
    /// ## Fix safety
    /// No fix: compare the segment with its original.
    pub static LENGTH_MISMATCH = {
        code: "B004",
        name: "length-mismatch",
        finds: "a translation much shorter or longer than its source predicts",
        category: Bilingual,
        mqm: [AccuracyOmission, AccuracyAddition],
        severity: Info,
        status: Preview,
        fix: None,
        check: check,
    };
}

/// Mean and standard deviation of ln((target chars + 1) / (original non-space chars + 1)).
const MEAN: f64 = 1.27;
const SD: f64 = 0.21;
const THRESHOLD: f64 = 2.5;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for pair in &cx.alignment().pairs {
        let original = pair.original.chars().filter(|c| !c.is_whitespace()).count();
        if original < 15 {
            continue;
        }
        let target = cx.doc.slice(pair.target.clone()).chars().count();
        let z = (((target + 1) as f64 / (expected_length(pair.original) + 1.0)).ln()) / SD;
        if z.abs() < THRESHOLD {
            continue;
        }
        let message = if z < 0.0 {
            format!(
                "the translation is much shorter than its original predicts ({target} characters for {original}): something may be missing"
            )
        } else {
            format!(
                "the translation is much longer than its original predicts ({target} characters for {original}): something may have been added"
            )
        };
        let confidence = ((z.abs() - 2.0) / 3.0).clamp(0.1, 1.0) as f32;
        out.push(
            Finding::new(&LENGTH_MISMATCH, pair.target.clone(), message).confidence(confidence),
        );
    }
}

/// The length in characters the English is expected to have: exp(MEAN) characters for each
/// non-space character of the original, except that ASCII letters, digits and symbols (codes,
/// URLs, e-mail addresses, Latin names) are copied one for one, not translated into several.
fn expected_length(original: &str) -> f64 {
    let (copied, translated) = original.chars().filter(|c| !c.is_whitespace()).fold(
        (0usize, 0usize),
        |(copied, translated), c| {
            if c.is_ascii() {
                (copied + 1, translated)
            } else {
                (copied, translated + 1)
            }
        },
    );
    // The ratio was fitted on whole originals, whose +1 smoothing is kept for the translated part.
    ((translated + 1) as f64 * MEAN.exp() - 1.0).max(0.0) + copied as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::bilingual::test_util::lint_pair;

    #[test]
    fn far_too_short_or_long() {
        let original = "会议决定，从明年起将最低工资提高百分之五，并扩大医疗保险的覆盖范围。";
        assert_eq!(
            lint_pair(&LENGTH_MISMATCH, original, "The meeting decided."),
            ["The meeting decided."]
        );
        let padded =
            "The meeting decided to raise the minimum wage by five percent from next year. "
                .repeat(4);
        assert_eq!(
            lint_pair(
                &LENGTH_MISMATCH,
                "会议决定提高最低工资百分之五。",
                padded.trim()
            )
            .len(),
            1
        );
    }

    #[test]
    fn usual_lengths_and_short_originals_pass() {
        let original = "会议决定，从明年起将最低工资提高百分之五，并扩大医疗保险的覆盖范围。";
        let good = "The meeting decided to raise the minimum wage by 5 percent from next year and to widen medical insurance coverage.";
        assert!(lint_pair(&LENGTH_MISMATCH, original, good).is_empty());
        assert!(
            lint_pair(
                &LENGTH_MISMATCH,
                "好。",
                "Good, very good indeed, said everyone in the room."
            )
            .is_empty()
        );
    }

    #[test]
    fn copied_latin_text_counts_one_for_one() {
        assert!(
            lint_pair(
                &LENGTH_MISMATCH,
                "详情请访问www.example.com.cn。",
                "For details, visit www.example.com.cn."
            )
            .is_empty()
        );
        assert!(
            lint_pair(
                &LENGTH_MISMATCH,
                "如有疑问请发送邮件至info@example.org。",
                "If you have questions, write to info@example.org."
            )
            .is_empty()
        );
    }
}
