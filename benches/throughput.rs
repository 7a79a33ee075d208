//! Throughput and start-up, as the README reports them.
//!
//! - `startup/check_7kb_article`: one `mtlint check` process on a 7 KB article, process start and
//!   word-list loading included (the pre-commit case).
//! - `throughput/10mb_prose`: the library checking 10 MB of prose on one core with the default
//!   rules (the desk's large-table case).
//!
//! Run with `cargo bench --bench throughput`. The corpus is built from the bundled samples, which
//! are written for this project.

use std::path::PathBuf;
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mtlint::config::{ConfigFile, Overrides};
use mtlint::{InputFormat, Linter, Settings, Source};

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

/// About `bytes` of prose made by repeating the samples.
fn corpus(bytes: usize) -> String {
    let base = samples_text();
    let mut text = String::with_capacity(bytes + base.len());
    while text.len() < bytes {
        text.push_str(&base);
        text.push('\n');
    }
    text
}

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    let mut text = corpus(7 * 1024);
    text.truncate(
        text.char_indices()
            .take_while(|(i, _)| *i < 7 * 1024)
            .last()
            .map_or(0, |(i, ch)| i + ch.len_utf8()),
    );
    std::fs::write(&article, text).unwrap();
    let bin = env!("CARGO_BIN_EXE_mtlint");
    let mut group = c.benchmark_group("startup");
    group.sample_size(50);
    group.bench_function("check_7kb_article", |b| {
        b.iter(|| {
            let status = Command::new(bin)
                .args(["check", "--isolated", "--quiet", "--format", "json"])
                .arg(&article)
                .output()
                .unwrap();
            assert!(status.status.code().is_some_and(|c| c <= 1));
        })
    });
    group.finish();
}

fn throughput(c: &mut Criterion) {
    let text = corpus(10 * 1024 * 1024);
    // Every default rule, and the three rules of the core (the text model and engine with the
    // cheapest rules: what every other rule's cost is added to).
    let core = Overrides {
        select: Some(vec!["Q005".into(), "Q011".into(), "G003".into()]),
        ..Overrides::default()
    };
    let linters = [
        ("10mb_prose", Linter::new(Settings::default())),
        (
            "10mb_prose_core_rules",
            Linter::new(
                Settings::resolve(ConfigFile::default(), None, &core).expect("valid selection"),
            ),
        ),
    ];
    let mut group = c.benchmark_group("throughput");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, linter) in &linters {
        group.bench_function(*name, |b| {
            b.iter(|| {
                let source = Source::new("corpus.txt", text.clone(), InputFormat::Plain);
                linter.check(&source).findings.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, startup, throughput);
criterion_main!(benches);
