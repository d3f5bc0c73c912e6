//! End-to-end tests of the wider given-name list (gazetteers/data/given_names_wide.txt): a given
//! name that the main list lacks opens a person's name before a capitalized word, while alone it
//! names nobody, and a place, a newspaper or a band keeps its own name.

mod util;

use std::collections::BTreeSet;
use util::*;

/// The (text, type) of every mention newsner finds in `text`, run with the default gazetteer.
fn found(text: &str) -> BTreeSet<(String, String)> {
    extracted(text)
        .into_iter()
        .map(|r| (r["text"].clone(), r["type"].clone()))
        .collect()
}

/// Whether `text` yields a person written `name`.
fn has_person(text: &str, name: &str) -> bool {
    found(text).contains(&(name.to_string(), "person".to_string()))
}

#[test]
fn irish_given_names_open_a_person_name() {
    let text = "The squad was praised by Declan Rourke on Sunday.";
    assert!(has_person(text, "Declan Rourke"), "{:?}", found(text));
    let text = "Aoife Kilbride won the race in the rain.";
    assert!(has_person(text, "Aoife Kilbride"), "{:?}", found(text));
}

#[test]
fn african_given_names_open_a_person_name() {
    let text = "The striker Nnamdi Okafor signed a new deal, and Chukwuemeka Obi joined him.";
    assert!(has_person(text, "Nnamdi Okafor"), "{:?}", found(text));
    assert!(has_person(text, "Chukwuemeka Obi"), "{:?}", found(text));
}

#[test]
fn arabic_and_south_asian_given_names_open_a_person_name() {
    let text = "Anas Darwish, a teacher, spoke after the lesson.";
    assert!(has_person(text, "Anas Darwish"), "{:?}", found(text));
    let text = "The ministers Rishi Varma and Humza Qureshi met on Friday.";
    assert!(has_person(text, "Rishi Varma"), "{:?}", found(text));
    assert!(has_person(text, "Humza Qureshi"), "{:?}", found(text));
}

#[test]
fn a_welsh_given_name_opens_a_person_name() {
    let text = "Coach Rhys Pryce named his team for the final.";
    assert!(has_person(text, "Rhys Pryce"), "{:?}", found(text));
}

#[test]
fn a_rare_given_name_alone_names_nobody() {
    // A common given name alone is a person; a rare one from the wider list is not.
    assert!(has_person("Police thanked Steven for his help.", "Steven"));
    let text = "Police thanked Declan for his help.";
    assert!(
        !found(text).iter().any(|(_, t)| t == "person"),
        "{:?}",
        found(text)
    );
}

#[test]
fn a_place_named_like_a_rare_given_name_stays_a_place() {
    // Babies are named Memphis, Kenya and Cairo; before a capitalized word, the names stay
    // places.
    let text = "Flights from Cairo Monday were late, and Memphis Airport closed.";
    let got = found(text);
    assert!(got.contains(&("Cairo".into(), "place".into())), "{got:?}");
    assert!(!got.iter().any(|(_, t)| t == "person"), "{got:?}");
}

#[test]
fn a_newspaper_and_a_party_are_no_people() {
    let text = "He wrote in the Sunday Times that the Tory Party had lost its way.";
    let got = found(text);
    assert!(!got.iter().any(|(_, t)| t == "person"), "{got:?}");
}

#[test]
fn a_word_said_twice_is_a_band_not_a_person() {
    let text = "Fans of Duran Duran queued outside the arena.";
    let got = found(text);
    assert!(!got.iter().any(|(_, t)| t == "person"), "{got:?}");
}

#[test]
fn a_town_after_a_rare_given_name_is_the_persons_surname() {
    // Morioka is a Japanese city, Nyanga a town in Zimbabwe: after a given name of the wider
    // list, each is a surname.
    let text = "The deal was signed by Shigeo Morioka, and Yannick Nyanga scored twice.";
    let got = found(text);
    assert!(
        got.contains(&("Shigeo Morioka".into(), "person".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("Yannick Nyanga".into(), "person".into())),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, t)| t == "place"), "{got:?}");
}
