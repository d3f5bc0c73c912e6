//! End-to-end tests that the default gazetteer knows the counties of the United Kingdom and
//! Ireland, which GeoNames' cities file lacks: a county is found under its Wikipedia title and
//! beats a small town named like it abroad, while a person, a club or a town named like it keeps
//! its own name.

mod util;

use util::*;

#[test]
fn english_counties_are_found_by_their_names() {
    let text = "Floods closed roads across Devon and Dorset, while Norfolk and Suffolk \
                stayed dry. Fans came from Yorkshire and Lancashire.";
    let want = [
        ("Devon", "Devon"),
        ("Dorset", "Dorset"),
        ("Norfolk", "Norfolk"),
        ("Suffolk", "Suffolk"),
        ("Yorkshire", "Yorkshire"),
        ("Lancashire", "Lancashire"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_county_after_a_town_is_the_english_county() {
    let text = "Police in Runcorn, Cheshire, said the festival at Hylands Park in Essex \
                would go ahead.";
    let got = places(text);
    assert!(
        got.contains(&("Cheshire".into(), "Cheshire".into())),
        "{got:?}"
    );
    assert!(got.contains(&("Essex".into(), "Essex".into())), "{got:?}");
}

#[test]
fn a_county_beats_a_small_american_town_in_a_story_about_the_united_states() {
    let text = "The singer bought a farm in Somerset after touring the United States.";
    let want = [("Somerset", "Somerset"), ("United States", "United States")];
    assert_eq!(places(text), set(&want));
}

#[test]
fn an_american_city_keeps_its_name_in_a_story_about_its_country() {
    let text = "The company moved from Norfolk to Richmond, Virginia, in the United States.";
    let got = places(text);
    assert!(
        got.contains(&("Norfolk".into(), "Norfolk, Virginia".into())),
        "{got:?}"
    );
}

#[test]
fn a_full_title_with_its_state_stays_american() {
    let text = "The Essex, Maryland fire station reopened.";
    assert_eq!(places(text), set(&[("Essex, Maryland", "Essex, Maryland")]));
}

#[test]
fn counties_of_wales_scotland_and_northern_ireland_are_found() {
    let text = "Plants in Gwynedd and Powys will close; rain fell on the Scottish Borders, \
                Perth and Kinross and County Tyrone.";
    let want = [
        ("Gwynedd", "Gwynedd"),
        ("Powys", "Powys"),
        ("Scottish Borders", "Scottish Borders"),
        ("Perth and Kinross", "Perth and Kinross"),
        ("County Tyrone", "County Tyrone"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn irish_counties_are_found_by_the_short_forms_news_uses() {
    let text = "Two men from Co Cork and Co. Fermanagh were charged; a third lives in \
                County Kerry and a fourth in Offaly.";
    let want = [
        ("Co Cork", "County Cork"),
        ("Co. Fermanagh", "County Fermanagh"),
        ("County Kerry", "County Kerry"),
        ("Offaly", "County Offaly"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_city_named_like_its_county_keeps_its_name() {
    // Galway is a town of under 100,000 people: it stands where the story names its country
    // (tests/obscure_places.rs).
    let text = "The ferry from Cork docked before the train from Dublin reached Galway in Ireland.";
    let got = places(text);
    for county in ["County Cork", "County Dublin", "County Galway"] {
        assert!(got.iter().all(|(_, name)| name != county), "{got:?}");
    }
    assert!(got.contains(&("Dublin".into(), "Dublin".into())), "{got:?}");
    assert!(got.contains(&("Galway".into(), "Galway".into())), "{got:?}");
}

#[test]
fn a_scottish_town_keeps_its_name_beside_its_council_area() {
    let text = "Officers in Stirling and Falkirk were praised.";
    let want = [("Stirling", "Stirling"), ("Falkirk", "Falkirk")];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_county_in_a_name_is_no_place() {
    for text in [
        "Clark Kent is a reporter.",
        "Devon Morgan scored twice for the visitors.",
        "Students at Durham University protested.",
    ] {
        assert_eq!(places(text), set(&[]), "{text}");
    }
}

#[test]
fn london_boroughs_named_only_for_themselves_are_found() {
    let text = "The council in Tower Hamlets and the mayor of Newham met in London.";
    let want = [
        ("Tower Hamlets", "London Borough of Tower Hamlets"),
        ("Newham", "London Borough of Newham"),
        ("London", "London"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn an_english_region_is_one_place_not_a_county_and_a_river() {
    let text = "Prices rose fastest in Yorkshire and the Humber and in the East Midlands.";
    let want = [
        ("Yorkshire and the Humber", "Yorkshire and the Humber"),
        ("East Midlands", "East Midlands"),
    ];
    assert_eq!(places(text), set(&want));
}

#[test]
fn a_council_area_named_like_a_given_name_needs_its_country() {
    assert_eq!(
        places("Festival director Bob Angus said tickets sold out."),
        set(&[])
    );
    let text = "The storm reached Angus, Scotland, overnight.";
    let got = places(text);
    assert!(
        got.contains(&("Angus".into(), "Angus, Scotland".into())),
        "{got:?}"
    );
}

#[test]
fn a_person_named_in_full_takes_a_county_name_from_the_county() {
    let text = "The actress Sarah Lancashire won the award. Lancashire thanked the writers.";
    assert_eq!(places(text), set(&[]));
    let text = "Floods closed roads across Lancashire on Sunday.";
    assert_eq!(places(text), set(&[("Lancashire", "Lancashire")]));
}

#[test]
fn a_town_named_for_its_river_goes_by_its_first_word_in_a_british_story() {
    // "Newcastle" is Newcastle upon Tyne and "Southend" is Southend-on-Sea once the story is
    // in England; Newcastle's namesakes in Australia and South Africa rank higher by
    // population alone.
    let text = "Newcastle beat Leeds 2-1 on Saturday, and Southend drew at home. \
                The England striker scored twice.";
    let found = places(text);
    assert_has(
        &found,
        &[
            ("Newcastle", "Newcastle upon Tyne"),
            ("Southend", "Southend-on-Sea"),
            ("England", "England"),
        ],
    );
}

#[test]
fn england_named_alone_lends_its_country_but_not_inside_a_persons_name() {
    // "England" is a surname too. Alone it names the country that decides "Newcastle"; in
    // "Gordon England" it is a man, and the story names no country.
    let in_england = places("Newcastle won the cup, and England is proud.");
    assert!(
        in_england.contains(&("Newcastle".to_string(), "Newcastle upon Tyne".to_string())),
        "{in_england:?}"
    );
    let a_man = places("Newcastle won the cup, said Gordon England on Sunday.");
    assert!(
        !a_man.iter().any(|(_, name)| name == "England"),
        "{a_man:?}"
    );
    assert!(
        !a_man.contains(&("Newcastle".to_string(), "Newcastle upon Tyne".to_string())),
        "{a_man:?}"
    );
}

#[test]
fn the_adjective_of_a_british_nation_is_nobody() {
    // "English", "Scottish" and "Welsh" are the adjectives of places newsner knows, as
    // "French" is: after a speech verb they begin a phrase, not a person's name.
    for text in [
        "The coach says English rugby has to change.",
        "The minister said Scottish councils would pay.",
        "She said Welsh farmers were angry.",
    ] {
        let people: Vec<_> = extracted(text)
            .into_iter()
            .filter(|r| r["type"] == "person")
            .map(|r| r["text"].clone())
            .collect();
        assert!(people.is_empty(), "{text}: {people:?}");
    }
}

#[test]
fn london_tells_groups_named_by_ordinary_words_their_country() {
    // "Home Office" and "Conservative Party" are ordinary words: they need the story to name
    // their country. London does, though London, Ontario shares its name; Moscow does not.
    let groups = |text: &str| -> Vec<String> {
        extracted(text)
            .into_iter()
            .filter(|r| r["type"] == "group" && !r["entity_id"].starts_with("new:"))
            .map(|r| r["name"].clone())
            .collect()
    };
    let text = "Officials met the Conservative Party leader in London. \
                The Home Office agreed.";
    assert_eq!(groups(text), ["Conservative Party (UK)", "Home Office"]);
    let text = "Officials met the Conservative Party leader in Moscow. \
                The Home Office agreed.";
    assert!(groups(text).is_empty(), "{:?}", groups(text));
    // Nor does a London that is a person's name.
    let text = "The Home Office agreed, said Jack London.";
    assert!(groups(text).is_empty(), "{:?}", groups(text));
}
