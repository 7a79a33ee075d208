use unicode_normalization::UnicodeNormalization;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::text::script::is_cjk_letter;

declare_rule! {
    /// ## What it does
    /// Finds full-width punctuation from Chinese, Japanese and Korean typography (`，。：；（）！？、`)
    /// and full-width Latin letters and digits inside English text.
    ///
    /// ## Why it matters
    /// Machine translation often carries the source's punctuation over unchanged. Full-width marks
    /// look wrong in English, take the width of a whole character, and break search and spell
    /// checking.
    ///
    /// Raters seldom mark a full-width mark, so its span precision is low although the findings are
    /// real artifacts.
    ///
    /// ## Example
    /// ```text
    /// The company，founded in 2023，is based in Hangzhou。
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The company, founded in 2023, is based in Hangzhou.
    /// ```
    ///
    /// Marks next to a CJK character are left alone: they belong to an untranslated fragment,
    /// which L001 reports as a whole.
    ///
    /// ## Fix safety
    /// Safe for marks with one English equivalent (comma, full stop, colon, semicolon, brackets,
    /// exclamation and question marks, the enumeration comma) and full-width letters and digits; a
    /// space is added after the mark where English needs one. Unsafe for book-title marks `《》` and
    /// corner brackets `「」`, which may call for italics rather than quotation marks.
    pub static FULLWIDTH_PUNCTUATION = {
        code: "Q011",
        name: "fullwidth-punctuation",
        finds: "`，。：；（）！？、` and full-width letters in English",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let view = cx.doc.view();
    for paragraph in &cx.doc.paragraphs {
        let text = &view[paragraph.range.clone()];
        let mut prev: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, ch)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            if let Some(replacement) = english_form(ch) {
                let at = paragraph.range.start + i;
                if !touches_cjk(view, at, at + ch.len_utf8()) {
                    out.push(finding(at, ch, &replacement, prev, next));
                }
            }
            prev = Some(ch);
        }
    }
}

fn finding(
    at: usize,
    ch: char,
    replacement: &Replacement,
    prev: Option<char>,
    next: Option<char>,
) -> Finding {
    let mut text = replacement.text.clone();
    if replacement.space_after && next.is_some_and(|c| c.is_alphanumeric() || c == '“') {
        text.push(' ');
    }
    if replacement.space_before && prev.is_some_and(char::is_alphanumeric) {
        text.insert(0, ' ');
    }
    let what = if ch.is_alphanumeric() {
        "full-width character"
    } else {
        "full-width punctuation"
    };
    let fix = Fix::new(
        replacement.applicability,
        vec![Edit::replace(at..at + ch.len_utf8(), text.clone())],
    );
    Finding::new(
        &FULLWIDTH_PUNCTUATION,
        at..at + ch.len_utf8(),
        format!("{what} “{ch}” in English text"),
    )
    .confidence(0.95)
    .suggest(text.trim().to_string())
    .fix(fix)
}

struct Replacement {
    text: String,
    space_after: bool,
    space_before: bool,
    applicability: Applicability,
}

/// The English form of a full-width character, if it has one.
fn english_form(ch: char) -> Option<Replacement> {
    let (text, space_after, space_before, applicability) = match ch {
        '，' | '、' => (",", true, false, Applicability::Safe),
        '。' | '．' => (".", true, false, Applicability::Safe),
        '：' => (":", true, false, Applicability::Safe),
        '；' => (";", true, false, Applicability::Safe),
        '！' => ("!", true, false, Applicability::Safe),
        '？' => ("?", true, false, Applicability::Safe),
        '（' => ("(", false, true, Applicability::Safe),
        '）' => (")", true, false, Applicability::Safe),
        '【' | '［' => ("[", false, true, Applicability::Safe),
        '】' | '］' => ("]", true, false, Applicability::Safe),
        '《' | '「' | '〈' => ("“", false, true, Applicability::Unsafe),
        '》' | '」' | '〉' => ("”", true, false, Applicability::Unsafe),
        '『' => ("‘", false, true, Applicability::Unsafe),
        '』' => ("’", true, false, Applicability::Unsafe),
        '\u{FF01}'..='\u{FF5E}' => {
            let plain: String = ch.to_string().nfkc().collect();
            return Some(Replacement {
                text: plain,
                space_after: false,
                space_before: false,
                applicability: Applicability::Safe,
            });
        }
        _ => return None,
    };
    Some(Replacement {
        text: text.to_string(),
        space_after,
        space_before,
        applicability,
    })
}

/// Whether the nearest non-space character on either side is CJK: the mark then belongs to a
/// fragment that was left untranslated.
fn touches_cjk(view: &str, start: usize, end: usize) -> bool {
    let before = view[..start].chars().rev().find(|c| !c.is_whitespace());
    let after = view[end..].chars().find(|c| !c.is_whitespace());
    before.is_some_and(is_cjk_letter) || after.is_some_and(is_cjk_letter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn flags_and_fixes_fullwidth_marks() {
        let text = "The company，founded in 2023，is based in Hangzhou。";
        assert_lints(&FULLWIDTH_PUNCTUATION, text, &["，", "，", "。"]);
        assert_fixed(
            &FULLWIDTH_PUNCTUATION,
            text,
            Applicability::Safe,
            "The company, founded in 2023, is based in Hangzhou.",
        );
    }

    #[test]
    fn brackets_and_enumeration_comma() {
        assert_fixed(
            &FULLWIDTH_PUNCTUATION,
            "Beijing（the capital）has apples、pears！",
            Applicability::Safe,
            "Beijing (the capital) has apples, pears!",
        );
    }

    #[test]
    fn fullwidth_letters_and_digits() {
        assert_fixed(
            &FULLWIDTH_PUNCTUATION,
            "Model Ａ１ ships",
            Applicability::Safe,
            "Model A1 ships",
        );
    }

    #[test]
    fn book_title_marks_are_unsafe() {
        let text = "He read 《Dream of the Red Chamber》 twice.";
        assert_fixed(&FULLWIDTH_PUNCTUATION, text, Applicability::Safe, text);
        assert_fixed(
            &FULLWIDTH_PUNCTUATION,
            text,
            Applicability::Unsafe,
            "He read “Dream of the Red Chamber” twice.",
        );
    }

    #[test]
    fn cjk_fragments_are_left_to_the_language_rule() {
        assert_no_lints(
            &FULLWIDTH_PUNCTUATION,
            "The slogan 北京，欢迎你。 was everywhere.",
        );
        assert_no_lints(
            &FULLWIDTH_PUNCTUATION,
            "Liang Wenfeng (梁文锋) said so, in English.",
        );
    }
}
