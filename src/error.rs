//! Errors the library reports. Each names what is wrong precisely enough that a user can fix the
//! input without reading mtlint's code: the file, the byte offset or line, the key or column.

use std::path::PathBuf;

use thiserror::Error;

/// The bytes of a file are not text mtlint can check.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    #[error(
        "not valid UTF-8: invalid byte sequence {bytes} at byte offset {offset} (line {line}, column {column})"
    )]
    InvalidUtf8 {
        offset: usize,
        line: usize,
        column: usize,
        bytes: String,
    },
    #[error(
        "the file is encoded as {encoding} (it starts with a byte-order mark); convert it to UTF-8, for example with `iconv -f {encoding} -t UTF-8`"
    )]
    UnsupportedEncoding { encoding: &'static str },
    #[error("looks like a binary file (NUL byte at byte offset {offset}), not text")]
    Binary { offset: usize },
}

/// Everything that can go wrong while reading input, configuration or writing fixes.
#[derive(Debug, Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Decode { path: PathBuf, source: DecodeError },
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Table { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Fix { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
