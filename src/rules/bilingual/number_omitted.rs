//! B008: a number of the original whose value appears nowhere in the translation.
//!
//! B002 reports a number of the translation that contradicts the original; this rule reports the
//! other half of "every number of the source has its value in the target": a figure that is simply
//! gone. Numbers are compared by value through [`crate::bilingual::numbers`] (3.5万 matches
//! "35,000", 百分之三十五 "35%", 32 "Thirty-two"). Months, days and ordinals are left out, because
//! dates are rewritten ("on the 25th" as "on Saturday"), and so are ones (一 "a") and single
//! Chinese numerals (两 "both", 三 "a few"). Figures from 2 up count: English writes "three" or
//! "3", a multiple (3倍) may be "thrice" or "tripled", and a clock hour (21时) "9 p.m.". The
//! finding covers the whole translated segment: what is missing has no place of its own in the
//! English.

use crate::bilingual::numbers::{Kind, Quantity};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds a number of the original (digits, Chinese numerals, 万 and 亿 magnitudes,
    /// percentages, years) whose value the translated segment does not contain in any form.
    ///
    /// ## Why it matters
    /// A dropped figure leaves a fluent sentence that says less than the original: a casualty
    /// count, an amount, a share. Nothing in the English shows the gap.
    ///
    /// On the WMT 2021 Chinese-to-English MQM development data (`--bilingual`), read one by one,
    /// most of its findings are real: a figure dropped with its clause (a match score "3：0", "5
    /// p.m.", "2 new suspected cases"), a changed figure (3009 as "9300", 315 as "3315", 十亿 as "two
    /// billion"), a sequel number dropped from a film title, a segment that renders another
    /// sentence; the arguable ones are a count replaced by the list it counts (3省 as "Jiangsu,
    /// Zhejiang and Liaoning"). Translations it flags are penalised by raters more than others. The
    /// finding covers the whole translated segment, so its span precision says little.
    ///
    /// ## Example
    /// ```text
    /// original:    事故造成12人受伤，其中3人伤势严重。
    /// translation: The accident injured several people, three of them seriously.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The accident injured 12 people, three of them seriously.
    /// ```
    ///
    /// Values are compared, not digits: 12亿 matches "1.2 billion" and "1,200,000,000", large
    /// numbers may be rounded (12.34亿 as "1.23 billion"), and an hour of the 24-hour clock may be
    /// written on the 12-hour one (21时 as "9 p.m.", 24时 as "midnight"). A number that B002 reports
    /// as changed is not reported again here.
    ///
    /// ## Fix safety
    /// No fix: the figure has to be put back where the sentence needs it.
    pub static NUMBER_OMITTED = {
        code: "B008",
        name: "number-omitted",
        finds: "a figure of the source whose value the translation lacks in any form",
        category: Bilingual,
        mqm: [AccuracyOmission],
        severity: Warning,
        status: Stable,
        fix: None,
        check: check,
    };
}

/// One is often rendered without a figure ("a", "an", "the same"); from two up the figure or
/// its word is there. Single Chinese numerals (两 "both", 三 "a few") are vague, see [`is_vague`].
const MIN_VALUE: f64 = 2.0;

/// Words that render a multiple (3倍 "three times" or "thrice"), by value; "threefold" is read as
/// a number already.
const MULTIPLES: &[(f64, &[&str])] = &[
    (2.0, &["twice", "double", "doubled", "doubles", "doubling"]),
    (3.0, &["thrice", "triple", "tripled", "triples", "tripling"]),
    (
        4.0,
        &["quadruple", "quadrupled", "quadruples", "quadrupling"],
    ),
];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (pair, read) in cx.alignment().pairs.iter().zip(cx.pair_numbers()) {
        let translated = &read.translated;
        let target = &cx.doc.view()[pair.target.clone()];
        let missing: Vec<&Quantity> = read
            .original
            .iter()
            .filter(|s| s.kind.keeps_its_figure())
            .filter(|s| s.value >= MIN_VALUE || s.kind == Kind::Percent)
            .filter(|s| !is_vague(pair.original, s))
            .filter(|s| !translated.iter().any(|t| s.matches(t)))
            .filter(|s| !multiple_rendered(pair.original, s, target))
            .filter(|s| !in_code(s, target))
            .filter(|s| !clock_hour_rendered(pair.original, s, translated, target))
            // A number with a stand-in of the same digits is B002's magnitude slip, or a
            // changed digit it judges.
            .filter(|s| !translated.iter().any(|t| s.is_magnitude_slip_of(t)))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let listed: Vec<&str> = missing
            .iter()
            .map(|s| &pair.original[s.range.clone()])
            .collect();
        let message = format!(
            "the original's {} {} not in the translation",
            listed.join(", "),
            if listed.len() == 1 { "is" } else { "are" }
        );
        out.push(Finding::new(&NUMBER_OMITTED, pair.target.clone(), message).confidence(0.6));
    }
}

/// Numbers English renders without their figure: approximations (数十年 "decades", 几十亿
/// "billions", 上百万 "up to a million"), a bare 十 or 百 (十年 "a decade"), decades (80年代
/// "the 1980s") and generations (90后 "born in the 1990s").
fn is_vague(original: &str, s: &Quantity) -> bool {
    let written = &original[s.range.clone()];
    let before = original[..s.range.start].chars().next_back();
    let after = &original[s.range.end..];
    matches!(before, Some('数' | '數' | '几' | '幾' | '上' | '好'))
        || written.chars().count() == 1 && !written.starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with("年代")
        || is_generation(written, after)
}

/// Whether `s` counts a multiple (3倍) or a number of times (2次) that the translation renders
/// with a word: "thrice", "tripled", "twice". 增加了2倍 says "grew by twice" and often means
/// "tripled", so for 倍 the word for one more is accepted too.
fn multiple_rendered(original: &str, s: &Quantity, target: &str) -> bool {
    let after = original[s.range.end..].trim_start();
    let one_more = if after.starts_with('倍') {
        s.value + 1.0
    } else if after.starts_with(['次', '遍', '回']) {
        s.value
    } else {
        return false;
    };
    MULTIPLES
        .iter()
        .filter(|(v, _)| *v == s.value || *v == one_more)
        .flat_map(|(_, words)| words.iter())
        .any(|word| has_word(target, word))
}

/// Whether `word` stands in `target` as a whole word, in any case.
fn has_word(target: &str, word: &str) -> bool {
    target
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the translation writes the number inside a code of letters and digits: 7国集团 as
/// "G7", 第2季度 as "Q2". The number reader skips such codes, as they are seldom quantities.
fn in_code(s: &Quantity, target: &str) -> bool {
    let digits = format!("{}", s.value);
    target.split(|c: char| !c.is_alphanumeric()).any(|word| {
        let letters = word.trim_end_matches(|c: char| c.is_ascii_digit());
        !letters.is_empty()
            && letters.chars().all(|c| c.is_ascii_alphabetic())
            && word[letters.len()..] == digits
    })
}

/// Whether `s` is an hour of the 24-hour clock (21时, 21点) that the translation writes on the
/// 12-hour clock: "9 p.m.", "9:30 pm", "noon", "midnight".
fn clock_hour_rendered(
    original: &str,
    s: &Quantity,
    translated: &[Quantity],
    target: &str,
) -> bool {
    let after = &original[s.range.end..];
    if !after.starts_with(['时', '時', '点', '點']) || !(12.0..=24.0).contains(&s.value) {
        return false;
    }
    match s.value {
        12.0 => has_word(target, "noon") || has_word(target, "midday"),
        24.0 => has_word(target, "midnight"),
        hour => translated.iter().any(|t| t.value == hour - 12.0),
    }
}

/// 90后, 00后: people born in that decade ("post-90s", "born in the 1990s").
fn is_generation(written: &str, after: &str) -> bool {
    after.starts_with(['后', '後']) && written.len() == 2 && written.ends_with('0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::bilingual::test_util::lint_pair;

    #[test]
    fn a_dropped_figure_is_reported() {
        let original = "事故造成12人受伤，其中3人伤势严重。";
        let target = "The accident injured several people, three of them seriously.";
        assert_eq!(lint_pair(&NUMBER_OMITTED, original, target), [target]);
    }

    #[test]
    fn small_figures_count_too() {
        for (original, target) in [
            (
                "新增疑似病例2例。",
                "New suspected cases were also reported.",
            ),
            (
                "重症病例较前一日增加7例。",
                "Severe cases rose from the day before.",
            ),
            ("《拆弹专家2》上映。", "“Shock Wave” opens."),
            ("收入增加了3倍。", "Incomes have doubled."),
            (
                "截至25日21时，病例达400万。",
                "By 8 p.m. on the 25th, cases reached 4 million.",
            ),
            ("历时15天", "It took a few days."),
        ] {
            assert_eq!(
                lint_pair(&NUMBER_OMITTED, original, target),
                [target],
                "{original}"
            );
        }
    }

    #[test]
    fn figures_in_any_form_pass() {
        for (original, target) in [
            ("事故造成12人受伤。", "The accident injured 12 people."),
            ("事故造成12人受伤。", "The accident injured twelve people."),
            ("投资12亿元。", "It invested 1.2 billion yuan."),
            ("3.5万人参加。", "35,000 people took part."),
            ("增长35%。", "It grew by 35 percent."),
            ("2020年7月25日发布。", "It was released on July 25, 2020."),
            ("增长了1倍。", "It doubled."),
            (
                "比例是其它社会的3 倍。",
                "The ratio is thrice that of other societies.",
            ),
            ("收入增加了2倍。", "Incomes have tripled."),
            ("他曾2次到访该镇。", "He has visited the town twice."),
            ("7国集团峰会开幕。", "The G7 summit opened."),
            ("20国集团成员", "members of the G20"),
            (
                "衬衫打5折，西装打8折。",
                "Shirts are 50% off and suits 20% off.",
            ),
            ("其中3人伤势严重。", "Three of them were seriously hurt."),
            ("数十年之后", "decades later"),
            ("未来十年内", "within the next decade"),
            ("上世纪80年代的影片", "a film of the 1980s"),
            (
                "五年时间，两百五十万个部分",
                "five years, two and a half million parts",
            ),
            ("APEC2020年后合作愿景", "the APEC vision after 2020"),
            ("“90后”攒钱", "people born in the 1990s save"),
            ("超过110亿美元资金流入", "more than USD11 billion flowed in"),
            ("谋杀率从每一百万15起", "15 murders per million"),
            ("每次喝水控制在150至200毫升", "between 150-200ml each time"),
            (
                "截至25日21时，病例达400万。",
                "By 9 p.m. on the 25th, cases reached 4 million.",
            ),
            ("19时54分进入青海。", "He entered Qinghai at 7:54 pm."),
            ("12时发布", "released at noon"),
            ("24时前", "before midnight"),
        ] {
            assert!(
                lint_pair(&NUMBER_OMITTED, original, target).is_empty(),
                "{original} / {target}"
            );
        }
    }

    #[test]
    fn a_changed_magnitude_is_left_to_b002() {
        assert!(
            lint_pair(
                &NUMBER_OMITTED,
                "投资12亿元。",
                "It invested 12 billion yuan."
            )
            .is_empty()
        );
    }
}
