use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::rules::Context;
use crate::rules::words::is_lowercase_word;
use crate::text::{Document, Flags, Token, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds counts and amounts of five or more digits written without thousands separators
    /// ("50000 yuan", "a city of 320000 people"), and four-digit counts that cannot be years
    /// ("4404 fishermen", "the 3000th match", "nearly 2000 kilometers").
    ///
    /// ## Why it matters
    /// English news style groups the digits of large numbers with commas (50,000); a bare run
    /// of digits is hard to read at a glance and is a typical trace of machine translation from
    /// Chinese, whose sources write 5万 or 50000. Professional raters of Chinese–English machine
    /// translation mark these as punctuation errors (MQM Fluency/Punctuation).
    ///
    /// ## Example
    /// ```text
    /// The fine is 50000 yuan, and 4404 fishermen have left the river.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// The fine is 50,000 yuan, and 4,404 fishermen have left the river.
    /// ```
    ///
    /// Numbers that are not quantities are left alone: four-digit numbers that may be years
    /// (1000 to 2100, unless a word of quantity comes before and a noun after: "nearly 2000
    /// kilometers"), numbers with a leading zero, numbers of ten digits or more, numbers glued
    /// to other characters (codes such as "600606.SH", ranges, times, decimals, "No.12345"),
    /// postcodes between a comma and a place name ("Coruña, 15071 A Coruña"),
    /// numbers after a word that names an identifier ("No. 10086", "room 12001", "flight 8501",
    /// "page 10234", "ISBN", "year 3000") or after a capitalised word (postcodes and model
    /// names: "Beijing 100080", "CA 94105"), and numbers before "BC", "AD" or "hotline".
    ///
    /// It is a preview rule because well-edited news sources strip separators too: the
    /// clean-English set has them ("over 45000 new cases", "about 2000 people").
    ///
    /// ## Fix safety
    /// Unsafe: the fix inserts the commas, which is right for a quantity; a number the rule took
    /// for a quantity may be an identifier.
    pub static NUMBER_WITHOUT_SEPARATORS = {
        code: "G010",
        name: "number-without-separators",
        finds: "\"50000 yuan\"",
        category: Grammar,
        mqm: [FluencyPunctuation],
        severity: Info,
        status: Preview,
        fix: Always,
        check: check,
    };
}

/// Words after which a number is an identifier, not a quantity (lowercase, sorted).
const IDENTIFIER_CUES: &[&str] = &[
    "#",
    "account",
    "art",
    "article",
    "batch",
    "box",
    "bus",
    "case",
    "channel",
    "code",
    "docket",
    "exhibit",
    "ext",
    "extension",
    "fax",
    "file",
    "flight",
    "gate",
    "hotline",
    "id",
    "isbn",
    "issn",
    "item",
    "licence",
    "license",
    "line",
    "lot",
    "mobile",
    "model",
    "no",
    "nos",
    "number",
    "order",
    "p",
    "page",
    "pages",
    "patent",
    "phone",
    "pin",
    "platform",
    "po",
    "port",
    "postcode",
    "pp",
    "ref",
    "reference",
    "registration",
    "room",
    "route",
    "serial",
    "suite",
    "tel",
    "telephone",
    "ticket",
    "train",
    "v",
    "version",
    "year",
    "zip",
    "zipcode",
];

/// Words after which a number is an identifier or a year (lowercase, sorted).
const IDENTIFIER_AFTER: &[&str] = &[
    "ad", "b.c", "bc", "bce", "ce", "hotline", "hotlines", "line", "series",
];

/// Capitalised words that name a currency: the number after them is an amount.
const CURRENCY_CODES: &[&str] = &[
    "AUD", "CAD", "CNY", "EUR", "GBP", "HKD", "INR", "JPY", "NT", "RMB", "Rs", "USD",
];

/// Words before a four-digit number in the range of years that make it a quantity, when a
/// noun follows ("nearly 2000 kilometers"; "in 2000 kilometers" is left alone).
const QUANTITY_CUES: &[&str] = &[
    "about",
    "additional",
    "almost",
    "another",
    "approximately",
    "around",
    "exceeded",
    "exceeding",
    "least",
    "nearly",
    "only",
    "over",
    "roughly",
    "some",
    "surpassed",
    "than",
    "total",
];

/// Words after a number that show it is not followed by a counted noun.
const FUNCTION_WORDS: &[&str] = &[
    "a", "after", "and", "as", "at", "before", "but", "by", "for", "from", "in", "into", "is",
    "it", "of", "on", "or", "since", "that", "the", "their", "this", "to", "was", "were", "when",
    "which", "with",
];

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        for (i, token) in tokens.iter().enumerate() {
            let Some((digits, suffix)) = bare_number(doc, token) else {
                continue;
            };
            if !is_quantity(doc, tokens, i, digits) {
                continue;
            }
            let grouped = format!("{}{suffix}", group(digits));
            let range = token.range();
            let confidence = if digits.len() >= 5 { 0.8 } else { 0.65 };
            out.push(
                Finding::new(
                    &NUMBER_WITHOUT_SEPARATORS,
                    range.clone(),
                    format!(
                        "“{}” is written without thousands separators",
                        doc.text(token)
                    ),
                )
                .confidence(confidence)
                .suggest(grouped.clone())
                .fix(Fix::unsafe_edit(Edit::replace(range, grouped))),
            );
        }
    }
}

/// The digits of a number written as a bare run of four to nine digits without a leading zero,
/// and its ordinal suffix ("3000th" → ("3000", "th")).
fn bare_number<'d>(doc: &'d Document, token: &Token) -> Option<(&'d str, &'d str)> {
    let text = doc.text(token);
    let (digits, suffix) = match token.kind {
        TokenKind::Number => (text, ""),
        TokenKind::Word if token.is(Flags::HAS_DIGIT) => {
            let split = text.find(|c: char| !c.is_ascii_digit())?;
            let suffix = &text[split..];
            matches!(suffix, "st" | "nd" | "rd" | "th").then_some((&text[..split], suffix))?
        }
        _ => return None,
    };
    let plain = (4..=9).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    plain.then_some((digits, suffix))
}

/// Whether the number at `tokens[i]` reads as a quantity that English would group.
fn is_quantity(doc: &Document, tokens: &[Token], i: usize, digits: &str) -> bool {
    let token = &tokens[i];
    if is_glued(doc, token) {
        return false;
    }
    let prev = i
        .checked_sub(1)
        .map(|p| &tokens[p])
        .filter(|_| token.is(Flags::SPACE_BEFORE) || i == 0);
    let prev_word = prev
        .filter(|p| p.kind == TokenKind::Word)
        .map(|p| doc.text(p));
    if let Some(p) = prev {
        let lower = doc.text(p).to_lowercase();
        if IDENTIFIER_CUES.binary_search(&lower.as_str()).is_ok() {
            return false;
        }
        // "No. 10086", "pp. 12345": the identifier word sits before a full stop.
        if doc.text(p) == "."
            && i >= 2
            && IDENTIFIER_CUES
                .binary_search(&doc.text(&tokens[i - 2]).to_lowercase().as_str())
                .is_ok()
        {
            return false;
        }
        let capitalised =
            p.kind == TokenKind::Word && p.is(Flags::CAPITALISED) && !p.is(Flags::SENTENCE_INITIAL);
        if capitalised && !CURRENCY_CODES.contains(&doc.text(p)) {
            return false;
        }
    }
    let next = tokens.get(i + 1).filter(|n| n.is(Flags::SPACE_BEFORE));
    if let Some(n) = next {
        if IDENTIFIER_AFTER
            .binary_search(&doc.text(n).to_lowercase().as_str())
            .is_ok()
        {
            return false;
        }
    }
    // "Universidade da Coruña, 15071 A Coruña": a postcode between an address's comma and a
    // place name.
    let after_comma = prev.is_some_and(|p| doc.text(p) == ",");
    if after_comma && next.is_some_and(|n| n.kind == TokenKind::Word && n.is(Flags::CAPITALISED)) {
        return false;
    }
    if digits.len() >= 5 {
        return true;
    }
    let value: u32 = digits.parse().unwrap_or(0);
    if value > 2100 {
        return true;
    }
    // A four-digit number in the range of years is a quantity only between a word of quantity
    // and a counted noun: "nearly 2000 kilometers", "a total of 2045 cases".
    let cued = prev_word.is_some_and(|w| {
        QUANTITY_CUES
            .binary_search(&w.to_lowercase().as_str())
            .is_ok()
    }) || (prev_word == Some("of")
        && i >= 2
        && doc.text(&tokens[i - 2]).eq_ignore_ascii_case("total"));
    let noun_follows = next.is_some_and(|n| {
        is_lowercase_word(doc, n) && FUNCTION_WORDS.binary_search(&doc.text(n)).is_err()
    });
    cued && noun_follows
}

/// A number glued to the characters around it is part of a code, range, time, date or address:
/// "600606.SH", "2019-2020", "No.12345", "10000/20000", "12345abc".
fn is_glued(doc: &Document, token: &Token) -> bool {
    let view = doc.view();
    let before = view[..token.start as usize].chars().next_back();
    let mut after = view[token.end as usize..].chars();
    let (next, next2) = (after.next(), after.next());
    let glued_before = before.is_some_and(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                '-' | '/' | '.' | ':' | '#' | '_' | '+' | '@' | '\\' | '=' | '\u{1a}'
            )
    });
    let glued_after = next.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '-' | '/' | '_' | '@' | '=' | '+' | '\u{1a}')
    }) || (next.is_some_and(|c| matches!(c, '.' | ':' | ','))
        && next2.is_some_and(char::is_alphanumeric));
    glued_before || glued_after
}

/// "4404" → "4,404", "1250000" → "1,250,000".
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn large_counts_and_amounts() {
        assert_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "He was fined 50000 yuan.",
            &["50000"],
        );
        assert_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "A city of more than 320000 people closed its museums.",
            &["320000"],
        );
        assert_suggestion(
            &NUMBER_WITHOUT_SEPARATORS,
            "A fine of 150000 euros.",
            "150,000",
        );
        assert_fixed(
            &NUMBER_WITHOUT_SEPARATORS,
            "It has 1250000 users.",
            Applicability::Unsafe,
            "It has 1,250,000 users.",
        );
        assert_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "The fine is RMB 50000.",
            &["50000"],
        );
    }

    #[test]
    fn four_digit_counts_that_cannot_be_years() {
        assert_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "So far 4404 fishermen have left the river.",
            &["4404"],
        );
        assert_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "It was the club's 3000th match.",
            &["3000th"],
        );
        assert_suggestion(
            &NUMBER_WITHOUT_SEPARATORS,
            "It was the club's 3000th match.",
            "3,000th",
        );
    }

    #[test]
    fn four_digit_counts_in_the_range_of_years_need_a_quantity_word() {
        assert_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "The crew travelled nearly 2000 kilometers.",
            &["2000"],
        );
        assert_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "A total of 2045 cases were confirmed.",
            &["2045"],
        );
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "In 2019 the river was clean, and 2020 is a landmark year.",
        );
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "Crop yields fell below 2000 levels after the 2014 protests.",
        );
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "It happened around 1950 in the north.",
        );
    }

    #[test]
    fn grouped_and_small_numbers_pass() {
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "He was fined 50,000 yuan; 4.176 million cases; 999 people; 1,339 residents.",
        );
    }

    #[test]
    fn identifiers_pass() {
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "Greenland Holdings (600606.SH) and Gree (000651.SZ) rose.",
        );
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "Call the 12345 hotline or dial No. 10086 from room 12001.",
        );
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "Write to Universidade da Coruña, 15071 A Coruña, or to Beijing 100080.",
        );
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "The range 10000-20000 and the code 2020/12345 are fixed.",
        );
        assert_no_lints(
            &NUMBER_WITHOUT_SEPARATORS,
            "The settlement dates from 10000 BC. His number is 13912345678.",
        );
    }

    #[test]
    fn word_tables_are_sorted() {
        for table in [
            IDENTIFIER_CUES,
            IDENTIFIER_AFTER,
            QUANTITY_CUES,
            FUNCTION_WORDS,
        ] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
    }

    #[test]
    fn group_inserts_commas() {
        assert_eq!(group("4404"), "4,404");
        assert_eq!(group("50000"), "50,000");
        assert_eq!(group("320000"), "320,000");
        assert_eq!(group("123456789"), "123,456,789");
    }
}
