//! How build.rs encodes the values of the word lists it compiles into fst maps, and how the
//! library reads them back. This file is also compiled into build.rs (by path, as
//! `entities/normalize.rs` is), so the two sides cannot disagree on a bit.

/// `english_words.fst`: the smallest SCOWL size that holds the word (10..=50) in these bits...
pub const SCOWL_SIZE: u64 = 0xFF;
/// ...and this bit when the list also has the word capitalised (bill/Bill).
pub const ALSO_CAPITALISED: u64 = 0x100;

/// `english_other_forms.fst`: a word English writes only capitalised ("Russian", "July")...
pub const CAPITALISED_ONLY: u64 = 1;
/// ...or a British spelling ("centre"); a word may be both.
pub const BRITISH: u64 = 2;

/// `given_names.fst`: a given name, a surname, or both (the two bits).
pub const GIVEN_NAME: u64 = 1;
pub const SURNAME: u64 = 2;

/// `word_frequencies.fst`: the Zipf frequency times this, rounded (10..=77).
pub const ZIPF_SCALE: f32 = 10.0;

/// `unigrams.fst` and `bigrams.fst`: the count class, round(4·log2(count)), in these bits...
pub const COUNT_CLASS: u64 = 0xFF;
/// ...the number of count classes per doubling of the count...
pub const CLASSES_PER_DOUBLING: f32 = 4.0;
/// ...and, for bigrams, this bit when the pair is a WordNet two-word lemma.
pub const WORDNET_LEMMA: u64 = 0x100;
