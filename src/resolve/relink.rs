//! People the gazetteer lists after all: a person that discovery found, or that one word names,
//! is a listed person whose name news shortened or spelled its own way, and the user wants the
//! listed one. A word standing alone ("Marx", "Verwoerd") is the one listed person who carries
//! it as an alias, or else as a surname, when no full name in the article has the word; a full
//! name is the one listed person with the same first and last word whose other words fit its
//! own up to a middle name or an initial ("Oliver Williamson", "Oliver E. Williamson") and up
//! to case, diacritics and hyphens ("Zhou En-Lai", "Zhou Enlai"; "Soren", "Søren").
//!
//! Evidence ([`super::evidence`]) lets a lone surname name a listed person only when the
//! article names them in full or they are famous; this step runs after the article itself
//! typed the word as a person (discovery, a title, a speech verb), which is the evidence the
//! name lacked.

use super::context::{is_capitalized, word_before};
use super::{names_person, unlisted_person, FieldScan, Resolved};
use crate::gazetteer::variants::{name_ends_key, name_words};
use crate::gazetteer::{Gazetteer, Traits};
use crate::lexicon::{Weak, HONORIFICS, PEERAGE_TITLES, STOPWORDS};
use crate::matching::{Candidate, Occurrence};
use crate::model::{EntityRef, MatchKind, NewEntity};
use crate::text::roles::is_role_word;
use rustc_hash::{FxHashMap, FxHashSet};

/// Gives each unlisted person of the document the listed person it is, where exactly one fits,
/// in `out`.
pub(super) fn link(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    out: &mut [Vec<Resolved>],
) {
    let is_new_person = |r: &Resolved| unlisted_person(g, new_entities, r);
    // Most documents discover no person: nothing to link.
    if !out.iter().flatten().any(is_new_person) {
        return;
    }
    // The words of full names, gathered only when some lone word is a listed person's alias.
    let mut in_full: Option<FxHashSet<String>> = None;
    // Per unlisted person: the listed people its mentions may be (None: it cannot be linked).
    let mut fits: FxHashMap<u32, Option<Vec<(u32, MatchKind)>>> = FxHashMap::default();
    for (field, res) in fields.iter().zip(out.iter()) {
        for r in res.iter().filter(|r| is_new_person(r)) {
            let EntityRef::New(i) = r.entity else {
                continue;
            };
            let name = without_title(&new_entities[i as usize].name);
            if name.contains(char::is_whitespace) {
                fits.entry(i).or_insert_with(|| by_full_name(g, name));
                continue;
            }
            // Most lone names are no alias of anyone: nothing to weigh.
            let Some(o) = alias_ending(field, r.start, r.end) else {
                continue;
            };
            let slot = fits.entry(i).or_insert_with(|| Some(Vec::new()));
            let Some(people) = slot else {
                continue;
            };
            let in_full =
                in_full.get_or_insert_with(|| words_in_full(g, fields, new_entities, out));
            let found = lone_word(g, name, in_full).and_then(|weak| carriers(g, field, o, weak));
            let Some(found) = found else {
                *slot = None;
                continue;
            };
            for c in found {
                if !people.contains(&c) {
                    people.push(c);
                }
            }
        }
    }
    // A one-word name that the text writes with another given name in front ("Clive Calder",
    // which no step took for a person) is that person's, not the listed namesake's.
    for (&i, people) in fits.iter_mut() {
        let name = without_title(&new_entities[i as usize].name);
        if let Some(&[(e, _)]) = people.as_deref() {
            if !name.contains(char::is_whitespace) && named_otherwise(g, fields, name, e) {
                *people = None;
            }
        }
    }
    let to: FxHashMap<u32, (u32, MatchKind)> = fits
        .into_iter()
        .filter_map(|(i, people)| match people.as_deref() {
            Some(&[one]) => Some((i, one)),
            _ => None,
        })
        .collect();
    if to.is_empty() {
        return;
    }
    for r in out.iter_mut().flatten() {
        if let EntityRef::New(i) = r.entity {
            if let Some(&(e, kind)) = to.get(&i) {
                r.entity = EntityRef::Known(e);
                if r.kind == MatchKind::Discovered {
                    r.kind = kind;
                }
            }
        }
    }
}

/// The folded words of the names of people written with more than one word in the document:
/// a word of one of them standing alone is theirs, or nobody's, never a listed namesake's.
fn words_in_full(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    out: &[Vec<Resolved>],
) -> FxHashSet<String> {
    let mut in_full = FxHashSet::default();
    for (field, res) in fields.iter().zip(out) {
        for r in res {
            let w = without_title(&field.text[r.start..r.end]);
            if w.contains(char::is_whitespace) && names_person(g, new_entities, r.entity) {
                in_full.extend(name_words(w));
            }
        }
    }
    in_full
}

/// `name` without the title in front that discovery may have kept ("Professor Olsvig").
fn without_title(name: &str) -> &str {
    let mut rest = name;
    while let Some((head, tail)) = rest.split_once(' ') {
        if !is_role_word(head.trim_end_matches('.')) {
            break;
        }
        rest = tail.trim_start();
    }
    rest
}

/// How ordinary the one-word name `name` of an unlisted person is ([`Weak::No`] or
/// [`Weak::Name`]), when it may be a listed person's: no ordinary word, and no word of a person
/// the document names in full; None when it may not.
fn lone_word(g: &Gazetteer, name: &str, in_full: &FxHashSet<String>) -> Option<Weak> {
    let [w] = &name_words(name)[..] else {
        return None;
    };
    let weak = g.words().weak(w);
    (!in_full.contains(w) && matches!(weak, Weak::No | Weak::Name)).then_some(weak)
}

/// The occurrence of an alias that ends the mention at `start..end` ("Mr Haddad" holds
/// "Haddad").
fn alias_ending<'f>(field: &'f FieldScan<'_>, start: usize, end: usize) -> Option<&'f Occurrence> {
    let occurrences = &field.occurrences;
    let at = occurrences.partition_point(|o| o.start < start);
    occurrences[at..]
        .iter()
        .take_while(|o| o.start < end)
        .find(|o| o.end == end)
}

/// The listed people the alias `o`, a word whose ordinariness is `weak`, names, with how
/// it names them: the people of whom the gazetteer lists it as an alias, or else those whose
/// surname it is. A given name or a common surname ("Jerome", "Davies") is as often someone
/// else's as a listed person's surname: only the gazetteer's own alias says news means them by
/// it. None when the word is also an alias of a place or group ("Essex", "Liverpool"): then
/// the article may mean any of them.
fn carriers(
    g: &Gazetteer,
    field: &FieldScan<'_>,
    o: &Occurrence,
    weak: Weak,
) -> Option<Vec<(u32, MatchKind)>> {
    // A peer goes by a title ("Lord Falconer") that only an alias of the gazetteer ties to a
    // listed person; the word names the peer elsewhere in the article too.
    let peer = word_before(field.text, o.start).is_some_and(|(_, w)| PEERAGE_TITLES.contains(&w));
    let person = |e: u32| g.traits(e).class == Traits::PERSON;
    if !o.candidates.iter().all(|c| person(c.entity)) {
        return None;
    }
    // The gazetteer's own alias beats a generated surname, as it does everywhere; an alias
    // that is the whole name of someone known by one word ("Lisa") says nothing of a surname.
    let exact = o.candidates.iter().any(|c| c.kind == MatchKind::Exact);
    if peer && !exact {
        return None;
    }
    let kept = |c: &&Candidate| match c.kind {
        MatchKind::Exact => name_words(&g.entity(c.entity).name).len() > 1,
        _ => !exact && weak == Weak::No,
    };
    Some(
        o.candidates
            .iter()
            .filter(kept)
            .map(|c| (c.entity, c.kind))
            .collect(),
    )
}

/// Whether some field writes `name` right after a capitalized word that is neither a title,
/// nor a word that never belongs to a name, nor the first name of the listed person `e`: a full
/// form of someone else.
fn named_otherwise(g: &Gazetteer, fields: &[FieldScan<'_>], name: &str, e: u32) -> bool {
    let first = name_words(&g.entity(e).name).into_iter().next();
    fields.iter().any(|f| {
        f.text.match_indices(name).any(|(at, _)| {
            let whole = !f.text[at + name.len()..].starts_with(char::is_alphanumeric);
            whole
                && word_before(f.text, at).is_some_and(|(_, w)| {
                    let w = w.trim_end_matches('.');
                    is_capitalized(w)
                        && !is_role_word(w)
                        && !HONORIFICS.contains(&w)
                        && !STOPWORDS.contains(&w)
                        && name_words(w).first() != first.as_ref()
                })
        })
    })
}

/// The one listed person the full name `name` of an unlisted person fits, as a one-element
/// list; None when none or several do.
fn by_full_name(g: &Gazetteer, name: &str) -> Option<Vec<(u32, MatchKind)>> {
    let mut key = String::new();
    if !name_ends_key(name, &mut key) {
        return None;
    }
    // Most discovered people have no listed namesake: the words are only worked out for one.
    let listed = g.people_by_ends(&key);
    if listed.is_empty() {
        return None;
    }
    let words = name_words(name);
    let ends = |w: &[String]| (w.first().cloned(), w.last().cloned());
    let mut found = listed.iter().filter(|&&e| {
        let other = name_words(&g.entity(e).name);
        words.len() > 1 && ends(&other) == ends(&words) && same_person(&words, &other)
    });
    match (found.next(), found.next()) {
        (Some(&e), None) => Some(vec![(e, MatchKind::Variant)]),
        _ => None,
    }
}

/// Whether the full name `written` is the listed name `listed`, both as folded words with the
/// same first and last word: each has every middle name of the other, a name fitting its
/// initial, and the middle words of one are all among those of the other, in order. News drops
/// or adds a middle initial ("Oliver Williamson", "Oliver E. Williamson"), but a middle name is
/// part of the name a person goes by ("James Earl Jones", "Laura Michelle Kelly").
fn same_person(written: &[String], listed: &[String]) -> bool {
    let (w, l) = (&written[1..written.len() - 1], &listed[1..listed.len() - 1]);
    let names =
        |x: &[String]| -> Vec<String> { x.iter().filter(|x| !is_initial(x)).cloned().collect() };
    in_order(&names(l), w) && in_order(&names(w), l) && (in_order(w, l) || in_order(l, w))
}

/// Whether a folded word is an initial: one letter, with or without its dot.
fn is_initial(w: &str) -> bool {
    w.trim_end_matches('.').len() == 1
}

/// Whether every word of `short` fits a word of `long`, in order.
fn in_order(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| word_fits(w, l)))
}

/// Whether two folded words are one: equal, or one is the initial of the other ("e." or "e"
/// for "eaton").
fn word_fits(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_end_matches('.'), b.trim_end_matches('.'));
    let initial_of = |i: &str, w: &str| is_initial(i) && w.starts_with(i);
    a == b || initial_of(a, b) || initial_of(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (text, entity name) of every mention found in `text`, with a gazetteer that lists
    /// only `rows` (id, name, type, aliases, prominence).
    fn mentions(rows: &str, text: &str) -> Vec<(String, String)> {
        let rows = format!("id\tname\ttype\taliases\tprominence\n{rows}");
        crate::resolve::test_util::mentions_in(&rows, text)
    }

    /// Two listed people, a philosopher with his surname (a common one) as an alias and a
    /// chemist whose surname only the generator gives, and a town.
    const ROWS: &str = "Karl_Norton\tKarl Norton\tperson\tNorton\t60\n\
        Hendrik_Olsvig\tHendrik Frensch Olsvig\tperson\t\t30\n\
        Ankara\tAnkara\tplace\t\t90\n";

    fn names_of<'a>(got: &'a [(String, String)], text: &str) -> Vec<&'a str> {
        got.iter()
            .filter(|(t, _)| t == text)
            .map(|(_, n)| n.as_str())
            .collect()
    }

    #[test]
    fn a_lone_surname_the_article_calls_a_person_is_the_listed_one() {
        let got = mentions(
            ROWS,
            "In Ankara, Olsvig said the plan had failed. Varnak wrote.",
        );
        assert_eq!(
            names_of(&got, "Olsvig"),
            ["Hendrik Frensch Olsvig"],
            "{got:?}"
        );
    }

    #[test]
    fn two_listed_people_with_the_surname_leave_it_unlinked() {
        let rows = format!("{ROWS}Mara_Olsvig\tMara Olsvig\tperson\t\t30\n");
        let got = mentions(&rows, "In Ankara, Olsvig said the plan had failed.");
        assert_eq!(names_of(&got, "Olsvig"), ["Olsvig"], "{got:?}");
    }

    #[test]
    fn a_listed_alias_beats_a_generated_surname() {
        let rows = format!("{ROWS}Tomas_Norton\tTomas Norton\tperson\t\t30\n");
        let got = mentions(&rows, "In Ankara, Norton said the plan had failed.");
        assert_eq!(names_of(&got, "Norton"), ["Karl Norton"], "{got:?}");
    }

    #[test]
    fn a_given_name_alone_is_no_listed_surname() {
        let rows = "Jerome_K._Jerome\tJerome K. Jerome\tperson\t\t32\n";
        let got = mentions(rows, "Jerome said the plan had failed.");
        assert_eq!(names_of(&got, "Jerome"), ["Jerome"], "{got:?}");
    }

    #[test]
    fn someone_the_text_names_in_full_keeps_the_surname() {
        let got = mentions(
            ROWS,
            "The label boss Clive Olsvig sold his stake. Mr Olsvig said it was time.",
        );
        assert!(
            got.iter().all(|(_, n)| n != "Hendrik Frensch Olsvig"),
            "{got:?}"
        );
        let got = mentions(ROWS, "Dr Olsvig said it was time. Mr Olsvig agreed.");
        assert!(
            got.iter().all(|(_, n)| n == "Hendrik Frensch Olsvig"),
            "{got:?}"
        );
    }

    #[test]
    fn a_peer_is_no_listed_namesake() {
        let got = mentions(ROWS, "Lord Olsvig said the plan had failed. Olsvig left.");
        assert!(
            got.iter().all(|(_, n)| n != "Hendrik Frensch Olsvig"),
            "{got:?}"
        );
    }

    #[test]
    fn someone_else_named_in_full_keeps_the_surname() {
        let got = mentions(
            ROWS,
            "The farmer Petra Olsvig met us in Ankara. Olsvig said the plan had failed.",
        );
        assert!(
            got.iter().all(|(_, n)| n != "Hendrik Frensch Olsvig"),
            "{got:?}"
        );
    }

    #[test]
    fn a_place_of_the_same_name_stays_a_place() {
        let rows = format!("{ROWS}Olsvig,_Norway\tOlsvig, Norway\tplace\tOlsvig\t30\n");
        let got = mentions(&rows, "The ferry to Olsvig left on Monday.");
        assert_eq!(names_of(&got, "Olsvig"), ["Olsvig, Norway"], "{got:?}");
    }

    #[test]
    fn a_full_name_without_the_middle_initial_is_the_listed_one() {
        let rows = "Oliver_E._Talvik\tOliver E. Talvik\tperson\t\t33\n";
        let got = mentions(
            rows,
            "The economist Oliver Talvik won the prize. Talvik thanked his students.",
        );
        assert_eq!(
            names_of(&got, "Oliver Talvik"),
            ["Oliver E. Talvik"],
            "{got:?}"
        );
        assert_eq!(names_of(&got, "Talvik"), ["Oliver E. Talvik"], "{got:?}");
    }

    #[test]
    fn a_full_name_spelled_another_way_is_the_listed_one() {
        let rows = "Zhou_Enlo\tZhou Enlo\tperson\t\t40\nSoren_Malvik\tSøren Malvik\tperson\t\t30\n";
        let got = mentions(
            rows,
            "Premier Zhou En-Lo met the envoy Soren Malvik on Monday.",
        );
        assert_eq!(names_of(&got, "Zhou En-Lo"), ["Zhou Enlo"], "{got:?}");
        assert_eq!(names_of(&got, "Soren Malvik"), ["Søren Malvik"], "{got:?}");
    }

    #[test]
    fn two_listed_people_that_fit_leave_the_full_name_unlinked() {
        let rows = "Oliver_E._Talvik\tOliver E. Talvik\tperson\t\t33\n\
            Oliver_J._Talvik\tOliver J. Talvik\tperson\t\t33\n";
        let got = mentions(rows, "The economist Oliver Talvik won the prize.");
        assert_eq!(
            names_of(&got, "Oliver Talvik"),
            ["Oliver Talvik"],
            "{got:?}"
        );
    }

    #[test]
    fn another_middle_name_is_another_person() {
        let rows = "Oliver_E._Talvik\tOliver E. Talvik\tperson\t\t33\n";
        let got = mentions(rows, "The economist Oliver Jakob Talvik won the prize.");
        assert_eq!(
            names_of(&got, "Oliver Jakob Talvik"),
            ["Oliver Jakob Talvik"],
            "{got:?}"
        );
    }

    #[test]
    fn middle_words_fit_in_order_and_by_initial() {
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(same_person(
            &w("oliver williamson"),
            &w("oliver e. williamson")
        ));
        assert!(same_person(
            &w("oliver eaton williamson"),
            &w("oliver e williamson")
        ));
        assert!(same_person(
            &w("oliver e. williamson"),
            &w("oliver eaton williamson")
        ));
        assert!(same_person(&w("richard t. bissen"), &w("richard bissen")));
        assert!(!same_person(&w("james jones"), &w("james earl jones")));
        assert!(!same_person(&w("laura michelle kelly"), &w("laura kelly")));
        assert!(!same_person(&w("john a. smith"), &w("john b. smith")));
        assert!(!same_person(
            &w("jo anna lee smith"),
            &w("jo lee anna smith")
        ));
    }
}
