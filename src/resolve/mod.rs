//! Resolution: turns occurrences of aliases into mentions of one entity each, with a whole-document
//! pass, as GATE's orthomatcher does.
//!
//! In order: a gazetteer alias beats a generated spelling at the same place; an ordinary word or
//! name ("March", "Jordan", "Nice") is only a place or a person with evidence (a capital and no
//! person around it for a country; ", France" after it for a town); a surname alone resolves to
//! the person named in full in the same document; an alias shared by several entities goes to the
//! one the document names unambiguously, else to the one in a country the document names, else
//! to the most prominent, else to the smallest id (never file order). Then no group or place
//! right after the title of a person, none right after a given name, names no gazetteer lists, one person written in several
//! full forms, acronyms defined in parentheses, short names of people, people named by one word, titles in front of
//! people (roles), and lists of people in one sentence. Each step has its own file.

mod acronyms;
mod choose;
mod context;
mod coverage;
mod discovered;
mod evidence;
mod full_forms;
mod gate;
mod lists;
mod lone_names;
mod namesakes;
mod org_heads;
mod org_repeats;
mod relink;
mod roles;
mod short_names;
mod titled;

use crate::discovery::Discoverer;
use crate::gazetteer::{Gazetteer, Traits};
use crate::matching::{Candidate, Occurrence};
use crate::model::{EntityRef, Field, MatchKind, NewEntity};
use crate::text::Sentences;
use rustc_hash::{FxHashMap, FxHashSet};

/// One field of a document as the resolver sees it.
#[derive(Debug)]
pub struct FieldScan<'a> {
    /// Which field.
    pub field: Field,
    /// Its text.
    pub text: &'a str,
    /// Its sentences.
    pub sentences: Sentences,
    /// What the matcher found.
    pub occurrences: Vec<Occurrence>,
}

/// A resolved mention, before offsets are converted to code points.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The entity.
    pub entity: EntityRef,
    /// How it was found.
    pub kind: MatchKind,
    /// Title in front of a person.
    pub role: Option<Box<str>>,
    /// List number.
    pub list: Option<u32>,
}

impl Resolved {
    /// A mention of `entity` at `start..end`, with no role and in no list yet.
    pub(crate) fn new(start: usize, end: usize, entity: EntityRef, kind: MatchKind) -> Resolved {
        Resolved {
            start,
            end,
            entity,
            kind,
            role: None,
            list: None,
        }
    }
}

/// Whether `e` names a person, be it listed in the gazetteer or found by discovery: the one
/// test of personhood every step uses.
#[inline]
fn names_person(g: &Gazetteer, new_entities: &[NewEntity], e: EntityRef) -> bool {
    match e {
        EntityRef::Known(e) => g.traits(e).class == Traits::PERSON,
        EntityRef::New(i) => new_entities[i as usize].kind == "person",
    }
}

/// Whether `r` names a person that no gazetteer lists (discovered, or named by one word).
fn unlisted_person(g: &Gazetteer, new_entities: &[NewEntity], r: &Resolved) -> bool {
    matches!(r.entity, EntityRef::New(_)) && names_person(g, new_entities, r.entity)
}

/// Buffers reused from document to document by the caller: a document has hundreds of
/// occurrences, and a vector of candidates for each (and maps rebuilt for each document) cost
/// more allocations than the rules cost work.
#[derive(Default)]
pub struct Scratch {
    /// The candidates left to every occurrence of the document, field after field, in one
    /// buffer.
    cands: Vec<Candidate>,
    /// Per occurrence, field after field: the range of its candidates in `cands`.
    spans: Vec<(usize, usize)>,
    /// People named with more than a surname, and how many times.
    full_people: FxHashMap<u32, u32>,
    /// Entities some occurrence names without doubt (a single candidate left).
    named: FxHashSet<u32>,
    /// The countries of the places the document names without doubt, as bits of their
    /// numbers ([`Traits::country`]).
    countries: Vec<u64>,
    /// A buffer for folded words.
    fold: String,
    /// The buffers of discovery.
    discovery: discovered::Buffers,
    /// The buffers of short names.
    short_names: short_names::Buffers,
    /// The members of a list of people.
    members: Vec<usize>,
}

impl Scratch {
    /// Whether the buffers are small enough to keep for the next document: one huge document
    /// must not pin its buffers for the life of the thread.
    pub fn small(&self) -> bool {
        self.spans.capacity() <= MAX_KEPT_OCCURRENCES
            && self.cands.capacity() <= 4 * MAX_KEPT_OCCURRENCES
            && self.full_people.capacity() <= MAX_KEPT_OCCURRENCES
            && self.named.capacity() <= MAX_KEPT_OCCURRENCES
            && self.members.capacity() <= MAX_KEPT_OCCURRENCES
            && self.discovery.small()
            && self.short_names.small()
    }
}

/// Most occurrences kept in the [`Scratch`] buffers between documents: one huge document must
/// not pin its buffers for the life of the thread.
pub(crate) const MAX_KEPT_OCCURRENCES: usize = 1 << 14;

/// Resolves every occurrence of a document (title and text together, so either informs the
/// other). Puts the mentions of each field, in order, in `out`, one vector per field; what
/// `out` held is dropped, and its vectors are reused (a caller that drains them can pass the
/// same `out` for every document and allocate nothing for them).
pub fn resolve_document(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    discoverer: Option<&Discoverer>,
    new_entities: &mut Vec<NewEntity>,
    scratch: &mut Scratch,
    out: &mut Vec<Vec<Resolved>>,
) {
    let s = scratch;
    // 1. A gazetteer alias beats a generated spelling at the same place.
    choose::first_candidates(fields, &mut s.cands, &mut s.spans);
    // 2. What the document says without doubt.
    let certain = evidence::Certain::gather(
        g,
        fields,
        &s.cands,
        &s.spans,
        &mut s.countries,
        &mut s.full_people,
    );
    // 3. Ordinary words and names need evidence; surnames need their person.
    certain.weigh(fields, &mut s.cands, &mut s.spans, &mut s.fold);
    // 4. Shared aliases go to one entity each.
    choose::best(&certain, fields, &s.cands, &s.spans, &mut s.named, out);
    // A title decides the type: no group or place right after the title of a person.
    titled::drop_after_titles(g, fields, out);
    // 5. Names no gazetteer lists, and acronyms defined in parentheses.
    if let Some(d) = discoverer {
        // A person named in full beats a town of the same name.
        namesakes::drop_after_given_names(g, fields, out);
        discovered::add(d, g, fields, new_entities, &mut s.discovery, out);
        full_forms::join(g, fields, new_entities, out);
        acronyms::add(fields, out);
        // "the University" after "the Pennsylvania State University".
        org_heads::add(g, fields, new_entities, out);
        // "Sophos said" after "security firm Sophos".
        org_repeats::add(g, fields, new_entities, out);
    }
    // 6. Short names of people named in full in this document.
    short_names::add(g, fields, new_entities, &mut s.short_names, out);
    // People named by one word with no full name: "Cara nodded", "Kumar said".
    if discoverer.is_some() {
        lone_names::add(g, fields, new_entities, out);
        // Unlisted people that a listed person's alias or spelling names after all.
        relink::link(g, fields, new_entities, out);
    }
    // 7. Roles, and lists of people.
    roles_and_lists(g, fields, new_entities, &mut s.members, out);
}

/// Gives each person the title in front of them, and numbers the lists of people.
fn roles_and_lists(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    members: &mut Vec<usize>,
    out: &mut [Vec<Resolved>],
) {
    let mut lists = 0u32;
    let is_person = |r: &Resolved| names_person(g, new_entities, r.entity);
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        for r in res.iter_mut() {
            if is_person(r) {
                roles::assign_role(field.text, r);
            }
        }
        lists::mark_lists(
            field.text,
            &field.sentences,
            res,
            &mut lists,
            is_person,
            members,
        );
    }
}

/// Helpers shared by the tests of the resolution steps.
#[cfg(test)]
pub(crate) mod test_util {
    /// The (text, entity name) of every mention the default extractor finds in `text`, with a
    /// gazetteer that lists only `rows`.
    pub(crate) fn mentions(rows: &str, text: &str) -> Vec<(String, String)> {
        mentions_in(&format!("id\tname\ttype\taliases\n{rows}"), text)
    }

    /// Like [`mentions`], with a gazetteer file `tsv` that has its own header.
    pub(crate) fn mentions_in(tsv: &str, text: &str) -> Vec<(String, String)> {
        use crate::{Document, Extractor, GazetteerBuilder};
        use std::sync::Arc;
        let mut b = GazetteerBuilder::new();
        b.add_text("t.tsv", tsv);
        let g = Arc::new(b.build().unwrap());
        let ex = Extractor::new(g.clone(), Default::default());
        let doc = Document {
            id: "1".into(),
            title: None,
            text: text.into(),
            date: None,
            bytes: 0,
        };
        let out = ex.extract(&doc);
        out.mentions
            .iter()
            .map(|m| {
                let t: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                (t, out.entity_name(&g, m.entity).to_string())
            })
            .collect()
    }
}
