use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::phrases::collocations::{Collocations, Pair, collocations};
use crate::rules::Context;
use crate::rules::idioms::mangled_idiom;
use crate::text::{Document, Flags, Token};

declare_rule! {
    /// ## What it does
    /// Finds two-word expressions whose head noun was swapped for another noun of its family:
    /// "brain drainage" for "brain drain", "economic grow" for "economic growth". It flags a pair
    /// of adjacent words that is not a known English pair while the first word with a relative of
    /// the second (its bare stem, or a noun derived from it with -age, -ment, -tion, -th ...) is a
    /// fixed expression: a frequent pair that is a WordNet two-word lemma or strongly associated
    /// (12 bits of pointwise mutual information or more).
    ///
    /// ## Why it matters
    /// Machine translation picks a word from the right family but the wrong member, and the
    /// expression breaks. No table can list every such slip; word-pair statistics find the ones
    /// nobody listed.
    ///
    /// ## Example
    /// ```text
    /// The reform restored economic grow.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The reform restored economic growth.
    /// ```
    ///
    /// Data: word and word-pair counts from the Google Books Ngram corpus as shipped by the PyPI
    /// package symspellpy (a pair counted fewer than 6.4 million times is "rare"), and WordNet's
    /// two-word lemmas. Both words must be ordinary lowercase words; names, numbers and words in
    /// other scripts are skipped, and so are pairs that open with a function word ("to
    /// eviction"). Inflections, adjectives and adverbs are never relatives: "brain drains",
    /// "insurance covers" and "vice presidential" are English. Pairs that I001's table already
    /// flags are left to it.
    ///
    /// ## Fix safety
    /// Statistics suggest, a person decides: the suggestion is display-only.
    pub static BROKEN_FIXED_EXPRESSION = {
        code: "I002",
        name: "broken-fixed-expression",
        finds: "a fixed expression with its head noun swapped (\"economic grow\")",
        category: Idioms,
        mqm: [StyleAwkward],
        severity: Info,
        status: Preview,
        fix: Always,
        check: check,
    };
}

/// A frequent pair that is not a WordNet lemma counts as a fixed expression from this association
/// (bits of pointwise mutual information) up.
const MIN_PMI: f32 = 12.0;
/// The shared stem is at least this long.
const MIN_STEM: usize = 4;

/// Endings that make a noun from a stem (drain → drainage, depend → dependence). A broken expression
/// swaps the head noun of a fixed expression for a noun of the same family; adjectives and verb
/// forms of the family are ordinary modifiers and predicates ("vice presidential", "insurance
/// covers") and are never flagged.
const NOUN_ENDINGS: &[&str] = &[
    "age", "ance", "ancy", "ation", "ence", "ency", "ery", "ion", "ism", "ity", "ment", "ness",
    "ship", "sion", "tion", "ty", "ure",
];

/// The noun endings that attach to verbs (drain → drainage, grow → growth, intend → intention).
/// A bare word written where the expression has one of the others (-ity, -ness, -ship, -ism) is
/// usually an adjective or a noun modifying the next word ("human sexual behaviour").
const VERB_NOUN_ENDINGS: &[&str] = &[
    "age", "ance", "ation", "ence", "ery", "ion", "ment", "sion", "th", "tion", "ure",
];

/// Closed-class words: pairs that start with one say nothing about a fixed expression.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "across", "after", "against", "all", "almost", "also", "am", "among",
    "an", "and", "any", "are", "as", "at", "be", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "either", "even",
    "every", "few", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "less", "many", "may", "might", "more", "most",
    "much", "must", "my", "neither", "no", "nor", "not", "of", "off", "on", "only", "or", "our",
    "out", "over", "quite", "rather", "really", "shall", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "upon", "very", "was", "we", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "would", "you", "your",
];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let data = collocations();
    let idioms = mangled_idiom::flagged_ranges(doc);
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        for pair in tokens.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let (Some(first), Some(second)) = (plain_word(doc, a, true), plain_word(doc, b, false))
            else {
                continue;
            };
            if !b.is(Flags::SPACE_BEFORE)
                || !doc
                    .slice(a.end as usize..b.start as usize)
                    .trim()
                    .is_empty()
            {
                continue;
            }
            let range = a.start as usize..b.end as usize;
            if idioms
                .iter()
                .any(|r| r.start < range.end && range.start < r.end)
            {
                continue;
            }
            if let Some(better) = better_second_word(data, &first, &second) {
                let suggestion = format!("{} {better}", doc.text(a));
                out.push(
                    Finding::new(
                        &BROKEN_FIXED_EXPRESSION,
                        range.clone(),
                        format!("“{first} {second}” is rare in English; the fixed expression is “{first} {better}”"),
                    )
                    .confidence(0.6)
                    .suggest(suggestion.clone())
                    .fix(Fix::display_only(Edit::replace(range, suggestion))),
                );
            }
        }
    }
}

/// The token as a lowercase ordinary word: letters only, not a name (a capital inside the
/// sentence), not an acronym.
fn plain_word(doc: &Document, token: &Token, may_open_sentence: bool) -> Option<String> {
    let text = doc.text(token);
    let capital_ok = may_open_sentence && token.is(Flags::SENTENCE_INITIAL);
    let plain = token.is_word()
        && !token.is(Flags::ALL_CAPS)
        && (!token.is(Flags::CAPITALISED) || capital_ok)
        && text.chars().all(|c| c.is_ascii_alphabetic());
    plain.then(|| text.to_ascii_lowercase())
}

/// The relative of `second` that makes `first second'` a fixed expression, when `first second`
/// itself is not a known pair.
fn better_second_word(data: &Collocations, first: &str, second: &str) -> Option<String> {
    if second.len() < MIN_STEM
        || FUNCTION_WORDS.contains(&first)
        || data.pair(first, second).is_some()
    {
        return None;
    }
    data.log2_count(first)?;
    data.log2_count(second)?;
    let mut best: Option<(f32, String)> = None;
    for (candidate, pair) in data.continuations(first, &second[..MIN_STEM]) {
        if !is_relative(second, &candidate) || !is_fixed_expression(data, first, &candidate, pair) {
            continue;
        }
        let strength = pair.log2_count.unwrap_or(0.0) + if pair.wordnet { 100.0 } else { 0.0 };
        if best.as_ref().is_none_or(|(s, _)| strength > *s) {
            best = Some((strength, candidate));
        }
    }
    best.map(|(_, w)| w)
}

/// A frequent pair that is a WordNet lemma ("brain drain") or strongly associated.
fn is_fixed_expression(data: &Collocations, first: &str, second: &str, pair: Pair) -> bool {
    let Some(count) = pair.log2_count else {
        return false;
    };
    pair.wordnet
        || data
            .pmi(first, second, count)
            .is_some_and(|pmi| pmi >= MIN_PMI)
}

/// Whether `written` and `candidate` are one noun family's bare stem and a derived noun of it:
/// drainage/drain, grow/growth, intention/intent. The stem is at least four letters and is the
/// whole of the shorter word: a stem that drops a final "e" is almost always an adjective
/// (averse/aversion, secure/security), and adjectives before a noun are ordinary modifiers ("more
/// risk averse"). Inflections and adverbs are not relatives either.
fn is_relative(written: &str, candidate: &str) -> bool {
    if written == candidate {
        return false;
    }
    let stem = written
        .bytes()
        .zip(candidate.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    if stem < MIN_STEM {
        return false;
    }
    let (tw, tc) = (&written[stem..], &candidate[stem..]);
    let bare = |t: &str| t.is_empty();
    let derived = |t: &str| NOUN_ENDINGS.contains(&t);
    bare(tw) && VERB_NOUN_ENDINGS.contains(&tc) || derived(tw) && bare(tc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_util::*;

    #[test]
    fn flags_a_broken_fixed_expression() {
        let text = "The reform restored economic grow and foreign invest.";
        assert_lints(
            &BROKEN_FIXED_EXPRESSION,
            text,
            &["economic grow", "foreign invest"],
        );
        assert_suggestion(&BROKEN_FIXED_EXPRESSION, text, "economic growth");
    }

    #[test]
    fn defers_to_the_idiom_table() {
        assert_no_lints(
            &BROKEN_FIXED_EXPRESSION,
            "AI has so far been somewhat blocked from brain drainage.",
        );
        assert_eq!(
            better_second_word(collocations(), "brain", "drainage").as_deref(),
            Some("drain")
        );
    }

    #[test]
    fn relatives_differ_by_derivation_only() {
        assert!(is_relative("drainage", "drain"));
        assert!(is_relative("grow", "growth"));
        assert!(!is_relative("averse", "aversion"));
        assert!(!is_relative("sexual", "sexuality"));
        assert!(!is_relative("thousandth", "thousand"));
        assert!(!is_relative("developing", "development"));
        assert!(!is_relative("drains", "drain"));
        assert!(!is_relative("launched", "launch"));
        assert!(!is_relative("quickly", "quick"));
        assert!(!is_relative("presidential", "president"));
        assert!(!is_relative("covers", "coverage"));
        assert!(!is_relative("direction", "director"));
        assert!(!is_relative("drain", "drastic"));
    }

    #[test]
    fn leaves_frequent_pairs_inflections_and_names_alone() {
        assert_no_lints(
            &BROKEN_FIXED_EXPRESSION,
            "The brain drain hit rural clinics; brain drains are costly.",
        );
        assert_no_lints(
            &BROKEN_FIXED_EXPRESSION,
            "Climate change and economic growth dominated the talks.",
        );
        assert_no_lints(
            &BROKEN_FIXED_EXPRESSION,
            "Fields of drainage in the Brain Drainage Basin.",
        );
        assert_no_lints(&BROKEN_FIXED_EXPRESSION, "The new drainage system worked.");
        assert_no_lints(
            &BROKEN_FIXED_EXPRESSION,
            "The vice presidential candidate spoke; the insurance covers floods.",
        );
        assert_no_lints(
            &BROKEN_FIXED_EXPRESSION,
            "It was subject to eviction, an almost certainty.",
        );
        assert_no_lints(&BROKEN_FIXED_EXPRESSION, "Banks are more risk averse now.");
        assert_no_lints(
            &BROKEN_FIXED_EXPRESSION,
            "A mil is one thousandth of an inch; it grew without limit.",
        );
    }
}
