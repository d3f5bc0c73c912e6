//! The word classes of discovery: which lexicon lists a token is in, as bits, so that the rules
//! ask one lookup per token instead of one per list.

use crate::lexicon::*;
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
    /// Not a list: the token holds a capital or a non-ASCII byte, so it is not plain (see
    /// [`tokenize`](super::super::tokens::tokenize)).
    pub const NOT_PLAIN: u32 = 1 << 29;
    /// Not a list: the token holds a hyphen.
    pub const HYPHENATED: u32 = 1 << 30;
    /// Not a list: the token holds a dot or a digit, so it is no name word.
    pub const DOT_OR_DIGIT: u32 = 1 << 31;
}

/// Every form of every word of the lexicon lists discovery uses, with its [`class`] bits.
#[derive(Debug)]
pub(super) struct Classes {
    /// The reference answer: every form, with its bits.
    map: HashMap<Box<[u8]>, u32>,
    /// One bit per [`signature`] value, set for every key of `map`, in the low 32 bits of each
    /// word; its high 32 bits count the bits the words before it have set. Most tokens are in no
    /// list, and a clear bit proves it without hashing the token; for a set bit, its entry is
    /// found by counting set bits in the word already loaded.
    signatures: Box<[u64]>,
    /// One per set bit of `signatures`, in order: the one key with that signature and its bits,
    /// in place, so that a word costs one comparison with one key instead of a hash and a probe.
    entries: Box<[Entry]>,
}

/// Bits of a [`signature`]: 64K keep false positives (a needless entry load, never a wrong
/// answer) near 2% for the thousand-odd list words.
const SIGNATURE_BITS: u32 = 16;

/// Bytes of a key kept in an [`Entry`]: with `len` and `bits` it fills half a cache line.
const ENTRY_KEY_BYTES: usize = 27;

/// The [`Entry::len`] of a signature that several list words have, or whose word is longer
/// than [`ENTRY_KEY_BYTES`]: the map answers.
const SHARED_SIGNATURE: u8 = u8::MAX;

/// A list word with a signature of its own, and its [`class`] bits; half a cache line.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(32))]
struct Entry {
    key: [u8; ENTRY_KEY_BYTES],
    len: u8,
    bits: u32,
}

/// A cheap hash of a word's length and its first, middle and last bytes: the word of
/// [`Classes::signatures`] it is in, and its bit there (of 32).
#[inline(always)]
fn signature(w: &[u8]) -> (usize, u32) {
    let n = w.len();
    let (first, mid, last) = match n {
        0 => (0, 0, 0),
        _ => (w[0], w[n / 2], w[n - 1]),
    };
    let key =
        (n as u32 & 0xff) | u32::from(first) << 8 | u32::from(mid) << 16 | u32::from(last) << 24;
    let sig = key.wrapping_mul(0x9E37_79B1) >> (32 - SIGNATURE_BITS);
    ((sig >> 5) as usize, sig & 31)
}

/// The words as written plus their ALL-CAPS form.
fn with_caps<S: AsRef<str>>(words: &[S]) -> Vec<String> {
    words
        .iter()
        .flat_map(|w| [w.as_ref().to_string(), w.as_ref().to_uppercase()])
        .collect()
}

/// The words of `words` with, for each abbreviation of [`ABBREVIATIONS`], its dotted form too
/// ("Gen" and "Gen."): the tokenizer keeps an abbreviation's dot.
fn and_dotted<'w>(words: &[&'w str]) -> Vec<std::borrow::Cow<'w, str>> {
    let mut v: Vec<std::borrow::Cow<'w, str>> = words.iter().map(|w| (*w).into()).collect();
    v.extend(
        words
            .iter()
            .filter(|w| ABBREVIATIONS.contains(w))
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
        (class::ABBREV, with_caps(ABBREVIATIONS)),
        (class::PARTICLE, exact(NAME_PARTICLES)),
        (class::HYPHEN_PARTICLE, exact(HYPHEN_PARTICLES)),
        (class::STOP, with_caps(STOPWORDS)),
        (class::ORG_START_OK, with_caps(ORG_START_OK)),
        (class::BLOCKER, with_caps(PERSON_BLOCKERS)),
        (class::SUFFIX, with_caps(ORG_SUFFIXES)),
        (class::STARTER, with_caps(ORG_STARTERS)),
        (class::SAY_BEFORE, exact(SAY_BEFORE_NAME)),
        (class::SAY_AFTER, exact(SAY_AFTER_NAME)),
        (class::NOUN, exact(ATTRIBUTION_NOUNS)),
        (class::CREDIT, any_case(CREDIT_WORDS)),
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
        let (signatures, entries) = signature_table(&map);
        Classes {
            map,
            signatures,
            entries,
        }
    }

    /// The [`class`] bits of a word (0 for a word in no list). Inlined into the tokenizer,
    /// which asks it of most words.
    #[inline(always)]
    pub(super) fn get(&self, w: &[u8]) -> u32 {
        let (at, bit) = signature(w);
        let word = self.signatures[at];
        let bit = 1u64 << bit;
        if word & bit == 0 {
            return 0;
        }
        // The count above the signature bits, and the bits set below this one.
        let k = (word >> 32) as usize + (word & (bit - 1)).count_ones() as usize;
        let e = &self.entries[k];
        match e.len {
            SHARED_SIGNATURE => self.get_plain(w),
            len if usize::from(len) == w.len() && e.key[..w.len()] == *w => e.bits,
            _ => 0,
        }
    }

    /// [`get`](Self::get) by the map alone: the reference its signature table must agree with.
    pub(super) fn get_plain(&self, w: &[u8]) -> u32 {
        self.map.get(w).copied().unwrap_or(0)
    }

    /// Every form of every list word, with its bits.
    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = (&[u8], u32)> {
        self.map.iter().map(|(w, &bits)| (&w[..], bits))
    }

    /// Whether some signature has a word of its own (else the table would only ever defer).
    #[cfg(test)]
    pub(super) fn has_entries_in_place(&self) -> bool {
        self.entries.iter().any(|e| e.len != SHARED_SIGNATURE)
    }
}

/// The signature bitmap of the words of `map` and their entries, in signature order; a
/// signature's entry holds its word in place when no other word has that signature.
fn signature_table(map: &HashMap<Box<[u8]>, u32>) -> (Box<[u64]>, Box<[Entry]>) {
    let mut by_signature: Vec<((usize, u32), &[u8], u32)> = map
        .iter()
        .map(|(w, &bits)| (signature(w), &w[..], bits))
        .collect();
    by_signature.sort_unstable();
    let mut signatures = vec![0u64; 1 << (SIGNATURE_BITS - 5)].into_boxed_slice();
    let mut entries: Vec<Entry> = Vec::new();
    for (k, &(sig, w, bits)) in by_signature.iter().enumerate() {
        if k > 0 && by_signature[k - 1].0 == sig {
            entries.last_mut().expect("an entry").len = SHARED_SIGNATURE;
            continue;
        }
        signatures[sig.0] |= 1 << sig.1;
        let mut entry = Entry {
            key: [0; ENTRY_KEY_BYTES],
            len: SHARED_SIGNATURE,
            bits,
        };
        if w.len() <= ENTRY_KEY_BYTES {
            entry.key[..w.len()].copy_from_slice(w);
            entry.len = w.len() as u8;
        }
        entries.push(entry);
    }
    let mut set = 0u64;
    for word in signatures.iter_mut() {
        let bits = word.count_ones();
        *word |= set << 32;
        set += u64::from(bits);
    }
    (signatures, entries.into_boxed_slice())
}
