//! Pairing quotation marks and brackets.
//!
//! One linear pass over the document decides for each mark whether it opens, closes, is an
//! apostrophe or is something else (an inch sign, a list enumerator, an emoticon), pairs openers
//! with closers on explicit stacks (never recursion, so 100,000 nested marks cost nothing special),
//! and records what is wrong with the marks that do not pair. The rules in `rules/quotes/` only read
//! this map.
//!
//! Each paragraph is read twice, both times linearly: a first pass finds the marks (skipping every
//! byte that cannot start one) and what their neighbours say about them (a straight `"` after a
//! space and before a letter opens); a backward sweep over those marks gives each one its
//! lookahead: the next double mark, and the *surplus* of closing over opening double marks in the
//! rest of the paragraph. The second pass pairs the marks with that lookahead in hand.
//!
//! English conventions built in:
//! - straight marks get their direction from their neighbours (looking past a run of marks, so
//!   `."` followed by `"` closes twice), and from what is open when the neighbours do not tell;
//! - a single mark between letters, before a decade (`'90s`) or in a known elision (`'til`,
//!   `rock 'n' roll`, a detached `'s`) is an apostrophe; after a plural `s` it is an apostrophe
//!   unless a single quotation is open; a straight single mark left open at the end of its
//!   paragraph is taken for the apostrophe of an elision we do not know (`'ere`), never reported;
//! - nested quotations alternate double and single marks; `„…“` and `‚…‘` pair as in German;
//!   TeX's `` `` `` opens a double quotation;
//! - a quotation that runs on into the next paragraph leaves its closing mark off and the next
//!   paragraph opens with an opening mark: that is correct, not an unclosed quotation.
//!
//! Choosing between readings. An opening double mark met while a double quotation of the same
//! paragraph is innermost is read in the way that leaves the fewest marks unexplained, given the
//! surplus: it closes the open quotation, typed the wrong way round, when nothing is left to close
//! (only where a closing mark belongs for a curly mark: after the end of a sentence, or with no
//! space before it); it opens a new quotation after one left open when one closing mark is left;
//! it opens a same-type nested quotation when two are left. Straight marks have no direction of
//! their own, so a straight mark that only its spacing contradicts (`like," Hmmm … funny"`) is paired
//! by its place and flagged [`Mark::spaced_wrong`], not reported as a problem; a straight double
//! mark glued to a plural before a lower-case word with nothing open (`the customers" data`) is a
//! possessive apostrophe; a straight quotation closed by the other straight mark (`"Mets Poet'`)
//! pairs.
//!
//! Recovery: a mark still open at the end of its paragraph is carried as *pending* into the
//! following paragraphs. The first mark of its family there settles it: a closing mark pairs with
//! it (a quotation broken across paragraphs, or across the rows of a table that was split into
//! sentences), an opening mark ends it as unclosed. Pending marks expire after [`MAX_CARRY`]
//! paragraphs. In a table (`build_rows`) the adjacent rows of one document are one text, and every
//! row boundary may fall inside a paragraph, so a pending quotation never expires, and one met by a
//! new opening mark in a later row is taken as run on (a new paragraph of the quotation), not
//! reported; one still open at the end of the document's last row was never closed. A table may
//! also start inside a quotation (a sentence cut out of a longer text): a closing mark in the
//! document's first row, before anything of its family opened there, is
//! [`Problem::OpenedBeforeText`], not an error. Nothing else survives a paragraph, so one bad mark
//! never cascades through an article.

use std::collections::VecDeque;
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

const KINDS: usize = 10;

impl MarkKind {
    pub fn is_bracket(self) -> bool {
        matches!(
            self,
            MarkKind::Paren | MarkKind::Square | MarkKind::Brace | MarkKind::Lenticular
        )
    }

    pub fn is_quote(self) -> bool {
        !self.is_bracket()
    }

    fn index(self) -> usize {
        self as usize
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
    /// Opened and never closed: not by the end of its paragraph (with no run-on), not by the end
    /// of the text, or not before an enclosing quotation closed or a new one opened.
    Unclosed,
    /// A closing mark with nothing open. A closing mark typed where an opening one belongs
    /// (`”Hello,” he said`) also has this problem, with the role [`Role::Open`], so that the
    /// quotation it starts still pairs.
    Unopened,
    /// An opening mark where the open quotation should have been closed.
    OpenForClose,
    /// A double quotation inside a double quotation.
    NestedSameType,
    /// A closing mark with nothing open, in the first row of a table document before any mark of
    /// its family opened there: the text may be a sentence cut out of a longer one, whose
    /// quotation or bracket opened in text the table does not hold. Not reported.
    OpenedBeforeText,
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
    /// For an unclosed mark, the offset by which it should have been closed (the end of its
    /// paragraph's text, or where an enclosing quotation closed); for an unopened one, the offset
    /// after which its opening mark was expected (the start of the paragraph, or the end of the
    /// quotation closed before it).
    pub expected: Option<usize>,
    /// A straight mark spaced the wrong way for its role (`like," Hmmm … funny"`,
    /// `meaning of "modify, "no matter`): paired by its place in the quotation, and not reported,
    /// since a straight mark has no direction of its own that could be wrong.
    pub spaced_wrong: bool,
}

impl Mark {
    pub fn is_straight(&self) -> bool {
        matches!(self.ch, '"' | '\'' | '＂' | '＇')
    }

    /// Whether the mark has a curved or angled shape that says which way it faces.
    pub fn is_curly(&self) -> bool {
        matches!(self.ch, '“' | '”' | '‘' | '’' | '„' | '‚' | '‟' | '‛')
    }

    /// The mark that closes what this mark opens, in the same style.
    pub fn closing_form(&self) -> char {
        closing_form(self.ch)
    }

    /// The mark that opens what this mark closes, in the same style.
    pub fn opening_form(&self) -> char {
        opening_form(self.ch)
    }
}

/// The closing counterpart of an opening mark (identity for straight marks).
pub fn closing_form(ch: char) -> char {
    match ch {
        '“' | '„' | '‟' | '”' => '”',
        '‘' | '‚' | '‛' | '’' => '’',
        '«' => '»',
        '‹' => '›',
        '「' => '」',
        '『' => '』',
        '﹁' => '﹂',
        '﹃' => '﹄',
        '〝' => '〞',
        '(' => ')',
        '（' => '）',
        '[' => ']',
        '［' => '］',
        '{' => '}',
        '｛' => '｝',
        '【' => '】',
        '〖' => '〗',
        other => other,
    }
}

/// The opening counterpart of a closing mark (identity for straight marks).
pub fn opening_form(ch: char) -> char {
    match ch {
        '”' | '“' => '“',
        '’' | '‘' => '‘',
        '»' => '«',
        '›' => '‹',
        '」' => '「',
        '』' => '『',
        '﹂' => '﹁',
        '﹄' => '﹃',
        '〞' | '〟' => '〝',
        ')' => '(',
        '）' => '（',
        ']' => '[',
        '］' => '［',
        '}' => '{',
        '｝' => '｛',
        '】' => '【',
        '〗' => '〖',
        other => other,
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

/// How many paragraphs a mark left open may wait for its closing mark.
pub const MAX_CARRY: usize = 3;

impl QuoteMap {
    /// Builds the map for `view` (the prose view of a document) split into `paragraphs`, which are
    /// paragraphs the writer chose.
    pub fn build(view: &str, paragraphs: &[Range<usize>]) -> QuoteMap {
        Self::build_counted(view, paragraphs, None).0
    }

    /// Builds the map for a document assembled from table rows, whose boundaries may fall between
    /// two sentences of one paragraph; the first row ends at `first_row_end`.
    pub fn build_rows(view: &str, paragraphs: &[Range<usize>], first_row_end: usize) -> QuoteMap {
        Self::build_counted(view, paragraphs, Some(first_row_end)).0
    }

    /// The map and the number of elementary steps taken, which tests hold to a linear bound.
    /// `first_row_end` is given for a table document.
    fn build_counted(
        view: &str,
        paragraphs: &[Range<usize>],
        first_row_end: Option<usize>,
    ) -> (QuoteMap, usize) {
        let mut pairer = Pairer::new(view, paragraphs, first_row_end);
        for index in 0..paragraphs.len() {
            pairer.paragraph(index);
        }
        pairer.finish();
        let work = pairer.work;
        let mut map = QuoteMap {
            marks: pairer.marks,
            quoted: Vec::new(),
            bracketed: Vec::new(),
        };
        map.collect_ranges(paragraphs);
        (map, work)
    }

    /// The stretches of text that a cut would split a pairing across, merged: from each opening
    /// mark to its partner, or, for one left unpaired, over the paragraphs where a closing mark
    /// could still have paired with it (to the end of the text and beyond, near the end), unless
    /// the text after it settled it as never closed. `paragraphs` are those the map was
    /// built from.
    pub fn open_spans(&self, view: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
        let Some(last) = paragraphs.len().checked_sub(1) else {
            return Vec::new();
        };
        // An unpaired mark is settled as never closed inside the text when text follows the
        // place by which it should have closed (a new quotation, or the end of the one around it,
        // decided that), or when a later pair of its family opened after it and closed while it
        // stayed open (a parenthesis left open before other, closed ones).
        let closed_around = self.closed_after_each();
        let settled = |k: usize, m: &Mark| {
            closed_around[k]
                || m.expected.is_some_and(|e| {
                    view.get(e..paragraphs[m.paragraph].end)
                        .is_some_and(|rest| !rest.trim().is_empty())
                })
        };
        let mut spans: Vec<Range<usize>> = self
            .marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.role == Role::Open)
            .map(|(k, m)| {
                // One that could still pair past the end of the text blocks all that follows.
                let end = match m.partner {
                    Some(p) => self.marks[p].range.end,
                    None if settled(k, m) => m.range.end,
                    None if m.paragraph + MAX_CARRY >= last => usize::MAX,
                    None => paragraphs[m.paragraph + MAX_CARRY].end,
                };
                m.range.start..end.max(m.range.end)
            })
            .collect();
        merge(&mut spans);
        spans
    }

    /// For each mark, whether a closing mark of its kind after it closed a mark opened after it.
    fn closed_after_each(&self) -> Vec<bool> {
        let mut latest_opener = [None::<usize>; KINDS];
        let mut out = vec![false; self.marks.len()];
        for (k, mark) in self.marks.iter().enumerate().rev() {
            let kind = mark.kind.index();
            out[k] = latest_opener[kind].is_some_and(|p| p > k);
            if mark.role == Role::Close {
                if let Some(p) = mark.partner {
                    latest_opener[kind] = latest_opener[kind].max(Some(p));
                }
            }
        }
        out
    }

    /// Whether a cut at `offset` falls strictly inside one of `spans` (from [`Self::open_spans`]).
    pub fn splits(spans: &[Range<usize>], offset: usize) -> bool {
        let upto = spans.partition_point(|r| r.start < offset);
        upto > 0 && offset < spans[upto - 1].end
    }

    /// Whether `offset` lies inside a quotation.
    pub fn in_quote(&self, offset: usize) -> bool {
        contains(&self.quoted, offset)
    }

    pub fn in_brackets(&self, offset: usize) -> bool {
        contains(&self.bracketed, offset)
    }

    /// The mark paired with `mark`, if any.
    pub fn partner(&self, mark: &Mark) -> Option<&Mark> {
        mark.partner.and_then(|p| self.marks.get(p))
    }

    /// Quotation marks (not apostrophes, not brackets) that open or close a quotation.
    pub fn quotation_marks(&self) -> impl Iterator<Item = &Mark> {
        self.marks
            .iter()
            .filter(|m| m.kind.is_quote() && matches!(m.role, Role::Open | Role::Close))
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
            let range = mark.range.start..end.max(mark.range.end);
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

/// What a mark's shape says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `“ „ « ( [ 「 …`
    Open,
    /// `” » ) ] 」 …`
    Close,
    /// A straight double mark: `"`.
    Straight,
    /// `‘ ‚ ‛`: an opening single mark or a mistyped apostrophe (‘90s).
    SingleOpen,
    /// `’`: a closing single mark or an apostrophe.
    SingleClose,
    /// A straight single mark: `'`.
    StraightSingle,
}

/// Which way a mark faces, judged from its shape and its neighbours only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    Either,
}

/// A mark found by the first pass over a paragraph.
#[derive(Debug, Clone)]
struct Lexed {
    at: usize,
    /// Bytes the mark takes (two for a TeX-style opening mark ``).
    len: usize,
    ch: char,
    kind: MarkKind,
    shape: Shape,
    prev: Option<char>,
    next: Option<char>,
    /// The character after `next`.
    next2: Option<char>,
    /// The word after the mark is a known elision (`'til`, `'n'`, a detached `'s`).
    elision: bool,
    facing: Facing,
    /// Index (in the paragraph's lexed marks) of the next double mark.
    next_double: Option<usize>,
    /// Closing minus opening double marks after this one in the paragraph (by their facing): how
    /// many quotations the rest of the paragraph can still close.
    surplus: i32,
}

fn classify(ch: char) -> Option<(MarkKind, Shape)> {
    use MarkKind::*;
    Some(match ch {
        '“' | '„' | '‟' | '〝' => (Double, Shape::Open),
        '”' | '〞' | '〟' => (Double, Shape::Close),
        '"' | '＂' => (Double, Shape::Straight),
        '‘' | '‚' | '‛' => (Single, Shape::SingleOpen),
        '’' => (Single, Shape::SingleClose),
        '\'' | '＇' => (Single, Shape::StraightSingle),
        '«' => (Guillemet, Shape::Open),
        '»' => (Guillemet, Shape::Close),
        '‹' => (SingleGuillemet, Shape::Open),
        '›' => (SingleGuillemet, Shape::Close),
        '「' | '﹁' => (Corner, Shape::Open),
        '」' | '﹂' => (Corner, Shape::Close),
        '『' | '﹃' => (WhiteCorner, Shape::Open),
        '』' | '﹄' => (WhiteCorner, Shape::Close),
        '(' | '（' => (Paren, Shape::Open),
        ')' | '）' => (Paren, Shape::Close),
        '[' | '［' => (Square, Shape::Open),
        ']' | '］' => (Square, Shape::Close),
        '{' | '｛' => (Brace, Shape::Open),
        '}' | '｝' => (Brace, Shape::Close),
        '【' | '〖' => (Lenticular, Shape::Open),
        '】' | '〗' => (Lenticular, Shape::Close),
        _ => return None,
    })
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»' | '`'
    )
}

/// Characters after which a straight mark opens a quotation.
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '\u{1a}'
        )
}

/// Characters before which a straight mark closes a quotation.
fn closes_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '…'
                | '”'
                | '’'
                | '"'
                | '\''
                | '\u{1a}'
        )
}

/// Which way a mark faces by its shape and neighbours.
fn facing(shape: Shape, prev: Option<char>, next: Option<char>) -> Facing {
    match shape {
        Shape::Open | Shape::SingleOpen => Facing::Open,
        Shape::Close | Shape::SingleClose => Facing::Close,
        Shape::Straight | Shape::StraightSingle => {
            if prev.is_some_and(|c| c.is_ascii_digit()) {
                return Facing::Either; // 5" screen, or "won in 2020"
            }
            match (prev.is_none_or(opens_before), next.is_none_or(closes_after)) {
                (true, false) => Facing::Open,
                (false, true) => Facing::Close,
                _ => Facing::Either,
            }
        }
    }
}

/// Words ending in `s` that are not plurals, so cannot take a plural possessive apostrophe.
const NOT_PLURALS: &[&str] = &[
    "across", "always", "perhaps", "unless", "whereas", "besides", "thus", "yes", "this", "does",
];

/// Elisions written with a leading apostrophe, and the detached halves of contractions that
/// tokenised text leaves behind (`it 's`, `we 're`).
const ELISIONS: &[&str] = &[
    "alf", "appen", "ave", "bout", "cause", "cept", "cos", "coz", "d", "em", "ere", "im", "kay",
    "ll", "m", "n", "nuff", "ow", "re", "round", "s", "sup", "t", "til", "tis", "twas", "ve",
];

/// Whether `after` (the text right after a single mark) starts with a known elision.
fn starts_elision(after: &str) -> bool {
    let mut word = [0u8; 8];
    let mut len = 0;
    for c in after.chars() {
        if !c.is_ascii_alphabetic() {
            if !c.is_alphanumeric() {
                break;
            }
            return false;
        }
        if len == word.len() {
            return false;
        }
        word[len] = c.to_ascii_lowercase() as u8;
        len += 1;
    }
    std::str::from_utf8(&word[..len]).is_ok_and(|w| ELISIONS.binary_search(&w).is_ok())
}

/// Whether the text before a mark ends a sentence: `. `, `? `, `! ` (the space is required).
fn ends_sentence(between: &str) -> bool {
    let trimmed = between.trim_end();
    let trimmed = trimmed.trim_end_matches([')', ']', '’', '\'']);
    between.len() > trimmed.len()
        && between.ends_with(char::is_whitespace)
        && trimmed.ends_with(['.', '?', '!', '…', '。'])
}

/// The stacks and the marks found so far, carried through the document.
struct Pairer<'v> {
    view: &'v str,
    paragraphs: &'v [Range<usize>],
    rows: bool,
    /// In a table document, where its first row ends (0 otherwise).
    first_row_end: usize,
    /// Whether a mark of each kind has opened in the document so far.
    opened: [bool; KINDS],
    marks: Vec<Mark>,
    /// Open quotation marks, innermost last; pending marks from earlier paragraphs come first.
    quotes: VecDeque<usize>,
    brackets: VecDeque<usize>,
    /// How many marks of each kind are open (on either stack).
    open: [usize; KINDS],
    /// The last closing mark of each kind in the current paragraph.
    last_close: [Option<usize>; KINDS],
    /// The current paragraph.
    current: usize,
    lexed: Vec<Lexed>,
    /// Elementary steps taken: each mark placed, each entry popped or scanned.
    work: usize,
}

impl<'v> Pairer<'v> {
    fn new(view: &'v str, paragraphs: &'v [Range<usize>], first_row_end: Option<usize>) -> Self {
        Pairer {
            view,
            paragraphs,
            rows: first_row_end.is_some(),
            first_row_end: first_row_end.unwrap_or(0),
            opened: [false; KINDS],
            marks: Vec::new(),
            quotes: VecDeque::new(),
            brackets: VecDeque::new(),
            open: [0; KINDS],
            last_close: [None; KINDS],
            current: 0,
            lexed: Vec::new(),
            work: 0,
        }
    }

    fn span(&self) -> Range<usize> {
        self.paragraphs[self.current].clone()
    }

    /// Reads paragraph `index`: expires old pending marks, finds the marks, pairs them, and
    /// settles what is left open at its end.
    fn paragraph(&mut self, index: usize) {
        self.current = index;
        self.last_close = [None; KINDS];
        self.expire_pending();
        self.lex();
        for i in 0..self.lexed.len() {
            self.work += 1;
            self.place(i);
        }
        self.end_paragraph();
    }

    /// First pass: the marks of the paragraph with their neighbours, and the lookahead.
    fn lex(&mut self) {
        self.lexed.clear();
        let span = self.span();
        let text = &self.view[span.clone()];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Every mark starts with one of these bytes; skipping the others keeps the scan fast.
            if !matches!(
                bytes[i],
                b'"' | b'\''
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'`'
                    | 0xC2
                    | 0xE2
                    | 0xE3
                    | 0xEF
            ) {
                i += 1;
                continue;
            }
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            let tex = ch == '`' && bytes.get(i + 1) == Some(&b'`');
            let Some((kind, shape)) = (if tex {
                Some((MarkKind::Double, Shape::Open))
            } else {
                classify(ch)
            }) else {
                i += ch.len_utf8();
                continue;
            };
            let len = if tex { 2 } else { ch.len_utf8() };
            let mut before = text[..i].chars().rev();
            let prev = before.next();
            // The character before the run of quotation marks a mark stands in: `.""` closes twice.
            let outside = if prev.is_some_and(is_quote_char) {
                before.take(8).find(|&c| !is_quote_char(c))
            } else {
                prev
            };
            let rest = &text[i + len..];
            let mut after = rest.chars();
            let (next, next2) = (after.next(), after.next());
            let elision = kind == MarkKind::Single && starts_elision(rest);
            self.lexed.push(Lexed {
                at: span.start + i,
                len,
                ch,
                kind,
                shape,
                prev,
                next,
                next2,
                elision,
                facing: facing(shape, outside, next),
                next_double: None,
                surplus: 0,
            });
            i += len;
        }
        let mut following = None;
        let mut surplus = 0;
        for (i, lexed) in self.lexed.iter_mut().enumerate().rev() {
            lexed.next_double = following;
            lexed.surplus = surplus;
            if lexed.kind == MarkKind::Double {
                following = Some(i);
                surplus += match lexed.facing {
                    Facing::Close => 1,
                    Facing::Open => -1,
                    Facing::Either => 0,
                };
            }
        }
    }

    /// Second pass: gives the mark its role and pairs it.
    fn place(&mut self, i: usize) {
        let lexed = self.lexed[i].clone();
        let index = self.marks.len();
        let role = self.role(&lexed);
        self.marks.push(Mark {
            range: lexed.at..lexed.at + lexed.len,
            ch: lexed.ch,
            kind: lexed.kind,
            role,
            partner: None,
            problem: None,
            runs_on: false,
            paragraph: self.current,
            expected: None,
            spaced_wrong: false,
        });
        match role {
            Role::Open if lexed.kind.is_bracket() => self.push(index),
            Role::Open => self.open_quote(index, &lexed),
            Role::Close => self.close(index, &lexed),
            Role::Apostrophe | Role::Other => {}
        }
    }

    fn role(&self, lexed: &Lexed) -> Role {
        let (prev, next) = (lexed.prev, lexed.next);
        match lexed.shape {
            Shape::Open if lexed.kind == MarkKind::Paren && is_emoticon_mouth(prev, next) => {
                Role::Other
            }
            Shape::Open if lexed.ch == '“' && self.top_char() == Some('„') => Role::Close, // „German“
            Shape::Open => Role::Open,
            Shape::Close
                if lexed.kind.is_bracket()
                    && self.open[lexed.kind.index()] == 0
                    && self.interval_opener(lexed.kind, lexed.at).is_none()
                    && self.is_label(lexed) =>
            {
                Role::Other
            }
            Shape::Close => Role::Close,
            Shape::Straight => self.straight_double(lexed),
            Shape::SingleOpen => {
                if self.top_char() == Some('‚') && lexed.ch == '‘' {
                    Role::Close // ‚German‘
                } else if next.is_some_and(|c| c.is_ascii_digit()) || lexed.elision {
                    Role::Apostrophe // ‘90s, ‘til: an apostrophe typed the wrong way round
                } else {
                    Role::Open
                }
            }
            Shape::SingleClose => self.single_close(lexed),
            Shape::StraightSingle => self.straight_single(lexed),
        }
    }

    /// A straight `"`: its neighbours say which way it faces; what is open decides when they do
    /// not.
    fn straight_double(&self, lexed: &Lexed) -> Role {
        let open = self.open[MarkKind::Double.index()] > 0;
        if lexed.prev.is_some_and(|c| c.is_ascii_digit()) && !open {
            return Role::Other; // 5" screen, 5'10"
        }
        match lexed.facing {
            Facing::Open => Role::Open,
            Facing::Close if !open && self.is_possessive(lexed) => Role::Apostrophe,
            Facing::Close => Role::Close,
            Facing::Either if open => Role::Close,
            // A spaced mark ( " ) with nothing open: it opens a spaced quotation if another spaced
            // mark follows, the paragraph still has a closing mark to spare, or it starts the
            // paragraph or follows a colon, before a word (`" We will not stop here.`,
            // `he said: " We will`); otherwise stray.
            Facing::Either => {
                let next_spaced = lexed
                    .next_double
                    .is_some_and(|n| self.lexed[n].facing == Facing::Either);
                // Not at the start of a table: there it may as well close a quotation of the
                // sentence before, which the table does not hold (`" However, James responded`).
                let before = self.view[self.span().start..lexed.at].trim_end();
                let starts_paragraph = before.is_empty() && lexed.at >= self.first_row_end;
                let opens_speech = (starts_paragraph || before.ends_with(':'))
                    && lexed.next2.is_some_and(char::is_alphabetic);
                if next_spaced || lexed.surplus > 0 || opens_speech {
                    Role::Open
                } else {
                    Role::Other
                }
            }
        }
    }

    /// `the customers" computers`: with no quotation open, a closing mark glued to a plural and
    /// followed by a lower-case word is a possessive apostrophe typed as a double mark.
    fn is_possessive(&self, lexed: &Lexed) -> bool {
        if !(matches!(lexed.prev, Some('s' | 'S'))
            && lexed.next == Some(' ')
            && lexed.next2.is_some_and(char::is_lowercase))
        {
            return false;
        }
        let before = &self.view[self.span().start..lexed.at];
        let word_start = before
            .char_indices()
            .rev()
            .take(24)
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        let word = before[word_start..].to_ascii_lowercase();
        word.len() > 3 && !NOT_PLURALS.contains(&word.as_str())
    }

    fn top(&self) -> Option<&Mark> {
        self.quotes.back().map(|&i| &self.marks[i])
    }

    fn top_char(&self) -> Option<char> {
        self.top().map(|m| m.ch)
    }

    fn single_open_now(&self) -> bool {
        self.top().is_some_and(|m| m.kind == MarkKind::Single)
    }

    /// The innermost open mark is a straight `"` from this paragraph.
    fn straight_double_on_top(&self) -> bool {
        self.top()
            .is_some_and(|m| m.ch == '"' && m.paragraph == self.current)
    }

    /// `’` closes a single quotation or is an apostrophe.
    fn single_close(&self, lexed: &Lexed) -> Role {
        let (prev, next) = (lexed.prev, lexed.next);
        if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
            Role::Apostrophe
        } else if prev.is_none_or(opens_before) {
            // ’ where an opening mark belongs: ’90s, ’til, or a reversed opening mark.
            if next.is_some_and(|c| c.is_ascii_digit()) || lexed.elision || !self.single_open_now()
            {
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
    fn straight_single(&self, lexed: &Lexed) -> Role {
        let (prev, next) = (lexed.prev, lexed.next);
        if prev.is_some_and(|c| c.is_ascii_digit()) && !self.single_open_now() {
            return Role::Other; // 5'10"
        }
        if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
            return Role::Apostrophe;
        }
        if prev.is_none_or(opens_before) {
            if next.is_some_and(|c| c.is_ascii_digit()) || lexed.elision {
                return Role::Apostrophe;
            }
            return if next.is_some_and(|c| !c.is_whitespace()) {
                Role::Open
            } else {
                Role::Other
            };
        }
        if self.single_open_now() {
            return Role::Close;
        }
        // "Mets Poet' because: a straight double quotation closed with a single mark. Not after
        // a plural `s` (the workers' union), and not when a double mark still closes it later.
        let closes_later = lexed
            .next_double
            .is_some_and(|n| self.lexed[n].facing == Facing::Close);
        if self.straight_double_on_top()
            && !closes_later
            && prev.is_some_and(|c| {
                c.is_alphanumeric() && !matches!(c, 's' | 'S') || matches!(c, '.' | ',' | '!' | '?')
            })
            && next.is_none_or(closes_after)
        {
            return Role::Close;
        }
        Role::Apostrophe
    }

    /// `a)`, `1)`, `iv)` after a space or at the start of the paragraph, and `:)`, `;-)`: not
    /// closing brackets. Looks back a few characters only.
    fn is_label(&self, lexed: &Lexed) -> bool {
        if matches!(lexed.prev, Some(':' | ';' | '=')) {
            return true;
        }
        let before = &self.view[self.span().start..lexed.at];
        if before.ends_with(":-") || before.ends_with(";-") {
            return true;
        }
        let mut label = 0;
        let mut boundary = None;
        for c in before.chars().rev().take(5) {
            if !c.is_ascii_alphanumeric() {
                boundary = Some(c);
                break;
            }
            label += 1;
        }
        let delimited = match boundary {
            Some(c) => c.is_whitespace(),
            None => label == before.len(),
        };
        (1..=3).contains(&label)
            && delimited
            && is_enumerator_label(&before[before.len() - label..])
    }

    fn push(&mut self, index: usize) {
        let kind = self.marks[index].kind;
        self.open[kind.index()] += 1;
        self.opened[kind.index()] = true;
        if kind.is_bracket() {
            self.brackets.push_back(index)
        } else {
            self.quotes.push_back(index)
        }
    }

    fn pop(&mut self, bracket: bool) -> Option<usize> {
        let index = if bracket {
            self.brackets.pop_back()
        } else {
            self.quotes.pop_back()
        }?;
        self.work += 1;
        self.open[self.marks[index].kind.index()] -= 1;
        Some(index)
    }

    fn pair(&mut self, opener: usize, closer: usize) {
        self.marks[opener].partner = Some(closer);
        self.marks[closer].partner = Some(opener);
    }

    /// Marks `index` as unclosed, expected to close by `expected`. A straight single mark left
    /// open is far likelier the apostrophe of an elision than a quotation: it becomes one.
    fn unclosed(&mut self, index: usize, expected: usize) {
        let mark = &mut self.marks[index];
        if mark.ch == '\'' || mark.ch == '＇' {
            mark.role = Role::Apostrophe;
        } else {
            mark.problem = Some(Problem::Unclosed);
            mark.expected = Some(expected);
        }
    }

    /// A pending quotation that a new opening mark contradicts: in running text it was never
    /// closed; in a table, a paragraph break may hide between the rows, so it ran on.
    fn abandoned(&mut self, index: usize) {
        if self.rows {
            self.marks[index].runs_on = true;
        } else {
            let end = self.paragraph_end(index);
            self.unclosed(index, end);
        }
    }

    /// The end of the text of the paragraph holding mark `index`.
    fn paragraph_end(&self, index: usize) -> usize {
        let span = &self.paragraphs[self.marks[index].paragraph];
        span.start + self.view[span.clone()].trim_end().len()
    }

    /// Where the text before `at` ends (before the whitespace in front of `at`).
    fn text_end_before(&self, at: usize) -> usize {
        let start = self.span().start;
        let mut end = at;
        for (i, c) in self.view[start..at].char_indices().rev().take(64) {
            if !c.is_whitespace() {
                break;
            }
            end = start + i;
        }
        end
    }

    fn is_pending(&self, index: usize) -> bool {
        self.marks[index].paragraph < self.current
    }

    /// An opening quotation mark: settles pending quotations it contradicts, decides between a
    /// reversed closing mark, a same-type nested quotation and a new quotation after one left
    /// open, and pushes it.
    fn open_quote(&mut self, index: usize, lexed: &Lexed) {
        let kind = lexed.kind;
        let Some(&top) = self.quotes.back() else {
            self.push(index);
            return;
        };
        let doubles = self.open[MarkKind::Double.index()] as i32;
        if self.is_pending(top) && self.open[kind.index()] > 0 {
            // A quotation from an earlier paragraph is open. Between table rows, if the rest of
            // this row closes both, this one nests inside it; otherwise it replaces it.
            let nests = self.rows && kind == MarkKind::Double && lexed.surplus > doubles;
            if !nests {
                self.settle_pending_quotes();
            }
        } else if kind == MarkKind::Double
            && self.marks[top].kind == MarkKind::Double
            && !self.is_pending(top)
        {
            self.open_double_in_double(index, top, lexed);
            return;
        }
        self.push(index);
    }

    fn settle_pending_quotes(&mut self) {
        while let Some(&top) = self.quotes.back() {
            if !self.is_pending(top) {
                break;
            }
            self.pop(false);
            self.abandoned(top);
        }
    }

    /// An opening double mark while a double quotation of this paragraph is innermost. Three
    /// readings, chosen by which leaves the fewest marks unexplained given how many closing marks
    /// the rest of the paragraph holds (`surplus`):
    /// - it closes the open quotation, typed the wrong way round (nothing left to close);
    /// - it opens a new quotation and the open one was never closed (one left to close);
    /// - it opens a quotation nested inside the open one (two left to close).
    ///
    /// A curly mark is only read as reversed where a closing mark belongs (after the end of a
    /// sentence, or with no space before it); a straight mark has no shape to contradict.
    fn open_double_in_double(&mut self, index: usize, top: usize, lexed: &Lexed) {
        let doubles = self.open[MarkKind::Double.index()] as i32;
        let between = &self.view[self.marks[top].range.end..lexed.at];
        let closing_position = lexed.shape == Shape::Open
            && lexed.prev.is_some_and(|c| !opens_before(c))
            && lexed.next.is_none_or(closes_after);
        let reversible = match lexed.shape {
            Shape::Straight => true,
            _ => closing_position || ends_sentence(between),
        };
        if closing_position || (reversible && lexed.surplus < doubles) {
            // “In China, there are many engineers. “Yiran Chen said: “But …”
            self.pop(false);
            self.pair(top, index);
            let mark = &mut self.marks[index];
            mark.role = Role::Close;
            if mark.is_straight() {
                mark.spaced_wrong = true;
            } else {
                mark.problem = Some(Problem::OpenForClose);
            }
            self.last_close[MarkKind::Double.index()] = Some(index);
        } else if lexed.surplus > doubles {
            // “He called it “madness” and left.” Straight marks nest this way in much edited news;
            // only curly marks, which had single marks at hand, are reported.
            if !self.marks[index].is_straight() {
                self.marks[index].problem = Some(Problem::NestedSameType);
            }
            self.push(index);
        } else {
            // “A quotation never closed. Then “a new one” opens.
            self.pop(false);
            let expected = self.text_end_before(lexed.at);
            self.unclosed(top, expected);
            self.push(index);
        }
    }

    /// A closing mark: pairs with the innermost open mark of its kind; what is open inside that
    /// was never closed. With nothing of its kind open, it is unopened, or an opening mark typed
    /// the wrong way round when it stands where an opening mark belongs.
    fn close(&mut self, index: usize, lexed: &Lexed) {
        let kind = lexed.kind;
        let bracket = kind.is_bracket();
        if self.open[kind.index()] == 0 {
            if bracket && self.closes_interval(index) {
                return;
            }
            let mismatched = match lexed.ch {
                // 'Frank, your work is great." — a single quotation closed with a double mark.
                '"' => Some('\''),
                // "Mets Poet'. — a double quotation closed with a single mark.
                '\'' => Some('"'),
                _ => None,
            };
            if mismatched.is_some_and(|ch| {
                self.top()
                    .is_some_and(|m| m.ch == ch && m.paragraph == self.current)
            }) {
                if let Some(opener) = self.pop(false) {
                    self.pair(opener, index);
                }
                self.last_close[kind.index()] = Some(index);
                return;
            }
            let expected = self.last_close[kind.index()]
                .map_or(self.span().start, |c| self.marks[c].range.end);
            let reversed = kind == MarkKind::Double
                && match lexed.shape {
                    // ”Hello,” he said; said,”The treaty … nature ”
                    Shape::Close => {
                        lexed.next.is_some_and(char::is_alphanumeric)
                            && (lexed.prev.is_none_or(opens_before) || lexed.surplus > 0)
                    }
                    // like," Hmmm … funny" rather, such as" trading ": the space is on the wrong side
                    // of the opening mark
                    _ => {
                        lexed.surplus > 0
                            || lexed
                                .next_double
                                .is_some_and(|n| self.lexed[n].facing == Facing::Either)
                    }
                };
            // A table may start inside a quotation or a parenthesis that opened in text it does
            // not hold.
            let before_text =
                !reversed && !self.opened[kind.index()] && lexed.at < self.first_row_end;
            let mark = &mut self.marks[index];
            if reversed && mark.is_straight() {
                mark.spaced_wrong = true;
            } else if before_text {
                mark.problem = Some(Problem::OpenedBeforeText);
            } else {
                mark.problem = Some(Problem::Unopened);
                mark.expected = Some(expected);
            }
            if reversed {
                mark.role = Role::Open;
                self.push(index);
            } else {
                self.last_close[kind.index()] = Some(index);
            }
            return;
        }
        let expected = self.text_end_before(lexed.at);
        while let Some(top) = self.pop(bracket) {
            if self.marks[top].kind == kind {
                self.pair(top, index);
                break;
            }
            let expected = if self.is_pending(top) {
                self.paragraph_end(top)
            } else {
                expected
            };
            self.unclosed(top, expected);
        }
        self.last_close[kind.index()] = Some(index);
    }

    /// A table of sentences cut out of a longer text cuts `he called it "a hustler."` before its
    /// closing mark. So a quotation that opens inside a sentence of the document's last paragraph
    /// and runs, as one sentence, to the end of the text, where that sentence ends, may close
    /// just past it. One that opens a sentence or holds several was left open
    /// (`“Innovation requires no intervention,” he said. “Innovation arises in itself.`).
    fn may_close_past_the_end(&self, index: usize) -> bool {
        let mark = &self.marks[index];
        if mark.paragraph + 1 != self.paragraphs.len() {
            return false;
        }
        let start = self.paragraphs[mark.paragraph].start;
        let before = self.view[start..mark.range.start].trim_end();
        let opens_sentence = before.is_empty()
            || before.ends_with(':')
            || ends_sentence(&self.view[start..mark.range.start]);
        let quoted = self.view[mark.range.end..self.paragraph_end(index)].trim_end();
        let Some(body) = quoted.strip_suffix(['.', '?', '!', '…']) else {
            return false;
        };
        let one_sentence = !body
            .char_indices()
            .any(|(i, c)| ends_sentence(&body[..i + c.len_utf8()]) && c.is_whitespace());
        !opens_sentence && one_sentence
    }

    /// `[0, 1)` and `(0, 1]`: a half-open interval pairs a square bracket with a parenthesis.
    fn closes_interval(&mut self, index: usize) -> bool {
        let mark = &self.marks[index];
        let Some(top) = self.interval_opener(mark.kind, mark.range.start) else {
            return false;
        };
        self.pop(true);
        self.pair(top, index);
        true
    }

    /// The open bracket that a closing bracket of `kind` at `at` would close as an interval.
    fn interval_opener(&self, kind: MarkKind, at: usize) -> Option<usize> {
        let &top = self.brackets.back()?;
        let open = &self.marks[top];
        let pairs = matches!(
            (open.kind, kind),
            (MarkKind::Square, MarkKind::Paren) | (MarkKind::Paren, MarkKind::Square)
        );
        let inside = self.view.get(open.range.end..at)?;
        let numeric = inside.len() <= 32
            && inside.contains(',')
            && inside.chars().all(|c| {
                c.is_alphanumeric() || matches!(c, ',' | ' ' | '.' | '-' | '−' | '+' | '∞')
            });
        (pairs && numeric && !self.is_pending(top)).then_some(top)
    }

    /// Pending marks older than [`MAX_CARRY`] paragraphs were never closed. In a table a
    /// quotation may run over many sentence rows, so only brackets expire there.
    fn expire_pending(&mut self) {
        for bracket in [false, true] {
            if self.rows && !bracket {
                continue;
            }
            loop {
                let front = if bracket {
                    self.brackets.front()
                } else {
                    self.quotes.front()
                };
                let Some(&index) = front else { break };
                if self.marks[index].paragraph + MAX_CARRY >= self.current {
                    break;
                }
                self.work += 1;
                if bracket {
                    self.brackets.pop_front()
                } else {
                    self.quotes.pop_front()
                };
                self.open[self.marks[index].kind.index()] -= 1;
                let end = self.paragraph_end(index);
                self.unclosed(index, end);
            }
        }
    }

    /// At the end of a paragraph: straight single marks still open are apostrophes; a quotation
    /// continued by an opening mark at the start of the next paragraph runs on; the rest waits as
    /// pending.
    fn end_paragraph(&mut self) {
        let next_opener = self.next_paragraph_opener();
        let end = self.span().start + self.view[self.span()].trim_end().len();
        let kept: VecDeque<usize> = std::mem::take(&mut self.quotes);
        for index in kept {
            self.work += 1;
            let mark = &self.marks[index];
            let single_here = mark.paragraph == self.current && mark.kind == MarkKind::Single;
            if single_here && matches!(mark.ch, '\'' | '＇') {
                self.open[mark.kind.index()] -= 1;
                self.marks[index].role = Role::Apostrophe;
            } else if single_here && next_opener != Some(MarkKind::Single) {
                // A single opening mark left open is as likely an apostrophe typed the wrong way
                // round as a quotation: it does not wait for a closing mark in later paragraphs,
                // where it would take a plural's apostrophe for one.
                self.open[mark.kind.index()] -= 1;
                self.unclosed(index, end);
            } else {
                self.quotes.push_back(index);
            }
        }
        let Some(kind) = next_opener else { return };
        self.work += self.quotes.len();
        let Some(pos) = self
            .quotes
            .iter()
            .rposition(|&i| self.marks[i].kind == kind)
        else {
            return;
        };
        let runner = self.quotes[pos];
        if !self.rows && self.is_pending(runner) {
            return; // it did not run on through the paragraph just read; the opener settles it
        }
        let expected = self.paragraph_end(runner);
        while self.quotes.len() > pos + 1 {
            if let Some(inner) = self.pop(false) {
                self.unclosed(inner, expected);
            }
        }
        self.pop(false);
        self.marks[runner].runs_on = true;
    }

    /// The kind of quotation the next paragraph opens with, if it starts with an opening mark.
    fn next_paragraph_opener(&self) -> Option<MarkKind> {
        let next = self.paragraphs.get(self.current + 1)?;
        let text = self.view.get(next.clone())?.trim_start();
        let mut chars = text.chars();
        let first = chars.next()?;
        let second = chars.next();
        let third = chars.next();
        if first == '`' && second == Some('`') {
            return Some(MarkKind::Double);
        }
        let (kind, shape) = classify(first)?;
        let opens = match shape {
            Shape::Open => kind.is_quote(),
            // `"We`, and the spaced `" We` that opens a paragraph.
            Shape::Straight => {
                second.is_some_and(|c| !c.is_whitespace())
                    || second.is_some_and(char::is_whitespace)
                        && third.is_some_and(char::is_alphabetic)
            }
            Shape::SingleOpen | Shape::StraightSingle => {
                second.is_some_and(char::is_alphabetic)
                    && !starts_elision(&text[first.len_utf8()..])
            }
            _ => false,
        };
        opens.then_some(kind)
    }

    /// At the end of the text (in a table, of the document's last row), whatever is still open
    /// was never closed, except in a table a quotation whose closing mark may directly follow
    /// the text the table holds.
    fn finish(&mut self) {
        while let Some(index) = self.quotes.pop_front() {
            self.work += 1;
            if self.rows && self.may_close_past_the_end(index) {
                self.marks[index].runs_on = true;
            } else {
                let end = self.paragraph_end(index);
                self.unclosed(index, end);
            }
        }
        while let Some(index) = self.brackets.pop_front() {
            self.work += 1;
            let end = self.paragraph_end(index);
            self.unclosed(index, end);
        }
    }
}

/// `1`, `12`, `a`, `B`, `iv`: labels of an enumeration.
fn is_enumerator_label(label: &str) -> bool {
    label.bytes().all(|b| b.is_ascii_digit())
        || label.len() == 1
        || label
            .bytes()
            .all(|b| matches!(b, b'i' | b'v' | b'x' | b'I' | b'V' | b'X'))
}

/// `:(` and `;-(`: a frowning emoticon, not a bracket.
fn is_emoticon_mouth(prev: Option<char>, next: Option<char>) -> bool {
    matches!(prev, Some(':' | ';' | '=' | '-')) && next.is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Range<usize>> {
        let mut out = vec![];
        let mut start = 0;
        for line in text.split('\n') {
            out.push(start..start + line.len());
            start += line.len() + 1;
        }
        out
    }

    fn map(text: &str) -> QuoteMap {
        QuoteMap::build(text, &lines(text))
    }

    fn problems_of(text: &str, map: &QuoteMap) -> Vec<(String, Problem)> {
        map.marks
            .iter()
            .filter_map(|m| {
                m.problem.map(|p| {
                    (
                        text[..m.range.start].chars().count().to_string() + &m.ch.to_string(),
                        p,
                    )
                })
            })
            .collect()
    }

    fn problems(text: &str) -> Vec<(String, Problem)> {
        problems_of(text, &map(text))
    }

    fn row_problems(text: &str) -> Vec<(String, Problem)> {
        let rows = lines(text);
        problems_of(text, &QuoteMap::build_rows(text, &rows, rows[0].end))
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
        assert_eq!(
            roles(r#"He said "no," and "yes." Then 'ok' it's"#),
            "OCOCOCA"
        );
        assert!(problems(r#""He said 'I won't go,' and left.""#).is_empty());
    }

    #[test]
    fn apostrophes_in_decades_elisions_and_plurals() {
        assert_eq!(
            roles("the '90s, ’til dawn, rock 'n' roll, the students' books"),
            "AAAAA"
        );
        assert!(problems("In the ‘80s and ’90s it was O'Brien's.").is_empty());
        assert_eq!(roles("Hawai'i, 'Tis the season, 'em, it 's done"), "AAAA");
    }

    #[test]
    fn unknown_elision_left_open_is_an_apostrophe() {
        assert!(problems("He went 'ome after the game.").is_empty());
        assert_eq!(roles("He went 'ome after the game."), "A");
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        assert!(problems(r#"A 5" screen and a 6'2" player."#).is_empty());
    }

    #[test]
    fn unclosed_at_paragraph_end() {
        assert_eq!(
            problems("“Innovation often arises in itself."),
            [("0“".into(), Problem::Unclosed)]
        );
        let text = "“Innovation often arises in itself.  ";
        assert_eq!(map(text).marks[0].expected, Some(text.trim_end().len()));
    }

    #[test]
    fn run_on_quotation_is_correct() {
        let text = "“The first paragraph of a long quotation.\n“And the second,” he said.";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert!(map(text).marks[0].runs_on);
    }

    #[test]
    fn run_on_needs_the_very_next_paragraph_in_running_text() {
        let text = "“You've been kicking out talent. Damien Ma said:\nWashington cites security.\n“If they go, they start companies,” Ma said.";
        assert_eq!(problems(text), [("0“".into(), Problem::Unclosed)]);
        // Between table rows, the quotation may have run on across a paragraph break we cannot see.
        assert!(row_problems(text).is_empty());
    }

    #[test]
    fn quotation_closed_in_a_later_paragraph_pairs() {
        let text = "\"Although in retreat, the group remains capable of attacks.\nIt also aims to attract fighters,\" the report said.";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        let m = map(text);
        assert_eq!(m.marks[0].partner, Some(1));
        assert!(m.in_quote(text.find("attract").unwrap()));
    }

    #[test]
    fn single_opening_mark_does_not_wait_for_later_paragraphs() {
        let text = "I'm like, ‘Are you insane?\nThe students’ books were late.";
        let m = map(text);
        assert_eq!(m.marks[1].problem, Some(Problem::Unclosed));
        assert_eq!(m.marks[2].role, Role::Apostrophe);
        assert!(!m.in_quote(text.find("books").unwrap()));
    }

    #[test]
    fn pending_marks_expire() {
        let text = "(An aside that never closes.\nOne.\nTwo.\nThree.\nFour.\nA stray) here.";
        assert_eq!(
            problems(text),
            [
                ("0(".into(), Problem::Unclosed),
                ("59)".into(), Problem::Unopened)
            ]
        );
    }

    #[test]
    fn unclosed_at_end_of_text() {
        let text = "He said “fine.”\n(Deepseek founder Liang has pivoted to AI.\nThe end.";
        assert_eq!(problems(text), [("16(".into(), Problem::Unclosed)]);
    }

    #[test]
    fn closing_mark_with_nothing_open() {
        let text = "“If they go, they start companies,” or they work for others,” Ma said.";
        assert_eq!(problems(text).len(), 1);
        assert_eq!(problems(text)[0].1, Problem::Unopened);
        let m = map(text);
        assert_eq!(m.marks[2].expected, Some(m.marks[1].range.end));
    }

    #[test]
    fn reversed_opening_mark_still_opens() {
        let text = "”Hello,” he said. “Fine.”";
        assert_eq!(problems(text), [("0”".into(), Problem::Unopened)]);
        assert_eq!(roles(text), "OCOC");
    }

    #[test]
    fn reversed_opening_mark_glued_to_the_attribution() {
        let text = "Ziobro said,”The treaty contains harmful elements ”.";
        assert_eq!(problems(text), [("12”".into(), Problem::Unopened)]);
        assert_eq!(map(text).marks[0].partner, Some(1));
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
    fn opening_mark_in_closing_position_should_close() {
        assert_eq!(
            problems("“We will win,“ he said.")[0].1,
            Problem::OpenForClose
        );
        assert_eq!(
            problems("He said, “I'm sure people will win. “")[0].1,
            Problem::OpenForClose
        );
    }

    #[test]
    fn new_quotation_after_one_left_open() {
        // Reading the second mark as a closing one would leave the last mark unopened: two errors
        // where one explains the text.
        assert_eq!(
            problems("“We did not expect it. “We are surprised,” he said."),
            [("0“".into(), Problem::Unclosed)]
        );
        assert_eq!(
            problems("“A quote, he said. Then “another” came."),
            [("0“".into(), Problem::Unclosed)]
        );
    }

    #[test]
    fn nested_same_type() {
        let text = "“He called it “madness” and left.”";
        assert_eq!(problems(text), [("14“".into(), Problem::NestedSameType)]);
        // Straight marks nest this way in edited news: paired, not reported.
        let straight = r#""He called it "madness" and left.""#;
        assert!(problems(straight).is_empty());
        assert_eq!(map(straight).marks[0].partner, Some(3));
    }

    #[test]
    fn alternating_nesting_is_correct() {
        assert!(problems("“He said ‘she told me “no” twice’ today.”").is_empty());
        assert!(problems("„Das ist gut“, sagte er. ‚Ja‘.").is_empty());
    }

    #[test]
    fn brackets_pair_and_report() {
        assert!(problems("a (b [c] d) e").is_empty());
        assert_eq!(
            problems("(Deepseek founder Liang has pivoted.")[0].1,
            Problem::Unclosed
        );
        assert_eq!(problems("closing) here")[0].1, Problem::Unopened);
        assert!(problems("a) first\nb) second :) ok").is_empty());
        assert!(
            problems("The reasons are 1) cost and 2) time; iv) is last. Sad :( but fine ;-)")
                .is_empty()
        );
        assert!(problems("on the interval [0, 1) and (a, b]").is_empty());
    }

    #[test]
    fn inner_marks_unclosed_when_outer_closes() {
        let text = "“He said ‘no and left.”";
        assert_eq!(problems(text), [("9‘".into(), Problem::Unclosed)]);
        assert_eq!(
            map(text).marks[1].expected,
            Some(text.find('.').unwrap() + 1)
        );
    }

    #[test]
    fn quoted_ranges_mark_tokens() {
        let text = "He said “our education is amazing,” and left.";
        let m = map(text);
        assert!(m.in_quote(text.find("our").unwrap()));
        assert!(!m.in_quote(text.find("left").unwrap()));
    }

    #[test]
    fn one_bad_mark_does_not_cascade() {
        let text = "“A stray opener. He went home.\nHe said: “One,” and she said. “Two,” she said.\n“Three.”\n(Four) and (five).";
        assert_eq!(problems(text), [("0“".into(), Problem::Unclosed)]);
        let text = "He said “fine” and ” then “more” and “again.”";
        assert_eq!(problems(text).len(), 1);
    }

    #[test]
    fn seed_lines_13_to_15() {
        let text = "“You've been kicking out all of this talent. Damien MA, founder of Macropolo, said:\nWashington also cites security concerns.\n“If they're going abroad, they're going to start a few companies,” or they'll work for the Chinese,” Ma said.";
        let p = problems(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0], ("0“".into(), Problem::Unclosed));
        assert_eq!(p[1].1, Problem::Unopened);
    }

    #[test]
    fn possessive_typed_as_a_double_mark() {
        let text = r#"forcing companies to decrypt their customers" computer systems and their customers" cloud data"#;
        assert!(problems(text).is_empty());
        assert_eq!(roles(text), "AA");
    }

    #[test]
    fn mismatched_straight_marks_pair() {
        assert!(
            problems(r#"When someone says, 'Frank, your work is great." I thank them."#).is_empty()
        );
        let text = r#"Fans know the "Mets Poet'. My jersey says "The Poet' because of my brother."#;
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert!(problems(r#""I was goin' home," he said."#).is_empty());
        assert_eq!(roles(r#""I was goin' home," he said."#), "OAC");
    }

    #[test]
    fn doubled_closing_marks_close_twice() {
        let text = r#""The Government is just saying, "we hope that employers co-operate."""#;
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert_eq!(roles(text), "OOCC");
    }

    #[test]
    fn straight_marks_spaced_the_wrong_way_pair_quietly() {
        let text = r#"It's sort of like," Hmmm, that's funny" rather than loud."#;
        let m = map(text);
        assert!(m.marks.iter().all(|m| m.problem.is_none()));
        assert!(m.marks[1].spaced_wrong);
        let text = r#"the meaning of "modify, "no matter the context. And here we have "waive or modify." Fine."#;
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert!(map(text).marks[1].spaced_wrong);
    }

    #[test]
    fn tex_opening_marks() {
        let text = "`` I say brains make wealth, not oil. We have brains.\" — Peres.";
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert_eq!(map(text).marks[0].range, 0..2);
    }

    #[test]
    fn spaced_mark_opening_a_paragraph_opens_a_quotation() {
        let text =
            "\" We will not stop here. Our fans deserve more.\n\" We will be back.\" He left.";
        let m = map(text);
        assert_eq!(m.marks[0].role, Role::Open);
        assert!(m.marks[0].runs_on);
        assert!(m.in_quote(text.find("Our").unwrap()));
        assert!(problems(text).is_empty());
        assert!(map("He said: \" We will win.").in_quote(12));
        // At the start of a table it may close the sentence before, which the table lacks.
        assert!(row_problems("\" However, James responded to critics.").is_empty());
    }

    #[test]
    fn stray_spaced_mark_is_left_alone() {
        let text = r#"Cruz said Pelosi, who appeared on "Face the Nation" earlier, " is "focused on neither of those.""#;
        assert!(problems(text).is_empty(), "{:?}", problems(text));
        assert!(problems(r#"guidelines such as " social distance " apply"#).is_empty());
        assert_eq!(
            roles(r#"guidelines such as " social distance " apply"#),
            "OC"
        );
    }

    #[test]
    fn quotation_nested_in_one_from_an_earlier_row() {
        let text = "\"HSBC has no hostility towards anyone.\nIt did not \"fabricate\" evidence or \"hide\" facts.\"";
        assert!(row_problems(text).is_empty(), "{:?}", row_problems(text));
        let m = QuoteMap::build_rows(text, &lines(text), text.find('\n').unwrap());
        assert_eq!(m.marks[0].partner, Some(m.marks.len() - 1));
    }

    #[test]
    fn long_quotation_over_many_rows() {
        let mut text = String::from("\"We are overwhelmed by the support.");
        for _ in 0..6 {
            text.push_str("\nSomeone else has also offered help.");
        }
        text.push_str("\nA minister also offered support,\" the grandfather said.");
        assert!(row_problems(&text).is_empty());
        // In running text, the quotation waits a few paragraphs only.
        assert_eq!(problems(&text).len(), 2);
    }

    #[test]
    fn quotation_left_open_at_the_end_of_a_table_was_never_closed() {
        for text in [
            "\"It's to extract information.",
            "“Innovation requires no intervention,” Lean said. “Innovation often arises in itself.",
            "“We will build it.\nThe plant opens in May.",
        ] {
            assert_eq!(row_problems(text), problems(text), "{text}");
            assert_eq!(row_problems(text).len(), 1, "{text}");
        }
        // A sentence cut out of a longer text before the closing mark of its last words.
        for text in [
            "Paige insisted he never threw a spitball or \"an illegal pitch.",
            "He then sits on a rock and yells out, \"OK?",
        ] {
            assert!(row_problems(text).is_empty(), "{text}");
            assert_eq!(problems(text).len(), 1, "{text}");
        }
        // A new opening mark in a later row is a new paragraph of the same quotation.
        assert!(row_problems("“We will build it.\n“It opens in May,” he said.").is_empty());
    }

    #[test]
    fn a_table_may_start_inside_a_quotation_or_parenthesis() {
        for text in [
            "One would hardly recognise the quiet Siamese.\"",
            "especially volume III on the Pythoness and Delphi).",
            "Rhythm\", \"Old Leather Lungs\", and \"Mr. Steel Tonsils\".",
        ] {
            let found = row_problems(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Problem::OpenedBeforeText, "{text}");
            assert_eq!(problems(text)[0].1, Problem::Unopened, "{text}");
        }
        // After the first row, or after a mark of its family opened, it is a stray mark again.
        for text in [
            "He left.\nShe said it was over.\"",
            "He said \"no\" and left.\" Then he came back.",
        ] {
            let found = row_problems(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Problem::Unopened, "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_linear() {
        let text = "(".repeat(100_000) + &")".repeat(100_000);
        let m = map(&text);
        assert!(m.marks.iter().all(|m| m.problem.is_none()));
        assert!(m.in_brackets(50_000));
    }

    /// Inputs built to defeat a naive pairing: each must take a number of steps proportional to
    /// the number of marks (no timing: the step counter is exact).
    #[test]
    fn adversarial_inputs_take_linear_work() {
        let cases = [
            // 10,000 nested brackets, closed in the wrong order of kinds.
            "([{".repeat(3_334) + &")".repeat(10_000),
            // 100,000 opening marks, all left open in one paragraph.
            "“word ".repeat(100_000),
            // Openers of one kind under many closers of another.
            "‘a ".repeat(50_000) + &"” ".repeat(50_000),
            // Many unopened closers and enumerator-like labels in one long paragraph.
            "x) ".repeat(50_000) + &"word) ".repeat(50_000),
            // Quotations broken across many paragraphs.
            "“open\n".repeat(50_000),
            // Straight marks in every position.
            "\"a\" 'b' \"c ".repeat(20_000),
        ];
        for text in &cases {
            let paragraphs = lines(text);
            for first_row_end in [None, Some(paragraphs[0].end)] {
                let (m, work) = QuoteMap::build_counted(text, &paragraphs, first_row_end);
                assert!(
                    work <= 4 * m.marks.len() + 4 * paragraphs.len(),
                    "{work} steps for {} marks",
                    m.marks.len()
                );
            }
        }
    }

    #[test]
    fn ten_megabytes_with_100000_quotation_marks() {
        let paragraph = "“Quoted words, and more of them,” he said, adding that the 'long' text (with brackets) went on. ";
        let mut text = String::new();
        while text.len() < 10_000_000 {
            text.push_str(paragraph);
            if text.len() % 7 == 0 {
                text.push('\n');
            }
        }
        let (m, work) = QuoteMap::build_counted(&text, &lines(&text), None);
        assert!(
            m.marks
                .iter()
                .filter(|m| m.kind == MarkKind::Double)
                .count()
                >= 100_000
        );
        assert!(m.marks.iter().all(|m| m.problem.is_none()));
        assert!(work <= 4 * m.marks.len() + 4 * text.lines().count());
    }
}
