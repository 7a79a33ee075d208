//! B001: a Chinese name of the original written wrongly in the translation.
//!
//! The names of each original segment come from [`crate::bilingual::names`] (a surname with a cue,
//! or an established name). For each, the aligned translation is searched for a counterpart: the
//! surname or the given name in pinyin (any reading of the given name, joined, hyphenated or
//! spaced, in either order), a romanisation of the surname from the surname list (Tseng for 曾,
//! Leung for 梁), or an established English form. Only when there is none is a near miss looked
//! for among the capitalised words of the translation, with the name-similarity measure of
//! [`crate::names::similarity`] ("Leann" for Liang). A name with no counterpart and no near miss is
//! left alone: the sentence may have been recast with a pronoun. For a name with an established
//! English form, its bare pinyin in the translation ("Liu Dehua" for 刘德华, "Xianggang" for 香港)
//! is the near miss.

use std::ops::Range;

use crate::bilingual::names::SourceName;
use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::names::lists::lists;
use crate::names::normalize::{capitalise, part_key};
use crate::names::similarity;
use crate::rules::{Context, Outranker};
use crate::text::Flags;

declare_rule! {
    /// ## What it does
    /// Compares the Chinese personal and place names of the original with the names of the
    /// translation, and flags a name the translation spells wrongly: a garbled transliteration
    /// ("Leann" for 梁 Liang), or a bare pinyin where English has an established form ("Liu Dehua"
    /// for 刘德华, whom English calls Andy Lau; "Xianggang" for 香港, Hong Kong).
    ///
    /// ## Why it matters
    /// A reader cannot tell that "Leann Wenfeng" is Liang Wenfeng, and cannot search for him; a
    /// translation engine that does not recognise a name turns it into English-looking words.
    /// Nothing in the English sentence looks wrong, so only the original shows the error.
    ///
    /// ## Example
    /// ```text
    /// original:    梁文锋表示，公司将继续投入研发。
    /// translation: Leann said the company would keep investing in research.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Liang said the company would keep investing in research.
    /// ```
    ///
    /// A name counts as rendered when the translation has its surname or given name in pinyin (in
    /// any order, "Wenfeng", "Wen-feng" or "Wen Feng"), a Wade-Giles or Cantonese spelling of the
    /// surname (Tseng, Leung), or an established English form. Names are taken from the original
    /// only where a cue marks them (a verb of saying or a title next to a surname, or a name of
    /// the established-names list), and a name with no similar word in the translation is not
    /// reported: the sentence may refer to the person another way.
    ///
    /// ## Fix safety
    /// Unsafe: the fix writes the pinyin or the established form in place of the wrong word; the
    /// person may prefer another spelling of their own name.
    pub static NAME_TRANSLITERATION_MISMATCH = {
        code: "B001",
        name: "name-transliteration-mismatch",
        finds: "a Chinese name of the source written wrongly (\"Leann\" for 梁文锋, \"Liu Dehua\" for 刘德华 Andy Lau)",
        category: Bilingual,
        mqm: [AccuracyMistranslation, LocaleConventionName],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
        // The desk's own term, matched against the original, names it better.
        yields_to: &[Outranker::FixOf("B009")],
    };
}

/// Similarity from [`similarity::compare`] a near miss needs.
const MIN_SCORE: f32 = 0.75;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (pair, names) in cx.alignment().pairs.iter().zip(cx.pair_names()) {
        if names.is_empty() {
            continue;
        }
        let words = target_words(cx, pair.target.clone());
        let target_lower = cx.doc.slice(pair.target.clone()).to_lowercase();
        let mut reported: Vec<Range<usize>> = Vec::new();
        for name in names {
            if has_counterpart(name, &words, &target_lower) {
                continue;
            }
            let Some(miss) = near_miss(name, names, &words, pair.original) else {
                continue;
            };
            if reported.contains(&miss.range) {
                continue;
            }
            reported.push(miss.range.clone());
            let written = cx.doc.slice(miss.range.clone());
            let message = format!(
                "“{written}” does not match the original’s {} ({}); write “{}”",
                name.hanzi,
                name.suggestion(),
                miss.replacement
            );
            out.push(
                Finding::new(&NAME_TRANSLITERATION_MISMATCH, miss.range.clone(), message)
                    .confidence(miss.confidence)
                    .suggest(miss.replacement.clone())
                    .fix(Fix::unsafe_edit(Edit::replace(
                        miss.range,
                        miss.replacement,
                    ))),
            );
        }
    }
}

/// A word of the translation, as a name-comparison key. A hyphenated name ("Wen-feng") is two
/// words, compared joined as well as apart.
pub(crate) struct Word {
    range: Range<usize>,
    /// Lowercase letters without diacritics ("leann").
    key: String,
    capitalised: bool,
    sentence_initial: bool,
}

/// The words of the translated segment `range`.
pub(crate) fn target_words(cx: &Context, range: Range<usize>) -> Vec<Word> {
    let tokens = &cx.doc.tokens;
    let first = tokens.partition_point(|t| (t.start as usize) < range.start);
    tokens[first..]
        .iter()
        .take_while(|t| (t.end as usize) <= range.end)
        .filter(|t| t.is_word())
        .map(|token| Word {
            range: token.range(),
            key: part_key(cx.doc.text(token)),
            capitalised: token.is(Flags::CAPITALISED) || token.is(Flags::ALL_CAPS),
            sentence_initial: token.is(Flags::SENTENCE_INITIAL),
        })
        .collect()
}

/// Whether the translation renders `name`: its surname (or a romanisation of it), its given name,
/// or an established form.
pub(crate) fn has_counterpart(name: &SourceName, words: &[Word], target_lower: &str) -> bool {
    if name
        .established
        .iter()
        .any(|form| contains_phrase(target_lower, &form.to_lowercase()))
    {
        return true;
    }
    if !name.established.is_empty() {
        // "Lau" alone for Andy Lau, "Tsinghua" for Tsinghua University.
        let distinctive = |form: &str| {
            form.split([' ', '-'])
                .map(part_key)
                .filter(|k| k.len() >= 3 && !is_generic(k))
                .collect::<Vec<_>>()
        };
        let pinyin_keys = pinyin_keys(name);
        return name.established.iter().any(|form| {
            distinctive(form)
                .iter()
                .any(|k| !pinyin_keys.contains(k) && words.iter().any(|w| &w.key == k))
        });
    }
    words
        .iter()
        .any(|w| w.key == name.surname || lists().same_surname(&w.key, &name.surname))
}

/// Where a reading of the given name is written in the translation, as one word or split in two
/// (Wenfeng, Wen-feng, Wen Feng): the indices of its first and last word.
fn given_position(name: &SourceName, words: &[Word]) -> Option<(usize, usize)> {
    name.given.iter().find_map(|given| {
        words
            .iter()
            .position(|w| &w.key == given)
            .map(|i| (i, i))
            .or_else(|| {
                words
                    .windows(2)
                    .position(|pair| {
                        pair[0].key.len() + pair[1].key.len() == given.len()
                            && format!("{}{}", pair[0].key, pair[1].key) == *given
                    })
                    .map(|i| (i, i + 1))
            })
    })
}

/// The keys of the name in pinyin (surname, given name), which do not count as an established form.
fn pinyin_keys(name: &SourceName) -> Vec<String> {
    let mut keys = name.given.clone();
    if !name.surname.is_empty() {
        keys.push(name.surname.clone());
    }
    keys
}

fn is_generic(key: &str) -> bool {
    matches!(key, "university" | "river" | "the" | "of" | "inner")
}

/// Whether `phrase` occurs in `text` between word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A word of the translation that is probably a wrong rendering of the name.
pub(crate) struct Miss {
    range: Range<usize>,
    replacement: String,
    confidence: f32,
}

pub(crate) fn near_miss(
    name: &SourceName,
    all: &[SourceName],
    words: &[Word],
    original: &str,
) -> Option<Miss> {
    if !name.established.is_empty() {
        return bare_pinyin(name, words, original);
    }
    // Words that render another name of the same segment are not candidates.
    let claimed = |w: &Word| {
        all.iter().filter(|n| !std::ptr::eq(*n, name)).any(|n| {
            w.key == n.surname
                || n.given.contains(&w.key)
                || lists().same_surname(&w.key, &n.surname)
                || n.established
                    .iter()
                    .any(|e| e.split(' ').any(|p| part_key(p) == w.key))
        })
    };
    // When the given name is there ("Leann Wenfeng"), only the words beside it can be the surname.
    let given_at = given_position(name, words);
    let candidates: Vec<&Word> = match given_at {
        Some((first, last)) => [first.checked_sub(1), Some(last + 1)]
            .into_iter()
            .flatten()
            .filter_map(|i| words.get(i))
            .collect(),
        None => words.iter().collect(),
    };
    let mut best: Option<(f32, &Word, String)> = None;
    // Another Chinese surname with nothing tying it to this name (no given name beside it) may
    // well be another person's: "Jin Mengjia" is not a misspelling of Jing.
    let other_surname = |w: &Word| given_at.is_none() && lists().surname(&w.key).is_some();
    for word in candidates
        .into_iter()
        .filter(|w| is_candidate(w) && !claimed(w) && !other_surname(w))
    {
        let surname = similarity::compare(&word.key, &name.surname)
            .map(|s| (s.score, capitalise(&name.surname)));
        let given = name
            .given
            .first()
            .filter(|g| g.len() >= 4 && given_at.is_none())
            .and_then(|g| similarity::compare(&word.key, g).map(|s| (s.score, capitalise(g))));
        for (score, replacement) in [surname, given].into_iter().flatten() {
            if score >= MIN_SCORE && best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                best = Some((score, word, replacement));
            }
        }
    }
    let (score, word, replacement) = best?;
    Some(Miss {
        range: word.range.clone(),
        replacement,
        confidence: (score * 0.9).min(0.85),
    })
}

/// A capitalised word that is not an English word at the start of a sentence: the kind of word a
/// garbled transliteration becomes. Western given names are candidates ("Leann" for Liang): the
/// original names a Chinese person, and no other name of the segment explains the word.
fn is_candidate(word: &Word) -> bool {
    if !word.capitalised
        || word.key.len() < 2
        || word.key.len() > 12
        || !word.key.bytes().all(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    !(word.sentence_initial && crate::lexicon::lexicon().english_word(&word.key).is_some())
}

/// For a name with an established English form, its bare pinyin in the translation: "Liu Dehua" for
/// 刘德华 (Andy Lau), "Xianggang" or "Xiang Gang" for 香港.
fn bare_pinyin(name: &SourceName, words: &[Word], original: &str) -> Option<Miss> {
    // A place name inside the name of a hotel, a company or a street keeps its pinyin there
    // (黄河大酒店, the Huanghe Grand Hotel).
    let next = &original[name.range.end..];
    if !name.is_person() && NAME_FORMING.iter().any(|w| next.starts_with(w)) {
        return None;
    }
    let mut replacement = name.established.first()?.to_string();
    // 清华大学 "Qinghua University": only "Qinghua" is replaced.
    if name.hanzi.ends_with("大学") || name.hanzi.ends_with("大學") {
        replacement = replacement
            .strip_suffix(" University")
            .unwrap_or(&replacement)
            .to_string();
    }
    for (i, word) in words.iter().enumerate() {
        if !word.capitalised {
            continue;
        }
        for given in &name.given {
            // A person: surname and given name, in either order.
            let range = if !name.surname.is_empty() {
                let next = words.get(i + 1);
                let next_two = words
                    .get(i + 1)
                    .zip(words.get(i + 2))
                    .map(|(a, b)| (format!("{}{}", a.key, b.key), b.range.end));
                let given_after = next
                    .filter(|n| &n.key == given)
                    .map(|n| n.range.end)
                    .or(next_two.filter(|(k, _)| k == given).map(|(_, e)| e));
                let surname_after = next
                    .filter(|n| n.key == name.surname && &word.key == given)
                    .map(|n| n.range.end);
                if word.key == name.surname {
                    given_after
                } else {
                    surname_after
                }
            } else if &word.key == given && given.len() >= 4 {
                Some(word.range.end)
            } else {
                words
                    .get(i + 1)
                    .filter(|n| n.capitalised && format!("{}{}", word.key, n.key) == *given)
                    .map(|n| n.range.end)
            };
            if let Some(end) = range {
                return Some(Miss {
                    range: word.range.start..end,
                    replacement,
                    confidence: 0.8,
                });
            }
        }
    }
    None
}

/// Words after a place name that make it part of another proper name.
const NAME_FORMING: &[&str] = &[
    "大酒店",
    "酒店",
    "饭店",
    "飯店",
    "宾馆",
    "賓館",
    "大厦",
    "大廈",
    "公司",
    "集团",
    "集團",
    "银行",
    "銀行",
    "路",
    "街",
    "道",
    "村",
    "镇",
    "鎮",
    "小区",
    "社區",
    "广场",
    "廣場",
    "中心",
    "商场",
    "商場",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::bilingual::test_util::{lint_pair, lint_pair_suggestions};

    fn flagged(original: &str, translation: &str) -> Vec<String> {
        lint_pair(&NAME_TRANSLITERATION_MISMATCH, original, translation)
    }

    #[test]
    fn garbled_surnames_are_found() {
        assert_eq!(
            lint_pair_suggestions(
                &NAME_TRANSLITERATION_MISMATCH,
                "梁文锋表示，公司将继续研发。",
                "Leann said the company would keep investing."
            ),
            [("Leann".into(), vec!["Liang".into()])]
        );
        assert_eq!(
            flagged(
                "梁文锋表示，公司将继续研发。",
                "The founder, Lean, said the company would go on."
            ),
            ["Lean"]
        );
    }

    #[test]
    fn established_forms_are_expected() {
        assert_eq!(
            lint_pair_suggestions(
                &NAME_TRANSLITERATION_MISMATCH,
                "刘德华在香港演出。",
                "Liu Dehua performed in Hong Kong."
            ),
            [("Liu Dehua".into(), vec!["Andy Lau".into()])]
        );
        assert_eq!(
            flagged("他在香港工作。", "He works in Xianggang."),
            ["Xianggang"]
        );
        assert_eq!(
            flagged("清华大学的学生", "students of Qinghua University"),
            ["Qinghua"]
        );
    }

    #[test]
    fn correct_renderings_pass() {
        for translation in [
            "Liang Wenfeng said the company would keep investing.",
            "Wenfeng Liang said the company would keep investing.",
            "Liang Wen-feng said the company would keep investing.",
            "Liang said the company would keep investing.",
            "Wenfeng said the company would keep investing.",
            "LIANG Wenfeng said the company would keep investing.",
            "Liáng Wénfēng said the company would keep investing.",
            "Leung Man-fung said the company would keep investing.",
            "He said the company would keep investing.",
        ] {
            assert!(
                flagged("梁文锋表示，公司将继续研发。", translation).is_empty(),
                "{translation}"
            );
        }
        assert!(flagged("曾毓群说", "Zeng Yuqun said").is_empty());
        assert!(flagged("曾毓群说", "Robin Tseng said").is_empty());
        assert!(flagged("欧阳明表示", "Ouyang Ming said").is_empty());
        assert!(flagged("刘德华在香港演出。", "Andy Lau performed in Hong Kong.").is_empty());
        assert!(flagged("清华大学的学生", "students of Tsinghua").is_empty());
        assert!(flagged("北大教授", "a Peking University professor").is_empty());
    }

    #[test]
    fn unrelated_words_and_other_names_pass() {
        // Lin renders the other name of the segment.
        assert!(flagged("梁文锋和林峰表示", "Lin Feng and Liang Wenfeng said").is_empty());
        // Ordinary English words at the start of a sentence, Western names.
        assert!(flagged("梁文锋表示，", "Lean times are over, the founder said.").is_empty());
        assert!(flagged("李明说", "Lee Ming said").is_empty());
        assert!(flagged("高温天气持续", "Gao said the heat would go on").is_empty());
        // Another surname, with no given name of this person beside it.
        assert!(
            flagged(
                "景文说，靳梦佳也来了。",
                "He said Jin Mengjia had come too."
            )
            .is_empty()
        );
        // A place name inside a hotel's name keeps its pinyin.
        assert!(flagged("从黄河大酒店出发", "set off from the Huanghe Grand Hotel").is_empty());
    }

    #[test]
    fn foreign_names_written_in_chinese_pass() {
        for (original, translation) in [
            ("尹锡悦表示，", "Yoon Suk-yeol said"),
            ("金正恩表示，", "Kim Jong-un said"),
            ("文在寅表示，", "Moon Jae-in said"),
            ("马克龙表示，", "Macron said"),
            ("普京表示，", "Putin said"),
            ("莫迪表示，", "Modi said"),
            ("安倍晋三表示，", "Abe Shinzo said"),
            ("李显龙表示，", "Lee Hsien Loong said"),
        ] {
            assert!(flagged(original, translation).is_empty(), "{translation}");
        }
    }

    #[test]
    fn a_garbled_surname_beside_the_given_name_is_found() {
        assert_eq!(flagged("连新明说：", "Liang Xinming said:"), ["Liang"]);
        assert_eq!(flagged("（记者鲁金博）", "(Reporter Ru Jinbo)"), ["Ru"]);
    }
}
