//! The quotation map on adversarial input, as issue 5 asks: 10 MB with 100,000 quotation marks
//! (paired, nested, straight and curly, some left open) and 10,000 nested brackets.
//!
//! - `quotes/map_10mb_100k_marks`: building the quotation map alone;
//! - `quotes/check_10mb_100k_marks`: the library checking the same text with the default rules;
//! - `quotes/map_10k_nested_brackets`: 10,000 brackets nested in one paragraph.
//!
//! Run with `cargo bench --bench quotes`. The text is generated here.

use std::ops::Range;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mtlint::text::QuoteMap;
use mtlint::{InputFormat, Linter, Settings, Source};

/// About 10 MB of paragraphs, each with a few quotation marks of every kind, some broken.
fn quoted_text() -> String {
    const PARAGRAPHS: [&str; 4] = [
        "“The committee called it ‘a historic step’ and left,” the report said, adding that the 'long' plan (with its budget [as of May]) went on for years and years without any change at all.\n",
        "\"Although in retreat, the group remains capable of attacks,\" the report said. \"It also aims to attract fighters who oppose the agreement, and it has done so for a very long time.\n",
        "“In China, there are many young and talented engineers. “Yiran Chen, a professor, said: “But the constraints are elsewhere, and the students' '90s rock 'n' roll is not the point here.”\n",
        "He said he had seen the customers' records and that the 6'2\" player was not at the game; nobody (not even the coach) knew why the team had left the stadium before the end of the match.\n",
    ];
    let mut text = String::with_capacity(10 * 1024 * 1024 + 256);
    let mut i = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        i += 1;
    }
    text
}

fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        out.push(start..start + line.len());
        start += line.len() + 1;
    }
    out
}

fn quotes(c: &mut Criterion) {
    let text = quoted_text();
    let paragraphs = lines(&text);
    let marks = QuoteMap::build(&text, &paragraphs).marks.len();
    assert!(marks >= 100_000, "{marks} marks");
    let mut group = c.benchmark_group("quotes");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("map_10mb_100k_marks", |b| {
        b.iter(|| QuoteMap::build(&text, &paragraphs).marks.len())
    });
    let linter = Linter::new(Settings::default());
    let source = Source::new("bench.txt", text.clone(), InputFormat::Plain);
    group.bench_function("check_10mb_100k_marks", |b| {
        b.iter(|| linter.check(&source).findings.len())
    });
    let nested = "(".repeat(10_000) + "deep" + &")".repeat(10_000);
    let nested_paragraphs = lines(&nested);
    group.throughput(Throughput::Bytes(nested.len() as u64));
    group.bench_function("map_10k_nested_brackets", |b| {
        b.iter(|| QuoteMap::build(&nested, &nested_paragraphs).marks.len())
    });
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
