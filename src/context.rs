//! What a rule reads: the document, the glossary, and the analyses several rules share.

use std::cell::OnceCell;

use crate::bilingual::Alignment;
use crate::bilingual::names::{SourceName, source_names};
use crate::bilingual::numbers::PairNumbers;
use crate::entities::mentions::{NameRun, name_runs};
use crate::glossary::Glossary;
use crate::lexicon::{self, Lexicon};
use crate::names::NameAnalysis;
use crate::text::Document;

/// What a rule can read: the document, the glossary, and the analyses shared by several rules,
/// each computed on first use and then kept for the other rules of the same document.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    /// The canonical names and accepted words of the configuration and glossary files.
    pub glossary: &'a Glossary,
    names: OnceCell<NameAnalysis>,
    alignment: OnceCell<Alignment<'a>>,
    pair_numbers: OnceCell<Vec<PairNumbers>>,
    pair_names: OnceCell<Vec<Vec<SourceName<'a>>>>,
    wordless: OnceCell<Vec<bool>>,
    name_runs: OnceCell<Vec<NameRun>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document<'a>, glossary: &'a Glossary) -> Context<'a> {
        Context {
            doc,
            glossary,
            names: OnceCell::new(),
            alignment: OnceCell::new(),
            pair_numbers: OnceCell::new(),
            pair_names: OnceCell::new(),
            wordless: OnceCell::new(),
            name_runs: OnceCell::new(),
        }
    }

    /// The people, organisations and places the document names, clustered (see [`crate::names`]).
    pub fn names(&self) -> &NameAnalysis {
        self.names
            .get_or_init(|| NameAnalysis::new(self.doc, &self.glossary.names_in(self.doc.view())))
    }

    /// The translation aligned with its original (empty without one).
    pub fn alignment(&self) -> &Alignment<'a> {
        self.alignment
            .get_or_init(|| crate::bilingual::align(self.doc))
    }

    /// The numbers of each aligned pair, in the order of [`Alignment::pairs`]: read once for the
    /// rules that compare them (B002, B008).
    pub fn pair_numbers(&self) -> &[PairNumbers] {
        self.pair_numbers.get_or_init(|| {
            self.alignment()
                .pairs
                .iter()
                .map(|p| PairNumbers::read(p.original, self.doc.slice(p.target.clone())))
                .collect()
        })
    }

    /// The Chinese names of each aligned pair's original, in the order of [`Alignment::pairs`]:
    /// read once for the rules that look for them in the translation (B001, B007).
    pub fn pair_names(&self) -> &[Vec<SourceName<'a>>] {
        self.pair_names.get_or_init(|| {
            self.alignment()
                .pairs
                .iter()
                .map(|p| source_names(p.original))
                .collect()
        })
    }

    /// Whether paragraph `index` has no word at all: a lone `«` on a navigation button, a `"`
    /// alone in a table cell (a ditto mark). A quotation mark there quotes nothing, so Q001 and
    /// Q002 do not report it. One pass over the tokens per document, shared by both rules.
    pub fn is_wordless_paragraph(&self, index: usize) -> bool {
        let wordless = self.wordless.get_or_init(|| {
            let doc = self.doc;
            doc.paragraphs
                .iter()
                .map(|p| !doc.tokens[p.tokens.clone()].iter().any(|t| t.is_word()))
                .collect()
        });
        wordless.get(index).copied().unwrap_or(false)
    }

    /// The runs of capitalised words where the document may name an entity, found once for the
    /// entity rules (E001, E002, E003).
    pub fn name_runs(&self) -> &[NameRun] {
        self.name_runs.get_or_init(|| name_runs(self.doc))
    }

    pub fn lexicon(&self) -> &'static Lexicon {
        lexicon::lexicon()
    }
}
