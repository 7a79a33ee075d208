//! Known entities: near-misses and casing of the institutions, places, companies and people in
//! `wordlists/entities/` (see [`crate::entities`]).

pub mod known_entity_casing;
pub mod pinyin_for_established_name;
pub mod unknown_entity_near_known;
