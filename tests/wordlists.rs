//! Word-list hygiene: every TSV in wordlists/ follows the format in wordlists/README.md — a header
//! naming source, licence and generator, a column row, rows sorted in byte order, no duplicates, no
//! stray whitespace — and the entity lists are canonical across files.

use crate::common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use common::root;

fn tsv_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            tsv_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path);
        }
    }
}

fn all_lists() -> Vec<PathBuf> {
    let mut files = Vec::new();
    tsv_files(&root().join("wordlists"), &mut files);
    files.sort();
    files
}

struct List {
    comments: Vec<String>,
    header: Vec<String>,
    rows: Vec<String>,
}

fn read(path: &Path) -> List {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(!text.contains('\r'), "{}: \\r line endings", path.display());
    assert!(text.ends_with('\n'), "{}: no final newline", path.display());
    let mut lines = text.lines();
    let mut comments = Vec::new();
    let header = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("{}: no header row", path.display()));
        if let Some(c) = line.strip_prefix('#') {
            comments.push(c.trim().to_string());
        } else {
            break line.split('\t').map(String::from).collect::<Vec<_>>();
        }
    };
    let rows: Vec<String> = lines.map(String::from).collect();
    List {
        comments,
        header,
        rows,
    }
}

#[test]
fn every_list_is_canonical() {
    let files = all_lists();
    assert!(files.len() >= 5, "word lists are missing");
    for path in &files {
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        let list = read(path);
        for key in ["source:", "licence:", "generator:"] {
            assert!(
                list.comments.iter().any(|c| c.starts_with(key)),
                "{name}: header lacks `# {key}`"
            );
        }
        let allows_duplicate_keys = list
            .comments
            .iter()
            .any(|c| c.starts_with("duplicate keys:"));
        let mut keys = HashSet::new();
        for (i, row) in list.rows.iter().enumerate() {
            let n = i + 1;
            assert!(!row.is_empty(), "{name}: empty line at data row {n}");
            assert!(
                !row.starts_with('#'),
                "{name}: comment inside the data at row {n}"
            );
            let cells: Vec<&str> = row.split('\t').collect();
            assert_eq!(
                cells.len(),
                list.header.len(),
                "{name}: row {n} has {} cells, the header {}: {row:?}",
                cells.len(),
                list.header.len()
            );
            assert!(
                cells.iter().all(|c| c.trim() == *c),
                "{name}: whitespace around a cell in row {n}: {row:?}"
            );
            assert!(!cells[0].is_empty(), "{name}: empty key in row {n}");
            if !allows_duplicate_keys {
                assert!(
                    keys.insert(cells[0]),
                    "{name}: duplicate key {:?}",
                    cells[0]
                );
            }
        }
        for pair in list.rows.windows(2) {
            assert!(
                pair[0].as_bytes() < pair[1].as_bytes(),
                "{name}: not sorted or duplicated: {:?} then {:?}",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn every_list_is_in_the_readme() {
    let readme = std::fs::read_to_string(root().join("wordlists/README.md")).unwrap();
    for path in all_lists() {
        let name = path
            .strip_prefix(root().join("wordlists"))
            .unwrap()
            .display()
            .to_string();
        assert!(
            readme.contains(&format!("`{name}`")),
            "wordlists/README.md does not list `{name}`"
        );
    }
}

#[test]
fn entity_lists_have_one_canonical_form_per_name() {
    let mut canonical: HashMap<String, String> = HashMap::new();
    let mut aliases: Vec<(String, String)> = Vec::new();
    for path in all_lists()
        .iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("entities")))
    {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let list = read(path);
        assert_eq!(
            list.header,
            ["canonical", "type", "aliases", "rank", "country"],
            "{name}"
        );
        for row in &list.rows {
            let cells: Vec<&str> = row.split('\t').collect();
            if let Some(other) = canonical.insert(cells[0].to_string(), name.clone()) {
                panic!("{:?} is canonical in both {other} and {name}", cells[0]);
            }
            assert!(
                cells[3].parse::<u32>().is_ok(),
                "{name}: rank of {:?} is not a number",
                cells[0]
            );
            aliases.extend(
                cells[2]
                    .split('|')
                    .filter(|a| !a.is_empty())
                    .map(|a| (a.to_string(), cells[0].to_string())),
            );
        }
    }
    for (alias, owner) in aliases {
        assert!(
            !canonical.contains_key(&alias),
            "alias {alias:?} of {owner:?} is itself a canonical entry"
        );
    }
}
