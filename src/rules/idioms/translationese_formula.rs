use std::sync::OnceLock;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::phrases::{Pattern, PhraseTable};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds formulas of Chinese official prose rendered word for word: "give full play to"
    /// (充分发挥), "relevant departments" (有关部门), "it is learned that" (据悉), "do a good job
    /// in" (做好), "strengthen the construction of" (加强建设), and adverbs that carry nothing in
    /// English ("vigorously develop", "conscientiously implement"). The table is
    /// `wordlists/translationese.tsv`.
    ///
    /// ## Why it matters
    /// Grammatical, but no English writer would put them so: a page of them reads as a
    /// government bulletin run through a machine.
    ///
    /// In the professional MQM ratings of WMT 2021 Chinese-to-English news, raters left most of
    /// them unmarked (a low span precision), so the rule is for editors who want their copy free of
    /// them, not a sign of a worse translation.
    ///
    /// ## Example
    /// ```text
    /// It is learned that relevant departments will give full play to the role of trade unions.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The labour bureau will make full use of the trade unions.
    /// ```
    ///
    /// Preview: the same formulas are house style in English-language Chinese media and in
    /// translations that keep them on purpose, so the rule stays off until it is selected. On
    /// 78,635 words of edited English it found nothing.
    ///
    /// ## Fix safety
    /// Display-only: the plain English usually needs the sentence recast (who "relevant
    /// departments" are, what "a good job" is), which only the editor knows. A formula with no
    /// plain counterpart ("It is learned that", best dropped with the sentence recast) gets no
    /// fix.
    pub static TRANSLATIONESE_FORMULA = {
        code: "I003",
        name: "translationese-formula",
        finds: "formulas of Chinese official prose (\"give full play to\", \"relevant departments\")",
        category: Idioms,
        mqm: [StyleAwkward],
        severity: Info,
        status: Preview,
        fix: Sometimes,
        check: check,
    };
}

/// One row of `translationese.tsv`.
struct Entry {
    /// What English writes instead; `None` where it names the source instead ("it is learned").
    plain: Option<Pattern>,
    explanation: &'static str,
}

fn table() -> &'static PhraseTable<Entry> {
    static TABLE: OnceLock<PhraseTable<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PhraseTable::from_tsv(crate::lexicon::WordList::Translationese.text(), |_, row| {
            Entry {
                plain: (row.get(1) != "-").then(|| Pattern::parse_correction(row.get(1))),
                explanation: row.get(2),
            }
        })
    })
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let table = table();
    for m in table.phrases.find(doc) {
        let entry = &table.entries[m.pattern];
        let range = m.range(doc);
        let matched = doc.slice(range.clone());
        let mut finding = Finding::new(
            &TRANSLATIONESE_FORMULA,
            range.clone(),
            format!("translationese “{matched}”: {}", entry.explanation),
        )
        .confidence(0.6);
        if let Some(plain) = entry
            .plain
            .as_ref()
            .and_then(|p| table.phrases.render(doc, &m, p))
        {
            finding = finding
                .suggest(plain.clone())
                .fix(Fix::display_only(Edit::replace(range, plain)));
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tsv;
    use crate::rules::test_util::*;

    #[test]
    fn flags_official_formulas_in_their_inflections() {
        let text = "It is learned that relevant departments will give full play to the role of trade unions.";
        assert_lints(
            &TRANSLATIONESE_FORMULA,
            text,
            &[
                "It is learned that",
                "relevant departments",
                "give full play to",
            ],
        );
        assert_lints(
            &TRANSLATIONESE_FORMULA,
            "The city vigorously promoted green buildings.",
            &["vigorously promoted"],
        );
        assert_suggestion(
            &TRANSLATIONESE_FORMULA,
            "The city vigorously promoted green buildings.",
            "promoted",
        );
        assert_suggestion(
            &TRANSLATIONESE_FORMULA,
            "They gave full play to the unions.",
            "made full use of",
        );
    }

    #[test]
    fn leaves_ordinary_english_alone() {
        assert_no_lints(
            &TRANSLATIONESE_FORMULA,
            "The play was given in full to a packed house.",
        );
        assert_no_lints(
            &TRANSLATIONESE_FORMULA,
            "She did a good job of the repairs, and the relevant figures were published.",
        );
        assert_no_lints(
            &TRANSLATIONESE_FORMULA,
            "The construction of the bridge was strengthened by steel cables.",
        );
        assert_no_lints(
            &TRANSLATIONESE_FORMULA,
            "It is understood by few that the masses matter.",
        );
    }

    #[test]
    fn every_row_parses_and_its_example_is_found() {
        for row in tsv::rows(crate::lexicon::WordList::Translationese.text()) {
            assert!(
                Pattern::parse(row.get(0)).is_some(),
                "translationese.tsv: pattern {:?} does not parse",
                row.get(0)
            );
        }
        assert_every_example_flagged(
            &TRANSLATIONESE_FORMULA,
            "translationese.tsv",
            crate::lexicon::WordList::Translationese.text(),
        );
    }
}
