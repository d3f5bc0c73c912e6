//! A little-known place stands only with support (src/resolve/evidence.rs, `OBSCURE_PLACE`):
//! a town's name that is also an adjective, a club, a firm or a person ("Olympic", a district
//! of Hong Kong; the rugby club Biarritz) is no place where the story names nothing of its
//! country and no word around it makes it one.

mod util;

use util::*;

/// The names of the listed places (not discovered ones) that newsner finds in `text`.
fn listed_places(text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", "-q"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    rows(&out.stdout)
        .into_iter()
        .filter(|r| r["type"] == "place" && !r["entity_id"].starts_with("new:"))
        .map(|r| r["name"].clone())
        .collect()
}

#[test]
fn an_obscure_town_alone_is_no_place() {
    for text in [
        "The Olympic champion retired on Monday after a long career.",
        "Biarritz beat the visitors by ten points on Saturday.",
        "The fly-half left Biarritz's pack after the match.",
    ] {
        assert_eq!(listed_places(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn an_obscure_town_with_support_is_a_place() {
    let table: [(&str, &[&str]); 4] = [
        ("The singer was born in Runcorn in 1950.", &["Runcorn"]),
        ("They bought a flat near Biarritz last year.", &["Biarritz"]),
        (
            "Biarritz, on the coast of France, filled up.",
            &["Biarritz", "France"],
        ),
        (
            "From Biarritz the train runs on to Bordeaux.",
            &["Biarritz", "Bordeaux"],
        ),
    ];
    for (text, want) in table {
        assert_eq!(listed_places(text), want, "{text}");
    }
}
