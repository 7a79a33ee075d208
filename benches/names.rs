//! Name analysis on a document with 10,000 name mentions.
//!
//! - `names/cluster_10k_mentions`: clustering and canonical forms from extracted mentions (the
//!   issue's budget: under 100 ms);
//! - `names/analyse_10k_mentions`: extraction, clustering and canonical forms from an analysed
//!   document (what `Context::names` costs once per document).
//!
//! The document is generated here: a few thousand people, each introduced by full name and then
//! referred to by surname, some of them with a garbled surname, so that every stage (exact short
//! forms, ambiguous ones, lone names scored against blocked candidates) does real work.
//! Run with `cargo bench --bench names`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mtlint::names::{NameAnalysis, mention};
use mtlint::{Document, InputFormat, Source};

const SURNAMES: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao",
];
const SYLLABLES: &[&str] = &[
    "wen", "feng", "xiao", "ming", "hua", "jun", "li", "yan", "bo", "hui", "qiang", "ping", "lan",
    "yu", "tao", "lei", "na", "jie", "hong", "yi", "ran", "si", "chen", "kai", "rui",
];
const GARBLES: &[(&str, &str)] = &[
    ("Liang", "Leann"),
    ("Zhou", "Joe"),
    ("Zeng", "Tseng"),
    ("Xu", "Shoo"),
    ("Zhang", "Chang"),
];

/// A deterministic stream of numbers (a linear congruential generator).
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// About `mentions` name mentions in news-like sentences.
fn document(mentions: usize) -> String {
    let mut n = Numbers(42);
    let mut text = String::new();
    let mut written = 0;
    while written < mentions {
        let surname = SURNAMES[n.next(SURNAMES.len())];
        let given = format!(
            "{}{}",
            capitalise(SYLLABLES[n.next(SYLLABLES.len())]),
            SYLLABLES[n.next(SYLLABLES.len())]
        );
        text.push_str(&format!(
            "{surname} {given}, a professor at Donghai University, spoke on Monday. "
        ));
        text.push_str(&format!("{surname} said the results were strong. "));
        written += 3;
        if n.next(4) == 0 {
            let garbled = GARBLES
                .iter()
                .find(|(s, _)| *s == surname)
                .map_or("Chenn", |(_, g)| g);
            text.push_str(&format!("{garbled} added that more work was needed. "));
            written += 1;
        }
        if n.next(8) == 0 {
            text.push('\n');
        }
    }
    text
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn names(c: &mut Criterion) {
    let text = document(10_000);
    let source = Source::new("names.txt", text, InputFormat::Plain);
    let doc = Document::new(&source);
    let extracted = mention::extract(&doc);
    assert!(extracted.len() >= 10_000, "{} mentions", extracted.len());
    let mut group = c.benchmark_group("names");
    group.sample_size(20);
    group.bench_function("cluster_10k_mentions", |b| {
        b.iter_batched(
            || extracted.clone(),
            |mentions| {
                NameAnalysis::from_mentions(doc.view(), mentions, &[])
                    .clusters
                    .len()
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("analyse_10k_mentions", |b| {
        b.iter(|| NameAnalysis::new(&doc, &[]).clusters.len())
    });
    group.finish();
}

criterion_group!(benches, names);
criterion_main!(benches);
