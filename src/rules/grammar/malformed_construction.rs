use std::sync::OnceLock;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::phrases::{Pattern, PhraseMatch, PhraseTable, is_drop_in, normalise};
use crate::rules::Context;
use crate::text::{Document, Flags, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds fixed wrong constructions typical of machine-translated and learner English:
    /// verbs with a redundant preposition ("discuss about", "emphasise on the need", "lacks
    /// of"), a list closed twice ("such as rice, wheat and so on", "including A, B etc."), mixed
    /// constructions ("according to the survey shows", "although …, but …", "can be able to"),
    /// double comparatives ("more cheaper") and "look forward to" with an infinitive.
    ///
    /// ## Why it matters
    /// Each is a word-for-word carry-over of a Chinese construction (关于, 等, 虽然…但是, 根据…显示)
    /// that an English editor always removes. They are precise: the same words in edited English
    /// mean something else or do not occur.
    ///
    /// ## Example
    /// ```text
    /// The ministers discussed about the budget.
    /// They grow crops such as rice, wheat and so on.
    /// Although prices fell, but demand stayed weak.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The ministers discussed the budget.
    /// They grow crops such as rice and wheat.
    /// Although prices fell, demand stayed weak.
    /// ```
    ///
    /// The table is `wordlists/chinglish_forms.tsv`. A list is one or more words joined by
    /// commas, "and", hyphens or slashes (at most 16 words) and ends at "etc." or "and so on";
    /// "although …, but" is flagged only when "although" opens the sentence and "but" follows the
    /// first comma ("He agreed, although reluctantly, but then left" is English), and not as "but
    /// rather" or "but also", which complete a contrast inside the although-clause. "In despite
    /// of" (archaic but correct) is not "despite of". "Return back" and "revert back" are left out:
    /// they are frequent in published English.
    ///
    /// ## Fix safety
    /// The fix is unsafe when the correction repairs the words in place ("discussed about the" →
    /// "discussed the", "rice, wheat and so on" → "rice and wheat", "according to the survey
    /// shows, most" → "the survey shows most"); corrections that change the words around them
    /// ("is agree" → "agrees", "due to the reason that" → "because") are display-only.
    pub static MALFORMED_CONSTRUCTION = {
        code: "G006",
        name: "malformed-construction",
        finds: "\"discuss about\", \"such as A, B, etc.\", \"although …, but …\"",
        category: Grammar,
        mqm: [FluencyGrammar],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

struct Entry {
    correction: Pattern,
    explanation: &'static str,
    mechanical: bool,
}

fn table() -> &'static PhraseTable<Entry> {
    static TABLE: OnceLock<PhraseTable<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PhraseTable::from_tsv(
            crate::lexicon::WordList::ChinglishForms.text(),
            |pattern, row| {
                let correction = Pattern::parse_correction(row.get(1));
                let mechanical = is_drop_in(pattern, &correction);
                Entry {
                    correction,
                    explanation: row.get(2),
                    mechanical,
                }
            },
        )
    })
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let table = table();
    for m in table.phrases.find(doc) {
        if is_in_despite_of(doc, &m)
            || is_contrast_after_although(doc, &m)
            || has_etc_that_is_not_et_cetera(doc, &m)
        {
            continue;
        }
        let entry = &table.entries[m.pattern];
        let Some(mut correction) = table.phrases.render(doc, &m, &entry.correction) else {
            continue;
        };
        let mut range = m.range(doc);
        let flagged = doc.slice(range.clone()).to_string();
        // "etc." inside a sentence: its full stop goes with it. At the end of the sentence the
        // stop also ends the sentence and stays; a correction ending in "etc." then drops its own.
        if let Some(stop) = abbreviation_stop(doc, &m) {
            if ends_sentence(doc, stop) {
                if let Some(stripped) = correction.strip_suffix('.') {
                    correction = stripped.to_string();
                }
            } else if normalise(&flagged).ends_with("etc") {
                range.end = doc.tokens[stop].end as usize;
            }
        }
        // "According to the survey shows, most agree" → "The survey shows most agree": the comma
        // that closed the prepositional phrase goes with it.
        if flagged.to_lowercase().starts_with("according to") {
            if let Some(comma) = doc.tokens.get(m.tokens.end).filter(|t| doc.text(t) == ",") {
                range.end = comma.end as usize;
            }
        }
        let edit = Edit::replace(range.clone(), correction.clone());
        let fix = if entry.mechanical {
            Fix::unsafe_edit(edit)
        } else {
            Fix::display_only(edit)
        };
        out.push(
            Finding::new(
                &MALFORMED_CONSTRUCTION,
                m.range(doc),
                format!("“{flagged}”: {}", entry.explanation),
            )
            .confidence(0.85)
            .suggest(correction)
            .fix(fix),
        );
    }
}

/// "in despite of" is an old but correct form of "despite".
fn is_in_despite_of(doc: &Document, m: &PhraseMatch) -> bool {
    let first = &doc.tokens[m.tokens.start];
    normalise(doc.text(first)) == "despite"
        && m.tokens.start > 0
        && doc.tokens[m.tokens.start - 1].is_word()
        && normalise(doc.text(&doc.tokens[m.tokens.start - 1])) == "in"
}

/// "Although it was not about speed, but rather about memory": "but rather" (and "but also")
/// completes a "not … but" contrast inside the although-clause, so the "but" is not a second
/// conjunction for the sentence.
fn is_contrast_after_although(doc: &Document, m: &PhraseMatch) -> bool {
    let last = &doc.tokens[m.tokens.end - 1];
    normalise(doc.text(last)) == "but"
        && doc
            .tokens
            .get(m.tokens.end)
            .is_some_and(|next| matches!(normalise(doc.text(next)).as_str(), "rather" | "also"))
}

/// "and ETC" (an acronym: the Electronic Toll Collection) and "and etc/hosts" (a path) are not
/// "et cetera": the abbreviation is written in lowercase and stands alone.
fn has_etc_that_is_not_et_cetera(doc: &Document, m: &PhraseMatch) -> bool {
    m.tokens.clone().any(|i| {
        let token = &doc.tokens[i];
        let glued = |j: Option<usize>| {
            j.and_then(|j| doc.tokens.get(j)).is_some_and(|t| {
                matches!(doc.text(t), "/" | "\\") && (t.start == token.end || t.end == token.start)
            })
        };
        normalise(doc.text(token)) == "etc"
            && (token.is(Flags::ALL_CAPS) || glued(Some(i + 1)) || glued(i.checked_sub(1)))
    })
}

/// The index of a full stop right after the match, if any.
fn abbreviation_stop(doc: &Document, m: &PhraseMatch) -> Option<usize> {
    let next = doc.tokens.get(m.tokens.end)?;
    (next.kind == TokenKind::Punct
        && doc.text(next) == "."
        && next.start == doc.tokens[m.tokens.end - 1].end)
        .then_some(m.tokens.end)
}

/// Whether the token at `index` is the last of its sentence but for closing marks.
fn ends_sentence(doc: &Document, index: usize) -> bool {
    let sentence = &doc.sentences[doc.sentence_of(index)];
    doc.tokens[index + 1..sentence.tokens.end]
        .iter()
        .all(|t| t.kind == TokenKind::Punct && doc.text(t) != ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn every_row_s_example_is_flagged() {
        assert_every_example_flagged(
            &MALFORMED_CONSTRUCTION,
            "chinglish_forms.tsv",
            crate::lexicon::WordList::ChinglishForms.text(),
        );
    }

    #[test]
    fn an_acronym_or_a_path_is_not_et_cetera() {
        for text in [
            "Drivers pay at the booth and ETC lanes are free.",
            "Copy the file to /usr and etc/somepath before you start.",
        ] {
            assert_no_lints(&MALFORMED_CONSTRUCTION, text);
        }
        assert_lints(
            &MALFORMED_CONSTRUCTION,
            "They sell pens, paper, and etc.",
            &["and etc"],
        );
    }

    #[test]
    fn flags_redundant_prepositions() {
        assert_lints(
            &MALFORMED_CONSTRUCTION,
            "The ministers discussed about the budget.",
            &["discussed about the"],
        );
        assert_lints(
            &MALFORMED_CONSTRUCTION,
            "The report emphasises on the importance of training.",
            &["emphasises on the importance"],
        );
        assert_lints(
            &MALFORMED_CONSTRUCTION,
            "Despite of the rain, the match went ahead.",
            &["Despite of"],
        );
        assert_fixed(
            &MALFORMED_CONSTRUCTION,
            "The ministers discussed about the budget.",
            Applicability::Unsafe,
            "The ministers discussed the budget.",
        );
    }

    #[test]
    fn flags_lists_closed_twice() {
        let text = "They grow crops such as rice, wheat and so on.";
        assert_lints(
            &MALFORMED_CONSTRUCTION,
            text,
            &["such as rice, wheat and so on"],
        );
        assert_fixed(
            &MALFORMED_CONSTRUCTION,
            text,
            Applicability::Unsafe,
            "They grow crops such as rice and wheat.",
        );
        let mid = "Sports such as football, tennis, etc. are popular.";
        assert_fixed(
            &MALFORMED_CONSTRUCTION,
            mid,
            Applicability::Unsafe,
            "Sports such as football and tennis are popular.",
        );
        let end = "They sell pens, paper, and etc.";
        assert_fixed(
            &MALFORMED_CONSTRUCTION,
            end,
            Applicability::Unsafe,
            "They sell pens, paper, etc.",
        );
    }

    #[test]
    fn flags_although_but_only_as_a_main_clause() {
        let text = "Although prices fell, but demand stayed weak.";
        assert_lints(
            &MALFORMED_CONSTRUCTION,
            text,
            &["Although prices fell, but"],
        );
        assert_fixed(
            &MALFORMED_CONSTRUCTION,
            text,
            Applicability::Unsafe,
            "Although prices fell, demand stayed weak.",
        );
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "He agreed, although reluctantly, but then changed his mind.",
        );
        for contrast in [
            "Although the talk was not about speed, but rather about memory, it helped.",
            "Although it was not only cheap, but also fast, nobody bought it.",
        ] {
            assert_no_lints(&MALFORMED_CONSTRUCTION, contrast);
        }
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "Although it be but one virtue, it is enough.",
        );
    }

    #[test]
    fn mixed_constructions_lose_their_comma() {
        let text = "According to the survey shows, most people agree.";
        assert_lints(
            &MALFORMED_CONSTRUCTION,
            text,
            &["According to the survey shows"],
        );
        assert_fixed(
            &MALFORMED_CONSTRUCTION,
            text,
            Applicability::Unsafe,
            "The survey shows most people agree.",
        );
    }

    #[test]
    fn rebuilt_sentences_are_display_only() {
        let text = "The minister is agree with the plan.";
        assert_lints(&MALFORMED_CONSTRUCTION, text, &["is agree"]);
        assert_suggestion(&MALFORMED_CONSTRUCTION, text, "agrees");
        assert_fixed(&MALFORMED_CONSTRUCTION, text, Applicability::Unsafe, text);
    }

    #[test]
    fn leaves_correct_english_alone() {
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "The ministers discussed the budget and talked about taxes.",
        );
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "Crops such as rice and wheat grew; fruit, nuts, etc. did not.",
        );
        assert_no_lints(&MALFORMED_CONSTRUCTION, "He acted in despite of the law.");
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "The workers returned back to the factory.",
        );
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "We look forward to hearing from you and to seeing the results.",
        );
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "The emphasis on the need for reform was clear.",
        );
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "Such as it is, the plan works, and so on it goes.",
        );
        assert_no_lints(
            &MALFORMED_CONSTRUCTION,
            "Although small, the town, but not the city, grew.",
        );
    }
}
