use std::ops::Range;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::entities::mentions::{NameRun, entity_countries, is_explained};
use crate::entities::near::{MatchKind, Mention, NearMatch, nearest};
use crate::entities::{
    EntityKind, Form, HeadClass, content_words, entity_key, joined_content, known_entities,
    similarity,
};
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Outranker};

declare_rule! {
    /// ## What it does
    /// Finds the name of a university, institute, province or city that is not in mtlint's lists
    /// of known entities but is close to one that is: a misspelling ("Fudang University"), another
    /// romanisation ("Qinghua University" for Tsinghua), a name split in two ("Z Jiang Province"),
    /// the same words under another head word ("Sydney Institute of Technology" for the University
    /// of Technology Sydney), a literal translation of the Chinese name ("Beijing University" for
    /// Peking University), or a heavy garble of a famous university of the country the article is
    /// mostly about ("Tingryu University"). Company and person names are corrected only for
    /// one-letter slips of prominent names ("Alibba", "Xi Jingping").
    ///
    /// ## Why it matters
    /// Machine translation garbles the names of real institutions, and the result reads like an
    /// institution that does not exist. Readers cannot look it up, and an editor who does not
    /// know the field will not notice.
    ///
    /// ## Example
    /// ```text
    /// Top Chinese schools such as Tingryu University and Peking University are world class.
    /// The Z Jiang Province Communist Party Committee praised the start-up.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Top Chinese schools such as Tsinghua University and Peking University are world class.
    /// The Zhejiang Province Communist Party Committee praised the start-up.
    /// ```
    ///
    /// A name that is exactly a known entity, or a name in the glossary, is never flagged. A name
    /// that is close to nothing is not flagged either: small colleges exist. A name whose words
    /// are all ordinary English words or known names is not corrected by spelling (it is likely a
    /// real institution the lists lack), and the further a name is from a known one, the more
    /// prominent the known one must be. The confidence says how close the match is.
    ///
    /// One fault, one finding: a name finding inside this one (N001, N003: a spelling or casing
    /// of the name; N002: a word no romanisation spells, a stray letter) is not reported on its
    /// own. N002's explanation is added to this finding's message, which keeps the correction.
    ///
    /// ## Fix safety
    /// Unsafe: the correction is the most likely entity, not a certain one; a human should
    /// confirm it.
    pub static UNKNOWN_ENTITY_NEAR_KNOWN = {
        code: "E001",
        name: "unknown-entity-near-known",
        finds: "an institution or place that does not exist, close to one that does (\"Tingryu University\", \"Beijing University\")",
        category: Entities,
        mqm: [AccuracyMistranslation, TerminologyInappropriate],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
        // The desk's own term, matched against the original, names it better.
        yields_to: &[Outranker::FixOf("B009")],
    };
}

const INSTITUTIONS: &[EntityKind] = &[EntityKind::University, EntityKind::Institute];
const REGIONS: &[EntityKind] = &[EntityKind::Region];
const CITIES: &[EntityKind] = &[EntityKind::City, EntityKind::Region];
const PREFECTURES: &[EntityKind] = &[EntityKind::Region, EntityKind::City];
const BARE: &[EntityKind] = &[
    EntityKind::Company,
    EntityKind::Organisation,
    EntityKind::Agency,
    EntityKind::Media,
    EntityKind::Person,
    EntityKind::Product,
];

/// Head words that machine translation and typing misspell, with what they admit.
const HEAD_WORDS: &[(&str, HeadClass, &[EntityKind])] = &[
    ("academy", HeadClass::Institution, INSTITUTIONS),
    ("college", HeadClass::Institution, INSTITUTIONS),
    ("institute", HeadClass::Institution, INSTITUTIONS),
    ("polytechnic", HeadClass::Institution, INSTITUTIONS),
    ("university", HeadClass::Institution, INSTITUTIONS),
    ("province", HeadClass::Place, REGIONS),
    ("city", HeadClass::Place, CITIES),
    ("prefecture", HeadClass::Place, PREFECTURES),
    ("municipality", HeadClass::Place, PREFECTURES),
    ("region", HeadClass::Place, REGIONS),
];

/// A head word (or phrase) in a run: words `start..=end`.
struct Head {
    start: usize,
    end: usize,
    class: HeadClass,
    kinds: &'static [EntityKind],
    /// The head word as it should be, when the text misspells it ("Univeristy").
    corrected: Option<&'static str>,
}

impl Head {
    fn bare() -> Head {
        Head {
            start: usize::MAX,
            end: usize::MAX,
            class: HeadClass::Bare,
            kinds: BARE,
            corrected: None,
        }
    }
}

/// One way to read the name around a head: words `first..=last` of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    first: usize,
    last: usize,
}

/// How far a name may reach before and after its head word, in words.
const MAX_BEFORE: usize = 3;
const MAX_AFTER: usize = 5;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let runs = cx.name_runs();
    let mut counts = entity_countries(runs);
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let main = counts
        .first()
        .filter(|top| top.1 >= 2 && counts.get(1).is_none_or(|next| next.1 < top.1))
        .map(|top| top.0);
    let countries = Countries {
        all: counts
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(c, _)| c)
            .collect(),
        main,
    };
    for run in runs {
        let heads = heads(run);
        for head in &heads {
            let spans = spans(run, head);
            if let Some((span, found)) = misspelled_head_of_known(cx, run, &spans, head) {
                out.push(finding(cx, run, span, from_list(cx, run, head, &found)));
                continue;
            }
            // With capitalised words before the head, they belong to the name: "Yuelu Academy of
            // Sciences" is not known because "Academy of Sciences" is.
            let has_before = spans.iter().any(|s| s.first < head.start);
            if spans
                .iter()
                .filter(|s| !has_before || s.first < head.start)
                .any(|s| is_known(cx, run, s, head))
            {
                continue;
            }
            if let Some((span, correction)) = spans
                .iter()
                .rev()
                .find_map(|s| literal_translation(cx, run, *s, head))
            {
                out.push(finding(cx, run, span, correction));
                continue;
            }
            if let Some((span, correction)) = best_correction(cx, run, &spans, head, &countries) {
                out.push(finding(cx, run, span, correction));
            }
        }
        if heads.is_empty() {
            bare_names(cx, run, &countries, out);
        }
    }
}

/// The countries a document names entities of (twice or more), and the one it names most.
struct Countries {
    all: Vec<&'static str>,
    main: Option<&'static str>,
}

/// Longest stretch of a run without a head word looked at as one company or person name.
const MAX_BARE_WORDS: usize = 3;

/// Company, organisation and person names: each stretch of a run between connectors, taken whole
/// ("Alibba", "Xi Jingping"; not "Siegel" alone out of "Rob Siegel", which is a person's name),
/// unless some part of it is a known name.
fn bare_names(cx: &Context, run: &NameRun, countries: &Countries, out: &mut Vec<Finding>) {
    let head = Head::bare();
    let words = &run.words;
    let mut first = 0;
    while first < words.len() {
        let mut last = first;
        while last + 1 < words.len() && !words[last + 1].connector {
            last += 1;
        }
        let stretch = Span { first, last };
        first = last + 2;
        if stretch.last - stretch.first >= MAX_BARE_WORDS
            || words[stretch.first..=stretch.last]
                .iter()
                .any(|w| w.all_caps)
        {
            continue;
        }
        // A known name inside the stretch ("Xi Jinping Thought") makes it known; a single word
        // only when it is a canonical name, not an abbreviation ("Al" is not Alabama's "AL").
        let any_known = (stretch.first..=stretch.last)
            .flat_map(|a| (a..=stretch.last).map(move |b| Span { first: a, last: b }))
            .any(|span| {
                if span.first < span.last || span == stretch {
                    return is_known(cx, run, &span, &head);
                }
                let text = cx.doc.slice(run.range(span.first, span.last));
                known_entities().lookup(text).is_some_and(|l| !l.via_alias)
                    || glossary_knows(cx, text)
            });
        if any_known {
            continue;
        }
        if let Some((span, correction)) = literal_translation(cx, run, stretch, &head) {
            out.push(finding(cx, run, span, correction));
            continue;
        }
        // Nothing to correct unless some word is unexplained, and the name is long enough.
        let words = &run.words[stretch.first..=stretch.last];
        let letters: usize = words
            .iter()
            .map(|w| w.lower.chars().filter(|c| c.is_alphanumeric()).count())
            .sum();
        if letters < 6
            || words
                .iter()
                .all(|w| w.connector || is_explained(cx.doc.slice(w.range.clone())))
        {
            continue;
        }
        if let Some((span, correction)) = best_correction(cx, run, &[stretch], &head, countries) {
            out.push(finding(cx, run, span, correction));
        }
    }
}

/// A reading that is a literal translation of a known entity's name ("Beijing University" for
/// Peking University, "German News Agency" for dpa).
fn literal_translation(
    cx: &Context,
    run: &NameRun,
    span: Span,
    head: &Head,
) -> Option<(Span, Correction)> {
    let record = known_entities().mistranslation(&span_key(run, &span, head))?;
    if glossary_knows(cx, cx.doc.slice(run.range(span.first, span.last))) {
        return None;
    }
    let correction = Correction {
        suggestion: record.canonical.to_string(),
        confidence: 0.8,
        how: "it looks like a literal translation of {}",
        what: what(head),
        distance: 0.0,
    };
    Some((span, correction))
}

/// A known name with its head word misspelled ("Peking Univeristy"): the reading whose key, with
/// the head corrected, is a known entity of the head's class.
fn misspelled_head_of_known(
    cx: &Context,
    run: &NameRun,
    spans: &[Span],
    head: &Head,
) -> Option<(Span, NearMatch)> {
    head.corrected?;
    let known = known_entities();
    spans.iter().rev().find_map(|span| {
        let record = known.lookup_key(&span_key(run, span, head))?.record;
        if record.kind.head_class() != head.class
            || glossary_knows(cx, cx.doc.slice(run.range(span.first, span.last)))
        {
            return None;
        }
        let form = Form {
            id: u32::MAX,
            record,
            name: record.canonical,
            joined: "",
        };
        Some((
            *span,
            NearMatch {
                form,
                kind: MatchKind::Spelling,
                distance: 1.0,
                confidence: 0.85,
            },
        ))
    })
}

/// The lookup key of a reading, with a misspelled head word corrected.
fn span_key(run: &NameRun, span: &Span, head: &Head) -> String {
    let words: Vec<&str> = (span.first..=span.last)
        .map(|i| match head.corrected {
            Some(corrected) if i == head.end => corrected,
            _ => run.words[i].lower.as_str(),
        })
        .collect();
    entity_key(&words.join(" "))
}

/// The head words of a run: institution heads ("University"), and place heads with the words
/// that belong to them ("Autonomous Region", "Special Administrative Region").
fn heads(run: &NameRun) -> Vec<Head> {
    let words = &run.words;
    let mut heads = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if word.connector || !word.capitalised || word.all_caps {
            continue;
        }
        let (class, kinds, corrected) = match HEAD_WORDS.iter().find(|(h, _, _)| *h == word.lower) {
            Some(&(_, class, kinds)) => (class, kinds, None),
            None => match misspelled_head(&word.lower) {
                Some((h, class, kinds)) => (class, kinds, Some(h)),
                None => continue,
            },
        };
        let mut start = i;
        if corrected.unwrap_or(&word.lower) == "region" {
            // Only "Autonomous Region" and "Special Administrative Region": a bare "Region" is
            // too often a description ("the Asia-Pacific Region").
            while start > 0
                && matches!(
                    words[start - 1].lower.as_str(),
                    "autonomous" | "special" | "administrative"
                )
            {
                start -= 1;
            }
            if start == i {
                continue;
            }
        }
        heads.push(Head {
            start,
            end: i,
            class,
            kinds,
            corrected,
        });
    }
    heads
}

/// The head word a misspelled word stands for ("Univeristy", "Institue", "Provice"): one edit
/// away (two for "university"), same first letter, and not itself an English word.
fn misspelled_head(lower: &str) -> Option<(&'static str, HeadClass, &'static [EntityKind])> {
    if lower.len() < 6 || crate::lexicon::lexicon().english_word(lower).is_some() {
        return None;
    }
    HEAD_WORDS.iter().copied().find(|(head, _, _)| {
        let allowed = if head.len() >= 10 { 2 } else { 1 };
        head.len() >= 6
            && head.chars().next() == lower.chars().next()
            && strsim::osa_distance(head, lower) <= allowed
    })
}

fn is_head_word(lower: &str) -> bool {
    crate::entities::INSTITUTION_HEADS.contains(&lower)
        || crate::entities::PLACE_HEADS.contains(&lower)
}

/// The readings of the name around a head: one to three capitalised words before it, and for
/// institutions also an "of ..." phrase after it ("University of Technology Sydney").
fn spans(run: &NameRun, head: &Head) -> Vec<Span> {
    let words = &run.words;
    let mut before = 0;
    while before < MAX_BEFORE && head.start > before {
        let word = &words[head.start - before - 1];
        if word.connector || is_head_word(&word.lower) || word.lower == "the" {
            break;
        }
        before += 1;
    }
    let mut ends = vec![head.end];
    if head.class == HeadClass::Institution
        && words
            .get(head.end + 1)
            .is_some_and(|w| w.lower == "of" || w.lower == "for")
    {
        let after = words.iter().enumerate().skip(head.end + 2).take(MAX_AFTER);
        for (last, word) in after {
            if is_head_word(&word.lower) {
                break;
            }
            if !word.connector {
                ends.push(last);
            }
        }
    }
    let mut spans = Vec::new();
    for b in 0..=before {
        for &last in &ends {
            if b == 0 && last == head.end {
                continue;
            }
            if head.class == HeadClass::Place && b == 0 {
                continue;
            }
            spans.push(Span {
                first: head.start - b,
                last,
            });
        }
    }
    spans
}

/// Whether a reading is a known entity (any kind: "Tongji Medical College" is a university, but a
/// company named like an institute is known too), or its name part is a known place ("Sapporo
/// City"), or it is in the glossary.
fn is_known(cx: &Context, run: &NameRun, span: &Span, head: &Head) -> bool {
    let known = known_entities();
    let text = cx.doc.slice(run.range(span.first, span.last));
    if known.lookup_key(&span_key(run, span, head)).is_some() || glossary_knows(cx, text) {
        return true;
    }
    if head.class == HeadClass::Place && span.first < head.start {
        let name = cx.doc.slice(run.range(span.first, head.start - 1));
        if known
            .lookup(name)
            .is_some_and(|l| l.record.kind.head_class() == HeadClass::Place)
            || glossary_knows(cx, name)
        {
            return true;
        }
    }
    false
}

/// Whether the glossary has `text` as a name or accepted word, compared as lookup keys.
fn glossary_knows(cx: &Context, text: &str) -> bool {
    cx.glossary.knows_key(&entity_key(text))
}

fn mention(cx: &Context, run: &NameRun, span: Span, head: &Head, countries: &Countries) -> Mention {
    let key = span_key(run, &span, head);
    let joined = joined_content(&key, head.class);
    // Whether each identifying word is explained, judged on the words as written in the run.
    let explained: Vec<(String, bool)> = run.words[span.first..=span.last]
        .iter()
        .enumerate()
        .filter(|(i, w)| !w.connector && span.first + i != head.end)
        .map(|(_, w)| w)
        .flat_map(|w| {
            let text = cx.doc.slice(w.range.clone());
            let pieces: Vec<String> = content_words(&w.lower, head.class).collect();
            let whole = is_explained(text);
            pieces.into_iter().map(move |p| {
                let explained = whole || is_explained(&p);
                (p, explained)
            })
        })
        .collect();
    Mention {
        key,
        class: head.class,
        kinds: head.kinds,
        words: explained,
        pinyin: crate::lexicon::is_pinyin(&joined),
        countries: countries.all.clone(),
        main_country: countries.main,
    }
}

/// A proposed correction of a reading.
struct Correction {
    suggestion: String,
    confidence: f32,
    /// How the reading relates to the correction, for the message: a clause in which `{}`
    /// stands for the quoted correction.
    how: &'static str,
    what: &'static str,
    /// Edit distance of the identifying words, to choose between list and glossary.
    distance: f32,
}

/// The best correction over the readings of one name: from the lists ([`nearest`]) or from the
/// glossary, which wins when it is at least as close.
fn best_correction(
    cx: &Context,
    run: &NameRun,
    spans: &[Span],
    head: &Head,
    countries: &Countries,
) -> Option<(Span, Correction)> {
    spans
        .iter()
        .filter_map(|span| {
            let mention = mention(cx, run, *span, head, countries);
            let listed = nearest(&mention).map(|found| from_list(cx, run, head, &found));
            let glossary = from_glossary(cx, run, head, &mention);
            let best = match (listed, glossary) {
                (Some(l), Some(g)) => Some(if g.distance <= l.distance { g } else { l }),
                (l, g) => l.or(g),
            };
            best.map(|c| (*span, c))
        })
        .max_by(|a, b| a.1.confidence.total_cmp(&b.1.confidence))
}

fn what(head: &Head) -> &'static str {
    match head.class {
        HeadClass::Place => "place",
        HeadClass::Institution => "institution",
        HeadClass::Bare => "name",
    }
}

fn from_list(cx: &Context, run: &NameRun, head: &Head, found: &NearMatch) -> Correction {
    let how = match found.kind {
        MatchKind::Spelling => "it looks like a misspelling of {}",
        MatchKind::Reordered => "it looks like {} with its words rearranged",
        MatchKind::Distant => "it may be {} garbled in translation",
    };
    let suggestion = match head.class {
        HeadClass::Place => with_head(
            cx,
            run,
            head,
            found.form.name,
            Some(found.record().canonical),
        ),
        _ => found.form.name.to_string(),
    };
    Correction {
        suggestion,
        confidence: found.confidence,
        how,
        what: what(head),
        distance: found.distance,
    }
}

/// The glossary term closest to the mention, within one edit (two for names of eight letters or
/// more), of a type that agrees with the head word. The glossary's index offers the terms that
/// can be that close (a termbase may hold tens of thousands).
fn from_glossary(
    cx: &Context,
    run: &NameRun,
    head: &Head,
    mention: &Mention,
) -> Option<Correction> {
    if mention.words.iter().all(|(_, explained)| *explained) {
        return None;
    }
    // Configured names are entries too (without a type), so the entries are every glossary term.
    let joined: String = mention.words.iter().map(|(w, _)| w.as_str()).collect();
    let terms = cx
        .glossary
        .near_entries(head.class, &joined)
        .map(|e| (e.term.as_str(), e.kind.as_str()));
    let mut best: Option<(f32, &str)> = None;
    for (term, kind) in terms {
        if !kind_agrees(kind, head.class) {
            continue;
        }
        let key = entity_key(term);
        let other = joined_content(&key, head.class);
        if other.is_empty()
            || (head.class == HeadClass::Bare
                && key.split(' ').count() != mention.key.split(' ').count())
            || !crate::entities::near::heads_agree(&mention.key, term, head.class)
        {
            continue;
        }
        let mut distance = similarity::distance(&joined, &other);
        if distance == 0.0 {
            // Same letters: a misspelled head word ("Acadamy") is an edit, a different split
            // ("Macro Polo") half an edit, and the same words are no garble.
            distance = match (key == mention.key, head.corrected) {
                (true, Some(_)) => 1.0,
                (true, None) => continue,
                (false, _) => 0.5,
            };
        }
        let len = joined.chars().count().max(other.chars().count());
        let close = (distance <= 1.0 && len >= 5) || (distance <= 2.0 && len >= 8);
        if close && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, term));
        }
    }
    let (distance, term) = best?;
    let suggestion = match head.class {
        HeadClass::Place => with_head(cx, run, head, term, None),
        _ => term.to_string(),
    };
    Some(Correction {
        suggestion,
        confidence: (0.9 - 0.1 * distance).clamp(0.6, 0.85),
        how: "it looks like a misspelling of the glossary term {}",
        what: what(head),
        distance,
    })
}

/// Whether a glossary type (free text) agrees with a head word's class; no type agrees with all.
fn kind_agrees(kind: &str, class: HeadClass) -> bool {
    let kind = kind.trim().to_ascii_lowercase();
    let of_kind = match kind.as_str() {
        "" => return true,
        "university" | "institute" | "college" | "academy" | "institution" | "school" => {
            HeadClass::Institution
        }
        "place" | "city" | "province" | "region" | "country" | "state" | "prefecture"
        | "municipality" => HeadClass::Place,
        _ => HeadClass::Bare,
    };
    of_kind == class
}

fn finding(cx: &Context, run: &NameRun, span: Span, correction: Correction) -> Finding {
    let range: Range<usize> = run.range(span.first, span.last);
    let text = cx.doc.slice(range.clone());
    let Correction {
        suggestion,
        confidence,
        how,
        what,
        ..
    } = correction;
    Finding::new(
        &UNKNOWN_ENTITY_NEAR_KNOWN,
        range.clone(),
        format!(
            "“{text}” is not a known {what}; {}",
            how.replace("{}", &format!("“{suggestion}”"))
        ),
    )
    .confidence(confidence)
    .suggest(suggestion.clone())
    .fix(Fix::unsafe_edit(Edit::replace(range, suggestion)))
}

/// A place's name with the text's own head words ("Zhejiang" + "Province"), unless the name
/// (or else the `canonical` form) already ends with them.
fn with_head(
    cx: &Context,
    run: &NameRun,
    head: &Head,
    name: &str,
    canonical: Option<&str>,
) -> String {
    let head_text = match head.corrected {
        Some(corrected) => {
            let before = if head.start < head.end {
                cx.doc.slice(run.range(head.start, head.end - 1))
            } else {
                ""
            };
            let capitalised = crate::text::case::capitalise(corrected);
            if before.is_empty() {
                capitalised
            } else {
                format!("{before} {capitalised}")
            }
        }
        None => cx.doc.slice(run.range(head.start, head.end)).to_string(),
    };
    let head_key = entity_key(&head_text);
    let canonical = canonical.unwrap_or(name);
    if entity_key(name).ends_with(&head_key) {
        name.to_string()
    } else if entity_key(canonical).ends_with(&head_key) {
        canonical.to_string()
    } else {
        format!("{canonical} {head_text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const CHINA: &str = "Officials in China and Beijing said so. ";

    fn in_china(text: &str) -> String {
        format!("{CHINA}{text}")
    }

    #[test]
    fn flags_the_seed_garbles() {
        let text = in_china(
            "Top schools such as Tingryu University and Peking University are world class.",
        );
        assert_lints(&UNKNOWN_ENTITY_NEAR_KNOWN, &text, &["Tingryu University"]);
        assert_suggestion(&UNKNOWN_ENTITY_NEAR_KNOWN, &text, "Tsinghua University");
        let text = "Marina Chang, a professor at Sydney Institute of Technology, agreed.";
        assert_lints(
            &UNKNOWN_ENTITY_NEAR_KNOWN,
            text,
            &["Sydney Institute of Technology"],
        );
        assert_suggestion(
            &UNKNOWN_ENTITY_NEAR_KNOWN,
            text,
            "University of Technology Sydney",
        );
        let text = "Commentary from the Z Jiang Province Communist Party Committee followed.";
        assert_lints(&UNKNOWN_ENTITY_NEAR_KNOWN, text, &["Z Jiang Province"]);
        assert_suggestion(&UNKNOWN_ENTITY_NEAR_KNOWN, text, "Zhejiang Province");
    }

    /// Garbled names and the correction each must get (the article is about China, so that heavy
    /// garbles of Chinese universities can be read).
    const GARBLED: &[(&str, &str)] = &[
        ("Fudang University", "Fudan University"),
        ("Zhejang University", "Zhejiang University"),
        ("Qinghua University", "Tsinghua University"),
        ("Nanjng University", "Nanjing University"),
        ("Peking Univeristy", "Peking University"),
        (
            "Shanghai Jiaotong Univresity",
            "Shanghai Jiao Tong University",
        ),
        ("Tsing Hua University", "Tsinghua University"),
        ("Fu Dan University", "Fudan University"),
        (
            "Harbin Institue of Technology",
            "Harbin Institute of Technology",
        ),
        ("Havard University", "Harvard University"),
        ("Standford University", "Stanford University"),
        (
            "Massachusets Institute of Technology",
            "Massachusetts Institute of Technology",
        ),
        ("Cambrige University", "University of Cambridge"),
        ("University of Oxfrod", "University of Oxford"),
        (
            "Hong Kong University of Sciense and Technology",
            "Hong Kong University of Science and Technology",
        ),
        ("Seoul Natonal University", "Seoul National University"),
        ("Kyoto Univesity", "Kyoto University"),
        ("Guangdog Province", "Guangdong Province"),
        ("Sichaun Province", "Sichuan Province"),
        ("Shan Dong Province", "Shandong Province"),
        ("Shenzen City", "Shenzhen City"),
        ("Hangzou City", "Hangzhou City"),
        (
            "Xinjian Uygur Autonomous Region",
            "Xinjiang Uygur Autonomous Region",
        ),
        ("Xi Jingping", "Xi Jinping"),
        ("Alibba", "Alibaba"),
        ("Tencet", "Tencent"),
        ("Beijing University", "Peking University"),
        ("Zhongshan University", "Sun Yat-sen University"),
        ("German News Agency", "Deutsche Presse-Agentur"),
    ];

    #[test]
    fn flags_garbled_names_of_universities_places_companies_and_people() {
        for (garbled, corrected) in GARBLED {
            let text = in_china(&format!("Officials said {garbled} would take part."));
            assert_lints(&UNKNOWN_ENTITY_NEAR_KNOWN, &text, &[garbled]);
            assert_suggestion(&UNKNOWN_ENTITY_NEAR_KNOWN, &text, corrected);
        }
    }

    /// Real names, in the lists or not, that must stay unflagged.
    const REAL: &[&str] = &[
        "Alibaba and Telegram reported results.",
        "She taught at Nanjing Forestry University and Wuhan Institute of Technology.",
        "Students of Miami University and the University of Miami met.",
        "Tokyo University of Technology and Tokyo Institute of Technology signed a deal.",
        "She studied at Tusculum University and Abilene Christian University.",
        "The Helmand Province governor and the Nangarhar Province police chief spoke.",
        "From now on Beijiang Province will welcome foreign capital.",
        "Officials from Dodge City, Garden City and Rapid City met.",
        "Sapporo City officials visited Fukuoka Prefecture.",
        "Rob Siegel compared it to wine tasting, and Nacer Chadli replaced Axel Witsel.",
        "The data were analysed in Stata.",
        "A Greek court ruled, and The Greek Orthodox Church disagreed.",
        "It breaks a World Health Organisation recommendation.",
        "The Harvard Kennedy School and Yale Law School ranked first.",
        "Li Qing and Wang Yu spoke to Li Qiang.",
        "Jining University and Jinan University are both in Shandong.",
        "East China University of Science and Technology and Beijing University of Technology.",
        "Students at the University of Doncaster and Malaba University met.",
        "Officials from Pinsk City and Kalyani City and Jizhou City met.",
        "The Bihār Province and Lombardia Province delegations arrived.",
        "Graduates of Calumet College and Stortford University met.",
        "The Tel Aviv Institute opened.",
        "During the uprising, however, Starbuck once again kills Leoben and escapes.",
    ];

    #[test]
    fn leaves_real_names_unflagged() {
        for text in REAL {
            assert_no_lints(&UNKNOWN_ENTITY_NEAR_KNOWN, &in_china(text));
        }
    }

    #[test]
    fn a_glossary_name_is_never_flagged() {
        let text = in_china("Top schools such as Tingryu University and Fudang University.");
        let source = crate::text::Source::new("t", text.as_str(), crate::text::InputFormat::Plain);
        let doc = crate::text::Document::new(&source);
        let mut settings = crate::config::Settings::default();
        settings
            .glossary
            .names
            .push("Tingryu University".to_string());
        settings
            .glossary
            .accept
            .insert("Fudang University".to_string());
        let cx = Context::new(&doc, &settings.glossary);
        let mut out = Vec::new();
        check(&cx, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn glossary_terms_are_corrections_too() {
        let text = "Analysts at Kestrelbite Labs and the Yuelu Acadamy of Sciences said.";
        let source = crate::text::Source::new("t", text, crate::text::InputFormat::Plain);
        let doc = crate::text::Document::new(&source);
        let mut settings = crate::config::Settings::default();
        let entry = |term: &str, kind: &str| crate::glossary::GlossaryEntry {
            term: term.into(),
            kind: kind.into(),
            ..Default::default()
        };
        settings.glossary.add(entry("KestrelByte Labs", "company"));
        settings
            .glossary
            .add(entry("Yuelu Academy of Sciences", "institute"));
        let cx = Context::new(&doc, &settings.glossary);
        let mut out = Vec::new();
        check(&cx, &mut out);
        let found: Vec<(&str, &str)> = out
            .iter()
            .map(|f| (&text[f.range.clone()], f.suggestions[0].as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("Kestrelbite Labs", "KestrelByte Labs"),
                ("Yuelu Acadamy of Sciences", "Yuelu Academy of Sciences")
            ]
        );
    }

    #[test]
    fn fixes_are_unsafe_and_edit_the_name_only() {
        use crate::fix::Applicability;
        let text = "The Z Jiang Province Communist Party Committee met.";
        assert_fixed(&UNKNOWN_ENTITY_NEAR_KNOWN, text, Applicability::Safe, text);
        assert_fixed(
            &UNKNOWN_ENTITY_NEAR_KNOWN,
            text,
            Applicability::Unsafe,
            "The Zhejiang Province Communist Party Committee met.",
        );
    }

    #[test]
    fn leaves_known_names() {
        assert_no_lints(
            &UNKNOWN_ENTITY_NEAR_KNOWN,
            "Peking University, Duke University, the University of Hong Kong and Zhejiang Province.",
        );
        assert_no_lints(
            &UNKNOWN_ENTITY_NEAR_KNOWN,
            "Tsinghua University's campus in Beijing; China's Fudan University.",
        );
    }
}
