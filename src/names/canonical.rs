//! Stage 4: the canonical form of each cluster, and what every mention should read.
//!
//! The canonical spelling comes, in order of authority, from the user's glossary, the known-entity
//! lists (exact or case-folded match of a name in the document), the full-name introduction of a
//! person, and finally the most frequent form. Casing is settled word by word: the glossary or
//! known entity decides when it names the word; otherwise a form not in capitals beats one in
//! capitals ("Ma" over "MA": a surname in capitals is a casing slip, an acronym is kept apart at
//! extraction), then the most frequent form, then the first.
//!
//! Each mention then gets its *expected* form: the canonical spelling in the mention's own shape.
//! A short form ("Liang") keeps its shape and takes the canonical casing; a garbled lone surname
//! ("Leann") takes the canonical spelling of the name word it garbles ("Liang"); a variant full
//! name takes the canonical full name.

use std::collections::HashMap;

use super::cluster::{Clustering, Group, PartFix, Relation, is_good_spelling};
use super::lists::{Particle, lists, system};
use super::mention::{Kind, Mention};
use super::normalize::{Difference, difference, is_all_caps, part_key, title_case};
use crate::entities::{EntityKind, entity_key, known_entities};

/// Where a cluster's canonical form came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanonicalSource {
    Glossary,
    KnownEntity,
    Introduction,
    Frequency,
}

impl CanonicalSource {
    pub fn as_str(self) -> &'static str {
        match self {
            CanonicalSource::Glossary => "glossary",
            CanonicalSource::KnownEntity => "known entity",
            CanonicalSource::Introduction => "introduction",
            CanonicalSource::Frequency => "most frequent",
        }
    }
}

/// One entity named in the document.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub kind: Kind,
    /// The canonical full form.
    pub canonical: String,
    pub source: CanonicalSource,
    /// The group standing for the canonical form.
    pub canonical_group: usize,
    /// Every mention, in text order.
    pub mentions: Vec<usize>,
}

/// What one mention should read and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub cluster: usize,
    /// The canonical form in the mention's shape (without a possessive ending).
    pub text: String,
    /// The mention is spelled differently from what it should read (not only in case).
    pub misspelled: bool,
    /// Name words written otherwise than the canonical word with the same letters, in case or
    /// in marks (apostrophes, hyphens, diacritics): (part index, expected word).
    pub recased: Vec<(usize, String)>,
    /// How sure the clustering is that the mention belongs to the cluster.
    pub confidence: f32,
    /// Name words spelled as a garble of another name's word, or in another romanisation than
    /// the document's (each a [`PartFix`]).
    pub respelled: Vec<Respelling>,
}

/// One name word of a mention and what it should read.
#[derive(Debug, Clone, PartialEq)]
pub struct Respelling {
    /// Index into the mention's parts.
    pub part: usize,
    pub word: String,
    pub confidence: f32,
    /// The word is another name's word garbled ("Ri" for the document's "Li"), rather than a
    /// surname in another romanisation than the document's ("Hsueh" for Xue).
    pub from_document: bool,
}

/// The canonical forms of all clusters and the expected form of every mention.
pub fn resolve(
    text: &str,
    mentions: &[Mention],
    c: &Clustering,
    glossary: &[String],
) -> (Vec<Cluster>, Vec<Expected>) {
    let glossary = glossary_index(glossary);
    let words = DocumentWords::of(text, mentions, c);
    let mut clusters = Vec::with_capacity(c.clusters.len());
    let mut expected: Vec<Option<Expected>> = vec![None; mentions.len()];
    for (index, groups) in c.clusters.iter().enumerate() {
        let chosen = choose(text, mentions, c, groups, &glossary, &words);
        let casing = Casing::vote(text, mentions, c, groups, &chosen, &words);
        let canonical = chosen
            .text
            .clone()
            .unwrap_or_else(|| casing.apply(text, &mentions[c.groups[chosen.group].first()]));
        let kind = groups
            .iter()
            .map(|&g| c.groups[g].kind)
            .min()
            .unwrap_or(Kind::Other);
        let mut members: Vec<usize> = groups
            .iter()
            .flat_map(|&g| c.groups[g].mentions.iter().copied())
            .collect();
        members.sort_unstable();
        let full_forms = full_forms(c, groups, chosen.group);
        for &g in groups {
            for &m in &c.groups[g].mentions {
                expected[m] = Some(expected_of(
                    text,
                    mentions,
                    c,
                    g,
                    m,
                    index,
                    &chosen,
                    &canonical,
                    &casing,
                    &full_forms,
                ));
            }
        }
        clusters.push(Cluster {
            kind,
            canonical,
            source: chosen.source,
            canonical_group: chosen.group,
            mentions: members,
        });
    }
    let mut expected: Vec<Expected> = expected
        .into_iter()
        .map(|e| e.expect("every mention is in a group"))
        .collect();
    for fix in &c.fixes {
        respell(text, mentions, c, fix, &mut expected);
    }
    (clusters, expected)
}

/// Marks the garbled word of every mention of a [`PartFix`]'s group with the introduced word.
fn respell(
    text: &str,
    mentions: &[Mention],
    c: &Clustering,
    fix: &PartFix,
    expected: &mut [Expected],
) {
    // the introduced word as written, else the key in title case
    let written = fix.of.and_then(|(of, of_part)| {
        let part = mentions[c.groups[of].first()].name_parts().nth(of_part)?;
        Some(&text[part.range.clone()])
    });
    let word = match written {
        Some(word) if !is_all_caps(word) => word.to_string(),
        _ => title_case(&fix.key),
    };
    for &m in &c.groups[fix.group].mentions {
        let at = mentions[m]
            .parts
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.particle)
            .nth(fix.part)
            .map(|(k, _)| k);
        if let Some(part) = at {
            expected[m].respelled.push(Respelling {
                part,
                word: word.clone(),
                confidence: fix.similarity.score * 0.9,
                from_document: fix.of.is_some(),
            });
        }
    }
}

/// What the whole document says about its name words: how often each is written in a person's
/// name, and the case it is written in when not in capitals.
struct DocumentWords {
    /// Part key → mentions of people's names that hold it.
    counts: HashMap<String, usize>,
    /// Part key → its commonest spelling in people's names other than all capitals.
    case: HashMap<String, String>,
    /// The document's romanisation of Chinese names.
    system: u8,
}

impl DocumentWords {
    fn of(text: &str, mentions: &[Mention], c: &Clustering) -> DocumentWords {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut forms: HashMap<String, HashMap<&str, usize>> = HashMap::new();
        for (m, mention) in mentions.iter().enumerate() {
            if c.groups[c.group_of[m]].kind != Kind::Person || mention.acronym {
                continue;
            }
            for part in mention.name_parts() {
                let word = &text[part.range.clone()];
                let key = part_key(word);
                if !is_all_caps(word) {
                    *forms
                        .entry(key.clone())
                        .or_default()
                        .entry(word)
                        .or_default() += 1;
                }
                *counts.entry(key).or_default() += 1;
            }
        }
        let case = forms
            .into_iter()
            .filter_map(|(key, words)| {
                let best = words
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
                Some((key, best.0.to_string()))
            })
            .collect();
        DocumentWords {
            counts,
            case,
            system: c.system,
        }
    }

    /// How often the document writes the words of `group` in people's names.
    fn attestation(&self, group: &Group) -> usize {
        group
            .parts
            .iter()
            .map(|p| self.counts.get(p).copied().unwrap_or(0))
            .sum()
    }

    /// Whether every word of `group` is spelled the way the document romanises Chinese names:
    /// in a pinyin document, no word a listed spelling of a surname in another system ("Chang"
    /// for Zhang).
    fn in_system(&self, group: &Group) -> bool {
        self.system != system::PINYIN
            || group
                .parts
                .iter()
                .all(|p| lists().surnames_spelled(p).is_empty())
    }
}

/// The groups of a cluster that spell its whole name: the canonical group, the full names of a
/// person, and every group joined to another as a spacing, order or one-word variant (in either
/// direction). Any of them with another key than the canonical group is a variant.
fn full_forms(c: &Clustering, groups: &[usize], star: usize) -> Vec<usize> {
    let mut out = vec![star];
    let person = c.groups[star].is_full_name();
    for &g in groups {
        match c.relation[g] {
            Relation::Spacing { of }
            | Relation::Order { of }
            | Relation::PartVariant { of, .. } => {
                out.push(g);
                out.push(of);
            }
            Relation::Same if person && c.groups[g].is_full_name() => out.push(g),
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Glossary names by the key of their name words.
fn glossary_index(glossary: &[String]) -> HashMap<String, &str> {
    glossary
        .iter()
        .map(|name| (words_key(name).join(" "), name.as_str()))
        .collect()
}

/// The part keys of the name words of `name` (lowercase particles left out).
fn words_key(name: &str) -> Vec<String> {
    name.split_whitespace()
        .filter(|w| {
            !(w.chars().next().is_some_and(char::is_lowercase)
                && lists().particle(w).is_some_and(|p| p != Particle::Prefix))
        })
        .map(part_key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// The chosen canonical group, and the spelling imposed from outside the document, if any.
struct Chosen {
    group: usize,
    text: Option<String>,
    source: CanonicalSource,
}

fn choose(
    text: &str,
    mentions: &[Mention],
    c: &Clustering,
    groups: &[usize],
    glossary: &HashMap<String, &str>,
    words: &DocumentWords,
) -> Chosen {
    let mut by_length: Vec<usize> = groups.to_vec();
    by_length.sort_by_key(|&g| {
        (
            std::cmp::Reverse(c.groups[g].parts.len()),
            c.groups[g].first(),
        )
    });
    for &g in &by_length {
        if let Some(name) = glossary.get(&c.groups[g].name_key()) {
            return Chosen {
                group: g,
                text: Some(name.to_string()),
                source: CanonicalSource::Glossary,
            };
        }
    }
    for &g in &by_length {
        if let Some(spelled) = known_spelling(text, mentions, &c.groups[g]) {
            return Chosen {
                group: g,
                text: Some(spelled),
                source: CanonicalSource::KnownEntity,
            };
        }
    }
    // the most frequent; on a tie, the spelling whose words the document's other names use more
    // ("Lin Dan" over "Rin Dan" beside "Lin Xiaozhai"), then one in the document's romanisation
    // ("Zhang Xindong" over "Chang Xindong" among pinyin names), then, where the document names
    // Chinese people, one that is some romanisation, English word or Western name (Zhuonai over
    // Zonai), then the first
    let frequent = |candidates: &mut dyn Iterator<Item = usize>| {
        let candidates: Vec<usize> = candidates.collect();
        let most = candidates
            .iter()
            .map(|&g| c.groups[g].mentions.len())
            .max()?;
        let tied: Vec<usize> = candidates
            .into_iter()
            .filter(|&g| c.groups[g].mentions.len() == most)
            .collect();
        match tied.as_slice() {
            [one] => Some(*one),
            _ => tied.iter().copied().max_by_key(|&g| {
                let romanised = words.system != 0;
                (
                    words.attestation(&c.groups[g]),
                    words.in_system(&c.groups[g]),
                    romanised && c.groups[g].parts.iter().all(|p| is_good_spelling(p)),
                    std::cmp::Reverse(c.groups[g].first()),
                )
            }),
        }
    };
    let introduced = frequent(&mut groups.iter().copied().filter(|&g| {
        c.groups[g].is_full_name() && !matches!(c.relation[g], Relation::ShortForm { .. })
    }));
    if let Some(g) = introduced {
        return Chosen {
            group: g,
            text: None,
            source: CanonicalSource::Introduction,
        };
    }
    let plain = frequent(
        &mut groups
            .iter()
            .copied()
            .filter(|&g| !matches!(c.relation[g], Relation::Acronym { .. })),
    );
    Chosen {
        group: plain.unwrap_or(groups[0]),
        text: None,
        source: CanonicalSource::Frequency,
    }
}

/// The spelling of a known entity whose name has the same key as the group's first mention
/// (its canonical form or the matching alias).
fn known_spelling(text: &str, mentions: &[Mention], group: &Group) -> Option<String> {
    let mention = &mentions[group.first()];
    let written = &text[mention.range.clone()];
    let found = known_entities().lookup(written)?;
    let record = found.record;
    if record.is_common_word() && group.parts.len() < 2 {
        return None;
    }
    let person_record = record.kind == EntityKind::Person;
    if person_record != (group.kind == Kind::Person) {
        return None;
    }
    let key = entity_key(written);
    std::iter::once(record.canonical)
        .chain(record.aliases.iter().copied())
        .find(|name| entity_key(name) == key)
        .map(|name| {
            name.strip_prefix("The ")
                .filter(|_| !written.starts_with("The "))
                .unwrap_or(name)
                .to_string()
        })
}

/// The case of every name word of a cluster: part key → (word, whether the document writes it so).
struct Casing {
    words: HashMap<String, (String, bool)>,
}

impl Casing {
    fn vote(
        text: &str,
        mentions: &[Mention],
        c: &Clustering,
        groups: &[usize],
        chosen: &Chosen,
        document: &DocumentWords,
    ) -> Casing {
        // part key → [(word, count, first mention)]
        let mut seen: HashMap<String, Vec<(String, usize, usize)>> = HashMap::new();
        for &g in groups {
            if matches!(c.relation[g], Relation::Acronym { .. }) {
                continue;
            }
            for &m in &c.groups[g].mentions {
                let mention = &mentions[m];
                for part in &mention.parts {
                    if part.particle {
                        continue;
                    }
                    let word = &text[part.range.clone()];
                    let forms = seen.entry(part_key(word)).or_default();
                    match forms.iter_mut().find(|f| f.0 == word) {
                        Some(f) => f.1 += 1,
                        None => forms.push((word.to_string(), 1, m)),
                    }
                }
            }
        }
        let mut words: HashMap<String, (String, bool)> = HashMap::new();
        for (key, forms) in &seen {
            let best = forms
                .iter()
                .max_by_key(|(w, n, first)| {
                    (
                        !is_all_caps(w) || key.chars().count() < 2,
                        *n,
                        std::cmp::Reverse(*first),
                    )
                })
                .map(|f| f.0.clone());
            // a surname the cluster only writes in capitals ("LI Wei") takes the case the
            // document writes it in elsewhere ("Li Jingyin")
            let best = match (best, document.case.get(key)) {
                (Some(best), Some(elsewhere)) if is_all_caps(&best) && key.chars().count() >= 2 => {
                    Some(elsewhere.clone())
                }
                (best, _) => best,
            };
            if let Some(best) = best {
                words.insert(key.clone(), (best, true));
            }
        }
        if let Some(imposed) = &chosen.text {
            for word in imposed.split_whitespace() {
                let key = part_key(word);
                let attested = seen
                    .get(&key)
                    .is_some_and(|forms| forms.iter().any(|f| f.0 == word));
                words.insert(key, (word.to_string(), attested));
            }
        }
        Casing { words }
    }

    /// The word for part key `key`, if the cluster has one.
    fn word(&self, key: &str) -> Option<&(String, bool)> {
        self.words.get(key)
    }

    /// `mention`'s text with each name word in the canonical case.
    fn apply(&self, text: &str, mention: &Mention) -> String {
        let mut out = String::with_capacity(mention.range.len());
        let mut at = mention.range.start;
        for part in &mention.parts {
            out.push_str(&text[at..part.range.start]);
            let word = &text[part.range.clone()];
            match self.word(&part_key(word)).filter(|_| !part.particle) {
                Some((canonical, _)) => out.push_str(canonical),
                None => out.push_str(word),
            }
            at = part.range.end;
        }
        out.push_str(&text[at..mention.range.end]);
        out
    }
}

#[allow(clippy::too_many_arguments)]
fn expected_of(
    text: &str,
    mentions: &[Mention],
    c: &Clustering,
    g: usize,
    m: usize,
    cluster: usize,
    chosen: &Chosen,
    canonical: &str,
    casing: &Casing,
    full_forms: &[usize],
) -> Expected {
    let mention = &mentions[m];
    let group = &c.groups[g];
    let star = &c.groups[chosen.group];
    let same_words = |text: String, confidence: f32| Expected {
        cluster,
        text,
        misspelled: false,
        recased: Vec::new(),
        confidence,
        respelled: Vec::new(),
    };
    match c.relation[g] {
        Relation::Variant {
            of,
            part,
            confidence,
            ..
        } => {
            let target = &c.groups[of];
            let key = if star.is_full_name() && target.parts.len() == star.parts.len() {
                &star.parts[part]
            } else {
                &target.parts[part]
            };
            let word = casing
                .word(key)
                .map(|w| w.0.clone())
                .unwrap_or_else(|| key.clone());
            return Expected {
                cluster,
                text: word,
                misspelled: true,
                recased: Vec::new(),
                confidence,
                respelled: Vec::new(),
            };
        }
        Relation::Alias { .. } | Relation::Acronym { .. } => {
            return same_words(text[mention.range.clone()].to_string(), 1.0);
        }
        _ => {}
    }
    let full_variant = g != chosen.group && group.key != star.key && full_forms.contains(&g);
    if full_variant {
        let confidence = match c.relation[g] {
            Relation::PartVariant { similarity, .. } => similarity.score,
            Relation::Order { .. } => 0.6,
            _ => 0.8,
        };
        return Expected {
            cluster,
            text: canonical.to_string(),
            misspelled: true,
            recased: Vec::new(),
            confidence,
            respelled: Vec::new(),
        };
    }
    // same words: only the case may differ
    let mut recased = Vec::new();
    for (k, part) in mention.parts.iter().enumerate() {
        if part.particle {
            continue;
        }
        let word = &text[part.range.clone()];
        if let Some((canonical_word, attested)) = casing.word(&part_key(word)) {
            let imposed = chosen.source == CanonicalSource::Glossary;
            if difference(word, canonical_word) != Difference::None && (*attested || imposed) {
                recased.push((k, canonical_word.clone()));
            }
        }
    }
    Expected {
        cluster,
        text: casing.apply(text, mention),
        misspelled: false,
        recased,
        confidence: 1.0,
        respelled: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{cluster::cluster, mention::extract};
    use crate::text::{Document, InputFormat, Source};

    /// (mention text, expected text, misspelled, recased words) for each mention.
    fn resolved(text: &str, glossary: &[&str]) -> Vec<(String, String, bool, Vec<String>)> {
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        let mentions = extract(&doc);
        let c = cluster(text, &mentions);
        let glossary: Vec<String> = glossary.iter().map(|s| s.to_string()).collect();
        let (_, expected) = resolve(text, &mentions, &c, &glossary);
        mentions
            .iter()
            .zip(expected)
            .map(|(m, e)| {
                (
                    text[m.range.clone()].to_string(),
                    e.text,
                    e.misspelled,
                    e.recased.into_iter().map(|r| r.1).collect(),
                )
            })
            .collect()
    }

    fn find<'a>(
        all: &'a [(String, String, bool, Vec<String>)],
        name: &str,
    ) -> &'a (String, String, bool, Vec<String>) {
        all.iter()
            .find(|r| r.0 == name)
            .unwrap_or_else(|| panic!("no mention {name} in {all:?}"))
    }

    #[test]
    fn garbled_surnames_expect_the_introduced_spelling() {
        let all = resolved(
            "Deepseek founder Liang Wenfeng spoke. Liang, founder of Deepseek, said so. Leann explains the plan.",
            &[],
        );
        assert_eq!(find(&all, "Leann").1, "Liang");
        assert!(find(&all, "Leann").2);
        assert!(!find(&all, "Liang").2);
    }

    #[test]
    fn capitals_lose_to_ordinary_case() {
        let all = resolved(
            "Damien MA, founder of Macropolo, said so. “Go,” Ma said. Ma acknowledged it.",
            &[],
        );
        assert_eq!(find(&all, "Damien MA").1, "Damien Ma");
        assert_eq!(find(&all, "Damien MA").3, ["Ma"]);
        assert!(find(&all, "Ma").3.is_empty());
    }

    #[test]
    fn glossary_imposes_its_spelling() {
        let all = resolved(
            "The firm Deepseek grew. Many joined Deepseek last year.",
            &["DeepSeek"],
        );
        assert_eq!(find(&all, "Deepseek").1, "DeepSeek");
        assert_eq!(find(&all, "Deepseek").3, ["DeepSeek"]);
    }

    #[test]
    fn known_entities_decide_case_only_when_the_document_uses_it() {
        let all = resolved(
            "The firm Deepseek grew. Many joined DeepSeek last year. Deepseek hired more.",
            &[],
        );
        assert_eq!(find(&all, "Deepseek").3, ["DeepSeek"]);
        let all = resolved(
            "The firm Deepseek grew. Many joined Deepseek last year.",
            &[],
        );
        assert!(find(&all, "Deepseek").3.is_empty());
    }
}
