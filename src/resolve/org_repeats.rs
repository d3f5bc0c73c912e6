//! A discovered organisation named again: discovery finds "security firm Sophos" by the noun
//! in front, but not the later "Sophos said"; every other whole-word use of the name, as
//! written, in the document names the same organisation. A discovered name that clips the
//! words of an organisation the document names in full ("Penn State" after "Pennsylvania State
//! University") names that organisation.

use super::coverage::Coverage;
use super::org_heads::names_group;
use super::{FieldScan, Resolved};
use crate::gazetteer::Gazetteer;
use crate::lexicon::ORG_BACK_HEADS;
use crate::model::{EntityRef, MatchKind, NewEntity};
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

/// Adds to each field of `out` the uses of the names of the organisations that discovery
/// found in the document, where no other mention is; then gives the mentions of a clipped
/// name the organisation named in full.
pub(super) fn add(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    out: &mut [Vec<Resolved>],
) {
    let names = discovered_groups(fields, new_entities, out);
    if names.is_empty() {
        return;
    }
    add_repeats(fields, &names, out);
    let full = full_forms_of_clipped(g, fields, new_entities, &names, out);
    if !full.is_empty() {
        for r in out.iter_mut().flatten() {
            if let Some(&e) = full.get(&r.entity) {
                r.entity = e;
            }
        }
    }
}

/// For each discovered name of `names` of two words or more that clips the words of exactly
/// one other organisation mentioned in the document, the entity of that organisation: each
/// word of the clipped name starts the word of the full name at the same place ("Penn" of
/// "Pennsylvania"), and the full name is longer.
fn full_forms_of_clipped(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    names: &[(&str, EntityRef)],
    out: &[Vec<Resolved>],
) -> FxHashMap<EntityRef, EntityRef> {
    let mut full = FxHashMap::default();
    for &(name, entity) in names {
        let short: Vec<&str> = name.split_whitespace().collect();
        if short.len() < 2 {
            continue;
        }
        // Every mention of the document is asked: no allocation per mention.
        let clips = |long: &str| {
            let mut words = long.split_whitespace();
            long.len() > name.len()
                && short
                    .iter()
                    .all(|s| words.next().is_some_and(|w| w.starts_with(s)))
        };
        let mut targets = fields.iter().zip(out).flat_map(|(field, res)| {
            res.iter()
                .filter(|r| r.entity != entity && clips(&field.text[r.start..r.end]))
                .filter(|r| names_group(g, new_entities, r.entity))
                .map(|r| r.entity)
        });
        // With two organisations it could clip, it names neither for sure.
        if let Some(t) = targets.next() {
            if targets.all(|o| o == t) {
                full.insert(entity, t);
            }
        }
    }
    full
}

/// Adds to each field of `out` the whole-word uses of `names` where no other mention is.
fn add_repeats(fields: &[FieldScan<'_>], names: &[(&str, EntityRef)], out: &mut [Vec<Resolved>]) {
    // Built at the first long field: most documents have none.
    let mut one_pass: Option<Option<AhoCorasick>> = None;
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        let long = names.len() > 1 && names.len() * field.text.len() > ONE_PASS_OVER;
        let automaton = if long {
            one_pass
                .get_or_insert_with(|| AhoCorasick::new(names.iter().map(|(n, _)| n)).ok())
                .as_ref()
        } else {
            None
        };
        let found = match automaton {
            Some(a) => all_at_once(a, field.text),
            None => name_by_name(field.text, names),
        };
        if found.is_empty() {
            continue;
        }
        let coverage = Coverage::of(res);
        let added: Vec<Resolved> = found
            .into_iter()
            .filter(|&(_, s, e)| !coverage.covers(s, e))
            .map(|(k, s, e)| Resolved::new(s, e, names[k].1, MatchKind::Coref))
            .collect();
        if !added.is_empty() {
            res.extend(added);
            res.sort_by_key(|r| r.start);
        }
    }
}

/// Above this many bytes read in all (names times text), one automaton for all the names costs
/// less than a pass over the text for each: a long document that discovered many
/// organisations (a 30 MB article spent a third of its time in the passes). Below it,
/// building the automaton would cost more than the passes.
const ONE_PASS_OVER: usize = 1 << 20;

/// The whole-word uses of the names in `text`, as (name index, start, end), by name and then
/// by place: a pass over the text per name.
fn name_by_name(text: &str, names: &[(&str, EntityRef)]) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    for (k, &(name, _)) in names.iter().enumerate() {
        // A name is short and a text is short: looking for its first byte and comparing
        // costs less than building a searcher for it.
        let name = name.as_bytes();
        for s in memchr::memchr_iter(name[0], text.as_bytes()) {
            let e = s + name.len();
            if text.as_bytes()[s..].starts_with(name) && whole_word(text, s, e) {
                found.push((k, s, e));
            }
        }
    }
    found
}

/// What [`name_by_name`] finds, in the same order, in one pass of the automaton `a` of all the
/// names, for long texts ([`ONE_PASS_OVER`]).
fn all_at_once(a: &AhoCorasick, text: &str) -> Vec<(usize, usize, usize)> {
    let mut found: Vec<(usize, usize, usize)> = a
        .find_overlapping_iter(text)
        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
        .filter(|&(_, s, e)| whole_word(text, s, e))
        .collect();
    found.sort_unstable();
    found
}

/// The names, as written, of the organisations discovery found in the document, once each; a
/// head word alone ("Institute") is left to the step of heads.
fn discovered_groups<'t>(
    fields: &[FieldScan<'t>],
    new_entities: &[NewEntity],
    out: &[Vec<Resolved>],
) -> Vec<(&'t str, EntityRef)> {
    let mut names: Vec<(&'t str, EntityRef)> = Vec::new();
    for (field, res) in fields.iter().zip(out) {
        for r in res {
            let EntityRef::New(i) = r.entity else {
                continue;
            };
            if r.kind != MatchKind::Discovered || new_entities[i as usize].kind != "group" {
                continue;
            }
            let name = &field.text[r.start..r.end];
            if name.is_empty()
                || ORG_BACK_HEADS.contains(&name)
                || names.iter().any(|(n, _)| *n == name)
            {
                continue;
            }
            names.push((name, r.entity));
        }
    }
    names
}

/// Whether `text[s..e]` is a whole word or words: no letter or digit glued to either end.
fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !glued(text[..s].chars().next_back()) && !glued(text[e..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::test_util::mentions;

    #[test]
    fn one_pass_finds_what_a_pass_per_name_finds() {
        let names: Vec<(&str, EntityRef)> = ["Zorbix", "Zorbix Labs", "Labs", "Über Co", "X"]
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, EntityRef::New(i as u32)))
            .collect();
        let a = AhoCorasick::new(names.iter().map(|(n, _)| n)).expect("small automaton");
        for text in [
            "",
            "Zorbix Labs said Zorbix and Labs grew; Zorbixes, XLabs and X did not.",
            "Über Co, Über Coal and Zorbix Labs Zorbix X X.",
            "Zorbix",
        ] {
            assert_eq!(
                all_at_once(&a, text),
                name_by_name(text, &names),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_discovered_organisation_named_again_is_the_same() {
        let got = mentions(
            "Q1\tLondon\tplace\t\n",
            "Shares in New York security firm Zorbix rose. Zorbix said profits grew; Zorbixes \
             did not.",
        );
        let z: Vec<_> = got.iter().filter(|(t, _)| t == "Zorbix").collect();
        assert_eq!(z.len(), 2, "{got:?}");
        assert!(z.iter().all(|(_, n)| n == "Zorbix"), "{got:?}");
    }

    #[test]
    fn a_clipped_name_names_the_one_organisation_named_in_full() {
        let rows = "Q1\tQuorvikian State University\tgroup\t\n\
                    Q2\tZamfirovo Technical College\tgroup\t\n";
        let got = mentions(
            rows,
            "The Quorvikian State University board met. Students of Quorv State cheered, and \
             Quorv State fans sang.",
        );
        let q: Vec<_> = got.iter().filter(|(t, _)| t == "Quorv State").collect();
        assert_eq!(q.len(), 2, "{got:?}");
        assert!(
            q.iter().all(|(_, n)| n == "Quorvikian State University"),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_that_clips_two_organisations_names_neither() {
        let rows = "Q1\tQuorvikian State University\tgroup\t\n\
                    Q2\tQuorvale State College\tgroup\t\n";
        let got = mentions(
            rows,
            "The Quorvikian State University and the Quorvale State College met. Fans of \
             Quor State cheered.",
        );
        let q: Vec<_> = got.iter().filter(|(t, _)| t == "Quor State").collect();
        assert_eq!(q.len(), 1, "{got:?}");
        assert_eq!(q[0].1, "Quor State", "{got:?}");
    }
}
