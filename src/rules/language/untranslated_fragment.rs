//! Untranslated text: runs of non-Latin script, and whole sentences in another Latin-script
//! language.
//!
//! Foreign-script runs are found on the document's tokens: a run is a stretch of tokens written
//! mostly in a non-Latin script, joined across the spaces, digits and punctuation between them and
//! ended by a Latin word; East Asian punctuation next to it belongs to it (Q011 leaves that
//! punctuation to this rule). A run in brackets right after an English word ("Liang Wenfeng
//! (梁文锋)") or followed by its translation in brackets is a gloss, which careful writers use; it
//! is allowed when the document is consistent about it, that is when every foreign run in the
//! document is such a gloss.
//!
//! Latin-script sentences are judged with `whatlang`, but only when three things agree: the
//! sentence is long enough for the detector, the detector is sure and names a language other than
//! English, and most of the sentence's lowercase words are not English words. The document as a
//! whole must read as English, or there is nothing to be untranslated from.

use std::cell::OnceCell;
use std::ops::Range;

use unicode_script::Script;
use whatlang::Lang;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;
use crate::rules::words::english_share;
use crate::text::script::{self, is_foreign_letter, is_fullwidth_punctuation, is_latin_letter};
use crate::text::{Document, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds text left untranslated: runs of Chinese, Japanese, Korean, Cyrillic, Arabic or other
    /// non-Latin script inside English text, and whole sentences in another Latin-script language
    /// (French, German, Spanish, Indonesian, ...).
    ///
    /// ## Why it matters
    /// Machine translation leaves pieces of the source behind when it meets a name, a slogan or a
    /// sentence it cannot parse. An English reader cannot read them, and they usually hide a part
    /// of the meaning that the translation lost.
    ///
    /// ## Example
    /// ```text
    /// The slogan 北京欢迎你 was everywhere. Le gouvernement a annoncé de nouvelles mesures hier soir.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The slogan “Beijing welcomes you” was everywhere. The government announced new measures last night.
    /// ```
    ///
    /// A native-script form in brackets after its English form (“Liang Wenfeng (梁文锋)”), or a
    /// foreign phrase followed by its translation in brackets, is a gloss and is allowed when the
    /// document glosses consistently (it leaves no bare fragment elsewhere). Single Greek letters
    /// and words are left alone (science and scholarship use them), and a Latin-script sentence is
    /// judged only when it is long enough for the language to be identified with confidence, most
    /// of its lowercase words are not English, and the rest of the document is English.
    ///
    /// ## Fix safety
    /// No fix: the fragment has to be translated.
    pub static UNTRANSLATED_FRAGMENT = {
        code: "L001",
        name: "untranslated-fragment",
        finds: "text left in Chinese or another script, sentences in another language",
        category: Language,
        mqm: [AccuracyUntranslated, NonTranslation],
        severity: Warning,
        status: Stable,
        fix: None,
        check: check,
    };
}

/// A Latin-script sentence is judged only with at least this many words…
const MIN_SENTENCE_WORDS: usize = 6;
/// …and this many lowercase words (capitalised ones may be names in any language).
const MIN_LOWERCASE_WORDS: usize = 4;
/// …and this many letters: below it whatlang's guesses are unreliable.
const MIN_SENTENCE_LETTERS: usize = 30;
/// A sentence whose lowercase words are at least this share English is English.
const ENGLISH_SENTENCE_SHARE: f64 = 0.5;
/// The rest of the document, outside a sentence, is English when at least this share of its
/// lowercase words are English…
const ENGLISH_DOCUMENT_SHARE: f64 = 0.75;
/// …and it has at least this many lowercase words to judge by.
const MIN_REST_WORDS: usize = 8;
/// whatlang's confidence needed to call a sentence foreign.
const MIN_CONFIDENCE: f64 = 0.5;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let runs = foreign_runs(doc);
    let consistent_glosses = runs.iter().all(|run| run.gloss);
    for run in &runs {
        if run.gloss && consistent_glosses {
            continue;
        }
        let text = doc.slice(run.range.clone());
        let (message, confidence) = if run.gloss {
            (
                format!(
                    "{} form in brackets, while the document also leaves text untranslated",
                    run.language
                ),
                0.5,
            )
        } else {
            (format!("untranslated {} text “{text}”", run.language), 0.9)
        };
        out.push(
            Finding::new(&UNTRANSLATED_FRAGMENT, run.range.clone(), message).confidence(confidence),
        );
    }
    foreign_sentences(doc, &runs, out);
}

/// A stretch of text in a non-Latin script.
struct Run {
    /// Token indices.
    tokens: Range<usize>,
    /// Bytes, with adjacent East Asian punctuation.
    range: Range<usize>,
    language: &'static str,
    gloss: bool,
}

/// Letters of a token by script family.
#[derive(Default)]
struct Letters {
    latin: usize,
    foreign: usize,
}

fn letters(text: &str) -> Letters {
    let mut letters = Letters::default();
    for c in text.chars() {
        if is_latin_letter(c) {
            letters.latin += 1;
        } else if is_foreign_letter(c) {
            letters.foreign += 1;
        }
    }
    letters
}

/// A word written mostly in a non-Latin script (a word mostly in Latin letters with a few
/// look-alikes is L002's).
fn is_foreign(doc: &Document, token: &Token) -> bool {
    if token.kind != TokenKind::Word {
        return false;
    }
    let letters = letters(doc.text(token));
    letters.foreign > letters.latin
}

fn is_latin_word(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Word && !is_foreign(doc, token)
}

fn is_fullwidth_mark(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Punct && doc.text(token).chars().all(is_fullwidth_punctuation)
}

fn foreign_runs(doc: &Document) -> Vec<Run> {
    let mut runs = Vec::new();
    for paragraph in &doc.paragraphs {
        let span = paragraph.tokens.clone();
        let mut i = span.start;
        while i < span.end {
            if !is_foreign(doc, &doc.tokens[i]) {
                i += 1;
                continue;
            }
            let mut last = i;
            for j in i + 1..span.end {
                let token = &doc.tokens[j];
                if is_foreign(doc, token) {
                    last = j;
                } else if token.kind == TokenKind::Word {
                    break;
                }
            }
            let mut first = i;
            while first > span.start && is_fullwidth_mark(doc, &doc.tokens[first - 1]) {
                first -= 1;
            }
            let mut end = last + 1;
            while end < span.end && is_fullwidth_mark(doc, &doc.tokens[end]) {
                end += 1;
            }
            if let Some(run) = make_run(doc, span.clone(), i..last + 1, first..end) {
                runs.push(run);
            }
            i = end;
        }
    }
    runs
}

/// The run of foreign words `core`, reported with the East Asian punctuation around it (`shown`);
/// whether it is a gloss is judged on the words alone, so that full-width brackets count as
/// brackets.
fn make_run(
    doc: &Document,
    paragraph: Range<usize>,
    core: Range<usize>,
    shown: Range<usize>,
) -> Option<Run> {
    let (language, letters, longest) = describe(doc, &doc.tokens[core.clone()]);
    if language == "Greek" && (letters < 6 || longest < 3) {
        // Greek letters as symbols (α, ΔG, π) or a single scholarly word.
        return None;
    }
    let shown_tokens = &doc.tokens[shown.clone()];
    let range = shown_tokens.first()?.start as usize..shown_tokens.last()?.end as usize;
    let gloss = is_gloss_after_english(doc, paragraph.clone(), core.clone())
        || is_named_by_its_language(doc, paragraph.clone(), core.clone(), language)
        || is_followed_by_translation(doc, paragraph.clone(), core.clone())
        || is_followed_by_quoted_translation(doc, paragraph, core);
    Some(Run {
        tokens: shown,
        range,
        language,
        gloss,
    })
}

/// The language a run is written in (named by its script; kana make it Japanese, hangul Korean),
/// its number of foreign letters, and the length of its longest word.
fn describe(doc: &Document, tokens: &[Token]) -> (&'static str, usize, usize) {
    let mut first: Option<Script> = None;
    let (mut kana, mut hangul) = (false, false);
    let (mut count, mut longest) = (0, 0);
    for token in tokens.iter().filter(|t| is_foreign(doc, t)) {
        let mut in_word = 0;
        for c in doc.text(token).chars().filter(|&c| is_foreign_letter(c)) {
            let s = script::script(c);
            first.get_or_insert(s);
            kana |= matches!(s, Script::Hiragana | Script::Katakana);
            hangul |= s == Script::Hangul;
            count += 1;
            in_word += 1;
        }
        longest = longest.max(in_word);
    }
    let language = if kana {
        "Japanese"
    } else if hangul {
        "Korean"
    } else {
        first.map_or("foreign", script::script_name)
    };
    (language, count, longest)
}

fn is_open_bracket(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(doc.text(token), "(" | "（" | "[" | "［")
}

fn is_close_bracket(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(doc.text(token), ")" | "）" | "]" | "］")
}

fn is_closing_quote(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Punct
        && matches!(doc.text(token), "”" | "’" | "\"" | "'" | "»" | "」" | "』")
}

/// Tokens that may stand beside a gloss inside its brackets: a label ("Chinese:", "pinyin") or a
/// romanisation ("梁文锋, Liáng Wénfēng").
fn is_label_token(doc: &Document, token: &Token) -> bool {
    is_latin_word(doc, token)
        || (token.kind == TokenKind::Punct
            && matches!(doc.text(token), ":" | "," | ";" | "-" | "："))
}

/// "Liang Wenfeng (梁文锋)", "hukou (Chinese: 户口)": the run fills a bracket (beside at most a
/// short label or romanisation) that follows an English word or a closing quotation mark.
fn is_gloss_after_english(doc: &Document, paragraph: Range<usize>, run: Range<usize>) -> bool {
    const MAX_LABEL: usize = 4;
    const MAX_ROMANISATION: usize = 12;
    let mut open = run.start;
    let mut label = 0;
    loop {
        if open == paragraph.start {
            return false;
        }
        open -= 1;
        let token = &doc.tokens[open];
        if is_open_bracket(doc, token) {
            break;
        }
        if !is_label_token(doc, token) || label == MAX_LABEL {
            return false;
        }
        label += 1;
    }
    if open == paragraph.start {
        return false;
    }
    let host = &doc.tokens[open - 1];
    if !(is_latin_word(doc, host) || is_closing_quote(doc, host) || is_close_bracket(doc, host)) {
        return false;
    }
    (run.end..paragraph.end)
        .take(MAX_ROMANISATION + 1)
        .find(|&i| !is_label_token(doc, &doc.tokens[i]))
        .is_some_and(|i| is_close_bracket(doc, &doc.tokens[i]))
}

/// "replacing gammadion from Greek γαμμάδιον", "(Greek: Ἑταιρείαι)": the word before the run (but
/// for a colon or comma) names the language it is written in, so the writer cites it on purpose.
fn is_named_by_its_language(
    doc: &Document,
    paragraph: Range<usize>,
    run: Range<usize>,
    language: &str,
) -> bool {
    (paragraph.start..run.start)
        .rev()
        .map(|i| &doc.tokens[i])
        .find(|t| !(t.kind == TokenKind::Punct && matches!(doc.text(t), ":" | ",")))
        .is_some_and(|t| doc.text(t) == language)
}

/// "Ἑταιρείαι, "Companionships"": the run is followed by a comma and a quotation of English words,
/// its translation.
fn is_followed_by_quoted_translation(
    doc: &Document,
    paragraph: Range<usize>,
    run: Range<usize>,
) -> bool {
    const MAX_TRANSLATION: usize = 12;
    let token = |i: usize| doc.tokens.get(i).filter(|_| i < paragraph.end);
    let opens = |i: usize| {
        token(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && matches!(doc.text(t), "\"" | "“" | "'" | "‘")
        })
    };
    let comma = token(run.end).is_some_and(|t| doc.text(t) == ",");
    if !(comma && opens(run.end + 1)) {
        return false;
    }
    let words = run.end + 2..(run.end + 2 + MAX_TRANSLATION).min(paragraph.end);
    for (english, i) in words.enumerate() {
        let t = &doc.tokens[i];
        if is_closing_quote(doc, t) {
            return english > 0;
        }
        if !is_latin_word(doc, t) {
            return false;
        }
    }
    false
}

/// "北京欢迎你 (Beijing welcomes you)": the run is followed, after at most a closing quotation
/// mark, by a bracket of English words.
fn is_followed_by_translation(doc: &Document, paragraph: Range<usize>, run: Range<usize>) -> bool {
    const MAX_TRANSLATION: usize = 40;
    let mut i = run.end;
    while i < paragraph.end && is_closing_quote(doc, &doc.tokens[i]) {
        i += 1;
    }
    if i >= paragraph.end || !is_open_bracket(doc, &doc.tokens[i]) {
        return false;
    }
    let mut english = 0;
    for token in doc.tokens[i + 1..paragraph.end]
        .iter()
        .take(MAX_TRANSLATION)
    {
        if is_close_bracket(doc, token) {
            return english > 0;
        }
        if is_foreign(doc, token) {
            return false;
        }
        english += usize::from(is_latin_word(doc, token));
    }
    false
}

/// Consecutive foreign sentences of one paragraph, reported as one finding.
struct Stretch {
    range: Range<usize>,
    paragraph: usize,
    lang: Lang,
}

impl Stretch {
    fn finding(self) -> Finding {
        let message = format!("sentence in {} left untranslated", self.lang.eng_name());
        Finding::new(&UNTRANSLATED_FRAGMENT, self.range, message).confidence(0.8)
    }
}

/// Whole sentences in another Latin-script language.
fn foreign_sentences(doc: &Document, runs: &[Run], out: &mut Vec<Finding>) {
    // Counted once, and only when some sentence looks foreign.
    let document = OnceCell::new();
    let mut run_tokens = runs.iter().map(|r| r.tokens.clone()).peekable();
    let mut open: Option<Stretch> = None;
    for sentence in &doc.sentences {
        while run_tokens
            .peek()
            .is_some_and(|r| r.end <= sentence.tokens.start)
        {
            run_tokens.next();
        }
        // A sentence holding a foreign-script run is reported through the run.
        let has_run = run_tokens
            .peek()
            .is_some_and(|r| r.start < sentence.tokens.end);
        let lang = if has_run {
            None
        } else {
            foreign_language(doc, doc.sentence_tokens(sentence), &document)
        };
        match (lang, open.as_mut()) {
            (Some(_), Some(stretch)) if stretch.paragraph == sentence.paragraph => {
                stretch.range.end = sentence.range.end
            }
            (Some(lang), _) => {
                let next = Stretch {
                    range: sentence.range.clone(),
                    paragraph: sentence.paragraph,
                    lang,
                };
                if let Some(done) = open.replace(next) {
                    out.push(done.finding());
                }
            }
            (None, _) => {
                if let Some(done) = open.take() {
                    out.push(done.finding());
                }
            }
        }
    }
    if let Some(done) = open {
        out.push(done.finding());
    }
}

/// The language of a Latin-script sentence when it is surely not English and the rest of the
/// document (whose lowercase and English words `document` counts) is English.
fn foreign_language(
    doc: &Document,
    tokens: &[Token],
    document: &OnceCell<(usize, usize)>,
) -> Option<Lang> {
    let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
    if words < MIN_SENTENCE_WORDS {
        return None;
    }
    let (lowercase, english) = english_share(doc, tokens);
    // Mostly capitalised words: names, an address, a list of institutions, in any language.
    if lowercase < MIN_LOWERCASE_WORDS || 2 * lowercase < words {
        return None;
    }
    if english as f64 >= ENGLISH_SENTENCE_SHARE * lowercase as f64 {
        return None;
    }
    let (all, all_english) = *document.get_or_init(|| english_share(doc, &doc.tokens));
    let (rest, rest_english) = (
        all.saturating_sub(lowercase),
        all_english.saturating_sub(english),
    );
    if rest < MIN_REST_WORDS || (rest_english as f64) < ENGLISH_DOCUMENT_SHARE * rest as f64 {
        return None;
    }
    let (first, last) = (tokens.first()?, tokens.last()?);
    let text = doc.slice(first.start as usize..last.end as usize);
    if text.chars().filter(|&c| is_latin_letter(c)).count() < MIN_SENTENCE_LETTERS {
        return None;
    }
    let info = whatlang::detect(text)?;
    let sure = info.script() == whatlang::Script::Latin
        && info.is_reliable()
        && info.confidence() >= MIN_CONFIDENCE;
    (sure && info.lang() != Lang::Eng).then_some(info.lang())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn flags_cjk_runs_with_their_punctuation() {
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "The slogan 北京，欢迎你。 was everywhere.",
            &["北京，欢迎你。"],
        );
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "Officials said 我们会继续努力 on Monday.",
            &["我们会继续努力"],
        );
    }

    #[test]
    fn flags_japanese_korean_cyrillic_arabic() {
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "The shop sells ラーメン and more.",
            &["ラーメン"],
        );
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "Kim said 감사합니다 to the crowd.",
            &["감사합니다"],
        );
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "He called it Москва 2024 again.",
            &["Москва"],
        );
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "The sign read مرحبا بكم in large letters.",
            &["مرحبا بكم"],
        );
    }

    #[test]
    fn names_the_language() {
        let found = lint(&UNTRANSLATED_FRAGMENT, "The shop sells ラーメン and more.");
        assert!(
            found[0].message.contains("Japanese"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn consistent_glosses_are_allowed() {
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "Liang Wenfeng (梁文锋) founded the firm with Zhang Wei (张伟).",
        );
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "The hukou (Chinese: 户口) system limits migration.",
        );
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "The slogan “北京欢迎你” (Beijing welcomes you) was everywhere.",
        );
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "Alexei Navalny (Алексей Навальный, Aleksey Navalnyy) died in 2024.",
        );
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "Liang Wenfeng（梁文锋）founded the firm.",
        );
    }

    #[test]
    fn glosses_beside_bare_fragments_are_reported() {
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "Liang Wenfeng (梁文锋) said 创新 matters.",
            &["梁文锋", "创新"],
        );
    }

    #[test]
    fn words_cited_with_their_language_or_translation_are_glosses() {
        for text in [
            "Its appearance in English dates to the 1870s, replacing gammadion from Greek γαμμάδιον.",
            "They were called hetaireiai (Ἑταιρείαι, \"Companionships\") and served in the guard.",
        ] {
            assert_no_lints(&UNTRANSLATED_FRAGMENT, text);
        }
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            "Its appearance in English dates to the 1870s, replacing gammadion with γαμμάδιον.",
            &["γαμμάδιον"],
        );
    }

    #[test]
    fn greek_symbols_are_not_fragments() {
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "The α and β coefficients rose, and ΔG fell by 5 μm.",
        );
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "Plato's notion of λόγος shaped the debate.",
        );
    }

    #[test]
    fn flags_foreign_latin_sentences() {
        let text = "The minister spoke to reporters on Monday. Le gouvernement a annoncé de nouvelles mesures pour les entreprises hier soir. He left soon after.";
        assert_lints(
            &UNTRANSLATED_FRAGMENT,
            text,
            &["Le gouvernement a annoncé de nouvelles mesures pour les entreprises hier soir."],
        );
        let found = lint(&UNTRANSLATED_FRAGMENT, text);
        assert!(found[0].message.contains("French"), "{}", found[0].message);
    }

    #[test]
    fn english_sentences_with_names_and_loanwords_stay_quiet() {
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "Xi Jinping met Li Qiang and Wang Yi in Zhongnanhai on Tuesday morning.",
        );
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "The court held, inter alia, that the doctrine of res judicata applied to the claim.",
        );
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "The café served croissants, espresso and pain au chocolat to the visiting delegation.",
        );
        assert_no_lints(&UNTRANSLATED_FRAGMENT, "Bonjour tout le monde.");
    }

    #[test]
    fn foreign_names_and_addresses_are_not_sentences() {
        let text = "The paper was presented in Spain last year by a team of researchers. Laboratorio de Bases de Datos, Centro de Investigación CITIC, Universidade da Coruña, 15071 A Coruña, Spain.";
        assert_no_lints(&UNTRANSLATED_FRAGMENT, text);
    }

    #[test]
    fn foreign_documents_are_not_judged_sentence_by_sentence() {
        assert_no_lints(
            &UNTRANSLATED_FRAGMENT,
            "Le gouvernement a annoncé de nouvelles mesures hier soir. Les entreprises ont salué cette décision importante.",
        );
    }
}
