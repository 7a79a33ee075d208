//! The integration tests, compiled as one test binary.
//!
//! Each file under `tests/` is a module here rather than a test target of its own: every test
//! target links the whole library and its dependencies, so fourteen of them took fourteen links
//! and about two gigabytes of disk in a debug build, which ran a CI machine out of space. One
//! binary links once, and its tests run in parallel with each other. Run one file's tests with a
//! filter: `cargo test --test integration huge_files`. The rules' fixtures are a binary of their
//! own (`tests/rule_fixtures.rs`), because it makes one test per rule of the registry at run time.

mod common;
/// The invariants the fuzz targets assert, shared by `fuzz_regressions` and `fix_properties`.
#[path = "../fuzz/invariants.rs"]
mod invariants;

mod bilingual_cases;
mod cli;
mod cmd;
mod editorial;
mod fix_properties;
mod fix_safety;
mod formats;
mod fuzz_properties;
mod fuzz_regressions;
#[cfg(unix)]
mod huge_files;
mod names;
mod precommit;
mod related_locations;
mod reliability;
mod robustness;
mod samples;
mod tools;
mod wordlists;
mod workflow;
