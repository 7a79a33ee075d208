use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds markup and encoding debris in prose: wiki markup (`''`, `'''`, `[[`, `]]`, `{{`,
    /// `}}`, `<nowiki/>`, `<ref>`), HTML tags and character references written out as text
    /// (`<br>`, `&amp;`, `&#39;`), the replacement character `�`, and UTF-8 read as Latin-1
    /// ("Ã©" for "é", "â€™" for "’").
    ///
    /// ## Why it matters
    /// Translation pipelines fed with wiki or web text pass the markup through, and sometimes the
    /// system itself produces it: `'''' <nowiki/>'''''''`. A wrong encoding on the way turns every
    /// accented letter and curly quotation mark into two or three characters of noise. Readers see
    /// the debris, and it breaks search.
    ///
    /// ## Example
    /// ```text
    /// The [[Portuguese Football Captain]] was born in SÃ£o Paulo.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The Portuguese football captain was born in São Paulo.
    /// ```
    ///
    /// Markdown and HTML input are read as prose first, so their own markup is never debris; in
    /// them only what shows as text on the page is checked.
    ///
    /// ## Fix safety
    /// No fix: whether the markup's content belongs to the sentence takes a reader.
    pub static MARKUP_DEBRIS = {
        code: "L004",
        name: "markup-debris",
        finds: "wiki markup, HTML written out as text, UTF-8 read as Latin-1 (`''[[`, `&amp;`, \"Ã©\")",
        category: Language,
        mqm: [FluencyCharacterEncoding],
        severity: Warning,
        status: Preview,
        fix: None,
        check: check,
    };
}

/// Markup written out as text.
const MARKUP: &[&str] = &[
    "[[",
    "]]",
    "{{",
    "}}",
    "<nowiki/>",
    "<nowiki />",
    "<nowiki>",
    "</nowiki>",
    "<ref",
    "</ref>",
    "<br>",
    "<br/>",
    "<br />",
    "&amp;",
    "&quot;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&#",
    "\u{FFFD}",
    "â€",
];

fn markup() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(MARKUP)
            .expect("the patterns are literal")
    })
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let view = cx.doc.view();
    let mut spans: Vec<std::ops::Range<usize>> = markup()
        .find_iter(view)
        .map(|m| m.range())
        .chain(mojibake(view))
        .chain(apostrophe_runs(view))
        .collect();
    spans.sort_by_key(|r| r.start);
    // A run of debris (`'''' <nowiki/>'''''''`) is one finding.
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end + 1 => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    for range in merged {
        let text = &view[range.clone()];
        out.push(
            Finding::new(
                &MARKUP_DEBRIS,
                range.clone(),
                format!("markup or encoding debris “{text}”"),
            )
            .confidence(0.9),
        );
    }
}

/// Two or more straight apostrophes in a row: wiki italics and bold (`''`, `'''`).
fn apostrophe_runs(view: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = view.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() && bytes[i] == b'\'' {
            i += 1;
        }
        if i - start >= 2 {
            out.push(start..i);
        }
        i += usize::from(i == start);
    }
    out
}

/// UTF-8 read as Latin-1: "Ã" or "Â" followed by a character of U+0080–U+00BF, which is how the
/// second byte of a two-byte sequence reads ("Ã©" for "é", "Â°" for "°").
fn mojibake(view: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    view.char_indices()
        .zip(view.chars().skip(1))
        .filter(|((_, c), next)| matches!(c, 'Ã' | 'Â') && ('\u{80}'..='\u{BF}').contains(next))
        .map(|((i, c), next)| i..i + c.len_utf8() + next.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;
    use crate::text::InputFormat;

    #[test]
    fn flags_wiki_markup_entities_and_mojibake() {
        assert_lints(
            &MARKUP_DEBRIS,
            "The [[Portuguese Football Captain]] was born in SÃ£o Paulo.",
            &["[[", "]]", "Ã£"],
        );
        assert_lints(
            &MARKUP_DEBRIS,
            "It was '''' <nowiki/>''''''' a film &amp; a book.",
            &["'''' <nowiki/>'''''''", "&amp;"],
        );
    }

    #[test]
    fn leaves_clean_text_and_real_markup() {
        assert_no_lints(
            &MARKUP_DEBRIS,
            "São Paulo's mayor said “yes” — it's 5'11\" tall.",
        );
        let markdown = "A [link](https://example.com) and <br> in **bold**.";
        assert!(lint_as(&MARKUP_DEBRIS, markdown, InputFormat::Markdown).is_empty());
    }
}
