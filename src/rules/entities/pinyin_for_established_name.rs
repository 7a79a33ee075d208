use std::cell::OnceCell;
use std::collections::HashMap;

use crate::bilingual::names::{EstablishedPinyin, established_by_pinyin, pinyin_key};
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::entities::mentions::NameRun;
use crate::fix::{Edit, Fix};
use crate::names::lists::lists;
use crate::rules::words::english_word;
use crate::rules::{Context, Outranker};

declare_rule! {
    /// ## What it does
    /// Finds a Chinese name written in Hanyu Pinyin where English uses another, established
    /// form: a place of Hong Kong, Macau, Taiwan or a minority region ("Xianggang" for Hong Kong,
    /// "Taibei" for Taipei, "Wulumuqi" for Urumqi), or a person known in English by a Cantonese,
    /// Wade-Giles or English name ("Zhang Jianzong" for Matthew Cheung, "Liu Dehua" for Andy
    /// Lau, "Cai Yingwen" for Tsai Ing-wen).
    ///
    /// ## Why it matters
    /// Machine translation romanises every Chinese name in Mandarin pinyin. Readers know these
    /// people and places by their English forms, and do not recognise them in pinyin; raters mark
    /// it as a wrong name.
    ///
    /// On the WMT 2021 Chinese-to-English MQM development data all of its findings are right, but
    /// they are two people in two stories (a Hong Kong official and an actor), so its span
    /// precision says little about other names. The data also showed why a place's pinyin beside a
    /// word that is not English is left alone: eleven renderings of 华菱湘钢 ("Valin Xianggang", a
    /// steelworks) would have been read as Hong Kong. It raises no finding on the clean-English
    /// set.
    ///
    /// ## Example
    /// ```text
    /// Zhang Jianzong said the Xianggang government would extend the tests.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Matthew Cheung said the Hong Kong government would extend the tests.
    /// ```
    ///
    /// The names are those of `wordlists/chinese_established_names.tsv`, read in pinyin (see
    /// [`established_by_pinyin`]): persons with a given name of two characters or more (a
    /// two-character name such as Wang Fei is shared by too many people), and places; organisations
    /// are left out. A person's name counts only in a document that speaks of Hong Kong, Macau,
    /// Taiwan or Singapore, where names are romanised otherwise: elsewhere "Wang Jiawei" is more
    /// likely one of the many people of that name than Wong Kar-wai. A place's pinyin next to a
    /// Chinese surname is a person's given name ("Wang Jiayi"), next to another word that is not
    /// English it is part of another name ("Valin Xianggang", 湘钢, a steelworks), and a sentence
    /// that also gives the English form glosses the name ("Hong Kong, Xianggang in Mandarin"): both
    /// are left alone, as is a name the glossary accepts. With the original at hand (bilingual
    /// mode), B001 compares the name with the Chinese and this rule stays quiet.
    ///
    /// ## Fix safety
    /// Unsafe: the pinyin may name someone else with the same name, which only the context
    /// tells.
    pub static PINYIN_FOR_ESTABLISHED_NAME = {
        code: "E003",
        name: "pinyin-for-established-name",
        finds: "a name in pinyin that English writes otherwise (\"Xianggang\" for Hong Kong, \"Zhang Jianzong\" for Matthew Cheung)",
        category: Entities,
        mqm: [LocaleConventionName],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
        // The desk's own term, matched against the original, names it better.
        yields_to: &[Outranker::FixOf("B009")],
    };
}

/// Names of the list whose pinyin English also uses, or whose pinyin spells other names too, with
/// the reason. B001 still checks them against an original.
const PINYIN_IN_USE: &[(&str, &str)] = &[
    (
        "刘强东",
        "Liu Qiangdong is as common as Richard Liu in English news",
    ),
    (
        "喀什",
        "China's official English writes Kashi; Kashi is also Varanasi, in India",
    ),
    (
        "喜马拉雅",
        "Ximalaya is also a Chinese audio platform (Ximalaya FM)",
    ),
    ("嘉义", "Jiayi is also a common given name (佳怡, 嘉仪)"),
    ("基隆", "Jilong is also a given name (吉龙)"),
    (
        "张朝阳",
        "Zhang Zhaoyang is as common as Charles Zhang in English news",
    ),
    (
        "新界",
        "Xinjie is also 新街, a common place and street name",
    ),
    (
        "李彦宏",
        "Li Yanhong is as common as Robin Li in English news",
    ),
    (
        "沈南鹏",
        "Shen Nanpeng is as common as Neil Shen in English news",
    ),
    (
        "珠江",
        "Zhujiang is also Zhujiang New Town in Guangzhou and many company names",
    ),
    (
        "西藏",
        "China's official English writes Xizang since 2023: a house style decides",
    ),
    (
        "长江",
        "Changjiang is also a company and brand name, and China's official English uses it",
    ),
    (
        "马化腾",
        "Ma Huateng is as common as Pony Ma in English news",
    ),
    (
        "黄河",
        "Huanghe is in names of institutions, and the usual gloss of the Yellow River",
    ),
];

/// Longest span of a run looked up as one name, in words ("Lin Zheng Yue E").
const MAX_WORDS: usize = 4;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let table = established_by_pinyin();
    // Read once per document, and only when a person's name is found.
    let in_region = OnceCell::new();
    for run in cx.name_runs() {
        for (start, end, name) in run.longest_spans(|start| longest_name(table, run, start)) {
            if name.person
                && !*in_region.get_or_init(|| mentions_a_region_of_other_romanisations(cx))
            {
                continue;
            }
            report(cx, run, start, end, name, out);
        }
    }
}

/// The longest span of words from `start` whose letters spell a listed name's pinyin.
fn longest_name<'t>(
    table: &'t HashMap<String, EstablishedPinyin>,
    run: &NameRun,
    start: usize,
) -> Option<(usize, &'t EstablishedPinyin)> {
    let last = run.words.len().min(start + MAX_WORDS) - 1;
    (start..=last).rev().find_map(|end| {
        let words = &run.words[start..=end];
        if words.iter().any(|w| w.connector || !w.capitalised) {
            return None;
        }
        let key: String = words.iter().map(|w| pinyin_key(&w.lower)).collect();
        table
            .get(&key)
            .filter(|name| !PINYIN_IN_USE.iter().any(|(hanzi, _)| *hanzi == name.hanzi))
            .map(|name| (end, name))
    })
}

fn report(
    cx: &Context,
    run: &NameRun,
    start: usize,
    end: usize,
    name: &EstablishedPinyin,
    out: &mut Vec<Finding>,
) {
    let range = run.range(start, end);
    let written = cx.doc.slice(range.clone());
    if (!name.person && beside_name_word(run, start, end))
        || glossed(cx, range.start, name)
        || cx.glossary.accepts(written)
        || cx
            .alignment()
            .pairs
            .iter()
            .any(|p| p.target.contains(&range.start))
    {
        return;
    }
    let english = name.english[0];
    let message = format!(
        "“{written}” is the pinyin of {}, which English writes “{english}”",
        name.hanzi
    );
    out.push(
        Finding::new(&PINYIN_FOR_ESTABLISHED_NAME, range.clone(), message)
            .confidence(if name.person { 0.7 } else { 0.85 })
            .suggest(english)
            .fix(Fix::unsafe_edit(Edit::replace(range, english))),
    );
}

/// Whether words `start..=end` of the run stand beside another part of a name: a Chinese surname
/// ("Wang Jiayi", "Jiayi Wang": a given name) or a capitalised word that is not English ("Valin
/// Xianggang": 湘钢, a steelworks, not 香港). "Xianggang Special Administrative Region" and
/// "Taibei City" are places.
fn beside_name_word(run: &NameRun, start: usize, end: usize) -> bool {
    let is_name_word = |i: usize| {
        run.words.get(i).is_some_and(|w| {
            !w.connector
                && (lists().surname(&w.lower).is_some() || english_word(&w.lower).is_none())
        })
    };
    (start > 0 && is_name_word(start - 1)) || is_name_word(end + 1)
}

/// Where Chinese names are romanised otherwise than in Mandarin pinyin, in English and in pinyin.
const OTHER_ROMANISATION_REGIONS: &[&str] = &[
    "Aomen",
    "HKSAR",
    "Hong Kong",
    "Kowloon",
    "Macao",
    "Macau",
    "Singapore",
    "Taibei",
    "Taipei",
    "Taiwan",
    "Xianggang",
];

/// Whether the document speaks of Hong Kong, Macau, Taiwan or Singapore. A person's name in
/// pinyin is taken for one of the list only then: "Wang Jiawei" in an article on the mainland is
/// one of thousands of people with that name, not Wong Kar-wai.
fn mentions_a_region_of_other_romanisations(cx: &Context) -> bool {
    let text = cx.doc.view();
    OTHER_ROMANISATION_REGIONS.iter().any(|r| text.contains(r))
}

/// Whether the sentence at `at` also gives the name's English form: a gloss ("Hong Kong,
/// Xianggang in Mandarin") rather than a wrong name.
fn glossed(cx: &Context, at: usize, name: &EstablishedPinyin) -> bool {
    cx.doc.sentence_at(at).is_some_and(|sentence| {
        let text = cx.doc.slice(sentence.range.clone());
        name.english.iter().any(|e| text.contains(e))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::{assert_fixed, assert_lints, assert_no_lints, assert_suggestion};

    const RULE: &crate::rules::RuleMeta = &PINYIN_FOR_ESTABLISHED_NAME;

    #[test]
    fn places_in_pinyin_are_found() {
        assert_lints(
            RULE,
            "Flights from Xianggang and Taibei City resumed. The train reached Wulumuqi at noon.",
            &["Xianggang", "Taibei", "Wulumuqi"],
        );
        assert_suggestion(RULE, "Flights from Xianggang resumed.", "Hong Kong");
    }

    #[test]
    fn persons_in_pinyin_are_found_in_either_order() {
        for (text, name, english) in [
            (
                "In Hong Kong, Zhang Jianzong said tests would go on.",
                "Zhang Jianzong",
                "Matthew Cheung",
            ),
            (
                "Jianzong Zhang's blog was read in Hong Kong.",
                "Jianzong Zhang",
                "Matthew Cheung",
            ),
            (
                "The Hong Kong film stars Liu Dehua.",
                "Liu Dehua",
                "Andy Lau",
            ),
            (
                "Lin Zheng Yue'e spoke first in Macau.",
                "Lin Zheng Yue'e",
                "Carrie Lam",
            ),
        ] {
            assert_lints(RULE, text, &[name]);
            assert_suggestion(RULE, text, english);
        }
    }

    #[test]
    fn every_exception_is_a_name_the_rule_would_find() {
        for (hanzi, _) in PINYIN_IN_USE {
            assert!(
                established_by_pinyin().values().any(|e| e.hanzi == *hanzi),
                "{hanzi} is not read by its pinyin, so its exception is dead data"
            );
        }
    }

    #[test]
    fn the_fix_keeps_a_possessive() {
        assert_fixed(
            RULE,
            "Zhang Jianzong's blog in Hong Kong",
            Applicability::Unsafe,
            "Matthew Cheung's blog in Hong Kong",
        );
        // The fix is unsafe: a safe run leaves the name.
        assert_fixed(
            RULE,
            "Zhang Jianzong's blog in Hong Kong",
            Applicability::Safe,
            "Zhang Jianzong's blog in Hong Kong",
        );
    }

    #[test]
    fn a_person_needs_a_region_that_romanises_otherwise() {
        assert_no_lints(RULE, "Wang Jiawei, a chemist in Wuhan, won the prize.");
        assert_lints(
            RULE,
            "Wang Jiawei, a film director from Hong Kong, won the prize.",
            &["Wang Jiawei"],
        );
    }

    /// Runs the rule on one segment, with its original when one is given, and `accepted` names in
    /// the glossary.
    fn findings_with(text: &str, original: Option<&str>, accepted: &[&str]) -> Vec<Finding> {
        use crate::config::Settings;
        use crate::text::{Document, InputFormat, Original, Source};
        let mut source = Source::from_rows("t", &[(1, text)], InputFormat::Plain);
        if let Some(original) = original {
            source = source.with_original(Original::Segments(vec![original.to_string()]));
        }
        let doc = Document::new(&source);
        let mut settings = Settings::default();
        settings
            .glossary
            .names
            .extend(accepted.iter().map(|n| n.to_string()));
        let cx = Context::new(&doc, &settings.glossary);
        let mut out = Vec::new();
        check(&cx, &mut out);
        out
    }

    #[test]
    fn an_original_or_the_glossary_silences_it() {
        let text = "Zhang Jianzong spoke in Hong Kong.";
        assert_eq!(findings_with(text, None, &[]).len(), 1);
        // B001 compares the name with 张建宗 instead.
        assert!(findings_with(text, Some("张建宗在香港发言。"), &[]).is_empty());
        assert!(findings_with(text, None, &["Zhang Jianzong"]).is_empty());
    }

    #[test]
    fn established_forms_glosses_and_namesakes_pass() {
        assert_no_lints(
            RULE,
            "Matthew Cheung said Hong Kong and Taipei would talk. Wang Fei sang. \
             Hong Kong is Xianggang in Mandarin. Wang Jiayi and Jiayi Wang met Ma Yun. \
             Tsinghua and Zhongshan are in China. Kashi lies in Xinjiang. Wang Taibei spoke. \
             Ma Huateng runs Tencent. \
             Valin Xianggang and Hualing Xianggang make steel.",
        );
        assert_no_lints(RULE, "the word xianggang in a list");
    }
}
