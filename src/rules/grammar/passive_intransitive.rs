use std::collections::HashMap;
use std::sync::OnceLock;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::lexicon::tsv;
use crate::names::normalize::capitalise;
use crate::phrases::inflect::{self, Form};
use crate::phrases::normalise;
use crate::rules::Context;
use crate::text::{Document, Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds the passive of a verb that takes no object: "was happened", "is existed", "were
    /// arrived", "has been disappeared", "has been pivoted to AI".
    ///
    /// ## Why it matters
    /// Chinese marks completed or passive events with particles that machine translation often
    /// renders as "be" + participle. An intransitive verb has no passive, so the sentence is
    /// ungrammatical, and the reader has to guess whether something happened or was done to
    /// someone.
    ///
    /// ## Example
    /// ```text
    /// The accident was happened on Monday.
    /// Liang Wenfeng has been pivoted to AI from speculative trading.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The accident happened on Monday.
    /// Liang Wenfeng has pivoted to AI from speculative trading.
    /// ```
    ///
    /// The verbs are listed in `wordlists/intransitive_verbs.tsv`. Prepositional passives are
    /// English and stay unflagged when the list allows their particle: "the decision was arrived
    /// at", "the event was participated in by 300 schools" (but "was participated by" is
    /// flagged). "Pivot" has real transitive uses ("the screen can be pivoted"), so only "has
    /// been pivoted to" is flagged; "fall" keeps its old perfect with "be" ("Babylon is fallen"),
    /// so only "been fallen" is flagged; "were disappeared by the regime" is the transitive sense
    /// of human-rights reporting. Up to two adverbs may stand between the auxiliary and the
    /// participle ("was suddenly happened").
    ///
    /// ## Fix safety
    /// The active form keeps the tense of the auxiliary: "is existed" → "exists", "was happened"
    /// → "happened", "has been emerged" → "has emerged", "will be happened" → "will happen". The
    /// fix is unsafe (the subject may need a different agreement); after a negated or "being"
    /// auxiliary the suggestion is display-only.
    pub static PASSIVE_INTRANSITIVE = {
        code: "G001",
        name: "passive-intransitive",
        finds: "\"was happened\", \"has been pivoted to AI\"",
        category: Grammar,
        mqm: [FluencyGrammar],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

/// A verb of the list, found by its participle.
struct Verb {
    base: &'static str,
    /// Particles after which the prepositional passive is English.
    preps: Vec<&'static str>,
}

fn verbs() -> &'static HashMap<&'static str, Verb> {
    static VERBS: OnceLock<HashMap<&'static str, Verb>> = OnceLock::new();
    VERBS.get_or_init(|| {
        let mut map = HashMap::new();
        for row in tsv::rows(crate::lexicon::WordList::IntransitiveVerbs.text()) {
            let preps = match row.get(2) {
                "yes" => row
                    .get(3)
                    .split(';')
                    .next()
                    .and_then(|p| p.strip_prefix("preps="))
                    .map(|p| p.split(',').map(str::trim).collect())
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            for participle in row.list(1) {
                map.insert(
                    participle,
                    Verb {
                        base: row.get(0),
                        preps: preps.clone(),
                    },
                );
            }
        }
        map
    })
}

const BE_FORMS: &[&str] = &[
    "am", "are", "aren't", "be", "been", "being", "is", "isn't", "was", "wasn't", "were", "weren't",
];
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would", "to",
];
/// Adverbs that may stand between the auxiliary and the participle.
const ADVERBS: &[&str] = &[
    "all", "already", "also", "always", "both", "even", "ever", "just", "long", "never", "not",
    "now", "once", "only", "still", "then", "yet",
];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let verbs = verbs();
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        for (i, token) in tokens.iter().enumerate() {
            if !token.is_word() {
                continue;
            }
            let participle = normalise(doc.text(token));
            let Some(verb) = verbs.get(participle.as_str()) else {
                continue;
            };
            let Some(aux) = auxiliary_before(doc, tokens, i) else {
                continue;
            };
            let next = next_word(doc, tokens, i);
            if next.as_deref().is_some_and(|n| verb.preps.contains(&n))
                && !opens_noun_phrase(doc, tokens.get(i + 2))
            {
                continue;
            }
            if verb.base == "fall" && aux_is_archaic_perfect(doc, tokens, i) {
                // "Babylon is fallen", "the night was fallen": the old perfect with "be", still
                // read in poetry and scripture. Only "been fallen" is never English.
                continue;
            }
            if verb.base == "disappear" && next.as_deref() == Some("by") {
                // "dissidents were disappeared by the regime": the transitive sense of human
                // rights reporting, with its agent.
                continue;
            }
            let aux_word = normalise(doc.text(&tokens[aux]));
            if verb.base == "pivot"
                && !is_perfect_pivot(doc, tokens, aux, &aux_word, next.as_deref())
            {
                continue;
            }
            out.push(finding(doc, tokens, aux, i, verb.base, &aux_word));
        }
    }
}

/// The index of the form of "be" before the participle at `at`, over at most two adverbs, with
/// only whitespace between the words.
fn auxiliary_before(doc: &Document, tokens: &[Token], at: usize) -> Option<usize> {
    let mut j = at;
    for _ in 0..3 {
        let prev = j.checked_sub(1)?;
        let t = &tokens[prev];
        if !t.is_word()
            || tokens[j].start != t.end
                && !doc
                    .slice(t.end as usize..tokens[j].start as usize)
                    .trim()
                    .is_empty()
        {
            return None;
        }
        let word = normalise(doc.text(t));
        if BE_FORMS.contains(&word.as_str()) {
            return Some(prev);
        }
        if !(ADVERBS.contains(&word.as_str()) || word.len() > 4 && word.ends_with("ly")) {
            return None;
        }
        j = prev;
    }
    None
}

fn next_word(doc: &Document, tokens: &[Token], at: usize) -> Option<String> {
    tokens
        .get(at + 1)
        .filter(|t| t.is_word())
        .map(|t| normalise(doc.text(t)))
}

/// Whether `token` starts a noun phrase, which makes the particle before it a preposition of an
/// adjunct ("was happened on Monday", "on the day") rather than the particle of a prepositional
/// passive ("was happened on by hikers", "was arrived at after long talks").
fn opens_noun_phrase(doc: &Document, token: Option<&Token>) -> bool {
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its",
        "our", "their",
    ];
    token.is_some_and(|t| {
        t.kind == TokenKind::Number
            || t.is_word()
                && (t.is(Flags::CAPITALISED)
                    || DETERMINERS.contains(&normalise(doc.text(t)).as_str()))
    })
}

/// Whether the auxiliary before the participle at `at` is anything but "been".
fn aux_is_archaic_perfect(doc: &Document, tokens: &[Token], at: usize) -> bool {
    auxiliary_before(doc, tokens, at).is_some_and(|aux| normalise(doc.text(&tokens[aux])) != "been")
}

/// "has been pivoted to|towards": the only passive of "pivot" the rule flags.
fn is_perfect_pivot(
    doc: &Document,
    tokens: &[Token],
    aux: usize,
    aux_word: &str,
    next: Option<&str>,
) -> bool {
    let perfect = aux_word == "been"
        && aux.checked_sub(1).is_some_and(|h| {
            matches!(
                normalise(doc.text(&tokens[h])).as_str(),
                "has" | "have" | "had"
            )
        });
    perfect && matches!(next, Some("to" | "towards"))
}

fn finding(
    doc: &Document,
    tokens: &[Token],
    aux: usize,
    participle: usize,
    base: &str,
    aux_word: &str,
) -> Finding {
    let range = tokens[aux].start as usize..tokens[participle].end as usize;
    let adverbs: Vec<&str> = tokens[aux + 1..participle]
        .iter()
        .map(|t| doc.text(t))
        .collect();
    let before = aux.checked_sub(1).map(|b| normalise(doc.text(&tokens[b])));
    let form = match aux_word {
        "is" => Some(Form::S),
        "am" | "are" => Some(Form::Base),
        "was" | "were" => Some(Form::Past),
        "been" => Some(Form::Participle),
        "be" if before.as_deref().is_some_and(|b| MODALS.contains(&b)) => Some(Form::Base),
        _ => None,
    };
    let verb_form = inflect::inflect(base, form.unwrap_or(Form::Base));
    let mut active = adverbs
        .iter()
        .copied()
        .chain([verb_form.as_str()])
        .collect::<Vec<_>>()
        .join(" ");
    if tokens[aux].is(Flags::CAPITALISED) && !tokens[aux].is(Flags::ALL_CAPS) {
        active = capitalise(&active);
    }
    let edit = Edit::replace(range.clone(), active.clone());
    let fix = if form.is_some() {
        Fix::unsafe_edit(edit)
    } else {
        Fix::display_only(edit)
    };
    let flagged = doc.slice(range.clone());
    Finding::new(
        &PASSIVE_INTRANSITIVE,
        range,
        format!("“{flagged}”: “{base}” takes no object, so it has no passive"),
    )
    .confidence(0.85)
    .suggest(active)
    .fix(fix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn flags_passives_of_intransitive_verbs() {
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "The accident was happened on Monday.",
            &["was happened"],
        );
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "Such problems are existed everywhere.",
            &["are existed"],
        );
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "The guests were arrived late.",
            &["were arrived"],
        );
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "The old ways have been disappeared.",
            &["been disappeared"],
        );
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "The event was participated by 300 schools.",
            &["was participated"],
        );
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "It was suddenly happened.",
            &["was suddenly happened"],
        );
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "It was happened on the first day.",
            &["was happened"],
        );
        assert_lints(
            &PASSIVE_INTRANSITIVE,
            "(Deepseek founder Liang Wenfeng has been pivoted to AI from his previous focus.",
            &["been pivoted"],
        );
    }

    #[test]
    fn suggests_the_active_form() {
        assert_suggestion(
            &PASSIVE_INTRANSITIVE,
            "The accident was happened on Monday.",
            "happened",
        );
        assert_suggestion(&PASSIVE_INTRANSITIVE, "The problem is existed.", "exists");
        assert_suggestion(&PASSIVE_INTRANSITIVE, "It will be happened soon.", "happen");
        assert_suggestion(
            &PASSIVE_INTRANSITIVE,
            "The crisis was arisen from debt.",
            "arose",
        );
        assert_fixed(
            &PASSIVE_INTRANSITIVE,
            "Liang has been pivoted to AI.",
            Applicability::Unsafe,
            "Liang has pivoted to AI.",
        );
        assert_fixed(
            &PASSIVE_INTRANSITIVE,
            "It wasn't happened.",
            Applicability::Unsafe,
            "It wasn't happened.",
        );
    }

    #[test]
    fn leaves_english_passives_and_actives_alone() {
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "A decision was arrived at after long talks.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "The event was participated in by 300 schools.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "The order was complied with and the noise was complained about.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "The accident happened on Monday and the guests arrived late.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "The screen can be pivoted to portrait mode.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "The company was pivoted toward services by its new owners.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "He was laughed at, looked after and relied on.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "What happened was, the guests who arrived were tired.",
        );
        assert_no_lints(&PASSIVE_INTRANSITIVE, "The match was rained off.");
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "The cave was happened on by two hikers.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "Activists were disappeared by the security services.",
        );
        assert_no_lints(
            &PASSIVE_INTRANSITIVE,
            "The cold stone is fallen; he would not be accounted the worst poet.",
        );
    }
}
