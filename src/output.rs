//! Output: mentions, co-mentions and the corpus network as CSV (RFC 4180, header first) or
//! JSON lines. Rows of a document are rendered into bytes by the worker that extracted it, so the
//! single writer thread only copies bytes in input order.

use crate::comentions::{Pairs, Window};
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::input::Rejected;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io::{self, Write};

/// How records are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// CSV with a header line (unless switched off).
    #[default]
    Csv,
    /// One JSON object per line.
    Jsonl,
}

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

/// Columns of the network's node table (Gephi reads Id and Label).
pub const NODE_COLUMNS: &[&str] = &["Id", "Label", "type", "mentions", "documents"];
/// Columns of the network's edge table (Gephi reads Source, Target, Type and Weight).
pub const EDGE_COLUMNS: &[&str] = &["Source", "Target", "Type", "Weight", "documents"];
/// Columns of the rejects table.
pub const REJECT_COLUMNS: &[&str] = &["source", "line", "reason", "record"];

/// Writes a CSV header (nothing for JSON lines, whose keys name themselves).
pub fn write_header(w: &mut dyn Write, format: Format, columns: &[&str]) -> io::Result<()> {
    if format == Format::Csv {
        let mut row = Vec::new();
        csv_row(&mut row, columns);
        w.write_all(&row)?;
    }
    Ok(())
}

/// Appends one CSV row as RFC 4180 and the csv crate's default writer have it: a field is quoted
/// when it holds a comma, a quote or a line break, with its quotes doubled; rows end in `\n`.
/// Written by hand because the csv writer's per-row machinery was an eighth of a whole run.
fn csv_row(out: &mut Vec<u8>, fields: &[&str]) {
    if let [only] = fields {
        if only.is_empty() {
            // A lone empty field would read back as an empty line, that is no record.
            out.extend_from_slice(b"\"\"\n");
            return;
        }
    }
    out.reserve(fields.iter().map(|f| f.len() + 3).sum());
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let b = f.as_bytes();
        if b.iter().any(|&c| matches!(c, b',' | b'"' | b'\n' | b'\r')) {
            out.push(b'"');
            for (k, part) in b.split(|&c| c == b'"').enumerate() {
                if k > 0 {
                    out.extend_from_slice(b"\"\"");
                }
                out.extend_from_slice(part);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(b);
        }
    }
    out.push(b'\n');
}

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
}

/// Writes records as CSV rows or JSON lines.
enum Render<W: Write> {
    /// The writer and a row buffer.
    Csv(W, Vec<u8>),
    Jsonl(W),
}

impl Render<Vec<u8>> {
    /// A renderer into memory, which cannot fail.
    fn new(format: Format) -> Self {
        match format {
            // Rows go straight into the output buffer.
            Format::Csv => Render::Csv(Vec::new(), Vec::new()),
            Format::Jsonl => Render::Jsonl(Vec::new()),
        }
    }

    fn row<T: Serialize>(&mut self, fields: &[&str], record: &T) {
        match self {
            Render::Csv(out, _) => csv_row(out, fields),
            Render::Jsonl(_) => self.write(fields, record).expect("write to memory"),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            Render::Csv(v, _) | Render::Jsonl(v) => v,
        }
    }
}

impl<W: Write> Render<W> {
    fn to(format: Format, w: W) -> Self {
        match format {
            Format::Csv => Render::Csv(w, Vec::new()),
            Format::Jsonl => Render::Jsonl(w),
        }
    }

    fn write<T: Serialize>(&mut self, fields: &[&str], record: &T) -> io::Result<()> {
        match self {
            Render::Csv(w, row) => {
                row.clear();
                csv_row(row, fields);
                w.write_all(row)
            }
            Render::Jsonl(w) => {
                serde_json::to_writer(&mut *w, record)?;
                w.write_all(b"\n")
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Render::Csv(w, _) | Render::Jsonl(w) => w.flush(),
        }
    }
}

/// Renders the mention rows of one document.
pub fn render_mentions(
    g: &Gazetteer,
    doc_id: &str,
    ex: &Extraction,
    title: Option<&str>,
    text: &str,
    format: Format,
) -> Vec<u8> {
    let mut r = Render::new(format);
    let mut nums = [
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
        itoa::Buffer::new(),
    ];
    for m in &ex.mentions {
        let src = match m.field {
            crate::Field::Title => title.unwrap_or(""),
            crate::Field::Text => text,
        };
        let row = MentionRow {
            doc_id,
            entity_id: ex.entity_id(g, m.entity),
            name: ex.entity_name(g, m.entity),
            kind: ex.entity_type(g, m.entity),
            start: m.start,
            end: m.end,
            text: &src[m.byte_start..m.byte_end],
            sentence: m.sentence,
            paragraph: m.paragraph,
            field: m.field.as_str(),
            how: m.kind.as_str(),
            role: m.role.as_deref().unwrap_or(""),
            list: m.list,
        };
        let [a, b, c, d, e] = &mut nums;
        let fields = [
            row.doc_id,
            row.entity_id,
            row.name,
            row.kind,
            a.format(row.start),
            b.format(row.end),
            row.text,
            c.format(row.sentence),
            d.format(row.paragraph),
            row.field,
            row.how,
            row.role,
            match row.list {
                Some(l) => e.format(l),
                None => "",
            },
        ];
        r.row(&fields, &row);
    }
    r.finish()
}

#[derive(Serialize)]
struct PairRow<'a> {
    doc_id: &'a str,
    #[serde(skip)]
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
    let mut r = Render::new(format);
    let mut num = itoa::Buffer::new();
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
        let fields = [
            row.doc_id,
            num.format(row.window),
            row.source_id,
            row.source_name,
            row.target_id,
            row.target_name,
            row.source_type,
            row.target_type,
        ];
        match format {
            Format::Csv => r.row(&fields, &row),
            Format::Jsonl => r.row(&fields, &JsonPair(&row)),
        }
    }
    r.finish()
}

/// A pair as JSON, with the window key named after the window ("sentence": 3).
struct JsonPair<'a, 'b>(&'b PairRow<'a>);

impl Serialize for JsonPair<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let p = self.0;
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("doc_id", p.doc_id)?;
        m.serialize_entry(p.window_name, &p.window)?;
        m.serialize_entry("source_id", p.source_id)?;
        m.serialize_entry("source_name", p.source_name)?;
        m.serialize_entry("target_id", p.target_id)?;
        m.serialize_entry("target_name", p.target_name)?;
        m.serialize_entry("source_type", p.source_type)?;
        m.serialize_entry("target_type", p.target_type)?;
        m.end()
    }
}

/// Renders one rejected record.
pub fn render_reject(rej: &Rejected, format: Format) -> Vec<u8> {
    #[derive(Serialize)]
    struct Row<'a> {
        source: &'a str,
        line: Option<u64>,
        reason: &'a str,
        record: &'a str,
    }
    let line = rej.line.map(|l| l.to_string()).unwrap_or_default();
    let row = Row {
        source: &rej.source,
        line: rej.line,
        reason: &rej.reason,
        record: &rej.record,
    };
    let mut r = Render::new(format);
    r.row(&[&rej.source, &line, &rej.reason, &rej.record], &row);
    r.finish()
}

/// A node as counted: label, type, mentions (and, in the corpus, documents).
type NodeCount = (Box<str>, Box<str>, u64);

/// What one document adds to the network: its entities with their mention counts, and its pairs
/// with the number of windows naming both.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocNetwork {
    nodes: Vec<(Box<str>, NodeCount)>,
    edges: Vec<(Box<str>, Box<str>, u64)>,
}

impl DocNetwork {
    /// The network contribution of one document.
    pub fn new(g: &Gazetteer, ex: &Extraction, pairs: &Pairs) -> DocNetwork {
        let mut nodes: FxHashMap<&str, (&str, &str, u64)> = FxHashMap::default();
        for m in &ex.mentions {
            let e = nodes.entry(ex.entity_id(g, m.entity)).or_insert((
                ex.entity_name(g, m.entity),
                ex.entity_type(g, m.entity),
                0,
            ));
            e.2 += 1;
        }
        let mut edges: FxHashMap<(&str, &str), u64> = FxHashMap::default();
        for p in &pairs.pairs {
            *edges
                .entry((ex.entity_id(g, p.source), ex.entity_id(g, p.target)))
                .or_default() += 1;
        }
        DocNetwork {
            nodes: nodes
                .into_iter()
                .map(|(id, (l, t, n))| (id.into(), (l.into(), t.into(), n)))
                .collect(),
            edges: edges
                .into_iter()
                .map(|((a, b), n)| (a.into(), b.into(), n))
                .collect(),
        }
    }
}

/// The who-appears-with-whom network of a corpus, built up document by document.
#[derive(Debug, Default)]
pub struct Network {
    nodes: FxHashMap<Box<str>, (NodeCount, u64)>,
    edges: FxHashMap<(Box<str>, Box<str>), (u64, u64)>,
}

impl Network {
    /// Adds one document.
    pub fn add(&mut self, d: DocNetwork) {
        for (id, (label, kind, n)) in d.nodes {
            let e = self.nodes.entry(id).or_insert(((label, kind, 0), 0));
            e.0 .2 += n;
            e.1 += 1;
        }
        for (a, b, n) in d.edges {
            let e = self.edges.entry((a, b)).or_default();
            e.0 += n;
            e.1 += 1;
        }
    }

    /// Number of edges.
    pub fn edges(&self) -> usize {
        self.edges.len()
    }

    /// Writes the node table, sorted by id.
    pub fn write_nodes(&self, w: &mut dyn Write, format: Format, header: bool) -> io::Result<()> {
        if header {
            write_header(w, format, NODE_COLUMNS)?;
        }
        let mut ids: Vec<_> = self.nodes.iter().collect();
        ids.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut r = Render::to(format, w);
        for (id, ((label, kind, mentions), docs)) in ids {
            #[derive(Serialize)]
            #[allow(non_snake_case)]
            struct Node<'a> {
                Id: &'a str,
                Label: &'a str,
                #[serde(rename = "type")]
                kind: &'a str,
                mentions: u64,
                documents: u64,
            }
            let (m, d) = (mentions.to_string(), docs.to_string());
            let node = Node {
                Id: id,
                Label: label,
                kind,
                mentions: *mentions,
                documents: *docs,
            };
            r.write(&[id, label, kind, &m, &d], &node)?;
        }
        r.flush()
    }

    /// Writes the edge table (undirected), sorted by source then target.
    pub fn write_edges(&self, w: &mut dyn Write, format: Format, header: bool) -> io::Result<()> {
        if header {
            write_header(w, format, EDGE_COLUMNS)?;
        }
        let mut keys: Vec<_> = self.edges.iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut r = Render::to(format, w);
        for ((a, b), (weight, docs)) in keys {
            #[derive(Serialize)]
            #[allow(non_snake_case)]
            struct Edge<'a> {
                Source: &'a str,
                Target: &'a str,
                Type: &'a str,
                Weight: u64,
                documents: u64,
            }
            let (wt, d) = (weight.to_string(), docs.to_string());
            let edge = Edge {
                Source: a,
                Target: b,
                Type: "Undirected",
                Weight: *weight,
                documents: *docs,
            };
            r.write(&[a, b, "Undirected", &wt, &d], &edge)?;
        }
        r.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        let rows: &[&[&str]] = &[
            &["a", "b", ""],
            &["comma, inside", "\"quoted\"", "line\nbreak", "cr\rhere"],
            &["Côte d’Ivoire", "", "' single", " spaced "],
            &[""],
            &["", ""],
            &["\"", ",", "\r\n"],
        ];
        for row in rows {
            let mut ours = Vec::new();
            csv_row(&mut ours, row);
            let mut theirs = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            theirs.write_record(*row).unwrap();
            let theirs = theirs.into_inner().unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap(),
                "{row:?}"
            );
        }
    }
}
