//! Every word list mtlint embeds, each embedded once, here: the rest of the crate names a list by
//! its variant and never by its path, and a test fails when a file outside `lexicon` embeds one.
//!
//! [`WordList`]s are `wordlists/` files embedded as text and parsed by the module that uses them
//! (each into its own types, once per process). [`CompiledList`]s are the fst maps and postings
//! that `build/` compiles from the large lists into `OUT_DIR`, used straight from the binary; their
//! value encodings are in [`super::encoding`]. The entity records that `build/entities.rs` writes
//! as Rust tables are `include!`d by `entities`, whose types they are written in.

use super::tsv;

/// A word list of `wordlists/`, embedded as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordList {
    Abbreviations,
    ArticleSounds,
    ChineseCommonWords,
    ChineseEstablishedNames,
    ChineseSurnames,
    ChinglishForms,
    FluencyWeights,
    Idioms,
    IntransitiveVerbs,
    IrregularVerbs,
    NameParticles,
    PersonCues,
    PinyinSyllables,
    RomanizationOther,
    ScoreWeights,
    Translationese,
    UncountableNouns,
}

impl WordList {
    /// Every list, for the tests.
    pub const ALL: &[WordList] = &[
        WordList::Abbreviations,
        WordList::ArticleSounds,
        WordList::ChineseCommonWords,
        WordList::ChineseEstablishedNames,
        WordList::ChineseSurnames,
        WordList::ChinglishForms,
        WordList::FluencyWeights,
        WordList::Idioms,
        WordList::IntransitiveVerbs,
        WordList::IrregularVerbs,
        WordList::NameParticles,
        WordList::PersonCues,
        WordList::PinyinSyllables,
        WordList::RomanizationOther,
        WordList::ScoreWeights,
        WordList::Translationese,
        WordList::UncountableNouns,
    ];

    /// The file's text, comments and header included.
    pub const fn text(self) -> &'static str {
        match self {
            WordList::Abbreviations => include_str!("../../wordlists/abbreviations.tsv"),
            WordList::ArticleSounds => include_str!("../../wordlists/article_sounds.tsv"),
            WordList::ChineseCommonWords => {
                include_str!("../../wordlists/chinese_common_words.tsv")
            }
            WordList::ChineseEstablishedNames => {
                include_str!("../../wordlists/chinese_established_names.tsv")
            }
            WordList::ChineseSurnames => include_str!("../../wordlists/chinese_surnames.tsv"),
            WordList::ChinglishForms => include_str!("../../wordlists/chinglish_forms.tsv"),
            WordList::FluencyWeights => include_str!("../../wordlists/fluency_weights.tsv"),
            WordList::Idioms => include_str!("../../wordlists/idioms.tsv"),
            WordList::IntransitiveVerbs => include_str!("../../wordlists/intransitive_verbs.tsv"),
            WordList::IrregularVerbs => include_str!("../../wordlists/irregular_verbs.tsv"),
            WordList::NameParticles => include_str!("../../wordlists/name_particles.tsv"),
            WordList::PersonCues => include_str!("../../wordlists/person_cues.tsv"),
            WordList::PinyinSyllables => include_str!("../../wordlists/pinyin_syllables.tsv"),
            WordList::RomanizationOther => include_str!("../../wordlists/romanization_other.tsv"),
            WordList::ScoreWeights => include_str!("../../wordlists/score_weights.tsv"),
            WordList::Translationese => include_str!("../../wordlists/translationese.tsv"),
            WordList::UncountableNouns => include_str!("../../wordlists/uncountable_nouns.tsv"),
        }
    }

    /// The data rows (after the `#` comments and the column names).
    pub fn rows(self) -> impl Iterator<Item = tsv::Row<'static>> {
        tsv::rows(self.text())
    }
}

/// A list compiled by `build/` into `OUT_DIR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompiledList {
    /// english_words.tsv: word → SCOWL size and capitalised bit.
    EnglishWords,
    /// english_other_forms.tsv: word as written → capitalised-only or British.
    EnglishOtherForms,
    /// given_names.tsv: name → given name, surname or both.
    GivenNames,
    /// word_frequencies.tsv: word → Zipf frequency.
    WordFrequencies,
    /// unigram_counts.tsv: word → count class.
    Unigrams,
    /// bigram_counts.tsv and wordnet_collocations.tsv: pair → count class and WordNet bit.
    Bigrams,
    /// entities/*.tsv: lookup key → entity record.
    Entities,
    /// entities/*.tsv: character bigram → postings offset.
    EntityGrams,
    /// the postings of EntityGrams.
    EntityGramPostings,
    /// entities/*.tsv: sorted content words → postings offset.
    EntityBags,
    /// the postings of EntityBags.
    EntityBagPostings,
    /// place_names.tsv: GeoNames towns.
    PlaceNames,
    /// entity_mistranslations.tsv: mistranslation → entity record.
    EntityMistranslations,
}

impl CompiledList {
    pub const fn bytes(self) -> &'static [u8] {
        match self {
            CompiledList::EnglishWords => {
                include_bytes!(concat!(env!("OUT_DIR"), "/english_words.fst"))
            }
            CompiledList::EnglishOtherForms => {
                include_bytes!(concat!(env!("OUT_DIR"), "/english_other_forms.fst"))
            }
            CompiledList::GivenNames => {
                include_bytes!(concat!(env!("OUT_DIR"), "/given_names.fst"))
            }
            CompiledList::WordFrequencies => {
                include_bytes!(concat!(env!("OUT_DIR"), "/word_frequencies.fst"))
            }
            CompiledList::Unigrams => include_bytes!(concat!(env!("OUT_DIR"), "/unigrams.fst")),
            CompiledList::Bigrams => include_bytes!(concat!(env!("OUT_DIR"), "/bigrams.fst")),
            CompiledList::Entities => include_bytes!(concat!(env!("OUT_DIR"), "/entities.fst")),
            CompiledList::EntityGrams => {
                include_bytes!(concat!(env!("OUT_DIR"), "/entities_grams.fst"))
            }
            CompiledList::EntityGramPostings => {
                include_bytes!(concat!(env!("OUT_DIR"), "/entities_grams_postings.bin"))
            }
            CompiledList::EntityBags => {
                include_bytes!(concat!(env!("OUT_DIR"), "/entities_bags.fst"))
            }
            CompiledList::EntityBagPostings => {
                include_bytes!(concat!(env!("OUT_DIR"), "/entities_bags_postings.bin"))
            }
            CompiledList::PlaceNames => {
                include_bytes!(concat!(env!("OUT_DIR"), "/place_names.fst"))
            }
            CompiledList::EntityMistranslations => {
                include_bytes!(concat!(env!("OUT_DIR"), "/entity_mistranslations.fst"))
            }
        }
    }

    /// The list as an fst map (not for the `.bin` postings); the bytes were written by the fst
    /// crate itself in build.rs.
    pub fn map(self) -> fst::Map<&'static [u8]> {
        fst::Map::new(self.bytes()).expect("build.rs writes valid fst maps")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list is embedded here and nowhere else: a second copy is a second parse to keep in
    /// step, and a list that cannot be found from here is a list a newcomer misses.
    #[test]
    fn no_file_outside_the_lexicon_embeds_a_word_list() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut offenders = Vec::new();
        let mut stack = vec![src.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.starts_with(src.join("lexicon"))
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if embeds_a_list(&text) {
                        offenders.push(path.display().to_string());
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "word lists embedded outside src/lexicon: {offenders:?}"
        );
    }

    /// Whether an `include_str!` or `include_bytes!` in `text` names a word list or a compiled
    /// one.
    fn embeds_a_list(text: &str) -> bool {
        ["include_str!(", "include_bytes!("]
            .iter()
            .any(|macro_call| {
                text.split(macro_call).skip(1).any(|rest| {
                    let head: String = rest.chars().take(120).collect();
                    let argument = head.split(");").next().unwrap_or("");
                    argument.contains("wordlists/")
                        || argument.contains(".fst\"")
                        || argument.contains("postings.bin")
                })
            })
    }

    #[test]
    fn every_list_parses_with_rows() {
        for list in WordList::ALL {
            assert!(list.rows().next().is_some(), "{list:?}");
        }
        assert!(CompiledList::EnglishWords.map().len() > 10_000);
    }
}
