use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it does
    /// Finds an inline suppression comment that suppresses nothing: a `<!-- mtlint-disable -->`
    /// region or a `<!-- mtlint-ignore-next-line -->` line without a finding of the rules it
    /// names, a code that names no rule, or a directive name mtlint does not know (a typo such as
    /// `mtlint-disabel`).
    ///
    /// ## Why it matters
    /// A suppression outlives the finding it was written for: once the sentence is corrected, the
    /// comment stays and silently hides the next real problem in its range. A misspelt directive
    /// or code does nothing at all, while the editor believes it works.
    ///
    /// ## Example
    /// ```text
    /// <!-- mtlint-disable N001 -->
    /// Liang Wenfeng founded DeepSeek in 2023.
    /// <!-- mtlint-enable N001 -->
    /// ```
    ///
    /// ## Correction
    /// ```text
    /// Liang Wenfeng founded DeepSeek in 2023.
    /// ```
    ///
    /// Codes of rules that are not enabled in the run are not reported, since the same file may be
    /// checked with another selection elsewhere. The finding is informational: it does not fail a
    /// run with the default `--fail-on warning`, and it does not lower the document's score. It is
    /// not itself suppressed by inline comments; turn it off with `ignore = ["M001"]`.
    ///
    /// ## Fix safety
    /// No fix: whether to remove the comment or to correct the code is the editor's call.
    pub static UNUSED_SUPPRESSION = {
        code: "M001",
        name: "unused-suppression",
        finds: "a suppression comment that suppresses nothing",
        category: Meta,
        mqm: [],
        severity: Info,
        status: Stable,
        fix: None,
        check: check,
        // About mtlint's own directives, not the translation.
        scored: false,
    };
}

/// Nothing to do over the prose: [`crate::suppression::apply`] reports unused directives once it
/// knows which findings each suppressed.
fn check(_cx: &Context, _out: &mut Vec<Finding>) {}

#[cfg(test)]
mod tests {
    use crate::text::{InputFormat, Source};
    use crate::{Linter, Settings};

    fn m001(text: &str, format: InputFormat) -> Vec<String> {
        let source = Source::new("t", text, format);
        let report = Linter::new(Settings::default()).check(&source);
        report
            .findings
            .iter()
            .filter(|f| f.code() == "M001")
            .map(|f| f.message.clone())
            .collect()
    }

    #[test]
    fn flags_a_region_without_findings() {
        let found = m001(
            "<!-- mtlint-disable G003 -->\nLiang Wenfeng founded DeepSeek in 2023.\n<!-- mtlint-enable G003 -->\n",
            InputFormat::Markdown,
        );
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("G003"), "{found:?}");
    }

    #[test]
    fn quiet_when_the_suppression_is_used() {
        assert!(
            m001(
                "<!-- mtlint-ignore-next-line G003 -->\nHe said the the end.\n",
                InputFormat::Plain
            )
            .is_empty()
        );
        assert!(
            m001(
                "<!-- mtlint-disable -->\nHe said the the end.\n",
                InputFormat::Html
            )
            .is_empty()
        );
    }

    #[test]
    fn quiet_without_directives() {
        assert!(
            m001(
                "Use <!-- comments --> freely; mtlint-disable in prose is just words.\n",
                InputFormat::Plain
            )
            .is_empty()
        );
    }

    #[test]
    fn does_not_lower_the_score() {
        let source = Source::new(
            "t",
            "<!-- mtlint-disable -->\nAll is well.\n",
            InputFormat::Plain,
        );
        let report = Linter::new(Settings::default()).check(&source);
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.score, 100.0);
    }
}
