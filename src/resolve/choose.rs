//! The first and the last word on which entity an occurrence names: the first cut keeps the
//! gazetteer's own aliases over generated spellings, the last picks one of the candidates the
//! evidence left.

use super::evidence::{same_country, Certain};
use super::{FieldScan, Resolved};
use crate::gazetteer::{Gazetteer, Traits};
use crate::matching::Candidate;
use crate::model::{EntityRef, MatchKind};
use rustc_hash::FxHashSet;

/// Fills `cands` with the candidates every occurrence of `fields` keeps at first, and `spans`
/// with their ranges: the candidates of occurrence `i` (counting across fields) are
/// `cands[spans[i].0..spans[i].1]`.
pub(super) fn first_candidates(
    fields: &[FieldScan<'_>],
    cands: &mut Vec<Candidate>,
    spans: &mut Vec<(usize, usize)>,
) {
    cands.clear();
    spans.clear();
    for o in fields.iter().flat_map(|f| &f.occurrences) {
        let lo = cands.len();
        first_of(&o.candidates, cands);
        spans.push((lo, cands.len()));
    }
}

/// The candidates an occurrence keeps at first, appended to `out`: a gazetteer alias beats a
/// generated spelling at the same place; with neither, all of them stay.
fn first_of(all: &[Candidate], out: &mut Vec<Candidate>) {
    // Most aliases name one entity, which stays whatever its kind.
    if let [one] = all {
        out.push(*one);
        return;
    }
    let best = if all.iter().any(|c| c.kind == MatchKind::Exact) {
        Some(MatchKind::Exact)
    } else if all.iter().any(|c| c.kind == MatchKind::Variant) {
        Some(MatchKind::Variant)
    } else {
        None
    };
    match best {
        Some(kind) => out.extend(all.iter().filter(|c| c.kind == kind)),
        None => out.extend_from_slice(all),
    }
}

/// Puts in `out` the mention of every occurrence that kept a candidate, one vector per field:
/// of several candidates, the one the document names without doubt wins, else the person it
/// names in full most often, else the one in a country it names (a place only when no
/// namesake is [`COUNTRY_MARGIN`] more prominent), else the one in a state or province it names (or one of whose towns it names), else the most prominent, else
/// the smallest id (entities are numbered in id order, never file order).
pub(super) fn best(
    certain: &Certain<'_, '_, '_>,
    fields: &[FieldScan<'_>],
    cands: &[Candidate],
    spans: &[(usize, usize)],
    named: &mut FxHashSet<u32>,
    out: &mut Vec<Vec<Resolved>>,
) {
    // Which entities are named without doubt matters only to break a tie, so it is gathered
    // only when some occurrence still has more than one candidate.
    named.clear();
    if spans.iter().any(|&(lo, hi)| hi - lo > 1) {
        named.extend(
            spans
                .iter()
                .filter(|&&(lo, hi)| hi - lo == 1)
                .map(|&(lo, _)| cands[lo].entity),
        );
    }
    let (g, full_people) = (certain.g, certain.full_people);
    out.truncate(fields.len());
    out.resize_with(fields.len(), Vec::new);
    let mut spans = spans.iter();
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        res.clear();
        res.reserve(field.occurrences.len());
        for o in &field.occurrences {
            let &(lo, hi) = spans.next().expect("a span per occurrence");
            // With one candidate there is nothing to weigh.
            let many = hi - lo > 1;
            let top_place = if many {
                top_place(g, &cands[lo..hi])
            } else {
                f32::MIN
            };
            let divisions_decide = many && divisions_decide(certain, &cands[lo..hi], top_place);
            let in_country = |e, t: Traits| {
                let countries = &certain.countries;
                countries.contains(e, t)
                    && (t.class != Traits::PLACE
                        || t.prominence >= KNOWN_IN_ITS_OWN_RIGHT
                        || t.prominence + COUNTRY_MARGIN >= top_place
                        || countries.in_region(e))
            };
            let Some(best) = cands[lo..hi].iter().max_by(|a, b| {
                let (ta, tb) = (g.traits(a.entity), g.traits(b.entity));
                named
                    .contains(&a.entity)
                    .cmp(&named.contains(&b.entity))
                    .then_with(|| full_people.get(&a.entity).cmp(&full_people.get(&b.entity)))
                    .then_with(|| {
                        let countries = &certain.countries;
                        in_country(a.entity, ta)
                            .cmp(&in_country(b.entity, tb))
                            .then_with(|| {
                                let in_region = |e| divisions_decide && countries.in_region(e);
                                in_region(a.entity).cmp(&in_region(b.entity))
                            })
                    })
                    .then_with(|| ta.prominence.total_cmp(&tb.prominence))
                    // Smaller id wins a tie, so compare reversed.
                    .then_with(|| b.entity.cmp(&a.entity))
            }) else {
                continue;
            };
            let kind = match best.kind {
                MatchKind::Surname if full_people.contains_key(&best.entity) => MatchKind::Coref,
                k => k,
            };
            res.push(Resolved::new(
                o.start,
                o.end,
                EntityRef::Known(best.entity),
                kind,
            ));
        }
    }
}

/// How much more prominent a place outside the countries a story names may be and still yield
/// to a namesake inside them: fifteen points, a thirtyfold population (a capital counts ten
/// more). Cambridge yields to Cambridge, Massachusetts in a story that names the United
/// States; Athens, the capital of Greece, does not yield to Athens, Georgia, unless the story
/// also names the state of Georgia or one of its towns.
const COUNTRY_MARGIN: f32 = 15.0;

/// A place this prominent in a country the story names is meant by its name whatever
/// namesake ranks above it: every first-level division (the generator ranks them 60: "Georgia"
/// in a story about the United States is the state) and cities of a million people.
const KNOWN_IN_ITS_OWN_RIGHT: f32 = 60.0;

/// The prominence of the most prominent place among `cands` (the lowest possible without one).
fn top_place(g: &Gazetteer, cands: &[Candidate]) -> f32 {
    cands
        .iter()
        .map(|c| g.traits(c.entity))
        .filter(|t| t.class == Traits::PLACE)
        .map(|t| t.prominence)
        .fold(f32::MIN, f32::max)
}

/// How much more prominent a namesake outside the states a story names may be and still yield
/// to one inside them: ten points, a tenfold population. Portland, Oregon yields to Portland,
/// Maine in a story about Maine; Hollywood does not yield to Hollywood, Florida in a story that
/// mentions Miami.
const DIVISION_MARGIN: f32 = 10.0;

/// Whether the states and provinces a document names may decide between `cands`: only between
/// places (a football club is no namesake of its borough), when the candidates in the countries
/// the document names are all in one of them ("Paris" in a story naming France and Texas stays
/// the capital), and when one in a named state is within [`DIVISION_MARGIN`] of `top`, the
/// prominence of the most prominent place among them ([`top_place`]).
fn divisions_decide(certain: &Certain<'_, '_, '_>, cands: &[Candidate], top: f32) -> bool {
    let g = certain.g;
    if cands
        .iter()
        .any(|c| g.traits(c.entity).class != Traits::PLACE)
    {
        return false;
    }
    let mut named = cands.iter().filter(|c| {
        let t = g.traits(c.entity);
        certain.countries.contains(c.entity, t)
    });
    let Some(first) = named.next() else {
        return false;
    };
    let tf = g.traits(first.entity);
    if !named.all(|c| same_country(g, first.entity, tf, c.entity, g.traits(c.entity))) {
        return false;
    }
    cands
        .iter()
        .filter(|c| certain.countries.in_region(c.entity))
        .any(|c| g.traits(c.entity).prominence + DIVISION_MARGIN >= top)
}
