use std::collections::HashMap;
use std::ops::Range;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::names::NameAnalysis;
use crate::names::normalize::{Difference, difference, part_key};
use crate::rules::names::inconsistent_name_casing::Models;
use crate::rules::{Category, Context, Outranker};

declare_rule! {
    /// ## What it does
    /// Finds a name spelled differently from the way the same person or organisation is spelled
    /// elsewhere in the document: a garbled surname ("Leann" for "Liang"), another romanisation
    /// of it ("Tseng" for "Zeng"), a full name spaced, hyphenated or ordered differently.
    ///
    /// ## Why it matters
    /// Machine translation renders a name afresh each time it meets it, so one person can appear
    /// under three spellings in one article. Readers take them for different people, and no
    /// spelling checker notices, because every spelling is a plausible name.
    ///
    /// ## Example
    /// ```text
    /// Deepseek founder Liang Wenfeng has pivoted to AI. [...] Liang, founder of Deepseek, said
    /// last year that talent is underestimated. [...] “Innovation requires no intervention,”
    /// Lean said in a separate interview.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “Innovation requires no intervention,” Liang said in a separate interview.
    /// ```
    ///
    /// mtlint clusters the names of the document: full names introduce people, surnames alone
    /// refer back to them, and a surname that matches nobody introduced but sounds like one of
    /// them and is used the same way (a speech verb, an age, the same organisation nearby) is
    /// taken for a garbled spelling. The canonical spelling comes from the glossary in
    /// `mtlint.toml`, then the known-entity lists, then the full-name introduction, then the most
    /// frequent form; the suggestion keeps the mention's shape ("Leann's" → "Liang's"). People
    /// with similar names who are each introduced ("Chen Ming" and "Cheng Li", "Zhang Wei" and
    /// "Zhang Wen") stay apart, and the confidence of a finding says how strong the evidence is.
    ///
    /// ## Fix safety
    /// Unsafe: the clustering is evidence, not proof; two people can have similar names. Safe
    /// when the canonical spelling comes from a glossary entry an editor reviewed (not from an
    /// unreviewed one, such as a starter glossary's).
    pub static INCONSISTENT_NAME_SPELLING = {
        code: "N001",
        name: "inconsistent-name-spelling",
        finds: "a name spelled otherwise than the same person elsewhere (\"Leann\" for Liang, \"Tseng\" for Zeng)",
        category: Names,
        mqm: [FluencyInconsistency, AccuracyMistranslation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
        yields_to: &[
            // A known entity, the original's name (B001) or the desk's term (B009) names it better.
            Outranker::Category(Category::Entities),
            Outranker::Rule("B001"),
            Outranker::FixOf("B009"),
        ],
    };
}

/// How many related ranges a finding lists at most.
const MAX_RELATED: usize = 3;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let names = cx.names();
    let text = cx.doc.view();
    let mut models: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    let mut mark_models = Models::default();
    for (m, mention) in names.mentions.iter().enumerate() {
        let expected = &names.expected[m];
        if !expected.misspelled {
            marks(cx, names, m, &mut mark_models, out);
            respelled(cx, names, m, out);
            continue;
        }
        let written = &text[mention.range.clone()];
        if cx.glossary.accepts(written) {
            continue;
        }
        let cluster = names.cluster_of(m);
        let (range, replacement) = differing_span(text, names, m);
        let suffix = mention
            .possessive
            .as_ref()
            .filter(|p| p.start == range.end)
            .map(|p| &text[p.clone()])
            .unwrap_or("");
        let flagged = range.start..range.end + suffix.len();
        let suggestion = format!("{replacement}{suffix}");
        let message = if cluster.canonical == replacement {
            format!(
                "“{}” is spelled “{}” elsewhere in this document",
                &text[range.clone()],
                replacement
            )
        } else {
            format!(
                "“{}” looks like a variant spelling of “{}” ({})",
                &text[range.clone()],
                replacement,
                cluster.canonical
            )
        };
        let edit = Edit::replace(flagged.clone(), suggestion.clone());
        let fix = super::fix_towards(cx, cluster, edit);
        let mut finding = Finding::new(&INCONSISTENT_NAME_SPELLING, flagged, message)
            .confidence(expected.confidence)
            .suggest(suggestion)
            .fix(fix);
        let cluster_index = names.expected[m].cluster;
        let candidates = models
            .entry((cluster_index, replacement.clone()))
            .or_insert_with(|| related(text, names, cluster_index, &replacement));
        for &r in candidates.iter().filter(|&&r| r != m).take(MAX_RELATED) {
            finding = finding.related(names.mentions[r].range.clone(), "spelled so here");
        }
        out.push(finding);
    }
}

/// Words of mention `m` spelled with other apostrophes, hyphens or diacritics than elsewhere
/// ("Yanan" beside "Yan'an").
fn marks(
    cx: &Context,
    names: &NameAnalysis,
    m: usize,
    models: &mut Models,
    out: &mut Vec<Finding>,
) {
    let text = cx.doc.view();
    let mention = &names.mentions[m];
    for (k, word) in &names.expected[m].recased {
        let part = &mention.parts[*k];
        let written = &text[part.range.clone()];
        if difference(written, word) != Difference::Marks || cx.glossary.accepts(written) {
            continue;
        }
        let cluster = names.cluster_of(m);
        let edit = Edit::replace(part.range.clone(), word.clone());
        let fix = super::fix_towards(cx, cluster, edit);
        let mut finding = Finding::new(
            &INCONSISTENT_NAME_SPELLING,
            part.range.clone(),
            format!("“{written}” is spelled “{word}” elsewhere in this document"),
        )
        .confidence(0.6)
        .suggest(word.clone())
        .fix(fix);
        if let Some(r) = models.find(text, names, names.expected[m].cluster, word, m) {
            finding = finding.related(names.mentions[r].range.clone(), "spelled so here");
        }
        out.push(finding);
    }
}

/// Words of mention `m` that garble a word of someone else's name ("Ri" in "Reporter Ri Wei"
/// beside "Li Jingyin"): the name is not that person's, so only the word is compared.
fn respelled(cx: &Context, names: &NameAnalysis, m: usize, out: &mut Vec<Finding>) {
    let text = cx.doc.view();
    let mention = &names.mentions[m];
    for respelling in &names.expected[m].respelled {
        let part = &mention.parts[respelling.part];
        let (written, word) = (&text[part.range.clone()], &respelling.word);
        if cx.glossary.accepts(written) {
            continue;
        }
        let message = if respelling.from_document {
            format!(
                "“{written}” looks like “{word}” garbled: other names in this document write “{word}”"
            )
        } else {
            format!(
                "“{written}” spells the surname {word} in a romanisation other than this document's pinyin"
            )
        };
        let edit = Edit::replace(part.range.clone(), word.clone());
        out.push(
            Finding::new(&INCONSISTENT_NAME_SPELLING, part.range.clone(), message)
                .confidence(respelling.confidence)
                .suggest(word.clone())
                .fix(Fix::unsafe_edit(edit)),
        );
    }
}

/// The part of mention `m` to replace and its replacement: the one differing word when a full
/// name differs from the canonical full name in one word only, else the whole name.
fn differing_span(text: &str, names: &NameAnalysis, m: usize) -> (Range<usize>, String) {
    let mention = &names.mentions[m];
    let expected = &names.expected[m].text;
    let words: Vec<&str> = expected.split_whitespace().collect();
    let parts: Vec<_> = mention.parts.iter().filter(|p| !p.particle).collect();
    if parts.len() == words.len() && parts.len() > 1 {
        let differing: Vec<usize> = (0..parts.len())
            .filter(|&k| part_key(&text[parts[k].range.clone()]) != part_key(words[k]))
            .collect();
        if let [k] = differing.as_slice() {
            return (parts[*k].range.clone(), words[*k].to_string());
        }
    }
    (mention.range.clone(), expected.clone())
}

/// Mentions of a cluster written as the canonical form (up to three) or as the replacement (up
/// to two), found in one pass and kept for the cluster's other findings.
fn related(text: &str, names: &NameAnalysis, cluster: usize, replacement: &str) -> Vec<usize> {
    let cluster = &names.clusters[cluster];
    let (mut canonical, mut short) = (Vec::new(), Vec::new());
    for &r in &cluster.mentions {
        let written = &text[names.mentions[r].range.clone()];
        if written == cluster.canonical && canonical.len() < 3 {
            canonical.push(r);
        } else if written == replacement && replacement != cluster.canonical && short.len() < 2 {
            short.push(r);
        }
        if canonical.len() == 3 && (short.len() == 2 || replacement == cluster.canonical) {
            break;
        }
    }
    canonical.truncate(3);
    // two canonical places, then one of the replacement's
    let mut out: Vec<usize> = canonical.iter().take(2).copied().collect();
    out.extend(short.iter().copied());
    out.extend(canonical.get(2).copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    const LIANG: &str = "Deepseek founder Liang Wenfeng has pivoted to AI. Liang, founder of Deepseek, said last year that talent is underestimated. And Leann explains the hiring of humanities graduates. “Innovation requires no intervention,” Lean said in a separate interview.";

    #[test]
    fn flags_garbled_surnames_of_an_introduced_person() {
        assert_lints(&INCONSISTENT_NAME_SPELLING, LIANG, &["Leann", "Lean"]);
        assert_suggestion(&INCONSISTENT_NAME_SPELLING, LIANG, "Liang");
    }

    #[test]
    fn suggestion_keeps_the_possessive() {
        let text =
            "Its founder Liang Wenfeng spoke. Liang said so. Leann's plan, Leann said, is simple.";
        let found = lint(&INCONSISTENT_NAME_SPELLING, text);
        let flagged: Vec<&str> = found.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(flagged, ["Leann's", "Leann"]);
        assert_eq!(found[0].suggestions, ["Liang's"]);
    }

    #[test]
    fn related_ranges_point_at_the_canonical_spelling() {
        let found = lint(&INCONSISTENT_NAME_SPELLING, LIANG);
        let related: Vec<&str> = found[0]
            .related
            .iter()
            .map(|r| &LIANG[r.range.clone()])
            .collect();
        assert!(related.contains(&"Liang Wenfeng"), "{related:?}");
    }

    #[test]
    fn fix_is_unsafe() {
        assert_fixed(
            &INCONSISTENT_NAME_SPELLING,
            LIANG,
            Applicability::Safe,
            LIANG,
        );
        let fixed = LIANG
            .replace("Leann", "Liang")
            .replace("Lean said", "Liang said");
        assert_fixed(
            &INCONSISTENT_NAME_SPELLING,
            LIANG,
            Applicability::Unsafe,
            &fixed,
        );
    }

    #[test]
    fn romanisations_and_long_vowels() {
        let text = "Battery maker founder Zeng Yuqun is rich. Zeng studied physics. Tseng has repeatedly denied it. Zheng said the firm grew.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Tseng", "Zheng"]);
        let text = "Said festival director Sato Kenji: “Welcome.” Sato runs it. Satou added that visitors came.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Satou"]);
    }

    #[test]
    fn distinct_people_stay_apart() {
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Chen Ming, a banker, met Cheng Li, a lawyer. Chen said yes. Cheng said no.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Zhang Wei, a teacher, met Zhang Wen, a nurse. Zhang said they were cousins.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Wang Fang, a professor, and Wang Li, an engineer, spoke. Wang said the plan works.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Lin Bo, an engineer, and Liang Wenfeng, a founder, spoke. Lin said it was fine.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "John Smith, a baker, and Jane Smyth, a nurse, spoke. Smyth said the bread was good.",
        );
    }

    #[test]
    fn a_surname_nobody_introduced_is_the_introduced_one_misspelt() {
        // the introduced-person rule: Smyth is nobody the article introduced
        assert_lints(
            &INCONSISTENT_NAME_SPELLING,
            "John Smith, a baker, spoke. Smyth said the bread was good.",
            &["Smyth"],
        );
        // typing slips, with no speech verb, at the start of a sentence, after a title
        let text = "Treasury Secretary Steven Mnuchin met Larry Kudlow on Sunday. Kudolw argued \
                    the money hurt small businesses. Mnuhin earlier in the day said it would pass. \
                    Mr Mnuchhin left at noon.";
        assert_lints(
            &INCONSISTENT_NAME_SPELLING,
            text,
            &["Kudolw", "Mnuhin", "Mnuchhin"],
        );
        let fixed = text
            .replace("Kudolw", "Kudlow")
            .replace("Mnuhin", "Mnuchin")
            .replace("Mnuchhin", "Mnuchin");
        assert_fixed(
            &INCONSISTENT_NAME_SPELLING,
            text,
            Applicability::Unsafe,
            &fixed,
        );
    }

    #[test]
    fn a_garbled_word_of_another_persons_name() {
        // Ri Wei is not Li Jingyin, but "Ri" is no surname where a pinyin surname stands
        let text = "Li Jingyin and Li Yunxiao showed their work. (Reporter Ri Wei)";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Ri"]);
        assert_suggestion(&INCONSISTENT_NAME_SPELLING, text, "Li");
        // a byline's given name no romanisation spells, one letter from a word the document uses
        let text = "Hong Kong officials met on Monday.\n\nReported by: Yang Honn";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Honn"]);
    }

    #[test]
    fn a_full_name_garbled_in_one_word_takes_the_documents_spelling() {
        let text = "Commenters Lin Dan and Fu Yuanhui spoke. Sports assistant Lin Xiaozhai \
                    helped. Later, Rin Dan and Fu Yuanhui were each unique.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Rin"]);
        assert_suggestion(&INCONSISTENT_NAME_SPELLING, text, "Lin");
        // another romanisation: the document's pinyin wins the tie
        let text = "Sun Jianqi met Chang Xindong. Zhang Jike watched Zhang Xindong win.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Chang"]);
        assert_suggestion(&INCONSISTENT_NAME_SPELLING, text, "Zhang");
        let text = "He tried to divorce Karadshian West. Kardashian West, the mother of four, \
                    spoke. Kim Kardashian agreed.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Karadshian"]);
    }

    #[test]
    fn plurals_places_and_things_are_no_garbles() {
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "The Winter Paralympics opened. The Paralympic movement grew.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Kamal Hassan, a candidate, spoke in Hansan on Monday.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Its founder Zeng Yuqun is rich. The Tseng building is old.",
        );
    }

    #[test]
    fn apostrophes_and_places() {
        let text = "Visitors to Yan'an in Shaanxi Province came by train. Yan'an is busy. The Yanan museum opened.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Yanan"]);
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Tom O’Neill, a baker, spoke. O'Neill said bread sells.",
        );
        let text = "Officials in Shayibak District said the road was open. Residents of Shayibak District agreed, but Shayibake District officials did not.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Shayibake"]);
        assert_no_lints(
            &INCONSISTENT_NAME_SPELLING,
            "Jiangxi Province and the Jiangxi Provincial Government agreed. The Trade Union and Trade Unions met.",
        );
    }

    #[test]
    fn full_names_spaced_differently() {
        let text = "Yanbo Wang, a professor at the university, spoke. Yanbo Wang said AI is growing. Later Yan Bo Wang, the professor, spoke again.";
        assert_lints(&INCONSISTENT_NAME_SPELLING, text, &["Yan Bo Wang"]);
        assert_suggestion(&INCONSISTENT_NAME_SPELLING, text, "Yanbo Wang");
    }
}
