//! Prints the fluency signals of every sentence of every line of standard input, for
//! `tools/fluency/fit.py`: one output line per sentence, `line<TAB>signal values…` in the order of
//! `mtlint::fluency::SIGNALS` (line numbers are 1-based). Lines are plain text, one segment each.
//!
//! `cargo run --release --example fluency_signals < texts.txt`

use std::io::{self, BufRead, BufWriter, Write};

use mtlint::fluency::all_signals;
use mtlint::{Document, InputFormat, Source};

fn main() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    writeln!(out, "line\t{}", mtlint::fluency::SIGNALS.join("\t"))?;
    for (i, line) in io::stdin().lock().lines().enumerate() {
        let line = line?;
        let source = Source::new("line", line.as_str(), InputFormat::Plain);
        for (_, signals) in all_signals(&Document::new(&source)) {
            let values: Vec<String> = signals.values().iter().map(|v| format!("{v:.6}")).collect();
            writeln!(out, "{}\t{}", i + 1, values.join("\t"))?;
        }
    }
    out.flush()
}
