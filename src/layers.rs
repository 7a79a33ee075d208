//! The module layers of the crate docs, checked against the code: every `crate::` path outside
//! test code (`use` lines and paths in expressions alike) must lead to the module's own layer or
//! one below it, and the imports between modules must have no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules by layer, top first, from the `text` block under `## Layers` in the
/// crate docs: on each line the modules before a run of two spaces.
fn declared_layers(lib: &str) -> Vec<Vec<String>> {
    let docs: Vec<&str> = lib
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let heading = docs
        .iter()
        .position(|l| *l == "## Layers")
        .expect("the crate docs have a `## Layers` section");
    let block = docs[heading..]
        .iter()
        .skip_while(|l| **l != "```text")
        .skip(1)
        .take_while(|l| **l != "```");
    block
        .map(|line| {
            let modules = line.split("  ").next().unwrap_or("");
            modules.split_whitespace().map(String::from).collect()
        })
        .filter(|layer: &Vec<String>| !layer.is_empty())
        .collect()
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("src/ is readable").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The files of modules declared `#[cfg(test)] mod name;` in `file`.
fn test_only_children(file: &Path, text: &str) -> Vec<PathBuf> {
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let dir = file.parent().expect("a file has a folder");
    let base = if matches!(stem, "mod" | "lib") {
        dir.to_path_buf()
    } else {
        dir.join(stem)
    };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let declared = pair[1]
            .strip_prefix("pub ")
            .unwrap_or(pair[1])
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(';'));
        if let (true, Some(name)) = (pair[0] == "#[cfg(test)]", declared) {
            out.push(base.join(format!("{name}.rs")));
            out.push(base.join(name));
        }
    }
    out
}

/// The code of a file without its comment lines and without its test module (an inline
/// `#[cfg(test)] mod … {`, which by the house style ends the file).
fn code_of(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|pair| {
            let next = pair[1].trim_start();
            pair[0].trim() == "#[cfg(test)]"
                && (next.starts_with("mod ") || next.starts_with("pub mod "))
                && next.ends_with('{')
        })
        .unwrap_or(lines.len());
    lines[..end]
        .iter()
        .filter(|l| !l.trim_start().starts_with("//"))
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first name of each path after `crate::` (each item of `crate::{a, b::c}`).
fn crate_paths(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            out.push(ident(rest));
            continue;
        };
        let mut depth = 0;
        let mut item_start = true;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => item_start = true,
                c if item_start && !c.is_whitespace() => {
                    out.push(ident(&group[i..]));
                    item_start = false;
                }
                _ => {}
            }
        }
    }
    out.retain(|name| !name.is_empty() && name != "self");
    out
}

/// What the crate root re-exports (`pub use module::{A, B}`) and the macros modules export,
/// each with the module it comes from.
fn root_names(lib: &str, files: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for (at, _) in lib.match_indices("pub use ") {
        let rest = &lib[at + "pub use ".len()..];
        let path: String = rest[..rest.find(';').unwrap_or(rest.len())]
            .split_whitespace()
            .collect();
        let (module, items) = path.split_once("::").unwrap_or((&path, ""));
        for item in items.trim_matches(['{', '}']).split(',') {
            names.insert(item.to_string(), module.to_string());
        }
    }
    for (module, texts) in files {
        for text in texts {
            let exported = text.split("#[macro_export]").skip(1);
            for after in exported {
                if let Some((_, rest)) = after.split_once("macro_rules! ") {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    names.insert(name, module.clone());
                }
            }
        }
    }
    names
}

/// Each top-level module's files' code (test code left out), by module.
fn modules(src: &Path) -> BTreeMap<String, Vec<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut test_only: Vec<PathBuf> = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a source file is readable");
        test_only.extend(test_only_children(file, &text));
    }
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(src).expect("under src/");
        let first = relative
            .components()
            .next()
            .expect("a path has a first part");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if matches!(module.as_str(), "lib" | "main")
            || test_only.iter().any(|t| file.starts_with(t))
        {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("a source file is readable");
        out.entry(module).or_default().push(code_of(&text));
    }
    out
}

#[test]
fn modules_import_only_their_own_layer_or_below_and_never_in_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs is readable");
    let layers = declared_layers(&lib);
    let layer_of: BTreeMap<&str, usize> = layers
        .iter()
        .enumerate()
        .flat_map(|(i, layer)| layer.iter().map(move |m| (m.as_str(), i)))
        .collect();
    let modules = modules(&src);
    let root = root_names(&lib, &modules);
    let mut problems = Vec::new();
    let mut graph: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (module, texts) in &modules {
        let Some(&from) = layer_of.get(module.as_str()) else {
            problems.push(format!(
                "module `{module}` is in no layer of the crate docs"
            ));
            continue;
        };
        for name in texts.iter().flat_map(|t| crate_paths(t)) {
            let target = if layer_of.contains_key(name.as_str()) {
                name.clone()
            } else if let Some(module) = root.get(&name) {
                module.clone()
            } else {
                problems.push(format!(
                    "`{module}` uses `crate::{name}`, which is no module"
                ));
                continue;
            };
            if target == *module {
                continue;
            }
            if let Some(&to) = layer_of.get(target.as_str())
                && to < from
            {
                problems.push(format!("`{module}` imports `{target}`, a layer above it"));
            }
            graph.entry(module).or_default().insert(target);
        }
    }
    problems.extend(cycles(&graph));
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A message for each import cycle found (one per strongly connected back edge).
fn cycles(graph: &BTreeMap<&str, BTreeSet<String>>) -> Vec<String> {
    fn visit<'g>(
        node: &'g str,
        graph: &'g BTreeMap<&str, BTreeSet<String>>,
        path: &mut Vec<&'g str>,
        done: &mut BTreeSet<&'g str>,
        out: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node);
            out.push(format!("import cycle: {}", cycle.join(" -> ")));
            return;
        }
        if !done.insert(node) {
            return;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done, out);
        }
        path.pop();
    }
    let mut out = Vec::new();
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut out);
    }
    out
}

#[test]
fn the_checker_sees_groups_cycles_and_test_code() {
    assert_eq!(
        crate_paths("use crate::{a::{b, c}, d};\nlet x = crate::e::f(crate::G);"),
        ["a", "d", "e", "G"]
    );
    let code =
        code_of("use crate::a;\n// crate::b\n#[cfg(test)]\nmod tests {\n    use crate::c;\n}\n");
    assert_eq!(crate_paths(&code), ["a"]);
    let graph: BTreeMap<&str, BTreeSet<String>> = BTreeMap::from([
        ("x", BTreeSet::from(["y".to_string()])),
        ("y", BTreeSet::from(["x".to_string()])),
    ]);
    assert_eq!(cycles(&graph), ["import cycle: x -> y -> x"]);
    let layers =
        declared_layers("//! ## Layers\n//!\n//! ```text\n//! a b   top\n//! c\n//! ```\n");
    assert_eq!(layers, [vec!["a", "b"], vec!["c"]]);
}
