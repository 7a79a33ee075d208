use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::text::{Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds hyphenated compounds written with spaces around the hyphens: "two - year - old",
    /// "door - to - door", "year - on - year".
    ///
    /// ## Why it matters
    /// Tokenising translation engines split compounds at the hyphen and join the pieces back with
    /// spaces. The result reads like three words and a pair of dashes.
    ///
    /// ## Example
    /// ```text
    /// The company offers door - to - door delivery.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The company offers door-to-door delivery.
    /// ```
    ///
    /// Only chains of three or more parts are reported: a single spaced hyphen between two words
    /// is how many writers type a dash ("Sweden - and Norway").
    ///
    /// ## Fix safety
    /// Safe: the fix removes the spaces around the hyphens and nothing else.
    pub static SPACED_HYPHEN_COMPOUND = {
        code: "G007",
        name: "spaced-hyphen-compound",
        finds: "\"two - year - old\"",
        category: Grammar,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let mut i = 0;
        while i < tokens.len() {
            let end = chain_end(doc, tokens, i);
            if end >= i + 5 {
                out.push(finding(doc, &tokens[i..end]));
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

/// The index after the longest `part - part - part ...` chain starting at `i`.
fn chain_end(doc: &crate::text::Document, tokens: &[Token], i: usize) -> usize {
    if !is_part(doc, &tokens[i]) {
        return i;
    }
    let mut end = i + 1;
    while end + 1 < tokens.len()
        && is_spaced_hyphen(doc, &tokens[end])
        && is_part(doc, &tokens[end + 1])
        && tokens[end + 1].is(Flags::SPACE_BEFORE)
    {
        end += 2;
    }
    end
}

fn is_part(doc: &crate::text::Document, token: &Token) -> bool {
    match token.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            !doc.text(token).starts_with(char::is_uppercase) || token.is(Flags::SENTENCE_INITIAL)
        }
        _ => false,
    }
}

fn is_spaced_hyphen(doc: &crate::text::Document, token: &Token) -> bool {
    token.kind == TokenKind::Punct && doc.text(token) == "-" && token.is(Flags::SPACE_BEFORE)
}

fn finding(doc: &crate::text::Document, chain: &[Token]) -> Finding {
    let range = chain[0].start as usize..chain[chain.len() - 1].end as usize;
    let edits: Vec<Edit> = chain
        .windows(2)
        .filter(|w| w[0].end < w[1].start)
        .map(|w| Edit::delete(w[0].end as usize..w[1].start as usize))
        .collect();
    let joined: String = chain.iter().map(|t| doc.text(t)).collect();
    Finding::new(
        &SPACED_HYPHEN_COMPOUND,
        range,
        format!("spaces around the hyphens of “{joined}”"),
    )
    .confidence(0.85)
    .suggest(joined)
    .fix(Fix::new(Applicability::Safe, edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn spaced_compounds() {
        assert_lints(
            &SPACED_HYPHEN_COMPOUND,
            "It offers door - to - door delivery.",
            &["door - to - door"],
        );
        assert_suggestion(
            &SPACED_HYPHEN_COMPOUND,
            "a two - year - old girl",
            "two-year-old",
        );
        assert_fixed(
            &SPACED_HYPHEN_COMPOUND,
            "up 5% year - on - year, face - to - face",
            Applicability::Safe,
            "up 5% year-on-year, face-to-face",
        );
    }

    #[test]
    fn dashes_and_tight_compounds_pass() {
        assert_no_lints(
            &SPACED_HYPHEN_COMPOUND,
            "It offers door-to-door delivery and a two-year-old plan.",
        );
        assert_no_lints(
            &SPACED_HYPHEN_COMPOUND,
            "Sweden - and Norway - joined later.",
        );
        assert_no_lints(
            &SPACED_HYPHEN_COMPOUND,
            "They met in Paris - London - Rome order.",
        );
    }
}
