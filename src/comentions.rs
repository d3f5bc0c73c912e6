//! Co-mentions: pairs of distinct entities named in the same sentence (or paragraph, or
//! document), the raw material of a who-appears-with-whom network.

use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::model::EntityRef;

/// The span within which two mentions make a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Window {
    /// The same sentence.
    #[default]
    Sentence,
    /// The same paragraph.
    Paragraph,
    /// The same document.
    Document,
    /// The same list of people (a delegation: "A, B and C" in one sentence).
    List,
}

impl Window {
    /// The label used in output (and as the name of the window column).
    pub fn as_str(self) -> &'static str {
        match self {
            Window::Sentence => "sentence",
            Window::Paragraph => "paragraph",
            Window::Document => "document",
            Window::List => "list",
        }
    }
}

/// A pair of entities named in one window; `source`'s id sorts before `target`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pair {
    /// Index of the window (sentence or paragraph index; 0 for the document).
    pub window: u32,
    /// The entity whose id sorts first.
    pub source: EntityRef,
    /// The other entity.
    pub target: EntityRef,
}

/// A window holding more distinct entities than this gives no pairs (it would give millions: a
/// list, a table or junk, not prose); [`Pairs::skipped`] counts such windows.
pub const MAX_ENTITIES_PER_WINDOW: usize = 1000;

/// The pairs of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pairs {
    /// The pairs, by window, then source id, then target id.
    pub pairs: Vec<Pair>,
    /// Windows left out for holding more entities than a window may hold (1,000: a table or a
    /// list of results, not a sentence).
    pub skipped: u32,
}

/// The co-mentions of a document.
pub fn pairs(g: &Gazetteer, ex: &Extraction, window: Window) -> Pairs {
    let unit = |m: &crate::Mention| match window {
        Window::Sentence => Some(m.sentence),
        Window::Paragraph => Some(m.paragraph),
        Window::Document => Some(0),
        Window::List => m.list,
    };
    let mut keyed: Vec<(u32, &str, EntityRef)> = ex
        .mentions
        .iter()
        .filter_map(|m| Some((unit(m)?, ex.entity_id(g, m.entity), m.entity)))
        .collect();
    keyed.sort_unstable();
    keyed.dedup();
    let mut out = Pairs::default();
    let mut i = 0;
    while i < keyed.len() {
        let w = keyed[i].0;
        let j = i + keyed[i..].partition_point(|k| k.0 == w);
        let group = &keyed[i..j];
        if group.len() > MAX_ENTITIES_PER_WINDOW {
            out.skipped += 1;
        } else {
            for (a, x) in group.iter().enumerate() {
                for y in &group[a + 1..] {
                    out.pairs.push(Pair {
                        window: w,
                        source: x.2,
                        target: y.2,
                    });
                }
            }
        }
        i = j;
    }
    out
}
