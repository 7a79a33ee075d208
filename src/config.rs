//! Configuration: `mtlint.toml` (or `.mtlint.toml`) options, resolved with command-line overrides
//! into [`Settings`].
//!
//! Every key is optional and unknown keys are errors, so a typo never silently does nothing. Plain
//! keys replace the defaults; `extend-*` keys add to them. Errors name the file, the line and the
//! key.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::error::{Error, Result};
use crate::entities::{HeadClass, entity_key};
use crate::glossary::{GlossaryEntry, NearIndex, TermIndex};
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
    /// Glossary files (CSV or TSV with columns term, type, aliases, note, source; only `term` is
    /// required), relative to the configuration file.
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

/// Canonical names and accepted words from the configuration and glossary files.
#[derive(Debug, Default, Clone)]
pub struct Glossary {
    /// Every canonical spelling: the configured names and each glossary file's terms and aliases.
    pub names: Vec<String>,
    pub accept: HashSet<String>,
    /// The glossary entries with their type, aliases and note (configured names are entries
    /// without them).
    pub entries: Vec<GlossaryEntry>,
    /// Each term and alias to its entry in `entries`.
    spellings: HashMap<String, usize>,
    /// The entries' source forms, matched in an original: built on first use, after every entry
    /// has been added.
    source_forms: OnceLock<SourceForms>,
    /// Whether any entry has a source form.
    has_source_forms: bool,
    /// Exact spellings and lookup keys of the names: built on first use, after every entry has
    /// been added.
    terms: OnceLock<TermIndex>,
    /// Near-miss search per head class (institution, place, bare), built on first use.
    near: [OnceLock<NearIndex>; 3],
    /// The name words of every name, to find the names a document can use.
    words: OnceLock<NameWords>,
}

/// Every source form of the glossary, with the entry it belongs to.
#[derive(Debug, Clone)]
struct SourceForms {
    matcher: AhoCorasick,
    entry: Vec<usize>,
}

impl Glossary {
    /// Whether `word` is in the glossary, as a name or an accepted word (exact spelling).
    pub fn accepts(&self, word: &str) -> bool {
        self.accept.contains(word)
            || self.spellings.contains_key(word)
            || match self.term_index() {
                Some(index) => index.is_name(word),
                None => self.names.iter().any(|n| n == word),
            }
    }

    /// The first name whose entity lookup key is `key` (see [`entity_key`]).
    pub fn name_with_key(&self, key: &str) -> Option<&String> {
        match self.term_index() {
            Some(index) => index.name_with_key(key).map(|i| &self.names[i]),
            None => self.names.iter().find(|n| entity_key(n) == key),
        }
    }

    /// Whether a name or an accepted word has the entity lookup key `key`.
    pub fn knows_key(&self, key: &str) -> bool {
        match self.term_index() {
            Some(index) => index.knows_key(key),
            None => {
                self.names.iter().any(|n| entity_key(n) == key)
                    || self.accept.iter().any(|a| entity_key(a) == key)
            }
        }
    }

    /// The entries whose term near-miss search of a mention under a head of `class` could
    /// accept (within two edits of `joined`, the mention's identifying words run together, or
    /// one edit by romanisation), in order, and possibly a few more.
    pub fn near_entries(
        &self,
        class: HeadClass,
        joined: &str,
    ) -> impl Iterator<Item = &GlossaryEntry> + '_ {
        let slot = match class {
            HeadClass::Institution => 0,
            HeadClass::Place => 1,
            HeadClass::Bare => 2,
        };
        let index = self.near[slot].get_or_init(|| NearIndex::new(&self.entries, class));
        let positions: Vec<usize> = if index.built_from == self.entries.len() {
            index.candidates(joined)
        } else {
            (0..self.entries.len()).collect()
        };
        positions.into_iter().map(|i| &self.entries[i])
    }

    /// The names that can be the canonical spelling of a name in `text` (a document's prose
    /// view): those whose capitalised words all occur in it, compared as the name analysis
    /// compares them (lowercase letters and digits, accents dropped). The others cannot match
    /// any name of the document, and handing a 50,000-term glossary to the analysis of every
    /// document of a table cost more than checking them. A short glossary is handed whole.
    pub fn names_in(&self, text: &str) -> std::borrow::Cow<'_, [String]> {
        use std::borrow::Cow;
        if self.names.len() <= NameWords::WORTH_IT {
            return Cow::Borrowed(&self.names);
        }
        let words = self.words.get_or_init(|| NameWords::new(&self.names));
        if words.built_from != self.names.len() {
            return Cow::Borrowed(&self.names);
        }
        Cow::Owned(
            words
                .names_in(text)
                .into_iter()
                .map(|i| self.names[i].clone())
                .collect(),
        )
    }

    /// The index of names and accepted words, unless they were changed after it was built.
    fn term_index(&self) -> Option<&TermIndex> {
        let index = self
            .terms
            .get_or_init(|| TermIndex::new(&self.names, &self.accept));
        (index.built_from == (self.names.len(), self.accept.len())).then_some(index)
    }

    /// Adds an entry: its term and aliases become canonical spellings.
    pub fn add(&mut self, entry: GlossaryEntry) {
        self.source_forms = OnceLock::new();
        self.terms = OnceLock::new();
        self.near = Default::default();
        self.words = OnceLock::new();
        self.has_source_forms |= !entry.source.is_empty();
        let index = self.entries.len();
        for spelling in entry.spellings() {
            self.names.push(spelling.to_string());
            self.spellings.entry(spelling.to_string()).or_insert(index);
        }
        self.entries.push(entry);
    }

    /// Adds words to accept as written.
    pub fn accept_words(&mut self, words: impl IntoIterator<Item = String>) {
        self.terms = OnceLock::new();
        self.accept.extend(words);
    }

    /// The entry a term or alias belongs to (exact spelling).
    pub fn entry(&self, spelling: &str) -> Option<&GlossaryEntry> {
        self.spellings.get(spelling).map(|&i| &self.entries[i])
    }

    /// The canonical term for a term or alias (exact spelling).
    pub fn canonical(&self, spelling: &str) -> Option<&str> {
        self.entry(spelling).map(|e| e.term.as_str())
    }

    /// Whether any entry gives the term's form in the original (a `source` column).
    pub fn has_source_forms(&self) -> bool {
        self.has_source_forms
    }

    /// The entries whose source form `original` contains, with the byte range of each occurrence,
    /// in order. Overlapping forms yield the longest (清华大学 rather than 清华), and a form that
    /// begins or ends with a letter or digit must stand as a whole word (a French "Paris" is not
    /// found in "Parisien").
    pub fn source_terms<'g>(&'g self, original: &str) -> Vec<(Range<usize>, &'g GlossaryEntry)> {
        let forms = self.source_forms.get_or_init(|| self.build_source_forms());
        forms
            .matcher
            .find_iter(original)
            .filter(|m| stands_alone(original, m.range()))
            .map(|m| {
                (
                    m.range(),
                    &self.entries[forms.entry[m.pattern().as_usize()]],
                )
            })
            .collect()
    }

    fn build_source_forms(&self) -> SourceForms {
        let (forms, entry): (Vec<&str>, Vec<usize>) = self
            .entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.source.iter().map(move |form| (form.as_str(), i)))
            .unzip();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(forms)
            .expect("glossary source forms are plain strings of bounded size");
        SourceForms { matcher, entry }
    }
}

/// The capitalised words of each glossary name as the name analysis keys them
/// ([`part_key`](crate::names::normalize::part_key)), matched all at once in a document.
#[derive(Debug, Clone)]
struct NameWords {
    built_from: usize,
    matcher: AhoCorasick,
    /// Per word of the matcher, the names holding it.
    names_of: Vec<Vec<usize>>,
    /// Per name, how many distinct words must be found (0: it cannot be narrowed down).
    needed: Vec<usize>,
}

impl NameWords {
    /// Below this many names, filtering costs more than it saves.
    const WORTH_IT: usize = 64;

    fn new(names: &[String]) -> NameWords {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut names_of: Vec<Vec<usize>> = Vec::new();
        let mut needed = Vec::with_capacity(names.len());
        for (n, name) in names.iter().enumerate() {
            // A word starting in lowercase may be a particle the analysis leaves out ("van"), so
            // only capitalised words are required.
            let mut words: Vec<String> = name
                .split_whitespace()
                .filter(|w| !w.chars().next().is_some_and(char::is_lowercase))
                .map(crate::names::normalize::part_key)
                .filter(|k| !k.is_empty())
                .collect();
            words.sort();
            words.dedup();
            needed.push(words.len());
            for word in words {
                let next = ids.len();
                let id = *ids.entry(word).or_insert(next);
                if id == names_of.len() {
                    names_of.push(Vec::new());
                }
                names_of[id].push(n);
            }
        }
        let mut patterns: Vec<(usize, String)> = ids.into_iter().map(|(w, i)| (i, w)).collect();
        patterns.sort();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|(_, w)| w))
            .expect("name words are plain strings of bounded size");
        NameWords {
            built_from: names.len(),
            matcher,
            names_of,
            needed,
        }
    }

    /// The positions, in order, of the names whose words all occur in `text`. A name's key is
    /// made of part keys of words of the text, and the part key of a word is a piece of the part
    /// key of the whole text, so matching in the latter misses no name (and may keep a few more).
    fn names_in(&self, text: &str) -> Vec<usize> {
        let folded = crate::names::normalize::part_key(text);
        let mut found = vec![false; self.names_of.len()];
        for m in self.matcher.find_overlapping_iter(&folded) {
            found[m.pattern().as_usize()] = true;
        }
        let mut count: HashMap<usize, usize> = HashMap::new();
        for (word, names) in self.names_of.iter().enumerate() {
            if found[word] {
                for &n in names {
                    *count.entry(n).or_default() += 1;
                }
            }
        }
        let mut kept: Vec<usize> = count
            .into_iter()
            .filter(|&(n, c)| c == self.needed[n])
            .map(|(n, _)| n)
            .chain((0..self.needed.len()).filter(|&n| self.needed[n] == 0))
            .collect();
        kept.sort_unstable();
        kept
    }
}

/// Whether the match `range` of `text` is not part of a longer word: a letter or digit of a script
/// that separates words (Chinese characters and Japanese kana do not) at its edge must not touch
/// another such letter or digit.
fn stands_alone(text: &str, range: Range<usize>) -> bool {
    use crate::text::script::{is_han, is_kana};
    let spaced = |c: char| c.is_alphanumeric() && !is_han(c) && !is_kana(c);
    let glued = |edge: Option<char>, beside: Option<char>| {
        edge.is_some_and(spaced) && beside.is_some_and(spaced)
    };
    let form = &text[range.clone()];
    !glued(form.chars().next(), text[..range.start].chars().next_back())
        && !glued(form.chars().next_back(), text[range.end..].chars().next())
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
    let bytes = crate::cli::inputs::read_capped(path).map_err(|e| Error::io(path, e))?;
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
# Termbase files (CSV or TSV with columns term, type, aliases, note, source), relative to this
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
    fn source_terms_are_longest_and_whole_words() {
        let mut glossary = Glossary::default();
        for (term, source) in [
            ("Tsinghua", "清华"),
            ("Tsinghua University", "清华大学"),
            ("Paris", "Paris"),
        ] {
            glossary.add(GlossaryEntry {
                term: term.into(),
                source: vec![source.into()],
                ..GlossaryEntry::default()
            });
        }
        let original = "清华大学的Parisien学生，清华和PARIS。";
        let found: Vec<(&str, &str)> = glossary
            .source_terms(original)
            .into_iter()
            .map(|(range, entry)| (&original[range], entry.term.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("清华大学", "Tsinghua University"),
                ("清华", "Tsinghua"),
                ("PARIS", "Paris")
            ]
        );
        // Adding an entry after a lookup is seen by the next lookup.
        glossary.add(GlossaryEntry {
            term: "students".into(),
            source: vec!["学生".into()],
            ..GlossaryEntry::default()
        });
        assert_eq!(glossary.source_terms(original).len(), 4);
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

    #[test]
    fn names_in_keeps_the_names_a_document_can_use_in_order() {
        let mut glossary = Glossary::default();
        let names = (0..NameWords::WORTH_IT)
            .map(|i| format!("Filler Name{i}"))
            .chain(["Liang Wenfeng", "Ludwig van Beethoven", "Zoë Müller", "lowercase only"].map(String::from));
        for name in names {
            glossary.add(GlossaryEntry::term(name));
        }
        let text = "Liang Wen-feng said, then LUDWIG BEETHOVEN and Zoe Muller spoke.";
        let kept = glossary.names_in(text);
        assert_eq!(
            kept.as_ref(),
            ["Liang Wenfeng", "Ludwig van Beethoven", "Zoë Müller", "lowercase only"]
        );
    }
}
