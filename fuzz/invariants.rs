//! What must hold for any input, shared by the fuzz targets (`fuzz/fuzz_targets/`), the regression
//! test that replays every committed crashing input (`tests/fuzz_regressions.rs`) and the property
//! tests (`tests/fix_properties.rs`). Each function takes raw fuzzer bytes and panics when an
//! invariant breaks; it must never panic for any other reason.
//!
//! - `check_bytes`: decoding never panics; for text that decodes, every finding, related range and
//!   fix edit lies inside the text on character boundaries, the score is in 0..=100, and every
//!   report format renders: JSON and SARIF parse back and hold no raw control character, the
//!   human report holds no escape or other control character from the article, the CSV report
//!   holds no cell a spreadsheet would evaluate.
//! - `markdown`: the prose view has the text's length, differs from it only where it is masked
//!   (to spaces or the opaque byte, line breaks kept) and never splits a character; blocks,
//!   tokens and sentences lie inside the text, in order, on character boundaries.
//! - `table`: reading a table either fails with a message or yields documents whose findings are
//!   located inside their row.
//! - `fix`: applying fixes changes exactly the bytes of the applied edits; the changes a fix
//!   reports (what `fix --diff` shows) turn the text into the fixed one; fixing a fixed text
//!   changes nothing, unless the fix said it did not converge (then nothing is written); edits
//!   built from the fuzzer's bytes are applied the same way or refused.
//! - every report format (human, JSON, SARIF, CSV, GitHub) lets no escape sequence or other
//!   control character from the input through, and a GitHub command stays on one line.

#![allow(dead_code)]

use std::ops::Range;
use std::sync::OnceLock;

use mtlint::config::{ConfigFile, Overrides};
use mtlint::fix::{self, Applicability, Edit, Fix};
use mtlint::report::{self, DocResult, FileResult, Format, RunResult, human::HumanOptions};
use mtlint::table::{self, TableOptions};
use mtlint::text::{Document, InputFormat, Source, prose};
use mtlint::{Linter, Settings};

/// Every rule, preview rules included: the fuzzer should reach all of them.
pub fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let overrides = Overrides {
            select: Some(vec!["ALL".into()]),
            preview: true,
            ..Overrides::default()
        };
        Linter::new(
            Settings::resolve(ConfigFile::default(), None, &overrides).expect("settings resolve"),
        )
    })
}

fn format_of(byte: u8) -> InputFormat {
    match byte % 3 {
        0 => InputFormat::Plain,
        1 => InputFormat::Markdown,
        _ => InputFormat::Html,
    }
}

/// The first byte picks the format; the rest is the file.
fn split_format(data: &[u8]) -> (InputFormat, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (format_of(*first), rest),
        None => (InputFormat::Plain, data),
    }
}

fn assert_range(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what} {range:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what} {range:?} splits a character"
    );
}

// ---------------------------------------------------------------------------------------------
// check_bytes

pub fn check_bytes(data: &[u8]) {
    let (format, bytes) = split_format(data);
    match Source::from_bytes("fuzz\u{1b}[31m.txt", bytes.to_vec(), format) {
        Ok(source) => check_source(&source),
        Err(err) => assert!(!err.to_string().is_empty()),
    }
}

/// Checks a source and renders every report format.
pub fn check_source(source: &Source) {
    let report = linter().check(source);
    let text = source.text();
    assert!(
        (0.0..=100.0).contains(&report.score),
        "score {}",
        report.score
    );
    for finding in &report.findings {
        assert_range(text, &finding.range, finding.code());
        for related in &finding.related {
            assert_range(text, &related.range, "related range");
        }
        for edit in finding.fix.iter().flat_map(|f| &f.edits) {
            assert_range(text, &edit.range(), "fix edit");
        }
    }
    let run = RunResult {
        files: vec![FileResult {
            table: false,
            path: source.name().to_string(),
            docs: vec![DocResult {
                source: source.clone(),
                report,
                doc_id: None,
            }],
        }],
        errors: vec![],
    };
    check_reports(&run);
}

/// Every format renders; none lets a control character from the input through.
pub fn check_reports(run: &RunResult) {
    for format in [
        Format::Human,
        Format::Json,
        Format::Csv,
        Format::Sarif,
        Format::Github,
    ] {
        let mut out = Vec::new();
        report::write(
            format,
            run,
            &mut out,
            &HumanOptions {
                color: false,
                quiet: false,
            },
        )
        .expect("report renders");
        let out = String::from_utf8(out).expect("reports are UTF-8");
        match format {
            Format::Json | Format::Sarif => {
                serde_json::from_str::<serde_json::Value>(&out).expect("report is JSON");
                let raw = out
                    .chars()
                    .find(|c| c.is_control() && !matches!(c, '\n' | ' '));
                assert!(
                    raw.is_none(),
                    "{format:?} holds a raw control character {raw:?}"
                );
            }
            Format::Human => {
                let raw = out.chars().find(|&c| is_dangerous_on_a_terminal(c));
                assert!(raw.is_none(), "human report holds {raw:?}");
            }
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(true)
                    .from_reader(out.as_bytes());
                for record in reader.records() {
                    let record = record.expect("CSV parses");
                    for cell in record.iter() {
                        assert!(
                            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                            "CSV cell a spreadsheet would run: {cell:?}"
                        );
                        let raw = cell
                            .chars()
                            .find(|&c| is_dangerous_on_a_terminal(c) && !matches!(c, '\r' | '\t'));
                        assert!(raw.is_none(), "CSV cell holds {raw:?}");
                    }
                }
            }
            Format::Github => {
                for line in out.lines() {
                    assert!(line.starts_with("::"), "a command per line: {line:?}");
                    let raw = line.chars().find(|&c| is_dangerous_on_a_terminal(c));
                    assert!(raw.is_none(), "GitHub command holds {raw:?}");
                }
            }
            #[allow(unreachable_patterns)]
            _ => {}
        }
    }
}

/// What a terminal would act on: control characters other than tab and line feed, and the
/// bidirectional overrides that reorder what is shown.
pub fn is_dangerous_on_a_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

// ---------------------------------------------------------------------------------------------
// markdown

pub fn markdown(data: &[u8]) {
    let (format, bytes) = split_format(data);
    let format = if format == InputFormat::Plain {
        InputFormat::Markdown
    } else {
        format
    };
    let text = String::from_utf8_lossy(bytes);
    check_prose(&text, format);
}

pub fn check_prose(text: &str, format: InputFormat) {
    let extracted = prose::extract(text, format, &[0..text.len()]);
    let view: &str = &extracted.view;
    assert_eq!(view.len(), text.len(), "the view keeps the text's length");
    // A character is either kept or masked whole (to spaces or the opaque byte), and line breaks
    // are never masked, so lines and offsets stay where they were.
    for (i, c) in text.char_indices() {
        let original = &text.as_bytes()[i..i + c.len_utf8()];
        let shown = &view.as_bytes()[i..i + c.len_utf8()];
        if shown != original {
            assert!(
                shown.iter().all(|&b| b == b' ' || b == prose::OPAQUE),
                "byte {i}: {c:?} is partly masked: {shown:?}"
            );
            assert!(c != '\n' && c != '\r', "byte {i}: a line break was masked");
        }
    }
    let mut last = 0;
    for block in &extracted.blocks {
        assert_range(text, block, "block");
        assert!(block.start >= last, "blocks out of order at {block:?}");
        last = block.end;
    }
    let source = Source::new("fuzz.md", text, format);
    check_document(&Document::new(&source));
}

pub fn check_document(doc: &Document) {
    let text = doc.source().text();
    let mut last = 0;
    for token in &doc.tokens {
        assert_range(text, &token.range(), "token");
        assert!(token.start < token.end, "empty token at {}", token.start);
        assert!(
            token.start as usize >= last,
            "tokens out of order at {}",
            token.start
        );
        last = token.end as usize;
    }
    for sentence in &doc.sentences {
        assert_range(text, &sentence.range, "sentence");
        assert!(sentence.tokens.end <= doc.tokens.len());
    }
    for paragraph in &doc.paragraphs {
        assert_range(text, &paragraph.range, "paragraph");
    }
    for mark in &doc.quotes.marks {
        assert_range(text, &mark.range, "quotation mark");
        if let Some(partner) = mark.partner {
            assert!(partner < doc.quotes.marks.len(), "partner out of range");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// table

pub fn table(data: &[u8]) {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let options = TableOptions {
        text_column: "text".into(),
        doc_column: (flags & 1 == 1).then(|| "doc".into()),
        source_column: (flags & 4 == 4).then(|| "source".into()),
        id_column: None,
        tsv: Some(flags & 2 == 2),
    };
    let docs = match table::read(std::path::Path::new("fuzz.csv"), bytes, &options) {
        Ok(docs) => docs,
        Err(err) => {
            assert!(!err.to_string().is_empty());
            return;
        }
    };
    // `fix --table` finds each text cell again in the raw bytes: a table whose every text gets
    // one more letter reads back as the same rows with that letter.
    let tsv = flags & 2 == 2;
    let column = table::column_position(bytes, tsv, "text").expect("the text column");
    let longer: Vec<(usize, &str, String)> = docs
        .iter()
        .flat_map(|d| {
            d.rows
                .iter()
                .map(|(r, t)| (*r, t.as_str(), format!("{t}x")))
        })
        .collect();
    let texts: Vec<(usize, &str, &str)> = longer
        .iter()
        .map(|(r, t, n)| (*r, *t, n.as_str()))
        .collect();
    let (rewritten, _) = table::rewrite(bytes, tsv, column, &texts).expect("every text cell found");
    let again = table::read(std::path::Path::new("fuzz.csv"), &rewritten, &options)
        .expect("the rewritten table reads");
    let rows = |docs: &[table::TableDoc]| -> Vec<(usize, String)> {
        docs.iter().flat_map(|d| d.rows.iter().cloned()).collect()
    };
    let expected: Vec<(usize, String)> = longer.iter().map(|(r, _, n)| (*r, n.clone())).collect();
    assert_eq!(
        rows(&again),
        expected,
        "a rewritten cell reads back otherwise"
    );
    let mut docs_out = Vec::new();
    for doc in &docs {
        let source = doc.source("fuzz.csv", format_of(flags >> 2));
        let report = linter().check(&source);
        assert_eq!(
            report.segments.len(),
            doc.rows.len(),
            "one segment score per row"
        );
        for finding in &report.findings {
            assert_range(source.text(), &finding.range, finding.code());
            let p = report::locate(&source, finding.range.clone());
            let base = report::base_text(&source, &finding.range);
            assert!(p.row.is_some(), "a table finding names its row");
            assert!(
                p.start <= p.end && p.end <= base.len(),
                "finding outside its row"
            );
            assert!(base.is_char_boundary(p.start) && base.is_char_boundary(p.end));
        }
        docs_out.push(DocResult {
            source,
            report,
            doc_id: Some(doc.doc.clone()),
        });
    }
    if !docs_out.is_empty() {
        check_reports(&RunResult {
            files: vec![FileResult {
                table: true,
                path: "fuzz.csv".into(),
                docs: docs_out,
            }],
            errors: vec![],
        });
    }
}

// ---------------------------------------------------------------------------------------------
// fix

/// The fuzzer's bytes are a text, then (after a 0xFF separator, never part of UTF-8) edits of
/// five bytes each: start and end (two bytes each, taken modulo the text's length) and one byte
/// choosing the replacement and the applicability.
pub fn fix(data: &[u8]) {
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let (format, bytes) = split_format(&data[..split]);
    let text = String::from_utf8_lossy(bytes).into_owned();
    check_fixing(&text, format);
    let edits = data.get(split + 1..).unwrap_or_default();
    check_arbitrary_edits(&text, edits);
}

/// Fixing keeps every byte outside the applied edits; fixing a fixed text changes nothing.
pub fn check_fixing(text: &str, format: InputFormat) {
    let linter = linter();
    let mut current = text.to_string();
    for _ in 0..4 {
        let source = Source::new("fuzz.txt", current.clone(), format);
        let report = linter.check(&source);
        let round = fix::apply(
            &current,
            report.findings.iter().filter_map(|f| f.fix.as_ref()),
            Applicability::Unsafe,
        );
        assert_splice(&current, &round);
        if round.text == current {
            break;
        }
        current = round.text;
    }
    let source = Source::new("fuzz.txt", text, format);
    let once = linter.fix(&source, Applicability::Unsafe);
    assert_eq!(
        replay_changes(text, &once.text, &once.changes),
        once.text,
        "the reported changes do not give the fixed text"
    );
    let again = linter.fix(
        &Source::new("fuzz.txt", once.text.clone(), format),
        Applicability::Unsafe,
    );
    if once.converged {
        assert_eq!(again.text, once.text, "fixing a fixed text changed it");
    }
    if text.starts_with('\u{feff}') {
        assert!(
            once.text.starts_with('\u{feff}'),
            "fixing dropped the byte-order mark"
        );
    }
}

/// `old` with each changed region replaced by the new text's region: it must be `new`.
fn replay_changes(old: &str, new: &str, changes: &fix::Changes) -> String {
    let mut out = String::with_capacity(new.len());
    let mut at = 0;
    for (from, to) in changes.regions() {
        assert!(
            from.start >= at,
            "changed regions overlap or are out of order"
        );
        assert_range(old, from, "changed region of the original");
        assert_range(new, to, "changed region of the fixed text");
        out.push_str(&old[at..from.start]);
        out.push_str(&new[to.clone()]);
        at = from.end;
    }
    out.push_str(&old[at..]);
    out
}

/// `applied.text` is `text` with exactly `applied.edits` replaced, and the edits are sorted,
/// disjoint and on character boundaries.
pub fn assert_splice(text: &str, applied: &fix::Applied) {
    let mut expected = String::with_capacity(text.len());
    let mut at = 0;
    for edit in &applied.edits {
        assert_range(text, &edit.range(), "applied edit");
        assert!(
            edit.start >= at,
            "applied edits overlap or are out of order at {}",
            edit.start
        );
        expected.push_str(&text[at..edit.start]);
        expected.push_str(&edit.replacement);
        at = edit.end;
    }
    expected.push_str(&text[at..]);
    assert_eq!(
        applied.text, expected,
        "bytes outside the applied edits changed"
    );
}

const REPLACEMENTS: &[&str] = &["", " ", "x", "é", "“", "\r\n", "中文", "\u{feff}"];

fn check_arbitrary_edits(text: &str, bytes: &[u8]) {
    let len = text.len().max(1);
    let mut fixes = Vec::new();
    for chunk in bytes.chunks_exact(5).take(64) {
        let a = usize::from(u16::from_le_bytes([chunk[0], chunk[1]])) % (len + 1);
        let b = usize::from(u16::from_le_bytes([chunk[2], chunk[3]])) % (len + 1);
        let (start, end) = (a.min(b), a.max(b));
        let replacement = REPLACEMENTS[usize::from(chunk[4]) % REPLACEMENTS.len()];
        let applicability = match chunk[4] >> 6 {
            0 => Applicability::Safe,
            1 => Applicability::Unsafe,
            _ => Applicability::DisplayOnly,
        };
        // Every second fix gets a second edit further on, to exercise whole-or-nothing fixes.
        let mut edits = vec![Edit::replace(start..end, replacement)];
        if chunk[4] & 1 == 1 && end < text.len() {
            edits.push(Edit::insert(end + (text.len() - end) / 2, "y"));
        }
        fixes.push(Fix::new(applicability, edits));
    }
    let applied = fix::apply(text, &fixes, Applicability::Unsafe);
    assert_splice(text, &applied);
    // Display-only and off-boundary edits are never applied.
    for edit in &applied.edits {
        assert!(
            fixes
                .iter()
                .any(|f| f.applicability != Applicability::DisplayOnly && f.edits.contains(edit)),
            "an edit no applicable fix holds was applied: {edit:?}"
        );
    }
}
