//! Table-driven end-to-end tests over `samples/*.txt`: for each article, the mentions, co-mention
//! pairs and roles a correct tagger reports, and what it must not report. The expectations were
//! written by reading the articles (and checking canonical names in `gazetteers/*.tsv`), not by
//! copying the tool's output.
//!
//! Expectations the current build does not meet are kept, runnable, in `known_gaps_NN` tests
//! marked `#[ignore]` (`cargo test --release --test samples -- --ignored`).

mod util;

use std::collections::BTreeMap;
use std::fs;
use util::*;

type Row = BTreeMap<String, String>;

/// What one sample must and must not yield. Every list is optional (see `NONE`).
struct Case {
    /// File name under `samples/`.
    file: &'static str,
    /// (surface text, canonical name) that must be reported; the text may list alternatives
    /// separated by `|` ("Pentagon|the Pentagon") where a leading article may belong to the alias.
    must: &'static [(&'static str, &'static str)],
    /// (surface text, canonical name) that must not be reported.
    must_not: &'static [(&'static str, &'static str)],
    /// Canonical names that must not appear at all in this file.
    absent: &'static [&'static str],
    /// Surface texts that must not be reported as anything (months, weekdays, years).
    not_text: &'static [&'static str],
    /// (phrase, canonical name): no mention of that name may overlap any occurrence of the phrase.
    not_within: &'static [(&'static str, &'static str)],
    /// Pairs of canonical names named in one sentence (`newsner comentions FILE`).
    pairs: &'static [(&'static str, &'static str)],
    /// Pairs of canonical names sharing a list (`newsner comentions --window list FILE`).
    list_pairs: &'static [(&'static str, &'static str)],
    /// (surface text, canonical name, role): some mention with that text and name has that role.
    roles: &'static [(&'static str, &'static str, &'static str)],
    /// Check that every mention's text is the file's chars[start..end].
    offsets: bool,
}

const NONE: Case = Case {
    file: "",
    must: &[],
    must_not: &[],
    absent: &[],
    not_text: &[],
    not_within: &[],
    pairs: &[],
    list_pairs: &[],
    roles: &[],
    offsets: false,
};

const MONTHS_AND_DAYS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Jan",
    "Oct.",
    "Oct",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn sorted(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Runs newsner on the sample and returns every failed expectation, one readable line each,
/// with the number of assertions made.
fn check(c: &Case) -> (usize, Vec<String>) {
    let path = root().join("samples").join(c.file);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let chars: Vec<char> = text.chars().collect();
    let dir = tempfile::tempdir().unwrap();
    let p = path.to_str().unwrap();
    let mut fails = Vec::new();
    let mut n = 0;

    let out = run(dir.path(), &["extract", p], None);
    assert!(
        out.status.success(),
        "{}: extract: {}",
        c.file,
        stderr(&out)
    );
    let rows: Vec<Row> = rows(&out.stdout);
    let found = mentions(&out.stdout);
    let names_of = |t: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r["text"].replace('\n', " ") == t)
            .map(|r| r["name"].clone())
            .collect()
    };

    if c.offsets {
        for r in &rows {
            n += 1;
            let (s, e): (usize, usize) = (r["start"].parse().unwrap(), r["end"].parse().unwrap());
            let got: String = chars
                .get(s..e)
                .map(|x| x.iter().collect())
                .unwrap_or_default();
            if got != r["text"] {
                fails.push(format!(
                    "offsets: {:?} ({}) at {s}..{e} but the file has {got:?} there",
                    r["text"], r["name"]
                ));
            }
        }
    }
    for &(t, name) in c.must {
        n += 1;
        let ok = t
            .split('|')
            .any(|t| found.contains(&(t.to_string(), name.to_string())));
        if !ok {
            let got: Vec<String> = t.split('|').flat_map(names_of).collect();
            fails.push(format!(
                "must: missing {t:?} -> {name:?} (that text was reported as {got:?})"
            ));
        }
    }
    for &(t, name) in c.must_not {
        n += 1;
        if found.contains(&(t.to_string(), name.to_string())) {
            fails.push(format!("must_not: reported {t:?} -> {name:?}"));
        }
    }
    for &name in c.absent {
        n += 1;
        let hits: Vec<&str> = rows
            .iter()
            .filter(|r| r["name"] == name)
            .map(|r| r["text"].as_str())
            .collect();
        if !hits.is_empty() {
            fails.push(format!("absent: {name:?} reported for {hits:?}"));
        }
    }
    for &t in c.not_text {
        n += 1;
        let got = names_of(t);
        if !got.is_empty() {
            fails.push(format!("not_text: {t:?} reported as {got:?}"));
        }
    }
    for &(phrase, name) in c.not_within {
        n += 1;
        let spans: Vec<(usize, usize)> = text
            .match_indices(phrase)
            .map(|(b, _)| {
                let s = text[..b].chars().count();
                (s, s + phrase.chars().count())
            })
            .collect();
        if spans.is_empty() {
            fails.push(format!(
                "not_within: phrase {phrase:?} not in the file (test bug)"
            ));
        }
        let span_of = |r: &Row| -> (usize, usize) {
            (r["start"].parse().unwrap(), r["end"].parse().unwrap())
        };
        // A place named inside the longer name ("New York" in "New York Times") is a nested
        // mention, reported besides the longer one: only a shorter name reported instead of
        // the longer one is wrong.
        let whole = |ps: usize, pe: usize| {
            rows.iter().any(|o| {
                let (os, oe) = span_of(o);
                os <= ps && pe <= oe && o["name"] != name
            })
        };
        for r in rows.iter().filter(|r| r["name"] == name) {
            let (s, e) = span_of(r);
            if spans
                .iter()
                .any(|&(ps, pe)| s < pe && ps < e && !(ps <= s && e <= pe && whole(ps, pe)))
            {
                fails.push(format!(
                    "not_within: {:?} at {s}..{e} inside {phrase:?} reported as {name:?}",
                    r["text"]
                ));
            }
        }
    }
    for &(t, name, role) in c.roles {
        n += 1;
        let got: Vec<&str> = rows
            .iter()
            .filter(|r| r["text"] == t && r["name"] == name)
            .map(|r| r["role"].as_str())
            .collect();
        if !got.contains(&role) {
            fails.push(format!(
                "role: {t:?} -> {name:?} should have role {role:?}, has {got:?}"
            ));
        }
    }
    for (window, expected) in [("sentence", c.pairs), ("list", c.list_pairs)] {
        if expected.is_empty() {
            continue;
        }
        let out = run(dir.path(), &["comentions", "--window", window, p], None);
        assert!(
            out.status.success(),
            "{}: comentions --window {window}: {}",
            c.file,
            stderr(&out)
        );
        let have = pairs(&out.stdout);
        for &(a, b) in expected {
            n += 1;
            if !have.contains(&sorted(a, b)) {
                fails.push(format!("pairs ({window}): missing {a:?} + {b:?}"));
            }
        }
    }
    (n, fails)
}

fn assert_case(c: &Case) {
    let (n, fails) = check(c);
    eprintln!("{}: {n} assertions", c.file);
    assert!(
        fails.is_empty(),
        "{}: {} of {n} expectations failed:\n  {}",
        c.file,
        fails.len(),
        fails.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------------
// 01: Turkish politics, Syria, PKK
// ---------------------------------------------------------------------------------------------

const S01: &str = "01-ankara-talks.txt";

#[test]
fn sample_01_ankara_talks() {
    assert_case(&Case {
        file: S01,
        offsets: true,
        must: &[
            ("Turkey", "Turkey"),
            ("TURKEY", "Turkey"),
            ("Türkiye", "Turkey"),
            ("Ankara", "Ankara"),
            ("ANKARA", "Ankara"),
            ("Damascus", "Damascus"),
            ("Syria", "Syria"),
            ("Iraq", "Iraq"),
            ("Istanbul", "Istanbul"),
            ("Washington", "Washington, D.C."),
            ("US", "United States"),
            ("U.S.", "United States"),
            ("Fidan", "Hakan Fidan"),
            ("Hakan Fidan", "Hakan Fidan"),
            ("Asaad al-Shaibani", "Asaad al-Shaibani"),
            ("al-Shaibani", "Asaad al-Shaibani"),
            ("Kurdistan Workers' Party", "Kurdistan Workers' Party"),
            ("PKK", "Kurdistan Workers' Party"),
            ("Syrian Democratic Forces", "Syrian Democratic Forces"),
            ("SDF", "Syrian Democratic Forces"),
            ("Ahmed al-Sharaa", "Ahmed al-Sharaa"),
            ("Mazloum Abdi", "Mazloum Abdi"),
            ("Abdullah Öcalan", "Abdullah Öcalan"),
            ("Öcalan", "Abdullah Öcalan"),
            ("DEM Party", "Peoples' Equality and Democracy Party"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
            ("Erdoğan", "Recep Tayyip Erdoğan"),
            ("Erdogan", "Recep Tayyip Erdoğan"),
            (
                "Justice and Development Party",
                "Justice and Development Party (Turkey)",
            ),
            ("AKP", "Justice and Development Party (Turkey)"),
            ("Nationalist Movement Party", "Nationalist Movement Party"),
            ("Devlet Bahçeli", "Devlet Bahçeli"),
            ("Özgür Özel", "Özgür Özel"),
            ("Republican People’s Party", "Republican People's Party"),
            ("CHP", "Republican People's Party"),
            ("Ekrem İmamoğlu", "Ekrem İmamoğlu"),
            ("Assad", "Bashar al-Assad"),
            ("Tom Barrack", "Tom Barrack"),
            ("AFP", "Agence France-Presse"),
        ],
        must_not: &[
            ("Syrian", "Syria"),
            ("Turkish", "Turkey"),
            ("Iraqi", "Iraq"),
            ("Turkey’s", "Turkey"),
        ],
        absent: &["Washington (state)", "Georgia (country)"],
        not_text: MONTHS_AND_DAYS,
        not_within: &[
            ("Syrian Democratic Forces", "Syria"),
            ("Kurdistan Workers' Party", "Kurdistan Region"),
            ("Istanbul Mayor", "Ekrem İmamoğlu"),
        ],
        pairs: &[
            ("Hakan Fidan", "Asaad al-Shaibani"),
            ("Hakan Fidan", "Ankara"),
            ("Ahmed al-Sharaa", "Mazloum Abdi"),
            ("Syrian Democratic Forces", "United States"),
            ("Syrian Democratic Forces", "Northeast Syria"),
            (
                "Recep Tayyip Erdoğan",
                "Justice and Development Party (Turkey)",
            ),
            ("Özgür Özel", "Republican People's Party"),
            ("Ekrem İmamoğlu", "Istanbul"),
            ("Bashar al-Assad", "Ankara"),
            ("Tom Barrack", "Recep Tayyip Erdoğan"),
            ("Tom Barrack", "Turkey"),
            ("Abdullah Öcalan", "Peoples' Equality and Democracy Party"),
        ],
        roles: &[
            ("Hakan Fidan", "Hakan Fidan", "Foreign Minister"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "President"),
            ("Ahmed al-Sharaa", "Ahmed al-Sharaa", "President"),
        ],
        ..NONE
    });
}

// ---------------------------------------------------------------------------------------------
// 02: Gaza ceasefire, Iran
// ---------------------------------------------------------------------------------------------

const S02: &str = "02-gaza-ceasefire.txt";

#[test]
fn sample_02_gaza_ceasefire() {
    assert_case(&Case {
        file: S02,
        offsets: true,
        must: &[
            ("Gaza", "Gaza Strip"),
            ("Gaza Strip|the Gaza Strip", "Gaza Strip"),
            ("Israel", "Israel"),
            ("Egypt", "Egypt"),
            ("Qatar", "Qatar"),
            ("Turkey", "Turkey"),
            ("Saudi Arabia", "Saudi Arabia"),
            ("Iran", "Iran"),
            ("Sharm el-Sheikh", "Sharm el-Sheikh"),
            ("U.S.", "United States"),
            ("US", "United States"),
            ("Hamas", "Hamas"),
            ("Marco Rubio", "Marco Rubio"),
            ("Rubio", "Marco Rubio"),
            ("Benjamin Netanyahu", "Benjamin Netanyahu"),
            ("Netanyahu", "Benjamin Netanyahu"),
            ("Donald Trump", "Donald Trump"),
            ("Trump", "Donald Trump"),
            ("Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"),
            ("Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
            ("Erdoğan", "Recep Tayyip Erdoğan"),
            ("Steve Witkoff", "Steve Witkoff"),
            ("Jared Kushner", "Jared Kushner"),
            ("Mohammed bin Salman", "Mohammed bin Salman"),
            ("Muhammad bin Salman", "Mohammed bin Salman"),
            ("Abbas Araghchi", "Abbas Araghchi"),
            (
                "International Atomic Energy Agency",
                "International Atomic Energy Agency",
            ),
            ("IAEA", "International Atomic Energy Agency"),
            ("Rafael Grossi", "Rafael Grossi"),
            (
                "Islamic Revolutionary Guard Corps",
                "Islamic Revolutionary Guard Corps",
            ),
            ("Quds Force", "Quds Force"),
            ("Esmail Qaani", "Esmail Qaani"),
            ("United Nations|The United Nations", "United Nations"),
        ],
        must_not: &[
            ("us", "United States"),
            ("Iranian", "Iran"),
            ("Israeli", "Israel"),
            ("Egyptian", "Egypt"),
            ("Turkish", "Turkey"),
            ("Saudi", "Saudi Arabia"),
            ("American", "United States"),
            ("Palestinian", "State of Palestine"),
            ("Palestinians", "State of Palestine"),
            ("Israel–Hamas", "Israel"),
            ("Hamas-run", "Hamas"),
            (
                "Islamic Revolutionary Guard Corps Quds Force",
                "Islamic Revolutionary Guard Corps",
            ),
            ("Islamic Revolutionary Guard Corps Quds Force", "Quds Force"),
            ("Corps Quds Force", "Quds Force"),
            ("Gaza City", "Gaza Strip"),
        ],
        absent: &["Georgia (country)", "Jordan"],
        not_text: MONTHS_AND_DAYS,
        not_within: &[("Let us be", "United States")],
        pairs: &[
            ("Marco Rubio", "Israel"),
            ("Marco Rubio", "Egypt"),
            ("Marco Rubio", "Gaza Strip"),
            ("Israel", "Hamas"),
            ("Marco Rubio", "United States"),
            ("Donald Trump", "Abdel Fattah el-Sisi"),
            ("Donald Trump", "Sharm el-Sheikh"),
            ("Tamim bin Hamad Al Thani", "Recep Tayyip Erdoğan"),
            ("Mohammed bin Salman", "Donald Trump"),
            ("Abbas Araghchi", "International Atomic Energy Agency"),
            ("Abbas Araghchi", "Rafael Grossi"),
            ("Islamic Revolutionary Guard Corps", "Quds Force"),
            ("Quds Force", "Esmail Qaani"),
            ("Steve Witkoff", "Jared Kushner"),
        ],
        roles: &[
            ("Marco Rubio", "Marco Rubio", "Secretary of State"),
            ("Benjamin Netanyahu", "Benjamin Netanyahu", "Prime Minister"),
            ("Donald Trump", "Donald Trump", "President"),
            ("Abbas Araghchi", "Abbas Araghchi", "Foreign Minister"),
            ("Rafael Grossi", "Rafael Grossi", "Director General"),
            ("Mohammed bin Salman", "Mohammed bin Salman", "Crown Prince"),
        ],
        ..NONE
    });
}

// ---------------------------------------------------------------------------------------------
// 03: Russia–Ukraine talks
// ---------------------------------------------------------------------------------------------

const S03: &str = "03-ukraine-talks.txt";

#[test]
fn sample_03_ukraine_talks() {
    assert_case(&Case {
        file: S03,
        offsets: true,
        must: &[
            ("Zelenskyy", "Volodymyr Zelenskyy"),
            ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
            ("Zelensky", "Volodymyr Zelenskyy"),
            ("Washington", "Washington, D.C."),
            ("Kremlin|the Kremlin", "Moscow Kremlin"),
            ("White House|the White House", "White House"),
            ("Donald Trump", "Donald Trump"),
            ("Trump", "Donald Trump"),
            ("Kyiv", "Kyiv"),
            ("Moscow", "Moscow"),
            ("Russia", "Russia"),
            ("Ukraine", "Ukraine"),
            ("Yulia Svyrydenko", "Yulia Svyrydenko"),
            ("Andriy Yermak", "Andriy Yermak"),
            ("Rustem Umerov", "Rustem Umerov"),
            ("Andrii Sybiha", "Andrii Sybiha"),
            ("Vladimir Putin", "Vladimir Putin"),
            ("Putin", "Vladimir Putin"),
            ("Yuri Ushakov", "Yuri Ushakov"),
            ("Ushakov", "Yuri Ushakov"),
            ("Budapest", "Budapest"),
            ("Hungary", "Hungary"),
            ("Oleksandr Syrskyi", "Oleksandr Syrskyi"),
            ("NATO", "NATO"),
            ("Emmanuel  Macron", "Emmanuel Macron"),
            ("Europe", "Europe"),
            ("Keir Starmer", "Keir Starmer"),
            ("Pete Hegseth", "Pete Hegseth"),
            ("Georgia", "Georgia (country)"),
            ("Georgian Dream", "Georgian Dream"),
            ("European Union|the European Union", "European Union"),
            ("Tbilisi", "Tbilisi"),
        ],
        must_not: &[
            ("Russian", "Russia"),
            ("Ukrainian", "Ukraine"),
            ("French", "France"),
            ("British", "United Kingdom"),
            ("Georgian", "Georgia (country)"),
            ("American", "United States"),
            ("Russia’s", "Russia"),
            ("Putin's", "Vladimir Putin"),
        ],
        absent: &[
            "Georgia (U.S. state)",
            "Moscow, Idaho",
            "Washington (state)",
            "France",
            "United Kingdom",
        ],
        not_text: MONTHS_AND_DAYS,
        not_within: &[
            ("Georgian Dream", "Georgia (country)"),
            ("Russia–Ukraine", "Russian Armed Forces"),
        ],
        pairs: &[
            ("Volodymyr Zelenskyy", "Donald Trump"),
            ("Volodymyr Zelenskyy", "White House"),
            ("Russia", "Ukraine"),
            ("Donald Trump", "Vladimir Putin"),
            ("Yuri Ushakov", "Budapest"),
            ("Moscow", "Washington, D.C."),
            ("Emmanuel Macron", "Keir Starmer"),
            ("Pete Hegseth", "NATO"),
            ("Georgia (country)", "Russia"),
            ("Georgian Dream", "European Union"),
            ("Georgia (country)", "Tbilisi"),
            // the delegation sentence, across the line break after "and"
            ("Volodymyr Zelenskyy", "Yulia Svyrydenko"),
            ("Volodymyr Zelenskyy", "Andrii Sybiha"),
            ("Andriy Yermak", "Andrii Sybiha"),
            ("Andrii Sybiha", "Kyiv"),
        ],
        roles: &[
            ("Yulia Svyrydenko", "Yulia Svyrydenko", "Prime Minister"),
            ("Andrii Sybiha", "Andrii Sybiha", "Foreign Minister"),
            ("Oleksandr Syrskyi", "Oleksandr Syrskyi", "Gen."),
            ("Pete Hegseth", "Pete Hegseth", "Defense Secretary"),
            ("Donald Trump", "Donald Trump", "President"),
        ],
        ..NONE
    });
}

// ---------------------------------------------------------------------------------------------
// 04: US shutdown and economy
// ---------------------------------------------------------------------------------------------

const S04: &str = "04-shutdown-economy.txt";

#[test]
fn sample_04_shutdown_economy() {
    assert_case(&Case {
        file: S04,
        offsets: true,
        must: &[
            ("WASHINGTON", "Washington, D.C."),
            ("Washington", "Washington, D.C."),
            ("U.S.", "United States"),
            ("Congress", "United States Congress"),
            ("Senate", "United States Senate"),
            ("John Thune", "John Thune"),
            ("Democrats", "Democratic Party (United States)"),
            ("Chuck Schumer", "Chuck Schumer"),
            ("Mike Johnson", "Mike Johnson"),
            ("Hakeem Jeffries", "Hakeem Jeffries"),
            ("Donald Trump", "Donald Trump"),
            ("Trump", "Donald Trump"),
            ("Russell Vought", "Russell Vought"),
            ("Pete Hegseth", "Pete Hegseth"),
            ("Pentagon|the Pentagon", "The Pentagon"),
            ("Bureau of Labor Statistics", "Bureau of Labor Statistics"),
            ("Federal Reserve", "Federal Reserve"),
            ("Jerome Powell", "Jerome Powell"),
            (
                "Federal Reserve Bank of New York",
                "Federal Reserve Bank of New York",
            ),
            ("New York", "New York City"),
            (
                "Federal Aviation Administration",
                "Federal Aviation Administration",
            ),
            ("Sean Duffy", "Sean Duffy"),
            ("Georgia", "Georgia (U.S. state)"),
            ("Atlanta", "Atlanta"),
            ("Jon Ossoff", "Jon Ossoff"),
            ("Brian Kemp", "Brian Kemp"),
            ("The New York Times|New York Times", "The New York Times"),
            ("Scott Bessent", "Scott Bessent"),
            ("Midwest|the Midwest", "Midwestern United States"),
        ],
        must_not: &[
            ("turkey", "Turkey"),
            ("Jordan", "Jordan"),
            ("Georgia", "Georgia (country)"),
            ("Mr. Trump", "Donald Trump"),
        ],
        absent: &[
            "Turkey",
            "Jordan",
            "Georgia (country)",
            "Washington (state)",
        ],
        not_text: MONTHS_AND_DAYS,
        not_within: &[
            ("Jordan Ellis", "Jordan"),
            ("Federal Reserve Bank of New York", "New York City"),
            ("Federal Reserve Bank of New York", "New York (state)"),
            ("Federal Reserve Bank of New York", "Federal Reserve"),
            ("New York Times", "New York City"),
            ("New York Times", "New York (state)"),
        ],
        pairs: &[
            ("Donald Trump", "Democratic Party (United States)"),
            ("Pete Hegseth", "The Pentagon"),
            ("Jerome Powell", "Federal Reserve Bank of New York"),
            ("Georgia (U.S. state)", "Atlanta"),
            ("Jon Ossoff", "Brian Kemp"),
            ("Brian Kemp", "United States Congress"),
            ("Scott Bessent", "Democratic Party (United States)"),
        ],
        roles: &[
            ("Donald Trump", "Donald Trump", "President"),
            ("Pete Hegseth", "Pete Hegseth", "Defense Secretary"),
            ("Jon Ossoff", "Jon Ossoff", "Sen."),
            ("Brian Kemp", "Brian Kemp", "Gov."),
            ("Scott Bessent", "Scott Bessent", "Treasury Secretary"),
        ],
        ..NONE
    });
}

// ---------------------------------------------------------------------------------------------
// 05: Côte d'Ivoire election
// ---------------------------------------------------------------------------------------------

const S05: &str = "05-abidjan-election.txt";

#[test]
fn sample_05_abidjan_election() {
    assert_case(&Case {
        file: S05,
        offsets: true,
        must: &[
            ("ABIDJAN", "Abidjan"),
            ("Abidjan", "Abidjan"),
            ("Côte d'Ivoire", "Ivory Coast"),
            ("Côte d’Ivoire", "Ivory Coast"),
            ("Alassane Ouattara", "Alassane Ouattara"),
            ("Ouattara", "Alassane Ouattara"),
            ("Tidjane Thiam", "Tidjane Thiam"),
            ("Thiam", "Tidjane Thiam"),
            ("Credit Suisse", "Credit Suisse"),
            ("Laurent Gbagbo", "Laurent Gbagbo"),
            ("Gbagbo", "Laurent Gbagbo"),
            (
                "International Criminal Court",
                "International Criminal Court",
            ),
            ("The Hague", "The Hague"),
            ("Yamoussoukro", "Yamoussoukro"),
            ("Bouaké", "Bouaké"),
            (
                "Economic Community of West African States",
                "Economic Community of West African States",
            ),
            ("ECOWAS", "Economic Community of West African States"),
            ("African Union|the African Union", "African Union"),
            ("Mali", "Mali"),
            ("Burkina Faso", "Burkina Faso"),
            ("Niger", "Niger"),
            ("San-Pédro", "San-Pédro, Ivory Coast"),
            ("Ghana", "Ghana"),
            ("John Mahama", "John Mahama"),
        ],
        must_not: &[
            ("Ivorian", "Ivory Coast"),
            ("Ivorians", "Ivory Coast"),
            ("French", "France"),
            ("Constitutional Council", "Constitutional Council (France)"),
            ("Gbagbo", "Simone Ehivet Gbagbo"),
        ],
        absent: &["France", "Constitutional Council (France)"],
        not_text: &[
            "2010",
            "2011",
            "2010–2011",
            "September",
            "Saturday",
            "Tuesday",
        ],
        not_within: &[("Constitutional Council", "Constitutional Council (France)")],
        pairs: &[
            ("Alassane Ouattara", "Ivory Coast"),
            ("Tidjane Thiam", "Credit Suisse"),
            ("Laurent Gbagbo", "International Criminal Court"),
            ("International Criminal Court", "The Hague"),
            ("Laurent Gbagbo", "Alassane Ouattara"),
            ("Economic Community of West African States", "African Union"),
            ("Mali", "Burkina Faso"),
            ("Burkina Faso", "Niger"),
            ("John Mahama", "Ghana"),
        ],
        roles: &[
            ("Alassane Ouattara", "Alassane Ouattara", "President"),
            ("John Mahama", "John Mahama", "President"),
        ],
        ..NONE
    });
}

// ---------------------------------------------------------------------------------------------
// 06: APEC summit in South Korea
// ---------------------------------------------------------------------------------------------

const S06: &str = "06-gyeongju-apec.txt";

#[test]
fn sample_06_gyeongju_apec() {
    assert_case(&Case {
        file: S06,
        offsets: true,
        must: &[
            ("Gyeongju", "Gyeongju"),
            ("GYEONGJU", "Gyeongju"),
            ("South Korea", "South Korea"),
            ("US", "United States"),
            ("China", "China"),
            (
                "Asia-Pacific Economic Cooperation",
                "Asia-Pacific Economic Cooperation",
            ),
            ("APEC", "Asia-Pacific Economic Cooperation"),
            ("Donald Trump", "Donald Trump"),
            ("Trump", "Donald Trump"),
            ("Xi Jinping", "Xi Jinping"),
            ("Xi", "Xi Jinping"),
            ("White House|The White House|the White House", "White House"),
            ("Busan", "Busan"),
            ("Scott Bessent", "Scott Bessent"),
            ("He Lifeng", "He Lifeng"),
            ("Kuala Lumpur", "Kuala Lumpur"),
            ("Beijing", "Beijing"),
            ("Washington", "Washington, D.C."),
            ("Tokyo", "Tokyo"),
            ("Sanae Takaichi", "Sanae Takaichi"),
            ("Japan", "Japan"),
            ("Lee Jae-myung", "Lee Jae-myung"),
            ("Seoul", "Seoul"),
            ("Georgia", "Georgia (U.S. state)"),
            ("Nvidia", "Nvidia"),
            ("Jensen Huang", "Jensen Huang"),
            ("Samsung Electronics", "Samsung Electronics"),
            ("Lee Jae-yong", "Lee Jae-yong (businessman)"),
            ("Mark Carney", "Mark Carney"),
            ("Anwar Ibrahim", "Anwar Ibrahim"),
            ("Association of Southeast Asian Nations", "ASEAN"),
            ("ASEAN", "ASEAN"),
            ("North Korea", "North Korea"),
            ("Kim Jong Un", "Kim Jong Un"),
        ],
        must_not: &[
            ("china", "China"),
            ("Chinese", "China"),
            ("Japanese", "Japan"),
            ("Canadian", "Canada"),
            ("Malaysian", "Malaysia"),
            ("American", "United States"),
            ("Lee", "Lee Jae-yong (businessman)"),
            ("Georgia", "Georgia (country)"),
        ],
        absent: &["Georgia (country)", "Canada", "Malaysia"],
        not_text: MONTHS_AND_DAYS,
        not_within: &[
            ("South Korean", "South Korea"),
            ("Asia-Pacific Economic Cooperation", "Asia-Pacific"),
            ("Lee Jae-yong", "Lee Jae-myung"),
            ("Lee Jae-myung", "Lee Jae-yong (businessman)"),
            ("hand-painted china", "China"),
        ],
        pairs: &[
            ("United States", "China"),
            ("Donald Trump", "Xi Jinping"),
            ("Donald Trump", "Busan"),
            ("Scott Bessent", "He Lifeng"),
            ("He Lifeng", "Kuala Lumpur"),
            ("Sanae Takaichi", "Japan"),
            ("Donald Trump", "Tokyo"),
            ("Lee Jae-myung", "Donald Trump"),
            ("Jensen Huang", "Nvidia"),
            ("Lee Jae-yong (businessman)", "Samsung Electronics"),
            ("Mark Carney", "Anwar Ibrahim"),
            ("ASEAN", "Kuala Lumpur"),
            ("Donald Trump", "Kim Jong Un"),
        ],
        roles: &[
            ("Donald Trump", "Donald Trump", "President"),
            ("Xi Jinping", "Xi Jinping", "President"),
            ("Scott Bessent", "Scott Bessent", "Treasury Secretary"),
            ("He Lifeng", "He Lifeng", "Vice Premier"),
            ("Lee Jae-myung", "Lee Jae-myung", "President"),
            ("Mark Carney", "Mark Carney", "Prime Minister"),
            ("Anwar Ibrahim", "Anwar Ibrahim", "Prime Minister"),
        ],
        ..NONE
    });
}

// ---------------------------------------------------------------------------------------------
// Known gaps: expectations that are right (checked against the article and the gazetteers) but
// that the current build does not meet. Run them with `-- --ignored`.
// ---------------------------------------------------------------------------------------------

#[test]
fn known_gaps_02() {
    assert_case(&Case {
        file: S02,
        not_within: &[("Gaza City", "Gaza Strip")],
        ..NONE
    });
}

#[test]
fn known_gaps_03() {
    assert_case(&Case {
        file: S03,
        must: &[(
            "National Security and Defense Council",
            "National Security and Defense Council of Ukraine",
        )],
        list_pairs: &[
            ("Yulia Svyrydenko", "Andriy Yermak"),
            ("Yulia Svyrydenko", "Rustem Umerov"),
            ("Yulia Svyrydenko", "Andrii Sybiha"),
            ("Andriy Yermak", "Rustem Umerov"),
            ("Andriy Yermak", "Andrii Sybiha"),
            ("Rustem Umerov", "Andrii Sybiha"),
        ],
        ..NONE
    });
}

#[test]
fn known_gaps_04() {
    assert_case(&Case {
        file: S04,
        must: &[
            ("Republicans", "Republican Party (United States)"),
            ("Fed", "Federal Reserve"),
        ],
        pairs: &[
            ("John Thune", "United States Senate"),
            ("Chuck Schumer", "Democratic Party (United States)"),
            ("Republican Party (United States)", "Jon Ossoff"),
            ("Jerome Powell", "Federal Reserve"),
        ],
        roles: &[
            ("John Thune", "John Thune", "Senate Majority Leader"),
            ("Chuck Schumer", "Chuck Schumer", "Senate Minority Leader"),
            ("Mike Johnson", "Mike Johnson", "House Speaker"),
            (
                "Hakeem Jeffries",
                "Hakeem Jeffries",
                "House Minority Leader",
            ),
            ("Sean Duffy", "Sean Duffy", "Transportation Secretary"),
            ("Jerome Powell", "Jerome Powell", "Fed Chair"),
        ],
        ..NONE
    });
}

#[test]
fn known_gaps_05() {
    assert_case(&Case {
        file: S05,
        not_within: &[("Simone Ehivet Gbagbo", "Laurent Gbagbo")],
        ..NONE
    });
}

#[test]
#[ignore = "known gap: \"Lee’s office\" (the host, Lee Jae-myung) is not tagged"]
fn known_gaps_06() {
    assert_case(&Case {
        file: S06,
        must: &[("Lee", "Lee Jae-myung")],
        ..NONE
    });
}
