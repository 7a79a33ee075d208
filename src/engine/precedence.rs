//! Precedence between rules: a finding that says what another says, with less evidence, is
//! dropped when it lies inside it. Each rule declares the findings it yields to
//! ([`RuleMeta::yields_to`](crate::rules::RuleMeta::yields_to)), so that its author sees there,
//! in its own file, that its findings may vanish; the engine applies every declaration alike.
//!
//! The rules that declare it today:
//! - a spelling or casing finding about a name (N001, N003, N004) yields to a known-entity finding
//!   ("Qinghua" → Tsinghua inside "Qinghua University" → Tsinghua University), to a bilingual
//!   name finding on the same words ("Leann" → Liang, against 梁文锋 in the original, B001) and
//!   to a near miss of a glossary term; a garbled-transliteration finding (N002) says something
//!   else (no romanisation fits "Tingryu") and yields to nothing: inside an entity finding it was
//!   joined to it before (`rules::entities::absorb_garbled_names`), and beside a bilingual one it
//!   stays;
//! - entity findings (E001-E003) and bilingual name findings (B001) yield to a near miss of a
//!   glossary term (B009 with a fix: "Qinghua University" where the desk's termbase gives Tsinghua
//!   University for the original's 清华大学), which rests on the strongest evidence, the client's
//!   own term and the original.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::rules::Outranker;

/// Drops each finding that lies inside a finding its rule yields to. Whether a finding is
/// outranked is decided against all the findings as the rules left them, so the order of the
/// declarations does not matter. `findings` is sorted by start.
pub(super) fn drop_outranked(findings: &mut Vec<Finding>) {
    let mut outrankers: Vec<Outranker> = Vec::new();
    for &o in findings.iter().flat_map(|f| f.rule.yields_to) {
        if !outrankers.contains(&o) {
            outrankers.push(o);
        }
    }
    if outrankers.is_empty() {
        return;
    }
    let covers: Vec<(Outranker, Covering)> = outrankers
        .into_iter()
        .map(|o| (o, Covering::new(findings.iter().filter(|f| o.matches(f)))))
        .collect();
    findings.retain(|f| {
        !f.rule.yields_to.iter().any(|o| {
            covers
                .iter()
                .any(|(c, cover)| c == o && cover.covers(&f.range))
        })
    });
}

/// The ranges of some findings, sorted by start, each with the furthest end reached so far: a
/// range is inside one of them when one starting at or before it reaches its end.
struct Covering {
    reach: Vec<(usize, usize)>,
}

impl Covering {
    /// From findings sorted by start.
    fn new<'f>(findings: impl Iterator<Item = &'f Finding>) -> Covering {
        let mut reach: Vec<(usize, usize)> = Vec::new();
        for f in findings {
            let furthest = reach
                .last()
                .map_or(f.range.end, |&(_, end)| end.max(f.range.end));
            reach.push((f.range.start, furthest));
        }
        Covering { reach }
    }

    fn covers(&self, range: &Range<usize>) -> bool {
        let before = self
            .reach
            .partition_point(|&(start, _)| start <= range.start);
        before > 0 && self.reach[before - 1].1 >= range.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Edit, Fix};
    use crate::rules::bilingual::glossary_term_not_used::GLOSSARY_TERM_NOT_USED as GLOSSARY_TERM;
    use crate::rules::bilingual::name_transliteration_mismatch::NAME_TRANSLITERATION_MISMATCH as BILINGUAL_NAME;
    use crate::rules::names::garbled_transliteration::GARBLED_TRANSLITERATION as GARBLED;

    #[test]
    fn a_name_finding_inside_an_entity_finding_is_dropped() {
        use crate::rules::bilingual::name_transliteration_mismatch::NAME_TRANSLITERATION_MISMATCH as B;
        use crate::rules::entities::unknown_entity_near_known::UNKNOWN_ENTITY_NEAR_KNOWN as E;
        use crate::rules::names::garbled_transliteration::GARBLED_TRANSLITERATION as G;
        use crate::rules::names::inconsistent_name_spelling::INCONSISTENT_NAME_SPELLING as N;
        let mut findings = vec![
            Finding::new(&E, 10..26, "entity"),
            Finding::new(&N, 10..17, "inside"),
            Finding::new(&N, 20..30, "crosses the end"),
            Finding::new(&N, 40..45, "elsewhere"),
            Finding::new(&E, 50..55, "short entity"),
            Finding::new(&N, 52..54, "inside the second"),
            Finding::new(&B, 60..65, "bilingual"),
            Finding::new(&N, 60..65, "same words as the bilingual one"),
            Finding::new(&E, 70..88, "Tingryu University"),
            Finding::new(&G, 70..77, "Tingryu fits no romanisation"),
        ];
        drop_outranked(&mut findings);
        let kept: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            kept,
            [
                "entity",
                "crosses the end",
                "elsewhere",
                "short entity",
                "bilingual",
                "Tingryu University",
                "Tingryu fits no romanisation"
            ]
        );
    }

    #[test]
    fn findings_inside_a_glossary_near_miss_are_dropped() {
        use crate::rules::entities::unknown_entity_near_known::UNKNOWN_ENTITY_NEAR_KNOWN as E;
        use crate::rules::grammar::doubled_word::DOUBLED_WORD as D;
        let near_miss = |range: std::ops::Range<usize>| {
            Finding::new(&GLOSSARY_TERM, range.clone(), "glossary near miss").fix(Fix::unsafe_edit(
                Edit::replace(range, "Tsinghua University"),
            ))
        };
        let mut findings = vec![
            near_miss(10..28),
            Finding::new(&E, 10..28, "entity on the same words"),
            Finding::new(&BILINGUAL_NAME, 10..17, "bilingual name inside"),
            Finding::new(&GARBLED, 10..17, "garbled inside"),
            Finding::new(&D, 12..20, "another kind of finding"),
            Finding::new(&E, 40..58, "entity elsewhere"),
            Finding::new(&GLOSSARY_TERM, 60..90, "whole segment, no near miss"),
            Finding::new(&E, 62..70, "entity inside a finding without a fix"),
        ];
        drop_outranked(&mut findings);
        let kept: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            kept,
            [
                "glossary near miss",
                "garbled inside",
                "another kind of finding",
                "entity elsewhere",
                "whole segment, no near miss",
                "entity inside a finding without a fix"
            ]
        );
    }
}
