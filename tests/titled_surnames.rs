//! End-to-end tests that a surname after a title ("Mr Blair", "Ms Kelly") is the person the
//! story named in full, listed or not, rather than a new person of that one word.

mod util;

use std::collections::BTreeSet;
use util::*;

/// The (surface, entity id) of each person mention newsner finds in `text`.
fn people(text: &str) -> BTreeSet<(String, String)> {
    extracted(text)
        .into_iter()
        .filter(|r| r["type"] == "person")
        .map(|r| (r["text"].clone(), r["entity_id"].clone()))
        .collect()
}

#[test]
fn a_title_and_the_surname_of_a_listed_person_named_in_full_is_that_person() {
    let found = people(
        "Prime Minister Tony Blair spoke in Leeds on Monday. Mr Blair said the plan would \
         cut waiting lists, and Blair left for London.",
    );
    let ids: BTreeSet<_> = found.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["Tony_Blair"]), "{found:?}");
}

#[test]
fn a_title_and_the_surname_of_an_unlisted_person_named_in_full_is_that_person() {
    let found = people(
        "Harbour master Quentin Farrowdale opened the new quay on Friday. Mr Farrowdale \
         said the town had waited ten years for it.",
    );
    let ids: BTreeSet<_> = found.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["new:quentin-farrowdale"]), "{found:?}");
}

#[test]
fn a_titled_surname_no_full_name_explains_stays_its_own_person() {
    // Nobody named in full carries "Pellow", and two people carry "Marsh": neither is
    // given to anyone.
    let found = people(
        "Mr Pellow said the vote was fair. Alice Marsh beat Ruth Marsh in the final, and \
         Alice Marsh and Ruth Marsh shook hands. Ms Marsh said it was a hard match.",
    );
    assert!(
        found.contains(&("Pellow".to_string(), "new:pellow".to_string())),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(text, id)| text == "Marsh" && id.ends_with("-marsh")),
        "{found:?}"
    );
}
