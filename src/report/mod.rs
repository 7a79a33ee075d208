//! Report formats. Each format is one file with one `write` function over a [`RunResult`].
//!
//! Positions are computed here and only here: findings carry byte ranges into the document's text,
//! and [`locate`] turns them into the row, row-relative offsets, lines and columns a format prints.

pub mod csv;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};
use std::ops::Range;

use crate::Report;
use crate::diagnostic::Finding;
use crate::text::Source;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// For people, like a compiler's messages.
    Human,
    /// The `mtlint-report/1` contract for programs.
    Json,
    /// One row per finding, for spreadsheets.
    Csv,
    /// CSV for Excel: a byte-order mark, CRLF rows, and score, category, fix, doc and id columns.
    CsvExcel,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// One self-contained HTML page for editors.
    Html,
}

/// One checked document and what was found in it.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub source: Source,
    pub report: Report,
    /// The doc column's value, for table input.
    pub doc_id: Option<String>,
}

/// Everything checked in one input file (one document, or the documents of a table).
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: String,
    pub docs: Vec<DocResult>,
    /// Whether the file is a table: its report has per-row scores (`segments`), even when it has
    /// no rows.
    pub table: bool,
}

impl FileResult {
    pub fn words(&self) -> usize {
        self.docs.iter().map(|d| d.report.words).sum()
    }

    /// The file's score: for a table, the score of all its rows taken together.
    pub fn score(&self) -> f64 {
        if self.docs.len() == 1 {
            return self.docs[0].report.score;
        }
        crate::score::from_penalty(self.findings_cost() + self.fluency_cost(), self.words())
    }

    /// What the findings of all documents cost the score.
    pub fn findings_cost(&self) -> f64 {
        self.docs.iter().map(|d| d.report.findings_cost()).sum()
    }

    /// What the sentences that read as garbled cost the score, over all documents.
    pub fn fluency_cost(&self) -> f64 {
        self.docs.iter().map(|d| d.report.fluency_cost()).sum()
    }

    pub fn finding_count(&self) -> usize {
        self.docs.iter().map(|d| d.report.findings.len()).sum()
    }

    /// Every finding with its document, in row and position order.
    pub fn findings(&self) -> Vec<(&DocResult, &Finding)> {
        let mut all: Vec<(&DocResult, &Finding)> = self
            .docs
            .iter()
            .flat_map(|d| d.report.findings.iter().map(move |f| (d, f)))
            .collect();
        if self.docs.len() > 1 {
            all.sort_by_key(|(d, f)| {
                (
                    d.source.segments()[d.source.segment_of(f.range.start)].row,
                    f.range.start,
                )
            });
        }
        all
    }

    pub fn is_table(&self) -> bool {
        self.table
    }
}

/// The note that a document's findings were cut at the cap.
pub fn omitted_note(name: &str, omitted: &crate::Omitted) -> String {
    format!(
        "{name}: {} more finding{} not reported (at most {} are reported per document; the \
         score counts them all; --max-findings or max-findings in mtlint.toml sets the cap, 0 \
         for none)",
        omitted.count,
        if omitted.count == 1 { "" } else { "s" },
        omitted.cap
    )
}

impl FileResult {
    /// The findings counted but not reported, over the file's documents.
    pub fn omitted(&self) -> usize {
        self.docs.iter().map(|d| d.report.omitted.count).sum()
    }

    /// The cap on findings per document, when a document of the file reached it.
    pub fn cap(&self) -> Option<usize> {
        self.docs
            .iter()
            .find(|d| d.report.omitted.count > 0)
            .map(|d| d.report.omitted.cap)
    }
}

/// A file that could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

/// The outcome of a whole run.
#[derive(Debug, Clone, Default)]
pub struct RunResult {
    pub files: Vec<FileResult>,
    pub errors: Vec<FileError>,
}

impl RunResult {
    pub fn finding_count(&self) -> usize {
        self.files.iter().map(FileResult::finding_count).sum()
    }

    /// Findings counted but not reported, past the cap per document.
    pub fn omitted(&self) -> usize {
        self.files.iter().map(FileResult::omitted).sum()
    }
}

/// A position in the text the user sees: the file, or for table input the row's cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// 1-based table row, for table input.
    pub row: Option<usize>,
    /// Byte offsets, relative to the row's text for table input.
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    /// Exclusive: the column just after the range.
    pub end_column: usize,
}

/// Where a byte range of a document is, for reporting.
pub fn locate(source: &Source, range: Range<usize>) -> Position {
    let segment = &source.segments()[source.segment_of(range.start)];
    if source.is_table() {
        // A row starts a line of the document (rows are joined by blank lines), so its lines and
        // columns come from the document's index: building an index of the row per finding
        // would make a long row with many findings quadratic.
        let text = source.text();
        let base = segment.range.start;
        // Clamped to the row, so that a range reaching into the blank lines between rows still
        // slices the row's text.
        let start = range.start.min(segment.range.end);
        let end = range.end.min(segment.range.end).max(start);
        let (first_line, _) = source.lines().line_col(text, base);
        let (line, column) = source.lines().line_col(text, start);
        let (end_line, end_column) = source.lines().line_col(text, end);
        Position {
            row: Some(segment.row),
            start: start - base,
            end: end - base,
            line: line + 1 - first_line,
            column,
            end_line: end_line + 1 - first_line,
            end_column,
        }
    } else {
        let text = source.text();
        let (line, column) = source.lines().line_col(text, range.start);
        let (end_line, end_column) = source.lines().line_col(text, range.end);
        Position {
            row: None,
            start: range.start,
            end: range.end,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// The text of the row (table input) or the whole file that a position's offsets are relative to.
pub fn base_text<'a>(source: &'a Source, range: &Range<usize>) -> &'a str {
    if source.is_table() {
        &source.text()[source.segments()[source.segment_of(range.start)]
            .range
            .clone()]
    } else {
        source.text()
    }
}

/// The people and organisations of a document written more than one way, for the HTML report:
/// each with its canonical form and every spelling found. (The report has no settings, so the
/// canonical forms are the document's own, without the user's glossary.)
fn name_clusters(doc: &DocResult) -> Vec<html::NameCluster> {
    use crate::names::{Kind, NameAnalysis};
    let document = crate::text::Document::new(&doc.source);
    let names = NameAnalysis::new(&document, &[]);
    let text = doc.source.text();
    let mut out = Vec::new();
    for cluster in &names.clusters {
        if !matches!(cluster.kind, Kind::Person | Kind::Organisation) {
            continue;
        }
        let mut variants: Vec<(String, usize)> = Vec::new();
        for &m in &cluster.mentions {
            let Some(written) = text.get(names.mentions[m].range.clone()) else {
                continue;
            };
            match variants.iter_mut().find(|(v, _)| v == written) {
                Some((_, n)) => *n += 1,
                None => variants.push((written.to_string(), 1)),
            }
        }
        if variants.len() > 1 {
            out.push(html::NameCluster {
                canonical: cluster.canonical.clone(),
                variants,
            });
        }
    }
    out
}

/// The original text aligned with the segment or paragraph where a finding lies, in a bilingual
/// run: what the formats show beside the finding. `None` in a monolingual run.
pub fn original<'a>(doc: &'a DocResult, finding: &Finding) -> Option<&'a str> {
    doc.report
        .originals
        .original_at(&doc.source, finding.range.start)
}

/// A finding's related locations (where a name was spelled otherwise, where a quotation should
/// close) in words, one each: `label: line:column “text”`, the line counted in the row for table
/// input. The human, CSV and HTML reports show these; JSON and SARIF give them as locations.
pub fn related_notes(source: &Source, finding: &Finding) -> Vec<String> {
    finding
        .related
        .iter()
        .map(|r| {
            let p = locate(source, r.range.clone());
            let base = base_text(source, &r.range);
            let text = &base[p.start..p.end];
            if text.is_empty() {
                format!("{}: {}:{}", r.label, p.line, p.column)
            } else {
                format!("{}: {}:{} “{text}”", r.label, p.line, p.column)
            }
        })
        .collect()
}

/// Rounds a confidence for output (f32 prints with noise digits otherwise).
pub fn rounded(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// Writes the run in `format`.
pub fn write(
    format: Format,
    run: &RunResult,
    out: &mut dyn Write,
    options: &human::HumanOptions,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(run, out, options),
        Format::Json => json::write(run, out),
        Format::Csv => csv::write(run, out),
        Format::CsvExcel => csv::write_excel(run, out),
        Format::Sarif => sarif::write(run, out),
        Format::Github => github::write(run, out),
        Format::Html => html::write(
            run,
            out,
            &html::HtmlOptions {
                clusters: name_clusters,
            },
        ),
    }
}

/// The sentence around a range, on one line, at most `max` characters, for spreadsheet context.
pub fn context(source: &Source, range: &Range<usize>, max: usize) -> String {
    let text = source.text();
    // The line is searched for only within a window around the range, so that a 20 MB line
    // costs a few kilobytes per finding, not the whole line.
    let reach = max * 8;
    let (start, end) = line_bounds(text, range.clone(), reach);
    let line = &text[start..end];
    if line.chars().count() <= max {
        return line.to_string();
    }
    let focus = text[start..range.start.clamp(start, end)].chars().count();
    let skip = focus.saturating_sub(max / 3);
    let snippet: String = line.chars().skip(skip).take(max).collect();
    let cut_before = skip > 0 || !at_line_start(text, start);
    let cut_after = skip + max < line.chars().count() || !at_line_end(text, end);
    format!(
        "{}{}{}",
        if cut_before { "…" } else { "" },
        snippet,
        if cut_after { "…" } else { "" }
    )
}

/// The start and end of the line around `range`, each looked for at most `reach` bytes away from
/// the range (and then cut at a character boundary).
pub fn line_bounds(text: &str, range: Range<usize>, reach: usize) -> (usize, usize) {
    let from = floor_boundary(text, range.start.saturating_sub(reach));
    let start = text[from..range.start]
        .rfind(['\n', '\r'])
        .map_or(from, |p| from + p + 1);
    let to = floor_boundary(text, range.end.saturating_add(reach).min(text.len())).max(range.end);
    let end = text[range.end..to]
        .find(['\n', '\r'])
        .map_or(to, |p| range.end + p);
    (start, end)
}

pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(crate) fn at_line_start(text: &str, at: usize) -> bool {
    at == 0 || matches!(text.as_bytes()[at - 1], b'\n' | b'\r')
}

pub(crate) fn at_line_end(text: &str, at: usize) -> bool {
    at == text.len() || matches!(text.as_bytes()[at], b'\n' | b'\r')
}

/// One file checked with the default settings, as the CLI builds its result: the run the
/// formats' tests write.
#[cfg(test)]
pub(crate) fn checked_run(source: crate::text::Source) -> RunResult {
    let report = crate::Linter::new(crate::Settings::default()).check(&source);
    let path = source.name().to_string();
    RunResult {
        files: vec![FileResult {
            table: source.is_table(),
            path,
            docs: vec![DocResult {
                source,
                report,
                doc_id: None,
            }],
        }],
        errors: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::InputFormat;

    #[test]
    fn locate_in_a_file() {
        let source = Source::new("t", "One line.\nThe “Leann” case.", InputFormat::Plain);
        let start = source.text().find("Leann").unwrap();
        let p = locate(&source, start..start + 5);
        assert_eq!(
            (p.line, p.column, p.end_line, p.end_column, p.row),
            (2, 6, 2, 11, None)
        );
    }

    #[test]
    fn locate_in_a_table_row() {
        let source = Source::from_rows(
            "t",
            &[(4, "First row."), (9, "Second\nrow here.")],
            InputFormat::Plain,
        );
        let start = source.text().find("here").unwrap();
        let p = locate(&source, start..start + 4);
        assert_eq!(p.row, Some(9));
        assert_eq!((p.start, p.end, p.line, p.column), (11, 15, 2, 5));
        assert_eq!(
            &base_text(&source, &(start..start + 4))[p.start..p.end],
            "here"
        );
    }

    #[test]
    fn context_is_trimmed_around_the_range() {
        let long = format!("{} target {}", "a ".repeat(200), "b ".repeat(200));
        let source = Source::new("t", long.clone(), InputFormat::Plain);
        let start = long.find("target").unwrap();
        let c = context(&source, &(start..start + 6), 60);
        assert!(
            c.contains("target") && c.starts_with('…') && c.ends_with('…'),
            "{c}"
        );
    }

    /// Issue 20: the score of a table of several documents counted every finding, an unused
    /// suppression (M001) as well, where the score of one document leaves it out.
    #[test]
    fn a_tables_score_leaves_out_unused_suppressions() {
        let linter = crate::Linter::new(crate::Settings::default());
        let doc = |row: usize, text: &str| {
            let source = Source::from_rows("t.tsv", &[(row, text)], InputFormat::Plain);
            let report = linter.check(&source);
            DocResult {
                source,
                report,
                doc_id: Some(row.to_string()),
            }
        };
        let file = FileResult {
            path: "t.tsv".into(),
            table: true,
            docs: vec![
                doc(
                    1,
                    "The results were strong today. <!-- mtlint-disable G003 -->",
                ),
                doc(2, "The city grew fast this year."),
            ],
        };
        let codes: Vec<&str> = file.findings().iter().map(|(_, f)| f.rule.code).collect();
        assert_eq!(codes, ["M001"]);
        assert_eq!(file.findings_cost(), 0.0);
        assert_eq!(file.score(), 100.0);
    }

    fn table_run() -> RunResult {
        let rows = [(1, "The the city grew."), (2, "He said the the thing.")];
        let originals = vec!["城市发展了。".to_string(), " ".to_string()];
        checked_run(
            Source::from_rows("t.tsv", &rows, InputFormat::Plain)
                .with_original(crate::text::Original::Segments(originals)),
        )
    }

    #[test]
    fn json_shows_the_original_of_a_row() {
        let report = json::to_value(&table_run());
        let findings = report["files"][0]["findings"].as_array().unwrap();
        assert_eq!(
            (findings[0]["row"].as_u64(), findings[0]["source"].as_str()),
            (Some(1), Some("城市发展了。"))
        );
        // An empty original cell: no field at all.
        assert_eq!(findings[1]["row"].as_u64(), Some(2));
        assert!(findings[1].get("source").is_none());
        let monolingual = json::to_value(&checked_run(Source::new(
            "a.txt",
            "The the city grew.",
            InputFormat::Plain,
        )));
        assert!(
            monolingual["files"][0]["findings"][0]
                .get("source")
                .is_none()
        );
    }

    #[test]
    fn json_shows_the_aligned_paragraph_of_a_document() {
        let original = crate::text::Original::Document {
            name: "zh.txt".into(),
            text: "城市发展了。\n\n下雨了。\n".into(),
        };
        let source = Source::new(
            "en.txt",
            "It rained.\n\nThe the city grew.\n",
            InputFormat::Plain,
        )
        .with_original(original.clone());
        let report = json::to_value(&checked_run(source));
        assert_eq!(
            report["files"][0]["findings"][0]["source"].as_str(),
            Some("下雨了。")
        );
        // Paragraphs that do not align: no original is shown rather than a wrong one.
        let source = Source::new("en.txt", "The the city grew.\n", InputFormat::Plain)
            .with_original(original);
        let report = json::to_value(&checked_run(source));
        assert!(report["files"][0]["findings"][0].get("source").is_none());
    }

    #[test]
    fn csv_has_a_source_column_filled_in_bilingual_runs() {
        let mut out = Vec::new();
        csv::write(&table_run(), &mut out).unwrap();
        let mut reader = ::csv::Reader::from_reader(out.as_slice());
        assert_eq!(reader.headers().unwrap().get(12), Some("source"));
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!((&rows[0][11], &rows[0][12]), ("1", "城市发展了。"));
        assert_eq!(&rows[1][12], "");
    }

    #[test]
    fn html_shows_the_original_under_the_message() {
        let page = html::render(&table_run(), &html::HtmlOptions::default());
        assert_eq!(
            page.matches("<blockquote class=\"original\">").count(),
            1,
            "only the row with an original"
        );
        assert!(page.contains("<span class=\"label\">Original:</span> 城市发展了。</blockquote>"));
        let escaped = checked_run(
            Source::from_rows("t.tsv", &[(1, "The the city.")], InputFormat::Plain)
                .with_original(crate::text::Original::Segments(vec!["<b>城市</b>".into()])),
        );
        assert!(
            html::render(&escaped, &html::HtmlOptions::default())
                .contains("&lt;b&gt;城市&lt;/b&gt;")
        );
    }
}
