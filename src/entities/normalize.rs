//! The lookup key of an entity name. This file is also compiled into build.rs (by path), so the
//! keys in the embedded index and the keys computed at run time can never differ.

/// Case-folds, drops a leading "the", unifies apostrophes and dashes, collapses whitespace, and
/// spells "-isation" as "-ization": "The University of Hong Kong" and "university  of Hong Kong"
/// share the key "university of hong kong"; "Xi’an" and "Xi'an" share "xi'an"; "World Health
/// Organisation" is the World Health Organization.
pub fn entity_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        let c = match c {
            '’' | '‘' | '`' | '´' | 'ʼ' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' | '―' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !key.is_empty();
            continue;
        }
        if space {
            key.push(' ');
            space = false;
        }
        key.extend(c.to_lowercase());
    }
    if key.contains("isation") {
        key = key.replace("isation", "ization");
    }
    match key.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => key,
    }
}

/// Words that say what kind of body an institution is. Near-miss search compares what comes
/// besides them ("Tsinghua" in "Tsinghua University") and checks them separately, so that
/// "Sydney Institute of Technology" can find "University of Technology Sydney".
pub const INSTITUTION_HEADS: &[&str] = &[
    "academy",
    "college",
    "institute",
    "polytechnic",
    "university",
];

/// Words that say what kind of division a place is ("Zhejiang Province", "Xinjiang Uyghur
/// Autonomous Region", "Kansas City").
pub const PLACE_HEADS: &[&str] = &[
    "administrative",
    "autonomous",
    "city",
    "municipality",
    "prefecture",
    "province",
    "region",
    "sar",
    "special",
];

/// Words that carry no identity in a name ("University *of* Hong Kong").
pub const FUNCTION_WORDS: &[&str] = &[
    "&", "am", "and", "at", "de", "del", "der", "des", "di", "du", "for", "in", "la", "le", "of",
    "on", "the", "und", "upon",
];

/// Which head words a kind of entity drops from its names before comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadClass {
    Institution,
    Place,
    /// Companies, organisations, people: every word counts.
    Bare,
}

impl HeadClass {
    /// The class of an entity type as written in the lists.
    pub fn of_type(kind: &str) -> HeadClass {
        match kind {
            "university" | "institute" => HeadClass::Institution,
            "country" | "region" | "city" | "place" => HeadClass::Place,
            _ => HeadClass::Bare,
        }
    }

    /// The letter that prefixes this class's keys in the bigram index, which is partitioned by
    /// class so that a university name is never compared with every city.
    pub fn letter(self) -> char {
        match self {
            HeadClass::Institution => 'I',
            HeadClass::Place => 'P',
            HeadClass::Bare => 'B',
        }
    }

    pub fn heads(self) -> &'static [&'static str] {
        match self {
            HeadClass::Institution => INSTITUTION_HEADS,
            HeadClass::Place => PLACE_HEADS,
            HeadClass::Bare => &[],
        }
    }
}

/// The identifying words of a lookup key: neither function words nor the class's head words,
/// with dots, apostrophes and dashes taken out ("sun yat-sen university" → "sun", "yatsen").
pub fn content_words(key: &str, class: HeadClass) -> impl Iterator<Item = String> + '_ {
    key.split([' ', '-'])
        .filter(move |w| !w.is_empty() && !FUNCTION_WORDS.contains(w) && !class.heads().contains(w))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

/// The identifying words run together: what spelling similarity compares, so that a name split or
/// joined differently ("Z Jiang" / "Zhejiang", "Deep Seek" / "DeepSeek") still lines up.
pub fn joined_content(key: &str, class: HeadClass) -> String {
    content_words(key, class).collect()
}

/// The identifying words sorted: equal for the same words in any order ("sydney technology" for
/// both "University of Technology Sydney" and "Sydney Institute of Technology").
pub fn bag_key(key: &str, class: HeadClass) -> String {
    let mut words: Vec<String> = content_words(key, class).collect();
    words.sort();
    words.join(" ")
}

/// The character bigrams of a joined name, with `^` and `$` marking its ends, deduplicated and
/// sorted: the blocking keys of near-miss search.
pub fn bigrams(joined: &str) -> Vec<String> {
    let chars: Vec<char> = std::iter::once('^')
        .chain(joined.chars())
        .chain(std::iter::once('$'))
        .collect();
    let mut grams: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    grams.sort();
    grams.dedup();
    grams
}
