//! A discovered organisation named again: discovery finds "security firm Sophos" by the noun
//! in front, but not the later "Sophos said"; every other whole-word use of the name, as
//! written, in the document names the same organisation.

use super::{covered, FieldScan, Resolved};
use crate::lexicon::ORG_BACK_HEADS;
use crate::model::{EntityRef, MatchKind, NewEntity};

/// Adds to each field of `out` the uses of the names of the organisations that discovery
/// found in the document, where no other mention is.
pub(super) fn add(fields: &[FieldScan<'_>], new_entities: &[NewEntity], out: &mut [Vec<Resolved>]) {
    let names = discovered_groups(fields, new_entities, out);
    if names.is_empty() {
        return;
    }
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        let mut added = Vec::new();
        let text = field.text.as_bytes();
        for &(name, entity) in &names {
            // A name is short and a text is short: looking for its first byte and comparing
            // costs less than building a searcher for it.
            let name = name.as_bytes();
            for s in memchr::memchr_iter(name[0], text) {
                let e = s + name.len();
                if text[s..].starts_with(name)
                    && whole_word(field.text, s, e)
                    && !covered(res, s, e)
                {
                    added.push(Resolved::new(s, e, entity, MatchKind::Coref));
                }
            }
        }
        if !added.is_empty() {
            res.extend(added);
            res.sort_by_key(|r| r.start);
        }
    }
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
    use crate::resolve::test_util::mentions;

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
