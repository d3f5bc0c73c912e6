//! Matching: finds every alias of the gazetteer in a text, longest first, in one left-to-right
//! pass over its tokens.
//!
//! Aliases are compiled into a trie over *folded tokens* (lowercase, no diacritics). A scan walks
//! the trie only from tokens that can start a name: a capital letter, a digit, a non-ASCII letter,
//! or one of the few lowercase words that begin an alias ("al-Qaeda"). Most of news is lowercase
//! words that start no name, and those cost a byte loop and nothing else, which is why this is
//! faster than running an automaton over every byte.
//!
//! Case is checked after the fold: every letter that is a capital in the alias must be a capital in
//! the text. "SYRIA" and "Al-Sharaa" match "Syria" and "al-Sharaa"; "us" never matches "US", and
//! "turkey" (the bird) never matches "Turkey". An all-capitals alias ("US", "HTS") does not match
//! inside a run of capitals ("LET US BE CLEAR"), where capitals say nothing.
//!
//! The stage in files, in the order data goes through them: `builder` compiles aliases into the
//! trie; `table` is the hash table of its transitions and the record packed in each slot;
//! `layout` numbers the trie for scans and writes and reads it in compiled gazetteers; `scan`
//! walks a text; `case` checks the capitals of what the walk found.

mod builder;
mod case;
mod layout;
mod scan;
mod table;
#[cfg(test)]
mod tests;

pub use builder::{AliasProblem, MatcherBuilder};

use crate::lexicon::Weak;
use crate::model::MatchKind;
use table::TokenTable;

/// One alias as the builder compiles it and a snapshot stores it: which entity it names and
/// which letters must be capitals.
#[derive(Clone, Copy, Debug)]
struct Alias {
    entity: u32,
    kind: MatchKind,
    /// Range into [`Tables::caps`]: positions (in folded chars) that must be capitals.
    caps_start: u32,
    caps_len: u16,
    /// A single all-capitals word ("US", "NATO").
    acronym: bool,
    /// Starts with a lowercase "the" that is context, not name ("the Kremlin").
    article: bool,
    /// A single word that is also an ordinary word or name.
    weak: Weak,
}

/// One alias as a scan reads it: an [`Alias`] with its capitals inline, so that checking the
/// case of a name reads one record where it read two, far apart (each a likely cache miss).
#[derive(Clone, Copy, Debug)]
struct Variant {
    /// Bit `p` for each position `p` that must be a capital; with [`LONG_CAPS`], a range
    /// instead (start, then length from bit 32) into `Matcher::long_caps`, for an alias with a
    /// capital past its 64th char.
    caps: u64,
    entity: u32,
    kind: MatchKind,
    weak: Weak,
    /// [`ACRONYM`], [`ARTICLE`], [`LAST`], [`LONG_CAPS`].
    flags: u8,
}

impl Variant {
    /// `a`, whose capitals are `caps`, those past the 64th char kept in `long_caps`.
    fn new(a: &Alias, caps: &[u16], long_caps: &mut Vec<u16>) -> Variant {
        let mut flags = if a.acronym { ACRONYM } else { 0 } | if a.article { ARTICLE } else { 0 };
        let caps = if caps.iter().all(|&p| p < 64) {
            caps.iter().fold(0u64, |bits, &p| bits | 1 << p)
        } else {
            flags |= LONG_CAPS;
            let start = long_caps.len() as u64;
            long_caps.extend_from_slice(caps);
            start | (caps.len() as u64) << 32
        };
        Variant {
            caps,
            entity: a.entity,
            kind: a.kind,
            weak: a.weak,
            flags,
        }
    }
}

/// [`Alias::acronym`].
const ACRONYM: u8 = 1;
/// [`Alias::article`].
const ARTICLE: u8 = 2;
/// The last variant of its node: the variants of a node follow one another, from the one its
/// number names.
const LAST: u8 = 4;
/// [`Variant::caps`] is a range into `Matcher::long_caps`.
const LONG_CAPS: u8 = 8;

/// An entity an occurrence may name, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Index of the entity in the gazetteer.
    pub entity: u32,
    /// How this alias relates to the entity.
    pub kind: MatchKind,
    /// Whether the alias is a single ordinary word or name, which needs more evidence.
    pub weak: Weak,
}

/// An occurrence of an alias: a byte range and the entities it may name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The entities this alias belongs to (more than one when it is shared).
    pub candidates: Candidates,
}

/// The candidates of an occurrence, a slice by `Deref`. Nearly every occurrence has one, kept
/// inline, so that an occurrence allocates nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidates(CandidatesRepr);

#[derive(Clone, Debug, PartialEq, Eq)]
enum CandidatesRepr {
    One(Candidate),
    Many(Box<[Candidate]>),
}

impl Candidates {
    /// The candidates in `all`, in order.
    pub fn from_slice(all: &[Candidate]) -> Candidates {
        Candidates(match all {
            [one] => CandidatesRepr::One(*one),
            _ => CandidatesRepr::Many(all.into()),
        })
    }
}

impl std::ops::Deref for Candidates {
    type Target = [Candidate];

    #[inline]
    fn deref(&self) -> &[Candidate] {
        match &self.0 {
            CandidatesRepr::One(c) => std::slice::from_ref(c),
            CandidatesRepr::Many(all) => all,
        }
    }
}

/// The compiled aliases of a gazetteer. Immutable; share it across threads.
#[derive(Debug)]
pub struct Matcher {
    vocabulary: usize,
    /// Transitions from the root, apart: every capitalized word probes them, and a small table
    /// stays in cache.
    root: TokenTable,
    /// Deeper transitions, by [`trans_key`], probed only while a name goes on.
    trans: TokenTable,
    /// The variants of all nodes. A node that ends aliases is numbered by its first variant
    /// (its variants follow, to one marked [`LAST`]), so that reaching a name finds them with no
    /// table of ranges between; other nodes are numbered from `variants.len()` on.
    variants: Vec<Variant>,
    /// Number of nodes that end no alias, the root first: with `variants`, how many nodes
    /// there are, which loading a compiled gazetteer checks transitions against.
    inner_nodes: u32,
    /// Capitals of the aliases that have one past their 64th char (see [`LONG_CAPS`]).
    long_caps: Vec<u16>,
    /// Tokens after the first whose first letter is not a capital in some alias: a lowercase
    /// word after a name goes on with it only if it is one of these ("of", "de"), a set small
    /// enough to stay in cache, unlike the transitions.
    lower_inner: TokenTable,
    free_first: [bool; 256],
    /// For each first byte of a lowercase alias start, the lengths (bit n: n bytes; bit 31: 31
    /// or more) such starts have: most lowercase words are skipped without being hashed.
    free_len: [u32; 256],
    /// [`Matcher::free_len`] by the first two bytes (see [`pair_index`]): a lowercase word
    /// whose first letter and length some alias starts with ("two", "as") is still skipped
    /// unless its second letter fits too.
    free_pair: Box<[u32]>,
    max_key_len: usize,
    /// A lowercase "the" starts aliases ("the Kremlin") but ends none and goes on only with
    /// capitalized words: "the" before a lowercase word, the most common pair of words in
    /// English news, starts nothing.
    the_is_plain: bool,
}

/// The longest length [`Matcher::free_len`] tells apart: bit `n` is a length of `n` bytes, the
/// last bit of a `u32` stands for this many or more.
pub(super) const LONGEST_LEN: usize = 31;

/// The low bits of an ASCII letter that tell letters apart whatever their case.
const LETTER_BITS: u8 = 0x1f;

/// Entries of [`Matcher::free_pair`]: one per pair of [`LETTER_BITS`] values.
pub(super) const FREE_PAIRS: usize = 1 << (2 * LETTER_BITS.count_ones());

/// Where a token that starts with the bytes `first` and `second` (None for a one-byte token) is
/// counted in [`Matcher::free_pair`]: the [`LETTER_BITS`] of each, and 0 for no second byte,
/// which no letter or digit gives.
#[inline]
pub(super) fn pair_index(first: u8, second: Option<u8>) -> usize {
    ((first & LETTER_BITS) as usize) << LETTER_BITS.count_ones()
        | second.map_or(0, |b| (b & LETTER_BITS) as usize)
}

/// Scratch space reused between scans, so that a scan allocates nothing per token.
#[derive(Debug, Default)]
pub struct Scratch {
    key: String,
    upper: Vec<bool>,
    terminals: Vec<(u32, usize, usize)>,
    candidates: Vec<Candidate>,
}

impl Matcher {
    /// Number of compiled aliases.
    pub fn aliases(&self) -> usize {
        self.variants.len()
    }

    /// Number of distinct folded tokens the aliases are made of.
    pub fn vocabulary(&self) -> usize {
        self.vocabulary
    }
}
