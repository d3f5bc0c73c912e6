//! An organisation's head word standing alone for it: after "the Pennsylvania State
//! University", "the University" is that university, as "this Court" is the one court the
//! article named. Only a head that exactly one named organisation of the document carries
//! refers back; with two universities named, "the University" is left alone.

use super::coverage::Coverage;
use super::{FieldScan, Resolved};
use crate::gazetteer::{Gazetteer, Traits};
use crate::lexicon::{ORG_BACK_DETERMINERS, ORG_BACK_HEADS};
use crate::model::{EntityRef, MatchKind, NewEntity};

/// Adds to each field of `out` the head words that stand for the one organisation of the
/// document whose name holds them.
pub(super) fn add(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    out: &mut [Vec<Resolved>],
) {
    let heads = named_heads(g, fields, new_entities, out);
    // The heads that name one organisation, by their index in ORG_BACK_HEADS.
    let unique: Vec<(usize, EntityRef)> = heads
        .iter()
        .enumerate()
        .filter_map(|(k, h)| h.flatten().map(|e| (k, e)))
        .collect();
    if unique.is_empty() {
        return;
    }
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        let mut added = Vec::new();
        // Built at the first head that refers back: most fields have none.
        let mut coverage: Option<Coverage> = None;
        for &(k, ref e) in &unique {
            let head = ORG_BACK_HEADS[k];
            for s in finders()[k].find_iter(field.text.as_bytes()) {
                let e_ = s + head.len();
                if refers_back(field.text, s, e_)
                    && !coverage
                        .get_or_insert_with(|| Coverage::of(res))
                        .covers(s, e_)
                {
                    added.push(Resolved::new(s, e_, *e, MatchKind::Coref));
                }
            }
        }
        if !added.is_empty() {
            res.extend(added);
            res.sort_by_key(|r| r.start);
        }
    }
}

/// A searcher for each word of [`ORG_BACK_HEADS`], built once: building one costs more than
/// searching a short article with it.
fn finders() -> &'static [memchr::memmem::Finder<'static>] {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    FINDERS.get_or_init(|| {
        ORG_BACK_HEADS
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect()
    })
}

/// For each word of [`ORG_BACK_HEADS`]: None when no organisation of the document has it in
/// its name, Some(None) when several do, Some(Some(entity)) when exactly one does.
fn named_heads(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    out: &[Vec<Resolved>],
) -> [Option<Option<EntityRef>>; ORG_BACK_HEADS.len()] {
    let mut heads = [None; ORG_BACK_HEADS.len()];
    for (field, res) in fields.iter().zip(out) {
        for r in res {
            if !names_group(g, new_entities, r.entity) {
                continue;
            }
            let name = &field.text.as_bytes()[r.start..r.end];
            // Heads are capitalized ASCII words between spaces; most words are no head, and
            // their first letter tells so before any comparison. The head alone is no name
            // that could be referred back to.
            for w in name.split(|&c| c == b' ') {
                if w.len() == name.len() || !w.first().is_some_and(u8::is_ascii_uppercase) {
                    continue;
                }
                let Some(k) = ORG_BACK_HEADS.iter().position(|h| h.as_bytes() == w) else {
                    continue;
                };
                heads[k] = match heads[k] {
                    None => Some(Some(r.entity)),
                    Some(Some(e)) if e == r.entity => Some(Some(e)),
                    _ => Some(None),
                };
            }
        }
    }
    heads
}

/// Whether `e` is an organisation or another group, listed or discovered.
pub(super) fn names_group(g: &Gazetteer, new_entities: &[NewEntity], e: EntityRef) -> bool {
    match e {
        EntityRef::Known(e) => g.traits(e).class == Traits::GROUP,
        EntityRef::New(i) => new_entities[i as usize].kind == "group",
    }
}

/// Whether the head word at `text[s..e]` stands alone after a determiner: a whole word, right
/// after "the" or "this", and not followed by a capitalized word or "of" (then it opens a
/// longer name, "the House Public Works Subcommittee", "the University of Nowhere").
fn refers_back(text: &str, s: usize, e: usize) -> bool {
    let before = &text[..s];
    let after = &text[e..];
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let Some(det_end) = before.strip_suffix(' ') else {
        return false;
    };
    let det = det_end
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if !ORG_BACK_DETERMINERS.contains(&det) {
        return false;
    }
    let next = after.trim_start_matches([' ', '\u{a0}']);
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !(next_word == "of" || next_word.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use crate::resolve::test_util::mentions;

    const ROWS: &str = "Q1\tSupreme Court\tgroup\t\n";

    #[test]
    fn the_head_of_the_one_named_court_is_that_court() {
        let got = mentions(
            ROWS,
            "Lawyers argued before the Supreme Court on Monday. This Court, they said, must rule. \
             Later the Court agreed.",
        );
        let courts: Vec<_> = got.iter().filter(|(t, _)| t == "Court").collect();
        assert_eq!(courts.len(), 2, "{got:?}");
        assert!(courts.iter().all(|(_, n)| n == "Supreme Court"), "{got:?}");
    }

    #[test]
    fn a_head_of_two_named_orgs_or_of_none_stays_alone() {
        let two = mentions(
            "Q1\tSupreme Court\tgroup\t\nQ2\tHigh Court\tgroup\t\n",
            "The Supreme Court and the High Court met. Then the Court ruled.",
        );
        assert!(two.iter().all(|(t, _)| t != "Court"), "{two:?}");
        let none = mentions(
            ROWS,
            "The Supreme Court sat. Later the University objected.",
        );
        assert!(none.iter().all(|(t, _)| t != "University"), "{none:?}");
    }

    #[test]
    fn a_head_that_opens_a_longer_name_or_has_no_determiner_is_left() {
        let got = mentions(
            ROWS,
            "The Supreme Court sat. The Court Appeals Office wrote; the Court of Claims too. \
             Court officials left.",
        );
        assert!(got.iter().all(|(t, _)| t != "Court"), "{got:?}");
    }

    #[test]
    fn a_head_after_letters_of_several_bytes_is_read_whole() {
        let got = mentions(
            ROWS,
            "The Supreme Court sat. «the Court» agreed; Día’s the Court ruled. ’Court",
        );
        let courts = got.iter().filter(|(t, _)| t == "Court").count();
        assert_eq!(courts, 2, "{got:?}");
    }
}
