//! Reading the word-list TSV format described in `wordlists/README.md`: `#` comment lines at the
//! top, one header line, then one tab-separated row per line.

/// One data row of a word list.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    line: &'a str,
}

impl<'a> Row<'a> {
    /// Cell `index`, or the empty string when the row is shorter.
    pub fn get(&self, index: usize) -> &'a str {
        self.line.split('\t').nth(index).unwrap_or("")
    }

    /// The values of a `|`-separated cell; none for an empty cell.
    pub fn list(&self, index: usize) -> impl Iterator<Item = &'a str> + 'a {
        self.get(index).split('|').filter(|s| !s.is_empty())
    }

    pub fn line(&self) -> &'a str {
        self.line
    }
}

/// The data rows of a word list, skipping the comment lines and the header.
pub fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|line| Row { line })
}

/// The column names of a word list.
pub fn header(text: &str) -> Vec<&str> {
    text.lines()
        .find(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_header() {
        let text = "# a list\n# licence: x\nword\tkind\nalpha\tx|y\nbeta\t\n";
        assert_eq!(header(text), ["word", "kind"]);
        let rows: Vec<_> = rows(text).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].list(1).collect::<Vec<_>>(), ["x", "y"]);
        assert_eq!(rows[1].list(1).count(), 0);
        assert_eq!(rows[1].get(5), "");
    }
}
