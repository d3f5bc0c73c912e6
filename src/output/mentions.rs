//! The mentions table: one row per mention, with its entity, where it is and how it was found.

use super::csv::{push_field, push_field_bytes, push_num};
use super::Format;
use crate::extract::Extraction;
use crate::gazetteer::{Gazetteer, LatLon};
use crate::model::{EntityRef, Field, MatchKind, Mention};
use serde::Serialize;
use std::ops::Range;
use std::sync::OnceLock;

/// Columns of the mentions table.
pub const MENTION_COLUMNS: &[&str] = &[
    "doc_id",
    "entity_id",
    "name",
    "type",
    "start",
    "end",
    "text",
    "sentence",
    "paragraph",
    "field",
    "match",
    "role",
    "list",
];

/// Columns that `--geo` adds to the mentions table: the entity's country and coordinates.
pub const GEO_COLUMNS: &[&str] = &["country", "lat", "lon"];

#[derive(Serialize)]
struct MentionRow<'a> {
    doc_id: &'a str,
    entity_id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    sentence: u32,
    paragraph: u32,
    field: &'a str,
    #[serde(rename = "match")]
    how: &'a str,
    role: &'a str,
    list: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lon: Option<f64>,
}

/// The country and coordinates of an entity, when the gazetteer gives them (never for one found
/// by a rule).
fn geo_of(g: &Gazetteer, e: EntityRef) -> (Option<&str>, Option<LatLon>) {
    match e {
        EntityRef::Known(i) => {
            let e = g.entity(i);
            (e.country.as_deref(), e.coordinates)
        }
        EntityRef::New(_) => (None, None),
    }
}

/// Appends `,country,lat,lon` to a row, each empty when unknown.
fn push_geo(out: &mut Vec<u8>, (country, at): (Option<&str>, Option<LatLon>)) {
    use std::io::Write;
    out.push(b',');
    push_field(out, country.unwrap_or(""));
    out.push(b',');
    if let Some(at) = at {
        write!(out, "{},{}", at.lat, at.lon).expect("write to memory");
    } else {
        out.push(b',');
    }
}

/// The entity columns of mention rows (`id,name,type,` as CSV) of a gazetteer's entities, each
/// written the first time one of its mentions is and then copied: most mentions in a corpus are
/// of entities met in earlier documents, and writing the three fields is most of a row's work.
/// Shared by the workers of a run, which fill it as they go; made for one gazetteer. Rendering
/// with a table of another size (the default is empty) writes the columns without it.
#[derive(Default)]
pub struct EntityColumns {
    /// By entity number.
    pub(super) written: Vec<ColumnsSlot>,
}

/// Bytes of entity columns kept in an entity's own slot; with the slot's state they fill one
/// cache line. Nearly every entity's `id,name,type,` fits.
pub(super) const INLINE_COLUMNS: usize = 54;

/// One entity's columns, in a cache line of its own. The matcher's tables push an entity's
/// columns out of the cache between the documents that name it, so each first copy in a
/// document misses: with the bytes beside the state that says they are written, it misses once
/// where a state and a separate allocation would miss twice.
#[derive(Default)]
#[repr(align(64))]
pub(super) struct ColumnsSlot(OnceLock<Written>);

/// An entity's columns once written.
pub(super) enum Written {
    /// The first `len` bytes.
    Inline {
        len: u8,
        bytes: [u8; INLINE_COLUMNS],
    },
    /// Columns longer than [`INLINE_COLUMNS`].
    Spilled(Box<[u8]>),
}

impl Written {
    pub(super) fn new(columns: &[u8]) -> Written {
        match columns.len() {
            len if len <= INLINE_COLUMNS => {
                let mut bytes = [0; INLINE_COLUMNS];
                bytes[..len].copy_from_slice(columns);
                Written::Inline {
                    len: len as u8,
                    bytes,
                }
            }
            _ => Written::Spilled(columns.into()),
        }
    }

    /// Appends the columns to `out`.
    #[inline]
    pub(super) fn push_to(&self, out: &mut Vec<u8>) {
        match self {
            Written::Inline { len, bytes } => out.extend_from_slice(&bytes[..usize::from(*len)]),
            Written::Spilled(b) => out.extend_from_slice(b),
        }
    }
}

impl EntityColumns {
    /// Room for the entities of `g`, none written yet.
    pub fn new(g: &Gazetteer) -> EntityColumns {
        EntityColumns {
            written: g
                .entities()
                .iter()
                .map(|_| ColumnsSlot::default())
                .collect(),
        }
    }

    /// Appends the entity columns of gazetteer entity `i` of `g` to `out`, written the first
    /// time.
    #[inline]
    fn push_to(&self, g: &Gazetteer, i: u32, out: &mut Vec<u8>) {
        self.written[i as usize]
            .0
            .get_or_init(|| {
                let e = g.entity(i);
                let mut columns = Vec::new();
                push_entity_columns(&mut columns, &e.id, &e.name, g.type_name(i));
                Written::new(&columns)
            })
            .push_to(out)
    }
}

/// Appends `id,name,type,` as fields of a CSV row.
fn push_entity_columns(out: &mut Vec<u8>, id: &str, name: &str, kind: &str) {
    for f in [id, name, kind] {
        push_field(out, f);
        out.push(b',');
    }
}

/// Renders the mention rows of one document; `columns` are those of the gazetteer `g`. With
/// `geo`, rows end in the [`GEO_COLUMNS`].
#[allow(clippy::too_many_arguments)]
pub fn render_mentions(
    g: &Gazetteer,
    columns: &EntityColumns,
    doc_id: &str,
    ex: &Extraction,
    title: Option<&str>,
    text: &str,
    format: Format,
    geo: bool,
) -> Vec<u8> {
    let title = title.unwrap_or("");
    match format {
        Format::Csv => mention_rows_csv(g, columns, doc_id, ex, title, text, geo),
        Format::Jsonl => {
            let mut out = Vec::new();
            for m in &ex.mentions {
                let (country, at) = if geo {
                    geo_of(g, m.entity)
                } else {
                    (None, None)
                };
                let row = MentionRow {
                    doc_id,
                    entity_id: ex.entity_id(g, m.entity),
                    name: ex.entity_name(g, m.entity),
                    kind: ex.entity_type(g, m.entity),
                    start: m.start,
                    end: m.end,
                    text: written(m, title, text),
                    sentence: m.sentence,
                    paragraph: m.paragraph,
                    field: m.field.as_str(),
                    how: m.kind.as_str(),
                    role: m.role.as_deref().unwrap_or(""),
                    list: m.list,
                    country,
                    lat: at.map(|a| a.lat),
                    lon: at.map(|a| a.lon),
                };
                serde_json::to_writer(&mut out, &row).expect("write to memory");
                out.push(b'\n');
            }
            out
        }
    }
}

/// The field and match columns of a mention row, each with its comma: labels never need quotes,
/// so they are appended as one piece.
pub(super) fn labels(field: Field, how: MatchKind) -> &'static str {
    macro_rules! with_field {
        ($field:literal) => {
            match how {
                MatchKind::Exact => concat!($field, ",exact,"),
                MatchKind::Variant => concat!($field, ",variant,"),
                MatchKind::Surname => concat!($field, ",surname,"),
                MatchKind::Acronym => concat!($field, ",acronym,"),
                MatchKind::Coref => concat!($field, ",coref,"),
                MatchKind::Discovered => concat!($field, ",discovered,"),
            }
        };
    }
    match field {
        Field::Title => with_field!("title"),
        Field::Text => with_field!("text"),
    }
}

/// Where an entity's row beginning is remembered: Fibonacci hashing of its number.
fn prefix_slot(e: EntityRef) -> usize {
    /// 2^32 divided by the golden ratio: consecutive numbers land far apart.
    const FIBONACCI: u32 = 0x9E37_79B9;
    let k = match e {
        EntityRef::Known(i) => i,
        EntityRef::New(i) => !i,
    };
    (k.wrapping_mul(FIBONACCI) >> (32 - PREFIX_SLOTS.trailing_zeros())) as usize
}

/// The field a mention is in.
fn source<'t>(m: &Mention, title: &'t str, text: &'t str) -> &'t str {
    match m.field {
        Field::Title => title,
        Field::Text => text,
    }
}

/// A mention as written in its field.
fn written<'t>(m: &Mention, title: &'t str, text: &'t str) -> &'t str {
    &source(m, title, text)[m.byte_start..m.byte_end]
}

/// Bytes a mention row takes besides its document id, with room to spare: 72 on average in news.
const MENTION_ROW_BYTES: usize = 96;

/// Row beginnings remembered per document, by entity; a power of two.
const PREFIX_SLOTS: usize = 64;

/// The mention rows of one document as CSV, written field by field as the csv crate would write
/// them. A row begins with the document and the entity (`doc,id,name,type,`), which is written
/// out once per entity and then copied from the earlier row: a third of the mentions in news
/// repeat an entity of their document. The entities are kept in a small direct-mapped table that
/// forgets on collision, which costs a copy less and nothing more.
fn mention_rows_csv(
    g: &Gazetteer,
    columns: &EntityColumns,
    doc_id: &str,
    ex: &Extraction,
    title: &str,
    text: &str,
    geo: bool,
) -> Vec<u8> {
    let mut doc = Vec::with_capacity(doc_id.len() + 1);
    push_field(&mut doc, doc_id);
    doc.push(b',');
    let mut out = Vec::with_capacity(ex.mentions.len() * (doc.len() + MENTION_ROW_BYTES));
    let mut prefixes: [Option<(EntityRef, Range<usize>)>; PREFIX_SLOTS] =
        std::array::from_fn(|_| None);
    let mut num = itoa::Buffer::new();
    // A table made for another gazetteer (or none, the default) is not used: the columns are
    // written here.
    let cached = columns.written.len() == g.entities().len();
    for m in &ex.mentions {
        let slot = &mut prefixes[prefix_slot(m.entity)];
        match slot {
            Some((e, at)) if *e == m.entity => out.extend_from_within(at.clone()),
            _ => {
                let at = out.len();
                out.extend_from_slice(&doc);
                match m.entity {
                    EntityRef::Known(i) if cached => columns.push_to(g, i, &mut out),
                    EntityRef::Known(i) => {
                        let e = g.entity(i);
                        push_entity_columns(&mut out, &e.id, &e.name, g.type_name(i));
                    }
                    EntityRef::New(i) => {
                        let e = &ex.new_entities[i as usize];
                        push_entity_columns(&mut out, &e.id, &e.name, e.kind);
                    }
                }
                *slot = Some((m.entity, at..out.len()));
            }
        }
        push_row_end(&mut out, m, source(m, title, text).as_bytes(), &mut num);
        if geo {
            push_geo(&mut out, geo_of(g, m.entity));
        }
        out.push(b'\n');
    }
    out
}

/// The part of a mention row after its entity:
/// `start,end,text,sentence,paragraph,field,match,role,list`, without the line end.
fn push_row_end(out: &mut Vec<u8>, m: &Mention, src: &[u8], num: &mut itoa::Buffer) {
    push_num(out, num, m.start);
    push_num(out, num, m.end);
    push_field_bytes(out, &src[m.byte_start..m.byte_end]);
    out.push(b',');
    push_num(out, num, m.sentence);
    push_num(out, num, m.paragraph);
    out.extend_from_slice(labels(m.field, m.kind).as_bytes());
    if let Some(role) = &m.role {
        push_field(out, role);
    }
    out.push(b',');
    if let Some(l) = m.list {
        out.extend_from_slice(num.format(l).as_bytes());
    }
}
