//! The pattern syntax of the phrase tables (`tools/phrasing/README.md`): literal words, `word+`
//! for any inflection, the closed slots `<poss>`, `<det>`, `<obj>`, the open slot `<any>` (one
//! word), and `<list>` / `<clause>`, whose reach is decided by the matcher (see [`super`]).

use super::inflect;

/// A placeholder in a pattern or correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Poss,
    Det,
    Obj,
    Any,
    List,
    Clause,
}

impl Slot {
    fn parse(token: &str) -> Option<Slot> {
        Some(match token {
            "<poss>" => Slot::Poss,
            "<det>" => Slot::Det,
            "<obj>" => Slot::Obj,
            "<any>" => Slot::Any,
            "<list>" => Slot::List,
            "<clause>" => Slot::Clause,
            _ => return None,
        })
    }

    /// The words a closed slot stands for; `None` for the open ones.
    pub fn words(self) -> Option<&'static [&'static str]> {
        match self {
            Slot::Poss => Some(&["my", "your", "his", "her", "its", "our", "their"]),
            Slot::Det => Some(&["a", "an", "the", "this", "that", "these", "those"]),
            Slot::Obj => Some(&["me", "you", "him", "her", "it", "us", "them"]),
            Slot::Any | Slot::List | Slot::Clause => None,
        }
    }
}

/// One token of a pattern or a correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A literal word. In patterns it is lowercase; in corrections it keeps its spelling and may
    /// carry punctuation ("WeChat", "cause,").
    Word(String),
    /// `word+`: any inflection in a pattern; the first pattern inflection's form in a correction.
    Inflect(String),
    Slot(Slot),
}

/// A parsed pattern or correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub parts: Vec<Part>,
}

impl Pattern {
    /// Parses a pattern cell; `None` when it breaks the syntax (the word-list checks keep the
    /// shipped tables valid, so this only guards against a broken edit).
    pub fn parse(text: &str) -> Option<Pattern> {
        let parts: Vec<Part> = text.split(' ').map(parse_part).collect::<Option<_>>()?;
        let open = |p: &Part| matches!(p, Part::Slot(Slot::Any | Slot::List | Slot::Clause));
        let valid = parts.len() >= 2
            && parts.iter().any(|p| !matches!(p, Part::Slot(_)))
            && !parts.first().is_some_and(open)
            && !parts.last().is_some_and(open);
        valid.then_some(Pattern { parts })
    }

    /// Parses a correction cell: like a pattern, but literal tokens are kept verbatim.
    pub fn parse_correction(text: &str) -> Pattern {
        let parts = text
            .split(' ')
            .filter(|t| !t.is_empty())
            .map(|t| match (Slot::parse(t), t.strip_suffix('+')) {
                (Some(slot), _) => Part::Slot(slot),
                (None, Some(base))
                    if !base.is_empty() && base.chars().all(|c| c.is_ascii_lowercase()) =>
                {
                    Part::Inflect(base.to_string())
                }
                _ => Part::Word(t.to_string()),
            })
            .collect();
        Pattern { parts }
    }

    /// The base of the first `word+` token, whose form a correction copies.
    pub fn first_inflection(&self) -> Option<(usize, &str)> {
        self.parts.iter().enumerate().find_map(|(i, p)| match p {
            Part::Inflect(base) => Some((i, base.as_str())),
            _ => None,
        })
    }

    pub fn has_slot(&self, slot: Slot) -> bool {
        self.parts.contains(&Part::Slot(slot))
    }
}

fn parse_part(token: &str) -> Option<Part> {
    if let Some(slot) = Slot::parse(token) {
        return Some(Part::Slot(slot));
    }
    let (base, inflected) = match token.strip_suffix('+') {
        Some(base) => (base, true),
        None => (token, false),
    };
    let word_like = !base.is_empty()
        && base
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '\'')
        && !base.starts_with('\'')
        && !base.ends_with('\'');
    if !word_like {
        return None;
    }
    Some(if inflected {
        Part::Inflect(base.to_string())
    } else {
        Part::Word(base.to_string())
    })
}

/// The lowercase words a closed part matches; `None` for an open slot.
pub fn alternatives(part: &Part) -> Option<Vec<String>> {
    match part {
        Part::Word(w) => Some(vec![w.clone()]),
        Part::Inflect(base) => Some(inflect::expansions(base)),
        Part::Slot(slot) => slot
            .words()
            .map(|ws| ws.iter().map(|w| w.to_string()).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_syntax() {
        let p = Pattern::parse("hold+ <poss> breath to creativity").unwrap();
        assert_eq!(p.parts[0], Part::Inflect("hold".into()));
        assert_eq!(p.parts[1], Part::Slot(Slot::Poss));
        assert_eq!(p.first_inflection(), Some((0, "hold")));
        assert!(Pattern::parse("<any> word").is_none());
        assert!(Pattern::parse("single").is_none());
        assert!(Pattern::parse("Bad Case").is_none());
        assert!(Pattern::parse("a cat's paw+").is_some());
    }

    #[test]
    fn corrections_keep_their_spelling() {
        let c = Pattern::parse_correction("post+ on WeChat Moments");
        assert_eq!(
            c.parts,
            [
                Part::Inflect("post".into()),
                Part::Word("on".into()),
                Part::Word("WeChat".into()),
                Part::Word("Moments".into())
            ]
        );
    }
}
