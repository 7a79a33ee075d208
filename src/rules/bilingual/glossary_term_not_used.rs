//! B009: a term of the glossary in the original whose required translation the segment lacks.
//!
//! A translation desk's termbase pairs a source term with the one English form the client wants:
//! 清华大学 is "Tsinghua University", 深度求索 is "DeepSeek", 双减 is "the double reduction policy".
//! This is the check translation QA tools call terminology. The glossary's `source` column gives
//! the source forms ([`crate::glossary`]); [`crate::glossary::Glossary::source_terms`] finds them in
//! each original segment, and the segment passes when its translation writes the term or one of
//! its aliases, in any case, with hyphens and spaces alike and an optional plural ending. When the
//! translation has a near miss of a spelling ("Qinghua University"), the finding points at it and
//! offers the spelling; otherwise it covers the whole translated segment, where the term has no
//! place of its own.

use std::collections::HashSet;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::glossary::GlossaryEntry;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds a segment whose original contains a source term of the glossary (its `source`
    /// column) and whose translation uses neither the glossary's term nor any of its aliases.
    ///
    /// ## Why it matters
    /// Clients and publications fix how their names and terms are translated. An engine does not
    /// know the termbase: it writes "Qinghua University" for 清华大学, or "double subtraction" for
    /// 双减, and the English reads smoothly. Only the original and the termbase show it.
    ///
    /// The rule reads only the user's glossary, so it raises nothing on the development data or on
    /// clean English, where no glossary is given; its precision is that of the termbase.
    ///
    /// ## Example
    /// ```text
    /// glossary:    term=Tsinghua University, source=清华大学|清華大學
    /// original:    她毕业于清华大学。
    /// translation: She graduated from Qinghua University.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// She graduated from Tsinghua University.
    /// ```
    ///
    /// The term may be inflected ("Belt and Road Initiatives") and written with hyphens or spaces
    /// alike; anything else the client accepts belongs in the `aliases` column. A segment that
    /// copies the source term itself is B003's finding, not this one's.
    ///
    /// ## Fix safety
    /// Unsafe, and only where the translation has a near miss of the term or an alias (as many
    /// words, four fifths alike or more: "Qinghua University"): the fix writes the glossary's
    /// spelling over it. Without a near miss there is no fix, because where the term belongs in
    /// the sentence, and what it replaces, takes a reader.
    pub static GLOSSARY_TERM_NOT_USED = {
        code: "B009",
        name: "glossary-term-not-used",
        finds: "a source term of the user's termbase whose required translation the segment lacks (清华大学 not \"Tsinghua University\")",
        category: Bilingual,
        mqm: [TerminologyInconsistentWithTermbase],
        severity: Warning,
        status: Stable,
        fix: Sometimes,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let glossary = &cx.glossary;
    if !glossary.has_source_forms() {
        return;
    }
    for pair in &cx.alignment().pairs {
        let terms = glossary.source_terms(pair.original);
        if terms.is_empty() {
            continue;
        }
        let target = cx.doc.slice(pair.target.clone());
        let folded = fold(target);
        let mut reported = HashSet::new();
        for (range, entry) in terms {
            let form = &pair.original[range];
            if target.contains(form)
                || uses_term(&folded, entry)
                || !reported.insert(entry.term.as_str())
            {
                continue;
            }
            let message = format!(
                "the glossary translates {form} as {}, which the translation does not use",
                accepted(entry)
            );
            let finding = match near_miss(target, entry) {
                Some((words, spelling)) => {
                    let range = pair.target.start + words.start..pair.target.start + words.end;
                    Finding::new(&GLOSSARY_TERM_NOT_USED, range.clone(), message)
                        .suggest(spelling)
                        .fix(Fix::unsafe_edit(Edit::replace(range, spelling)))
                }
                None => Finding::new(&GLOSSARY_TERM_NOT_USED, pair.target.clone(), message),
            };
            out.push(finding);
        }
    }
}

/// Whether the folded translation writes the entry's term or an alias as whole words.
fn uses_term(folded: &str, entry: &GlossaryEntry) -> bool {
    entry
        .spellings()
        .map(fold)
        .filter(|s| !s.is_empty())
        .any(|spelling| contains_words(folded, &spelling))
}

/// How alike (0 to 1, folded) a run of words must be to a spelling to count as a near miss of it.
const NEAR_MISS: f64 = 0.8;

/// The run of words of `target` most like one of the entry's spellings, with as many words as the
/// spelling, if it is at least [`NEAR_MISS`] alike: its byte range in `target` and the spelling.
fn near_miss<'e>(target: &str, entry: &'e GlossaryEntry) -> Option<(Range<usize>, &'e str)> {
    let words: Vec<(usize, &str)> = target.unicode_word_indices().collect();
    let mut best: Option<(f64, Range<usize>, &str)> = None;
    for spelling in entry.spellings() {
        let wanted = fold(spelling);
        let count = spelling.unicode_words().count();
        if count == 0 || wanted.chars().count() < 4 {
            continue;
        }
        for run in words.windows(count) {
            let (first, last) = (run[0], run[count - 1]);
            let range = first.0..last.0 + last.1.len();
            let likeness = strsim::normalized_levenshtein(&fold(&target[range.clone()]), &wanted);
            if likeness >= NEAR_MISS && best.as_ref().is_none_or(|b| likeness > b.0) {
                best = Some((likeness, range, spelling));
            }
        }
    }
    best.map(|(_, range, spelling)| (range, spelling))
}

/// `term` in `text` at word boundaries, allowing a plural or possessive ending after it. An edge
/// of the term that is not a letter or digit ("US$") needs no boundary: "US$5 billion" uses it.
fn contains_words(text: &str, term: &str) -> bool {
    let word_start = term.chars().next().is_some_and(char::is_alphanumeric);
    let word_end = term.chars().next_back().is_some_and(char::is_alphanumeric);
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let mut rest = &text[at + term.len()..];
        if word_end {
            rest = ["'s", "es", "s"]
                .iter()
                .find_map(|ending| rest.strip_prefix(ending))
                .unwrap_or(rest);
        }
        let glued_before = word_start && before.is_some_and(char::is_alphanumeric);
        let glued_after = word_end && rest.chars().next().is_some_and(char::is_alphanumeric);
        !glued_before && !glued_after
    })
}

/// Lower case, with curly apostrophes straight and hyphens and runs of spaces as one space, so
/// that "Belt-and-Road" and "belt and road" compare equal.
fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '’' | 'ʼ' => '\'',
            '-' | '‐' | '‑' | '–' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (folded.is_empty() || folded.ends_with(' ')) {
            continue;
        }
        folded.extend(c.to_lowercase());
    }
    folded.trim_end().to_string()
}

/// “Term” (or “Alias”, “Alias”), for the message.
fn accepted(entry: &GlossaryEntry) -> String {
    let term = format!("“{}”", entry.term);
    if entry.aliases.is_empty() {
        return term;
    }
    let aliases: Vec<String> = entry.aliases.iter().map(|a| format!("“{a}”")).collect();
    format!("{term} (or {})", aliases.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::fix::Applicability;
    use crate::rules::bilingual::test_util::lint_pair_with;
    use crate::text::{Document, InputFormat, Original, Source};

    fn settings() -> Settings {
        let mut settings = Settings::default();
        let entry = |term: &str, aliases: &[&str], source: &[&str]| GlossaryEntry {
            term: term.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            source: source.iter().map(|s| s.to_string()).collect(),
            ..GlossaryEntry::default()
        };
        let glossary = &mut settings.glossary;
        glossary.add(entry(
            "Tsinghua University",
            &["Tsinghua"],
            &["清华大学", "清華大學"],
        ));
        glossary.add(entry("Belt and Road Initiative", &[], &["一带一路"]));
        glossary.add(entry("DeepSeek", &[], &["深度求索"]));
        glossary.add(entry("Tsinghua", &[], &["清华"]));
        settings
    }

    fn lint(original: &str, translation: &str) -> Vec<String> {
        lint_pair_with(&GLOSSARY_TERM_NOT_USED, &settings(), original, translation)
    }

    #[test]
    fn a_term_rendered_otherwise_is_reported() {
        let target = "She is a graduate of Qinghua.";
        assert_eq!(lint("她毕业于清华大学。", target), [target]);
        assert_eq!(lint("她畢業於清華大學。", target), [target]);
    }

    #[test]
    fn a_near_miss_is_pointed_at_and_replaced() {
        let text = "She graduated from Qinghua University in 2010.";
        let source = Source::from_rows("t", &[(1, text)], InputFormat::Plain)
            .with_original(Original::Segments(vec!["她毕业于清华大学。".into()]));
        let doc = Document::new(&source);
        let settings = settings();
        let mut found = Vec::new();
        check(&Context::new(&doc, &settings.glossary), &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Qinghua University");
        assert_eq!(found[0].suggestions, ["Tsinghua University"]);
        let fixes = found.iter().filter_map(|f| f.fix.as_ref());
        assert_eq!(
            crate::fix::apply(text, fixes, Applicability::Unsafe).text,
            "She graduated from Tsinghua University in 2010."
        );
    }

    #[test]
    fn words_unlike_every_spelling_are_no_near_miss() {
        let target = "Depth Seeking released a model.";
        assert_eq!(lint("深度求索发布模型。", target), [target]);
        let target = "The tenth anniversary of the One Belt, One Road proposal.";
        assert_eq!(lint("一带一路倡议十周年。", target), [target]);
    }

    #[test]
    fn the_term_or_an_alias_in_any_case_passes() {
        for target in [
            "She graduated from Tsinghua University.",
            "She graduated from TSINGHUA UNIVERSITY.",
            "She graduated from Tsinghua.",
        ] {
            assert!(lint("她毕业于清华大学。", target).is_empty(), "{target}");
        }
    }

    #[test]
    fn hyphens_plurals_and_possessives_pass() {
        for target in [
            "Projects of the Belt-and-Road Initiative grew.",
            "Both Belt and Road Initiatives grew.",
            "The Belt and Road Initiative's projects grew.",
        ] {
            assert!(lint("一带一路项目增加。", target).is_empty(), "{target}");
        }
    }

    #[test]
    fn a_term_ending_in_a_symbol_may_touch_a_figure() {
        let mut settings = Settings::default();
        settings.glossary.add(GlossaryEntry {
            term: "US$".into(),
            source: vec!["美元".into()],
            ..GlossaryEntry::default()
        });
        let lint =
            |target| lint_pair_with(&GLOSSARY_TERM_NOT_USED, &settings, "投资50亿美元。", target);
        assert!(lint("It invested US$5 billion.").is_empty());
        assert_eq!(lint("It invested 5 billion.").len(), 1);
    }

    #[test]
    fn the_term_must_stand_as_whole_words() {
        let target = "Shares of DeepSeekers rose.";
        assert_eq!(lint("深度求索股价上涨。", target), [target]);
        // A near miss of one letter is pointed at instead.
        assert_eq!(
            lint("深度求索股价上涨。", "Shares of DeepSeak rose."),
            ["DeepSeak"]
        );
    }

    #[test]
    fn the_longest_source_form_decides() {
        // 清华大学 is one term; its 清华 must not be checked on its own as well.
        let target = "She studied at Tsinghua University.";
        assert!(lint("她在清华大学学习。", target).is_empty());
        let target = "She studied at Qinghua University.";
        assert_eq!(lint("她在清华大学学习。", target), ["Qinghua University"]);
    }

    #[test]
    fn one_finding_per_term_and_segment() {
        let target = "DS and DS again.";
        assert_eq!(lint("深度求索和深度求索。", target).len(), 1);
    }

    #[test]
    fn a_copied_source_term_is_left_to_b003() {
        assert!(lint("深度求索发布模型。", "深度求索 released a model.").is_empty());
    }

    #[test]
    fn without_source_forms_nothing_is_read() {
        let target = "She is a graduate of Qinghua.";
        assert!(
            lint_pair_with(
                &GLOSSARY_TERM_NOT_USED,
                &Settings::default(),
                "她毕业于清华大学。",
                target
            )
            .is_empty()
        );
    }

    #[test]
    fn the_message_names_the_term_and_its_aliases() {
        let entry = GlossaryEntry {
            term: "Tsinghua University".into(),
            aliases: vec!["Tsinghua".into()],
            ..GlossaryEntry::default()
        };
        assert_eq!(accepted(&entry), "“Tsinghua University” (or “Tsinghua”)");
        assert_eq!(
            fold("Belt-and-Road  Initiative’s"),
            "belt and road initiative's"
        );
    }
}
