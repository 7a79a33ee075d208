//! Stage 3: clustering. Which mentions name the same person or organisation?
//!
//! Mentions with the same key (case and punctuation folded) form a *group*; groups are joined
//! into clusters with a union-find, each join recording why (a [`Relation`]), so that later stages
//! know which spellings are variants and which are just other ways of naming the same thing.
//!
//! How edited English names people drives the order of the joins:
//!
//! 1. *Full names* (a person mention of two or more name words) introduce people; so does a title
//!    or a role before a single name. Full names spaced or hyphenated differently ("Yanbo Wang" /
//!    "Yan Bo Wang") or written in the other order (two pinyin words) are one person.
//! 2. Organisations that are the same known entity ("PKU" / "Peking University") or an acronym
//!    defined in brackets are joined as aliases, never as variants; institutions and places that
//!    differ in one word spelled as a variant of the other ("Shayibak District" / "Shayibake
//!    District") are one.
//! 3. Names equal but for one word spelled as a variant of the other ("Rin Xiaozhai" / "Lin
//!    Xiaozhai", "Karadshian West" / "Kardashian West", "Hog Kong" / "Hong Kong") are one; two
//!    full names whose differing words are both good spellings ("Zhang Wei" / "Zhang Wen") stay
//!    apart. A known name garbled inside a longer one ("Hng Kong Island") is corrected in that
//!    word.
//! 4. *Short forms* ("Liang", "von der Leyen") join the one full name they are a prefix or suffix
//!    of; a short form shared by two full names (two Wangs) joins neither.
//! 5. *Lone names* that match nobody introduced are compared with the words of the introduced
//!    names: the introduced-person rule ([`Builder::join_lone_names`]). Candidates are blocked by
//!    [sound key](super::sound), by surname romanisation and by a one-slip check against the words
//!    nearest in the text, so each lone name is scored against a handful of words, never against
//!    all: the cost is linear in the mentions. A lone name joins the best candidate when the
//!    [similarity](super::similarity), the person cues and the shared context (a role word, an
//!    organisation in the same sentence, a nearby paragraph) are together strong enough and no
//!    other person is nearly as good.
//! 6. A word of a longer name that is nobody introduced, and no good name word where it stands,
//!    is corrected on its own when it garbles a word the document writes elsewhere ("Ri" in
//!    "Reporter Ri Wei" beside "Li Jingyin"): a [`PartFix`], which joins nothing.
//!
//! The document's romanisation of Chinese names ([`document_system`]) decides what counts as a
//! garble: "Rin" is a good Korean syllable, but no pinyin.

use std::collections::{HashMap, HashSet};

use super::lists::{lists, system};
use super::mention::{Cues, Kind, Mention};
use super::normalize::{is_all_caps, part_key, title_case};
use super::similarity::{self, Likeness, Similarity};
use super::{pinyin, sound};
use crate::entities::{EntityKind, known_entities};
use crate::lexicon::lexicon;

/// Mentions that share a key.
#[derive(Debug, Clone)]
pub struct Group {
    /// The part keys of all words (particles included) joined by spaces; acronyms start with '#'.
    pub key: String,
    /// The part keys of the name words.
    pub parts: Vec<String>,
    /// The [sound keys](sound::sound_key) of the name words.
    pub sounds: Vec<String>,
    /// Which name words spell a Chinese surname in a romanisation other than pinyin.
    pub romanised: Vec<bool>,
    /// Mention indices, in text order.
    pub mentions: Vec<usize>,
    pub kind: Kind,
    /// Union of the mentions' cue bits.
    pub cues: Cues,
    /// Cue bits every mention has.
    pub always: Cues,
    pub acronym: bool,
    /// Every mention is a date or a group ([`Mention::generic`]).
    pub generic: bool,
    /// The text of the first mention.
    pub surface: String,
    /// Roles next to its mentions ("founder").
    pub roles: Vec<&'static str>,
    /// Organisation groups named in the same sentences.
    pub orgs: Vec<usize>,
    /// Paragraphs it is mentioned in, ascending.
    pub paragraphs: Vec<usize>,
}

impl Group {
    pub fn first(&self) -> usize {
        self.mentions[0]
    }

    /// Name words joined by spaces (particles left out).
    pub fn name_key(&self) -> String {
        self.parts.join(" ")
    }

    /// A full name: a person named with two or more words.
    pub fn is_full_name(&self) -> bool {
        self.kind == Kind::Person && self.parts.len() >= 2 && !self.acronym
    }
}

/// Why a group joined its cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relation {
    /// It did not join through another group (it may still be joined by others).
    Same,
    /// A prefix or suffix of the full name `of`, starting at name word `offset` ("Liang").
    ShortForm { of: usize, offset: usize },
    /// The full name `of`, spaced or hyphenated differently.
    Spacing { of: usize },
    /// The full name `of` in the other order.
    Order { of: usize },
    /// The full name `of` with name word `part` spelled differently.
    PartVariant {
        of: usize,
        part: usize,
        similarity: Similarity,
    },
    /// A lone name that is a variant spelling of name word `part` of `of`.
    Variant {
        of: usize,
        part: usize,
        confidence: f32,
        likeness: Likeness,
    },
    /// Another name of the same known entity as `of`.
    Alias { of: usize },
    /// An acronym of `of`, defined in brackets after it.
    Acronym { of: usize },
}

impl Relation {
    /// Whether the relation makes the group a misspelling of what it joined.
    pub fn is_variant(&self) -> bool {
        matches!(
            self,
            Relation::Spacing { .. }
                | Relation::Order { .. }
                | Relation::PartVariant { .. }
                | Relation::Variant { .. }
        )
    }
}

/// A word inside a longer name spelled as a variant of a word of someone introduced, where the
/// longer name is not that person: "Ri" in "Reporter Ri Wei" beside "Li Jingyin" (another Li,
/// whose surname was garbled), a garbled surname in a book's title.
#[derive(Debug, Clone, PartialEq)]
pub struct PartFix {
    /// The group holding the word, and the word's index among its name words.
    pub group: usize,
    pub part: usize,
    /// The group and name word it resembles; `None` for a surname written in another
    /// romanisation than the document's, which the surname lists correct ("Hsueh" → Xue).
    pub of: Option<(usize, usize)>,
    /// The part key it should have.
    pub key: String,
    pub similarity: Similarity,
}

/// The groups, how each joined, and the clusters they form.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    pub groups: Vec<Group>,
    /// The group of each mention.
    pub group_of: Vec<usize>,
    /// How each group joined its cluster.
    pub relation: Vec<Relation>,
    /// A short form shared by several full names ("Wang" with two Wangs introduced).
    pub ambiguous: Vec<bool>,
    /// The cluster of each group.
    pub cluster_of: Vec<usize>,
    /// Groups of each cluster, by first mention.
    pub clusters: Vec<Vec<usize>>,
    /// The romanisation the document writes Chinese names in ([`document_system`]).
    pub system: u8,
    /// Words inside longer names that garble a word of someone introduced.
    pub fixes: Vec<PartFix>,
}

/// How many candidates of one sound key or surname a lone name is compared with at most, the
/// nearest in the text.
const MAX_CANDIDATES: usize = 24;
/// The least score for a lone name to join a person.
const JOIN_SCORE: f32 = 0.6;
/// How far ahead of the next best candidate the best must be.
const MARGIN: f32 = 0.1;

/// Clusters `mentions` of `text`.
pub fn cluster(text: &str, mentions: &[Mention]) -> Clustering {
    let (groups, group_of) = build_groups(text, mentions);
    let system = document_system(&groups);
    let mut c = Builder {
        system,
        fixes: Vec::new(),
        uf: UnionFind::new(groups.len()),
        relation: vec![Relation::Same; groups.len()],
        ambiguous: vec![false; groups.len()],
        groups,
        mentions,
        group_of,
    };
    c.promote_full_names();
    c.join_full_names();
    c.join_organisations();
    c.join_institution_variants();
    c.join_part_variants();
    c.known_names_inside();
    c.join_short_forms();
    let index = TargetIndex::new(c.targets(), &c.groups);
    c.join_lone_names(&index);
    c.part_fixes(&index);
    c.finish()
}

fn build_groups(text: &str, mentions: &[Mention]) -> (Vec<Group>, Vec<usize>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut group_of = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let mut key = String::new();
        if m.acronym {
            key.push('#');
        }
        let mut parts = Vec::new();
        for (k, part) in m.parts.iter().enumerate() {
            let pk = part_key(&text[part.range.clone()]);
            if k > 0 {
                key.push(' ');
            }
            key.push_str(&pk);
            if !part.particle {
                parts.push(pk);
            }
        }
        let g = *index.entry(key.clone()).or_insert_with(|| {
            let sounds = parts.iter().map(|p| sound::sound_key(p)).collect();
            let romanised = parts
                .iter()
                .map(|p| !lists().surnames_spelled(p).is_empty())
                .collect();
            groups.push(Group {
                key,
                parts,
                sounds,
                romanised,
                mentions: Vec::new(),
                kind: m.kind,
                cues: Cues::empty(),
                always: m.cues,
                acronym: m.acronym,
                generic: true,
                surface: text[m.range.clone()].to_string(),
                roles: Vec::new(),
                orgs: Vec::new(),
                paragraphs: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[g];
        group.mentions.push(i);
        group.cues |= m.cues;
        group.always &= m.cues;
        group.generic &= m.generic;
        group.kind = stronger(group.kind, m.kind);
        if let Some(role) = m.role {
            if !group.roles.contains(&role) && group.roles.len() < 8 {
                group.roles.push(role);
            }
        }
        if group.paragraphs.last() != Some(&m.paragraph) {
            group.paragraphs.push(m.paragraph);
        }
        group_of.push(g);
    }
    // organisations named in the same sentence as each person-like mention
    let mut start = 0;
    while start < mentions.len() {
        let sentence = mentions[start].sentence;
        let end = start
            + mentions[start..]
                .iter()
                .take_while(|m| m.sentence == sentence)
                .count();
        let orgs: Vec<usize> = (start..end)
            .filter(|&i| mentions[i].kind == Kind::Organisation)
            .map(|i| group_of[i])
            .take(8)
            .collect();
        if !orgs.is_empty() {
            for &g in &group_of[start..end] {
                if groups[g].kind == Kind::Organisation {
                    continue;
                }
                for &o in &orgs {
                    if !groups[g].orgs.contains(&o) && groups[g].orgs.len() < 8 {
                        groups[g].orgs.push(o);
                    }
                }
            }
        }
        start = end;
    }
    (groups, group_of)
}

/// The romanisation a document writes its Chinese names in: [`system::PINYIN`] when most of
/// its Chinese full names (two or three words, one a Chinese surname) are spelled wholly in
/// pinyin, else the systems its other Chinese names share (Wade-Giles in a Taiwanese paper, say),
/// or 0 when it names no Chinese person.
pub fn document_system(groups: &[Group]) -> u8 {
    let (mut pinyin_names, mut other_names, mut other) = (0, 0, u8::MAX);
    for group in groups {
        let chinese = group.kind == Kind::Person
            && (2..=3).contains(&group.parts.len())
            && group
                .parts
                .iter()
                .any(|p| !lists().surnames_of(p).is_empty());
        if !chinese {
            continue;
        }
        if group.parts.iter().all(|p| pinyin::is_pinyin(p)) {
            pinyin_names += group.mentions.len();
        } else {
            let systems = group
                .parts
                .iter()
                .fold(u8::MAX, |mask, p| mask & pinyin::systems(p));
            if systems != 0 {
                other_names += group.mentions.len();
                other &= systems;
            }
        }
    }
    if pinyin_names == 0 && other_names == 0 {
        0
    } else if pinyin_names >= other_names {
        system::PINYIN
    } else {
        other & !system::PINYIN
    }
}

/// The kind a group takes from two of its mentions: a person cue or a head word beats "other".
fn stronger(a: Kind, b: Kind) -> Kind {
    if a == Kind::Other { b } else { a }
}

struct Builder<'m> {
    /// The romanisation the document writes Chinese names in ([`document_system`]).
    system: u8,
    /// Words corrected without joining their name to anyone ([`PartFix`]).
    fixes: Vec<PartFix>,
    groups: Vec<Group>,
    mentions: &'m [Mention],
    group_of: Vec<usize>,
    uf: UnionFind,
    relation: Vec<Relation>,
    ambiguous: Vec<bool>,
}

impl Builder<'_> {
    fn join(&mut self, g: usize, relation: Relation) {
        let target = match relation {
            Relation::Same => return,
            Relation::ShortForm { of, .. }
            | Relation::Spacing { of }
            | Relation::Order { of }
            | Relation::PartVariant { of, .. }
            | Relation::Variant { of, .. }
            | Relation::Alias { of }
            | Relation::Acronym { of } => of,
        };
        if self.uf.find(g) == self.uf.find(target) {
            return;
        }
        self.uf.union(g, target);
        if self.relation[g] == Relation::Same {
            self.relation[g] = relation;
        }
    }

    fn full_names(&self) -> Vec<usize> {
        (0..self.groups.len())
            .filter(|&g| self.groups[g].is_full_name())
            .collect()
    }

    /// Step 0 (before the joins): a lone name used as a person ("Nikolayev, 24,", "Ma said") makes the multi-word
    /// name it is the first or last word of a person too, when nothing else said what that name
    /// was ("the chess grandmaster Dmitry Nikolayev").
    fn promote_full_names(&mut self) {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (g, group) in self.groups.iter().enumerate() {
            let plain =
                group.kind == Kind::Other && (2..=4).contains(&group.parts.len()) && !group.acronym;
            if plain
                && group.parts.iter().all(|p| {
                    lexicon()
                        .english_word(p)
                        .is_none_or(|w| w.size > 20 || w.also_capitalised)
                })
            {
                for end in [&group.parts[0], &group.parts[group.parts.len() - 1]] {
                    index.entry(end.clone()).or_default().push(g);
                }
            }
        }
        let people: Vec<usize> = (0..self.groups.len())
            .filter(|&g| {
                self.groups[g].parts.len() == 1
                    && self.groups[g].kind == Kind::Person
                    && self.groups[g].cues.intersects(Cues::PERSON)
            })
            // An acronym after a speech verb ("says AI has …") is no surname.
            .filter(|&g| !self.groups[g].acronym && !is_all_caps(&self.groups[g].surface))
            .collect();
        for g in people {
            if let Some(full) = index.get(&self.groups[g].parts[0]) {
                for &f in full {
                    self.groups[f].kind = Kind::Person;
                }
            }
        }
    }

    /// Step 1: full names spaced or ordered differently.
    fn join_full_names(&mut self) {
        let full = self.full_names();
        let mut compact: HashMap<String, usize> = HashMap::new();
        let mut ordered: HashMap<String, usize> = HashMap::new();
        for &g in &full {
            let parts = self.groups[g].parts.clone();
            match compact.get(&parts.concat()) {
                Some(&first) => self.join(g, Relation::Spacing { of: first }),
                None => {
                    compact.insert(parts.concat(), g);
                }
            }
            if (2..=3).contains(&parts.len()) && parts.iter().all(|p| pinyin::is_pinyin(p)) {
                let mut sorted = parts.clone();
                sorted.sort();
                match ordered.get(&sorted.join(" ")) {
                    Some(&first) if self.groups[first].parts != parts => {
                        self.join(g, Relation::Order { of: first })
                    }
                    Some(_) => {}
                    None => {
                        ordered.insert(sorted.join(" "), g);
                    }
                }
            }
        }
    }

    /// Step 3: names of two to four words, equal but for one word spelled as a variant of the
    /// other: "Rin Xiaozhai" / "Lin Xiaozhai", "Karadshian West" / "Kardashian West", "Yu'E Bou" /
    /// "Yu'E Bao". A person's name that no cue typed ("Ri Jingyin") is compared too, and becomes a
    /// person when it joins one. Candidates are blocked by the name with that word left out, so
    /// each name meets only the few that share its other words.
    fn join_part_variants(&mut self) {
        let mut buckets: HashMap<(usize, String), Vec<usize>> = HashMap::new();
        for g in 0..self.groups.len() {
            let group = &self.groups[g];
            let known = group.cues.intersects(Cues::KNOWN);
            if !(matches!(group.kind, Kind::Person | Kind::Other) || known)
                || group.acronym
                || group.generic
                || !(2..=4).contains(&group.parts.len())
            {
                continue;
            }
            for pos in 0..group.parts.len() {
                let mut pattern = group.parts.clone();
                pattern[pos] = "*".into();
                buckets.entry((pos, pattern.join(" "))).or_default().push(g);
            }
        }
        // joined in the order of the groups, whatever the order of the buckets
        let mut joins: Vec<(usize, usize, usize, Similarity)> = Vec::new();
        for (&(pos, _), list) in &buckets {
            for (i, &g) in list.iter().enumerate().skip(1) {
                for &other in list[..i].iter().rev().take(MAX_CANDIDATES) {
                    if let Some(similarity) = self.part_variant(other, g, pos) {
                        joins.push((g, pos, other, similarity));
                        break;
                    }
                }
            }
        }
        joins.sort_by_key(|&(g, pos, other, _)| (g, pos, other));
        for (g, pos, other, similarity) in joins {
            self.join(
                g,
                Relation::PartVariant {
                    of: other,
                    part: pos,
                    similarity,
                },
            );
            // a garble takes the kind of the known name it garbles; two unknown names joined
            // by a variant word are a person's
            for (x, y) in [(g, other), (other, g)] {
                if self.groups[x].kind == Kind::Other {
                    let known = self.groups[y].cues.intersects(Cues::KNOWN);
                    self.groups[x].kind = if known {
                        self.groups[y].kind
                    } else {
                        Kind::Person
                    };
                }
            }
        }
    }

    /// Step 3, continued: a known name garbled in one word inside a longer name ("Hng Kong Island" beside
    /// "Hong Kong"): the word is corrected on its own, since the longer name is not the known
    /// one. Known names are indexed by their words with one left out, so each window of a longer
    /// name is looked up, not compared.
    fn known_names_inside(&mut self) {
        let mut known: HashMap<(usize, String), Vec<usize>> = HashMap::new();
        for (g, group) in self.groups.iter().enumerate() {
            if group.cues.intersects(Cues::KNOWN) && (2..=4).contains(&group.parts.len()) {
                for pos in 0..group.parts.len() {
                    let mut pattern = group.parts.clone();
                    pattern[pos] = "*".into();
                    known.entry((pos, pattern.join(" "))).or_default().push(g);
                }
            }
        }
        if known.is_empty() {
            return;
        }
        for g in 0..self.groups.len() {
            let group = &self.groups[g];
            let n = group.parts.len();
            if n < 3 || group.acronym || group.cues.intersects(Cues::KNOWN) {
                continue;
            }
            let mut found = None;
            'windows: for len in (2..n.min(4) + 1).rev() {
                for start in 0..=n - len {
                    for pos in 0..len {
                        let mut pattern = group.parts[start..start + len].to_vec();
                        pattern[pos] = "*".into();
                        let Some(list) = known.get(&(pos, pattern.join(" "))) else {
                            continue;
                        };
                        let word = &group.parts[start + pos];
                        for &k in list {
                            let target = &self.groups[k].parts[pos];
                            if let Some(similarity) = self.known_variant(word, target) {
                                found = Some(PartFix {
                                    group: g,
                                    part: start + pos,
                                    of: Some((k, pos)),
                                    key: target.clone(),
                                    similarity,
                                });
                                break 'windows;
                            }
                        }
                    }
                }
            }
            self.fixes.extend(found);
        }
    }

    /// Whether names `a` and `b`, equal but at word `pos`, spell that word as variants of one
    /// name: listed romanisations, or near spellings of which one is no good romanisation (or
    /// none in the document's system), or that share a distinctive word. Two good spellings
    /// (Zhang Wei / Zhang Wen) are two people; a name no cue makes a person needs a garble.
    fn part_variant(&self, a: usize, b: usize, pos: usize) -> Option<Similarity> {
        let (ga, gb) = (&self.groups[a], &self.groups[b]);
        let (x, y) = (&ga.parts[pos], &gb.parts[pos]);
        let known = |g: &Group| g.cues.intersects(Cues::KNOWN);
        if known(ga) != known(gb) {
            return self.known_variant(x, y);
        }
        let person = ga.kind == Kind::Person || gb.kind == Kind::Person;
        if !person && ga.kind != gb.kind {
            return None;
        }
        let similarity = self.compare_in_document(x, y)?;
        let both_pinyin = pinyin::is_pinyin(x) && pinyin::is_pinyin(y);
        let garbled = !is_good_spelling(x) || !is_good_spelling(y) || self.off_system(x, y);
        let distinctive = ga.parts.iter().enumerate().any(|(k, shared)| {
            k != pos
                && shared.len() >= 4
                && lists().surname(shared).is_none()
                && !is_western(shared)
        });
        let strong = similarity.score >= 0.9 && !both_pinyin;
        // "George Flozd" beside "George Floyd": one slip into no word or name at all
        let slipped = similarity.score >= 0.7 && similarity.likeness.is_typo() && garbled;
        let likely = slipped || (similarity.score >= 0.75 && (garbled || distinctive));
        let romanised = similarity.likeness == Likeness::Romanisation;
        let joins = if person {
            strong || likely || romanised
        } else {
            garbled && (similarity.score >= 0.75 || romanised)
        };
        joins.then_some(similarity)
    }

    /// Whether word `x` of a name the lists do not know garbles word `y` of a known name the
    /// document also writes, the other words being the same ("Hog Kong" beside "Hong Kong",
    /// "Rahul Gandzi" beside "Rahul Gandhi"): one slip, one sound or one romanisation, even into
    /// an English word, since a known name is the likelier reading.
    fn known_variant(&self, x: &str, y: &str) -> Option<Similarity> {
        let near = self
            .compare_in_document(x, y)
            .filter(|s| s.edits <= 1 || s.likeness == Likeness::Romanisation);
        near.or_else(|| {
            let slip = similarity::slip(x.as_bytes(), y.as_bytes())?;
            (x.len().min(y.len()) >= 3).then_some(Similarity {
                score: 0.7,
                likeness: Likeness::Typo(slip),
                edits: 1,
            })
        })
    }

    /// [`similarity::compare`], and besides it a syllable that only the document's own
    /// romanisation tells from its neighbour: in a document written in pinyin, a word no pinyin
    /// spells with the sound of one that pinyin spells ("Bou" beside "Bao").
    fn compare_in_document(&self, x: &str, y: &str) -> Option<Similarity> {
        if let Some(similarity) = similarity::compare(x, y) {
            return Some(similarity);
        }
        let alike = sound::sound_key(x) == sound::sound_key(y) && x.len().abs_diff(y.len()) <= 1;
        (alike && self.off_system(x, y)).then(|| Similarity {
            score: 0.75,
            likeness: Likeness::SoundAlike,
            edits: strsim::damerau_levenshtein(x, y),
        })
    }

    /// Whether exactly one of two spellings is in the document's romanisation system, in a
    /// document that writes its Chinese names in pinyin ("Rin" beside "Lin").
    fn off_system(&self, x: &str, y: &str) -> bool {
        self.system == system::PINYIN && pinyin::is_pinyin(x) != pinyin::is_pinyin(y)
    }

    /// A cheap filter before [`similarity::compare`]: word `pos` of `a` and `b` sound alike, are
    /// one slip apart, or one of them spells a Chinese surname in another romanisation.
    fn worth_comparing(&self, a: usize, b: usize, pos: usize) -> bool {
        let (ga, gb) = (&self.groups[a], &self.groups[b]);
        ga.sounds[pos] == gb.sounds[pos]
            || similarity::one_edit_apart(ga.parts[pos].as_bytes(), gb.parts[pos].as_bytes())
            || ga.romanised[pos]
            || gb.romanised[pos]
    }

    /// Step 2: organisations and places that are one known entity, and bracketed acronyms.
    fn join_organisations(&mut self) {
        let mut by_record: HashMap<&'static str, usize> = HashMap::new();
        for g in 0..self.groups.len() {
            let group = &self.groups[g];
            if !group.cues.intersects(Cues::KNOWN) || group.kind == Kind::Person {
                continue;
            }
            let Some(found) = known_entities().lookup(&group.surface) else {
                continue;
            };
            if found.record.kind == EntityKind::Person {
                continue;
            }
            match by_record.get(found.record.canonical) {
                Some(&first) => self.join(g, Relation::Alias { of: first }),
                None => {
                    by_record.insert(found.record.canonical, g);
                }
            }
        }
        for i in 0..self.mentions.len().saturating_sub(1) {
            if !self.mentions[i].acronym_follows || !self.mentions[i + 1].acronym {
                continue;
            }
            let (name, acronym) = (self.group_of[i], self.group_of[i + 1]);
            if initials_match(&self.groups[name].surface, &self.groups[acronym].surface) {
                self.join(acronym, Relation::Acronym { of: name });
            }
        }
    }

    /// Step 2, continued: institution and place names that differ in one word, spelled as a variant of
    /// the other ("Shayibak District" / "Shayibake District", "Tunbao Township" / "Tumbao
    /// Township"). Candidates are blocked by the name with that word left out.
    fn join_institution_variants(&mut self) {
        let mut buckets: HashMap<(Kind, String), Vec<(usize, usize)>> = HashMap::new();
        for g in 0..self.groups.len() {
            let group = &self.groups[g];
            if !matches!(group.kind, Kind::Organisation | Kind::Place)
                || group.parts.len() < 2
                || group.acronym
            {
                continue;
            }
            for pos in 0..group.parts.len() {
                let mut pattern = group.parts.clone();
                pattern[pos] = "*".into();
                buckets
                    .entry((group.kind, pattern.join(" ")))
                    .or_default()
                    .push((g, pos));
            }
        }
        for list in buckets.values() {
            for (i, &(g, pos)) in list.iter().enumerate().skip(1) {
                for &(other, _) in list[..i].iter().rev().take(MAX_CANDIDATES) {
                    if let Some(similarity) = self.word_variant(other, g, pos) {
                        self.join(
                            g,
                            Relation::PartVariant {
                                of: other,
                                part: pos,
                                similarity,
                            },
                        );
                        break;
                    }
                }
            }
        }
    }

    /// Whether word `pos` of institutions `a` and `b` (equal elsewhere) is one name spelled two
    /// ways: alike, at least one of them no English word, and not two known entities.
    fn word_variant(&self, a: usize, b: usize, pos: usize) -> Option<Similarity> {
        if !self.worth_comparing(a, b, pos) {
            return None;
        }
        let (x, y) = (&self.groups[a].parts[pos], &self.groups[b].parts[pos]);
        let similarity = similarity::compare(x, y)?;
        let long_slip = similarity.likeness.is_typo() && x.len().min(y.len()) >= 6;
        if similarity.score < 0.75 && !long_slip {
            return None;
        }
        let english = |w: &str| lexicon().english_word(w).is_some() || lists().is_other_english(w);
        if english(x) && english(y) {
            return None;
        }
        let known = |g: usize| self.groups[g].cues.intersects(Cues::KNOWN);
        (!(known(a) && known(b))).then_some(similarity)
    }

    /// Step 4: short forms of full names.
    fn join_short_forms(&mut self) {
        let mut index: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for g in self.full_names() {
            let parts = &self.groups[g].parts;
            let n = parts.len();
            for len in 1..n {
                index
                    .entry(parts[..len].join(" "))
                    .or_default()
                    .push((g, 0));
                index
                    .entry(parts[n - len..].join(" "))
                    .or_default()
                    .push((g, n - len));
            }
        }
        for g in 0..self.groups.len() {
            let group = &self.groups[g];
            if group.is_full_name()
                || group.acronym
                || matches!(group.kind, Kind::Organisation | Kind::Place)
                || group.parts.is_empty()
            {
                continue;
            }
            let Some(candidates) = index.get(&group.name_key()) else {
                continue;
            };
            let mut roots: Vec<(usize, usize, usize)> = Vec::new();
            for &(full, offset) in candidates {
                let root = self.uf.find(full);
                if !roots.iter().any(|r| r.0 == root) {
                    roots.push((root, full, offset));
                }
            }
            match roots.as_slice() {
                [(_, full, offset)] => {
                    let (full, offset) = (*full, *offset);
                    self.join(g, Relation::ShortForm { of: full, offset });
                }
                _ => self.ambiguous[g] = true,
            }
        }
    }

    /// Step 5: the introduced-person rule. News introduces a person by full name and then uses
    /// the surname alone; a lone name that matches nobody introduced but is close in spelling or
    /// sound to a word of someone introduced is nearly always that person misspelt ("Mnuhin",
    /// "Leann", "Rin"). Candidates are blocked by sound key, by surname romanisation and by the
    /// spellings one letter away, so each lone name is scored against a handful of words: the cost
    /// stays linear in the mentions. It joins the best candidate when the evidence (likeness,
    /// cues, shared role or organisation, nearness, frequency) is strong enough and no other
    /// person is nearly as good.
    fn join_lone_names(&mut self, index: &TargetIndex) {
        let mut contexts: HashMap<usize, Surroundings> = HashMap::new();
        let mut members = self.members();
        for g in 0..self.groups.len() {
            if !self.is_lone(g) {
                continue;
            }
            let group = &self.groups[g];
            let candidates = index.candidates(
                &group.parts[0],
                &group.sounds[0],
                group.first(),
                &self.groups,
            );
            let mut scored: Vec<(f32, usize, usize, Similarity)> = Vec::new();
            for (target, part) in candidates {
                let root = self.uf.find(target);
                if root == self.uf.find(g) {
                    continue;
                }
                let context = contexts.entry(root).or_insert_with(|| {
                    Surroundings::of(
                        members.get(&root).map_or(&[][..], Vec::as_slice),
                        &self.groups,
                        &mut self.uf,
                    )
                });
                if let Some((score, similarity)) = self.lone_score(g, target, part, context) {
                    scored.push((score, target, part, similarity));
                }
            }
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            let Some(&(best, target, part, similarity)) = scored.first() else {
                continue;
            };
            let best_root = self.uf.find(target);
            let best_key = self.groups[target].parts[part].clone();
            let near = |s: &&(f32, usize, usize, Similarity)| s.0 > best - MARGIN;
            let other_word = scored
                .iter()
                .skip(1)
                .filter(near)
                .any(|s| self.groups[s.1].parts[s.2] != best_key);
            if best < JOIN_SCORE || other_word {
                continue;
            }
            let other_person = scored
                .iter()
                .skip(1)
                .filter(near)
                .any(|s| self.uf.find(s.1) != best_root);
            if other_person {
                // two people share the word ("Walt Whitman", "George Whitman"): the spelling is
                // sure, the person is not
                self.fixes.push(PartFix {
                    group: g,
                    part: 0,
                    of: Some((target, part)),
                    key: best_key,
                    similarity,
                });
                continue;
            }
            // the lone name's mentions now count as the person's context; the smaller side is
            // merged into the larger, so that repeated joins stay linear
            let (old_lone, old_person) = (self.uf.find(g), best_root);
            self.join(
                g,
                Relation::Variant {
                    of: target,
                    part,
                    confidence: best,
                    likeness: similarity.likeness,
                },
            );
            let root = self.uf.find(g);
            let mut big = members.remove(&old_person).unwrap_or_default();
            let mut small = members.remove(&old_lone).unwrap_or_default();
            if big.len() < small.len() {
                std::mem::swap(&mut big, &mut small);
            }
            big.extend(small);
            members.insert(root, big);
            contexts.remove(&old_lone);
            if let Some(mut context) = contexts.remove(&old_person) {
                context.absorb(&self.groups[g], &mut self.uf);
                contexts.insert(root, context);
            }
        }
    }

    /// The name words lone names are compared with: words of full names, and lone names
    /// introduced by a title or a role ("Professor Chen").
    fn targets(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            if group.kind != Kind::Person || group.acronym {
                continue;
            }
            if group.is_full_name() {
                for (k, part) in group.parts.iter().enumerate() {
                    if part.chars().count() >= 2 {
                        out.push((g, k));
                    }
                }
            } else if group.parts.len() == 1
                && group.cues.intersects(Cues::INTRODUCTION)
                && !self.ambiguous[g]
            {
                out.push((g, 0));
            }
        }
        out
    }

    /// A lone name that may be someone introduced, misspelt: one word, not a short form of
    /// anyone, not a known entity, an acronym, a date or a group. An English word ("Lean")
    /// counts only where a cue says it names a person (a title, a role, a speech verb, an age,
    /// "who"); a word that is no English word needs no cue. A title or a role introduces nobody
    /// new when the person was named before ("Mr Mnuhin" after "Steven Mnuchin", see
    /// [`Builder::lone_score`]).
    fn is_lone(&mut self, g: usize) -> bool {
        let group = &self.groups[g];
        let person_cue = group.cues.intersects(Cues::PERSON);
        // a capitalised word the lists know only capitalised ("Jews") is no name by itself
        let word = &group.parts[0];
        let ordinary = lexicon().english_word(word).is_some()
            || (lists().is_other_english(&group.surface)
                && !is_western(word)
                && lists().surnames_of(word).is_empty());
        group.parts.len() == 1
            && group.parts[0].chars().count() >= 2
            && !group.acronym
            && !group.generic
            && !self.ambiguous[g]
            && self.relation[g] == Relation::Same
            && matches!(group.kind, Kind::Person | Kind::Other)
            && !group.cues.intersects(Cues::KNOWN)
            && (person_cue || !ordinary)
            // "in Hansan": a place; "the Tseng building": a name qualifying a thing; "“Ju”": a
            // title
            && (person_cue || !group.always.intersects(Cues::LOCATIVE | Cues::DETERMINER | Cues::QUOTED))
            && self.uf.size(g) == 1
    }

    /// How strongly lone name `g` is name word `part` of `target`, or `None` when it cannot be.
    fn lone_score(
        &self,
        g: usize,
        target: usize,
        part: usize,
        context: &Surroundings,
    ) -> Option<(f32, Similarity)> {
        let lone = &self.groups[g];
        let person = &self.groups[target];
        if person.kind != Kind::Person {
            return None;
        }
        let (o, t) = (&lone.parts[0], &person.parts[part]);
        let similarity = self.compare_in_document(o, t)?;
        let is_surname = lists().surname(o).is_some();
        // a good surname of its own is another person unless it is a single slip away
        if is_surname
            && (similarity.likeness.is_typo()
                || (similarity.likeness == Likeness::SoundAlike && similarity.edits >= 2))
        {
            return None;
        }
        // a name written more often than the one it would garble is no garble
        if lone.mentions.len() > context.mentions {
            return None;
        }
        // a title or a role says "someone new" unless the person was named before
        if lone.cues.intersects(Cues::INTRODUCTION) && context.first > lone.first() {
            return None;
        }
        // a looser likeness (two letters apart by sound: Leann and Liang) needs a cue that the
        // word names a person at all; "the town of Saulieu" is no "Sallier"
        let loose = similarity.likeness == Likeness::SoundAlike && similarity.edits >= 2;
        if !lone.cues.intersects(Cues::PERSON) && (loose || similarity.score < 0.7) {
            return None;
        }
        let mut score = similarity.score;
        if !lone.cues.intersects(Cues::PERSON) {
            score *= 0.9;
        }
        if is_surname {
            score *= 0.8;
        }
        if lexicon().english_word(o).is_some() {
            score *= 0.9;
        }
        // Jon and John, Smith and Smyth: a real Western name is weaker evidence of a slip
        if is_western(&lone.surface) && similarity.likeness != Likeness::Romanisation {
            score *= 0.85;
        }
        if lone.roles.iter().any(|r| context.roles.contains(r))
            || lone.orgs.iter().any(|o| context.orgs.contains(o))
        {
            score += 0.1;
        }
        if lone.paragraphs.iter().any(|&p| context.near(p)) {
            score += 0.05;
        }
        // written once beside a person named three times or more
        if lone.mentions.len() == 1 && context.mentions >= 3 {
            score += 0.05;
        }
        // a garbled name mostly refers back to someone already named
        if context.first > lone.first() {
            score *= 0.9;
        }
        Some((score.min(0.95), similarity))
    }

    /// Step 6: a word of a longer name that garbles a word of someone introduced, where the
    /// name itself is nobody introduced ("Reporter Ri Wei" in a document that names Li Jingyin
    /// and Li Yunxiao): the word is no good name word where it stands (see
    /// [`Builder::unexplained`]) and is close to exactly one introduced word.
    fn part_fixes(&mut self, index: &TargetIndex) {
        let attested = self.attested_words();
        // every name's words, for the rare word no romanisation spells: built when one is met
        let mut words: Option<TargetIndex> = None;
        for g in 0..self.groups.len() {
            let group = &self.groups[g];
            if group.parts.len() < 2
                || group.acronym
                || group.generic
                || !matches!(group.kind, Kind::Person | Kind::Other)
                || self.relation[g].is_variant()
            {
                continue;
            }
            for k in 0..group.parts.len() {
                let misromanised = self.misromanised(g, k);
                if attested.contains(&self.groups[g].parts[k])
                    || !(misromanised || self.unexplained(g, k))
                {
                    continue;
                }
                // someone introduced first; then, for a word no romanisation of the document
                // spells, any other name's word ("Yang Honn" beside "Hong Kong")
                let mut fix = self.best_fix(g, k, index);
                if fix.is_none() && misromanised {
                    let words = words
                        .get_or_insert_with(|| TargetIndex::new(self.name_words(), &self.groups));
                    fix = self
                        .best_fix(g, k, words)
                        .or_else(|| self.pinyin_surname(g, k));
                }
                self.fixes.extend(fix);
            }
        }
    }

    /// The pinyin of a surname written in another romanisation where a Chinese name's surname
    /// stands, first, in a document that writes its Chinese names in pinyin: "Hsueh Zhaofeng"
    /// is Xue Zhaofeng. Only when the spelling romanises one pinyin surname.
    fn pinyin_surname(&self, g: usize, k: usize) -> Option<PartFix> {
        let word = &self.groups[g].parts[k];
        if k != 0 || self.system != system::PINYIN {
            return None;
        }
        let [pinyin] = lists().surnames_spelled(word) else {
            return None;
        };
        Some(PartFix {
            group: g,
            part: k,
            of: None,
            key: pinyin.clone(),
            similarity: Similarity {
                score: 0.75,
                likeness: Likeness::Romanisation,
                edits: strsim::damerau_levenshtein(word, pinyin),
            },
        })
    }

    /// Every word of every name but acronyms: people, organisations and places.
    fn name_words(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            if group.acronym || group.generic {
                continue;
            }
            for (k, part) in group.parts.iter().enumerate() {
                if part.chars().count() >= 2 {
                    out.push((g, k));
                }
            }
        }
        out
    }

    /// Whether name word `k` of group `g`, a Chinese person's name (its other words pinyin, and
    /// a surname among its words), is spelled in no romanisation ("Yang Honn"), or in another than pinyin where the
    /// document writes its Chinese names in pinyin or names no other ("Yang Hon").
    fn misromanised(&self, g: usize, k: usize) -> bool {
        let group = &self.groups[g];
        let others = || group.parts.iter().enumerate().filter(|&(j, _)| j != k);
        let word = &group.parts[k];
        let chinese = group.kind == Kind::Person
            && others().all(|(_, p)| pinyin::is_pinyin(p))
            && (others().any(|(_, p)| lists().surname(p).is_some())
                || !lists().surnames_of(word).is_empty());
        chinese
            && (!pinyin::is_valid_romanisation(word)
                || (matches!(self.system, 0 | system::PINYIN) && !pinyin::is_pinyin(word)))
    }

    /// The words of every person's name that more than one mention or name uses: a word the
    /// document writes twice is no slip.
    fn attested_words(&self) -> HashSet<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for group in &self.groups {
            if group.kind == Kind::Person || group.kind == Kind::Other {
                for part in &group.parts {
                    *counts.entry(part.as_str()).or_default() += group.mentions.len();
                }
            }
        }
        counts
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(word, _)| word.to_string())
            .collect()
    }

    /// Whether name word `k` of group `g` is no good name word where it stands: not an English
    /// word nor a Western name, and either spelled in no romanisation, or, in a Chinese name of a
    /// document written in pinyin, no pinyin, or no surname where the surname stands ("Ri" in
    /// "Ri Wei").
    fn unexplained(&self, g: usize, k: usize) -> bool {
        let parts = &self.groups[g].parts;
        let word = &parts[k];
        if word.chars().count() < 2 || lexicon().english_word(word).is_some() || is_western(word) {
            return false;
        }
        if !pinyin::is_valid_romanisation(word) {
            return true;
        }
        let rest_pinyin = parts
            .iter()
            .enumerate()
            .all(|(j, p)| j == k || pinyin::is_pinyin(p));
        self.system == system::PINYIN
            && rest_pinyin
            && (!pinyin::is_pinyin(word) || (k == 0 && lists().surname(word).is_none()))
    }

    /// The introduced word that name word `k` of group `g` garbles, if one stands out: one edit
    /// or one romanisation away, and no other word nearly as close.
    fn best_fix(&mut self, g: usize, k: usize, index: &TargetIndex) -> Option<PartFix> {
        let group = &self.groups[g];
        let word = group.parts[k].clone();
        let candidates = index.candidates(&word, &group.sounds[k], group.first(), &self.groups);
        let root = self.uf.find(g);
        let mut scored: Vec<(f32, usize, usize, Similarity)> = Vec::new();
        for (target, part) in candidates {
            if self.uf.find(target) == root {
                continue;
            }
            let Some(similarity) =
                self.compare_in_document(&word, &self.groups[target].parts[part])
            else {
                continue;
            };
            let close = similarity.edits <= 1 || similarity.likeness == Likeness::Romanisation;
            if close {
                scored.push((similarity.score, target, part, similarity));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let &(best, of, of_part, similarity) = scored.first()?;
        let best_key = &self.groups[of].parts[of_part];
        let rival = scored
            .iter()
            .skip(1)
            .find(|s| &self.groups[s.1].parts[s.2] != best_key);
        let strong = best >= 0.75 || similarity.likeness == Likeness::Romanisation;
        (strong && rival.is_none_or(|r| r.0 <= best - MARGIN)).then(|| PartFix {
            group: g,
            part: k,
            of: Some((of, of_part)),
            key: best_key.clone(),
            similarity,
        })
    }

    /// The member groups of every cluster, by root.
    fn members(&mut self) -> HashMap<usize, Vec<usize>> {
        let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
        for g in 0..self.groups.len() {
            out.entry(self.uf.find(g)).or_default().push(g);
        }
        out
    }

    fn finish(mut self) -> Clustering {
        let mut cluster_of = vec![usize::MAX; self.groups.len()];
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        let mut by_root: HashMap<usize, usize> = HashMap::new();
        // groups are created in order of first mention, so clusters come out in text order
        for (g, slot) in cluster_of.iter_mut().enumerate() {
            let root = self.uf.find(g);
            let c = *by_root.entry(root).or_insert_with(|| {
                clusters.push(Vec::new());
                clusters.len() - 1
            });
            clusters[c].push(g);
            *slot = c;
        }
        Clustering {
            groups: self.groups,
            group_of: self.group_of,
            relation: self.relation,
            ambiguous: self.ambiguous,
            cluster_of,
            clusters,
            system: self.system,
            fixes: self.fixes,
        }
    }
}

/// Where a cluster is mentioned and with what: for comparing a lone name's surroundings.
struct Surroundings {
    /// How many mentions the cluster has.
    mentions: usize,
    roles: Vec<&'static str>,
    /// Roots of the organisations named with it.
    orgs: Vec<usize>,
    paragraphs: Vec<usize>,
    /// The cluster's first mention.
    first: usize,
}

impl Surroundings {
    fn of(members: &[usize], groups: &[Group], uf: &mut UnionFind) -> Surroundings {
        let mut roles = Vec::new();
        let mut orgs = Vec::new();
        let mut paragraphs = Vec::new();
        for &g in members {
            roles.extend(groups[g].roles.iter().copied());
            orgs.extend(groups[g].orgs.iter().copied());
            paragraphs.extend(groups[g].paragraphs.iter().copied());
        }
        for o in &mut orgs {
            *o = uf.find(*o);
        }
        roles.sort_unstable();
        roles.dedup();
        orgs.sort_unstable();
        orgs.dedup();
        paragraphs.sort_unstable();
        paragraphs.dedup();
        let first = members
            .iter()
            .map(|&g| groups[g].first())
            .min()
            .unwrap_or(usize::MAX);
        Surroundings {
            mentions: members.iter().map(|&g| groups[g].mentions.len()).sum(),
            roles,
            orgs,
            paragraphs,
            first,
        }
    }

    /// Adds the roles, organisations and paragraphs of `group`, which just joined.
    fn absorb(&mut self, group: &Group, uf: &mut UnionFind) {
        self.mentions += group.mentions.len();
        for &role in &group.roles {
            if !self.roles.contains(&role) {
                self.roles.push(role);
            }
        }
        for &o in &group.orgs {
            let root = uf.find(o);
            if !self.orgs.contains(&root) {
                self.orgs.push(root);
            }
        }
        for &p in &group.paragraphs {
            if let Err(i) = self.paragraphs.binary_search(&p) {
                self.paragraphs.insert(i, p);
            }
        }
        self.first = self.first.min(group.first());
    }

    /// Whether the cluster is mentioned in paragraph `p` or one next to it.
    fn near(&self, p: usize) -> bool {
        let i = self.paragraphs.partition_point(|&q| q + 1 < p);
        self.paragraphs.get(i).is_some_and(|&q| q <= p + 1)
    }
}

/// The name words lone names are compared with, blocked three ways: by sound key (Leann and
/// Liang), by the pinyin surnames a spelling may romanise (Tseng and Zeng), and, for typing slips
/// (Welbck and Welbeck, Kudolw and Kudlow), by a linear one-slip check against the words nearest
/// in the text. Each lone name meets a bounded number of words, so the cost stays linear in the
/// mentions.
struct TargetIndex {
    by_sound: HashMap<String, Vec<(usize, usize)>>,
    by_surname: HashMap<String, Vec<(usize, usize)>>,
    /// Every target, in order of first mention.
    all: Vec<(usize, usize)>,
}

/// How many of the words nearest in the text a lone name is checked for one slip against.
const SLIP_WINDOW: usize = 64;

impl TargetIndex {
    fn new(targets: Vec<(usize, usize)>, groups: &[Group]) -> TargetIndex {
        let mut by_sound: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut by_surname: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for &(g, part) in &targets {
            by_sound
                .entry(groups[g].sounds[part].clone())
                .or_default()
                .push((g, part));
            for surname in lists().surnames_of(&groups[g].parts[part]) {
                by_surname
                    .entry(surname.to_string())
                    .or_default()
                    .push((g, part));
            }
        }
        TargetIndex {
            by_sound,
            by_surname,
            all: targets,
        }
    }

    /// The targets name word `word` (of sound key `sound`) may garble, the nearest to mention
    /// `at` first.
    fn candidates(
        &self,
        word: &str,
        sound: &str,
        at: usize,
        groups: &[Group],
    ) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut add = |list: &[(usize, usize)]| {
            for &c in list {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        };
        if let Some(list) = self.by_sound.get(sound) {
            add(nearest(list, at, groups, MAX_CANDIDATES));
        }
        for surname in lists().surnames_of(word) {
            if let Some(list) = self.by_surname.get(surname) {
                add(nearest(list, at, groups, MAX_CANDIDATES));
            }
        }
        if word.len() >= 4 {
            let slips: Vec<(usize, usize)> = nearest(&self.all, at, groups, SLIP_WINDOW)
                .iter()
                .copied()
                .filter(|&(g, part)| {
                    similarity::one_edit_apart(word.as_bytes(), groups[g].parts[part].as_bytes())
                })
                .collect();
            add(&slips);
        }
        out
    }
}

/// The `most` entries of `list` (sorted by first mention, as groups are) nearest to mention
/// `at`.
fn nearest<'a>(
    list: &'a [(usize, usize)],
    at: usize,
    groups: &[Group],
    most: usize,
) -> &'a [(usize, usize)] {
    if list.len() <= most {
        return list;
    }
    let i = list.partition_point(|&(g, _)| groups[g].first() < at);
    let start = i.saturating_sub(most / 2).min(list.len() - most);
    &list[start..start + most]
}

/// A spelling that is some romanisation, an English word or a Western name.
pub fn is_good_spelling(key: &str) -> bool {
    pinyin::is_valid_romanisation(key)
        || lexicon().english_word(key).is_some()
        || is_western(&title_case(key))
}

/// `word` (as written, or a key) in the Western name lists.
fn is_western(word: &str) -> bool {
    let word = if is_all_caps(word) || word.chars().next().is_some_and(char::is_lowercase) {
        title_case(word)
    } else {
        word.to_string()
    };
    lexicon().western_name(&word).is_some()
}

/// Whether `acronym` spells the initials of `name`'s words, in order ("HKUST" for "Hong Kong
/// University of Science and Technology", "CAS" for "Chinese Academy of Sciences").
fn initials_match(name: &str, acronym: &str) -> bool {
    let initials: Vec<char> = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || initials.first() != letters.first() {
        return false;
    }
    let mut it = initials.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}

/// Union-find with path halving and union by size.
#[derive(Debug, Clone)]
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }

    fn size(&mut self, x: usize) -> usize {
        let root = self.find(x);
        self.size[root]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::mention::extract;
    use crate::text::{Document, InputFormat, Source};

    /// The clusters of `text`, each as its groups' first surfaces.
    fn clusters(text: &str) -> Vec<Vec<String>> {
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        let mentions = extract(&doc);
        let c = cluster(text, &mentions);
        c.clusters
            .iter()
            .map(|gs| gs.iter().map(|&g| c.groups[g].surface.clone()).collect())
            .collect()
    }

    fn together(text: &str, a: &str, b: &str) -> bool {
        clusters(text)
            .iter()
            .any(|c| c.iter().any(|s| s == a) && c.iter().any(|s| s == b))
    }

    #[test]
    fn an_acronym_beside_a_speech_verb_makes_no_person() {
        // "says AI has …" puts a speech verb before the acronym, as "says Ma" would a surname.
        let text = "The AI sector grew. AI is everywhere. Wang says AI has so far been blocked. \
                    A more successful Chinese AI startup will appear. The Chinese AI landscape is open.";
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        let c = cluster(text, &extract(&doc));
        let people: Vec<&str> = c
            .groups
            .iter()
            .filter(|g| g.kind == Kind::Person)
            .map(|g| g.surface.as_str())
            .collect();
        assert!(!people.contains(&"Chinese AI"), "{people:?}");
    }

    #[test]
    fn short_forms_join_their_full_name() {
        let text = "Deepseek founder Liang Wenfeng spoke. Liang, founder of Deepseek, said it was hard. Leann explains the hiring.";
        assert!(together(text, "Liang Wenfeng", "Liang"));
        assert!(together(text, "Liang Wenfeng", "Leann"));
    }

    #[test]
    fn similar_but_distinct_people_stay_apart() {
        let text = "Chen Ming, a banker, met Cheng Li, a lawyer. Chen said yes. Cheng said no.";
        assert!(!together(text, "Chen Ming", "Cheng Li"));
        let text = "Zhang Wei, a teacher, met Zhang Wen, a nurse. Zhang said they were cousins.";
        assert!(!together(text, "Zhang Wei", "Zhang Wen"));
        assert!(!together(text, "Zhang", "Zhang Wei"));
        let text =
            "Lin Bo, an engineer, and Liang Wenfeng, a founder, spoke. Lin said it was fine.";
        assert!(!together(text, "Lin", "Liang Wenfeng"));
    }

    #[test]
    fn lone_names_join_the_person_they_garble() {
        let text = "Its founder Zeng Yuqun is rich. Zeng studied in Shanghai. Tseng has repeatedly denied it. Zheng said the firm grew.";
        assert!(together(text, "Zeng Yuqun", "Tseng"));
        assert!(together(text, "Zeng Yuqun", "Zheng"));
        let text =
            "The festival director Sato Kenji spoke. Sato is busy. Satou added that visitors came.";
        assert!(together(text, "Sato Kenji", "Satou"));
    }

    #[test]
    fn lone_names_that_name_things_stay_alone() {
        let text = "Its founder Zeng Yuqun is rich. The Tseng building is old.";
        assert!(!together(text, "Zeng Yuqun", "Tseng"));
    }

    #[test]
    fn spacing_and_acronyms() {
        let text = "Yanbo Wang, a professor, spoke. Later Yan Bo Wang, the professor, spoke again.";
        assert!(together(text, "Yanbo Wang", "Yan Bo Wang"));
        let text = "He joined the Chinese Academy of Sciences (CAS) in May. The CAS budget grew.";
        assert!(together(text, "Chinese Academy of Sciences", "CAS"));
        assert!(initials_match(
            "Hong Kong University of Science and Technology",
            "HKUST"
        ));
        assert!(!initials_match("Peking University", "THU"));
    }

    #[test]
    fn union_find_sizes() {
        let mut uf = UnionFind::new(4);
        uf.union(0, 1);
        uf.union(2, 1);
        assert_eq!(uf.size(2), 3);
        assert_eq!(uf.find(0), uf.find(2));
        assert_ne!(uf.find(3), uf.find(0));
    }
}
