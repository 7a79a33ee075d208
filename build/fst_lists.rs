//! The word lists compiled to fst maps: one function per list, each mapping a key to a u64.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::encoding;

fn out_dir() -> PathBuf {
    PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set by cargo"))
}

/// The data rows of a word list (after the `#` comments and the header), split into cells.
pub fn rows(relative: &str) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

/// Writes `entries` as an fst map named `name.fst` in OUT_DIR. Keys may repeat in the input; the
/// values of a repeated key are combined with `merge`.
pub fn write_map(
    name: &str,
    entries: impl IntoIterator<Item = (String, u64)>,
    merge: fn(u64, u64) -> u64,
) {
    let mut sorted: BTreeMap<String, u64> = BTreeMap::new();
    for (key, value) in entries {
        sorted
            .entry(key)
            .and_modify(|v| *v = merge(*v, value))
            .or_insert(value);
    }
    let bytes = fst::Map::from_iter(sorted)
        .expect("keys are sorted and unique")
        .into_fst()
        .into_inner();
    std::fs::write(out_dir().join(format!("{name}.fst")), bytes).expect("OUT_DIR is writable");
}

pub fn build_all() {
    english_words();
    english_other_forms();
    given_names();
    word_frequencies();
}

/// english_words.tsv → word → SCOWL size (10..50) | ALSO_CAPITALISED when the list also has it
/// capitalised.
fn english_words() {
    let entries = rows("wordlists/english_words.tsv")
        .into_iter()
        .map(|cells| {
            let flags = cells.get(1).map(String::as_str).unwrap_or("");
            let size = flags
                .split('|')
                .find_map(|f| f.strip_prefix('s'))
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(50);
            let cap = if flags.split('|').any(|f| f == "cap") {
                encoding::ALSO_CAPITALISED
            } else {
                0
            };
            (cells[0].clone(), size | cap)
        });
    write_map("english_words", entries, |a, b| a.min(b));
}

/// english_other_forms.tsv → word (as written) → CAPITALISED_ONLY or BRITISH.
fn english_other_forms() {
    let entries = rows("wordlists/english_other_forms.tsv")
        .into_iter()
        .map(|cells| {
            let kind = if cells.get(1).map(String::as_str) == Some("british") {
                encoding::BRITISH
            } else {
                encoding::CAPITALISED_ONLY
            };
            (cells[0].clone(), kind)
        });
    write_map("english_other_forms", entries, |a, b| a | b);
}

/// given_names.tsv → name → GIVEN_NAME, SURNAME or both.
fn given_names() {
    let entries = rows("wordlists/given_names.tsv").into_iter().map(|cells| {
        let kind = match cells.get(1).map(String::as_str) {
            Some("given") => encoding::GIVEN_NAME,
            Some("surname") => encoding::SURNAME,
            _ => encoding::GIVEN_NAME | encoding::SURNAME,
        };
        (cells[0].clone(), kind)
    });
    write_map("given_names", entries, |a, b| a | b);
}

/// word_frequencies.tsv → word → ZIPF_SCALE × its Zipf frequency (10..77), as the list writes it.
fn word_frequencies() {
    let entries = rows("wordlists/word_frequencies.tsv")
        .into_iter()
        .filter_map(|cells| Some((cells[0].clone(), cells.get(1)?.parse::<u64>().ok()?)));
    write_map("word_frequencies", entries, |a, b| a.max(b));
}
