//! Rule "place-pattern": names of places no gazetteer lists, by the cue words places are named
//! with: a last word ("Shahshahan Square", "Carnegie Hall"), a first word ("Lake Merritt",
//! "Mount Kenya") or an opener with "of" ("Gulf of Aden"). The words are in
//! `src/lexicon/places.rs`.

use super::rules::{Cand, Scan, PLACE};
use super::{class, NameType};
use crate::lexicon::{PLACE_PREFIXES, PLACE_STARTERS, PLACE_SUFFIXES, SURNAME_CUES};
use rustc_hash::FxHashMap;

/// Most name words after a first cue word ("Lake Titicaca", "Mount Kilimanjaro", "Fort Lee"):
/// place names after such a word are one to three words; more is a headline or a list.
const MAX_AFTER_PREFIX: usize = 3;

/// Words of a run of capitalized words whose cue bits are kept on the stack: runs are
/// names of a few words.
const RUN_BUFFER: usize = 16;

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
        // The cue bits of the run's words, looked up once each (a run longer than the buffer
        // is a headline or a list, whose words past it are looked up again).
        let mut bits = [0u8; RUN_BUFFER];
        let mut any = 0;
        for (k, slot) in (a..b).zip(bits.iter_mut()) {
            *slot = if self.toks[k].cap {
                self.d.cues.get(self.w(k))
            } else {
                0
            };
            any |= *slot;
        }
        if any == 0 && b - a <= RUN_BUFFER {
            return;
        }
        let has = |k: usize, bit: u8| match bits.get(k - a) {
            Some(x) => x & bit != 0,
            None => self.cue(k, bit),
        };
        // A cue word followed by another capitalized word is inside a longer name ("Manic
        // Street Preachers"); one that is also a surname after a given name ends a person's name
        // ("Karim Hall").
        let suffix = |k: usize| {
            has(k, cue::SUFFIX)
                && (k + 1 == b || !self.toks[k + 1].cap)
                && !self.surname_after_given_name(a, k)
        };
        let starter = |k: usize| has(k, cue::STARTER);
        self.suffix_names(a, b, suffix, NameType::Place, PLACE, out);
        self.starter_names(a, b, starter, NameType::Place, PLACE, out);
        for p in a..b - 1 {
            if has(p, cue::PREFIX) {
                self.after_prefix(p, b, out);
            }
        }
    }

    /// Whether token `k` ends a place name by its cue word ("Anderson Ave") rather than a
    /// person's name: no cue word that is also a surname after a given name ("Stuart Hall").
    pub(super) fn ends_place(&self, a: usize, k: usize) -> bool {
        self.cue(k, cue::SUFFIX) && !self.surname_after_given_name(a, k)
    }

    /// Whether token `k` is a cue word that is also a surname, after a given name and at most
    /// one more name word in the run starting at `a` ("Stuart Hall", "Thomas Haden Church").
    pub(super) fn surname_after_given_name(&self, a: usize, k: usize) -> bool {
        let w = self.w(k);
        SURNAME_CUES.contains(&w)
            && (k.saturating_sub(2).max(a)..k)
                .any(|s| self.d.opens_full_name(self.w(s)) && (s + 1..k).all(|m| self.toks[m].name))
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
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        let c = self.class(w.as_bytes());
        (c & class::STOP == 0 || c & class::ORG_START_OK != 0) && !self.is_role(w, c)
    }
}
