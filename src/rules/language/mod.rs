//! L: language: fragments left untranslated and words that mix writing systems.

pub mod invented_word;
pub mod markup_debris;
pub mod mixed_script_word;
pub mod untranslated_fragment;

#[cfg(test)]
mod robustness {
    use proptest::prelude::*;

    use crate::rules::grammar::capital_mid_sentence::CAPITAL_MID_SENTENCE;
    use crate::rules::perspective::first_person_in_reporting::FIRST_PERSON_IN_REPORTING;
    use crate::rules::test_util::{lint, lint_as};
    use crate::text::InputFormat;

    use super::mixed_script_word::MIXED_SCRIPT_WORD;
    use super::untranslated_fragment::UNTRANSLATED_FRAGMENT;

    /// Pieces that exercise scripts, quotation marks, brackets, line breaks and sentence ends.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("We ".to_string()),
            Just("our ".to_string()),
            Just("I ".to_string()),
            Just("said ".to_string()),
            Just("It's ".to_string()),
            Just("the Winter".to_string()),
            Just("梁文锋".to_string()),
            Just("（".to_string()),
            Just("）".to_string()),
            Just("。".to_string()),
            Just("Мoscow ".to_string()),
            Just("Москва".to_string()),
            Just("Le gouvernement a annoncé de nouvelles mesures. ".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just(". ".to_string()),
            Just(": ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("- ".to_string()),
            "[a-zA-Z]{1,8} ",
            "\\PC{0,3}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn document_level_rules_never_panic(pieces in prop::collection::vec(piece(), 0..40)) {
            let text: String = pieces.concat();
            for rule in [&CAPITAL_MID_SENTENCE, &FIRST_PERSON_IN_REPORTING, &UNTRANSLATED_FRAGMENT, &MIXED_SCRIPT_WORD] {
                for found in lint(rule, &text).into_iter().chain(lint_as(rule, &text, InputFormat::Markdown)) {
                    prop_assert!(found.range.start <= found.range.end && found.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(found.range.start) && text.is_char_boundary(found.range.end));
                    for edit in found.fix.iter().flat_map(|f| f.edits.iter()) {
                        prop_assert!(text.is_char_boundary(edit.range().start) && text.is_char_boundary(edit.range().end));
                    }
                }
            }
        }
    }
}
