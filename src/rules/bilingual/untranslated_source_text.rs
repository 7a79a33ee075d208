use std::ops::Range;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use crate::text::script::is_cjk_letter;

declare_rule! {
    /// ## What it does
    /// Finds text of the original copied into the translation unchanged: a run of Chinese
    /// characters in the English text that also stands in the original segment, or a whole
    /// segment left in the original language.
    ///
    /// ## Why it matters
    /// Engines pass through what they cannot translate (rare names, terms in brackets, whole
    /// sentences when a segment fails), and readers of the English cannot read it.
    ///
    /// ## Example
    /// ```text
    /// original:    他们在嫦娥五号任务中采集了月壤。
    /// translation: They collected lunar soil during the 嫦娥五号 mission.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// They collected lunar soil during the Chang'e-5 mission.
    /// ```
    ///
    /// A name in brackets right after its English form ("Liang Wenfeng (梁文锋)") is a deliberate
    /// gloss and is left alone.
    ///
    /// ## Fix safety
    /// No fix: the translation has to be written.
    pub static UNTRANSLATED_SOURCE_TEXT = {
        code: "B003",
        name: "untranslated-source-text",
        finds: "source text copied into the translation, a segment left untranslated",
        category: Bilingual,
        mqm: [AccuracyUntranslated, NonTranslation],
        severity: Error,
        status: Stable,
        fix: None,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for pair in &cx.alignment().pairs {
        let text = cx.doc.slice(pair.target.clone());
        let runs = cjk_runs(text);
        if runs.is_empty() {
            continue;
        }
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let cjk: usize = runs.iter().map(|r| text[r.clone()].chars().count()).sum();
        if cjk * 2 > letters && shares_text(&text[runs[0].clone()], pair.original) {
            out.push(
                Finding::new(
                    &UNTRANSLATED_SOURCE_TEXT,
                    pair.target.clone(),
                    "segment left untranslated",
                )
                .confidence(0.95),
            );
            continue;
        }
        for run in runs {
            let fragment = &text[run.clone()];
            if is_gloss(text, &run) || !shares_text(fragment, pair.original) {
                continue;
            }
            let range = pair.target.start + run.start..pair.target.start + run.end;
            out.push(
                Finding::new(
                    &UNTRANSLATED_SOURCE_TEXT,
                    range,
                    format!("“{fragment}” is copied from the original untranslated"),
                )
                .confidence(0.9),
            );
        }
    }
}

/// Maximal runs of Han, kana and Hangul characters (with the CJK punctuation between them).
fn cjk_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let joins = matches!(c, '·' | '・' | '〇') || ('\u{3000}'..='\u{303F}').contains(&c);
        if is_cjk_letter(c) || (joins && runs.last().is_some_and(|r| r.end == i)) {
            match runs.last_mut() {
                Some(r) if r.end == i => r.end = end,
                _ if is_cjk_letter(c) => runs.push(i..end),
                _ => {}
            }
        }
    }
    runs
}

/// Whether the fragment, or a two-character piece of it, occurs in the original.
fn shares_text(fragment: &str, original: &str) -> bool {
    if original.contains(fragment) {
        return true;
    }
    let chars: Vec<char> = fragment.chars().filter(|&c| is_cjk_letter(c)).collect();
    chars
        .windows(2)
        .any(|w| original.contains(&w.iter().collect::<String>()))
}

/// `Liang Wenfeng (梁文锋)`: a bracketed gloss right after a capitalised Latin word.
fn is_gloss(text: &str, run: &Range<usize>) -> bool {
    let before = text[..run.start].trim_end();
    let Some(opening) = before.strip_suffix(['(', '（']) else {
        return false;
    };
    let after = text[run.end..].trim_start();
    let word = opening
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .next()
        .unwrap_or("");
    after.starts_with([')', '）']) && word.starts_with(|c: char| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::bilingual::test_util::*;

    fn lint(original: &str, translation: &str) -> Vec<String> {
        lint_pair(&UNTRANSLATED_SOURCE_TEXT, original, translation)
    }

    #[test]
    fn copied_fragments_and_segments() {
        assert_eq!(
            lint(
                "他们在嫦娥五号任务中采集了月壤。",
                "They collected soil during the 嫦娥五号 mission."
            ),
            ["嫦娥五号"]
        );
        assert_eq!(lint("这是一个测试。", "这是一个测试。"), ["这是一个测试。"]);
    }

    #[test]
    fn glosses_and_unrelated_text_pass() {
        assert!(lint("梁文锋说。", "Liang Wenfeng (梁文锋) said so.").is_empty());
        assert!(lint("他说。", "The sign read 欢迎 in red.").is_empty());
        assert!(lint("他说。", "He said so.").is_empty());
    }
}
