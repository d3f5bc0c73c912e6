//! End-to-end tests of `newsner report` without a browser: the data embedded in the page agrees
//! with what `extract` and `network` write for the same input, and the file is the same whatever
//! the number of threads. tests/browser/ opens the page in Chromium.

mod util;

use serde_json::Value;
use std::collections::BTreeMap;
use util::*;

/// The JSON the page embeds.
fn data(page: &[u8]) -> Value {
    let page = std::str::from_utf8(page).unwrap();
    let open = r#"<script type="application/json" id="report-data">"#;
    let start = page.find(open).expect("data script") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

fn report(args: &[&str]) -> Vec<u8> {
    let mut all = vec!["report", "-q"];
    all.extend_from_slice(args);
    let out = run(&root(), &all, None);
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

#[test]
fn counts_agree_with_extract_and_network() {
    let page = report(&["samples/"]);
    assert!(page.starts_with(b"<!doctype html>"));
    let d = data(&page);
    assert_eq!(d["documents"], 6);
    assert_eq!(d["articles"].as_array().unwrap().len(), 6);

    let out = run(&root(), &["extract", "-q", "samples/"], None);
    let mut per_entity: BTreeMap<String, u64> = BTreeMap::new();
    let mention_rows = rows(&out.stdout);
    for r in &mention_rows {
        *per_entity.entry(r["entity_id"].clone()).or_default() += 1;
    }
    let reported: BTreeMap<String, u64> = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_string(),
                e["mentions"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(reported, per_entity);
    assert_eq!(d["mentions"], mention_rows.len() as u64);

    // The list window's edges are those of `network --window list`.
    let dir = tempfile::tempdir().unwrap();
    let net = dir.path().join("net");
    let args = ["network", "-q", "--window", "list", "samples/", "-o"];
    let out = run(
        &root(),
        &[&args[..], &[net.to_str().unwrap()]].concat(),
        None,
    );
    assert!(out.status.success());
    let edges = rows(&std::fs::read(net.join("edges.csv")).unwrap());
    let ids: Vec<&str> = d["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let mut listed: Vec<(String, String, u64)> = d["edges"][1]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let id = |i: usize| ids[e[i].as_u64().unwrap() as usize].to_string();
            (id(0), id(1), e[2].as_u64().unwrap())
        })
        .collect();
    listed.sort();
    let expected: Vec<(String, String, u64)> = edges
        .iter()
        .map(|r| {
            (
                r["Source"].clone(),
                r["Target"].clone(),
                r["Weight"].parse().unwrap(),
            )
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(listed, expected);
}

#[test]
fn the_same_input_gives_the_same_file_whatever_the_threads() {
    let one = report(&["-j", "1", "--report-docs", "3", "samples/"]);
    let two = report(&["-j", "2", "--report-docs", "3", "samples/"]);
    assert!(one == two, "reports differ between -j 1 and -j 2");
    assert_eq!(data(&one)["articles"].as_array().unwrap().len(), 3);
}

#[test]
fn an_empty_input_still_gives_a_page() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.jsonl"), "").unwrap();
    let out = run(dir.path(), &["report", "-q", "empty.jsonl"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let d = data(&out.stdout);
    assert_eq!(d["documents"], 0);
    assert!(d["entities"].as_array().unwrap().is_empty());
}
