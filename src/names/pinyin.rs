//! The syllable model: does a name word split into the syllables of one romanisation system?
//!
//! Hanyu Pinyin has about 410 toneless syllables; a romanised Chinese name is a string of them
//! ("Wenfeng" = wen·feng, "Xi'an" = xi·an). The other systems in `romanization_other.tsv`
//! (Wade-Giles, Cantonese, Hokkien, Korean, Japanese, Vietnamese, established forms) are modelled
//! the same way from their own syllables. A word is *valid* when one system spells all of it: a
//! word built from syllables of two systems ("Tingryu" = Wade-Giles ting + Japanese ryu) is a
//! garble, not a romanisation. Segmentation is a small dynamic programme over the letters, linear
//! in the word for a fixed longest syllable.

use super::lists::{lists, system};
use crate::lexicon::lexicon;

/// The longest syllable or form tried at one position (pinyin's longest is six letters; the
/// established whole-word forms are longer and are checked as whole words).
const MAX_PIECE: usize = 6;

/// Splits `word` (lowercase letters, as from [`super::normalize::part_key`]) into pinyin
/// syllables, preferring the fewest ("xian" is one syllable, not xi·an). `None` when it does not
/// split.
pub fn pinyin_syllables(word: &str) -> Option<Vec<&str>> {
    if word.is_empty() || !word.is_ascii() {
        return None;
    }
    let bytes = word.as_bytes();
    let n = bytes.len();
    // best[i] = (syllables needed to spell word[..i], where the last syllable starts)
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in end.saturating_sub(MAX_PIECE)..end {
            let Some((count, _)) = best[start] else {
                continue;
            };
            if lexicon().is_pinyin_syllable(&word[start..end])
                && best[end].is_none_or(|(c, _)| count + 1 < c)
            {
                best[end] = Some((count + 1, start));
            }
        }
    }
    best[n]?;
    let mut out = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        out.push(&word[start..end]);
        end = start;
    }
    out.reverse();
    Some(out)
}

pub use crate::lexicon::is_pinyin;

/// The fewest letters of `word` left over when as much of it as possible is read as pinyin
/// syllables: 0 for valid pinyin, 1 for "tingryu" (ting·r·yu), more for words that are not
/// pinyin-like at all.
pub fn garble_cost(word: &str) -> usize {
    if !word.is_ascii() {
        return word.chars().count();
    }
    let n = word.len();
    let mut cost = vec![usize::MAX; n + 1];
    cost[0] = 0;
    for end in 1..=n {
        // a stray letter
        cost[end] = cost[end - 1].saturating_add(1);
        for start in end.saturating_sub(MAX_PIECE)..end {
            if cost[start] < cost[end] && lexicon().is_pinyin_syllable(&word[start..end]) {
                cost[end] = cost[start];
            }
        }
    }
    cost[n]
}

/// The systems (a mask of [`system`] bits) that spell all of `word`, a lowercase form that may
/// hold hyphens ("ka-shing"). A hyphenated word is valid as a whole established form or when one
/// system spells every piece.
pub fn systems(word: &str) -> u8 {
    if word.is_empty() {
        return 0;
    }
    let whole = lists().systems_of_form(word) & system::ESTABLISHED;
    let mut common = u8::MAX;
    for piece in word.split('-') {
        common &= piece_systems(piece);
        if common == 0 {
            break;
        }
    }
    whole | common
}

/// Whether some system spells `word` (see [`systems`]).
pub fn is_valid_romanisation(word: &str) -> bool {
    systems(word) != 0
}

/// The systems that spell the unhyphenated `word`.
fn piece_systems(word: &str) -> u8 {
    if word.is_empty() {
        return 0;
    }
    let mut mask = lists().systems_of_form(word);
    if word == "n" {
        // the Japanese moraic nasal is never a word by itself
        mask &= !system::JAPANESE;
    }
    if is_pinyin(word) {
        mask |= system::PINYIN;
    }
    if !word.is_ascii() {
        return mask;
    }
    for sys in system::SYLLABIC {
        if mask & sys == 0 && spells(word, sys) {
            mask |= sys;
        }
    }
    mask
}

/// Whether `word` splits into syllables of `sys` (established forms may join any system's
/// syllables: they include Taiwan and Malaysian syllable spellings).
fn spells(word: &str, sys: u8) -> bool {
    let bytes = word.as_bytes();
    let n = bytes.len();
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for end in 1..=n {
        for start in end.saturating_sub(MAX_PIECE)..end {
            if reach[start] && is_piece(word, start, end, sys) {
                reach[end] = true;
                break;
            }
        }
    }
    reach[n]
}

fn is_piece(word: &str, start: usize, end: usize, sys: u8) -> bool {
    let piece = &word[start..end];
    if sys == system::PINYIN {
        return lexicon().is_pinyin_syllable(piece);
    }
    let forms = lists().systems_of_form(piece);
    if forms & (sys | system::ESTABLISHED) == 0 {
        return false;
    }
    // Japanese moraic n only follows a vowel inside a word (Ken·ji, not a word by itself).
    if sys == system::JAPANESE
        && piece == "n"
        && forms & !system::JAPANESE & (sys | system::ESTABLISHED) == 0
    {
        return start > 0 && matches!(word.as_bytes()[start - 1], b'a' | b'e' | b'i' | b'o' | b'u');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_pinyin_into_fewest_syllables() {
        assert_eq!(pinyin_syllables("wenfeng"), Some(vec!["wen", "feng"]));
        assert_eq!(pinyin_syllables("xian"), Some(vec!["xian"]));
        assert_eq!(pinyin_syllables("siyi"), Some(vec!["si", "yi"]));
        assert_eq!(pinyin_syllables("yiran"), Some(vec!["yi", "ran"]));
        assert_eq!(pinyin_syllables("tingryu"), None);
        assert_eq!(pinyin_syllables(""), None);
        assert_eq!(pinyin_syllables("zhōu"), None);
    }

    #[test]
    fn garble_cost_counts_stray_letters() {
        assert_eq!(garble_cost("jinping"), 0);
        assert_eq!(garble_cost("tingryu"), 1);
        assert!(garble_cost("macropolo") >= 2);
    }

    #[test]
    fn words_valid_in_one_system() {
        assert_ne!(systems("jinping") & system::PINYIN, 0);
        assert_ne!(systems("tsinghua") & system::ESTABLISHED, 0);
        assert_ne!(systems("peking"), 0);
        assert_ne!(systems("hsueh") & system::WADE_GILES, 0);
        assert_ne!(systems("kenji") & system::JAPANESE, 0);
        assert_ne!(systems("tanaka") & system::JAPANESE, 0);
        assert_ne!(systems("min-jun") & system::KOREAN, 0);
        assert_ne!(systems("ji-hoon") & system::KOREAN, 0);
        assert_ne!(systems("ka-shing"), 0);
        assert_ne!(systems("nguyen") & system::VIETNAMESE, 0);
    }

    #[test]
    fn garbles_mix_systems() {
        assert_eq!(systems("tingryu"), 0);
        assert_eq!(systems("zjiang"), 0);
        assert_eq!(systems("leann"), 0);
        // a Japanese n cannot stand alone or start a word
        assert_eq!(systems("n"), 0);
    }
}
