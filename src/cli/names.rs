//! `mtlint names`: the people, organisations and places of each document, clustered, with the
//! canonical form of each and every spelling found: the overview an editor checks first.
//!
//! People, organisations and places are listed; other capitalised words (nationalities, months,
//! acronyms) only when they are written more than one way.

use std::io::Write;

use serde_json::json;

use super::ExitStatus;
use super::args::{CommonArgs, NamesArgs, NamesFormat};
use super::inputs::{self, ReadFailure};
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::names::mention::Cues;
use crate::names::{CanonicalSource, Cluster, Kind, NameAnalysis, Relation};
use crate::report::csv::neutralise;
use crate::report::human::{sanitise, sanitise_line};
use crate::text::{Document, Source};

/// One spelling of a cluster, as listed.
struct Spelling {
    text: String,
    count: usize,
    line: usize,
    column: usize,
    status: &'static str,
    /// Why the spelling belongs to the cluster, in words.
    reason: String,
}

/// One cluster, as listed.
struct Entry {
    canonical: String,
    kind: &'static str,
    source: &'static str,
    mentions: usize,
    spellings: Vec<Spelling>,
    /// Whether the cluster is surely a person, organisation or place by that name: a known
    /// entity, a glossary name, a person introduced by a full name that some cue (a title, a
    /// role, a speech verb) makes a person, an organisation or place named with its head word.
    /// Only these go into a starter glossary.
    confident: bool,
}

pub fn run(args: &NamesArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<ExitStatus> {
    let common = CommonArgs {
        paths: args.paths.clone(),
        config: args.config.clone(),
        isolated: args.isolated,
        glossary: args.glossary.clone(),
        input_format: args.input_format,
        stdin_filename: args.stdin_filename.clone(),
        ..CommonArgs::default()
    };
    let settings = super::settings(&common, Overrides::default())?;
    let collected = inputs::collect(&common.paths, &settings.exclude);
    let mut errors = collected.errors;
    let mut files: Vec<(String, Vec<Entry>)> = Vec::new();
    for input in &collected.inputs {
        match inputs::read_source(input, &common) {
            Ok(source) => {
                let entries = entries(&source, &settings.glossary.names);
                files.push((source.name().to_string(), entries));
            }
            Err(ReadFailure::Skipped(_)) => {}
            Err(ReadFailure::Error(e)) => errors.push(e),
        }
    }
    let written = match args.format {
        NamesFormat::Table => write_table(&files, stdout),
        NamesFormat::Json => write_json(&files, stdout),
        NamesFormat::Csv => write_csv(&files, stdout),
    };
    written.map_err(|e| Error::io("<stdout>", e))?;
    for error in &errors {
        let _ = writeln!(
            stderr,
            "mtlint: error: {}: {}",
            sanitise_line(&error.path),
            sanitise_line(&error.message)
        );
    }
    Ok(if errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    })
}

/// `mtlint init --glossary FILES`: a glossary of the people, organisations and places of `paths`
/// (TSV: term, type, aliases, note), one row per canonical form, for an editor to review. Other
/// spellings seen go into the note, not into aliases: most of them are the garbles the glossary
/// exists to catch, and an alias would make them canonical. Returns the table, its number of
/// terms, and whether a file could not be read (reported on `stderr`; the others are used).
pub fn starter_glossary(
    paths: &[std::path::PathBuf],
    stderr: &mut dyn Write,
) -> Result<(String, usize, bool)> {
    let common = CommonArgs {
        paths: paths.to_vec(),
        isolated: true,
        ..CommonArgs::default()
    };
    let linter = crate::Linter::new(super::settings(&common, Overrides::default())?);
    let collected = inputs::collect(&common.paths, &[]);
    let mut errors = collected.errors;
    let mut terms: std::collections::BTreeMap<String, Term> = Default::default();
    // Spellings mtlint itself reports as garbled names or entities, with the correction: a
    // glossary that listed them would silence the very findings it should confirm.
    let mut flagged: std::collections::BTreeMap<String, String> = Default::default();
    for input in &collected.inputs {
        let source = match inputs::read_source(input, &common) {
            Ok(source) => source,
            Err(ReadFailure::Skipped(_)) => continue,
            Err(ReadFailure::Error(e)) => {
                errors.push(e);
                continue;
            }
        };
        for f in linter.check(&source).findings {
            if matches!(
                f.rule.category,
                crate::rules::Category::Names | crate::rules::Category::Entities
            ) {
                if let Some(text) = source.text().get(f.range.clone()) {
                    let suggestion = f
                        .suggestions
                        .first()
                        .map_or(String::new(), |s| format!(" → {s}"));
                    flagged
                        .entry(text.to_string())
                        .or_insert(format!("{}{suggestion}", f.rule.code));
                }
            }
        }
        for entry in entries(&source, &[]) {
            if entry.kind == Kind::Other.as_str() {
                continue;
            }
            let term = terms
                .entry(entry.canonical.clone())
                .or_insert_with(|| Term::new(entry.kind));
            term.mentions += entry.mentions;
            term.confident |= entry.confident;
            if !term.files.iter().any(|f| f == source.name()) {
                term.files.push(source.name().to_string());
            }
            for s in entry
                .spellings
                .iter()
                .filter(|s| matches!(s.status, "variant" | "casing"))
            {
                if !term.others.contains(&s.text) {
                    term.others.push(s.text.clone());
                }
            }
        }
    }
    for error in &errors {
        let _ = writeln!(
            stderr,
            "mtlint: error: {}: {}",
            sanitise_line(&error.path),
            sanitise_line(&error.message)
        );
    }
    let cell = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut table = String::from(
        "# Starter glossary written by `mtlint init --glossary` from the names found in the files below.\n\
         # Review every row: correct the term, delete what is not a name, move real alternative spellings to aliases.\n\
         # Then set its status to `reviewed`: until then the row is preferred as a correction, but no fix towards it is safe.\n\
         # Give the form in the original under source (梁文锋|梁文鋒) to have bilingual mode check its translation.\n\
         term\ttype\taliases\tnote\tsource\tstatus\n",
    );
    for (canonical, term) in &terms {
        let Term {
            kind,
            mentions,
            files,
            others,
            confident,
        } = term;
        if let Some(finding) = flagged.get(canonical) {
            table.push_str(&format!(
                "# left out, mtlint flags this spelling ({finding}): {}\n",
                cell(canonical)
            ));
            continue;
        }
        if !confident {
            table.push_str(&format!(
                "# left out, not surely a {kind}'s name (no introduction, no cue): {}\n",
                cell(canonical)
            ));
            continue;
        }
        let mut note = format!(
            "{mentions} mention{} in {}",
            if *mentions == 1 { "" } else { "s" },
            files.join(", ")
        );
        if !others.is_empty() {
            note.push_str(&format!("; also written {}", others.join(", ")));
        }
        table.push_str(&format!(
            "{}\t{kind}\t\t{}\t\tunreviewed\n",
            cell(canonical),
            cell(&note)
        ));
    }
    let listed = terms
        .iter()
        .filter(|(t, term)| term.confident && !flagged.contains_key(*t))
        .count();
    Ok((table, listed, !errors.is_empty()))
}

/// One row of the starter glossary, gathered over the files.
struct Term {
    kind: &'static str,
    mentions: usize,
    files: Vec<String>,
    /// Other spellings of the same name (variants and casings).
    others: Vec<String>,
    /// Whether some file names it surely ([`Entry::confident`]).
    confident: bool,
}

impl Term {
    fn new(kind: &'static str) -> Term {
        Term {
            kind,
            mentions: 0,
            files: Vec::new(),
            others: Vec::new(),
            confident: false,
        }
    }
}

/// The listed clusters of one document.
fn entries(source: &Source, glossary: &[String]) -> Vec<Entry> {
    let doc = Document::new(source);
    let names = NameAnalysis::new(&doc, glossary);
    let text = doc.view();
    let mut out = Vec::new();
    for cluster in &names.clusters {
        let mut spellings: Vec<Spelling> = Vec::new();
        for &m in &cluster.mentions {
            let mention = &names.mentions[m];
            let written = &text[mention.range.clone()];
            if let Some(s) = spellings.iter_mut().find(|s| s.text == written) {
                s.count += 1;
                continue;
            }
            let (line, column) = source.lines().line_col(source.text(), mention.range.start);
            let (status, reason) = status(&names, text, m, written, cluster);
            spellings.push(Spelling {
                text: written.to_string(),
                count: 1,
                line,
                column,
                status,
                reason,
            });
        }
        let varied = spellings
            .iter()
            .any(|s| matches!(s.status, "variant" | "casing"));
        if cluster.kind == Kind::Other && !varied {
            continue;
        }
        out.push(Entry {
            canonical: cluster.canonical.clone(),
            kind: cluster.kind.as_str(),
            source: cluster.source.as_str(),
            mentions: cluster.mentions.len(),
            spellings,
            confident: confident(&names, cluster),
        });
    }
    out
}

/// See [`Entry::confident`].
fn confident(names: &NameAnalysis, cluster: &Cluster) -> bool {
    let star = &names.clustering.groups[cluster.canonical_group];
    if matches!(
        cluster.source,
        CanonicalSource::Glossary | CanonicalSource::KnownEntity
    ) {
        return true;
    }
    let cued = cluster
        .mentions
        .iter()
        .any(|&m| names.mentions[m].has(Cues::PERSON));
    match cluster.kind {
        Kind::Person => {
            cluster.source == CanonicalSource::Introduction && star.is_full_name() && cued
        }
        Kind::Organisation | Kind::Place => star.cues.intersects(Cues::ORG_HEAD | Cues::PLACE_HEAD),
        Kind::Other => false,
    }
}

/// How a mention's spelling relates to the canonical form, and why it joined the cluster.
fn status(
    names: &NameAnalysis,
    text: &str,
    m: usize,
    written: &str,
    cluster: &Cluster,
) -> (&'static str, String) {
    let expected = &names.expected[m];
    let clustering = &names.clustering;
    let group = clustering.group_of[m];
    let word = |g: usize, part: usize| {
        let mention = &names.mentions[clustering.groups[g].first()];
        mention
            .name_parts()
            .nth(part)
            .map_or_else(String::new, |p| text[p.range.clone()].to_string())
    };
    match clustering.relation[group] {
        Relation::Alias { .. } => return ("alias", "another name of the same entity".into()),
        Relation::Acronym { .. } => {
            return ("acronym", "defined in brackets after the name".into());
        }
        Relation::Variant {
            of, part, likeness, ..
        } if expected.misspelled => {
            return (
                "variant",
                format!(
                    "garbles “{}” ({}); nobody introduced is named so",
                    word(of, part),
                    likeness.describe()
                ),
            );
        }
        Relation::PartVariant {
            of,
            part,
            similarity,
        } if expected.misspelled || group != cluster.canonical_group => {
            return (
                "variant",
                format!(
                    "garbles “{}” ({})",
                    word(of, part),
                    similarity.likeness.describe()
                ),
            );
        }
        Relation::Spacing { .. } if expected.misspelled => {
            return ("variant", "spaced or hyphenated otherwise".into());
        }
        Relation::Order { .. } if expected.misspelled => {
            return ("variant", "the same words in the other order".into());
        }
        _ => {}
    }
    if let Some(r) = expected.respelled.first() {
        let why = if r.from_document {
            format!("“{}” as the document's other names spell it", r.word)
        } else {
            format!("the surname {} in another romanisation", r.word)
        };
        return ("variant", why);
    }
    if expected.misspelled {
        return ("variant", format!("spelled “{}” elsewhere", expected.text));
    }
    let recased = !expected.recased.is_empty()
        || (written != cluster.canonical
            && written.to_lowercase() == cluster.canonical.to_lowercase());
    if recased {
        ("casing", "the same letters in other capitals".into())
    } else if written == cluster.canonical {
        (
            "canonical",
            format!("chosen by {}", cluster.source.as_str()),
        )
    } else {
        ("short form", format!("part of “{}”", cluster.canonical))
    }
}

fn write_table(files: &[(String, Vec<Entry>)], out: &mut dyn Write) -> std::io::Result<()> {
    for (i, (path, entries)) in files.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}: {} names", sanitise(path), entries.len())?;
        let width = entries
            .iter()
            .flat_map(|e| e.spellings.iter().map(|s| s.text.chars().count()))
            .max()
            .unwrap_or(0)
            .min(40);
        for entry in entries {
            writeln!(out)?;
            writeln!(
                out,
                "  {} ({}, {}; {} mentions)",
                sanitise(&entry.canonical),
                entry.kind,
                entry.source,
                entry.mentions
            )?;
            for s in &entry.spellings {
                let place = format!("{}:{}", s.line, s.column);
                writeln!(
                    out,
                    "    {:<width$}  {:>3}×  {:<9}  {:<10}  {}",
                    sanitise(&s.text),
                    s.count,
                    place,
                    s.status,
                    sanitise(&s.reason)
                )?;
            }
        }
    }
    Ok(())
}

fn write_json(files: &[(String, Vec<Entry>)], out: &mut dyn Write) -> std::io::Result<()> {
    let files: Vec<_> = files
        .iter()
        .map(|(path, entries)| {
            let clusters: Vec<_> = entries
                .iter()
                .map(|e| {
                    let spellings: Vec<_> = e
                        .spellings
                        .iter()
                        .map(|s| json!({ "text": s.text, "count": s.count, "line": s.line, "column": s.column, "status": s.status, "reason": s.reason }))
                        .collect();
                    json!({ "canonical": e.canonical, "kind": e.kind, "source": e.source, "mentions": e.mentions, "spellings": spellings })
                })
                .collect();
            json!({ "path": path, "clusters": clusters })
        })
        .collect();
    let value = json!({ "schema": "mtlint-names/1", "files": files });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

fn write_csv(files: &[(String, Vec<Entry>)], out: &mut dyn Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    writer
        .write_record([
            "path",
            "cluster",
            "canonical",
            "kind",
            "source",
            "text",
            "count",
            "line",
            "column",
            "status",
            "reason",
        ])
        .map_err(io)?;
    for (path, entries) in files {
        for (i, e) in entries.iter().enumerate() {
            for s in &e.spellings {
                writer
                    .write_record([
                        neutralise(path),
                        (i + 1).to_string(),
                        neutralise(&e.canonical),
                        e.kind.to_string(),
                        e.source.to_string(),
                        neutralise(&s.text),
                        s.count.to_string(),
                        s.line.to_string(),
                        s.column.to_string(),
                        s.status.to_string(),
                        neutralise(&s.reason),
                    ])
                    .map_err(io)?;
            }
        }
    }
    writer.flush()
}
