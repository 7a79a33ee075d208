//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "mtlint",
    version,
    about = "A linter for English text that came out of machine translation",
    long_about = "mtlint finds the artifacts machine translation leaves in English: one name spelled \
                  several ways, institutions that do not exist, broken quotation, idioms translated word \
                  for word, first person in reporting, untranslated fragments. It scores each document, \
                  proposes corrections and applies the safe ones on request.\n\n\
                  Exit codes: 0 nothing failing, 1 findings at or above --fail-on or a score under \
                  --min-score, 2 usage, configuration or input error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files, folders (walked honouring .gitignore) or standard input (`-`).
    Check(CheckArgs),
    /// Apply fixes: safe ones by default, unsafe ones with --unsafe-fixes.
    Fix(FixArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Print a rule's documentation.
    Explain {
        /// A rule code (N001) or name (inconsistent-name-spelling).
        code: String,
    },
    /// List the people, organisations and places of each document, with every spelling found.
    Names(NamesArgs),
    /// Write a commented mtlint.toml in the current folder; with --glossary, also a starter
    /// glossary.tsv of the names found in the given files.
    Init {
        /// Overwrite an existing mtlint.toml (and glossary.tsv).
        #[arg(long)]
        force: bool,
        /// Files or folders whose people, organisations and places seed glossary.tsv, for review.
        #[arg(long, value_name = "FILES", num_args = 1..)]
        glossary: Vec<PathBuf>,
    },
    /// Print a shell completion script: `mtlint completions bash > ~/.local/share/bash-completion/completions/mtlint`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Options shared by `check` and `fix`.
#[derive(Debug, Args, Clone, Default)]
pub struct CommonArgs {
    /// Files or folders to check; `-` reads standard input. Default: the current folder.
    pub paths: Vec<PathBuf>,
    /// Rules to run (codes, prefixes, category letters, names or ALL), replacing the configuration.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Option<Vec<String>>,
    /// Rules to run in addition to the selection.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub extend_select: Vec<String>,
    /// Rules not to run.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Also run preview rules matched by the selection.
    #[arg(long)]
    pub preview: bool,
    /// Use this configuration file instead of discovering mtlint.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
    /// A glossary file (CSV or TSV with a `term` column; see Glossaries in the README), read in
    /// addition to the configuration's. Repeatable; honoured with --isolated too.
    #[arg(long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// How to read the input; by default from the file extension (.md Markdown, .html HTML, else plain).
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// The file name to report for standard input (also decides its format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Apply the exclude globs to files named on the command line too (as pre-commit names
    /// them), not only to folder walks.
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail when a document (or table row) scores below this.
    #[arg(long, value_name = "N")]
    pub min_score: Option<f64>,
    /// Fail when a finding has at least this severity [default: warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<SeverityArg>,
    /// Report at most N findings per document (0: no cap) [default: 1000].
    #[arg(long, value_name = "N")]
    pub max_findings: Option<usize>,
    /// Print findings only, no summary or notices.
    #[arg(long, short)]
    pub quiet: bool,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Check the segments of a CSV or TSV table (`-` reads it from standard input as TSV).
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub table: Option<PathBuf>,
    /// The table column holding the text to check.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "table")]
    pub text_column: String,
    /// The table column whose equal values group rows into one document.
    #[arg(long, value_name = "NAME", requires = "table")]
    pub doc_column: Option<String>,
    /// Report only findings on lines changed since this git revision (committed, staged or not).
    #[arg(long, value_name = "REV", conflicts_with_all = ["staged", "table"])]
    pub diff_base: Option<String>,
    /// Report only findings on lines changed in the staged diff (`git diff --cached`).
    #[arg(long, conflicts_with = "table")]
    pub staged: bool,
    /// The table column holding each row's original text: turns on the bilingual checks.
    #[arg(long, value_name = "NAME", requires = "table")]
    pub source_column: Option<String>,
    /// The original (source-language) document that the one checked file translates: turns on
    /// the bilingual checks, with paragraphs aligned one to one.
    #[arg(long, value_name = "PATH", conflicts_with = "table")]
    pub source: Option<PathBuf>,
    /// The table column holding each row's own id, reported beside its findings (CSV formats).
    #[arg(long, value_name = "NAME", requires = "table")]
    pub id_column: Option<String>,
    /// Apply the safe fixes first (as `mtlint fix` does), then report what remains.
    #[arg(long, conflicts_with_all = ["table", "source", "diff_base", "staged"])]
    pub fix: bool,
    /// With --fix, also apply unsafe fixes.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
    /// With --fix, list the fixes applied, per file and rule.
    #[arg(long, requires = "fix")]
    pub show_fixes: bool,
    /// Exit 0 even when findings fail (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print how many findings each rule has, instead of the findings.
    #[arg(long, conflicts_with = "format")]
    pub statistics: bool,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
#[command(mut_arg("paths", |arg| arg.help(
    "Files or folders to fix (`.` for the current folder; folders are walked as `check` walks \
     them); `-` fixes standard input"
)))]
pub struct FixArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Also apply unsafe fixes (probably right, but check them).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// The original (source-language) document that the one fixed file translates, so that the
    /// bilingual rules' fixes (names, glossary terms) apply too.
    #[arg(long, value_name = "PATH")]
    pub source: Option<PathBuf>,
    /// Print a unified diff of the fixes and write nothing (exit 1 if there is anything to fix).
    #[arg(long)]
    pub diff: bool,
    /// When to colour the diff (and mark the words each fix changes).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, requires = "diff")]
    pub color: ColorArg,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// List the fixes applied, per file and rule.
    #[arg(long)]
    pub show_fixes: bool,
    /// Fix the segments of a CSV or TSV table, writing a fixed copy (-o, or --in-place).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "source"])]
    pub table: Option<PathBuf>,
    /// The table column holding the text to fix.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "table")]
    pub text_column: String,
    /// The table column whose equal values group rows into one document.
    #[arg(long, value_name = "NAME", requires = "table")]
    pub doc_column: Option<String>,
    /// Where to write the fixed table.
    #[arg(long, short = 'o', value_name = "FILE", requires = "table")]
    pub output_file: Option<PathBuf>,
    /// Write the fixed table over the original.
    #[arg(long, requires = "table", conflicts_with_all = ["output_file", "diff"])]
    pub in_place: bool,
    /// Fail when a finding that remains has at least this severity [default: warning] (--table).
    #[arg(long, value_enum, requires = "table")]
    pub fail_on: Option<SeverityArg>,
}

#[derive(Debug, Args, Clone)]
pub struct NamesArgs {
    /// Files or folders to read; `-` reads standard input. Default: the current folder.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = NamesFormat::Table)]
    pub format: NamesFormat,
    /// Use this configuration file (for its glossary) instead of discovering mtlint.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
    /// A glossary file whose terms are canonical spellings, in addition to the configuration's.
    #[arg(long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// How to read the input; by default from the file extension.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,
    /// The file name to report for standard input (also decides its format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Apply the exclude globs to files named on the command line too (as pre-commit names
    /// them), not only to folder walks.
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NamesFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args, Clone)]
pub struct RulesArgs {
    /// Print the table as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InputFormatArg {
    #[default]
    Auto,
    Plain,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}
