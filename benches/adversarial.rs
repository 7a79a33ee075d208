//! Linear time on hostile and huge input: each shape is measured at two sizes ten times apart,
//! and criterion's throughput (elements or bytes per second) must stay about the same. A
//! quadratic step shows as a tenfold drop at the larger size.
//!
//! - `nesting/*`: 10,000 and 100,000 nested or unbalanced brackets and quotation marks,
//!   enumerators, and mentions of near-identical names (all rules, preview included);
//! - `huge/*`: prose in lines and on one single line, 2 MB and 20 MB, checked and reported as
//!   JSON and for people (what `mtlint check` does, less reading the file);
//! - `huge/*_sarif`: the same reported as SARIF, streamed as the JSON report is;
//! - `fix/*`: applying 10,000 and 100,000 fixes, and building `fix --diff`'s unified diff of them
//!   (`safe_fixes_diff`: a general line diff took about the square of the size here, 200 s for
//!   50 MB).
//!
//! Run with `cargo bench --bench adversarial` (or a filter: `-- huge`).

use std::io::sink;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mtlint::config::{ConfigFile, Overrides};
use mtlint::report::{self, DocResult, FileResult, Format, RunResult, human::HumanOptions};
use mtlint::{Applicability, InputFormat, Linter, Settings, Source};

fn all_rules() -> Linter {
    let overrides = Overrides {
        select: Some(vec!["ALL".into()]),
        preview: true,
        ..Overrides::default()
    };
    Linter::new(Settings::resolve(ConfigFile::default(), None, &overrides).unwrap())
}

fn names(n: usize) -> String {
    let spellings = [
        "Liang Wenfeng",
        "Liang Wenfen",
        "Leann Wenfeng",
        "Lian Wenfeng",
        "Liang Wen-feng",
        "Lean Wenfeng",
    ];
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "{} said {} things. ",
            spellings[i % spellings.len()],
            i
        ));
        if i % 50 == 49 {
            text.push('\n');
        }
    }
    text
}

/// Each shape with `n` repetitions; the format it is read in.
fn shapes(n: usize) -> Vec<(&'static str, String, InputFormat)> {
    vec![
        (
            "nested_parens",
            format!("{}word{}", "(".repeat(n), ")".repeat(n)),
            InputFormat::Plain,
        ),
        (
            "nested_quotes",
            format!("{}deep{}", "“".repeat(n), "”".repeat(n)),
            InputFormat::Plain,
        ),
        (
            "mismatched_brackets",
            format!("{}{}", "(".repeat(n), "]".repeat(n)),
            InputFormat::Plain,
        ),
        (
            "unclosed_mixed",
            format!("Start {} end.", "(“[‘«".repeat(n)),
            InputFormat::Plain,
        ),
        (
            "single_then_straight",
            format!("{}{}", " ‘x".repeat(n), " \"y".repeat(n)),
            InputFormat::Plain,
        ),
        ("straight_marks", "\"'".repeat(n), InputFormat::Plain),
        ("enumerators", "a) ".repeat(n), InputFormat::Plain),
        (
            "markdown_blockquotes",
            format!("{}quoted", "> ".repeat(n)),
            InputFormat::Markdown,
        ),
        (
            "markdown_emphasis",
            format!("{}x{}", "*_".repeat(n), "_*".repeat(n)),
            InputFormat::Markdown,
        ),
        (
            "html_divs",
            format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n)),
            InputFormat::Html,
        ),
        ("near_identical_names", names(n), InputFormat::Plain),
    ]
}

fn nesting(c: &mut Criterion) {
    let linter = all_rules();
    let mut group = c.benchmark_group("nesting");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        for (name, text, format) in shapes(n) {
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &text, |b, text| {
                b.iter(|| {
                    linter
                        .check(&Source::new("bench", text.as_str(), format))
                        .findings
                        .len()
                })
            });
        }
    }
    group.finish();
}

fn samples_text() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

fn corpus(bytes: usize, one_line: bool) -> String {
    let mut base = samples_text();
    if one_line {
        base = base.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    base.push(if one_line { ' ' } else { '\n' });
    base.repeat(bytes / base.len() + 1)
}

/// Check and write a report, as `mtlint check` does.
fn check_and_report(linter: &Linter, text: &str, format: Format) -> usize {
    let source = Source::new("bench.txt", text, InputFormat::Plain);
    let report = linter.check(&source);
    let findings = report.findings.len();
    let run = RunResult {
        files: vec![FileResult {
            table: false,
            path: "bench.txt".into(),
            docs: vec![DocResult {
                source,
                report,
                doc_id: None,
            }],
        }],
        errors: vec![],
    };
    report::write(format, &run, &mut sink(), &HumanOptions::default()).unwrap();
    findings
}

fn huge(c: &mut Criterion) {
    let linter = Linter::new(Settings::default());
    let mut group = c.benchmark_group("huge");
    group.sample_size(10);
    for mb in [2, 20] {
        for (shape, one_line) in [("lines", false), ("one_line", true)] {
            let text = corpus(mb << 20, one_line);
            group.throughput(Throughput::Bytes(text.len() as u64));
            for (label, format) in [
                ("json", Format::Json),
                ("human", Format::Human),
                ("sarif", Format::Sarif),
            ] {
                group.bench_with_input(
                    BenchmarkId::new(format!("{shape}_{label}"), format!("{mb}MB")),
                    &text,
                    |b, text| b.iter(|| check_and_report(&linter, text, format)),
                );
            }
        }
    }
    group.finish();
}

fn fix(c: &mut Criterion) {
    let linter = Linter::new(Settings::default());
    let mut group = c.benchmark_group("fix");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let text = "He said the the results，were “ good.”\n".repeat(n / 3);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("safe_fixes", n), &text, |b, text| {
            b.iter(|| {
                linter
                    .fix(
                        &Source::new("bench", text.as_str(), InputFormat::Plain),
                        Applicability::Safe,
                    )
                    .applied
            })
        });
        group.bench_with_input(BenchmarkId::new("safe_fixes_diff", n), &text, |b, text| {
            b.iter(|| {
                let outcome = linter.fix(
                    &Source::new("bench", text.as_str(), InputFormat::Plain),
                    Applicability::Safe,
                );
                let style = mtlint::cli::diff::Style::default();
                mtlint::cli::diff::unified("bench", text, &outcome.text, &outcome.changes, style)
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, nesting, huge, fix);
criterion_main!(benches);
