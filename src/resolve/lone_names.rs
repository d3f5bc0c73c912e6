//! People named by one word, whom no full name introduces: a given name alone ("Cara nodded",
//! "said Steven"), a surname that its context says is a person's ("Kumar said", "Vice
//! President Ford", "lawyer Kumar", "Kumar (2005) showed", "Kumar, 45,"; `cues.rs`), a person
//! discovery found by one word ("Mr Haddad"), and the people of a country ("Israelis", a person
//! in GUM's scheme and Wikipedia's). Once a word names such a person, every other place it
//! stands alone in the document names them too.
//!
//! A word counts only standing alone: capitalized, not covered by a mention, with no other
//! name word right before or after it ("Cara Delevingne" is someone else). A given name must be
//! no common word ("Will", "May") and no alias of a place or group of the gazetteer, even one
//! the evidence dropped ("Georgia"), and follow no article or possessive ("an Oscar", "the
//! Mac"); a surname needs its context and must be no common word.
//! A word of the full name of a person of the document names nobody new: short names gave it
//! to that person where it was theirs alone.

mod cues;

use cues::Cue;

use super::context::{is_capitalized, word_before};
use super::{names_person, FieldScan, Resolved};
use crate::discovery::slug;
use crate::gazetteer::{Gazetteer, Traits};
use crate::lexicon::{Lone, Weak, WordLists};
use crate::lexicon::{NO_GIVEN_NAME_AFTER, STOPWORDS};
use crate::matching::Occurrence;
use crate::model::{EntityRef, MatchKind, NewEntity};
use crate::text::roles::is_role_word;
use crate::text::tokens::alnum_end;
use crate::text::words::WordStarts;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Most bytes of a lone name: longer words are no names (and are not folded).
const MAX_BYTES: usize = 24;

/// Adds to `out` the people named by one word, as new entities pushed on `new_entities` (or the
/// discovered person of that one-word name).
pub(super) fn add(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &mut Vec<NewEntity>,
    out: &mut [Vec<Resolved>],
) {
    let words = g.words();
    let mut fold = String::new();
    // The one-word names of people, and whose; the words of longer names of people, which
    // short names resolved where they could, and which name nobody new.
    let mut people: FxHashMap<&str, EntityRef> = FxHashMap::default();
    let mut in_full: FxHashSet<&str> = FxHashSet::default();
    for (field, res) in fields.iter().zip(out.iter()) {
        for r in res {
            if !names_person(g, new_entities, r.entity) {
                continue;
            }
            let w = &field.text[r.start..r.end];
            if w.contains(char::is_whitespace) {
                in_full.extend(w.split_whitespace());
            } else if matches!(r.entity, EntityRef::New(_)) {
                people.entry(w).or_insert(r.entity);
            }
        }
    }
    // First the words that name a person by themselves or by their context; then, when there
    // are some, every other place such a word stands alone.
    let mut found: Vec<(usize, Resolved)> = Vec::new();
    // The other words that may stand alone, for the second pass.
    let mut others: Vec<(usize, usize, usize)> = Vec::new();
    for (k, (field, res)) in fields.iter().zip(out.iter()).enumerate() {
        let text = field.text;
        standing_alone(text, field.sentences.word_starts(), res, |start, end| {
            let w = &text[start..end];
            fold.clear();
            if w.is_ascii() {
                fold.push_str(w);
                fold.make_ascii_lowercase();
            } else {
                crate::text::fold::fold_into(w, &mut fold);
            }
            // A context only people take outweighs a place or group of that name ("Tyler
            // nodded"), and a common word that is a surname but no given name or title
            // ("Senator Baker", "Green (2010)"; not "Will smiled", "Marsh said").
            let named = match words.lone(&fold) {
                Lone::People => true,
                Lone::Demonym => false,
                // "an Oscar nomination", "the Mac": a given name takes no article, and the
                // word names no one here even when it names a person elsewhere.
                Lone::GivenName if after_a_determiner(text, start) => return,
                Lone::GivenName => {
                    !names_a_place_or_group(g, field, start, end)
                        || cues::said_to_be_a_person(text, start, end, Cue::PersonOnly)
                }
                Lone::Unknown => match words.weak(&fold) {
                    Weak::Calendar => false,
                    Weak::Common => {
                        words.is_surname(&fold)
                            && !words.is_first_name(&fold)
                            && !is_role_word(w)
                            && cues::said_to_be_a_person(text, start, end, Cue::PersonOnly)
                    }
                    // A surname may speak for its person ("Kumar said"); a word in no list
                    // that speaks first is as often a company ("Yukos said", "Ofcom said").
                    Weak::Name => cues::said_to_be_a_person(text, start, end, Cue::Any),
                    // ...unless it is a listed person's surname ("Olsvig said").
                    Weak::No => {
                        cues::said_to_be_a_person(text, start, end, Cue::PersonOnly)
                            || cues::said_of_before(text, start)
                            || (listed_person_word(g, field, start, end)
                                && cues::said_to_be_a_person(text, start, end, Cue::Any))
                    }
                },
            };
            if !named {
                others.push((k, start, end));
                return;
            }
            if in_full.contains(w) || name_word_before(words, text, start, &mut fold) {
                return;
            }
            let e = match people.get(w) {
                Some(&e) => Some(e),
                None => new_person(w, new_entities).inspect(|&e| {
                    people.insert(w, e);
                }),
            };
            if let Some(e) = e {
                found.push((k, Resolved::new(start, end, e, MatchKind::Discovered)));
            }
        });
    }
    if people.is_empty() {
        return;
    }
    for (k, start, end) in others {
        let text = fields[k].text;
        let w = &text[start..end];
        let Some(&e) = people.get(w) else {
            continue;
        };
        if !in_full.contains(w) && !name_word_before(words, text, start, &mut fold) {
            found.push((k, Resolved::new(start, end, e, MatchKind::Coref)));
        }
    }
    if found.is_empty() {
        return;
    }
    for (k, r) in found {
        out[k].push(r);
    }
    for res in out.iter_mut() {
        res.sort_by_key(|r| r.start);
    }
}

/// Whether the matcher found the word at `start..end` of `field` as a name or surname of a
/// listed person.
fn listed_person_word(g: &Gazetteer, field: &FieldScan<'_>, start: usize, end: usize) -> bool {
    occurrences_over(field, start, end).any(|o| {
        (o.start, o.end) == (start, end)
            && o.candidates
                .iter()
                .any(|c| g.traits(c.entity).class == Traits::PERSON)
    })
}

/// The matcher's occurrences in `field` that overlap `start..end` (they are sorted and do not
/// overlap one another, so their ends are sorted too).
fn occurrences_over<'f>(
    field: &'f FieldScan<'_>,
    start: usize,
    end: usize,
) -> impl Iterator<Item = &'f Occurrence> {
    let occ = &field.occurrences;
    let i = occ.partition_point(|o| o.end <= start);
    occ[i..].iter().take_while(move |o| o.start < end)
}

/// Whether the word before byte `start` of `text` is an article or a possessive
/// ([`NO_GIVEN_NAME_AFTER`]).
fn after_a_determiner(text: &str, start: usize) -> bool {
    word_before(text, start).is_some_and(|(_, w)| NO_GIVEN_NAME_AFTER.contains(&w))
}

/// The person named `w` by one word: the new entity of that id when there is one and it is a
/// person, else a new one; None when the id is taken by a group.
fn new_person(w: &str, new_entities: &mut Vec<NewEntity>) -> Option<EntityRef> {
    let s = slug(w);
    if s.is_empty() {
        return None;
    }
    let id = format!("new:{s}");
    if let Some(i) = new_entities.iter().position(|e| *e.id == *id) {
        return (new_entities[i].kind == "person").then_some(EntityRef::New(i as u32));
    }
    new_entities.push(NewEntity {
        id: id.into(),
        name: w.into(),
        kind: "person",
    });
    Some(EntityRef::New(new_entities.len() as u32 - 1))
}

/// Whether a gazetteer alias at `start..end` of the field may name a place or group.
pub(super) fn names_a_place_or_group(
    g: &Gazetteer,
    field: &FieldScan<'_>,
    start: usize,
    end: usize,
) -> bool {
    occurrences_over(field, start, end).any(|o| {
        o.candidates
            .iter()
            .any(|c| g.traits(c.entity).class != Traits::PERSON)
    })
}

/// Calls `found(start, end)` for every capitalized word of `text` that may stand alone: no
/// mention of `res` (sorted by start) covers it, no capitalized word follows it, and it is
/// shaped like a name ([`shaped_like_a_name`]). The tests go from the cheapest to the dearest:
/// most capitalized words of news are covered by a mention or stand next to another.
fn standing_alone(
    text: &str,
    starts: &WordStarts,
    res: &[Resolved],
    mut found: impl FnMut(usize, usize),
) {
    let b = text.as_bytes();
    let mut m = 0;
    let mut starts = starts.walk();
    let mut i = starts.from(0);
    while i < b.len() {
        while m < res.len() && res[m].end <= i {
            m += 1;
        }
        // A mention covers the word: go on after the mention.
        if m < res.len() && res[m].start <= i {
            i = starts.from(res[m].end);
            continue;
        }
        let end = word_end(text, i);
        let next = starts.from(end.max(i + 1));
        let covered = m < res.len() && res[m].start < end;
        if !covered
            && !glued(text, i)
            && shaped_like_a_name(&text[i..end])
            && !capital_after(text, end)
        {
            found(i, end);
        }
        i = next;
    }
}

/// Whether the word at byte `i` is glued to the one before ("x-Ray", "AT&T"): then it is no
/// word of its own.
#[inline]
fn glued(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    match i.checked_sub(1).map(|p| b[p]) {
        None => false,
        Some(c) if c < 0x80 => c.is_ascii_alphanumeric() || b"-'_/@#&".contains(&c),
        Some(_) => text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '’'),
    }
}

/// Whether a capitalized word follows byte `end` of `text` across spaces.
#[inline]
fn capital_after(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let mut j = end;
    while j < b.len() && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    j > end
        && j < b.len()
        && (b[j].is_ascii_uppercase()
            || (b[j] >= 0xC0 && text[j..].chars().next().is_some_and(char::is_uppercase)))
}

/// Whether a name word stands right before byte `start`: a capitalized word that does not end
/// a sentence, is no title and does not open the sentence ("In", "Currently"). `fold` is a
/// buffer, overwritten.
fn name_word_before(words: &WordLists, text: &str, start: usize, fold: &mut String) -> bool {
    word_before(text, start).is_some_and(|(_, w)| {
        is_capitalized(w)
            && !w.ends_with('.')
            && !is_role_word(w)
            && !opens_sentence(words, w, fold)
    })
}

/// The end of the word starting at `i`: letters and digits, joined by inner hyphens and by
/// apostrophes before a capital ("O'Brien"); a possessive "’s" is left out. ASCII letters and
/// digits are passed eight at a time, and an ASCII byte after them other than a hyphen or an
/// apostrophe ends the word at once; only other chars are decoded.
fn word_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    loop {
        j = alnum_end(b, j);
        match b.get(j) {
            Some(&c) if c >= 0x80 || c == b'-' || c == b'\'' => {}
            _ => return j,
        }
        let Some(c) = text[j..].chars().next() else {
            return j;
        };
        let l = c.len_utf8();
        let after = text[j + l..].chars().next();
        if c.is_alphanumeric() {
            j += l;
        } else if (c == '-' && after.is_some_and(char::is_alphabetic))
            || ((c == '\'' || c == '’') && after.is_some_and(char::is_uppercase))
        {
            j += l + after.map_or(0, char::len_utf8);
        } else {
            return j;
        }
    }
}

/// A capitalized word of three chars or more (shorter ones are initials, abbreviations and
/// stopwords: "He", "Al") and at most `MAX_BYTES` bytes, not in capitals ("NASA", but
/// "O'Neill"), with no digit.
fn shaped_like_a_name(w: &str) -> bool {
    let mut cs = w.chars();
    let (Some(first), Some(second), Some(third)) = (cs.next(), cs.next(), cs.next()) else {
        return false;
    };
    // "O'Neill", "D’Angelo": an apostrophe after the first capital, and a capital after it.
    let elided = (second == '\'' || second == '’') && third.is_uppercase();
    w.len() <= MAX_BYTES
        && first.is_uppercase()
        && (second.is_lowercase() || elided)
        && !w.bytes().any(|c| c.is_ascii_digit())
}

/// Whether the capitalized word `w` is a stopword or a common word that is no given name or
/// surname ("In", "With", "Currently"): capitalized only because it opens a sentence.
pub(super) fn opens_sentence(words: &WordLists, w: &str, fold: &mut String) -> bool {
    static STOP: OnceLock<FxHashSet<&str>> = OnceLock::new();
    if STOP
        .get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(w)
    {
        return true;
    }
    fold.clear();
    crate::text::fold::fold_into(w, fold);
    words.is_plain_word(fold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::test_util::mentions;

    const ROWS: &str = "Georgia\tGeorgia\tplace\t\nPelt_Motors\tPelt Motors\tgroup\tPelt\n";

    fn people(text: &str) -> Vec<(String, String)> {
        mentions(ROWS, text)
    }

    #[test]
    fn a_word_in_no_list_that_speaks_first_may_be_a_company() {
        // "Zorbix said" is a firm as often as a person; a surname of the lists ("Kumar") and a
        // word after the verb ("said Quorvik") speak for a person, and so does an age.
        let got = people("Zorbix said profits rose. Kumar said no. Later, said Quorvik, it fell.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Kumar", "Quorvik"], "{got:?}");
        let got = people("Dravin, 45, said no.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_given_name_after_an_article_or_a_possessive_is_a_thing() {
        // Not a person: "an Oscar", "the Mac", "his Oscar", even once "Oscar" names one.
        let got = people("He won an Oscar. The Mac sold well, and his Oscar shone.");
        assert!(got.is_empty(), "{got:?}");
        let got = people("Oscar nodded. Later his Oscar statuette fell, and Oscar laughed.");
        assert_eq!(got.len(), 2, "{got:?}");
        // An initial in a team sheet is no article.
        let got = people("The team: C Paterson, A Craig, H Southwell.");
        assert!(got.iter().any(|(t, _)| t == "Craig"), "{got:?}");
    }

    #[test]
    fn a_given_name_alone_is_a_person_and_so_is_every_later_one() {
        let got = people("Cara nodded. Then Steven came, and Cara left with him.");
        let want = [("Cara", "Cara"), ("Steven", "Steven"), ("Cara", "Cara")];
        assert_eq!(got.len(), 3, "{got:?}");
        for ((t, n), (wt, wn)) in got.iter().zip(want) {
            assert_eq!((t.as_str(), n.as_str()), (wt, wn), "{got:?}");
        }
    }

    #[test]
    fn an_adjective_of_a_country_or_faith_after_a_verb_names_nobody() {
        let got = people("The cleric said Muslim leaders met. Officials said Belgian police came.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_surname_needs_a_title_or_a_verb_of_speech() {
        let got = people("No, said Quorvik. Vice President Pelt agreed. Zamfir sells boats.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Quorvik", "Pelt"], "{got:?}");
        assert!(got.iter().all(|(_, n)| n != "Pelt Motors"), "{got:?}");
    }

    #[test]
    fn a_title_or_verb_makes_a_surname_of_a_common_word_and_a_person_of_a_place() {
        let got = people(
            "Senator Baker spoke, Speaker O'Neill agreed, Governor Table left and Nothing felt \
             right. Mr. Chief Justice, Then Georgia nodded. Marsh said no. The Belgian, who won.",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Baker", "O'Neill", "Georgia"], "{got:?}");
        assert_eq!(got[2].1, "Georgia", "{got:?}");
    }

    #[test]
    fn common_words_places_and_longer_names_are_no_lone_names() {
        let got = people(
            "Will you come? Georgia voted. Cara Zamfir spoke, and \
             the Steven Quorvik Trust paid. GRACE left.",
        );
        assert!(
            got.iter()
                .all(|(t, _)| t != "Will" && t != "Cara" && t != "Steven"),
            "{got:?}"
        );
        assert!(got.iter().all(|(t, _)| t != "Georgia"), "{got:?}");
    }

    #[test]
    fn the_people_of_a_country_are_a_person_named_by_the_plural() {
        let got =
            people("Many Israelis and Americans voted; the Israeli team and the Chinese lost.");
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Israelis", "Americans"], "{got:?}");
    }

    #[test]
    fn peoples_and_faiths_are_a_person_named_by_the_plural() {
        let got = people(
            "Kurds, Muslims and Jews marched; a Kurd and the Kurdish Muslims Council watched.",
        );
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            ["Kurds", "Muslims", "Jews", "Kurdish Muslims Council"],
            "{got:?}"
        );
    }

    /// [`word_end`] as it was before its ASCII shortcuts: byte by byte over ASCII letters and
    /// digits, and every other char decoded. The reference the fast one must agree with.
    fn word_end_reference(text: &str, i: usize) -> usize {
        let b = text.as_bytes();
        let mut j = i;
        loop {
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let Some(c) = text[j..].chars().next() else {
                return j;
            };
            let l = c.len_utf8();
            let after = text[j + l..].chars().next();
            if c.is_alphanumeric() {
                j += l;
            } else if (c == '-' && after.is_some_and(char::is_alphabetic))
                || ((c == '\'' || c == '’') && after.is_some_and(char::is_uppercase))
            {
                j += l + after.map_or(0, char::len_utf8);
            } else {
                return j;
            }
        }
    }

    #[test]
    fn word_end_agrees_with_its_reference() {
        let texts = [
            "O'Brien’s car, Jean-Luc's. Erdoğan-Ünal x-1 A- B' C'd D’E Ab12cd3, \
             Zürich–Genf 東京 Москва-Сити ΑΘΗΝΑ 'Quote' -Dash ends-",
            "Abcdefghijklmnopqrstuvwxyz0123456789_Abc Short.Long-Word-Chain'Xy’Zw",
        ];
        for t in texts {
            for i in (0..t.len()).filter(|&i| t.is_char_boundary(i)) {
                assert_eq!(word_end(t, i), word_end_reference(t, i), "{t:?} at {i}");
            }
        }
    }

    #[test]
    fn words_end_before_a_possessive_and_run_across_inner_joins() {
        let t = "O'Brien’s car, Jean-Luc's.";
        assert_eq!(&t[..word_end(t, 0)], "O'Brien");
        let j = t.find("Jean").unwrap();
        assert_eq!(&t[j..word_end(t, j)], "Jean-Luc");
    }
}
