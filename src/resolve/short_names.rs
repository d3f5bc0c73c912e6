//! Short names of people named in full in the same document ("Lee" after "Lee Jae-myung",
//! "Abu Qasra" after "Murhaf Abu Qasra", "Jenna" after "Jenna Mourey"), as GATE's orthomatcher
//! does: the last word of the name (or the family name of an East Asian name), and the first
//! word when it is a given name, written as in the full name, as a whole capitalized word no
//! other name word touches. When other people of the document have the same short name, only
//! a surname whose principal person the article makes clear ([`salience`]) names anyone.

mod salience;

use super::context::{is_capitalized, last_word, word_after, word_before, words};
use super::lone_names::opens_sentence;
use super::{names_person, namesakes, FieldScan, Resolved, MAX_KEPT_OCCURRENCES};
use crate::gazetteer::Gazetteer;
use crate::lexicon::{Weak, WordLists, EAST_ASIAN_FAMILY_NAMES, FAMILY_NOUNS};
use crate::model::{EntityRef, MatchKind, NewEntity};
use crate::text::char_at;
use crate::text::roles::is_role_word;
use crate::text::tokens::ALNUM;
use rustc_hash::FxHashMap;

/// The buffers of [`add`], kept from document to document.
#[derive(Default)]
pub(super) struct Buffers {
    /// The short names found at a place: their number, where they end, and whose they are.
    found: Vec<(usize, usize, EntityRef)>,
    /// The mentions found in a field.
    added: Vec<Resolved>,
}

impl Buffers {
    /// Whether the buffers are small enough to keep for the next document.
    pub(super) fn small(&self) -> bool {
        self.found.capacity() <= MAX_KEPT_OCCURRENCES
            && self.added.capacity() <= MAX_KEPT_OCCURRENCES
    }
}

/// Adds to `out` a mention of the short name of every person named in full in the document,
/// wherever it stands alone.
pub(super) fn add(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    new_entities: &[NewEntity],
    b: &mut Buffers,
    out: &mut [Vec<Resolved>],
) {
    let mut names = ShortNames::gather(g, fields, new_entities, out);
    if names.keys.iter().any(|k| k.shared && !k.given) {
        names.settle_shared(g, fields, new_entities, out);
    }
    if names.usable().next().is_some() {
        names.find(g, fields, new_entities, b, out);
    }
}

/// A short name of a document's people.
struct Key<'a> {
    /// The name.
    name: &'a str,
    /// The person it names: None when it is the short name of more than one and none of them
    /// is the principal one, which stays in [`ShortNames::keys`] so that the index still
    /// indexes every key.
    person: Option<EntityRef>,
    /// Whether it is the short name of more than one person.
    shared: bool,
    /// Whether it is the given name of some person.
    given: bool,
}

/// The short names of a document's people.
struct ShortNames<'a> {
    /// Each short name.
    keys: Vec<Key<'a>>,
    /// Where each short name is in `keys`.
    index: FxHashMap<&'a str, usize>,
    /// The stretches of the document, as (key, from, to) with places as (field number, byte),
    /// where a shared surname that names its principal person stays nobody's: another person
    /// of that name was named in full there ([`salience::shadows`]).
    blocked: Vec<(usize, salience::Place, salience::Place)>,
}

impl<'a> ShortNames<'a> {
    /// The short names of the people `out` names in `fields`.
    fn gather(
        g: &Gazetteer,
        fields: &[FieldScan<'a>],
        new_entities: &[NewEntity],
        out: &[Vec<Resolved>],
    ) -> Self {
        let mut names = ShortNames {
            keys: Vec::new(),
            index: FxHashMap::default(),
            blocked: Vec::new(),
        };
        let mut fold = String::new();
        for (field, res) in fields.iter().zip(out) {
            for r in res {
                if !names_person(g, new_entities, r.entity) {
                    continue;
                }
                let (key, given) = short_name(g.words(), &field.text[r.start..r.end], &mut fold);
                if let Some(key) = key {
                    names.insert(key, r.entity, false);
                }
                if let Some(given) = given {
                    names.insert(given, r.entity, true);
                }
            }
        }
        names
    }

    /// Records that `key` is the short name of `e`, its given name or not.
    fn insert(&mut self, key: &'a str, e: EntityRef, given: bool) {
        match self.index.get(key) {
            Some(&p) => {
                let k = &mut self.keys[p];
                if k.person != Some(e) {
                    k.person = None;
                    k.shared = true;
                }
                k.given |= given;
            }
            None => {
                self.index.insert(key, self.keys.len());
                self.keys.push(Key {
                    name: key,
                    person: Some(e),
                    shared: false,
                    given,
                });
            }
        }
    }

    /// Gives each surname that several people share to the principal one of them, where the
    /// article makes clear who that is ([`salience::principal`]), and blocks the stretches
    /// where it may name one of the others.
    #[cold]
    fn settle_shared(
        &mut self,
        g: &Gazetteer,
        fields: &[FieldScan<'a>],
        new_entities: &[NewEntity],
        out: &[Vec<Resolved>],
    ) {
        let mut claims: Vec<(usize, salience::Claim)> = Vec::new();
        let mut fold = String::new();
        for (f, (field, res)) in fields.iter().zip(out).enumerate() {
            for r in res {
                if !names_person(g, new_entities, r.entity) {
                    continue;
                }
                let (key, _) = short_name(g.words(), &field.text[r.start..r.end], &mut fold);
                let Some(&k) = key.and_then(|key| self.index.get(key)) else {
                    continue;
                };
                if self.keys[k].shared && !self.keys[k].given {
                    claims.push((k, salience::Claim::of(f, field, r)));
                }
            }
        }
        // Each key's claims together, in document order.
        claims.sort_by_key(|&(k, _)| k);
        for group in claims.chunk_by(|a, b| a.0 == b.0) {
            let k = group[0].0;
            let of_key: Vec<salience::Claim> = group.iter().map(|&(_, c)| c).collect();
            let Some(p) = salience::principal(&of_key) else {
                continue;
            };
            self.keys[k].person = Some(p);
            let shadows = salience::shadows(&of_key, p).map(|(from, to)| (k, from, to));
            self.blocked.extend(shadows);
        }
    }

    /// Whether a use of key `k` at byte `p` of field `f` stays nobody's.
    fn is_blocked(&self, k: usize, f: usize, p: usize) -> bool {
        self.blocked
            .iter()
            .any(|&(key, from, to)| key == k && from <= (f, p) && (f, p) < to)
    }

    /// The short names that name one person.
    fn usable(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.keys
            .iter()
            .filter(|k| k.person.is_some())
            .map(|k| k.name)
    }

    /// Adds to `out` the short names standing alone in each field. One pass over each text,
    /// looking up the words that may be short names, instead of one search per name: a long
    /// document names thousands of people.
    #[inline(never)]
    fn find(
        &self,
        g: &Gazetteer,
        fields: &[FieldScan<'_>],
        new_entities: &[NewEntity],
        b: &mut Buffers,
        out: &mut [Vec<Resolved>],
    ) {
        let words = g.words();
        let mut fold = String::new();
        let max_len = self.usable().map(str::len).max().unwrap_or(0);
        let heads = Heads::of(self.usable());
        for (f, (field, res)) in fields.iter().zip(out.iter_mut()).enumerate() {
            let text = field.text;
            let bytes = text.as_bytes();
            let yields = |r: &Resolved| {
                namesakes::yields_to_person(g, text, r) || lone_word_person(new_entities, text, r)
            };
            b.added.clear();
            let mut starts = field.sentences.word_starts().walk();
            let mut p = starts.from(0);
            while p < bytes.len() {
                let mut next = p + 1;
                if !heads.may_start(bytes, p) {
                    p = starts.from(next);
                    continue;
                }
                while next < bytes.len() && ALNUM[bytes[next] as usize] {
                    next += 1;
                }
                self.keys_at(text, p, next, max_len, &mut b.found);
                // The first name in key order that fits wins its place.
                for &(k, end, entity) in b.found.iter() {
                    if !self.blocked.is_empty() && self.is_blocked(k, f, p) {
                        continue;
                    }
                    match spot(yields, words, text, p, end, res, &mut fold) {
                        Spot::Free => {
                            b.added
                                .push(Resolved::new(p, end, entity, MatchKind::Coref));
                        }
                        Spot::Namesake(i) => {
                            res[i].entity = entity;
                            res[i].kind = MatchKind::Coref;
                        }
                        Spot::Taken => continue,
                    }
                    break;
                }
                p = starts.from(next);
            }
            if !b.added.is_empty() {
                res.append(&mut b.added);
                res.sort_by_key(|r| r.start);
            }
        }
    }

    /// Puts in `found` the short names that start at byte `p` of `text` as a whole word, in
    /// key order: every end inside the run of non-spaces where the word ends (an apostrophe
    /// ends a word: "Lee’s office"), shortest first. `next` is where the run of ASCII letters
    /// and digits from `p + 1` ends; no key is longer than `max_len` bytes.
    fn keys_at(
        &self,
        text: &str,
        p: usize,
        next: usize,
        max_len: usize,
        found: &mut Vec<(usize, usize, EntityRef)>,
    ) {
        found.clear();
        let word_char = |c: char| c.is_alphanumeric() || c == '-';
        let Some(first) = char_at(text, p).filter(|c| c.is_uppercase()) else {
            return;
        };
        let before = match p.checked_sub(1).map(|q| text.as_bytes()[q]) {
            Some(c) if c < 0x80 => Some(char::from(c)),
            Some(_) => text[..p].chars().next_back(),
            None => None,
        };
        if before.is_some_and(word_char) {
            return;
        }
        let mut end = p + first.len_utf8();
        if first.is_ascii() {
            // The ASCII letters and digits up to `next` neither end a word nor are spaces: no
            // name ends among them, so the scan starts where they end (and a run longer than
            // any name holds none).
            if next - p > max_len {
                return;
            }
            end = next;
        }
        loop {
            let following = char_at(text, end);
            if !following.is_some_and(word_char) {
                if let Some(&k) = self.index.get(&text[p..end]) {
                    if let Some(e) = self.keys[k].person {
                        found.push((k, end, e));
                    }
                }
            }
            match following {
                Some(c) if !c.is_whitespace() && end - p < max_len => end += c.len_utf8(),
                _ => break,
            }
        }
        if found.len() > 1 {
            found.sort_unstable();
        }
    }
}

/// The first two bytes of a document's short names: most capitalized words share no first two
/// bytes with any ("Smith" and "Said" do not), and are passed without a lookup. Short names have
/// three chars or more, so both bytes are in each.
struct Heads {
    /// For each first byte (an ASCII capital or the lead byte of a longer char, which a word can
    /// start at), the classes of the second bytes that follow it ([`Heads::class`]).
    seconds: [u32; 256],
}

impl Heads {
    fn of<'k>(keys: impl Iterator<Item = &'k str>) -> Heads {
        let mut seconds = [0u32; 256];
        for k in keys {
            let k = k.as_bytes();
            seconds[usize::from(k[0])] |= Heads::class(k[1]);
        }
        Heads { seconds }
    }

    /// The class of a second byte, as one bit: each ASCII lowercase letter its own (most names
    /// go on in lowercase), every other byte the last bit.
    #[inline]
    fn class(c: u8) -> u32 {
        if c.is_ascii_lowercase() {
            1 << (c - b'a')
        } else {
            1 << 31
        }
    }

    /// Whether a short name may start at byte `p` of `b`: false only where none can.
    #[inline]
    fn may_start(&self, b: &[u8], p: usize) -> bool {
        let second = b.get(p + 1).map_or(0, |&c| Heads::class(c));
        self.seconds[usize::from(b[p])] & second != 0
    }
}

/// The short names of the full name `span`: the last word (or the family name of an East Asian
/// name), and the first word when it is a given name that is no common word ("Jenna" of "Jenna
/// Mourey", not "Will" of "Will Smith"); each of three letters or more, starting with a capital.
/// Only the name's first word, last word and length matter, so the words between are not
/// walked; a title the alias may hold ("President Lee Jae-myung") is passed over. `fold` is a
/// buffer for folded words.
fn short_name<'s>(
    lists: &WordLists,
    span: &'s str,
    fold: &mut String,
) -> (Option<&'s str>, Option<&'s str>) {
    let mut name = words(span);
    let Some(first) = name
        .by_ref()
        .find(|w| !is_role_word(w.trim_end_matches('.')))
    else {
        return (None, None);
    };
    let rest = name.rest();
    let Some(last) = last_word(rest) else {
        return (None, None);
    };
    let usable = |key: &'s str| {
        let key = key.trim_end_matches(['.', ',']);
        (key.chars().count() >= 3 && key.chars().next().is_some_and(char::is_uppercase))
            .then_some(key)
    };
    // Two or three words in all: at most two after the first.
    if EAST_ASIAN_FAMILY_NAMES.contains(&first) && words(rest).nth(2).is_none() {
        return (usable(first), None);
    }
    fold.clear();
    crate::text::fold::fold_into(first, fold);
    let given = lists.is_first_name(fold) && lists.weak(fold) != Weak::Common;
    (usable(last), given.then(|| usable(first)).flatten())
}

/// Where a short name may stand.
enum Spot {
    /// Alone, with no mention there.
    Free,
    /// On the mention of this number, a place or group of the same name that yields to the
    /// person ([`namesakes::yields_to_person`]), or an unlisted person named by that word
    /// alone ([`lone_word_person`]).
    Namesake(usize),
    /// Not alone.
    Taken,
}

/// Whether a short name at `p..end` of `text` stands alone: no mention of `res` overlaps it
/// (or only a mention of the same span that `yields` to the person), no other name word
/// is right before or after it ("Brenda Lee"), and no noun after it makes it a family's name
/// ("the Lee family"). A capitalized stopword or common word before it opens the sentence and
/// is no name word ("In Lee’s view"); `fold` is a buffer for folded words.
fn spot(
    yields: impl Fn(&Resolved) -> bool,
    words: &WordLists,
    text: &str,
    p: usize,
    end: usize,
    res: &[Resolved],
    fold: &mut String,
) -> Spot {
    let i = res.partition_point(|r| r.end <= p);
    let here = match res.get(i) {
        Some(r) if r.start < end => {
            if r.start == p && r.end == end && yields(r) {
                Spot::Namesake(i)
            } else {
                return Spot::Taken;
            }
        }
        _ => Spot::Free,
    };
    let before = word_before(text, p).is_some_and(|(_, w)| {
        // A word ending a sentence ("Seoul.") is not part of this name.
        is_capitalized(w)
            && !w.ends_with('.')
            && !is_role_word(w)
            && !opens_sentence(words, w, fold)
    });
    let after =
        word_after(text, end).is_some_and(|w| is_capitalized(w) || FAMILY_NOUNS.contains(&w));
    if before || after {
        Spot::Taken
    } else {
        here
    }
}

/// Whether `r`, a mention at `text[r.start..r.end]`, names an unlisted person whose name is
/// that one word: discovery's "Mr Pellowe" is the Dorian Pellowe the article named in full.
fn lone_word_person(new_entities: &[NewEntity], text: &str, r: &Resolved) -> bool {
    let EntityRef::New(i) = r.entity else {
        return false;
    };
    let e = &new_entities[i as usize];
    e.kind == "person" && *e.name == text[r.start..r.end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::test_util::mentions;

    /// [`Heads`] passes every place where [`ShortNames::keys_at`] finds a short name, on
    /// texts with names that share first bytes, second bytes and lengths, in ASCII and not.
    #[test]
    fn heads_pass_every_place_a_short_name_starts() {
        let keys = [
            "Lee",
            "Pelt",
            "Özil",
            "Łukasz",
            "Abu Qasra",
            "Jae-myung",
            "O'Neill",
            "ÉÈÊ",
        ];
        let mut names = ShortNames {
            keys: Vec::new(),
            index: FxHashMap::default(),
            blocked: Vec::new(),
        };
        for (i, k) in keys.iter().enumerate() {
            names.insert(k, EntityRef::New(i as u32), false);
        }
        let heads = Heads::of(names.usable());
        let max_len = names.usable().map(str::len).max().unwrap();
        let text = "Lee, Leeds and Lee’s; Pelt-Pelt Pelts LEE Özil Özils Łukasz Abu Qasra's \
                    Abu Qasrah Jae-myung O'Neill ONeill ÉÈÊ É Lu Le L";
        let b = text.as_bytes();
        let mut found = Vec::new();
        let mut hits = 0;
        for p in (0..b.len()).filter(|&p| text.is_char_boundary(p)) {
            let next = p
                + 1
                + b[p + 1..]
                    .iter()
                    .take_while(|&&c| ALNUM[c as usize])
                    .count();
            names.keys_at(text, p, next, max_len, &mut found);
            if !found.is_empty() {
                hits += 1;
                assert!(heads.may_start(b, p), "{:?}", &text[p..]);
            }
        }
        assert!(hits >= 7, "{hits}");
    }

    /// The mentions of `text` that are one word, as (text, entity name), with discovered
    /// people only (the gazetteer lists a place).
    fn short(text: &str) -> Vec<(String, String)> {
        mentions("Ankara\tAnkara\tplace\t\n", text)
            .into_iter()
            .filter(|(t, _)| !t.contains(' ') && t != "Ankara")
            .collect()
    }

    #[test]
    fn a_given_name_alone_is_the_person_named_in_full() {
        let got = short("The analyst Dorian Pelt came home. Later Dorian smiled, and Pelt left.");
        let want = [("Dorian", "Dorian Pelt"), ("Pelt", "Dorian Pelt")];
        assert_eq!(got.len(), 2, "{got:?}");
        for ((t, n), (wt, wn)) in got.iter().zip(want) {
            assert_eq!((t.as_str(), n.as_str()), (wt, wn), "{got:?}");
        }
    }

    #[test]
    fn a_given_name_that_is_a_common_word_is_no_short_name() {
        let got = short("The analyst Will Quill came home. You will see; Will smiled.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_given_name_two_people_share_is_nobodys() {
        let got = short("The analyst Dorian Pelt met the lawyer Dorian Quill. Dorian smiled.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_honorific_and_the_surname_are_the_person_named_in_full() {
        let text = "The analyst Dorian Pelt came home. Mr Pelt smiled. Dr Quill, a vet, left.";
        let got = mentions("Ankara\tAnkara\tplace\t\n", text);
        let names: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Dorian Pelt", "Dorian Pelt", "Quill"], "{got:?}");
    }

    #[test]
    fn a_sentence_opener_before_a_short_name_is_no_name_word() {
        let got = short(
            "The analyst Dorian Pelt came home. In Pelt’s view it rained. Currently Pelt sleeps.",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Pelt", "Pelt"], "{got:?}");
    }
}
