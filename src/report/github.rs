//! GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
//! changed files and in the run's summary.
//!
//! ```text
//! ::warning file=news/a.md,line=5,endLine=5,col=9,endColumn=16,title=mtlint G003 (doubled-word)::doubled word “the”%0A…
//! ```
//!
//! Each command is one line: in the message `%`, `\r` and `\n` are escaped as `%25`, `%0D` and
//! `%0A`; in the properties `:` and `,` are escaped too (`%3A`, `%2C`), as the runner's own
//! toolkit does. Control characters from the article become `?` first, so an article cannot
//! colour or rewrite the log. Findings in table rows have no line in the table file: they are
//! annotated on the file, with the row in the message.

use std::io::{self, Write};

use super::human::sanitise;
use super::{RunResult, locate};
use crate::diagnostic::Severity;

pub fn write(run: &RunResult, out: &mut dyn Write) -> io::Result<()> {
    for file in &run.files {
        for (doc, f) in file.findings() {
            let p = locate(&doc.source, f.range.clone());
            let mut properties = vec![("file", sanitise(&file.path))];
            let mut message = sanitise(&f.message);
            match p.row {
                Some(row) => {
                    message = format!("row {row}, line {}, column {}: {message}", p.line, p.column)
                }
                None => properties.extend([
                    ("line", p.line.to_string()),
                    ("endLine", p.end_line.to_string()),
                    ("col", p.column.to_string()),
                    ("endColumn", p.end_column.to_string()),
                ]),
            }
            properties.push(("title", format!("mtlint {} ({})", f.rule.code, f.rule.name)));
            if let Some(suggestion) = f.suggestions.first() {
                message.push_str(&format!("\nSuggestion: {}", sanitise(suggestion)));
            }
            if let Some(fix) = &f.fix {
                message.push_str(&format!(
                    "\nFix available ({}): mtlint fix{}",
                    fix.applicability.as_str(),
                    if fix.applicability == crate::Applicability::Unsafe {
                        " --unsafe-fixes"
                    } else {
                        ""
                    }
                ));
            }
            command(out, level(f.severity), &properties, &message)?;
        }
    }
    for file in &run.files {
        for doc in file.docs.iter().filter(|d| d.report.omitted.count > 0) {
            command(
                out,
                "notice",
                &[
                    ("file", sanitise(&file.path)),
                    ("title", "mtlint: findings not reported".into()),
                ],
                &sanitise(&super::omitted_note(&file.path, &doc.report.omitted)),
            )?;
        }
    }
    for error in &run.errors {
        command(
            out,
            "error",
            &[
                ("file", sanitise(&error.path)),
                ("title", "mtlint: cannot check this file".into()),
            ],
            &sanitise(&error.message),
        )?;
    }
    Ok(())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn command(
    out: &mut dyn Write,
    name: &str,
    properties: &[(&str, String)],
    message: &str,
) -> io::Result<()> {
    let properties: Vec<String> = properties
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    writeln!(
        out,
        "::{name} {}::{}",
        properties.join(","),
        escape_data(message)
    )
}

/// Escapes a command's message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: the message escapes plus `:` and `,`, which end properties.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{InputFormat, Source};

    fn run_on(path: &str, text: &str) -> String {
        let source = Source::new(path, text, InputFormat::Plain);
        let run = crate::report::checked_run(source);
        let mut out = Vec::new();
        write(&run, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn one_line_per_finding_with_position_and_title() {
        let out = run_on("news/a, b:c.txt", "Intro line.\nHe said the the results.\n");
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(out.starts_with("::warning file=news/a%2C b%3Ac.txt,line=2,endLine=2,col=9,endColumn=16,title=mtlint G003 (doubled-word)::"), "{out}");
        assert!(out.contains("%0ASuggestion: the"), "{out}");
    }

    #[test]
    fn article_text_cannot_break_the_command() {
        let out = run_on("a.txt", "the the\n");
        assert!(!out.trim_end().contains('\n'));
        assert!(!sanitise("\u{1b}[2J").contains('\u{1b}'));
    }
}
