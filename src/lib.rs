//! newsner finds the people, groups and places named in news articles, under one canonical name
//! each (the English Wikipedia title), with where they are mentioned and who is named together
//! with whom.
//!
//! The pipeline, one module per stage: [`input`] (documents from files, folders, stdin, JSONL,
//! compressed) -> [`text`] (folding, tokens, sentences) -> [`gazetteer`] (load, check, compile) ->
//! [`matching`] -> [`resolution`] -> [`comentions`] -> [`output`]; [`extract`] runs one document
//! through the pure stages and [`pipeline`] runs many in parallel.
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

pub mod bench;
mod codec;
pub mod comentions;
pub mod discovery;
pub mod error;
pub mod extract;
pub mod gazetteer;
pub mod input;
pub mod matching;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod resolution;
pub mod text;

pub use comentions::{Pair, Window};
pub use error::{Error, ErrorKind, Errors};
pub use extract::{ExtractOptions, Extraction, Extractor};
pub use gazetteer::{Gazetteer, GazetteerBuilder};
pub use input::Document;
pub use model::{EntityRef, Field, MatchKind, Mention, NewEntity};
