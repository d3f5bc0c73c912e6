//! A discovered organisation named again: discovery finds "security firm Sophos" by the noun
//! in front, but not the later "Sophos said"; every other whole-word use of the name, as
//! written, in the document names the same organisation.

use super::coverage::Coverage;
use super::{FieldScan, Resolved};
use crate::lexicon::ORG_BACK_HEADS;
use crate::model::{EntityRef, MatchKind, NewEntity};
use aho_corasick::AhoCorasick;

/// Adds to each field of `out` the uses of the names of the organisations that discovery
/// found in the document, where no other mention is.
pub(super) fn add(fields: &[FieldScan<'_>], new_entities: &[NewEntity], out: &mut [Vec<Resolved>]) {
    let names = discovered_groups(fields, new_entities, out);
    if names.is_empty() {
        return;
    }
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
            None => name_by_name(field.text, &names),
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
            "Shares in security firm Zorbix rose. Zorbix said profits grew; Zorbixes did not.",
        );
        let z: Vec<_> = got.iter().filter(|(t, _)| t == "Zorbix").collect();
        assert_eq!(z.len(), 2, "{got:?}");
        assert!(z.iter().all(|(_, n)| n == "Zorbix"), "{got:?}");
    }
}
