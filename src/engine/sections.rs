//! Large documents are checked in sections (see [`super::Linter::check`]): where to cut them.

use std::ops::Range;

use crate::text::{self, InputFormat, QuoteMap, Source};

/// Documents larger than this are checked in sections of about this size (see [`Linter::check`](super::Linter::check)).
pub const SECTION_BYTES: usize = 1 << 18;

/// How far a section may grow past [`SECTION_BYTES`] to end where no quotation or bracket is open.
const MAX_SECTION_GROWTH: usize = 2;

/// Byte ranges of the sections of a large text. A section ends where no quotation or bracket
/// pair is open, so that no pair is cut in two (which would report an unclosed and an unopened
/// mark that pair in the whole text): at a blank line where one lies in its last quarter, else at
/// a line break, else after whitespace, so that no paragraph (or, failing that, no word) is cut.
/// Markdown is only cut outside fenced code, where a blank line is prose. Where every such place
/// in the last quarter is inside a pair, the section grows, up to [`MAX_SECTION_GROWTH`] times
/// `size`; past that it ends where a paragraph or word ends, pair or not.
pub(super) fn sections(text: &str, format: InputFormat, size: usize) -> Vec<Range<usize>> {
    let fences = if format == InputFormat::Markdown {
        text::prose::fenced_code(text)
    } else {
        Vec::new()
    };
    let in_fence = |at: usize| fences.iter().any(|f| f.contains(&at));
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        // One pairing pass over as far as the section may grow.
        let (low, first) = (floor(start + size * 3 / 4), floor(start + size));
        let reach = floor(start + size * MAX_SECTION_GROWTH);
        let open = open_pairs(&text[start..reach], format);
        let allowed = |p: &usize| *p > start && !in_fence(*p);
        let safe = |p: &usize| allowed(p) && !QuoteMap::splits(&open, p - start);
        let cut = cut_places(text, low, first)
            .find(safe)
            .or_else(|| {
                if reach == text.len() {
                    Some(reach)
                } else {
                    cut_places(text, first, reach).find(safe)
                }
            })
            .or_else(|| cut_places(text, low, first).find(allowed))
            .unwrap_or(first);
        out.push(start..cut);
        start = cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Places to end a section in `text[low..end]`, best first: after a blank line, after a line
/// break, after whitespace, each from the end backwards.
fn cut_places(text: &str, low: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
    let slice = &text[low..end];
    let blank_lines = slice.rmatch_indices("\n\n").map(|(p, _)| p + 2);
    let line_breaks = slice.rmatch_indices('\n').map(|(p, _)| p + 1);
    let spaces = slice
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(p, c)| p + c.len_utf8());
    blank_lines
        .chain(line_breaks)
        .chain(spaces)
        .map(move |p| low + p)
}

/// The stretches of `text` that a cut would split a quotation or bracket pair across.
fn open_pairs(text: &str, format: InputFormat) -> Vec<Range<usize>> {
    let part = Source::new("", text, format);
    let (prose, quotes) = text::document::pair_quotes(&part);
    quotes.open_spans(&prose.view, &prose.blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_end_at_paragraphs_and_never_inside_fenced_code() {
        let text = format!(
            "{}\n\n```\n{}\n\ncode\n```\n\nafter\n",
            "word ".repeat(300),
            "x ".repeat(200)
        );
        for range in sections(&text, InputFormat::Markdown, 1000) {
            assert!(
                text::prose::fenced_code(&text)
                    .iter()
                    .all(|f| !f.contains(&range.start) || range.start == f.start),
                "{range:?}"
            );
        }
        let wide = "“é” ".repeat(500);
        let pieces = sections(&wide, InputFormat::Plain, 101);
        assert_eq!(
            pieces.iter().map(|r| &wide[r.clone()]).collect::<String>(),
            wide
        );
        let plain = "a b c\n\nd e f\n\ng h i\n".repeat(50);
        let cuts = sections(&plain, InputFormat::Plain, 100);
        assert!(cuts.len() > 1);
        assert!(
            cuts.iter()
                .skip(1)
                .all(|r| plain[..r.start].ends_with("\n\n"))
        );
        assert_eq!(cuts.last().unwrap().end, plain.len());
    }

    #[test]
    fn sections_never_cut_a_pair_in_two() {
        // Balanced brackets nested across the whole text: no place is free, so the section grows.
        let nested = "(a ".repeat(400) + &"b) ".repeat(400);
        assert_eq!(
            sections(&nested, InputFormat::Plain, 1200),
            [0..nested.len()]
        );
        // A quotation over the place where the cut would fall: the cut moves before it.
        let text = "He said so. ".repeat(70)
            + "She said \""
            + &"and more. ".repeat(30)
            + "the end\" and left. "
            + &"He left. ".repeat(100);
        let opening = text.find('"').unwrap();
        let closing = text.rfind('"').unwrap();
        let cuts = sections(&text, InputFormat::Plain, 1000);
        assert!(cuts.len() > 1);
        for cut in &cuts[1..] {
            assert!(!(opening < cut.start && cut.start <= closing), "{cut:?}");
        }
        // Past the growth limit, a cut is made all the same.
        let open = "(".repeat(100) + &" x".repeat(5000);
        assert!(sections(&open, InputFormat::Plain, 1000).len() > 1);
    }
}
