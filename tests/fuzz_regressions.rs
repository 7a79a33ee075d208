//! Replays every input the fuzzers found a problem with (`tests/fuzz_regressions/<target>/`),
//! through the same invariants the fuzz targets assert (`fuzz/invariants.rs`), so that a fixed
//! crash stays fixed in `cargo test`. Add a minimised input with `cargo fuzz tmin` and copy it
//! into the folder of its target.

use crate::invariants;

use std::path::PathBuf;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    inputs.sort();
    for input in inputs
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n != ".gitkeep"))
    {
        let data = std::fs::read(input).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(
            outcome.is_ok(),
            "{} fails its invariants again",
            input.display()
        );
    }
}

#[test]
fn check_bytes() {
    replay("check_bytes", invariants::check_bytes);
}

#[test]
fn markdown() {
    replay("markdown", invariants::markdown);
}

#[test]
fn table() {
    replay("table", invariants::table);
}

#[test]
fn fix() {
    replay("fix", invariants::fix);
}
