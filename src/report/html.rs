//! The HTML report: one self-contained page an editor opens in a browser, mails around or attaches
//! to a ticket. It works offline: no external script, font, style or image.
//!
//! Per document it shows the score, the name clusters (when given), the article text with every
//! finding highlighted in its category's colour, and a table of the findings that sorts by line,
//! rule or severity. Each highlight is focusable (Tab moves through them) and shows the rule, the
//! message and the suggestion on hover or focus; each table row links to its highlight.
//!
//! Safety: every piece of text that comes from the article, a message, a suggestion or a path is
//! escaped (`&`, `<`, `>`, `"`, `'`), control and bidirectional-override characters become `?`,
//! and no article text is ever placed in a script, a style, a URL or an unquoted attribute. As a
//! second wall, the page carries a Content-Security-Policy that allows only its own script and
//! style (by hash) and nothing else, so even a bug in escaping could not run an article's script
//! or load anything from the network.
//!
//! Overlapping findings share one highlight (the union of their ranges) whose tooltip lists them
//! all, so the markup is always well nested.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use sha2::{Digest, Sha256};

use super::human::sanitise;
use super::{DocResult, FileResult, RunResult, locate};
use crate::diagnostic::{Finding, Severity};
use crate::rules::Category;

/// One cluster of name spellings in a document: the form mtlint considers canonical and every
/// spelling found (the canonical one included) with how often it occurs. The names analysis fills
/// these; the report only shows them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameCluster {
    pub canonical: String,
    /// (spelling, occurrences), in the order to show them.
    pub variants: Vec<(String, usize)>,
}

/// What the HTML report needs beyond the run.
#[derive(Debug, Clone, Copy)]
pub struct HtmlOptions {
    /// The name clusters of a document; the section is left out when this returns none.
    pub clusters: fn(&DocResult) -> Vec<NameCluster>,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            clusters: no_clusters,
        }
    }
}

/// The default cluster source: none.
pub fn no_clusters(_: &DocResult) -> Vec<NameCluster> {
    Vec::new()
}

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Every category, for the legend, in code-letter order.
const CATEGORIES: &[Category] = &[
    Category::Names,
    Category::Entities,
    Category::Quotes,
    Category::Idioms,
    Category::Grammar,
    Category::Perspective,
    Category::Language,
    Category::Bilingual,
    Category::Meta,
];

pub fn write(run: &RunResult, out: &mut dyn Write, options: &HtmlOptions) -> io::Result<()> {
    out.write_all(render(run, options).as_bytes())
}

/// The whole page.
pub fn render(run: &RunResult, options: &HtmlOptions) -> String {
    let mut html = String::with_capacity(
        4096 + run
            .files
            .iter()
            .flat_map(|f| &f.docs)
            .map(|d| d.source.text().len() * 2)
            .sum::<usize>(),
    );
    let title = match run.files.as_slice() {
        [] => "mtlint report".to_string(),
        [one] => format!("mtlint report: {}", one.path),
        [first, rest @ ..] => format!("mtlint report: {} and {} more", first.path, rest.len()),
    };
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"mtlint {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        sha256_base64(STYLE),
        sha256_base64(SCRIPT),
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    let _ = write!(
        html,
        "<header>\n<h1>mtlint report</h1>\n<p class=\"summary\">{} finding{} in {} file{}{}.</p>\n",
        run.finding_count(),
        plural(run.finding_count()),
        run.files.len(),
        plural(run.files.len()),
        if run.errors.is_empty() {
            String::new()
        } else {
            format!("; {} could not be checked", run.errors.len())
        }
    );
    legend(&mut html);
    if run.files.len() > 1 {
        html.push_str("<nav aria-label=\"Documents\"><ul>\n");
        for (i, file) in run.files.iter().enumerate() {
            let _ = writeln!(
                html,
                "<li><a href=\"#doc-{i}\">{}</a> <span class=\"score {}\">{:.1}</span></li>",
                escape(&file.path),
                score_class(file.score()),
                file.score()
            );
        }
        html.push_str("</ul></nav>\n");
    }
    html.push_str("</header>\n<main>\n");
    if !run.errors.is_empty() {
        html.push_str("<section class=\"errors\"><h2>Files that could not be checked</h2><ul>\n");
        for error in &run.errors {
            let _ = writeln!(
                html,
                "<li><code>{}</code>: {}</li>",
                escape(&error.path),
                escape(&error.message)
            );
        }
        html.push_str("</ul></section>\n");
    }
    for (i, file) in run.files.iter().enumerate() {
        document(&mut html, i, file, options);
    }
    let _ = write!(
        html,
        "</main>\n<footer>Generated by mtlint {}. Hover over or Tab to a highlight to read the finding; \
                         → shows its suggestion; click a table heading to sort.</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    html
}

fn legend(html: &mut String) {
    html.push_str("<ul class=\"legend\" aria-label=\"Categories\">");
    for category in CATEGORIES {
        let _ = write!(
            html,
            "<li><span class=\"swatch cat-{0}\"></span>{1} {0}</li>",
            category.name(),
            category.letter()
        );
    }
    html.push_str(
        "<li><span class=\"swatch cat-mixed\"></span>findings of several categories that overlap</li>",
    );
    html.push_str("</ul>\n");
}

/// One file: heading, score, clusters, text, findings table.
fn document(html: &mut String, index: usize, file: &FileResult, options: &HtmlOptions) {
    let score = file.score();
    let _ = write!(
        html,
        "<section class=\"doc\" id=\"doc-{index}\" aria-labelledby=\"doc-{index}-title\">\n\
         <h2 id=\"doc-{index}-title\">{}</h2>\n\
         <p class=\"meta\"><span class=\"score {}\" title=\"score from 0 to 100; 100 means nothing found and no sentence reads as garbled\">score {score:.1}</span> \
         {} finding{} in {} words</p>\n",
        escape(&file.path),
        score_class(score),
        file.finding_count(),
        plural(file.finding_count()),
        file.words()
    );
    for doc in file.docs.iter().filter(|d| d.report.omitted.count > 0) {
        let _ = writeln!(
            html,
            "<p class=\"meta omitted\">{}</p>",
            escape(&super::omitted_note(&file.path, &doc.report.omitted))
        );
    }
    let clusters: Vec<NameCluster> = file
        .docs
        .iter()
        .flat_map(|d| (options.clusters)(d))
        .collect();
    if !clusters.is_empty() {
        name_clusters(html, &clusters);
    }
    // Findings get numbers in the file's order; highlights and table rows share them.
    let findings = file.findings();
    let mut anchors = vec![String::new(); findings.len()];
    html.push_str("<h3>Text</h3>\n");
    filter(html, index, &findings);
    let numbered = if file.is_table() { "" } else { " numbered" };
    let _ = write!(
        html,
        "<div class=\"article{numbered}\" id=\"doc-{index}-text\">"
    );
    for (d, doc) in file.docs.iter().enumerate() {
        let numbered: Vec<(usize, &Finding)> = findings
            .iter()
            .enumerate()
            .filter(|(_, (fd, _))| std::ptr::eq(*fd, doc))
            .map(|(n, (_, f))| (n, *f))
            .collect();
        article(html, index, d, doc, &numbered, &mut anchors);
    }
    html.push_str("</div>\n");
    findings_table(html, index, file, &findings, &anchors);
    score_explanation(html, index, file);
    html.push_str("</section>\n");
}

/// What the score is made of: the findings' cost, the cost of the sentences that read as
/// garbled, and those sentences with the signals that weigh most against each.
fn score_explanation(html: &mut String, index: usize, file: &FileResult) {
    let _ = writeln!(
        html,
        "<h3 id=\"doc-{index}-score\">Score</h3>\n<p class=\"explain\">Findings cost {:.2}; sentences that read as garbled cost {:.2} \
         (one warning costs 1; the score is 100 × exp(−25 × cost / (words + 20)), over {} words).</p>",
        file.findings_cost(),
        file.fluency_cost(),
        file.words()
    );
    let garbled: Vec<(&DocResult, &crate::fluency::GarbledSentence)> = file
        .docs
        .iter()
        .flat_map(|d| d.report.garbled.iter().map(move |g| (d, g)))
        .collect();
    if garbled.is_empty() {
        return;
    }
    let _ = write!(
        html,
        "<table class=\"garbled\" aria-labelledby=\"doc-{index}-score\">\n<thead><tr><th scope=\"col\">Line</th>\
         <th scope=\"col\">Sentence</th><th scope=\"col\">Cost</th><th scope=\"col\">Signals against it</th></tr></thead>\n<tbody>\n"
    );
    for (doc, g) in garbled {
        let p = locate(&doc.source, g.range.clone());
        let base = super::base_text(&doc.source, &g.range);
        let line = match p.row {
            Some(row) => format!("row {row}"),
            None => p.line.to_string(),
        };
        let signals: Vec<String> = g
            .explained()
            .into_iter()
            .filter(|(_, _, effect)| *effect < 0.0)
            .take(3)
            .map(|(name, value, effect)| format!("{name} {value:.2} ({effect:+.2})"))
            .collect();
        let _ = writeln!(
            html,
            "<tr><td>{line}</td><td class=\"text\">{}</td><td>{:.2}</td><td>{}</td></tr>",
            escape(&base[p.start..p.end]),
            g.cost,
            escape(&signals.join(", "))
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

fn name_clusters(html: &mut String, clusters: &[NameCluster]) {
    html.push_str("<h3>Names</h3>\n<table class=\"clusters\">\n<thead><tr><th scope=\"col\">canonical</th><th scope=\"col\">spellings found</th></tr></thead>\n<tbody>\n");
    for cluster in clusters {
        let variants: Vec<String> = cluster
            .variants
            .iter()
            .map(|(v, n)| format!("<span class=\"variant\">{}</span> × {n}", escape(v)))
            .collect();
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td></tr>",
            escape(&cluster.canonical),
            variants.join(", ")
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

/// A run of findings that overlap, shown as one highlight.
struct Group {
    range: Range<usize>,
    /// Indices into the document's findings.
    members: Vec<usize>,
}

/// The text of one document (for a table, each row with its label) with the findings marked.
fn article(
    html: &mut String,
    file: usize,
    d: usize,
    doc: &DocResult,
    findings: &[(usize, &Finding)],
    anchors: &mut [String],
) {
    let text = doc.source.text();
    let ranges: Vec<Range<usize>> = findings
        .iter()
        .map(|(_, f)| visible_range(text, f.range.clone()))
        .collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| (ranges[i].start, ranges[i].end));
    for (s, segment) in doc.source.segments().iter().enumerate() {
        if doc.source.is_table() {
            let _ = write!(
                html,
                "<span class=\"row-label\" aria-hidden=\"false\">row {}</span>",
                segment.row
            );
        }
        let in_segment: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| doc.source.segment_of(ranges[i].start) == s)
            .collect();
        let groups = group(&in_segment, &ranges, segment.range.clone());
        let mut at = segment.range.start;
        let lines = (!doc.source.is_table()).then(|| doc.source.lines());
        if let Some(lines) = lines.filter(|_| at == 0) {
            line_number(html, lines, text, 0);
        }
        for (g, grp) in groups.iter().enumerate() {
            text_with_lines(html, text, at..grp.range.start, lines);
            let id = format!("f{file}-{d}-{s}-{g}");
            let categories: Vec<&str> = grp
                .members
                .iter()
                .map(|&i| findings[i].1.rule.category.name())
                .collect();
            let worst = grp
                .members
                .iter()
                .map(|&i| findings[i].1.severity)
                .max()
                .unwrap_or(Severity::Info);
            let class = if categories.iter().all(|c| *c == categories[0]) {
                format!("cat-{}", categories[0])
            } else {
                "cat-mixed".into()
            };
            // A highlight of a space or a single mark is hard to see: give it some room.
            let marked = &text[grp.range.clone()];
            let narrow = if marked.chars().nth(1).is_none() || marked.trim().is_empty() {
                " narrow"
            } else {
                ""
            };
            let _ = write!(
                html,
                "<mark class=\"finding {class} sev-{}{narrow}\" id=\"{id}\" tabindex=\"0\" aria-describedby=\"{id}-tip\"{}>",
                worst.as_str(),
                filter_attributes(grp.members.iter().map(|&i| findings[i].1))
            );
            text_with_lines(html, text, grp.range.clone(), lines);
            let _ = write!(
                html,
                "<span class=\"tip\" role=\"tooltip\" id=\"{id}-tip\">"
            );
            for &i in &grp.members {
                tip(html, findings[i].1);
                anchors[findings[i].0] = id.clone();
            }
            html.push_str("</span></mark>");
            hint(html, grp.members.iter().map(|&i| findings[i].1));
            at = grp.range.end;
        }
        text_with_lines(html, text, at..segment.range.end, lines);
        if doc.source.is_table() {
            html.push('\n');
        }
    }
}

/// `text[range]`, escaped, with the number of each line that starts inside it (after its first
/// byte) when `lines` is given.
fn text_with_lines(
    html: &mut String,
    text: &str,
    range: Range<usize>,
    lines: Option<&crate::text::LineIndex>,
) {
    let Some(lines) = lines else {
        html.push_str(&escape(&text[range]));
        return;
    };
    let mut at = range.start;
    let bytes = text.as_bytes();
    for i in range.clone() {
        // A line starts after a line feed, or after a carriage return not followed by one.
        let starts_line = match bytes[i] {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        };
        if starts_line && i + 1 < text.len() {
            html.push_str(&escape(&text[at..=i]));
            line_number(html, lines, text, i + 1);
            at = i + 1;
        }
    }
    html.push_str(&escape(&text[at..range.end]));
}

/// The number of the line starting at `at`, drawn by the style sheet from an attribute, so that
/// it is not part of the article's text when it is selected and copied.
fn line_number(html: &mut String, lines: &crate::text::LineIndex, text: &str, at: usize) {
    let (line, _) = lines.line_col(text, at);
    let _ = write!(
        html,
        "<span class=\"ln\" data-n=\"{line}\" aria-hidden=\"true\"></span>"
    );
}

/// The attributes the filter selects a highlight by: its findings' rules and categories.
fn filter_attributes<'a>(findings: impl Iterator<Item = &'a Finding>) -> String {
    let (mut rules, mut categories): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    for f in findings {
        rules.push(f.rule.code);
        categories.push(f.rule.category.name());
    }
    rules.sort_unstable();
    rules.dedup();
    categories.sort_unstable();
    categories.dedup();
    format!(
        " data-rules=\"{}\" data-categories=\"{}\"",
        rules.join(" "),
        categories.join(" ")
    )
}

/// The first suggestion of a highlight's findings, shown after it in the text without hovering
/// (drawn by the style sheet from the attribute, so it is not copied with the article).
fn hint<'a>(html: &mut String, mut findings: impl Iterator<Item = &'a Finding>) {
    let Some(suggestion) = findings.find_map(|f| f.suggestions.first()) else {
        return;
    };
    let shown = if suggestion.trim().is_empty() {
        "(delete)".to_string()
    } else {
        one_line(suggestion)
    };
    let _ = write!(
        html,
        "<span class=\"hint\" data-hint=\"→ {}\" title=\"suggestion\"></span>",
        escape(&shown)
    );
}

/// A suggestion on one line, at most 60 characters.
fn one_line(text: &str) -> String {
    let flat = text.replace(['\r', '\n'], " ");
    match flat.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// A control that shows only the findings of one category or rule, in the text and the table.
/// It works with the report's script; without it, it is hidden.
fn filter(html: &mut String, index: usize, findings: &[(&DocResult, &Finding)]) {
    if findings.is_empty() {
        return;
    }
    let mut rules: Vec<&crate::rules::RuleMeta> = findings.iter().map(|(_, f)| f.rule).collect();
    rules.sort_by_key(|r| r.code);
    rules.dedup_by_key(|r| r.code);
    let mut categories: Vec<Category> = rules.iter().map(|r| r.category).collect();
    categories.dedup();
    let _ = write!(
        html,
        "<p class=\"filter\"><label for=\"doc-{index}-filter\">Show</label> \
         <select id=\"doc-{index}-filter\" data-doc=\"doc-{index}\"><option value=\"\">every finding</option>\
         <optgroup label=\"Category\">"
    );
    for category in categories {
        let _ = write!(
            html,
            "<option value=\"category:{0}\">{1} {0}</option>",
            category.name(),
            category.letter()
        );
    }
    html.push_str("</optgroup><optgroup label=\"Rule\">");
    for rule in rules {
        let _ = write!(
            html,
            "<option value=\"rule:{0}\">{0} {1}</option>",
            rule.code, rule.name
        );
    }
    html.push_str("</optgroup></select></p>\n");
}

/// Overlapping findings (by their visible ranges, clipped to `limit`) merged into groups.
fn group(sorted: &[usize], ranges: &[Range<usize>], limit: Range<usize>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for &i in sorted {
        let range = ranges[i].start.max(limit.start)..ranges[i].end.min(limit.end);
        if range.start >= range.end {
            continue;
        }
        match groups.last_mut() {
            Some(last) if range.start < last.range.end => {
                last.range.end = last.range.end.max(range.end);
                last.members.push(i);
            }
            _ => groups.push(Group {
                range,
                members: vec![i],
            }),
        }
    }
    groups
}

/// The range to highlight: an empty range (a missing mark, an insertion point) shows the
/// character after it, or before it at the very end.
fn visible_range(text: &str, range: Range<usize>) -> Range<usize> {
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    if start < end {
        return start..end;
    }
    if let Some(c) = text[start..].chars().next() {
        return start..start + c.len_utf8();
    }
    match text[..start].chars().next_back() {
        Some(c) => start - c.len_utf8()..start,
        None => start..start,
    }
}

fn tip(html: &mut String, f: &Finding) {
    let _ = write!(
        html,
        "<span class=\"tip-item\"><b>{} {}</b> <i>{}</i> {}",
        f.rule.code,
        f.rule.name,
        f.severity.as_str(),
        escape(&f.message)
    );
    if let Some(s) = f.suggestions.first() {
        let _ = write!(
            html,
            " <span class=\"suggest\">Suggestion: <q>{}</q></span>",
            escape(s)
        );
    }
    html.push_str("</span>");
}

fn findings_table(
    html: &mut String,
    index: usize,
    file: &FileResult,
    findings: &[(&DocResult, &Finding)],
    anchors: &[String],
) {
    if findings.is_empty() {
        html.push_str("<p class=\"none\">No findings.</p>\n");
        return;
    }
    let table = file.is_table();
    let _ = write!(
        html,
        "<h3 id=\"doc-{index}-findings\">Findings</h3>\n<table class=\"findings\" aria-labelledby=\"doc-{index}-findings\">\n<thead><tr>"
    );
    if table {
        html.push_str("<th scope=\"col\" data-key=\"row\" aria-sort=\"ascending\"><button type=\"button\">Row</button></th>");
    }
    let _ = write!(
        html,
        "<th scope=\"col\" data-key=\"line\"{}><button type=\"button\">Line</button></th>\
         <th scope=\"col\" data-key=\"rule\"><button type=\"button\">Rule</button></th>\
         <th scope=\"col\" data-key=\"severity\"><button type=\"button\">Severity</button></th>\
         <th scope=\"col\">Text</th><th scope=\"col\">Message</th><th scope=\"col\">Suggestion</th></tr></thead>\n<tbody>\n",
        if table {
            ""
        } else {
            " aria-sort=\"ascending\""
        }
    );
    for (n, (doc, f)) in findings.iter().enumerate() {
        let p = locate(&doc.source, f.range.clone());
        let base = super::base_text(&doc.source, &f.range);
        let severity_rank = match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        let _ = write!(
            html,
            "<tr data-order=\"{n}\" data-line=\"{}\" data-rule=\"{}\" data-category=\"{}\" data-severity=\"{severity_rank}\"",
            p.line,
            f.rule.code,
            f.rule.category.name()
        );
        if let Some(row) = p.row {
            let _ = write!(html, " data-row=\"{row}\"");
        }
        html.push('>');
        if let Some(row) = p.row {
            let _ = write!(html, "<td>{row}</td>");
        }
        let link = if anchors[n].is_empty() {
            format!("{}:{}", p.line, p.column)
        } else {
            format!("<a href=\"#{}\">{}:{}</a>", anchors[n], p.line, p.column)
        };
        let _ = writeln!(
            html,
            "<td>{link}</td><td><span class=\"swatch cat-{}\"></span>{} <span class=\"rule-name\">{}</span></td><td class=\"sev-{2}\">{}</td>\
             <td class=\"text\">{}</td><td>{}{}</td><td>{}</td></tr>",
            f.rule.category.name(),
            f.rule.code,
            f.rule.name,
            f.severity.as_str(),
            shown_text(&base[p.start..p.end]),
            escape(&f.message) + &related_block(doc, f),
            super::original(doc, f)
                .map(original_block)
                .unwrap_or_default(),
            f.suggestions.first().map(|s| escape(s)).unwrap_or_default()
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

/// A finding's related locations (where the quotation should close, where a name is spelled
/// otherwise), shown under its message.
fn related_block(doc: &DocResult, f: &Finding) -> String {
    super::related_notes(&doc.source, f)
        .iter()
        .map(|n| format!("<br><span class=\"related\">{}</span>", escape(n)))
        .collect()
}

/// The original a bilingual finding was checked against, shown under its message.
fn original_block(original: &str) -> String {
    format!(
        "<blockquote class=\"original\"><span class=\"label\">Original:</span> {}</blockquote>",
        escape(original)
    )
}

/// A finding's text for the table; white space alone is named, since it would show as nothing.
fn shown_text(text: &str) -> String {
    if !text.trim().is_empty() {
        escape(text)
    } else if text.contains(['\n', '\r']) {
        "<span class=\"ws\">line break</span>".into()
    } else if text.is_empty() {
        "<span class=\"ws\">(here)</span>".into()
    } else {
        "<span class=\"ws\">space</span>".into()
    }
}

fn score_class(score: f64) -> &'static str {
    if score >= 90.0 {
        "good"
    } else if score >= 70.0 {
        "fair"
    } else {
        "poor"
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Escapes text for an HTML text node or a quoted attribute, after replacing control and
/// bidirectional characters with `?`.
pub fn escape(text: &str) -> String {
    let clean = sanitise(text);
    let mut out = String::with_capacity(clean.len() + clean.len() / 8);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The CSP source hash of an inline script or style.
fn sha256_base64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{InputFormat, Source};

    fn run_on(text: &str) -> RunResult {
        let source = Source::new("a.txt", text, InputFormat::Plain);
        crate::report::checked_run(source)
    }

    #[test]
    fn the_score_is_explained() {
        let html = render(
            &run_on("People are going on going on going on going on in the town."),
            &HtmlOptions::default(),
        );
        assert!(
            html.contains("sentences that read as garbled cost"),
            "{html}"
        );
        assert!(html.contains("<table class=\"garbled\""));
        assert!(html.contains("repeated"));
    }

    #[test]
    fn csp_hash_is_the_standard_base64_of_sha256() {
        assert_eq!(
            sha256_base64(""),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn escape_covers_markup_and_controls() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{202E}b"), "a???b");
    }

    #[test]
    fn overlapping_findings_share_one_highlight() {
        let ranges = vec![0..5, 3..8, 10..12];
        let groups = group(&[0, 1, 2], &ranges, 0..20);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].range, 0..8);
        assert_eq!(groups[0].members.len(), 2);
    }

    #[test]
    fn empty_ranges_show_a_character() {
        assert_eq!(visible_range("ab“", 2..2), 2..5);
        assert_eq!(visible_range("ab", 2..2), 1..2);
        assert_eq!(visible_range("", 0..0), 0..0);
    }

    #[test]
    fn article_html_is_escaped_and_marked() {
        let html = render(
            &run_on("<script>alert(1)</script> He said the the end."),
            &HtmlOptions::default(),
        );
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<mark class=\"finding cat-grammar sev-warning\""));
        assert!(
            !html.contains("Names</h3>"),
            "no clusters section without clusters"
        );
    }

    #[test]
    fn the_legend_has_the_grey_of_overlapping_findings() {
        let html = render(&run_on("Fine."), &HtmlOptions::default());
        let legend = &html[html.find("<ul class=\"legend\"").unwrap()..];
        let legend = &legend[..legend.find("</ul>").unwrap()];
        assert!(
            legend.contains("<span class=\"swatch cat-mixed\"></span>findings of several categories that overlap"),
            "{legend}"
        );
    }

    #[test]
    fn a_tooltip_at_the_right_edge_opens_leftwards() {
        // The script measures a tooltip as it opens and flips it; the style sheet anchors a
        // flipped one by its right edge.
        assert!(STYLE.contains(".tip.flip { left: auto; right: 0; }"));
        assert!(SCRIPT.contains("right > document.documentElement.clientWidth"));
        assert!(SCRIPT.contains("tip.classList.add('flip')"));
    }

    #[test]
    fn suggestions_show_without_hovering_and_lines_are_numbered() {
        let html = render(
            &run_on("First line.\nHe said the the end.\n\nThe <brain drainage> grew.\n"),
            &HtmlOptions::default(),
        );
        assert!(html.contains("<div class=\"article numbered\""), "{html}");
        for n in 1..=4 {
            assert!(
                html.contains(&format!("<span class=\"ln\" data-n=\"{n}\"")),
                "{n}"
            );
        }
        assert!(
            !html.contains("data-n=\"5\""),
            "no number after the last line break"
        );
        // The suggestion follows its highlight, as an attribute the style sheet shows.
        let mark = html.find("data-rules=\"G003\"").unwrap();
        let after = &html[mark..];
        assert!(
            after[after.find("</mark>").unwrap()..]
                .starts_with("</mark><span class=\"hint\" data-hint=\"→ the\""),
            "{after}"
        );
        assert!(html.contains(".hint::after { content: attr(data-hint)"));
    }

    #[test]
    fn the_filter_offers_the_categories_and_rules_found() {
        let html = render(
            &run_on("He said the the end. The brain drainage grew.\n"),
            &HtmlOptions::default(),
        );
        for option in [
            "<option value=\"category:grammar\">G grammar</option>",
            "<option value=\"category:idioms\">I idioms</option>",
            "<option value=\"rule:G003\">G003 doubled-word</option>",
            "<option value=\"rule:I001\">I001 mangled-idiom</option>",
        ] {
            assert!(html.contains(option), "{option}");
        }
        assert!(!html.contains("category:names"));
        assert!(html.contains("data-rule=\"G003\" data-category=\"grammar\""));
        // No findings, no filter.
        assert!(!render(&run_on("Fine."), &HtmlOptions::default()).contains("class=\"filter\""));
    }

    #[test]
    fn clusters_are_shown_when_given() {
        fn clusters(_: &DocResult) -> Vec<NameCluster> {
            vec![NameCluster {
                canonical: "Liang Wenfeng".into(),
                variants: vec![("Liang Wenfeng".into(), 3), ("Leann <b>".into(), 1)],
            }]
        }
        let html = render(&run_on("Fine."), &HtmlOptions { clusters });
        assert!(
            html.contains("<h3>Names</h3>") && html.contains("Leann &lt;b&gt;</span> × 1"),
            "{html}"
        );
    }
}
