//! Known entities: near-misses and casing of the institutions, places, companies and people in
//! `wordlists/entities/` (see [`crate::entities`]).

pub mod known_entity_casing;
pub mod pinyin_for_established_name;
pub mod unknown_entity_near_known;

use crate::diagnostic::Finding;
use crate::rules::names::garbled_transliteration::GARBLED_TRANSLITERATION;

/// One fault, one finding: a garbled-transliteration finding (N002, "no romanisation spells
/// “Tingryu”") inside a known-entity finding ("Tingryu University" → Tsinghua University, E001)
/// is the same fault seen from the name. The entity finding is kept, since it knows the real
/// name and carries the correction; it takes the N002 explanation into its message and the
/// higher confidence, and the N002 finding is dropped. `findings` is sorted by start.
pub fn absorb_garbled_names(findings: &mut Vec<Finding>) {
    let entities: Vec<usize> = (0..findings.len())
        .filter(|&i| findings[i].rule.category == super::Category::Entities)
        .collect();
    if entities.is_empty() {
        return;
    }
    // For each entity finding in order, the one reaching furthest among it and those before.
    let mut furthest: Vec<usize> = Vec::with_capacity(entities.len());
    for &i in &entities {
        let best = match furthest.last() {
            Some(&j) if findings[j].range.end >= findings[i].range.end => j,
            _ => i,
        };
        furthest.push(best);
    }
    let mut absorbed = vec![false; findings.len()];
    for g in 0..findings.len() {
        if !std::ptr::eq(findings[g].rule, &GARBLED_TRANSLITERATION) {
            continue;
        }
        let range = findings[g].range.clone();
        let before = entities.partition_point(|&i| findings[i].range.start <= range.start);
        let Some(&host) = before.checked_sub(1).map(|k| &furthest[k]) else {
            continue;
        };
        if findings[host].range.end < range.end {
            continue;
        }
        let (message, confidence) = (findings[g].message.clone(), findings[g].confidence);
        let host = &mut findings[host];
        host.message = format!("{} ({message})", host.message);
        host.confidence = host.confidence.max(confidence);
        absorbed[g] = true;
    }
    let mut index = 0;
    findings.retain(|_| {
        index += 1;
        !absorbed[index - 1]
    });
}

#[cfg(test)]
mod tests {
    use crate::{InputFormat, Linter, Settings, Source};

    /// "Tingryu University" and "Z Jiang Province" were each reported twice, by N002 on the
    /// garbled word and by E001 on the whole name: one fault gives one finding, E001's, with both
    /// explanations and its correction.
    #[test]
    fn a_garbled_name_inside_an_entity_is_one_finding() {
        for (text, word, suggestion, explanation) in [
            (
                "China's top schools, such as Tingryu University and Peking University, are \
                 world class.",
                "Tingryu",
                "Tsinghua University",
                "no romanisation system spells it",
            ),
            (
                "China's top schools, such as Tingryu University and Peking University, are \
                 world class. Online commentary from the Z Jiang Province Communist Party \
                 Committee praised the company.",
                "Z Jiang",
                "Zhejiang Province",
                "stray letter “Z”",
            ),
        ] {
            let source = Source::new("t", text, InputFormat::Plain);
            let report = Linter::new(Settings::default()).check(&source);
            let on_name: Vec<_> = report
                .findings
                .iter()
                .filter(|f| text[f.range.clone()].contains(word))
                .collect();
            assert_eq!(on_name.len(), 1, "{on_name:#?}");
            let finding = on_name[0];
            assert_eq!(finding.code(), "E001");
            assert_eq!(finding.suggestions, [suggestion]);
            assert!(
                finding.message.contains(suggestion) && finding.message.contains(explanation),
                "{}",
                finding.message
            );
        }
    }

    /// Selected alone, N002 still reports the garbled word.
    #[test]
    fn without_the_entity_rule_the_name_finding_stays() {
        let text = "China's top schools, such as Tingryu University and Peking University, are \
                    world class.";
        let source = Source::new("t", text, InputFormat::Plain);
        let mut settings = Settings::default();
        settings.rules.retain(|r| r.code != "E001");
        let report = Linter::new(settings).check(&source);
        assert!(report.findings.iter().any(|f| f.code() == "N002"));
    }
}
