use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::entities::{entity_key, known_entities};
use crate::fix::{Edit, Fix};
use crate::lexicon::lexicon;
use crate::names::lists::lists;
use crate::names::mention::{Cues, Kind, Mention, Part};
use crate::names::normalize::{is_all_caps, part_key, title_case};
use crate::names::{NameAnalysis, pinyin};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds names that present as romanised Chinese but are not: a word that does not split
    /// into Hanyu Pinyin syllables nor into those of any other romanisation ("Tingryu
    /// University"), a Chinese given name split into capitalised syllables ("Yang Bo Wang"), and
    /// a stray single letter inside a name ("Z Jiang Province").
    ///
    /// ## Why it matters
    /// Translation engines that do not recognise a Chinese name sound it out, cut it into
    /// syllables or drop part of it. The result looks like a name and passes every spelling
    /// checker, yet names nobody.
    ///
    /// ## Example
    /// ```text
    /// Top Chinese schools such as Tingryu University and Peking University are world class.
    /// Yang Bo Wang, a professor at the University of Hong Kong, agrees.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Top Chinese schools such as Tsinghua University and Peking University are world class.
    /// Yanbo Wang, a professor at the University of Hong Kong, agrees.
    /// ```
    ///
    /// A word is checked when its name presents as Chinese: a person (named with a title, a role,
    /// a speech verb or an age) whose name holds a common Chinese surname, or an institution in
    /// a document about China. Places are checked only for stray letters, since many in China
    /// carry Tibetan, Uyghur, Mongolian or Cantonese names that no pinyin spells; a letter
    /// before a person's surname is an initial ("Y Wang"). A word of five letters or more is
    /// valid when
    /// one system spells all of it: Hanyu Pinyin, Wade-Giles, Cantonese, Hokkien, Korean,
    /// Japanese, Vietnamese, or an established form (Peking, Tsinghua, Hong Kong, Cheung,
    /// Chiang, Lee). Non-Chinese names ("Pavel Durov"), English words, known entities and words
    /// the glossary accepts are never flagged.
    ///
    /// ## Fix safety
    /// A correction is offered only when one is evident: the joined given name when the document
    /// also writes it joined, the place a stray letter abbreviates when the known-entity lists
    /// hold exactly one. Both are unsafe; other findings carry no fix.
    pub static GARBLED_TRANSLITERATION = {
        code: "N002",
        name: "garbled-transliteration",
        finds: "a name that fits no romanisation (\"Tingryu\"), a given name split in syllables (\"Yang Bo Wang\"), a stray letter (\"Z Jiang\")",
        category: Names,
        mqm: [AccuracyMistranslation, LocaleConventionName],
        severity: Warning,
        status: Stable,
        fix: Sometimes,
        check: check,
    };
}

/// Countries whose names are romanised Chinese.
const CHINESE_COUNTRIES: &[&str] = &["CN", "HK", "MO", "TW"];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let names = cx.names();
    let text = cx.doc.view();
    let about_china = about_china(text, names);
    // clusters with a person cue on any mention ("Li said" makes "Li Xiao Ming" a person)
    let mut cued = vec![false; names.clusters.len()];
    for (m, mention) in names.mentions.iter().enumerate() {
        cued[names.expected[m].cluster] |= mention.has(Cues::PERSON);
    }
    for (m, mention) in names.mentions.iter().enumerate() {
        if mention.acronym
            || mention.known.is_some()
            || cx.glossary.accepts(&text[mention.range.clone()])
        {
            continue;
        }
        if is_western_person(text, mention) {
            continue;
        }
        // a person by a cue (title, role, speech verb), not merely by the shape of the name
        let person_cue = cued[names.expected[m].cluster];
        let chinese_person =
            mention.kind == Kind::Person && person_cue && has_chinese_surname(text, mention);
        // Places are left out: many in China carry Tibetan, Uyghur, Mongolian or Cantonese names
        // that no pinyin spells (Altun, Hoh Xil, Lantau), while an institution's name is Chinese.
        let chinese_institution = about_china && mention.kind == Kind::Organisation;
        // A letter without a full stop before a person's surname is an initial ("Y Wang" in a
        // reference list); inside a place or institution it is a piece of a cut-up name.
        let chinese_place = about_china && mention.kind == Kind::Place;
        if chinese_institution || chinese_place {
            if let Some(finding) = stray_letter(text, mention) {
                out.push(finding);
                continue;
            }
        }
        if chinese_person {
            if let Some(finding) = split_given_name(text, names, m) {
                out.push(finding);
                continue;
            }
        }
        let limit = if chinese_person { 2 } else { 1 };
        let long_bonus = chinese_person;
        if chinese_person || chinese_institution {
            for part in checked_words(text, mention) {
                let word = &text[part.range.clone()];
                if !cx.glossary.accepts(word) && is_garbled(word, limit, long_bonus) {
                    out.push(
                        Finding::new(&GARBLED_TRANSLITERATION, part.range.clone(), format!("“{word}” is not a romanised Chinese name: no romanisation system spells it"))
                            .confidence(if chinese_person { 0.7 } else { 0.75 }),
                    );
                }
            }
        }
    }
}

/// Whether the document is about China: a known Chinese place or institution, or "China".
fn about_china(text: &str, names: &NameAnalysis) -> bool {
    names.mentions.iter().any(|m| {
        let written = &text[m.range.clone()];
        matches!(written, "China" | "Chinese")
            || m.known.is_some()
                && known_entities()
                    .lookup(written)
                    .is_some_and(|f| CHINESE_COUNTRIES.contains(&f.record.country))
    })
}

/// A person whose name holds a Western given name or surname that is not also pinyin.
fn is_western_person(text: &str, mention: &Mention) -> bool {
    mention.name_parts().filter(|p| !p.initial).any(|p| {
        let word = &text[p.range.clone()];
        let word = if is_all_caps(word) {
            title_case(word)
        } else {
            word.to_string()
        };
        lexicon().western_name(&word).is_some() && !pinyin::is_pinyin(&part_key(&word))
    })
}

/// A common Chinese surname at one end of the name. A surname that is also a common English
/// word ("Man", "Long") counts only when another word of the name is pinyin.
fn has_chinese_surname(text: &str, mention: &Mention) -> bool {
    let parts: Vec<&Part> = mention.name_parts().filter(|p| !p.initial).collect();
    let keys: Vec<String> = parts
        .iter()
        .map(|p| part_key(&text[p.range.clone()]))
        .collect();
    let Some(last) = keys.len().checked_sub(1) else {
        return false;
    };
    [0, last].iter().any(|&end| {
        let key = &keys[end];
        let common = lexicon().english_word(key).is_some_and(|w| w.size <= 20);
        let other_pinyin = keys
            .iter()
            .enumerate()
            .any(|(k, other)| k != end && pinyin::is_pinyin(other));
        lists().surname(key).is_some() && (!common || other_pinyin)
    })
}

/// The words of a name that can be checked: not initials, not heads ("University"), not
/// English words, not known entities themselves.
fn checked_words<'m>(text: &str, mention: &'m Mention) -> Vec<&'m Part> {
    mention
        .name_parts()
        .filter(|p| !p.initial)
        .filter(|p| {
            let word = &text[p.range.clone()];
            !is_all_caps(word) && known_entities().lookup(word).is_none()
        })
        .collect()
}

/// Whether `word` is no romanisation, no English word and no Western name, and reads as pinyin
/// with at most `limit` stray letters ("Tingryu" = ting·r·yu), one more in a long word when
/// `long_bonus`.
fn is_garbled(word: &str, limit: usize, long_bonus: bool) -> bool {
    let key = part_key(word);
    let form = crate::names::normalize::romanisation_form(word);
    // three or four letters are too few to tell a garble from a rare name (Hoh Xil)
    if key.chars().count() < 5 || !key.is_ascii() {
        return false;
    }
    if pinyin::is_valid_romanisation(&form)
        || lexicon().english_word(&key).is_some()
        || lists().is_other_english(word)
        || lexicon().western_name(word).is_some()
    {
        return false;
    }
    let limit = if long_bonus && key.len() > 8 {
        limit + 1
    } else {
        limit
    };
    form.split('-').any(|piece| {
        !pinyin::is_valid_romanisation(piece)
            && pinyin::garble_cost(piece) <= limit
            && pinyin::garble_cost(piece) < piece.len()
    })
}

/// "Z Jiang": an undotted single capital followed by a pinyin word.
fn stray_letter(text: &str, mention: &Mention) -> Option<Finding> {
    let parts = &mention.parts;
    let k = parts
        .iter()
        .position(|p| p.initial && !p.dotted && !p.particle)?;
    let letter = &text[parts[k].range.clone()];
    let next = parts.get(k + 1).filter(|p| !p.particle)?;
    let next_word = &text[next.range.clone()];
    if matches!(letter, "A" | "I")
        || !pinyin::is_pinyin(&part_key(next_word))
        || lexicon()
            .english_word(&part_key(next_word))
            .is_some_and(|w| w.size <= 20)
    {
        return None;
    }
    let range = parts[k].range.start..next.range.end;
    let mut finding = Finding::new(
        &GARBLED_TRANSLITERATION,
        range.clone(),
        format!(
            "stray letter “{letter}” in the name “{}”",
            &text[mention.range.clone()]
        ),
    )
    .confidence(0.8);
    if let Some(filled) = fill_letter(text, mention, k) {
        finding = finding
            .suggest(filled.clone())
            .fix(Fix::unsafe_edit(Edit::replace(range, filled)));
    }
    Some(finding)
}

/// The known place or institution whose name the letter at part `k` abbreviates: "Z Jiang
/// Province" → "Zhejiang" when exactly one known name reads z·…·jiang province.
fn fill_letter(text: &str, mention: &Mention, k: usize) -> Option<String> {
    let letter = text[mention.parts[k].range.clone()].to_lowercase();
    let start = mention.parts[k + 1].range.start;
    // the longest run of words after the letter that completes a known name, then shorter ones
    for last in (k + 1..mention.parts.len()).rev() {
        let end = mention.parts[last].range.end;
        let tail = entity_key(&text[start..end]);
        let suffix = &text[mention.parts[k + 1].range.end..end];
        let found = completions(&letter, &tail, suffix);
        match found.as_slice() {
            [one] => return Some(one.clone()),
            [] => continue,
            _ => return None,
        }
    }
    None
}

/// Known names whose key is `letter`, one to five letters, then `tail`; each returned without
/// `suffix` (the words after the one the letter belongs to).
fn completions(letter: &str, tail: &str, suffix: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let index = known_entities().index();
    let mut stream = index.search(Str::new(letter).starts_with()).into_stream();
    while let Some((key, value)) = stream.next() {
        let Ok(key) = std::str::from_utf8(key) else {
            continue;
        };
        let Some(middle) = key.strip_prefix(letter).and_then(|k| k.strip_suffix(tail)) else {
            continue;
        };
        if !(1..=5).contains(&middle.len()) || !middle.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let record = known_entities().record(value);
        let Some(name) = std::iter::once(record.canonical)
            .chain(record.aliases.iter().copied())
            .find(|n| entity_key(n) == key)
        else {
            continue;
        };
        let filled = name
            .strip_suffix(suffix)
            .unwrap_or(name)
            .trim_end()
            .to_string();
        if !found.contains(&filled) {
            found.push(filled);
        }
    }
    found
}

/// "Yang Bo Wang": three single pinyin syllables, a surname at one end, the given name cut in two.
fn split_given_name(text: &str, names: &NameAnalysis, m: usize) -> Option<Finding> {
    let mention = &names.mentions[m];
    if mention.parts.len() != 3 || mention.parts.iter().any(|p| p.particle || p.initial) {
        return None;
    }
    let words: Vec<&str> = mention
        .parts
        .iter()
        .map(|p| &text[p.range.clone()])
        .collect();
    let keys: Vec<String> = words.iter().map(|w| part_key(w)).collect();
    if words
        .iter()
        .any(|w| w.contains(['-', '‐', '‑']) || is_all_caps(w))
        || !keys.iter().all(|k| lexicon().is_pinyin_syllable(k))
    {
        return None;
    }
    let rank = |k: &str| lists().surname(k).map(|s| s.rank);
    // the surname is the end with the more common surname; the given name is the other two
    let surname_last = match (rank(&keys[0]), rank(&keys[2])) {
        (Some(first), Some(last)) => last < first,
        (None, Some(_)) => true,
        (Some(_), None) => false,
        (None, None) => return None,
    };
    let joined = if surname_last {
        format!("{}{} {}", words[0], words[1].to_lowercase(), words[2])
    } else {
        format!("{} {}{}", words[0], words[1], words[2].to_lowercase())
    };
    let range = mention.range.clone();
    let mut finding = Finding::new(
        &GARBLED_TRANSLITERATION,
        range.clone(),
        format!("the given name in “{}” seems split into syllables; Chinese given names are written as one word", &text[range.clone()]),
    )
    .confidence(0.7);
    match written_joined(text, names, m) {
        Some(found) => {
            finding = finding
                .suggest(found.clone())
                .fix(Fix::unsafe_edit(Edit::replace(range, found)))
        }
        None => finding = finding.suggest(joined),
    }
    Some(finding)
}

/// The same name written joined elsewhere in the document ("Yanbo Wang" for "Yan Bo Wang").
fn written_joined(text: &str, names: &NameAnalysis, m: usize) -> Option<String> {
    let compact: String = names.mentions[m]
        .parts
        .iter()
        .map(|p| part_key(&text[p.range.clone()]))
        .collect();
    names
        .cluster_of(m)
        .mentions
        .iter()
        .map(|&r| &names.mentions[r])
        .find_map(|r| {
            let parts: Vec<_> = r.name_parts().collect();
            let key: String = parts
                .iter()
                .map(|p| part_key(&text[p.range.clone()]))
                .collect();
            (parts.len() == 2 && key == compact).then(|| text[r.range.clone()].to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn flags_words_no_romanisation_spells() {
        let text = "China's top schools, such as Tingryu University and Peking University, are world class.";
        assert_lints(&GARBLED_TRANSLITERATION, text, &["Tingryu"]);
    }

    #[test]
    fn split_given_names() {
        let text = "Yang Bo Wang, a professor at the University of Hong Kong, says AI is growing.";
        assert_lints(&GARBLED_TRANSLITERATION, text, &["Yang Bo Wang"]);
        assert_suggestion(&GARBLED_TRANSLITERATION, text, "Yangbo Wang");
        let text = "Zhang Xiao Ming, a teacher, said the school was full.";
        assert_suggestion(&GARBLED_TRANSLITERATION, text, "Zhang Xiaoming");
    }

    #[test]
    fn stray_letters() {
        let text =
            "Chinese officials of the Z Jiang Province Communist Party Committee met in Beijing.";
        assert_lints(&GARBLED_TRANSLITERATION, text, &["Z Jiang"]);
        assert_suggestion(&GARBLED_TRANSLITERATION, text, "Zhejiang");
    }

    #[test]
    fn valid_names_are_left_alone() {
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "Pavel Durov, founder of Telegram, said China was ahead. Xi Jinping agreed.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "Yiran Chen, a professor, met Siyi Zhao and Liang Wenfeng in China.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "In China, Peking University, Tsinghua University and the University of Hong Kong lead.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "Lee Kuan Yew, a founder of Singapore, met Tsai Ing-wen and Li Ka-shing in Hong Kong.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "Kim Min-jun, a chef from Busan, trained under Sato Kenji and Nguyen Van An.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "Michael J Fox and Marina Chang spoke in China.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "The study by Y Wang, a Chinese chemist, and Z Li, a physicist, was cited.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "Kane won the Budweiser Man of the Match award, said the Chinese broadcaster.",
        );
        assert_no_lints(
            &GARBLED_TRANSLITERATION,
            "China and the Russian Federation signed a deal at the Tibetan Centre in July.",
        );
    }
}
