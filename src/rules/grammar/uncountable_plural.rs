use std::collections::HashMap;
use std::sync::OnceLock;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::lexicon::tsv;
use crate::phrases::normalise;
use crate::rules::Context;
use crate::text::case::capitalise_like;
use crate::text::{Document, Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds uncountable English nouns written in the plural: "informations", "advices",
    /// "equipments", "feedbacks", "softwares", and "staffs", "researches", "evidences" where
    /// they are clearly counted nouns ("many researches", "200 staffs").
    ///
    /// ## Why it matters
    /// Chinese nouns have no plural marking and machine translation pluralises mass nouns by
    /// analogy with countable ones. Editors correct these at once; readers take them as a sign of
    /// careless translation.
    ///
    /// ## Example
    /// ```text
    /// The ministry released new informations about the equipments.
    /// The company hired 200 staffs.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The ministry released new information about the equipment.
    /// The company hired 200 staff.
    /// ```
    ///
    /// Words that are also correct verbs or plurals in another sense ("she researches history",
    /// "the firm weathers the storm", "wooden staffs") are flagged only after a number or a
    /// counting word ("many", "several", "these", "various"). A capitalised word inside a sentence
    /// is left alone (a title or a name). The list is `wordlists/uncountable_nouns.tsv`.
    ///
    /// ## Fix safety
    /// Replacing the plural by the mass noun is unsafe, and only offered when nothing around the
    /// word agrees with the plural; after "these", "many" or a number, or before "are", "were",
    /// "have", the sentence needs rewording ("many informations are" → "much information is"),
    /// so the suggestion is display-only.
    pub static UNCOUNTABLE_PLURAL = {
        code: "G005",
        name: "uncountable-plural",
        finds: "\"informations\", \"advices\", \"200 staffs\"",
        category: Grammar,
        mqm: [FluencyGrammar],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

struct Noun {
    correct: &'static str,
    /// Also a correct verb form or plural: flag only where it is clearly a counted noun.
    needs_count_cue: bool,
}

fn nouns() -> &'static HashMap<&'static str, Noun> {
    static NOUNS: OnceLock<HashMap<&'static str, Noun>> = OnceLock::new();
    NOUNS.get_or_init(|| {
        tsv::rows(crate::lexicon::WordList::UncountableNouns.text())
            .map(|row| {
                (
                    row.get(0),
                    Noun {
                        correct: row.get(1),
                        needs_count_cue: row.get(2) == "yes",
                    },
                )
            })
            .collect()
    })
}

/// Words that count what follows: a plural after them is a countable noun.
const COUNT_CUES: &[&str] = &[
    "few",
    "many",
    "multiple",
    "numerous",
    "several",
    "these",
    "those",
    "various",
    "countless",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
];
/// Words after the noun that agree with a plural.
const PLURAL_AGREEMENT: &[&str] = &["are", "were", "have", "do", "these", "those"];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let nouns = nouns();
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        for (i, token) in tokens.iter().enumerate() {
            if !token.is_word() || token.is(Flags::ALL_CAPS) {
                continue;
            }
            if token.is(Flags::CAPITALISED) && !token.is(Flags::SENTENCE_INITIAL) {
                continue;
            }
            let word = normalise(doc.text(token));
            let Some(noun) = nouns.get(word.as_str()) else {
                continue;
            };
            let counted = i
                .checked_sub(1)
                .is_some_and(|p| is_count_cue(doc, &tokens[p]));
            if noun.needs_count_cue && !counted {
                continue;
            }
            let agrees = tokens.get(i + 1).is_some_and(|n| {
                n.is_word() && PLURAL_AGREEMENT.contains(&normalise(doc.text(n)).as_str())
            });
            let replacement = capitalise_like(doc.text(token), noun.correct);
            let edit = Edit::replace(token.range(), replacement.clone());
            let fix = if counted || agrees {
                Fix::display_only(edit)
            } else {
                Fix::unsafe_edit(edit)
            };
            out.push(
                Finding::new(
                    &UNCOUNTABLE_PLURAL,
                    token.range(),
                    format!(
                        "“{}” is uncountable in English and has no plural",
                        noun.correct
                    ),
                )
                .confidence(if noun.needs_count_cue { 0.75 } else { 0.9 })
                .suggest(replacement)
                .fix(fix),
            );
        }
    }
}

fn is_count_cue(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Number
        || token.is_word() && COUNT_CUES.contains(&normalise(doc.text(token)).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn flags_plural_mass_nouns() {
        assert_lints(
            &UNCOUNTABLE_PLURAL,
            "The ministry released informations about the equipments and softwares.",
            &["informations", "equipments", "softwares"],
        );
        assert_lints(
            &UNCOUNTABLE_PLURAL,
            "Feedbacks were positive. We got advices.",
            &["Feedbacks", "advices"],
        );
        assert_lints(
            &UNCOUNTABLE_PLURAL,
            "The firm hired 200 staffs and did many researches.",
            &["staffs", "researches"],
        );
        assert_suggestion(&UNCOUNTABLE_PLURAL, "We got advices.", "advice");
    }

    #[test]
    fn fixes_only_where_nothing_agrees_with_the_plural() {
        assert_fixed(
            &UNCOUNTABLE_PLURAL,
            "We shared informations.",
            Applicability::Unsafe,
            "We shared information.",
        );
        assert_fixed(
            &UNCOUNTABLE_PLURAL,
            "These informations are old.",
            Applicability::Unsafe,
            "These informations are old.",
        );
    }

    #[test]
    fn leaves_verbs_names_and_mass_nouns_alone() {
        assert_no_lints(
            &UNCOUNTABLE_PLURAL,
            "She researches history and staffs the front desk.",
        );
        assert_no_lints(
            &UNCOUNTABLE_PLURAL,
            "The firm weathers the storm as the report evidences.",
        );
        assert_no_lints(
            &UNCOUNTABLE_PLURAL,
            "The information and equipment arrived with the software.",
        );
        assert_no_lints(&UNCOUNTABLE_PLURAL, "The staffs of both embassies met.");
        assert_no_lints(
            &UNCOUNTABLE_PLURAL,
            "He subscribes to Informations Sociales.",
        );
        assert_no_lints(&UNCOUNTABLE_PLURAL, "The work progresses slowly.");
    }
}
