//! Pairing quotation marks and brackets.
//!
//! One linear pass per paragraph decides for each mark whether it opens, closes, is an apostrophe or
//! is something else (an inch sign, a list enumerator), pairs openers with closers on an explicit
//! stack (never recursion, so 100,000 nested marks cost nothing special), and records what is wrong
//! with the marks that do not pair. The rules in `rules/quotes/` only read this map.
//!
//! English conventions built in:
//! - straight marks get their direction from their neighbours, and from what is open when the
//!   neighbours do not tell;
//! - a single mark between letters, before a decade (`'90s`) or in a known elision (`'til`,
//!   `rock 'n' roll`) is an apostrophe; after a plural `s` it is an apostrophe unless a single
//!   quotation is open;
//! - a quotation that runs on into the next paragraph leaves its closing mark off and the next
//!   paragraph opens with an opening mark: that is correct, not an unclosed quotation;
//! - an opening double mark met while a double quotation is open, right after the end of a
//!   sentence, is a closing mark typed the wrong way round (machine translation does this); anywhere
//!   else it is a nested quotation that should have used single marks.
//!
//! After an error, pairing starts afresh at the next paragraph, so one bad mark never cascades.

use std::ops::Range;

/// The family a mark belongs to; marks pair only within a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
    Paren,
    Square,
    Brace,
    Lenticular,
}

impl MarkKind {
    pub fn is_bracket(self) -> bool {
        matches!(self, MarkKind::Paren | MarkKind::Square | MarkKind::Brace | MarkKind::Lenticular)
    }

    pub fn is_quote(self) -> bool {
        !self.is_bracket()
    }
}

/// What a mark does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Open,
    Close,
    Apostrophe,
    /// Not a quotation mark or bracket in this position: an inch or foot sign, a list enumerator
    /// such as `a)`, an emoticon.
    Other,
}

/// What is wrong with a mark, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    /// Opened and not closed by the end of its paragraph, and the next paragraph does not continue
    /// the quotation.
    Unclosed,
    /// A closing mark with nothing open.
    Unopened,
    /// An opening mark where the open quotation should have been closed.
    OpenForClose,
    /// A double quotation inside a double quotation (or single inside single).
    NestedSameType,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    pub ch: char,
    pub kind: MarkKind,
    pub role: Role,
    /// Index of the mark this one pairs with.
    pub partner: Option<usize>,
    pub problem: Option<Problem>,
    /// The quotation ran on into the next paragraph (the mark is an opener without a closer, which
    /// is correct English).
    pub runs_on: bool,
    /// Index of the paragraph the mark is in.
    pub paragraph: usize,
}

impl Mark {
    pub fn is_straight(&self) -> bool {
        matches!(self.ch, '"' | '\'')
    }
}

/// All quotation marks and brackets of a document, with their pairing.
#[derive(Debug, Clone, Default)]
pub struct QuoteMap {
    pub marks: Vec<Mark>,
    /// Byte ranges inside quotation marks (from the opening mark to the closing mark, or to the end
    /// of the paragraph for a quotation left open), merged: sorted and disjoint.
    pub quoted: Vec<Range<usize>>,
    /// Byte ranges inside brackets, merged: sorted and disjoint.
    pub bracketed: Vec<Range<usize>>,
}

impl QuoteMap {
    /// Builds the map for `view` (the prose view of a document) split into `paragraphs`.
    pub fn build(view: &str, paragraphs: &[Range<usize>]) -> QuoteMap {
        let mut map = QuoteMap::default();
        let mut first_marks = Vec::with_capacity(paragraphs.len());
        for (index, paragraph) in paragraphs.iter().enumerate() {
            first_marks.push(map.marks.len());
            Pairing::new(view, paragraph.clone(), index, &mut map.marks).run();
        }
        mark_run_ons(view, paragraphs, &first_marks, &mut map.marks);
        map.collect_ranges(paragraphs);
        map
    }

    /// Whether `offset` lies inside a quotation.
    pub fn in_quote(&self, offset: usize) -> bool {
        contains(&self.quoted, offset)
    }

    pub fn in_brackets(&self, offset: usize) -> bool {
        contains(&self.bracketed, offset)
    }

    fn collect_ranges(&mut self, paragraphs: &[Range<usize>]) {
        for mark in &self.marks {
            if mark.role != Role::Open {
                continue;
            }
            let end = match mark.partner {
                Some(p) => self.marks[p].range.end,
                None => paragraphs[mark.paragraph].end,
            };
            let range = mark.range.start..end;
            if mark.kind.is_bracket() {
                self.bracketed.push(range);
            } else {
                self.quoted.push(range);
            }
        }
        merge(&mut self.quoted);
        merge(&mut self.bracketed);
    }
}

/// Sorts ranges and merges overlapping ones, so that membership is one binary search.
fn merge(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_unstable_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// Whether `offset` falls in one of `ranges` (sorted and disjoint).
fn contains(ranges: &[Range<usize>], offset: usize) -> bool {
    let upto = ranges.partition_point(|r| r.start <= offset);
    upto > 0 && offset < ranges[upto - 1].end
}

/// Marks whose paragraph ends in an open quotation and whose next paragraph opens with a quotation
/// mark of the same family: the English run-on convention.
fn mark_run_ons(view: &str, paragraphs: &[Range<usize>], first_marks: &[usize], marks: &mut [Mark]) {
    let last_open = last_open_quotes(paragraphs.len(), marks);
    for mark_index in 0..marks.len() {
        let mark = &marks[mark_index];
        // Only the last open quotation of its paragraph can run on; asked first, so that the
        // start of the next paragraph is looked at once per paragraph, not once per open mark.
        if mark.problem != Some(Problem::Unclosed) || mark.kind.is_bracket() || last_open[mark.paragraph] != Some(mark_index) {
            continue;
        }
        let next = mark.paragraph + 1;
        let Some(&first) = first_marks.get(next) else { continue };
        let Some(next_mark) = marks.get(first) else { continue };
        let starts_paragraph = next_mark.paragraph == next
            && view[paragraphs[next].start..next_mark.range.start].trim().is_empty()
            && next_mark.role == Role::Open
            && next_mark.kind == mark.kind;
        if starts_paragraph {
            marks[mark_index].problem = None;
            marks[mark_index].runs_on = true;
        }
    }
}

/// For each paragraph, the last quotation mark in it that opens and is left unclosed: only the
/// outermost open quotation can run on, and it is that one. Found once for all paragraphs, where
/// asking per mark scanned the rest of its paragraph (quadratic for 100,000 unclosed marks).
fn last_open_quotes(paragraphs: usize, marks: &[Mark]) -> Vec<Option<usize>> {
    let mut last = vec![None; paragraphs];
    for (index, m) in marks.iter().enumerate() {
        if m.role == Role::Open && m.problem == Some(Problem::Unclosed) && m.kind.is_quote() {
            if let Some(slot) = last.get_mut(m.paragraph) {
                *slot = Some(index);
            }
        }
    }
    last
}

/// Classification and pairing inside one paragraph.
struct Pairing<'a> {
    view: &'a str,
    range: Range<usize>,
    paragraph: usize,
    marks: &'a mut Vec<Mark>,
    quotes: Vec<usize>,
    brackets: Vec<usize>,
    /// How many marks of each kind are on the stacks, so that "is one open?" costs nothing and a
    /// closing mark with no opener of its kind does not scan 100,000 openers of other kinds.
    open: [usize; KINDS],
}

/// The number of [`MarkKind`]s.
const KINDS: usize = MarkKind::Lenticular as usize + 1;

impl<'a> Pairing<'a> {
    fn new(view: &'a str, range: Range<usize>, paragraph: usize, marks: &'a mut Vec<Mark>) -> Self {
        Pairing { view, range, paragraph, marks, quotes: Vec::new(), brackets: Vec::new(), open: [0; KINDS] }
    }

    fn push_open(&mut self, bracket: bool, index: usize) {
        self.open[self.marks[index].kind as usize] += 1;
        self.stack(bracket).push(index);
    }

    fn run(mut self) {
        let text = &self.view[self.range.clone()];
        let mut prev: Option<char> = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, ch)) = iter.next() {
            let next = iter.peek().map(|&(_, c)| c);
            if let Some((kind, hint)) = classify(ch) {
                let at = self.range.start + i;
                let range = at..at + ch.len_utf8();
                let role = match hint {
                    Hint::Open => Role::Open,
                    Hint::Close => Role::Close,
                    Hint::Either => self.straight_double(prev, next),
                    Hint::SingleOpen => self.single_open(text, i, next),
                    Hint::SingleClose => self.single_close(text, i, prev, next),
                    Hint::SingleEither => self.straight_single(text, i, prev, next),
                };
                self.place(Mark {
                    range,
                    ch,
                    kind,
                    role,
                    partner: None,
                    problem: None,
                    runs_on: false,
                    paragraph: self.paragraph,
                });
            }
            prev = Some(ch);
        }
        for index in self.quotes.drain(..).chain(self.brackets.drain(..)) {
            self.marks[index].problem = Some(Problem::Unclosed);
        }
    }

    fn place(&mut self, mut mark: Mark) {
        let index = self.marks.len();
        if mark.kind.is_bracket() {
            if mark.role == Role::Close && self.brackets.is_empty() && self.is_enumerator(&mark) {
                mark.role = Role::Other;
            }
            self.marks.push(mark);
            self.pair(index, true);
        } else {
            self.marks.push(mark);
            self.pair(index, false);
        }
    }

    fn pair(&mut self, index: usize, bracket: bool) {
        let (role, kind) = (self.marks[index].role, self.marks[index].kind);
        match role {
            Role::Open if !bracket && kind == MarkKind::Double => self.open_double(index),
            Role::Open => self.push_open(bracket, index),
            Role::Close => {
                let stack = if bracket { &self.brackets } else { &self.quotes };
                // The scan stops at the opener, and everything scanned is then taken off the
                // stack: linear over the paragraph.
                let found = if self.open[kind as usize] == 0 { None } else { stack.iter().rposition(|&o| self.marks[o].kind == kind) };
                match found {
                    Some(pos) => {
                        let stack = self.stack(bracket);
                        let inner: Vec<usize> = stack.drain(pos..).collect();
                        for &taken in &inner {
                            self.open[self.marks[taken].kind as usize] -= 1;
                        }
                        let opener = inner[0];
                        for &unclosed in &inner[1..] {
                            self.marks[unclosed].problem = Some(Problem::Unclosed);
                        }
                        self.marks[opener].partner = Some(index);
                        self.marks[index].partner = Some(opener);
                    }
                    None => self.marks[index].problem = Some(Problem::Unopened),
                }
            }
            Role::Apostrophe | Role::Other => {}
        }
    }

    fn stack(&mut self, bracket: bool) -> &mut Vec<usize> {
        if bracket { &mut self.brackets } else { &mut self.quotes }
    }

    /// An opening double mark while a double quotation is open is either a closing mark typed
    /// the wrong way round (right after a sentence ends) or a same-type nested quotation.
    fn open_double(&mut self, index: usize) {
        // Only a double quotation open innermost counts (this looked for the last open double
        // mark and then required it to be the innermost).
        let innermost_double = self.quotes.last().is_some_and(|&o| self.marks[o].kind == MarkKind::Double);
        let Some(pos) = innermost_double.then(|| self.quotes.len() - 1) else {
            self.push_open(false, index);
            return;
        };
        let opener = self.quotes[pos];
        let between = &self.view[self.marks[opener].range.end..self.marks[index].range.start];
        if ends_sentence(between) {
            self.quotes.pop();
            self.open[MarkKind::Double as usize] -= 1;
            let mark = &mut self.marks[index];
            mark.problem = Some(Problem::OpenForClose);
            mark.role = Role::Close;
            mark.partner = Some(opener);
            self.marks[opener].partner = Some(index);
        } else {
            self.marks[index].problem = Some(Problem::NestedSameType);
            self.push_open(false, index);
        }
    }

    fn innermost_quote(&self) -> Option<MarkKind> {
        self.quotes.last().map(|&i| self.marks[i].kind)
    }

    fn straight_double(&self, prev: Option<char>, next: Option<char>) -> Role {
        if prev.is_some_and(|c| c.is_ascii_digit()) && !self.double_open() {
            return Role::Other; // 5" screen, 5'10"
        }
        let opens = prev.is_none_or(opens_before);
        let closes = next.is_none_or(closes_after);
        match (opens, closes) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ if self.double_open() => Role::Close,
            _ => Role::Open,
        }
    }

    fn double_open(&self) -> bool {
        self.open[MarkKind::Double as usize] > 0
    }

    fn single_open_now(&self) -> bool {
        self.innermost_quote() == Some(MarkKind::Single)
    }

    /// `‘` opens a single quotation unless it is a mistyped apostrophe (‘90s, ‘til).
    fn single_open(&self, text: &str, i: usize, next: Option<char>) -> Role {
        if next.is_some_and(|c| c.is_ascii_digit()) || starts_elision(&text[i + '‘'.len_utf8()..]) {
            Role::Apostrophe
        } else {
            Role::Open
        }
    }

    /// `’` closes a single quotation or is an apostrophe.
    fn single_close(&self, text: &str, i: usize, prev: Option<char>, next: Option<char>) -> Role {
        let after = &text[i + '’'.len_utf8()..];
        if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
            Role::Apostrophe
        } else if prev.is_none_or(opens_before) {
            // ’ where an opening mark belongs: ’90s, ’til, or a reversed opening mark.
            if next.is_some_and(|c| c.is_ascii_digit()) || starts_elision(after) || !self.single_open_now() {
                Role::Apostrophe
            } else {
                Role::Close
            }
        } else if self.single_open_now() {
            Role::Close
        } else {
            Role::Apostrophe
        }
    }

    /// A straight `'`: apostrophe, opening or closing single mark.
    fn straight_single(&self, text: &str, i: usize, prev: Option<char>, next: Option<char>) -> Role {
        let after = &text[i + 1..];
        if prev.is_some_and(|c| c.is_ascii_digit()) && !self.single_open_now() {
            return Role::Other; // 5'10"
        }
        if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
            return Role::Apostrophe;
        }
        if prev.is_none_or(opens_before) {
            if next.is_some_and(|c| c.is_ascii_digit()) || starts_elision(after) {
                return Role::Apostrophe;
            }
            return if next.is_some_and(|c| !c.is_whitespace()) { Role::Open } else { Role::Other };
        }
        if self.single_open_now() { Role::Close } else { Role::Apostrophe }
    }

    /// `a)`, `1)`, `iv)` at the start of a block or line, and `:)` are not closing brackets.
    fn is_enumerator(&self, mark: &Mark) -> bool {
        let before = &self.view[self.range.start..mark.range.start];
        if before.ends_with(':') || before.ends_with(';') {
            return true;
        }
        // The label and the start of its line, read backwards a few characters at most: searching
        // the whole paragraph for the line start made a paragraph of 100,000 `)` quadratic.
        let inline_space = |c: &char| c.is_whitespace() && !matches!(c, '\n' | '\r');
        let mut back = before.chars().rev().peekable();
        while back.next_if(inline_space).is_some() {}
        let mut label = 0;
        while back.next_if(char::is_ascii_alphanumeric).is_some() {
            label += 1;
            if label > 4 {
                return false;
            }
        }
        while back.next_if(inline_space).is_some() {}
        label > 0 && matches!(back.next(), None | Some('\n' | '\r'))
    }
}

enum Hint {
    Open,
    Close,
    Either,
    SingleOpen,
    SingleClose,
    SingleEither,
}

fn classify(ch: char) -> Option<(MarkKind, Hint)> {
    use MarkKind::*;
    Some(match ch {
        '“' | '„' => (Double, Hint::Open),
        '”' => (Double, Hint::Close),
        '"' | '＂' => (Double, Hint::Either),
        '‘' | '‚' => (Single, Hint::SingleOpen),
        '’' => (Single, Hint::SingleClose),
        '\'' => (Single, Hint::SingleEither),
        '«' => (Guillemet, Hint::Open),
        '»' => (Guillemet, Hint::Close),
        '‹' => (SingleGuillemet, Hint::Open),
        '›' => (SingleGuillemet, Hint::Close),
        '「' | '﹁' => (Corner, Hint::Open),
        '」' | '﹂' => (Corner, Hint::Close),
        '『' | '﹃' => (WhiteCorner, Hint::Open),
        '』' | '﹄' => (WhiteCorner, Hint::Close),
        '(' | '（' => (Paren, Hint::Open),
        ')' | '）' => (Paren, Hint::Close),
        '[' | '［' => (Square, Hint::Open),
        ']' | '］' => (Square, Hint::Close),
        '{' | '｛' => (Brace, Hint::Open),
        '}' | '｝' => (Brace, Hint::Close),
        '【' | '〖' => (Lenticular, Hint::Open),
        '】' | '〗' => (Lenticular, Hint::Close),
        _ => return None,
    })
}

/// Characters after which a straight mark opens a quotation.
fn opens_before(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '\u{1a}')
}

/// Characters before which a straight mark closes a quotation.
fn closes_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '”' | '’' | '\u{1a}')
}

/// Elisions written with a leading apostrophe.
const ELISIONS: &[&str] = &["til", "tis", "twas", "em", "cause", "bout", "round", "n", "nuff", "kay", "sup", "ello"];

fn starts_elision(after: &str) -> bool {
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    let follows = after[after.char_indices().nth(word.chars().count()).map_or(after.len(), |(i, _)| i)..].chars().next();
    ELISIONS.contains(&word.as_str()) && follows.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether the text before a mark ends a sentence: `. `, `? `, `! ` (the space is required).
fn ends_sentence(between: &str) -> bool {
    let trimmed = between.trim_end();
    trimmed.len() < between.len() && trimmed.ends_with(['.', '?', '!', '…', '。'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> QuoteMap {
        let paragraphs: Vec<Range<usize>> = {
            let mut out = vec![];
            let mut start = 0;
            for line in text.split('\n') {
                out.push(start..start + line.len());
                start += line.len() + 1;
            }
            out
        };
        QuoteMap::build(text, &paragraphs)
    }

    fn problems(text: &str) -> Vec<(String, Problem)> {
        map(text)
            .marks
            .iter()
            .filter_map(|m| m.problem.map(|p| (text[..m.range.start].chars().count().to_string() + &m.ch.to_string(), p)))
            .collect()
    }

    fn roles(text: &str) -> String {
        map(text)
            .marks
            .iter()
            .map(|m| match m.role {
                Role::Open => 'O',
                Role::Close => 'C',
                Role::Apostrophe => 'A',
                Role::Other => '-',
            })
            .collect()
    }

    #[test]
    fn curly_pairs_and_apostrophes() {
        assert_eq!(roles("“It’s fine,” she said. ‘Quite.’"), "OACOC");
        assert!(problems("“It’s fine,” she said.").is_empty());
    }

    #[test]
    fn straight_marks_take_direction_from_neighbours() {
        assert_eq!(roles(r#"He said "no," and "yes." Then 'ok' it's"#), "OCOCOCA");
        assert!(problems(r#""He said 'I won't go,' and left.""#).is_empty());
    }

    #[test]
    fn apostrophes_in_decades_elisions_and_plurals() {
        assert_eq!(roles("the '90s, ’til dawn, rock 'n' roll, the students' books"), "AAAAA");
        assert!(problems("In the ‘80s and ’90s it was O'Brien's.").is_empty());
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        assert!(problems(r#"A 5" screen and a 6'2" player."#).is_empty());
    }

    #[test]
    fn unclosed_at_paragraph_end() {
        assert_eq!(problems("“Innovation often arises in itself."), [("0“".into(), Problem::Unclosed)]);
    }

    #[test]
    fn run_on_quotation_is_correct() {
        let text = "“The first paragraph of a long quotation.\n“And the second,” he said.";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert!(map(text).marks[0].runs_on);
    }

    #[test]
    fn closing_mark_with_nothing_open() {
        let text = "“If they go, they start companies,” or they work for others,” Ma said.";
        assert_eq!(problems(text).len(), 1);
        assert_eq!(problems(text)[0].1, Problem::Unopened);
    }

    #[test]
    fn opening_mark_after_sentence_end_should_close() {
        let text = "“There are many engineers. “Yiran Chen said: “But it is hard.”";
        let p = problems(text);
        assert_eq!(p, [("27“".into(), Problem::OpenForClose)]);
        let m = map(text);
        assert!(!m.in_quote(text.find("Yiran").unwrap()));
        assert!(m.in_quote(text.find("hard").unwrap()));
    }

    #[test]
    fn nested_same_type() {
        let text = "“He called it “madness” and left.”";
        assert_eq!(problems(text)[0].1, Problem::NestedSameType);
    }

    #[test]
    fn brackets_pair_and_report() {
        assert!(problems("a (b [c] d) e").is_empty());
        assert_eq!(problems("(Deepseek founder Liang has pivoted.")[0].1, Problem::Unclosed);
        assert_eq!(problems("closing) here")[0].1, Problem::Unopened);
        assert!(problems("a) first\nb) second :) ok").is_empty());
    }

    #[test]
    fn quoted_ranges_mark_tokens() {
        let text = "He said “our education is amazing,” and left.";
        let m = map(text);
        assert!(m.in_quote(text.find("our").unwrap()));
        assert!(!m.in_quote(text.find("left").unwrap()));
    }

    #[test]
    fn deep_nesting_is_linear() {
        let text = "(".repeat(100_000) + &")".repeat(100_000);
        let m = map(&text);
        assert!(m.marks.iter().all(|m| m.problem.is_none()));
        assert!(m.in_brackets(50_000));
    }
}
