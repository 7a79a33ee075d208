//! Command-line cases as plain files: `tests/cmd/*.toml` give the arguments, standard input and the
//! expected output and exit status. `TRYCMD=overwrite cargo test --test integration cmd::` updates them.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
