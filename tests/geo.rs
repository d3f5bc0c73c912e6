//! End-to-end tests of where the news happens: the geo columns of mentions and nodes, each
//! document's focus in documents.csv, and the --country filter, on articles written for them.

mod util;

use std::collections::BTreeMap;
use std::fs;
use util::*;

/// One JSONL record.
fn record(id: &str, title: Option<&str>, text: &str) -> String {
    let mut r = serde_json::json!({ "id": id, "text": text });
    if let Some(t) = title {
        r["title"] = t.into();
    }
    format!("{r}\n")
}

/// Runs `newsner all` on `input` (JSONL) and returns the rows of documents.csv by doc_id, as
/// (focus_country, focus_place).
fn focus(input: &str) -> BTreeMap<String, (String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["all", "-q", "-o", "out"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = fs::read(dir.path().join("out/documents.csv")).unwrap();
    rows(&docs)
        .into_iter()
        .map(|r| {
            let focus = (r["focus_country"].clone(), r["focus_place"].clone());
            (r["doc_id"].clone(), focus)
        })
        .collect()
}

fn pair(country: &str, place: &str) -> (String, String) {
    (country.to_string(), place.to_string())
}

/// Like the seed article: a Syrian leader's visit to Moscow. The title names both (3 each);
/// Syria is named five times and Damascus once, Russia three times, but Moscow four times, and
/// a city counts for its country: Russia weighs 10, Syria 9, and Moscow is Russia's most
/// specific place.
const VISIT: &str = "Syria's president flew to Moscow on Wednesday for talks with Vladimir Putin. \
Russia backed the old government in Syria for a decade, and its bases in Syria remain.\n\
In Moscow, the two leaders spoke of trade. Syria wants Russian wheat; Russia wants its bases. \
Syria's minister stayed in Moscow for a second day; from Moscow, Russia promised aid to Damascus.";

#[test]
fn a_visit_to_moscow_is_about_russia() {
    let input = record("visit", Some("Why Russia and Syria met again"), VISIT);
    assert_eq!(focus(&input)["visit"], pair("RU", "Moscow"));
}

/// The seed article itself, where it is (../shared/seed, present wherever CI runs): it has no
/// dateline and, as a text file, no title, so every place mention weighs 1. Russia (25), Moscow
/// (13) and the Kremlin (1) weigh 39 for Russia; Syria (27), Damascus (3), Afrin, Idlib and
/// northern Syria weigh 33 for Syria. Moscow is Russia's most named city.
#[test]
fn the_seed_article_is_about_russia() {
    let seed = root().join("../shared/seed/article.txt");
    if !seed.exists() {
        eprintln!("skipped: {} not found", seed.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["all", "-q", seed.to_str().unwrap(), "-o", "out"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = rows(&fs::read(dir.path().join("out/documents.csv")).unwrap());
    assert_eq!(
        (
            docs[0]["focus_country"].as_str(),
            docs[0]["focus_place"].as_str()
        ),
        ("RU", "Moscow")
    );
}

#[test]
fn a_dateline_decides_a_tie() {
    let body = "Russia and Syria signed a trade deal on Monday. Officials from Russia and Syria \
                will meet again next month.";
    let input = record("plain", None, body) + &record("dated", None, &format!("DAMASCUS — {body}"));
    let got = focus(&input);
    assert_eq!(
        got["plain"],
        pair("RU", "Russia"),
        "a tie goes to the first named"
    );
    assert_eq!(got["dated"], pair("SY", "Damascus"));
}

#[test]
fn a_story_naming_only_cities_gets_their_country() {
    let text = "Drones struck Kharkiv overnight, officials said. Power was cut in Kharkiv and \
                Odesa, and trains from Kharkiv to Lviv were delayed.";
    assert_eq!(
        focus(&record("cities", None, text))["cities"],
        pair("UA", "Kharkiv")
    );
}

#[test]
fn a_document_without_places_has_empty_focus_columns() {
    let dir = tempfile::tempdir().unwrap();
    let input = record(
        "none",
        Some("Markets calm"),
        "Shares rose slightly on Tuesday, traders said.",
    );
    let out = run(
        dir.path(),
        &["all", "-q", "-o", "out"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = fs::read_to_string(dir.path().join("out/documents.csv")).unwrap();
    assert_eq!(
        docs,
        "doc_id,title,chars,mentions,people,groups,places,focus_country,focus_place\n\
         none,Markets calm,46,0,0,0,0,,\n"
    );
}

#[test]
fn documents_count_people_groups_and_places() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Vladimir Putin met NATO envoys in Moscow. Putin said Moscow wants talks.";
    let input = record("d1", None, text);
    let out = run(
        dir.path(),
        &["all", "-q", "--format", "jsonl", "-o", "out"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let line = fs::read_to_string(dir.path().join("out/documents.jsonl")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(
        doc,
        serde_json::json!({
            "doc_id": "d1", "chars": 72, "mentions": 5, "people": 1, "groups": 1, "places": 1,
            "focus_country": "RU", "focus_place": "Moscow"
        })
    );
}

#[test]
fn nodes_have_the_columns_gephi_reads() {
    let dir = tempfile::tempdir().unwrap();
    let input = record(
        "d1",
        None,
        "Vladimir Putin arrived in Moscow, then left Russia.",
    );
    let out = run(
        dir.path(),
        &["network", "-q", "-o", "net"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let nodes = fs::read_to_string(dir.path().join("net/nodes.csv")).unwrap();
    assert_eq!(
        nodes,
        "Id,Label,type,mentions,documents,country,Latitude,Longitude\n\
         Moscow,Moscow,place,1,1,RU,55.75204,37.61781\n\
         Russia,Russia,place,1,1,RU,,\n\
         Vladimir_Putin,Vladimir Putin,person,1,1,RU,,\n"
    );
}

#[test]
fn geo_columns_come_from_any_gazetteer_with_them() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("mine.tsv"),
        "id\tname\ttype\taliases\tcountry\tlat\tlon\n\
         Zorbia\tZorbia\tplace\t\tZZ\t\t\n\
         Zorb_City\tZorb City\tplace\t\tZZ\t-12.5\t130.25\n\
         Ann_Vell\tAnn Vell\tperson\tVell\t\t\t\n",
    )
    .unwrap();
    let args = [
        "extract",
        "-q",
        "--geo",
        "--no-default-gazetteer",
        "-g",
        "mine.tsv",
    ];
    let text = b"Ann Vell landed in Zorb City, Zorbia.";
    let out = run(dir.path(), &args, Some(text));
    assert!(out.status.success(), "{}", stderr(&out));
    let geo: Vec<(String, String, String, String)> = rows(&out.stdout)
        .into_iter()
        .map(|r| {
            let f = |k: &str| r[k].clone();
            (f("name"), f("country"), f("lat"), f("lon"))
        })
        .collect();
    let want = [
        ("Ann Vell", "", "", ""),
        ("Zorb City", "ZZ", "-12.5", "130.25"),
        ("Zorbia", "ZZ", "", ""),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(geo, want);
    let args = [&args[..], &["--format", "jsonl"]].concat();
    let out = run(dir.path(), &args, Some(text));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(["country", "lat", "lon"]
        .iter()
        .all(|k| lines[0].get(k).is_none()));
    assert_eq!(lines[1]["lat"], -12.5);
    assert!(lines[2].get("lat").is_none() && lines[2]["country"] == "ZZ");
}

#[test]
fn the_country_filter_keeps_documents_about_those_countries() {
    let dir = tempfile::tempdir().unwrap();
    let input = record("sy", None, "Shelling hit Aleppo and Homs.")
        + &record("ru", None, "Moscow said Russia would respond.")
        + &record("fr", None, "Paris hosted the summit.")
        + &record("none", None, "Nothing about anywhere.");
    for command in ["extract", "comentions"] {
        let out = run(
            dir.path(),
            &[command, "--country", "sy,RU"],
            Some(input.as_bytes()),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let docs: Vec<String> = rows(&out.stdout)
            .into_iter()
            .map(|r| r["doc_id"].clone())
            .collect();
        let mut kept = docs.clone();
        kept.dedup();
        assert_eq!(kept, ["sy", "ru"], "{command}");
        assert!(
            stderr(&out).contains("2 documents left out for their focus country"),
            "{}",
            stderr(&out)
        );
    }
    let out = run(
        dir.path(),
        &["all", "-q", "--country", "FR", "-o", "out"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = rows(&fs::read(dir.path().join("out/documents.csv")).unwrap());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc_id"], "fr");
    let nodes = rows(&fs::read(dir.path().join("out/nodes.csv")).unwrap());
    assert_eq!(nodes.len(), 1, "{nodes:?}");

    let out = run(
        dir.path(),
        &["extract", "--country", "SY,"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("an empty country code"),
        "{}",
        stderr(&out)
    );
}
