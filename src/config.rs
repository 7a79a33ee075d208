//! Configuration: `mtlint.toml` (or `.mtlint.toml`) options, resolved with command-line overrides
//! into [`Settings`].
//!
//! Every key is optional and unknown keys are errors, so a typo never silently does nothing. Plain
//! keys replace the defaults; `extend-*` keys add to them. Errors name the file, the line and the
//! key.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::error::{Error, Result};
pub use crate::glossary::Glossary;
use crate::glossary::GlossaryEntry;
use crate::rules::{RULES, RuleMeta, Status};

/// The names a configuration file may have, in order of preference within one folder.
pub const CONFIG_NAMES: &[&str] = &["mtlint.toml", ".mtlint.toml"];

/// Folders never walked unless named explicitly (in addition to what .gitignore excludes).
pub const DEFAULT_EXCLUDE: &[&str] = &[
    "node_modules/",
    "target/",
    ".git/",
    "vendor/",
    "dist/",
    "build/",
];

/// The most findings reported per document unless configured otherwise. An article with more
/// than a thousand findings needs another translation, not a longer list; a table's documents
/// (an article each) stay far below it.
pub const DEFAULT_MAX_FINDINGS: usize = 1000;

/// The contents of a configuration file, as written.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Fail when a document scores below this (0 to 100).
    pub min_score: Option<f64>,
    /// Fail when a finding has at least this severity.
    pub fail_on: Option<Severity>,
    /// Enable all preview rules matched by `select`.
    pub preview: Option<bool>,
    /// Report at most this many findings per document (0: no cap).
    pub max_findings: Option<usize>,
    /// Glob patterns of paths not to check (replaces the defaults).
    pub exclude: Option<Vec<String>>,
    /// Glob patterns of paths not to check (added to the defaults).
    pub extend_exclude: Option<Vec<String>>,
    pub rules: Option<RulesConfig>,
    pub glossary: Option<GlossaryConfig>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    /// Rules to run, by code, code prefix, category letter, name or `ALL` (replaces the default,
    /// which is every stable rule).
    pub select: Option<Vec<String>>,
    /// Rules to run in addition to the default selection.
    pub extend_select: Option<Vec<String>>,
    /// Rules not to run.
    pub ignore: Option<Vec<String>>,
    /// Severity per rule code.
    pub severity: Option<BTreeMap<String, Severity>>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GlossaryConfig {
    /// Canonical spellings of names and terms: never flagged, and preferred as corrections.
    pub names: Option<Vec<String>>,
    /// Words and names to accept as they are.
    pub accept: Option<Vec<String>>,
    /// Glossary files (CSV or TSV with columns term, type, aliases, note, source, status; only
    /// `term` is required), relative to the configuration file.
    pub files: Option<Vec<String>>,
}

/// Command-line options that override the configuration file.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub preview: bool,
    pub min_score: Option<f64>,
    pub fail_on: Option<Severity>,
    pub max_findings: Option<usize>,
    /// Glossary files named on the command line (`--glossary`), read after the configuration's.
    pub glossary_files: Vec<PathBuf>,
}

/// Everything the linter needs to know, resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub rules: Vec<&'static RuleMeta>,
    pub severity: HashMap<&'static str, Severity>,
    pub fail_on: Severity,
    pub min_score: Option<f64>,
    pub exclude: Vec<String>,
    pub glossary: Glossary,
    /// The most findings reported per document (a file, or a table's document); `None`: no cap.
    pub max_findings: Option<usize>,
    /// The configuration file these settings came from, if any.
    pub config_path: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::resolve(ConfigFile::default(), None, &Overrides::default())
            .expect("default settings resolve")
    }
}

impl Settings {
    /// Combines a configuration file (read from `path`, if any) with command-line overrides.
    pub fn resolve(
        config: ConfigFile,
        path: Option<&Path>,
        overrides: &Overrides,
    ) -> Result<Settings> {
        let config_err = |message: String| Error::Config {
            path: path
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("<command line>")),
            message,
        };
        let rules_config = config.rules.clone().unwrap_or_default();
        let preview = overrides.preview || config.preview.unwrap_or(false);
        let select = overrides
            .select
            .clone()
            .or(rules_config.select.clone())
            .unwrap_or_else(|| vec!["ALL".to_string()]);
        let mut extend_select = rules_config.extend_select.clone().unwrap_or_default();
        extend_select.extend(overrides.extend_select.iter().cloned());
        let mut ignore = rules_config.ignore.clone().unwrap_or_default();
        ignore.extend(overrides.ignore.iter().cloned());
        for (key, patterns) in [
            ("select", &select),
            ("extend-select", &extend_select),
            ("ignore", &ignore),
        ] {
            if let Some(bad) = patterns.iter().find(|p| !is_valid_pattern(p)) {
                return Err(config_err(format!(
                    "[rules] {key}: `{bad}` matches no rule code, prefix, category or name"
                )));
            }
        }
        let rules = RULES
            .iter()
            .copied()
            .filter(|r| {
                let selected = select
                    .iter()
                    .chain(&extend_select)
                    .any(|p| selects(p, r, preview));
                selected && !ignore.iter().any(|p| matches_pattern(p, r))
            })
            .collect();
        let mut severity = HashMap::new();
        for (code, level) in rules_config.severity.iter().flatten() {
            let rule = crate::rules::find_rule(code)
                .ok_or_else(|| config_err(format!("[rules.severity]: unknown rule `{code}`")))?;
            severity.insert(rule.code, *level);
        }
        let min_score = overrides.min_score.or(config.min_score);
        if let Some(score) = min_score.filter(|s| !(0.0..=100.0).contains(s)) {
            return Err(config_err(format!(
                "min-score: {score} is outside 0 to 100"
            )));
        }
        let mut exclude: Vec<String> = config
            .exclude
            .clone()
            .unwrap_or_else(|| DEFAULT_EXCLUDE.iter().map(|s| s.to_string()).collect());
        exclude.extend(config.extend_exclude.clone().unwrap_or_default());
        let mut glossary = load_glossary(config.glossary.as_ref(), path)?;
        for file in &overrides.glossary_files {
            for entry in crate::glossary::read_file(file)? {
                glossary.add(entry);
            }
        }
        Ok(Settings {
            rules,
            severity,
            fail_on: overrides
                .fail_on
                .or(config.fail_on)
                .unwrap_or(Severity::Warning),
            min_score,
            exclude,
            glossary,
            max_findings: match overrides.max_findings.or(config.max_findings) {
                Some(0) => None,
                Some(n) => Some(n),
                None => Some(DEFAULT_MAX_FINDINGS),
            },
            config_path: path.map(Path::to_path_buf),
        })
    }

    /// The severity a finding of `rule` is reported with.
    pub fn severity_of(&self, rule: &RuleMeta) -> Severity {
        self.severity
            .get(rule.code)
            .copied()
            .unwrap_or(rule.severity)
    }

    pub fn is_enabled(&self, code: &str) -> bool {
        self.rules.iter().any(|r| r.code == code)
    }
}

fn is_valid_pattern(pattern: &str) -> bool {
    RULES.iter().any(|r| matches_pattern(pattern, r))
}

/// `ALL`, a code prefix (`N`, `Q00`, `Q005`, any case), or a rule name.
fn matches_pattern(pattern: &str, rule: &RuleMeta) -> bool {
    pattern.eq_ignore_ascii_case("ALL")
        || rule.name == pattern
        || (!pattern.is_empty()
            && rule.code.len() >= pattern.len()
            && rule.code[..pattern.len()].eq_ignore_ascii_case(pattern))
}

/// Preview rules are selected only by their exact code or name, or by any pattern with preview on.
fn selects(pattern: &str, rule: &RuleMeta, preview: bool) -> bool {
    matches_pattern(pattern, rule)
        && (rule.status == Status::Stable
            || preview
            || rule.code.eq_ignore_ascii_case(pattern)
            || rule.name == pattern)
}

fn load_glossary(config: Option<&GlossaryConfig>, path: Option<&Path>) -> Result<Glossary> {
    let mut glossary = Glossary::default();
    let Some(config) = config else {
        return Ok(glossary);
    };
    for name in config.names.iter().flatten() {
        glossary.add(GlossaryEntry::term(name.clone()));
    }
    glossary.accept_words(config.accept.iter().flatten().cloned());
    let base = path.and_then(Path::parent).unwrap_or(Path::new("."));
    for file in config.files.iter().flatten() {
        for entry in crate::glossary::read_file(&base.join(file))? {
            glossary.add(entry);
        }
    }
    Ok(glossary)
}

/// Parses a configuration file's text; errors name the line, column and key.
pub fn parse(text: &str, path: &Path) -> Result<ConfigFile> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| line_col(text, span.start));
        let key = e.span().and_then(|span| key_at(text, span.start));
        let message = e.message().trim().to_string();
        let message = match key {
            Some(key) if !message.contains(&format!("`{key}`")) => {
                format!("key `{key}`: {message}")
            }
            _ => message,
        };
        Error::Config {
            path: path.to_path_buf(),
            message: format!("line {line}, column {column}: {message}"),
        }
    })
}

/// Reads and parses a configuration file.
pub fn load(path: &Path) -> Result<ConfigFile> {
    let bytes = crate::read::read_capped(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        message: format!(
            "not valid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        ),
    })?;
    parse(&text, path)
}

/// What configuration discovery found: the file to use, and the files it passed over as
/// untrusted, each with the reason (for a notice).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Discovered {
    pub path: Option<PathBuf>,
    pub skipped: Vec<String>,
}

/// The nearest trusted configuration file in `start` or its parent folders.
///
/// The search stops at the repository root (the first folder holding `.git`) or at the home
/// folder, whichever comes first, as git stops at a repository's top. A configuration file can
/// turn every rule off, so one that someone else could have put there is not used: a file in a
/// folder every user may write (such as the system's temporary folder), a file every user may
/// write, and a file owned by neither the user nor root are passed over with a notice. `--config`
/// uses a file whatever its folder.
pub fn discover(start: &Path) -> Discovered {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .and_then(|h| std::fs::canonicalize(h).ok());
    let mut found = Discovered::default();
    for dir in start.ancestors() {
        for name in CONFIG_NAMES {
            let candidate = dir.join(name);
            if !candidate.is_file() {
                continue;
            }
            match distrust(&candidate) {
                None => {
                    found.path = Some(candidate);
                    return found;
                }
                Some(reason) => found.skipped.push(format!(
                    "ignoring the configuration {}: {reason} (name it with --config to use it)",
                    candidate.display()
                )),
            }
        }
        let top = dir.join(".git").exists() || home.as_deref() == Some(dir);
        if top {
            break;
        }
    }
    found
}

/// Why a configuration file found by discovery must not be trusted, if it must not.
#[cfg(unix)]
fn distrust(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let unknown = || Some("its owner and permissions cannot be read".to_string());
    let Some((real, meta)) = std::fs::canonicalize(path)
        .ok()
        .and_then(|real| std::fs::metadata(&real).ok().map(|m| (real, m)))
    else {
        return unknown();
    };
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me && meta.uid() != 0 {
        return Some(format!(
            "it belongs to user {}, not to you or root",
            meta.uid()
        ));
    }
    if meta.mode() & 0o002 != 0 {
        return Some("every user may write it".into());
    }
    let Some((folder, folder_meta)) = real
        .parent()
        .and_then(|f| std::fs::metadata(f).ok().map(|m| (f, m)))
    else {
        return unknown();
    };
    if folder_meta.mode() & 0o002 != 0 {
        return Some(format!(
            "its folder {} is writable by every user",
            folder.display()
        ));
    }
    None
}

#[cfg(not(unix))]
fn distrust(_: &Path) -> Option<String> {
    None
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The innermost key whose name or value holds byte `offset`, by the spans toml's own parse gives
/// (which reads on past a syntax error): the key of an error inside a multi-line array or an
/// inline table too.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let (table, _) = toml::de::DeTable::parse_recoverable(text);
    innermost_key(table.get_ref(), offset)
}

fn innermost_key(table: &toml::de::DeTable<'_>, offset: usize) -> Option<String> {
    table.iter().find_map(|(key, value)| {
        let inner = value
            .get_ref()
            .as_table()
            .and_then(|t| innermost_key(t, offset));
        let here = key.span().contains(&offset) || value.span().contains(&offset);
        inner.or_else(|| here.then(|| key.get_ref().to_string()))
    })
}

/// The commented configuration `mtlint init` writes.
pub const INIT_TEMPLATE: &str = r#"# mtlint configuration. Every key is optional; unknown keys are errors.
# Plain keys replace the defaults; extend-* keys add to them.

# Fail (exit code 1) when a document scores below this (0 to 100; 100 means nothing found).
# min-score = 80

# Fail when a finding has at least this severity: "info", "warning" or "error".
# fail-on = "warning"

# Turn on preview rules (those not yet quiet enough on clean English) wherever `select` matches.
# preview = false

# Report at most this many findings per document (a file, or a table's document); the score
# still counts them all, and the report says how many were left out. 0: no cap.
# max-findings = 1000

# Paths not to check, as globs relative to this file; .gitignore is always honoured.
# extend-exclude = ["archive/**", "drafts/*.md"]

[rules]
# Rules to run: codes ("N001"), prefixes ("Q", "Q00"), names ("doubled-word") or "ALL".
# The default is every stable rule; preview rules must be named by code.
# select = ["ALL"]
# extend-select = ["Q009"]
# ignore = ["G003"]

[rules.severity]
# N001 = "error"

[glossary]
# House spellings: never flagged, and preferred when mtlint suggests a correction.
# names = ["DeepSeek", "Liang Wenfeng", "MacroPolo"]
# Words to accept as written.
# accept = ["Tingryu"]
# Termbase files (CSV or TSV with columns term, type, aliases, note, source, status), relative to this
# file; the source column (the term in the original) lets bilingual mode check its translation.
# files = ["glossary.tsv"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<ConfigFile> {
        parse(text, Path::new("mtlint.toml"))
    }

    #[test]
    fn template_parses() {
        parse_str(INIT_TEMPLATE).unwrap();
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = parse_str("min-score = 80\nfail_on = \"error\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("mtlint.toml") && err.contains("line 2") && err.contains("fail_on"),
            "{err}"
        );
    }

    #[test]
    fn wrong_type_names_key() {
        let err = parse_str("\n[rules]\nselect = \"N\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 3") && err.contains("select"), "{err}");
        let err = parse_str("min-score = \"high\"\n").unwrap_err().to_string();
        assert!(err.contains("min-score"), "{err}");
        let err = parse_str("[rules]\nselect = [\n  \"N\",\n  1,\n]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 4") && err.contains("select"), "{err}");
    }

    #[test]
    fn select_and_ignore() {
        let config = parse_str("[rules]\nselect = [\"Q\"]\nignore = [\"Q011\"]\n").unwrap();
        let settings = Settings::resolve(config, None, &Overrides::default()).unwrap();
        assert!(settings.is_enabled("Q005"));
        assert!(!settings.is_enabled("Q011"));
        assert!(!settings.is_enabled("G003"));
    }

    #[test]
    fn unknown_rule_pattern_is_an_error() {
        let config = parse_str("[rules]\nselect = [\"X9\"]\n").unwrap();
        let err = Settings::resolve(config, Some(Path::new("m.toml")), &Overrides::default())
            .unwrap_err();
        assert!(err.to_string().contains("X9"), "{err}");
    }

    #[test]
    fn severity_override() {
        let config = parse_str("[rules.severity]\nG003 = \"error\"\n").unwrap();
        let settings = Settings::resolve(config, None, &Overrides::default()).unwrap();
        assert_eq!(settings.severity.get("G003"), Some(&Severity::Error));
    }

    #[test]
    fn extend_exclude_adds_to_defaults() {
        let config = parse_str("extend-exclude = [\"old/**\"]\n").unwrap();
        let settings = Settings::resolve(config, None, &Overrides::default()).unwrap();
        assert!(settings.exclude.contains(&"old/**".to_string()));
        assert!(settings.exclude.contains(&"node_modules/".to_string()));
    }
}
