//! Scores: 0 to 100 per document and per table row. 100 means nothing was found and no sentence
//! reads as garbled.
//!
//! ```text
//! penalty = Σ weight(severity) × weight(rule) × confidence     over the findings
//!         + Σ fluency cost                                      over the sentences (crate::fluency)
//! density = 100 × penalty / (words + 20)                       penalty per 100 words, smoothed
//! score   = 100 × exp(−density / 4)
//! ```
//!
//! Severity weights: error 3, warning 1, info 0.25. A rule's weight is its evidence tier times
//! the weight of the MQM category it targets:
//! - the tier comes from `wordlists/score_weights.tsv`, written by `tools/calibrate.py` from
//!   professional MQM ratings of Chinese-to-English MT: a rule whose findings mark the
//!   translations raters penalised more weighs 2, one whose findings say little about quality 0.5
//!   or 0.2 (it still reports; it just moves the score less), a rule without evidence 1. Four
//!   tiers, not fitted decimals, so that the weights carry over to text they were not measured on;
//! - the category weight is MQM's own: a punctuation error counts a tenth of any other error of
//!   the same severity (minor punctuation 0.1 against minor 1). A rule whose main MQM category
//!   (the `mqm` field of its `declare_rule!`) is Fluency/Punctuation weighs 0.1, any other rule
//!   weighs 1. Without it a stray space inside quotation marks, repeated on every quotation of a
//!   document, outweighs a garbled name.
//!
//! A sentence's fluency cost is in the same units (one warning = 1): see [`crate::fluency`]. It is
//! zero for a sentence that reads at least as well as the median machine-translated sentence the
//! model was fitted on.
//!
//! Normalising by length makes one artifact in a 60-word paragraph weigh more than one in a
//! 5,000-word article; the 20 added words keep a two-word row with one finding from dropping
//! straight to zero. The exponential keeps the score above zero however many findings there are,
//! and two documents with different findings rarely tie.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::diagnostic::{Finding, Severity};
use crate::lexicon::tsv;
use crate::rules::registry::RULES;
use crate::rules::{Mqm, RuleMeta};

/// The weight of one finding of `severity` at full confidence.
pub fn weight(severity: Severity) -> f64 {
    match severity {
        Severity::Error => 3.0,
        Severity::Warning => 1.0,
        Severity::Info => 0.25,
    }
}

/// MQM's weight of a punctuation error relative to any other error of the same severity.
const PUNCTUATION_WEIGHT: f64 = 0.1;

/// How much one finding of the rule `code` counts, relative to the default 1: its evidence tier
/// times the weight of its MQM category.
pub fn rule_weight(code: &str) -> f64 {
    rule_weights().get(code).copied().unwrap_or(1.0)
}

/// The evidence tier of each rule listed in `score_weights.tsv` (a rule not listed has tier 1).
/// Read once, by [`rule_weights`].
fn tiers() -> HashMap<&'static str, f64> {
    tsv::rows(crate::lexicon::WordList::ScoreWeights.text())
        // A malformed weight is caught by the tests below; at run time it falls back to 1.
        .map(|row| (row.get(0), row.get(1).parse().unwrap_or(1.0)))
        .collect()
}

/// A rule whose main MQM category is Fluency/Punctuation weighs [`PUNCTUATION_WEIGHT`].
fn category_weight(rule: &RuleMeta) -> f64 {
    match rule.mqm.first() {
        Some(Mqm::FluencyPunctuation) => PUNCTUATION_WEIGHT,
        _ => 1.0,
    }
}

fn rule_weights() -> &'static HashMap<&'static str, f64> {
    static WEIGHTS: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        let tiers = tiers();
        let tier = |code: &str| tiers.get(code).copied().unwrap_or(1.0);
        RULES
            .iter()
            .map(|r| (r.code, tier(r.code) * category_weight(r)))
            .collect()
    })
}

/// What one finding costs the score, in units of one warning of a tier-1 rule. Every score and
/// cost goes through here, so that a rule declared unscored ([`RuleMeta::scored`]: findings
/// about mtlint's own directives, M; a garbled sentence, G014, whose fluency cost is already in
/// the score) costs nothing wherever it is counted.
pub fn finding_cost(f: &Finding) -> f64 {
    if !counts_for_score(f) {
        return 0.0;
    }
    weight(f.severity) * rule_weight(f.rule.code) * f64::from(f.confidence)
}

/// Whether a finding costs the score anything (see [`finding_cost`]).
pub fn counts_for_score(f: &Finding) -> bool {
    f.rule.scored
}

/// What `findings` cost together.
pub fn penalty<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> f64 {
    findings.into_iter().map(finding_cost).sum()
}

/// The score of a text of `words` words with `findings` (and no fluency cost).
pub fn score<'a>(findings: impl IntoIterator<Item = &'a Finding>, words: usize) -> f64 {
    from_penalty(penalty(findings), words)
}

/// The score of a text of `words` words whose findings and sentences cost `penalty` in all.
pub fn from_penalty(penalty: f64, words: usize) -> f64 {
    let density = 100.0 * penalty / (words as f64 + 20.0);
    round2(100.0 * (-density / 4.0).exp())
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::grammar::doubled_word::DOUBLED_WORD;

    fn findings(n: usize) -> Vec<Finding> {
        (0..n)
            .map(|_| Finding::new(&DOUBLED_WORD, 0..1, "x"))
            .collect()
    }

    #[test]
    fn nothing_found_is_100() {
        assert_eq!(score(&[], 0), 100.0);
        assert_eq!(score(&[], 5000), 100.0);
    }

    #[test]
    fn shorter_texts_weigh_a_finding_more() {
        let one = findings(1);
        assert!(score(&one, 60) < score(&one, 5000));
        assert!(score(&one, 5000) > 99.0);
    }

    #[test]
    fn more_findings_score_lower_and_stay_positive() {
        assert!(score(&findings(3), 100) < score(&findings(1), 100));
        assert!(score(&findings(1000), 10) >= 0.0);
    }

    #[test]
    fn rule_weights_name_existing_rules_and_are_positive() {
        let text = crate::lexicon::WordList::ScoreWeights.text();
        for row in tsv::rows(text) {
            let code = row.get(0);
            assert!(
                crate::rules::registry::RULES.iter().any(|r| r.code == code),
                "score_weights.tsv: no rule {code}"
            );
            let w: f64 = row
                .get(1)
                .parse()
                .unwrap_or_else(|_| panic!("score_weights.tsv: {code}: weight {:?}", row.get(1)));
            assert!(
                w > 0.0 && w <= 3.0,
                "score_weights.tsv: {code}: weight {w} out of range"
            );
        }
        assert_eq!(rule_weight("ZZZZ"), 1.0);
    }

    #[test]
    fn punctuation_rules_weigh_a_tenth_of_their_tier() {
        // Q005 space-inside-quotation targets Fluency/Punctuation; G003 doubled-word Fluency/Grammar.
        let tiers = tiers();
        assert_eq!(rule_weight("Q005"), tiers["Q005"] * 0.1);
        assert_eq!(rule_weight("G003"), tiers["G003"]);
        let punctuation = RULES.iter().filter(|r| category_weight(r) < 1.0).count();
        assert!(
            punctuation >= 10,
            "only {punctuation} rules read as punctuation"
        );
    }

    #[test]
    fn each_rule_weighs_by_its_weight() {
        for rule in crate::rules::registry::RULES {
            let mut f = Finding::new(rule, 0..1, "x");
            f.severity = Severity::Warning;
            let counted = if counts_for_score(&f) { 1.0 } else { 0.0 };
            let density = 100.0 * counted * rule_weight(rule.code) / 120.0;
            assert_eq!(
                score(&[f], 100),
                round2(100.0 * (-density / 4.0).exp()),
                "{}",
                rule.code
            );
        }
    }

    #[test]
    fn severity_and_confidence_weigh_in() {
        let mut error = findings(1);
        error[0].severity = Severity::Error;
        let mut unsure = findings(1);
        unsure[0].confidence = 0.3;
        assert!(score(&error, 100) < score(&findings(1), 100));
        assert!(score(&unsure, 100) > score(&findings(1), 100));
    }
}
