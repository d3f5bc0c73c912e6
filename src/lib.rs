//! newsner finds the people, groups and places named in news articles, under one canonical name
//! each (the English Wikipedia title), with where they are mentioned and who is named together
//! with whom.
//!
//! The pipeline, one module per stage, in the order data flows: `input/` (documents from files,
//! folders, stdin, JSONL, compressed) -> `text/` (folding, tokens, sentences) -> `gazetteer/`
//! (load, check, compile) -> `matching/` (aliases in the text) -> `resolve/` (one entity per
//! mention, with `discovery/` for names no gazetteer lists and `lexicon/` for the word lists) ->
//! `comentions.rs` -> `output/`. [`Extractor`] runs one document through the pure stages and
//! [`run`] runs many in parallel, writing in input order; `report/` turns a run into one HTML
//! file to read in a browser; [`cli`] is the command-line tool.
//!
//! The public surface is this page: the extractor and its options, the gazetteer, the model of
//! a mention, the batch runner with its reader and writers, and the errors. Everything else is
//! private to the crate.
//!
//! ```
//! use newsner::{Document, Extractor, GazetteerBuilder};
//! use std::sync::Arc;
//!
//! let mut b = GazetteerBuilder::new();
//! b.add_text("mine.tsv", "id\tname\ttype\taliases\nVladimir_Putin\tVladimir Putin\tperson\tPutin\nAnkara\tAnkara\tplace\t\n");
//! let g = Arc::new(b.build().unwrap());
//! let ex = Extractor::new(g.clone(), Default::default());
//! let doc = Document { id: "1".into(), title: None, text: "Putin’s envoy flew to Ankara.".into(), date: None, bytes: 0 };
//! let out = ex.extract(&doc);
//! let names: Vec<&str> = out.mentions.iter().map(|m| out.entity_name(&g, m.entity)).collect();
//! assert_eq!(names, ["Vladimir Putin", "Ankara"]);
//! assert_eq!((out.mentions[1].start, out.mentions[1].end), (22, 28));
//! ```

#![deny(missing_docs)]

mod bench;
pub mod cli;
mod codec;
mod comentions;
mod discovery;
mod error;
mod extract;
mod gazetteer;
mod geo;
mod input;
mod lexicon;
mod matching;
mod model;
mod output;
mod pipeline;
mod report;
mod resolve;
mod text;

pub use comentions::{pairs, Pair, Pairs, Window};
pub use error::{Error, ErrorKind, Errors};
pub use extract::{ExtractOptions, Extraction, Extractor};
pub use gazetteer::snapshot::is_snapshot_file as is_compiled_gazetteer;
pub use gazetteer::{Entity, Gazetteer, GazetteerBuilder, LatLon};
pub use geo::{focus, Focus};

/// The cache folder where the compiled default gazetteer is kept between runs, and how to write
/// a file there so that a reader never sees half of it.
pub mod gazetteer_cache {
    pub use crate::gazetteer::cache::{dir, write_atomically};
}
pub use input::{Document, Fields, Format as InputFormat, InputOptions, Item, Reader, Rejected};
pub use model::{EntityRef, Field, MatchKind, Mention, NewEntity};
pub use output::{DocNetwork, Format, Network};
pub use pipeline::{run, Outputs, RunOptions, Summary};
