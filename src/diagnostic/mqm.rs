//! The MQM error categories a rule's findings fall under: the typology of Multidimensional Quality
//! Metrics as the WMT 2021 raters applied it, the data mtlint is measured on. The score weighs a
//! punctuation error a tenth of any other (MQM's own weighting), so the category is data the
//! engine reads, declared in each rule's `declare_rule!`.

/// One MQM category, named as the WMT 2021 MQM annotations name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mqm {
    AccuracyAddition,
    AccuracyMistranslation,
    AccuracyOmission,
    AccuracyUntranslated,
    FluencyCharacterEncoding,
    FluencyGrammar,
    FluencyInconsistency,
    FluencyPunctuation,
    FluencySpelling,
    LocaleConventionName,
    LocaleConventionTime,
    NonTranslation,
    StyleAwkward,
    TerminologyInappropriate,
    TerminologyInconsistentUse,
    TerminologyInconsistentWithTermbase,
}

impl Mqm {
    /// The category's name in the MQM annotations ("Fluency/Punctuation").
    pub fn name(self) -> &'static str {
        match self {
            Mqm::AccuracyAddition => "Accuracy/Addition",
            Mqm::AccuracyMistranslation => "Accuracy/Mistranslation",
            Mqm::AccuracyOmission => "Accuracy/Omission",
            Mqm::AccuracyUntranslated => "Accuracy/Untranslated",
            Mqm::FluencyCharacterEncoding => "Fluency/Character_encoding",
            Mqm::FluencyGrammar => "Fluency/Grammar",
            Mqm::FluencyInconsistency => "Fluency/Inconsistency",
            Mqm::FluencyPunctuation => "Fluency/Punctuation",
            Mqm::FluencySpelling => "Fluency/Spelling",
            Mqm::LocaleConventionName => "Locale_convention/Name",
            Mqm::LocaleConventionTime => "Locale_convention/Time",
            Mqm::NonTranslation => "Non_translation",
            Mqm::StyleAwkward => "Style/Awkward",
            Mqm::TerminologyInappropriate => "Terminology/Inappropriate",
            Mqm::TerminologyInconsistentUse => "Terminology/Inconsistent use",
            Mqm::TerminologyInconsistentWithTermbase => "Terminology/Inconsistent with termbase",
        }
    }
}

/// The categories joined for a reader: "Accuracy/Mistranslation and Locale_convention/Name".
pub fn names(categories: &[Mqm]) -> String {
    categories
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(" and ")
}
