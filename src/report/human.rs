//! The report for people: like rustc or typos, `path:line:col`, code and message, the source line
//! with the span underlined, and the suggestion. Colour only on a terminal (or when asked).
//!
//! Article text is sanitised before it reaches the terminal: control characters and escape
//! sequences become `?`, byte for byte, so a file cannot drive the user's terminal and the
//! underline still lines up.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{
    DocResult, FileResult, RunResult, at_line_end, at_line_start, base_text, floor_boundary,
    line_bounds, locate,
};
use crate::diagnostic::{Finding, Severity};
use crate::fix::Applicability;
use crate::rules::RuleMeta;

#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    pub color: bool,
    /// Print only the findings, not the summary.
    pub quiet: bool,
}

pub fn write(run: &RunResult, out: &mut dyn Write, options: &HumanOptions) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for file in &run.files {
        for (doc, finding) in file.findings() {
            let rendered = render(&renderer, file, doc, finding);
            writeln!(out, "{rendered}\n")?;
        }
    }
    if !options.quiet {
        write_summary(run, out)?;
    }
    Ok(())
}

fn render(renderer: &Renderer, file: &FileResult, doc: &DocResult, f: &Finding) -> String {
    let p = locate(&doc.source, f.range.clone());
    let base = base_text(&doc.source, &f.range);
    // Only a window of a very long line is shown (and searched: a 20 MB line must not cost 20 MB
    // per finding). When the window cuts the line, the header's column is given explicitly,
    // since the renderer would count it from the window's start.
    let shown_end = p.end.clamp(
        p.start,
        floor_boundary(base, p.start.saturating_add(MAX_SHOWN).min(base.len())),
    );
    let (first_line, last_line) = line_bounds(base, p.start..shown_end, MAX_SHOWN);
    let cut = !at_line_start(base, first_line) || !at_line_end(base, last_line);
    let shown = plain_line_breaks(sanitise(&base[first_line..last_line]));
    let path = match p.row {
        Some(row) => format!("{} (row {row})", sanitise_line(&file.path)),
        None => sanitise_line(&file.path),
    };
    let level = match f.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = format!("{} [{}]", one_line(&sanitise(&f.message)), f.rule.name);
    let span = p.start - first_line..shown_end - first_line;
    let label = f
        .suggestions
        .first()
        .map(|s| format!("did you mean `{}`?", one_line(&sanitise(s))))
        .unwrap_or_default();
    let snippet = Snippet::source(shown.as_str())
        .line_start(p.line)
        .annotation(AnnotationKind::Primary.span(span).label(label.as_str()));
    let title = level.primary_title(title.as_str()).id(f.rule.code);
    let mut group = if cut {
        title
            .element(
                Origin::path(path.as_str())
                    .line(p.line)
                    .char_column(p.column),
            )
            .element(snippet)
    } else {
        title.element(snippet.path(path.as_str()))
    };
    let mut notes = Vec::new();
    if f.suggestions.len() > 1 {
        notes.push(format!(
            "other suggestions: {}",
            f.suggestions[1..]
                .iter()
                .map(|s| sanitise(s))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(fix) = &f.fix {
        notes.push(format!("fix available ({})", fix.applicability.as_str()));
    }
    let related: Vec<String> = super::related_notes(&doc.source, f)
        .iter()
        .map(|n| one_line(&sanitise(n)))
        .collect();
    for note in &related {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    for note in &notes {
        group = group.element(Level::HELP.message(note.as_str()));
    }
    let report: [Group; 1] = [group];
    let rendered = renderer.render(&report);
    if cut {
        without_empty_origin(&rendered)
    } else {
        rendered
    }
}

/// The rendering without the line ` ::: ` that annotate-snippets draws for a snippet whose path
/// is given by an [`Origin`] before it (the secondary-file marker, with no file): the cut case
/// gives the location that way, since the renderer would count the column from the window.
fn without_empty_origin(rendered: &str) -> String {
    rendered
        .split_inclusive('\n')
        .filter(|line| strip_escapes(line).trim() != ":::")
        .collect()
}

/// The text of a line without its ANSI escape sequences (`ESC [ … letter`).
fn strip_escapes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn write_summary(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    for file in &run.files {
        let omitted = match file.cap() {
            Some(cap) => format!(
                " ({} more not shown: at most {cap} per document)",
                file.omitted()
            ),
            None => String::new(),
        };
        writeln!(
            out,
            "{}: score {:.1}, {} finding{}{omitted} in {} words",
            sanitise_line(&file.path),
            file.score(),
            file.finding_count(),
            plural(file.finding_count()),
            file.words()
        )?;
    }
    let findings = run.finding_count();
    writeln!(
        out,
        "Found {findings} finding{} in {} file{}{}.",
        plural(findings),
        run.files.len(),
        plural(run.files.len()),
        if run.errors.is_empty() {
            String::new()
        } else {
            format!("; {} could not be checked", run.errors.len())
        }
    )?;
    write_fixable(run, out)
}

/// How many findings `mtlint fix` would fix (and how many more with --unsafe-fixes), as ruff's
/// summary says it.
fn write_fixable(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    let (mut safe, mut unsafe_) = (0, 0);
    for file in &run.files {
        for (_, f) in file.findings() {
            match f.fix.as_ref().map(|fix| fix.applicability) {
                Some(Applicability::Safe) => safe += 1,
                Some(Applicability::Unsafe) => unsafe_ += 1,
                _ => {}
            }
        }
    }
    let more = if unsafe_ > 0 {
        format!(" ({unsafe_} more with `mtlint fix --unsafe-fixes`)")
    } else {
        String::new()
    };
    match (safe, unsafe_) {
        (0, 0) => Ok(()),
        (0, _) => writeln!(out, "{unsafe_} fixable with `mtlint fix --unsafe-fixes`."),
        _ => writeln!(out, "{safe} fixable with `mtlint fix`{more}."),
    }
}

/// `--statistics`: the findings per rule, most first, marked `[*]` where some have a safe fix
/// and `[-]` where some have only an unsafe one.
pub fn write_statistics(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    // (rule, findings, the best fix among them)
    let mut rules: Vec<(&'static RuleMeta, usize, Option<Applicability>)> = Vec::new();
    for file in &run.files {
        for (_, f) in file.findings() {
            let fix = f
                .fix
                .as_ref()
                .map(|fix| fix.applicability)
                .filter(|a| *a != Applicability::DisplayOnly);
            match rules.iter_mut().find(|(r, _, _)| r.code == f.rule.code) {
                Some((_, n, best)) => {
                    *n += 1;
                    *best = (*best).max(fix);
                }
                None => rules.push((f.rule, 1, fix)),
            }
        }
    }
    rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code.cmp(b.0.code)));
    for (rule, n, fix) in rules {
        let mark = match fix {
            Some(Applicability::Safe) => "[*]",
            Some(_) => "[-]",
            None => "   ",
        };
        writeln!(out, "{n:>5}\t{}\t{mark} {}", rule.code, rule.name)?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The most bytes of a line shown on either side of a finding.
const MAX_SHOWN: usize = 1024;

/// A carriage return reaches the terminal only as a line feed: a lone `\r` (an old Mac line end)
/// becomes `\n`, and the `\r` of `\r\n` a space. A raw carriage return would move the cursor
/// back and let the article overwrite what mtlint printed. Byte lengths stay the same.
fn plain_line_breaks(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let bytes = text.as_bytes();
    let mapped: Vec<u8> = bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => b' ',
            b'\r' => b'\n',
            other => other,
        })
        .collect();
    String::from_utf8(mapped).unwrap_or(text)
}

/// A message or suggestion on one line.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

/// Replaces control characters (C0 but tab and line breaks, DEL, C1) and bidirectional controls
/// with `?`, one per byte, so offsets keep their meaning.
pub fn sanitise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let dangerous = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{1a}');
        if dangerous {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// [`sanitise`] for text that must stay on one line (a file name in an error or a summary): line
/// breaks become `?` too, so a name holding one cannot start a line of its own.
pub fn sanitise_line(text: &str) -> String {
    sanitise(text).replace(['\n', '\r'], "?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitise_keeps_length_and_removes_escapes() {
        let text = "a\u{1b}[31mred\u{7}\u{202E}x";
        let clean = sanitise(text);
        assert_eq!(clean.len(), text.len());
        assert!(!clean.contains('\u{1b}') && !clean.contains('\u{202E}'));
        assert_eq!(sanitise("tab\tok"), "tab\tok");
        assert_eq!(sanitise_line("a\nb\r.txt"), "a?b?.txt");
    }

    #[test]
    fn a_finding_on_a_long_line_has_its_location_and_no_stray_marker() {
        use crate::text::{InputFormat, Source};
        let text = format!(
            "{} the the end {}",
            "word ".repeat(400),
            "more ".repeat(400)
        );
        let source = Source::new("long.txt", text, InputFormat::Plain);
        let run = crate::report::checked_run(source);
        for color in [false, true] {
            let mut out = Vec::new();
            write(&run, &mut out, &HumanOptions { color, quiet: true }).unwrap();
            let out = String::from_utf8(out).unwrap();
            assert!(out.contains("long.txt:1:2002"), "{out}");
            assert!(
                !out.lines().any(|l| strip_escapes(l).trim() == ":::"),
                "{out}"
            );
        }
    }
}
