//! The co-mentions table: one row per pair of entities named in the same window of a document.

use super::csv::{push_field, push_num};
use super::Format;
use crate::comentions::{Pairs, Window};
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use serde::Serialize;

/// Columns of the co-mentions table; the second is named after the window.
pub fn pair_columns(window: Window) -> [&'static str; 8] {
    [
        "doc_id",
        window.as_str(),
        "source_id",
        "source_name",
        "target_id",
        "target_name",
        "source_type",
        "target_type",
    ]
}

struct PairRow<'a> {
    doc_id: &'a str,
    window_name: &'a str,
    window: u32,
    source_id: &'a str,
    source_name: &'a str,
    target_id: &'a str,
    target_name: &'a str,
    source_type: &'a str,
    target_type: &'a str,
}

/// Renders the co-mention rows of one document.
pub fn render_pairs(
    g: &Gazetteer,
    doc_id: &str,
    ex: &Extraction,
    pairs: &Pairs,
    window: Window,
    format: Format,
) -> Vec<u8> {
    if format == Format::Csv {
        return pair_rows_csv(g, doc_id, ex, pairs);
    }
    let mut out = Vec::new();
    for p in &pairs.pairs {
        let row = PairRow {
            doc_id,
            window_name: window.as_str(),
            window: p.window,
            source_id: ex.entity_id(g, p.source),
            source_name: ex.entity_name(g, p.source),
            target_id: ex.entity_id(g, p.target),
            target_name: ex.entity_name(g, p.target),
            source_type: ex.entity_type(g, p.source),
            target_type: ex.entity_type(g, p.target),
        };
        serde_json::to_writer(&mut out, &row).expect("write to memory");
        out.push(b'\n');
    }
    out
}

/// Bytes a pair row takes besides its document id, with room to spare.
const PAIR_ROW_BYTES: usize = 96;

/// The co-mention rows of one document as CSV, written field by field as the csv crate would
/// write them, with the document id rendered once.
fn pair_rows_csv(g: &Gazetteer, doc_id: &str, ex: &Extraction, pairs: &Pairs) -> Vec<u8> {
    let mut doc = Vec::with_capacity(doc_id.len() + 1);
    push_field(&mut doc, doc_id);
    doc.push(b',');
    let mut out = Vec::with_capacity(pairs.pairs.len() * (doc.len() + PAIR_ROW_BYTES));
    let mut num = itoa::Buffer::new();
    for p in &pairs.pairs {
        out.extend_from_slice(&doc);
        push_num(&mut out, &mut num, p.window);
        for f in [
            ex.entity_id(g, p.source),
            ex.entity_name(g, p.source),
            ex.entity_id(g, p.target),
            ex.entity_name(g, p.target),
            ex.entity_type(g, p.source),
        ] {
            push_field(&mut out, f);
            out.push(b',');
        }
        push_field(&mut out, ex.entity_type(g, p.target));
        out.push(b'\n');
    }
    out
}

/// A pair as JSON, with the window key named after the window ("sentence": 3).
impl Serialize for PairRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("doc_id", self.doc_id)?;
        m.serialize_entry(self.window_name, &self.window)?;
        m.serialize_entry("source_id", self.source_id)?;
        m.serialize_entry("source_name", self.source_name)?;
        m.serialize_entry("target_id", self.target_id)?;
        m.serialize_entry("target_name", self.target_name)?;
        m.serialize_entry("source_type", self.source_type)?;
        m.serialize_entry("target_type", self.target_type)?;
        m.end()
    }
}
