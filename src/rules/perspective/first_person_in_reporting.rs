//! First person in third-person reporting.
//!
//! The decision is made for the whole document first: only a document whose narration is third
//! person, and which reports (it attributes words to sources: "said", "told"), can have a first person that
//! does not belong. The first person is then an exception there, a few sentences at most, and
//! never in the lead, where a columnist, an essayist, an author of a paper or an institution
//! writing about itself sets the voice. Interviews, transcripts and Q&A are left alone. Quoted
//! text is never judged: tokens carry `IN_QUOTE` from the document's quotation map.

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::text::case::capitalise_like;
use crate::text::{Document, Flags, Problem, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds “we”, “our”, “us”, “I”, “my” and their kin in the narration of a third-person report,
    /// outside quotations: the reporter suddenly speaking as the people reported on.
    ///
    /// ## Why it matters
    /// Source languages often leave the speaker implicit, or quote without quotation marks, and
    /// machine translation then puts the subject's “we” into the reporter's mouth. The reader can
    /// no longer tell who is speaking, and the newspaper seems to share an interested party's
    /// ambitions.
    ///
    /// ## Example
    /// ```text
    /// China has invested heavily in education. This helped to build a pool of talent that will be
    /// key to our ambitions to lead in AI by 2030, officials said.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// China has invested heavily in education. This helped to build a pool of talent that will be
    /// key to its ambitions to lead in AI by 2030, officials said.
    /// ```
    ///
    /// Only documents whose narration is otherwise third person are checked: the document must
    /// report (attribute words to its sources with “said”, “says”, “told”), and the first person
    /// must be rare in its narration (at most two sentences, or a tenth of them) and absent from
    /// its lead. Columns, essays, papers written as “we”, institutions writing about themselves,
    /// documents that address the reader as “you”, interviews, Q&A and transcripts are left alone.
    ///
    /// Quoted first person (“our education is amazing,” read the headline) is never flagged, nor
    /// are “let us”, a publication's own voice (“our readers”), names and titles (“Our Lady”, “My
    /// Fair Lady”), or the numeral I (“World War I”, “phase I”). Words that are probably a
    /// speaker's own, with their quotation marks lost, are left to the quotation rules: before a
    /// closing quotation mark that has no opening one, in a statement signed with a bare name, or
    /// right after a sentence that opens with an attribution (“She says the issue is
    /// complicated. We need time.”). First person in reported speech that carries its own
    /// attribution (“He said we should go”, “We must admit there is a gap, an official said”) is
    /// flagged: news keeps a speaker's own words inside quotation marks.
    ///
    /// ## Fix safety
    /// “our country” and “my country” (a common rendering of the source's word for “the
    /// country”) become “the country”; otherwise “our” becomes “its” or “their”, chosen from the
    /// pronouns around it. Both fixes are unsafe: only a person can tell what “our” referred to.
    /// “we”, “us”, “ours” and “ourselves” get “they”, “them”, “theirs” and “themselves” as
    /// display-only suggestions, since the sentence usually needs rewording (“we still don't
    /// know” → “it is still not known”). The singular first person gets no fix.
    pub static FIRST_PERSON_IN_REPORTING = {
        code: "P001",
        name: "first-person-in-reporting",
        finds: "\"our ambitions\" in third-person reporting, outside quotations (not in a piece written in the first person, nor the generic \"our sun\", \"we found\" of science writing)",
        category: Perspective,
        mqm: [AccuracyMistranslation],
        severity: Warning,
        status: Stable,
        fix: Sometimes,
        check: check,
    };
}

/// A first-person form and how it is rewritten in the third person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Person {
    /// our: "its" or "their".
    PluralPossessive,
    /// we, us, ours, ourselves and contractions: "they", "them", "theirs", "themselves".
    Plural,
    /// I, me, my, myself and contractions.
    Singular,
}

/// First-person forms (lowercase, straight apostrophe), their kind and third-person forms
/// (singular neuter, plural).
const FORMS: &[(&str, Person, &str, &str)] = &[
    ("i", Person::Singular, "", ""),
    ("i'd", Person::Singular, "", ""),
    ("i'll", Person::Singular, "", ""),
    ("i'm", Person::Singular, "", ""),
    ("i've", Person::Singular, "", ""),
    ("me", Person::Singular, "", ""),
    ("my", Person::Singular, "", ""),
    ("myself", Person::Singular, "", ""),
    ("our", Person::PluralPossessive, "its", "their"),
    ("ours", Person::Plural, "", "theirs"),
    ("ourselves", Person::Plural, "", "themselves"),
    ("us", Person::Plural, "", "them"),
    ("we", Person::Plural, "", "they"),
    ("we'd", Person::Plural, "", "they'd"),
    ("we'll", Person::Plural, "", "they'll"),
    ("we're", Person::Plural, "", "they're"),
    ("we've", Person::Plural, "", "they've"),
];

/// Words before a numeral I that are not the pronoun: "phase I", "type I", "World War I".
const BEFORE_NUMERAL: &[&str] = &[
    "act", "appendix", "article", "book", "category", "chapter", "class", "division", "grade",
    "group", "level", "part", "phase", "schedule", "section", "stage", "tier", "title", "type",
    "volume", "war",
];

/// Verbs that attribute words to a speaker: the mark of reporting, and of a sentence after which
/// the speaker's own words may follow.
const SPEECH_VERBS: &[&str] = &[
    "add",
    "added",
    "adds",
    "announced",
    "argued",
    "argues",
    "claimed",
    "claims",
    "explained",
    "explains",
    "insisted",
    "insists",
    "noted",
    "notes",
    "recalled",
    "recalls",
    "reported",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "tell",
    "tells",
    "told",
    "wrote",
    "writes",
];

/// Speech verbs that mostly take a noun object ("announced new rules", "reported losses") rather
/// than introduce the speaker's words.
const OBJECT_VERBS: &[&str] = &["announced", "reported"];

/// The verbs with which news attributes words to its sources, as opposed to the verbs with which
/// an essay or a paper discusses other writers ("argues", "notes", "claims").
const REPORTING_VERBS: &[&str] = &["said", "says", "tell", "tells", "told"];

/// Nouns after which "our" or "my" means the reporter's own country or its institutions, which
/// third-person reporting names with "the": "in our country" → "in the country".
const NATIONAL_NOUNS: &[&str] = &[
    "capital",
    "country",
    "government",
    "homeland",
    "motherland",
    "nation",
    "province",
    "region",
];

/// Words addressing the reader: a document that uses them in its narration is not a report.
const SECOND_PERSON: &[&str] = &["you", "your", "yours", "yourself", "yourselves"];

/// A report attributes words to its sources at least this many times.
const MIN_ATTRIBUTIONS: usize = 2;

/// Nouns after "our" that are a publication's own voice: "so our readers may learn more".
const HOUSE_NOUNS: &[&str] = &[
    "audience",
    "correspondent",
    "correspondents",
    "coverage",
    "editors",
    "journalists",
    "listeners",
    "newsroom",
    "photographer",
    "readers",
    "reporter",
    "reporters",
    "sources",
    "staff",
    "viewers",
    "website",
];

/// What everyone shares: after "our" these make it the generic first person of science and
/// explanatory writing ("our sun", "our understanding of"), not a reporter speaking for a party.
const SHARED_NOUNS: &[&str] = &[
    "ancestors",
    "bodies",
    "body",
    "brain",
    "brains",
    "cells",
    "civilisation",
    "civilization",
    "cosmos",
    "dna",
    "earth",
    "evolution",
    "existence",
    "eyes",
    "forebears",
    "galaxy",
    "genes",
    "genome",
    "knowledge",
    "mind",
    "minds",
    "moon",
    "perception",
    "planet",
    "senses",
    "solar",
    "species",
    "sun",
    "understanding",
    "universe",
];

/// Words naming humankind: a sentence about it uses "we" for everyone ("humanity has overcome
/// countless dangers with the technology we have").
const HUMANKIND: &[&str] = &["humanity", "humankind", "humans", "mankind"];

/// The work of a study, after "our" ("our results"), and its verbs, after "we" ("we found"): the
/// authors of a study writing about it, which is their own voice and not a slip.
const STUDY_NOUNS: &[&str] = &[
    "analysis",
    "data",
    "experiment",
    "experiments",
    "findings",
    "model",
    "paper",
    "research",
    "results",
    "sample",
    "study",
    "survey",
];
const STUDY_VERBS: &[&str] = &[
    "analysed",
    "analyzed",
    "compared",
    "estimate",
    "estimated",
    "examined",
    "find",
    "found",
    "measured",
    "observed",
    "sampled",
    "show",
    "showed",
    "studied",
    "surveyed",
    "tested",
];

/// First person in paragraphs this far apart (as a share of the document's paragraphs) is the
/// voice of the whole piece, not a slip in one place.
const VOICE_SPREAD: f64 = 0.5;

/// At most this share of the narration's sentences may hold the first person in a report…
const MAX_FIRST_PERSON_SHARE: f64 = 0.1;
/// …but a report may always have this many (a short article with one slip is still a report).
const ALWAYS_EXCEPTIONAL: usize = 2;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.is_transcript() || is_dialogue(doc) {
        return;
    }
    let candidates: Vec<(usize, Person)> = (0..doc.tokens.len())
        .filter_map(|i| first_person(doc, i).map(|p| (i, p)))
        .collect();
    if candidates.is_empty() || !narration_is_third_person(doc, &candidates) {
        return;
    }
    let speech = SpeechContext::of(doc);
    for &(i, person) in &candidates {
        let generic = person != Person::Singular && is_generic_sentence(doc, doc.sentence_of(i));
        if !generic && !speech.is_speakers_words(doc, i) {
            out.push(finding(doc, i, person));
        }
    }
}

/// Whether the plural first person of a sentence is everyone's or a study's authors': "our" before
/// something all people share ("our sun", "our understanding") or a study's work ("our
/// results"), "we" before a study's verb ("we found"), or a sentence about humankind.
fn is_generic_sentence(doc: &Document, sentence: usize) -> bool {
    let tokens = doc.sentence_tokens(&doc.sentences[sentence]);
    let words: Vec<String> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| lower(doc, t))
        .collect();
    words.iter().enumerate().any(|(k, word)| {
        let next = words.get(k + 1).map(String::as_str).unwrap_or_default();
        // "we still found", "we have shown": past an adverb or an auxiliary.
        let verb = words[k + 1..]
            .iter()
            .take(2)
            .any(|w| STUDY_VERBS.contains(&w.as_str()));
        match word.as_str() {
            "our" => SHARED_NOUNS.contains(&next) || STUDY_NOUNS.contains(&next),
            "we" => verb,
            w => HUMANKIND.contains(&w),
        }
    })
}

/// Where the narration hands over to a speaker even though no quotation mark says so.
struct SpeechContext {
    /// Per paragraph: the start of the last closing quotation mark that has no opening mark (the
    /// quotation began before the paragraph or lost its opening mark).
    unopened: Vec<Option<usize>>,
    /// Per sentence: it opens by attributing words to a speaker ("She says the issue is
    /// complicated.").
    attributes: Vec<bool>,
    /// Per sentence: it is a signature, a bare name under a statement ("John Smith, Senator").
    signature: Vec<bool>,
}

impl SpeechContext {
    fn of(doc: &Document) -> SpeechContext {
        let mut unopened = vec![None; doc.paragraphs.len()];
        for mark in doc.quotes.marks.iter().filter(|m| {
            m.kind.is_quote()
                && matches!(
                    m.problem,
                    Some(Problem::Unopened | Problem::OpenedBeforeText)
                )
        }) {
            if let Some(slot) = unopened.get_mut(mark.paragraph) {
                *slot = Some(mark.range.start);
            }
        }
        let attributes = doc
            .sentences
            .iter()
            .map(|s| introduces_speech(doc, doc.sentence_tokens(s)))
            .collect();
        let signature = doc
            .sentences
            .iter()
            .map(|s| is_signature(doc, doc.sentence_tokens(s)))
            .collect();
        SpeechContext {
            unopened,
            attributes,
            signature,
        }
    }

    /// Whether the first person at token `i` is probably a speaker's own words whose quotation
    /// marks are missing: a closing mark without an opening one follows it in its paragraph, the
    /// statement is signed, or the sentence before opens with an attribution and this one has
    /// none of its own.
    fn is_speakers_words(&self, doc: &Document, i: usize) -> bool {
        let token = &doc.tokens[i];
        let sentence = doc.sentence_of(i);
        let paragraph = doc.sentences[sentence].paragraph;
        if self.unopened[paragraph].is_some_and(|at| at > token.start as usize) {
            return true;
        }
        let last_of_paragraph = doc.paragraphs[paragraph].sentences.end - 1;
        if self.signature[last_of_paragraph]
            || sentence.checked_sub(1).is_some_and(|b| self.signature[b])
        {
            return true;
        }
        // A sentence with its own attribution ("We must act, an official said") is reported speech
        // without quotation marks, which news does not print: it is not continuing a speaker.
        let attributed_here = has_speech_verb(doc, doc.sentence_tokens(&doc.sentences[sentence]));
        !attributed_here && sentence.checked_sub(1).is_some_and(|b| self.attributes[b])
    }
}

fn has_speech_verb(doc: &Document, tokens: &[Token]) -> bool {
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.is(Flags::IN_QUOTE))
        .any(|t| is_one_of(doc.text(t), SPEECH_VERBS))
}

/// Whether a sentence opens by attributing words to a speaker ("She says the issue is
/// complicated", "Paris also claims that…"): the speaker's words then follow and may run on into
/// the next sentence. A trailing attribution ("…, officials said.") closes the speech instead.
fn introduces_speech(doc: &Document, tokens: &[Token]) -> bool {
    const MAX_SUBJECT_WORDS: usize = 5;
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.is(Flags::IN_QUOTE))
        .collect();
    words
        .iter()
        .take(MAX_SUBJECT_WORDS + 1)
        .position(|t| is_one_of(doc.text(t), SPEECH_VERBS) && !is_one_of(doc.text(t), OBJECT_VERBS))
        .is_some_and(|at| at > 0 && words.len() > at + 2)
}

/// A bare name standing as a sentence: every word capitalised, no more than a name and a title.
fn is_signature(doc: &Document, tokens: &[Token]) -> bool {
    const MAX_SIGNATURE_WORDS: usize = 8;
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let ends_sentence = tokens
        .last()
        .is_some_and(|t| matches!(doc.text(t), "." | "!" | "?"));
    (2..=MAX_SIGNATURE_WORDS).contains(&words.len())
        && !ends_sentence
        && words
            .iter()
            .all(|t| t.is(Flags::CAPITALISED) || t.is(Flags::ALL_CAPS))
}

/// Whether `word` is one of `list` (lowercase ASCII words), in any case, without allocating.
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn lower(doc: &Document, token: &Token) -> String {
    doc.text(token).to_lowercase().replace('’', "'")
}

fn form(word: &str) -> Option<&'static (&'static str, Person, &'static str, &'static str)> {
    FORMS.iter().find(|(w, ..)| *w == word)
}

/// The kind of first-person pronoun at token `i`, if it is one in the narration.
fn first_person(doc: &Document, i: usize) -> Option<Person> {
    let token = &doc.tokens[i];
    if token.kind != TokenKind::Word
        || token.is(Flags::IN_QUOTE)
        || token.is(Flags::ALL_CAPS)
        || token.end - token.start > 9
    {
        return None;
    }
    // Every form starts with one of these letters: most words are rejected without lowercasing.
    if !doc
        .text(token)
        .starts_with(['i', 'I', 'm', 'M', 'o', 'O', 'u', 'U', 'w', 'W'])
    {
        return None;
    }
    let word = lower(doc, token);
    let &(_, person, ..) = form(&word)?;
    let is_i = word == "i" || word.starts_with("i'");
    // "Our Lady", "My Fair Lady", "We Chat": a capital after a word inside a sentence makes it a
    // name or title. After a colon or a dash it opens a clause ("the statement said: Our goal…").
    let after_word = i > 0 && doc.tokens[i - 1].kind == TokenKind::Word;
    if !is_i && token.is(Flags::CAPITALISED) && !token.is(Flags::SENTENCE_INITIAL) && after_word {
        return None;
    }
    if is_i && word == "i" && !is_pronoun_i(doc, i) {
        return None;
    }
    // "Let us" is a fixed formula of exhortation, not the reporter's voice.
    if word == "us" && previous_word(doc, i).is_some_and(|p| lower(doc, p) == "let") {
        return None;
    }
    // "our readers": the publication speaking as itself.
    if word == "our"
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|n| HOUSE_NOUNS.contains(&lower(doc, n).as_str()))
    {
        return None;
    }
    Some(person)
}

fn previous_word<'d>(doc: &'d Document, i: usize) -> Option<&'d Token> {
    let previous = doc.tokens.get(i.checked_sub(1)?)?;
    (previous.kind == TokenKind::Word && doc.sentence_of(i - 1) == doc.sentence_of(i))
        .then_some(previous)
}

/// The pronoun I, not the numeral ("World War I", "phase I", "(i)") or a letter.
fn is_pronoun_i(doc: &Document, i: usize) -> bool {
    let token = &doc.tokens[i];
    if doc.text(token) != "I" {
        return false;
    }
    if let Some(previous) = previous_word(doc, i) {
        let capitalised_name =
            previous.is(Flags::CAPITALISED) && !previous.is(Flags::SENTENCE_INITIAL);
        if capitalised_name || BEFORE_NUMERAL.contains(&lower(doc, previous).as_str()) {
            return false;
        }
    }
    match doc.tokens.get(i + 1) {
        // A pronoun is followed by its verb or an adverb, or ends a clause ("than I.").
        Some(next) if next.kind == TokenKind::Word => {
            !next.is(Flags::CAPITALISED) || next.is(Flags::SENTENCE_INITIAL)
        }
        Some(next) => {
            next.kind == TokenKind::Punct && matches!(doc.text(next), "," | "." | ";" | "?" | "!")
        }
        None => true,
    }
}

/// A Q&A or interview laid out as speaker turns: at least two paragraphs open with a short label
/// and a colon ("Q:", "A:", "WN:", "Jane Smith:").
fn is_dialogue(doc: &Document) -> bool {
    const MAX_LABEL_WORDS: usize = 3;
    let turns = doc
        .paragraphs
        .iter()
        .filter(|p| {
            let tokens = &doc.tokens[p.tokens.clone()];
            let label = tokens
                .iter()
                .take_while(|t| t.kind == TokenKind::Word && t.is(Flags::CAPITALISED))
                .count();
            (1..=MAX_LABEL_WORDS).contains(&label)
                && tokens.get(label).is_some_and(|t| doc.text(t) == ":")
        })
        .take(2)
        .count();
    turns >= 2
}

/// Whether the document reports in the third person, so that its first-person narration is an
/// exception: it attributes statements, the first person is rare in the narration and not in the
/// lead, and it does not address the reader.
fn narration_is_third_person(doc: &Document, candidates: &[(usize, Person)]) -> bool {
    let mut narration_sentences = 0usize;
    let mut attributions = 0usize;
    let mut second_person = 0usize;
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let narration: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && !t.is(Flags::IN_QUOTE))
            .collect();
        if narration.len() >= 3 {
            narration_sentences += 1;
        }
        for token in narration {
            let word = doc.text(token);
            attributions += usize::from(is_one_of(word, REPORTING_VERBS));
            second_person += usize::from(is_one_of(word, SECOND_PERSON));
        }
    }
    let mut first_person_sentences: Vec<usize> = candidates
        .iter()
        .map(|&(i, _)| doc.sentence_of(i))
        .collect();
    first_person_sentences.dedup();
    let exceptional = first_person_sentences.len() <= ALWAYS_EXCEPTIONAL
        || (first_person_sentences.len() as f64)
            <= MAX_FIRST_PERSON_SHARE * narration_sentences as f64;
    let lead = lead_sentences(doc);
    let in_lead = candidates.iter().any(|&(i, _)| doc.sentence_of(i) < lead);
    attributions >= MIN_ATTRIBUTIONS
        && exceptional
        && !in_lead
        && !is_voice_of_the_piece(doc, &first_person_sentences)
        && second_person <= first_person_sentences.len()
}

/// Whether the first person recurs across the document, from its first half to its second: the
/// voice of an opinion piece, a memoir or a feature written as "I" or "we" throughout, however
/// sparingly. A translation's slip is local: one paragraph where a speaker's words lost their
/// quotation marks.
fn is_voice_of_the_piece(doc: &Document, sentences: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (sentences.first(), sentences.last()) else {
        return false;
    };
    let (first, last) = (
        doc.sentences[first].paragraph,
        doc.sentences[last].paragraph,
    );
    let spread = (last - first) as f64;
    last > first && spread >= VOICE_SPREAD * doc.paragraphs.len() as f64
}

/// The end (a sentence index) of the lead: the first paragraph long enough to be more than a
/// headline, a dateline or a byline, and everything before it, but only its first sentence
/// (a hard-wrapped plain text may be one long paragraph).
fn lead_sentences(doc: &Document) -> usize {
    const MIN_LEAD_WORDS: usize = 15;
    const MAX_LEAD_SENTENCES: usize = 1;
    let lead = doc.paragraphs.iter().find(|p| {
        doc.tokens[p.tokens.clone()]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
            >= MIN_LEAD_WORDS
    });
    lead.map_or(0, |p| {
        p.sentences.end.min(p.sentences.start + MAX_LEAD_SENTENCES)
    })
}

fn finding(doc: &Document, i: usize, person: Person) -> Finding {
    let token = &doc.tokens[i];
    let text = doc.text(token);
    let word = lower(doc, token);
    let message = format!("first person “{text}” in third-person reporting, outside any quotation");
    let base = Finding::new(&FIRST_PERSON_IN_REPORTING, token.range(), message);
    let Some(&(_, _, singular, plural)) = form(&word) else {
        return base;
    };
    let national = matches!(word.as_str(), "our" | "my")
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|next| is_one_of(doc.text(next), NATIONAL_NOUNS));
    match person {
        // "in our country", "my country's economy": the source's 我国, said of the reporter's own country.
        _ if national => {
            let rewrite = capitalise_like(text, "the");
            base.confidence(0.75)
                .suggest(rewrite.clone())
                .fix(Fix::unsafe_edit(Edit::replace(token.range(), rewrite)))
        }
        Person::PluralPossessive => {
            let (chosen, other) = if prefers_plural(doc, i) {
                (plural, singular)
            } else {
                (singular, plural)
            };
            let chosen = capitalise_like(text, chosen);
            base.confidence(0.75)
                .suggest(chosen.clone())
                .suggest(capitalise_like(text, other))
                .fix(Fix::new(
                    Applicability::Unsafe,
                    vec![Edit::replace(token.range(), chosen)],
                ))
        }
        Person::Plural => {
            let rewrite = capitalise_like(text, plural);
            base.confidence(0.7)
                .suggest(rewrite.clone())
                .fix(Fix::display_only(Edit::replace(token.range(), rewrite)))
        }
        Person::Singular => base.confidence(0.6),
    }
}

/// Whether the narration around token `i` (its sentence and the one before, within a window)
/// speaks of a plural ("they", "their") more than of a singular ("it", "its"), to choose "their"
/// over "its".
fn prefers_plural(doc: &Document, i: usize) -> bool {
    const WINDOW: usize = 60;
    let sentence = doc.sentence_of(i);
    let from = doc.sentences[sentence.saturating_sub(1)]
        .tokens
        .start
        .max(i.saturating_sub(WINDOW));
    let to = doc.sentences[sentence].tokens.end.min(i + WINDOW);
    let (mut singular, mut plural) = (0, 0);
    for token in doc.tokens[from..to]
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.is(Flags::IN_QUOTE))
    {
        let word = doc.text(token);
        singular += usize::from(is_one_of(word, &["it", "its", "itself"]));
        plural += usize::from(is_one_of(word, &["they", "their", "them", "themselves"]));
    }
    plural > singular
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    const LEAD: &str = "The ministry announced new rules for foreign investors in the technology sector on Monday, officials said.\n\n";

    fn report(body: &str) -> String {
        format!("{LEAD}{body}\n\nThe rules take effect in May, the ministry said in a statement.")
    }

    #[test]
    fn flags_first_person_in_narration() {
        let text = report(
            "This helped to build talent that will be key to our ambitions. However, we still don't know how long we can continue.",
        );
        assert_lints(&FIRST_PERSON_IN_REPORTING, &text, &["our", "we", "we"]);
    }

    #[test]
    fn our_becomes_its_or_their() {
        let text = report("China has invested in education, which is key to our ambitions.");
        assert_suggestion(&FIRST_PERSON_IN_REPORTING, &text, "its");
        assert_fixed(
            &FIRST_PERSON_IN_REPORTING,
            &text,
            Applicability::Unsafe,
            &report("China has invested in education, which is key to its ambitions."),
        );
        let plural = report("The students said they had worked hard for our future.");
        assert_suggestion(&FIRST_PERSON_IN_REPORTING, &plural, "their");
        assert_fixed(
            &FIRST_PERSON_IN_REPORTING,
            &plural,
            Applicability::Unsafe,
            &report("The students said they had worked hard for their future."),
        );
    }

    #[test]
    fn our_country_becomes_the_country() {
        let text = report("Wu Xiaomin is a leading expert on antelopes in my country.");
        assert_fixed(
            &FIRST_PERSON_IN_REPORTING,
            &text,
            Applicability::Unsafe,
            &report("Wu Xiaomin is a leading expert on antelopes in the country."),
        );
    }

    #[test]
    fn we_gets_a_display_only_suggestion() {
        let text = report(
            "We must admit there is still a gap between us and the leaders, an official said.",
        );
        assert_lints(&FIRST_PERSON_IN_REPORTING, &text, &["We", "us"]);
        assert_suggestion(&FIRST_PERSON_IN_REPORTING, &text, "They");
        assert_fixed(
            &FIRST_PERSON_IN_REPORTING,
            &text,
            Applicability::Unsafe,
            &text,
        );
    }

    #[test]
    fn flags_reported_speech_without_quotation_marks() {
        assert_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("He said we should go home."),
            &["we"],
        );
        assert_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("The mayor told reporters I will not resign."),
            &["I"],
        );
        assert_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("The city government said: Our goal is to attract talent."),
            &["Our"],
        );
    }

    #[test]
    fn speakers_words_with_lost_quotation_marks_are_left_to_the_quote_rules() {
        // The sentence before opens with an attribution: the speaker's words follow.
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("She says the issue is complicated. We need more time to get it right."),
        );
        // But a sentence with its own attribution is reported speech without quotation marks.
        assert_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report(
                "Critics have said that the system rewards quantity. We must admit there is a gap, an official said.",
            ),
            &["We"],
        );
        // The quotation began in the paragraph before; its closing mark is still here.
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report(
                "The coach said, \"It was a hard game.\n\nWe could have scored twice in the first half.\" He left.",
            ),
        );
        // A signed statement.
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("I am deeply disappointed with the decision. John Cornyn, U.S. Senator"),
        );
    }

    #[test]
    fn the_house_voice_is_not_a_slip() {
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("Wikinews provides video so our readers may learn more."),
        );
    }

    #[test]
    fn quoted_first_person_is_never_flagged() {
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report(
                "“The success of Deepseek proves that our education is amazing,” read the headline.",
            ),
        );
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("\"We will win,\" he said, \"and I will lead us.\""),
        );
    }

    #[test]
    fn names_numerals_and_formulas_are_not_pronouns() {
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report(
                "The Cathedral of Our Lady was rebuilt after World War I, and a phase I trial began.",
            ),
        );
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("The revival of My Fair Lady opened; the US and Type I diabetes."),
        );
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            &report("The banner read let us pray."),
        );
    }

    #[test]
    fn first_person_documents_are_left_alone() {
        // An essay: the first person is everywhere.
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            "I moved to Beijing in 2010. My neighbours said the city would change me. I did not believe them.\nWe walked every evening. Our street was loud. I miss it.",
        );
        // A paper: "we" in the lead.
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            "In this paper we study lighting in museums.\nPrevious work said little about it. Smith (2010) reported mixed results, and we extend that work.",
        );
        // An institution writing about itself: the first person is in the lead.
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            "We are pleased to announce that our new plant in Ningde will open in May, the company said today.\n\nThe plant will employ 2,000 people, the mayor told reporters. Our customers said they welcomed it.",
        );
        // No reporting at all: nothing is attributed.
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            "The lake is cold.\nIn winter we skate on it.",
        );
    }

    #[test]
    fn the_generic_first_person_is_not_a_slip() {
        for body in [
            "The planet orbits closer to its star than Mercury does to our sun.",
            "The finding changes our understanding of how stars form.",
            "Since ancient times humanity has overcome dangers with the tools we have.",
            "In the trial, we found that the drug halved the risk of a second stroke.",
            "Our results suggest the effect is small.",
        ] {
            assert_no_lints(&FIRST_PERSON_IN_REPORTING, &report(body));
        }
    }

    #[test]
    fn a_piece_written_in_the_first_person_throughout_is_left_alone() {
        let paragraphs = [
            "The city council said on Monday that the old market would close in June.",
            "We have shopped there for thirty years, and the news came as a shock.",
            "The mayor told reporters the building was no longer safe.",
            "Engineers said repairs would cost more than a new hall.",
            "Traders plan to meet next week to discuss where to go.",
            "Whatever happens, our Saturdays will not be the same.",
        ];
        assert_no_lints(&FIRST_PERSON_IN_REPORTING, &paragraphs.join("\n\n"));
        // The same slips in one place of a report are found.
        let paragraphs = [
            paragraphs[0],
            "Prices rose sharply. This is key to our plans, and we cannot wait.",
            paragraphs[2],
            paragraphs[3],
            paragraphs[4],
            "The market opened in 1921, the council said.",
        ];
        assert_lints(
            &FIRST_PERSON_IN_REPORTING,
            &paragraphs.join("\n\n"),
            &["our", "we"],
        );
    }

    #[test]
    fn interviews_and_transcripts_are_left_alone() {
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            "Wikinews spoke to the mayor, who said the budget was tight.\nWN: What will you cut?\nMayor: We will cut our travel budget first.",
        );
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            "The host said hello.\nSo, uh, we went there and, um, we stayed.",
        );
    }

    #[test]
    fn reader_addressed_documents_are_left_alone() {
        assert_no_lints(
            &FIRST_PERSON_IN_REPORTING,
            "The tax changes, officials said, start in April.\nIf you earn less, your bill will fall. You should check, and we can help.",
        );
    }
}
