//! The frequency lists of I002 (broken-fixed-expression) compiled to fst maps:
//! `unigrams.fst` (word → count class) and `bigrams.fst` ("w1 w2" → count class, with the
//! WORDNET_LEMMA bit set when the pair is a WordNet two-word lemma; see `src/lexicon/encoding.rs`). Count classes are round(4·log2(count)) as
//! written by `tools/phrasing/gen_collocations.py`; a WordNet pair that is not among the frequent
//! pairs has class 0.

use crate::encoding::{COUNT_CLASS, WORDNET_LEMMA};
use crate::fst_lists::{rows, write_map};

pub fn build() {
    let unigrams = rows("wordlists/unigram_counts.tsv")
        .into_iter()
        .map(|c| (c[0].clone(), class(&c)));
    write_map("unigrams", unigrams, u64::max);
    let counts = rows("wordlists/bigram_counts.tsv")
        .into_iter()
        .map(|c| (c[0].clone(), class(&c)));
    let wordnet = rows("wordlists/wordnet_collocations.tsv")
        .into_iter()
        .map(|c| (c[0].clone(), WORDNET_LEMMA));
    write_map("bigrams", counts.chain(wordnet), |a, b| a | b);
}

fn class(cells: &[String]) -> u64 {
    cells
        .get(1)
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0)
        .min(COUNT_CLASS)
}
