//! A person named in full beats a place or group of the same name: in "Charles J. Fillmore"
//! the surname is no town, and "Fillmore" alone later in the same story is him. Prominent
//! places and groups keep their name ("Paul London" leaves London a city).

use super::context::{is_capitalized, word_before};
use super::coverage::covered;
use super::lone_names::names_a_place_or_group;
use super::{FieldScan, Resolved};
use crate::gazetteer::{Gazetteer, Traits};
use crate::lexicon::{is_wide_given_name, Weak};
use crate::model::EntityRef;

/// A group this prominent (out of 100) keeps its name against a person named like it: a
/// well-known organisation ("Disney" stays the company beside Roy Disney).
const PROMINENT_NAMESAKE: f32 = 55.0;

/// A place this prominent keeps its name against a person named like it: a city of about three
/// million people, a country. Counties and cities below it yield to a person the story names in
/// full ("Sarah Lancashire", "Jason Scotland", "Stephen Toulouse").
const PROMINENT_PLACE_NAMESAKE: f32 = 65.0;

/// Whether `r`, a mention at `text[r.start..r.end]`, is a place or group the gazetteer matched
/// by one word that a person named like it may take: not prominent.
pub(super) fn yields_to_person(g: &Gazetteer, text: &str, r: &Resolved) -> bool {
    let EntityRef::Known(e) = r.entity else {
        return false;
    };
    let t = g.traits(e);
    let prominent = match t.class {
        Traits::PLACE => PROMINENT_PLACE_NAMESAKE,
        _ => PROMINENT_NAMESAKE,
    };
    t.class != Traits::PERSON
        && t.prominence < prominent
        && !text[r.start..r.end].contains(char::is_whitespace)
}

/// Drops from `out` every place or group that [`yields_to_person`] and stands after a given
/// name, with initials between or not ("Charles J. Fillmore", "Michael Ruse"), so that
/// discovery finds the person. The given name must be no common word ("Will", "Jack") and no
/// mention itself ("Austin Texas").
pub(super) fn drop_after_given_names(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    out: &mut [Vec<Resolved>],
) {
    let mut fold = String::new();
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        let text = field.text;
        let drop: Vec<bool> = res
            .iter()
            .map(|r| {
                yields_to_person(g, text, r) && after_given_name(g, field, r.start, res, &mut fold)
            })
            .collect();
        if drop.contains(&true) {
            let mut k = 0;
            res.retain(|_| {
                k += 1;
                !drop[k - 1]
            });
        }
    }
}

/// Whether a given name, of either given-name list, stands right before byte `pos` of the
/// field, across initials ("J."): no mention of `res` covers it, and it is no alias of a place
/// or group (as "Austin" is); `fold` is a buffer for the folded word.
fn after_given_name(
    g: &Gazetteer,
    field: &FieldScan<'_>,
    pos: usize,
    res: &[Resolved],
    fold: &mut String,
) -> bool {
    let (text, words) = (field.text, g.words());
    let mut at = pos;
    loop {
        let Some((s, w)) = word_before(text, at) else {
            return false;
        };
        if is_initial(w) {
            at = s;
            continue;
        }
        let e = s + w.len();
        if !is_capitalized(w) || covered(res, s, e) || names_a_place_or_group(g, field, s, e) {
            return false;
        }
        fold.clear();
        crate::text::fold::fold_into(w, fold);
        let given = words.is_first_name(fold) || is_wide_given_name(fold.as_bytes());
        return given && words.weak(fold) != Weak::Common;
    }
}

/// An initial: one capital and a dot ("J.").
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::test_util::mentions;

    #[test]
    fn a_given_name_and_a_town_are_a_person_and_the_town_is_him() {
        let got = mentions(
            "Quillby\tQuillby\tplace\t\n",
            "Charles J. Quillby was born in 1854. Quillby later wrote books.",
        );
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Charles J. Quillby", "Charles J. Quillby"],
            "{got:?}"
        );
    }

    #[test]
    fn a_town_after_no_given_name_stays_a_town() {
        let got = mentions(
            "Quillby\tQuillby\tplace\t\nAustin\tAustin\tplace\t\nTexas\tTexas\tplace\t\n",
            "Will Quillby fans came. Workers in Quillby met in Austin Texas.",
        );
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        // Austin is a given name, but no person: Texas stays a place.
        assert_eq!(names, ["Quillby", "Quillby", "Texas"], "{got:?}");
    }

    #[test]
    fn initials_are_one_capital_and_a_dot() {
        assert!(is_initial("J."));
        assert!(!is_initial("Jr."));
        assert!(!is_initial("J"));
        assert!(!is_initial("j."));
    }
}
