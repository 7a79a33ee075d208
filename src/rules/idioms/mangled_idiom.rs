use std::ops::Range;
use std::sync::OnceLock;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::phrases::{Pattern, PhraseTable, is_drop_in};
use crate::rules::Context;
use crate::text::Document;

declare_rule! {
    /// ## What it does
    /// Finds idioms and fixed expressions translated word for word, from a curated table of
    /// about 550 renderings that machine translation produces from Chinese, Japanese, Korean,
    /// Russian, German, French and Spanish ("brain drainage", "holding its breath to
    /// creativity", "launched a bullet into", "kill the chicken to scare the monkey"), names and
    /// terms of the news translated character by character ("new crown pneumonia" for 新冠肺炎,
    /// COVID-19; "square cabin hospital" for 方舱医院), and broken English fixed expressions ("in
    /// accordance to", "at the long run").
    ///
    /// ## Why it matters
    /// A literal idiom is the surest sign that a text was machine-translated and not edited; the
    /// reader either stumbles or misreads it. The English idiom, or plain words, say the same
    /// thing.
    ///
    /// On the WMT 2021 Chinese-to-English MQM development data nearly all of its findings are news
    /// terms rendered character by character ("new crown pneumonia").
    ///
    /// ## Example
    /// ```text
    /// AI has so far been somewhat blocked from brain drainage.
    /// The system is overly exam-oriented and holding its breath to creativity.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// AI has so far been somewhat blocked from brain drain.
    /// The system is overly exam-oriented and stifling creativity.
    /// ```
    ///
    /// Patterns match inflected forms ("launch", "launched", "launching a bullet into"), curly and
    /// straight apostrophes alike, and small slots where the idiom allows them ("a cat in her
    /// throat"). They never reach across a sentence end or across punctuation, so "on the
    /// contrary, to be fair" is not "on the contrary to". The table is `wordlists/idioms.tsv`.
    ///
    /// ## Fix safety
    /// The correction is put into the form of the matched words ("holding its breath to
    /// creativity" → "stifling creativity"). The fix is unsafe when the correction is a drop-in
    /// repair of the same phrase (a broken fixed expression, or an idiom whose correction keeps
    /// its first or last word); otherwise it is display-only, because replacing a whole idiom
    /// usually needs the sentence rewritten.
    pub static MANGLED_IDIOM = {
        code: "I001",
        name: "mangled-idiom",
        finds: "idioms and news terms translated word for word, from a table of about 550 (\"brain drainage\", \"launched a bullet into\", \"new crown pneumonia\" for 新冠肺炎)",
        category: Idioms,
        mqm: [AccuracyMistranslation, StyleAwkward],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

/// One row of `idioms.tsv`.
struct Entry {
    correction: Pattern,
    explanation: &'static str,
    /// The correction can replace the matched words as they stand.
    mechanical: bool,
    /// The source language ("any" for broken English fixed expressions).
    fixed_expression: bool,
}

fn table() -> &'static PhraseTable<Entry> {
    static TABLE: OnceLock<PhraseTable<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PhraseTable::from_tsv(crate::lexicon::WordList::Idioms.text(), |pattern, row| {
            let correction = Pattern::parse_correction(row.get(1));
            let fixed_expression = row.get(4) == "any";
            let mechanical = fixed_expression || is_drop_in(pattern, &correction);
            Entry {
                correction,
                explanation: row.get(2),
                mechanical,
                fixed_expression,
            }
        })
    })
}

/// The byte ranges this rule flags in `doc`, for rules that defer to the table.
pub fn flagged_ranges(doc: &Document) -> Vec<Range<usize>> {
    table()
        .phrases
        .find(doc)
        .iter()
        .map(|m| m.range(doc))
        .collect()
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let table = table();
    for m in table.phrases.find(doc) {
        let entry = &table.entries[m.pattern];
        let range = m.range(doc);
        let Some(correction) = table.phrases.render(doc, &m, &entry.correction) else {
            continue;
        };
        let matched = doc.slice(range.clone());
        let edit = Edit::replace(range.clone(), correction.clone());
        let fix = if entry.mechanical {
            Fix::unsafe_edit(edit)
        } else {
            Fix::display_only(edit)
        };
        let kind = if entry.fixed_expression {
            "broken fixed expression"
        } else {
            "word-for-word idiom"
        };
        out.push(
            Finding::new(
                &MANGLED_IDIOM,
                range,
                format!("{kind} “{matched}”: {}", entry.explanation),
            )
            .confidence(if entry.fixed_expression { 0.9 } else { 0.8 })
            .suggest(correction)
            .fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn flags_the_seed_idioms() {
        assert_lints(
            &MANGLED_IDIOM,
            "AI has so far been somewhat blocked from brain drainage.",
            &["brain drainage"],
        );
        assert_suggestion(
            &MANGLED_IDIOM,
            "AI has so far been somewhat blocked from brain drainage.",
            "brain drain",
        );
        let exam = "The system is overly exam-oriented and holding its breath to creativity and innovation.";
        assert_lints(&MANGLED_IDIOM, exam, &["holding its breath to creativity"]);
        assert_suggestion(&MANGLED_IDIOM, exam, "stifling creativity");
        let bullet = "But in 2020, it launched a bullet into the Chinese technology industry.";
        assert_lints(&MANGLED_IDIOM, bullet, &["launched a bullet into"]);
        assert_suggestion(&MANGLED_IDIOM, bullet, "cracked down on");
    }

    #[test]
    fn every_row_s_example_is_flagged() {
        assert_every_example_flagged(
            &MANGLED_IDIOM,
            "idioms.tsv",
            crate::lexicon::WordList::Idioms.text(),
        );
    }

    #[test]
    fn flags_inflected_and_slotted_forms() {
        assert_lints(
            &MANGLED_IDIOM,
            "They are launching a bullet into the sector.",
            &["launching a bullet into"],
        );
        assert_lints(
            &MANGLED_IDIOM,
            "The singer had a cat in her throat.",
            &["a cat in her throat"],
        );
        assert_lints(
            &MANGLED_IDIOM,
            "Officials killed the chicken to scare the monkeys.",
            &["killed the chicken to scare the monkeys"],
        );
        assert_lints(
            &MANGLED_IDIOM,
            "It was done in accordance to the law.",
            &["in accordance to"],
        );
        assert_lints(
            &MANGLED_IDIOM,
            "We would borrow even a cat’s paws.",
            &["borrow even a cat’s paws"],
        );
        assert_lints(
            &MANGLED_IDIOM,
            "At the long run, prices will fall.",
            &["At the long run"],
        );
        assert_suggestion(
            &MANGLED_IDIOM,
            "At the long run, prices will fall.",
            "In the long run",
        );
    }

    #[test]
    fn leaves_correct_english_alone() {
        assert_no_lints(&MANGLED_IDIOM, "The brain drain hit rural clinics hardest.");
        assert_no_lints(
            &MANGLED_IDIOM,
            "She held her breath as the results came in.",
        );
        assert_no_lints(
            &MANGLED_IDIOM,
            "It was done in accordance with the law, in the long run.",
        );
        assert_no_lints(
            &MANGLED_IDIOM,
            "The company launched a new product into the market.",
        );
        assert_no_lints(&MANGLED_IDIOM, "He had a frog in his throat.");
        assert_no_lints(&MANGLED_IDIOM, "The bank agreed to lend him money.");
        assert_no_lints(
            &MANGLED_IDIOM,
            "On the contrary, to be fair, the results were good.",
        );
        assert_no_lints(
            &MANGLED_IDIOM,
            "The brain. Drainage of the site began in May.",
        );
        assert_no_lints(
            &MANGLED_IDIOM,
            "A cat in the house watched the drainage of the brain-shaped pond.",
        );
    }

    #[test]
    fn fixes_drop_in_repairs_only() {
        assert_fixed(
            &MANGLED_IDIOM,
            "It was blocked from brain drainage.",
            Applicability::Unsafe,
            "It was blocked from brain drain.",
        );
        assert_fixed(
            &MANGLED_IDIOM,
            "It launched a bullet into the sector.",
            Applicability::Unsafe,
            "It launched a bullet into the sector.",
        );
    }
}
