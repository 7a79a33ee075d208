use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::entities::entity_key;
use crate::entities::known_entities;
use crate::entities::mentions::NameRun;
use crate::fix::{Edit, Fix};
use crate::names::normalize::is_all_caps;
use crate::rules::{Context, Outranker};

declare_rule! {
    /// ## What it does
    /// Finds the name of a known company, organisation, institution or person written with the
    /// wrong inner capitals: "Deepseek" for DeepSeek, "Macropolo" for MacroPolo, "Bytedance" for
    /// ByteDance, "Huawei" written "HuaWei".
    ///
    /// ## Why it matters
    /// Brands and organisations fix the casing of their names, and careful publications follow
    /// it. Machine translation and speech recognition flatten inner capitals, and a name written
    /// two ways reads as two names.
    ///
    /// ## Example
    /// ```text
    /// Deepseek's success surprised investors, Macropolo found.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// DeepSeek's success surprised investors, MacroPolo found.
    /// ```
    ///
    /// Inner capitals count, and one word in capitals inside a name otherwise in ordinary case
    /// ("Rahul GANDHI", "HONG Kong"). A capital at the start of a sentence ("EBay"), a name all
    /// in capitals ("DEEPSEEK" in a headline), a lowercase handle ("deepseek"), title-cased
    /// function words ("University Of Hong Kong") and house styles for acronyms ("Nasa") are
    /// left alone. A
    /// glossary name is the canonical form: spelled as in the glossary it is never flagged, and
    /// its casing is preferred over the lists'.
    ///
    /// ## Fix safety
    /// Unsafe: the letters stay the same and only their case changes to the entity's own, but
    /// the word lists are not the editor's word, and a house style may write a brand otherwise.
    /// Safe when the casing comes from a glossary entry an editor reviewed (see Glossaries in
    /// the README): that is the editor's word.
    pub static KNOWN_ENTITY_CASING = {
        code: "E002",
        name: "known-entity-casing",
        finds: "a known name with the wrong capitals (\"Deepseek\", \"Macropolo\", \"Bytedance\")",
        category: Entities,
        mqm: [FluencySpelling],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
        // The desk's own term, matched against the original, names it better.
        yields_to: &[Outranker::FixOf("B009")],
    };
}

/// Longest span of a run looked up as one name, in words.
const MAX_WORDS: usize = 6;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for run in cx.name_runs() {
        for (start, end, canonical) in run.longest_spans(|start| longest_name(cx, run, start)) {
            report(cx, run, start, end, &canonical, out);
        }
    }
}

/// The longest span from word `start` that is a known name or a glossary name, with the
/// canonical spelling its words should have.
fn longest_name(cx: &Context, run: &NameRun, start: usize) -> Option<(usize, String)> {
    if run.words[start].connector {
        return None;
    }
    let last = run.words.len().min(start + MAX_WORDS) - 1;
    (start..=last).rev().find_map(|end| {
        if run.words[end].connector {
            return None;
        }
        let range = run.range(start, end);
        let with_possessive = range.start..run.words[end].full_end;
        canonical_spelling(cx, cx.doc.slice(range.clone()))
            .or_else(|| {
                (with_possessive.end > range.end)
                    .then(|| canonical_spelling(cx, cx.doc.slice(with_possessive)))
                    .flatten()
            })
            .map(|c| (end, c))
    })
}

/// The spelling `text` should have if it is a known or glossary name: the glossary's form, else
/// the listed form (canonical or alias) with the same key.
fn canonical_spelling(cx: &Context, text: &str) -> Option<String> {
    let key = entity_key(text);
    let glossary = &cx.glossary;
    if glossary.accepts(text) {
        return Some(text.to_string());
    }
    if let Some(name) = glossary.name_with_key(&key) {
        return Some(name.clone());
    }
    let found = known_entities().lookup_key(&key)?;
    let record = found.record;
    // A word that matches only a short abbreviation ("Uva" and the University of Amsterdam's
    // "UvA") is likely another word.
    let abbreviation = found.via_alias && key.chars().count() <= 4;
    if record.is_spelled(text) || record.is_common_word() || abbreviation {
        return Some(text.to_string());
    }
    std::iter::once(record.canonical)
        .chain(record.aliases.iter().copied())
        .find(|name| entity_key(name) == key)
        .map(String::from)
}

/// Flags the words of `start..=end` whose inner capitals differ from `canonical`'s.
fn report(
    cx: &Context,
    run: &NameRun,
    start: usize,
    end: usize,
    canonical: &str,
    out: &mut Vec<Finding>,
) {
    let text = cx.doc.slice(run.range(start, end));
    // A name that ends in "'s" ("McDonald's") was found with its "'s".
    let possessive = run.range(start, end).start..run.words[end].full_end;
    let text = if entity_key(canonical).ends_with("'s") && !entity_key(text).ends_with("'s") {
        cx.doc.slice(possessive)
    } else {
        text
    };
    let reviewed = cx.glossary.is_reviewed(canonical);
    let canonical = canonical
        .strip_prefix("The ")
        .filter(|_| !text.starts_with("The "))
        .unwrap_or(canonical);
    let written: Vec<&str> = text.split_whitespace().collect();
    let wanted: Vec<&str> = canonical.split_whitespace().collect();
    if written.len() != wanted.len() {
        return;
    }
    // capitals in one word of a name otherwise in ordinary case ("Rahul GANDHI", "HONG Kong")
    // are a slip; a name all in capitals is a headline's or a byline's style
    let mixed = written.iter().any(|w| !is_all_caps(w));
    let mut offset = run.words[start].range.start;
    let mut rest = text;
    for (w, c) in written.iter().zip(&wanted) {
        let at = rest.find(w).unwrap_or(0);
        let range = offset + at..offset + at + w.len();
        offset = range.end;
        rest = &rest[at + w.len()..];
        let shouted =
            mixed && is_all_caps(w) && !is_all_caps(c) && w.to_lowercase() == c.to_lowercase();
        if !(shouted || wrong_inner_capitals(w, c)) {
            continue;
        }
        out.push(
            Finding::new(
                &KNOWN_ENTITY_CASING,
                range.clone(),
                format!("“{w}” is written “{c}”"),
            )
            .confidence(0.95)
            .suggest(c.to_string())
            .fix(fix_towards(reviewed, Edit::replace(range, c.to_string()))),
        );
    }
}

/// The fix for one word: safe only towards a reviewed glossary's casing.
fn fix_towards(reviewed: bool, edit: Edit) -> Fix {
    if reviewed {
        Fix::safe(edit)
    } else {
        Fix::unsafe_edit(edit)
    }
}

/// Whether `written` is `wanted` with its inner capitals changed: the same letters, not all
/// capitals, not merely a capitalised first letter, and one of the two has a capital after a
/// lowercase letter.
fn wrong_inner_capitals(written: &str, wanted: &str) -> bool {
    if written == wanted
        || written.to_lowercase() != wanted.to_lowercase()
        || written.chars().count() != wanted.chars().count()
    {
        return false;
    }
    let letters = || written.chars().filter(|c| c.is_alphabetic());
    if letters().all(char::is_uppercase) || letters().all(char::is_lowercase) {
        return false;
    }
    let capitalised = crate::text::case::capitalise(wanted);
    if written == capitalised {
        return false;
    }
    has_inner_capital(written) || has_inner_capital(wanted)
}

/// A capital letter right after a lowercase one ("DeepSeek", "eBay", "McDonald").
fn has_inner_capital(word: &str) -> bool {
    word.chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn flags_flattened_inner_capitals() {
        assert_lints(
            &KNOWN_ENTITY_CASING,
            "Deepseek's success surprised investors.",
            &["Deepseek"],
        );
        assert_suggestion(
            &KNOWN_ENTITY_CASING,
            "Deepseek's success surprised investors.",
            "DeepSeek",
        );
        assert_suggestion(
            &KNOWN_ENTITY_CASING,
            "A study by Macropolo, a think tank.",
            "MacroPolo",
        );
        assert_fixed(
            &KNOWN_ENTITY_CASING,
            "Deepseek and Bytedance compete.",
            Applicability::Unsafe,
            "DeepSeek and ByteDance compete.",
        );
        assert_fixed(
            &KNOWN_ENTITY_CASING,
            "Deepseek and Bytedance compete.",
            Applicability::Safe,
            "Deepseek and Bytedance compete.",
        );
    }

    /// Only a reviewed glossary entry makes the casing fix safe: the lists' casing, and an
    /// unreviewed entry's (a starter glossary), are applied with `--unsafe-fixes` only.
    #[test]
    fn fix_is_safe_only_towards_a_reviewed_glossary() {
        let text = "Deepseek said so.";
        let source = crate::text::Source::new("t", text, crate::text::InputFormat::Plain);
        let doc = crate::text::Document::new(&source);
        for (reviewed, wanted) in [(false, Applicability::Unsafe), (true, Applicability::Safe)] {
            let mut settings = crate::config::Settings::default();
            settings.glossary.add(crate::glossary::GlossaryEntry {
                term: "DeepSeek".to_string(),
                reviewed,
                ..Default::default()
            });
            let cx = Context::new(&doc, &settings.glossary);
            let mut out = Vec::new();
            check(&cx, &mut out);
            let fix = out[0].fix.as_ref().unwrap();
            assert_eq!(fix.applicability, wanted, "reviewed: {reviewed}");
        }
    }

    #[test]
    fn flags_one_word_in_capitals_inside_a_name() {
        assert_lints(
            &KNOWN_ENTITY_CASING,
            "Cases rose in HONG Kong, and Joe BIDEN said so.",
            &["HONG", "BIDEN"],
        );
        assert_suggestion(&KNOWN_ENTITY_CASING, "Rahul GANDHI tweeted.", "Gandhi");
        // all in capitals is a style, and so is a name whose own form is in capitals
        assert_no_lints(&KNOWN_ENTITY_CASING, "HONG KONG (Reuters) - Shares fell.");
        assert_no_lints(&KNOWN_ENTITY_CASING, "The US Army said so.");
    }

    #[test]
    fn flags_brand_casing() {
        for (written, wanted) in [
            ("Tiktok", "TikTok"),
            ("Youtube", "YouTube"),
            ("Linkedin", "LinkedIn"),
            ("Paypal", "PayPal"),
            ("Openai", "OpenAI"),
            ("HuaWei", "Huawei"),
            ("Mcdonald's", "McDonald's"),
            ("Chatgpt", "ChatGPT"),
            ("Iphone", "iPhone"),
            ("Alphago", "AlphaGo"),
        ] {
            let text = format!("Analysts said {written} gained.");
            assert_lints(&KNOWN_ENTITY_CASING, &text, &[written]);
            assert_suggestion(&KNOWN_ENTITY_CASING, &text, wanted);
        }
    }

    #[test]
    fn glossary_casing_wins() {
        let text = "Deepseek and Macropolo said.";
        let source = crate::text::Source::new("t", text, crate::text::InputFormat::Plain);
        let doc = crate::text::Document::new(&source);
        let mut settings = crate::config::Settings::default();
        settings.glossary.names.push("Deepseek".to_string());
        settings.glossary.names.push("MACROPOLO".to_string());
        let cx = Context::new(&doc, &settings.glossary);
        let mut out = Vec::new();
        check(&cx, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn leaves_right_and_stylistic_casing() {
        assert_no_lints(
            &KNOWN_ENTITY_CASING,
            "DeepSeek, Alibaba and Telegram; the University of Hong Kong.",
        );
        assert_no_lints(
            &KNOWN_ENTITY_CASING,
            "DEEPSEEK RELEASES A MODEL. The deepseek-chat endpoint.",
        );
        assert_no_lints(&KNOWN_ENTITY_CASING, "Nasa and Nato said so.");
        assert_no_lints(
            &KNOWN_ENTITY_CASING,
            "Peking University and the University Of Hong Kong.",
        );
    }
}
