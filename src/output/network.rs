//! The who-appears-with-whom network of a corpus as node and edge tables (as Gephi reads them):
//! each document's entities and pairs are counted by its worker, and the counts are summed in
//! input order by the writer.

use super::{write_header, Format, Render};
use crate::comentions::Pairs;
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io::{self, Write};

/// Columns of the network's node table (Gephi reads Id and Label).
pub const NODE_COLUMNS: &[&str] = &["Id", "Label", "type", "mentions", "documents"];
/// Columns of the network's edge table (Gephi reads Source, Target, Type and Weight).
pub const EDGE_COLUMNS: &[&str] = &["Source", "Target", "Type", "Weight", "documents"];

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

    /// The edges as (source id, target id, weight, documents), sorted by source then target.
    pub fn edge_list(&self) -> Vec<(&str, &str, u64, u64)> {
        let mut v: Vec<_> = self
            .edges
            .iter()
            .map(|((a, b), (w, d))| (&**a, &**b, *w, *d))
            .collect();
        v.sort_unstable();
        v
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
