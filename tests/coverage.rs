//! The default gazetteer knows the people and groups that news names often (issue 14, class 6:
//! "a name with its own Wikipedia article should be known"): each test names a few of them in a
//! sentence and checks that they come out under their Wikipedia titles, and that a short alias
//! stays quiet where the words mean something else.

use newsner::{Document, EntityRef, ExtractOptions, Extractor, Gazetteer};
use std::sync::{Arc, OnceLock};

/// The default gazetteer and an extractor over it, built once per process (building is slow).
fn extractor() -> &'static (Arc<Gazetteer>, Extractor) {
    static EX: OnceLock<(Arc<Gazetteer>, Extractor)> = OnceLock::new();
    EX.get_or_init(|| {
        let g = Arc::new(Gazetteer::default_gazetteer().expect("the default gazetteer builds"));
        let options = ExtractOptions {
            discover: true,
            nested: false,
        };
        (g.clone(), Extractor::new(g, options))
    })
}

/// The (text, canonical name) of every mention in `text` that the gazetteer resolves, in text
/// order. Names found by discovery are left out: they would pass without a gazetteer row.
fn names(text: &str) -> Vec<(String, String)> {
    let (g, ex) = extractor();
    let doc = Document {
        id: "coverage".into(),
        text: text.into(),
        ..Default::default()
    };
    let out = ex.extract(&doc);
    out.mentions
        .iter()
        .filter(|m| matches!(m.entity, EntityRef::Known(_)))
        .map(|m| {
            let name = out.entity_name(g, m.entity);
            (text[m.byte_start..m.byte_end].to_string(), name.to_string())
        })
        .collect()
}

/// Whether `text` has a mention of the entity titled `name`, written as `written`.
fn has(found: &[(String, String)], written: &str, name: &str) -> bool {
    found.iter().any(|(t, n)| t == written && n == name)
}

#[test]
fn athletes_are_known_by_full_name_and_by_a_distinctive_surname() {
    let text = "Pierre Gasly finished ahead of Esteban Ocon in Monaco. \
                Later Gasly said the car had improved. \
                Aitana Bonmatí scored twice and Sarina Wiegman praised her.";
    let found = names(text);
    for (written, name) in [
        ("Pierre Gasly", "Pierre Gasly"),
        ("Esteban Ocon", "Esteban Ocon"),
        ("Gasly", "Pierre Gasly"),
        ("Aitana Bonmatí", "Aitana Bonmatí"),
        ("Sarina Wiegman", "Sarina Wiegman"),
    ] {
        assert!(
            has(&found, written, name),
            "{written} as {name} in {found:?}"
        );
    }
}

#[test]
fn a_common_name_resolves_to_its_disambiguated_title() {
    let text = "The former England captain Martin Johnson lifted the trophy in Sydney.";
    let found = names(text);
    assert!(
        has(&found, "Martin Johnson", "Martin Johnson (rugby union)"),
        "{found:?}"
    );
}

#[test]
fn public_bodies_unions_and_companies_are_groups() {
    // A name made only of ordinary words ("Institute for Fiscal Studies") is its country's
    // body only in a story that names the country, as this one does.
    let text = "The Institute for Fiscal Studies said UK fares set by Transport for London \
                would rise, while Unison balloted its members and shares in Marks & Spencer fell.";
    let found = names(text);
    for (written, name) in [
        (
            "Institute for Fiscal Studies",
            "Institute for Fiscal Studies",
        ),
        ("Transport for London", "Transport for London"),
        ("Unison", "Unison (trade union)"),
        ("Marks & Spencer", "Marks & Spencer"),
    ] {
        assert!(
            has(&found, written, name),
            "{written} as {name} in {found:?}"
        );
    }
}

#[test]
fn an_ordinary_word_or_a_namesake_does_not_take_a_listed_name() {
    // "unison" in lower case is the word, not the union; Charles Hazlewood, the conductor, is
    // not the cricketer, whose surname is a common English one and so is no alias.
    let text = "The choir sang in unison, and conductor Charles Hazlewood bowed.";
    let found = names(text);
    assert!(
        found
            .iter()
            .all(|(_, n)| n != "Unison (trade union)" && n != "Josh Hazlewood"),
        "{found:?}"
    );
}

#[test]
fn broadcasters_are_known_by_full_and_short_names() {
    let text = "The minister told BBC Radio 4 that talks would resume. \
                Later, speaking on Radio 4 again, he repeated it, and ZDF reported the same.";
    let found = names(text);
    for (written, name) in [
        ("BBC Radio 4", "BBC Radio 4"),
        ("Radio 4", "BBC Radio 4"),
        ("ZDF", "ZDF"),
    ] {
        assert!(
            has(&found, written, name),
            "{written} as {name} in {found:?}"
        );
    }
}

#[test]
fn an_acronym_said_as_a_word_is_known_in_title_case() {
    // British news writes FIFA, UEFA and NASA as words; BBC and SNP stay in capitals.
    let text = "Fifa and Uefa officials met Nasa scientists on Monday.";
    let found = names(text);
    for (written, name) in [("Fifa", "FIFA"), ("Uefa", "UEFA"), ("Nasa", "NASA")] {
        assert!(
            has(&found, written, name),
            "{written} as {name} in {found:?}"
        );
    }
    // A spelling that is also a word or a name is left to that sense.
    let found = names("The Shape of the Moon won a prize; Count Olaf schemed.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_little_known_body_of_another_country_needs_its_country_for_its_acronym() {
    // The PSP is a Lebanese party, and a games console: its acronym names the party only in a
    // story that names Lebanon or the party in full.
    let found = names("Sony's PSP handheld sold well in Japan and Europe.");
    assert!(!found.iter().any(|(t, _)| t == "PSP"), "{found:?}");
    let found = names("In Lebanon the PSP walked out of the talks.");
    assert!(
        has(&found, "PSP", "Progressive Socialist Party"),
        "{found:?}"
    );
    let found = names("The Progressive Socialist Party walked out; the PSP said why.");
    assert!(
        has(&found, "PSP", "Progressive Socialist Party"),
        "{found:?}"
    );
    // A body known abroad is named by its acronym anywhere.
    let found = names("Officials of the ANC met the press on Monday.");
    assert!(has(&found, "ANC", "African National Congress"), "{found:?}");
}
