//! Near-miss search: the known entity a name that is not in the lists most likely garbles.
//!
//! Retrieval never compares a mention with every entry. Two precomputed indexes built by
//! `build/entities.rs` block candidates:
//! - character bigrams of each name's identifying words run together (partitioned by class), for
//!   misspellings, respellings and names split or joined ("Fudang", "Qinghua", "Z Jiang");
//! - the identifying words sorted, for the same words in another order or under another head word
//!   ("Sydney Institute of Technology" → "University of Technology Sydney").
//!
//! Candidates are then scored by spelling and sound ([`similarity::distance`]), by whether their
//! type agrees with the mention's head word, and by prominence: a garble of a famous university is
//! far likelier than an exact obscure one, so the further a mention is from a name, the more
//! prominent that name must be. A mention whose identifying words are all explained — ordinary
//! English words, known names — is not corrected by spelling at all: small colleges and new
//! companies exist, and most of them are named after places and people.

use super::normalize::{
    HeadClass, INSTITUTION_HEADS, bag_key, bigrams, content_words, entity_key, joined_content,
};
use super::similarity;
use super::{EntityKind, EntityRecord, Form, known_entities};

/// A name in the text that is not in the lists, and what is known about it.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The lookup key of the whole span ([`entity_key`]).
    pub key: String,
    pub class: HeadClass,
    /// The entity kinds the mention's head word admits ("Province" admits regions).
    pub kinds: &'static [EntityKind],
    /// The identifying words in order (lowercase, as in [`super::content_words`]), each with
    /// whether it is explained: an English word, a known given name or surname, a known entity.
    /// An explained word is never changed into another word ("Nanjing Forestry University" is a
    /// real university, not a misspelling of "Beijing Forestry University").
    pub words: Vec<(String, bool)>,
    /// The identifying words run together split into pinyin syllables: possibly a real Chinese
    /// name the lists lack.
    pub pinyin: bool,
    /// The countries the document already names entities of, at least twice each.
    pub countries: Vec<&'static str>,
    /// The country the document names entities of most often, if one leads.
    pub main_country: Option<&'static str>,
}

/// How a mention relates to the entity it is matched with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// A close misspelling or respelling ("Fudang", "Qinghua", "Z Jiang").
    Spelling,
    /// The same words in another order under another head ("Sydney Institute of Technology").
    Reordered,
    /// A heavy garble of a top-tier entity of a country the document is about ("Tingryu").
    Distant,
}

/// The best candidate for a mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearMatch {
    pub form: Form,
    pub kind: MatchKind,
    /// Edit distance between the identifying words ([`similarity::distance`]).
    pub distance: f32,
    /// How sure the match is, 0 to 1.
    pub confidence: f32,
}

impl NearMatch {
    pub fn record(&self) -> &'static EntityRecord {
        self.form.record
    }
}

/// Prominence rank that a candidate needs, by how it matches and what the mention looks like.
const SPELLING_RANK_PINYIN: u32 = 100;
const SPELLING_RANK: u32 = 1000;
const REORDERED_RANK: u32 = 200;
const DISTANT_RANK: u32 = 10;
const BARE_RANK: u32 = 200;
const PLACE_ANYWHERE_RANK: u32 = 10;
const BARE_RANK_PERSON: u32 = 50;

/// The most likely entity `mention` garbles, if one is close enough and prominent enough.
pub fn nearest(mention: &Mention) -> Option<NearMatch> {
    let joined = joined_content(&mention.key, mention.class);
    if joined.chars().count() < 4 {
        return None;
    }
    let mut found: Vec<(f32, NearMatch)> = Vec::new();
    if mention.words.iter().any(|(_, explained)| !explained) {
        for (form, distance) in spelling_candidates(&joined, mention.class, mention.kinds) {
            if let Some(m) = judge_spelling(mention, &joined, form, distance) {
                found.push((score(&m, joined.chars().count()), m));
            }
        }
    }
    for form in reordered_candidates(mention) {
        let m = NearMatch {
            form,
            kind: MatchKind::Reordered,
            distance: 0.0,
            confidence: 0.6,
        };
        found.push((score(&m, joined.chars().count()), m));
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.form.id.cmp(&b.1.form.id)));
    let (best_score, mut best) = *found.first()?;
    // Two different entities about as likely: the correction is a guess.
    if found
        .iter()
        .skip(1)
        .any(|(s, m)| !std::ptr::eq(m.form.record, best.form.record) && best_score - s < 0.05)
    {
        best.confidence *= 0.75;
    }
    Some(best)
}

/// Ranking score: similarity, less a prominence term (ln of the rank).
fn score(m: &NearMatch, len: usize) -> f32 {
    let similarity = match m.kind {
        MatchKind::Reordered => 0.9,
        _ => 1.0 - m.distance / len.max(1) as f32,
    };
    similarity - 0.04 * (m.form.record.rank.max(1) as f32).ln()
}

fn judge_spelling(mention: &Mention, joined: &str, form: Form, distance: f32) -> Option<NearMatch> {
    let record = form.record;
    if record.is_common_word() || !heads_agree(&mention.key, form.name, mention.class) {
        return None;
    }
    let other_key = entity_key(form.name);
    let other_words: Vec<String> = content_words(&other_key, mention.class).collect();
    if distance > 0.0
        && similarity::fold_accents(joined) == similarity::fold_accents(&other_words.concat())
    {
        // "Bihār" is Bihar written with its accents, not a garble.
        return None;
    }
    let distance = if distance > 0.0 {
        distance
    } else if mention.words.iter().map(|(w, _)| w).ne(other_words.iter()) {
        // The same letters split or joined differently ("Fu Dan", "Tsing Hua"): like a change of
        // romanisation, half an edit.
        0.5
    } else {
        // The same words in another structure ("University of Miami", "Miami University"):
        // often two real institutions.
        return None;
    };
    // Explained words must stay, unless only the spaces between the letters changed ("Fu Dan").
    let resplit = distance == 0.5
        && mention
            .words
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<String>()
            == other_words.concat();
    if !resplit && !keeps_explained_words(&mention.words, &other_words) {
        return None;
    }
    let other: String = other_words.concat();
    // Words both names share at their ends ("... Technology") say nothing about how close the
    // names are: "Wa Institute of Technology" is far from "Wuhan Institute of Technology".
    let (mine, theirs) = differing_parts(&mention.words, &other_words);
    let len = if mine.is_empty() || theirs.is_empty() {
        joined.chars().count().max(other.chars().count())
    } else {
        mine.chars().count().max(theirs.chars().count())
    };
    if mention.class == HeadClass::Bare {
        return judge_bare(mention, form, &other_words, distance, len);
    }
    if mention.class == HeadClass::Place {
        return judge_place(mention, form, distance, len);
    }
    // A name that also changes its structure ("Tokio University" for the University of Tokyo)
    // must be longer to be recognised.
    let restructured = starts_with_head(&mention.key) != starts_with_head(&other_key);
    let one_edit_len = if restructured { 7 } else { 6 };
    let close = (distance <= 0.5 && len >= 5)
        || (distance <= 1.0 && len >= one_edit_len)
        || (distance <= 2.0 && len >= 8)
        || (distance <= 3.0 && len >= 14);
    let rank_limit = if mention.pinyin {
        SPELLING_RANK_PINYIN
    } else {
        SPELLING_RANK
    };
    if close && record.rank <= rank_limit {
        let confidence = (0.95 - 0.12 * distance).clamp(0.5, 0.9);
        return Some(NearMatch {
            form,
            kind: MatchKind::Spelling,
            distance,
            confidence,
        });
    }
    // A heavy garble is read as a famous institution only: places and companies are too many
    // and too alike.
    let distant = mention.class == HeadClass::Institution
        && !mention.pinyin
        && mention.words.len() == 1
        && record.rank <= DISTANT_RANK
        && joined.chars().next() == other.chars().next()
        && 1.0 - distance / len as f32 >= 0.5
        && mention.main_country == Some(record.country);
    distant.then_some(NearMatch {
        form,
        kind: MatchKind::Distant,
        distance,
        confidence: 0.45,
    })
}

/// Places are far more numerous than the lists (which hold cities of 300,000 people and more),
/// and small real places are often one letter from big ones ("Pinsk", "Kalyani", "Milwaukie"). So
/// a place name is corrected only when the known place is of a country the document is about (or
/// among the very largest), agrees with the head word's type ("Beijing Province" is not
/// Beijing, a municipality), and is a respelling or a split ("Shenzen", "Z Jiang"), or one letter
/// off a long name ("Guangdog").
fn judge_place(mention: &Mention, form: Form, distance: f32, len: usize) -> Option<NearMatch> {
    let record = form.record;
    let city = place_head(&mention.key) == Some("city");
    let close = distance <= 0.5
        || (distance <= 1.0 && len >= if city { 8 } else { 7 })
        || (distance <= 1.5 && len >= 8)
        || (distance <= 2.0 && len >= 11);
    // A pinyin name one letter from a known place is as likely another real place ("Beijiang" is
    // a river, and a Vietnamese province in Chinese; "Jizhou" is not "Chizhou"). Only a split
    // ("Shan Dong") or a dropped or added retroflex "h" ("Shenzen", "Hangzou") is a garble.
    let joined: String = mention.words.iter().map(|(w, _)| w.as_str()).collect();
    let other = joined_content(&entity_key(form.name), HeadClass::Place);
    let respelled =
        joined == other || similarity::retroflex_key(&joined) == similarity::retroflex_key(&other);
    let pinyin_edit = mention.pinyin && !respelled;
    let in_context =
        mention.countries.contains(&record.country) || record.rank <= PLACE_ANYWHERE_RANK;
    (close
        && !pinyin_edit
        && in_context
        && record.rank <= SPELLING_RANK
        && place_heads_agree(&mention.key, record))
    .then(|| NearMatch {
        form,
        kind: MatchKind::Spelling,
        distance,
        confidence: (0.95 - 0.12 * distance).clamp(0.5, 0.9),
    })
}

/// Names without a head word (companies, organisations, people) are the densest part of the
/// lists and of real text, so only one-letter slips of prominent names count: a person's name
/// with one word off by one edit ("Xi Jingping"), a company's name off by one edit (two for long
/// names) in words that are neither English nor pinyin.
fn judge_bare(
    mention: &Mention,
    form: Form,
    other_words: &[String],
    distance: f32,
    len: usize,
) -> Option<NearMatch> {
    let record = form.record;
    if entity_key(form.name).split(' ').count() != mention.key.split(' ').count() {
        // "Siegel" is not "Der Spiegel" (or its short form): names of different length are
        // different names.
        return None;
    }
    let differing: Vec<&(String, bool)> = mention
        .words
        .iter()
        .zip(other_words)
        .filter(|((w, _), o)| w != *o)
        .map(|(m, _)| m)
        .collect();
    if record.kind == EntityKind::Person {
        let one_word_off = mention.words.len() >= 2
            && mention.words.len() == other_words.len()
            && differing.len() == 1
            && differing[0].0.chars().count() >= 5
            && distance <= 1.0;
        let limit = if mention.pinyin || differing.iter().any(|(w, _)| crate::lexicon::is_pinyin(w))
        {
            10
        } else {
            BARE_RANK_PERSON
        };
        return (one_word_off && record.rank <= limit).then_some(NearMatch {
            form,
            kind: MatchKind::Spelling,
            distance,
            confidence: 0.7,
        });
    }
    // A final s is how English makes one name of another ("Starbucks" after Starbuck, "Barclays"
    // after Barclay): a word that differs only by it is another name, not a slip.
    let s_ending = mention.words.iter().zip(other_words).any(|((w, _), o)| {
        w != o && (w.strip_suffix('s') == Some(o) || o.strip_suffix('s') == Some(w))
    });
    if s_ending {
        return None;
    }
    // Short names are one letter away from too many others ("Tata"/"Stata", "Acer"/"Nacer").
    let close = (distance <= 1.0 && len >= 7) || (distance <= 2.0 && len >= 10);
    let foreign = mention
        .words
        .iter()
        .any(|(w, _)| crate::lexicon::is_pinyin(w));
    (close && !foreign && record.rank <= BARE_RANK && !differing.is_empty()).then_some(NearMatch {
        form,
        kind: MatchKind::Spelling,
        distance,
        confidence: (0.9 - 0.12 * distance).clamp(0.5, 0.8),
    })
}

/// The head word of a place name's key: its last word when that is a place head ("zhejiang
/// province" → "province"; "hong kong sar" → "region").
fn place_head(key: &str) -> Option<&'static str> {
    match key.rsplit(' ').next()? {
        "province" => Some("province"),
        "city" => Some("city"),
        "prefecture" => Some("prefecture"),
        "municipality" => Some("municipality"),
        "region" | "sar" => Some("region"),
        _ => None,
    }
}

/// Whether a place's type agrees with the mention's head word: "Beijing Province" is not Beijing,
/// a municipality; "Fukuoka Prefecture" may be the city's prefecture; a place whose forms name no
/// type agrees with any head.
fn place_heads_agree(key: &str, record: &EntityRecord) -> bool {
    let Some(head) = place_head(key) else {
        return true;
    };
    let mut types = std::iter::once(record.canonical)
        .chain(record.aliases.iter().copied())
        .filter_map(|f| place_head(&entity_key(f)));
    let types: Vec<&str> = types.by_ref().collect();
    if types.is_empty() || types.contains(&head) {
        return true;
    }
    match head {
        "city" => record.kind == EntityKind::City || types.contains(&"municipality"),
        "prefecture" | "municipality" => record.kind == EntityKind::City,
        _ => false,
    }
}

/// Whether an institution's name starts with its head word ("University of Tokyo").
fn starts_with_head(key: &str) -> bool {
    key.split(' ')
        .next()
        .is_some_and(|w| INSTITUTION_HEADS.contains(&w))
}

/// The two names' words without the words they share at the start and at the end, run together.
fn differing_parts(words: &[(String, bool)], other: &[String]) -> (String, String) {
    let mine: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    let theirs: Vec<&str> = other.iter().map(String::as_str).collect();
    let front = mine.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    let back = mine[front..]
        .iter()
        .rev()
        .zip(theirs[front..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (
        mine[front..mine.len() - back].concat(),
        theirs[front..theirs.len() - back].concat(),
    )
}

/// Whether the candidate keeps every explained word of the mention: word for word when both have
/// as many words, otherwise somewhere among its words.
fn keeps_explained_words(words: &[(String, bool)], other: &[String]) -> bool {
    if words.len() == other.len() {
        words
            .iter()
            .zip(other)
            .all(|((w, explained), o)| !explained || w == o)
    } else {
        words
            .iter()
            .filter(|(_, explained)| *explained)
            .all(|(w, _)| other.contains(w))
    }
}

/// Institutions must share their head word to be misspellings of each other: "Fudang College" is
/// not "Fudan University".
pub fn heads_agree(key: &str, other: &str, class: HeadClass) -> bool {
    if class != HeadClass::Institution {
        return true;
    }
    let other = entity_key(other);
    let heads = |k: &str| -> Vec<&'static str> {
        INSTITUTION_HEADS
            .iter()
            .copied()
            .filter(|h| k.split(' ').any(|w| w == *h))
            .collect()
    };
    heads(key) == heads(&other)
}

/// Forms of the class and admitted kinds that share enough bigrams with `joined`, each record
/// once with its closest form and that form's distance.
pub fn spelling_candidates(
    joined: &str,
    class: HeadClass,
    kinds: &[EntityKind],
) -> Vec<(Form, f32)> {
    // A document names the same institution again and again, and a folder of articles names the
    // same few hundred: the answer for a name is kept (per thread, up to CACHE_SIZE names).
    type Key = (String, HeadClass, Vec<EntityKind>);
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<Key, Vec<(Form, f32)>>> = Default::default();
    }
    const CACHE_SIZE: usize = 4096;
    let key: Key = (joined.to_string(), class, kinds.to_vec());
    if let Some(found) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return found;
    }
    let found = compute_spelling_candidates(joined, class, kinds);
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() >= CACHE_SIZE {
            cache.clear();
        }
        cache.insert(key, found.clone());
    });
    found
}

fn compute_spelling_candidates(
    joined: &str,
    class: HeadClass,
    kinds: &[EntityKind],
) -> Vec<(Form, f32)> {
    let known = known_entities();
    let grams = bigrams(joined);
    // One edit destroys at most two bigrams, so a name within two edits shares all but four. Only
    // institutions are read through heavier garbles, for which a third of the bigrams in common
    // lets the candidate through to scoring.
    let n = grams.len() as f32;
    let min_shared = match class {
        HeadClass::Institution => (n * 0.35).ceil(),
        _ => (n - 4.0).max(n * 0.35).ceil(),
    } as u16;
    let min_shared = min_shared.max(2);
    let len = joined.chars().count();
    let max_gap = if class == HeadClass::Institution {
        len / 2 + 1
    } else {
        3
    };
    // Bigram counts per form, in a buffer kept per thread: zeroing one as long as the lists for
    // every name cost more than the search itself.
    thread_local! {
        static COUNTS: std::cell::RefCell<Vec<u16>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut touched = Vec::new();
    let shared: Vec<(u32, u16)> = COUNTS.with(|c| {
        let mut counts = c.borrow_mut();
        counts.resize(known.form_count(), 0);
        for gram in &grams {
            for id in known.forms_with_bigram(class, gram) {
                let count = &mut counts[id as usize];
                if *count == 0 {
                    touched.push(id);
                }
                *count = count.saturating_add(1);
            }
        }
        let shared = touched
            .iter()
            .map(|&id| (id, counts[id as usize]))
            .collect();
        for &id in &touched {
            counts[id as usize] = 0;
        }
        shared
    });
    let mut best: Vec<(Form, f32)> = Vec::new();
    for (id, count) in shared {
        if count < min_shared {
            continue;
        }
        let Some(form) = known.form(id) else { continue };
        if !kinds.contains(&form.record.kind) || form.joined.chars().count().abs_diff(len) > max_gap
        {
            continue;
        }
        let distance = similarity::distance(joined, form.joined);
        match best
            .iter_mut()
            .find(|(f, _)| std::ptr::eq(f.record, form.record))
        {
            Some(slot) if slot.1 <= distance => {}
            Some(slot) => *slot = (form, distance),
            None => best.push((form, distance)),
        }
    }
    best.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.id.cmp(&b.0.id)));
    best
}

/// Prominent institutions made of the mention's identifying words in another order, under another
/// head word. The same words under the same head ("Miami University", "University of Miami"), or
/// in the same order under another ("Tel Aviv Institute"), are often two real institutions, so
/// they are left alone.
fn reordered_candidates(mention: &Mention) -> Vec<Form> {
    if mention.class != HeadClass::Institution {
        return Vec::new();
    }
    let bag = bag_key(&mention.key, mention.class);
    if !bag.contains(' ') {
        // One identifying word ("Duke College") says too little.
        return Vec::new();
    }
    let known = known_entities();
    known
        .forms_with_bag(mention.class, &bag)
        .filter_map(|id| known.form(id))
        .filter(|f| mention.kinds.contains(&f.record.kind) && f.record.rank <= REORDERED_RANK)
        .filter(|f| !heads_agree(&mention.key, f.name, mention.class))
        .filter(|f| {
            content_words(&entity_key(f.name), mention.class)
                .ne(mention.words.iter().map(|(w, _)| w.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(key: &str, class: HeadClass, kinds: &'static [EntityKind]) -> Mention {
        let joined = joined_content(key, class);
        Mention {
            key: key.to_string(),
            class,
            kinds,
            words: content_words(key, class).map(|w| (w, false)).collect(),
            pinyin: crate::lexicon::is_pinyin(&joined),
            countries: vec!["CN"],
            main_country: Some("CN"),
        }
    }

    const UNIVERSITIES: &[EntityKind] = &[EntityKind::University, EntityKind::Institute];
    const REGIONS: &[EntityKind] = &[EntityKind::Region];

    fn suggestion(
        key: &str,
        class: HeadClass,
        kinds: &'static [EntityKind],
    ) -> Option<&'static str> {
        nearest(&mention(key, class, kinds)).map(|m| m.form.record.canonical)
    }

    #[test]
    fn garbled_universities() {
        assert_eq!(
            suggestion("fudang university", HeadClass::Institution, UNIVERSITIES),
            Some("Fudan University")
        );
        assert_eq!(
            suggestion("zhejang university", HeadClass::Institution, UNIVERSITIES),
            Some("Zhejiang University")
        );
        assert_eq!(
            suggestion("qinghua university", HeadClass::Institution, UNIVERSITIES),
            Some("Tsinghua University")
        );
        assert_eq!(
            suggestion("tingryu university", HeadClass::Institution, UNIVERSITIES),
            Some("Tsinghua University")
        );
        assert_eq!(
            suggestion(
                "sydney institute of technology",
                HeadClass::Institution,
                UNIVERSITIES
            ),
            Some("University of Technology Sydney")
        );
    }

    #[test]
    fn garbled_provinces() {
        assert_eq!(
            suggestion("z jiang province", HeadClass::Place, REGIONS),
            Some("Zhejiang")
        );
    }
}
