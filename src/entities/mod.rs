//! Known entities: the institutions, places, companies and people in `wordlists/entities/`, with
//! their exact English spelling.
//!
//! build.rs compiles the lists into an fst index from each name's lookup key ([`entity_key`]) to its
//! record and a static table of records, so nothing is parsed at start-up. Exact and case-folded
//! lookups live here. [`near`] finds the known entity an unknown name most likely garbles, through
//! two more indexes built at compile time (character bigrams and sorted words of every name form);
//! [`mentions`] finds the runs of capitalised words where names stand; [`similarity`] measures
//! spelling and sound. `wordlists/place_names.tsv` (GeoNames towns of 15,000+ people) is embedded
//! too, not as entities but as evidence that a word is a real place ([`KnownEntities::is_place_name`]).

pub mod mentions;
pub mod near;
mod normalize;
pub mod similarity;

pub use normalize::{
    FUNCTION_WORDS, HeadClass, INSTITUTION_HEADS, PLACE_HEADS, bag_key, content_words, entity_key,
    joined_content,
};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    University,
    Institute,
    Country,
    Region,
    City,
    Place,
    Company,
    Organisation,
    Agency,
    Media,
    Person,
    /// A product or service with its own casing (ChatGPT, iPhone, DeepSeek-R1).
    Product,
}

impl EntityKind {
    /// Which head words the names of this kind carry ("University", "Province").
    pub fn head_class(self) -> HeadClass {
        match self {
            EntityKind::University | EntityKind::Institute => HeadClass::Institution,
            EntityKind::Country | EntityKind::Region | EntityKind::City | EntityKind::Place => {
                HeadClass::Place
            }
            _ => HeadClass::Bare,
        }
    }
}

/// One entry of the entity lists.
#[derive(Debug, PartialEq, Eq)]
pub struct EntityRecord {
    pub canonical: &'static str,
    pub kind: EntityKind,
    pub aliases: &'static [&'static str],
    /// Prominence, 1 = most prominent; 100000 and above mark names that are also ordinary words.
    pub rank: u32,
    /// ISO 3166-1 alpha-2, or empty.
    pub country: &'static str,
}

impl EntityRecord {
    /// Whether the name is also an ordinary English word (Apple, Reading), so that text using the
    /// word is not evidence of the entity.
    pub fn is_common_word(&self) -> bool {
        self.rank >= 100_000
    }

    /// Whether `text` is exactly this entity's canonical form or one of its aliases.
    pub fn is_spelled(&self, text: &str) -> bool {
        self.canonical == text
            || self.aliases.contains(&text)
            || self.canonical.strip_prefix("The ") == Some(text)
    }
}

static RECORDS: &[EntityRecord] = include!(concat!(env!("OUT_DIR"), "/entities_records.rs"));
static INDEX: &[u8] = crate::lexicon::CompiledList::Entities.bytes();
/// Every name form (canonical and aliases) with its record number, for near-miss search.
static FORMS: &[(u32, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/entities_forms.rs"));
static GRAMS: &[u8] = crate::lexicon::CompiledList::EntityGrams.bytes();
static GRAM_POSTINGS: &[u8] = crate::lexicon::CompiledList::EntityGramPostings.bytes();
static BAGS: &[u8] = crate::lexicon::CompiledList::EntityBags.bytes();
static BAG_POSTINGS: &[u8] = crate::lexicon::CompiledList::EntityBagPostings.bytes();
static PLACE_NAMES: &[u8] = crate::lexicon::CompiledList::PlaceNames.bytes();
static MISTRANSLATIONS: &[u8] = crate::lexicon::CompiledList::EntityMistranslations.bytes();
const ALIAS: u64 = 1 << 32;

/// A lookup result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookup {
    pub record: &'static EntityRecord,
    /// The key matched an alias rather than the canonical form.
    pub via_alias: bool,
}

pub struct KnownEntities {
    index: fst::Map<&'static [u8]>,
    grams: fst::Map<&'static [u8]>,
    bags: fst::Map<&'static [u8]>,
    place_names: fst::Map<&'static [u8]>,
    mistranslations: fst::Map<&'static [u8]>,
}

/// One name of an entity: its canonical form or an alias, as written in the lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub id: u32,
    pub record: &'static EntityRecord,
    pub name: &'static str,
    /// The identifying words run together ([`joined_content`] for the record's kind), as indexed.
    pub joined: &'static str,
}

static KNOWN: std::sync::OnceLock<KnownEntities> = std::sync::OnceLock::new();

/// The embedded entity lists.
pub fn known_entities() -> &'static KnownEntities {
    KNOWN.get_or_init(|| KnownEntities {
        index: fst::Map::new(INDEX).expect("build.rs writes a valid fst"),
        grams: fst::Map::new(GRAMS).expect("build.rs writes a valid fst"),
        bags: fst::Map::new(BAGS).expect("build.rs writes a valid fst"),
        place_names: fst::Map::new(PLACE_NAMES).expect("build.rs writes a valid fst"),
        mistranslations: fst::Map::new(MISTRANSLATIONS).expect("build.rs writes a valid fst"),
    })
}

impl KnownEntities {
    /// The entity whose name has the same lookup key as `text` (case, a leading "the", apostrophe
    /// and dash styles ignored), preferring canonical forms, then the most prominent.
    pub fn lookup(&self, text: &str) -> Option<Lookup> {
        self.lookup_key(&entity_key(text))
    }

    pub fn lookup_key(&self, key: &str) -> Option<Lookup> {
        self.index.get(key).map(|v| Lookup {
            record: &RECORDS[(v & 0xFFFF_FFFF) as usize],
            via_alias: v & ALIAS != 0,
        })
    }

    /// The fst from lookup keys to record numbers, for near-miss search.
    pub fn index(&self) -> &fst::Map<&'static [u8]> {
        &self.index
    }

    /// The record an index value points to.
    pub fn record(&self, value: u64) -> &'static EntityRecord {
        &RECORDS[(value & 0xFFFF_FFFF) as usize]
    }

    pub fn records(&self) -> &'static [EntityRecord] {
        RECORDS
    }

    /// Name form number `id` (see [`KnownEntities::forms_with_bigram`]).
    pub fn form(&self, id: u32) -> Option<Form> {
        let &(record, name, joined) = FORMS.get(id as usize)?;
        Some(Form {
            id,
            record: RECORDS.get(record as usize)?,
            name,
            joined,
        })
    }

    /// Whether `lower` (lowercase) is the name of a city or town of 15,000 people or more
    /// (`wordlists/place_names.tsv`): a real place, though not a known entity.
    pub fn is_place_name(&self, lower: &str) -> bool {
        self.place_names.contains_key(lower)
    }

    /// The entity a literal translation of its name stands for, by lookup key ("beijing
    /// university" → Peking University; `wordlists/entity_mistranslations.tsv`).
    pub fn mistranslation(&self, key: &str) -> Option<&'static EntityRecord> {
        self.mistranslations
            .get(key)
            .and_then(|v| RECORDS.get(v as usize))
    }

    pub fn form_count(&self) -> usize {
        FORMS.len()
    }

    /// The forms of entities of `class` whose joined identifying words ([`joined_content`])
    /// contain the character bigram `gram` (`^` and `$` mark the ends).
    pub fn forms_with_bigram(
        &self,
        class: HeadClass,
        gram: &str,
    ) -> impl Iterator<Item = u32> + '_ {
        postings(
            &self.grams,
            GRAM_POSTINGS,
            &format!("{}{gram}", class.letter()),
        )
    }

    /// The forms of entities of `class` made of exactly the identifying words of `bag`
    /// ([`bag_key`]), in any order.
    pub fn forms_with_bag(&self, class: HeadClass, bag: &str) -> impl Iterator<Item = u32> + '_ {
        postings(
            &self.bags,
            BAG_POSTINGS,
            &format!("{}{bag}", class.letter()),
        )
    }
}

/// A postings list stored by build.rs: the fst value is `offset << 32 | length` in u32 units.
fn postings(
    map: &fst::Map<&'static [u8]>,
    bytes: &'static [u8],
    key: &str,
) -> impl Iterator<Item = u32> + use<> {
    let (offset, len) = map
        .get(key)
        .map_or((0, 0), |v| ((v >> 32) as usize, (v & 0xFFFF_FFFF) as usize));
    let bytes = bytes.get(offset * 4..(offset + len) * 4).unwrap_or(&[]);
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_the_and_punctuation() {
        assert_eq!(
            entity_key("The University of  Hong Kong"),
            "university of hong kong"
        );
        assert_eq!(entity_key("Xi’an"), "xi'an");
        assert_eq!(
            entity_key("Sun Yat‑sen University"),
            "sun yat-sen university"
        );
        assert_eq!(entity_key("The"), "the");
    }

    #[test]
    fn exact_and_folded_lookups() {
        let known = known_entities();
        let tsinghua = known.lookup("Tsinghua University").unwrap();
        assert_eq!(tsinghua.record.canonical, "Tsinghua University");
        assert_eq!(tsinghua.record.kind, EntityKind::University);
        let deepseek = known.lookup("Deepseek").unwrap();
        assert_eq!(deepseek.record.canonical, "DeepSeek");
        assert!(!deepseek.record.is_spelled("Deepseek"));
        assert!(known.lookup("The University of Hong Kong").is_some());
        assert!(known.lookup("Tingryu University").is_none());
    }

    #[test]
    fn records_are_ordered_and_indexed() {
        let known = known_entities();
        assert!(known.records().len() > 6000);
        assert!(
            known
                .records()
                .windows(2)
                .all(|w| w[0].canonical < w[1].canonical)
        );
        assert!(known.index().len() >= known.records().len());
    }
}
