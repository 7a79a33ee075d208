//! B007: a Chinese personal name of the original that the translation does not render at all.
//!
//! The other half of B001: the personal names of each original segment come from
//! [`crate::bilingual::names`], and a name counts as rendered as B001 counts it (surname or given
//! name in any romanisation the lists know, or an established English form), or written as one
//! word ("Shangrui"). A name with a near miss in the translation is B001's finding, not this
//! one's. What is left is a name with no trace in the translation: dropped, or rendered as
//! something that no longer reads as a name. Places are left out (香港 is rendered "the HKSAR",
//! 长江 "the river"), and so is a reporter's name in a news agency's byline, which English
//! datelines drop. The finding covers the whole translated segment, because what is missing has
//! no place of its own in the English.

use std::collections::HashSet;

use crate::bilingual::names::SourceName;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use crate::rules::bilingual::name_transliteration_mismatch::{
    has_counterpart, near_miss, target_words,
};
use crate::text::script::is_han;

declare_rule! {
    /// ## What it does
    /// Finds a Chinese personal or place name of the original that the translated segment does
    /// not render at all: neither its pinyin (surname or given name), nor another romanisation of
    /// the surname (Tseng, Leung), nor its established English form (Tsinghua, Hong Kong), nor a
    /// misspelling of any of them (those are B001's findings).
    ///
    /// ## Why it matters
    /// An engine that cannot read a name sometimes drops it, or renders its characters as
    /// ordinary words ("Wang Jianguo said" as "the king built the country, said"). The English
    /// stays fluent; only the original shows that the person or place has gone.
    ///
    /// The finding covers the whole translated segment, so its span precision says little. On the
    /// WMT 2021 Chinese-to-English MQM development data (`--bilingual --preview`) modern engines
    /// rarely drop a name: most of its findings are one TED segment where 蓝三角 ("blue triangle")
    /// reads as a name, and the rest mostly a person called "he" after the first mention, which
    /// raters accept. Its findings point to the worse of two translations less often than chance,
    /// so it is a preview rule: a question for the editor, not a measure of quality.
    ///
    /// ## Example
    /// ```text
    /// original:    王建国表示，新政策将于明年实施。
    /// translation: The king said the new policy would take effect next year.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Wang Jianguo said the new policy would take effect next year.
    /// ```
    ///
    /// Names are taken from the original only where a cue marks them (a verb of saying or a title
    /// next to a surname, or a name of the established-names list). A translation that refers to
    /// the person by a pronoun or a title ("he said", "the minister said") is reported too, so
    /// read the finding as a question, not a verdict.
    ///
    /// ## Fix safety
    /// No fix: the name has to be put back where the sentence needs it.
    pub static NAME_OMITTED = {
        code: "B007",
        name: "name-omitted",
        finds: "a Chinese personal name of the source with no trace in the translation",
        category: Bilingual,
        mqm: [AccuracyOmission, AccuracyMistranslation],
        severity: Warning,
        status: Preview,
        fix: None,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (pair, names) in cx.alignment().pairs.iter().zip(cx.pair_names()) {
        if names.is_empty() {
            continue;
        }
        let target = cx.doc.slice(pair.target.clone());
        // A segment left in Chinese is B003's finding.
        if target.chars().any(is_han) {
            continue;
        }
        let words = target_words(cx, pair.target.clone());
        let lower = target.to_lowercase();
        let mut reported = HashSet::new();
        let letters: String = lower.chars().filter(char::is_ascii_alphabetic).collect();
        for name in names
            .iter()
            .filter(|n| n.is_person() && !is_byline(pair.original, n))
        {
            if has_counterpart(name, &words, &lower)
                || written_joined(name, &letters)
                || near_miss(name, names, &words, pair.original).is_some()
                || !reported.insert(name.hanzi)
            {
                continue;
            }
            let message = format!(
                "the original names {} ({}), but the translation does not mention it",
                name.hanzi,
                name.suggestion()
            );
            out.push(Finding::new(&NAME_OMITTED, pair.target.clone(), message));
        }
    }
}

/// A reporter's name in a news agency's byline (新华社北京7月25日电（记者林昊）): English datelines
/// credit the agency, not the reporter ("BEIJING, July 25 (Xinhua) --"), so dropping it is right.
fn is_byline(original: &str, name: &SourceName) -> bool {
    let before = &original[..name.range.start];
    before.ends_with("记者") || before.ends_with("記者")
}

/// Whether the translation writes the name as one word ("Shangrui" for 商瑞), which the word-by-word
/// comparison does not see.
fn written_joined(name: &SourceName, letters: &str) -> bool {
    name.given
        .iter()
        .any(|given| letters.contains(&format!("{}{given}", name.surname)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::bilingual::test_util::lint_pair;

    const SAID: &str = "王建国表示，新政策将于明年实施。";

    #[test]
    fn a_name_with_no_trace_is_reported() {
        let target = "The king said the new policy would take effect next year.";
        assert_eq!(lint_pair(&NAME_OMITTED, SAID, target), [target]);
    }

    #[test]
    fn a_rendered_name_is_not() {
        for target in [
            "Wang Jianguo said the new policy would take effect next year.",
            "Wang said the new policy would take effect next year.",
            "Jianguo Wang said the new policy would take effect next year.",
        ] {
            assert!(
                lint_pair(&NAME_OMITTED, SAID, target).is_empty(),
                "{target}"
            );
        }
    }

    #[test]
    fn a_misspelt_name_is_b001s_finding() {
        let target = "Wong Jianguo said the new policy would take effect next year.";
        assert!(lint_pair(&NAME_OMITTED, SAID, target).is_empty());
        let target = "Leann said the company would keep investing in research.";
        assert!(lint_pair(&NAME_OMITTED, "梁文锋表示，公司将继续投入研发。", target).is_empty());
    }

    #[test]
    fn established_forms_and_other_romanisations_count() {
        let original = "曾俊华表示，香港经济正在复苏。";
        let target = "Tsang Chun-wah said that Hong Kong's economy was recovering.";
        assert!(lint_pair(&NAME_OMITTED, original, target).is_empty());
        let dropped = "He said that Hong Kong's economy was recovering.";
        assert_eq!(lint_pair(&NAME_OMITTED, original, dropped), [dropped]);
    }

    #[test]
    fn bylines_places_and_joined_names_are_not_reported() {
        // English datelines credit the agency, not the reporter.
        let original = "新华社吉隆坡7月25日电（记者林昊）会议25日举行。";
        let target = "KUALA LUMPUR, July 25 (Xinhua) -- The meeting was held on July 25.";
        assert!(lint_pair(&NAME_OMITTED, original, target).is_empty());
        // A place is rendered too many ways (HKSAR, the SAR) to call it missing.
        let original = "香港特区政府表示，形势严峻。";
        let target = "The HKSAR government said the situation was grave.";
        assert!(lint_pair(&NAME_OMITTED, original, target).is_empty());
        let target = "Reporter Shangrui reported that the team made progress.";
        assert!(lint_pair(&NAME_OMITTED, "本报讯记者商瑞报道：团队取得进展。", target).is_empty());
    }

    #[test]
    fn one_finding_per_name_and_none_for_untranslated_text() {
        let original = "王建国表示，王建国的政策将于明年实施。";
        let target = "The king said the policy would take effect next year.";
        assert_eq!(lint_pair(&NAME_OMITTED, original, target).len(), 1);
        assert!(lint_pair(&NAME_OMITTED, SAID, "王建国表示 the policy").is_empty());
    }
}
