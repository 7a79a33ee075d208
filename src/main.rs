//! The `mtlint` binary: everything, from parsing the arguments to the exit code, is
//! [`mtlint::cli::main`], which the Python wheel's `mtlint` command runs too.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(mtlint::cli::main(std::env::args_os()) as u8)
}
