use crate::bilingual::numbers::{self, Quantity};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Compares the numbers of each translated segment with the numbers of its original and flags
    /// a number in the translation whose value the original does not have: most often a Chinese
    /// magnitude carried over wrongly (12亿, 1.2 billion, translated "12 billion"; 2030万, 20.3
    /// million, translated "203 million"), or a changed digit (1339 translated 1439).
    ///
    /// ## Why it matters
    /// A wrong number is the most damaging error a fluent translation can carry: nothing in the
    /// English sentence looks wrong, and readers trust figures.
    ///
    /// ## Example
    /// ```text
    /// original:    该省投资12亿元建设新机场。
    /// translation: The province invested 12 billion yuan in a new airport.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The province invested 1.2 billion yuan in a new airport.
    /// ```
    ///
    /// Numbers are compared by value, so 1.2 billion, 1,200,000,000 and 1.2bn all match 12亿, and
    /// rounding of large numbers (12.34亿 as "1.23 billion") is accepted. Months, days and
    /// discounts are not compared, because dates are often rewritten ("on the 25th" as "on
    /// Saturday") and a discount is written in other figures (8折 as "20% off"). A number missing
    /// from the translation is not reported here.
    ///
    /// ## Fix safety
    /// Unsafe: the fix writes the original's value in English style in place of the wrong one;
    /// check the sentence around it.
    pub static NUMBER_MISMATCH = {
        code: "B002",
        name: "number-mismatch",
        finds: "a number of the source changed (12亿 → \"12 billion\", 1339 → \"1439\")",
        category: Bilingual,
        mqm: [AccuracyMistranslation],
        severity: Error,
        status: Stable,
        fix: Sometimes,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (pair, read) in cx.alignment().pairs.iter().zip(cx.pair_numbers()) {
        let base = pair.target.start;
        let (original, translated) = (&read.original, &read.translated);
        let missing: Vec<&Quantity> = original
            .iter()
            .filter(|s| s.kind.keeps_its_figure())
            .filter(|s| !translated.iter().any(|t| s.matches(t)))
            .collect();
        let unexplained: Vec<&Quantity> = translated
            .iter()
            .filter(|t| t.kind.keeps_its_figure() && !original.iter().any(|s| s.matches(t)))
            .collect();
        for s in &missing {
            let slip = unexplained.iter().find(|t| s.is_magnitude_slip_of(t));
            let changed = (missing.len() == 1 && unexplained.len() == 1)
                .then(|| unexplained[0])
                .filter(|t| s.value >= 10.0 && digits_differ_by_one(s.value, t.value));
            if let Some(t) = slip.copied().or(changed) {
                out.push(finding(cx, s, t, base, pair.original, slip.is_some()));
            }
        }
    }
}

fn finding(
    cx: &Context,
    s: &Quantity,
    t: &Quantity,
    base: usize,
    original: &str,
    slip: bool,
) -> Finding {
    let range = base + t.range.start..base + t.range.end;
    let written = cx.doc.slice(range.clone());
    let expected = numbers::english_form(s.value);
    let in_original = &original[s.range.clone()];
    let message = if slip {
        format!("“{written}” has the wrong magnitude: the original has {in_original} ({expected})")
    } else {
        format!("“{written}” does not match the original's {in_original}")
    };
    Finding::new(&NUMBER_MISMATCH, range.clone(), message)
        .confidence(if slip { 0.9 } else { 0.7 })
        .suggest(expected.clone())
        .fix(Fix::unsafe_edit(Edit::replace(range, expected)))
}

/// Whole numbers whose digits differ by one change, insertion, deletion or swap of neighbours: a
/// slip (1339 and 1439), not a different figure (500 and 750).
fn digits_differ_by_one(a: f64, b: f64) -> bool {
    let whole = |x: f64| (x.fract() == 0.0 && x < 1e15).then(|| format!("{}", x as u64));
    match (whole(a), whole(b)) {
        (Some(a), Some(b)) => strsim::damerau_levenshtein(&a, &b) == 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::fix::{self as fixes, Applicability};
    use crate::rules::Context;
    use crate::rules::bilingual::test_util::*;
    use crate::text::{Document, InputFormat, Original, Source};

    fn lint(original: &str, translation: &str) -> Vec<(String, Vec<String>)> {
        lint_pair_suggestions(&NUMBER_MISMATCH, original, translation)
    }

    #[test]
    fn magnitude_slips_are_found() {
        assert_eq!(
            lint("投资12亿元", "invested 12 billion yuan"),
            [("12 billion".into(), vec!["1.2 billion".into()])]
        );
        assert_eq!(
            lint("拨付2030万元", "allocated 203 million yuan"),
            [("203 million".into(), vec!["20.3 million".into()])]
        );
        assert_eq!(
            lint("3.5万人", "350,000 people"),
            [("350,000".into(), vec!["35,000".into()])]
        );
    }

    #[test]
    fn changed_digits_are_found() {
        assert_eq!(
            lint("疏散1339人", "evacuated 1439 people"),
            [("1439".into(), vec!["1339".into()])]
        );
    }

    #[test]
    fn equal_values_in_any_form_pass() {
        for (original, translation) in [
            ("投资12亿元", "invested 1.2 billion yuan"),
            ("投资12亿元", "invested 1,200,000,000 yuan"),
            ("投资12.34亿元", "invested about 1.23 billion yuan"),
            ("3.5万人", "35,000 people"),
            ("共32个县", "Thirty-two counties"),
            ("2020年7月25日", "on July 25, 2020"),
            ("增长35%", "grew by 35 percent"),
            ("百分之三十五", "35%"),
            ("7月25日下午", "on the afternoon of Saturday"),
            ("十分重要", "very important, one of 3"),
            ("衬衫打5折", "shirts at 50% off"),
            ("西装打8折", "suits at 20% off"),
        ] {
            assert!(
                lint(original, translation).is_empty(),
                "{original} / {translation}: {:?}",
                lint(original, translation)
            );
        }
    }

    #[test]
    fn unrelated_numbers_are_not_paired() {
        // Two different figures missing and added: no single evident slip.
        assert!(lint("有5人和7辆车", "there were 9 people and 4 cars").is_empty());
        assert!(lint("有500人", "there were 750 people").is_empty());
    }

    #[test]
    fn fix_keeps_the_unit() {
        let source = Source::from_rows("t", &[(1, "up 12 percent")], InputFormat::Plain)
            .with_original(Original::Segments(vec!["增长1.2%".into()]));
        let doc = Document::new(&source);
        let settings = Settings::default();
        let cx = Context::new(&doc, &settings.glossary);
        let mut out = Vec::new();
        check(&cx, &mut out);
        let fixed = fixes::apply(
            source.text(),
            out.iter().filter_map(|f| f.fix.as_ref()),
            Applicability::Unsafe,
        );
        assert_eq!(fixed.text, "up 1.2 percent");
    }
}
