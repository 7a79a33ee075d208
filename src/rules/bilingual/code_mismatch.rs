use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds URLs, e-mail addresses and codes (5G, COVID-19, A380, ISO 9001) of the original that
    /// the translation writes differently: "5 G", "COVID 19", a URL with a changed character.
    ///
    /// ## Why it matters
    /// Codes and addresses must be copied exactly; a reader cannot tell that "A 380" or a link
    /// with a missing character is wrong, and a broken link fails silently.
    ///
    /// ## Example
    /// ```text
    /// original:    该市已建成5G基站3000个。
    /// translation: The city has built 3,000 5 G base stations.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The city has built 3,000 5G base stations.
    /// ```
    ///
    /// A code that the translation leaves out altogether is not reported here (the sentence may
    /// have been restructured); only altered copies are.
    ///
    /// ## Fix safety
    /// Unsafe: the fix writes the original's form in place of the altered one.
    pub static CODE_MISMATCH = {
        code: "B006",
        name: "code-mismatch",
        finds: "URLs, e-mail addresses and codes of the source missing or altered",
        category: Bilingual,
        mqm: [AccuracyMistranslation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for pair in &cx.alignment().pairs {
        let codes = original_codes(pair.original);
        if codes.is_empty() {
            continue;
        }
        // The original text, not the prose view: URLs are masked in the view.
        let target = &cx.doc.source().text()[pair.target.clone()];
        for code in codes {
            if target.to_lowercase().contains(&code.to_lowercase()) {
                continue;
            }
            if let Some(range) = altered_copy(target, code) {
                let at = pair.target.start + range.start..pair.target.start + range.end;
                let written = &target[range];
                out.push(
                    Finding::new(
                        &CODE_MISMATCH,
                        at.clone(),
                        format!("“{written}” is “{code}” in the original"),
                    )
                    .confidence(0.85)
                    .suggest(code)
                    .fix(Fix::unsafe_edit(Edit::replace(at, code))),
                );
            }
        }
    }
}

/// Latin-script runs of the original that must be copied exactly: they contain both a letter and a
/// digit (5G, A380, COVID-19), or are URLs or e-mail addresses.
fn original_codes(original: &str) -> Vec<&str> {
    let mut codes = Vec::new();
    let mut start = None;
    for (i, c) in original
        .char_indices()
        .chain(std::iter::once((original.len(), ' ')))
    {
        let part = c.is_ascii_alphanumeric()
            || (start.is_some()
                && matches!(c, '-' | '_' | '.' | '/' | ':' | '@' | '?' | '=' | '&' | '%'));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let mut run = original[s..i].trim_end_matches(['.', '-', '/', ':']);
                // 08H00-7月25日 is "08H00 to July 25": the digits after the last dash are a date.
                if matches!(c, '月' | '日' | '年' | '号') {
                    if let Some((head, _)) = run
                        .rsplit_once('-')
                        .filter(|(_, t)| t.bytes().all(|b| b.is_ascii_digit()))
                    {
                        run = head;
                    }
                }
                let has_letter = run.bytes().any(|b| b.is_ascii_alphabetic());
                let has_digit = run.bytes().any(|b| b.is_ascii_digit());
                let is_address = run.contains("://")
                    || run.starts_with("www.")
                    || (run.contains('@') && run.contains('.'));
                if (has_letter && has_digit || is_address) && run.len() >= 2 && run.len() <= 200 {
                    codes.push(run);
                }
                start = None;
            }
            _ => {}
        }
    }
    codes
}

/// A copy of `code` in `target` that is broken apart (a space or hyphen inside a short code: "5 G",
/// "COVID 19"; a space after a dot: "600606. SH"), or, for addresses and codes of six or more
/// characters, has one character changed: the byte range of the altered copy. Spacing around
/// slashes and plus signs ("4K / 8K") is style, and a long name and a number may be spaced in
/// English ("APEC 2020").
fn altered_copy(target: &str, code: &str) -> Option<std::ops::Range<usize>> {
    let squeeze = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let wanted = squeeze(code);
    let short = code.chars().filter(char::is_ascii_alphanumeric).count() <= 6;
    let words: Vec<(usize, &str)> = target
        .split_inclusive(char::is_whitespace)
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len();
            Some((start, w))
        })
        .collect();
    // Windows of up to three words, since an added space splits a code.
    for size in 1..=3 {
        for window in words.windows(size) {
            let start = window[0].0;
            let text = window.iter().map(|(_, w)| *w).collect::<String>();
            let trimmed = text
                .trim_end()
                .trim_end_matches(['.', ',', ';', ':', ')', '”', '"']);
            let trimmed = trimmed.trim_start_matches(['(', '“', '"']);
            let lead = text.find(trimmed).unwrap_or(0);
            let candidate = squeeze(trimmed);
            let hyphen_dropped = code.contains('-')
                && trimmed.to_lowercase() == code.replace('-', " ").to_lowercase();
            let broken = candidate == wanted
                && trimmed.to_lowercase() != code.to_lowercase()
                && (short || hyphen_dropped || trimmed.contains(". "));
            let same_when_squeezed = broken && !only_spaced_around_symbols(trimmed, code);
            let one_changed = size == 1
                && wanted.len() >= 6
                && strsim::damerau_levenshtein(&candidate, &wanted) == 1;
            if same_when_squeezed || one_changed {
                return Some(start + lead..start + lead + trimmed.len());
            }
        }
    }
    None
}

/// Whether `written` differs from `code` only by spaces next to `/`, `+` or `&`.
fn only_spaced_around_symbols(written: &str, code: &str) -> bool {
    let tight = |s: &str| {
        let mut out = String::new();
        for part in s.split(' ') {
            let glue = out.ends_with(['/', '+', '&']) || part.starts_with(['/', '+', '&']);
            if !out.is_empty() && !glue {
                out.push(' ');
            }
            out.push_str(part);
        }
        out.to_lowercase()
    };
    tight(written) == code.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::bilingual::test_util::{lint_pair, lint_pair_suggestions};

    #[test]
    fn altered_codes_are_found() {
        assert_eq!(
            lint_pair_suggestions(&CODE_MISMATCH, "建成5G基站", "built 5 G base stations"),
            [("5 G".into(), vec!["5G".into()])]
        );
        assert_eq!(
            lint_pair(
                &CODE_MISMATCH,
                "新冠肺炎（COVID-19）疫情",
                "the COVID 19 epidemic"
            ),
            ["COVID 19"]
        );
        assert_eq!(
            lint_pair(
                &CODE_MISMATCH,
                "访问www.example.com.cn了解",
                "visit www.exampel.com.cn for details"
            ),
            ["www.exampel.com.cn"]
        );
    }

    #[test]
    fn exact_copies_and_omissions_pass() {
        assert!(lint_pair(&CODE_MISMATCH, "建成5G基站", "built 5G base stations").is_empty());
        assert!(lint_pair(&CODE_MISMATCH, "空客A380客机", "the Airbus A380").is_empty());
        assert!(lint_pair(&CODE_MISMATCH, "空客A380客机", "the Airbus superjumbo").is_empty());
        assert!(lint_pair(&CODE_MISMATCH, "世卫组织WHO表示", "the W.H.O. said").is_empty());
        assert!(
            lint_pair(
                &CODE_MISMATCH,
                "利用5G+4K/8K技术",
                "using 5G + 4K / 8K technology"
            )
            .is_empty()
        );
        assert!(lint_pair(&CODE_MISMATCH, "APEC2020之后", "after APEC 2020").is_empty());
        assert!(
            lint_pair(
                &CODE_MISMATCH,
                "统计（7月25日08H00-7月26日08H00）",
                "(July 25, 08H00 to July 26, 08H00)"
            )
            .is_empty()
        );
        assert_eq!(
            lint_pair(&CODE_MISMATCH, "格力电器（000651.SZ）", "Gree (000651. SZ)"),
            ["000651. SZ"]
        );
    }
}
