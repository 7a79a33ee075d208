//! Inline suppression: HTML comments an editor types into the article.
//!
//! ```text
//! <!-- mtlint-disable N001 -->       findings of N001 are dropped from here …
//! <!-- mtlint-enable N001 -->        … to here (or to the end of the document)
//! <!-- mtlint-disable -->            every rule, until `<!-- mtlint-enable -->`
//! <!-- mtlint-ignore-next-line Q005 G003 -->   only on the next non-blank line
//! ```
//!
//! Codes are separated by spaces or commas and may be codes (`N001`), prefixes (`N`, `Q00`), rule
//! names (`doubled-word`) or `ALL`; no code means every rule. The same comment works in Markdown,
//! HTML and plain text. Directives are read from the original text, not the prose view (which masks
//! comments): in Markdown only comments that are HTML to CommonMark count, so a directive shown in
//! a code block or inline code is just text. A finding is suppressed when it starts inside a
//! region. For table input a directive applies inside its own cell only.
//!
//! Suppression runs in the engine after the rules, so `check`, `fix` and every report agree. A
//! directive that suppresses nothing is reported as M001 (`unused-suppression`), as ruff reports
//! unused `noqa` comments: a stale suppression would otherwise hide the next real finding. Codes
//! of rules that are not enabled in this run are not reported (the file may be checked with
//! another selection elsewhere); codes that name no rule at all, and directives mtlint does not
//! know (`mtlint-disabel`), are.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::config::Settings;
use crate::diagnostic::Finding;
use crate::rules::meta::unused_suppression::UNUSED_SUPPRESSION;
use crate::rules::{Category, RULES, RuleMeta};
use crate::text::{InputFormat, Source};

const PREFIX: &str = "mtlint-";

/// What a directive asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    IgnoreNextLine,
}

impl DirectiveKind {
    fn from_name(name: &str) -> Option<DirectiveKind> {
        match name {
            "mtlint-disable" => Some(DirectiveKind::Disable),
            "mtlint-enable" => Some(DirectiveKind::Enable),
            "mtlint-ignore-next-line" => Some(DirectiveKind::IgnoreNextLine),
            _ => None,
        }
    }
}

/// One `<!-- mtlint-… -->` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// `None` for a name starting with `mtlint-` that is no directive (a typo).
    pub kind: Option<DirectiveKind>,
    /// The whole comment, `<!--` to `-->`.
    pub comment: Range<usize>,
    /// The directive's name (`mtlint-disable`).
    pub name: Range<usize>,
    /// The codes, each a byte range; empty means every rule.
    pub codes: Vec<Range<usize>>,
    /// The table segment (cell) it is in; 0 for a file.
    pub segment: usize,
}

/// Finds the directives of a document, in text order.
pub fn directives(source: &Source) -> Vec<Directive> {
    let text = source.text();
    if !text.contains(PREFIX) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for (index, segment) in source.segments().iter().enumerate() {
        let part = &text[segment.range.clone()];
        let html = (source.format() == InputFormat::Markdown).then(|| markdown_html_ranges(part));
        for mut directive in comments(part) {
            if html
                .as_ref()
                .is_some_and(|ranges| !ranges.iter().any(|r| r.contains(&directive.comment.start)))
            {
                continue;
            }
            let base = segment.range.start;
            directive.segment = index;
            shift(&mut directive.comment, base);
            shift(&mut directive.name, base);
            directive.codes.iter_mut().for_each(|c| shift(c, base));
            found.push(directive);
        }
    }
    found
}

fn shift(range: &mut Range<usize>, by: usize) {
    *range = range.start + by..range.end + by;
}

/// Every `<!-- mtlint-… -->` comment of `text`.
fn comments(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|p| from + p) {
        let body_start = open + 4;
        let Some(close) = text[body_start..].find("-->").map(|p| body_start + p) else {
            break;
        };
        from = close + 3;
        let body = &text[body_start..close];
        let lead = body.len() - body.trim_start().len();
        if !body[lead..].starts_with(PREFIX) {
            continue;
        }
        let words = words(body, body_start);
        let Some((name, codes)) = words.split_first() else {
            continue;
        };
        out.push(Directive {
            kind: DirectiveKind::from_name(&text[name.clone()]),
            comment: open..close + 3,
            name: name.clone(),
            codes: codes.to_vec(),
            segment: 0,
        });
    }
    out
}

/// The byte ranges (shifted by `base`) of the words of `body`, split at white space and commas.
fn words(body: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
    {
        let separator = c.is_whitespace() || c == ',';
        match (start, separator) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push(base + s..base + i);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The ranges CommonMark reads as HTML (blocks and inline), where a comment is a comment.
fn markdown_html_ranges(text: &str) -> Vec<Range<usize>> {
    // The same extensions as the prose view, so both agree on what is HTML.
    Parser::new_ext(text, crate::text::prose::markdown_options())
        .into_offset_iter()
        .filter(|(event, _)| {
            matches!(
                event,
                Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_)
            )
        })
        .map(|(_, range)| range)
        .collect()
}

/// Whether a directive's code matches a rule: `ALL`, a code or code prefix (any case), or a name.
pub fn code_matches(pattern: &str, rule: &RuleMeta) -> bool {
    pattern.eq_ignore_ascii_case("ALL")
        || rule.name == pattern
        || (!pattern.is_empty()
            && rule.code.len() >= pattern.len()
            && rule
                .code
                .get(..pattern.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(pattern)))
}

/// A stretch of text where findings of some rules (or all) are dropped.
#[derive(Debug, Clone)]
struct Region {
    range: Range<usize>,
    directive: usize,
    /// Index into the directive's codes; `None` for every rule.
    code: Option<usize>,
}

/// Drops the suppressed findings and reports unused directives (when M001 is enabled).
pub fn apply(source: &Source, settings: &Settings, findings: &mut Vec<Finding>) {
    let directives = directives(source);
    if directives.is_empty() {
        return;
    }
    let text = source.text();
    let mut regions = regions(source, &directives);
    regions.sort_by_key(|r| (r.range.start, r.range.end));
    let mut used = vec![false; regions.len()];
    let comments: Vec<Range<usize>> = directives.iter().map(|d| d.comment.clone()).collect();
    // Findings are in position order; sweep the regions along with them.
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    findings.retain(|finding| {
        let at = finding.range.start;
        if inside_any(&comments, at) {
            return false; // a rule read the directive itself as prose (plain text)
        }
        while next < regions.len() && regions[next].range.start <= at {
            active.push(next);
            next += 1;
        }
        active.retain(|&r| regions[r].range.end > at);
        let mut suppressed = false;
        for &r in &active {
            let region = &regions[r];
            let matches = match region.code {
                None => finding.rule.category != Category::Meta,
                Some(c) => code_matches(
                    &text[directives[region.directive].codes[c].clone()],
                    finding.rule,
                ),
            };
            if matches {
                used[r] = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    if settings.is_enabled(UNUSED_SUPPRESSION.code) {
        // Per directive: whether each of its codes (and, last, the blanket form) suppressed something.
        let mut hits: Vec<Vec<bool>> = directives
            .iter()
            .map(|d| vec![false; d.codes.len() + 1])
            .collect();
        for (region, _) in regions.iter().zip(&used).filter(|(_, u)| **u) {
            let slot = region
                .code
                .unwrap_or(directives[region.directive].codes.len());
            hits[region.directive][slot] = true;
        }
        report_unused(text, settings, &directives, &hits, findings);
    }
}

fn inside_any(sorted: &[Range<usize>], at: usize) -> bool {
    let i = sorted.partition_point(|r| r.start <= at);
    i > 0 && sorted[i - 1].contains(&at)
}

/// The regions the directives open, closed by `enable` or at the end of their segment.
fn regions(source: &Source, directives: &[Directive]) -> Vec<Region> {
    let text = source.text();
    let mut regions = Vec::new();
    let mut open: Vec<(usize, usize, Option<usize>)> = Vec::new(); // (start, directive, code)
    let close_all =
        |open: &mut Vec<(usize, usize, Option<usize>)>, regions: &mut Vec<Region>, end: usize| {
            regions.extend(open.drain(..).map(|(start, directive, code)| Region {
                range: start..end,
                directive,
                code,
            }));
        };
    for (d, directive) in directives.iter().enumerate() {
        if d > 0 && directives[d - 1].segment != directive.segment {
            let end = source.segments()[directives[d - 1].segment].range.end;
            close_all(&mut open, &mut regions, end);
        }
        let codes: Vec<Option<usize>> = if directive.codes.is_empty() {
            vec![None]
        } else {
            (0..directive.codes.len()).map(Some).collect()
        };
        match directive.kind {
            Some(DirectiveKind::Disable) => {
                open.extend(codes.into_iter().map(|c| (directive.comment.end, d, c)))
            }
            Some(DirectiveKind::Enable) if directive.codes.is_empty() => {
                close_all(&mut open, &mut regions, directive.comment.start)
            }
            Some(DirectiveKind::Enable) => {
                let enabled: Vec<&str> = directive.codes.iter().map(|c| &text[c.clone()]).collect();
                let mut still_open = Vec::new();
                for (start, od, oc) in open.drain(..) {
                    let closes = oc.is_some_and(|c| {
                        let code = &text[directives[od].codes[c].clone()];
                        enabled.iter().any(|e| e.eq_ignore_ascii_case(code))
                    });
                    if closes {
                        regions.push(Region {
                            range: start..directive.comment.start,
                            directive: od,
                            code: oc,
                        });
                    } else {
                        still_open.push((start, od, oc));
                    }
                }
                open = still_open;
            }
            Some(DirectiveKind::IgnoreNextLine) => {
                let segment = source.segments()[directive.segment].range.clone();
                if let Some(line) = next_non_blank_line(source, directive.comment.end, segment.end)
                {
                    regions.extend(codes.into_iter().map(|code| Region {
                        range: line.clone(),
                        directive: d,
                        code,
                    }));
                }
            }
            None => {}
        }
    }
    if let Some(last) = directives.last() {
        let end = source.segments()[last.segment].range.end;
        close_all(&mut open, &mut regions, end);
    }
    regions
}

/// The first line after the one holding `offset` that has more than white space, up to `limit`.
fn next_non_blank_line(source: &Source, offset: usize, limit: usize) -> Option<Range<usize>> {
    let text = source.text();
    let lines = source.lines();
    let (line, _) = lines.line_col(text, offset);
    (line + 1..=lines.line_count())
        .map(|l| lines.line_range(text, l))
        .take_while(|r| r.start < limit)
        .find(|r| !text[r.clone()].trim().is_empty())
        .map(|r| r.start..r.end.min(limit))
}

/// M001 findings for directives (or codes of directives) that suppressed nothing.
fn report_unused(
    text: &str,
    settings: &Settings,
    directives: &[Directive],
    hits: &[Vec<bool>],
    findings: &mut Vec<Finding>,
) {
    let severity = settings.severity_of(&UNUSED_SUPPRESSION);
    // The advice goes in the message: suggestions are replacement text, and there is none here.
    let mut report = |range: Range<usize>, message: String, advice: &str| {
        let mut finding = Finding::new(&UNUSED_SUPPRESSION, range, format!("{message}; {advice}"));
        finding.severity = severity;
        findings.push(finding);
    };
    for (d, directive) in directives.iter().enumerate() {
        let name = &text[directive.name.clone()];
        let Some(kind) = directive.kind else {
            report(
                directive.comment.clone(),
                format!(
                    "`{name}` is not a directive (mtlint-disable, mtlint-enable, mtlint-ignore-next-line) and suppresses nothing"
                ),
                "correct its name or remove the comment",
            );
            continue;
        };
        let unknown: Vec<&str> = directive
            .codes
            .iter()
            .map(|c| &text[c.clone()])
            .filter(|c| !RULES.iter().any(|r| code_matches(c, r)))
            .collect();
        if !unknown.is_empty() {
            report(
                directive.comment.clone(),
                format!(
                    "`{}` names no rule (a code such as N001, a prefix or a rule name) and suppresses nothing",
                    unknown.join(" ")
                ),
                "correct the code or remove it",
            );
        }
        if kind == DirectiveKind::Enable {
            continue;
        }
        let was_used = |code: Option<usize>| hits[d][code.unwrap_or(directive.codes.len())];
        if directive.codes.is_empty() {
            if !was_used(None) {
                let place = if kind == DirectiveKind::Disable {
                    "after it"
                } else {
                    "on the next line"
                };
                report(
                    directive.comment.clone(),
                    format!("unused suppression: `{name}` suppresses no finding {place}"),
                    "remove the comment",
                );
            }
            continue;
        }
        let unused: Vec<&str> = directive
            .codes
            .iter()
            .enumerate()
            .map(|(c, range)| (c, &text[range.clone()]))
            .filter(|(_, code)| {
                settings
                    .rules
                    .iter()
                    .any(|r| r.category != Category::Meta && code_matches(code, r))
            })
            .filter(|(c, _)| !was_used(Some(*c)))
            .map(|(_, code)| code)
            .collect();
        if !unused.is_empty() {
            let all = unused.len() == directive.codes.len();
            report(
                directive.comment.clone(),
                format!(
                    "unused suppression: `{name}` suppresses no {} finding",
                    unused.join(", ")
                ),
                if all {
                    "remove the comment"
                } else {
                    "remove the unused codes"
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Linter, Settings};

    fn codes(text: &str, format: InputFormat) -> Vec<(String, String)> {
        let source = Source::new("t", text, format);
        let report = Linter::new(Settings::default()).check(&source);
        report
            .findings
            .iter()
            .map(|f| (f.code().to_string(), text[f.range.clone()].to_string()))
            .collect()
    }

    fn plain(text: &str) -> Vec<(String, String)> {
        codes(text, InputFormat::Plain)
    }

    fn pair(code: &str, text: &str) -> (String, String) {
        (code.to_string(), text.to_string())
    }

    #[test]
    fn directives_are_parsed_with_their_codes() {
        let source = Source::new(
            "t",
            "a <!--  mtlint-disable N001, Q005 --> b <!--mtlint-enable-->",
            InputFormat::Plain,
        );
        let found = directives(&source);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].kind, Some(DirectiveKind::Disable));
        let text = source.text();
        assert_eq!(
            found[0]
                .codes
                .iter()
                .map(|c| &text[c.clone()])
                .collect::<Vec<_>>(),
            ["N001", "Q005"]
        );
        assert_eq!(found[1].kind, Some(DirectiveKind::Enable));
        assert!(found[1].codes.is_empty());
    }

    #[test]
    fn disable_and_enable_bound_a_region() {
        let text = "He said the the results.\n\n<!-- mtlint-disable G003 -->\nHe said the the results.\n<!-- mtlint-enable G003 -->\n\nHe said the the end.\n";
        let found = plain(text);
        assert_eq!(found, [pair("G003", "the the"), pair("G003", "the the")]);
        let second = text.find("the the end").unwrap();
        let source = Source::new("t", text, InputFormat::Plain);
        let report = Linter::new(Settings::default()).check(&source);
        assert_eq!(report.findings[1].range.start, second);
    }

    #[test]
    fn blanket_disable_runs_to_the_end() {
        assert!(plain("<!-- mtlint-disable -->\nHe said the the results，were good.\n").is_empty());
    }

    #[test]
    fn other_rules_are_not_suppressed() {
        let found = plain("<!-- mtlint-disable Q011 -->\nHe said the the results，were good.\n");
        assert_eq!(found, [pair("G003", "the the")]);
    }

    #[test]
    fn prefixes_and_names_work() {
        assert!(plain("<!-- mtlint-disable G -->\nthe the\n").is_empty());
        assert!(plain("<!-- mtlint-disable doubled-word -->\nthe the\n").is_empty());
    }

    #[test]
    fn ignore_next_line_skips_blank_lines_and_only_one_line() {
        let text =
            "<!-- mtlint-ignore-next-line -->\n\nHe said the the results.\nHe said the the end.\n";
        assert_eq!(plain(text), [pair("G003", "the the")]);
        let text = "<!-- mtlint-ignore-next-line Q011 -->\nHe said the the results，ok.\n";
        assert_eq!(plain(text), [pair("G003", "the the")]);
    }

    #[test]
    fn unused_suppressions_are_reported() {
        let text = "<!-- mtlint-disable G003 -->\nAll is well here.\n";
        assert_eq!(plain(text), [pair("M001", "<!-- mtlint-disable G003 -->")]);
        let text = "<!-- mtlint-ignore-next-line -->\nAll is well here.\n";
        assert_eq!(
            plain(text),
            [pair("M001", "<!-- mtlint-ignore-next-line -->")]
        );
    }

    #[test]
    fn typos_and_unknown_codes_are_reported() {
        let text = "<!-- mtlint-disabel G003 -->\nHe said the the end.\n";
        assert_eq!(
            plain(text),
            [
                pair("M001", "<!-- mtlint-disabel G003 -->"),
                pair("G003", "the the")
            ]
        );
        let found = plain("<!-- mtlint-disable X999 -->\nFine.\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "M001");
    }

    #[test]
    fn codes_of_rules_not_enabled_are_not_reported() {
        let text = "<!-- mtlint-disable G003 -->\nAll is well here.\n";
        let source = Source::new("t", text, InputFormat::Plain);
        let settings = Settings {
            rules: vec![&UNUSED_SUPPRESSION],
            ..Settings::default()
        };
        assert!(Linter::new(settings).check(&source).findings.is_empty());
    }

    #[test]
    fn unused_code_in_a_used_directive_is_reported() {
        let found = plain("<!-- mtlint-disable G003 Q011 -->\nthe the\n");
        assert_eq!(found.len(), 1);
        let source = Source::new(
            "t",
            "<!-- mtlint-disable G003 Q011 -->\nthe the\n",
            InputFormat::Plain,
        );
        let report = Linter::new(Settings::default()).check(&source);
        assert!(
            report.findings[0].message.contains("Q011")
                && !report.findings[0].message.contains("G003"),
            "{}",
            report.findings[0].message
        );
    }

    #[test]
    fn markdown_directives_in_code_are_text() {
        let text = "Use `<!-- mtlint-disable -->` like this.\n\n```\n<!-- mtlint-disable -->\n```\n\nHe said the the end.\n";
        assert_eq!(
            codes(text, InputFormat::Markdown),
            [pair("G003", "the the")]
        );
        let text = "<!-- mtlint-disable G003 -->\n\nHe said the the end.\n\nSome text <!-- mtlint-enable G003 --> and the the end.\n";
        assert_eq!(
            codes(text, InputFormat::Markdown),
            [pair("G003", "the the")]
        );
    }

    #[test]
    fn html_comments_work() {
        let text = "<p>He said the the end.</p>\n<!-- mtlint-ignore-next-line G003 -->\n<p>He said the the end.</p>\n";
        assert_eq!(codes(text, InputFormat::Html), [pair("G003", "the the")]);
    }

    #[test]
    fn table_directives_stay_in_their_cell() {
        let source = Source::from_rows(
            "t",
            &[(1, "<!-- mtlint-disable G003 --> the the"), (2, "the the")],
            InputFormat::Plain,
        );
        let report = Linter::new(Settings::default()).check(&source);
        assert_eq!(report.findings.len(), 1);
        assert_eq!(source.segment_of(report.findings[0].range.start), 1);
    }

    proptest::proptest! {
        #[test]
        fn any_mix_of_directives_and_text_is_handled(parts in proptest::collection::vec(0usize..12, 0..40), md in proptest::bool::ANY) {
            const PIECES: &[&str] = &["<!--", "-->", " mtlint-disable", " mtlint-enable", " mtlint-ignore-next-line",
                                      " G003", " X9,", "the the ", "\n", "\r\n", "é“", "```\n"];
            let text: String = parts.iter().map(|&i| PIECES[i]).collect();
            let format = if md { InputFormat::Markdown } else { InputFormat::Plain };
            let source = Source::new("t", text.clone(), format);
            let report = Linter::new(Settings::default()).check(&source);
            for f in &report.findings {
                proptest::prop_assert!(f.range.end <= text.len() && text.is_char_boundary(f.range.start));
            }
        }
    }

    #[test]
    fn unterminated_and_odd_comments_do_not_panic() {
        for text in [
            "<!-- mtlint-disable",
            "<!---->",
            "<!-- mtlint- -->",
            "<!--mtlint-disable-->",
            "é<!-- mtlint-enable X -->é",
        ] {
            plain(text);
        }
    }
}
