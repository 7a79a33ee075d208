use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::fix::{Applicability, Edit, Fix};
use crate::rules::Context;
use crate::rules::quotes::{is_speech_verb, last_char_before};
use crate::text::{Document, Mark, MarkKind, Problem, TokenKind};

declare_rule! {
    /// ## What it does
    /// Finds an opening quotation mark that is never closed: not by the end of its paragraph (when
    /// the next paragraph does not continue the quotation), not by the end of the text, and not
    /// before the quotation around it closes or a new one opens.
    ///
    /// ## Why it matters
    /// Machine translation often drops the closing mark of a quotation, so the reader cannot tell
    /// where the quoted words end and the reporting starts again. It is the most visible artifact
    /// of broken quotation.
    ///
    /// ## Example
    /// ```text
    /// “Innovation requires as little intervention as possible,” Liang said. “Innovation often arises by itself.
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// “Innovation requires as little intervention as possible,” Liang said. “Innovation often arises by itself.”
    /// ```
    ///
    /// English conventions are respected: a quotation that runs on into the next paragraph leaves
    /// its closing mark off, and that paragraph opens with an opening mark; apostrophes (`'90s`,
    /// `'til`, `rock 'n' roll`) are not quotation marks; a straight single mark left open is taken
    /// for an apostrophe, and so is a single opening mark left open at the end of its paragraph
    /// (it is reported when a double quotation around it closes first); a quotation closed in a
    /// later paragraph or table row is paired with its closing mark. In a table, the rows of one
    /// document are one text: a quotation left open at the end of a row may go on in the next
    /// rows (a new opening mark there starts a new paragraph of it), and one still open at the
    /// end of the document's last row is reported, unless it opened inside a sentence and runs,
    /// as that one sentence, to the end of the text (`he called it "a hustler.`), where a table of
    /// sentences cut out of a longer text leaves its closing mark in the next sentence. Related:
    /// the place by which the quotation should have been closed.
    ///
    /// ## Fix safety
    /// The fix inserts the closing mark where the quotation most likely ends, and is unsafe: before
    /// an attribution that follows the quoted words in the paragraph (`…,” said Chen Ming`,
    /// `… years.” Damien Ma, founder of Macropolo, said`), or else at the end of the paragraph when
    /// it ends a sentence. Where neither tells, the fix is display-only.
    pub static UNCLOSED_QUOTATION = {
        code: "Q001",
        name: "unclosed-quotation",
        finds: "a quotation opened and never closed",
        category: Quotes,
        mqm: [FluencyPunctuation],
        severity: Warning,
        status: Stable,
        fix: Always,
        check: check,
    };
}

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let view = doc.view();
    let marks = &doc.quotes.marks;
    let mut verbs = SpeechVerbs::default();
    for mark in marks
        .iter()
        .filter(|m| m.kind.is_quote() && m.problem == Some(Problem::Unclosed))
        .filter(|m| !cx.is_wordless_paragraph(m.paragraph))
    {
        let paragraph = &doc.paragraphs[mark.paragraph].range;
        let paragraph_end = paragraph.start + view[paragraph.clone()].trim_end().len();
        let expected = mark.expected.unwrap_or(paragraph_end);
        let at_paragraph_end = expected >= paragraph_end;
        if mark.kind == MarkKind::Single && at_paragraph_end {
            // Left open at the end of its paragraph, a single opening mark is as likely an
            // apostrophe typed the wrong way round (‘Are you insane?) as a quotation.
            continue;
        }
        let last = mark.paragraph + 1 == doc.paragraphs.len();
        let message = match (at_paragraph_end, last) {
            (true, true) => "quotation never closed before the end of the text",
            (true, false) => "quotation never closed before the end of its paragraph",
            (false, _) => "quotation never closed",
        };
        let closing = mark.closing_form().to_string();
        let (at, applicability) = if at_paragraph_end {
            closing_place(doc, mark, expected, &mut verbs)
        } else {
            (expected, Applicability::DisplayOnly)
        };
        let fix = Fix::new(applicability, vec![Edit::insert(at, closing.clone())]);
        // The suggestion is shown at the opening mark; the related location says where the
        // closing mark goes, which is where the fix inserts it.
        out.push(
            Finding::new(&UNCLOSED_QUOTATION, mark.range.clone(), message)
                .confidence(confidence(mark))
                .related(
                    last_char_before(view, paragraph.start.min(at), at),
                    format!("close the quotation with {closing} after this"),
                )
                .suggest(closing)
                .fix(fix),
        );
    }
}

/// Where a quotation left open at the end of its paragraph most likely closes, and how sure that
/// is. When an attribution follows the quoted words inside the paragraph, the quotation closes
/// before it: after the comma of `…, said Chen Ming` or `…, Chen Ming said`, or at the end of the
/// sentence before `Damien Ma, founder of Macropolo, said:`. Otherwise it closes at the end of the
/// paragraph if that ends a sentence.
fn closing_place(
    doc: &Document,
    mark: &Mark,
    paragraph_end: usize,
    verbs: &mut SpeechVerbs,
) -> (usize, Applicability) {
    let tokens = &doc.tokens;
    let first = tokens.partition_point(|t| (t.start as usize) < mark.range.end);
    let last = tokens.partition_point(|t| (t.start as usize) < paragraph_end);
    let verb = verbs.next(doc, first, last);
    let Some(verb) = verb else {
        let ends_sentence = doc.view()[..paragraph_end].ends_with(['.', '!', '?', '…']);
        let applicability = if ends_sentence {
            Applicability::Unsafe
        } else {
            Applicability::DisplayOnly
        };
        return (paragraph_end, applicability);
    };
    let is_comma = |i: usize| tokens[i].kind == TokenKind::Punct && doc.text(&tokens[i]) == ",";
    // `…, said Chen Ming`: the attribution is inverted after a comma.
    if verb > first && is_comma(verb - 1) && tokens.get(verb + 1).is_some_and(|t| t.is_word()) {
        return (tokens[verb - 1].end as usize, Applicability::Unsafe);
    }
    // `…, Chen Ming said` or `…, he said`: a short subject between the comma and the verb.
    let subject = (verb.saturating_sub(4).max(first)..verb)
        .rev()
        .take_while(|&i| tokens[i].is_word())
        .count();
    if subject > 0
        && verb > first + subject
        && is_comma(verb - subject - 1)
        && is_subject(doc, verb - subject..verb)
    {
        return (
            tokens[verb - subject - 1].end as usize,
            Applicability::Unsafe,
        );
    }
    // `… years. Damien Ma, founder of Macropolo, said:` — the attribution is a sentence of its own.
    let sentence = &doc.sentences[doc.sentence_of(verb)];
    if sentence.range.start > mark.range.end {
        let before = doc.view()[..sentence.range.start].trim_end().len();
        return (before, Applicability::Unsafe);
    }
    (paragraph_end, Applicability::DisplayOnly)
}

/// The first speech verb at or after a token, remembered between calls: the marks of a paragraph
/// come in order, so the search never goes over the same tokens twice and a paragraph with
/// thousands of unclosed marks stays linear.
#[derive(Default)]
struct SpeechVerbs {
    /// The last speech verb found; no token between the start of that search and it is a verb.
    found: Option<usize>,
    /// Tokens before this index have been searched.
    searched_to: usize,
}

impl SpeechVerbs {
    fn next(&mut self, doc: &Document, first: usize, last: usize) -> Option<usize> {
        if let Some(verb) = self.found.filter(|&v| v >= first) {
            return (verb < last).then_some(verb);
        }
        let tokens = &doc.tokens;
        self.found = (first.max(self.searched_to)..last)
            .find(|&i| tokens[i].is_word() && is_speech_verb(doc.text(&tokens[i])));
        self.searched_to = self.found.map_or(last, |v| v + 1);
        self.found
    }
}

/// `Chen Ming`, `he`, `the coach`, `a spokesperson`: a short subject of an attribution.
fn is_subject(doc: &Document, range: std::ops::Range<usize>) -> bool {
    const STARTS: &[&str] = &[
        "a", "an", "he", "her", "his", "i", "it", "its", "she", "the", "their", "they", "we",
    ];
    let words: Vec<&str> = range.map(|i| doc.text(&doc.tokens[i])).collect();
    let Some(first) = words.first() else {
        return false;
    };
    let opens = first.chars().next().is_some_and(char::is_uppercase)
        || STARTS.contains(&first.to_ascii_lowercase().as_str());
    let is_pronoun = matches!(
        first.to_ascii_lowercase().as_str(),
        "he" | "she" | "they" | "we" | "i" | "it"
    );
    opens
        && !(is_pronoun && words.len() > 1)
        && words[1..].iter().all(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "and" | "but" | "or" | "then" | "so" | "also" | "not"
            )
        })
}

/// Curly double marks say plainly that they open; a straight mark's direction is inferred; a
/// single opening mark may be an apostrophe typed the wrong way round.
fn confidence(mark: &Mark) -> f32 {
    match (mark.kind, mark.is_straight()) {
        (MarkKind::Double, false) => 0.9,
        (MarkKind::Double, true) => 0.8,
        (MarkKind::Single, _) => 0.6,
        _ => 0.85,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::Applicability;
    use crate::rules::test_util::*;

    #[test]
    fn seed_quotation_left_open_at_end_of_text() {
        let text = "“Innovation requires no intervention,” Lean said. “Innovation often arises in itself, not as planned.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["“"]);
        let found = lint(&UNCLOSED_QUOTATION, text);
        assert_eq!(
            found[0].message,
            "quotation never closed before the end of the text"
        );
        assert_eq!(&text[found[0].related[0].range.clone()], ".");
        assert_fixed(
            &UNCLOSED_QUOTATION,
            text,
            Applicability::Unsafe,
            &format!("{text}”"),
        );
        assert_fixed(&UNCLOSED_QUOTATION, text, Applicability::Safe, text);
    }

    #[test]
    fn quotation_left_open_before_the_attribution() {
        let text = "“You've been kicking out all of this talent. Damien Ma, founder of Macropolo, said:\nWashington also cites security concerns.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["“"]);
        let found = lint(&UNCLOSED_QUOTATION, text);
        assert_eq!(
            found[0].message,
            "quotation never closed before the end of its paragraph"
        );
        assert!(
            fixed_unsafe(text)
                .starts_with("“You've been kicking out all of this talent.” Damien Ma")
        );
        // The related location is where the fix puts the closing mark (after "talent."), not
        // the end of the paragraph.
        let related = &found[0].related[0];
        assert_eq!(related.range.start, text.find("talent.").unwrap() + 6);
        assert_eq!(related.label, "close the quotation with ” after this");
    }

    fn fixed_unsafe(text: &str) -> String {
        let found = lint(&UNCLOSED_QUOTATION, text);
        crate::fix::apply(
            text,
            found.iter().filter_map(|f| f.fix.as_ref()),
            Applicability::Unsafe,
        )
        .text
    }

    #[test]
    fn closing_mark_goes_before_the_attribution() {
        let text = "\"In the past, young people went to Shanghai. Now they come to Hangzhou, said Chen Ming, the director.";
        assert_eq!(
            fixed_unsafe(text),
            "\"In the past, young people went to Shanghai. Now they come to Hangzhou,\" said Chen Ming, the director."
        );
        let text = "“We will win this year, the coach said after the game.";
        assert_eq!(
            fixed_unsafe(text),
            "“We will win this year,” the coach said after the game."
        );
        let text = "“We will win this year, and then we said so.";
        assert_eq!(
            lint(&UNCLOSED_QUOTATION, text)[0]
                .fix
                .as_ref()
                .unwrap()
                .applicability,
            Applicability::DisplayOnly
        );
    }

    #[test]
    fn straight_quotation_left_open() {
        let text =
            "He said: \"It is a hand of a cat borrowing situation.\nTanaka's stall serves ramen.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["\""]);
        assert_fixed(
            &UNCLOSED_QUOTATION,
            text,
            Applicability::Unsafe,
            "He said: \"It is a hand of a cat borrowing situation.\"\nTanaka's stall serves ramen.",
        );
    }

    #[test]
    fn fresh_text_left_open_then_new_paragraph_quotes() {
        let text =
            "“The bridge will open next year, the mayor said.\n“We are proud of it,” she added.";
        // The next paragraph opens with a quotation mark: English run-on, not an error.
        assert_no_lints(&UNCLOSED_QUOTATION, text);
        let text = "“The bridge will open next year, the mayor said.\nShe spoke in the town hall.\n“We are proud,” she added.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["“"]);
    }

    #[test]
    fn run_on_over_three_paragraphs() {
        let text =
            "“First paragraph of the speech.\n“Second paragraph.\n“Third and last,” he said.";
        assert_no_lints(&UNCLOSED_QUOTATION, text);
    }

    #[test]
    fn nested_single_left_open() {
        let text = "“He told me ‘come back tomorrow and left,” she said.";
        assert_lints(&UNCLOSED_QUOTATION, text, &["‘"]);
        assert_fixed(&UNCLOSED_QUOTATION, text, Applicability::Unsafe, text);
    }

    #[test]
    fn well_formed_quotations_pass() {
        for text in [
            "“The success of Deepseek proves that our education is amazing,” read the headline of one blog post.",
            "Pavel Durov said: “If the US does not reform its education, it will pass leadership to China,” he wrote.",
            "The committee declared the need to “trust young talent” and said firms would “have stronger control.”",
            "\"It's a building that finally matches its collection,\" said the director. \"For years we kept pieces in storage.\"",
            "He said \"the '90s were 'different',\" and laughed.",
            "Contest organizers said entries had doubled since the '90s, rock 'n' roll style, 'til today.",
            "She said, “He told me ‘no.’ ”",
        ] {
            assert_no_lints(&UNCLOSED_QUOTATION, text);
        }
    }

    #[test]
    fn apostrophes_are_not_quotations() {
        for text in [
            "The students' books, the Joneses' car and O'Brien's café.",
            "‘Tis the season, said the owner of the ‘80s diner.",
            "Hawai'i's beaches, and y'all know it.",
            "He was goin' home 'cause it was late, an' tired.",
            "They 'ad a good time, 'e said.",
        ] {
            assert_no_lints(&UNCLOSED_QUOTATION, text);
        }
    }

    #[test]
    fn quotation_inside_code_spans_is_ignored() {
        let text = "Run `echo \"hello` and see.\n\nThe result is `'a` and `“b`.\n";
        assert!(
            lint_as(
                &UNCLOSED_QUOTATION,
                text,
                crate::text::InputFormat::Markdown
            )
            .is_empty()
        );
    }

    #[test]
    fn markdown_block_quote_is_not_a_quotation_mark() {
        let text = "She said:\n\n> We listened to the criticism,\n> and we will keep listening.\n\nThen she left.\n";
        assert!(
            lint_as(
                &UNCLOSED_QUOTATION,
                text,
                crate::text::InputFormat::Markdown
            )
            .is_empty()
        );
        let text = "> “We listened to the criticism.\n\nThen she left.\n";
        assert_eq!(
            lint_as(
                &UNCLOSED_QUOTATION,
                text,
                crate::text::InputFormat::Markdown
            )
            .len(),
            1
        );
    }
}
