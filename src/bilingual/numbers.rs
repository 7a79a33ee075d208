//! Numbers in Chinese originals and English translations, as values that can be compared.
//!
//! Chinese writes large numbers in myriads: 12亿 is 1.2 billion, 3.5万 is 35,000, 三千万 is 30
//! million. Machine translation often keeps the digits and gets the magnitude wrong ("12 billion"),
//! so the check compares values, not digit strings. English numbers come as digits with
//! separators, with scale words ("1.2 billion", "50K", "$3bn"), as words ("thirty-two", "a
//! hundred"), as ordinals and as month names.
//!
//! Chinese numerals are read only where they are unambiguous numbers: a numeral run with a unit
//! character (十, 百, 千, 万, 亿), or a digit run before 年 (二〇二〇年). Single characters such as
//! 一 ("a", "one", "together") or 十分 ("very") and idioms (千方百计) are never read as numbers.

use std::ops::Range;

/// The numbers of an aligned pair, read once for all the rules that compare them.
#[derive(Debug, Clone, Default)]
pub struct PairNumbers {
    /// The numbers of the original.
    pub original: Vec<Quantity>,
    /// The numbers of the translation; not read (empty) when the original has none.
    pub translated: Vec<Quantity>,
}

impl PairNumbers {
    pub fn read(original: &str, translation: &str) -> PairNumbers {
        let original = chinese_numbers(original);
        let translated = if original.is_empty() {
            Vec::new()
        } else {
            english_numbers(translation)
        };
        PairNumbers {
            original,
            translated,
        }
    }
}

/// What a number stands for, so that "July" can match 7月 and "35%" can match 百分之三十五.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Percent,
    Year,
    Month,
    Day,
    Ordinal,
    /// 8折: a price cut to eight tenths, which English writes as "20% off" or "80% of the price".
    Discount,
}

impl Kind {
    /// Whether a translation keeps the figure itself: a count, an amount, a share or a year. Dates
    /// and ordinals are rewritten ("on the 25th" as "on Saturday"), and a discount is written in
    /// other figures (8折 as "20% off"), so the number rules compare only these.
    pub fn keeps_its_figure(self) -> bool {
        matches!(self, Kind::Plain | Kind::Percent | Kind::Year)
    }
}

/// A number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub kind: Kind,
    /// Byte range in the text it was found in.
    pub range: Range<usize>,
    /// The significant digits as written ("12" for 12亿, "12" for "1.2 billion"), to recognise a
    /// magnitude error.
    pub digits: String,
}

impl Quantity {
    /// Whether `other` expresses the same number: equal values (within rounding for large ones)
    /// and compatible kinds.
    pub fn matches(&self, other: &Quantity) -> bool {
        kinds_compatible(self.kind, other.kind) && close(self.value, other.value)
    }

    /// Whether `other` has the same digits but a different magnitude: 12亿 rendered "12 billion".
    pub fn is_magnitude_slip_of(&self, other: &Quantity) -> bool {
        self.digits == other.digits
            && !self.digits.is_empty()
            && !close(self.value, other.value)
            && self.value > 0.0
            && other.value > 0.0
            && {
                let ratio = (self.value / other.value).log10();
                (ratio - ratio.round()).abs() < 1e-6 && ratio.round() != 0.0
            }
    }
}

fn kinds_compatible(a: Kind, b: Kind) -> bool {
    use Kind::*;
    a == b
        || matches!(
            (a, b),
            (Plain, Percent)
                | (Percent, Plain)
                | (Plain, Year)
                | (Year, Plain)
                | (Day, Plain)
                | (Plain, Day)
        )
        || matches!(
            (a, b),
            (Day, Ordinal)
                | (Ordinal, Day)
                | (Plain, Ordinal)
                | (Ordinal, Plain)
                | (Month, Plain)
                | (Plain, Month)
        )
}

/// Equal for small integers; within 1% for values of 1,000 and more (translations round
/// 12.34亿 to "1.23 billion").
fn close(a: f64, b: f64) -> bool {
    let tolerance = if a.abs().max(b.abs()) >= 1000.0 {
        0.01 * a.abs().max(b.abs())
    } else {
        1e-9
    };
    (a - b).abs() <= tolerance
}

/// The significant digits of a written number: "1,200.50" → "12005", "0.35" → "35".
fn significant_digits(written: &str) -> String {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    digits
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Chinese

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

/// Numbers in a Chinese (or Japanese) text.
pub fn chinese_numbers(text: &str) -> Vec<Quantity> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if ascii_digit(c).is_some() && preceded_by_latin(&chars, i) {
            // Digits glued to letters are part of a code (APEC2020, A380), not a figure.
            while i < chars.len() && ascii_digit(chars[i].1).is_some() {
                i += 1;
            }
            continue;
        }
        let found = if ascii_digit(c).is_some() {
            arabic_number(text, &chars, i)
        } else if cn_digit(c).is_some() || cn_unit(c).is_some() {
            chinese_numeral(text, &chars, i)
        } else {
            None
        };
        match found {
            Some((mut quantity, end_index)) => {
                quantity.kind = chinese_kind(&chars, i, end_index, quantity.kind);
                if let Some(&(at, sign @ ('%' | '％'))) = chars.get(end_index) {
                    quantity.range.end = at + sign.len_utf8();
                }
                quantity.range.start = start;
                out.push(quantity);
                i = end_index.max(i + 1);
            }
            None => i += 1,
        }
    }
    percent_words(text, &mut out);
    out
}

fn preceded_by_latin(chars: &[(usize, char)], i: usize) -> bool {
    i > 0 && chars[i - 1].1.is_ascii_alphabetic()
}

/// Arabic digits with separators and decimals, then an optional myriad magnitude.
fn arabic_number(text: &str, chars: &[(usize, char)], from: usize) -> Option<(Quantity, usize)> {
    let mut j = from;
    let mut written = String::new();
    while j < chars.len() {
        let c = chars[j].1;
        if let Some(d) = ascii_digit(c) {
            written.push(char::from_digit(d, 10)?);
        } else if matches!(c, ',' | '，') && next_three_digits(chars, j + 1) {
            // A thousands separator (a Chinese comma between digit groups is one too).
        } else if matches!(c, '.' | '．')
            && chars
                .get(j + 1)
                .is_some_and(|&(_, n)| ascii_digit(n).is_some())
        {
            written.push('.');
        } else {
            break;
        }
        j += 1;
    }
    let mut value: f64 = written.parse().ok()?;
    let digits = significant_digits(&written);
    // A number glued to Latin letters is a code (5G, 4K, A380), not a quantity.
    if chars.get(j).is_some_and(|&(_, c)| c.is_ascii_alphabetic()) {
        return None;
    }
    // 1100多万: "more than 11 million"; 多 and 余 may stand between the digits and the magnitude.
    if chars.get(j).is_some_and(|&(_, c)| matches!(c, '多' | '余'))
        && chars
            .get(j + 1)
            .is_some_and(|&(_, c)| cn_unit(c).is_some_and(|u| u >= 1e4))
    {
        j += 1;
    }
    // 6成: six tenths, 60%.
    if is_tenths(chars, j) {
        let end = chars[j].0 + '成'.len_utf8();
        return Some((
            Quantity {
                value: value * 10.0,
                kind: Kind::Percent,
                range: 0..end,
                digits,
            },
            j + 1,
        ));
    }
    // Magnitudes: 万, 亿, 万亿, 千万, 百万.
    while let Some(unit) = chars
        .get(j)
        .and_then(|&(_, c)| cn_unit(c))
        .filter(|u| *u >= 100.0)
    {
        // 千米, 千克, 千瓦 are kilometres, kilograms, kilowatts: the unit, not a magnitude.
        if unit == 1000.0
            && chars
                .get(j + 1)
                .is_some_and(|&(_, c)| matches!(c, '米' | '克' | '瓦' | '卡' | '焦' | '字'))
        {
            break;
        }
        value *= unit;
        j += 1;
    }
    let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
    Some((
        Quantity {
            value,
            kind: Kind::Plain,
            range: 0..end,
            digits,
        },
        j,
    ))
}

/// 成 after a number counts tenths (6成 is 60%), unless it starts a word (成立, 成为, 成本 ...).
fn is_tenths(chars: &[(usize, char)], at: usize) -> bool {
    chars.get(at).is_some_and(|&(_, c)| c == '成')
        && chars.get(at + 1).is_none_or(|&(_, n)| {
            !matches!(
                n,
                '立' | '功'
                    | '为'
                    | '果'
                    | '本'
                    | '绩'
                    | '长'
                    | '员'
                    | '熟'
                    | '就'
                    | '交'
                    | '型'
                    | '年'
                    | '人'
                    | '品'
                    | '分'
                    | '都'
                    | '效'
                    | '份'
                    | '语'
            )
        })
}

fn next_three_digits(chars: &[(usize, char)], from: usize) -> bool {
    (from..from + 3).all(|k| chars.get(k).is_some_and(|&(_, c)| ascii_digit(c).is_some()))
        && chars
            .get(from + 3)
            .is_none_or(|&(_, c)| ascii_digit(c).is_none())
}

/// A run of Chinese numerals read as a number, if it is unambiguous.
fn chinese_numeral(text: &str, chars: &[(usize, char)], from: usize) -> Option<(Quantity, usize)> {
    let mut j = from;
    while j < chars.len() && (cn_digit(chars[j].1).is_some() || cn_unit(chars[j].1).is_some()) {
        j += 1;
    }
    let run: Vec<char> = chars[from..j].iter().map(|&(_, c)| c).collect();
    let next = chars.get(j).map(|&(_, c)| c);
    let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
    let has_unit = run.iter().any(|&c| cn_unit(c).is_some());
    // Digit-by-digit years: 二〇二〇年.
    if !has_unit && run.len() == 4 && next == Some('年') {
        let written: String = run
            .iter()
            .filter_map(|&c| cn_digit(c))
            .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            .collect();
        let value = written.parse().ok()?;
        return Some((
            Quantity {
                value,
                kind: Kind::Year,
                range: 0..end,
                digits: significant_digits(&written),
            },
            j,
        ));
    }
    if run.len() == 1 && !has_unit && is_tenths(chars, j) {
        let value = f64::from(cn_digit(run[0])?) * 10.0;
        let end = chars[j].0 + '成'.len_utf8();
        return Some((
            Quantity {
                value,
                kind: Kind::Percent,
                range: 0..end,
                digits: significant_digits(&format!("{value}")),
            },
            j + 1,
        ));
    }
    if !has_unit
        || run.len() < 2 && !matches!(next, Some('年' | '月' | '日' | '号' | '岁' | '人' | '倍'))
    {
        return None;
    }
    if is_idiomatic(&run, next) {
        return None;
    }
    let value = parse_chinese(&run)?;
    Some((
        Quantity {
            value,
            kind: Kind::Plain,
            range: 0..end,
            digits: significant_digits(&format!("{value}")),
        },
        j,
    ))
}

/// Numeral runs that are words, not numbers: 十分 (very), 千万 (by all means), 万一 (in case),
/// 百万富翁 is fine but 一百 alone after 之 in 百分之 is a percent marker handled elsewhere.
fn is_idiomatic(run: &[char], next: Option<char>) -> bool {
    let word: String = run.iter().collect();
    matches!(word.as_str(), "千万" | "万一" | "一万" if next.is_some_and(|c| matches!(c, '不' | '别' | '要' | '莫' | '之')))
        || (word == "十" && next == Some('分'))
        || (word == "百" && next == Some('分'))
        || (word == "千" || word == "万" || word == "百")
            && !matches!(next, Some('年' | '人' | '元'))
}

/// Standard Chinese numeral parsing with sections at 亿 and 万. Only 十 may open a numeral
/// (十五 is 15); 万一 ("in case") and 千万 ("by all means") are words.
fn parse_chinese(run: &[char]) -> Option<f64> {
    if run
        .first()
        .and_then(|&c| cn_unit(c))
        .is_some_and(|u| u > 10.0)
    {
        return None;
    }
    let mut total = 0.0;
    let mut section = 0.0;
    let mut digit: Option<f64> = None;
    for &c in run {
        if let Some(d) = cn_digit(c) {
            if digit.is_some() && d != 0 {
                return None; // two digits in a row without a unit: not a standard numeral
            }
            digit = Some(f64::from(d));
        } else if let Some(unit) = cn_unit(c) {
            if unit >= 1e4 {
                section += digit.take().unwrap_or(0.0);
                if section == 0.0 {
                    section = 1.0;
                }
                total += section * unit;
                section = 0.0;
            } else {
                section += digit.take().unwrap_or(1.0) * unit;
            }
        }
    }
    let value = total + section + digit.unwrap_or(0.0);
    (value > 0.0).then_some(value)
}

/// The kind a number has from the characters around it: 年 year, 月 month, 日/号 day, 第 ordinal,
/// % percent, 折 discount.
fn chinese_kind(chars: &[(usize, char)], start: usize, end: usize, current: Kind) -> Kind {
    let next = chars.get(end).map(|&(_, c)| c);
    let prev = start.checked_sub(1).map(|k| chars[k].1);
    match (prev, next) {
        (_, Some('%' | '％')) => Kind::Percent,
        (Some('第'), _) => Kind::Ordinal,
        (_, Some('年')) if current == Kind::Year || end - start == 4 => Kind::Year,
        (_, Some('月')) => Kind::Month,
        (_, Some('日' | '号')) => Kind::Day,
        (_, Some('折')) => Kind::Discount,
        _ => current,
    }
}

/// 百分之三十五 is 35%.
fn percent_words(text: &str, out: &mut Vec<Quantity>) {
    for (at, _) in text.match_indices("百分之") {
        let after = at + "百分之".len();
        let chars: Vec<(usize, char)> = text[after..]
            .char_indices()
            .map(|(i, c)| (after + i, c))
            .collect();
        let run: Vec<char> = chars
            .iter()
            .map(|&(_, c)| c)
            .take_while(|&c| cn_digit(c).is_some() || cn_unit(c).is_some())
            .collect();
        let arabic: String = chars
            .iter()
            .map(|&(_, c)| c)
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let (value, len) = if !arabic.is_empty() {
            (arabic.parse().ok(), arabic.len())
        } else if run.len() == 1 {
            (
                cn_digit(run[0]).map(f64::from).or_else(|| cn_unit(run[0])),
                run.iter().map(|c| c.len_utf8()).sum(),
            )
        } else {
            (parse_chinese(&run), run.iter().map(|c| c.len_utf8()).sum())
        };
        if let Some(value) = value {
            out.retain(|q| !(q.range.start >= after && q.range.start < after + len));
            let digits = significant_digits(&format!("{value}"));
            out.push(Quantity {
                value,
                kind: Kind::Percent,
                range: at..after + len,
                digits,
            });
        }
    }
    out.sort_by_key(|q| q.range.start);
}

// ---------------------------------------------------------------------------------------------
// English

const ONES: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("hundredth", 100.0),
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];
/// Scales written straight after the digits: 50K, $3m, 1.2bn.
const SUFFIX_SCALES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("b", 1e9),
    ("tn", 1e12),
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Units written straight after the digits (150ml, 37C, 5km), which do not change the value. Not
/// "g" or "t": 5G and 4T name technologies, not 5 grams.
const UNIT_SUFFIXES: &[&str] = &[
    "ml", "l", "mm", "cm", "km", "kg", "mg", "c", "f", "ha", "kw", "kwh", "mw", "gw", "hz", "khz",
    "mhz", "ghz", "mb", "gb", "tb", "sqm", "yuan", "x",
];

/// Currency codes written straight before the digits: RMB280, USD11, HKD5.
const CURRENCY_CODES: &[&str] = &[
    "RMB", "CNY", "USD", "HKD", "MOP", "TWD", "NTD", "EUR", "GBP", "JPY", "SGD", "AUD", "CAD",
];

/// `word` without a currency code glued before its digits ("RMB280" → "280").
fn without_currency_code(word: &str) -> &str {
    CURRENCY_CODES
        .iter()
        .find_map(|code| word.strip_prefix(code))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(word)
}

fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// A word of an English text with its byte range.
struct Word<'t> {
    text: &'t str,
    range: Range<usize>,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part = c.is_alphanumeric()
            || (start.is_some()
                && matches!(c, '.' | ',')
                && text[i + 1..].starts_with(|n: char| n.is_ascii_digit()));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    range: s..i,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Numbers in an English text.
pub fn english_numbers(text: &str) -> Vec<Quantity> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match english_number_at(text, &words, i) {
            Some((quantity, next)) => {
                out.push(quantity);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

fn english_number_at(text: &str, words: &[Word], i: usize) -> Option<(Quantity, usize)> {
    let word = &words[i];
    let lower = word.text.to_ascii_lowercase();
    if let Some(month) = MONTHS
        .iter()
        .position(|m| *m == lower)
        .filter(|_| word.text.starts_with(char::is_uppercase))
    {
        // "May" only as a month before a day number or a year.
        let is_month = lower != "may"
            || words
                .get(i + 1)
                .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
        if is_month {
            return Some((
                quantity(month as f64 + 1.0, Kind::Month, word.range.clone(), ""),
                i + 1,
            ));
        }
    }
    if let Some((value, written, mut next)) = leading_value(words, i, &lower) {
        let mut value = value;
        // "two and a half million".
        if words_are(words, next, &["and", "a", "half"]) && scale_of(words, next + 3).is_some() {
            value += 0.5;
            next += 3;
        }
        let mut end = words[next - 1].range.end;
        let mut kind = Kind::Plain;
        // Scale words: 1.2 billion, a hundred thousand.
        while let Some(scale) = scale_of(words, next) {
            if !adjacent(text, words[next - 1].range.end, words[next].range.start) {
                break;
            }
            value *= scale;
            end = words[next].range.end;
            next += 1;
        }
        let rest = &text[end..];
        if rest.starts_with('%') || rest.starts_with(" percent") || rest.starts_with(" per cent") {
            kind = Kind::Percent;
        } else if is_year(&written, value) {
            kind = Kind::Year;
        } else if ORDINALS.iter().any(|(w, _)| *w == lower) || ends_ordinal(word.text) {
            kind = Kind::Ordinal;
        }
        return Some((quantity(value, kind, word.range.start..end, &written), next));
    }
    None
}

/// The value starting at word `i`: digits ("1,200.5", "50K", "3rd"), a number word or a compound
/// ("thirty-two", "one hundred and five"), or "a" before a scale word ("a hundred").
fn leading_value(words: &[Word], i: usize, lower: &str) -> Option<(f64, String, usize)> {
    let word = without_currency_code(words[i].text);
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let numeric: String = word
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
            .collect();
        let suffix = &word[numeric.len()..].to_ascii_lowercase();
        let value: f64 = numeric.replace(',', "").parse().ok()?;
        let scale = if suffix.is_empty()
            || matches!(suffix.as_str(), "st" | "nd" | "rd" | "th" | "s")
            || UNIT_SUFFIXES.contains(&suffix.as_str())
        {
            1.0
        } else {
            lookup(SUFFIX_SCALES, suffix)?
        };
        return Some((value * scale, numeric, i + 1));
    }
    // "15 per million": the scale word alone.
    if let Some(scale) =
        lookup(SCALES, lower).filter(|_| i > 0 && words[i - 1].text.eq_ignore_ascii_case("per"))
    {
        return Some((scale, "1".into(), i + 1));
    }
    // "half a million", "a quarter of a million".
    if words_are(words, i, &["half", "a"]) && scale_of(words, i + 2).is_some() {
        return Some((0.5, "5".into(), i + 2));
    }
    if words_are(words, i, &["a", "quarter", "of", "a"]) && scale_of(words, i + 4).is_some() {
        return Some((0.25, "25".into(), i + 4));
    }
    // "tenfold", "threefold".
    if let Some(times) = lower.strip_suffix("fold").and_then(|n| lookup(ONES, n)) {
        return Some((times, significant_digits(&format!("{times}")), i + 1));
    }
    if lower == "a"
        && words.get(i + 1).is_some_and(|w| {
            matches!(
                w.text.to_ascii_lowercase().as_str(),
                "hundred" | "thousand" | "million" | "billion"
            )
        })
    {
        return Some((1.0, "1".into(), i + 1));
    }
    let first = lookup(ONES, lower).or_else(|| lookup(ORDINALS, lower))?;
    // Hyphenated tens and units come as two words: "thirty" "two".
    let mut value = first;
    let mut next = i + 1;
    if first >= 20.0 && first % 10.0 == 0.0 {
        if let Some(unit) = words
            .get(next)
            .and_then(|w| lookup(ONES, &w.text.to_ascii_lowercase()))
            .filter(|u| *u < 10.0)
        {
            value += unit;
            next += 1;
        }
    }
    Some((value, significant_digits(&format!("{value}")), next))
}

/// The value of word `k` when it is a scale word ("million" → 1e6).
fn scale_of(words: &[Word], k: usize) -> Option<f64> {
    words
        .get(k)
        .and_then(|w| lookup(SCALES, &w.text.to_ascii_lowercase()))
}

/// Whether the words from `k` on are `expected`, in any case.
fn words_are(words: &[Word], k: usize, expected: &[&str]) -> bool {
    expected.iter().enumerate().all(|(n, e)| {
        words
            .get(k + n)
            .is_some_and(|w| w.text.eq_ignore_ascii_case(e))
    })
}

fn adjacent(text: &str, end: usize, start: usize) -> bool {
    text.get(end..start)
        .is_some_and(|gap| gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '-'))
}

fn ends_ordinal(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    word.starts_with(|c: char| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| lower.ends_with(s))
}

fn is_year(written: &str, value: f64) -> bool {
    written.len() == 4 && !written.contains(['.', ',']) && (1800.0..=2100.0).contains(&value)
}

fn quantity(value: f64, kind: Kind, range: Range<usize>, written: &str) -> Quantity {
    Quantity {
        value,
        kind,
        range,
        digits: significant_digits(written),
    }
}

/// How to write `value` in English news style: 1.2 billion, 35,000, 3.5.
pub fn english_form(value: f64) -> String {
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value >= scale {
            let scaled = value / scale;
            return format!("{} {name}", trim_decimal(scaled));
        }
    }
    if value.fract() == 0.0 && value >= 10_000.0 {
        let digits = format!("{}", value as u64);
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return out;
    }
    trim_decimal(value)
}

fn trim_decimal(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(found: &[Quantity]) -> Vec<(f64, Kind)> {
        found.iter().map(|q| (q.value, q.kind)).collect()
    }

    #[test]
    fn english_units_currencies_and_bare_scales() {
        assert_eq!(
            values(&english_numbers("drink 150ml to 200ml")),
            [(150.0, Kind::Plain), (200.0, Kind::Plain)]
        );
        assert_eq!(values(&english_numbers("only 27C")), [(27.0, Kind::Plain)]);
        assert_eq!(
            values(&english_numbers("more than USD11 billion")),
            [(1.1e10, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("RMB280 Million")),
            [(2.8e8, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("15 per million")),
            [(15.0, Kind::Plain), (1e6, Kind::Plain)]
        );
        assert_eq!(values(&english_numbers("a million")), [(1e6, Kind::Plain)]);
        assert!(english_numbers("RMBX and ABC123").is_empty());
        assert!(english_numbers("a 5G network").is_empty());
        assert_eq!(
            values(&english_numbers("2x 10x worse, a tenfold gap")),
            [(2.0, Kind::Plain), (10.0, Kind::Plain), (10.0, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("a quarter of a million species")),
            [(2.5e5, Kind::Plain)]
        );
    }

    #[test]
    fn english_halves() {
        assert_eq!(
            values(&english_numbers("half a million parts")),
            [(5e5, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("two and a half million parts")),
            [(2.5e6, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("two and a half years")),
            [(2.0, Kind::Plain)]
        );
    }

    #[test]
    fn chinese_myriads() {
        assert_eq!(
            values(&chinese_numbers("投资12亿元")),
            [(1.2e9, Kind::Plain)]
        );
        assert_eq!(
            values(&chinese_numbers("3.5万人")),
            [(35_000.0, Kind::Plain)]
        );
        assert_eq!(
            values(&chinese_numbers("2030万元")),
            [(20_300_000.0, Kind::Plain)]
        );
        assert_eq!(values(&chinese_numbers("三千万")), [(3e7, Kind::Plain)]);
        assert_eq!(
            values(&chinese_numbers("一亿二千万")),
            [(1.2e8, Kind::Plain)]
        );
        assert_eq!(
            values(&chinese_numbers("共计1,339人")),
            [(1339.0, Kind::Plain)]
        );
        assert_eq!(
            values(&chinese_numbers("有1100多万人口")),
            [(1.1e7, Kind::Plain)]
        );
        assert_eq!(
            values(&chinese_numbers("6成是男性，高两成")),
            [(60.0, Kind::Percent), (20.0, Kind::Percent)]
        );
        assert_eq!(values(&chinese_numbers("利用5G+4K/8K技术")), []);
        assert_eq!(values(&chinese_numbers("APEC2020年后合作愿景")), []);
        assert_eq!(values(&chinese_numbers("分2成立")), [(2.0, Kind::Plain)]);
    }

    #[test]
    fn chinese_dates_percents_ordinals() {
        assert_eq!(
            values(&chinese_numbers("2020年7月25日")),
            [(2020.0, Kind::Year), (7.0, Kind::Month), (25.0, Kind::Day)]
        );
        assert_eq!(values(&chinese_numbers("增长35%")), [(35.0, Kind::Percent)]);
        assert_eq!(
            values(&chinese_numbers("百分之三十五")),
            [(35.0, Kind::Percent)]
        );
        assert_eq!(values(&chinese_numbers("第三名")), []);
        assert_eq!(values(&chinese_numbers("第3名")), [(3.0, Kind::Ordinal)]);
        assert_eq!(
            values(&chinese_numbers("打8折，7.5折")),
            [(8.0, Kind::Discount), (7.5, Kind::Discount)]
        );
        assert_eq!(
            values(&chinese_numbers("二〇二〇年")),
            [(2020.0, Kind::Year)]
        );
    }

    #[test]
    fn chinese_words_that_are_not_numbers() {
        for text in [
            "十分重要",
            "一个人",
            "千万不要",
            "千方百计",
            "一心一意",
            "统一",
            "万一下雨",
            "百姓",
        ] {
            assert!(
                chinese_numbers(text).is_empty(),
                "{text}: {:?}",
                chinese_numbers(text)
            );
        }
        assert_eq!(values(&chinese_numbers("三十五人")), [(35.0, Kind::Plain)]);
        assert_eq!(values(&chinese_numbers("十年")), [(10.0, Kind::Plain)]);
    }

    #[test]
    fn english_numbers_with_scales_words_and_months() {
        assert_eq!(
            values(&english_numbers("1.2 billion yuan")),
            [(1.2e9, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("a fine of 150,000 euros")),
            [(150_000.0, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("a $3bn deal and 50K people")),
            [(3e9, Kind::Plain), (50_000.0, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("Thirty-two counties")),
            [(32.0, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("a hundred thousand")),
            [(100_000.0, Kind::Plain)]
        );
        assert_eq!(
            values(&english_numbers("on July 25, 2020")),
            [
                (7.0, Kind::Month),
                (25.0, Kind::Plain),
                (2020.0, Kind::Year)
            ]
        );
        assert_eq!(
            values(&english_numbers("rose 35 percent, 3.5%")),
            [(35.0, Kind::Percent), (3.5, Kind::Percent)]
        );
        assert_eq!(
            values(&english_numbers("the 82nd minute, the third time")),
            [(82.0, Kind::Ordinal), (3.0, Kind::Ordinal)]
        );
        assert_eq!(values(&english_numbers("You may go")), []);
    }

    #[test]
    fn matching_and_magnitude_slips() {
        let source = &chinese_numbers("12亿")[0];
        let right = &english_numbers("1.2 billion")[0];
        let wrong = &english_numbers("12 billion")[0];
        assert!(source.matches(right));
        assert!(!source.matches(wrong));
        assert!(source.is_magnitude_slip_of(wrong));
        assert!(!source.is_magnitude_slip_of(&english_numbers("7 billion")[0]));
        let rounded = &english_numbers("1.23 billion")[0];
        assert!(chinese_numbers("12.34亿")[0].matches(rounded));
    }

    #[test]
    fn english_forms() {
        assert_eq!(english_form(1.2e9), "1.2 billion");
        assert_eq!(english_form(35_000.0), "35,000");
        assert_eq!(english_form(20_300_000.0), "20.3 million");
        assert_eq!(english_form(3.5), "3.5");
    }
}
