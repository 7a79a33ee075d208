//! Fixes: byte edits with an applicability, and applying them without overlaps.
//!
//! A fix is applied whole or not at all. When two fixes overlap, the one that starts first wins and
//! the other waits for the next round: [`crate::Linter::fix`] re-checks the edited text and applies
//! again until nothing changes, so fixes that could not go together in one round still land.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

/// How far a fix can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown to the user, never applied.
    DisplayOnly,
    /// Probably right; applied only with `--unsafe-fixes`.
    Unsafe,
    /// Certainly right and meaning-preserving; applied by `mtlint fix`.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace the bytes of `range` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Edit {
        Edit {
            start: range.start,
            end: range.end,
            replacement: replacement.into(),
        }
    }

    pub fn delete(range: Range<usize>) -> Edit {
        Edit::replace(range, "")
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Edit {
        Edit::replace(at..at, text)
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether two edits touch the same bytes, or insert at the same place (their order would be
    /// ambiguous).
    fn conflicts(&self, other: &Edit) -> bool {
        self.start < other.end && other.start < self.end || self.start == other.start
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    /// Sorted, non-overlapping edits.
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, mut edits: Vec<Edit>) -> Fix {
        edits.sort_by_key(|e| (e.start, e.end));
        Fix {
            applicability,
            edits,
        }
    }

    pub fn safe(edit: Edit) -> Fix {
        Fix::new(Applicability::Safe, vec![edit])
    }

    pub fn unsafe_edit(edit: Edit) -> Fix {
        Fix::new(Applicability::Unsafe, vec![edit])
    }

    pub fn display_only(edit: Edit) -> Fix {
        Fix::new(Applicability::DisplayOnly, vec![edit])
    }

    fn is_well_formed(&self, len: usize, text: &str) -> bool {
        self.edits
            .windows(2)
            .all(|w| !w[0].conflicts(&w[1]) && w[0].end <= w[1].start)
            && self.edits.iter().all(|e| {
                e.start <= e.end
                    && e.end <= len
                    && text.is_char_boundary(e.start)
                    && text.is_char_boundary(e.end)
            })
    }
}

/// The result of one round of applying fixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Fixes applied in this round.
    pub applied: usize,
    /// Fixes skipped because they overlapped one applied before them.
    pub deferred: usize,
    /// The edits applied, sorted by position and disjoint: `text` is the input with exactly these
    /// ranges replaced (what the property tests and fuzz targets check).
    pub edits: Vec<Edit>,
    /// The positions, in the order `apply` was given them, of the fixes applied.
    pub taken: Vec<usize>,
}

/// Applies every fix whose applicability is at least `minimum`, skipping fixes that overlap one
/// already taken. Bytes outside the edits are copied unchanged.
pub fn apply<'a>(
    text: &str,
    fixes: impl IntoIterator<Item = &'a Fix>,
    minimum: Applicability,
) -> Applied {
    let mut candidates: Vec<(usize, &Fix)> = fixes
        .into_iter()
        .enumerate()
        .filter(|(_, f)| {
            f.applicability >= minimum && f.applicability != Applicability::DisplayOnly
        })
        .filter(|(_, f)| !f.edits.is_empty() && f.is_well_formed(text.len(), text))
        .collect();
    candidates.sort_by_key(|(_, f)| (f.edits[0].start, f.edits[0].end));
    // Taken edits by start. They are disjoint, so a conflict is decided by the nearest taken edit
    // at or before an edit's start and the first one after it: logarithmic per edit, where a scan
    // of every taken edit made a file with 100,000 fixes quadratic.
    let mut taken: BTreeMap<usize, &Edit> = BTreeMap::new();
    let (mut applied, mut deferred) = (0, 0);
    let mut taken_fixes = Vec::new();
    for (position, fix) in candidates {
        if fix.edits.iter().any(|e| conflicts_with_taken(&taken, e)) {
            deferred += 1;
            continue;
        }
        if fix.edits.iter().all(|e| text[e.range()] == *e.replacement) {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| (e.start, e)));
        taken_fixes.push(position);
        applied += 1;
    }
    let edits: Vec<Edit> = taken.into_values().cloned().collect();
    Applied {
        text: splice(text, &edits),
        applied,
        deferred,
        edits,
        taken: taken_fixes,
    }
}

/// `text` with each of `edits` (sorted, disjoint, on character boundaries) applied.
pub fn splice(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.start]);
        out.push_str(&edit.replacement);
        at = edit.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether `edit` conflicts with one of `taken` (disjoint edits keyed by start).
fn conflicts_with_taken(taken: &BTreeMap<usize, &Edit>, edit: &Edit) -> bool {
    let before = taken
        .range(..=edit.start)
        .next_back()
        .is_some_and(|(_, t)| t.conflicts(edit));
    let after = taken
        .range(edit.start + 1..)
        .next()
        .is_some_and(|(_, t)| t.conflicts(edit));
    before || after
}

/// Where a text that rounds of edits made from an original differs from it: disjoint regions,
/// each a range of the original and the range of the new text that replaced it, in order. What
/// `mtlint fix --diff` shows, found without comparing the two texts: each round's edits are
/// composed with the regions so far, which is linear in the number of edits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    regions: Vec<(Range<usize>, Range<usize>)>,
}

impl Changes {
    /// The regions, as (original range, new range).
    pub fn regions(&self) -> &[(Range<usize>, Range<usize>)] {
        &self.regions
    }

    /// Adds a round of `edits` (sorted and disjoint, as [`Applied::edits`]), made to the text
    /// these changes lead to. Regions and edits that overlap or touch become one region.
    pub fn then(&mut self, edits: &[Edit]) {
        if edits.is_empty() {
            return;
        }
        // Every span in the coordinates of the current text: a region (with how much it grew)
        // or an edit (with how much it grows the text), merged in order of start.
        let mut spans: Vec<(Range<usize>, isize, bool)> = self
            .regions
            .iter()
            .map(|(old, new)| (new.clone(), new.len() as isize - old.len() as isize, true))
            .collect();
        let edits = edits.iter().map(|e| {
            let growth = e.replacement.len() as isize - (e.end - e.start) as isize;
            (e.range(), growth, false)
        });
        spans = merge_by_start(spans, edits);
        // `grown` is how much the current text is longer than the original before a position;
        // `growing` how much the next text is longer than the current one.
        let (mut grown, mut growing) = (0isize, 0isize);
        let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        let mut i = 0;
        while i < spans.len() {
            let start = spans[i].0.start;
            let (mut end, mut region_growth, mut edit_growth) = (spans[i].0.end, 0isize, 0isize);
            while i < spans.len() && spans[i].0.start <= end {
                end = end.max(spans[i].0.end);
                if spans[i].2 {
                    region_growth += spans[i].1;
                } else {
                    edit_growth += spans[i].1;
                }
                i += 1;
            }
            let old = shift(start, -grown)..shift(end, -(grown + region_growth));
            let new = shift(start, growing)..shift(end, growing + edit_growth);
            out.push((old, new));
            grown += region_growth;
            growing += edit_growth;
        }
        self.regions = out;
    }
}

fn shift(at: usize, by: isize) -> usize {
    at.checked_add_signed(by)
        .expect("a position of a text stays inside it")
}

/// Two lists sorted by start, as one.
fn merge_by_start<T>(
    a: Vec<(Range<usize>, isize, T)>,
    b: impl Iterator<Item = (Range<usize>, isize, T)>,
) -> Vec<(Range<usize>, isize, T)> {
    let mut out = Vec::with_capacity(a.len());
    let mut b = b.peekable();
    for item in a {
        while let Some(next) = b.next_if(|n| n.0.start < item.0.start) {
            out.push(next);
        }
        out.push(item);
    }
    out.extend(b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_non_overlapping_safe_fixes() {
        let fixes = [
            Fix::safe(Edit::delete(3..4)),
            Fix::safe(Edit::replace(8..11, ",")),
        ];
        let out = apply("abc defg，h", &fixes, Applicability::Safe);
        assert_eq!((out.text.as_str(), out.applied), ("abcdefg,h", 2));
    }

    #[test]
    fn unsafe_fixes_need_unsafe_minimum() {
        let fixes = [Fix::unsafe_edit(Edit::replace(0..5, "Liang"))];
        assert_eq!(
            apply("Leann said", &fixes, Applicability::Safe).text,
            "Leann said"
        );
        assert_eq!(
            apply("Leann said", &fixes, Applicability::Unsafe).text,
            "Liang said"
        );
    }

    #[test]
    fn display_only_is_never_applied() {
        let fixes = [Fix::display_only(Edit::replace(0..1, "x"))];
        assert_eq!(apply("a", &fixes, Applicability::DisplayOnly).applied, 0);
    }

    #[test]
    fn overlapping_fix_is_deferred() {
        let fixes = [
            Fix::safe(Edit::replace(0..3, "X")),
            Fix::safe(Edit::replace(2..5, "Y")),
        ];
        let out = apply("abcdef", &fixes, Applicability::Safe);
        assert_eq!(
            (out.text.as_str(), out.applied, out.deferred),
            ("Xdef", 1, 1)
        );
    }

    #[test]
    fn a_fix_applies_whole_or_not_at_all() {
        let fixes = [
            Fix::safe(Edit::replace(0..1, "A")),
            Fix::new(
                Applicability::Safe,
                vec![Edit::replace(0..1, "B"), Edit::replace(4..5, "E")],
            ),
        ];
        assert_eq!(apply("abcde", &fixes, Applicability::Safe).text, "Abcde");
    }

    #[test]
    fn edits_off_char_boundaries_are_refused() {
        let fixes = [Fix::safe(Edit::replace(1..2, "x"))];
        assert_eq!(apply("é", &fixes, Applicability::Safe).text, "é");
    }

    #[test]
    fn same_point_insertions_conflict() {
        let fixes = [
            Fix::safe(Edit::insert(1, "x")),
            Fix::safe(Edit::insert(1, "y")),
        ];
        assert_eq!(apply("ab", &fixes, Applicability::Safe).text, "axb");
    }

    /// Applies `changes` to `old` region by region: it must give `new`.
    fn replay(old: &str, changes: &Changes) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (from, _) in changes.regions() {
            out.push_str(&old[at..from.start]);
            at = from.end;
            out.push('|');
        }
        out.push_str(&old[at..]);
        out
    }

    #[test]
    fn changes_compose_rounds_of_edits() {
        let original = "one two three four five";
        let mut text = original.to_string();
        let mut changes = Changes::default();
        let rounds = [
            vec![Edit::replace(4..7, "2"), Edit::replace(14..18, "FOUR!")],
            // In the second text, "one 2 three FOUR! five": grow the "2" and insert before "five".
            vec![Edit::replace(4..5, "twenty-two"), Edit::insert(18, "and ")],
            // Touching the first region from outside: it swallows it.
            vec![Edit::delete(3..4)],
        ];
        for edits in &rounds {
            changes.then(edits);
            text = splice(&text, edits);
        }
        assert_eq!(text, "onetwenty-two three FOUR! and five");
        let shown: Vec<(&str, &str)> = changes
            .regions()
            .iter()
            .map(|(o, n)| (&original[o.clone()], &text[n.clone()]))
            .collect();
        assert_eq!(
            shown,
            [(" two", "twenty-two"), ("four", "FOUR!"), ("", "and ")]
        );
        assert_eq!(replay(original, &changes), "one| three | |five");
    }
}
