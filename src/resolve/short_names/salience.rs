//! Which of several people who share a surname the surname alone names: "Goode" after the actor
//! Matthew Goode and, once each, his daughter Matilda Goode and his son Ralph Goode is the
//! actor; "Williams" in a match report that names Venus and Serena Williams alike is nobody.

use crate::lexicon::KIN_NOUNS;
use crate::model::{EntityRef, Field};
use crate::resolve::{FieldScan, Resolved};

/// The principal person is named in full more than this many times as often as all the others
/// together: then a lone surname is theirs though another was named first or the article opens
/// with neither ("Jacob Bernoulli's nephew Daniel Bernoulli", and Daniel a dozen times after).
/// Twice keeps out two people of one story named three times and twice.
const DOMINANCE: u32 = 2;

/// How many words before a name may hold the kin noun that makes it a relative in passing
/// ("his son Ralph Goode", "a nephew of Jacob Bernoulli"): the noun and two small words.
const KIN_REACH: usize = 3;

/// A place in a document: the number of the field, and a byte offset in it.
pub(super) type Place = (usize, usize);

/// A mention in full of a person whose surname another person of the document shares.
#[derive(Clone, Copy, Debug)]
pub(super) struct Claim {
    /// The person.
    pub(super) entity: EntityRef,
    /// Where the mention starts.
    at: Place,
    /// Where its sentence starts and ends.
    sentence: (Place, Place),
    /// Where its paragraph ends.
    paragraph_end: Place,
    /// Whether it is in the title or the first paragraph of the body.
    lead: bool,
    /// Whether a kin noun comes right before it ("his daughter Matilda Goode").
    kin: bool,
}

impl Claim {
    /// The claim of mention `r` of field number `f`.
    pub(super) fn of(f: usize, field: &FieldScan<'_>, r: &Resolved) -> Claim {
        let sents = &field.sentences;
        let i = sents.index_of(r.start);
        let bound = |j: usize| sents.starts().get(j).copied().unwrap_or(field.text.len());
        let start = sents.starts()[i];
        let next_paragraph = (i + 1..sents.len())
            .find(|&j| sents.paragraph(j) != sents.paragraph(i))
            .unwrap_or(sents.len());
        Claim {
            entity: r.entity,
            at: (f, r.start),
            sentence: ((f, start), (f, bound(i + 1))),
            paragraph_end: (f, bound(next_paragraph)),
            lead: field.field == Field::Title || sents.paragraph(i) == 0,
            kin: after_kin_noun(&field.text[start..r.start]),
        }
    }
}

/// Whether one of the last [`KIN_REACH`] words of `before` is a kin noun.
fn after_kin_noun(before: &str) -> bool {
    before
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(KIN_REACH)
        .any(|w| KIN_NOUNS.iter().any(|k| k.eq_ignore_ascii_case(w)))
}

/// The person a lone surname names, given every mention in full of the people who share it,
/// in document order: the one named most, when either
/// - they are named more than [`DOMINANCE`] times as often as all the others together, or
/// - they are named first, in a sentence that names none of the others, each of the others is
///   named once, and either they are named in the title or the first paragraph or each of the
///   others is a relative in passing ("his son Ralph Goode").
///
/// None otherwise: two people named alike, or both first in one sentence ("Venus and Serena
/// Williams", a team sheet), or two named once each and neither in the lead nor a relative,
/// leave the surname nobody's.
pub(super) fn principal(claims: &[Claim]) -> Option<EntityRef> {
    // (person, times named, first claim), in the order first named.
    let mut people: Vec<(EntityRef, u32, usize)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        match people.iter_mut().find(|p| p.0 == c.entity) {
            Some(p) => p.1 += 1,
            None => people.push((c.entity, 1, i)),
        }
    }
    // The most named; of equals, the first named.
    let &(p, times, first) = people.iter().rev().max_by_key(|p| p.1)?;
    let others = claims.len() as u32 - times;
    if others == 0 {
        return None;
    }
    let dominant = times > DOMINANCE * others;
    let opener = &claims[0];
    let passing = first == 0
        && people.iter().all(|o| o.0 == p || o.1 == 1)
        && claims
            .iter()
            .all(|c| c.entity == p || c.sentence != opener.sentence)
        && (opener.lead || claims.iter().all(|c| c.entity == p || c.kin));
    (dominant || passing).then_some(p)
}

/// The stretches of the document, as (from, to) places, where the surname of principal `p`
/// names nobody: the sentence of each mention of another person who shares it and, unless
/// that one is a relative in passing, on to the end of the paragraph or the next mention of
/// `p` in full, whichever comes first ("coach Andy Robinson said ... the setback for
/// Robinson's squad" is the coach, not the captain).
pub(super) fn shadows(claims: &[Claim], p: EntityRef) -> impl Iterator<Item = (Place, Place)> + '_ {
    claims
        .iter()
        .enumerate()
        .filter(move |(_, c)| c.entity != p)
        .map(move |(i, c)| {
            let (from, mut to) = c.sentence;
            if !c.kin {
                let next = claims[i + 1..].iter().find(|n| n.entity == p);
                to = to.max(next.map_or(c.paragraph_end, |n| n.at.min(c.paragraph_end)));
            }
            (from, to)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims for people named by letters in sentences of their number, one paragraph each,
    /// the first the lead.
    fn claims(named: &[(char, usize)]) -> Vec<Claim> {
        named
            .iter()
            .map(|&(who, s)| Claim {
                entity: EntityRef::New(who as u32),
                at: (1, 10 * s + 1),
                sentence: ((1, 10 * s), (1, 10 * s + 10)),
                paragraph_end: (1, 10 * s + 10),
                lead: s == 0,
                kin: false,
            })
            .collect()
    }

    fn person(who: char) -> Option<EntityRef> {
        Some(EntityRef::New(who as u32))
    }

    #[test]
    fn the_first_named_in_the_lead_beats_others_named_once() {
        let c = claims(&[('a', 0), ('b', 1), ('c', 1), ('a', 4)]);
        assert_eq!(principal(&c), person('a'));
        assert_eq!(principal(&claims(&[('a', 0), ('b', 3)])), person('a'));
    }

    #[test]
    fn the_first_named_out_of_the_lead_beats_only_relatives() {
        let mut c = claims(&[('a', 2), ('b', 3)]);
        assert_eq!(principal(&c), None);
        c[1].kin = true;
        assert_eq!(principal(&c), person('a'));
    }

    #[test]
    fn the_one_named_far_more_often_wins_though_named_later() {
        let c = claims(&[('b', 0), ('a', 0), ('a', 2), ('a', 3), ('a', 5)]);
        assert_eq!(principal(&c), person('a'));
    }

    #[test]
    fn two_people_named_alike_leave_the_name_to_nobody() {
        let c = claims(&[('a', 0), ('b', 1), ('a', 2), ('b', 3), ('a', 4)]);
        assert_eq!(principal(&c), None);
    }

    #[test]
    fn two_people_first_named_in_one_sentence_leave_it_to_nobody() {
        assert_eq!(principal(&claims(&[('a', 0), ('b', 0)])), None);
        assert_eq!(principal(&claims(&[('a', 0), ('b', 0), ('a', 3)])), None);
    }

    #[test]
    fn the_later_one_named_once_more_is_no_principal() {
        assert_eq!(principal(&claims(&[('a', 0), ('b', 1), ('b', 2)])), None);
    }

    #[test]
    fn another_shadows_its_paragraph_up_to_the_next_full_mention_a_relative_its_sentence() {
        let mut c = claims(&[('a', 0), ('b', 2), ('c', 3), ('a', 5), ('d', 6)]);
        c[1].paragraph_end = (1, 100);
        c[2].kin = true;
        c[2].paragraph_end = (1, 100);
        c[4].paragraph_end = (1, 90);
        let got: Vec<_> = shadows(&c, EntityRef::New('a' as u32)).collect();
        let want = [((1, 20), (1, 51)), ((1, 30), (1, 40)), ((1, 60), (1, 90))];
        assert_eq!(got, want);
    }

    #[test]
    fn a_kin_noun_is_one_of_the_last_words() {
        assert!(after_kin_noun("His daughter "));
        assert!(after_kin_noun("Daniel was a son of "));
        assert!(after_kin_noun("They have a daughter, "));
        assert!(!after_kin_noun("The son of a farmer met the coach "));
    }
}
