//! A desk's termbase of 50,000 terms: the cost of checking with it.
//!
//! - `glossary/load_and_check_7kb`: what one `mtlint check --glossary` of an article pays: the
//!   terms added to the settings, then the first check (which builds the glossary's indexes);
//! - `glossary/check_7kb` and `glossary/check_1mb`: checking once the indexes exist, beside
//!   `no_glossary/*`, the same text without a glossary. Before the index, every name in the text
//!   was compared with every term: 32,000 terms made the 7 KB article take 1.6 s, and 50,000
//!   terms on 3 MB more than five minutes.
//!
//! The terms are generated here: people (pinyin given names and surnames), universities,
//! provinces and cities, companies and agencies, each with an alias, so that the name and entity
//! rules look them up by spelling, by key and by near miss. Run with
//! `cargo bench --bench glossary`.

use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mtlint::glossary::GlossaryEntry;
use mtlint::{InputFormat, Linter, Settings, Source};

const SURNAMES: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang",
];
const SYLLABLES: &[&str] = &[
    "wen", "feng", "xiao", "ming", "hua", "jun", "li", "yan", "bo", "hui", "qiang", "ping", "lan",
    "yu", "tao", "lei", "na", "jie", "hong", "yi", "ran", "si", "chen", "kai", "rui", "zhi", "xin",
    "guo", "jian", "ling", "shan", "tian", "wei", "xue", "yong", "zhen",
];
const WORDS: &[&str] = &[
    "Northern", "Pacific", "Golden", "Harbour", "River", "Summit", "Lotus", "Crescent", "Bright",
    "Maple", "Granite", "Silver", "Orchid", "Delta", "Horizon", "Jade", "Falcon", "Cedar",
    "Meridian", "Aurora", "Beacon", "Coral", "Ember", "Harvest", "Ivory", "Juniper", "Lantern",
    "Mosaic",
];
const HEADS: &[(&str, &str)] = &[
    ("University", "university"),
    ("Institute of Technology", "institute"),
    ("Province", "place"),
    ("City", "place"),
    ("Technologies", "company"),
    ("Holdings", "company"),
    ("Bureau", "organisation"),
];

/// A deterministic stream of choices.
struct Choices(u64);

impl Choices {
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        list[(self.0 >> 33) as usize % list.len()]
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `n` distinct terms, each with an alias.
fn termbase(n: usize) -> Vec<GlossaryEntry> {
    let mut choices = Choices(23);
    let mut seen = std::collections::HashSet::new();
    let mut entries = Vec::with_capacity(n);
    while entries.len() < n {
        let given = format!(
            "{}{}",
            capitalised(choices.pick(SYLLABLES)),
            choices.pick(SYLLABLES)
        );
        let (term, kind, alias) = if entries.len() % 3 == 0 {
            let surname = choices.pick(SURNAMES);
            (
                format!("{surname} {given}"),
                "person",
                format!("{given} {surname}"),
            )
        } else {
            let (head, kind) = HEADS[entries.len() % HEADS.len()];
            let name = if kind == "place" || kind == "university" {
                format!("{given}{}", choices.pick(SYLLABLES))
            } else {
                format!("{} {given}", choices.pick(WORDS))
            };
            (format!("{name} {head}"), kind, name.to_uppercase())
        };
        if seen.insert(term.clone()) {
            entries.push(GlossaryEntry {
                term,
                kind: kind.into(),
                aliases: vec![alias],
                ..GlossaryEntry::default()
            });
        }
    }
    entries
}

fn settings_with(entries: &[GlossaryEntry]) -> Settings {
    let mut settings = Settings::default();
    for entry in entries {
        settings.glossary.add(entry.clone());
    }
    settings
}

fn article() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/garbled_battery_maker.txt");
    let text = std::fs::read_to_string(path).unwrap();
    text.repeat(7_000 / text.len() + 1)
}

fn glossary(c: &mut Criterion) {
    let entries = termbase(50_000);
    let article = article();
    let long = article.repeat(1_000_000 / article.len() + 1);
    let mut group = c.benchmark_group("glossary");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(article.len() as u64));
    group.bench_function("load_and_check_7kb", |b| {
        b.iter(|| {
            let linter = Linter::new(settings_with(&entries));
            let source = Source::new("a.txt", article.as_str(), InputFormat::Plain);
            linter.check(&source).findings.len()
        })
    });
    let with = Linter::new(settings_with(&entries));
    let without = Linter::new(Settings::default());
    for (label, linter) in [("glossary", &with), ("no_glossary", &without)] {
        for (size, text) in [("7kb", &article), ("1mb", &long)] {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(label, size), text, |b, text| {
                b.iter(|| {
                    let source = Source::new("a.txt", text.as_str(), InputFormat::Plain);
                    linter.check(&source).findings.len()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, glossary);
criterion_main!(benches);
