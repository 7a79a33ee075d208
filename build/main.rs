//! Compiles the large word lists in `wordlists/` into fst maps in `OUT_DIR`, which the library
//! embeds with `include_bytes!` and uses without parsing.
//!
//! The binary forms could instead be committed beside the TSVs, with a test that they still
//! match. Building them here means they can never be stale and no binary lands in review; the
//! cost is a few hundred milliseconds on a build that touches a word list.

mod collocations;
#[path = "../src/lexicon/encoding.rs"]
#[allow(dead_code)]
mod encoding;
mod entities;
mod fst_lists;

fn main() {
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=src/lexicon/encoding.rs");
    fst_lists::build_all();
    entities::build();
    collocations::build();
}
