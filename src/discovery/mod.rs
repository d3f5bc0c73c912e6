//! Discovery: finds people and groups that no gazetteer lists, by rules over the words around
//! them ("Defense Minister Murhaf Abu Qasra", "analyst Jordan Ellis said", "Ministry of Local
//! Administration").
//!
//! The text is split once into word tokens (`tokens.rs`); each token knows whether it is
//! capitalized, whether it is glued to the previous one by plain whitespace, whether it overlaps a
//! range a gazetteer already matched, and which lexicon lists it is in (`classes.rs`). Every rule
//! (`rules.rs`) looks at a token and its neighbours, so the cost is linear in the text. The word
//! lists live in `src/lexicon/`: extend them rather than the code.
//!
//! Rules (and their priority when two rules produce the same span; longer spans win first):
//! `credit` > `honorific` > `title` > `org-pattern` > `attribution` > `first-name` >
//! `place-pattern`: a noun for a kind of organisation says more than a verb of speech or the
//! shape of a person's name ("investment bank Merrill Lynch said"). Place names by their cue words ("Lake Merritt", "X Street") are in `cues.rs`.

mod classes;
mod cues;
mod names;
mod rules;
#[cfg(test)]
mod tests;
mod tokens;

use crate::lexicon::is_wide_given_name;
use crate::text::fold::fold_into;
use classes::{class, Classes};
use rustc_hash::FxHashSet as HashSet;

pub use names::{canonical, slug};

/// What a discovered name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameType {
    /// A person ("Murhaf Abu Qasra").
    Person,
    /// An organisation or other group ("Ministry of Local Administration").
    Group,
    /// A place: a street, a water, a building ("Shahshahan Square", "Lake Merritt").
    Place,
}

impl NameType {
    /// The entity type label of the name: `person`, `group` or `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            NameType::Person => "person",
            NameType::Group => "group",
            NameType::Place => "place",
        }
    }
}

/// A name found by discovery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the name in `text`.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Person, group or place.
    pub kind: NameType,
    /// Canonical form (whitespace collapsed; ALL CAPS title-cased).
    pub name: String,
    /// Which rule fired: one of [`RULES`].
    pub rule: &'static str,
}

/// Rule names, in priority order (index = priority, lower wins on equal spans).
#[rustfmt::skip]
pub const RULES: &[&str] = &[
    "credit", "honorific", "title", "org-pattern", "attribution", "first-name", "place-pattern",
];

/// Rules that never change while running; build once, share across threads (must be Send + Sync).
#[derive(Debug)]
pub struct Discoverer {
    /// The lexicon lists each word is in.
    classes: Classes,
    /// Lowercase given names, as bytes so that a token lowercased into a stack buffer can be
    /// looked up without a UTF-8 check.
    first_names: HashSet<Box<[u8]>>,
    /// The cue words of place names.
    cues: cues::Cues,
}

impl Discoverer {
    /// `first_names`: lowercase ASCII given names (e.g. "david", "jordan", "ahmed"), one per entry.
    pub fn new(first_names: impl IntoIterator<Item = String>) -> Discoverer {
        Discoverer {
            classes: Classes::new(),
            cues: cues::Cues::new(),
            first_names: first_names
                .into_iter()
                .map(|n| n.trim().to_ascii_lowercase())
                .filter(|n| !n.is_empty())
                .map(|n| n.into_bytes().into_boxed_slice())
                .collect(),
        }
    }

    /// The [`class`] bits of a word (0 for a word in no list).
    #[inline(always)]
    fn class(&self, w: &[u8]) -> u32 {
        self.classes.get(w)
    }

    /// A role word, or role words joined by hyphens ("Vice-President"); `class` is the
    /// [`class`] bits of `w` with its shape bits.
    fn is_role(&self, w: &str, class: u32) -> bool {
        if class & class::ROLE != 0 {
            return true;
        }
        class & class::HYPHENATED != 0 && w.split('-').all(|p| self.is(p, class::ROLE))
    }

    /// Whether a token can be part of a person name (not a particle); `class` is the
    /// [`class`] bits of `w` with its shape bits, `cap` whether it starts with a capital.
    fn is_name_word(&self, w: &str, cap: bool, class: u32) -> bool {
        if !cap {
            if class & class::HYPHENATED == 0 {
                return false;
            }
            return w.split_once('-').is_some_and(|(p, rest)| {
                self.is(p, class::HYPHEN_PARTICLE)
                    && rest.chars().next().is_some_and(char::is_uppercase)
            });
        }
        class
            & (class::DOT_OR_DIGIT
                | class::STOP
                | class::SUFFIX
                | class::BLOCKER
                | class::HONORIFIC)
            == 0
            && !self.is_role(w, class)
    }

    /// Whether `w` is a given name of the list, written with or without diacritics ("Émile" is
    /// "emile").
    fn is_first_name(&self, w: &str) -> bool {
        self.folded_is(w, |f| self.first_names.contains(f))
    }

    /// Whether `w` is a given name of the list or of the wider list: a word that opens a
    /// person's name when a capitalized name word follows ("Declan Rourke").
    fn opens_full_name(&self, w: &str) -> bool {
        self.folded_is(w, |f| self.first_names.contains(f) || is_wide_given_name(f))
    }

    /// Whether `test` holds for `w` folded to lowercase ASCII. Given names are short: a longer
    /// word needs no lookup (nor an allocation), and an ASCII word is lowered on the stack; only
    /// a word with other letters is folded. No given-name list (an empty one) means none is.
    fn folded_is(&self, w: &str, test: impl Fn(&[u8]) -> bool) -> bool {
        /// Longest given name looked up, in bytes: longer words are no given names.
        const MAX_FIRST_NAME: usize = 20;
        if self.first_names.is_empty() || w.len() > MAX_FIRST_NAME {
            return false;
        }
        if w.is_ascii() {
            let mut buf = [0u8; MAX_FIRST_NAME];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[..w.len()].make_ascii_lowercase();
            return test(&buf[..w.len()]);
        }
        let mut folded = String::with_capacity(w.len());
        fold_into(w, &mut folded);
        test(folded.as_bytes())
    }

    /// Whether `w` is in one of the lists `bits`.
    fn is(&self, w: &str, bits: u32) -> bool {
        self.class(w.as_bytes()) & bits != 0
    }

    /// Names in `text` that do not overlap any of the `taken` byte ranges (already matched by the
    /// gazetteer; sorted, non-overlapping). Results sorted by start, non-overlapping.
    pub fn find(&self, text: &str, taken: &[(usize, usize)]) -> Vec<Found> {
        // Callers pass `taken` sorted; copy and sort only when they did not.
        let sorted;
        let taken = if taken.is_sorted() {
            taken
        } else {
            let mut v = taken.to_vec();
            v.sort_unstable();
            sorted = v;
            &sorted
        };
        tokens::with_buffer(|toks| {
            let toks = tokens::tokenize(text, self, taken, toks);
            rules::Scan::new(self, text, toks).run()
        })
    }
}
