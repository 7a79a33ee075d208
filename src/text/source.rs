//! The original input, kept byte for byte.
//!
//! Every range mtlint reports or edits is a byte range into [`Source::text`], which holds exactly the
//! bytes that were read (a UTF-8 byte-order mark included). Nothing is normalised here: normalised
//! forms are computed on the side, per token, so that they can never shift an offset.

use std::ops::Range;

use crate::error::DecodeError;

/// How the prose in a source is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Everything is prose; paragraphs are separated by blank lines or, in files of long unwrapped
    /// lines, by line breaks.
    Plain,
    /// CommonMark with tables and front matter; code, HTML, link targets and URLs are not prose.
    Markdown,
    /// HTML: the text between tags, outside `script`, `style`, `pre` and `code`.
    Html,
}

impl InputFormat {
    /// Guesses the format from a file name's extension; anything unknown is plain text.
    pub fn from_path(path: &str) -> InputFormat {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd" | "mdx") => InputFormat::Markdown,
            Some("html" | "htm" | "xhtml") => InputFormat::Html,
            _ => InputFormat::Plain,
        }
    }
}

/// One row of a table that became part of a document; files have a single segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range of the row's text inside [`Source::text`].
    pub range: Range<usize>,
    /// 1-based data row in the table (0 for a plain file).
    pub row: usize,
}

/// The text a translation was made from (in the source language), for bilingual checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Original {
    /// One original segment per segment of the translation (table rows), in the same order.
    Segments(Vec<String>),
    /// A whole original document, aligned with the translation paragraph by paragraph.
    Document { name: String, text: String },
}

/// The original text of one document plus what is needed to report positions in it.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    format: InputFormat,
    segments: Vec<Segment>,
    lines: LineIndex,
    original: Option<Original>,
    /// Each segment's id (a table's id column), for the reports.
    row_ids: Option<Vec<String>>,
}

impl Source {
    /// A source from text already known to be valid UTF-8.
    pub fn new(name: impl Into<String>, text: impl Into<String>, format: InputFormat) -> Source {
        let text = text.into();
        let segments = vec![Segment {
            range: 0..text.len(),
            row: 0,
        }];
        let lines = LineIndex::new(&text);
        Source {
            name: name.into(),
            text,
            format,
            segments,
            lines,
            original: None,
            row_ids: None,
        }
    }

    /// The same source with the text it was translated from, for bilingual checks.
    pub fn with_original(mut self, original: Original) -> Source {
        self.original = Some(original);
        self
    }

    /// The source after `edits` (sorted and disjoint, as [`crate::fix::Applied::edits`]) made
    /// `text` of it: the same name, format, original and row ids, and for a table each row
    /// where its text moved. Text inserted at a row's edge belongs to the row; an edit that
    /// reaches over a row's edge belongs to where it starts.
    pub fn edited(&self, text: String, edits: &[crate::fix::Edit]) -> Source {
        let segments = if self.is_table() {
            let moved = Moved::new(edits);
            self.segments
                .iter()
                .map(|s| Segment {
                    range: moved.start(s.range.start)..moved.end(s.range.end),
                    row: s.row,
                })
                .collect()
        } else {
            vec![Segment {
                range: 0..text.len(),
                row: 0,
            }]
        };
        let lines = LineIndex::new(&text);
        Source {
            name: self.name.clone(),
            text,
            format: self.format,
            segments,
            lines,
            original: self.original.clone(),
            row_ids: self.row_ids.clone(),
        }
    }

    /// The same source with an id for each segment (a table's id column).
    pub fn with_row_ids(mut self, ids: Vec<String>) -> Source {
        self.row_ids = Some(ids);
        self
    }

    /// The id of segment `index`, when the table has an id column.
    pub fn row_id(&self, index: usize) -> Option<&str> {
        self.row_ids.as_ref()?.get(index).map(String::as_str)
    }

    /// The text this document was translated from, when it was given.
    pub fn original(&self) -> Option<&Original> {
        self.original.as_ref()
    }

    /// A source from raw bytes: UTF-8 is checked (a byte-order mark is kept as part of the text);
    /// UTF-16 and UTF-32 are recognised by their byte-order mark and refused with a clear error.
    pub fn from_bytes(
        name: impl Into<String>,
        bytes: Vec<u8>,
        format: InputFormat,
    ) -> Result<Source, DecodeError> {
        if let Some(encoding) = foreign_bom(&bytes) {
            return Err(DecodeError::UnsupportedEncoding { encoding });
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::new(name, text, format)),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let bytes = err.as_bytes();
                let bad = &bytes[offset..bytes.len().min(offset + 4)];
                let (line, column) = LineIndex::new_lossy(&bytes[..offset]);
                Err(DecodeError::InvalidUtf8 {
                    offset,
                    line,
                    column,
                    bytes: hex(bad),
                })
            }
        }
    }

    /// A document made of several table rows joined by blank lines, so that paragraphs never cross
    /// a row boundary.
    pub fn from_rows(
        name: impl Into<String>,
        rows: &[(usize, &str)],
        format: InputFormat,
    ) -> Source {
        let mut text = String::with_capacity(rows.iter().map(|(_, t)| t.len() + 2).sum());
        let mut segments = Vec::with_capacity(rows.len());
        for (i, (row, cell)) in rows.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(cell);
            segments.push(Segment {
                range: start..text.len(),
                row: *row,
            });
        }
        let lines = LineIndex::new(&text);
        Source {
            name: name.into(),
            text,
            format,
            segments,
            lines,
            original: None,
            row_ids: None,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The original text, byte for byte.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn format(&self) -> InputFormat {
        self.format
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether this document was assembled from table rows.
    pub fn is_table(&self) -> bool {
        self.segments.first().is_some_and(|s| s.row > 0)
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// Index of the segment holding `offset` (the last one for an offset at the very end).
    pub fn segment_of(&self, offset: usize) -> usize {
        match self
            .segments
            .binary_search_by(|s| s.range.start.cmp(&offset))
        {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// Whether the text starts with a UTF-8 byte-order mark.
    pub fn has_bom(&self) -> bool {
        self.text.starts_with('\u{feff}')
    }
}

/// Where positions of a text go when sorted, disjoint edits are made to it.
struct Moved<'a> {
    edits: &'a [crate::fix::Edit],
    /// How much the edits before each one (and it) grow the text.
    grown: Vec<isize>,
}

impl<'a> Moved<'a> {
    fn new(edits: &'a [crate::fix::Edit]) -> Moved<'a> {
        let grown = edits
            .iter()
            .scan(0isize, |sum, e| {
                *sum += e.replacement.len() as isize - (e.end - e.start) as isize;
                Some(*sum)
            })
            .collect();
        Moved { edits, grown }
    }

    /// The new position of `at` given the edits before the first `n`.
    fn shifted(&self, at: usize, n: usize) -> usize {
        let growth = n.checked_sub(1).map_or(0, |i| self.grown[i]);
        (at as isize + growth) as usize
    }

    /// Where a row that started at `at` starts: text inserted at `at` joins the row.
    fn start(&self, at: usize) -> usize {
        let n = self.edits.partition_point(|e| e.start < at);
        match n.checked_sub(1).map(|i| &self.edits[i]) {
            // An edit reaching over `at` from before belongs to where it starts.
            Some(e) if e.end > at => self.shifted(e.end, n),
            _ => self.shifted(at, n),
        }
    }

    /// Where a row that ended at `at` ends: text inserted at `at` joins the row.
    fn end(&self, at: usize) -> usize {
        let n = self.edits.partition_point(|e| e.start <= at);
        match n.checked_sub(1).map(|i| &self.edits[i]) {
            // An edit from inside the row reaching over its end: the row takes all of it.
            Some(e) if e.end > at => self.shifted(e.end, n),
            _ => self.shifted(at, n),
        }
    }
}

/// The encoding a UTF-16 or UTF-32 byte-order mark at the start of `bytes` announces.
pub(crate) fn foreign_bom(bytes: &[u8]) -> Option<&'static str> {
    // UTF-32 LE must be tested before UTF-16 LE: its mark starts with the UTF-16 LE mark.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        Some("UTF-32LE")
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some("UTF-32BE")
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some("UTF-16LE")
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16BE")
    } else {
        None
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Maps byte offsets to 1-based lines and columns. Lines end at `\n`, `\r\n` or a lone `\r`;
/// columns count Unicode scalar values, and a byte-order mark at the start does not count.
///
/// A column is found by counting characters from the start of its line, which on a 20 MB line
/// would cost megabytes per finding. So the index also keeps a checkpoint every
/// [`CHECKPOINT`] bytes (the number of characters before it): a column then costs at most two
/// short counts, whatever the line's length.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars_before[k]`: characters in the first `k * CHECKPOINT` bytes.
    chars_before: Vec<usize>,
}

/// Distance between character-count checkpoints, in bytes.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut count = 0;
        chars_before.push(0);
        for block in text.as_bytes().chunks(CHECKPOINT) {
            count += block.iter().filter(|&&b| !is_continuation(b)).count();
            chars_before.push(count);
        }
        LineIndex {
            starts: line_starts(text.as_bytes()),
            chars_before,
        }
    }

    /// Line and column of the end of `prefix`, which may be invalid UTF-8 at its end.
    fn new_lossy(prefix: &[u8]) -> (usize, usize) {
        let starts = line_starts(prefix);
        let line_start = *starts.last().unwrap_or(&0);
        let tail = String::from_utf8_lossy(&prefix[line_start..]);
        (starts.len(), tail.chars().count() + 1)
    }

    /// 1-based line and column of `offset` in `text`, which must be the text this index was built
    /// from. An offset inside a character counts as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0).min(offset);
        let mut column = self.chars_between(text, start, offset) + 1;
        if start == 0 && text.starts_with('\u{feff}') && offset >= 3 {
            column -= 1;
        }
        (line, column)
    }

    /// Characters that start in `text[start..end]`.
    fn chars_between(&self, text: &str, start: usize, end: usize) -> usize {
        let count = |from: usize, to: usize| {
            text.as_bytes()[from..to]
                .iter()
                .filter(|&&b| !is_continuation(b))
                .count()
        };
        if end - start <= 2 * CHECKPOINT {
            return count(start, end);
        }
        let upto = |x: usize| match self.chars_before.get(x / CHECKPOINT) {
            Some(&before) => before + count(x / CHECKPOINT * CHECKPOINT, x),
            None => count(0, x),
        };
        upto(end) - upto(start)
    }

    /// Byte range of line `line` (1-based), without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line.clamp(1, self.starts.len()) - 1];
        let mut end = self.starts.get(line).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(text: &str, offset: usize) -> (usize, usize) {
        LineIndex::new(text).line_col(text, offset)
    }

    #[test]
    fn edited_rows_keep_their_text_and_take_insertions_at_their_edges() {
        use crate::fix::Edit;
        let source = Source::from_rows("t", &[(1, "ab"), (2, "cd"), (5, "ef")], InputFormat::Plain)
            .with_row_ids(vec!["x".into(), "y".into(), "z".into()]);
        // "ab\n\ncd\n\nef": insert at the end of row 1 and the start of row 2, replace in row 3.
        let edits = [
            Edit::insert(2, "!"),
            Edit::insert(4, "¿"),
            Edit::replace(8..9, "EE"),
        ];
        let text = crate::fix::splice(source.text(), &edits);
        let edited = source.edited(text.clone(), &edits);
        let rows: Vec<(usize, &str)> = edited
            .segments()
            .iter()
            .map(|s| (s.row, &text[s.range.clone()]))
            .collect();
        assert_eq!(rows, [(1, "ab!"), (2, "¿cd"), (5, "EEf")]);
        assert_eq!(edited.row_id(2), Some("z"));
        // An edit over the blank line between rows belongs to the row it starts in.
        let edits = [Edit::replace(1..5, "-")];
        let text = crate::fix::splice(source.text(), &edits);
        let edited = source.edited(text.clone(), &edits);
        let rows: Vec<&str> = edited
            .segments()
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(rows, ["a-", "d", "ef"]);
        // A file stays one segment.
        let file = Source::new("f", "abc", InputFormat::Plain);
        let edited = file.edited("abcd".into(), &[Edit::insert(3, "d")]);
        assert_eq!(edited.segments()[0].range, 0..4);
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        assert_eq!(lc(text, 0), (1, 1));
        assert_eq!(lc(text, 2), (2, 1));
        assert_eq!(lc(text, 5), (3, 1));
        assert_eq!(lc(text, 7), (4, 1));
        assert_eq!(LineIndex::new(text).line_count(), 4);
    }

    #[test]
    fn columns_count_scalar_values() {
        let text = "“Liang” said";
        let offset = text.find("said").unwrap();
        assert_eq!(lc(text, offset), (1, 9));
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}Hello";
        assert_eq!(lc(text, 3), (1, 1));
        assert_eq!(lc(text, 4), (1, 2));
    }

    #[test]
    fn columns_on_a_very_long_line_use_checkpoints() {
        let text = format!("é{}x\n{}y", "a“".repeat(5000), "b".repeat(3 * CHECKPOINT));
        for (offset, _) in text.char_indices().step_by(997) {
            let line_start = text[..offset].rfind('\n').map_or(0, |p| p + 1);
            let expected = text[line_start..offset].chars().count() + 1;
            assert_eq!(lc(&text, offset).1, expected, "offset {offset}");
        }
        let end = text.len();
        assert_eq!(lc(&text, end), (2, 3 * CHECKPOINT + 2));
    }

    #[test]
    fn line_range_drops_terminators() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 1)], "one");
        assert_eq!(&text[index.line_range(text, 2)], "two");
        assert_eq!(&text[index.line_range(text, 3)], "three");
    }

    #[test]
    fn invalid_utf8_names_offset_line_and_column() {
        let err =
            Source::from_bytes("x.txt", b"ok\nab\xFFcd".to_vec(), InputFormat::Plain).unwrap_err();
        match err {
            DecodeError::InvalidUtf8 {
                offset,
                line,
                column,
                ..
            } => assert_eq!((offset, line, column), (5, 2, 3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn utf16_is_refused_by_name() {
        let err =
            Source::from_bytes("x.txt", vec![0xFF, 0xFE, b'a', 0], InputFormat::Plain).unwrap_err();
        assert!(err.to_string().contains("UTF-16LE"), "{err}");
    }

    #[test]
    fn rows_are_segments_separated_by_blank_lines() {
        let source = Source::from_rows("t", &[(1, "First."), (3, "Third.")], InputFormat::Plain);
        assert_eq!(source.text(), "First.\n\nThird.");
        assert_eq!(
            source.segments()[1],
            Segment {
                range: 8..14,
                row: 3
            }
        );
        assert_eq!(source.segment_of(9), 1);
        assert_eq!(source.segment_of(2), 0);
        assert!(source.is_table());
    }
}
