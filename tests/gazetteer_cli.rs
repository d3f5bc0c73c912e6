//! End-to-end tests of `newsner gazetteer check` and `newsner gazetteer stats`: the real binary on
//! small gazetteers written to a temp dir, and on the default gazetteer.

mod util;

use std::fs;
use util::*;

const HEAD: &str = "id\tname\ttype\taliases\tprominence\n";

/// Writes `text` as g.tsv in a fresh temp dir.
fn gazetteer(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.tsv"), text).unwrap();
    dir
}

fn own(cmd: &str) -> Vec<&str> {
    vec![
        "gazetteer",
        cmd,
        "--gazetteer",
        "g.tsv",
        "--no-default-gazetteer",
    ]
}

#[test]
fn check_fails_on_a_type_conflict_and_names_the_line() {
    let dir = gazetteer(&format!(
        "{HEAD}Tarno_Velk\tTarno Velk\tperson\tVelkor\t50\nVelkor_Town\tVelkor Town\tplace\tVelkor\t50\n"
    ));
    let out = run(dir.path(), &own("check"), None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let rows = rows(&out.stdout);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let r = &rows[0];
    assert_eq!(
        (&*r["severity"], &*r["file"], &*r["line"], &*r["id"]),
        ("error", "g.tsv", "2", "Tarno_Velk")
    );
    assert!(
        r["message"].starts_with(
            "type conflict: alias `Velkor` is shared by Tarno_Velk (person), Velkor_Town (place)"
        ),
        "{}",
        r["message"]
    );
    let csv = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(csv.starts_with("severity,file,line,id,message\n"), "{csv}");
    assert!(
        stderr(&out).contains("1 errors, 0 warnings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_passes_a_clean_gazetteer() {
    let dir = gazetteer(&format!(
        "{HEAD}Tarno_Velk\tTarno Velk\tperson\tVelk\t50\nVelkor_Town\tVelkor Town\tplace\tVelkor\t50\n"
    ));
    let out = run(dir.path(), &own("check"), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(out.stdout, b"severity,file,line,id,message\n");
    assert!(
        stderr(&out).contains("0 errors, 0 warnings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_reports_warnings_with_exit_0_and_errors_only_hides_them() {
    let dir = gazetteer(&format!(
        "{HEAD}Nice\tNice\tplace\t\t60\nA\tZarnov Town\tplace\tZarnov\t50\nB\tBeta Zarnov\tplace\tZarnov\t40\n"
    ));
    let out = run(dir.path(), &own("check"), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: Vec<(String, String)> = rows(&out.stdout)
        .into_iter()
        .map(|r| (r["line"].clone(), r["message"].clone()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0],
        (
            "2".into(),
            "alias `Nice` of Nice (place) is a common word: it fires only with evidence".into()
        )
    );
    assert_eq!(got[1].0, "3");
    assert!(got[1]
        .1
        .starts_with("alias `Zarnov` is shared by A (place), B (place)"));

    let mut args = own("check");
    args.push("--errors-only");
    let out = run(dir.path(), &args, None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, b"severity,file,line,id,message\n");
    assert!(
        stderr(&out).contains("0 errors, 2 warnings"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn check_reports_build_errors() {
    let dir = gazetteer(&format!(
        "{HEAD}A\tZarnov\tperson\t\t5\nA\tAgain\tperson\t\t5\n"
    ));
    let out = run(dir.path(), &own("check"), None);
    assert_eq!(out.status.code(), Some(1));
    let rows = rows(&out.stdout);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!((&*rows[0]["severity"], &*rows[0]["line"]), ("error", "3"));
    assert!(rows[0]["message"].starts_with("duplicate id `A`"));
}

#[test]
fn stats_counts_entities_and_listed_aliases_per_type() {
    let dir = gazetteer(&format!(
        "{HEAD}P1\tPer One\tperson\tOne|P. One\t10\nP2\tPer Two\tperson\t\t10\nT\tTown\tplace\tBurg\t10\nX\tThing\tship\t\t1\nG\tGang\tgroup\tG Gang|Gangs|The Gang\t1\n"
    ));
    let out = run(dir.path(), &own("stats"), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        "type,entities,aliases\nperson,2,4\ngroup,1,4\nplace,1,2\nship,1,1\n"
    );
    let err = stderr(&out);
    assert!(
        err.contains("5 entities built in") && err.contains("compiled aliases"),
        "{err}"
    );
}

#[test]
fn stats_of_the_default_gazetteer() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["gazetteer", "stats"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let count = |kind: &str| -> usize {
        rows(&out.stdout)
            .iter()
            .find(|r| r["type"] == kind)
            .unwrap_or_else(|| panic!("no {kind} row"))["entities"]
            .parse()
            .unwrap()
    };
    assert!(count("person") >= 15000, "person {}", count("person"));
    assert!(count("group") >= 11000, "group {}", count("group"));
    assert!(count("place") >= 30000, "place {}", count("place"));
}

/// The rows generated from open data (people_extra.tsv, groups_extra.tsv) are part of the
/// default: a person, a university and a party are linked by name, and the surname alone is the
/// person in an article that names her in full, or that says it is a person ("Wollstonecraft
/// said"), but not in one that says neither.
#[test]
fn generated_rows_are_linked_and_their_surnames_need_the_full_name() {
    let dir = tempfile::tempdir().unwrap();
    let named =
        b"Mary Wollstonecraft spoke at Kaunas University of Technology on Monday. Wollstonecraft \
        said the Sarawak National Party had asked her to stay.\n";
    let out = run(dir.path(), &["extract"], Some(named));
    assert!(out.status.success(), "{}", stderr(&out));
    let found = mentions(&out.stdout);
    for (text, name) in [
        ("Mary Wollstonecraft", "Mary Wollstonecraft"),
        ("Wollstonecraft", "Mary Wollstonecraft"),
        (
            "Kaunas University of Technology",
            "Kaunas University of Technology",
        ),
        ("Sarawak National Party", "Sarawak National Party"),
    ] {
        assert!(
            found.contains(&(text.to_string(), name.to_string())),
            "{text} -> {name} missing from {found:?}"
        );
    }
    let said = b"Wollstonecraft said nothing on Monday.\n";
    let out = run(dir.path(), &["extract"], Some(said));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        rows(&out.stdout)
            .iter()
            .any(|r| r["name"] == "Mary Wollstonecraft"),
        "{:?}",
        mentions(&out.stdout)
    );
    let alone = b"They met at Wollstonecraft on Monday.\n";
    let out = run(dir.path(), &["extract"], Some(alone));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        rows(&out.stdout)
            .iter()
            .all(|r| r["name"] != "Mary Wollstonecraft"),
        "{:?}",
        mentions(&out.stdout)
    );
}

#[test]
fn no_default_gazetteer_needs_a_gazetteer() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["gazetteer", "check", "--no-default-gazetteer"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs at least one --gazetteer"));
}

const ARTICLE: &[u8] = b"Tarno Velk met the mayor of Velkor Town on Monday. Velk said little.\n";

#[test]
fn a_compiled_gazetteer_gives_the_same_mentions_as_its_tsv() {
    let dir = gazetteer(&format!(
        "{HEAD}Tarno_Velk\tTarno Velk\tperson\t\t60\nVelkor_Town\tVelkor Town\tplace\tVelkor\t50\n"
    ));
    let out = run(
        dir.path(),
        &[
            "gazetteer",
            "compile",
            "-g",
            "g.tsv",
            "--no-default-gazetteer",
            "-o",
            "g.nsg",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 entities"), "{}", stderr(&out));
    let from_tsv = run(
        dir.path(),
        &["extract", "-g", "g.tsv", "--no-default-gazetteer", "-q"],
        Some(ARTICLE),
    );
    let compiled = run(dir.path(), &["extract", "-g", "g.nsg", "-q"], Some(ARTICLE));
    assert!(compiled.status.success(), "{}", stderr(&compiled));
    assert_eq!(
        mentions(&compiled.stdout),
        [
            ("Tarno Velk", "Tarno Velk"),
            ("Velk", "Tarno Velk"),
            ("Velkor Town", "Velkor Town")
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    );
    assert_eq!(compiled.stdout, from_tsv.stdout);

    // Alone only, and never read as TSV.
    fs::write(dir.path().join("more.tsv"), HEAD).unwrap();
    let both = run(
        dir.path(),
        &["extract", "-g", "g.nsg", "-g", "more.tsv"],
        Some(ARTICLE),
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(stderr(&both).contains("give it alone"), "{}", stderr(&both));
    let check = run(dir.path(), &["gazetteer", "check", "-g", "g.nsg"], None);
    assert!(!check.status.success());
    assert!(
        stderr(&check).contains("compiled gazetteer"),
        "{}",
        stderr(&check)
    );

    // A damaged file is refused with its name.
    let bytes = fs::read(dir.path().join("g.nsg")).unwrap();
    fs::write(dir.path().join("cut.nsg"), &bytes[..bytes.len() / 2]).unwrap();
    let cut = run(dir.path(), &["extract", "-g", "cut.nsg"], Some(ARTICLE));
    assert_eq!(cut.status.code(), Some(2));
    assert!(
        stderr(&cut).contains("cut.nsg: damaged"),
        "{}",
        stderr(&cut)
    );
}

#[test]
fn the_default_is_compiled_once_into_the_cache_and_rebuilt_when_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let env = [("NEWSNER_CACHE", cache.to_str().unwrap())];
    let input = b"Vladimir Putin met Recep Tayyip Erdogan in Ankara. Putin left.\n";
    let first = run_env(dir.path(), &["extract", "-q"], Some(input), &env);
    assert!(first.status.success(), "{}", stderr(&first));
    let files: Vec<_> = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].extension().is_some_and(|x| x == "nsg"));
    let cached = run_env(dir.path(), &["extract", "-q"], Some(input), &env);
    assert_eq!(cached.stdout, first.stdout);
    assert_eq!(
        mentions(&first.stdout).len(),
        4,
        "{:?}",
        rows(&first.stdout)
    );

    fs::write(&files[0], b"NEWSNERG damaged").unwrap();
    let rebuilt = run_env(dir.path(), &["extract", "-q"], Some(input), &env);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert_eq!(rebuilt.stdout, first.stdout);
    assert!(fs::metadata(&files[0]).unwrap().len() > 1000, "rewritten");

    let off = dir.path().join("off");
    let no_cache = run_env(
        dir.path(),
        &["extract", "-q"],
        Some(input),
        &[
            ("NEWSNER_CACHE", "off"),
            ("XDG_CACHE_HOME", off.to_str().unwrap()),
        ],
    );
    assert_eq!(no_cache.stdout, first.stdout);
    assert!(!off.exists());
}
