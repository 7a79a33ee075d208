//! Fixing never loses data, over generated documents.
//!
//! Documents are built from fragments that make the rules fire (doubled words, spaces inside
//! quotation marks, full-width punctuation, names spelled two ways) mixed with what makes offsets
//! hard (multi-byte characters, CRLF and lone CR, a byte-order mark, Markdown and HTML markup,
//! URLs). For each, the same invariants as the fuzz targets (`fuzz/invariants.rs`) must hold:
//! - every finding, related range and fix edit lies on character boundaries inside the text;
//! - applying the fixes changes exactly the bytes of the applied edits, and nothing else;
//! - fixing a fixed document changes nothing, and a byte-order mark survives.

use crate::invariants;

use mtlint::{InputFormat, Source};
use proptest::prelude::*;

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "the", "the the", "The the", "big big", "of of", "He said", "Liang Wenfeng", "Leann", "Lian Wenfeng",
            "Tsinghua University", "said", "results", "is", "a",
        ])
        .prop_map(String::from),
        3 => prop::sample::select(vec![
            " ", " ", " ", ".", ",", "“", "”", "“ ", " ”", "‘", "’", "\"", "'", "，", "。", "、", "：", "（", "）",
            "(", ")", "[", "]", "\r\n", "\r", "\n", "\n\n", "\t", "\u{a0}", "é", "中文", "👍", "e\u{301}",
        ])
        .prop_map(String::from),
        1 => prop::sample::select(vec![
            "https://example.com/a_b", "a.b@example.org", "`the the`", "# ", "> ", "- ", "**", "<p>", "</p>",
            "&amp;", "<!-- x -->", "```\n", "---\n",
        ])
        .prop_map(String::from),
        1 => "[a-zA-Z]{1,8}",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn document() -> impl Strategy<Value = (String, InputFormat)> {
    (
        any::<bool>(),
        prop::collection::vec(fragment(), 0..80),
        prop::sample::select(vec![
            InputFormat::Plain,
            InputFormat::Markdown,
            InputFormat::Html,
        ]),
    )
        .prop_map(|(bom, parts, format)| {
            let text = parts.concat();
            (if bom { format!("\u{feff}{text}") } else { text }, format)
        })
}

/// The three properties, on `$cases` generated documents each: 48 in every `cargo test`, 300 in the
/// stress set (`stress::`), where a debug build took 24 s for them.
macro_rules! properties {
    ($cases:expr $(, #[$stress:meta])?) => {
        proptest! {
            #![proptest_config(ProptestConfig { cases: $cases, ..ProptestConfig::default() })]

            #[test]
            $(#[$stress])?
            fn findings_and_edits_fall_on_character_boundaries((text, format) in document()) {
                invariants::check_source(&Source::new("p.txt", text, format));
            }

            #[test]
            $(#[$stress])?
            fn fixing_changes_only_the_edited_bytes_and_a_fixed_text_stays_fixed((text, format) in document()) {
                invariants::check_fixing(&text, format);
            }

            #[test]
            $(#[$stress])?
            fn arbitrary_edits_are_applied_exactly_or_refused(
                (text, format) in document(),
                edits in prop::collection::vec(any::<u8>(), 0..120),
            ) {
                let mut data = vec![format as u8];
                data.extend(text.as_bytes());
                data.push(0xFF);
                data.extend(edits);
                invariants::fix(&data);
            }
        }
    };
}

properties!(48);

mod stress {
    use super::*;

    properties!(300, #[ignore = "stress, 300 documents per property: run with --release --ignored"]);
}
