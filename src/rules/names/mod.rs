//! N: names. One person or organisation spelled several ways in a document, garbled
//! transliterations, casing variants, the Chinese anonymity mark 某 taken for a name. N001 to
//! N003 read the shared name analysis ([`crate::rules::Context::names`]) and none of them
//! re-reads the text; N004 needs only a surname and the word after it.

pub mod anonymity_marker_as_name;
pub mod garbled_transliteration;
pub mod inconsistent_name_casing;
pub mod inconsistent_name_spelling;

use crate::fix::{Edit, Fix};
use crate::names::{CanonicalSource, Cluster};
use crate::rules::Context;

/// The fix that writes a name as its cluster's canonical form. A reviewed glossary is the
/// editor's own word, so its form is applied safely; a form mtlint inferred from the document
/// (its introduction, the most frequent spelling, a known entity) is a guess, and so is a
/// glossary entry nobody reviewed (a starter glossary written by `mtlint init --glossary`): the
/// fix is then unsafe.
fn fix_towards(cx: &Context, cluster: &Cluster, edit: Edit) -> Fix {
    if cluster.source == CanonicalSource::Glossary && cx.glossary.is_reviewed(&cluster.canonical) {
        Fix::safe(edit)
    } else {
        Fix::unsafe_edit(edit)
    }
}
