//! Resolution: turns occurrences of aliases into mentions of one entity each.
//!
//! An alias shared by several entities ("Assad", "Georgia") is resolved per document, never by
//! file order: an entity the same document names unambiguously wins; otherwise the most
//! prominent; ties go to the smallest id.

use crate::gazetteer::Gazetteer;
use crate::matching::{MatchKind, Occurrence};
use rustc_hash::FxHashSet;

/// Which entity a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    /// Entity number `n` of the gazetteer.
    Known(u32),
    /// Entity number `n` of [`crate::Extraction::new_entities`]: found by a rule, in no gazetteer.
    New(u32),
}

/// Which field of a document a mention is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The title, when the input gives one.
    Title,
    /// The body text.
    Text,
}

impl Field {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
        }
    }
}

/// A mention: an entity named at a place in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The entity.
    pub entity: EntityRef,
    /// The field it is in.
    pub field: Field,
    /// Code point offset into the field where the mention starts.
    pub start: usize,
    /// Code point offset one past its end.
    pub end: usize,
    /// Byte offset where it starts.
    pub byte_start: usize,
    /// Byte offset one past its end.
    pub byte_end: usize,
    /// Sentence index in the document (the title's sentences come first).
    pub sentence: u32,
    /// Paragraph index in the document (the title is paragraph 0 when there is one).
    pub paragraph: u32,
    /// How it was matched.
    pub kind: MatchKind,
    /// The title written in front of a person ("Defense Minister"), when there is one.
    pub role: Option<Box<str>>,
}

/// Picks one entity for each occurrence of a document; `occurrences` is every field's, in order.
pub fn resolve<'a>(
    g: &Gazetteer,
    occurrences: impl Iterator<Item = &'a Occurrence> + Clone,
) -> Vec<(u32, MatchKind)> {
    let named: FxHashSet<u32> = occurrences
        .clone()
        .filter(|o| o.candidates.len() == 1)
        .map(|o| o.candidates[0].entity)
        .collect();
    occurrences
        .map(|o| {
            if o.candidates.len() == 1 {
                return (o.candidates[0].entity, o.candidates[0].kind);
            }
            let in_doc = o.candidates.iter().any(|c| named.contains(&c.entity));
            let best = o
                .candidates
                .iter()
                .filter(|c| !in_doc || named.contains(&c.entity))
                .max_by(|a, b| {
                    let (ea, eb) = (g.entity(a.entity), g.entity(b.entity));
                    ea.prominence
                        .total_cmp(&eb.prominence)
                        // Smaller id wins a tie, so compare reversed.
                        .then_with(|| eb.id.cmp(&ea.id))
                        .then_with(|| b.kind.cmp(&a.kind))
                })
                .expect("an occurrence has at least one candidate");
            (best.entity, best.kind)
        })
        .collect()
}
