//! The name rules (N001-N003) on documents written for them (`tests/fixtures/names/`), on the
//! seed article when the shared data is there, across the rows of a table, and the `mtlint names`
//! overview.
//!
//! Each fixture has a `.expected` file in the format of `samples/*.expected`: `<line> <code>
//! <text> [-> <suggestion>]` for what must be found, `!<line> <text>` for what must stay
//! unflagged. Unlike the samples, the list is complete: a name finding that is not listed fails.

use crate::common;

use common::{
    Expectation, check_json, expectations, findings, matches, mtlint, overlaps, prose_files, root,
    seed,
};
use serde_json::Value;

fn fixtures() -> Vec<std::path::PathBuf> {
    prose_files("tests/fixtures/names")
}

#[test]
fn at_least_thirty_documents() {
    assert!(fixtures().len() >= 30, "{} name fixtures", fixtures().len());
}

#[test]
fn fixtures_find_exactly_what_they_expect() {
    let mut problems = Vec::new();
    for fixture in fixtures() {
        let source = std::fs::read_to_string(&fixture).unwrap();
        let (report, _) = check_json(&["--preview", "--select", "N", fixture.to_str().unwrap()]);
        let found = findings(&report);
        let expected = expectations(&fixture.with_extension("expected"));
        let name = fixture.file_name().unwrap().to_string_lossy().to_string();
        for e in &expected {
            match e {
                Expectation::Found {
                    line,
                    code,
                    text,
                    suggestion,
                } => {
                    if !found
                        .iter()
                        .any(|f| matches(f, *line, code, text, suggestion))
                    {
                        problems.push(format!(
                            "{name}:{line}: missing {code} {text:?} -> {suggestion:?}"
                        ));
                    }
                }
                Expectation::Unflagged { line, text } => {
                    for f in found.iter().filter(|f| overlaps(&source, f, *line, text)) {
                        problems.push(format!(
                            "{name}:{line}: {text:?} flagged by {}: {}",
                            f["code"], f["message"]
                        ));
                    }
                }
            }
        }
        for f in &found {
            let listed = expected.iter().any(|e| match e {
                Expectation::Found {
                    line, code, text, ..
                } => matches(f, *line, code, text, &None),
                Expectation::Unflagged { .. } => false,
            });
            if !listed {
                problems.push(format!(
                    "{name}:{}: unexpected {} {:?}: {}",
                    f["line"], f["code"], f["text"], f["message"]
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What the issue requires on the seed article.
#[test]
fn seed_article_names() {
    let Some(seed) = seed() else { return };
    let source = std::fs::read_to_string(&seed).unwrap();
    let (report, _) = check_json(&["--select", "N", seed.to_str().unwrap()]);
    let found = findings(&report);
    let must = [
        (25, "Leann", Some("Liang")),
        (28, "Lean", Some("Liang")),
        (13, "MA", Some("Ma")),
        (21, "Yang Bo Wang", None),
    ];
    for (line, text, suggestion) in must {
        let hit = found.iter().any(|f| {
            f["line"].as_u64() == Some(line)
                && f["text"] == text
                && suggestion
                    .is_none_or(|s| f["suggestions"].as_array().unwrap().iter().any(|x| x == s))
        });
        assert!(
            hit,
            "seed line {line}: {text:?} -> {suggestion:?} not found"
        );
    }
    assert!(
        found
            .iter()
            .any(|f| f["code"] == "N002" && f["text"] == "Tingryu"),
        "Tingryu not flagged by N002"
    );
    let keep = [
        (19, "Liang Wenfeng"),
        (24, "Liang"),
        (15, "Ma"),
        (16, "Ma"),
        (6, "Xi Jinping"),
        (8, "Yiran Chen"),
        (29, "Siyi Zhao"),
        (4, "Pavel Durov"),
        (16, "Peking University"),
    ];
    for (line, text) in keep {
        if let Some(f) = found.iter().find(|f| overlaps(&source, f, line, text)) {
            panic!(
                "seed line {line}: {text:?} flagged by {}: {}",
                f["code"], f["message"]
            );
        }
    }
}

/// Rows with the same doc id are one document: a name introduced in one row is the reference
/// for a garble in another.
#[test]
fn clusters_span_table_rows() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.tsv");
    std::fs::write(
        &table,
        "doc\ttext\n\
         a\tThe novelist Zhang Lihua won the award on Sunday.\n\
         b\tChang said nothing about it.\n\
         a\tZhang, 58, has written eleven novels.\n\
         a\tChang said the prize money would go to a library.\n",
    )
    .unwrap();
    let (report, _) = check_json(&[
        "--select",
        "N",
        "--table",
        table.to_str().unwrap(),
        "--doc-column",
        "doc",
    ]);
    let found = findings(&report);
    let rows: Vec<(u64, &str)> = found
        .iter()
        .map(|f| (f["row"].as_u64().unwrap(), f["text"].as_str().unwrap()))
        .collect();
    assert_eq!(rows, [(4, "Chang")], "{found:#?}");
}

#[test]
fn names_command_lists_clusters() {
    let fixture = root().join("tests/fixtures/names/18_possessives.txt");
    let output = mtlint()
        .args(["names", "--isolated", "--format", "json"])
        .arg(&fixture)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["schema"], "mtlint-names/1");
    let clusters = value["files"][0]["clusters"].as_array().unwrap();
    let liang = clusters
        .iter()
        .find(|c| c["canonical"] == "Liang Wenfeng")
        .expect("a Liang Wenfeng cluster");
    assert_eq!(liang["kind"], "person");
    let spellings: Vec<(&str, &str)> = liang["spellings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["text"].as_str().unwrap(), s["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        spellings,
        [
            ("Liang Wenfeng", "canonical"),
            ("Liang", "short form"),
            ("Leann", "variant")
        ]
    );

    let table = mtlint()
        .args(["names", "--isolated"])
        .arg(&fixture)
        .output()
        .unwrap();
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("Liang Wenfeng (person"), "{text}");
    let csv = mtlint()
        .args(["names", "--isolated", "--format", "csv"])
        .arg(&fixture)
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with(
            "path,cluster,canonical,kind,source,text,count,line,column,status,reason\n"
        ),
        "{csv}"
    );
    assert!(csv.contains(",Leann,2,3,"), "{csv}");
}

#[test]
fn glossary_names_make_fixes_safe() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mtlint.toml"),
        "[glossary]\nnames = [\"BrightPath Robotics\"]\n",
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "The start-up Brightpath Robotics released a robot. Analysts said Brightpath had few orders.\n").unwrap();
    let output = mtlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--select", "N", "a.txt"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found = findings(&report);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|f| f["code"] == "N003" && f["fix"]["applicability"] == "safe"),
        "{found:#?}"
    );
}

/// What the issue on names found `mtlint names` and `init --glossary` taking for people: a
/// weekday, a group of lawmakers, an acronym after a speech verb, a job title inside the name.
#[test]
fn names_and_the_starter_glossary_hold_only_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(
        dir.path().join("articles/a.txt"),
        "Treasury Secretary Steven Mnuchin said on Thursday that House Democrats had agreed. \
         Wang says AI has grown. Mnuchin added that the deal was close, he said Sunday.\n\n\
         Mnuhin earlier in the day said it would pass.\n",
    )
    .unwrap();
    let output = mtlint()
        .current_dir(dir.path())
        .args(["names", "--isolated", "--format", "json", "articles/a.txt"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    let clusters = value["files"][0]["clusters"].as_array().unwrap();
    let people: Vec<&str> = clusters
        .iter()
        .filter(|c| c["kind"] == "person")
        .map(|c| c["canonical"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"Steven Mnuchin"), "{people:?}");
    let not_people = [
        "Thursday",
        "Sunday",
        "House Democrats",
        "AI",
        "Treasury Secretary Steven Mnuchin",
    ];
    for not_a_person in not_people {
        assert!(
            !people.contains(&not_a_person),
            "{not_a_person} in {people:?}"
        );
    }
    let mnuchin = clusters
        .iter()
        .find(|c| c["canonical"] == "Steven Mnuchin")
        .unwrap();
    let variant = mnuchin["spellings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"] == "Mnuhin")
        .expect("Mnuhin joins Steven Mnuchin");
    assert_eq!(variant["status"], "variant");
    assert!(
        variant["reason"].as_str().unwrap().contains("Mnuchin"),
        "{variant}"
    );

    let output = mtlint()
        .current_dir(dir.path())
        .args(["init", "--glossary", "articles"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let glossary = std::fs::read_to_string(dir.path().join("glossary.tsv")).unwrap();
    let terms: Vec<&str> = glossary
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("term\t"))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(terms, ["Steven Mnuchin"], "{glossary}");
    // a lone surname nobody introduced is named in a comment, for the editor to decide
    assert!(
        glossary.contains("# left out, not surely a person's name (no introduction, no cue): Wang"),
        "{glossary}"
    );
}
