//! Word and word-pair frequencies of published English (Google Books counts shipped by
//! symspellpy) and WordNet's two-word lemmas, compiled by `build/collocations.rs` into fst maps
//! and used straight from the binary: nothing is parsed at start-up.

use std::sync::OnceLock;

use fst::{IntoStreamer, Streamer};

use crate::lexicon::encoding::{CLASSES_PER_DOUBLING, COUNT_CLASS, WORDNET_LEMMA};

static UNIGRAMS: &[u8] = crate::lexicon::CompiledList::Unigrams.bytes();
static BIGRAMS: &[u8] = crate::lexicon::CompiledList::Bigrams.bytes();

/// log2 of the total of all unigram counts (class 156 in `unigram_counts.tsv`'s header).
pub const LOG2_TOTAL: f32 = 156.0 / CLASSES_PER_DOUBLING;

/// What the lists know about a word pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// log2 of its Google Books count, when it is among the frequent pairs (count ≥ 6.4 million).
    pub log2_count: Option<f32>,
    /// A WordNet two-word lemma ("brain drain", "climate change").
    pub wordnet: bool,
}

pub struct Collocations {
    unigrams: fst::Map<&'static [u8]>,
    bigrams: fst::Map<&'static [u8]>,
}

pub fn collocations() -> &'static Collocations {
    static DATA: OnceLock<Collocations> = OnceLock::new();
    DATA.get_or_init(|| Collocations {
        unigrams: fst::Map::new(UNIGRAMS).expect("build.rs writes valid fst maps"),
        bigrams: fst::Map::new(BIGRAMS).expect("build.rs writes valid fst maps"),
    })
}

fn pair(value: u64) -> Pair {
    let class = value & COUNT_CLASS;
    Pair {
        log2_count: (class > 0).then(|| class as f32 / CLASSES_PER_DOUBLING),
        wordnet: value & WORDNET_LEMMA != 0,
    }
}

impl Collocations {
    /// log2 of the word's count, if it is a known English word (lowercase).
    pub fn log2_count(&self, word: &str) -> Option<f32> {
        self.unigrams
            .get(word)
            .map(|c| c as f32 / CLASSES_PER_DOUBLING)
    }

    pub fn pair(&self, first: &str, second: &str) -> Option<Pair> {
        self.bigrams.get(format!("{first} {second}")).map(pair)
    }

    /// Pointwise mutual information of a pair in bits, from the quantised counts.
    pub fn pmi(&self, first: &str, second: &str, pair_log2: f32) -> Option<f32> {
        Some(pair_log2 - self.log2_count(first)? - self.log2_count(second)? + LOG2_TOTAL)
    }

    /// The known pairs `first x` whose second word starts with `prefix`.
    pub fn continuations(&self, first: &str, prefix: &str) -> Vec<(String, Pair)> {
        let low = format!("{first} {prefix}");
        let mut high = low.clone().into_bytes();
        // Every key starting with `low` sorts below `low` with its last byte raised by one.
        if let Some(last) = high.last_mut() {
            *last = last.saturating_add(1);
        }
        let mut stream = self
            .bigrams
            .range()
            .ge(low.as_bytes())
            .lt(high)
            .into_stream();
        let mut out = Vec::new();
        while let Some((key, value)) = stream.next() {
            if let Some(second) = std::str::from_utf8(key)
                .ok()
                .and_then(|k| k.split_once(' '))
                .map(|(_, s)| s)
            {
                out.push((second.to_string(), pair(value)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let c = collocations();
        assert!(c.log2_count("the").unwrap() > 30.0);
        assert!(c.log2_count("drainage").is_some());
        let brain_drain = c.pair("brain", "drain").unwrap();
        assert!(brain_drain.wordnet && brain_drain.log2_count.is_some());
        assert!(c.pair("brain", "drainage").is_none());
        assert!(
            c.continuations("brain", "drai")
                .iter()
                .any(|(w, _)| w == "drain")
        );
        assert!(
            c.pmi("brain", "drain", brain_drain.log2_count.unwrap())
                .unwrap()
                > 10.0
        );
    }
}
