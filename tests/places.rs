//! End-to-end tests that the default gazetteer names places under their English Wikipedia
//! titles: a city that is the primary topic bare, former states as states of their own, and
//! no city quarters that GeoNames lists as cities.

mod util;

use util::*;

#[test]
fn a_city_that_outranks_its_namesakes_keeps_the_bare_title() {
    let text = "The ferry left Portsmouth for Aberdeen; tourists flocked to Heidelberg and Trento.";
    let want = [
        ("Portsmouth", "Portsmouth"),
        ("Aberdeen", "Aberdeen"),
        ("Heidelberg", "Heidelberg"),
        ("Trento", "Trento"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_name_another_country_owns_stays_with_it() {
    let text = "She spent a week in Bali and flew home from Jakarta.";
    assert_eq!(
        places(text),
        set(&[("Bali", "Bali"), ("Jakarta", "Jakarta")])
    );
}

#[test]
fn former_countries_are_states_of_their_own() {
    let text = "In 1968 the USSR sent tanks into Czechoslovakia while East Germany watched.";
    let want = [
        ("USSR", "Soviet Union"),
        ("Czechoslovakia", "Czechoslovakia"),
        ("East Germany", "East Germany"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn historic_empires_are_places_and_modern_countries_keep_their_old_names() {
    let text = "The Ottoman Empire and Austria-Hungary were allies. Burma became Myanmar in 1989.";
    let want = [
        ("Ottoman Empire", "Ottoman Empire"),
        ("Austria-Hungary", "Austria-Hungary"),
        ("Burma", "Myanmar"),
        ("Myanmar", "Myanmar"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_paris_arrondissement_does_not_tag_its_landmarks() {
    let text = "Crowds queued outside the Louvre and climbed to Montmartre.";
    assert_eq!(places(text), set(&[]));
}

#[test]
fn a_mexican_city_with_namesakes_abroad_is_titled_by_its_state() {
    let text = "The hurricane reached Mérida, the capital of Yucatán, before it turned north.";
    let found = places(text);
    assert!(
        found.contains(&("Mérida".to_string(), "Mérida, Yucatán".to_string())),
        "{found:?}"
    );
}

#[test]
fn us_counties_are_places_under_their_state() {
    let text = "Flooding closed roads in Westchester County and in Suffolk County, New York.";
    let found = places(text);
    for want in [
        ("Westchester County", "Westchester County, New York"),
        ("Suffolk County", "Suffolk County, New York"),
    ] {
        let want = (want.0.to_string(), want.1.to_string());
        assert!(found.contains(&want), "{found:?}");
    }
}

#[test]
fn an_english_county_named_bare_is_no_american_county() {
    let text = "Storms closed roads in Kent and Essex overnight, and ferries to Orange stopped.";
    let found = places(text);
    assert!(
        found.iter().all(|(_, name)| !name.contains(" County, ")),
        "{found:?}"
    );
}

#[test]
fn a_state_the_story_names_picks_its_own_namesake() {
    let text = "The governor of Illinois spoke in Springfield on Monday.";
    let found = places(text);
    let want = (
        "Springfield".to_string(),
        "Springfield, Illinois".to_string(),
    );
    assert!(found.contains(&want), "{found:?}");
}

#[test]
fn a_town_the_story_names_speaks_for_its_state() {
    let text = "Police in Portland said the man was arrested in Biddeford.";
    let found = places(text);
    let want = ("Portland".to_string(), "Portland, Maine".to_string());
    assert!(found.contains(&want), "{found:?}");
}

#[test]
fn a_place_word_shows_a_city_named_like_a_person_that_outranks_its_namesakes() {
    // Geneva and Madison are given names too; "in" says a place is meant, and each is far
    // better known than its namesakes, so nothing else in the story need name its country.
    let text = "Trade envoys gathered in Geneva on Monday. The cheese fair opened near Madison.";
    let found = places(text);
    assert_has(
        &found,
        &[("Geneva", "Geneva"), ("Madison", "Madison, Wisconsin")],
    );
    // Jackson, Mississippi is not much better known than Jackson, Tennessee: the word does not
    // say which, and without its state the town stays unnamed; so does a person after "in".
    let text = "The mayor spoke in Jackson on Monday. Voters put their trust in Geneva Hale.";
    let found = places(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_state_does_not_pull_a_name_from_another_country_the_story_names() {
    let text = "French police in Paris met officers from Texas to talk about France and smuggling.";
    let found = places(text);
    let want = ("Paris".to_string(), "Paris".to_string());
    assert!(found.contains(&want), "{found:?}");
}

#[test]
fn rivers_lakes_deserts_and_regions_are_places() {
    let text = "Barges on the Yangtze and the River Severn, a drought at Lake Victoria, \
                dust from the Gobi Desert and snow across the Great Plains.";
    let want = [
        ("Yangtze", "Yangtze"),
        ("River Severn", "River Severn"),
        ("Lake Victoria", "Lake Victoria"),
        ("Gobi Desert", "Gobi Desert"),
        ("Great Plains", "Great Plains"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_feature_named_after_a_town_leaves_the_town_its_name() {
    let text = "Commuters in Severn, Maryland, waited for the Potomac ferry.";
    let found = places(text);
    assert!(
        found.iter().all(|(_, name)| !name.starts_with("River ")),
        "{found:?}"
    );
}

#[test]
fn new_york_boroughs_are_bare_and_a_lesser_namesake_names_its_state() {
    let text = "The bakery moved from Brooklyn to Staten Island. A plant in Cleveland, Tennessee \
                hired staff, and the mill in Manhattan, Kansas closed.";
    let found = places(text);
    assert_has(
        &found,
        &[
            ("Brooklyn", "Brooklyn"),
            ("Staten Island", "Staten Island"),
            ("Cleveland", "Cleveland, Tennessee"),
            ("Manhattan", "Manhattan, Kansas"),
        ],
    );
}

#[test]
fn a_far_more_prominent_namesake_beats_one_in_a_country_the_story_names() {
    // Athens, the capital of Greece, is far above Athens, Georgia; Cambridge, England and
    // Cambridge, Massachusetts are close, so the story's country decides.
    let text = "The United States sent its team to Athens for the Games. \
                Later the delegation toured laboratories in Cambridge.";
    let found = places(text);
    assert_has(
        &found,
        &[
            ("Athens", "Athens"),
            ("Cambridge", "Cambridge, Massachusetts"),
        ],
    );
}

#[test]
fn a_small_town_takes_no_former_or_foreign_name_and_a_big_city_keeps_its_old_one() {
    // GeoNames lists "Vauxhall" for Millburn, New Jersey and "Frankfurt" for Frankfort,
    // Kentucky: neither is an alias, so the car brand is no place and Frankfurt is itself.
    let text = "Opel and Vauxhall cars sell well in Frankfurt, and Bombay is now Mumbai.";
    let want = [
        ("Frankfurt", "Frankfurt"),
        ("Bombay", "Mumbai"),
        ("Mumbai", "Mumbai"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_state_written_the_associated_press_way_names_the_state_and_places_its_town() {
    // A dateline and two towns with the state abbreviated as US papers write it: the
    // abbreviation is the state, and it takes each town to that state's namesake.
    let text = "SAVANNAH, Ga. (AP) — The couple met in Athens, Ga., and married in Madison, Wis., \
                before settling in Greenville, S.C., last spring.";
    let found = places(text);
    assert_has(
        &found,
        &[
            ("Ga.", "Georgia (U.S. state)"),
            ("Athens", "Athens, Georgia"),
            ("Wis.", "Wisconsin"),
            ("Madison", "Madison, Wisconsin"),
            ("S.C.", "South Carolina"),
            ("Greenville", "Greenville, South Carolina"),
        ],
    );
}

#[test]
fn an_abbreviation_that_is_also_a_word_or_a_name_is_no_state() {
    // "Mass." ends a sentence about church, "Mo" and "Pa" are given names, "Md." shortens
    // Mohammad, and the abbreviations need their dot: none of these is a state.
    let text = "The family went to Mass. Md. Rahman and Pa Salieu met Mo Farah. \
                Ga and Wis are not words, and neither is Fla.";
    let found = places(text);
    let states: Vec<_> = found
        .iter()
        .filter(|(surface, _)| surface != "Fla.")
        .collect();
    assert!(states.is_empty(), "unexpected places: {states:?}");
    assert!(
        found.contains(&("Fla.".to_string(), "Florida".to_string())),
        "{found:?}"
    );
}
