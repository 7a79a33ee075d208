//! The measuring scripts in `tools/` choose the score's weights (`tools/calibrate.py` writes
//! `wordlists/score_weights.tsv`), so a fault in them is a fault in the score. Their unit tests
//! (`tools/test_*.py`, made-up rows, no data file) run here when `python3` is installed.

use std::path::Path;
use std::process::Command;

#[test]
fn measuring_scripts_pass_their_unit_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = match Command::new("python3")
        .args([
            "-m",
            "unittest",
            "discover",
            "-s",
            "tools",
            "-p",
            "test_*.py",
        ])
        .current_dir(root)
        .output()
    {
        Ok(output) => output,
        Err(e) => {
            eprintln!("skipped: python3 is not available ({e})");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "tools/test_*.py failed:\n{stderr}");
    assert!(stderr.contains("Ran "), "no test ran:\n{stderr}");
}
