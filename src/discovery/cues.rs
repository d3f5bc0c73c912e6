//! Rule "place-pattern": names of places no gazetteer lists, by the cue words places are named
//! with: a last word ("Shahshahan Square", "Carnegie Hall"), a first word ("Lake Merritt",
//! "Mount Kenya") or an opener with "of" ("Gulf of Aden"). The words are in
//! `src/lexicon/places.rs`.

use super::rules::{Cand, Scan, PLACE};
use super::{class, NameType};
use crate::lexicon::{PLACE_PREFIXES, PLACE_STARTERS, PLACE_SUFFIXES};
use rustc_hash::FxHashMap;

/// Most name words after a first cue word ("Lake Titicaca", "Mount Kilimanjaro", "Fort Lee"):
/// place names after such a word are one to three words; more is a headline or a list.
const MAX_AFTER_PREFIX: usize = 3;

/// How a word cues a place name, as bits.
mod cue {
    /// Last word of a place name.
    pub const SUFFIX: u8 = 1;
    /// First word, followed by the place's own name.
    pub const PREFIX: u8 = 2;
    /// Opener with "of".
    pub const STARTER: u8 = 4;
}

/// The cue words, as written and in ALL CAPS, with their [`cue`] bits.
#[derive(Debug)]
pub(super) struct Cues {
    map: FxHashMap<Box<str>, u8>,
    /// The longest cue word, in bytes: a longer word needs no lookup.
    longest: usize,
}

impl Cues {
    /// The cue words of the lexicon.
    pub(super) fn new() -> Cues {
        let mut map: FxHashMap<Box<str>, u8> = FxHashMap::default();
        let lists = [
            (cue::SUFFIX, PLACE_SUFFIXES),
            (cue::PREFIX, PLACE_PREFIXES),
            (cue::STARTER, PLACE_STARTERS),
        ];
        for (bit, words) in lists {
            for w in words {
                for form in [w.to_string(), w.to_uppercase()] {
                    *map.entry(form.into()).or_default() |= bit;
                }
            }
        }
        let longest = map.keys().map(|k| k.len()).max().unwrap_or(0);
        Cues { map, longest }
    }

    /// The [`cue`] bits of `w` (0 for no cue word).
    #[inline]
    fn get(&self, w: &str) -> u8 {
        if w.len() > self.longest {
            return 0;
        }
        self.map.get(w).copied().unwrap_or(0)
    }
}

impl Scan<'_> {
    /// Whether token `i` is a capitalized cue word of kind `bit`.
    fn cue(&self, i: usize, bit: u8) -> bool {
        self.toks[i].cap && self.d.cues.get(self.w(i)) & bit != 0
    }

    /// Rule "place-pattern" over the run of capitalized words `a..b` (at least two).
    pub(super) fn place_cues(&self, a: usize, b: usize, out: &mut Vec<Cand>) {
        let suffix = |k: usize| self.cue(k, cue::SUFFIX);
        let starter = |k: usize| self.cue(k, cue::STARTER);
        self.suffix_names(a, b, suffix, NameType::Place, PLACE, out);
        self.starter_names(a, b, starter, NameType::Place, PLACE, out);
        for p in a..b - 1 {
            if self.cue(p, cue::PREFIX) {
                self.after_prefix(p, b, out);
            }
        }
    }

    /// "Lake Merritt": a first cue word at `p` and one to [`MAX_AFTER_PREFIX`] capitalized words
    /// of the run (ending at `b`) after it. The words stop at a stopword, a title word, and at a
    /// word that ends a name of its own ("Mount Kenya Safari Club" is a club, found by its
    /// suffix).
    fn after_prefix(&self, p: usize, b: usize, out: &mut Vec<Cand>) {
        let mut e = p + 1;
        while e < b && e - p <= MAX_AFTER_PREFIX {
            let t = &self.toks[e];
            let ends_other = self.is(e, class::SUFFIX) || self.cue(e, cue::SUFFIX);
            if !t.cap || self.org_stop(e) || self.is_head(e) || ends_other {
                break;
            }
            e += 1;
        }
        if e > p + 1 {
            Self::push(out, p, e, NameType::Place, PLACE);
        }
    }
}

impl super::Discoverer {
    /// The kind of name the capitalized word `w` ends ("... University", "... Street"), if any.
    pub fn closes(&self, w: &str) -> Option<NameType> {
        if self.is(w, class::SUFFIX) {
            Some(NameType::Group)
        } else if self.cues.get(w) & cue::SUFFIX != 0 {
            Some(NameType::Place)
        } else {
            None
        }
    }

    /// The kind of name the capitalized word `w` opens with "of" ("University of ...", "Gulf of
    /// ..."), if any.
    pub fn opens(&self, w: &str) -> Option<NameType> {
        if self.is(w, class::STARTER) {
            Some(NameType::Group)
        } else if self.cues.get(w) & cue::STARTER != 0 {
            Some(NameType::Place)
        } else {
            None
        }
    }

    /// Whether `w` can be a word of a name before its cue word: capitalized, and neither a
    /// stopword nor a title word ("Brighton High School", not "The High School").
    pub fn name_word(&self, w: &str) -> bool {
        let c = self.class(w.as_bytes());
        w.starts_with(|c: char| c.is_uppercase())
            && (c & class::STOP == 0 || c & class::ORG_START_OK != 0)
            && !self.is_role(w, c)
    }
}
