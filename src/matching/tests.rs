//! Tests of matching: the fast paths against their plain versions, and matches by behaviour.

use super::builder::*;
use super::case::*;
use super::table::*;
use super::*;
use crate::codec::{Dec, Enc};
use crate::lexicon::Weak;
use crate::model::MatchKind;
use crate::text::Tokenizer;

#[test]
fn ascii_capitals_agree_with_folding_tokens() {
    for surface in [
        "U.S.",
        "al-Sharaa",
        "People's Party",
        "O'Brien",
        "Kim  Jong\nUn",
        "Russia's",
        "A\x0bB - C",
        "HTS",
        "x`Y",
    ] {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        surface_capitals(surface, &mut String::new(), &mut fast);
        surface_capitals_folded(surface, &mut String::new(), &mut slow);
        assert_eq!(fast, slow, "{surface:?}");
        let bits = ascii_capital_bits(surface.as_bytes(), 0, surface.len()).unwrap();
        let from_bits: Vec<bool> = (0..slow.len()).map(|i| bits >> i & 1 != 0).collect();
        assert_eq!(from_bits, slow, "{surface:?}");
        assert_eq!(bits >> slow.len(), 0, "{surface:?}");
    }
}

#[test]
fn ascii_token_hash_is_the_hash_of_the_fold() {
    let text = "Syria al-QAEDA x Netanyahu's Abcdefghijklmnopq Zz@[`{ 0189";
    let b = text.as_bytes();
    for t in Tokenizer::new(text) {
        let want = TokenHash::of(&text[t.start..t.end].to_ascii_lowercase());
        assert_eq!(ascii_token_hash(b, t.start, t.end).unwrap_or(want), want);
        // Far enough from the end, every ASCII token hashes the fast way.
        if t.start + 24 <= b.len() {
            assert_eq!(ascii_token_hash(b, t.start, t.end), Some(want));
        }
    }
    assert_eq!(ascii_token_hash("Erdoğan and more".as_bytes(), 0, 8), None);
}

#[test]
fn token_hashes_of_similar_long_tokens_differ() {
    // Two tokens that differ only in the top bytes of their first word and in their second
    // word: the shape of the collisions a weaker mix gave on a generated gazetteer.
    assert_ne!(TokenHash::of("dunselpolvel"), TokenHash::of("dunselhalvar"));
    assert_ne!(TokenHash::of("torberhalvar"), TokenHash::of("torberpolvel"));
    // Every combination of a few syllables, 6 to 18 bytes long: no two share a hash.
    let syllables = [
        "an", "ber", "dun", "el", "hal", "kor", "lv", "mir", "pol", "sel", "tor", "var", "zu",
        "ka", "ri", "os",
    ];
    let mut seen = rustc_hash::FxHashMap::default();
    for a in syllables {
        for b in syllables {
            for c in syllables {
                for d in syllables {
                    let t = format!("{a}{b}{c}{d}");
                    if let Some(other) = seen.insert(TokenHash::of(&t), t.clone()) {
                        assert_eq!(other, t, "{other} and {t} share a hash");
                    }
                }
            }
        }
    }
    assert!(seen.len() > 60_000);
}

fn matcher(aliases: &[(&str, u32)]) -> Matcher {
    let mut b = MatcherBuilder::new();
    for (a, e) in aliases {
        b.add(a, *e, MatchKind::Exact).unwrap();
    }
    b.build()
}

fn find(m: &Matcher, text: &str) -> Vec<(String, Vec<u32>)> {
    let mut out = Vec::new();
    m.scan(text, &mut Scratch::default(), &mut out);
    out.into_iter()
        .map(|o| {
            (
                text[o.start..o.end].to_string(),
                o.candidates.iter().map(|c| c.entity).collect(),
            )
        })
        .collect()
}

macro_rules! case {
    ($name:ident, $aliases:expr, $text:expr, $want:expr) => {
        #[test]
        fn $name() {
            let m = matcher(&$aliases);
            let want: Vec<(String, Vec<u32>)> = $want
                .iter()
                .map(|(s, e): &(&str, u32)| (s.to_string(), vec![*e]))
                .collect();
            assert_eq!(find(&m, $text), want);
        }
    };
}

// Case.
case!(
    capitals_match_title_case,
    [("Syria", 1)],
    "SYRIA IS working in Syria",
    [("SYRIA", 1), ("Syria", 1)]
);
case!(
    lowercase_never_matches_capitals,
    [("US", 1), ("Turkey", 2)],
    "let us eat turkey in the US",
    [("US", 1)]
);
case!(
    acronym_not_in_capitals_run,
    [("US", 1)],
    "LET US BE CLEAR: the US-backed force",
    [("US", 1)]
);
case!(
    short_capitals_are_an_acronym_not_a_word_alias,
    [("Aru", 1), ("OSU", 2), ("Xi", 3), ("PwC", 4)],
    "OSU and ARU met in Aru; Louis XI, Xi and PWC",
    [("OSU", 2), ("Aru", 1), ("Xi", 3), ("PWC", 4)]
);
case!(
    short_capitals_in_a_headline_match_a_word_alias,
    [("Aru", 1)],
    "FLOODS HIT ARU ISLANDS",
    [("ARU", 1)]
);
case!(
    lowercase_alias_letters_take_any_case,
    [("al-Qaeda", 1)],
    "Al-Qaeda and al-Qaeda, not al-qaeda",
    [("Al-Qaeda", 1), ("al-Qaeda", 1)]
);
// Diacritics, apostrophes, dashes, whitespace.
case!(
    diacritics_fold,
    [("Recep Tayyip Erdoğan", 1)],
    "Recep Tayyip Erdogan and RECEP TAYYIP ERDOĞAN",
    [("Recep Tayyip Erdogan", 1), ("RECEP TAYYIP ERDOĞAN", 1)]
);
case!(
    possessives,
    [("Russia", 1), ("Putin", 2)],
    "Russia’s and Putin's",
    [("Russia", 1), ("Putin", 2)]
);
case!(
    dashes_and_hyphens,
    [("Russia", 1), ("Syria", 2), ("US", 3), ("Iran", 4)],
    "Russia–Syria ties, US-backed, Iranian",
    [("Russia", 1), ("Syria", 2), ("US", 3)]
);
case!(
    line_break_inside_name,
    [("Maher al-Sharaa", 1)],
    "and\nMaher\nAl-Sharaa said",
    [("Maher\nAl-Sharaa", 1)]
);
case!(
    blank_line_breaks_name,
    [("Vladimir Putin", 1)],
    "Vladimir\n\nPutin",
    []
);
case!(
    dotted_abbreviation,
    [("U.S.", 1), ("St. Petersburg", 2)],
    "U.S. envoy in St. Petersburg, not St Petersburg",
    [("U.S.", 1), ("St. Petersburg", 2)]
);
// Longest match.
case!(
    longest_wins,
    [
        ("Al-Sharaa", 1),
        ("Maher Al-Sharaa", 2),
        ("Astana", 3),
        ("Astana Process", 4)
    ],
    "Maher Al-Sharaa and Al-Sharaa at the Astana Process in Astana",
    [
        ("Maher Al-Sharaa", 2),
        ("Al-Sharaa", 1),
        ("Astana Process", 4),
        ("Astana", 3)
    ]
);
case!(
    adjacent_names_stay_apart,
    [("Islamic Revolutionary Guard Corps", 1), ("Quds Force", 2)],
    "Islamic Revolutionary Guard Corps Quds Force commander",
    [("Islamic Revolutionary Guard Corps", 1), ("Quds Force", 2)]
);
case!(
    falls_back_to_shorter_when_longer_fails_case,
    [("Gaza", 1), ("Gaza Strip", 2)],
    "Gaza strip",
    [("Gaza", 1)]
);
case!(
    leading_article_is_context_not_name,
    [("the West", 1), ("The Hague", 2)],
    "The West and the West in The Hague",
    [("West", 1), ("West", 1), ("The Hague", 2)]
);
case!(
    article_alias_is_no_modifier_of_a_longer_name,
    [
        ("the South", 1),
        ("the West", 2),
        ("the West Bank", 3),
        ("South Africa", 4),
        ("the US", 5),
        ("the Gulf", 6),
        ("Gulf of Mexico", 7),
        ("France", 8)
    ],
    "the South African envoy, the West Midlands, the South-East, The South Korean bank, \
     the West Bank, the South Africa side, the South. Then the West said, the West's aims, \
     the South\nKorea, the West \u{c9}lys\u{e9}e, the US Senate, \
     the Gulf of Mexico, the South of France, the Gulf of the island, the Gulf ofMexico",
    [
        ("West Bank", 3),
        ("South Africa", 4),
        ("South", 1),
        ("West", 2),
        ("West", 2),
        ("South", 1),
        ("US", 5),
        ("Gulf of Mexico", 7),
        ("France", 8),
        ("Gulf", 6),
        ("Gulf", 6),
    ]
);
case!(
    no_match_inside_words,
    [("Iran", 1), ("Oman", 2)],
    "Iranian Romanian",
    []
);

#[test]
fn shared_alias_keeps_all_candidates() {
    let m = matcher(&[("Assad", 2), ("Assad", 1)]);
    assert_eq!(find(&m, "Assad"), vec![("Assad".to_string(), vec![1, 2])]);
}

#[test]
fn candidates_are_the_slice_they_were_made_from() {
    let c = |entity| Candidate {
        entity,
        kind: MatchKind::Exact,
        weak: Weak::No,
    };
    for all in [vec![], vec![c(1)], vec![c(1), c(2)], vec![c(3), c(1), c(2)]] {
        assert_eq!(&*Candidates::from_slice(&all), &all[..]);
    }
}

#[test]
fn an_alias_of_combining_marks_alone_builds_and_finds_nothing() {
    // Found by the gazetteer fuzz target: "\u{308}" folds to an empty token, and building the
    // scan's tables read its first byte.
    let m = matcher(&[("Ankara", 1), ("\u{308}", 1), ("\u{308} lcu", 1)]);
    let found = find(&m, "In Ankara \u{308} lcu today.");
    assert!(found.iter().any(|(t, _)| t == "Ankara"), "{found:?}");
}

#[test]
fn alias_without_word_is_refused() {
    let mut b = MatcherBuilder::new();
    assert_eq!(b.add(" - ", 0, MatchKind::Exact), Err(AliasProblem::NoWord));
}

#[test]
fn lowercase_words_inside_names_still_match_and_others_end_them() {
    let m = matcher(&[
        ("Republic of Korea", 1),
        ("Republic", 2),
        ("Indian subcontinent", 3),
        ("Moscow", 4),
        ("Moscow Kremlin", 5),
        ("the Kremlin", 6),
    ]);
    let got = |t: &str| find(&m, t);
    assert_eq!(
        got("the Republic of Korea said"),
        [("Republic of Korea".into(), vec![1])]
    );
    assert_eq!(got("a Republic offers"), [("Republic".into(), vec![2])]);
    assert_eq!(
        got("across the Indian subcontinent."),
        [("Indian subcontinent".into(), vec![3])]
    );
    assert_eq!(got("Moscow said"), [("Moscow".into(), vec![4])]);
    assert_eq!(got("the Moscow kremlin"), [("Moscow".into(), vec![4])]);
    assert_eq!(
        got("the Moscow Kremlin"),
        [("Moscow Kremlin".into(), vec![5])]
    );
    assert_eq!(
        got("in the Kremlin, the kremlin"),
        [("Kremlin".into(), vec![6])]
    );
}

#[test]
fn skipping_plain_words_agrees_with_the_word_by_word_loop() {
    let m = matcher(&[
        ("al-Sharaa", 1),
        ("Ahmed al-Sharaa", 1),
        ("de Mistura", 2),
        ("the Kremlin", 3),
        ("eBay", 4),
        ("a16z", 5),
        ("Syria", 6),
        ("thyssenkrupp", 7),
        ("'Amran", 8),
        ("#MeToo", 9),
        ("US", 10),
    ]);
    let texts = [
        "the Kremlin said al-Sharaa met de Mistura",
        "and then al-sharaa, al-Sharaa; de mistura or de Mistura.",
        "don't say the kremlin's dealers, the Kremlin's de'Mistura",
        "thyssenkrupp and thyssenkrupps and thyssenkruppe ebay eBay a16z a16",
        "words that go on longer than eight letters: notwithstanding theKremlin",
        "non-ASCII words: déjà vu, the Kremlin–Syria, naïve al-Sharaa é",
        "marks: 'Amran said #MeToo (Syria) [US] us... \"the Kremlin\"",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        // Words of one to nine letters, each length after a space and after a mark.
        "o de the deal thyss eBayer thyssen thyssenk thyssenkr a, de, the, deal, thyss, \
         thyssen, thyssenk, thyssenkr. de de de de de de de de de the the the the the",
        "tail words at the end: al-Sharaa",
        "ends with a free word: de",
        "mixed case words: deMistura alSharaa theKremlin ebAy a16Z US",
        "line\nbreaks\tand\r\ntabs the\nKremlin de\n\nMistura",
        "",
        "x",
        "al",
        "de Mistura",
    ];
    for text in texts {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        m.scan_with(text, &mut Scratch::default(), &mut fast, true);
        m.scan_with(text, &mut Scratch::default(), &mut slow, false);
        assert_eq!(fast, slow, "{text:?}");
        // Every suffix too: words cut anywhere, near the end of the text.
        for (i, _) in text.char_indices() {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            m.scan_with(&text[i..], &mut Scratch::default(), &mut fast, true);
            m.scan_with(&text[i..], &mut Scratch::default(), &mut slow, false);
            assert_eq!(fast, slow, "{:?}", &text[i..]);
        }
    }
    let got = find(&m, texts[0]);
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn a_start_that_needs_a_capitalized_word_next_stops_at_a_lowercase_one() {
    let m = matcher(&[("the Kremlin", 1), ("The Hague", 2), ("President Assad", 3)]);
    let table: [(&str, &[&str]); 9] = [
        ("the kremlin and the Kremlin", &["Kremlin"]),
        ("The hague, The Hague", &["The Hague"]),
        ("the  Kremlin, the\nKremlin, the-Kremlin", &["Kremlin"; 3]),
        ("the\n\nKremlin and the 'Kremlin'", &[]),
        ("President said, President Assad", &["President Assad"]),
        ("President assad and the", &[]),
        ("the", &[]),
        ("the é Kremlin", &[]),
        ("the\u{a0}Kremlin", &["Kremlin"]),
    ];
    for (text, want) in table {
        let got: Vec<String> = find(&m, text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn a_plain_the_is_skipped_as_scan_would_skip_it() {
    let texts = [
        "the kremlin and the Kremlin, the  ministry, the\nministry, the-ministry",
        "then the; the ministry of the Kremlin: thee theKremlin the1 the's the'ministry",
        "the é Kremlin, the ministry\u{a0}the Kremlin the",
    ];
    for aliases in [
        &[("the Kremlin", 1), ("Kremlin", 2)][..],
        &[("the Kremlin", 1), ("the", 2)],
        &[("the Kremlin", 1), ("the ministry", 2)],
        &[("thee", 1), ("Kremlin", 2)],
    ] {
        let m = matcher(aliases);
        assert_eq!(
            m.the_is_plain,
            aliases[0].0 == "the Kremlin" && aliases[1].0 == "Kremlin",
            "{aliases:?}"
        );
        for text in texts {
            for (i, _) in text.char_indices() {
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                m.scan_with(&text[i..], &mut Scratch::default(), &mut fast, true);
                m.scan_with(&text[i..], &mut Scratch::default(), &mut slow, false);
                assert_eq!(fast, slow, "{:?} with {aliases:?}", &text[i..]);
            }
        }
    }
}

#[test]
fn a_layout_written_and_read_back_scans_the_same_and_writes_the_same() {
    // Capitals past the 64th char, nodes with several variants, inner nodes that end
    // aliases and nodes that end none.
    let long =
        "Organisation for the Prohibition of Chemical Weapons and Related Matters Holdings Ltd";
    let m = matcher(&[
        (long, 1),
        ("Organisation", 2),
        ("Assad", 3),
        ("Assad", 4),
        ("ASSAD", 5),
        ("Bashar al-Assad", 6),
        ("US", 7),
    ]);
    let write = |m: &Matcher| {
        let mut e = Enc::default();
        m.encode(&mut e);
        e.buf
    };
    assert!(m.variants.iter().any(|v| v.flags & LONG_CAPS != 0));
    let bytes = write(&m);
    let back = Matcher::decode(&mut Dec::new(&bytes), 8).unwrap();
    assert_eq!(write(&back), bytes);
    let lower_tail = long.replace("Ltd", "ltd");
    for text in [
        long,
        &lower_tail,
        "Assad and ASSAD and Bashar al-Assad, the US and us",
    ] {
        assert_eq!(find(&m, text), find(&back, text), "{text:?}");
    }
    assert_eq!(find(&m, long), [(long.to_string(), vec![1])]);
    assert_eq!(
        find(&m, &lower_tail),
        [("Organisation".to_string(), vec![2])]
    );
    assert_eq!(
        find(&m, "ASSAD, Assad"),
        [
            ("ASSAD".to_string(), vec![3, 4, 5]),
            ("Assad".to_string(), vec![3, 4])
        ]
    );
}

#[test]
fn records_a_scan_reads_stay_small() {
    assert_eq!(std::mem::size_of::<Slot>(), 16);
    assert_eq!(std::mem::size_of::<Variant>(), 16);
}

#[test]
fn matcher_is_send_sync() {
    fn is<T: Send + Sync>() {}
    is::<Matcher>();
}
