//! `mtlint fix --diff`: a unified diff of the fixes.
//!
//! The diff is built from where the fixes changed the text ([`Changes`]), not by comparing the two
//! texts, so it costs time linear in the file: a general line diff took about the square of the
//! file's length on large files with many fixes. Each change is widened to whole lines, lines of
//! changes that touch are joined, and hunks keep two lines of context, as `diff -u` does. Plain
//! output is an exact patch. In colour, the words a fix changed are marked inside their lines,
//! which matter when a line is a 400-character paragraph.

use std::ops::Range;

use crate::fix::Changes;
use crate::report::human::sanitise;

/// Lines of context around each change.
const CONTEXT: usize = 2;

/// How the diff is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Replace control characters and escape sequences from the article (for a terminal).
    pub sanitise: bool,
    /// Colour the lines and mark the changed words (implies `sanitise`).
    pub color: bool,
}

/// The unified diff that turns `old` into `new`, given where they differ.
pub fn unified(name: &str, old: &str, new: &str, changes: &Changes, style: Style) -> String {
    let regions: Vec<(Range<usize>, Range<usize>)> = changes
        .regions()
        .iter()
        .filter(|(o, n)| old[o.clone()] != new[n.clone()])
        .cloned()
        .collect();
    if regions.is_empty() {
        return String::new();
    }
    let blocks = blocks(old, new, &regions);
    let mut out = Painter::new(style);
    out.header(&format!("--- a/{name}"));
    out.header(&format!("+++ b/{name}"));
    let mut lines = LineCounter::default();
    let mut i = 0;
    while i < blocks.len() {
        // A hunk: blocks whose contexts meet.
        let mut j = i + 1;
        while j < blocks.len()
            && line_count(&old[blocks[j - 1].old.end..blocks[j].old.start]) <= 2 * CONTEXT
        {
            j += 1;
        }
        hunk(&mut out, old, new, &blocks[i..j], &mut lines);
        i = j;
    }
    out.text
}

/// Lines of the old and new texts that differ, with the changed ranges inside them.
#[derive(Debug)]
struct Block {
    old: Range<usize>,
    new: Range<usize>,
    /// The changed ranges (old, new) inside the block.
    regions: Vec<(Range<usize>, Range<usize>)>,
}

/// Each region widened to whole lines; blocks that overlap or touch are joined. The text between
/// two blocks is unchanged, so it is the same in both texts.
fn blocks(old: &str, new: &str, regions: &[(Range<usize>, Range<usize>)]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (o, n) in regions {
        let old_lines = line_start(old, o.start)..line_end(old, o.end);
        let new_lines = line_start(new, n.start)..line_end(new, n.end);
        match out.last_mut() {
            Some(last) if last.old.end >= old_lines.start => {
                last.old.end = last.old.end.max(old_lines.end);
                last.new.end = last.new.end.max(new_lines.end);
                last.regions.push((o.clone(), n.clone()));
            }
            _ => out.push(Block {
                old: old_lines,
                new: new_lines,
                regions: vec![(o.clone(), n.clone())],
            }),
        }
    }
    out
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |p| p + 1)
}

/// The end of the line `at` is on, after its line break. A position just after a line break is
/// on the next line: a change that ends a line includes the line after it, which the trimming of
/// equal lines in [`hunk`] shows as context again.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |p| at + p + 1)
}

fn line_count(text: &str) -> usize {
    text.split_inclusive('\n').count()
}

/// Counts lines forward through both texts, so that every hunk's line numbers cost only the text
/// since the previous hunk.
#[derive(Debug, Default)]
struct LineCounter {
    old: (usize, usize),
    new: (usize, usize),
}

impl LineCounter {
    /// The 1-based line numbers of `old_at` in the old text and `new_at` in the new one.
    fn at(&mut self, old: &str, old_at: usize, new: &str, new_at: usize) -> (usize, usize) {
        let advance = |(pos, line): &mut (usize, usize), text: &str, to: usize| {
            *line += text.as_bytes()[*pos..to]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            *pos = to;
            *line + 1
        };
        (
            advance(&mut self.old, old, old_at),
            advance(&mut self.new, new, new_at),
        )
    }
}

/// One hunk: context, then each block as removed and added lines, with context between blocks.
fn hunk(out: &mut Painter, old: &str, new: &str, blocks: &[Block], lines: &mut LineCounter) {
    let first = &blocks[0];
    let last = &blocks[blocks.len() - 1];
    let before = context_before(old, first.old.start);
    let after = context_after(old, last.old.end);
    let old_start = first.old.start - before.len();
    let new_start = first.new.start - before.len();
    let (old_line, new_line) = lines.at(old, old_start, new, new_start);
    let old_end = last.old.end + after.len();
    let new_end = last.new.end + after.len();
    let (old_count, new_count) = (
        line_count(&old[old_start..old_end]),
        line_count(&new[new_start..new_end]),
    );
    out.hunk_header(&format!(
        "@@ -{} +{} @@",
        range(old_line, old_count),
        range(new_line, new_count)
    ));
    out.lines(' ', before, &[]);
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            out.lines(' ', &old[blocks[k - 1].old.end..block.old.start], &[]);
        }
        changed_lines(out, old, new, block);
    }
    out.lines(' ', after, &[]);
}

/// A hunk header's range: `start,count`, `start` alone for one line, and for no lines the line
/// before, as `diff -u` writes it.
fn range(start: usize, count: usize) -> String {
    match count {
        0 => format!("{},0", start - 1),
        1 => start.to_string(),
        n => format!("{start},{n}"),
    }
}

fn context_before(text: &str, at: usize) -> &str {
    let mut start = at;
    for _ in 0..CONTEXT {
        if start == 0 {
            break;
        }
        start = line_start(text, start - 1);
    }
    &text[start..at]
}

fn context_after(text: &str, at: usize) -> &str {
    let mut end = at;
    for _ in 0..CONTEXT {
        if end == text.len() {
            break;
        }
        end = line_end(text, end);
    }
    &text[at..end]
}

/// A block's old lines as removed and its new lines as added, less the lines at either end that
/// are the same in both (shown as context).
fn changed_lines(out: &mut Painter, old: &str, new: &str, block: &Block) {
    let old_lines: Vec<&str> = old[block.old.clone()].split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new[block.new.clone()].split_inclusive('\n').collect();
    let same_start = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let same_end = old_lines[same_start..]
        .iter()
        .rev()
        .zip(new_lines[same_start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let lead: usize = old_lines[..same_start].iter().map(|l| l.len()).sum();
    let trail: usize = old_lines[old_lines.len() - same_end..]
        .iter()
        .map(|l| l.len())
        .sum();
    let new_trail: usize = new_lines[new_lines.len() - same_end..]
        .iter()
        .map(|l| l.len())
        .sum();
    let old_changed = block.old.start + lead..block.old.end - trail;
    let new_changed = block.new.start + lead..block.new.end - new_trail;
    out.lines(' ', &old[block.old.start..old_changed.start], &[]);
    let (old_marks, new_marks): (Vec<Range<usize>>, Vec<Range<usize>>) = block
        .regions
        .iter()
        .map(|(o, n)| {
            let (o, n) = changed_words(old, o.clone(), new, n.clone());
            (
                relative(&o, old_changed.start),
                relative(&n, new_changed.start),
            )
        })
        .unzip();
    out.lines('-', &old[old_changed.clone()], &old_marks);
    out.lines('+', &new[new_changed.clone()], &new_marks);
    out.lines(' ', &old[old_changed.end..block.old.end], &[]);
}

fn relative(range: &Range<usize>, base: usize) -> Range<usize> {
    range.start.saturating_sub(base)..range.end.saturating_sub(base)
}

/// What to mark of a change: without the characters both sides share at their ends, then
/// widened to whole words ("Deepseek" → "DeepSeek" marks the words, not the "s").
fn changed_words(
    old: &str,
    o: Range<usize>,
    new: &str,
    n: Range<usize>,
) -> (Range<usize>, Range<usize>) {
    let (a, b) = (&old[o.clone()], &new[n.clone()]);
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let suffix: usize = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (
        word_bounds(old, o.start + prefix..o.end - suffix),
        word_bounds(new, n.start + prefix..n.end - suffix),
    )
}

/// `range` widened to whole words where it cuts one: at an edge where a letter or digit inside
/// the range meets one outside it.
fn word_bounds(text: &str, range: Range<usize>) -> Range<usize> {
    if range.is_empty() {
        return range;
    }
    let inside = &text[range.clone()];
    let starts_in_word = inside.chars().next().is_some_and(char::is_alphanumeric);
    let ends_in_word = inside
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let start = if starts_in_word {
        text[..range.start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric())
            .last()
            .map_or(range.start, |(p, _)| p)
    } else {
        range.start
    };
    let end = if ends_in_word {
        text[range.end..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(text.len(), |(p, _)| range.end + p)
    } else {
        range.end
    };
    start..end
}

/// The diff's text, plain or coloured.
struct Painter {
    style: Style,
    text: String,
}

const RESET: &str = "\u{1b}[0m";
const BOLD: &str = "\u{1b}[1m";
const CYAN: &str = "\u{1b}[36m";
const RED: &str = "\u{1b}[31m";
const GREEN: &str = "\u{1b}[32m";
const MARK: &str = "\u{1b}[7m";
const UNMARK: &str = "\u{1b}[27m";

impl Painter {
    fn new(style: Style) -> Painter {
        Painter {
            style,
            text: String::new(),
        }
    }

    fn shown(&self, text: &str) -> String {
        if self.style.sanitise || self.style.color {
            sanitise(text)
        } else {
            text.to_string()
        }
    }

    fn header(&mut self, line: &str) {
        let line = self.shown(line);
        self.painted(BOLD, &line);
    }

    fn hunk_header(&mut self, line: &str) {
        self.painted(CYAN, line);
    }

    fn painted(&mut self, colour: &str, line: &str) {
        if self.style.color {
            self.text.push_str(&format!("{colour}{line}{RESET}\n"));
        } else {
            self.text.push_str(line);
            self.text.push('\n');
        }
    }

    /// Each line of `lines` with its prefix; `marks` (relative to `lines`) are the changed words.
    fn lines(&mut self, prefix: char, lines: &str, marks: &[Range<usize>]) {
        let colour = match prefix {
            '-' => RED,
            '+' => GREEN,
            _ => "",
        };
        let mut at = 0;
        for line in lines.split_inclusive('\n') {
            let body = line.strip_suffix('\n').unwrap_or(line);
            self.text.push(prefix);
            if self.style.color && !colour.is_empty() {
                self.text.push_str(colour);
                self.marked(body, at, marks);
                self.text.push_str(RESET);
            } else {
                let body = self.shown(body);
                self.text.push_str(&body);
            }
            self.text.push('\n');
            if !line.ends_with('\n') {
                self.text.push_str("\\ No newline at end of file\n");
            }
            at += line.len();
        }
    }

    /// A line's text with the parts inside `marks` in reverse video. `at` is where the line
    /// starts in the text the marks are relative to.
    fn marked(&mut self, body: &str, at: usize, marks: &[Range<usize>]) {
        let mut pos = 0;
        for mark in marks {
            let start = mark.start.clamp(at, at + body.len()) - at;
            let end = mark.end.clamp(at, at + body.len()) - at;
            if start >= end || start < pos {
                continue;
            }
            let before = self.shown(&body[pos..start]);
            let inside = self.shown(&body[start..end]);
            self.text
                .push_str(&format!("{before}{MARK}{inside}{UNMARK}"));
            pos = end;
        }
        let rest = self.shown(&body[pos..]);
        self.text.push_str(&rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Edit;

    fn diff(old: &str, edits: &[Edit], style: Style) -> String {
        let new = crate::fix::splice(old, edits);
        let mut changes = Changes::default();
        changes.then(edits);
        unified("a.txt", old, &new, &changes, style)
    }

    #[test]
    fn one_change_with_two_lines_of_context() {
        let old = "1\n2\n3\nthe the end\n5\n6\n7\n";
        let out = diff(old, &[Edit::delete(10..14)], Style::default());
        assert_eq!(
            out,
            "--- a/a.txt\n+++ b/a.txt\n@@ -2,5 +2,5 @@\n 2\n 3\n-the the end\n+the end\n 5\n 6\n"
        );
    }

    #[test]
    fn near_changes_share_a_hunk_and_far_ones_do_not() {
        let old: String = (1..=20).map(|i| format!("l{i}\n")).collect();
        let at = |line: &str| old.find(line).unwrap();
        let edits = [
            Edit::replace(at("l3\n")..at("l3\n") + 2, "L3"),
            Edit::replace(at("l6\n")..at("l6\n") + 2, "L6"),
            Edit::replace(at("l15\n")..at("l15\n") + 3, "L15"),
        ];
        let out = diff(&old, &edits, Style::default());
        let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("@@")).collect();
        assert_eq!(headers, ["@@ -1,8 +1,8 @@", "@@ -13,5 +13,5 @@"]);
    }

    #[test]
    fn a_deleted_line_and_a_missing_final_newline() {
        let old = "keep\ndrop\nlast";
        let out = diff(old, &[Edit::delete(5..10)], Style::default());
        assert_eq!(
            out,
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,2 @@\n keep\n-drop\n last\n\\ No newline at end of file\n"
        );
        let out = diff("x", &[Edit::insert(1, "y")], Style::default());
        assert_eq!(
            out,
            "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+xy\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn colour_marks_the_changed_words_only() {
        let old = "Deepseek said so.\n";
        let out = diff(
            old,
            &[Edit::replace(4..5, "S")],
            Style {
                sanitise: true,
                color: true,
            },
        );
        assert!(
            out.contains(&format!("-{RED}{MARK}Deepseek{UNMARK} said so.{RESET}")),
            "{out:?}"
        );
        assert!(
            out.contains(&format!("+{GREEN}{MARK}DeepSeek{UNMARK} said so.{RESET}")),
            "{out:?}"
        );
    }

    #[test]
    fn escapes_from_the_article_are_shown_not_obeyed_in_colour() {
        let old = "a \u{1b}[2J the the\n";
        let out = diff(
            old,
            &[Edit::delete(10..14)],
            Style {
                sanitise: true,
                color: true,
            },
        );
        assert!(!out.contains("\u{1b}[2J"), "{out:?}");
    }
}
