//! Glossary files: the termbases translation desks keep, as CSV or TSV.
//!
//! ```text
//! term,type,aliases,note,source
//! Liang Wenfeng,person,Liang Wen-feng,founder of DeepSeek,梁文锋|梁文鋒
//! DeepSeek,organisation,,"never ""Deepseek""",深度求索
//! Hangzhou,place,,,杭州
//! ```
//!
//! The header row names the columns, in any order and any case; only `term` is required, other
//! columns (`type`, `aliases`, `note`, `source`, and whatever else a termbase export carries) are
//! optional. Aliases and source forms are separated by `|` or `;`. A `.tsv` or `.tab` file is
//! tab-separated without quoting; anything else is CSV (RFC 4180). Lines starting with `#` are
//! comments.
//!
//! Every term and alias is canonical for the name and entity rules: the engine never reports a
//! name or entity finding whose text is exactly a glossary spelling, and rules can ask
//! [`crate::config::Glossary::canonical`] for the term an alias stands for. The spelling must match
//! exactly: "Deepseek" is still a casing variant of "DeepSeek".
//!
//! The `source` column gives the term in the original language, as a termbase pairs a source term
//! with its required translation. In bilingual mode, B009 reports a segment whose original has the
//! source term and whose translation has neither the term nor an alias. A term written in both
//! Simplified and Traditional characters is given in both forms (`梁文锋|梁文鋒`).

use std::path::Path;

use crate::error::{Error, Result};

/// One row of a glossary file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GlossaryEntry {
    /// The canonical spelling.
    pub term: String,
    /// What it is (`person`, `organisation`, `place`, `term`, …), as the file says; empty if not given.
    pub kind: String,
    /// Other accepted spellings of the same thing.
    pub aliases: Vec<String>,
    /// A note for editors.
    pub note: String,
    /// The term in the original language (its forms, when it has several), for bilingual checks.
    pub source: Vec<String>,
}

impl GlossaryEntry {
    /// A bare term, as `[glossary] names` gives them.
    pub fn term(term: impl Into<String>) -> GlossaryEntry {
        GlossaryEntry {
            term: term.into(),
            ..GlossaryEntry::default()
        }
    }

    /// The term and its aliases.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Reads a glossary file.
pub fn read_file(path: &Path) -> Result<Vec<GlossaryEntry>> {
    let bytes = crate::cli::inputs::read_capped(path).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        message: format!(
            "cannot read this glossary file: {}",
            crate::cli::inputs::io_message(&e)
        ),
    })?;
    parse(&bytes, is_tsv(path)).map_err(|message| Error::Config {
        path: path.to_path_buf(),
        message,
    })
}

fn is_tsv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"))
}

/// Parses the contents of a glossary file; errors name the row or the missing column.
pub fn parse(bytes: &[u8], tsv: bool) -> std::result::Result<Vec<GlossaryEntry>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !tsv {
        // A quotation mark left open would make every later term part of one cell.
        if let Some(open) = crate::table::unclosed_quote(bytes, b',', Some(b'#')) {
            return Err(open.message());
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the header row: {e}"))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let term = column("term").ok_or_else(|| {
        format!(
            "no `term` column in the header row (columns: {})",
            crate::error::header_excerpt(headers.iter())
        )
    })?;
    let (kind, aliases, note) = (column("type"), column("aliases"), column("note"));
    let source = column("source");
    let mut entries = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", i + 1))?;
        let cell = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(str::trim)
                .unwrap_or("")
                .to_string()
        };
        let term = cell(Some(term));
        if term.is_empty() {
            continue;
        }
        let aliases = list(&cell(aliases))
            .filter(|a| *a != term)
            .map(String::from)
            .collect();
        entries.push(GlossaryEntry {
            term,
            kind: cell(kind),
            aliases,
            note: cell(note),
            source: list(&cell(source)).map(String::from).collect(),
        });
    }
    Ok(entries)
}

/// The non-empty items of a `|`- or `;`-separated cell.
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(['|', ';'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_with_all_columns() {
        let text = "# house glossary\nTerm\tType\tAliases\tNote\nLiang Wenfeng\tperson\tLiang Wen-feng | Wenfeng Liang\tfounder\nDeepSeek\torganisation\t\t\n\t\t\t\n";
        let entries = parse(text.as_bytes(), true).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].term, "Liang Wenfeng");
        assert_eq!(entries[0].kind, "person");
        assert_eq!(entries[0].aliases, ["Liang Wen-feng", "Wenfeng Liang"]);
        assert_eq!(entries[0].note, "founder");
        assert!(entries[1].aliases.is_empty());
        assert!(entries[0].source.is_empty());
    }

    #[test]
    fn source_forms_are_read() {
        let text = "term,source\nTsinghua University,清华大学 | 清華大學\nHangzhou,\n";
        let entries = parse(text.as_bytes(), false).unwrap();
        assert_eq!(entries[0].source, ["清华大学", "清華大學"]);
        assert!(entries[1].source.is_empty());
    }

    #[test]
    fn csv_with_term_only_and_extra_columns() {
        let text = "\u{feff}id,term,domain\n1,\"Zhejiang University\",edu\n2,Hangzhou,geo\n";
        let entries = parse(text.as_bytes(), false).unwrap();
        assert_eq!(
            entries.iter().map(|e| e.term.as_str()).collect::<Vec<_>>(),
            ["Zhejiang University", "Hangzhou"]
        );
    }

    #[test]
    fn missing_term_column_names_the_columns() {
        let err = parse(b"name,type\nx,y\n", false).unwrap_err();
        assert!(err.contains("term") && err.contains("name, type"), "{err}");
    }

    #[test]
    fn tsv_cells_may_start_with_quotes() {
        let entries = parse("term\n\"Belt and Road\" Initiative\n".as_bytes(), true).unwrap();
        assert_eq!(entries[0].term, "\"Belt and Road\" Initiative");
    }

    #[test]
    fn an_unclosed_quote_is_an_error_not_a_swallowed_glossary() {
        let text = "term,note\nDeepSeek,\"never Deepseek\nTsinghua University,\nHangzhou,\n";
        let err = parse(text.as_bytes(), false).unwrap_err();
        assert!(err.contains("row 1 (line 2)"), "{err}");
    }

    #[test]
    fn a_missing_term_column_shows_a_short_escaped_header() {
        let environ = "PATH=/usr/bin\0SECRET=hunter2\u{1b}]0;x\u{7}".repeat(200);
        let err = parse(environ.as_bytes(), false).unwrap_err();
        assert!(err.chars().count() < 300, "{err}");
        assert!(!err.contains('\0') && !err.contains('\u{1b}'), "{err}");
    }
}
