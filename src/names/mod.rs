//! Name analysis: every person, organisation and place a document names, clustered, with the
//! canonical spelling of each and what every mention should read.
//!
//! Machine translation spells one name several ways in one article ("Liang Wenfeng", "Liang",
//! "Leann", "Lean"). Finding that needs the whole document, so the analysis is computed once per
//! document (see [`crate::rules::Context::names`]) and read by the name rules, the entity rules,
//! the `mtlint names` overview and the reports. It runs in pure, separately tested stages:
//!
//! 1. [`mention`]: capitalised word runs with particles, hyphens and possessives, their type
//!    guessed from cues (titles, speech verbs, roles, organisation and place heads);
//! 2. [`normalize`], [`sound`], [`similarity`], [`pinyin`]: the keys and scores that compare
//!    spellings (case and punctuation folded; a sound key for romanised names; romanisation
//!    variants; the pinyin syllable model);
//! 3. [`cluster`]: groups of equal keys joined into entities (full names, short forms, garbled
//!    lone names, aliases) and words of longer names corrected alone, blocked by key so that the
//!    cost stays linear in the mentions;
//! 4. [`canonical`]: the canonical form of each cluster (glossary, known entity, introduction,
//!    frequency) and the expected form of each mention in its own shape.
//!
//! Everything works on byte ranges into the original text; nothing here allocates per token.

pub mod canonical;
pub mod cluster;
pub mod lists;
pub mod mention;
pub mod normalize;
pub mod pinyin;
pub mod similarity;
pub mod sound;

pub use canonical::{CanonicalSource, Cluster, Expected, Respelling};
pub use cluster::{Clustering, Relation};
pub use mention::{Kind, Mention};

use crate::text::Document;

/// The names of one document.
#[derive(Debug, Clone, Default)]
pub struct NameAnalysis {
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// The groups and how they were joined.
    pub clustering: Clustering,
    /// Every entity, in order of first mention.
    pub clusters: Vec<Cluster>,
    /// What each mention (same index) should read.
    pub expected: Vec<Expected>,
}

impl NameAnalysis {
    /// Analyses `doc`, with the canonical names of the user's glossary.
    pub fn new(doc: &Document, glossary: &[String]) -> NameAnalysis {
        let text = doc.view();
        let mentions = mention::extract(doc);
        NameAnalysis::from_mentions(text, mentions, glossary)
    }

    /// Clusters already extracted mentions of `text` (the prose view of the document).
    pub fn from_mentions(text: &str, mentions: Vec<Mention>, glossary: &[String]) -> NameAnalysis {
        let clustering = cluster::cluster(text, &mentions);
        let (clusters, expected) = canonical::resolve(text, &mentions, &clustering, glossary);
        NameAnalysis {
            mentions,
            clustering,
            clusters,
            expected,
        }
    }

    /// The cluster of mention `m`.
    pub fn cluster_of(&self, m: usize) -> &Cluster {
        &self.clusters[self.expected[m].cluster]
    }

    /// The mentions of `cluster` written exactly as its canonical form (its full form), first
    /// ones first: where a finding's related ranges point.
    pub fn canonical_mentions<'a>(
        &'a self,
        cluster: &'a Cluster,
        text: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        cluster
            .mentions
            .iter()
            .copied()
            .filter(move |&m| text[self.mentions[m].range.clone()] == cluster.canonical)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;
    use crate::config::Settings;
    use crate::text::{InputFormat, Source};
    use proptest::prelude::*;

    fn analyse(text: &str) -> NameAnalysis {
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        NameAnalysis::new(&doc, &["DeepSeek".to_string(), "Liang Wenfeng".to_string()])
    }

    #[test]
    fn odd_names_do_not_panic() {
        for text in [
            "İstanbul's İlhan Özdemir said so. ÖZDEMIR said no. Özdemir agreed.",
            "Łódź and Zürich. ǅemal said yes. 's 's. O' Brien said. -Jun said. Min- said.",
            "A. B. C. D said. Z Z Z Z. Mr. Mr. Mr said. Professor",
            "“Leann's” ‘Liang’ «Ma» (MA) [Ma] Ma's MA's Ma’S",
            "Liang Wenfeng, 40, said. Lian Wenfeng, 40, said. Leann Wenfeng said. Wenfeng Liang said.",
        ] {
            let names = analyse(text);
            assert_eq!(names.expected.len(), names.mentions.len());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_text_is_analysed_without_panic(text in "([A-Z][a-zé'’-]{0,6}|[a-z]{1,5}|[.,“”\"()0-9-]|\\s|MA|Ma|Leann|Liang Wenfeng|said|İ|ß|Zhang|Chang|University|Province| Z ){0,60}") {
            let names = analyse(&text);
            for (m, e) in names.mentions.iter().zip(&names.expected) {
                prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
                prop_assert!(e.cluster < names.clusters.len());
            }
            // the name rules only: this test is about them
            let mut settings = Settings::default();
            settings.rules.retain(|r| r.code.starts_with('N'));
            let report = Linter::new(settings).check(&Source::new("t", text.clone(), InputFormat::Plain));
            for f in report.findings {
                prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
            }
        }
    }
}
