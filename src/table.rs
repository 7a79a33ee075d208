//! Table input: translation desks keep segments in spreadsheets.
//!
//! A CSV file follows RFC 4180 (quoted cells may hold commas, quotes and line breaks). A TSV file
//! (`.tsv`, `.tab`) is read without quoting, as IANA's text/tab-separated-values defines it: a cell
//! cannot hold a tab or a line break, and a quotation mark is just a character — which is what MT
//! segments need, since they often begin with one.
//!
//! Rows with the same value in the doc column form one document, in the order the rows appear, so
//! that document-level rules (name consistency) see the whole article. Without a doc column every
//! row is a document of its own.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::text::{InputFormat, Original, Source};

/// Which columns hold what.
#[derive(Debug, Clone, Default)]
pub struct TableOptions {
    pub text_column: String,
    pub doc_column: Option<String>,
    /// The column holding each row's original (source-language) text, for bilingual checks.
    pub source_column: Option<String>,
    /// Read as TSV even if the file name says otherwise (`--table -`).
    pub tsv: Option<bool>,
}

/// The rows of one document of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDoc {
    /// The doc column's value (empty without a doc column).
    pub doc: String,
    /// (1-based data row, text).
    pub rows: Vec<(usize, String)>,
    /// The original text of each row, when the table has a source column.
    pub originals: Option<Vec<String>>,
}

impl TableDoc {
    /// The document as one source whose segments are its rows.
    pub fn source(&self, table_name: &str, format: InputFormat) -> Source {
        let rows: Vec<(usize, &str)> = self.rows.iter().map(|(r, t)| (*r, t.as_str())).collect();
        let source = Source::from_rows(table_name, &rows, format);
        match &self.originals {
            Some(originals) => source.with_original(Original::Segments(originals.clone())),
            None => source,
        }
    }
}

/// Whether a path names a tab-separated table.
pub fn is_tsv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"))
}

/// Reads a table from `bytes` (the contents of `path`) and groups its rows into documents.
pub fn read(path: &Path, bytes: &[u8], options: &TableOptions) -> Result<Vec<TableDoc>> {
    let err = |message: String| Error::Table {
        path: path.to_path_buf(),
        message,
    };
    if let Some(encoding) = crate::text::source::foreign_bom(bytes) {
        return Err(err(crate::error::DecodeError::UnsupportedEncoding {
            encoding,
        }
        .to_string()));
    }
    let tsv = options.tsv.unwrap_or_else(|| is_tsv(path));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .flexible(false)
        .from_reader(bytes);
    let headers = reader
        .byte_headers()
        .map_err(|e| err(format!("cannot read the header row: {e}")))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    let column = |name: &str, option: &str| {
        names.iter().position(|n| n == name).ok_or_else(|| {
            err(format!(
                "{option} `{name}`: no such column; the columns are: {}",
                names.join(", ")
            ))
        })
    };
    let text_col = column(&options.text_column, "--text-column")?;
    let doc_col = options
        .doc_column
        .as_deref()
        .map(|d| column(d, "--doc-column"))
        .transpose()?;
    let source_col = options
        .source_column
        .as_deref()
        .map(|c| column(c, "--source-column"))
        .transpose()?;
    let mut docs: Vec<TableDoc> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, record) in reader.byte_records().enumerate() {
        let row = i + 1;
        let record = record.map_err(|e| err(describe_csv_error(&e, row, names.len())))?;
        let cell = |col: usize, name: &str| -> Result<String> {
            let bytes = record.get(col).unwrap_or_default();
            String::from_utf8(bytes.to_vec()).map_err(|e| {
                err(format!(
                    "row {row}, column `{name}`: not valid UTF-8 at byte {} of the cell",
                    e.utf8_error().valid_up_to()
                ))
            })
        };
        let text = cell(text_col, &options.text_column)?;
        let doc = match doc_col {
            Some(c) => cell(c, options.doc_column.as_deref().unwrap_or_default())?,
            None => format!("row {row}"),
        };
        let original = source_col
            .map(|c| cell(c, options.source_column.as_deref().unwrap_or_default()))
            .transpose()?;
        let slot = *index.entry(doc.clone()).or_insert_with(|| {
            let doc = if doc_col.is_some() {
                doc
            } else {
                String::new()
            };
            docs.push(TableDoc {
                doc,
                rows: Vec::new(),
                originals: source_col.map(|_| Vec::new()),
            });
            docs.len() - 1
        });
        docs[slot].rows.push((row, text));
        if let (Some(originals), Some(original)) = (docs[slot].originals.as_mut(), original) {
            originals.push(original);
        }
    }
    Ok(docs)
}

fn describe_csv_error(e: &csv::Error, row: usize, columns: usize) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { len, pos, .. } => {
            let line = pos
                .as_ref()
                .map_or(String::new(), |p| format!(" (line {})", p.line()));
            let cells = if *len == 1 { "cell" } else { "cells" };
            format!("row {row}{line}: {len} {cells} where the header has {columns}")
        }
        _ => format!("row {row}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(doc: Option<&str>) -> TableOptions {
        TableOptions {
            text_column: "text".into(),
            doc_column: doc.map(String::from),
            source_column: None,
            tsv: None,
        }
    }

    #[test]
    fn groups_rows_by_doc() {
        let data = b"doc\ttext\na\tFirst.\nb\tSecond.\na\tThird.\n";
        let docs = read(Path::new("t.tsv"), data, &opts(Some("doc"))).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].rows,
            [(1, "First.".to_string()), (3, "Third.".to_string())]
        );
    }

    #[test]
    fn tsv_quotes_are_literal() {
        let data = b"text\n\"Quoted,\" he said.\n";
        let docs = read(Path::new("t.tsv"), data, &opts(None)).unwrap();
        assert_eq!(docs[0].rows[0].1, "\"Quoted,\" he said.");
    }

    #[test]
    fn csv_cells_may_hold_newlines() {
        let data = b"id,text\n1,\"Line one.\nLine two.\"\n";
        let docs = read(Path::new("t.csv"), data, &opts(None)).unwrap();
        assert_eq!(docs[0].rows[0].1, "Line one.\nLine two.");
    }

    #[test]
    fn missing_column_lists_the_columns() {
        let err = read(Path::new("t.csv"), b"id,body\n1,x\n", &opts(None))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("--text-column `text`") && err.contains("id, body"),
            "{err}"
        );
    }

    #[test]
    fn ragged_rows_name_the_row() {
        let err = read(Path::new("t.csv"), b"id,text\n1,x\n2,y,z\n", &opts(None))
            .unwrap_err()
            .to_string();
        assert!(err.contains("row 2") && err.contains("3 cells"), "{err}");
    }

    #[test]
    fn source_column_gives_each_row_its_original() {
        let data = "doc\ttext\tsource\na\tFirst.\t第一。\na\tSecond.\t第二。\n";
        let options = TableOptions {
            source_column: Some("source".into()),
            ..opts(Some("doc"))
        };
        let docs = read(Path::new("t.tsv"), data.as_bytes(), &options).unwrap();
        assert_eq!(
            docs[0].originals.as_deref(),
            Some(&["第一。".to_string(), "第二。".to_string()][..])
        );
        let source = docs[0].source("t.tsv", InputFormat::Plain);
        assert!(matches!(source.original(), Some(Original::Segments(s)) if s.len() == 2));
    }

    #[test]
    fn bad_utf8_names_row_and_column() {
        let err = read(Path::new("t.csv"), b"text\nok\nbad\xff\n", &opts(None))
            .unwrap_err()
            .to_string();
        assert!(err.contains("row 2") && err.contains("`text`"), "{err}");
    }
}
