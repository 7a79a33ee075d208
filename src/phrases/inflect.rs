//! English inflection for the phrase tables: every form a `word+` token stands for, which of them
//! a text word is, and how to put a correction word into the same form.
//!
//! Expansion over-generates on purpose (both "stoped" and "stopped"): a form nobody writes costs
//! nothing in the automaton, a missing one costs a miss. Re-inflection, which writes text, is
//! conservative: irregular verbs come from `wordlists/irregular_verbs.tsv`, regular ones follow the
//! spelling rules, and consonant doubling is applied only to one-syllable words.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::tsv;

/// The forms of one irregular verb.
#[derive(Debug, Clone)]
pub struct Irregular {
    pub past: Vec<&'static str>,
    pub participle: Vec<&'static str>,
    pub third: &'static str,
    pub ing: &'static str,
}

/// Irregular verbs by base form.
pub fn irregular_verbs() -> &'static HashMap<&'static str, Irregular> {
    static VERBS: OnceLock<HashMap<&'static str, Irregular>> = OnceLock::new();
    VERBS.get_or_init(|| {
        tsv::rows(crate::lexicon::WordList::IrregularVerbs.text())
            .map(|row| {
                let verb = Irregular {
                    past: row.list(1).collect(),
                    participle: row.list(2).collect(),
                    third: row.get(3),
                    ing: row.get(4),
                };
                (row.get(0), verb)
            })
            .collect()
    })
}

/// Irregular noun plurals (the nouns of the phrase tables and common ones).
const NOUN_PLURALS: &[(&str, &str)] = &[
    ("calf", "calves"),
    ("child", "children"),
    ("fish", "fish"),
    ("foot", "feet"),
    ("goose", "geese"),
    ("half", "halves"),
    ("knife", "knives"),
    ("leaf", "leaves"),
    ("life", "lives"),
    ("man", "men"),
    ("mouse", "mice"),
    ("ox", "oxen"),
    ("person", "people"),
    ("sheep", "sheep"),
    ("shelf", "shelves"),
    ("thief", "thieves"),
    ("tooth", "teeth"),
    ("wife", "wives"),
    ("wolf", "wolves"),
    ("woman", "women"),
];

/// Which inflection a word is, relative to its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    /// Third person singular or noun plural.
    S,
    Ing,
    Past,
    Participle,
    /// A form that is both past and participle ("launched"); context decides.
    PastOrParticiple,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn ends_consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// One vowel letter followed by one final consonant other than w, x, y: "stop", "tip", "plan".
fn ends_cvc(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn one_syllable(word: &str) -> bool {
    let b = word.as_bytes();
    let mut groups = 0;
    let mut prev = false;
    for &c in b {
        let v = is_vowel(c) || c == b'y';
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    groups <= 1
}

fn s_form(word: &str) -> String {
    if ends_consonant_y(word) {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

fn ed_form(word: &str) -> String {
    if word.ends_with('e') {
        format!("{word}d")
    } else if ends_consonant_y(word) {
        format!("{}ied", &word[..word.len() - 1])
    } else if ends_cvc(word) && one_syllable(word) {
        format!("{word}{}ed", &word[word.len() - 1..])
    } else {
        format!("{word}ed")
    }
}

fn ing_form(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ie") {
        format!("{stem}ying")
    } else if word.ends_with('e')
        && !["ee", "oe", "ye"].iter().any(|e| word.ends_with(e))
        && word.len() > 2
    {
        format!("{}ing", &word[..word.len() - 1])
    } else if ends_cvc(word) && one_syllable(word) {
        format!("{word}{}ing", &word[word.len() - 1..])
    } else {
        format!("{word}ing")
    }
}

/// Every form `word+` matches: verb base, -s, past, participle, -ing, noun plural. Lowercase in,
/// lowercase out; over-generates spelling variants.
pub fn expansions(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    let mut add = |f: String| {
        if !forms.contains(&f) {
            forms.push(f);
        }
    };
    let irregular = irregular_verbs().get(word);
    if let Some(v) = irregular {
        v.past
            .iter()
            .chain(&v.participle)
            .chain([&v.third, &v.ing])
            .for_each(|f| add(f.to_string()));
    }
    if word == "be" {
        add("am".into());
        add("are".into());
    }
    // -s, -es, -ies
    if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        add(format!("{word}es"));
    }
    if ends_consonant_y(word) {
        add(format!("{}ies", &word[..word.len() - 1]));
    } else {
        add(format!("{word}s"));
    }
    if let Some((_, plural)) = NOUN_PLURALS.iter().find(|(s, _)| *s == word) {
        add(plural.to_string());
    }
    if let Some(stem) = word.strip_suffix("fe").or_else(|| word.strip_suffix('f')) {
        if stem.as_bytes().last().is_some_and(|&c| !is_vowel(c)) {
            add(format!("{stem}ves"));
        }
    }
    if irregular.is_none() {
        if word.ends_with('e') {
            add(format!("{word}d"));
        } else if ends_consonant_y(word) {
            add(format!("{}ied", &word[..word.len() - 1]));
        } else if let Some(last) = word.chars().last() {
            add(format!("{word}ed"));
            add(format!("{word}{last}ed"));
        }
        if word.ends_with('c') {
            add(format!("{word}ked"));
        }
    }
    if let Some(stem) = word.strip_suffix("ie") {
        add(format!("{stem}ying"));
    } else if word.ends_with('e') && !["ee", "oe", "ye"].iter().any(|e| word.ends_with(e)) {
        add(format!("{}ing", &word[..word.len() - 1]));
    } else if let Some(last) = word.chars().last() {
        add(format!("{word}ing"));
        add(format!("{word}{last}ing"));
    }
    if word.ends_with('c') {
        add(format!("{word}king"));
    }
    forms
}

/// Which form of `base` the lowercase word `word` is, if it is one.
pub fn form_of(base: &str, word: &str) -> Option<Form> {
    if word == base {
        return Some(Form::Base);
    }
    if let Some(v) = irregular_verbs().get(base) {
        if word == v.third {
            return Some(Form::S);
        }
        if word == v.ing {
            return Some(Form::Ing);
        }
        let past = v.past.contains(&word);
        let participle = v.participle.contains(&word);
        match (past, participle) {
            (true, true) => return Some(Form::PastOrParticiple),
            (true, false) => return Some(Form::Past),
            (false, true) => return Some(Form::Participle),
            _ => {}
        }
        if base == "be" && matches!(word, "am" | "are") {
            return Some(Form::Base);
        }
    }
    if word.ends_with("ing") {
        return Some(Form::Ing);
    }
    if word.ends_with("ed") {
        return Some(Form::PastOrParticiple);
    }
    if word.ends_with('s')
        || NOUN_PLURALS.iter().any(|(s, p)| *s == base && *p == word)
        || word.ends_with("ves")
    {
        return Some(Form::S);
    }
    None
}

/// `base` (a verb or noun) put into `form`. Unknown forms give the base.
pub fn inflect(base: &str, form: Form) -> String {
    let irregular = irregular_verbs().get(base);
    match form {
        Form::Base => base.to_string(),
        Form::S => match irregular {
            Some(v) if !v.third.is_empty() => v.third.to_string(),
            _ => s_form(base),
        },
        Form::Ing => match irregular {
            Some(v) if !v.ing.is_empty() => v.ing.to_string(),
            _ => ing_form(base),
        },
        Form::Past | Form::PastOrParticiple => match irregular.and_then(|v| v.past.first()) {
            Some(p) => p.to_string(),
            None => ed_form(base),
        },
        Form::Participle => match irregular.and_then(|v| v.participle.first()) {
            Some(p) => p.to_string(),
            None => ed_form(base),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_regular_and_irregular_forms() {
        let launch = expansions("launch");
        for f in ["launch", "launches", "launched", "launching"] {
            assert!(launch.contains(&f.to_string()), "{f}");
        }
        let hold = expansions("hold");
        for f in ["holds", "held", "holding"] {
            assert!(hold.contains(&f.to_string()), "{f}");
        }
        assert!(expansions("monkey").contains(&"monkeys".to_string()));
        assert!(expansions("story").contains(&"stories".to_string()));
        assert!(expansions("be").contains(&"was".to_string()));
        assert!(expansions("ox").contains(&"oxen".to_string()));
    }

    #[test]
    fn reinflects_in_the_matched_form() {
        assert_eq!(
            inflect("stifle", form_of("hold", "holding").unwrap()),
            "stifling"
        );
        assert_eq!(
            inflect("crack", form_of("launch", "launched").unwrap()),
            "cracked"
        );
        assert_eq!(
            inflect("give", form_of("accept", "accepts").unwrap()),
            "gives"
        );
        assert_eq!(inflect("give", Form::Participle), "given");
        assert_eq!(inflect("tip", Form::Past), "tipped");
        assert_eq!(inflect("spark", Form::Ing), "sparking");
        assert_eq!(inflect("lie", Form::Ing), "lying");
        assert_eq!(inflect("honour", Form::Past), "honoured");
        assert_eq!(inflect("identify", Form::S), "identifies");
        assert_eq!(form_of("hold", "held"), Some(Form::PastOrParticiple));
        assert_eq!(form_of("give", "gave"), Some(Form::Past));
    }
}
