//! Fuzz target `markdown`: see `fuzz/invariants.rs` for what is asserted.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::markdown(data));
