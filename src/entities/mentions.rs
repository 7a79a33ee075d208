//! Where a document may name an entity: runs of capitalised words.
//!
//! A [`NameRun`] is a maximal stretch of one sentence made of capitalised words, joined by the
//! lowercase function words that names contain ("University *of* Hong Kong", "Newcastle *upon*
//! Tyne") and by inner hyphens ("Sun Yat-sen"). A possessive ends a run ("China's | Tsinghua
//! University"), and so does any other punctuation or a line break. Runs are built from the
//! document's tokens, in one pass, without copying the text: every word is a byte range.
//!
//! Entity rules look inside runs for head words ("University", "Province") and try the spans
//! around them, or look up short spans whole for exact names.

use std::ops::Range;

use super::normalize::FUNCTION_WORDS;
use crate::text::{Document, Flags, Token, TokenKind};

/// One word of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameWord {
    /// Byte range in the original text, without a possessive "'s".
    pub range: Range<usize>,
    /// Where the word ends with its possessive "'s", if it has one ("McDonald's" is a name).
    pub full_end: usize,
    /// Lowercase, as in lookup keys.
    pub lower: String,
    /// A lowercase function word inside the name ("of", "and").
    pub connector: bool,
    pub capitalised: bool,
    pub all_caps: bool,
    pub sentence_initial: bool,
}

/// A run of name words in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    pub words: Vec<NameWord>,
}

impl NameRun {
    /// The byte range from word `first` to word `last` (inclusive).
    pub fn range(&self, first: usize, last: usize) -> Range<usize> {
        self.words[first].range.start..self.words[last].range.end
    }

    /// The spans a lookup finds, left to right without overlap: `longest(start)` gives the last
    /// word and the value of the longest name starting at word `start`, and the scan goes on after
    /// that name, or at the next word when none starts here.
    pub fn longest_spans<T>(
        &self,
        mut longest: impl FnMut(usize) -> Option<(usize, T)>,
    ) -> Vec<(usize, usize, T)> {
        let mut spans = Vec::new();
        let mut start = 0;
        while start < self.words.len() {
            match longest(start) {
                Some((end, value)) => {
                    spans.push((start, end, value));
                    start = end + 1;
                }
                None => start += 1,
            }
        }
        spans
    }
}

/// Every run of name words in the document.
pub fn name_runs(doc: &Document) -> Vec<NameRun> {
    let mut runs = Vec::new();
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let mut run: Vec<NameWord> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            if token.is(Flags::LINE_BREAK_BEFORE) && i > 0 {
                close(&mut run, &mut runs);
            }
            match token.kind {
                TokenKind::Word if !token.is(Flags::HAS_DIGIT) => {
                    let (word, possessive) = word_of(doc, token);
                    // "Yat-sen", "Abu-Dhabi": a hyphen with no space on either side joins two words.
                    if let Some(last) = run.last_mut().filter(|_| joined_by_hyphen(doc, tokens, i))
                    {
                        last.range.end = word.range.end;
                        last.full_end = word.full_end;
                        last.lower.push('-');
                        last.lower.push_str(&word.lower);
                    } else if word.capitalised || word.all_caps {
                        run.push(word);
                    } else if !run.is_empty()
                        && FUNCTION_WORDS.contains(&word.lower.as_str())
                        && word.lower != "the"
                    {
                        run.push(NameWord {
                            connector: true,
                            ..word
                        });
                    } else if !run.is_empty()
                        && word.lower == "the"
                        && token.is(Flags::SPACE_BEFORE)
                    {
                        // "Newcastle upon the Tyne" is rare; "the" inside a run mostly starts a
                        // new phrase ("Peking University the ..."), so it ends the run.
                        close(&mut run, &mut runs);
                    } else {
                        close(&mut run, &mut runs);
                    }
                    if possessive {
                        close(&mut run, &mut runs);
                    }
                }
                TokenKind::Punct
                    if is_hyphen(doc.text(token)) && joined_by_hyphen(doc, tokens, i + 1) => {}
                TokenKind::Punct | TokenKind::Symbol
                    if doc.text(token) == "&" && !run.is_empty() =>
                {
                    let range = token.range();
                    run.push(NameWord {
                        full_end: range.end,
                        range,
                        lower: "&".to_string(),
                        connector: true,
                        capitalised: false,
                        all_caps: false,
                        sentence_initial: false,
                    });
                }
                _ => close(&mut run, &mut runs),
            }
            i += 1;
        }
        close(&mut run, &mut runs);
    }
    runs
}

fn is_hyphen(text: &str) -> bool {
    matches!(text, "-" | "‐" | "‑")
}

/// Whether token `i` is a word that follows a hyphen which follows a word, with no spaces.
fn joined_by_hyphen(doc: &Document, tokens: &[Token], i: usize) -> bool {
    if i < 2 || i >= tokens.len() {
        return false;
    }
    let (before, hyphen, word) = (&tokens[i - 2], &tokens[i - 1], &tokens[i]);
    before.kind == TokenKind::Word
        && word.kind == TokenKind::Word
        && is_hyphen(doc.text(hyphen))
        && before.end == hyphen.start
        && hyphen.end == word.start
}

/// The name word of a token, and whether it carried a possessive "'s".
fn word_of(doc: &Document, token: &Token) -> (NameWord, bool) {
    let (stem, possessive) = doc.text_without_possessive(token);
    let range = token.start as usize..token.start as usize + stem.len();
    let letters = stem.chars().filter(|c| c.is_alphabetic());
    let all_caps = stem.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.clone().all(char::is_uppercase);
    let capitalised = stem.chars().next().is_some_and(char::is_uppercase);
    let word = NameWord {
        range,
        full_end: token.end as usize,
        lower: stem.to_lowercase().replace('’', "'"),
        connector: false,
        capitalised,
        all_caps,
        sentence_initial: token.is(Flags::SENTENCE_INITIAL),
    };
    (word, possessive)
}

/// Ends the current run: drops trailing connectors and keeps it if a capitalised word remains.
fn close(run: &mut Vec<NameWord>, runs: &mut Vec<NameRun>) {
    while run.last().is_some_and(|w| w.connector) {
        run.pop();
    }
    if !run.is_empty() {
        runs.push(NameRun {
            words: std::mem::take(run),
        });
    }
    run.clear();
}

/// Whether a word of a name has an explanation other than a garble: an ordinary English word, a
/// known given name or surname, a known entity, or the name of a real town. Single letters never
/// do ("Z Jiang").
pub fn is_explained(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if chars.next().is_none() {
        return false;
    }
    let lower = word.to_lowercase().replace('’', "'");
    let lexicon = crate::lexicon::lexicon();
    let capitalised: String = first.to_uppercase().chain(lower.chars().skip(1)).collect();
    lexicon.english_word(&lower).is_some()
        || lexicon.western_name(&capitalised).is_some()
        || super::known_entities().lookup(word).is_some()
        || super::known_entities().is_place_name(&lower)
        || super::known_entities().is_place_name(&super::similarity::fold_accents(&lower))
}

/// The countries of the known entities a document names, with how often: the context in which a
/// heavily garbled name is read ("Tingryu University" in an article naming China and Peking
/// University).
pub fn entity_countries(runs: &[NameRun]) -> Vec<(&'static str, usize)> {
    let known = super::known_entities();
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for run in runs {
        let mut start = 0;
        while start < run.words.len() {
            // The longest known span starting here, up to six words.
            let end = (start..run.words.len().min(start + 6))
                .rev()
                .find_map(|end| {
                    let (first, last) = (&run.words[start], &run.words[end]);
                    if first.connector || last.connector {
                        return None;
                    }
                    let key: Vec<&str> = run.words[start..=end]
                        .iter()
                        .map(|w| w.lower.as_str())
                        .collect();
                    let record = known.lookup(&key.join(" "))?.record;
                    Some((end, record))
                });
            match end {
                Some((end, record)) => {
                    if !record.country.is_empty() && !record.is_common_word() {
                        match counts.iter_mut().find(|(c, _)| *c == record.country) {
                            Some((_, n)) => *n += 1,
                            None => counts.push((record.country, 1)),
                        }
                    }
                    start = end + 1;
                }
                None => start += 1,
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{InputFormat, Source};

    fn runs(text: &str) -> Vec<Vec<String>> {
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        name_runs(&doc)
            .iter()
            .map(|r| {
                r.words
                    .iter()
                    .map(|w| text[w.range.clone()].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn runs_join_names_with_function_words() {
        assert_eq!(
            runs("She studied at the University of Hong Kong, and at Peking University and Fudan."),
            [
                vec!["She"],
                vec!["University", "of", "Hong", "Kong"],
                vec!["Peking", "University", "and", "Fudan"]
            ]
        );
        assert_eq!(
            runs("China's Tsinghua University said"),
            [vec!["China"], vec!["Tsinghua", "University"]]
        );
        assert_eq!(runs("Deepseek's founder"), [vec!["Deepseek"]]);
        assert_eq!(
            runs("at Sun Yat-sen University, Guangzhou"),
            [vec!["Sun", "Yat-sen", "University"], vec!["Guangzhou"]]
        );
        assert_eq!(
            runs("Texas A&M University"),
            [vec!["Texas", "A", "&", "M", "University"]]
        );
        assert_eq!(
            runs("the Z Jiang Province Communist Party Committee, where"),
            [vec![
                "Z",
                "Jiang",
                "Province",
                "Communist",
                "Party",
                "Committee"
            ]]
        );
        assert_eq!(runs("He met Xi, and left."), [vec!["He"], vec!["Xi"]]);
    }
}
