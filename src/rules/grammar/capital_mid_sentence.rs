//! Capitalised common words inside a sentence.
//!
//! English capitalises inside a sentence only names, titles, the pronoun I, and the first word of a
//! quotation or of a new sentence after a colon. Machine translation capitalises a word where it
//! merged or split sentences ("the constraints are It's really…", "a comprehensive test The main
//! battlefield") or carried over a source-language habit ("during the Winter"). The hard part is
//! the names that are also words, so a word is reported only when everything says it is a common
//! word here:
//!
//! - it stands alone: no capitalised neighbour, directly or across the small words title case
//!   leaves in lowercase ("Supreme Court", "Jacob and his Sons", "Ministry of Commerce"); not the
//!   first word after punctuation that may open a clause, a quotation or a parenthesis, nor the
//!   first word on a line (headings, lists, verse, table cells); not followed by a number or a
//!   letter ("Room 5", "Plan B") or by the acronym it spells out ("Ultraviolet (UV)"); not named
//!   by a naming verb ("a part called Legato"), nor the first word of a title a cross-reference
//!   points to ("see Bugs and caveats", "section Overview"), nor marked in Markdown as a link text
//!   or emphasis ("the previous [Salsa](…) family", "under **Other**");
//! - the document gives evidence that it is not a name. A function word (pronoun, article,
//!   auxiliary, conjunction, preposition) is never a name, except after an article ("the It
//!   girl", "The Who") or as a pronoun of God ("revolt against Him"); a season after a word of
//!   time ("during the Winter") is not one either. Any other English word is a name as often as
//!   not ("the first mate Arrow", "the new Mustang", "1st Squadron"), so it is reported only when
//!   the document also writes it in lowercase, or when it stands where no name can (after a modal
//!   verb or a degree adverb: "will Expand", "very Different"); and even then only if the word
//!   list never writes it capitalised, it is not a Western name, a title or the head of an
//!   organisation or place name, nor a known entity, and it does not stand where names stand
//!   (after a determiner, possessive, preposition, conjunction or numeral: "the Channel", "at
//!   Arsenal", "three Tests", "3rd Battalion"), nor before a word that is not English (the genus
//!   of a species name: "Amoeba proteus");
//! - the document does not capitalise it elsewhere inside a sentence or as part of a name: a word
//!   capitalised twice on purpose is a name, a brand or a defined term;
//! - its sentence (or its quotation) is English, since a German noun in a German quotation is
//!   capitalised by rule, and not a title in title case.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::entities::known_entities;
use crate::fix::{Edit, Fix};
use crate::lexicon::{is_function_word, lexicon};
use crate::names::lists::{Cue, lists};
use crate::rules::Context;
use crate::rules::words::{english_share, english_word, is_lowercase_word};
use crate::text::{Document, Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds a common word capitalised inside a sentence, where it is not a name, an acronym, a
    /// title, the pronoun I, the start of a quotation or the start of a sentence after a colon.
    ///
    /// ## Why it matters
    /// Machine translation capitalises words where it joined or split sentences, or where the
    /// source language capitalises (German nouns, seasons in some languages). The stray capital
    /// makes the reader look for a name that is not there, and often marks a sentence whose
    /// structure broke.
    ///
    /// ## Example
    /// ```text
    /// He said the constraints are It's really from the other parts.
    /// The festival is an important source of income during the Winter.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// He said the constraints are it's really from the other parts.
    /// The festival is an important source of income during the winter.
    /// ```
    ///
    /// A word other than a function word is reported only where the document shows that it is
    /// not a name: it is written in lowercase elsewhere in the document, or it follows a modal
    /// verb or a degree adverb (“will Expand”, “very Different”). A lone sentence with “the new
    /// Mustang” shows nothing of the kind.
    ///
    /// Left alone: names that are also words (Bill, Rose, Apple, Reading), days, months,
    /// nationalities and other words English always capitalises, words next to another capital
    /// (“Supreme Court”, “Ministry of Commerce”), short forms of names (“the Court”, “the
    /// Ministry”), titles in title case, headings, list items and table cells, the first word
    /// after a colon, semicolon, dash, bracket or quotation mark, words in a foreign-language
    /// quotation, a genus before its species (“Amoeba proteus”), a pronoun used as a noun (“the
    /// It girl”) or for God (“revolt against Him”), and any word the document capitalises more
    /// than once inside sentences (a name, a brand or a defined term).
    ///
    /// ## Fix safety
    /// Lowercasing the word is unsafe: it may be a name the word lists do not know.
    pub static CAPITAL_MID_SENTENCE = {
        code: "G002",
        name: "capital-mid-sentence",
        finds: "\"the constraints are It's really…\"; a common word capitalised where the document shows it is not a name (written in lowercase elsewhere, after \"will\" or \"very\")",
        category: Grammar,
        mqm: [FluencySpelling],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

/// Small words that title case leaves in lowercase: a capital reached across one or two of them
/// belongs to the same title or name ("Jacob and his Sons", "Notes from the Underground",
/// "Ministry of Commerce").
const MINOR_WORDS: &[&str] = &[
    "&", "a", "against", "an", "and", "as", "at", "by", "de", "del", "der", "for", "from", "her",
    "his", "in", "into", "its", "la", "le", "my", "nor", "of", "on", "or", "our", "over", "the",
    "their", "to", "upon", "van", "von", "with", "your",
];

/// Words after which a noun stands where names stand: determiners, possessives, prepositions,
/// conjunctions and numerals ("the Channel", "at Arsenal", "three Tests", "allies and
/// Independents"). A capitalised noun there is most often a name, so only words that cannot be
/// names are judged after them.
const NAME_POSITION: &[&str] = &[
    "a", "about", "across", "after", "against", "along", "among", "an", "and", "another", "around",
    "as", "at", "before", "behind", "below", "beside", "between", "beyond", "both", "but", "by",
    "each", "eight", "every", "five", "for", "four", "from", "her", "his", "in", "inside", "into",
    "its", "like", "my", "near", "nine", "nor", "of", "off", "on", "one", "onto", "or", "our",
    "outside", "over", "past", "per", "seven", "several", "six", "some", "ten", "than", "that",
    "the", "their", "these", "this", "those", "three", "through", "to", "toward", "towards", "two",
    "under", "unlike", "until", "up", "upon", "versus", "via", "with", "within", "without", "your",
];

/// Verbs that introduce a name: "I called it Character", "a part called Legato".
const NAMING_VERBS: &[&str] = &[
    "called",
    "christened",
    "codenamed",
    "dubbed",
    "entitled",
    "named",
    "nicknamed",
    "renamed",
    "titled",
];

/// Nouns after which a capitalised word opens the title of a part of the text: "section Overview",
/// "chapter Getting Started".
const PART_NOUNS: &[&str] = &["appendix", "chapter", "section"];

/// Nouns English writes in lowercase even where other languages or house styles capitalise them:
/// the seasons. Capitalised alone after "the" they are not a name ("during the Winter"); in names
/// they stand beside other capitals ("Winter Olympics", "Arab Spring").
const NEVER_CAPITALISED: &[&str] = &["autumn", "spring", "summer", "winter"];

/// Words before a season that show it is the season and not a surname (Donna Summer).
const SEASON_INTRODUCERS: &[&str] = &[
    "during",
    "each",
    "every",
    "in",
    "last",
    "next",
    "since",
    "that",
    "the",
    "this",
    "through",
    "throughout",
    "until",
];

/// Words after which only a verb stands: "will Expand" is a verb, never a name.
const MODALS: &[&str] = &[
    "can", "cannot", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// Adverbs that modify adjectives and adverbs, never names: "very Different", "too Late".
const DEGREE_ADVERBS: &[&str] = &[
    "extremely",
    "fairly",
    "highly",
    "increasingly",
    "quite",
    "rather",
    "really",
    "so",
    "too",
    "very",
];

/// Pronouns that devotional writing capitalises when they refer to God ("revolt against Him").
const DEVOTIONAL_PRONOUNS: &[&str] = &[
    "he", "him", "himself", "his", "thee", "thine", "thou", "thy", "thyself",
];

/// Words naming God, beside which a capitalised pronoun is devotional.
const DEITY_NAMES: &[&str] = &["God", "Lord"];

/// A sentence with at least this share of capitalised words is a title in title case.
const TITLE_CASE_SHARE: f64 = 0.6;
/// A sentence whose lowercase words are less than this share English is in another language.
const ENGLISH_SHARE: f64 = 0.6;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let usage = OnceCell::new();
    let mut quotations = QuotationCache::default();
    for sentence in &doc.sentences {
        let span = sentence.tokens.clone();
        // Judged once per sentence, and only for sentences with a candidate.
        let mut plain_english: Option<bool> = None;
        for i in span.clone() {
            let Some(strength) = candidate(doc, span.clone(), i) else {
                continue;
            };
            let tokens = doc.sentence_tokens(sentence);
            if !*plain_english
                .get_or_insert_with(|| !is_title_case(tokens) && is_english(doc, tokens))
            {
                break;
            }
            let token = &doc.tokens[i];
            let text = doc.text(token);
            let usage = usage.get_or_init(|| CapitalUsage::of(doc));
            let evidence = match strength {
                Strength::FunctionWord => !is_devotional(doc, usage, span.clone(), i),
                Strength::Season => true,
                Strength::ContentWord => {
                    usage.is_lowercase_elsewhere(text) || stands_where_no_name_can(doc, i)
                }
            };
            if !evidence
                || usage.is_deliberate(text)
                || cx.glossary.accepts(text)
                || !quotations.is_english(doc, span.clone(), i)
            {
                continue;
            }
            out.push(finding(doc, token, strength));
        }
    }
}

/// How sure a candidate is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Strength {
    FunctionWord,
    /// A season after a word of time: English never capitalises it.
    Season,
    ContentWord,
}

/// Whether token `i` of the sentence `span` is a common word capitalised without reason.
fn candidate(doc: &Document, span: Range<usize>, i: usize) -> Option<Strength> {
    let token = &doc.tokens[i];
    if token.kind != TokenKind::Word
        || !token.is(Flags::CAPITALISED)
        || token.is(Flags::ALL_CAPS)
        || token.is(Flags::SENTENCE_INITIAL)
        || token.is(Flags::HAS_DIGIT)
        || token.is(Flags::LINE_BREAK_BEFORE)
        || i == span.start
    {
        return None;
    }
    let text = doc.text(token);
    // One letter: "I", "A" in "grade A"; a capital after the first letter: "iPhone", "McDonald".
    if text.chars().count() < 2 || text.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    if !stands_alone(doc, span.clone(), i) {
        return None;
    }
    let lower = text.to_lowercase().replace('’', "'");
    let stem = strip_possessive(&lower);
    if is_function_word(stem) {
        // "the It girl", "The Who": after an article a pronoun or preposition is a noun or name.
        let after_article = matches!(
            self::lower(doc, &doc.tokens[i - 1]).as_str(),
            "a" | "an" | "the"
        );
        return (!after_article).then_some(Strength::FunctionWord);
    }
    if NEVER_CAPITALISED.contains(&lower.as_str()) {
        // A surname (Donna Summer, Mr Winter) never follows these words.
        let time_word = SEASON_INTRODUCERS.contains(&self::lower(doc, &doc.tokens[i - 1]).as_str());
        return time_word.then_some(Strength::Season);
    }
    if in_name_position(doc, i) || before_foreign_word(doc, span, i) {
        return None;
    }
    let info = english_word(text)?;
    if info.also_capitalised
        || is_name_part(text)
        || known_entity(text)
        || lexicon().western_name(strip_possessive(text)).is_some()
    {
        return None;
    }
    Some(Strength::ContentWord)
}

/// No capitalised neighbour (directly or across title-case minor words), no punctuation before it
/// that may open a clause, quotation or parenthesis, no number or letter after it, not named by a
/// naming verb, not after "see" or "section", not spelled out before an acronym, not inside a
/// Markdown link text or emphasis.
fn stands_alone(doc: &Document, span: Range<usize>, i: usize) -> bool {
    // "the previous [Salsa](…) family", "they land under **Other**": marked as a name or title.
    if doc.tokens[i].is(Flags::MARKED) {
        return false;
    }
    let previous = &doc.tokens[i - 1];
    if previous.kind != TokenKind::Word || is_capitalised(previous) {
        return false;
    }
    // "a part called Legato", "I called it Character".
    let named = (span.start..i)
        .rev()
        .take(2)
        .any(|j| NAMING_VERBS.contains(&lower(doc, &doc.tokens[j]).as_str()));
    if named || is_cross_reference(doc, i) {
        return false;
    }
    if capital_across_minor_words(doc, (span.start..i).rev())
        || capital_across_minor_words(doc, i + 1..span.end)
    {
        return false;
    }
    // "State-owned Shareholders", "Anti-submarine Ship": after a compound that opens with a capital.
    if i >= span.start + 3 && is_tight_hyphen(doc, i - 2) && is_capitalised(&doc.tokens[i - 3]) {
        return false;
    }
    let Some(next) = doc.tokens.get(i + 1).filter(|_| i + 1 < span.end) else {
        return true;
    };
    if next.kind == TokenKind::Number || next.is(Flags::HAS_DIGIT) {
        return false;
    }
    if next.kind == TokenKind::Word && (is_capitalised(next) || doc.text(next).chars().count() == 1)
    {
        return false;
    }
    if next.kind == TokenKind::Punct {
        let mark = doc.text(next);
        // "Alpha-Beta", "Wi-Fi": a hyphenated capitalised compound.
        if mark == "-" && !next.is(Flags::SPACE_BEFORE) {
            return false;
        }
        // "Ultraviolet (UV)": the spelled-out form of an acronym is capitalised like a name.
        if mark == "(" && doc.tokens.get(i + 2).is_some_and(|t| t.is(Flags::ALL_CAPS)) {
            return false;
        }
        // "Architectural, Surveying, Planning": a list of capitalised names.
        if mark == ","
            && doc
                .tokens
                .get(i + 2)
                .is_some_and(|t| i + 2 < span.end && is_capitalised(t))
        {
            return false;
        }
    }
    true
}

/// A capitalised word that opens the title of a part of the text or of another work: after
/// "section", "chapter" or "appendix", or after "see" ("(see Bugs and caveats below)", "please see
/// Other resources"). A stray capital right after "see" is rare; a title there is common.
fn is_cross_reference(doc: &Document, i: usize) -> bool {
    let previous = lower(doc, &doc.tokens[i - 1]);
    previous == "see" || PART_NOUNS.contains(&previous.as_str())
}

/// A hyphen with no space on either side, joining the parts of a compound.
fn is_tight_hyphen(doc: &Document, j: usize) -> bool {
    let hyphen = &doc.tokens[j];
    hyphen.kind == TokenKind::Punct
        && doc.text(hyphen) == "-"
        && !hyphen.is(Flags::SPACE_BEFORE)
        && doc
            .tokens
            .get(j + 1)
            .is_some_and(|t| !t.is(Flags::SPACE_BEFORE))
}

/// Walking `indices` away from a word, whether a capitalised word comes after one or two title-case
/// minor words.
fn capital_across_minor_words(doc: &Document, mut indices: impl Iterator<Item = usize>) -> bool {
    let mut minor = 0;
    for j in indices.by_ref().take(3) {
        let token = &doc.tokens[j];
        if token.kind == TokenKind::Word
            && !token.is(Flags::CAPITALISED)
            && MINOR_WORDS.contains(&lower(doc, token).as_str())
        {
            minor += 1;
            continue;
        }
        let sentence_opener =
            token.is(Flags::SENTENCE_INITIAL) && is_function_word(&lower(doc, token));
        return minor > 0 && is_capitalised(token) && !sentence_opener;
    }
    false
}

/// Whether the word before token `i` puts it where a name stands ("the", "at", "three", "3rd").
fn in_name_position(doc: &Document, i: usize) -> bool {
    let previous = &doc.tokens[i - 1];
    previous.is(Flags::HAS_DIGIT) || NAME_POSITION.contains(&lower(doc, previous).as_str())
}

/// Whether token `i` is followed by a lowercase word that is not English: the genus of a species
/// name ("Amoeba proteus", "Homo sapiens") or a word of a foreign name.
fn before_foreign_word(doc: &Document, span: Range<usize>, i: usize) -> bool {
    doc.tokens
        .get(i + 1)
        .filter(|_| i + 1 < span.end)
        .is_some_and(|next| is_lowercase_word(doc, next) && english_word(doc.text(next)).is_none())
}

/// Whether token `i` follows a modal verb or a degree adverb, where a verb, an adjective or an
/// adverb stands and no name can ("will Expand", "very Different").
fn stands_where_no_name_can(doc: &Document, i: usize) -> bool {
    let previous = lower(doc, &doc.tokens[i - 1]);
    MODALS.contains(&previous.as_str()) || DEGREE_ADVERBS.contains(&previous.as_str())
}

/// A pronoun capitalised for God: in a sentence that names God, or in a document that
/// capitalises such pronouns inside sentences more than once.
fn is_devotional(doc: &Document, usage: &CapitalUsage, span: Range<usize>, i: usize) -> bool {
    let word = lower(doc, &doc.tokens[i]);
    if !DEVOTIONAL_PRONOUNS.contains(&word.as_str()) {
        return false;
    }
    let names_god = span
        .clone()
        .any(|j| DEITY_NAMES.contains(&doc.text(&doc.tokens[j])));
    names_god || usage.devotional >= 2
}

fn lower(doc: &Document, token: &Token) -> String {
    doc.text(token).to_lowercase().replace('’', "'")
}

fn is_capitalised(token: &Token) -> bool {
    token.kind == TokenKind::Word && (token.is(Flags::CAPITALISED) || token.is(Flags::ALL_CAPS))
}

/// A title (Mr, President) or the head word of an organisation or place name (Court, Ministry,
/// River): capitalised alone, it stands for the full name ("the Court ruled").
fn is_name_part(text: &str) -> bool {
    let head = |word: &str| {
        [Cue::Title, Cue::OrgHead, Cue::PlaceHead]
            .into_iter()
            .any(|cue| lists().is_cue(word, cue))
    };
    let bare = strip_possessive(text);
    head(bare) || bare.strip_suffix('s').is_some_and(head)
}

fn known_entity(text: &str) -> bool {
    known_entities()
        .lookup(text)
        .is_some_and(|found| found.record.is_spelled(text))
}

fn is_title_case(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let capitalised = words.iter().filter(|t| is_capitalised(t)).count();
    words.len() >= 2 && capitalised as f64 >= TITLE_CASE_SHARE * words.len() as f64
}

fn is_english(doc: &Document, tokens: &[Token]) -> bool {
    let (lowercase, english) = english_share(doc, tokens);
    lowercase == 0 || english as f64 >= ENGLISH_SHARE * lowercase as f64
}

/// For a word inside a quotation, whether the quotation is English: a German noun in a German
/// quotation is capitalised by German rules. The last quotation judged is remembered, so a long
/// quotation is read once however many candidates it holds.
#[derive(Default)]
struct QuotationCache {
    last: Option<(Range<usize>, bool)>,
}

impl QuotationCache {
    fn is_english(&mut self, doc: &Document, span: Range<usize>, i: usize) -> bool {
        if !doc.tokens[i].is(Flags::IN_QUOTE) {
            return true;
        }
        if let Some((range, english)) = &self.last {
            if range.contains(&i) {
                return *english;
            }
        }
        let quoted = |j: &usize| doc.tokens[*j].is(Flags::IN_QUOTE);
        let start = (span.start..i).rev().take_while(quoted).last().unwrap_or(i);
        let end = (i..span.end)
            .take_while(quoted)
            .last()
            .map_or(i + 1, |j| j + 1);
        let english = is_english(doc, &doc.tokens[start..end]);
        self.last = Some((start..end, english));
        english
    }
}

/// How the document capitalises words inside sentences, so that a word capitalised on purpose
/// (a name, a brand, a defined term) is recognised by its repetition.
struct CapitalUsage<'d> {
    /// Times each word is capitalised inside a sentence, and whether it ever stands in a run of
    /// capitalised words (part of a name).
    words: HashMap<&'d str, (usize, bool)>,
    /// Words written in lowercase, by their usage key.
    lowercase: HashSet<&'d str>,
    /// Pronouns of God capitalised inside a sentence ("His", "Him").
    devotional: usize,
}

impl<'d> CapitalUsage<'d> {
    fn of(doc: &'d Document) -> CapitalUsage<'d> {
        let mut words: HashMap<&'d str, (usize, bool)> = HashMap::new();
        let mut lowercase = HashSet::new();
        let mut devotional = 0;
        for (i, token) in doc.tokens.iter().enumerate() {
            if is_lowercase_word(doc, token) {
                lowercase.insert(usage_key(doc.text(token)));
                continue;
            }
            if token.kind != TokenKind::Word || !token.is(Flags::CAPITALISED) {
                continue;
            }
            let text = usage_key(doc.text(token));
            let in_name = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| doc.tokens.get(j))
                .any(is_capitalised);
            let mid_sentence = !token.is(Flags::SENTENCE_INITIAL);
            let short = token.end - token.start <= 7;
            if mid_sentence && short && DEVOTIONAL_PRONOUNS.contains(&lower(doc, token).as_str()) {
                devotional += 1;
            }
            if mid_sentence || in_name {
                let entry = words.entry(text).or_default();
                entry.0 += usize::from(mid_sentence);
                entry.1 |= in_name && mid_sentence;
            }
        }
        CapitalUsage {
            words,
            lowercase,
            devotional,
        }
    }

    fn is_deliberate(&self, text: &str) -> bool {
        self.words
            .get(usage_key(text))
            .is_some_and(|&(count, in_name)| count >= 2 || in_name)
    }

    /// Whether the document also writes the word of `text` in lowercase.
    fn is_lowercase_elsewhere(&self, text: &str) -> bool {
        let lower = text.to_lowercase().replace('’', "'");
        self.lowercase.contains(usage_key(&lower))
    }
}

/// The form under which a capitalised word's uses are counted: without a possessive and without
/// a plural -s, so that "Task" and "Tasks", a defined term in both numbers, count together.
fn usage_key(text: &str) -> &str {
    let text = strip_possessive(text);
    match text.strip_suffix('s') {
        Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem,
        _ => text,
    }
}

fn strip_possessive(text: &str) -> &str {
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text)
}

fn finding(doc: &Document, token: &Token, strength: Strength) -> Finding {
    let text = doc.text(token);
    let mut chars = text.chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    let confidence = match strength {
        Strength::FunctionWord => 0.85,
        Strength::Season | Strength::ContentWord => 0.6,
    };
    Finding::new(
        &CAPITAL_MID_SENTENCE,
        token.range(),
        format!("“{text}” is capitalised inside a sentence"),
    )
    .confidence(confidence)
    .suggest(lowered.clone())
    .fix(Fix::unsafe_edit(Edit::replace(token.range(), lowered)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;
    use crate::text::InputFormat;

    #[test]
    fn flags_stray_capitals() {
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "He said the constraints are It's really from the other parts.",
            &["It's"],
        );
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "The festival is a source of income during the Winter.",
            &["Winter"],
        );
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "The company will Expand its factory next year.",
            &["Expand"],
        );
    }

    #[test]
    fn fix_lowercases_unsafely() {
        let text = "It rained during the Winter.";
        assert_suggestion(&CAPITAL_MID_SENTENCE, text, "winter");
        assert_fixed(&CAPITAL_MID_SENTENCE, text, Applicability::Safe, text);
        assert_fixed(
            &CAPITAL_MID_SENTENCE,
            text,
            Applicability::Unsafe,
            "It rained during the winter.",
        );
    }

    #[test]
    fn names_that_are_words_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The report was written by Bill and checked by Rose.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "Shares of Apple rose, and the University of Reading agreed.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The statement was read by Winter on Monday.",
        );
    }

    #[test]
    fn names_of_several_words_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The ruling of the Supreme Court was welcomed by the Ministry of Commerce.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The case went back to the Court, and the Ministry said the Senate agreed.",
        );
    }

    #[test]
    fn days_months_nationalities_and_the_internet_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "On Monday in March the Chinese and English teams met on the Internet.",
        );
    }

    #[test]
    fn openings_after_punctuation_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "He had one rule: Never lie. The aim; Growth matters.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "She said “Growth is slow” and left (Growth was slower).",
        );
        assert_no_lints(&CAPITAL_MID_SENTENCE, "The plan — Growth first — failed.");
    }

    #[test]
    fn titles_headings_and_lists_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "Museum Reopens After Two Years of Work",
        );
        assert_no_lints(&CAPITAL_MID_SENTENCE, "Items:\nFresh noodles\nGreen tea");
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "They met in Room 5 to discuss Plan B.",
        );
    }

    #[test]
    fn a_defined_term_capitalised_in_both_numbers_is_deliberate() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The loop stops when cancelled Tasks end. Each finished Task returns its result.",
        );
    }

    #[test]
    fn cross_references_to_parts_of_the_text_stay_unflagged() {
        for text in [
            "This may cause trouble (see Bugs and caveats below).",
            "The layout is described in section Overview of this guide.",
            "Files are listed in the manifest; see Specifying the files for details.",
            "For more information please see Other resources.",
        ] {
            assert_no_lints(&CAPITAL_MID_SENTENCE, text);
        }
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "Visitors came to see the progress. They watch Progress in the new district.",
            &["Progress"],
        );
    }

    #[test]
    fn markdown_link_texts_and_emphasis_stay_unflagged() {
        let text = "A salsa is a dance. It improves on the previous [Salsa](https://example.com) \
                    family. Such changes land under **Other** or _About_ unless listed.";
        assert!(lint_as(&CAPITAL_MID_SENTENCE, text, InputFormat::Markdown).is_empty());
        let plain = "A salsa is a dance. It improves on the previous Salsa family.";
        assert_eq!(
            lint_as(&CAPITAL_MID_SENTENCE, plain, InputFormat::Markdown).len(),
            1
        );
    }

    #[test]
    fn titles_of_works_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The cycle of Jacob and his Sons has been on display for years.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "My favourite is Notes from the Underground, and his latest book, Hegemony or Survival, sold well.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The first part is called Legato and the second part was called Staccato.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "I called it Character, walks and words.",
        );
    }

    #[test]
    fn words_in_the_position_of_names_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "Watford lost 3-2 at Arsenal after migrants crossed the Channel.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "They will play three Tests, and with allies and Independents it has 97 seats.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The lamp emits Ultraviolet (UV) radiation.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "Trading resumed after a transfer by State-owned Shareholders last week.",
        );
    }

    #[test]
    fn flags_function_words_and_seasons_anywhere_else() {
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "It is a comprehensive test The main battlefield for ability.",
            &["The"],
        );
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "Prices rise every Summer and fall in the Autumn.",
            &["Summer", "Autumn"],
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The song was recorded by Donna Summer and sung by Summer herself.",
        );
    }

    #[test]
    fn repeated_capitals_are_deliberate() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "The rent is due under the Lease. The tenant signed the Lease in May.",
        );
    }

    #[test]
    fn foreign_quotations_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "She said „wir haben die Hand gereicht und die Angst verloren“ to the crowd.",
        );
    }

    #[test]
    fn a_content_word_needs_evidence_from_the_document() {
        for text in [
            "During the voyage, the first mate Arrow, a drunkard, disappears overboard.",
            "He drove the new Mustang to the coast.",
            "Mystique ambushed Sinister and shoved his face away.",
            "The shell reached Hoods rear ammunition magazine.",
        ] {
            assert_no_lints(&CAPITAL_MID_SENTENCE, text);
        }
        // Written in lowercase elsewhere, or where only a verb or an adjective stands.
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "Each caste of the region has its own Caste myth.",
            &["Caste"],
        );
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "Insects may be able to perceive very, very Different textures.",
            &["Different"],
        );
    }

    #[test]
    fn names_units_and_species_stay_unflagged() {
        for text in [
            "The counterattack threw the 2nd Battalion into confusion, and the battalion fled.",
            "The amoeba Amoeba proteus is common in ponds.",
            "She was the It girl of the season, and The Who played on.",
            "The council adopted the draft Regulation on Monday.",
        ] {
            assert_no_lints(&CAPITAL_MID_SENTENCE, text);
        }
    }

    #[test]
    fn pronouns_of_god_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "He opposes the idea of God, and preaches revolt against Him.",
        );
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "Serpents form His earrings and He is smeared in ashes.",
        );
        assert_lints(
            &CAPITAL_MID_SENTENCE,
            "I want to go back to this graph He showed earlier.",
            &["He"],
        );
    }

    #[test]
    fn the_pronoun_i_and_acronyms_stay_unflagged() {
        assert_no_lints(
            &CAPITAL_MID_SENTENCE,
            "He knew I was right about the NASA budget and the iPhone.",
        );
    }
}
