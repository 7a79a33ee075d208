use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Edit, Fix};
use crate::names::lists::lists;
use crate::names::normalize::title_case;
use crate::rules::{Category, Context, Outranker};
use crate::text::{Document, Token};

declare_rule! {
    /// ## What it does
    /// Finds a Chinese surname followed by a transliteration of 某某 or 某, the mark with which
    /// the Chinese press keeps a private person anonymous ("黄某某", "a certain Huang"): "Huang
    /// Moumou", "Zhang Mou Mou", "Li Mou", "Wang XX".
    ///
    /// ## Why it matters
    /// 某 means "a certain"; it is not part of the person's name. Rendered as if it were a given
    /// name, it invents a person called Moumou, and English readers cannot tell that the paper
    /// withheld the name. English news writes the surname alone ("Huang") or "a student surnamed
    /// Huang".
    ///
    /// On the WMT 2021 Chinese-to-English MQM development data all of its findings are in one news
    /// story, rendered by the 15 systems; it raises no finding on the clean-English set.
    ///
    /// ## Example
    /// ```text
    /// Police are searching the route where Huang Moumou lost contact.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Police are searching the route where Huang lost contact.
    /// ```
    ///
    /// Only a word of the surname list followed by the marker counts, so "Malcolm X", "Windows
    /// XP" and a given name such as "Mouming" pass. A single "Mou" after a surname may be a real
    /// given name (谋, 眸), so it is reported with less confidence; "X" alone is never taken,
    /// because reference lists write initials that way ("Zhang X, Li Y").
    ///
    /// ## Fix safety
    /// Unsafe: the fix keeps the surname alone, which is what English news writes; a house style
    /// may want "a man surnamed Huang", and the editor should check the first mention.
    pub static ANONYMITY_MARKER_AS_NAME = {
        code: "N004",
        name: "anonymity-marker-as-name",
        finds: "the Chinese press's anonymity mark 某某 written as a given name (\"Huang Moumou\", \"Wang XX\")",
        category: Names,
        mqm: [LocaleConventionName],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
        yields_to: &[
            // A known entity, the original's name (B001) or the desk's term (B009) names it better.
            Outranker::Category(Category::Entities),
            Outranker::Rule("B001"),
            Outranker::FixOf("B009"),
        ],
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let words: Vec<&Token> = doc.tokens.iter().filter(|t| t.is_word()).collect();
    let mut i = 1;
    while i < words.len() {
        match marker_at(doc, &words, i) {
            Some(marker) if is_surname_before(doc, words[i - 1], words[i]) => {
                let surname = words[i - 1];
                let range = surname.range().start..marker.end;
                // "HUANG" is suggested as "Huang": English news writes surnames in title case.
                out.push(finding(
                    doc,
                    range,
                    &title_case(doc.text(surname)),
                    marker.confidence,
                ));
                i += marker.words;
            }
            _ => i += 1,
        }
    }
}

/// An anonymity marker written after a surname.
struct Marker {
    /// How many word tokens it spans.
    words: usize,
    /// Where it ends, before a possessive ("Huang Moumou's").
    end: usize,
    confidence: f32,
}

/// The anonymity marker starting at word `i`: "Moumou", "MouMou", "XX" (one token), "Mou Mou",
/// "Mou-mou" (two), or a lone "Mou" (one, less sure: it can be a given name).
fn marker_at(doc: &Document, words: &[&Token], i: usize) -> Option<Marker> {
    let marker = |token: &Token, words, confidence| Marker {
        words,
        end: token.start as usize + doc.text_without_possessive(token).0.len(),
        confidence,
    };
    let (word, possessive) = doc.text_without_possessive(words[i]);
    if matches!(word, "Moumou" | "MouMou" | "MOUMOU" | "XX") {
        return Some(marker(words[i], 1, 0.9));
    }
    if word != "Mou" && word != "MOU" {
        return None;
    }
    let next = words.get(i + 1).filter(|n| {
        let gap = &doc.view()[words[i].end as usize..n.start as usize];
        !possessive
            && matches!(gap, " " | "-")
            && doc.text_without_possessive(n).0.eq_ignore_ascii_case("mou")
    });
    Some(match next {
        Some(n) => marker(n, 2, 0.9),
        None => marker(words[i], 1, 0.6),
    })
}

/// Whether `surname` is a Chinese surname written right before `marker`, one space apart.
fn is_surname_before(doc: &Document, surname: &Token, marker: &Token) -> bool {
    let text = doc.text(surname);
    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
    let gap = &doc.view()[surname.end as usize..marker.start as usize];
    capitalised && gap == " " && !lists().surnames_of(&text.to_lowercase()).is_empty()
}

fn finding(
    doc: &Document,
    range: std::ops::Range<usize>,
    surname: &str,
    confidence: f32,
) -> Finding {
    let written = &doc.view()[range.clone()];
    Finding::new(
        &ANONYMITY_MARKER_AS_NAME,
        range.clone(),
        format!(
            "“{written}” writes 某, the Chinese press's mark of an anonymised name, as if it were \
             a given name; English writes “{surname}” or “a person surnamed {surname}”"
        ),
    )
    .confidence(confidence)
    .suggest(surname.to_string())
    .fix(Fix::unsafe_edit(Edit::replace(range, surname.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn markers_after_a_surname() {
        assert_lints(
            &ANONYMITY_MARKER_AS_NAME,
            "Huang Moumou lost contact. Zhang Mou Mou and Li Mou-mou were fined; Wang XX left; \
             Chen Mou said nothing.",
            &[
                "Huang Moumou",
                "Zhang Mou Mou",
                "Li Mou-mou",
                "Wang XX",
                "Chen Mou",
            ],
        );
        assert_suggestion(&ANONYMITY_MARKER_AS_NAME, "Huang Moumou said.", "Huang");
        assert_fixed(
            &ANONYMITY_MARKER_AS_NAME,
            "Police searched for Huang Moumou.",
            Applicability::Unsafe,
            "Police searched for Huang.",
        );
    }

    #[test]
    fn possessives_and_capitals() {
        assert_lints(
            &ANONYMITY_MARKER_AS_NAME,
            "Huang Moumou's phone was off; HUANG Moumou left; Li Mou's car; Wang Mou Mou’s dog.",
            &["Huang Moumou", "HUANG Moumou", "Li Mou", "Wang Mou Mou"],
        );
        assert_suggestion(&ANONYMITY_MARKER_AS_NAME, "HUANG Moumou left.", "Huang");
        assert_fixed(
            &ANONYMITY_MARKER_AS_NAME,
            "Huang Moumou's phone was off.",
            Applicability::Unsafe,
            "Huang's phone was off.",
        );
    }

    #[test]
    fn names_and_initials_pass() {
        assert_no_lints(
            &ANONYMITY_MARKER_AS_NAME,
            "Malcolm X spoke. Zhang X, Li Y and Wang Z wrote it. Windows XP and Mou Zongsan's \
             books; Huang Mouming and Moumou the cat; Chen, Mou and Li met. Super Bowl XX.",
        );
    }
}
