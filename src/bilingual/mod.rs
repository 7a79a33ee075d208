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
use crate::text::{Document, InputFormat, Original, Source};

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
                .map(|(segment, original)| AlignedPair {
                    target: segment.range.clone(),
                    original: original.as_str(),
                })
                .collect();
            Alignment {
                pairs,
                problem: None,
            }
        }
        Some(Original::Document { name, text }) => match paragraph_alignment(doc, name, text) {
            Ok(spans) => Alignment {
                pairs: spans
                    .into_iter()
                    .map(|(target, original)| AlignedPair {
                        target,
                        original: &text[original],
                    })
                    .collect(),
                problem: None,
            },
            Err(problem) => Alignment {
                pairs: Vec::new(),
                problem: Some(problem),
            },
        },
    }
}

/// Byte ranges of a paragraph of the translation and of its paragraph in the original text.
pub type ParagraphPair = (Range<usize>, Range<usize>);

/// Each paragraph of the translation with the byte range of its paragraph in the original
/// document `text`, or why they cannot be paired.
pub fn paragraph_alignment(
    doc: &Document,
    name: &str,
    text: &str,
) -> Result<Vec<ParagraphPair>, String> {
    let blocks = prose::extract(text, InputFormat::Plain, &[0..text.len()]).blocks;
    if blocks.len() != doc.paragraphs.len() {
        return Err(format!(
            "cannot align with the original {name}: it has {} paragraph{} and the translation {}; the bilingual \
             checks need one paragraph of translation for each paragraph of the original",
            blocks.len(),
            if blocks.len() == 1 { "" } else { "s" },
            doc.paragraphs.len()
        ));
    }
    Ok(doc
        .paragraphs
        .iter()
        .map(|p| p.range.clone())
        .zip(blocks)
        .collect())
}

/// Where the originals of a checked document lie, kept with its [`crate::Report`] so that the
/// report formats can show each finding's original beside it without analysing the document
/// again. Table rows need nothing here (a row's original is the original cell of the same row);
/// for a whole original document these are the aligned paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OriginalSpans {
    /// (paragraph of the translation, its paragraph in the original text), in document order.
    paragraphs: Vec<ParagraphPair>,
}

impl OriginalSpans {
    /// The spans of an analysed document: empty unless it has a whole original document that aligns.
    pub fn of(doc: &Document) -> OriginalSpans {
        let paragraphs = match doc.source().original() {
            Some(Original::Document { name, text }) => {
                paragraph_alignment(doc, name, text).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        OriginalSpans { paragraphs }
    }

    /// The original of the segment or paragraph of `source` in which byte `at` lies: the original
    /// cell of a table row, the aligned paragraph of an original document; `None` in a
    /// monolingual run, for an empty original cell, or where the paragraphs did not align.
    pub fn original_at<'s>(&self, source: &'s Source, at: usize) -> Option<&'s str> {
        let original = match source.original()? {
            Original::Segments(cells) => cells.get(source.segment_of(at))?.as_str(),
            Original::Document { text, .. } => {
                let i = self
                    .paragraphs
                    .partition_point(|(target, _)| target.end <= at);
                let (target, original) = self.paragraphs.get(i)?;
                if at < target.start {
                    return None;
                }
                text.get(original.clone())?
            }
        };
        Some(original.trim()).filter(|o| !o.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::script::is_han;

    #[test]
    fn han_covers_every_cjk_block() {
        // URO, extension A, compatibility ideographs, extension B, and extensions G and H above
        // U+30000 (𰀀, 𱍐).
        for c in ['中', '㐀', '豈', '𠀀', '\u{30000}', '\u{31350}'] {
            assert!(is_han(c), "{c} U+{:X}", c as u32);
        }
        assert!(!is_han('a') && !is_han('，') && !is_han('の'));
    }

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
        let original = Original::Document {
            name: "zh.txt".into(),
            text: "第一段。\n\n第二段。\n".into(),
        };
        let source = Source::new("en.txt", "First.\n\nSecond.\n", InputFormat::Plain)
            .with_original(original.clone());
        let doc = Document::new(&source);
        assert_eq!(align(&doc).pairs[1].original, "第二段。");
        let short =
            Source::new("en.txt", "Only one.\n", InputFormat::Plain).with_original(original);
        let doc = Document::new(&short);
        let problem = align(&doc).problem.unwrap();
        assert!(
            problem.contains("2 paragraphs") && problem.contains("translation 1"),
            "{problem}"
        );
    }
}
