//! Letter case: capitalising a word, or a replacement like the word it replaces.

/// `text` with its first character uppercase and the rest as written ("liang" → "Liang",
/// "been happened" → "Been happened").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `replacement` capitalised when `original` starts with a capital ("Our" → "Its",
/// "Informations" → "Information"), else as it is.
pub fn capitalise_like(original: &str, replacement: &str) -> String {
    if original.chars().next().is_some_and(char::is_uppercase) {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalises_the_first_letter_only() {
        assert_eq!(capitalise("liang"), "Liang");
        assert_eq!(capitalise("deepSeek"), "DeepSeek");
        assert_eq!(capitalise("ßa"), "SSa");
        assert_eq!(capitalise(""), "");
        assert_eq!(capitalise_like("Our", "its"), "Its");
        assert_eq!(capitalise_like("our", "its"), "its");
        assert_eq!(capitalise_like("Our", ""), "");
    }
}
