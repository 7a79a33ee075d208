//! A coarse sound key for romanised names, used to block candidates before comparing them.
//!
//! Romanisations of one Chinese syllable differ mostly in how they spell the consonant
//! (zh/ch/j/ts/tz, x/sh/hs, k/g, t/d, p/b) and the vowel ("ia"/"ea"/"ie"), and in whether a final
//! nasal is n, nn or ng. The key keeps one class per consonant cluster, one `V` per vowel cluster
//! and an `N` for a syllable-final nasal, so that Liang/Leann/Lean → `LVN`, Zeng/Zheng/Tseng →
//! `CVN`, Xue/Shue/Hsueh → `SV`, Qiu/Chiu → `CV`, Sato/Satou → `SVTV`, Ma/MA → `MV`. Many
//! different names share a key (Lin, Lan and Liang are all `LVN`): the key only decides which
//! pairs are worth scoring, see [`super::similarity`].

/// The sound key with each vowel cluster's class instead of `V`: `F` front (i, e, y, ü), `B`
/// back (o, u, w), `A` open (a), taken from the cluster's first letter. Leann and Liang share
/// `LFN`, Joe and Zhou `CB`; Xu (`SB`) and Xi (`SF`) differ.
pub fn fine_key(word: &str) -> String {
    key(word, true)
}

/// The sound key of a part key (lowercase letters).
pub fn sound_key(word: &str) -> String {
    key(word, false)
}

fn key(word: &str, fine: bool) -> String {
    let bytes = word.as_bytes();
    let mut key = String::with_capacity(8);
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if is_vowel(c) {
            // a vowel cluster; y and w after a vowel are part of it (Chow, Gow, Kay, Dawei)
            while i < bytes.len() && (is_vowel(bytes[i]) || matches!(bytes[i], b'y' | b'w')) {
                i += 1;
            }
            push(&mut key, if fine { vowel_class(c) } else { 'V' });
            // a silent h or r after the vowel at the end of the word, or before a final nasal
            // (Hsueh, Mah, Chern)
            if i < bytes.len()
                && matches!(bytes[i], b'h' | b'r')
                && matches!(&bytes[i + 1..], [] | [b'n'] | [b'n', b'g'] | [b'm'])
            {
                i += 1;
            }
            // a syllable-final nasal: n, nn, ng, m before a consonant or the end
            let rest = &bytes[i..];
            let nasal = match rest {
                [b'n', b'g', tail @ ..] | [b'n', b'n', tail @ ..] => Some((2, tail)),
                [b'n' | b'm', tail @ ..] => Some((1, tail)),
                _ => None,
            };
            if let Some((len, tail)) = nasal {
                if tail.first().is_none_or(|&c| !is_vowel(c)) {
                    push(&mut key, 'N');
                    i += len;
                }
            }
            continue;
        }
        let (class, len) = consonant(&bytes[i..]);
        if let Some(class) = class {
            push(&mut key, class);
        }
        i += len.max(1);
    }
    key
}

fn vowel_class(c: u8) -> char {
    match c {
        b'a' => 'A',
        b'o' | b'u' => 'B',
        _ => 'F',
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'v')
}

/// Appends `class` unless it repeats the previous consonant class (doubled letters).
fn push(key: &mut String, class: char) {
    if !matches!(class, 'V' | 'A' | 'B' | 'F') && key.ends_with(class) {
        return;
    }
    key.push(class);
}

/// The class of the consonant cluster at the start of `rest` and its length in bytes.
fn consonant(rest: &[u8]) -> (Option<char>, usize) {
    const CLUSTERS: &[(&[u8], char)] = &[
        (b"tsh", 'C'),
        (b"ts", 'C'),
        (b"tz", 'C'),
        (b"dz", 'C'),
        (b"zh", 'C'),
        (b"ch", 'C'),
        (b"sh", 'S'),
        (b"hs", 'S'),
        (b"sz", 'S'),
        (b"ph", 'F'),
        (b"th", 'T'),
        (b"kh", 'K'),
        (b"gh", 'K'),
        (b"ck", 'K'),
        (b"ng", 'N'),
        (b"wh", 'W'),
    ];
    for (cluster, class) in CLUSTERS {
        if rest.starts_with(cluster) {
            return (Some(*class), cluster.len());
        }
    }
    let class = match rest[0] {
        b'j' | b'q' | b'z' | b'c' => 'C',
        b'x' | b's' => 'S',
        b'k' | b'g' => 'K',
        b'p' | b'b' => 'P',
        b't' | b'd' => 'T',
        b'f' | b'v' => 'F',
        b'l' | b'r' => 'L',
        b'm' => 'M',
        b'n' => 'N',
        b'h' => 'H',
        b'w' => 'W',
        b'y' => 'Y',
        c if c.is_ascii_alphabetic() => c.to_ascii_uppercase() as char,
        _ => return (None, utf8_len(rest[0])),
    };
    (Some(class), 1)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        sound_key(a) == sound_key(b)
    }

    #[test]
    fn garbles_share_keys_with_their_pinyin() {
        assert_eq!(sound_key("liang"), "LVN");
        assert!(same("liang", "leann"));
        assert!(same("liang", "lean"));
        assert!(same("zeng", "tseng"));
        assert!(same("zeng", "zheng"));
        assert!(same("xue", "shue"));
        assert!(same("xue", "hsueh"));
        assert!(same("xu", "hsu"));
        assert!(same("qiu", "chiu"));
        assert!(same("zhang", "chang"));
        assert!(same("sato", "satou"));
        assert!(same("liu", "liou"));
        assert!(same("chen", "chern"));
        assert!(same("gao", "gow"));
        assert!(same("zhou", "chow"));
    }

    #[test]
    fn fine_keys_keep_the_vowel_class() {
        assert_eq!(fine_key("liang"), fine_key("leann"));
        assert_eq!(fine_key("zhou"), fine_key("joe"));
        assert_eq!(fine_key("xu"), fine_key("shoo"));
        assert_ne!(fine_key("xu"), fine_key("xi"));
        assert_ne!(fine_key("ma"), fine_key("mo"));
    }

    #[test]
    fn different_shapes_have_different_keys() {
        assert!(!same("wang", "wenfeng"));
        assert!(!same("ma", "man"));
        assert!(!same("sato", "tanaka"));
        assert!(!same("durov", "liang"));
    }

    #[test]
    fn keys_of_odd_input() {
        assert_eq!(sound_key(""), "");
        assert_eq!(sound_key("ø"), "");
        assert_eq!(sound_key("a"), "V");
    }
}
