//! The small name lists of `wordlists/`, embedded and parsed once per process.
//!
//! Each is a few kilobytes, so they are parsed on first use into hash maps (the large English and
//! Western-name lists are fst maps in [`crate::lexicon`]). Keys are the lowercase, diacritic-free
//! forms produced by [`super::normalize::part_key`], except the cues and particles, which are
//! matched as written because case separates a title ("President Xi") from a role ("the
//! president").

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::tsv;

/// Romanisation systems, as bits of a [`Systems`] mask.
pub mod system {
    pub const PINYIN: u8 = 1;
    pub const WADE_GILES: u8 = 1 << 1;
    pub const CANTONESE: u8 = 1 << 2;
    pub const HOKKIEN: u8 = 1 << 3;
    pub const ESTABLISHED: u8 = 1 << 4;
    pub const KOREAN: u8 = 1 << 5;
    pub const JAPANESE: u8 = 1 << 6;
    pub const VIETNAMESE: u8 = 1 << 7;
    /// Every system whose syllables can be strung together into a word.
    pub const SYLLABIC: [u8; 7] = [
        PINYIN, WADE_GILES, CANTONESE, HOKKIEN, KOREAN, JAPANESE, VIETNAMESE,
    ];
}

/// What a cue word says about the capitalised words next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// Before a name: Mr, Professor, President.
    Title,
    /// Attribution: said, told, according to.
    SpeechVerb,
    /// A noun in apposition: founder, spokesperson.
    Role,
    /// Last word of an organisation's name: University, Group.
    OrgHead,
    /// Last word of a place name: Province, River.
    PlaceHead,
}

/// Where a particle stands in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Particle {
    /// A separate word before the family part (van, de, al).
    Before,
    /// Between two name parts (bin, y).
    Between,
    /// Joined to the next part (Mc, O').
    Prefix,
    /// After the name (Jr, III).
    After,
}

/// One Chinese surname (by its pinyin): its best rank over the characters that share the pinyin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surname {
    pub rank: u32,
}

/// A multi-word cue, matched word by word.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub words: Vec<&'static str>,
    pub cue: Cue,
}

pub struct NameLists {
    english_other: fst::Map<&'static [u8]>,
    surnames: HashMap<String, Surname>,
    /// A surname's characters (张, 歐陽) → its pinyin, lowercase with ü as v ("zhang", "lv").
    surname_of_hanzi: HashMap<&'static str, String>,
    /// A non-pinyin spelling (Tseng) → the pinyin surnames it romanises (zeng).
    variant_of: HashMap<String, Vec<String>>,
    /// A form of another romanisation → its systems.
    systems: HashMap<&'static str, u8>,
    particles: HashMap<&'static str, Particle>,
    /// Cue phrases by their first word, longest first.
    cues_by_first: HashMap<&'static str, Vec<Phrase>>,
    /// Cue phrases by their last word, longest first.
    cues_by_last: HashMap<&'static str, Vec<Phrase>>,
}

static LISTS: OnceLock<NameLists> = OnceLock::new();

/// `english_other_forms.tsv`, compiled by build.rs: word as written → `CAPITALISED_ONLY` or
/// `BRITISH` ([`crate::lexicon::encoding`]).
static ENGLISH_OTHER: &[u8] = crate::lexicon::CompiledList::EnglishOtherForms.bytes();

/// The process-wide name lists.
pub fn lists() -> &'static NameLists {
    LISTS.get_or_init(NameLists::load)
}

const SURNAMES: &str = crate::lexicon::WordList::ChineseSurnames.text();
const ROMANIZATION: &str = crate::lexicon::WordList::RomanizationOther.text();
const PARTICLES: &str = crate::lexicon::WordList::NameParticles.text();
const CUES: &str = crate::lexicon::WordList::PersonCues.text();

impl NameLists {
    fn load() -> NameLists {
        let mut surnames: HashMap<String, Surname> = HashMap::new();
        let mut variant_of: HashMap<String, Vec<String>> = HashMap::new();
        let mut surname_of_hanzi = HashMap::new();
        for row in tsv::rows(SURNAMES) {
            let pinyin = row.get(0).to_lowercase();
            for hanzi in row.list(1) {
                surname_of_hanzi
                    .entry(hanzi)
                    .or_insert_with(|| pinyin.replace('ü', "v"));
            }
            let rank = row.get(3).parse().unwrap_or(u32::MAX);
            surnames
                .entry(pinyin.clone())
                .and_modify(|s| s.rank = s.rank.min(rank))
                .or_insert(Surname { rank });
            for variant in row.list(2).filter(|v| *v != "-") {
                let key = super::normalize::part_key(variant);
                let entry = variant_of.entry(key).or_default();
                if !entry.contains(&pinyin) {
                    entry.push(pinyin.clone());
                }
            }
        }
        let systems = tsv::rows(ROMANIZATION)
            .map(|r| {
                let mask = r.list(1).map(system_bit).fold(0, |a, b| a | b);
                (r.get(0), mask)
            })
            .collect();
        let particles = tsv::rows(PARTICLES)
            .map(|r| {
                let position = match r.get(1) {
                    "before" => Particle::Before,
                    "between" => Particle::Between,
                    "prefix" => Particle::Prefix,
                    _ => Particle::After,
                };
                (r.get(0), position)
            })
            .collect();
        let mut cues_by_first: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        let mut cues_by_last: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
        for row in tsv::rows(CUES) {
            let cue = match row.get(1) {
                "title" => Cue::Title,
                "speech_verb" => Cue::SpeechVerb,
                "role" => Cue::Role,
                "org_head" => Cue::OrgHead,
                _ => Cue::PlaceHead,
            };
            let words: Vec<&'static str> =
                row.get(0).split(' ').filter(|w| !w.is_empty()).collect();
            let (Some(first), Some(last)) = (words.first().copied(), words.last().copied()) else {
                continue;
            };
            cues_by_first.entry(first).or_default().push(Phrase {
                words: words.clone(),
                cue,
            });
            cues_by_last
                .entry(last)
                .or_default()
                .push(Phrase { words, cue });
        }
        for phrases in cues_by_first.values_mut().chain(cues_by_last.values_mut()) {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        let english_other = fst::Map::new(ENGLISH_OTHER).expect("build.rs writes valid fst maps");
        NameLists {
            english_other,
            surnames,
            surname_of_hanzi,
            variant_of,
            systems,
            particles,
            cues_by_first,
            cues_by_last,
        }
    }

    /// Whether `word` (as written, or lowercase) is an English word that `english_words.tsv`
    /// lacks: one written only capitalised ("Russian", "July") or a British spelling ("centre").
    pub fn is_other_english(&self, word: &str) -> bool {
        self.english_other.contains_key(word)
            || self.english_other.contains_key(word.to_lowercase())
    }

    /// The pinyin (lowercase, ü as v) of the surname written `hanzi` (张, 欧阳), the first row's
    /// when the characters read as several.
    pub fn surname_of_hanzi(&self, hanzi: &str) -> Option<&str> {
        self.surname_of_hanzi.get(hanzi).map(String::as_str)
    }

    /// The surname whose pinyin is `key` (lowercase: "zhang", "ouyang").
    pub fn surname(&self, key: &str) -> Option<Surname> {
        self.surnames.get(key).copied()
    }

    /// The pinyin surnames that `key` (a Wade-Giles, Cantonese or other spelling) romanises.
    pub fn surnames_spelled(&self, key: &str) -> &[String] {
        self.variant_of.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `a` and `b` spell the same Chinese surname in two romanisations (Zeng/Tseng,
    /// Liu/Liou, Hsu/Xu, Chang/Cheung).
    pub fn same_surname(&self, a: &str, b: &str) -> bool {
        let (sa, sb) = (self.surnames_of(a), self.surnames_of(b));
        sa.iter().any(|s| sb.contains(s))
    }

    /// The pinyin surnames `key` may spell: itself when it is one, and those it romanises.
    pub fn surnames_of<'a>(&'a self, key: &'a str) -> Vec<&'a str> {
        let mut out: Vec<&str> = self
            .surnames_spelled(key)
            .iter()
            .map(String::as_str)
            .collect();
        if self.surnames.contains_key(key) {
            out.push(key);
        }
        out
    }

    /// The systems other than pinyin in which `form` is a syllable or a whole established name.
    pub fn systems_of_form(&self, form: &str) -> u8 {
        self.systems.get(form).copied().unwrap_or(0)
    }

    pub fn particle(&self, word: &str) -> Option<Particle> {
        self.particles.get(word).copied()
    }

    /// The cue phrases that start with `word`, longest first.
    pub fn cues_starting(&self, word: &str) -> &[Phrase] {
        self.cues_by_first
            .get(word)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The cue phrases that end with `word`, longest first.
    pub fn cues_ending(&self, word: &str) -> &[Phrase] {
        self.cues_by_last
            .get(word)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether the single word `word` (as written) is a cue of kind `cue`.
    pub fn is_cue(&self, word: &str, cue: Cue) -> bool {
        self.cues_starting(word)
            .iter()
            .any(|p| p.words.len() == 1 && p.cue == cue)
    }
}

fn system_bit(name: &str) -> u8 {
    match name {
        "wade-giles" => system::WADE_GILES,
        "cantonese" => system::CANTONESE,
        "hokkien" => system::HOKKIEN,
        "established" => system::ESTABLISHED,
        "korean" => system::KOREAN,
        "japanese" => system::JAPANESE,
        "vietnamese" => system::VIETNAMESE,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let l = lists();
        assert!(crate::lexicon::lexicon().is_pinyin_syllable("liang"));
        assert!(crate::lexicon::lexicon().is_pinyin_syllable("lv"));
        assert!(!crate::lexicon::lexicon().is_pinyin_syllable("ryu"));
        assert!(l.surname("zhang").is_some_and(|s| s.rank <= 5));
        assert!(l.surname("ouyang").is_some());
        assert!(l.surnames_spelled("tseng").iter().any(|s| s == "zeng"));
        assert!(l.same_surname("liou", "liu"));
        assert!(l.same_surname("hsu", "xu"));
        assert!(!l.same_surname("chen", "cheng"));
        assert_ne!(l.systems_of_form("ryu") & system::JAPANESE, 0);
        assert_ne!(l.systems_of_form("peking") & system::ESTABLISHED, 0);
        assert_eq!(l.particle("van"), Some(Particle::Before));
        assert_eq!(l.particle("bin"), Some(Particle::Between));
        assert!(l.is_other_english("Russian"));
        assert!(l.is_other_english("Centre"));
        assert!(!l.is_other_english("Tingryu"));
    }

    #[test]
    fn cues_keep_case_and_phrases() {
        let l = lists();
        assert!(l.is_cue("Professor", Cue::Title));
        assert!(l.is_cue("professor", Cue::Role));
        assert!(l.is_cue("said", Cue::SpeechVerb));
        assert!(l.is_cue("University", Cue::OrgHead));
        assert!(l.is_cue("Province", Cue::PlaceHead));
        assert!(
            l.cues_starting("according")
                .iter()
                .any(|p| p.words == ["according", "to"])
        );
        assert!(
            l.cues_ending("Minister")
                .iter()
                .any(|p| p.words == ["Prime", "Minister"])
        );
    }
}
