//! Tests of the renderers against rows the csv crate writes from the same fields.

use super::csv::tests::csv_crate;
use super::mentions::{labels, ColumnsSlot, Written, INLINE_COLUMNS};
use super::*;
use crate::comentions::Pair;
use crate::comentions::{Pairs, Window};
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::gazetteer::GazetteerBuilder;
use crate::model::NewEntity;
use crate::model::{EntityRef, Field, MatchKind, Mention};

#[test]
fn an_entity_columns_slot_is_one_cache_line() {
    assert_eq!(std::mem::size_of::<ColumnsSlot>(), 64);
    let long = [b'x'; INLINE_COLUMNS + 1];
    for columns in [&long[..INLINE_COLUMNS], &long[..]] {
        let mut out = b"doc,".to_vec();
        Written::new(columns).push_to(&mut out);
        assert_eq!(&out[4..], columns);
    }
}

#[test]
fn rows_of_every_text_and_number_width_are_the_rows_of_their_fields() {
    // Texts of every span of up to twenty bytes, near the field's end and with bytes to
    // quote, numbers of every width.
    let g = comma_gazetteer();
    let title = "Putin meets Smith";
    let text = "Smith, \"Jr\" met\r\nPutin in Côte d’Ivoire at 10,000 feet, plain words here.";
    let nums = [
        0,
        9,
        10,
        99,
        100,
        12_345,
        9_999_999,
        10_000_000,
        u32::MAX as usize,
    ];
    let mut mentions = Vec::new();
    for (field, src) in [(Field::Title, title), (Field::Text, text)] {
        for byte_start in (0..=src.len()).filter(|&i| src.is_char_boundary(i)) {
            for byte_end in
                (byte_start..=src.len().min(byte_start + 20)).filter(|&i| src.is_char_boundary(i))
            {
                let k = mentions.len();
                let n = |j: usize| nums[(k * 7 + j * 3) % nums.len()];
                mentions.push(Mention {
                    entity: EntityRef::Known((k % 2) as u32),
                    field,
                    start: n(0),
                    end: n(1),
                    byte_start,
                    byte_end,
                    sentence: n(2) as u32,
                    paragraph: n(3) as u32,
                    kind: [MatchKind::Exact, MatchKind::Discovered][k % 2],
                    role: None,
                    list: None,
                });
            }
        }
    }
    let ex = Extraction {
        mentions,
        new_entities: Vec::new(),
        sentences: 1,
    };
    let ours = render_mentions(
        &g,
        &EntityColumns::new(&g),
        "d",
        &ex,
        Some(title),
        text,
        Format::Csv,
        false,
    );
    // Without a table (or with one of another gazetteer) the columns are written in place.
    let without = render_mentions(
        &g,
        &EntityColumns::default(),
        "d",
        &ex,
        Some(title),
        text,
        Format::Csv,
        false,
    );
    assert_eq!(without, ours);
    assert_eq!(
        String::from_utf8(ours).unwrap(),
        reference_rows(&g, "d", &ex, title, text)
    );
}

#[test]
fn labels_are_the_field_and_the_match() {
    use MatchKind::*;
    for field in [Field::Title, Field::Text] {
        for how in [Exact, Variant, Surname, Acronym, Coref, Discovered] {
            let want = format!("{},{},", field.as_str(), how.as_str());
            assert_eq!(labels(field, how), want);
        }
    }
}

/// Two entities, one with a comma in its id and a comma and quotes in its name.
fn comma_gazetteer() -> Gazetteer {
    GazetteerBuilder::new()
        .add_text(
            "t.tsv",
            "id\tname\ttype\taliases\n\
             putin\tVladimir Putin\tperson\t\n\
             q,1\tSmith, \"Jr\" Inc\tgroup\t\n",
        )
        .build()
        .unwrap()
}

#[test]
fn mention_rows_are_the_rows_of_their_fields() {
    let g = comma_gazetteer();
    let new = NewEntity {
        id: "new:a\"b".into(),
        name: "Line\nBreak\r".into(),
        kind: "place",
    };
    let title = "Putin, Smith";
    let text = "Smith, \"Jr\" met\r\nPutin and \"Line Break\" at 10,000 feet.";
    let mention = |entity, field, span: (usize, usize), kind, role: Option<&str>, list| {
        let src = if field == Field::Title { title } else { text };
        let start = src[..span.0].chars().count();
        Mention {
            entity,
            field,
            start,
            end: start + src[span.0..span.1].chars().count(),
            byte_start: span.0,
            byte_end: span.1,
            sentence: start as u32 * 3,
            paragraph: span.1 as u32 * 7,
            kind,
            role: role.map(Into::into),
            list,
        }
    };
    let putin = EntityRef::Known(g.find("putin").unwrap());
    let smith = EntityRef::Known(g.find("q,1").unwrap());
    let ex = Extraction {
        mentions: vec![
            mention(putin, Field::Title, (0, 6), MatchKind::Exact, None, None),
            mention(
                smith,
                Field::Title,
                (7, 12),
                MatchKind::Surname,
                None,
                Some(0),
            ),
            mention(
                smith,
                Field::Text,
                (0, 11),
                MatchKind::Variant,
                Some("Dr."),
                None,
            ),
            mention(
                putin,
                Field::Text,
                (16, 23),
                MatchKind::Coref,
                Some("a, \"b\""),
                None,
            ),
            mention(
                EntityRef::New(0),
                Field::Text,
                (28, 41),
                MatchKind::Discovered,
                None,
                Some(12_345_678),
            ),
            mention(
                putin,
                Field::Text,
                (44, 50),
                MatchKind::Acronym,
                Some(""),
                Some(7),
            ),
        ],
        new_entities: vec![new],
        sentences: 1,
    };
    for doc_id in ["doc-1", "", "a,\"b\"\n"] {
        let want = reference_rows(&g, doc_id, &ex, title, text);
        let ours = render_mentions(
            &g,
            &EntityColumns::new(&g),
            doc_id,
            &ex,
            Some(title),
            text,
            Format::Csv,
            false,
        );
        assert_eq!(String::from_utf8(ours).unwrap(), want);
    }
}

#[test]
fn pair_rows_are_the_rows_of_their_fields() {
    let g = comma_gazetteer();
    let id = |id: &str| EntityRef::Known(g.find(id).unwrap());
    let ex = Extraction {
        new_entities: vec![NewEntity {
            id: "new:\"x\"".into(),
            name: "X,\r\nY".into(),
            kind: "group",
        }],
        ..Default::default()
    };
    let pairs = Pairs {
        pairs: [
            (0, "putin", "q,1"),
            (3, "q,1", "putin"),
            (12_345, "putin", "putin"),
        ]
        .iter()
        .map(|&(window, a, b)| Pair {
            window,
            source: id(a),
            target: id(b),
        })
        .chain([Pair {
            window: 7,
            source: EntityRef::New(0),
            target: id("putin"),
        }])
        .collect(),
        skipped: 0,
    };
    for doc_id in ["doc-1", "", "a,\"b\"\n"] {
        let mut want = String::new();
        for p in &pairs.pairs {
            let window = p.window.to_string();
            want.push_str(&csv_crate(&[
                doc_id,
                &window,
                ex.entity_id(&g, p.source),
                ex.entity_name(&g, p.source),
                ex.entity_id(&g, p.target),
                ex.entity_name(&g, p.target),
                ex.entity_type(&g, p.source),
                ex.entity_type(&g, p.target),
            ]));
        }
        let ours = render_pairs(&g, doc_id, &ex, &pairs, Window::Sentence, Format::Csv);
        assert_eq!(String::from_utf8(ours).unwrap(), want);
    }
}

/// Mention rows as the csv crate writes them.
fn reference_rows(g: &Gazetteer, doc_id: &str, ex: &Extraction, title: &str, text: &str) -> String {
    let mut want = String::new();
    for m in &ex.mentions {
        let src = if m.field == Field::Title { title } else { text };
        let nums =
            [m.start, m.end, m.sentence as usize, m.paragraph as usize].map(|n| n.to_string());
        let list = m.list.map(|l| l.to_string()).unwrap_or_default();
        let row = [
            doc_id,
            ex.entity_id(g, m.entity),
            ex.entity_name(g, m.entity),
            ex.entity_type(g, m.entity),
            &nums[0],
            &nums[1],
            &src[m.byte_start..m.byte_end],
            &nums[2],
            &nums[3],
            m.field.as_str(),
            m.kind.as_str(),
            m.role.as_deref().unwrap_or(""),
            &list,
        ];
        want.push_str(&csv_crate(&row));
    }
    want
}

#[test]
fn geo_columns_end_the_rows_when_asked_for() {
    let g = GazetteerBuilder::new()
        .add_text(
            "t.tsv",
            "id\tname\ttype\taliases\tcountry\tlat\tlon\n\
             putin\tVladimir Putin\tperson\tPutin\tRU\t\t\n\
             damascus\tDamascus\tplace\t\tSY\t33.5102\t36.29128\n\
             europe\tEurope\tplace\t\t\t54\t-15.5\n",
        )
        .build()
        .unwrap();
    let ex = crate::Extractor::new(std::sync::Arc::new(g), Default::default());
    let text = "Putin flew to Damascus, then toured Europe with Ali Hassan Mahmoud, he said.";
    let x = ex.extract(&crate::Document {
        id: "d".into(),
        title: None,
        text: text.into(),
        date: None,
        bytes: 0,
    });
    let g = ex.gazetteer();
    assert!(x
        .mentions
        .iter()
        .any(|m| matches!(m.entity, EntityRef::New(_))));
    let geo = |rows: Vec<u8>| -> Vec<String> {
        let rows = String::from_utf8(rows).unwrap();
        rows.lines()
            .map(|l| l.splitn(14, ',').nth(13).unwrap_or("-").to_string())
            .collect()
    };
    let csv = render_mentions(
        g,
        &EntityColumns::new(g),
        "d",
        &x,
        None,
        text,
        Format::Csv,
        true,
    );
    assert_eq!(
        geo(csv.clone()),
        ["RU,,", "SY,33.5102,36.29128", ",54,-15.5", ",,"],
        "a person with a country, a city, a region, an entity found by a rule"
    );
    let without = render_mentions(
        g,
        &EntityColumns::new(g),
        "d",
        &x,
        None,
        text,
        Format::Csv,
        false,
    );
    let want: String = reference_rows(g, "d", &x, "", text)
        .lines()
        .zip(geo(csv.clone()))
        .map(|(row, geo)| format!("{row},{geo}\n"))
        .collect();
    assert_eq!(String::from_utf8(csv).unwrap(), want);
    assert_eq!(
        String::from_utf8(without).unwrap(),
        reference_rows(g, "d", &x, "", text)
    );
    let jsonl = render_mentions(
        g,
        &EntityColumns::default(),
        "d",
        &x,
        None,
        text,
        Format::Jsonl,
        true,
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["country"], "RU");
    assert!(lines[0].get("lat").is_none(), "absent, not null");
    assert_eq!(
        (lines[1]["lat"].as_f64(), lines[1]["lon"].as_f64()),
        (Some(33.5102), Some(36.29128))
    );
    assert!(lines[3].get("country").is_none());
}

#[test]
fn rows_of_many_entities_begin_with_their_own() {
    // More entities than remembered row beginnings, so that some share a place.
    let mut tsv = String::from("id\tname\ttype\taliases\n");
    for i in 0..300 {
        let kind = ["person", "group", "place"][i % 3];
        tsv.push_str(&format!("e{i}\tName, {i}\t{kind}\t\n"));
    }
    let g = GazetteerBuilder::new()
        .add_text("t.tsv", &tsv)
        .build()
        .unwrap();
    let text = "Some words of text.";
    let mentions = (0..2000u32)
        .map(|k| Mention {
            entity: if k % 5 == 0 {
                EntityRef::New(k % 3)
            } else {
                EntityRef::Known(k * 7919 % 300)
            },
            field: Field::Text,
            start: k as usize,
            end: k as usize + 4,
            byte_start: 5,
            byte_end: 10,
            sentence: k,
            paragraph: k / 10,
            kind: MatchKind::Exact,
            role: None,
            list: None,
        })
        .collect();
    let new_entities = (0..3)
        .map(|i| NewEntity {
            id: format!("new:{i}").into(),
            name: format!("New \"{i}\"").into(),
            kind: "person",
        })
        .collect();
    let ex = Extraction {
        mentions,
        new_entities,
        sentences: 1,
    };
    let ours = render_mentions(
        &g,
        &EntityColumns::new(&g),
        "d",
        &ex,
        None,
        text,
        Format::Csv,
        false,
    );
    assert_eq!(
        String::from_utf8(ours).unwrap(),
        reference_rows(&g, "d", &ex, "", text)
    );
}
