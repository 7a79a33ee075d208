use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::Edit;
use std::collections::HashMap;

use crate::entities::known_entities;
use crate::names::normalize::{
    Difference, differ_only_in_first_letter_case, difference, is_all_caps,
};
use crate::names::{CanonicalSource, NameAnalysis};
use crate::rules::{Category, Context, Outranker};

declare_rule! {
    /// ## What it does
    /// Finds a name written in a different case from the way the same name is written elsewhere
    /// in the document: "Damien MA" beside "Ma", "Deepseek" beside "DeepSeek".
    ///
    /// ## Why it matters
    /// Translation engines and the tools around them upper-case surnames (a Chinese and French
    /// convention), flatten brand names and copy capitals from headlines. One entity written in
    /// two cases looks careless and can read as two entities.
    ///
    /// ## Example
    /// ```text
    /// “You've been kicking out all of this talent,” said Damien MA, founder of Macropolo.
    /// [...] “They'll work for the Chinese,” Ma said.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “You've been kicking out all of this talent,” said Damien Ma, founder of Macropolo.
    /// ```
    ///
    /// The canonical case is the glossary's, then a form not in capitals (a surname in capitals
    /// is a slip), then the most frequent. Names in the known-entity lists are left to E002
    /// (known-entity-casing), which knows their case. A word in capitals
    /// that is used on its own as an acronym ("AI", "an MA degree") is a different word and is
    /// never compared with the name; a capital at the start of a sentence is not a variant;
    /// particles (van, de) are left alone. Only forms the document itself uses are proposed,
    /// unless the glossary names the form.
    ///
    /// ## Fix safety
    /// Safe when the canonical case comes from a glossary entry an editor reviewed; unsafe when
    /// it is the document's majority or an unreviewed glossary entry's (a starter glossary).
    pub static INCONSISTENT_NAME_CASING = {
        code: "N003",
        name: "inconsistent-name-casing",
        finds: "\"Damien MA\" beside \"Ma\"",
        category: Names,
        mqm: [FluencyInconsistency, FluencySpelling],
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

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let names = cx.names();
    let text = cx.doc.view();
    let mut models = Models::default();
    for (m, mention) in names.mentions.iter().enumerate() {
        let expected = &names.expected[m];
        if expected.misspelled || expected.recased.is_empty() || mention.acronym {
            continue;
        }
        let cluster = names.cluster_of(m);
        // the case of a known entity is E002's to report (known-entity-casing)
        if cluster.source == CanonicalSource::KnownEntity {
            continue;
        }
        let caps = mention
            .name_parts()
            .filter(|p| is_all_caps(&text[p.range.clone()]))
            .count();
        for (k, word) in &expected.recased {
            let part = &mention.parts[*k];
            let written = &text[part.range.clone()];
            // capitals as typography: a dateline or lead-in ("BEIJING (Reuters) -", "JURUPA
            // VALLEY -"), a name set all in capitals ("By JOHN SMITH")
            if is_all_caps(written) && (mention.dateline || caps >= 2) {
                continue;
            }
            if difference(written, word) != Difference::Case {
                continue;
            }
            if *k == 0 && mention.clause_initial && differ_only_in_first_letter_case(written, word)
            {
                continue;
            }
            if cx.glossary.accepts(written) || known_as(written, word) {
                continue;
            }
            let edit = Edit::replace(part.range.clone(), word.clone());
            let fix = super::fix_towards(cx, cluster, edit);
            let mut finding = Finding::new(
                &INCONSISTENT_NAME_CASING,
                part.range.clone(),
                format!("“{written}” is written “{word}” elsewhere in this document"),
            )
            .confidence(0.85)
            .suggest(word.clone())
            .fix(fix);
            if let Some(r) = models.find(text, names, names.expected[m].cluster, word, m) {
                finding = finding.related(names.mentions[r].range.clone(), "written so here");
            }
            out.push(finding);
        }
    }
}

/// Whether `written` is a known entity spelled `word` (E002 reports it, inside any longer name:
/// "Playstation VR").
fn known_as(written: &str, word: &str) -> bool {
    known_entities().lookup(written).is_some_and(|found| {
        let record = found.record;
        std::iter::once(record.canonical)
            .chain(record.aliases.iter().copied())
            .any(|name| name == word)
    })
}

/// Where a cluster writes a word as expected, found once per cluster and word (a finding's
/// related range), so that many findings in one large cluster cost one pass.
#[derive(Default)]
pub(crate) struct Models {
    found: HashMap<(usize, String), Vec<usize>>,
}

impl Models {
    /// A mention of cluster `cluster` other than `except` that has a word written `word`.
    pub(crate) fn find(
        &mut self,
        text: &str,
        names: &NameAnalysis,
        cluster: usize,
        word: &str,
        except: usize,
    ) -> Option<usize> {
        let found = self
            .found
            .entry((cluster, word.to_string()))
            .or_insert_with(|| {
                names.clusters[cluster]
                    .mentions
                    .iter()
                    .copied()
                    .filter(|&r| {
                        names.mentions[r]
                            .parts
                            .iter()
                            .any(|p| &text[p.range.clone()] == word)
                    })
                    .take(2)
                    .collect()
            });
        found.iter().copied().find(|&r| r != except)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    const MA: &str = "“You've been kicking out talent,” said Damien MA, founder of Macropolo. “They'll work for the Chinese,” Ma said. Not all programs produce top talent, Ma acknowledged.";

    #[test]
    fn flags_a_surname_in_capitals() {
        assert_lints(&INCONSISTENT_NAME_CASING, MA, &["MA"]);
        assert_suggestion(&INCONSISTENT_NAME_CASING, MA, "Ma");
        assert_fixed(
            &INCONSISTENT_NAME_CASING,
            MA,
            Applicability::Unsafe,
            &MA.replace("Damien MA", "Damien Ma"),
        );
    }

    #[test]
    fn majority_case_of_an_unknown_company() {
        let text = "BrightPath Robotics grew fast. BrightPath hired 200 engineers. Many joined Brightpath last year.";
        assert_lints(&INCONSISTENT_NAME_CASING, text, &["Brightpath"]);
        assert_fixed(&INCONSISTENT_NAME_CASING, text, Applicability::Safe, text);
        assert_fixed(
            &INCONSISTENT_NAME_CASING,
            text,
            Applicability::Unsafe,
            &text.replace("joined Brightpath", "joined BrightPath"),
        );
    }

    #[test]
    fn known_entities_are_left_to_e002() {
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "DeepSeek grew fast. Many engineers joined Deepseek last year.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "The PlayStation VR sold well. PlayStation VR games followed. Playstation VR fans came.",
        );
    }

    #[test]
    fn acronyms_and_sentence_starts_are_not_variants() {
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "He has an MA from Leeds. Later Ma said the degree helped. Ma was right.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "The AI boom continues. AI firms hire. Artist Ai Weiwei said Ai was tired.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "He admired Vincent van Gogh. Van Gogh painted fast.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "The firm Deepseek grew. Many joined Deepseek last year.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "BEIJING (Reuters) - Officials in Beijing said on Monday that exports rose.",
        );
        assert_no_lints(
            &INCONSISTENT_NAME_CASING,
            "A report by JOHN SMITH. John Smith, a reporter, said Smith was right.",
        );
    }
}
