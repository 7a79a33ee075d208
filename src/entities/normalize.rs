//! The lookup key of an entity name. This file is also compiled into build.rs (by path), so the
//! keys in the embedded index and the keys computed at run time can never differ.

/// Case-folds, drops a leading "the", unifies apostrophes and dashes, and collapses whitespace:
/// "The University of Hong Kong" and "university  of Hong Kong" share the key
/// "university of hong kong"; "Xi’an" and "Xi'an" share "xi'an".
pub fn entity_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        let c = match c {
            '’' | '‘' | '`' | '´' | 'ʼ' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' | '―' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !key.is_empty();
            continue;
        }
        if space {
            key.push(' ');
            space = false;
        }
        key.extend(c.to_lowercase());
    }
    match key.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => key,
    }
}
