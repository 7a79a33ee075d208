//! The known-entity lists (`wordlists/entities/*.tsv`) compiled into an fst index from the lookup
//! key of every canonical form and alias to its record, and a Rust table of the records.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::fst_lists::rows;

#[path = "../src/entities/normalize.rs"]
mod normalize;

const FILES: &[&str] = &[
    "wordlists/entities/cedict_proper_nouns.tsv",
    "wordlists/entities/organisations.tsv",
    "wordlists/entities/people.tsv",
    "wordlists/entities/places.tsv",
    "wordlists/entities/products.tsv",
    "wordlists/entities/universities.tsv",
];

/// Bit set in an index value when the key is an alias rather than the canonical form.
const ALIAS: u64 = 1 << 32;

struct Record {
    canonical: String,
    kind: String,
    aliases: Vec<String>,
    rank: u32,
    country: String,
}

pub fn build() {
    let mut records: Vec<Record> = FILES
        .iter()
        .flat_map(|f| rows(f))
        .map(|c| Record {
            canonical: c[0].clone(),
            kind: c[1].clone(),
            aliases: c[2]
                .split('|')
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            rank: c[3].parse().unwrap_or(u32::MAX),
            country: c.get(4).cloned().unwrap_or_default(),
        })
        .collect();
    records.sort_by(|a, b| a.canonical.cmp(&b.canonical));
    // Key -> (rank, is_alias, record). Canonical forms win over aliases, then prominence.
    let mut index: BTreeMap<String, (bool, u32, usize)> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let keys =
            std::iter::once((&r.canonical, false)).chain(r.aliases.iter().map(|a| (a, true)));
        for (name, alias) in keys {
            let candidate = (alias, r.rank, i);
            index
                .entry(normalize::entity_key(name))
                .and_modify(|best| {
                    if candidate < *best {
                        *best = candidate;
                    }
                })
                .or_insert(candidate);
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let map = fst::Map::from_iter(
        index
            .into_iter()
            .map(|(k, (alias, _, i))| (k, i as u64 | if alias { ALIAS } else { 0 })),
    )
    .expect("sorted keys");
    std::fs::write(out.join("entities.fst"), map.into_fst().into_inner()).unwrap();
    let mut table = String::from("&[\n");
    for r in &records {
        let _ = writeln!(
            table,
            "    EntityRecord {{ canonical: {:?}, kind: EntityKind::{}, aliases: &{:?}, rank: {}, country: {:?} }},",
            r.canonical,
            kind_variant(&r.kind),
            r.aliases,
            r.rank,
            r.country
        );
    }
    table.push_str("]\n");
    std::fs::write(out.join("entities_records.rs"), table).unwrap();
    near_miss_index(&records, &out);
    place_names(&out);
    mistranslations(&records, &out);
}

/// `wordlists/entity_mistranslations.tsv` → an fst from the lookup key of a literal translation
/// to the record number of the entity it stands for. A canonical form missing from the lists
/// fails the build.
fn mistranslations(records: &[Record], out: &std::path::Path) {
    let mut entries: BTreeMap<String, u64> = BTreeMap::new();
    for cells in rows("wordlists/entity_mistranslations.tsv") {
        let record = records
            .iter()
            .position(|r| r.canonical == cells[1])
            .unwrap_or_else(|| {
                panic!(
                    "entity_mistranslations.tsv: `{}` is not a canonical entity",
                    cells[1]
                )
            });
        entries.insert(normalize::entity_key(&cells[0]), record as u64);
    }
    let map = fst::Map::from_iter(entries).expect("sorted keys");
    std::fs::write(
        out.join("entity_mistranslations.fst"),
        map.into_fst().into_inner(),
    )
    .unwrap();
}

/// `wordlists/place_names.tsv` → an fst set of lowercase place names (as a map to 0).
fn place_names(out: &std::path::Path) {
    let mut names: Vec<String> = rows("wordlists/place_names.tsv")
        .into_iter()
        .map(|c| c[0].clone())
        .collect();
    names.sort();
    names.dedup();
    let map = fst::Map::from_iter(names.into_iter().map(|n| (n, 0u64))).expect("sorted keys");
    std::fs::write(out.join("place_names.fst"), map.into_fst().into_inner()).unwrap();
}

/// The blocking indexes of near-miss search, over every name form (canonical and aliases):
/// - `entities_forms.rs`: the table of forms (record number, name as written, identifying words
///   run together);
/// - `entities_grams.fst` + `entities_grams_postings.bin`: class letter and character bigram of a
///   form's joined identifying words (`I`, `P`, `B`: see `HeadClass::letter`) → the forms that have it;
/// - `entities_bags.fst` + `entities_bags_postings.bin`: class letter and sorted identifying words
///   → the forms made of exactly those words, in any order.
///
/// An fst value packs a postings list as `offset << 32 | length`; postings are little-endian u32
/// form numbers, used in place from the binary.
fn near_miss_index(records: &[Record], out: &std::path::Path) {
    use normalize::{HeadClass, bag_key, bigrams, entity_key, joined_content};
    let mut forms: Vec<(usize, &str, String)> = Vec::new();
    let mut grams: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut bags: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut seen_joined = std::collections::HashSet::new();
    let mut seen_bags = std::collections::HashSet::new();
    for (i, r) in records.iter().enumerate() {
        let class = HeadClass::of_type(&r.kind);
        for name in std::iter::once(&r.canonical).chain(&r.aliases) {
            let key = entity_key(name);
            let joined = joined_content(&key, class);
            if joined.is_empty() {
                continue;
            }
            let id = forms.len() as u32;
            forms.push((i, name.as_str(), joined.clone()));
            if seen_joined.insert((i, joined.clone())) {
                for gram in bigrams(&joined) {
                    grams
                        .entry(format!("{}{gram}", class.letter()))
                        .or_default()
                        .push(id);
                }
            }
            let bag = bag_key(&key, class);
            if seen_bags.insert((i, bag.clone())) {
                bags.entry(format!("{}{bag}", class.letter()))
                    .or_default()
                    .push(id);
            }
        }
    }
    let mut table = String::from("&[\n");
    for (record, name, joined) in &forms {
        let _ = writeln!(table, "    ({record}, {name:?}, {joined:?}),");
    }
    table.push_str("]\n");
    std::fs::write(out.join("entities_forms.rs"), table).unwrap();
    write_postings(out, "entities_grams", grams);
    write_postings(out, "entities_bags", bags);
}

fn write_postings(out: &std::path::Path, name: &str, lists: BTreeMap<String, Vec<u32>>) {
    let mut postings: Vec<u8> = Vec::new();
    let mut entries = Vec::with_capacity(lists.len());
    for (key, ids) in lists {
        let offset = (postings.len() / 4) as u64;
        entries.push((key, offset << 32 | ids.len() as u64));
        for id in ids {
            postings.extend_from_slice(&id.to_le_bytes());
        }
    }
    let map = fst::Map::from_iter(entries).expect("sorted keys");
    std::fs::write(out.join(format!("{name}.fst")), map.into_fst().into_inner()).unwrap();
    std::fs::write(out.join(format!("{name}_postings.bin")), postings).unwrap();
}

fn kind_variant(kind: &str) -> &'static str {
    match kind {
        "university" => "University",
        "institute" => "Institute",
        "country" => "Country",
        "region" => "Region",
        "city" => "City",
        "place" => "Place",
        "company" => "Company",
        "organisation" => "Organisation",
        "agency" => "Agency",
        "media" => "Media",
        "person" => "Person",
        "product" => "Product",
        other => panic!("unknown entity type `{other}` in wordlists/entities"),
    }
}
