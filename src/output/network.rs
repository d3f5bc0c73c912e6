//! The who-appears-with-whom network of a corpus as node and edge tables (as Gephi reads them):
//! each document's entities and pairs are counted by its worker, and the counts are summed in
//! input order by the writer.

use super::{write_header, Format, Render};
use crate::comentions::Pairs;
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::model::EntityRef;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io::{self, Write};

/// Columns of the network's node table (Gephi reads Id and Label; its Geo Layout reads Latitude
/// and Longitude).
pub const NODE_COLUMNS: &[&str] = &[
    "Id",
    "Label",
    "type",
    "mentions",
    "documents",
    "country",
    "Latitude",
    "Longitude",
];
/// Columns of the network's edge table (Gephi reads Source, Target, Type and Weight).
pub const EDGE_COLUMNS: &[&str] = &["Source", "Target", "Type", "Weight", "documents"];

/// A node as counted: label, mentions by type (and, in the corpus, documents), and its
/// gazetteer entity number, for its country and coordinates (none for an entity found by a
/// rule). A name found by a rule can be typed differently from one document to the next
/// ("Yukos said" a person, "oil firm Yukos" a group), so each type keeps its own count.
type NodeCount = (Box<str>, Types, Option<u32>);

/// Mentions of a node by type, in the order the types were first seen.
type Types = Vec<(Box<str>, u64)>;

/// Adds `n` mentions of type `kind` to `types`.
fn count_type(types: &mut Types, kind: &str, n: u64) {
    match types.iter_mut().find(|(k, _)| &**k == kind) {
        Some((_, m)) => *m += n,
        None => types.push((kind.into(), n)),
    }
}

/// The type of a node: the one most of its mentions have; of types as common, the first seen.
fn majority(types: &Types) -> &str {
    let mut best: Option<&(Box<str>, u64)> = None;
    for t in types {
        if best.is_none_or(|b| t.1 > b.1) {
            best = Some(t);
        }
    }
    best.map_or("", |t| &*t.0)
}

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
        let mut nodes: FxHashMap<&str, NodeCount> = FxHashMap::default();
        for m in &ex.mentions {
            let known = match m.entity {
                EntityRef::Known(i) => Some(i),
                EntityRef::New(_) => None,
            };
            let e = nodes
                .entry(ex.entity_id(g, m.entity))
                .or_insert_with(|| (ex.entity_name(g, m.entity).into(), Vec::new(), known));
            count_type(&mut e.1, ex.entity_type(g, m.entity), 1);
        }
        let mut edges: FxHashMap<(&str, &str), u64> = FxHashMap::default();
        for p in &pairs.pairs {
            *edges
                .entry((ex.entity_id(g, p.source), ex.entity_id(g, p.target)))
                .or_default() += 1;
        }
        DocNetwork {
            nodes: nodes.into_iter().map(|(id, n)| (id.into(), n)).collect(),
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
        for (id, (label, types, known)) in d.nodes {
            let e = self
                .nodes
                .entry(id)
                .or_insert(((label, Vec::new(), known), 0));
            for (kind, n) in &types {
                count_type(&mut e.0 .1, kind, *n);
            }
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

    /// Writes the node table, sorted by id; countries and coordinates come from `g`, the
    /// gazetteer the documents were read with.
    pub fn write_nodes(
        &self,
        g: &Gazetteer,
        w: &mut dyn Write,
        format: Format,
        header: bool,
    ) -> io::Result<()> {
        if header {
            write_header(w, format, NODE_COLUMNS)?;
        }
        let mut ids: Vec<_> = self.nodes.iter().collect();
        ids.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut r = Render::to(format, w);
        for (id, ((label, types, known), docs)) in ids {
            let kind = majority(types);
            let mentions: u64 = types.iter().map(|t| t.1).sum();
            #[derive(Serialize)]
            #[allow(non_snake_case)]
            struct Node<'a> {
                Id: &'a str,
                Label: &'a str,
                #[serde(rename = "type")]
                kind: &'a str,
                mentions: u64,
                documents: u64,
                #[serde(skip_serializing_if = "Option::is_none")]
                country: Option<&'a str>,
                #[serde(skip_serializing_if = "Option::is_none")]
                Latitude: Option<f64>,
                #[serde(skip_serializing_if = "Option::is_none")]
                Longitude: Option<f64>,
            }
            let entity = known.map(|i| g.entity(i));
            let country = entity.and_then(|e| e.country.as_deref());
            let at = entity.and_then(|e| e.coordinates);
            let (m, d) = (mentions.to_string(), docs.to_string());
            let [lat, lon] = [at.map(|a| a.lat), at.map(|a| a.lon)]
                .map(|v| v.map(|v| v.to_string()).unwrap_or_default());
            let node = Node {
                Id: id,
                Label: label,
                kind,
                mentions,
                documents: *docs,
                country,
                Latitude: at.map(|a| a.lat),
                Longitude: at.map(|a| a.lon),
            };
            let fields: [&str; 8] = [id, label, kind, &m, &d, country.unwrap_or(""), &lat, &lon];
            r.write(&fields, &node)?;
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

    /// A document's contribution naming `id` with `n` mentions of each type of `types`.
    fn doc(id: &str, types: &[(&str, u64)]) -> DocNetwork {
        let types = types.iter().map(|&(k, n)| (k.into(), n)).collect();
        DocNetwork {
            nodes: vec![(id.into(), (id.into(), types, None))],
            edges: Vec::new(),
        }
    }

    #[test]
    fn a_node_takes_the_type_most_of_its_mentions_have_across_documents() {
        let mut net = Network::default();
        // First seen as a person ("Quorvex said"), then as a group in two stories.
        net.add(doc("new:quorvex", &[("person", 3)]));
        net.add(doc("new:quorvex", &[("group", 3)]));
        net.add(doc("new:quorvex", &[("group", 2), ("person", 1)]));
        let ((_, types, _), docs) = &net.nodes["new:quorvex"];
        assert_eq!(majority(types), "group");
        assert_eq!(types.iter().map(|t| t.1).sum::<u64>(), 9);
        assert_eq!(*docs, 3);
    }

    #[test]
    fn of_types_as_common_the_first_seen_wins() {
        let types: Types = vec![("place".into(), 2), ("group".into(), 2)];
        assert_eq!(majority(&types), "place");
        assert_eq!(majority(&Vec::new()), "");
    }
}
