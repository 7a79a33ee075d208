//! Stage 1: mentions. Every run of capitalised words that names something, with the cues around
//! it that tell a person from an organisation or a place.
//!
//! A mention is a maximal run of capitalised word tokens inside one sentence, joined by name
//! particles ("Ursula von der Leyen", "Mohammed bin Salman"), hyphens ("Kim Min-jun",
//! "al-Assad"), initials ("J. K. Rowling") and, inside institution names, by "of", "for" and
//! "and" ("University of Science and Technology of China"). A possessive 's is kept apart so that
//! a correction can be given in the mention's own shape ("Leann's" → "Liang's"). Titles and job
//! titles, leading or inside the run, are dropped from the name and kept as a cue ("Professor Zhou
//! Hang" → "Zhou Hang", "Treasury Secretary Steven Mnuchin" → "Steven Mnuchin"); the place an
//! office is of is a mention of its own ("Party Secretary of Shouguang County").
//!
//! What is not a name: an ordinary English word capitalised only because it starts a sentence
//! or a quotation ("However", "Yes"); such a word counts only when something says it is a name
//! (the next word is capitalised too, a speech verb follows, or the document writes it
//! capitalised mid-sentence elsewhere). Sentences that look like headlines (nearly every word
//! capitalised) are skipped: their capitals say nothing about names. Credit lines, which look
//! like headlines but name a person ("(Reporter Li Wei)"), are read.
//!
//! Some capitalised runs name nobody, whatever cue stands beside them: a weekday or month ("said
//! Sunday"), a group ("House Democrats"), a name after a determiner ("the Golden Boot") or before a
//! role noun ("Golden Boot winner Jamie Vardy"). The cues of such a mention are dropped.
//!
//! A standalone all-capitals word is an acronym ("AI", "US") and is kept apart from the surname it
//! may spell, unless a speech verb makes it a common Chinese surname ("MA said", not "says AI
//! has") or the document writes it as a name elsewhere ("SCHLADOW said" beside "Geoffrey
//! Schladow").

use std::collections::HashSet;
use std::ops::Range;

use super::lists::{Cue, Particle, lists};
use super::normalize::{is_all_caps, part_key, title_case};
use crate::entities::{EntityKind, known_entities};
use crate::lexicon::{is_function_word, lexicon};
use crate::text::document::split_possessive;
use crate::text::{Document, Flags, Token, TokenKind};

/// What a mention names, as far as its cues tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Organisation,
    Place,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Place => "place",
            Kind::Other => "other",
        }
    }
}

bitflags::bitflags! {
    /// Cues found around a mention, as bits.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Cues: u16 {
        /// A title before it: Mr, Professor, President.
        const TITLE = 1;
        /// A role noun right before it: "founder Zeng Yuqun".
        const ROLE_BEFORE = 1 << 1;
        /// A role in apposition after it: "Yiran Chen, professor of ...".
        const APPOSITION = 1 << 2;
        /// An age in apposition: "Shue, 60, thanked".
        const AGE = 1 << 3;
        /// A speech verb next to it: "Ma said", "said Chen Ming", "Tseng has denied".
        const SPEECH = 1 << 4;
        /// "X, who ..."
        const WHO = 1 << 5;
        /// The last word is an organisation head (University, Group).
        const ORG_HEAD = 1 << 6;
        /// The last word is a place head (Province, County).
        const PLACE_HEAD = 1 << 7;
        /// The mention is a known entity (exact or case-folded).
        const KNOWN = 1 << 8;
        /// A preposition of place right before it: "in Hansan", "from Saulieu".
        const LOCATIVE = 1 << 9;
        /// A determiner right before it: "the Tseng building", "the Golden Boot".
        const DETERMINER = 1 << 10;
        /// Alone between quotation marks: a title or a term ("Qiu Daqiang's “Ju”"), not a reference
        /// to someone.
        const QUOTED = 1 << 11;

        /// Cues that introduce a person (a full name is an introduction by itself).
        const INTRODUCTION = Self::TITLE.bits() | Self::ROLE_BEFORE.bits() | Self::APPOSITION.bits();
        /// Cues that say the mention is a person.
        const PERSON = Self::TITLE.bits() | Self::ROLE_BEFORE.bits() | Self::APPOSITION.bits() | Self::AGE.bits() | Self::SPEECH.bits() | Self::WHO.bits();
    }
}

/// One word of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Byte range of the word (hyphenated words are one part: "Min-jun").
    pub range: Range<usize>,
    /// A particle (van, bin, of, Jr) rather than a name word.
    pub particle: bool,
    /// A single letter, written with or without a full stop ("J.", "Z").
    pub initial: bool,
    /// A single letter followed by a full stop.
    pub dotted: bool,
}

/// A name as it occurs in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The name, without a possessive 's.
    pub range: Range<usize>,
    /// The possessive ending ('s or ’s) right after the name.
    pub possessive: Option<Range<usize>>,
    pub parts: Vec<Part>,
    pub kind: Kind,
    /// [`Cues`] bits.
    pub cues: Cues,
    /// The role noun next to it, if any ("founder"), for comparing contexts.
    pub role: Option<&'static str>,
    pub sentence: usize,
    pub paragraph: usize,
    /// The first word of a sentence or quotation, where capitals say nothing.
    pub clause_initial: bool,
    /// A standalone all-capitals word used as an acronym.
    pub acronym: bool,
    /// Known entity kind of the whole mention, when it is one.
    pub known: Option<EntityKind>,
    /// An acronym in brackets follows: "Chinese Academy of Sciences (CAS)".
    pub acronym_follows: bool,
    /// The mention opens its paragraph (where datelines and lead-in capitals stand).
    pub paragraph_initial: bool,
    /// A dateline: a name in capitals opening its paragraph, followed by a comma, a bracket or a
    /// dash ("BEIJING (Reuters) -", "SHANGHAI, June 3").
    pub dateline: bool,
    /// A date or a group, not a name: a weekday or month, a plural common noun ("House
    /// Democrats").
    pub generic: bool,
}

impl Mention {
    /// The parts that are name words, not particles.
    pub fn name_parts(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| !p.particle)
    }

    pub fn has(&self, cues: Cues) -> bool {
        self.cues.intersects(cues)
    }

    /// The whole range including a possessive ending.
    pub fn full_range(&self) -> Range<usize> {
        match &self.possessive {
            Some(p) => self.range.start..p.end,
            None => self.range.clone(),
        }
    }
}

/// Finds every mention in `doc`, in text order.
pub fn extract(doc: &Document) -> Vec<Mention> {
    let capitalised_mid_sentence = capitalised_mid_sentence(doc);
    let mut out = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let tokens = doc.sentence_tokens(sentence);
        if looks_like_headline(doc, tokens) && !is_byline(doc, tokens) {
            continue;
        }
        let opens_paragraph = doc
            .paragraphs
            .get(sentence.paragraph)
            .is_some_and(|p| p.tokens.start == sentence.tokens.start);
        let mut scanner = Scanner {
            doc,
            tokens,
            sentence: index,
            paragraph: sentence.paragraph,
            opens_paragraph,
            mid: &capitalised_mid_sentence,
        };
        scanner.scan(&mut out);
    }
    out
}

/// Words written capitalised somewhere other than the start of a sentence or quotation.
fn capitalised_mid_sentence<'d>(doc: &'d Document) -> HashSet<&'d str> {
    let mut set = HashSet::new();
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        for i in 0..tokens.len() {
            if is_name_word(doc, &tokens[i]) && !clause_initial(doc, tokens, i) {
                set.insert(split_possessive(doc.text(&tokens[i])).0);
            }
        }
    }
    set
}

/// A sentence whose words are nearly all capitalised (a headline, a title, a byline in capitals).
fn looks_like_headline(doc: &Document, tokens: &[Token]) -> bool {
    const MINOR: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
        "vs", "with",
    ];
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    if words.len() < 3 {
        return false;
    }
    let ends_like_prose = tokens
        .last()
        .is_some_and(|t| t.kind == TokenKind::Punct && matches!(doc.text(t), "." | "!" | "?"))
        || tokens
            .iter()
            .rev()
            .take(3)
            .any(|t| matches!(doc.text(t), "." | "?" | "!"));
    let all_caps = words.iter().filter(|t| t.is(Flags::ALL_CAPS)).count();
    if all_caps * 5 >= words.len() * 3 {
        return true;
    }
    let major: Vec<&&Token> = words
        .iter()
        .filter(|t| !MINOR.contains(&doc.text(t)))
        .collect();
    let capitalised = major.iter().filter(|t| t.is(Flags::CAPITALISED)).count();
    !ends_like_prose && major.len() >= 3 && capitalised * 5 >= major.len() * 4
}

/// A credit line, which capitalises its words like a headline but names a person: "(Reporter Li
/// Wei)", "Reported by: Yang Hong", "Yang Hong, Headquarters Reporter". Short, and either in
/// brackets, or with "by" before a name, or with a role after a comma.
fn is_byline(doc: &Document, tokens: &[Token]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.text(t))
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let bracketed = tokens.first().is_some_and(|t| doc.text(t) == "(")
        && tokens.last().is_some_and(|t| doc.text(t) == ")");
    let by = words.iter().any(|w| matches!(*w, "by" | "By" | "BY"));
    let comma_role = tokens.iter().any(|t| doc.text(t) == ",")
        && words.last().is_some_and(|w| title_word(w).is_some());
    bracketed || by || comma_role
}

/// A capitalised word that can be part of a name.
fn is_name_word(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Word
        && token.is(Flags::CAPITALISED)
        && !token.is(Flags::HAS_DIGIT)
        && !is_first_person(doc.text(token))
}

/// "I" and its contractions ("I'm", "I’ve"), which are capitalised wherever they stand.
fn is_first_person(word: &str) -> bool {
    let rest = word.strip_prefix('I').unwrap_or(word);
    rest.is_empty()
        || matches!(
            rest.strip_prefix(['\'', '’']),
            Some("m" | "ve" | "ll" | "d")
        )
}

/// Whether token `i` starts a sentence, a quotation, a bracket or a clause after a colon.
fn clause_initial(doc: &Document, tokens: &[Token], i: usize) -> bool {
    if tokens[i].is(Flags::SENTENCE_INITIAL) || tokens[i].is(Flags::LINE_BREAK_BEFORE) {
        return true;
    }
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return true;
    };
    if prev.kind != TokenKind::Punct {
        return false;
    }
    match doc.text(prev) {
        // a straight quotation mark opens when the word touches it: `"Yes` but not `," Yes`
        "\"" | "'" => !tokens[i].is(Flags::SPACE_BEFORE),
        "“" | "‘" | "(" | "[" | ":" | "—" | "–" | "«" | "-" | ";" => true,
        _ => false,
    }
}

/// Words between a name and a speech verb that keep it the verb's subject ("Tseng has repeatedly
/// denied").
const AUXILIARIES: &[&str] = &[
    "again",
    "also",
    "further",
    "had",
    "has",
    "have",
    "is",
    "later",
    "often",
    "once",
    "previously",
    "recently",
    "then",
    "was",
    "will",
    "would",
];

struct Scanner<'a, 'd> {
    doc: &'a Document<'d>,
    tokens: &'a [Token],
    sentence: usize,
    paragraph: usize,
    /// The sentence opens its paragraph.
    opens_paragraph: bool,
    mid: &'a HashSet<&'a str>,
}

impl Scanner<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.doc.text(&self.tokens[i])
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_word)
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| is_name_word(self.doc, t))
    }

    /// Token `i` follows the previous one after a space, on the same line.
    fn spaced(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.is(Flags::SPACE_BEFORE) && !t.is(Flags::LINE_BREAK_BEFORE))
    }

    /// Token `i` touches the previous one.
    fn joined(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| !t.is(Flags::SPACE_BEFORE))
    }

    fn scan(&mut self, out: &mut Vec<Mention>) {
        let mut i = 0;
        while i < self.tokens.len() {
            match self.mention_at(i) {
                Some((mention, next)) => {
                    out.push(mention);
                    i = next;
                }
                None => i += 1,
            }
        }
    }

    /// A title phrase at `i` ("Mr", "Prime Minister", "Dr."): the index after it.
    fn title_at(&self, i: usize) -> Option<usize> {
        let first = self.tokens.get(i).filter(|t| t.is_word())?;
        for phrase in lists().cues_starting(self.doc.text(first)) {
            if phrase.cue != Cue::Title {
                continue;
            }
            let mut j = i;
            let matched = phrase.words.iter().enumerate().all(|(k, w)| {
                let ok = self.is_word(j) && self.text(j) == *w && (k == 0 || self.spaced(j));
                j += 1;
                ok
            });
            if !matched {
                continue;
            }
            if self
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Punct && self.doc.text(t) == ".")
                && self.joined(j)
            {
                j += 1;
            }
            if self.is_name_word(j) && self.spaced(j) {
                return Some(j);
            }
            // "Party Secretary of Shouguang County": the office, then the place it is of
            if self.is_word(j) && self.text(j) == "of" && self.is_name_word(j + 1) {
                return Some(j + 1);
            }
        }
        None
    }

    fn mention_at(&self, start: usize) -> Option<(Mention, usize)> {
        let title_end = self.title_at(start);
        // the name after "Secretary of" is what the office is of, not a person
        let office_of = title_end.is_some_and(|end| end >= 2 && self.text(end - 1) == "of");
        let title_end = title_end.filter(|_| !office_of);
        let name_start = if office_of {
            self.title_at(start)?
        } else {
            title_end.unwrap_or(start)
        };
        if !self.can_start(name_start) {
            return None;
        }
        let (mut parts, mut possessive, mut end) = self.grow(name_start);
        if parts.is_empty() {
            return None;
        }
        let mut cues = Cues::empty();
        let mut role = None;
        let mut first_token = name_start;
        // a job title inside the run is context, not name: "Treasury Secretary Steven Mnuchin",
        // "Labour MP Jess Phillips", "sports assistant Lin Xiaozhai"
        let inner_title = if title_end.is_none() {
            self.inner_title(&parts)
        } else {
            None
        };
        if let Some((name_at, title_role)) = inner_title {
            // grown again from the name, so that the connectors the title's institution allowed
            // ("Senate Majority Leader Mitch McConnell *on* Monday") do not join the name
            let j = self
                .tokens
                .partition_point(|t| (t.start as usize) < name_at);
            (parts, possessive, end) = self.grow(j);
            if parts.is_empty() {
                return None;
            }
            cues |= Cues::TITLE;
            role = title_role;
        }
        if title_end.is_some() {
            // "General Motors", "Premier League": the title belongs to an institution's name.
            if self.head_of(&parts).is_some() {
                let mut title_parts = Vec::new();
                for k in start..name_start {
                    if self.tokens[k].is_word() {
                        title_parts.push(Part {
                            range: self.tokens[k].range(),
                            particle: false,
                            initial: false,
                            dotted: false,
                        });
                    }
                }
                title_parts.append(&mut parts);
                parts = title_parts;
                first_token = start;
            } else {
                cues |= Cues::TITLE;
            }
        }
        let titled = title_end.is_some() || inner_title.is_some();
        let clause_initial =
            inner_title.is_none() && clause_initial(self.doc, self.tokens, first_token);
        if clause_initial && !titled && !self.counts_at_clause_start(&parts, end) {
            return None;
        }
        let range = parts[0].range.start..parts[parts.len() - 1].range.end;
        let mut mention = Mention {
            range,
            possessive,
            parts,
            kind: Kind::Other,
            cues,
            role,
            sentence: self.sentence,
            paragraph: self.paragraph,
            clause_initial,
            acronym: false,
            known: None,
            acronym_follows: self.acronym_in_brackets(end),
            paragraph_initial: self.opens_paragraph
                && self.tokens[..start]
                    .iter()
                    .all(|t| t.kind != TokenKind::Word),
            dateline: false,
            generic: false,
        };
        mention.dateline = mention.paragraph_initial
            && mention
                .name_parts()
                .all(|p| is_all_caps(self.doc.slice(p.range.clone())) || p.initial)
            && self.tokens.get(end).is_some_and(|t| {
                t.kind == TokenKind::Punct
                    && matches!(self.doc.text(t), "," | "(" | "-" | "—" | "–" | ":")
            });
        self.add_cues(&mut mention, start, end);
        let names_no_one = !titled && self.names_no_one(&mention);
        let determiner = self.after_determiner(start);
        if determiner {
            mention.cues |= Cues::DETERMINER;
        }
        let modifier = determiner || self.role_after(end);
        if names_no_one || (!titled && modifier) {
            // the cues around it ("said Sunday", "the Golden Boot winner") say nothing of a person
            mention.cues.remove(Cues::PERSON);
        }
        mention.generic = names_no_one;
        mention.kind = if names_no_one {
            Kind::Other
        } else {
            self.kind_of(&mention)
        };
        mention.acronym = mention.parts.len() == 1
            && is_all_caps(self.doc.slice(mention.range.clone()))
            && mention.known != Some(EntityKind::Person)
            && !(mention.has(Cues::PERSON) && self.spells_a_common_name(&mention))
            && !self.written_as_a_name(&mention);
        if mention.acronym && mention.kind == Kind::Person {
            // "says AI has": the speech verb's subject is no person
            mention.kind = Kind::Other;
            mention.cues.remove(Cues::PERSON);
        }
        Some((mention, end))
    }

    /// The last job title or honorific inside a run with a name after it ("Treasury *Secretary*
    /// Steven Mnuchin", "Labour *MP* Jess Phillips", "Sports *Assistant* Lin Xiaozhai"): where
    /// the name after it starts (a title's "of" phrase belongs to the title: "Chief of Staff
    /// Gatot Soebroto") and the role the title names. Never inside an institution's name ("Office
    /// of the President") and never the last word ("Stephen King").
    fn inner_title(&self, parts: &[Part]) -> Option<(usize, Option<&'static str>)> {
        if parts.len() < 2 || self.head_of(parts).is_some() {
            return None;
        }
        let title_of =
            |p: &Part| (!p.particle).then(|| title_word(self.doc.slice(p.range.clone())))?;
        for k in (0..parts.len() - 1).rev() {
            let Some(role) = title_of(&parts[k]) else {
                continue;
            };
            let mut name = k + 1;
            while parts.get(name).is_some_and(|p| p.particle) {
                name += 2;
            }
            let named = parts
                .get(name..)
                .is_some_and(|rest| rest.iter().any(|p| !p.particle && title_of(p).is_none()));
            return named.then(|| (parts[name].range.start, role));
        }
        None
    }

    /// "(CAS)" at `k`.
    fn acronym_in_brackets(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| self.doc.text(t) == "(")
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.is(Flags::ALL_CAPS))
            && self
                .tokens
                .get(k + 2)
                .is_some_and(|t| self.doc.text(t) == ")")
    }

    /// Whether a name can start at token `i`.
    fn can_start(&self, i: usize) -> bool {
        if self.is_name_word(i) {
            return true;
        }
        // al-Assad, el-Sisi
        self.is_word(i)
            && matches!(self.text(i), "al" | "el")
            && self.is_hyphen(i + 1)
            && self.is_name_word(i + 2)
            && self.joined(i + 2)
    }

    fn is_hyphen(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && matches!(self.doc.text(t), "-" | "‐" | "‑")
        }) && self.joined(i)
    }

    /// Collects the parts of the name starting at `i`: (parts, possessive, index after the name).
    fn grow(&self, i: usize) -> (Vec<Part>, Option<Range<usize>>, usize) {
        let mut parts: Vec<Part> = Vec::new();
        let mut j = i;
        while let Some((part, possessive, next)) = self.word_at(j, parts.is_empty()) {
            parts.push(part);
            j = next;
            if possessive.is_some() {
                return (parts, possessive, j);
            }
            // the next name word, possibly after particles or connectors
            let mut k = j;
            let mut connectors = Vec::new();
            while self.is_word(k) && self.spaced(k) && !self.is_name_word(k) {
                if !self.connects(&parts, k, connectors.len()) {
                    break;
                }
                connectors.push(k);
                k += 1;
            }
            let after_particle =
                self.tokens.get(k).is_some_and(|t| t.is_word()) && self.is_after_particle(k);
            if (self.is_name_word(k) || after_particle)
                && self.spaced(k)
                && (connectors.is_empty() || self.connector_ok(&parts, &connectors, k))
            {
                for c in connectors {
                    parts.push(Part {
                        range: self.tokens[c].range(),
                        particle: true,
                        initial: false,
                        dotted: false,
                    });
                }
                j = k;
                if after_particle {
                    let mut end = self.tokens[k].range();
                    if self
                        .tokens
                        .get(k + 1)
                        .is_some_and(|t| self.doc.text(t) == ".")
                        && self.joined(k + 1)
                    {
                        end.end = self.tokens[k + 1].end as usize;
                        j = k + 1;
                    }
                    parts.push(Part {
                        range: end,
                        particle: true,
                        initial: false,
                        dotted: false,
                    });
                    return (parts, None, j + 1);
                }
                continue;
            }
            break;
        }
        (parts, None, j)
    }

    /// Jr, Sr, II, III after a name.
    fn is_after_particle(&self, k: usize) -> bool {
        lists().particle(self.text(k)) == Some(Particle::After)
    }

    /// One name word at `j`, with hyphenated continuations and an initial's full stop.
    fn word_at(&self, j: usize, first: bool) -> Option<(Part, Option<Range<usize>>, usize)> {
        if !(self.is_name_word(j) || (first && self.can_start(j))) {
            return None;
        }
        if !first && self.is_after_particle(j) {
            return None;
        }
        let mut range = self.tokens[j].range();
        let mut next = j + 1;
        // hyphenated: Min-jun, Bailey-Ross, al-Assad; not Chicago-based
        while self.is_hyphen(next)
            && self
                .tokens
                .get(next + 1)
                .is_some_and(|t| t.is_word() && !t.is(Flags::SPACE_BEFORE))
        {
            let piece = &self.tokens[next + 1];
            let text = self.doc.text(piece);
            if !(piece.is(Flags::CAPITALISED) || joins_lowercase(text)) {
                break;
            }
            range.end = piece.end as usize;
            next += 2;
        }
        let text = self.doc.slice(range.clone());
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let initial = letters == 1;
        let mut dotted = false;
        if initial
            && self
                .tokens
                .get(next)
                .is_some_and(|t| self.doc.text(t) == ".")
            && self.joined(next)
            && self.is_name_word(next + 1)
        {
            range.end = self.tokens[next].end as usize;
            next += 1;
            dotted = true;
        }
        let (stem, possessive) = split_possessive(self.doc.slice(range.clone()));
        let possessive =
            possessive.map(|p| range.start + stem.len()..range.start + stem.len() + p.len());
        if let Some(p) = &possessive {
            range.end = p.start;
        }
        Some((
            Part {
                range,
                particle: false,
                initial,
                dotted,
            },
            possessive,
            next,
        ))
    }

    /// Whether the lowercase word at `k` can join the name being grown (particles; "of", "and"
    /// in institution names). `before` counts connectors already taken.
    fn connects(&self, parts: &[Part], k: usize, before: usize) -> bool {
        /// Particles too ambiguous to join a name on their own.
        const AMBIGUOUS: &[&str] = &[
            "am", "bar", "bat", "ben", "do", "e", "i", "las", "les", "lo", "los", "te", "und", "y",
        ];
        let word = self.text(k);
        if before >= 3 {
            return false;
        }
        if matches!(
            lists().particle(word),
            Some(Particle::Before | Particle::Between)
        ) && word.chars().next().is_some_and(char::is_lowercase)
            && !AMBIGUOUS.contains(&word)
        {
            // "Ursula von der Leyen", "Lula da Silva": only after a name word, never a head word
            return parts
                .last()
                .is_some_and(|p| !p.particle && self.head_word(p).is_none());
        }
        matches!(word, "of" | "for" | "and" | "&" | "on") && self.head_in(parts).is_some()
    }

    /// Whether the connectors before the name word at `k` make sense: "and" joins an institution
    /// name only between ordinary words ("Science and Technology"), not after its head ("Harvard
    /// University and MIT") nor before a proper name ("Bank of China and Alibaba").
    fn connector_ok(&self, parts: &[Part], connectors: &[usize], k: usize) -> bool {
        let institution = self.head_in(parts).is_some();
        for &c in connectors {
            match self.text(c) {
                "and" | "&" => {
                    let after_head = parts.last().is_some_and(|p| self.head_word(p).is_some());
                    let next_is_word = lexicon()
                        .english_word(&self.text(k).to_lowercase())
                        .is_some();
                    if after_head || !next_is_word || !institution {
                        return false;
                    }
                }
                "of" | "for" | "on" if !institution => return false,
                _ => {}
            }
        }
        true
    }

    fn head_word(&self, part: &Part) -> Option<Cue> {
        let word = self.doc.slice(part.range.clone());
        let l = lists();
        if l.is_cue(word, Cue::OrgHead) {
            Some(Cue::OrgHead)
        } else if l.is_cue(word, Cue::PlaceHead) {
            Some(Cue::PlaceHead)
        } else {
            None
        }
    }

    /// A head word anywhere among the parts.
    fn head_in(&self, parts: &[Part]) -> Option<Cue> {
        parts
            .iter()
            .filter(|p| !p.particle)
            .find_map(|p| self.head_word(p))
    }

    /// The head that makes the parts an institution or a place: the last word ("Peking
    /// University"), or the first before "of" ("University of Hong Kong").
    fn head_of(&self, parts: &[Part]) -> Option<Cue> {
        let last = parts.iter().rev().find(|p| !p.particle)?;
        if let Some(head) = self.head_word(last) {
            return Some(head);
        }
        match parts {
            [first, second, ..]
                if second.particle && self.doc.slice(second.range.clone()) == "of" =>
            {
                self.head_word(first)
            }
            _ => None,
        }
    }

    /// Whether a run that starts a sentence or a quotation is a name although its first word
    /// only has a capital because of where it stands: not an English word, or one also used as a
    /// name ("Bill", "Lean") that something marks as a name here (a following name word after a
    /// given name, a speech verb, the same word capitalised mid-sentence elsewhere).
    fn counts_at_clause_start(&self, parts: &[Part], end: usize) -> bool {
        let first = self.doc.slice(parts[0].range.clone());
        let lower = first.to_lowercase();
        if is_all_caps(first) {
            // capitals all through are not explained by the position ("MA said", "US officials")
            return true;
        }
        let Some(info) = lexicon().english_word(&lower) else {
            return true;
        };
        if !info.also_capitalised || parts[0].initial {
            return false;
        }
        // "As" capitalised in a title elsewhere ("print As a Function") does not make every
        // sentence-opening "As" a name.
        if is_function_word(&lower) && parts.len() == 1 {
            return self.speech_verb_after(end) && lexicon().western_name(first).is_some();
        }
        if self.mid.contains(first) {
            return true;
        }
        if parts.len() > 1 {
            return lexicon().western_name(first).is_some();
        }
        // "Lean said", "Rose said"; not "He said", "It added"
        self.speech_verb_after(end) && (lexicon().western_name(first).is_some() || info.size > 10)
    }

    /// Whether a speech verb follows at `k`, perhaps after auxiliaries and adverbs.
    fn speech_verb_after(&self, k: usize) -> bool {
        for j in k..k + 3 {
            if !self.is_word(j) || !self.spaced(j) {
                return false;
            }
            let word = self.text(j);
            if lists().is_cue(word, Cue::SpeechVerb) {
                return true;
            }
            if !(AUXILIARIES.contains(&word) || word.ends_with("ly")) {
                return false;
            }
        }
        false
    }

    /// Cues before (`start`: the first token, title included) and after (`end`) the mention.
    fn add_cues(&self, mention: &mut Mention, start: usize, end: usize) {
        const PLACE_PREPOSITIONS: &[&str] = &[
            "in", "at", "from", "near", "into", "across", "outside", "inside", "around",
        ];
        let l = lists();
        if start
            .checked_sub(1)
            .is_some_and(|p| self.is_word(p) && PLACE_PREPOSITIONS.contains(&self.text(p)))
        {
            mention.cues |= Cues::LOCATIVE;
        }
        let quote = |k: Option<usize>, marks: &[&str]| {
            k.and_then(|k| self.tokens.get(k))
                .is_some_and(|t| marks.contains(&self.doc.text(t)))
        };
        if quote(start.checked_sub(1), &["“", "‘", "\"", "'"])
            && quote(Some(end), &["”", "’", "\"", "'"])
        {
            mention.cues |= Cues::QUOTED;
        }
        // before: a role ("founder Zeng Yuqun") or a speech verb ("said Chen Ming")
        if let Some(prev) = start
            .checked_sub(1)
            .filter(|&p| self.is_word(p) && self.spaced(start))
        {
            let word = self.text(prev);
            if word.chars().next().is_some_and(char::is_lowercase) {
                for phrase in l.cues_ending(word) {
                    let n = phrase.words.len();
                    if n > prev + 1 {
                        continue;
                    }
                    let matched = phrase.words.iter().enumerate().all(|(k, w)| {
                        let t = prev + 1 - n + k;
                        self.is_word(t) && self.text(t) == *w
                    });
                    if !matched {
                        continue;
                    }
                    match phrase.cue {
                        Cue::Role => {
                            mention.cues |= Cues::ROLE_BEFORE;
                            mention.role = Some(phrase.words[n - 1]);
                        }
                        Cue::SpeechVerb => mention.cues |= Cues::SPEECH,
                        _ => continue,
                    }
                    break;
                }
            }
        }
        // after: a speech verb, or an apposition after a comma
        if self.speech_verb_after(end) {
            mention.cues |= Cues::SPEECH;
        }
        if self
            .tokens
            .get(end)
            .is_some_and(|t| self.doc.text(t) == ",")
        {
            self.apposition(mention, end + 1);
        }
        if let Some(head) = self.head_of(&mention.parts) {
            mention.cues |= if head == Cue::OrgHead {
                Cues::ORG_HEAD
            } else {
                Cues::PLACE_HEAD
            };
        }
        if let Some(found) = known_entities().lookup(self.doc.slice(mention.range.clone())) {
            if !found.record.is_common_word() || mention.parts.len() > 1 {
                mention.cues |= Cues::KNOWN;
                mention.known = Some(found.record.kind);
            }
        }
    }

    /// ", 60," / ", who" / ", founder of" / ", a professor at" after a name.
    fn apposition(&self, mention: &mut Mention, k: usize) {
        let Some(first) = self.tokens.get(k) else {
            return;
        };
        if first.kind == TokenKind::Number
            && self
                .tokens
                .get(k + 1)
                .is_some_and(|t| self.doc.text(t) == ",")
        {
            mention.cues |= Cues::AGE;
            return;
        }
        if first.is_word() && self.doc.text(first) == "who" {
            mention.cues |= Cues::WHO;
            return;
        }
        // up to six words before a role noun, all lowercase or numbers ("a 21-year-old mechanical
        // engineering student"), stopping at punctuation other than hyphens
        let l = lists();
        let mut j = k;
        let mut words = 0;
        while let Some(t) = self.tokens.get(j) {
            match t.kind {
                TokenKind::Word => {
                    let word = self.doc.text(t);
                    // "a 16-year-old", ", aged 60,"
                    let year_old = word == "old" && j >= 2 && self.text(j - 2) == "year";
                    let aged = word == "aged"
                        && self
                            .tokens
                            .get(j + 1)
                            .is_some_and(|n| n.kind == TokenKind::Number);
                    if year_old || aged {
                        mention.cues |= Cues::AGE;
                        return;
                    }
                    let role = l
                        .cues_starting(word)
                        .iter()
                        .find(|p| p.cue == Cue::Role && self.phrase_at(j, &p.words));
                    if let Some(phrase) = role {
                        mention.cues |= Cues::APPOSITION;
                        mention.role = phrase.words.last().copied();
                        return;
                    }
                    if word.chars().next().is_some_and(char::is_uppercase) && words > 0 {
                        return;
                    }
                    words += 1;
                    if words > 6 {
                        return;
                    }
                }
                TokenKind::Number => {}
                TokenKind::Punct if self.is_hyphen(j) => {}
                _ => return,
            }
            j += 1;
        }
    }

    fn phrase_at(&self, j: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.is_word(j + k) && self.text(j + k) == *w)
    }

    /// A date or a group rather than anyone's name: a weekday or month ("said Sunday"), or a
    /// plural common noun at the end ("House Democrats", "the Los Angeles Chargers"), unless that
    /// is a surname ("Williams").
    fn names_no_one(&self, mention: &Mention) -> bool {
        if mention.known.is_some() {
            return false;
        }
        let Some(last) = mention.name_parts().last() else {
            return false;
        };
        let word = self.doc.slice(last.range.clone());
        if mention.parts.len() == 1 && is_calendar_word(word) {
            return true;
        }
        let key = part_key(word);
        key.len() > 3
            && key.ends_with('s')
            && !is_all_caps(word)
            && lexicon().english_word(&key).is_some()
            && lexicon().english_word(&key[..key.len() - 1]).is_some()
            && lexicon().western_name(&title_case(word)).is_none()
    }

    /// Whether a determiner or possessive pronoun stands right before token `start`: "the Golden
    /// Boot", "its House Democrats". A person's name takes none ("the founder Liang Wenfeng" has
    /// a role between).
    fn after_determiner(&self, start: usize) -> bool {
        const DETERMINERS: &[&str] = &[
            "a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "every",
            "each", "any", "no",
        ];
        start.checked_sub(1).is_some_and(|p| {
            self.is_word(p) && DETERMINERS.contains(&self.text(p).to_lowercase().as_str())
        })
    }

    /// Whether a role noun follows at `k`: the name before it qualifies the role ("Golden Boot
    /// winner Jamie Vardy", "Tesla founder Elon Musk") and is no person's name.
    fn role_after(&self, k: usize) -> bool {
        self.is_word(k)
            && self.spaced(k)
            && lists()
                .cues_starting(self.text(k))
                .iter()
                .any(|p| p.cue == Cue::Role && self.phrase_at(k, &p.words))
    }

    /// Whether a word in capitals is written elsewhere, mid-sentence, as a name of three letters
    /// or more ("SCHLADOW said" beside "Geoffrey Schladow"): a surname in capitals, not an
    /// acronym.
    fn written_as_a_name(&self, mention: &Mention) -> bool {
        let word = self.doc.slice(mention.range.clone());
        word.chars().count() >= 3
            && self.mid.contains(title_case(word).as_str())
            && lexicon().english_word(&part_key(word)).is_none()
    }

    /// Whether a word in capitals used as a person ("MA said") spells a common Chinese surname
    /// rather than an acronym ("says AI has"; Ai is a rare surname). Other names in capitals
    /// count where the document writes them in ordinary case ([`Scanner::written_as_a_name`]).
    fn spells_a_common_name(&self, mention: &Mention) -> bool {
        const COMMON_RANK: u32 = 100;
        let word = self.doc.slice(mention.range.clone());
        lists()
            .surname(&part_key(word))
            .is_some_and(|s| s.rank <= COMMON_RANK)
    }

    fn kind_of(&self, mention: &Mention) -> Kind {
        if let Some(known) = mention.known {
            return match known {
                EntityKind::Person => Kind::Person,
                EntityKind::University
                | EntityKind::Institute
                | EntityKind::Company
                | EntityKind::Organisation
                | EntityKind::Agency
                | EntityKind::Media => Kind::Organisation,
                EntityKind::Country | EntityKind::Region | EntityKind::City | EntityKind::Place => {
                    Kind::Place
                }
                EntityKind::Product => Kind::Other,
            };
        }
        if mention.has(Cues::ORG_HEAD) {
            return Kind::Organisation;
        }
        if mention.has(Cues::PLACE_HEAD) {
            return Kind::Place;
        }
        if mention.has(Cues::PERSON) || self.looks_like_personal_name(mention) {
            return Kind::Person;
        }
        Kind::Other
    }

    /// Two to four name words of which one is a Chinese surname or a Western given name, and
    /// none an ordinary word: "Liang Wenfeng", "Damien MA", "Tom O'Brien".
    fn looks_like_personal_name(&self, mention: &Mention) -> bool {
        let words: Vec<&str> = mention
            .name_parts()
            .map(|p| self.doc.slice(p.range.clone()))
            .collect();
        if !(2..=4).contains(&words.len()) {
            return false;
        }
        let l = lists();
        let keys: Vec<String> = words.iter().map(|w| part_key(w)).collect();
        let all_pinyin = keys.iter().all(|k| super::pinyin::is_pinyin(k));
        let mut named = false;
        for (word, key) in words.iter().zip(&keys) {
            let title = if is_all_caps(word) {
                title_case(word)
            } else {
                word.to_string()
            };
            let common = lexicon()
                .english_word(key)
                .is_some_and(|w| !w.also_capitalised && w.size <= 35);
            let surname = l.surname(key).is_some();
            // a known place is no evidence of a person ("the Texas Republican said"), though
            // Western name lists hold many of them
            let western = lexicon().western_name(&title).is_some() && !is_known_place(word);
            // "Zhou Hang" is a name, "Budweiser Man" is not: an ordinary word counts as a
            // surname only inside a name that is all pinyin
            if common && !western && !(surname && all_pinyin) {
                return false;
            }
            // capitals say nothing: "Damien MA" is named by Damien, "Chinese AI" by nothing; and
            // a name that is also a very common word names nobody by itself ("Winter
            // Paralympics", "North Korean")
            let everyday = lexicon().english_word(key).is_some_and(|w| w.size <= 20);
            named |= (surname || (western && !everyday)) && !is_all_caps(word);
        }
        named
    }
}

/// Whether `word` alone is a known place ("Texas", "Sydney").
fn is_known_place(word: &str) -> bool {
    known_entities().lookup(word).is_some_and(|f| {
        matches!(
            f.record.kind,
            EntityKind::Country | EntityKind::Region | EntityKind::City | EntityKind::Place
        )
    })
}

/// Weekday and month names, which stand capitalised beside speech verbs ("said Sunday") without
/// naming anyone.
fn is_calendar_word(word: &str) -> bool {
    const CALENDAR: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    CALENDAR.contains(&word)
}

/// Whether a capitalised word is a title ("Secretary", "MP") or a role written as one
/// ("Reporter", "Assistant"): `None` when it is neither, else the role noun it names, if any.
fn title_word(word: &str) -> Option<Option<&'static str>> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let l = lists();
    if l.is_cue(word, Cue::Title) {
        return Some(None);
    }
    let lower = word.to_lowercase();
    let role = l
        .cues_starting(&lower)
        .iter()
        .find(|p| p.cue == Cue::Role && p.words.len() == 1)
        .map(|p| Some(p.words[0]));
    // "Minister-Counselor", "Vice-Chairman": a compound title ends in one
    role.or_else(|| {
        let (_, last) = word.rsplit_once(['-', '‐', '‑'])?;
        title_word(last)
    })
}

/// A lowercase piece after a hyphen that continues a name ("Min-jun", "Ji-hoon", "Yat-sen") rather
/// than an English compound ("Chicago-based").
fn joins_lowercase(piece: &str) -> bool {
    lexicon().english_word(piece).is_none_or(|w| w.size > 35)
        && super::pinyin::is_valid_romanisation(piece)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{InputFormat, Source};

    fn mentions(text: &str) -> Vec<(String, Kind)> {
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        extract(&doc)
            .into_iter()
            .map(|m| (text[m.range.clone()].to_string(), m.kind))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn full_names_titles_and_possessives() {
        assert_eq!(
            names("Professor Zhou Hang said Leann's plan worked."),
            ["Zhou Hang", "Leann"]
        );
        assert_eq!(
            mentions("Yiran Chen, professor of engineering at Duke University, said so.")[0],
            ("Yiran Chen".into(), Kind::Person)
        );
        assert_eq!(names("It was Mr. Ma who spoke."), ["Ma"]);
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        assert_eq!(
            names("However, the plan failed. Yes, it did."),
            Vec::<String>::new()
        );
        assert_eq!(names("Lean said the plan failed."), ["Lean"]);
        assert_eq!(names("Tseng has repeatedly denied it."), ["Tseng"]);
        assert_eq!(
            names("Bill Gates spoke. Bill said nothing."),
            ["Bill Gates", "Bill"]
        );
        assert_eq!(
            names("He added that it works. It said so. We said no."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_function_word_capitalised_in_a_title_stays_a_word_at_sentence_start() {
        let found = names("Read the essay Print As a Function today. As always, it came late.");
        assert!(!found.iter().any(|n| n == "As"), "{found:?}");
    }

    #[test]
    fn particles_hyphens_and_institutions() {
        assert_eq!(
            names("We met Ursula von der Leyen and Kim Min-jun in Busan."),
            ["Ursula von der Leyen", "Kim Min-jun", "Busan"]
        );
        assert_eq!(
            names("He studied at the University of Science and Technology of China last year."),
            ["University of Science and Technology of China"]
        );
        assert_eq!(
            names("He studied at Harvard University and MIT last year."),
            ["Harvard University", "MIT"]
        );
        assert_eq!(names("It is a Chicago-based group."), ["Chicago"]);
        assert_eq!(
            names("The Z Jiang Province committee met."),
            ["Z Jiang Province"]
        );
    }

    #[test]
    fn kinds_from_cues() {
        let found = mentions(
            "Damien MA, founder of Macropolo, said: “You can go to Tingryu University or Zhejiang Province.”",
        );
        assert_eq!(found[0], ("Damien MA".into(), Kind::Person));
        assert!(found.contains(&("Tingryu University".into(), Kind::Organisation)));
        assert!(found.contains(&("Zhejiang Province".into(), Kind::Place)));
    }

    #[test]
    fn capitals_and_demonyms_do_not_make_people() {
        assert_eq!(
            mentions("A more successful Chinese AI startup will appear.")[0].1,
            Kind::Other
        );
        assert_eq!(
            mentions("A quote from Damien MA was read.")[0],
            ("Damien MA".into(), Kind::Person)
        );
    }

    #[test]
    fn acronyms_stand_apart() {
        let source = Source::new(
            "t",
            "The AI firm hired an MA graduate. MA said nothing.",
            InputFormat::Plain,
        );
        let doc = Document::new(&source);
        let found = extract(&doc);
        let acronyms: Vec<bool> = found.iter().map(|m| m.acronym).collect();
        assert_eq!(acronyms, [true, true, false]);
    }

    #[test]
    fn job_titles_are_context_not_name() {
        let found = mentions(
            "Treasury Secretary Steven Mnuchin met Labour MP Jess Phillips. Senate Majority Leader Mitch McConnell on Monday agreed.",
        );
        let people: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert!(people.contains(&"Steven Mnuchin"), "{people:?}");
        assert!(people.contains(&"Jess Phillips"), "{people:?}");
        assert!(people.contains(&"Mitch McConnell"), "{people:?}");
        for name in ["Steven Mnuchin", "Jess Phillips", "Mitch McConnell"] {
            assert!(
                found.contains(&(name.to_string(), Kind::Person)),
                "{found:?}"
            );
        }
        assert_eq!(
            names("However, Deputy Army Chief of Staff Gatot Soebroto intervened."),
            ["Gatot Soebroto"]
        );
        assert_eq!(
            names("The envoy met Minister-Counselor Cheng Shixin."),
            ["Cheng Shixin"]
        );
        // a title that ends the name is the name: Stephen King
        assert_eq!(names("We read Stephen King today."), ["Stephen King"]);
        let found = mentions("He met the Party Secretary of Shouguang County yesterday.");
        assert_eq!(found, [("Shouguang County".to_string(), Kind::Place)]);
    }

    #[test]
    fn dates_groups_and_modifiers_are_no_people() {
        let kind_of = |text: &str, name: &str| {
            mentions(text)
                .into_iter()
                .find(|(n, _)| n == name)
                .map(|(_, k)| k)
        };
        assert_ne!(
            kind_of("The deal will pass, he said Sunday.", "Sunday"),
            Some(Kind::Person)
        );
        assert_ne!(
            kind_of("House Democrats said no.", "House Democrats"),
            Some(Kind::Person)
        );
        assert_ne!(
            kind_of("He beat the Los Angeles Chargers.", "Los Angeles Chargers"),
            Some(Kind::Person)
        );
        assert_ne!(
            kind_of(
                "Football, says Golden Boot winner Jamie Vardy.",
                "Golden Boot"
            ),
            Some(Kind::Person)
        );
        assert_eq!(
            kind_of(
                "Football, says Golden Boot winner Jamie Vardy.",
                "Jamie Vardy"
            ),
            Some(Kind::Person)
        );
        assert_ne!(
            kind_of("“No,” the Texas Republican said.", "Texas Republican"),
            Some(Kind::Person)
        );
    }

    #[test]
    fn capitals_are_a_surname_where_the_document_writes_the_name() {
        let source = Source::new(
            "t",
            "Wang says AI has grown. Geoffrey Schladow studies lakes. “No,” SCHLADOW said.",
            InputFormat::Plain,
        );
        let doc = Document::new(&source);
        let found: Vec<(String, bool)> = extract(&doc)
            .into_iter()
            .map(|m| (source.text()[m.range.clone()].to_string(), m.acronym))
            .collect();
        assert!(found.contains(&("AI".to_string(), true)), "{found:?}");
        assert!(
            found.contains(&("SCHLADOW".to_string(), false)),
            "{found:?}"
        );
    }

    #[test]
    fn bylines_are_read_and_contractions_of_i_are_no_name() {
        assert_eq!(names("(Reporter Li Wei)"), ["Li Wei"]);
        assert_eq!(names("Reported by: Yang Hong"), ["Yang Hong"]);
        assert_eq!(names("And, I'm Isabel Ruiz."), ["Isabel Ruiz"]);
    }

    #[test]
    fn headlines_are_skipped() {
        assert_eq!(
            names("Museum Reopens After Three Years Of Work"),
            Vec::<String>::new()
        );
    }
}
