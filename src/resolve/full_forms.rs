//! One person, several full forms: "Brock Holt" and then "Brock Wyatt Holt", or "Charles
//! Fillmore" and "Charles J. Fillmore", are one person when nothing in the article tells them
//! apart, so that the short name ("Holt") that follows has one person to resolve to.
//!
//! Two full forms name the same person when they have the same first and last word and the
//! words of one are all in the other, in order (a middle name or an initial more). A discovered
//! person then joins the other form's entity: a listed person when one is there, else the
//! discovered form written first. Nothing joins when the forms of a first and last word do not
//! all fit one another ("John A. Smith", "John B. Smith"), or when two listed people share them.

use super::{names_person, unlisted_person, FieldScan, Resolved};
use crate::gazetteer::Gazetteer;
use crate::model::{EntityRef, MatchKind, NewEntity};
use crate::text::roles::is_role_word;
use rustc_hash::FxHashMap;

/// A full form of a person as written: its entity and its words, lowercase, without a title.
struct Form {
    entity: EntityRef,
    words: Vec<String>,
}

/// Joins each discovered person written in more than one full form to one entity, in `out`.
pub(super) fn join(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    out: &mut [Vec<Resolved>],
) {
    let is_new_person = |r: &Resolved| unlisted_person(g, new_entities, r);
    // Most documents discover no person: nothing to join.
    if !out.iter().flatten().any(is_new_person) {
        return;
    }
    let forms = forms(g, fields, new_entities, out);
    let mut groups: FxHashMap<(&str, &str), Vec<&Form>> = FxHashMap::default();
    for f in &forms {
        groups.entry(key(f)).or_default().push(f);
    }
    let mut to: FxHashMap<EntityRef, EntityRef> = FxHashMap::default();
    // Groups in the order of their first form, so that joining does not depend on hashing.
    let mut done: Vec<(&str, &str)> = Vec::new();
    for f in &forms {
        let key = key(f);
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        let group = &groups[&key];
        if let Some(target) = target(group) {
            for f in group {
                if f.entity != target && matches!(f.entity, EntityRef::New(_)) {
                    to.entry(f.entity).or_insert(target);
                }
            }
        }
    }
    if to.is_empty() {
        return;
    }
    for r in out.iter_mut().flatten() {
        if let Some(&t) = to.get(&r.entity) {
            r.entity = t;
        }
    }
}

/// The first and last word of a form.
fn key(f: &Form) -> (&str, &str) {
    (&f.words[0], &f.words[f.words.len() - 1])
}

/// The full forms of the document's people, in order of first appearance, each once.
fn forms(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    out: &[Vec<Resolved>],
) -> Vec<Form> {
    let mut forms: Vec<Form> = Vec::new();
    for (field, res) in fields.iter().zip(out) {
        for r in res {
            if r.kind == MatchKind::Coref || !names_person(g, new_entities, r.entity) {
                continue;
            }
            let words: Vec<String> = field.text[r.start..r.end]
                .split_whitespace()
                .skip_while(|w| is_role_word(w.trim_end_matches('.')))
                .map(str::to_lowercase)
                .collect();
            if words.len() < 2 {
                continue;
            }
            if !forms
                .iter()
                .any(|f| f.entity == r.entity && f.words == words)
            {
                forms.push(Form {
                    entity: r.entity,
                    words,
                });
            }
        }
    }
    forms
}

/// The entity the forms of one first and last word join, when they are one person: every two
/// forms fit ([`fits`]), at most one listed person is among them, and more than one entity is.
fn target(group: &[&Form]) -> Option<EntityRef> {
    let first = group[0].entity;
    if group.iter().all(|f| f.entity == first) {
        return None;
    }
    for (i, a) in group.iter().enumerate() {
        if group[i + 1..]
            .iter()
            .any(|b| !fits(&a.words, &b.words) && !fits(&b.words, &a.words))
        {
            return None;
        }
    }
    let mut known = None;
    for f in group {
        if let EntityRef::Known(_) = f.entity {
            if known.is_some_and(|k| k != f.entity) {
                return None;
            }
            known = Some(f.entity);
        }
    }
    Some(known.unwrap_or(first))
}

/// Whether the words of `short` are all in `long`, in order.
fn fits(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::test_util::mentions;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn two_full_forms_are_one_person_and_the_surname_is_his() {
        let got = mentions(
            "Ankara\tAnkara\tplace\t\n",
            "The shortstop Dorian Pelt signed on Monday. Dorian Quill Pelt was born in Ankara. \
             Pelt said he was glad.",
        );
        let pelt: Vec<_> = got.iter().filter(|(t, _)| t.contains("Pelt")).collect();
        assert_eq!(pelt.len(), 3, "{got:?}");
        assert!(pelt.iter().all(|(_, n)| n == "Dorian Pelt"), "{got:?}");
    }

    #[test]
    fn a_listed_person_takes_the_longer_form() {
        let got = mentions(
            "Dorian_Pelt\tDorian Pelt\tperson\t\n",
            "Dorian Pelt signed on Monday. The shortstop Dorian Quill Pelt was born here.",
        );
        assert!(got.iter().all(|(_, n)| n == "Dorian Pelt"), "{got:?}");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn different_middle_names_are_different_people() {
        let got = mentions(
            "Ankara\tAnkara\tplace\t\n",
            "The brothers Dorian Quill Pelt and Dorian Rhys Pelt live in Ankara. \
             The analyst Dorian Pelt said so.",
        );
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert!(names.contains(&"Dorian Quill Pelt"), "{got:?}");
        assert!(names.contains(&"Dorian Rhys Pelt"), "{got:?}");
        assert!(names.contains(&"Dorian Pelt"), "{got:?}");
    }

    #[test]
    fn a_middle_name_or_initial_more_fits() {
        assert!(fits(&words("brock holt"), &words("brock wyatt holt")));
        assert!(fits(
            &words("charles fillmore"),
            &words("charles j. fillmore")
        ));
        assert!(!fits(&words("john a. smith"), &words("john b. smith")));
        assert!(!fits(
            &words("wyatt brock holt"),
            &words("brock wyatt holt")
        ));
    }

    #[test]
    fn forms_that_differ_in_their_middles_stay_apart() {
        let a = Form {
            entity: EntityRef::New(0),
            words: words("john a. smith"),
        };
        let b = Form {
            entity: EntityRef::New(1),
            words: words("john b. smith"),
        };
        let c = Form {
            entity: EntityRef::New(2),
            words: words("john smith"),
        };
        assert_eq!(target(&[&a, &b, &c]), None);
        assert_eq!(target(&[&c, &a]), Some(EntityRef::New(2)));
        assert_eq!(target(&[&c]), None);
    }
}
