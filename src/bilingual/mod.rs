//! Bilingual mode: a translation checked against the text it was translated from.
//!
//! The original comes with the translation: one original segment per table row
//! (`--source-column`), or a whole original document (`--source`) aligned one to one with the
//! translation's paragraphs. The alignment is computed once per document ([`align`]) and the
//! bilingual rules (`rules/bilingual/`) compare each aligned pair: names, numbers, untranslated
//! text, brackets and quotation marks, URLs and codes.

pub mod names;
pub mod numbers;

use std::ops::Range;

use crate::text::prose;
use crate::text::{Document, InputFormat, Original};

/// A stretch of the translation and the original text it translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedPair<'d> {
    /// Byte range of the translated segment or paragraph in the document.
    pub target: Range<usize>,
    /// The original text of that segment or paragraph.
    pub original: &'d str,
}

/// All aligned pairs of a document, or why there are none.
#[derive(Debug, Clone, Default)]
pub struct Alignment<'d> {
    pub pairs: Vec<AlignedPair<'d>>,
    /// Set when an original was given but could not be aligned.
    pub problem: Option<String>,
}

/// Aligns a document with its original: table rows one to one with their original cells, a whole
/// document paragraph by paragraph when the counts match.
pub fn align<'d>(doc: &'d Document<'d>) -> Alignment<'d> {
    let source = doc.source();
    match source.original() {
        None => Alignment::default(),
        Some(Original::Segments(originals)) => {
            let pairs = source
                .segments()
                .iter()
                .zip(originals)
                .map(|(segment, original)| AlignedPair { target: segment.range.clone(), original: original.as_str() })
                .collect();
            Alignment { pairs, problem: None }
        }
        Some(Original::Document { name, text }) => {
            let blocks = prose::extract(text, InputFormat::Plain, &[0..text.len()]).blocks;
            if blocks.len() != doc.paragraphs.len() {
                let problem = format!(
                    "cannot align with the original {name}: it has {} paragraph{} and the translation {}; the bilingual \
                     checks need one paragraph of translation for each paragraph of the original",
                    blocks.len(),
                    if blocks.len() == 1 { "" } else { "s" },
                    doc.paragraphs.len()
                );
                return Alignment { pairs: Vec::new(), problem: Some(problem) };
            }
            let pairs = doc
                .paragraphs
                .iter()
                .zip(blocks)
                .map(|(paragraph, block)| AlignedPair { target: paragraph.range.clone(), original: &text[block] })
                .collect();
            Alignment { pairs, problem: None }
        }
    }
}

/// Han characters (Chinese, and the kanji of Japanese).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Source;

    #[test]
    fn rows_align_with_their_cells() {
        let source = Source::from_rows("t", &[(1, "One."), (2, "Two.")], InputFormat::Plain)
            .with_original(Original::Segments(vec!["一。".into(), "二。".into()]));
        let doc = Document::new(&source);
        let alignment = align(&doc);
        assert_eq!(alignment.pairs.len(), 2);
        assert_eq!(doc.slice(alignment.pairs[1].target.clone()), "Two.");
        assert_eq!(alignment.pairs[1].original, "二。");
    }

    #[test]
    fn documents_align_by_paragraph_or_say_why_not() {
        let original = Original::Document { name: "zh.txt".into(), text: "第一段。\n\n第二段。\n".into() };
        let source = Source::new("en.txt", "First.\n\nSecond.\n", InputFormat::Plain).with_original(original.clone());
        let doc = Document::new(&source);
        assert_eq!(align(&doc).pairs[1].original, "第二段。");
        let short = Source::new("en.txt", "Only one.\n", InputFormat::Plain).with_original(original);
        let doc = Document::new(&short);
        let problem = align(&doc).problem.unwrap();
        assert!(problem.contains("2 paragraphs") && problem.contains("translation 1"), "{problem}");
    }
}
