//! The fuzz targets `check_bytes`, `markdown` and `table` (`fuzz/fuzz_targets/`) under proptest,
//! so that their invariants (`fuzz/invariants.rs`) are checked in every `cargo test` on a stable
//! toolchain, where cargo-fuzz cannot run. `fix_properties.rs` does the same for `fix`.
//!
//! Inputs are built from fragments that reach the code paths the issues found fragile: brackets
//! and quotation marks by the dozen, lone carriage returns, escape sequences, invalid UTF-8, byte-
//! order marks, Markdown structure, and for tables quoted cells, doubled and unclosed quotation
//! marks, ragged rows and repeated headers. Each property runs a fixed number of small cases, so
//! the three together take a few seconds of the test budget; the corpus of
//! `tests/fuzz_regressions/` replays the issues' own cases.

use crate::invariants;

use proptest::prelude::*;

/// Pieces of text, valid UTF-8 or not.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "the the", "He said", "Liang Wenfeng", "Leann", "Tsinghua University", "Deepseek",
            " ", " ", ".", ",", "“", "”", "\"", "'", "(", ")", "((((((((", "““““\"\"\"\"", "，",
            "\n", "\n\n", "\r", "\r\n", "\t", "\u{1b}[31m", "\u{7}", "\u{202e}", "\u{feff}", "中文",
            "e\u{301}", "++ ", "+++ b/x", "@@ -1 +1 @@", "<!-- mtlint-disable -->",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 0..8),
        1 => "[a-zA-Z]{1,10}".prop_map(String::into_bytes),
    ]
}

fn pieces(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..max).prop_map(|p| p.concat())
}

/// Markdown's own structure, mixed with the pieces above.
fn markdown_piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => piece(),
        1 => prop::sample::select(vec![
            "# ", "> ", "- ", "1. ", "**", "_", "`", "```\n", "~~~\n", "    ", "---\n", "[a](", ")",
            "![i](x.png)", "<p>", "</p>", "<!-- x -->", "&amp;", "\\", "| a | b |\n|---|---|\n",
            "https://example.com/a_(b)", "<script>x</script>", "<pre>", "</pre>",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ]
}

/// A table: a header (sometimes with a column named twice), then rows whose cells are pieces,
/// sometimes quoted, sometimes with a quotation mark left open, sometimes ragged.
fn table() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        3 => pieces(4),
        1 => pieces(4).prop_map(|c| [b"\"".to_vec(), c, b"\"".to_vec()].concat()),
        1 => pieces(3).prop_map(|c| [b"\"".to_vec(), c].concat()),
        1 => Just(b"\"a \"\"b\"\" c\"".to_vec()),
    ];
    let header = prop::sample::select(vec![
        "doc,text,source",
        "doc\ttext\tsource",
        "text,text",
        "id,text",
        "text",
        "doc,other",
    ]);
    (
        header,
        prop::collection::vec(
            (
                prop::collection::vec(cell, 1..4),
                prop::sample::select(vec![",", "\t"]),
            ),
            0..8,
        ),
    )
        .prop_map(|(header, rows)| {
            let mut out = format!("{header}\n").into_bytes();
            for (cells, delimiter) in rows {
                out.extend(cells.join(delimiter.as_bytes()));
                out.push(b'\n');
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn check_bytes_holds_for_any_bytes(format in any::<u8>(), body in pieces(60)) {
        let mut data = vec![format];
        data.extend(body);
        invariants::check_bytes(&data);
    }

    #[test]
    fn markdown_holds_for_any_text(
        format in any::<u8>(),
        body in prop::collection::vec(markdown_piece(), 0..60),
    ) {
        let mut data = vec![format];
        data.extend(body.concat());
        invariants::markdown(&data);
    }

    #[test]
    fn table_holds_for_any_table(flags in any::<u8>(), body in table()) {
        let mut data = vec![flags];
        data.extend(body);
        invariants::table(&data);
    }
}
