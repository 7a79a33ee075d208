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

/// At most `max` characters of `text` for an error message, control and invisible formatting
/// characters escaped (`\u{1b}`), with `…` where it was cut: a file mtlint was pointed at by
/// mistake (`/proc/self/environ` as a glossary) must not be printed whole.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The names of a header row for an error message: each name and the whole list cut short.
pub fn header_excerpt<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| excerpt(n, 40)).collect();
    excerpt(&names.join(", "), 200)
}

/// An I/O error in words, without Rust's "(os error 13)" suffix.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_escaped() {
        assert_eq!(excerpt("term", 10), "term");
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(excerpt("a\u{1b}[2Jb", 10), "a\\u{1b}[2Jb");
        let environ = "PATH=/usr/bin\0HOME=/root\0SECRET=hunter2".repeat(100);
        let shown = header_excerpt([environ.as_str(), "id"]);
        assert!(
            shown.chars().count() <= 201 && !shown.contains('\0'),
            "{shown}"
        );
    }
}
