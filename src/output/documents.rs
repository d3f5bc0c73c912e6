//! The documents table of `all`: one row per document with its size, how many people, groups and
//! places it names, and where it happens (its focus, see [`crate::geo`]), so that articles can
//! be counted, mapped and filtered without reading the mentions.

use super::{Format, Render};
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::geo::Focus;
use crate::input::Document;
use crate::model::EntityRef;
use serde::Serialize;

/// Columns of the documents table.
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "doc_id",
    "title",
    "chars",
    "mentions",
    "people",
    "groups",
    "places",
    "focus_country",
    "focus_place",
];

#[derive(Serialize)]
struct DocumentRow<'a> {
    doc_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    chars: usize,
    mentions: usize,
    people: usize,
    groups: usize,
    places: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    focus_country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    focus_place: Option<&'a str>,
}

/// Renders the row of `doc`, whose extraction is `ex` and focus `focus`.
pub fn render_document(
    g: &Gazetteer,
    doc: &Document,
    ex: &Extraction,
    focus: Option<Focus<'_>>,
    format: Format,
) -> Vec<u8> {
    let [people, groups, places] = distinct_by_type(g, ex);
    let row = DocumentRow {
        doc_id: &doc.id,
        title: doc.title.as_deref(),
        chars: doc.text.chars().count(),
        mentions: ex.mentions.len(),
        people,
        groups,
        places,
        focus_country: focus.map(|f| f.country),
        focus_place: focus.map(|f| &*g.entity(f.place).name),
    };
    let numbers = [row.chars, row.mentions, people, groups, places].map(|n| n.to_string());
    let fields = [
        row.doc_id,
        row.title.unwrap_or(""),
        &numbers[0],
        &numbers[1],
        &numbers[2],
        &numbers[3],
        &numbers[4],
        row.focus_country.unwrap_or(""),
        row.focus_place.unwrap_or(""),
    ];
    let mut r = Render::new(format);
    r.row(&fields, &row);
    r.finish()
}

/// How many distinct people, groups and places the document names.
fn distinct_by_type(g: &Gazetteer, ex: &Extraction) -> [usize; 3] {
    let mut entities: Vec<EntityRef> = ex.mentions.iter().map(|m| m.entity).collect();
    entities.sort_unstable();
    entities.dedup();
    let mut counts = [0; 3];
    for e in entities {
        match ex.entity_type(g, e) {
            "person" => counts[0] += 1,
            "group" => counts[1] += 1,
            "place" => counts[2] += 1,
            _ => {}
        }
    }
    counts
}
