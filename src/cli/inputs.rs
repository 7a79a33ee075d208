//! Finding and reading the files to check.
//!
//! Folders are walked with the `ignore` crate, which honours .gitignore (in and out of git
//! repositories), hidden files and the configuration's exclude globs. Only files mtlint can read as
//! prose are picked up in a walk; a file named on the command line is always checked. Errors are per
//! file: an unreadable file is reported and the walk goes on.

use std::io::Read;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::error::DecodeError;
pub use crate::error::io_message;
pub use crate::read::{MAX_INPUT_BYTES, open_regular, read_capped, read_file};
use crate::read::{input_cap, too_large};
use crate::report::FileError;
use crate::text::{InputFormat, Source};

use super::args::{CommonArgs, InputFormatArg};

/// Extensions picked up when walking a folder.
pub const PROSE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml",
];

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    /// A file; `explicit` when it was named on the command line rather than found in a walk.
    File {
        path: PathBuf,
        explicit: bool,
    },
}

impl Input {
    pub fn display(&self, stdin_name: Option<&str>) -> String {
        match self {
            Input::Stdin => stdin_name.unwrap_or("<stdin>").to_string(),
            Input::File { path, .. } => display_path(path),
        }
    }
}

/// The table `--table PATH` names: standard input for `-`.
pub fn table_input(path: &Path) -> Input {
    if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File {
            path: path.to_path_buf(),
            explicit: true,
        }
    }
}

/// Whether a table read from standard input is TSV (unless `--stdin-filename` names a CSV file);
/// `None` for a file, whose extension says.
pub fn stdin_table_is_tsv(input: &Input, common: &CommonArgs) -> Option<bool> {
    matches!(input, Input::Stdin).then(|| {
        common
            .stdin_filename
            .as_deref()
            .is_none_or(|n| crate::table::is_tsv(Path::new(n)))
    })
}

/// A path as the user should see it: relative paths without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown = path.strip_prefix("./").unwrap_or(path);
    shown.display().to_string()
}

/// What the walk found: inputs in a stable order, errors, and notices (skipped files).
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub errors: Vec<FileError>,
    pub notices: Vec<String>,
}

/// Expands the command-line paths into inputs.
pub fn collect(paths: &[PathBuf], exclude: &[String]) -> Collected {
    let mut collected = Collected::default();
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    for path in &paths {
        if path.as_os_str() == "-" {
            collected.inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, exclude, &mut collected);
        } else if path.exists() || path.is_symlink() {
            collected.inputs.push(Input::File {
                path: path.clone(),
                explicit: true,
            });
        } else {
            collected.errors.push(FileError {
                path: display_path(path),
                message: "no such file or folder".into(),
            });
        }
    }
    collected
}

/// `--force-exclude`: drops the files named on the command line that the exclude globs match,
/// as a walk would have passed them over. pre-commit and editors name every file, so without
/// it `extend-exclude = ["archive/**"]` would not keep `archive/old.txt` out of a hook's run.
/// The globs are matched against the path relative to `base` (the configuration file's folder;
/// else the current one), the file itself and each folder above it.
pub fn drop_force_excluded(inputs: &mut Vec<Input>, exclude: &[String], base: &Path) {
    let Ok(base) = std::fs::canonicalize(base) else {
        return;
    };
    let mut overrides = OverrideBuilder::new(&base);
    for glob in exclude {
        // an invalid glob is reported by the walk; here it excludes nothing
        let _ = overrides.add(&format!("!{glob}"));
    }
    let Ok(overrides) = overrides.build() else {
        return;
    };
    inputs.retain(|input| {
        let Input::File { path, .. } = input else {
            return true;
        };
        // the folder resolved, the file's own name kept (it may be a link)
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return true;
        };
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let Ok(parent) = std::fs::canonicalize(parent) else {
            return true;
        };
        let full = parent.join(name);
        let Ok(relative) = full.strip_prefix(&base) else {
            return true;
        };
        let excluded = overrides.matched(relative, false).is_ignore()
            || relative
                .ancestors()
                .skip(1)
                .filter(|a| !a.as_os_str().is_empty())
                .any(|a| overrides.matched(a, true).is_ignore());
        !excluded
    });
}

fn walk(root: &Path, exclude: &[String], collected: &mut Collected) {
    let mut overrides = OverrideBuilder::new(root);
    for glob in exclude {
        if let Err(e) = overrides.add(&format!("!{glob}")) {
            collected.errors.push(FileError {
                path: glob.clone(),
                message: format!("invalid exclude glob: {e}"),
            });
        }
    }
    let mut builder = WalkBuilder::new(root);
    builder
        .require_git(false)
        .follow_links(false)
        .sort_by_file_path(|a, b| a.cmp(b));
    if let Ok(built) = overrides.build() {
        builder.overrides(built);
    }
    for entry in builder.build() {
        match entry {
            Ok(entry) if entry.path_is_symlink() && entry.depth() > 0 => {
                collected.notices.extend(symlink_notice(entry.path()));
            }
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                let path = entry.into_path();
                if has_prose_extension(&path) {
                    collected.inputs.push(Input::File {
                        path,
                        explicit: false,
                    });
                }
            }
            Ok(_) => {}
            Err(err) => collected.errors.push(walk_error(err)),
        }
    }
}

/// Symbolic links are not followed in a walk (as git and ripgrep do), so a link loop cannot
/// trap it and no file is checked twice. A link that would have been checked, or that is broken
/// or loops, is named in a notice; links to other files are passed over silently.
fn symlink_notice(path: &Path) -> Option<String> {
    let name = display_path(path);
    let skipped = "skipped: symbolic link, not followed in a folder walk (name it on the command line to check it)";
    match std::fs::metadata(path) {
        Err(e) => Some(format!(
            "{name}: skipped: symbolic link that cannot be followed: {}",
            io_message(&e)
        )),
        Ok(meta) if meta.is_dir() => {
            let target = std::fs::canonicalize(path).ok()?;
            let parent = path.parent().and_then(|p| std::fs::canonicalize(p).ok())?;
            if parent.starts_with(&target) {
                Some(format!(
                    "{name}: skipped: symbolic link loop back to {}",
                    display_path(&target)
                ))
            } else {
                Some(format!("{name}: {skipped}"))
            }
        }
        Ok(_) if has_prose_extension(path) => Some(format!("{name}: {skipped}")),
        Ok(_) => None,
    }
}

fn walk_error(err: ignore::Error) -> FileError {
    let path = match &err {
        ignore::Error::WithPath { path, .. } => display_path(path),
        ignore::Error::WithDepth { err, .. } => match err.as_ref() {
            ignore::Error::WithPath { path, .. } => display_path(path),
            _ => String::from("<walk>"),
        },
        ignore::Error::Loop { child, .. } => display_path(child),
        _ => String::from("<walk>"),
    };
    let message = match &err {
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to {}", display_path(ancestor))
        }
        other => strip_path_prefix(&other.to_string()),
    };
    FileError { path, message }
}

fn strip_path_prefix(message: &str) -> String {
    message
        .rsplit_once(": ")
        .map_or(message, |(_, m)| m)
        .to_string()
}

pub fn has_prose_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PROSE_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

/// The format to read `name` in.
pub fn format_for(name: &str, arg: InputFormatArg) -> InputFormat {
    match arg {
        InputFormatArg::Auto => InputFormat::from_path(name),
        InputFormatArg::Plain => InputFormat::Plain,
        InputFormatArg::Markdown => InputFormat::Markdown,
        InputFormatArg::Html => InputFormat::Html,
    }
}

/// Why an input could not be read as a document.
#[derive(Debug)]
pub enum ReadFailure {
    /// Reported as an error (exit code 2).
    Error(FileError),
    /// A binary file found in a walk: skipped with a notice.
    Skipped(String),
}

/// Reads the raw bytes of an input, at most the input cap. Only a regular file or standard input
/// is read: a device would never end and a FIFO would block. With `document`, reading standard
/// input stops as soon as the bytes cannot be a document (a NUL byte, a UTF-16 or UTF-32
/// byte-order mark), since what follows would only be refused too.
pub fn read_bytes(input: &Input, name: &str, document: bool) -> Result<Vec<u8>, FileError> {
    let err = |message: String| FileError {
        path: name.to_string(),
        message,
    };
    let cap = input_cap();
    match input {
        Input::Stdin => read_stream(std::io::stdin().lock(), cap, document)
            .map_err(|e| err(format!("cannot read standard input: {}", io_message(&e))))?
            .ok_or_else(|| err(too_large(cap))),
        Input::File { path, .. } => read_file(path, cap)
            .map_err(|e| err(io_message(&e)))?
            .ok_or_else(|| err(too_large(cap))),
    }
}

/// The bytes of a stream, or `None` when it holds more than `cap`.
fn read_stream(reader: impl Read, cap: u64, document: bool) -> std::io::Result<Option<Vec<u8>>> {
    let mut limited = reader.take(cap + 1);
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = match limited.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        bytes.extend_from_slice(&chunk[..n]);
        if document && cannot_be_a_document(&bytes, bytes.len() - n) {
            break;
        }
    }
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

/// Whether `bytes`, read so far, are already refused whatever follows: they start with a UTF-16 or
/// UTF-32 byte-order mark, or hold a NUL byte (a binary file) at or after `new`.
fn cannot_be_a_document(bytes: &[u8], new: usize) -> bool {
    starts_with_utf16_or_32_bom(bytes) || memchr_nul(&bytes[new..]).is_some()
}

/// Reads an input as a document source.
pub fn read_source(input: &Input, common: &CommonArgs) -> Result<Source, ReadFailure> {
    let name = input.display(common.stdin_filename.as_deref());
    let bytes = read_bytes(input, &name, true).map_err(ReadFailure::Error)?;
    source_from_bytes(input, common, bytes)
}

/// The source of `input` from bytes read elsewhere (the staged copy of a file, for `--staged`):
/// named and decoded as [`read_source`] does.
pub fn source_from_bytes(
    input: &Input,
    common: &CommonArgs,
    bytes: Vec<u8>,
) -> Result<Source, ReadFailure> {
    let name = input.display(common.stdin_filename.as_deref());
    let format = format_for(&name, common.input_format);
    if let Some(offset) = memchr_nul(&bytes).filter(|_| !starts_with_utf16_or_32_bom(&bytes)) {
        let binary = DecodeError::Binary { offset };
        return Err(match input {
            Input::File {
                explicit: false, ..
            } => ReadFailure::Skipped(format!("{name}: skipped: {binary}")),
            _ => ReadFailure::Error(FileError {
                path: name,
                message: binary.to_string(),
            }),
        });
    }
    Source::from_bytes(name.clone(), bytes, format).map_err(|e| {
        ReadFailure::Error(FileError {
            path: name,
            message: e.to_string(),
        })
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn starts_with_utf16_or_32_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[0, 0, 0xFE, 0xFF])
}
