//! Finding the prose in a file.
//!
//! The result is a *view*: a copy of the text with exactly the same byte length in which everything
//! that is not prose is overwritten with ASCII. Markup becomes spaces (line breaks stay), and things
//! that stand in a sentence but must not be read as words (inline code, URLs, e-mail addresses, HTML
//! entities) become runs of [`OPAQUE`]. Because every prose byte keeps its offset, rules work on
//! the view and report byte ranges that are exact in the original file, and they cannot match
//! inside code by accident.
//!
//! Besides the view, extraction yields the *blocks*: paragraph-like units (a Markdown paragraph,
//! heading, list item or table cell; a plain-text paragraph), which bound sentences and quotation
//! pairing.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::source::InputFormat;

/// Stands in the view for a span that is part of a sentence but not prose (code, URL, entity).
pub const OPAQUE: u8 = 0x1A;

/// The prose of a document: a masked copy of the text and its paragraph-like blocks.
///
/// The view borrows the text when nothing needs masking (plain text without a byte-order mark,
/// URLs or e-mail addresses, which is most plain text): a 200 MB file then costs no second
/// 200 MB copy.
#[derive(Debug, Clone)]
pub struct Prose<'a> {
    pub view: Cow<'a, str>,
    pub blocks: Vec<Range<usize>>,
    /// Markdown link texts and emphasis (`[Salsa](…)`, `**Other**`, `_About_`), in order: a writer
    /// marks names and titles this way, so a capital there is not a stray one.
    pub marked: Vec<Range<usize>>,
}

/// Whether byte `i` is markup the view blanked out (a tag, a link's target, an emphasis mark, an
/// escape): a space in the view where the text has something else. Opaque spans are not blanked.
pub fn is_blanked(view: &[u8], text: &[u8], i: usize) -> bool {
    view[i] == b' ' && text[i] != b' '
}

/// Extracts the prose from `text`. Segment ranges (table rows) always end a block.
pub fn extract<'a>(text: &'a str, format: InputFormat, segments: &[Range<usize>]) -> Prose<'a> {
    if format == InputFormat::Plain && !text.starts_with('\u{feff}') {
        let opaque = opaque_ranges(text.as_bytes());
        let blocks = segments
            .iter()
            .flat_map(|s| {
                plain_blocks(&text[s.clone()])
                    .into_iter()
                    .map(|r| r.start + s.start..r.end + s.start)
            })
            .collect();
        if opaque.is_empty() {
            return Prose {
                view: Cow::Borrowed(text),
                blocks,
                marked: Vec::new(),
            };
        }
        let mut view = text.as_bytes().to_vec();
        for range in opaque {
            mask(&mut view, range, OPAQUE);
        }
        return Prose {
            view: Cow::Owned(into_string(view, text)),
            blocks,
            marked: Vec::new(),
        };
    }
    let mut view = text.as_bytes().to_vec();
    let mut blocks = Vec::new();
    let mut marked = Vec::new();
    for segment in segments {
        let part = &text[segment.clone()];
        let base = segment.start;
        let mut local_marked = Vec::new();
        let local = match format {
            InputFormat::Plain => plain_blocks(part),
            InputFormat::Markdown => {
                markdown(part, &mut view[base..base + part.len()], &mut local_marked)
            }
            InputFormat::Html => html(part, &mut view[base..base + part.len()], &mut local_marked),
        };
        blocks.extend(local.into_iter().map(|r| r.start + base..r.end + base));
        marked.extend(
            local_marked
                .into_iter()
                .map(|r| r.start + base..r.end + base),
        );
    }
    if text.starts_with('\u{feff}') {
        mask(&mut view, 0..3, b' ');
    }
    mask_urls_and_emails(&mut view);
    Prose {
        view: Cow::Owned(into_string(view, text)),
        blocks,
        marked,
    }
}

/// The masked bytes as a string. Masking overwrites whole characters with ASCII, so the view is
/// valid UTF-8 of the text's length; should that ever fail, the view falls back to the original
/// text (checking unmasked text is better than shifting every offset with a lossy conversion).
fn into_string(view: Vec<u8>, text: &str) -> String {
    debug_assert_eq!(view.len(), text.len());
    match String::from_utf8(view) {
        Ok(view) if view.len() == text.len() => view,
        _ => text.to_string(),
    }
}

/// Overwrites `range` with `fill`, keeping line breaks so that lines stay where they were.
/// Every byte of a multi-byte character is overwritten, so the view stays valid UTF-8.
fn mask(view: &mut [u8], range: Range<usize>, fill: u8) {
    for b in &mut view[range] {
        if *b != b'\n' && *b != b'\r' {
            *b = fill;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Plain text

/// Paragraphs of plain text. Blank lines always separate paragraphs. Inside a run of non-blank
/// lines, each line is its own paragraph (news copy is often one paragraph per line) unless the
/// document as a whole is hard-wrapped, which is decided once from the line lengths.
fn plain_blocks(text: &str) -> Vec<Range<usize>> {
    let groups = line_groups(text);
    let wrapped = is_hard_wrapped(text, &groups);
    let mut blocks = Vec::new();
    for group in &groups {
        if wrapped && group.len() > 1 {
            blocks.push(group[0].start..group[group.len() - 1].end);
        } else {
            blocks.extend(group.iter().cloned());
        }
    }
    blocks
}

/// Runs of non-blank lines, each line trimmed of surrounding whitespace.
fn line_groups(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut groups: Vec<Vec<Range<usize>>> = vec![];
    let mut current: Vec<Range<usize>> = vec![];
    for line in lines_with_ranges(text) {
        let trimmed = trim_range(text, line);
        if trimmed.is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(trimmed);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// A document is hard-wrapped when the lines that are followed by another line of the same
/// paragraph mostly come close to one width, as an editor's wrap column produces.
fn is_hard_wrapped(text: &str, groups: &[Vec<Range<usize>>]) -> bool {
    let widths: Vec<usize> = groups
        .iter()
        .filter(|g| g.len() > 1)
        .flat_map(|g| {
            g[..g.len() - 1]
                .iter()
                .map(|r| text[r.clone()].chars().count())
        })
        .collect();
    if widths.len() < 2 {
        return false;
    }
    let width = *widths.iter().max().unwrap_or(&0);
    if width > 120 {
        return false;
    }
    let near = widths.iter().filter(|&&w| w * 10 >= width * 6).count();
    near * 4 >= widths.len() * 3
}

fn lines_with_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => {
                lines.push(start..i);
                i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    lines.push(start..bytes.len());
    lines
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    if start >= end {
        start..start
    } else {
        start..end
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// The Markdown extensions mtlint reads (tables, footnotes, strikethrough, task lists, front
/// matter): every parse of a file uses them, so that all agree on what is code, HTML and prose.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// Byte ranges of the fenced code blocks (``` or ~~~) of a Markdown text, as CommonMark reads
/// them: a fence closes only on a fence of the same character at least as long, and an unclosed
/// one runs to the end of its container.
pub fn fenced_code(text: &str) -> Vec<Range<usize>> {
    Parser::new_ext(text, markdown_options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => Some(range),
            _ => None,
        })
        .collect()
}

fn markdown(text: &str, view: &mut [u8], marked: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    mask(view, 0..text.len(), b' ');
    let options = markdown_options();
    let mut blocks = Vec::new();
    let mut leaf: Option<Range<usize>> = None;
    // Depth of containers whose text is not prose (code blocks, HTML blocks, front matter, images)
    // and of links whose text is their own URL.
    let mut hidden = 0usize;
    let mut url_text = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    flush(&mut leaf, &mut blocks);
                }
                match tag {
                    Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::MetadataBlock(_)
                    | Tag::Image { .. } => hidden += 1,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => url_text += 1,
                    Tag::Link { .. } | Tag::Emphasis | Tag::Strong => marked.push(range.clone()),
                    _ => {}
                }
            }
            Event::End(tag) => {
                match tag {
                    TagEnd::CodeBlock
                    | TagEnd::HtmlBlock
                    | TagEnd::MetadataBlock(_)
                    | TagEnd::Image => hidden = hidden.saturating_sub(1),
                    TagEnd::Link if url_text > 0 => url_text -= 1,
                    _ => {}
                }
                if is_block_end(&tag) {
                    flush(&mut leaf, &mut blocks);
                }
            }
            Event::Text(content) if hidden == 0 => {
                let verbatim = text.get(range.clone()) == Some(content.as_ref());
                if verbatim && url_text == 0 {
                    view[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
                } else {
                    mask(view, range.clone(), OPAQUE);
                }
                extend(&mut leaf, range);
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::FootnoteReference(_)
                if hidden == 0 =>
            {
                mask(view, range.clone(), OPAQUE);
                extend(&mut leaf, range);
            }
            _ => {}
        }
    }
    flush(&mut leaf, &mut blocks);
    blocks
}

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn extend(leaf: &mut Option<Range<usize>>, range: Range<usize>) {
    match leaf {
        Some(r) => r.end = r.end.max(range.end),
        None => *leaf = Some(range),
    }
}

fn flush(leaf: &mut Option<Range<usize>>, blocks: &mut Vec<Range<usize>>) {
    if let Some(r) = leaf.take() {
        if r.start < r.end {
            blocks.push(r);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// HTML

const HTML_BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];
const HTML_HIDDEN_TAGS: &[&str] = &[
    "script", "style", "pre", "code", "textarea", "svg", "math", "template",
];

/// The innermost open element named `name`, looked for among the last few only, so that
/// thousands of unclosed `<b>` cost no more than a handful of comparisons per closing tag.
fn innermost_open(open: &[(String, usize)], name: &str) -> Option<usize> {
    const DEPTH: usize = 8;
    let from = open.len().saturating_sub(DEPTH);
    open[from..]
        .iter()
        .rposition(|(n, _)| n == name)
        .map(|k| from + k)
}

/// Inline elements that mark a name, a title or a term, like Markdown's links and emphasis.
const HTML_MARK_TAGS: &[&str] = &["a", "b", "cite", "dfn", "em", "i", "strong", "var"];

/// A small HTML scanner, enough for articles: tags and comments are masked, the content of
/// script-like elements is hidden, entities are opaque, and block-level tags end paragraphs.
fn html(text: &str, view: &mut [u8], marked: &mut Vec<Range<usize>>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut breaks = vec![0usize];
    // Open emphasis and link elements: (name, where their content starts).
    let mut open_marks: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let end = html_markup_end(text, i);
                let name = tag_name(&text[i..end]);
                mask(view, i..end, b' ');
                if HTML_BLOCK_TAGS.contains(&name.as_str()) {
                    breaks.push(i);
                    breaks.push(end);
                }
                let opening = !text[i..].starts_with("</") && !text[..end].ends_with("/>");
                if HTML_MARK_TAGS.contains(&name.as_str()) {
                    if opening {
                        open_marks.push((name.clone(), end));
                    } else if let Some(k) = innermost_open(&open_marks, &name) {
                        let (_, start) = open_marks.remove(k);
                        marked.push(start..i);
                    }
                }
                i = end;
                if opening && HTML_HIDDEN_TAGS.contains(&name.as_str()) {
                    let close = format!("</{name}");
                    let stop = find_ascii_ci(text, i, &close).unwrap_or(text.len());
                    mask(view, i..stop, if name == "code" { OPAQUE } else { b' ' });
                    i = stop;
                }
            }
            b'&' => {
                let end = entity_end(bytes, i);
                if end > i + 1 {
                    mask(view, i..end, OPAQUE);
                }
                i = end.max(i + 1);
            }
            _ => i += 1,
        }
    }
    marked.sort_by_key(|r| r.start);
    breaks.push(text.len());
    breaks.sort_unstable();
    let view_text = String::from_utf8_lossy(view).into_owned();
    let mut blocks = Vec::new();
    for pair in breaks.windows(2) {
        for block in plain_blocks(&view_text[pair[0]..pair[1]]) {
            blocks.push(block.start + pair[0]..block.end + pair[0]);
        }
    }
    blocks
}

fn html_markup_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    if rest.starts_with("<!--") {
        return rest.find("-->").map_or(text.len(), |p| start + p + 3);
    }
    let bytes = rest.as_bytes();
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return start + k + 1,
            _ => {}
        }
    }
    text.len()
}

fn tag_name(markup: &str) -> String {
    markup
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn find_ascii_ci(text: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = text.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&k| hay[k..k + needle.len()].eq_ignore_ascii_case(needle))
}

fn entity_end(bytes: &[u8], start: usize) -> usize {
    let mut k = start + 1;
    while k < bytes.len()
        && k - start <= 32
        && (bytes[k].is_ascii_alphanumeric() || bytes[k] == b'#')
    {
        k += 1;
    }
    if k < bytes.len() && bytes[k] == b';' && k > start + 1 {
        k + 1
    } else {
        start
    }
}

// ---------------------------------------------------------------------------------------------
// URLs and e-mail addresses, in any format

fn mask_urls_and_emails(view: &mut [u8]) {
    for range in opaque_ranges(view) {
        mask(view, range, OPAQUE);
    }
}

fn opaque_ranges(view: &[u8]) -> Vec<Range<usize>> {
    let mut ranges = url_ranges(view);
    ranges.extend(email_ranges(view));
    ranges
}

const URL_STARTS: &[&[u8]] = &[b"https://", b"http://", b"ftp://", b"www.", b"mailto:"];

fn url_ranges(view: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.len() {
        let at_word_start = i == 0 || !view[i - 1].is_ascii_alphanumeric();
        if at_word_start
            && URL_STARTS
                .iter()
                .any(|p| view[i..].len() >= p.len() && view[i..i + p.len()].eq_ignore_ascii_case(p))
        {
            let mut end = i;
            while end < view.len() && is_url_byte(view[end]) {
                end += 1;
            }
            // Trailing punctuation ends the sentence, not the URL; a closing bracket belongs to
            // the URL only when it closes one opened inside it (`…/wiki/Outside_(Alaska)`).
            while end > i
                && match view[end - 1] {
                    b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'"' => true,
                    b')' => !closes_inside(&view[i..end - 1], b'(', b')'),
                    b']' => !closes_inside(&view[i..end - 1], b'[', b']'),
                    _ => false,
                }
            {
                end -= 1;
            }
            out.push(i..end);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `url` has a `open` bracket left for a `close` after it to close.
fn closes_inside(url: &[u8], open: u8, close: u8) -> bool {
    let opened = url.iter().filter(|&&b| b == open).count();
    let closed = url.iter().filter(|&&b| b == close).count();
    opened > closed
}

fn is_url_byte(b: u8) -> bool {
    b.is_ascii_graphic()
        && !matches!(
            b,
            b'<' | b'>' | b'"' | b'`' | b'{' | b'}' | b'|' | b'\\' | b'^'
        )
        || b >= 0x80 && b != 0xE2
}

fn email_ranges(view: &[u8]) -> Vec<Range<usize>> {
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    let mut out = Vec::new();
    for (at, _) in view.iter().enumerate().filter(|(_, b)| **b == b'@') {
        let mut start = at;
        while start > 0 && local(view[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < view.len() && domain(view[end]) {
            end += 1;
        }
        while end > at + 1 && view[end - 1] == b'.' {
            end -= 1;
        }
        if start < at && view[at + 1..end].contains(&b'.') {
            out.push(start..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn fenced_code_closes_only_on_a_fence_as_long_as_the_opening_one() {
        // CommonMark: a closing fence has at least as many backticks as the opening one, so the
        // three-backtick line is code and the block ends at the second four-backtick line.
        let text = "````\n```\n\nstill code\n````\n\nprose\n";
        let code = text.find("still").unwrap();
        let prose = text.find("prose").unwrap();
        let fences = super::fenced_code(text);
        assert!(fences.iter().any(|f| f.contains(&code)), "{fences:?}");
        assert!(fences.iter().all(|f| !f.contains(&prose)), "{fences:?}");
        // An unclosed fence runs to the end of the document.
        let open = "text\n\n~~~\ncode\n\nmore\n";
        assert_eq!(super::fenced_code(open), vec![6..open.len()]);
    }

    use super::*;

    fn prose(text: &str, format: InputFormat) -> Prose<'_> {
        extract(text, format, &[0..text.len()])
    }

    fn block_texts(text: &str, format: InputFormat) -> Vec<String> {
        let p = prose(text, format);
        p.blocks
            .iter()
            .map(|r| p.view[r.clone()].to_string())
            .collect()
    }

    #[test]
    fn view_keeps_length_and_prose_bytes() {
        let text = "# Title “é”\n\nSee `code` and [DeepSeek](https://deepseek.com) now.\n";
        let p = prose(text, InputFormat::Markdown);
        assert_eq!(p.view.len(), text.len());
        let start = text.find("DeepSeek").unwrap();
        assert_eq!(&p.view[start..start + 8], "DeepSeek");
        assert!(!p.view.contains("code"));
        assert!(!p.view.contains("https"));
        assert!(!p.view.contains('#'));
    }

    #[test]
    fn plain_lines_are_paragraphs_when_unwrapped() {
        let text = "A long first paragraph that runs on.\nSecond paragraph.\n\nThird.";
        assert_eq!(
            block_texts(text, InputFormat::Plain),
            [
                "A long first paragraph that runs on.",
                "Second paragraph.",
                "Third."
            ]
        );
    }

    #[test]
    fn plain_hard_wrapped_lines_join() {
        let line = "word ".repeat(14);
        let text = format!("{line}\n{line}\n{line}\nend.\n\n{line}\n{line}\nend.\n");
        let blocks = block_texts(&text, InputFormat::Plain);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
    }

    #[test]
    fn markdown_skips_code_front_matter_and_html() {
        let text = "---\ntitle: x\n---\n\nProse one.\n\n```\ncode block\n```\n\n    indented code\n\n<div>html block</div>\n\n<!-- comment -->\n\n> Quoted prose.\n";
        assert_eq!(
            block_texts(text, InputFormat::Markdown),
            ["Prose one.", "Quoted prose."]
        );
    }

    #[test]
    fn markdown_link_texts_and_emphasis_are_marked() {
        let text = "See [Salsa](https://x.org) and **Other** or _About_, not <https://y.org>.";
        let prose = extract(text, InputFormat::Markdown, &[0..text.len()]);
        let marked: Vec<&str> = prose.marked.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["[Salsa](https://x.org)", "**Other**", "_About_"]);
        let plain = extract(text, InputFormat::Plain, &[0..text.len()]);
        assert!(plain.marked.is_empty());
        let html = "<p>The <em>function</em> of <a href=\"x\">Salsa</a> and <b>bold</p>";
        let prose = extract(html, InputFormat::Html, &[0..html.len()]);
        let marked: Vec<&str> = prose.marked.iter().map(|r| &html[r.clone()]).collect();
        assert_eq!(marked, ["function", "Salsa"]);
    }

    #[test]
    fn markdown_inline_code_is_opaque() {
        let p = prose("Use `the` the word.", InputFormat::Markdown);
        assert_eq!(p.view, "Use \u{1a}\u{1a}\u{1a}\u{1a}\u{1a} the word.");
    }

    #[test]
    fn markdown_list_items_and_table_cells_are_blocks() {
        let text = "- first item\n- second item\n\n| a | b |\n|---|---|\n| cell one | cell two |\n";
        let blocks = block_texts(text, InputFormat::Markdown);
        assert_eq!(
            blocks,
            [
                "first item",
                "second item",
                "a",
                "b",
                "cell one",
                "cell two"
            ]
        );
    }

    #[test]
    fn a_bracket_after_a_url_is_not_part_of_it() {
        let p = prose(
            "[see https://example.com/a_b] and (https://example.org).",
            InputFormat::Plain,
        );
        assert!(
            p.view.contains("] and (") && p.view.ends_with(")."),
            "{}",
            p.view
        );
    }

    #[test]
    fn a_bracket_closed_inside_a_url_is_part_of_it() {
        let text = "See https://en.wikipedia.org/wiki/Outside_(Alaska) for more (and https://x.org/a_(b)).";
        let p = prose(text, InputFormat::Plain);
        let urls: Vec<&str> = url_ranges(text.as_bytes())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            urls,
            [
                "https://en.wikipedia.org/wiki/Outside_(Alaska)",
                "https://x.org/a_(b)"
            ]
        );
        assert!(!p.view.contains("Alaska") && !p.view.contains("(b"));
        assert!(p.view.contains(" for more (and ") && p.view.ends_with(")."));
    }

    #[test]
    fn urls_and_emails_are_opaque_in_plain_text() {
        let p = prose(
            "Mail a.b@port.ac.uk or see https://example.com/x?y=1.",
            InputFormat::Plain,
        );
        assert!(!p.view.contains("port"));
        assert!(!p.view.contains("example"));
        assert!(p.view.ends_with('.'));
    }

    #[test]
    fn html_text_between_tags() {
        let text = "<html><body><h1>Title</h1><p>One &amp; two.</p><script>var x = 1;</script><p>Three</p></body></html>";
        let blocks = block_texts(text, InputFormat::Html);
        assert_eq!(
            blocks,
            ["Title", "One \u{1a}\u{1a}\u{1a}\u{1a}\u{1a} two.", "Three"]
        );
    }

    #[test]
    fn bom_is_masked() {
        let p = prose("\u{feff}Hello.", InputFormat::Plain);
        assert_eq!(p.view, "   Hello.");
        assert_eq!(p.blocks, [0..9]);
    }
}
