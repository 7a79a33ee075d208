use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fluency::{Model, Signals};
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Reports a sentence that reads as garbled by the score's fluency signal: one that the model
    /// fitted on rated machine translation predicts to read as badly as the worst 1% of machine
    /// translated sentences it was fitted on. The message names the signals that weigh most
    /// against it (repeated words, words English does not use, rare words, function words piled
    /// up).
    ///
    /// ## Why it matters
    /// Every sentence's fluency already counts in the score; this rule puts the worst ones in the
    /// list of findings, where an editor reads them.
    ///
    /// ## Example
    /// ```text
    /// The society of the society of the kalusarp was thousands thousands of the prideva.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Translate the sentence again.
    /// ```
    ///
    /// It is a preview rule: well-edited English has such sentences too (technical prose that
    /// repeats its terms, lists of rare words), about one in a thousand sentences. Its findings do
    /// not count in the score a second time: the sentence's fluency cost is already there.
    ///
    /// ## Fix safety
    /// No fix.
    pub static GARBLED_SENTENCE = {
        code: "G014",
        name: "garbled-sentence",
        finds: "a sentence the fluency model reads as badly as the worst 1% of raw machine translation",
        category: Grammar,
        mqm: [FluencyGrammar],
        severity: Info,
        status: Preview,
        fix: None,
        check: check,
        // Its sentence's fluency cost is already in the score.
        scored: false,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let model = Model::get();
    for sentence in &doc.sentences {
        let Some(signals) = Signals::measure(doc, doc.sentence_tokens(sentence)) else {
            continue;
        };
        let predicted = model.predict(&signals);
        if predicted >= model.report_below {
            continue;
        }
        let effects = model.effects(&signals);
        let mut worst: Vec<(usize, f64)> = effects.iter().copied().enumerate().collect();
        worst.sort_by(|a, b| a.1.total_cmp(&b.1));
        let reasons: Vec<&str> = worst
            .iter()
            .filter(|(_, e)| *e < 0.0)
            .take(2)
            .map(|(k, _)| REASONS[*k])
            .collect();
        out.push(
            Finding::new(
                &GARBLED_SENTENCE,
                sentence.range.clone(),
                format!("the sentence reads as garbled: {}", reasons.join(", ")),
            )
            .confidence(0.6),
        );
    }
}

/// What each signal of [`crate::fluency::SIGNALS`] says when it weighs against a sentence.
const REASONS: [&str; 7] = [
    "words repeated",
    "a short sentence",
    "a word English does not use",
    "rare words",
    "function words piled up",
    "content words repeated",
    "word pairs repeated",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn reports_the_worst_sentences_with_their_reasons() {
        let text = "The society of the society of the society of the society of the town.";
        let found = lint(&GARBLED_SENTENCE, text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("repeated"),
            "{}",
            found[0].message
        );
        assert_no_lints(
            &GARBLED_SENTENCE,
            "The council approved the new budget for the schools on Monday.",
        );
    }
}
