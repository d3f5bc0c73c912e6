//! Names no gazetteer lists, found by discovery where nothing was matched, and made entities of
//! their own (`new:<slug>`), once per document and name.

use super::gate::discover_in;
use super::{names_person, FieldScan, Resolved, MAX_KEPT_OCCURRENCES};
use crate::discovery::{self, Discoverer};
use crate::gazetteer::Gazetteer;
use crate::model::{EntityRef, MatchKind, NewEntity};
use rustc_hash::FxHashMap;

/// The buffers of [`add`], kept from document to document.
#[derive(Default)]
pub(super) struct Buffers {
    /// The byte ranges of a field's mentions.
    taken: Vec<(usize, usize)>,
    /// A sentence's taken ranges, relative to it.
    local: Vec<(usize, usize)>,
    /// The names discovered in a field.
    found: Vec<discovery::Found>,
    /// Each discovered name's entity (None: it has no slug), so that a name seen before needs
    /// no slug.
    by_name: FxHashMap<String, Option<u32>>,
    /// The entity of each new id.
    ids: FxHashMap<Box<str>, u32>,
}

impl Buffers {
    /// Whether the buffers are small enough to keep for the next document.
    pub(super) fn small(&self) -> bool {
        self.taken.capacity() <= MAX_KEPT_OCCURRENCES
            && self.local.capacity() <= MAX_KEPT_OCCURRENCES
            && self.found.capacity() <= MAX_KEPT_OCCURRENCES
            && self.by_name.capacity() <= MAX_KEPT_OCCURRENCES
            && self.ids.capacity() <= MAX_KEPT_OCCURRENCES
    }
}

/// Adds to `out` the names discovery finds in each field where no mention is, as mentions of
/// new entities pushed on `new_entities`; then joins a discovered name to the known surname
/// right after it.
pub(super) fn add(
    d: &Discoverer,
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &mut Vec<NewEntity>,
    b: &mut Buffers,
    out: &mut [Vec<Resolved>],
) {
    b.ids.clear();
    b.by_name.clear();
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        b.taken.clear();
        b.taken.extend(res.iter().map(|r| (r.start, r.end)));
        discover_in(
            d,
            field.text,
            &field.sentences,
            &b.taken,
            &mut b.local,
            &mut b.found,
        );
        if b.found.is_empty() {
            continue;
        }
        for n in b.found.drain(..) {
            let idx = match b.by_name.get(n.name.as_str()) {
                Some(&idx) => idx,
                None => {
                    let idx = new_entity_of(&n, &mut b.ids, new_entities);
                    b.by_name.insert(n.name, idx);
                    idx
                }
            };
            if let Some(idx) = idx {
                res.push(Resolved::new(
                    n.start,
                    n.end,
                    EntityRef::New(idx),
                    MatchKind::Discovered,
                ));
            }
        }
        res.sort_by_key(|r| r.start);
    }
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        join_surnames(g, field.text, new_entities, res);
    }
}

/// A discovered name followed by a surname the gazetteer knows is one longer name: "Simone
/// Ehivet" + "Gbagbo" is Simone Ehivet Gbagbo, not Laurent Gbagbo.
fn join_surnames(
    g: &Gazetteer,
    text: &str,
    new_entities: &mut [NewEntity],
    res: &mut Vec<Resolved>,
) {
    let mut k = 0;
    while k + 1 < res.len() {
        let (a, b) = (&res[k], &res[k + 1]);
        let joinable = matches!(
            (a.entity, b.entity),
            (EntityRef::New(_), EntityRef::Known(_))
        ) && names_person(g, new_entities, a.entity)
            && names_person(g, new_entities, b.entity)
            && text[a.end..b.start] == *" "
            && !text[b.start..b.end].contains(char::is_whitespace);
        if joinable {
            let end = b.end;
            let name = text[a.start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if let EntityRef::New(i) = a.entity {
                let slug = discovery::slug(&name);
                new_entities[i as usize].id = new_id(&slug).into();
                new_entities[i as usize].name = name.into();
            }
            res[k].end = end;
            res.remove(k + 1);
        }
        k += 1;
    }
}

/// The id of a discovered entity from its slug: `new:` and the slug.
fn new_id(slug: &str) -> String {
    let mut id = String::with_capacity(4 + slug.len());
    id.push_str("new:");
    id.push_str(slug);
    id
}

/// The entity a discovered name names, by the id of its slug, added to `new_entities` when it is
/// the first name with that id; None when the name has no slug.
fn new_entity_of(
    n: &discovery::Found,
    ids: &mut FxHashMap<Box<str>, u32>,
    new_entities: &mut Vec<NewEntity>,
) -> Option<u32> {
    let slug = discovery::slug(&n.name);
    if slug.is_empty() {
        return None;
    }
    let id = new_id(&slug);
    if let Some(&idx) = ids.get(id.as_str()) {
        return Some(idx);
    }
    let id: Box<str> = id.into();
    new_entities.push(NewEntity {
        id: id.clone(),
        name: n.name.as_str().into(),
        kind: n.kind.as_str(),
    });
    let idx = new_entities.len() as u32 - 1;
    ids.insert(id, idx);
    Some(idx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_new_and_the_slug() {
        assert_eq!(
            new_id("murhaf-abu-qasra"),
            format!("new:{}", "murhaf-abu-qasra")
        );
        assert_eq!(new_id(""), "new:");
    }
}
