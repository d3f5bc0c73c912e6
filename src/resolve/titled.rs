//! A title decides the type: a name right after the title of a person ("Vice President Ford",
//! "Chief Justice Kennedy", "Defense Minister Israel Katz") names a person, so a group or place
//! the gazetteer matched there is dropped. The word is then left to the steps that find people:
//! discovery ("Israel Katz" after a title) and short names ("Ford" after "Gerald Ford").

use super::context::word_before;
use super::{FieldScan, Resolved};
use crate::gazetteer::{Gazetteer, Traits};
use crate::lexicon::TITLE_HEADS;
use crate::model::EntityRef;
use rustc_hash::FxHashSet;

/// Whether `w` is a word that makes the title of a person by itself ("President", "Justice",
/// "Sen."), in title case or capitals: a modifier ("Foreign", "Force") is not one.
pub(super) fn is_title_head(w: &str) -> bool {
    static HEADS: std::sync::OnceLock<FxHashSet<String>> = std::sync::OnceLock::new();
    let heads = HEADS.get_or_init(|| TITLE_HEADS.iter().map(|h| h.to_lowercase()).collect());
    let bare = w.trim_end_matches('.');
    bare.starts_with(|c: char| c.is_uppercase()) && heads.contains(&bare.to_lowercase())
}

/// Drops from `out` every group or place the gazetteer matched right after the title of a
/// person.
pub(super) fn drop_after_titles(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    out: &mut [Vec<Resolved>],
) {
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        let text = field.text;
        res.retain(|r| {
            // Only gazetteer names are resolved at this step; discovered ones come later.
            let EntityRef::Known(e) = r.entity else {
                return true;
            };
            g.traits(e).class == Traits::PERSON
                || !word_before(text, r.start).is_some_and(|(_, w)| is_title_head(w))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::test_util::mentions;

    const ROWS: &str =
        "Pelt_Motors\tPelt Motors\tgroup\tPelt\nQuillby\tQuillby Town\tplace\tQuillby\n\
                        Dorian_Pelt\tDorian Pelt\tperson\t\n";

    #[test]
    fn a_name_after_a_title_is_a_person() {
        let got = mentions(
            ROWS,
            "Dorian Pelt was sworn in. Later Vice President Pelt met Chief Justice Quillby.",
        );
        assert!(
            !got.iter()
                .any(|(_, n)| n == "Pelt Motors" || n == "Quillby Town"),
            "{got:?}"
        );
        // The justice is a person named by the one word.
        assert!(
            got.iter().any(|(t, n)| t == "Quillby" && n == "Quillby"),
            "{got:?}"
        );
        assert_eq!(
            got.iter().filter(|(_, n)| n == "Dorian Pelt").count(),
            2,
            "{got:?}"
        );
    }

    #[test]
    fn a_name_after_no_title_keeps_its_type() {
        let got = mentions(
            ROWS,
            "Workers at Pelt built cars near Quillby, the president said.",
        );
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Pelt Motors", "Quillby Town"], "{got:?}");
    }

    #[test]
    fn heads_in_title_case_only() {
        assert!(is_title_head("President"));
        assert!(is_title_head("Sen."));
        assert!(!is_title_head("president"));
        assert!(!is_title_head("Foreign"));
        assert!(!is_title_head("Quill"));
    }
}
