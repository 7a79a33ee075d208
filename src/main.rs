//! The `mtlint` binary: parse arguments, run, map the outcome to an exit code. Everything else is
//! in the library.

use std::process::ExitCode;

use clap::Parser;
use mtlint::cli::{self, Cli, ExitStatus};

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "mtlint: internal error{location}. This is a bug: please report it at https://github.com/mtlint/mtlint/issues \
             with the file that caused it."
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { ExitStatus::Error as u8 } else { ExitStatus::Success as u8 });
        }
    };
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    let status = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cli::run(cli, &mut stdout, &mut stderr))) {
        Ok(Ok(status)) => status,
        Ok(Err(err)) => {
            eprintln!("mtlint: error: {err}");
            ExitStatus::Error
        }
        Err(_) => ExitStatus::Error,
    };
    ExitCode::from(status as u8)
}
