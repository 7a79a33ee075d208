use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::text::{Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a hyphen standing where a dash belongs: a hyphen that joins a word to a pronoun or
    /// determiner opening a new clause ("the universe-this series of images", "black
    /// holes-those that are millions of times heavier").
    ///
    /// ## Why it matters
    /// Chinese writes a dash as ——, which translation engines often reduce to a single hyphen
    /// glued to both words. The sentence then seems to contain a compound that does not exist.
    ///
    /// ## Example
    /// ```text
    /// They will see supermassive black holes-those that are millions of times heavier.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// They will see supermassive black holes — those that are millions of times heavier.
    /// ```
    ///
    /// Only hyphens before this, these, those, their, they, we, our, its, which, who, about and
    /// but are reported, and only when a word follows: no English compound ends in one of them,
    /// and a chain of hyphens ("similar-but-not-quite") is a compound of several parts.
    ///
    /// ## Fix safety
    /// Unsafe: the fix writes a spaced em dash; house styles differ (a closed em dash, a spaced en
    /// dash), so check it.
    pub static HYPHEN_FOR_DASH = {
        code: "G009",
        name: "hyphen-for-dash",
        finds: "\"the universe-this series of images\"",
        category: Grammar,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

const CLAUSE_OPENERS: &[&str] = &[
    "about", "but", "its", "our", "their", "these", "they", "this", "those", "we", "which", "who",
];

/// Whether the word after the hyphen can open a clause, judged by what follows it: a word
/// ("holes-those that"), not a mark. Another glued hyphen makes a compound of several parts
/// ("similar-but-not-quite", "a stale-but-present value"), and a closing mark ends a name
/// ("[cargo-about]").
fn opens_clause(following: Option<&Token>) -> bool {
    following.is_some_and(|t| t.kind != TokenKind::Punct)
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for (i, window) in doc.tokens.windows(3).enumerate() {
        let [before, hyphen, after] = window else {
            continue;
        };
        let glued = !hyphen.is(Flags::SPACE_BEFORE) && !after.is(Flags::SPACE_BEFORE);
        if !glued
            || hyphen.kind != TokenKind::Punct
            || doc.text(hyphen) != "-"
            || before.kind != TokenKind::Word
        {
            continue;
        }
        let next = doc.text(after);
        if after.kind != TokenKind::Word
            || !CLAUSE_OPENERS.contains(&next.to_lowercase().as_str())
            || doc.text(before).chars().count() < 2
            || !opens_clause(doc.tokens.get(i + 3))
        {
            continue;
        }
        let range = hyphen.start as usize..hyphen.end as usize;
        out.push(
            Finding::new(
                &HYPHEN_FOR_DASH,
                range.clone(),
                format!("a hyphen where a dash belongs, before “{next}”"),
            )
            .confidence(0.8)
            .suggest(" — ")
            .fix(Fix::unsafe_edit(Edit::replace(range, " — "))),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn hyphens_before_a_new_clause() {
        assert_lints(
            &HYPHEN_FOR_DASH,
            "images of the universe-this series can be traced",
            &["-"],
        );
        assert_fixed(
            &HYPHEN_FOR_DASH,
            "black holes-those that are heavy",
            Applicability::Unsafe,
            "black holes — those that are heavy",
        );
        assert_lints(
            &HYPHEN_FOR_DASH,
            "Einstein also realized-this is the point",
            &["-"],
        );
    }

    #[test]
    fn real_compounds_and_dashes_pass() {
        assert_no_lints(
            &HYPHEN_FOR_DASH,
            "a well-known, so-called, up-to-date, built-in, look-alike plan",
        );
        assert_no_lints(
            &HYPHEN_FOR_DASH,
            "a native-like accent and a drum-like sound",
        );
        assert_no_lints(
            &HYPHEN_FOR_DASH,
            "black holes - those that are heavy - and stars",
        );
        assert_no_lints(&HYPHEN_FOR_DASH, "black holes — those that are heavy");
        assert_no_lints(
            &HYPHEN_FOR_DASH,
            "a similar-but-not-quite format, a stale-but-present value and [cargo-about](x)",
        );
    }
}
