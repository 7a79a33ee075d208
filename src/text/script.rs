//! Writing systems: which script a character belongs to, and which foreign letters look like Latin
//! ones.
//!
//! The script of a character comes from the Unicode Script property (the `unicode-script` crate),
//! so every block of every writing system is covered without hand-kept ranges. Digits,
//! punctuation, spaces and symbols are `Common` (or `Inherited`, for combining marks) and belong to
//! no writing system: they may stand inside a run of any script.
//!
//! The look-alike table lists only letters that are drawn the same as a Latin letter in ordinary
//! fonts (Cyrillic `о`, Greek capital `Ο`): those are the letters a keyboard layout or an OCR or
//! MT pipeline slips into a Latin word without anyone seeing it. Greek lowercase letters that only
//! resemble Latin ones (`κ`, `ν`, `α`) are left out: science writes them on purpose (NF-κB, νe).

use unicode_script::{Script, UnicodeScript};

/// The writing system of `c`.
pub fn script(c: char) -> Script {
    c.script()
}

/// Whether `c` belongs to no particular writing system (digits, punctuation, spaces, symbols,
/// combining marks).
pub fn is_neutral(c: char) -> bool {
    matches!(
        c.script(),
        Script::Common | Script::Inherited | Script::Unknown
    )
}

/// A Latin letter (with or without diacritics).
pub fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic() && c.script() == Script::Latin
}

/// A letter, syllable or ideograph of a writing system other than Latin.
pub fn is_foreign_letter(c: char) -> bool {
    c.is_alphabetic() && !is_neutral(c) && c.script() != Script::Latin
}

/// Chinese, Japanese or Korean writing: Han ideographs, kana, hangul, bopomofo.
pub fn is_cjk(c: char) -> bool {
    matches!(
        c.script(),
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo
    )
}

/// A Han character (Chinese hanzi, Japanese kanji, Korean hanja) that is part of a word: an
/// ideograph of any CJK block (extension A to H, compatibility ideographs), the iteration mark 々
/// and the number zero 〇; not the radicals, which stand alone.
pub fn is_han(c: char) -> bool {
    c.is_alphanumeric() && c.script() == Script::Han
}

/// A letter of Japanese kana (full- or half-width), with the prolonged sound mark ー that
/// hiragana and katakana share (its Script is Common; its Script_Extensions are both kana).
pub fn is_kana(c: char) -> bool {
    // Common and Inherited characters have the extension "every script": not kana.
    let scripts = c.script_extension();
    c.is_alphanumeric()
        && !scripts.is_common()
        && !scripts.is_inherited()
        && (scripts.contains_script(Script::Hiragana) || scripts.contains_script(Script::Katakana))
}

/// A letter of Chinese, Japanese or Korean words: Han, kana, hangul or bopomofo.
pub fn is_cjk_letter(c: char) -> bool {
    c.is_alphanumeric() && (is_cjk(c) || is_kana(c))
}

/// Punctuation from East Asian typography: the CJK symbols block and the full-width forms that are
/// not letters or digits (`，。：（）「」`). It belongs with the CJK text beside it.
pub fn is_fullwidth_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x30FB | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// A readable name for a script, for messages.
pub fn script_name(script: Script) -> &'static str {
    match script {
        Script::Han => "Chinese",
        Script::Hiragana | Script::Katakana => "Japanese",
        Script::Hangul => "Korean",
        other => other.full_name(),
    }
}

/// The Latin letter that a Cyrillic or Greek letter is drawn as, when the two look the same.
pub fn latin_lookalike(c: char) -> Option<char> {
    let latin = match c {
        // Cyrillic capitals
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'Ѕ' => 'S',
        'І' => 'I',
        'Ј' => 'J',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'Ү' => 'Y',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        // Cyrillic small letters
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'ѕ' => 's',
        'і' => 'i',
        'ј' => 'j',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        // Greek capitals
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        // Greek small omicron: the only Greek small letter drawn exactly like a Latin one
        'ο' => 'o',
        _ => return None,
    };
    Some(latin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_letters() {
        assert!(is_latin_letter('é'));
        assert!(is_foreign_letter('梁'));
        assert!(is_foreign_letter('М'));
        assert!(is_foreign_letter('ش'));
        assert!(!is_foreign_letter('1'));
        assert!(!is_foreign_letter('，'));
        assert!(is_neutral('，'));
        assert!(is_cjk('한') && is_cjk('の') && is_cjk('中'));
        assert!(is_fullwidth_punctuation('。') && !is_fullwidth_punctuation('Ａ'));
    }

    #[test]
    fn cjk_letters_are_the_letters_of_words() {
        for c in ['中', '\u{30000}', 'の', 'カ', 'ー', 'ｶ', '한', 'ㄅ'] {
            assert!(is_cjk_letter(c), "{c}");
        }
        for c in ['。', '，', '・', 'a', '1', 'Ж'] {
            assert!(!is_cjk_letter(c), "{c}");
        }
        assert!(is_kana('ー') && is_kana('の') && !is_kana('中') && !is_kana('、'));
    }

    #[test]
    fn lookalikes_are_letters_that_look_the_same() {
        assert_eq!(latin_lookalike('М'), Some('M'));
        assert_eq!(latin_lookalike('о'), Some('o'));
        assert_eq!(latin_lookalike('Ο'), Some('O'));
        assert_eq!(latin_lookalike('κ'), None);
        assert_eq!(latin_lookalike('ж'), None);
        assert_eq!(latin_lookalike('o'), None);
    }

    #[test]
    fn names_scripts() {
        assert_eq!(script_name(script('梁')), "Chinese");
        assert_eq!(script_name(script('の')), "Japanese");
        assert_eq!(script_name(script('Ж')), "Cyrillic");
    }
}
