//! The analysed document every rule reads: paragraphs, sentences, tokens and the quotation map.
//!
//! Built once per document from the prose view (see [`super::prose`]). Rules never re-tokenise:
//! they walk these tokens and slice the view with their ranges. Offsets are `u32` to keep a token at
//! twelve bytes; documents over 4 GiB are refused before they get here.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::prose::{self, OPAQUE};
use super::quotes::QuoteMap;
use super::source::Source;
use crate::lexicon::{self, AbbreviationKind};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits and inner apostrophes or full stops ("it's", "U.S", "COVID19").
    Word,
    /// Digits, possibly with inner separators ("2,300", "3.5").
    Number,
    /// One punctuation character.
    Punct,
    /// Anything else that is not whitespace (symbols, emoji).
    Symbol,
    /// Non-prose that stands inside a sentence: inline code, a URL, an e-mail address.
    Opaque,
}

bitflags::bitflags! {
    /// Token properties, as bits.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Flags: u16 {
        const CAPITALISED = 1;
        const ALL_CAPS = 1 << 1;
        const SENTENCE_INITIAL = 1 << 2;
        const IN_QUOTE = 1 << 3;
        const IN_BRACKETS = 1 << 4;
        /// Whitespace comes right before the token.
        const SPACE_BEFORE = 1 << 5;
        /// A line break comes before the token (and after the previous one).
        const LINE_BREAK_BEFORE = 1 << 6;
        const HAS_DIGIT = 1 << 7;
        /// Inside a Markdown link text or emphasis (`[Salsa](…)`, `**Other**`).
        const MARKED = 1 << 8;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    pub flags: Flags,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn is(&self, flag: Flags) -> bool {
        self.flags.contains(flag)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A source analysed into paragraphs, sentences, tokens and quotation marks.
pub struct Document<'s> {
    source: &'s Source,
    view: Cow<'s, str>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotes: QuoteMap,
}

impl<'s> Document<'s> {
    pub fn new(source: &'s Source) -> Document<'s> {
        let (prose, quotes) = pair_quotes(source);
        let view = prose.view;
        let mut doc = Document {
            source,
            view,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            quotes,
        };
        for block in prose.blocks {
            doc.add_paragraph(block);
        }
        doc.flag_quotes_and_brackets();
        doc.flag_marked(&prose.marked);
        doc
    }

    pub fn source(&self) -> &'s Source {
        self.source
    }

    /// The prose view: the original text with non-prose masked, byte for byte the same length.
    pub fn view(&self) -> &str {
        &self.view
    }

    /// The text of a token (identical in the view and the original).
    pub fn text(&self, token: &Token) -> &str {
        &self.view[token.range()]
    }

    /// The text of a word token without a possessive ending ("China's", "Jones'"), and whether it
    /// had one. A word that is nothing but the ending ("'s") is returned whole.
    pub fn text_without_possessive(&self, token: &Token) -> (&str, bool) {
        let text = self.text(token);
        match split_possessive(text) {
            (stem, Some(_)) => (stem, true),
            (_, None) => {
                let trimmed = text.trim_end_matches(['\'', '’']);
                (trimmed, trimmed.len() < text.len())
            }
        }
    }

    pub fn slice(&self, range: Range<usize>) -> &str {
        &self.view[range]
    }

    /// Tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// Number of word and number tokens: the length used for scores.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }

    /// Whether the document reads as transcribed speech: it uses fillers ("uh", "um") more than
    /// once. Transcripts repeat words and break off on purpose, so some rules stay quiet in them.
    pub fn is_transcript(&self) -> bool {
        const FILLERS: &[&str] = &["er", "erm", "uh", "uhm", "um", "umm"];
        let fillers = self
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && t.end - t.start <= 4)
            .filter(|t| FILLERS.contains(&self.text(t).to_ascii_lowercase().as_str()))
            .take(2)
            .count();
        fillers >= 2
    }

    /// The sentence that holds byte `at` of the view, if any does.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        let index = self.sentences.partition_point(|s| s.range.end <= at);
        self.sentences.get(index).filter(|s| s.range.start <= at)
    }

    /// Index of the sentence that holds the token at index `token`.
    pub fn sentence_of(&self, token: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= token)
    }

    fn add_paragraph(&mut self, range: Range<usize>) {
        let first_token = self.tokens.len();
        tokenize(&self.view, range.clone(), &mut self.tokens);
        let first_sentence = self.sentences.len();
        let index = self.paragraphs.len();
        split_sentences(
            &self.view,
            &mut self.tokens,
            first_token,
            index,
            &mut self.sentences,
        );
        self.paragraphs.push(Paragraph {
            range,
            sentences: first_sentence..self.sentences.len(),
            tokens: first_token..self.tokens.len(),
        });
    }

    /// Flags the tokens inside `marked` (sorted by start, possibly nested), in one sweep.
    fn flag_marked(&mut self, marked: &[Range<usize>]) {
        let mut spans = marked.iter().peekable();
        let mut reach = 0;
        for token in &mut self.tokens {
            let at = token.start as usize;
            while let Some(span) = spans.next_if(|span| span.start <= at) {
                reach = reach.max(span.end);
            }
            if at < reach {
                token.flags.insert(Flags::MARKED);
            }
        }
    }

    fn flag_quotes_and_brackets(&mut self) {
        for token in &mut self.tokens {
            let at = token.start as usize;
            if self.quotes.in_quote(at) {
                token.flags.insert(Flags::IN_QUOTE);
            }
            if self.quotes.in_brackets(at) {
                token.flags.insert(Flags::IN_BRACKETS);
            }
        }
    }
}

/// Splits a possessive "'s" off a word: ("Leann", Some("'s")) for "Leann's"; a word that is
/// nothing but the ending is not split.
pub fn split_possessive(word: &str) -> (&str, Option<&str>) {
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if !stem.is_empty() {
                return (stem, Some(&word[stem.len()..]));
            }
        }
    }
    (word, None)
}

/// The prose of `source` and the pairing of its quotation marks and brackets: the first steps of
/// [`Document::new`], which a large file also takes alone to choose where to cut it into sections.
pub fn pair_quotes(source: &Source) -> (prose::Prose<'_>, QuoteMap) {
    let segments: Vec<Range<usize>> = source.segments().iter().map(|s| s.range.clone()).collect();
    let prose = prose::extract(source.text(), source.format(), &segments);
    let pairing = pairing_view(source.text(), &prose.view);
    let quotes = if source.is_table() {
        let first_row_end = segments.first().map_or(0, |row| row.end);
        QuoteMap::build_rows(&pairing, &prose.blocks, first_row_end)
    } else {
        QuoteMap::build(&pairing, &prose.blocks)
    };
    (prose, quotes)
}

/// The view in which quotation marks are paired. Markup blanked to spaces in the prose view would
/// make a mark glued to it look spaced (`"<code>x</code>"`, `"[a link](…)"`, `"*word*"`), and a
/// mark's facing is read from its neighbours; so a run of blanked markup with visible text on both
/// sides reads as a letter here, and any other run stays a space.
fn pairing_view<'v>(text: &str, view: &'v str) -> Cow<'v, str> {
    let (text, bytes) = (text.as_bytes(), view.as_bytes());
    let blanked = |i: usize| prose::is_blanked(bytes, text, i);
    // A view that is the text itself (plain text with nothing masked) blanks nothing.
    if std::ptr::eq(text, bytes) || !(0..bytes.len()).any(blanked) {
        return Cow::Borrowed(view);
    }
    let visible = |b: u8| !b.is_ascii_whitespace();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        if !blanked(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && blanked(i) {
            i += 1;
        }
        let inside = start > 0 && visible(bytes[start - 1]) && i < bytes.len() && visible(bytes[i]);
        if inside {
            out[start..i].fill(b'x');
        }
    }
    // Only ASCII spaces were replaced, by an ASCII letter, so this is always UTF-8.
    String::from_utf8(out).map_or(Cow::Borrowed(view), Cow::Owned)
}

/// Appends the tokens of `range` of `view` to `out`.
fn tokenize(view: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let base = range.start;
    let mut pending = Flags::default();
    for (offset, piece) in view[range].split_word_bound_indices() {
        let start = base + offset;
        let first = piece.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            pending.insert(Flags::SPACE_BEFORE);
            if piece.contains(['\n', '\r']) {
                pending.insert(Flags::LINE_BREAK_BEFORE);
            }
            continue;
        }
        if first == OPAQUE as char {
            if let Some(last) = out
                .last_mut()
                .filter(|t| t.kind == TokenKind::Opaque && t.end as usize == start)
            {
                last.end = (start + piece.len()) as u32;
                continue;
            }
        }
        let (kind, flags) = classify(piece, first);
        let mut flags = flags | pending;
        pending = Flags::default();
        if kind == TokenKind::Opaque {
            flags &= Flags::SPACE_BEFORE | Flags::LINE_BREAK_BEFORE;
        }
        out.push(Token {
            start: start as u32,
            end: (start + piece.len()) as u32,
            kind,
            flags,
        });
    }
}

fn classify(piece: &str, first: char) -> (TokenKind, Flags) {
    if first == OPAQUE as char {
        return (TokenKind::Opaque, Flags::default());
    }
    let mut letters = 0usize;
    let mut upper = 0usize;
    let mut digits = false;
    for c in piece.chars() {
        if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        } else if c.is_numeric() {
            digits = true;
        }
    }
    let mut flags = Flags::default();
    if digits {
        flags.insert(Flags::HAS_DIGIT);
    }
    let kind = if letters > 0 {
        if first.is_uppercase() {
            flags.insert(Flags::CAPITALISED);
        }
        if upper == letters && letters >= 2 {
            flags.insert(Flags::ALL_CAPS);
        }
        TokenKind::Word
    } else if digits {
        TokenKind::Number
    } else if piece.chars().count() == 1 && is_punctuation(first) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (kind, flags)
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '„'
                | '‚'
                | '…'
                | '–'
                | '—'
                | '‐'
                | '‑'
                | '‒'
                | '―'
                | '·'
                | '¡'
                | '¿'
        )
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF01}'..='\u{FF0F}').contains(&c)
        || ('\u{FF1A}'..='\u{FF20}').contains(&c)
        || ('\u{FF3B}'..='\u{FF40}').contains(&c)
        || ('\u{FF5B}'..='\u{FF65}').contains(&c)
}

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Marks that may follow a sentence's final punctuation and still belong to it.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '】'
    )
}

fn first_char(view: &str, token: &Token) -> char {
    view[token.range()].chars().next().unwrap_or(' ')
}

/// Splits the tokens `from..` (one paragraph) into sentences and marks sentence-initial words.
fn split_sentences(
    view: &str,
    tokens: &mut [Token],
    from: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let end = tokens.len();
    let mut start = from;
    let mut i = from;
    while i < end {
        if tokens[i].kind == TokenKind::Punct && is_terminal(first_char(view, &tokens[i])) {
            let mut j = i + 1;
            while j < end
                && !tokens[j].is(Flags::SPACE_BEFORE)
                && tokens[j].kind == TokenKind::Punct
                && (is_closer(first_char(view, &tokens[j]))
                    || is_terminal(first_char(view, &tokens[j])))
            {
                j += 1;
            }
            if j == end || (tokens[j].is(Flags::SPACE_BEFORE) && ends_here(view, tokens, i, j)) {
                push_sentence(tokens, start..j, paragraph, out);
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    if start < end {
        push_sentence(tokens, start..end, paragraph, out);
    }
}

/// Whether the terminal punctuation at `stop` ends a sentence, given that the next token is `next`.
fn ends_here(view: &str, tokens: &[Token], stop: usize, next: usize) -> bool {
    let next_token = &tokens[next];
    let next_text = &view[next_token.range()];
    let next_first = next_text.chars().next().unwrap_or(' ');
    if next_first.is_lowercase() {
        return false;
    }
    if first_char(view, &tokens[stop]) != '.'
        || stop == 0
        || tokens[stop - 1].end != tokens[stop].start
    {
        return true;
    }
    let before = &tokens[stop - 1];
    let word = &view[before.range()];
    if before.kind == TokenKind::Word
        && word.chars().count() == 1
        && word.chars().all(char::is_uppercase)
    {
        // An initial ("Michael J. Fox", "J. K. Rowling") ends a sentence only before a word that
        // starts sentences ("... Plan B. The next").
        return lexicon::starts_sentences(next_text);
    }
    match lexicon::lexicon().abbreviation(word) {
        Some(AbbreviationKind::Title) => false,
        Some(AbbreviationKind::Numeric | AbbreviationKind::Month) => {
            next_token.kind != TokenKind::Number
        }
        Some(AbbreviationKind::Other) => lexicon::starts_sentences(next_text),
        None => true,
    }
}

fn push_sentence(
    tokens: &mut [Token],
    range: Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    if let Some(first_word) = tokens[range.clone()]
        .iter_mut()
        .find(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    {
        first_word.flags.insert(Flags::SENTENCE_INITIAL);
    }
    let bytes = tokens[range.start].start as usize..tokens[range.end - 1].end as usize;
    out.push(Sentence {
        range: bytes,
        tokens: range,
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::InputFormat;

    fn sentences(text: &str) -> Vec<String> {
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.range.clone()).to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_decimals_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Ma met Dr. Chen in the U.S. on Jan. 5 at 3.5 p.m. about No. 7. It went well."
            ),
            [
                "Mr. Ma met Dr. Chen in the U.S. on Jan. 5 at 3.5 p.m. about No. 7.",
                "It went well."
            ]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Michael J. Fox and J. K. Rowling met. They talked."),
            ["Michael J. Fox and J. K. Rowling met.", "They talked."]
        );
        assert_eq!(
            sentences("They chose Plan B. The rest followed."),
            ["They chose Plan B.", "The rest followed."]
        );
    }

    #[test]
    fn abbreviation_before_a_sentence_starter_ends_it() {
        assert_eq!(
            sentences("Most work in the U.S. The number grows."),
            ["Most work in the U.S.", "The number grows."]
        );
    }

    #[test]
    fn sentence_ends_inside_closing_quote() {
        assert_eq!(
            sentences("He said “go.” Then he left."),
            ["He said “go.”", "Then he left."]
        );
        assert_eq!(
            sentences("He asked \"why?\" She smiled."),
            ["He asked \"why?\"", "She smiled."]
        );
    }

    #[test]
    fn lowercase_continuation_does_not_split() {
        assert_eq!(
            sentences("It was... fine. Yes."),
            ["It was... fine.", "Yes."]
        );
    }

    #[test]
    fn tokens_carry_flags() {
        let source = Source::new(
            "t",
            "The AI firm (DeepSeek) said “our plan” works.",
            InputFormat::Plain,
        );
        let doc = Document::new(&source);
        let find = |w: &str| *doc.tokens.iter().find(|t| doc.text(t) == w).unwrap();
        assert!(find("The").is(Flags::SENTENCE_INITIAL));
        assert!(find("AI").is(Flags::ALL_CAPS));
        assert!(find("DeepSeek").is(Flags::IN_BRACKETS));
        assert!(find("our").is(Flags::IN_QUOTE));
        assert!(!find("works").is(Flags::IN_QUOTE));
        assert!(find("firm").is(Flags::SPACE_BEFORE));
    }

    #[test]
    fn words_keep_apostrophes_and_dots() {
        let source = Source::new(
            "t",
            "Deepseek's U.S. rival isn't 2,300.5 strong.",
            InputFormat::Plain,
        );
        let doc = Document::new(&source);
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.text(t)).collect();
        assert_eq!(
            words,
            [
                "Deepseek's",
                "U.S",
                ".",
                "rival",
                "isn't",
                "2,300.5",
                "strong",
                "."
            ]
        );
    }

    #[test]
    fn opaque_runs_are_one_token() {
        let source = Source::new("t", "See https://example.com/a/b now.", InputFormat::Plain);
        let doc = Document::new(&source);
        let kinds: Vec<TokenKind> = doc.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Word,
                TokenKind::Opaque,
                TokenKind::Word,
                TokenKind::Punct
            ]
        );
    }

    #[test]
    fn transcripts_are_recognised_by_fillers() {
        let transcript = Source::new("t", "So uh the the thing is, um, fine.", InputFormat::Plain);
        assert!(Document::new(&transcript).is_transcript());
        let article = Source::new("t", "The Uh River is long. It is fine.", InputFormat::Plain);
        assert!(!Document::new(&article).is_transcript());
    }

    #[test]
    fn paragraphs_hold_sentences() {
        let source = Source::new("t", "One. Two.\nThree.", InputFormat::Plain);
        let doc = Document::new(&source);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[0].sentences, 0..2);
        assert_eq!(doc.sentence_of(doc.tokens.len() - 1), 2);
    }
}
