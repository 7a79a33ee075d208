//! The one table of rules. Adding a rule means adding its file and one line here.

use super::RuleMeta;
use super::{bilingual, entities, grammar, idioms, language, meta, names, perspective, quotes};

/// Every rule, ordered by category (N, E, Q, I, G, P, L, B, M), then code.
pub static RULES: &[&RuleMeta] = &[
    &names::inconsistent_name_spelling::INCONSISTENT_NAME_SPELLING,
    &names::garbled_transliteration::GARBLED_TRANSLITERATION,
    &names::inconsistent_name_casing::INCONSISTENT_NAME_CASING,
    &names::anonymity_marker_as_name::ANONYMITY_MARKER_AS_NAME,
    &entities::unknown_entity_near_known::UNKNOWN_ENTITY_NEAR_KNOWN,
    &entities::known_entity_casing::KNOWN_ENTITY_CASING,
    &entities::pinyin_for_established_name::PINYIN_FOR_ESTABLISHED_NAME,
    &quotes::unclosed_quotation::UNCLOSED_QUOTATION,
    &quotes::unopened_quotation::UNOPENED_QUOTATION,
    &quotes::opening_mark_for_closing::OPENING_MARK_FOR_CLOSING,
    &quotes::same_type_nested_quotation::SAME_TYPE_NESTED_QUOTATION,
    &quotes::space_inside_quotation::SPACE_INSIDE_QUOTATION,
    &quotes::unclosed_bracket::UNCLOSED_BRACKET,
    &quotes::unopened_bracket::UNOPENED_BRACKET,
    &quotes::dangling_attribution_colon::DANGLING_ATTRIBUTION_COLON,
    &quotes::colon_before_quotation::COLON_BEFORE_QUOTATION,
    &quotes::mixed_quote_styles::MIXED_QUOTE_STYLES,
    &quotes::fullwidth_punctuation::FULLWIDTH_PUNCTUATION,
    &quotes::space_before_punctuation::SPACE_BEFORE_PUNCTUATION,
    &quotes::doubled_punctuation::DOUBLED_PUNCTUATION,
    &idioms::mangled_idiom::MANGLED_IDIOM,
    &idioms::broken_fixed_expression::BROKEN_FIXED_EXPRESSION,
    &idioms::translationese_formula::TRANSLATIONESE_FORMULA,
    &grammar::passive_intransitive::PASSIVE_INTRANSITIVE,
    &grammar::capital_mid_sentence::CAPITAL_MID_SENTENCE,
    &grammar::doubled_word::DOUBLED_WORD,
    &grammar::uncountable_plural::UNCOUNTABLE_PLURAL,
    &grammar::malformed_construction::MALFORMED_CONSTRUCTION,
    &grammar::spaced_hyphen_compound::SPACED_HYPHEN_COMPOUND,
    &grammar::foreign_time_format::FOREIGN_TIME_FORMAT,
    &grammar::hyphen_for_dash::HYPHEN_FOR_DASH,
    &grammar::number_without_separators::NUMBER_WITHOUT_SEPARATORS,
    &grammar::article_sound_mismatch::ARTICLE_SOUND_MISMATCH,
    &grammar::repetition_loop::REPETITION_LOOP,
    &grammar::broken_off_sentence::BROKEN_OFF_SENTENCE,
    &grammar::garbled_sentence::GARBLED_SENTENCE,
    &perspective::first_person_in_reporting::FIRST_PERSON_IN_REPORTING,
    &language::untranslated_fragment::UNTRANSLATED_FRAGMENT,
    &language::mixed_script_word::MIXED_SCRIPT_WORD,
    &language::invented_word::INVENTED_WORD,
    &language::markup_debris::MARKUP_DEBRIS,
    &bilingual::name_transliteration_mismatch::NAME_TRANSLITERATION_MISMATCH,
    &bilingual::number_mismatch::NUMBER_MISMATCH,
    &bilingual::untranslated_source_text::UNTRANSLATED_SOURCE_TEXT,
    &bilingual::length_mismatch::LENGTH_MISMATCH,
    &bilingual::punctuation_mismatch::PUNCTUATION_MISMATCH,
    &bilingual::code_mismatch::CODE_MISMATCH,
    &bilingual::name_omitted::NAME_OMITTED,
    &bilingual::number_omitted::NUMBER_OMITTED,
    &bilingual::glossary_term_not_used::GLOSSARY_TERM_NOT_USED,
    &bilingual::inconsistent_translation::INCONSISTENT_TRANSLATION,
    &meta::unused_suppression::UNUSED_SUPPRESSION,
];

/// A rule by its code (`N001`, any case) or its name (`inconsistent-name-spelling`).
pub fn find_rule(key: &str) -> Option<&'static RuleMeta> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
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
        assert_eq!(
            sorted,
            RULES
                .iter()
                .map(|r| (r.category, r.code))
                .collect::<Vec<_>>(),
            "RULES must be ordered by category, then code"
        );
    }

    #[test]
    fn codes_carry_their_category_letter() {
        for rule in RULES {
            assert!(
                rule.code.starts_with(rule.category.letter()),
                "{} is in {:?}",
                rule.code,
                rule.category
            );
            assert_eq!(rule.code.len(), 4, "{}", rule.code);
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in RULES {
            let doc = rule.documentation();
            for section in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## Correction",
                "## Fix safety",
            ] {
                assert!(doc.contains(section), "{} lacks `{section}`", rule.code);
            }
            assert!(!rule.summary().is_empty(), "{}", rule.code);
        }
    }

    /// The score weighs a finding by the MQM category its rule targets, so every rule that judges
    /// the translation names one; meta rules judge mtlint's own comments and name none.
    #[test]
    fn every_translation_rule_names_its_mqm_category() {
        for rule in RULES {
            let meta = rule.category == crate::rules::Category::Meta;
            assert_eq!(
                rule.mqm.is_empty(),
                meta,
                "{}: MQM {:?}",
                rule.code,
                rule.mqm
            );
            assert!(
                !rule.finds.is_empty(),
                "{} says nothing it finds",
                rule.code
            );
        }
        assert_eq!(
            find_rule("Q005").map(|r| r.mqm),
            Some(&[crate::rules::Mqm::FluencyPunctuation][..])
        );
    }

    /// Precedence names existing rules, never the rule itself (its findings would all vanish).
    #[test]
    fn rules_yield_to_other_existing_rules() {
        for rule in RULES {
            for outranker in rule.yields_to {
                if let Some(code) = outranker.code() {
                    assert!(
                        find_rule(code).is_some(),
                        "{} yields to no rule {code}",
                        rule.code
                    );
                }
                assert!(!outranker.includes(rule), "{} yields to itself", rule.code);
            }
        }
    }

    /// Findings about mtlint's own directives say nothing about the translation.
    #[test]
    fn meta_rules_cost_the_score_nothing() {
        for rule in RULES {
            if rule.category == crate::rules::Category::Meta {
                assert!(!rule.scored, "{} is scored", rule.code);
            }
        }
    }

    #[test]
    fn lookup_by_code_and_name() {
        assert_eq!(find_rule("g003").map(|r| r.name), Some("doubled-word"));
        assert_eq!(find_rule("doubled-word").map(|r| r.code), Some("G003"));
        assert!(find_rule("X999").is_none());
    }
}
