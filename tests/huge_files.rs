//! Huge input: the binary completes on a large file and on one very long line, and its peak
//! memory stays within a fixed number of bytes per byte of input, in the JSON, human and SARIF
//! reports, with every finding reported (`--max-findings 0`).
//!
//! The bound is four bytes per byte ([`BYTES_PER_BYTE`]). The text itself is one; a document's
//! analysis (tokens, sentences, quotation marks, a masked copy of the text) costs about six more,
//! which is why a large document is checked in sections of [`mtlint::SECTION_BYTES`]: the
//! analysis of one section is alive at a time, and what grows with the file is the text and the
//! findings. The corpus is the bundled samples, four of six garbled, so it carries about one
//! finding per 220 bytes, far denser than real articles; each finding costs a few hundred bytes
//! until the report is written.
//!
//! Peak memory is the largest resident set of the one mtlint process, read with
//! `getrusage(RUSAGE_CHILDREN)` in a helper process of its own (see [`run`]). Memory is counted
//! above a baseline: the peak of the same command on a small file of the same corpus (64 KiB).
//! That baseline holds what does not grow with the input: the binary, the pages of its embedded
//! word lists that checking touches, the thread pool and the tables built on first use. Time is
//! not measured here: the benchmarks in `benches/adversarial.rs`
//! show that the work is linear.
//!
//! Every test here is in the stress set (`#[ignore]`), which `.ci/run` runs after `cargo test` with
//! `cargo test --release -- --ignored`: in a debug build the 8 MB case alone took 91 s. The first
//! test uses files of `MTLINT_HUGE_MB` megabytes (default 8); the sizes of the reliability table, a
//! 200 MB file and a 20 MB line, are the second. Run them with
//! `cargo test --release --test integration huge_files -- --ignored`.

#![cfg(unix)]

use crate::common;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Peak memory above the baseline, in bytes per byte of input, that the test allows.
const BYTES_PER_BYTE: u64 = 4;

/// Peak resident set of the children waited for so far, in bytes.
fn children_peak() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    // Linux reports kilobytes.
    usage.ru_maxrss as u64 * 1024
}

/// Runs `mtlint check --format FORMAT FILE` (output to a file) and returns its peak memory.
///
/// The peak of one command alone is read in a fresh process: this test binary runs itself with
/// the hidden test `measuring_helper`, which runs mtlint and prints what getrusage says about
/// its only child.
fn run(file: &Path, format: &str, out_dir: &Path) -> u64 {
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "huge_files::measuring_helper",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(
            "MTLINT_MEASURE",
            format!("{}\n{format}\n{}", file.display(), out_dir.display()),
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    // The harness may print "test huge_files::measuring_helper ... " on the same line first.
    let peak = stdout.lines().find_map(|l| l.split("peak ").nth(1));
    peak.and_then(|p| p.trim().parse().ok()).unwrap_or_else(|| {
        panic!(
            "no peak measured: {stdout} {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Not a test of its own: see [`run`].
#[test]
fn measuring_helper() {
    let Ok(spec) = std::env::var("MTLINT_MEASURE") else {
        return;
    };
    let mut parts = spec.lines();
    let (file, format, out_dir) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let out = File::create(Path::new(out_dir).join(format!("out.{format}"))).unwrap();
    let status = Command::new(assert_cmd::cargo::cargo_bin("mtlint"))
        // Without the cap on findings per document: the bound must hold for every finding.
        .args([
            "check",
            "--isolated",
            "--quiet",
            "--max-findings",
            "0",
            "--format",
            format,
        ])
        .arg(file)
        .stdout(Stdio::from(out))
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "{file} {format}: {status:?}"
    );
    println!("peak {}", children_peak());
}

fn samples() -> String {
    let dir = common::root().join("samples");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
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

/// About `bytes` of the samples (garbled on purpose, so full of findings): as they are, or with
/// every line break replaced by a space (one line).
fn write_corpus(path: &Path, bytes: usize, one_line: bool) -> u64 {
    let mut base = samples();
    if one_line {
        base = base.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    base.push(if one_line { ' ' } else { '\n' });
    let mut file = std::io::BufWriter::new(File::create(path).unwrap());
    let mut written = 0;
    while written < bytes {
        file.write_all(base.as_bytes()).unwrap();
        written += base.len();
    }
    file.write_all(b"\n").unwrap();
    file.flush().unwrap();
    std::fs::metadata(path).unwrap().len()
}

fn check_sizes(many_lines_mb: usize, one_line_mb: usize) {
    // One at a time, so that two huge files are never in memory together.
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small.txt");
    write_corpus(&small, 64 << 10, false);
    let baseline = run(&small, "json", dir.path()).max(run(&small, "human", dir.path()));
    for (mb, one_line) in [(many_lines_mb, false), (one_line_mb, true)] {
        let file = dir
            .path()
            .join(if one_line { "line.txt" } else { "many.txt" });
        let size = write_corpus(&file, mb << 20, one_line);
        // SARIF is written as the JSON report is (streamed): once is enough to show it.
        let formats: &[&str] = if one_line {
            &["json", "human"]
        } else {
            &["json", "human", "sarif"]
        };
        for &format in formats {
            let peak = run(&file, format, dir.path());
            let grown = peak.saturating_sub(baseline);
            eprintln!(
                "{} MB {}, {format}: peak {} MB, {:.2} bytes per input byte above the {} MB baseline",
                size >> 20,
                if one_line { "on one line" } else { "of lines" },
                peak >> 20,
                grown as f64 / size as f64,
                baseline >> 20
            );
            assert!(
                grown <= BYTES_PER_BYTE * size,
                "{format}: peak {peak} is more than {BYTES_PER_BYTE} times {size} above {baseline}"
            );
        }
        std::fs::remove_file(&file).unwrap();
    }
}

#[test]
#[ignore = "stress, 8 MB: run with --release --ignored"]
fn a_large_file_and_a_long_line_use_at_most_four_times_their_size() {
    let mb = std::env::var("MTLINT_HUGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    check_sizes(mb, mb);
}

#[test]
#[ignore = "stress, 200 MB: run with --release --ignored"]
fn a_200_mb_file_and_a_20_mb_line() {
    check_sizes(200, 20);
}

/// Issue 23: a section cut at 256 KiB split pairs into an "unclosed" and an "unopened" half. 512 KB
/// of balanced, nested brackets has no finding, and 512 KB of opening brackets has one per bracket
/// and no unopened one.
#[test]
#[ignore = "stress, 1 MB of brackets: run with --release --ignored"]
fn section_cuts_never_split_a_bracket_pair() {
    let dir = tempfile::tempdir().unwrap();
    let count = |text: String| {
        let path = dir.path().join("brackets.txt");
        std::fs::write(&path, text).unwrap();
        let output = common::mtlint()
            .args(["check", "--isolated", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        let report = common::report_of(&output);
        let codes: Vec<String> = common::findings(&report)
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect();
        // Past the cap on findings per document (1000), the rest are counted, not reported.
        let omitted = report["files"][0]["findings_omitted"].as_u64().unwrap_or(0) as usize;
        let q006 = codes.iter().filter(|c| *c == "Q006").count();
        (codes.len() + omitted, q006, omitted)
    };
    assert_eq!(count("(".repeat(262_144) + &")".repeat(262_144)), (0, 0, 0));
    // Every finding of unclosed brackets is a Q006: the reported 1000 all are, and no cut added
    // an unopened-bracket finding to the count.
    assert_eq!(count("(".repeat(524_288)), (524_288, 1000, 523_288));
}
