//! The one table of rules. Adding a rule means adding its file and one line here.

use super::RuleMeta;
use super::{bilingual, grammar, quotes};

/// Every rule, ordered by category (N, E, Q, I, G, P, L, B), then code.
pub static RULES: &[&RuleMeta] = &[
    &quotes::space_inside_quotation::SPACE_INSIDE_QUOTATION,
    &quotes::fullwidth_punctuation::FULLWIDTH_PUNCTUATION,
    &grammar::doubled_word::DOUBLED_WORD,
    &bilingual::number_mismatch::NUMBER_MISMATCH,
    &bilingual::untranslated_source_text::UNTRANSLATED_SOURCE_TEXT,
    &bilingual::length_mismatch::LENGTH_MISMATCH,
    &bilingual::code_mismatch::CODE_MISMATCH,
];

/// A rule by its code (`N001`, any case) or its name (`inconsistent-name-spelling`).
pub fn find_rule(key: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_ordered() {
        let codes: HashSet<_> = RULES.iter().map(|r| r.code).collect();
        let names: HashSet<_> = RULES.iter().map(|r| r.name).collect();
        assert_eq!(codes.len(), RULES.len());
        assert_eq!(names.len(), RULES.len());
        let mut sorted: Vec<_> = RULES.iter().map(|r| (r.category, r.code)).collect();
        sorted.sort();
        assert_eq!(sorted, RULES.iter().map(|r| (r.category, r.code)).collect::<Vec<_>>(), "RULES must be ordered by category, then code");
    }

    #[test]
    fn codes_carry_their_category_letter() {
        for rule in RULES {
            assert!(rule.code.starts_with(rule.category.letter()), "{} is in {:?}", rule.code, rule.category);
            assert_eq!(rule.code.len(), 4, "{}", rule.code);
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in RULES {
            let doc = rule.documentation();
            for section in ["## What it does", "## Why it matters", "## Example", "## Correction", "## Fix safety"] {
                assert!(doc.contains(section), "{} lacks `{section}`", rule.code);
            }
            assert!(!rule.summary().is_empty(), "{}", rule.code);
        }
    }

    #[test]
    fn lookup_by_code_and_name() {
        assert_eq!(find_rule("g003").map(|r| r.name), Some("doubled-word"));
        assert_eq!(find_rule("doubled-word").map(|r| r.code), Some("G003"));
        assert!(find_rule("X999").is_none());
    }
}
