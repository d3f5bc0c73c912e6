//! End-to-end tests that a town named like a person or a word is found when the story shows it
//! a place (a word only a place takes, its state named, ", England" after it), everywhere in
//! that story, and is left alone when the story names a person so or shows nothing.

mod util;

use util::*;

/// The (text, name) of every mention newsner finds in `text`, in order.
fn mentions(text: &str) -> Vec<(String, String)> {
    extracted(text)
        .into_iter()
        .map(|r| (r["text"].clone(), r["name"].clone()))
        .collect()
}

/// The names of the mentions of `text` whose text is `surface`.
fn names_of(text: &str, surface: &str) -> Vec<String> {
    mentions(text)
        .into_iter()
        .filter(|(t, _)| t == surface)
        .map(|(_, n)| n)
        .collect()
}

#[test]
fn a_town_a_cue_shows_is_that_town_all_through_the_story() {
    let text = "York is an old cathedral city in the north of England.\n\
                Many visitors come to York by train.";
    assert_eq!(names_of(text, "York"), ["York", "York"]);
}

#[test]
fn a_place_preposition_shows_a_town_in_a_region_the_story_names() {
    let text = "Floods hit homes in Chester on Monday, and roads to Leeds were shut.";
    assert_eq!(names_of(text, "Chester"), ["Chester"]);
}

#[test]
fn a_cue_says_nothing_in_a_story_that_names_no_region_of_the_town() {
    // Four towns are named Marion, none much better known than the others.
    assert!(names_of("Crowds gathered in Marion on Monday.", "Marion").is_empty());
}

#[test]
fn a_cue_alone_shows_a_town_far_better_known_than_its_namesakes() {
    // York, England is about three times the size of York, Pennsylvania.
    let text = "Crowds gathered in York on Monday.";
    assert_eq!(names_of(text, "York"), ["York"]);
}

#[test]
fn a_possessive_after_the_name_is_no_cue() {
    let text = "In York's view, the plan for Leeds failed.";
    assert!(names_of(text, "York").is_empty());
}

#[test]
fn a_story_that_names_a_person_so_keeps_the_name_for_him() {
    let text = "The actor Michael York grew up in Surrey. York said he loved London, \
                and in York the crowds cheered.";
    let names = names_of(text, "York");
    assert!(names.iter().all(|n| n == "Michael York"), "{names:?}");
}

#[test]
fn a_cue_does_not_pick_a_namesake_of_a_better_known_place() {
    let text = "The runner won in Boston last year and now races in Leeds.";
    assert_eq!(names_of(text, "Boston"), ["Boston"]);
}

#[test]
fn an_ordinary_word_shown_a_town_once_is_that_town_but_at_a_sentence_start() {
    let text = "She was born in Reading, England, and later taught in Reading for years. \
                Reading the report, she frowned.";
    assert_eq!(
        names_of(text, "Reading"),
        ["Reading, England"],
        "{:?}",
        mentions(text)
    );
    assert_eq!(
        mentions(text)
            .iter()
            .filter(|(_, n)| n == "Reading, England")
            .count(),
        2
    );
}

#[test]
fn a_name_in_a_list_or_at_the_end_of_a_longer_name_shows_it_nowhere_else() {
    // Whatever ", Shaw" and ", Oxford" say of the names before them, they are a list of
    // players and the end of a seat's name, and say nothing of the names standing alone later.
    let text = "Replacements: Peel, Sititi, Charlton, Shaw, Garvey. The try came when Charlton \
                broke clear. Seats in play include Sheffield Central, Oxford East. Voters in \
                Central want change.";
    let later = |name: &str| text.rfind(name).unwrap();
    let found = mentions_at(text);
    for name in ["Charlton", "Central"] {
        assert!(
            !found.iter().any(|&(start, _)| start == later(name)),
            "{name}: {found:?}"
        );
    }
}

/// The (start, name) of every mention newsner finds in `text`, `text` being ASCII.
fn mentions_at(text: &str) -> Vec<(usize, String)> {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    rows(&out.stdout)
        .into_iter()
        .map(|r| (r["start"].parse().unwrap(), r["name"].clone()))
        .collect()
}
