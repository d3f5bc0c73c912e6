//! The word classes of discovery: which lexicon lists a token is in, as bits, so that the rules
//! ask one lookup per token instead of one per list.

use crate::lexicon::*;
use crate::text::ends::WordEnds;
use rustc_hash::FxHashMap as HashMap;

/// The lists a word is in, one bit each, and the shape bits of a token (set by the tokenizer,
/// never by a list).
pub(super) mod class {
    pub const ROLE: u32 = 1 << 0;
    pub const MODIFIER: u32 = 1 << 1;
    pub const PREFIX: u32 = 1 << 2;
    pub const HONORIFIC: u32 = 1 << 3;
    pub const ABBREV: u32 = 1 << 4;
    pub const PARTICLE: u32 = 1 << 5;
    pub const HYPHEN_PARTICLE: u32 = 1 << 6;
    pub const STOP: u32 = 1 << 7;
    pub const ORG_START_OK: u32 = 1 << 8;
    pub const BLOCKER: u32 = 1 << 9;
    pub const SUFFIX: u32 = 1 << 10;
    pub const STARTER: u32 = 1 << 11;
    pub const SAY_BEFORE: u32 = 1 << 12;
    pub const SAY_AFTER: u32 = 1 << 13;
    pub const NOUN: u32 = 1 << 14;
    pub const CREDIT: u32 = 1 << 15;
    pub const ORG_JOINER: u32 = 1 << 16;
    pub const ORG_NOUN: u32 = 1 << 17;
    /// Not a list: the token holds a capital or a non-ASCII byte (no abbreviation is without
    /// one).
    pub const NOT_PLAIN: u32 = 1 << 29;
    /// Not a list: the token holds a hyphen.
    pub const HYPHENATED: u32 = 1 << 30;
    /// Not a list: the token holds a dot or a digit, so it is no name word.
    pub const DOT_OR_DIGIT: u32 = 1 << 31;
}

/// Every form of every word of the lexicon lists discovery uses, with its [`class`] bits.
#[derive(Debug)]
pub(super) struct Classes {
    map: HashMap<Box<[u8]>, u32>,
    /// The ends of the words of `map`: every word of a sentence is looked up, and most are in
    /// no list.
    ends: WordEnds,
}

/// The words as written plus their ALL-CAPS form.
fn with_caps<S: AsRef<str>>(words: &[S]) -> Vec<String> {
    words
        .iter()
        .flat_map(|w| [w.as_ref().to_string(), w.as_ref().to_uppercase()])
        .collect()
}

/// The words of `words` with, for each abbreviation of [`NAME_ABBREVIATIONS`], its dotted form too
/// ("Gen" and "Gen."): the tokenizer keeps an abbreviation's dot.
fn and_dotted<'w>(words: &[&'w str]) -> Vec<std::borrow::Cow<'w, str>> {
    let mut v: Vec<std::borrow::Cow<'w, str>> = words.iter().map(|w| (*w).into()).collect();
    v.extend(
        words
            .iter()
            .filter(|w| NAME_ABBREVIATIONS.contains(w))
            .map(|w| format!("{w}.").into()),
    );
    v
}

/// The words exactly as written.
fn exact(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_string()).collect()
}

/// Lowercase words in lowercase, Capitalized and ALL-CAPS forms.
fn any_case(words: &[&str]) -> Vec<String> {
    let mut v = with_caps(words);
    v.extend(words.iter().map(|w| super::names::cap_first(w)));
    v
}

/// Each class and the forms of the words in it.
fn lists() -> Vec<(u32, Vec<String>)> {
    vec![
        // A modifier is a role word too, one that cannot make a title alone.
        (
            class::ROLE,
            with_caps(&and_dotted(&[TITLE_HEADS, TITLE_MODIFIERS].concat())),
        ),
        (class::MODIFIER, with_caps(TITLE_MODIFIERS)),
        (class::PREFIX, with_caps(TITLE_PREFIXES)),
        (class::HONORIFIC, with_caps(&and_dotted(HONORIFICS))),
        (class::ABBREV, with_caps(NAME_ABBREVIATIONS)),
        (class::PARTICLE, exact(NAME_PARTICLES)),
        (class::HYPHEN_PARTICLE, exact(HYPHEN_PARTICLES)),
        (class::STOP, with_caps(STOPWORDS)),
        (class::ORG_START_OK, with_caps(ORG_START_OK)),
        (class::BLOCKER, with_caps(PERSON_BLOCKERS)),
        (class::SUFFIX, with_caps(ORG_SUFFIXES)),
        (class::STARTER, with_caps(ORG_STARTERS)),
        (class::SAY_BEFORE, exact(SAY_BEFORE_NAME)),
        (class::SAY_AFTER, exact(SAY_AFTER_NAME)),
        (class::NOUN, any_case(ATTRIBUTION_NOUNS)),
        (class::CREDIT, any_case(CREDIT_WORDS)),
        (class::ORG_JOINER, exact(ORG_FOREIGN_JOINERS)),
        (class::ORG_NOUN, exact(ORG_NOUNS)),
    ]
}

impl Classes {
    /// The classes of the lexicon's words.
    pub(super) fn new() -> Classes {
        let mut map: HashMap<Box<[u8]>, u32> = HashMap::default();
        for (bit, words) in lists() {
            for w in words {
                *map.entry(w.into_bytes().into()).or_default() |= bit;
            }
        }
        let ends = WordEnds::new(map.keys().map(|w| &w[..]));
        Classes { map, ends }
    }

    /// The [`class`] bits of a word (0 for a word in no list).
    #[inline(always)]
    pub(super) fn get(&self, w: &[u8]) -> u32 {
        if !self.ends.may_hold(w) {
            return 0;
        }
        self.get_in_map(w)
    }

    /// [`Classes::get`] without the filter of ends: the reference it must agree with.
    #[inline(never)]
    fn get_in_map(&self, w: &[u8]) -> u32 {
        self.map.get(w).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter refuses no word of the lists, and every other word has no class, as in the
    /// map.
    #[test]
    fn the_filter_of_ends_agrees_with_the_map() {
        let c = Classes::new();
        let mut words: Vec<Vec<u8>> = c.map.keys().map(|w| w.to_vec()).collect();
        assert!(words.len() > 100);
        // Each word of the lists changed at an end, cut short, and in other cases: words of
        // the same ends and lengths as list words, and of other ones.
        for w in c
            .map
            .keys()
            .map(|w| String::from_utf8_lossy(w).into_owned())
        {
            words.push(format!("{w}s").into_bytes());
            words.push(format!("x{w}").into_bytes());
            words.push(w.to_lowercase().into_bytes());
            words.push(w.to_uppercase().into_bytes());
            words.push(w.as_bytes()[..w.len() - 1].to_vec());
        }
        let long = "x".repeat(40);
        let odd = ["", "a", "the", "said", "Élodie", "über", long.as_str()];
        words.extend(odd.map(|w| w.as_bytes().to_vec()));
        let mut hits = 0;
        for w in &words {
            let got = c.get(w);
            assert_eq!(got, c.get_in_map(w), "{:?}", String::from_utf8_lossy(w));
            hits += usize::from(got != 0);
        }
        assert!(hits >= c.map.len(), "{hits}");
    }
}
