//! The command-line interface. `main.rs` parses the arguments and hands them to [`run`], which
//! returns the exit status; everything the user sees is printed here or in [`crate::report`].

pub mod args;
pub mod changed;
pub mod check;
pub mod diff;
pub mod fix;
pub mod fix_table;
pub mod inputs;
pub mod names;
pub mod panic;
pub mod progress;
pub mod rules;
pub mod write;

use std::io::Write;
use std::path::PathBuf;

pub use args::Cli;
use args::{Command, CommonArgs};

use crate::config::{self, ConfigFile, Overrides, Settings};
use crate::error::Result;
use crate::report;

/// What the process exits with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing failing.
    Success = 0,
    /// Findings at or above --fail-on, or a score under --min-score (for `fix --diff`: changes).
    Failure = 1,
    /// Usage, configuration or input error.
    Error = 2,
}

/// Runs a parsed command line.
pub fn run(cli: Cli, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<ExitStatus> {
    match cli.command {
        Command::Check(args) => check::run(&args, stdout, stderr),
        Command::Fix(args) => fix::run(&args, stdout, stderr),
        Command::Rules(args) => rules::list(&args, stdout),
        Command::Names(args) => names::run(&args, stdout, stderr),
        Command::Explain { code } => rules::explain(&code, stdout),
        Command::Init { force, glossary } => init(force, &glossary, stdout, stderr),
        Command::Completions { shell } => completions(shell, stdout),
    }
}

/// The whole command: parses `args` (the program name first), runs, and returns the exit status,
/// with the one-line panic hook installed. The `mtlint` binary is this function; so is the
/// `mtlint` command of the Python wheel, which calls it with `sys.argv`.
pub fn main<I, T>(args: I) -> ExitStatus
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::Parser;
    panic::install_hook();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            };
        }
    };
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        panic::debug_panic_point("<main>");
        run(cli, &mut stdout, &mut stderr)
    })) {
        Ok(Ok(status)) => status,
        Ok(Err(err)) => {
            // Errors can quote the input (a configuration key, a path): no escape sequences.
            eprintln!(
                "mtlint: error: {}",
                report::human::sanitise_line(&err.to_string())
            );
            ExitStatus::Error
        }
        Err(_) => ExitStatus::Error,
    }
}

/// Writes the completion script for `shell`, generated from the argument definitions.
fn completions(shell: clap_complete::Shell, stdout: &mut dyn Write) -> Result<ExitStatus> {
    use clap::CommandFactory;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mtlint", &mut script);
    stdout
        .write_all(&script)
        .map_err(|e| crate::Error::io("<stdout>", e))?;
    Ok(ExitStatus::Success)
}

/// Loads the configuration (explicit, discovered from the current folder, or none) and applies the
/// command-line overrides.
pub fn settings(common: &CommonArgs, mut overrides: Overrides) -> Result<Settings> {
    overrides.select = common.select.clone();
    overrides.extend_select = common.extend_select.clone();
    overrides.ignore = common.ignore.clone();
    overrides.preview = common.preview;
    overrides.glossary_files = common.glossary.clone();
    let path: Option<PathBuf> = if common.isolated {
        None
    } else if let Some(path) = &common.config {
        Some(path.clone())
    } else {
        let found =
            config::discover(&std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")));
        for notice in &found.skipped {
            eprintln!("mtlint: {}", report::human::sanitise_line(notice));
        }
        found.path
    };
    let file = match &path {
        Some(p) => config::load(p)?,
        None => ConfigFile::default(),
    };
    Settings::resolve(file, path.as_deref(), &overrides)
}

/// Whether something, even a dangling symbolic link, has the name `path`.
/// `--force-exclude` for `check` and `fix`: the exclude globs, read from the configuration
/// file's folder (or the current one), drop named files too.
fn drop_force_excluded(targets: &mut Vec<inputs::Input>, settings: &Settings) {
    let base = settings
        .config_path
        .as_deref()
        .and_then(std::path::Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    inputs::drop_force_excluded(targets, &settings.exclude, base);
}

fn occupied(path: &std::path::Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

fn init(
    force: bool,
    glossary_from: &[PathBuf],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<ExitStatus> {
    let config = PathBuf::from("mtlint.toml");
    let out = |stdout: &mut dyn Write, line: String| {
        writeln!(stdout, "{line}").map_err(|e| crate::Error::io("<stdout>", e))
    };
    if glossary_from.is_empty() {
        if occupied(&config) && !force {
            return Err(crate::Error::Usage(
                "mtlint.toml already exists; use --force to overwrite it".into(),
            ));
        }
        write::write_atomically(&config, config::INIT_TEMPLATE.as_bytes())?;
        out(stdout, "wrote mtlint.toml".into())?;
        return Ok(ExitStatus::Success);
    }
    let glossary = PathBuf::from("glossary.tsv");
    if occupied(&glossary) && !force {
        return Err(crate::Error::Usage(
            "glossary.tsv already exists; use --force to overwrite it".into(),
        ));
    }
    let (table, terms, failed) = names::starter_glossary(glossary_from, stderr)?;
    write::write_atomically(&glossary, table.as_bytes())?;
    out(
        stdout,
        format!(
            "wrote glossary.tsv: {terms} names to review; mark a row reviewed to make its fixes safe"
        ),
    )?;
    // An existing configuration is the user's: it is never rewritten to name the glossary.
    if occupied(&config) && !force {
        out(
            stdout,
            "mtlint.toml exists: add `files = [\"glossary.tsv\"]` under [glossary] to use it"
                .into(),
        )?;
    } else {
        let template = config::INIT_TEMPLATE
            .replace("# files = [\"glossary.tsv\"]", "files = [\"glossary.tsv\"]");
        write::write_atomically(&config, template.as_bytes())?;
        out(stdout, "wrote mtlint.toml, naming glossary.tsv".into())?;
    }
    Ok(if failed {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}
