//! The `mtlint` binary: parse arguments, run, map the outcome to an exit code. Everything else is
//! in the library.

use std::process::ExitCode;

use clap::Parser;
use mtlint::cli::{self, Cli, ExitStatus};

fn main() -> ExitCode {
    cli::panic::install_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                ExitStatus::Error as u8
            } else {
                ExitStatus::Success as u8
            });
        }
    };
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    let status = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        cli::panic::debug_panic_point("<main>");
        cli::run(cli, &mut stdout, &mut stderr)
    })) {
        Ok(Ok(status)) => status,
        Ok(Err(err)) => {
            // Errors can quote the input (a configuration key, a path): no escape sequences.
            eprintln!(
                "mtlint: error: {}",
                mtlint::report::human::sanitise_line(&err.to_string())
            );
            ExitStatus::Error
        }
        Err(_) => ExitStatus::Error,
    };
    ExitCode::from(status as u8)
}
