//! The fluency signal of the score: how garbled each sentence reads, from word statistics of
//! English alone.
//!
//! Machine translation that fails does not always leave an artifact a rule can point at: it loops
//! ("prayer prayer prayer"), reaches for rare or invented words, and piles up function words
//! around them. Each sentence of five words or more is measured on seven signals:
//!
//! | signal | what it measures |
//! |---|---|
//! | `distinct` | share of its words that are distinct (repetition lowers it) |
//! | `length` | ln(1 + words): longer sentences repeat more words by chance, so `distinct` is read against it |
//! | `rarest` | Zipf frequency of its rarest lowercase word (0 when English does not use the word at all) |
//! | `rare` | share of its words English uses less than once per million words (Zipf < 3) |
//! | `function` | share of function words |
//! | `repeated` | content words used again in the sentence, per word |
//! | `repeated_pairs` | word pairs used again in the sentence |
//!
//! Word frequencies come from wordfreq (`wordlists/word_frequencies.tsv`). A linear model, fitted
//! by `tools/fluency/fit.py` on rated machine translation (MLQE-PE's training split only, 35,000
//! sentences into English scored by professional raters) and stored as a few dozen numbers in
//! `wordlists/fluency_weights.tsv`, predicts the raters' z-score from the standardised signals.
//! A sentence predicted to read worse than the median machine-translated sentence of that data
//! costs the score `scale × (threshold − prediction)²`, in the units of one warning; a sentence
//! predicted at or above the median costs nothing. The square keeps the cost of a sentence just
//! under the median (much well-edited English is there: the model ranks, it does not judge
//! English as such) small, and makes a degenerate sentence cost as much as a finding.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{self, tsv};
use crate::text::{Document, Flags, Sentence, Token, TokenKind};

/// The signals, in the order of [`Signals::values`].
pub const SIGNALS: [&str; 7] = [
    "distinct",
    "length",
    "rarest",
    "rare",
    "function",
    "repeated",
    "repeated_pairs",
];

/// Sentences shorter than this are headings, captions, list items and short replies: not measured
/// (the model, fitted on sentences of Wikipedia, says little about them).
const MIN_WORDS: usize = 5;

/// The Zipf frequency below which a word is rare: used less than once per million words.
const RARE_ZIPF: f32 = 3.0;

/// `rarest` for a sentence without lowercase words (all names or numbers): an ordinary word's.
const RAREST_WHEN_NONE: f32 = 5.0;

/// The measured signals of one sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Signals {
    pub words: usize,
    pub distinct: f64,
    pub rarest: f64,
    pub rare: f64,
    pub function: f64,
    pub repeated: f64,
    pub repeated_pairs: f64,
}

impl Signals {
    /// The signals of a sentence of `tokens`; `None` under [`MIN_WORDS`] words.
    pub fn measure(doc: &Document, tokens: &[Token]) -> Option<Signals> {
        let n = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
        if n < MIN_WORDS {
            return None;
        }
        Some(WORDS.with(|cache| cache.borrow_mut().measure(doc, tokens, n)))
    }

    /// The values in the order of [`SIGNALS`].
    pub fn values(&self) -> [f64; 7] {
        [
            self.distinct,
            (1.0 + self.words as f64).ln(),
            self.rarest,
            self.rare,
            self.function,
            self.repeated,
            self.repeated_pairs,
        ]
    }
}

/// One word of a sentence as the signals read it.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// The same for the same word (lowercase, curly apostrophe read as straight) within a sentence.
    id: u32,
    /// Zipf frequency; 0 for a word English does not use.
    zipf: f32,
    function: bool,
    /// Written in lowercase in the text (not a name).
    lowercase: bool,
}

/// The words seen so far with their id, frequency and whether each is a function word: a
/// sentence's words are looked up here rather than in the frequency list and the function words
/// each time (most words of a text are frequent and repeat), and its repetitions are counted on
/// ids rather than on strings.
#[derive(Default)]
struct WordCache {
    words: HashMap<String, (u32, f32, bool), foldhash::fast::FixedState>,
    next_id: u32,
    lowered: String,
    /// Scratch lists of one sentence's word ids, content-word ids and pairs, kept for the next.
    ids: Vec<u32>,
    content: Vec<u32>,
    pairs: Vec<u64>,
}

/// Distinct words kept before the cache starts again (about 4 MB).
const CACHE_WORDS: usize = 50_000;

thread_local! {
    static WORDS: RefCell<WordCache> = RefCell::new(WordCache::default());
}

impl WordCache {
    /// Empties a full cache; called before each sentence only, so that the ids of one sentence's
    /// words all come from one filling (they never repeat: `next_id` goes on counting).
    fn make_room(&mut self) {
        if self.words.len() >= CACHE_WORDS {
            self.words.clear();
        }
    }

    /// The signals of a sentence of `tokens`, which holds `n` words.
    fn measure(&mut self, doc: &Document, tokens: &[Token], n: usize) -> Signals {
        self.make_room();
        let (mut ids, mut content, mut pairs) = (
            std::mem::take(&mut self.ids),
            std::mem::take(&mut self.content),
            std::mem::take(&mut self.pairs),
        );
        ids.clear();
        content.clear();
        pairs.clear();
        let (mut rarest, mut rare, mut function) = (f32::INFINITY, 0, 0);
        for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = self.read(doc.text(token), token);
            if word.lowercase {
                rarest = rarest.min(word.zipf);
            }
            rare += usize::from(word.zipf < RARE_ZIPF);
            if word.function {
                function += 1;
            } else {
                content.push(word.id);
            }
            if let Some(&previous) = ids.last() {
                pairs.push(u64::from(previous) << 32 | u64::from(word.id));
            }
            ids.push(word.id);
        }
        let nf = n as f64;
        let signals = Signals {
            words: n,
            distinct: (n - repeats(&mut ids)) as f64 / nf,
            rarest: f64::from(if rarest.is_finite() {
                rarest
            } else {
                RAREST_WHEN_NONE
            }),
            rare: rare as f64 / nf,
            function: function as f64 / nf,
            repeated: repeats(&mut content) as f64 / nf,
            repeated_pairs: repeats(&mut pairs) as f64,
        };
        (self.ids, self.content, self.pairs) = (ids, content, pairs);
        signals
    }

    fn read(&mut self, raw: &str, token: &Token) -> Word {
        let lowercase =
            !token.is(Flags::CAPITALISED) && raw.chars().next().is_some_and(char::is_lowercase);
        let key = if raw.chars().any(|c| c.is_uppercase() || c == '’') {
            self.lowered.clear();
            self.lowered.extend(
                raw.chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c }),
            );
            self.lowered.as_str()
        } else {
            raw
        };
        let (id, zipf, function) = match self.words.get(key) {
            Some(&facts) => facts,
            None => {
                let lex = lexicon::lexicon();
                let zipf = lex
                    .zipf(key)
                    .or_else(|| key.strip_suffix("'s").and_then(|stem| lex.zipf(stem)))
                    .unwrap_or(0.0);
                let facts = (self.next_id, zipf, lexicon::is_function_word(key));
                self.next_id = self.next_id.wrapping_add(1);
                let key = key.to_string();
                self.words.insert(key, facts);
                facts
            }
        };
        Word {
            id,
            zipf,
            function,
            lowercase,
        }
    }
}

/// How many items repeat one seen before (the items are left sorted).
fn repeats<T: Ord>(items: &mut [T]) -> usize {
    items.sort_unstable();
    items.windows(2).filter(|w| w[0] == w[1]).count()
}

/// The fitted model: per signal its training mean, standard deviation and weight; the intercept,
/// the threshold under which a prediction costs, the cost per unit of z-score, and the prediction
/// under which a sentence is reported as garbled (G014).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub mean: [f64; 7],
    pub sd: [f64; 7],
    pub weight: [f64; 7],
    pub intercept: f64,
    pub threshold: f64,
    pub scale: f64,
    pub report_below: f64,
}

impl Model {
    /// The model of `wordlists/fluency_weights.tsv`, read once.
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::parse(crate::lexicon::WordList::FluencyWeights.text())
                .expect("fluency_weights.tsv is checked by the tests")
        })
    }

    /// Rows `name, mean, sd, weight`; a constant (`intercept`, `threshold`, `scale`,
    /// `report_below`) has its value in the weight column. Every signal and constant must be there.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model {
            mean: [f64::NAN; 7],
            sd: [f64::NAN; 7],
            weight: [f64::NAN; 7],
            intercept: f64::NAN,
            threshold: f64::NAN,
            scale: f64::NAN,
            report_below: f64::NAN,
        };
        for row in tsv::rows(text) {
            let number = |i: usize| -> Result<f64, String> {
                let cell = row.get(i);
                cell.parse()
                    .map_err(|_| format!("{}: not a number: {cell:?}", row.get(0)))
            };
            match row.get(0) {
                "intercept" => model.intercept = number(3)?,
                "threshold" => model.threshold = number(3)?,
                "scale" => model.scale = number(3)?,
                "report_below" => model.report_below = number(3)?,
                name => {
                    let k = SIGNALS
                        .iter()
                        .position(|s| *s == name)
                        .ok_or_else(|| format!("unknown signal {name:?}"))?;
                    model.mean[k] = number(1)?;
                    model.sd[k] = number(2)?;
                    model.weight[k] = number(3)?;
                }
            }
        }
        let all = model.mean.iter().chain(&model.sd).chain(&model.weight);
        if all
            .chain([
                &model.intercept,
                &model.threshold,
                &model.scale,
                &model.report_below,
            ])
            .any(|v| !v.is_finite())
            || model.sd.iter().any(|&sd| sd <= 0.0)
        {
            return Err("a signal or constant is missing, or a deviation is not positive".into());
        }
        Ok(model)
    }

    /// Each signal's effect on the predicted z-score (negative: reads worse than average).
    pub fn effects(&self, signals: &Signals) -> [f64; 7] {
        let values = signals.values();
        std::array::from_fn(|k| self.weight[k] * (values[k] - self.mean[k]) / self.sd[k])
    }

    /// The predicted z-score of the raters.
    pub fn predict(&self, signals: &Signals) -> f64 {
        self.intercept + self.effects(signals).iter().sum::<f64>()
    }

    /// What the sentence costs the score, in units of one warning: the square of its shortfall
    /// under the threshold, so that a sentence just under the median costs next to nothing and a
    /// degenerate one (a shortfall of one z or more) as much as a warning or more.
    pub fn cost(&self, signals: &Signals) -> f64 {
        self.scale * (self.threshold - self.predict(signals)).max(0.0).powi(2)
    }
}

/// A sentence that reads as garbled, with what it costs the score and why.
#[derive(Debug, Clone, PartialEq)]
pub struct GarbledSentence {
    /// Byte range of the sentence in the text.
    pub range: std::ops::Range<usize>,
    /// Cost in units of one warning (see [`crate::score`]).
    pub cost: f64,
    pub signals: Signals,
}

impl GarbledSentence {
    /// The signals with their values and effects, the most damaging first.
    pub fn explained(&self) -> Vec<(&'static str, f64, f64)> {
        let effects = Model::get().effects(&self.signals);
        let values = self.signals.values();
        let mut out: Vec<(&'static str, f64, f64)> = (0..SIGNALS.len())
            .map(|k| (SIGNALS[k], values[k], effects[k]))
            .collect();
        out.sort_by(|a, b| a.2.total_cmp(&b.2));
        out
    }
}

/// The sentences of `doc` that cost the score something, in text order.
pub fn garbled_sentences(doc: &Document) -> Vec<GarbledSentence> {
    let model = Model::get();
    doc.sentences
        .iter()
        .filter_map(|s| garbled(doc, s, model))
        .collect()
}

fn garbled(doc: &Document, sentence: &Sentence, model: &Model) -> Option<GarbledSentence> {
    let signals = Signals::measure(doc, doc.sentence_tokens(sentence))?;
    let cost = model.cost(&signals);
    (cost > 0.0).then(|| GarbledSentence {
        range: sentence.range.clone(),
        cost,
        signals,
    })
}

/// The signals of every sentence of `doc` that has them, with its range: what
/// `tools/fluency/fit.py` fits the model on (through `examples/fluency_signals.rs`).
pub fn all_signals(doc: &Document) -> Vec<(std::ops::Range<usize>, Signals)> {
    doc.sentences
        .iter()
        .filter_map(|s| {
            Some((
                s.range.clone(),
                Signals::measure(doc, doc.sentence_tokens(s))?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{InputFormat, Source};

    fn signals(text: &str) -> Signals {
        let source = Source::new("t", text, InputFormat::Plain);
        let doc = Document::new(&source);
        all_signals(&doc)[0].1
    }

    fn cost(text: &str) -> f64 {
        Model::get().cost(&signals(text))
    }

    #[test]
    fn measures_repetition_and_rare_words() {
        let s = signals("The prayer prayer prayer prayer was said.");
        assert_eq!(s.words, 7);
        assert!((s.distinct - 4.0 / 7.0).abs() < 1e-9);
        assert!((s.repeated - 3.0 / 7.0).abs() < 1e-9);
        assert_eq!(s.repeated_pairs, 2.0);
        let invented = signals("The kalusarp was built in the town.");
        assert_eq!(invented.rarest, 0.0);
        assert!(invented.rare > 0.0);
        assert_eq!(signals("Zhang Wei, Li Hua, Wang Fang.").rarest, 5.0);
    }

    #[test]
    fn garbled_text_costs_more_than_fluent_text() {
        let fluent = cost("The council approved the new budget for the schools on Monday.");
        let looped = cost("People are going on going on going on going on in the village.");
        assert!(fluent < 0.05, "{fluent}");
        assert!(looped > 0.3, "{looped}");
    }

    #[test]
    fn short_sentences_are_not_measured() {
        let source = Source::new("t", "Yes. No.", InputFormat::Plain);
        assert!(all_signals(&Document::new(&source)).is_empty());
    }

    #[test]
    fn the_weights_file_is_complete_and_rejects_gaps() {
        let model = Model::parse(crate::lexicon::WordList::FluencyWeights.text()).unwrap();
        assert!(model.scale > 0.0);
        assert!(Model::parse("name\tmean\tsd\tweight\nintercept\t-\t-\t0\n").is_err());
    }
}
