//! Discovery's rules on table cases, and its fast paths against their plain references.

use super::names::{canonical, slug};
use super::*;
use crate::lexicon::*;

fn disc() -> Discoverer {
    Discoverer::new(
        [
            "david", "jordan", "ahmed", "rania", "hussein", "leila", "karim",
        ]
        .iter()
        .map(|s| s.to_string()),
    )
}

#[test]
fn class_answers_as_the_map_does() {
    let d = disc();
    for (w, bits) in d.classes.iter() {
        assert_eq!(d.class(w), bits, "{:?}", String::from_utf8_lossy(w));
        // Words that are not keys: cut short, grown, with a byte changed.
        for other in [
            &w[..w.len() - 1],
            &[w, b"x"].concat(),
            &[b"q", &w[1..]].concat(),
        ] {
            let want = d.classes.get_plain(other);
            assert_eq!(d.class(other), want, "{:?}", String::from_utf8_lossy(other));
        }
    }
    assert!(d.classes.has_entries_in_place());
}

fn range_of(text: &str, needle: &str) -> (usize, usize) {
    let s = text.find(needle).expect("needle in text");
    (s, s + needle.len())
}

const LONG: &str = "The envoy was accompanied by Defense Minister Major General Murhaf Abu Qasra, \
    General Intelligence Chief Hussein Al-Salama, and\nPresidency Secretary-General Maher Al-Sharaa.";

struct Case {
    text: &'static str,
    taken: &'static [&'static str],
    want: &'static [(&'static str, NameType, &'static str)], // rule "" = any
}

const P: NameType = NameType::Person;
const G: NameType = NameType::Group;

const CASES: &[Case] = &[
    Case {
        text: LONG,
        taken: &[],
        want: &[
            ("Murhaf Abu Qasra", P, "title"),
            ("Hussein Al-Salama", P, "title"),
            ("Maher Al-Sharaa", P, "title"),
        ],
    },
    Case {
        text: LONG,
        taken: &["Hussein Al-Salama"],
        want: &[
            ("Murhaf Abu Qasra", P, "title"),
            ("Maher Al-Sharaa", P, "title"),
        ],
    },
    Case {
        text: "Crowds filled the square (credit: ALEXANDER ZEMLIANICHENKO/REUTERS) on the eve.",
        taken: &[],
        want: &[("Alexander Zemlianichenko", P, "credit")],
    },
    Case {
        text: "A damaged bridge near the border. (Photo: NEHIR OKTAY/AFP)",
        taken: &[],
        want: &[("Nehir Oktay", P, "credit")],
    },
    Case {
        text: "Volunteers unload flour. Photo by Tomas Brandt",
        taken: &[],
        want: &[("Tomas Brandt", P, "credit")],
    },
    Case {
        text: "Mr. Haddad said the talks would resume.",
        taken: &[],
        want: &[("Haddad", P, "honorific")],
    },
    Case {
        text: "The clinic is run by Dr. Leila Nasser.",
        taken: &[],
        want: &[("Leila Nasser", P, "honorific")],
    },
    Case {
        text: "the market is nervous, analyst Jordan Ellis said on a call",
        taken: &[],
        want: &[("Jordan Ellis", P, "")],
    },
    Case {
        text: "lawmaker Sami Darwish warned against the plan",
        taken: &[],
        want: &[("Sami Darwish", P, "attribution")],
    },
    Case {
        text: "\u{201c}We will stay,\u{201d} Tarek Mansour said.",
        taken: &[],
        want: &[("Tarek Mansour", P, "attribution")],
    },
    Case {
        text: "the plan will fail, said Nour Khalaf, a farmer.",
        taken: &[],
        want: &[("Nour Khalaf", P, "attribution")],
    },
    Case {
        text: "according to Omar Bakri Saleh the road is closed",
        taken: &[],
        want: &[("Omar Bakri Saleh", P, "attribution")],
    },
    Case {
        text: "She met Rania Haddad at the fair.",
        taken: &[],
        want: &[("Rania Haddad", P, "first-name")],
    },
    Case {
        text: "Farmers in the Jordan Valley planted early.",
        taken: &[],
        want: &[],
    },
    Case {
        text: "talks with the Russian-Syrian Joint Governmental Committee, which meets yearly",
        taken: &[],
        want: &[(
            "Russian-Syrian Joint Governmental Committee",
            G,
            "org-pattern",
        )],
    },
    Case {
        text: "the Ministry of Local Administration said roads reopened",
        taken: &[],
        want: &[("Ministry of Local Administration", G, "org-pattern")],
    },
    Case {
        text: "fighters of the Free Alawite Brigades clashed near Damascus University last week",
        taken: &[],
        want: &[
            ("Free Alawite Brigades", G, "org-pattern"),
            ("Damascus University", G, "org-pattern"),
        ],
    },
    Case {
        text: "a contract with Acme Holdings Ltd. was signed",
        taken: &[],
        want: &[("Acme Holdings Ltd.", G, "org-pattern")],
    },
    Case {
        text: "the Ministry of Health Spokesman Tarek Mansour spoke",
        taken: &[],
        want: &[
            ("Ministry of Health", G, "org-pattern"),
            ("Tarek Mansour", P, "title"),
        ],
    },
    Case {
        text: "Foreign and Expatriates Minister Asaad Hamdan arrived, as did Lt. Gen. Omar Khatib",
        taken: &[],
        want: &[("Asaad Hamdan", P, "title"), ("Omar Khatib", P, "title")],
    },
    Case {
        text: "Secretary of State Helen Marsh and Prime Minister Jordan Ellis's aides",
        taken: &[],
        want: &[("Helen Marsh", P, "title"), ("Jordan Ellis", P, "title")],
    },
    Case {
        text: "Then DEFENSE MINISTER MURHAF ABU QASRA spoke.",
        taken: &[],
        want: &[("Murhaf Abu Qasra", P, "title")],
    },
    Case {
        text: "a statement from the Army Chief\nSalim Idris Haddad arrived",
        taken: &[],
        want: &[("Salim Idris Haddad", P, "title")],
    },
    Case {
        text: "a statement from the Army Chief\n\nSalim Idris arrived",
        taken: &[],
        want: &[],
    },
    Case {
        text: "President Salim Idris Haddad spoke",
        taken: &["Haddad"],
        want: &[("Salim Idris", P, "title")],
    },
    Case {
        text:
            "a warning from the United Nations Office for the Coordination of Humanitarian Affairs",
        taken: &[],
        want: &[(
            "United Nations Office for the Coordination of Humanitarian Affairs",
            G,
            "org-pattern",
        )],
    },
    Case {
        text: "the Syrian Observatory for Human Rights said",
        taken: &[],
        want: &[("Syrian Observatory for Human Rights", G, "org-pattern")],
    },
    Case {
        text: "The Committee met.",
        taken: &[],
        want: &[],
    },
    Case {
        text: "Officials said the border was shut.",
        taken: &[],
        want: &[],
    },
    Case {
        text: "On Monday President",
        taken: &[],
        want: &[],
    },
];

#[test]
fn table() {
    let d = disc();
    for case in CASES {
        let taken: Vec<(usize, usize)> =
            case.taken.iter().map(|t| range_of(case.text, t)).collect();
        let got = d.find(case.text, &taken);
        let got_short: Vec<(String, NameType, &str)> = got
            .iter()
            .map(|f| (f.name.clone(), f.kind, f.rule))
            .collect();
        assert_eq!(
            got.len(),
            case.want.len(),
            "{:?}: {:?}",
            case.text,
            got_short
        );
        for (f, (name, kind, rule)) in got.iter().zip(case.want) {
            assert_eq!(&f.name, name, "{:?}: {:?}", case.text, got_short);
            assert_eq!(f.kind, *kind, "{:?}: {:?}", case.text, got_short);
            if !rule.is_empty() {
                assert_eq!(f.rule, *rule, "{:?}: {:?}", case.text, got_short);
            }
            // span sanity: canonical of the span is the name; no overlap with taken
            assert_eq!(canonical(&case.text[f.start..f.end]), f.name);
            for &(ts, te) in &taken {
                assert!(f.end <= ts || f.start >= te, "{:?} overlaps taken", f);
            }
        }
        for pair in got.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
    }
}

#[test]
fn credit_span_covers_written_caps() {
    let text = "(credit: ALEXANDER ZEMLIANICHENKO/REUTERS)";
    let got = disc().find(text, &[]);
    assert_eq!(got.len(), 1);
    assert_eq!(&text[got[0].start..got[0].end], "ALEXANDER ZEMLIANICHENKO");
    assert_eq!(got[0].name, "Alexander Zemlianichenko");
    assert_eq!(got[0].rule, "credit");
}

#[test]
fn canonical_forms() {
    assert_eq!(canonical("ABU QASRA"), "Abu Qasra");
    assert_eq!(
        canonical("ALEXANDER ZEMLIANICHENKO"),
        "Alexander Zemlianichenko"
    );
    assert_eq!(canonical("BASHAR AL-ASSAD"), "Bashar al-Assad");
    assert_eq!(canonical("MOHAMMED BIN SALMAN"), "Mohammed bin Salman");
    assert_eq!(canonical("LUDWIG VAN DAM"), "Ludwig van Dam");
    assert_eq!(canonical("SEAN O'BRIEN"), "Sean O'Brien");
    assert_eq!(canonical("Maher  \n Al-Sharaa"), "Maher Al-Sharaa");
    assert_eq!(canonical("ŞENOL GÜNEŞ"), "Şenol Güneş");
}

#[test]
fn slugs() {
    assert_eq!(slug("Murhaf Abu Qasra"), "murhaf-abu-qasra");
    assert_eq!(slug("Erdoğan Ş"), "erdogan-s");
    assert_eq!(slug("  Hussein Al-Salama "), "hussein-al-salama");
    assert_eq!(slug("İlkay Gündoğan"), "ilkay-gundogan");
    assert_eq!(slug("José Müller-Lüdenscheidt"), "jose-muller-ludenscheidt");
    assert_eq!(slug("O'Brien"), "o-brien");
    assert_eq!(slug("Nguyễn Phú Trọng"), "nguyen-phu-trong");
    assert_eq!(slug("Ørsted Straße"), "orsted-strasse");
    assert_eq!(slug("Путин"), "");
}

/// What the sparse split of `tokenize` assumes of the tables: a plain word (no capital, no
/// non-ASCII byte) is a suffix or starter only as "plc", and a particle has at most 4 bytes.
#[test]
fn tables_keep_the_sparse_split_sound() {
    let plain = |w: &str| !w.bytes().any(|c| c.is_ascii_uppercase() || c >= 0x80);
    for w in ORG_SUFFIXES.iter().chain(ORG_STARTERS) {
        assert!(!plain(w) || *w == "plc", "{w}");
    }
    for w in TITLE_HEADS.iter().chain(TITLE_MODIFIERS).chain(HONORIFICS) {
        assert!(!plain(w), "{w}");
    }
    assert!(NAME_PARTICLES.iter().all(|w| w.len() <= 4));
    assert!(ABBREVIATIONS.iter().all(|w| !plain(w)));
}

#[test]
fn send_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Discoverer>();
}

#[test]
fn lowercase_text_yields_nothing() {
    let words = [
        "the",
        "market",
        "said",
        "analyst",
        "according",
        "to",
        "of",
        "by",
    ];
    let mut text = String::with_capacity(200_100);
    let mut i = 0;
    while text.len() < 200_000 {
        text.push_str(words[i % words.len()]);
        text.push(if i % 13 == 0 { '\n' } else { ' ' });
        i += 1;
    }
    assert!(disc().find(&text, &[]).is_empty());
}

/// Texts that hold every rule, and near misses of each.
const PRECHECK_TEXTS: &[&str] = &[
    "Mr al-Assad spoke. Dr. W. Smith came. MR. HADDAD left. Sir Karim arrived.",
    "Mohammed bin Salman said, and Omar W. Khatib added, that Jean de la Fontaine wrote.",
    "Acme plc and ACME HOLDINGS LTD. and the Ministry of Health met the Bank for Peace.",
    "JORDAN'S King Abdullah II and O'Brien-Smith and Jordan's Ellis met D'Arcy Vane.",
    "Photo by Tomas Brandt\nTomas Brandt/AFP (credit: ALEXANDER ZEMLIANICHENKO/REUTERS)",
    "said Nour Khalaf; according to Omar Bakri Saleh; Rania Haddad told; analyst Jordan Ellis",
    "Vice-President Şenol Güneş and Président Émile Zola and the İlkay Gündoğan case",
    "they sold Acme plc shares; a unit of plc and Bank of the plc and Gulf and plc here",
    "it went to the van der Berg estate, said Ludwig van der Berg; jean-Luc and al-Assad ran",
    "Mr.\n\nHaddad, Dr.  Leila, Dr-Leila, Mr.-Haddad, Karim\u{2019}s Odeh, Karim\u{2010}Odeh",
];

/// The precheck never hides a name: with and without it, `find` gives the same, over the
/// samples, the table cases and odd texts, each with no taken range and with every third
/// word taken.
#[test]
fn precheck_never_hides_a_name() {
    let d = disc();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    texts.extend(CASES.iter().map(|c| c.text.to_string()));
    texts.extend(PRECHECK_TEXTS.iter().map(|t| t.to_string()));
    let mut yielding = 0;
    for text in &texts {
        let mut pieces: Vec<&str> = text.split_inclusive(['\n', '.']).collect();
        pieces.push(text);
        for piece in pieces {
            let words: Vec<(usize, usize)> = piece
                .split(' ')
                .scan(0, |at, w| {
                    let s = *at;
                    *at += w.len() + 1;
                    Some((s, s + w.len()))
                })
                .filter(|r| r.1 > r.0)
                .collect();
            for step in [0, 2, 3] {
                let taken: Vec<(usize, usize)> = match step {
                    0 => Vec::new(),
                    k => words.iter().copied().skip(1).step_by(k).collect(),
                };
                let with = d.find_with(piece, &taken, true);
                assert_eq!(with, d.find_with(piece, &taken, false), "{piece:?}");
                yielding += usize::from(!with.is_empty());
            }
        }
    }
    assert!(yielding > 50, "{yielding}");
}

#[test]
fn empty_and_odd_inputs() {
    let d = disc();
    assert!(d.find("", &[]).is_empty());
    assert!(d.find("   \n\n ", &[]).is_empty());
    assert!(d.find("Ö", &[]).is_empty());
    assert!(d.find("'s", &[]).is_empty());
    // taken given unsorted is tolerated
    let text = "President Salim Idris spoke to Karim Odeh";
    let got = d.find(
        text,
        &[range_of(text, "Karim Odeh"), range_of(text, "President")],
    );
    assert!(got.is_empty(), "{got:?}");
}
