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
use std::ops::Range;
use std::path::Path;

use crate::error::{Error, Result, excerpt, header_excerpt};
use crate::text::{InputFormat, Original, Source};

/// Which columns hold what.
#[derive(Debug, Clone, Default)]
pub struct TableOptions {
    pub text_column: String,
    pub doc_column: Option<String>,
    /// The column holding each row's original (source-language) text, for bilingual checks.
    pub source_column: Option<String>,
    /// The column holding each row's own id, for the reports.
    pub id_column: Option<String>,
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
    /// Each row's id, when the table has an id column.
    pub ids: Option<Vec<String>>,
}

impl TableDoc {
    /// The document as one source whose segments are its rows.
    pub fn source(&self, table_name: &str, format: InputFormat) -> Source {
        let rows: Vec<(usize, &str)> = self.rows.iter().map(|(r, t)| (*r, t.as_str())).collect();
        let mut source = Source::from_rows(table_name, &rows, format);
        if let Some(ids) = &self.ids {
            source = source.with_row_ids(ids.clone());
        }
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
    if !tsv {
        if let Some(open) = unclosed_quote(bytes, b',', None) {
            return Err(err(open.message()));
        }
    }
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
        let mut found = names.iter().enumerate().filter(|(_, n)| *n == name);
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Ok(i),
            (Some((i, _)), Some((j, _))) => Err(err(format!(
                "{option} `{}`: the header names columns {} and {} so; rename one, so that \
                 it is clear which holds what",
                excerpt(name, 40),
                i + 1,
                j + 1
            ))),
            (None, _) => Err(err(format!(
                "{option} `{}`: no such column; the columns are: {}",
                excerpt(name, 40),
                header_excerpt(names.iter().map(String::as_str))
            ))),
        }
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
    let id_col = options
        .id_column
        .as_deref()
        .map(|c| column(c, "--id-column"))
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
        let id = id_col
            .map(|c| cell(c, options.id_column.as_deref().unwrap_or_default()))
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
                ids: id_col.map(|_| Vec::new()),
            });
            docs.len() - 1
        });
        docs[slot].rows.push((row, text));
        if let (Some(originals), Some(original)) = (docs[slot].originals.as_mut(), original) {
            originals.push(original);
        }
        if let (Some(ids), Some(id)) = (docs[slot].ids.as_mut(), id) {
            ids.push(id);
        }
    }
    Ok(docs)
}

/// The position of the column named `name` in the header of a table, as [`read`] finds it.
pub fn column_position(bytes: &[u8], tsv: bool, name: &str) -> Option<usize> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .from_reader(bytes);
    let header = reader.byte_headers().ok()?;
    header
        .iter()
        .position(|cell| String::from_utf8_lossy(cell).trim() == name)
}

/// Where each record's cells lie in the raw bytes of a table, as the reader in [`read`] splits
/// them: a CSV cell's span includes its quotation marks; blank lines are no records; a
/// byte-order mark is skipped. The header is the first record.
pub(crate) fn cell_spans(bytes: &[u8], tsv: bool) -> Vec<Vec<Range<usize>>> {
    let mut records = Vec::new();
    let mut cells: Vec<Range<usize>> = Vec::new();
    let mut i = usize::from(bytes.starts_with(b"\xEF\xBB\xBF")) * 3;
    let mut start = i;
    let (mut quoted, mut closed) = (false, false);
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            // Inside a quoted cell: a doubled mark is text, a single one closes the quotation.
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => (quoted, closed) = (false, true),
                _ => {}
            }
        } else if !tsv && b == b'"' && i == start && !closed {
            quoted = true;
        } else if b == if tsv { b'\t' } else { b',' } {
            cells.push(start..i);
            start = i + 1;
            closed = false;
        } else if matches!(b, b'\n' | b'\r') {
            if !cells.is_empty() || i > start {
                cells.push(start..i);
                records.push(std::mem::take(&mut cells));
            }
            start = i + 1;
            closed = false;
        }
        i += 1;
    }
    if !cells.is_empty() || start < bytes.len() {
        cells.push(start..bytes.len());
        records.push(cells);
    }
    records
}

/// A cell's raw byte range in a table and the bytes that replace it.
pub type CellEdit = (Range<usize>, Vec<u8>);

/// The table `bytes` with the text cell (column `column`) of some data rows replaced, every other
/// byte kept: `texts` gives (1-based data row, its text as read, its new text); a cell whose text
/// is unchanged is left as it is. A CSV cell is quoted when it was, or when its new text needs it. Returns the new bytes and the edits made.
pub fn rewrite(
    bytes: &[u8],
    tsv: bool,
    column: usize,
    texts: &[(usize, &str, &str)],
) -> std::result::Result<(Vec<u8>, Vec<CellEdit>), String> {
    let records = cell_spans(bytes, tsv);
    let mut edits = Vec::with_capacity(texts.len());
    for &(row, old, new) in texts.iter().filter(|(_, old, new)| old != new) {
        let span = records
            .get(row)
            .and_then(|cells| cells.get(column))
            .cloned()
            .ok_or_else(|| format!("row {row}: cannot find its text cell"))?;
        let raw = &bytes[span.clone()];
        let was_quoted = !tsv && raw.starts_with(b"\"");
        if unquoted(raw, was_quoted) != old.as_bytes() {
            return Err(format!("row {row}: cannot find its text cell"));
        }
        if tsv && new.contains(['\t', '\n', '\r']) {
            return Err(format!(
                "row {row}: the fixed text holds a tab or a line break, which a TSV cell cannot hold"
            ));
        }
        let quote = was_quoted || (!tsv && new.contains([',', '"', '\n', '\r']));
        let cell = if quote {
            format!("\"{}\"", new.replace('"', "\"\"")).into_bytes()
        } else {
            new.as_bytes().to_vec()
        };
        edits.push((span, cell));
    }
    edits.sort_by_key(|(span, _)| span.start);
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    for (span, cell) in &edits {
        out.extend_from_slice(&bytes[at..span.start]);
        out.extend_from_slice(cell);
        at = span.end;
    }
    out.extend_from_slice(&bytes[at..]);
    Ok((out, edits))
}

/// A cell's text from its raw bytes, as the csv reader reads it: without its quotation marks,
/// doubled marks made single, and after the mark that closes the quotation every byte as it is
/// (`"a"b ""c"` reads `ab ""c"`: a malformed cell the reader accepts).
fn unquoted(raw: &[u8], quoted: bool) -> Vec<u8> {
    if !quoted {
        return raw.to_vec();
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 1;
    while i < raw.len() {
        match raw[i] {
            b'"' if raw.get(i + 1) == Some(&b'"') => {
                out.push(b'"');
                i += 2;
                continue;
            }
            b'"' => {
                out.extend_from_slice(&raw[i + 1..]);
                break;
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// A quoted cell that is never closed: where it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnclosedQuote {
    /// 0 for the header row, else the 1-based data row.
    pub row: usize,
    /// 1-based line of the file.
    pub line: usize,
}

impl UnclosedQuote {
    pub(crate) fn message(&self) -> String {
        let row = match self.row {
            0 => "the header row".to_string(),
            n => format!("row {n}"),
        };
        format!(
            "{row} (line {}): a quoted cell opens and is never closed, so the rest of the file \
             would be read as that one cell; close the quotation mark, or double it (\"\") \
             where it is part of the text",
            self.line
        )
    }
}

/// The first quoted cell of an RFC 4180 file that is never closed. The csv crate reads such a
/// cell to the end of the file without a word, turning every later row into its text; this
/// follows the same reading (a quotation mark opens a quoted cell only at the cell's start, a
/// doubled one inside it is a literal mark) to find the cell. Lines starting with `comment` are
/// skipped, as the reader skips them.
pub(crate) fn unclosed_quote(
    bytes: &[u8],
    delimiter: u8,
    comment: Option<u8>,
) -> Option<UnclosedQuote> {
    let (mut row, mut line) = (0usize, 1usize);
    let (mut at_cell_start, mut at_row_start) = (true, true);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if at_row_start && comment == Some(b) {
            let end = bytes[i..].iter().position(|&c| c == b'\n');
            line += 1;
            i = end.map_or(bytes.len(), |e| i + e + 1);
            continue;
        }
        if at_cell_start && b == b'"' {
            let opened = UnclosedQuote { row, line };
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return Some(opened),
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        line += usize::from(c == b'\n');
                        i += 1;
                    }
                }
            }
            at_cell_start = false;
            at_row_start = false;
            continue;
        }
        match b {
            b'\n' | b'\r' => {
                line += usize::from(b == b'\n');
                // A blank line is no row: the reader skips it.
                if !at_row_start {
                    row += 1;
                }
                at_cell_start = true;
                at_row_start = true;
            }
            _ if b == delimiter => {
                at_cell_start = true;
                at_row_start = false;
            }
            _ => {
                at_cell_start = false;
                at_row_start = false;
            }
        }
        i += 1;
    }
    None
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
            id_column: None,
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

    #[test]
    fn an_unclosed_quote_is_an_error_naming_its_row_and_line() {
        let data = b"id,text\n1,Fine.\n2,\"He said \"\"no\"\", then\n3,More.\n4,Last.\n";
        let err = read(Path::new("t.csv"), data, &opts(None))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("row 2 (line 3)") && err.contains("never closed"),
            "{err}"
        );
        // Quotation marks that are text: doubled inside a quoted cell, or not at a cell's start.
        let fine = b"id,text\n1,\"He said \"\"no.\"\"\"\n2,5'11\" tall\n";
        let docs = read(Path::new("t.csv"), fine, &opts(None)).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            unclosed_quote(b"# \"comment\nterm\n\"x\n", b',', Some(b'#')),
            Some(UnclosedQuote { row: 1, line: 3 })
        );
    }

    #[test]
    fn cell_spans_split_as_the_reader_does() {
        let data = "\u{feff}id,text\r\n1,\"a, \"\"b\"\"\nc\"\r\n\r\n2,\"x\"y,\n";
        let spans = cell_spans(data.as_bytes(), false);
        let cells: Vec<Vec<&str>> = spans
            .iter()
            .map(|r| r.iter().map(|s| &data[s.clone()]).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec!["id", "text"],
                vec!["1", "\"a, \"\"b\"\"\nc\""],
                vec!["2", "\"x\"y", ""]
            ]
        );
        let tsv = "text\tn\n\"open\tx\r";
        let cells: Vec<Vec<&str>> = cell_spans(tsv.as_bytes(), true)
            .iter()
            .map(|r| r.iter().map(|s| &tsv[s.clone()]).collect())
            .collect();
        assert_eq!(cells, [vec!["text", "n"], vec!["\"open", "x"]]);
    }

    #[test]
    fn rewrite_changes_only_the_text_cells_it_is_given() {
        let data = b"id,text,note\r\n1,\"He said \"\"hi\"\"\",\"a,b\"\r\n2,plain,x\r\n3,same,y";
        let (out, edits) = rewrite(
            data,
            false,
            1,
            &[
                (1, "He said \"hi\"", "He said \"hello\""),
                (3, "same", "now, quoted"),
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,text,note\r\n1,\"He said \"\"hello\"\"\",\"a,b\"\r\n2,plain,x\r\n3,\"now, quoted\",y"
        );
        assert_eq!(edits.len(), 2);
        // A text that is not what the cell holds (the file changed, or the cell was misread)
        // writes nothing; so does a TSV cell that would need a tab or a line break.
        assert!(rewrite(data, false, 1, &[(2, "other", "x")]).is_err());
        // A malformed cell is read as the csv reader reads it, and rewritten quoted.
        let odd = b"text\n\",\"a \"\"b\"\" c\"\n";
        let (out, _) = rewrite(odd, false, 0, &[(1, ",a \"\"b\"\" c\"", "fixed")]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "text\n\"fixed\"\n");
        let tsv = b"text\nOne.\n";
        assert!(rewrite(tsv, true, 0, &[(1, "One.", "One.\nTwo.")]).is_err());
        let (out, _) = rewrite(tsv, true, 0, &[(1, "One.", "\"One.\"")]).unwrap();
        assert_eq!(out, b"text\n\"One.\"\n");
    }

    #[test]
    fn a_column_named_twice_is_an_error() {
        let err = read(Path::new("t.csv"), b"text,text\na,b\n", &opts(None))
            .unwrap_err()
            .to_string();
        assert!(err.contains("columns 1 and 2"), "{err}");
        // A column that is not used may be named twice.
        assert!(read(Path::new("t.csv"), b"id,id,text\n1,2,a\n", &opts(None)).is_ok());
    }

    #[test]
    fn error_messages_show_only_an_excerpt_of_the_header() {
        let header = format!("{}\u{1b}[2J,other\n", "SECRET=x".repeat(500));
        let err = read(Path::new("t.csv"), header.as_bytes(), &opts(None))
            .unwrap_err()
            .to_string();
        assert!(
            err.chars().count() < 400 && !err.contains('\u{1b}'),
            "{err}"
        );
    }
}
