//! B009: a term of the glossary in the original whose required translation the segment lacks.
//!
//! A translation desk's termbase pairs a source term with the one English form the client wants:
//! 清华大学 is "Tsinghua University", 深度求索 is "DeepSeek", 双减 is "the double reduction policy".
//! This is the check translation QA tools call terminology. The glossary's `source` column gives
//! the source forms ([`crate::glossary`]); [`crate::config::Glossary::source_terms`] finds them in
//! each original segment, and the segment passes when its translation writes the term or one of
//! its aliases, in any case, with hyphens and spaces alike and an optional plural ending. The
//! finding covers the whole translated segment: the term is missing, so it has no place of its own
//! in the English.

use std::collections::HashSet;

use crate::declare_rule;
use crate::diagnostic::Finding;
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
    /// MQM category: Terminology/Inconsistent with termbase. The rule reads only the user's
    /// glossary, so it raises nothing on the development data or on clean English, where no
    /// glossary is given; its precision is that of the termbase.
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
    /// No fix: where the term belongs in the sentence, and what it replaces, takes a reader.
    pub static GLOSSARY_TERM_NOT_USED = {
        code: "B009",
        name: "glossary-term-not-used",
        category: Bilingual,
        severity: Warning,
        status: Stable,
        fix: None,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let glossary = &cx.settings.glossary;
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
            out.push(Finding::new(
                &GLOSSARY_TERM_NOT_USED,
                pair.target.clone(),
                message,
            ));
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

/// `term` in `text` at word boundaries, allowing a plural or possessive ending after it.
fn contains_words(text: &str, term: &str) -> bool {
    text.match_indices(term).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let rest = &text[at + term.len()..];
        let rest = ["'s", "es", "s"]
            .iter()
            .find_map(|ending| rest.strip_prefix(ending))
            .unwrap_or(rest);
        !before.is_some_and(char::is_alphanumeric)
            && !rest.chars().next().is_some_and(char::is_alphanumeric)
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
    use crate::rules::bilingual::test_util::lint_pair_with;

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
        let target = "She graduated from Qinghua University.";
        assert_eq!(lint("她毕业于清华大学。", target), [target]);
        assert_eq!(lint("她畢業於清華大學。", target), [target]);
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
    fn the_term_must_stand_as_whole_words() {
        let target = "Shares of DeepSeeker rose.";
        assert_eq!(lint("深度求索股价上涨。", target), [target]);
    }

    #[test]
    fn the_longest_source_form_decides() {
        // 清华大学 is one term; its 清华 must not be checked on its own as well.
        let target = "She studied at Tsinghua University.";
        assert!(lint("她在清华大学学习。", target).is_empty());
        let target = "She studied at Qinghua University.";
        assert_eq!(lint("她在清华大学学习。", target).len(), 1);
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
        let target = "She graduated from Qinghua University.";
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
