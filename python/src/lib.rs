//! `mtlint._mtlint`: the Python extension module. A thin layer over the `mtlint` crate: it turns
//! Python arguments into a [`Linter`] and [`Source`]s, runs the engine with the GIL released, and
//! hands back the JSON contract's objects (as JSON text, which `mtlint/__init__.py` wraps), with
//! character offsets beside the byte offsets. The `mtlint` command of the wheel is [`run_cli`].

use std::collections::HashMap;
use std::ffi::OsString;
use std::panic::{AssertUnwindSafe, catch_unwind};

use mtlint::config::{ConfigFile, Overrides};
use mtlint::report::{DocResult, FileResult, RunResult, json};
use mtlint::text::Original;
use mtlint::{Applicability, InputFormat, Linter, Settings, Source};
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use serde_json::{Value, json};

pyo3::create_exception!(
    _mtlint,
    MtlintError,
    PyException,
    "mtlint could not finish: a bug in mtlint, or fixes that do not converge."
);

/// The rule selection of a call, as the command line's `--select`, `--ignore`, `--preview`. No
/// configuration file is read: a library call depends only on its arguments.
fn linter(
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    preview: bool,
) -> PyResult<Linter> {
    let overrides = Overrides {
        select,
        ignore: ignore.unwrap_or_default(),
        preview,
        ..Overrides::default()
    };
    Settings::resolve(ConfigFile::default(), None, &overrides)
        .map(Linter::new)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

fn input_format(name: &str) -> PyResult<InputFormat> {
    match name {
        "plain" | "text" => Ok(InputFormat::Plain),
        "markdown" | "md" => Ok(InputFormat::Markdown),
        "html" => Ok(InputFormat::Html),
        other => Err(PyValueError::new_err(format!(
            "input_format must be \"plain\", \"markdown\" or \"html\", not {other:?}"
        ))),
    }
}

/// Runs engine code; a panic (a bug) becomes an `MtlintError` instead of taking Python down.
fn guarded<T>(work: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        MtlintError::new_err(format!(
            "internal error ({what}). This is a bug: please report it at {} with the text that caused it.",
            mtlint::cli::panic::ISSUES
        ))
    })
}

fn to_text(value: &Value) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| MtlintError::new_err(e.to_string()))
}

/// Character offsets of byte offsets in one text, in constant time per offset after one pass:
/// the characters before each 4 KiB block are counted once (a character starts at every byte
/// that is not a UTF-8 continuation byte).
struct CharIndex<'a> {
    bytes: &'a [u8],
    blocks: Vec<usize>,
}

const BLOCK: usize = 4096;

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = text.as_bytes();
        let mut blocks = vec![0];
        if !text.is_ascii() {
            for chunk in bytes.chunks(BLOCK) {
                blocks.push(blocks[blocks.len() - 1] + starts(chunk));
            }
        }
        CharIndex { bytes, blocks }
    }

    fn chars_before(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.blocks.len() == 1 {
            return byte;
        }
        let block = byte / BLOCK;
        self.blocks[block] + starts(&self.bytes[block * BLOCK..byte])
    }

    /// Adds `char_start` and `char_end` beside `start` and `end`.
    fn annotate(&self, span: &mut Value) {
        for (bytes, chars) in [("start", "char_start"), ("end", "char_end")] {
            if let Some(at) = span.get(bytes).and_then(Value::as_u64) {
                span[chars] = json!(self.chars_before(at as usize));
            }
        }
    }
}

fn starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

/// Character offsets for a finding of the JSON report, its fix's edits and its related spans;
/// `base(row)` is the text the offsets of that row count in (the whole text outside tables).
fn annotate_finding<'t>(
    finding: &mut Value,
    index: &dyn Fn(Option<u64>) -> Option<&'t CharIndex<'t>>,
) {
    let row = finding.get("row").and_then(Value::as_u64);
    let Some(own) = index(row) else { return };
    own.annotate(finding);
    if let Some(edits) = finding
        .pointer_mut("/fix/edits")
        .and_then(Value::as_array_mut)
    {
        edits.iter_mut().for_each(|e| own.annotate(e));
    }
    if let Some(related) = finding.get_mut("related").and_then(Value::as_array_mut) {
        for span in related {
            if let Some(other) = index(span.get("row").and_then(Value::as_u64)) {
                other.annotate(span);
            }
        }
    }
}

/// Checks one text: the JSON report's file object (findings, score, score detail), as text.
#[pyfunction]
#[pyo3(signature = (text, input_format="plain", select=None, ignore=None, source=None, preview=false, name="<text>"))]
#[allow(clippy::too_many_arguments)]
fn check(
    py: Python<'_>,
    text: String,
    input_format: &str,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    source: Option<String>,
    preview: bool,
    name: &str,
) -> PyResult<String> {
    let format = self::input_format(input_format)?;
    let linter = linter(select, ignore, preview)?;
    let name = name.to_string();
    py.detach(|| {
        let mut input = Source::new(name.clone(), text, format);
        if let Some(original) = source {
            input = input.with_original(Original::Document {
                name: "<source>".into(),
                text: original,
            });
        }
        to_text(&guarded(|| file_value(&linter, input, name))?)
    })
}

fn file_value(linter: &Linter, source: Source, path: String) -> Value {
    let mut report = linter.check(&source);
    if let Some(max) = linter.settings().max_findings {
        report.cap(max);
    }
    let index = CharIndex::new(source.text());
    let run = RunResult {
        files: vec![FileResult {
            path,
            docs: vec![DocResult {
                source: source.clone(),
                report,
                doc_id: None,
            }],
            table: false,
        }],
        errors: Vec::new(),
    };
    let mut file = json::to_value(&run)["files"][0].take();
    if let Some(findings) = file.get_mut("findings").and_then(Value::as_array_mut) {
        findings
            .iter_mut()
            .for_each(|f| annotate_finding(f, &|_| Some(&index)));
    }
    file
}

/// Checks many segments in parallel with the GIL released. Segments with the same `docs` value
/// form one document, in the order given (as the rows of a table with a doc column); without
/// `docs` each segment is a document of its own. Returns a JSON list, one object per segment:
/// its findings (offsets relative to the segment), its score and its document's score.
#[pyfunction]
#[pyo3(signature = (texts, docs=None, sources=None, input_format="plain", select=None, ignore=None, preview=false))]
#[allow(clippy::too_many_arguments)]
fn check_many(
    py: Python<'_>,
    texts: Vec<String>,
    docs: Option<Vec<String>>,
    sources: Option<Vec<String>>,
    input_format: &str,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    preview: bool,
) -> PyResult<String> {
    for (what, len) in [
        ("docs", docs.as_ref().map(Vec::len)),
        ("sources", sources.as_ref().map(Vec::len)),
    ] {
        if let Some(len) = len.filter(|l| *l != texts.len()) {
            return Err(PyValueError::new_err(format!(
                "{what} has {len} items but texts has {}: give one per text",
                texts.len()
            )));
        }
    }
    let format = self::input_format(input_format)?;
    let linter = linter(select, ignore, preview)?;
    py.detach(|| {
        let groups = group(docs.as_deref(), texts.len());
        let per_doc: Vec<Vec<Value>> = guarded(|| {
            groups
                .par_iter()
                .map(|(doc, members)| {
                    check_group(&linter, &texts, sources.as_deref(), doc, members, format)
                })
                .collect()
        })?;
        let mut out = vec![Value::Null; texts.len()];
        for ((_, members), values) in groups.iter().zip(per_doc) {
            for (i, value) in members.iter().zip(values) {
                out[*i] = value;
            }
        }
        to_text(&Value::Array(out))
    })
}

/// The documents of a list of segments: (doc id, indices of its segments in order), in the order
/// each document first appears.
fn group(docs: Option<&[String]>, count: usize) -> Vec<(String, Vec<usize>)> {
    let Some(docs) = docs else {
        return (0..count).map(|i| (String::new(), vec![i])).collect();
    };
    let mut order: Vec<(String, Vec<usize>)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let slot = *seen.entry(doc).or_insert_with(|| {
            order.push((doc.clone(), Vec::new()));
            order.len() - 1
        });
        order[slot].1.push(i);
    }
    order
}

/// Checks one document made of the segments `members` (rows numbered by their index + 1) and
/// returns one object per segment.
fn check_group(
    linter: &Linter,
    texts: &[String],
    sources: Option<&[String]>,
    doc: &str,
    members: &[usize],
    format: InputFormat,
) -> Vec<Value> {
    let rows: Vec<(usize, &str)> = members
        .iter()
        .map(|i| (i + 1, texts[*i].as_str()))
        .collect();
    let mut source = Source::from_rows(doc, &rows, format);
    if let Some(sources) = sources {
        source = source.with_original(Original::Segments(
            members.iter().map(|i| sources[*i].clone()).collect(),
        ));
    }
    let mut report = linter.check(&source);
    if let Some(max) = linter.settings().max_findings {
        report.cap(max);
    }
    let indexes: HashMap<u64, CharIndex> = members
        .iter()
        .map(|i| (*i as u64 + 1, CharIndex::new(&texts[*i])))
        .collect();
    let result = DocResult {
        source,
        report,
        doc_id: Some(doc.to_string()),
    };
    let mut by_row: HashMap<u64, Vec<Value>> = HashMap::new();
    for finding in &result.report.findings {
        let mut value = json::finding(&result, finding);
        annotate_finding(&mut value, &|row| row.and_then(|r| indexes.get(&r)));
        let row = value.get("row").and_then(Value::as_u64).unwrap_or(0);
        by_row.entry(row).or_default().push(value);
    }
    let report = &result.report;
    report
        .segments
        .iter()
        .map(|s| {
            json!({
                "doc": doc,
                "words": s.words,
                "score": s.score,
                "score_detail": {"findings_cost": round(s.findings_cost), "fluency_cost": round(s.fluency_cost)},
                "findings": by_row.remove(&(s.row as u64)).unwrap_or_default(),
                "doc_score": report.score,
                "doc_findings_omitted": report.omitted.count,
            })
        })
        .collect()
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Applies the fixes of at least the given applicability until the text stops changing.
#[pyfunction]
#[pyo3(signature = (text, r#unsafe=false, input_format="plain", select=None, ignore=None, preview=false))]
fn fix(
    py: Python<'_>,
    text: String,
    r#unsafe: bool,
    input_format: &str,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    preview: bool,
) -> PyResult<String> {
    let format = self::input_format(input_format)?;
    let linter = linter(select, ignore, preview)?;
    let minimum = if r#unsafe {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    py.detach(|| {
        let outcome = guarded(|| linter.fix(&Source::new("<text>", text, format), minimum))?;
        if !outcome.converged {
            return Err(MtlintError::new_err(
                "the fixes did not converge (they undo each other, or need too many rounds): \
                 the text is left as it was",
            ));
        }
        Ok(outcome.text)
    })
}

/// The `mtlint` command: runs the command line `argv` (program name first, as `sys.argv`) and
/// returns its exit status.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(|| mtlint::cli::main(argv) as u8)
}

#[pymodule]
fn _mtlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(fix, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add("MtlintError", m.py().get_type::<MtlintError>())?;
    m.add("SCHEMA", json::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
