//! How alike two spellings of a name are, in letters and in sound.
//!
//! Machine translation garbles names in two ways: by letters (a dropped or doubled letter,
//! "Fudang", "Zhejang") and by romanisation (the same sound written in another system: pinyin
//! "Qinghua" for the established "Tsinghua", "Z Jiang" for "Zhejiang"). [`distance`] counts both:
//! it is the smaller of the plain edit distance and the edit distance between romanisation keys
//! ([`romanised_key`]) plus a half, so a pure change of romanisation costs half an edit.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Edit distance between two joined names (insertions, deletions, substitutions and swaps of
/// neighbouring letters: "Sichaun"), counting a change of romanisation as half an edit.
pub fn distance(a: &str, b: &str) -> f32 {
    let plain = strsim::osa_distance(a, b) as f32;
    if plain <= 0.5 {
        return plain;
    }
    let (ka, kb) = (romanised_key(a), romanised_key(b));
    plain.min(strsim::osa_distance(&ka, &kb) as f32 + 0.5)
}

/// Spelling similarity from 0 to 1: one minus the distance over the longer length.
pub fn similarity(a: &str, b: &str) -> f32 {
    let len = a.chars().count().max(b.chars().count()).max(1) as f32;
    (1.0 - distance(a, b) / len).max(0.0)
}

/// The letters without their diacritics ("Bihār" → "Bihar", "Tromsø" stays): a name written with
/// or without its accents is the same name.
pub fn fold_accents(word: &str) -> String {
    word.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// The word with pinyin's retroflex initials made plain ("zh", "ch", "sh" → "z", "c", "s"): the
/// one confusion that turns a pinyin name into another valid pinyin word ("Shenzen", "Hangzou").
pub fn retroflex_key(word: &str) -> String {
    word.replace("zh", "z")
        .replace("ch", "c")
        .replace("sh", "s")
}

/// A key under which the common romanisations of one Chinese sound coincide: the affricates
/// (pinyin z, zh, c, ch, j, q; Wade-Giles and postal ts, tz, ch) become `C`, the sibilants (s, sh,
/// x, hs) become `S`, and "oo" becomes "u" ("Soochow"/"Suzhou"). Lowercase input.
pub fn romanised_key(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut key = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let starts = |p: &str| p.chars().enumerate().all(|(j, c)| rest.get(j) == Some(&c));
        let (out, skip) = if starts("tsz") {
            ('C', 3)
        } else if starts("ts") || starts("tz") || starts("zh") || starts("ch") {
            ('C', 2)
        } else if starts("sh") || starts("hs") {
            ('S', 2)
        } else if starts("oo") {
            ('u', 2)
        } else {
            match rest[0] {
                'z' | 'c' | 'j' | 'q' => ('C', 1),
                's' | 'x' => ('S', 1),
                'ü' | 'v' => ('u', 1),
                c => (c, 1),
            }
        };
        key.push(out);
        i += skip;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisations_share_a_key() {
        assert_eq!(romanised_key("qinghua"), romanised_key("tsinghua"));
        assert_eq!(romanised_key("hsinchu"), romanised_key("xinzhu"));
        assert_eq!(romanised_key("soochow"), "SuCow");
        assert_eq!(distance("qinghua", "tsinghua"), 0.5);
        assert_eq!(distance("zjiang", "zhejiang"), 1.5);
        assert_eq!(distance("fudang", "fudan"), 1.0);
    }
}
