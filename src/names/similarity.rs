//! How alike two name words are, as evidence that one is a garbled spelling of the other.
//!
//! Plain string distance is the wrong measure for romanised names: "Lin" is closer to "Liang" than
//! "Leann" is, yet Lin is a different common surname while Leann is what a translation engine
//! made of Liang. So the score combines three kinds of evidence, strongest first:
//!
//! 1. the two spell the same surname in two romanisations (Zeng/Tseng, Xu/Hsu, Liu/Liou, from
//!    `chinese_surnames.tsv`), or the same Japanese name with and without a long vowel
//!    (Sato/Satou);
//! 2. they share a [sound key](super::sound) and are few edits apart (Damerau-Levenshtein from
//!    `strsim`), or share the finer key that also keeps the quality of each vowel (Joe/Zhou,
//!    Leann/Liang), with Jaro-Winkler as a check on longer distances;
//! 3. a single typing slip in a word of four letters or more, scored by what the slip is and
//!    where: a doubled letter ("Mnuchhin") or two neighbours swapped ("Kudolw") are the commonest
//!    slips and seldom another name; a dropped letter ("Welbck") comes next, a replaced one
//!    ("Herburt") last, a vowel for a vowel above a consonant for a consonant. A longer word makes
//!    a slip likelier to be one, a changed first letter less.
//!
//! Whether the evidence is enough also depends on the words themselves (is the variant a valid
//! surname of its own? an English word?), which the clustering stage weighs.

use super::lists::{lists, system};
use super::{pinyin, sound};

/// Why two spellings are thought to be one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Likeness {
    /// Two romanisations of the same Chinese surname.
    Romanisation,
    /// A Japanese name with and without its long vowel spelled out.
    LongVowel,
    /// Same sound key, one or two edits apart.
    SoundAlike,
    /// One typing slip.
    Typo(Slip),
}

impl Likeness {
    pub fn is_typo(self) -> bool {
        matches!(self, Likeness::Typo(_))
    }

    /// What the likeness is, for people: "another romanisation", "a letter dropped".
    pub fn describe(self) -> &'static str {
        match self {
            Likeness::Romanisation => "another romanisation of the same surname",
            Likeness::LongVowel => "the same name with its long vowel written otherwise",
            Likeness::SoundAlike => "spelled by its sound",
            Likeness::Typo(Slip::Doubled) => "a letter doubled",
            Likeness::Typo(Slip::Swapped) => "two letters swapped",
            Likeness::Typo(Slip::Dropped) => "a letter dropped or added",
            Likeness::Typo(Slip::Replaced) => "a letter replaced",
        }
    }
}

/// The one slip that turns a word into another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// A letter written twice, or a double letter written once ("Mnuchhin", "Vardy"/"Vaardy").
    Doubled,
    /// Two neighbouring letters in the other order ("Kudolw").
    Swapped,
    /// A letter left out, or one added that doubles nothing ("Welbck").
    Dropped,
    /// One letter for another ("Herburt").
    Replaced,
}

/// The evidence that `a` and `b` are one name spelled two ways.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    /// 0 to 1.
    pub score: f32,
    pub likeness: Likeness,
    /// Damerau-Levenshtein distance between the part keys.
    pub edits: usize,
}

/// Compares two part keys (lowercase letters). `None` when they are equal or not alike enough to
/// be worth weighing.
pub fn compare(a: &str, b: &str) -> Option<Similarity> {
    if a == b || a.is_empty() || b.is_empty() {
        return None;
    }
    if lists().same_surname(a, b) {
        return Some(Similarity {
            score: 0.95,
            likeness: Likeness::Romanisation,
            edits: strsim::damerau_levenshtein(a, b),
        });
    }
    let (fa, fb) = (long_vowels_folded(a), long_vowels_folded(b));
    if fa == fb && is_japanese(&fa) {
        return Some(Similarity {
            score: 0.95,
            likeness: Likeness::LongVowel,
            edits: strsim::damerau_levenshtein(a, b),
        });
    }
    let shorter = a.chars().count().min(b.chars().count());
    if sound::sound_key(a) == sound::sound_key(b) {
        let edits = strsim::damerau_levenshtein(a, b);
        let jw = strsim::jaro_winkler(a, b);
        // an inserted or dropped letter (Xu/Xue, Ma/Mao) garbles a syllable; a changed vowel
        // (Xu/Xi) more often makes another one
        let substituted = a.len() == b.len();
        // (for a short word: a long one with the same vowels is more often another name,
        // "Saulieu" and "Sallier")
        let same_vowels = edits >= 2 && shorter <= 5 && sound::fine_key(a) == sound::fine_key(b);
        let score = match edits {
            0 | 1 if substituted => 0.85,
            0 | 1 => 0.9,
            // Joe/Zhou, Shoo/Xu, Leann/Liang: the same consonants and vowel qualities
            2 | 3 if same_vowels => 0.75,
            // one syllable spelled by ear: Shoo/Xu
            4 if same_vowels && syllables(a) == 1 => 0.75,
            2 if jw >= 0.7 => 0.7,
            3 if jw >= 0.8 && shorter >= 5 => 0.6,
            _ => return None,
        };
        return Some(Similarity {
            score,
            likeness: Likeness::SoundAlike,
            edits,
        });
    }
    if shorter >= 4 {
        if let Some(slip) = slip(a.as_bytes(), b.as_bytes()) {
            return Some(Similarity {
                score: slip_score(a.as_bytes(), b.as_bytes(), slip),
                likeness: Likeness::Typo(slip),
                edits: 1,
            });
        }
    }
    None
}

/// How likely one slip between `a` and `b` is a typing error rather than another name.
fn slip_score(a: &[u8], b: &[u8], slip: Slip) -> f32 {
    let mut score = match slip {
        Slip::Doubled | Slip::Swapped => 0.85,
        Slip::Dropped => 0.8,
        Slip::Replaced => {
            let changed = a.iter().zip(b).find(|(x, y)| x != y);
            match changed {
                Some((x, y)) if is_vowel(*x) && is_vowel(*y) => 0.75,
                _ => 0.7,
            }
        }
    };
    let shorter = a.len().min(b.len());
    if shorter >= 8 {
        score += 0.1;
    } else if shorter >= 6 {
        score += 0.05;
    }
    if a.first() != b.first() {
        score -= 0.15;
    }
    score
}

/// Whether `a` and `b` are two forms of one word: they differ only in a last letter that is an
/// "s" in one of them (a plural), or the longer adds "n" to a final "a" (a place's adjective:
/// Korea, Korean).
fn inflected(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let stem = short.len().min(long.len() - 1);
    let plural = short[..stem] == long[..stem]
        && (long.last() == Some(&b's') || short.last() == Some(&b's'))
        && long.len() - stem == 1;
    let adjective = long.len() == short.len() + 1
        && long.starts_with(short)
        && short.last() == Some(&b'a')
        && long.last() == Some(&b'n');
    plural || adjective
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The slip that turns `a` into `b`, if exactly one does. An ending is no slip: a word and its
/// plural or another of its forms differ in the last letter ("Paralympic" / "Paralympics",
/// "Korean" / "Koreas").
pub fn slip(a: &[u8], b: &[u8]) -> Option<Slip> {
    if a == b || !one_edit_apart(a, b) || inflected(a, b) {
        return None;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() == long.len() {
        let at = short.iter().zip(long).position(|(x, y)| x != y)?;
        let swapped = at + 1 < short.len()
            && short[at] == long[at + 1]
            && short[at + 1] == long[at]
            && short[at + 2..] == long[at + 2..];
        return Some(if swapped {
            Slip::Swapped
        } else {
            Slip::Replaced
        });
    }
    // the extra letter of the longer word, at the first place the two differ
    let at = short
        .iter()
        .zip(long)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    let extra = long[at];
    let doubles = (at > 0 && long[at - 1] == extra) || long.get(at + 1) == Some(&extra);
    Some(if doubles {
        Slip::Doubled
    } else {
        Slip::Dropped
    })
}

/// Whether one substitution, insertion, deletion or transposition turns `a` into `b` (a linear
/// check that spares a full edit distance on the many pairs that are far apart).
pub fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let (ra, rb) = (&short[prefix..], &long[prefix..]);
        // substitution, or transposition of two neighbours
        ra[1.min(ra.len())..] == rb[1.min(rb.len())..]
            || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Vowel clusters in `word`'s sound key: its syllables, roughly.
fn syllables(word: &str) -> usize {
    sound::sound_key(word).matches('V').count()
}

fn is_japanese(word: &str) -> bool {
    pinyin::systems(word) & system::JAPANESE != 0
}

/// `word` with Japanese long vowels written short: ou, oo, oh (before a consonant or the end) → o,
/// uu → u (Satou, Satoh → Sato; Yuuki → Yuki).
fn long_vowels_folded(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        out.push(c as char);
        let next = bytes.get(i + 1).copied();
        let after = bytes.get(i + 2).copied();
        let long = match (c, next) {
            (b'o', Some(b'u' | b'o')) | (b'u', Some(b'u')) => true,
            (b'o', Some(b'h')) => {
                after.is_none_or(|a| !matches!(a, b'a' | b'e' | b'i' | b'o' | b'u'))
            }
            _ => false,
        };
        i += if long { 2 } else { 1 };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(a: &str, b: &str) -> f32 {
        compare(a, b).map_or(0.0, |s| s.score)
    }

    #[test]
    fn romanisations_of_one_surname_are_close() {
        assert_eq!(
            compare("tseng", "zeng").map(|s| s.likeness),
            Some(Likeness::Romanisation)
        );
        assert_eq!(
            compare("liou", "liu").map(|s| s.likeness),
            Some(Likeness::Romanisation)
        );
        assert_eq!(
            compare("hsu", "xu").map(|s| s.likeness),
            Some(Likeness::Romanisation)
        );
    }

    #[test]
    fn japanese_long_vowels() {
        assert_eq!(
            compare("satou", "sato").map(|s| s.likeness),
            Some(Likeness::LongVowel)
        );
        assert_eq!(
            compare("satoh", "sato").map(|s| s.likeness),
            Some(Likeness::LongVowel)
        );
        assert_ne!(
            compare("saito", "sato").map(|s| s.likeness),
            Some(Likeness::LongVowel)
        );
    }

    #[test]
    fn sound_alikes() {
        assert!(score("leann", "liang") >= 0.75);
        assert!(score("lean", "liang") >= 0.75);
        assert!(score("shue", "xue") >= 0.75);
        assert!(score("zheng", "zeng") >= 0.9);
        assert!(score("xu", "xue") >= 0.9);
        assert!(score("ma", "mao") >= 0.9);
        assert!(score("joe", "zhou") >= 0.75);
        assert!(score("shoo", "xu") >= 0.75);
    }

    #[test]
    fn typing_slips_by_kind() {
        assert_eq!(slip(b"mnuchhin", b"mnuchin"), Some(Slip::Doubled));
        assert_eq!(slip(b"vardy", b"vaardy"), Some(Slip::Doubled));
        assert_eq!(slip(b"kudolw", b"kudlow"), Some(Slip::Swapped));
        assert_eq!(slip(b"welbck", b"welbeck"), Some(Slip::Dropped));
        assert_eq!(slip(b"herburt", b"herbert"), Some(Slip::Replaced));
        assert_eq!(slip(b"herbert", b"herbert"), None);
        assert_eq!(slip(b"herbert", b"hubert"), None);
        assert_eq!(slip(b"paralympic", b"paralympics"), None);
        assert_eq!(slip(b"korean", b"koreas"), None);
        assert_eq!(slip(b"korea", b"korean"), None);
        assert_eq!(slip(b"vardy", b"vards"), None);
        // a long word, a swap: nearly certain; a short word, a new first letter: weak
        assert!(score("karadshian", "kardashian") >= 0.9);
        assert!(score("welbck", "welbeck") >= 0.8);
        assert!(score("mnuhin", "mnuchin") > score("kelpey", "kelley"));
        assert!(score("hardy", "vardy") < 0.6);
    }

    #[test]
    fn single_edits() {
        assert!(one_edit_apart(b"shayibak", b"shayibake"));
        assert!(one_edit_apart(b"abcd", b"abdc"));
        assert!(one_edit_apart(b"abcd", b"abxd"));
        assert!(!one_edit_apart(b"abcd", b"axyd"));
        assert!(!one_edit_apart(b"ab", b"abcd"));
    }

    #[test]
    fn unrelated_names_are_not_compared() {
        assert_eq!(score("liang", "liang"), 0.0);
        assert_eq!(score("wang", "zhao"), 0.0);
        assert_eq!(score("durov", "chen"), 0.0);
        assert_eq!(score("liang", "wenfeng"), 0.0);
    }
}
