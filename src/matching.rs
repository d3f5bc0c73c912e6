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

use crate::codec::{Dec, Enc, SnapshotError};
use crate::gazetteer::words::{Weak, WordLists};
use crate::model::MatchKind;
use crate::text::fold::{fold_into, fold_with};
use crate::text::tokens::{alnum_end, is_word_char, ALNUM};
use crate::text::{Kind, Token, Tokenizer};
use rustc_hash::{FxHashMap, FxHashSet};

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
/// inline: a vector of its own cost every occurrence a `malloc` and a `free`, a fifth of what
/// finding it costs.
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

const ROOT: u32 = 0;
/// The node number in a transition's value; the five high bits say what the node holds.
const NODE: u32 = (1 << 27) - 1;
/// The node ends aliases.
const HAS_TERMS: u32 = 1 << 31;
/// The node has transitions.
const HAS_KIDS: u32 = 1 << 30;
/// Some transition of the node is on a token that may start with a lowercase letter; without
/// this bit, a lowercase word after the node ends the name without a probe ("Moscow said").
const LOWER_KIDS: u32 = 1 << 29;
/// On a transition from the root: some alias starts with this token without a capital or a
/// digit ("al-Qaeda"), so the token starts a name even in lowercase.
const FREE: u32 = 1 << 28;
/// On a transition from the root: the token folds to a role word ("President"), whose names
/// must not hide a longer name after it; without this bit, no need to ask the role words.
const ROLE: u32 = 1 << 27;

/// A hash table from a 64-bit key to a nonzero `u32` value and an [`Inline`] record of the node
/// the value leads to, by open addressing, at most half full. Keys are token hashes (from the
/// root) or [`trans_key`]s (deeper), already well mixed, so the slot is their low bits with no
/// hashing of its own, and a probe reads one slot of 16 bytes, in one cache line: every
/// capitalized word of a text probes the root, and most probes of a table this large are cache
/// misses, which the inline record spares a second one when the probe reaches a name.
#[derive(Clone, Debug)]
struct TokenTable {
    slots: Box<[Slot]>,
    mask: usize,
}

/// One entry of a [`TokenTable`]; `value` 0 marks an empty slot.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    value: u32,
    inline: Inline,
}

/// The one variant of a node that ends a single alias, packed for a slot that leads there when
/// it fits (see [`Matcher::inline`]), 0 when it does not: the entity (20 high bits), kind (3),
/// weak (2), [`ACRONYM`] and [`ARTICLE`] (2) and, in the low 5 bits, the index of its capitals
/// in [`Matcher::inline_caps`], never 0.
type Inline = u32;

/// The key of `token` after the node numbered `node`, for the deeper transitions: `mix` is a
/// bijection, so the tokens after one node never share a key, and two transitions from two
/// nodes share one only if their tokens differ by exactly the difference of the nodes' mixes,
/// a 64-bit coincidence that [`TokenTable::new`] refuses among the transitions it holds (as the
/// builder refuses two tokens with one hash). One key makes the slot 16 bytes with room for the
/// inline record, where the node and token took them all.
#[inline]
fn trans_key(node: u32, token: u64) -> u64 {
    token ^ (node as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl TokenTable {
    /// A table of `entries` (key, value, inline), whose values must not be 0; Err when two of
    /// them have one key.
    fn new(
        entries: impl ExactSizeIterator<Item = (u64, u32, Inline)>,
    ) -> Result<TokenTable, &'static str> {
        let size = (entries.len() * 2).next_power_of_two().max(8);
        let mut t = TokenTable {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            mask: size - 1,
        };
        for (key, value, inline) in entries {
            assert!(value != 0, "a token table value must not be 0");
            let mut i = key as usize & t.mask;
            while t.slots[i].value != 0 {
                if t.slots[i].key == key {
                    return Err("two transitions with one key");
                }
                i = (i + 1) & t.mask;
            }
            t.slots[i] = Slot { key, value, inline };
        }
        Ok(t)
    }

    /// The value of `key` and the inline record of where it leads.
    #[inline]
    fn get(&self, key: u64) -> Option<(u32, Inline)> {
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.value == 0 {
                return None;
            }
            if s.key == key {
                return Some((s.value, s.inline));
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The entries (key, value), in table order.
    fn entries(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.value != 0)
            .map(|s| (s.key, s.value))
    }
}

/// Compiles aliases into a [`Matcher`].
#[derive(Debug, Default)]
pub struct MatcherBuilder {
    /// Folded token text by hash, to refuse two tokens with one hash.
    vocab: FxHashMap<u64, Box<str>>,
    trans: FxHashMap<(u32, u64), u32>,
    nodes: u32,
    terminals: Vec<(u32, Alias)>,
    caps: Vec<u16>,
    free_starts: FxHashSet<u64>,
    /// Nodes with a transition on a token whose first letter is not a capital in some alias.
    lower_kids: FxHashSet<u32>,
    /// Tokens after the first whose first letter is not a capital in some alias ("of", "de").
    lower_inner: FxHashSet<u64>,
    seen: FxHashSet<(u32, u32, u32, u16)>,
    key: String,
    words: Option<std::sync::Arc<WordLists>>,
}

/// Why an alias was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AliasProblem {
    /// The alias holds no letter or digit.
    NoWord,
    /// Two different tokens have the same 64-bit hash (never seen; would need a new seed).
    HashCollision(String, String),
}

/// Hashes folded token bytes. The trie is keyed by this hash alone, so a token costs one hash
/// and one lookup, with no string comparison; the builder refuses two tokens with one hash.
/// Bytes go in eight at a time, as the little-endian words a scan loads anyway (the last one
/// zero-padded), and the length at the end: one multiply per word rather than per byte.
#[derive(Clone, Copy)]
struct TokenHash(u64);

impl TokenHash {
    const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

    #[inline]
    fn new() -> Self {
        TokenHash(Self::SEED)
    }

    /// Eight bytes of the token, mixed by a folded multiply: the high half of the 128-bit
    /// product depends on every bit of the state, so a difference anywhere in a word reaches
    /// every bit of the next state. (A 64-bit multiply and a rotation did not: two words
    /// differing only in their top bytes left differences confined to sixteen bits, and
    /// 12-letter tokens of a 5-million-alias gazetteer collided.)
    #[inline]
    fn word(&mut self, w: u64) {
        let m = u128::from(self.0 ^ w) * 0x51_7c_c1_b7_27_22_0a_95_u128;
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }

    #[inline]
    fn finish(self, len: usize) -> u64 {
        // A final mix so that every bit of every word reaches the low bits, which place a token
        // in a table.
        let mut h = self.0 ^ len as u64;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        h
    }

    fn of(folded: &str) -> u64 {
        let mut h = TokenHash::new();
        for chunk in folded.as_bytes().chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            h.word(u64::from_le_bytes(w));
        }
        h.finish(folded.len())
    }
}

/// [`TokenHash`] of the ASCII token `b[start..end]` lowercased (which is its fold), read eight
/// bytes per load; None when the token holds a non-ASCII byte or ends less than eight bytes
/// before the end of `b` (the last load reads past the token, never past `b`).
#[inline]
fn ascii_token_hash(b: &[u8], start: usize, end: usize) -> Option<u64> {
    use crate::text::{ascii_in_range, HI};
    let mut h = TokenHash::new();
    let mut i = start;
    while i < end {
        let w = b.get(i..i + 8)?;
        let mut x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        if end - i < 8 {
            x &= (1u64 << (8 * (end - i))) - 1;
        }
        if x & HI != 0 {
            return None;
        }
        // Bit 7 of each capital, moved to bit 5 to lowercase it.
        let upper = ascii_in_range(x, b'A', b'Z');
        h.word(x | upper >> 2);
        i += 8;
    }
    Some(h.finish(end - start))
}

impl MatcherBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        MatcherBuilder {
            nodes: 1,
            ..Default::default()
        }
    }

    /// An empty builder that marks single-word aliases found in `words` as weak.
    pub fn with_words(words: std::sync::Arc<WordLists>) -> Self {
        MatcherBuilder {
            nodes: 1,
            words: Some(words),
            ..Default::default()
        }
    }

    fn token_hash(&mut self, key: &str) -> Result<u64, AliasProblem> {
        let h = TokenHash::of(key);
        match self.vocab.get(&h) {
            Some(k) if **k != *key => {
                Err(AliasProblem::HashCollision(k.to_string(), key.to_string()))
            }
            Some(_) => Ok(h),
            None => {
                self.vocab.insert(h, key.into());
                Ok(h)
            }
        }
    }

    /// Adds `alias` as a name of entity `entity`.
    pub fn add(&mut self, alias: &str, entity: u32, kind: MatchKind) -> Result<(), AliasProblem> {
        let mut node = ROOT;
        let mut pos = 0u32;
        let caps_start = self.caps.len() as u32;
        let mut words = 0;
        let mut all_upper_letters = true;
        let mut letters = 0;
        let mut first = true;
        let mut last_key = String::new();
        for t in Tokenizer::new(alias) {
            let s = &alias[t.start..t.end];
            self.key.clear();
            let caps = &mut self.caps;
            fold_with(s, &mut self.key, |u| {
                if u {
                    caps.push(pos.min(u16::MAX as u32) as u16);
                }
                pos += 1;
            });
            if t.kind == Kind::Word {
                words += 1;
                for c in s.chars().filter(|c| c.is_alphabetic()) {
                    letters += 1;
                    all_upper_letters &= c.is_uppercase();
                }
            }
            let key = std::mem::take(&mut self.key);
            let id = self.token_hash(&key);
            last_key.clone_from(&key);
            self.key = key;
            let id = id?;
            if first {
                let c = s.chars().next().unwrap_or(' ');
                if !c.is_uppercase() && !c.is_numeric() {
                    self.free_starts.insert(id);
                }
                first = false;
            }
            if !s.chars().next().is_some_and(char::is_uppercase) {
                self.lower_kids.insert(node);
                if node != ROOT {
                    self.lower_inner.insert(id);
                }
            }
            let k = (node, id);
            node = match self.trans.get(&k) {
                Some(&n) => n,
                None => {
                    let n = self.nodes;
                    self.nodes += 1;
                    self.trans.insert(k, n);
                    n
                }
            };
        }
        if words == 0 {
            self.caps.truncate(caps_start as usize);
            return Err(AliasProblem::NoWord);
        }
        let caps_len = (self.caps.len() as u32 - caps_start) as u16;
        // The same entity, node and capitals twice adds nothing.
        let caps_hash = self.caps[caps_start as usize..]
            .iter()
            .fold(0u32, |h, &c| h.wrapping_mul(31).wrapping_add(c as u32 + 1));
        if !self.seen.insert((node, entity, caps_hash, caps_len)) {
            self.caps.truncate(caps_start as usize);
            return Ok(());
        }
        let acronym = words == 1 && letters >= 2 && all_upper_letters;
        let article = alias.starts_with("the ") && words > 1;
        let weak = match &self.words {
            Some(w) if words == 1 && !acronym => w.weak(&last_key),
            _ => Weak::No,
        };
        self.terminals.push((
            node,
            Alias {
                entity,
                kind,
                caps_start,
                caps_len,
                acronym,
                article,
                weak,
            },
        ));
        Ok(())
    }

    /// Makes room for about `aliases` more aliases, so that building does not rehash its tables
    /// over and over (most of start-up is building the default gazetteer).
    pub fn reserve(&mut self, aliases: usize) {
        self.vocab.reserve(aliases);
        self.trans.reserve(aliases * 2);
        self.terminals.reserve(aliases);
        self.seen.reserve(aliases);
        self.caps.reserve(aliases * 2);
    }

    /// Number of aliases added so far (after removing exact repeats).
    pub fn len(&self) -> usize {
        self.terminals.len()
    }

    /// Whether no alias was added.
    pub fn is_empty(&self) -> bool {
        self.terminals.is_empty()
    }

    /// Compiles the trie.
    pub fn build(mut self) -> Matcher {
        // Variants are grouped by node; within a node, by entity then kind, so that output never
        // depends on the order aliases were added in.
        self.terminals
            .sort_by_key(|(n, v)| (*n, v.entity, v.kind, v.caps_start));
        let mut term_start = vec![0u32; self.nodes as usize + 1];
        for (n, _) in &self.terminals {
            term_start[*n as usize + 1] += 1;
        }
        for i in 1..term_start.len() {
            term_start[i] += term_start[i - 1];
        }
        let aliases: Vec<Alias> = self.terminals.into_iter().map(|(_, v)| v).collect();
        let max_key_len = self.vocab.values().map(|k| k.len()).max().unwrap_or(0);
        let mut free_first = [false; 256];
        let mut free_len = [0u32; 256];
        let mut free_pair = vec![0u32; 1024];
        for (h, k) in &self.vocab {
            if self.free_starts.contains(h) {
                let k = k.as_bytes();
                free_first[k[0] as usize] = true;
                free_len[k[0] as usize] |= 1 << k.len().min(31);
                free_pair[pair_index(k[0], k.get(1).copied())] |= 1 << k.len().min(31);
            }
        }
        // What a scan needs to know of a node when it reaches it, carried in the value that
        // leads there: a probe of the table is a cache miss, and this saves one per name (the
        // word after a name that ends the trie) and the terminal lookup of inner nodes.
        assert!(
            self.nodes <= NODE,
            "more trie nodes than newsner can number"
        );
        let mut kids = vec![false; self.nodes as usize];
        for (n, _) in self.trans.keys() {
            kids[*n as usize] = true;
        }
        let tag = |c: u32| {
            let terms = term_start[c as usize] < term_start[c as usize + 1];
            let lower = self.lower_kids.contains(&c);
            c | if terms { HAS_TERMS } else { 0 }
                | if kids[c as usize] { HAS_KIDS } else { 0 }
                | if lower { LOWER_KIDS } else { 0 }
        };
        let root: Vec<_> = self
            .trans
            .iter()
            .filter(|((n, _), _)| *n == ROOT)
            .map(|(&(_, t), &c)| {
                let free = if self.free_starts.contains(&t) {
                    FREE
                } else {
                    0
                };
                let role = if crate::text::roles::is_role_word(&self.vocab[&t]) {
                    ROLE
                } else {
                    0
                };
                (t, tag(c) | free | role)
            })
            .collect();
        let trans: Vec<_> = self
            .trans
            .iter()
            .filter(|((n, _), _)| *n != ROOT)
            .map(|(&(n, t), &c)| (n, t, tag(c)))
            .collect();
        Matcher::from_tables(Tables {
            vocabulary: self.vocab.len(),
            max_key_len,
            root,
            trans,
            term_start,
            aliases,
            caps: self.caps,
            lower_inner: self.lower_inner.into_iter().collect(),
            free_first,
            free_len,
            free_pair: free_pair.into_boxed_slice(),
        })
        .expect("a built trie numbers its nodes within range, its transitions with distinct keys")
    }
}

/// The tables of a [`Matcher`] as a snapshot stores them: nodes numbered as the builder made
/// them (the root 0), and the capitals of all aliases in one array. `build` compiles them,
/// `decode` reads them, `encode` writes them; [`Matcher::from_tables`] lays them out for scans.
struct Tables {
    vocabulary: usize,
    max_key_len: usize,
    /// Transitions from the root: token and tagged node.
    root: Vec<(u64, u32)>,
    /// Deeper transitions: node, token and tagged node.
    trans: Vec<(u32, u64, u32)>,
    /// The aliases that end at node `n` are `aliases[term_start[n]..term_start[n + 1]]`.
    term_start: Vec<u32>,
    aliases: Vec<Alias>,
    caps: Vec<u16>,
    lower_inner: Vec<u64>,
    free_first: [bool; 256],
    free_len: [u32; 256],
    free_pair: Box<[u32]>,
}

/// Where a token that starts with the bytes `first` and `second` (None for a one-byte token) is
/// counted in [`Matcher::free_pair`]: the low five bits of each, which tell ASCII letters apart
/// whatever their case, and 0 for no second byte, which no letter or digit gives.
#[inline]
fn pair_index(first: u8, second: Option<u8>) -> usize {
    ((first & 31) as usize) << 5 | second.map_or(0, |b| (b & 31) as usize)
}

/// The 31 capitals (as [`Variant::caps`]) most common among the nodes that end one alias, at
/// 1 to 31 (0 and the places left over hold a mask no record uses), for [`Inline`] records.
fn common_caps(variants: &[Variant]) -> [u64; 32] {
    let mut count: FxHashMap<u64, usize> = FxHashMap::default();
    let mut first = true;
    for v in variants {
        if first && v.flags & (LAST | LONG_CAPS) == LAST {
            *count.entry(v.caps).or_default() += 1;
        }
        first = v.flags & LAST != 0;
    }
    let mut common: Vec<(usize, u64)> = count.into_iter().map(|(c, n)| (n, c)).collect();
    // By count, then by mask, so that the table does not depend on the order of the map.
    common.sort_unstable_by(|a, b| b.cmp(a));
    // A mask no variant has: every bit set is a capital at every position.
    let mut caps = [u64::MAX; 32];
    for (slot, (_, c)) in caps[1..].iter_mut().zip(common) {
        *slot = c;
    }
    caps
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
    /// The node each node is reached from by a deeper transition (by their numbers here;
    /// `u32::MAX` for the root and its children), which `encode` needs to unfold the keys of
    /// `trans`.
    parent: Vec<u32>,
    /// The variants of all nodes. A node that ends aliases is numbered by its first variant
    /// (its variants follow, to one marked [`LAST`]), so that reaching a name finds them with no
    /// table of ranges between; other nodes are numbered from `variants.len()` on.
    variants: Vec<Variant>,
    /// Number of nodes that end no alias, the root first: with `variants`, how nodes are
    /// numbered, which `encode` undoes.
    inner_nodes: u32,
    /// Capitals of the aliases that have one past their 64th char (see [`LONG_CAPS`]).
    long_caps: Vec<u16>,
    /// Tokens after the first whose first letter is not a capital in some alias: a lowercase
    /// word after a name goes on with it only if it is one of these ("of", "de"), a set small
    /// enough to stay in cache, unlike the transitions.
    lower_inner: TokenTable,
    /// The capitals an [`Inline`] record names by its low five bits: the commonest among the
    /// nodes that end one alias, so that most such nodes have their record inline.
    inline_caps: [u64; 32],
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

impl MatchKind {
    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(c: u8) -> Option<MatchKind> {
        use MatchKind::*;
        [Exact, Variant, Surname, Acronym, Coref, Discovered]
            .get(c as usize)
            .copied()
    }
}

fn weak_code(w: Weak) -> u8 {
    w as u8
}

fn weak_from_code(c: u8) -> Option<Weak> {
    [Weak::No, Weak::Name, Weak::Common, Weak::Calendar]
        .get(c as usize)
        .copied()
}

impl Matcher {
    /// Lays out `t` for scanning: renumbers the nodes (see [`Matcher::variants`]) and puts
    /// each alias's capitals inline. Err when the new numbers do not fit in [`NODE`].
    fn from_tables(t: Tables) -> Result<Matcher, &'static str> {
        let nodes = t.term_start.len() - 1;
        let first_inner = t.aliases.len() as u64;
        let mut inner = 0u64;
        let mut id = Vec::with_capacity(nodes);
        let mut variants = Vec::with_capacity(t.aliases.len());
        let mut long_caps = Vec::new();
        for (n, w) in t.term_start.windows(2).enumerate() {
            let (start, end) = (w[0] as usize, w[1] as usize);
            if start == end || n == ROOT as usize {
                id.push(first_inner + inner);
                inner += 1;
                continue;
            }
            id.push(start as u64);
            // Aliases owned by no node (only in a damaged file) are never reached; keep their
            // places so that every node's number is its first variant.
            while variants.len() < start {
                variants.push(Variant::new(
                    &t.aliases[variants.len()],
                    &[],
                    &mut long_caps,
                ));
            }
            for (i, a) in t.aliases[start..end].iter().enumerate() {
                let caps = &t.caps[a.caps_start as usize..][..a.caps_len as usize];
                let mut v = Variant::new(a, caps, &mut long_caps);
                if start + i + 1 == end {
                    v.flags |= LAST;
                }
                variants.push(v);
            }
        }
        while variants.len() < t.aliases.len() {
            variants.push(Variant::new(
                &t.aliases[variants.len()],
                &[],
                &mut long_caps,
            ));
        }
        if first_inner + inner > NODE as u64 {
            return Err("more trie nodes than newsner can number");
        }
        // A scan reads the variants of a node tagged as ending aliases from its number on.
        let tagged_right = |v: &u32| {
            let n = (v & NODE) as usize;
            (v & HAS_TERMS != 0) == (id[n] < first_inner)
        };
        if !(t.root.iter().all(|(_, v)| tagged_right(v))
            && t.trans.iter().all(|(_, _, v)| tagged_right(v)))
        {
            return Err("node tagged wrong");
        }
        let renumber = |v: u32| (v & !NODE) | id[(v & NODE) as usize] as u32;
        let mut parent = vec![u32::MAX; (first_inner + inner) as usize];
        for &(n, _, v) in &t.trans {
            let child = id[(v & NODE) as usize] as usize;
            if parent[child] != u32::MAX {
                return Err("a node reached from two nodes");
            }
            parent[child] = id[n as usize] as u32;
        }
        let inline_caps = common_caps(&variants);
        let inline = |v: u32| {
            let n = (v & NODE) as usize;
            if v & HAS_TERMS == 0 {
                return 0;
            }
            Matcher::inline(&variants[n], &inline_caps)
        };
        let root = t.root.into_iter().map(|(k, v)| {
            let v = renumber(v);
            (k, v, inline(v))
        });
        let trans = t.trans.into_iter().map(|(n, k, v)| {
            let v = renumber(v);
            (trans_key(id[n as usize] as u32, k), v, inline(v))
        });
        let lower_inner = t.lower_inner.into_iter().map(|t| (t, 1, 0));
        Ok(Matcher {
            vocabulary: t.vocabulary,
            root: TokenTable::new(root)?,
            trans: TokenTable::new(trans)?,
            lower_inner: TokenTable::new(lower_inner)?,
            inline_caps,
            parent,
            variants,
            inner_nodes: inner as u32,
            long_caps,
            free_first: t.free_first,
            free_len: t.free_len,
            free_pair: t.free_pair,
            max_key_len: t.max_key_len,
            the_is_plain: false,
        }
        .with_the_is_plain())
    }

    /// The tables `self` was laid out from, nodes numbered the root first, then the nodes that
    /// end aliases, then the others, each in the order of their numbers here: laying them out
    /// again gives `self` back, so that a snapshot written, read and written again is the same.
    fn to_tables(&self) -> Tables {
        let first_inner = self.variants.len() as u32;
        // Stored number by number here; the root is the first inner node.
        let mut stored = vec![0u32; self.variants.len() + self.inner_nodes as usize];
        let mut term_start = vec![0u32];
        let mut aliases = Vec::with_capacity(self.variants.len());
        let mut caps = Vec::new();
        let mut node_start = true;
        for (i, v) in self.variants.iter().enumerate() {
            if node_start {
                stored[i] = term_start.len() as u32;
                term_start.push(i as u32);
            }
            node_start = v.flags & LAST != 0;
            let caps_start = caps.len() as u32;
            if v.flags & LONG_CAPS != 0 {
                caps.extend_from_slice(self.long_caps(v));
            } else {
                caps.extend((0..64).filter(|&p| v.caps >> p & 1 != 0));
            }
            aliases.push(Alias {
                entity: v.entity,
                kind: v.kind,
                caps_start,
                caps_len: (caps.len() - caps_start as usize) as u16,
                acronym: v.flags & ACRONYM != 0,
                article: v.flags & ARTICLE != 0,
                weak: v.weak,
            });
        }
        let terminal_nodes = term_start.len() as u32 - 1;
        for r in 1..self.inner_nodes {
            stored[(first_inner + r) as usize] = terminal_nodes + r;
            term_start.push(first_inner);
        }
        term_start.push(first_inner);
        let restore = |v: u32| (v & !NODE) | stored[(v & NODE) as usize];
        let mut root: Vec<_> = self.root.entries().map(|(k, v)| (k, restore(v))).collect();
        root.sort_unstable();
        let mut trans: Vec<_> = self
            .trans
            .entries()
            .map(|(k, v)| {
                let n = self.parent[(v & NODE) as usize];
                (stored[n as usize], k ^ trans_key(n, 0), restore(v))
            })
            .collect();
        trans.sort_unstable();
        let mut lower_inner: Vec<u64> = self.lower_inner.entries().map(|e| e.0).collect();
        lower_inner.sort_unstable();
        Tables {
            vocabulary: self.vocabulary,
            max_key_len: self.max_key_len,
            root,
            trans,
            term_start,
            aliases,
            caps,
            lower_inner,
            free_first: self.free_first,
            free_len: self.free_len,
            free_pair: self.free_pair.clone(),
        }
    }

    /// Writes the tables for a compiled gazetteer (see `gazetteer::snapshot`).
    pub(crate) fn encode(&self, e: &mut Enc) {
        let t = self.to_tables();
        e.len(t.vocabulary);
        e.len(t.max_key_len);
        e.len(t.root.len());
        for (k, v) in t.root {
            e.u64(k);
            e.u32(v);
        }
        e.len(t.trans.len());
        for (n, k, v) in t.trans {
            e.u32(n);
            e.u64(k);
            e.u32(v);
        }
        e.u32s(&t.term_start);
        e.len(t.aliases.len());
        for v in &t.aliases {
            e.u32(v.entity);
            e.u8(v.kind.code());
            e.u32(v.caps_start);
            e.u16(v.caps_len);
            e.u8(v.acronym as u8 | (v.article as u8) << 1);
            e.u8(weak_code(v.weak));
        }
        e.u16s(&t.caps);
        e.u64s(&t.lower_inner);
        t.free_first.iter().for_each(|&b| e.u8(b as u8));
        t.free_len.iter().for_each(|&x| e.u32(x));
        e.u32s(&t.free_pair);
    }

    /// Reads what [`Matcher::encode`] wrote, checking that every index stays in range (entities
    /// below `entities`), so that a damaged file cannot make a scan panic.
    pub(crate) fn decode(d: &mut Dec<'_>, entities: usize) -> Result<Matcher, SnapshotError> {
        let bad = SnapshotError::Corrupt;
        let vocabulary = d.u64()? as usize;
        let max_key_len = d.u64()? as usize;
        let n = d.len(12)?;
        let mut root = Vec::with_capacity(n);
        for _ in 0..n {
            let k = d.u64()?;
            root.push((k, d.u32()?));
        }
        let n = d.len(16)?;
        let mut trans = Vec::with_capacity(n);
        for _ in 0..n {
            let node = d.u32()?;
            let k = d.u64()?;
            trans.push((node, k, d.u32()?));
        }
        let term_start = d.u32s()?;
        let nodes = term_start.len().checked_sub(1).ok_or(bad("no nodes"))?;
        let n = d.len(13)?;
        let mut aliases = Vec::with_capacity(n);
        for _ in 0..n {
            let entity = d.u32()?;
            let kind = MatchKind::from_code(d.u8()?).ok_or(bad("match kind"))?;
            let caps_start = d.u32()?;
            let caps_len = d.u16()?;
            let flags = d.u8()?;
            let weak = weak_from_code(d.u8()?).ok_or(bad("weak kind"))?;
            if entity as usize >= entities {
                return Err(bad("entity out of range"));
            }
            aliases.push(Alias {
                entity,
                kind,
                caps_start,
                caps_len,
                acronym: flags & 1 != 0,
                article: flags & 2 != 0,
                weak,
            });
        }
        let caps = d.u16s()?;
        let lower_inner = d.u64s()?;
        let mut free_first = [false; 256];
        for b in free_first.iter_mut() {
            *b = d.u8()? != 0;
        }
        let mut free_len = [0u32; 256];
        for x in free_len.iter_mut() {
            *x = d.u32()?;
        }
        let free_pair = d.u32s()?.into_boxed_slice();
        if free_pair.len() != 1024 {
            return Err(bad("free pairs"));
        }
        let in_range = root
            .iter()
            .map(|&(_, v)| v)
            .chain(trans.iter().map(|&(_, _, v)| v))
            .all(|v| v != 0 && ((v & NODE) as usize) < nodes)
            && trans
                .iter()
                .all(|&(k, _, _)| k != ROOT && (k as usize) < nodes)
            && term_start.windows(2).all(|w| w[0] <= w[1])
            && term_start
                .last()
                .is_some_and(|&t| t as usize == aliases.len())
            && aliases
                .iter()
                .all(|v| v.caps_start as usize + v.caps_len as usize <= caps.len());
        if !in_range {
            return Err(bad("index out of range"));
        }
        Matcher::from_tables(Tables {
            vocabulary,
            max_key_len,
            root,
            trans,
            term_start,
            aliases,
            caps,
            lower_inner,
            free_first,
            free_len,
            free_pair,
        })
        .map_err(bad)
    }

    /// The [`Inline`] record of the node whose first variant is `v`, with `caps` the capitals
    /// records can name; 0 when it has more variants or does not fit.
    fn inline(v: &Variant, caps: &[u64; 32]) -> Inline {
        let Some(code) = (1..32).find(|&c| caps[c] == v.caps) else {
            return 0;
        };
        if v.flags & (LAST | LONG_CAPS) != LAST || v.entity >= 1 << 20 {
            return 0;
        }
        v.entity << 12
            | u32::from(v.kind.code()) << 9
            | u32::from(weak_code(v.weak)) << 7
            | u32::from(v.flags & (ACRONYM | ARTICLE)) << 5
            | code as u32
    }

    /// The variant an [`Inline`] record other than 0 packs.
    #[inline]
    fn unpack(&self, r: Inline) -> Variant {
        const KINDS: [MatchKind; 8] = {
            use MatchKind::*;
            [
                Exact, Variant, Surname, Acronym, Coref, Discovered, Discovered, Discovered,
            ]
        };
        const WEAK: [Weak; 4] = [Weak::No, Weak::Name, Weak::Common, Weak::Calendar];
        Variant {
            caps: self.inline_caps[(r & 31) as usize],
            entity: r >> 12,
            kind: KINDS[(r >> 9 & 7) as usize],
            weak: WEAK[(r >> 7 & 3) as usize],
            flags: (r >> 5 & 3) as u8 | LAST,
        }
    }

    /// The capitals of `v`, which has [`LONG_CAPS`].
    fn long_caps(&self, v: &Variant) -> &[u16] {
        let start = v.caps as u32 as usize;
        &self.long_caps[start..][..(v.caps >> 32) as usize]
    }

    /// Sets [`Matcher::the_is_plain`], which is derived from the root and not stored.
    fn with_the_is_plain(mut self) -> Matcher {
        self.the_is_plain = self
            .root
            .get(TokenHash::of("the"))
            .is_some_and(|(first, _)| first & FREE != 0 && first & (HAS_TERMS | LOWER_KIDS) == 0);
        self
    }
}

/// Scratch space reused between scans, so that a scan allocates nothing per token.
#[derive(Debug, Default)]
pub struct Scratch {
    key: String,
    upper: Vec<bool>,
    terminals: Vec<(u32, Inline, usize, usize)>,
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

    /// The hash of the folded form of token `t`, or None when it is longer than any alias token.
    #[inline]
    fn token_id(&self, text: &str, t: Token, key: &mut String) -> Option<u64> {
        if t.end - t.start <= self.max_key_len {
            if let Some(h) = ascii_token_hash(text.as_bytes(), t.start, t.end) {
                return Some(h);
            }
        }
        self.token_id_slow(text, t, key)
    }

    /// [`Matcher::token_id`] for any token: non-ASCII, too long, or at the very end of the text.
    #[cold]
    #[inline(never)]
    fn token_id_slow(&self, text: &str, t: Token, key: &mut String) -> Option<u64> {
        let s = &text[t.start..t.end];
        if s.len() > 4 * self.max_key_len + 16 {
            return None;
        }
        key.clear();
        if s.is_ascii() {
            // Lowercase is the fold of ASCII.
            if s.len() > self.max_key_len {
                return None;
            }
            key.push_str(s);
            key.make_ascii_lowercase();
        } else {
            fold_into(s, key);
        }
        Some(TokenHash::of(key))
    }

    /// The root transition of token `t` and its inline record if a name may start there: cheap
    /// tests first, the vocabulary last.
    #[inline]
    fn may_start(&self, text: &str, t: Token, key: &mut String) -> Option<(u32, Inline)> {
        let b0 = text.as_bytes()[t.start];
        let free = !(b0.is_ascii_uppercase() || b0.is_ascii_digit() || b0 >= 0x80);
        if free && !self.free_first[b0.to_ascii_lowercase() as usize] {
            return None;
        }
        let id = self.token_id(text, t, key)?;
        let first = self.root.get(id)?;
        (!free || first.0 & FREE != 0).then_some(first)
    }

    /// Finds all occurrences in `text`, leftmost first, longest at each start, not overlapping.
    pub fn scan(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Occurrence>) {
        self.scan_with(text, scratch, out, true)
    }

    /// [`Matcher::scan`], passing runs of plain lowercase words in [`Matcher::skip_plain`] when
    /// `fast` (tests compare it with the word-by-word loop).
    #[inline]
    fn scan_with(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Occurrence>, fast: bool) {
        let b = text.as_bytes();
        let n = b.len();
        // News has about one occurrence per hundred bytes: room for them at once, rather than
        // a vector that grows (and is copied) five or six times per text.
        if out.capacity() == 0 {
            out.reserve(n / 64);
        }
        let mut pos = 0;
        while pos < n {
            if fast {
                pos = self.skip_plain(b, pos);
                if pos >= n {
                    break;
                }
            }
            let c = b[pos];
            // Most of news is lowercase words no alias starts with: skip them whole, eight bytes
            // per load, and leave tokenizing to the places where a name may start.
            let mut word = None;
            if c < 0x80 {
                if ALNUM[c as usize] {
                    let run = alnum_end(b, pos + 1);
                    let len = (run - pos).min(31);
                    let next = b.get(run).copied();
                    // The first letter and length first, then, for a word that is this run
                    // of letters (the length of one that goes on is not known yet), the
                    // first two letters and length.
                    let skip = c.is_ascii_lowercase()
                        && (self.free_len[c as usize] & (1 << len) == 0
                            || next.is_some_and(|x| x != b'\'' && x < 0x80)
                                && self.free_pair[pair_index(c, (len > 1).then(|| b[pos + 1]))]
                                    & (1 << len)
                                    == 0);
                    if skip {
                        // The space after the word is skipped here, not by another turn of
                        // the loop: no token starts with one.
                        pos = match next {
                            Some(b' ') => run + 1,
                            Some(x) if x == b'\'' || x >= 0x80 => skip_word(text, run),
                            _ => run,
                        };
                        continue;
                    }
                    // A word of ASCII letters and digits is the token the tokenizer would read
                    // from here (nothing to skip before it, so joined), without asking it.
                    if !next.is_some_and(|x| x == b'\'' || x >= 0x80) {
                        word = Some(Token {
                            start: pos,
                            end: run,
                            kind: Kind::Word,
                            joined: true,
                        });
                    }
                } else if !self.free_first[c as usize] {
                    pos += 1;
                    continue;
                }
            }
            let (t, tk) = match word {
                Some(t) => (t, Tokenizer::at(text, t.end)),
                None => {
                    let mut tk = Tokenizer::at(text, pos);
                    let Some(t) = tk.next_token() else { break };
                    (t, tk)
                }
            };
            pos = t.end.max(pos + 1);
            let Some((first, inline)) = self.may_start(text, t, &mut scratch.key) else {
                continue;
            };
            // A token that ends no alias and goes on only with capitalized words, before a
            // lowercase word ("the" in "the ministry", "The" in "The said"): the walk of
            // `longest_at` would stop at once and find nothing. (One space and a lowercase
            // letter is a joined token that starts lowercase, whatever comes after.)
            if first & (HAS_TERMS | LOWER_KIDS) == 0
                && b.get(t.end) == Some(&b' ')
                && b.get(t.end + 1).is_some_and(u8::is_ascii_lowercase)
            {
                continue;
            }
            let Some((mut occ, mut resume)) =
                self.longest_at(text, t, (first, inline), tk, scratch)
            else {
                continue;
            };
            // An alias that starts with a title ("Sheikh Tamim") must not hide a longer name that
            // starts after the title ("Tamim bin Hamad Al Thani").
            // (Only a name longer than its first token can hide one.)
            // A surface that is a role word folds to one, so the bit is asked first.
            if occ.end > t.end
                && first & ROLE != 0
                && crate::text::roles::is_role_word(&text[t.start..t.end])
            {
                let mut inner = tk;
                if let Some(n) = inner.next_token().filter(|n| n.joined && n.end <= occ.end) {
                    let id = self.token_id(text, n, &mut scratch.key);
                    if let Some(first) = id.and_then(|id| self.root.get(id)) {
                        if let Some((o, r)) = self.longest_at(text, n, first, inner, scratch) {
                            if o.end > occ.end {
                                (occ, resume) = (o, r);
                            }
                        }
                    }
                }
            }
            out.push(occ);
            pos = resume;
        }
    }

    /// Where the loop of [`Matcher::scan`], started at `pos`, first does more than skip: it
    /// passes here, as it would one turn at a time, the lowercase words whose first letters and
    /// length start no alias (with the space after each) and the marks that start none. A word
    /// is read in one load of eight bytes, tested for lowercase letters only; anything else
    /// (a capital, a digit, an apostrophe or a non-ASCII byte in or after the word, the last
    /// bytes of the text) is left to the loop, so that the two agree by construction.
    #[inline]
    fn skip_plain(&self, b: &[u8], mut pos: usize) -> usize {
        use crate::text::{ascii_in_range, HI};
        let load = |i: usize| {
            b.get(i..i + 8)
                .map(|w| u64::from_le_bytes(w.try_into().expect("8 bytes")))
        };
        while let Some(&c) = b.get(pos) {
            if !c.is_ascii_lowercase() {
                if c < 0x80 && !ALNUM[c as usize] && !self.free_first[c as usize] {
                    pos += 1;
                    continue;
                }
                return pos;
            }
            let Some(x) = load(pos) else { return pos };
            // The first byte that is not a lowercase letter ends the word if it is no letter
            // or digit, no apostrophe and ASCII.
            let other = !ascii_in_range(x, b'a', b'z') & HI;
            let (end, next) = if other != 0 {
                let len = other.trailing_zeros() / 8;
                let next = (x >> (8 * len)) as u8;
                // Most words are shorter than eight letters, end at a space and start no alias
                // by their first letter and length: passed at once.
                if next == b' ' && self.free_len[c as usize] & (1 << len) == 0 {
                    pos += len as usize + 1;
                    continue;
                }
                (pos + len as usize, next)
            } else {
                let mut end = pos + 8;
                loop {
                    let Some(y) = load(end) else { return pos };
                    let other = !ascii_in_range(y, b'a', b'z') & HI;
                    if other != 0 {
                        let k = other.trailing_zeros() / 8;
                        break (end + k as usize, (y >> (8 * k)) as u8);
                    }
                    end += 8;
                }
            };
            let len = (end - pos).min(31);
            // Most words end at a space and start no alias by their first letter and length:
            // passed with the one test, before the table of bytes that go on with a word.
            if next == b' ' && self.free_len[c as usize] & (1 << len) == 0 {
                pos = end + 1;
                continue;
            }
            if GOES_ON[next as usize] {
                return pos;
            }
            let second = (len > 1).then_some((x >> 8) as u8);
            if self.free_len[c as usize] & (1 << len) != 0
                && self.free_pair[pair_index(c, second)] & (1 << len) != 0
            {
                // What `scan` decides for "the" after probing the root, known here: the
                // space is left to the loop, as `scan` leaves it.
                let the = len == 3 && x & 0xff_ffff == u64::from(u32::from_le_bytes(*b"the\0"));
                if self.the_is_plain
                    && the
                    && next == b' '
                    && b.get(end + 1).is_some_and(u8::is_ascii_lowercase)
                {
                    pos = end;
                    continue;
                }
                return pos;
            }
            pos = end + (next == b' ') as usize;
        }
        pos
    }

    /// The longest occurrence that starts at token `t` (whose root transition and its inline
    /// record are `first`; `after` is the tokenizer just past it), with the position to resume
    /// scanning from.
    fn longest_at(
        &self,
        text: &str,
        t: Token,
        first: (u32, Inline),
        after: Tokenizer<'_>,
        scratch: &mut Scratch,
    ) -> Option<(Occurrence, usize)> {
        scratch.terminals.clear();
        let b = text.as_bytes();
        // The last terminal reached, kept out of `scratch.terminals` (which holds the ones
        // before it): most walks reach one.
        let mut last = None;
        let mut node;
        let mut tok = t;
        let mut look = after;
        let mut next = Some(first);
        while let Some((tagged, inline)) = next {
            node = tagged & NODE;
            if tagged & HAS_TERMS != 0 {
                if let Some(before) = last.replace((node, inline, tok.end, look.pos())) {
                    scratch.terminals.push(before);
                }
            }
            if tagged & HAS_KIDS == 0 {
                break;
            }
            // A space and a lowercase letter start a joined lowercase word, which the test
            // below would refuse: no need to read it ("Syria said").
            let p = look.pos();
            if tagged & LOWER_KIDS == 0
                && b.get(p) == Some(&b' ')
                && b.get(p + 1).is_some_and(u8::is_ascii_lowercase)
            {
                break;
            }
            match look.next_token() {
                Some(nt) if nt.joined => tok = nt,
                _ => break,
            }
            // Every alias going on from here has a capital where this word has a lowercase
            // letter: the case check would refuse them all.
            if tagged & LOWER_KIDS == 0 && text.as_bytes()[tok.start].is_ascii_lowercase() {
                break;
            }
            let Some(id) = self.token_id(text, tok, &mut scratch.key) else {
                break;
            };
            if text.as_bytes()[tok.start].is_ascii_lowercase() && self.lower_inner.get(id).is_none()
            {
                break;
            }
            next = self.trans.get(trans_key(node, id));
        }
        while let Some((node, inline, end, resume)) =
            last.take().or_else(|| scratch.terminals.pop())
        {
            let (candidates, article) =
                self.check_case(text, t.start, end, end == t.end, (node, inline), scratch);
            if !candidates.is_empty() {
                let start = if article {
                    after_article(text, t)
                } else {
                    t.start
                };
                return Some((
                    Occurrence {
                        start,
                        end,
                        candidates,
                    },
                    resume,
                ));
            }
        }
        None
    }

    /// The variants at `node` (with its inline record) whose capitals the surface
    /// `text[start..end]` has; `one_token` when the surface is a single token (most names),
    /// which spares the search for joiners.
    fn check_case(
        &self,
        text: &str,
        start: usize,
        end: usize,
        one_token: bool,
        (node, inline): (u32, Inline),
        scratch: &mut Scratch,
    ) -> (Candidates, bool) {
        let surface = &text[start..end];
        let bits = if one_token {
            ascii_token_capital_bits(text.as_bytes(), start, end)
        } else {
            ascii_capital_bits(text.as_bytes(), start, end)
        };
        if bits.is_none() {
            scratch.upper.clear();
            scratch.key.clear();
            surface_capitals(surface, &mut scratch.key, &mut scratch.upper);
        }
        let upper = &scratch.upper;
        let is_capital = |p: u16| match bits {
            Some(bits) => p < 64 && bits >> p & 1 != 0,
            None => upper.get(p as usize).copied().unwrap_or(false),
        };
        let has_caps = |v: &Variant| {
            if v.flags & LONG_CAPS != 0 {
                self.long_caps(v).iter().all(|&p| is_capital(p))
            } else if let Some(bits) = bits {
                v.caps & !bits == 0
            } else {
                (0..64).all(|p| v.caps >> p & 1 == 0 || is_capital(p))
            }
        };
        if inline != 0 {
            // The node's one variant, packed where the probe that reached it landed.
            let v = self.unpack(inline);
            let fits =
                has_caps(&v) && (v.flags & ACRONYM == 0 || !in_capitals_run(text, start, end));
            if !fits {
                return (Candidates::from_slice(&[]), false);
            }
            let c = Candidate {
                entity: v.entity,
                kind: v.kind,
                weak: v.weak,
            };
            return (Candidates(CandidatesRepr::One(c)), v.flags & ARTICLE != 0);
        }
        let out = &mut scratch.candidates;
        out.clear();
        let mut article = false;
        let mut in_caps_run = None;
        let mut more = true;
        let at_node = self.variants[node as usize..]
            .iter()
            .take_while(|v| std::mem::replace(&mut more, v.flags & LAST == 0));
        for v in at_node {
            if !has_caps(v) {
                continue;
            }
            if v.flags & ACRONYM != 0 {
                let run = *in_caps_run.get_or_insert_with(|| in_capitals_run(text, start, end));
                if run {
                    continue;
                }
            }
            article |= v.flags & ARTICLE != 0;
            out.push(Candidate {
                entity: v.entity,
                kind: v.kind,
                weak: v.weak,
            });
        }
        (Candidates::from_slice(out), article)
    }
}

/// [`surface_capitals`] as bits (bit `i` for folded char `i`) for the surface `b[start..end]`
/// when it is ASCII and at most 64 bytes, as nearly every name is: no vector to fill. None for
/// any other surface. Eight bytes per load: the capitals and the joiners (which fold to nothing)
/// of a word gathered into a byte each, the joiners' places then squeezed out one by one (a name
/// has few).
#[inline]
fn ascii_capital_bits(b: &[u8], start: usize, end: usize) -> Option<u64> {
    capital_bits::<true>(b, start, end)
}

/// [`ascii_capital_bits`] for a surface that is one token, which holds no joiner (joiners
/// separate tokens): folded char `i` is byte `i`, so the capitals are gathered with nothing to
/// squeeze out. Most names are one word, and this is most of what checking their case costs.
#[inline]
fn ascii_token_capital_bits(b: &[u8], start: usize, end: usize) -> Option<u64> {
    capital_bits::<false>(b, start, end)
}

/// The capitals of the ASCII surface `b[start..end]` (at most 64 bytes) as bits, the joiners'
/// places squeezed out when `JOINERS` (a surface of one token has none).
#[inline(always)]
fn capital_bits<const JOINERS: bool>(b: &[u8], start: usize, end: usize) -> Option<u64> {
    use crate::text::{ascii_in_range, HI};
    if end - start > 64 {
        return None;
    }
    // Bit 7 of each byte of `x` to bit k for byte k.
    let gather = |x: u64| ((x >> 7) & crate::text::LO).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let (mut bits, mut i, mut at) = (0u64, 0u32, start);
    while at < end {
        let n = (end - at).min(8);
        let x = match b.get(at..at + 8) {
            Some(w) => u64::from_le_bytes(w.try_into().expect("8 bytes")),
            None => {
                let mut w = [0u8; 8];
                w[..n].copy_from_slice(&b[at..at + n]);
                u64::from_le_bytes(w)
            }
        };
        // Only the surface's bytes: zeros past its end are no capital and no joiner.
        let x = if n == 8 {
            x
        } else {
            x & ((1u64 << (8 * n)) - 1)
        };
        if x & HI != 0 {
            return None;
        }
        let mut upper = gather(ascii_in_range(x, b'A', b'Z'));
        let mut folded = n as u32;
        if JOINERS {
            let joiners = gather(
                ascii_in_range(x, b'\t', 0x0d)
                    | ascii_in_range(x, b' ', b' ')
                    | ascii_in_range(x, b'-', b'-'),
            );
            let mut left = joiners;
            while left != 0 {
                // The highest joiner first, so that the places below it stay put.
                let j = 63 - left.leading_zeros();
                upper = (upper & ((1 << j) - 1)) | (upper >> (j + 1)) << j;
                left &= !(1 << j);
            }
            folded -= joiners.count_ones();
        }
        // i <= the byte's index < 64: joiners fold to nothing, every other byte to one char.
        bits |= upper << i;
        i += folded;
        at += n;
    }
    Some(bits)
}

/// [`ascii_capital_bits`] a byte at a time, to test it against.
#[cfg(test)]
fn ascii_capital_bits_bytewise(surface: &[u8]) -> Option<u64> {
    if surface.len() > 64 {
        return None;
    }
    let (mut bits, mut i) = (0u64, 0u32);
    for &b in surface {
        if b >= 0x80 {
            return None;
        }
        bits |= (b.is_ascii_uppercase() as u64) << i;
        i += !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-') as u32;
    }
    Some(bits)
}

/// Appends, for every char of the folded tokens of `surface`, whether it came from a capital.
fn surface_capitals(surface: &str, key: &mut String, upper: &mut Vec<bool>) {
    if surface.is_ascii() {
        // Folding is one char per byte in ASCII, and every byte but a joiner is in a token: the
        // flags without tokenizing again.
        upper.extend(
            surface
                .bytes()
                .filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-'))
                .map(|b| b.is_ascii_uppercase()),
        );
    } else {
        surface_capitals_folded(surface, key, upper);
    }
}

/// [`surface_capitals`] the long way, for any text.
fn surface_capitals_folded(surface: &str, key: &mut String, upper: &mut Vec<bool>) {
    for t in Tokenizer::new(surface) {
        fold_with(&surface[t.start..t.end], key, |u| upper.push(u));
    }
}

/// Where a mention starts when its alias begins with a lowercase "the": the article made the
/// match ("the West"), but it is not part of the name ("The Hague", whose alias has a capital, keeps
/// it).
fn after_article(text: &str, first: Token) -> usize {
    Tokenizer::at(text, first.end)
        .next_token()
        .map_or(first.start, |t| t.start)
}

/// Whether the word at `start..end` stands between other all-capitals words, where capitals are
/// typography ("LET US BE CLEAR", "SYRIA IS working") rather than an acronym.
fn in_capitals_run(text: &str, start: usize, end: usize) -> bool {
    let caps_word = |s: &str| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && s.chars().all(|c| !c.is_lowercase())
    };
    // Only a word right before or after, across spaces, counts.
    let head = &text[..start];
    let spaced = head.trim_end_matches(char::is_whitespace);
    let before = spaced.len() < head.len() && {
        let w_start = spaced
            .char_indices()
            .rev()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        caps_word(&spaced[w_start..])
    };
    let after = Tokenizer::at(text, end).next_token().is_some_and(|n| {
        n.kind == Kind::Word
            && text[end..n.start].chars().all(char::is_whitespace)
            && n.joined
            && caps_word(&text[n.start..n.end])
    });
    before || after
}

/// Bytes after a run of ASCII letters that may continue the word: letters and digits, an
/// apostrophe ("don't"), and any non-ASCII byte.
static GOES_ON: [bool; 256] = {
    let mut t = [true; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i as u8 == b'\'';
        i += 1;
    }
    t
};

/// The end of the word that continues at `pos`: ASCII letters and digits, inner apostrophes
/// ("don't"), and any non-ASCII letters.
#[inline]
fn skip_word(text: &str, mut pos: usize) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    loop {
        while pos < n && b[pos].is_ascii_alphanumeric() {
            pos += 1;
        }
        if pos + 1 < n && b[pos] == b'\'' && b[pos + 1].is_ascii_alphabetic() {
            pos += 2;
            continue;
        }
        if pos < n && b[pos] >= 0x80 {
            if let Some(ch) = text[pos..].chars().next() {
                if is_word_char(ch) {
                    pos += ch.len_utf8();
                    continue;
                }
            }
        }
        return pos;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_capitals_agree_with_folding_tokens() {
        for surface in [
            "U.S.",
            "al-Sharaa",
            "People's Party",
            "O'Brien",
            "Kim  Jong\nUn",
            "Russia's",
            "A\x0bB - C",
            "HTS",
            "x`Y",
        ] {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            surface_capitals(surface, &mut String::new(), &mut fast);
            surface_capitals_folded(surface, &mut String::new(), &mut slow);
            assert_eq!(fast, slow, "{surface:?}");
            let bits = ascii_capital_bits(surface.as_bytes(), 0, surface.len()).unwrap();
            let from_bits: Vec<bool> = (0..slow.len()).map(|i| bits >> i & 1 != 0).collect();
            assert_eq!(from_bits, slow, "{surface:?}");
            assert_eq!(bits >> slow.len(), 0, "{surface:?}");
        }
    }

    #[test]
    fn ascii_capital_bits_agree_with_the_byte_loop() {
        let text = "Maher Al-Sharaa, \tKIM  Jong\nUn; U.S.-backed O'Brien's A\x0bB\x0c- C \
                    Abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 Erdoğan x";
        let b = text.as_bytes();
        for start in 0..b.len() {
            for end in start..=b.len().min(start + 70) {
                let want = ascii_capital_bits_bytewise(&b[start..end]);
                assert_eq!(ascii_capital_bits(b, start, end), want, "{start}..{end}");
                // Alone, where every load is cut at the end of the text.
                let alone = &b[start..end];
                assert_eq!(ascii_capital_bits(alone, 0, alone.len()), want);
                // Without joiners, as in one token, the shortcut agrees.
                let joiner =
                    |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-');
                if !b[start..end].iter().any(joiner) {
                    assert_eq!(ascii_token_capital_bits(b, start, end), want);
                    assert_eq!(ascii_token_capital_bits(alone, 0, alone.len()), want);
                }
            }
        }
    }

    #[test]
    fn ascii_token_hash_is_the_hash_of_the_fold() {
        let text = "Syria al-QAEDA x Netanyahu's Abcdefghijklmnopq Zz@[`{ 0189";
        let b = text.as_bytes();
        for t in Tokenizer::new(text) {
            let want = TokenHash::of(&text[t.start..t.end].to_ascii_lowercase());
            assert_eq!(ascii_token_hash(b, t.start, t.end).unwrap_or(want), want);
            // Far enough from the end, every ASCII token hashes the fast way.
            if t.start + 24 <= b.len() {
                assert_eq!(ascii_token_hash(b, t.start, t.end), Some(want));
            }
        }
        assert_eq!(ascii_token_hash("Erdoğan and more".as_bytes(), 0, 8), None);
    }

    #[test]
    fn token_hashes_of_similar_long_tokens_differ() {
        // Two tokens that differ only in the top bytes of their first word and in their second
        // word: the shape of the collisions a weaker mix gave on a generated gazetteer.
        assert_ne!(TokenHash::of("dunselpolvel"), TokenHash::of("dunselhalvar"));
        assert_ne!(TokenHash::of("torberhalvar"), TokenHash::of("torberpolvel"));
        // Every combination of a few syllables, 6 to 18 bytes long: no two share a hash.
        let syllables = [
            "an", "ber", "dun", "el", "hal", "kor", "lv", "mir", "pol", "sel", "tor", "var", "zu",
            "ka", "ri", "os",
        ];
        let mut seen = rustc_hash::FxHashMap::default();
        for a in syllables {
            for b in syllables {
                for c in syllables {
                    for d in syllables {
                        let t = format!("{a}{b}{c}{d}");
                        if let Some(other) = seen.insert(TokenHash::of(&t), t.clone()) {
                            assert_eq!(other, t, "{other} and {t} share a hash");
                        }
                    }
                }
            }
        }
        assert!(seen.len() > 60_000);
    }

    fn matcher(aliases: &[(&str, u32)]) -> Matcher {
        let mut b = MatcherBuilder::new();
        for (a, e) in aliases {
            b.add(a, *e, MatchKind::Exact).unwrap();
        }
        b.build()
    }

    fn find(m: &Matcher, text: &str) -> Vec<(String, Vec<u32>)> {
        let mut out = Vec::new();
        m.scan(text, &mut Scratch::default(), &mut out);
        out.into_iter()
            .map(|o| {
                (
                    text[o.start..o.end].to_string(),
                    o.candidates.iter().map(|c| c.entity).collect(),
                )
            })
            .collect()
    }

    macro_rules! case {
        ($name:ident, $aliases:expr, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                let m = matcher(&$aliases);
                let want: Vec<(String, Vec<u32>)> = $want
                    .iter()
                    .map(|(s, e): &(&str, u32)| (s.to_string(), vec![*e]))
                    .collect();
                assert_eq!(find(&m, $text), want);
            }
        };
    }

    // Case.
    case!(
        capitals_match_title_case,
        [("Syria", 1)],
        "SYRIA IS working in Syria",
        [("SYRIA", 1), ("Syria", 1)]
    );
    case!(
        lowercase_never_matches_capitals,
        [("US", 1), ("Turkey", 2)],
        "let us eat turkey in the US",
        [("US", 1)]
    );
    case!(
        acronym_not_in_capitals_run,
        [("US", 1)],
        "LET US BE CLEAR: the US-backed force",
        [("US", 1)]
    );
    case!(
        lowercase_alias_letters_take_any_case,
        [("al-Qaeda", 1)],
        "Al-Qaeda and al-Qaeda, not al-qaeda",
        [("Al-Qaeda", 1), ("al-Qaeda", 1)]
    );
    // Diacritics, apostrophes, dashes, whitespace.
    case!(
        diacritics_fold,
        [("Recep Tayyip Erdoğan", 1)],
        "Recep Tayyip Erdogan and RECEP TAYYIP ERDOĞAN",
        [("Recep Tayyip Erdogan", 1), ("RECEP TAYYIP ERDOĞAN", 1)]
    );
    case!(
        possessives,
        [("Russia", 1), ("Putin", 2)],
        "Russia’s and Putin's",
        [("Russia", 1), ("Putin", 2)]
    );
    case!(
        dashes_and_hyphens,
        [("Russia", 1), ("Syria", 2), ("US", 3), ("Iran", 4)],
        "Russia–Syria ties, US-backed, Iranian",
        [("Russia", 1), ("Syria", 2), ("US", 3)]
    );
    case!(
        line_break_inside_name,
        [("Maher al-Sharaa", 1)],
        "and\nMaher\nAl-Sharaa said",
        [("Maher\nAl-Sharaa", 1)]
    );
    case!(
        blank_line_breaks_name,
        [("Vladimir Putin", 1)],
        "Vladimir\n\nPutin",
        []
    );
    case!(
        dotted_abbreviation,
        [("U.S.", 1), ("St. Petersburg", 2)],
        "U.S. envoy in St. Petersburg, not St Petersburg",
        [("U.S.", 1), ("St. Petersburg", 2)]
    );
    // Longest match.
    case!(
        longest_wins,
        [
            ("Al-Sharaa", 1),
            ("Maher Al-Sharaa", 2),
            ("Astana", 3),
            ("Astana Process", 4)
        ],
        "Maher Al-Sharaa and Al-Sharaa at the Astana Process in Astana",
        [
            ("Maher Al-Sharaa", 2),
            ("Al-Sharaa", 1),
            ("Astana Process", 4),
            ("Astana", 3)
        ]
    );
    case!(
        adjacent_names_stay_apart,
        [("Islamic Revolutionary Guard Corps", 1), ("Quds Force", 2)],
        "Islamic Revolutionary Guard Corps Quds Force commander",
        [("Islamic Revolutionary Guard Corps", 1), ("Quds Force", 2)]
    );
    case!(
        falls_back_to_shorter_when_longer_fails_case,
        [("Gaza", 1), ("Gaza Strip", 2)],
        "Gaza strip",
        [("Gaza", 1)]
    );
    case!(
        leading_article_is_context_not_name,
        [("the West", 1), ("The Hague", 2)],
        "The West and the West in The Hague",
        [("West", 1), ("West", 1), ("The Hague", 2)]
    );
    case!(
        no_match_inside_words,
        [("Iran", 1), ("Oman", 2)],
        "Iranian Romanian",
        []
    );

    #[test]
    fn shared_alias_keeps_all_candidates() {
        let m = matcher(&[("Assad", 2), ("Assad", 1)]);
        assert_eq!(find(&m, "Assad"), vec![("Assad".to_string(), vec![1, 2])]);
    }

    #[test]
    fn candidates_are_the_slice_they_were_made_from() {
        let c = |entity| Candidate {
            entity,
            kind: MatchKind::Exact,
            weak: Weak::No,
        };
        for all in [vec![], vec![c(1)], vec![c(1), c(2)], vec![c(3), c(1), c(2)]] {
            assert_eq!(&*Candidates::from_slice(&all), &all[..]);
        }
    }

    #[test]
    fn alias_without_word_is_refused() {
        let mut b = MatcherBuilder::new();
        assert_eq!(b.add(" - ", 0, MatchKind::Exact), Err(AliasProblem::NoWord));
    }

    #[test]
    fn lowercase_words_inside_names_still_match_and_others_end_them() {
        let m = matcher(&[
            ("Republic of Korea", 1),
            ("Republic", 2),
            ("Indian subcontinent", 3),
            ("Moscow", 4),
            ("Moscow Kremlin", 5),
            ("the Kremlin", 6),
        ]);
        let got = |t: &str| find(&m, t);
        assert_eq!(
            got("the Republic of Korea said"),
            [("Republic of Korea".into(), vec![1])]
        );
        assert_eq!(got("a Republic offers"), [("Republic".into(), vec![2])]);
        assert_eq!(
            got("across the Indian subcontinent."),
            [("Indian subcontinent".into(), vec![3])]
        );
        assert_eq!(got("Moscow said"), [("Moscow".into(), vec![4])]);
        assert_eq!(got("the Moscow kremlin"), [("Moscow".into(), vec![4])]);
        assert_eq!(
            got("the Moscow Kremlin"),
            [("Moscow Kremlin".into(), vec![5])]
        );
        assert_eq!(
            got("in the Kremlin, the kremlin"),
            [("Kremlin".into(), vec![6])]
        );
    }

    #[test]
    fn skipping_plain_words_agrees_with_the_word_by_word_loop() {
        let m = matcher(&[
            ("al-Sharaa", 1),
            ("Ahmed al-Sharaa", 1),
            ("de Mistura", 2),
            ("the Kremlin", 3),
            ("eBay", 4),
            ("a16z", 5),
            ("Syria", 6),
            ("thyssenkrupp", 7),
            ("'Amran", 8),
            ("#MeToo", 9),
            ("US", 10),
        ]);
        let texts = [
            "the Kremlin said al-Sharaa met de Mistura",
            "and then al-sharaa, al-Sharaa; de mistura or de Mistura.",
            "don't say the kremlin's dealers, the Kremlin's de'Mistura",
            "thyssenkrupp and thyssenkrupps and thyssenkruppe ebay eBay a16z a16",
            "words that go on longer than eight letters: notwithstanding theKremlin",
            "non-ASCII words: déjà vu, the Kremlin–Syria, naïve al-Sharaa é",
            "marks: 'Amran said #MeToo (Syria) [US] us... \"the Kremlin\"",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            // Words of one to nine letters, each length after a space and after a mark.
            "o de the deal thyss eBayer thyssen thyssenk thyssenkr a, de, the, deal, thyss, \
             thyssen, thyssenk, thyssenkr. de de de de de de de de de the the the the the",
            "tail words at the end: al-Sharaa",
            "ends with a free word: de",
            "mixed case words: deMistura alSharaa theKremlin ebAy a16Z US",
            "line\nbreaks\tand\r\ntabs the\nKremlin de\n\nMistura",
            "",
            "x",
            "al",
            "de Mistura",
        ];
        for text in texts {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            m.scan_with(text, &mut Scratch::default(), &mut fast, true);
            m.scan_with(text, &mut Scratch::default(), &mut slow, false);
            assert_eq!(fast, slow, "{text:?}");
            // Every suffix too: words cut anywhere, near the end of the text.
            for (i, _) in text.char_indices() {
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                m.scan_with(&text[i..], &mut Scratch::default(), &mut fast, true);
                m.scan_with(&text[i..], &mut Scratch::default(), &mut slow, false);
                assert_eq!(fast, slow, "{:?}", &text[i..]);
            }
        }
        let got = find(&m, texts[0]);
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_start_that_needs_a_capitalized_word_next_stops_at_a_lowercase_one() {
        let m = matcher(&[("the Kremlin", 1), ("The Hague", 2), ("President Assad", 3)]);
        let table: [(&str, &[&str]); 9] = [
            ("the kremlin and the Kremlin", &["Kremlin"]),
            ("The hague, The Hague", &["The Hague"]),
            ("the  Kremlin, the\nKremlin, the-Kremlin", &["Kremlin"; 3]),
            ("the\n\nKremlin and the 'Kremlin'", &[]),
            ("President said, President Assad", &["President Assad"]),
            ("President assad and the", &[]),
            ("the", &[]),
            ("the é Kremlin", &[]),
            ("the\u{a0}Kremlin", &["Kremlin"]),
        ];
        for (text, want) in table {
            let got: Vec<String> = find(&m, text).into_iter().map(|(s, _)| s).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_plain_the_is_skipped_as_scan_would_skip_it() {
        let texts = [
            "the kremlin and the Kremlin, the  ministry, the\nministry, the-ministry",
            "then the; the ministry of the Kremlin: thee theKremlin the1 the's the'ministry",
            "the é Kremlin, the ministry\u{a0}the Kremlin the",
        ];
        for aliases in [
            &[("the Kremlin", 1), ("Kremlin", 2)][..],
            &[("the Kremlin", 1), ("the", 2)],
            &[("the Kremlin", 1), ("the ministry", 2)],
            &[("thee", 1), ("Kremlin", 2)],
        ] {
            let m = matcher(aliases);
            assert_eq!(
                m.the_is_plain,
                aliases[0].0 == "the Kremlin" && aliases[1].0 == "Kremlin",
                "{aliases:?}"
            );
            for text in texts {
                for (i, _) in text.char_indices() {
                    let (mut fast, mut slow) = (Vec::new(), Vec::new());
                    m.scan_with(&text[i..], &mut Scratch::default(), &mut fast, true);
                    m.scan_with(&text[i..], &mut Scratch::default(), &mut slow, false);
                    assert_eq!(fast, slow, "{:?} with {aliases:?}", &text[i..]);
                }
            }
        }
    }

    #[test]
    fn a_layout_written_and_read_back_scans_the_same_and_writes_the_same() {
        // Capitals past the 64th char, nodes with several variants, inner nodes that end
        // aliases and nodes that end none.
        let long =
            "Organisation for the Prohibition of Chemical Weapons and Related Matters Holdings Ltd";
        let m = matcher(&[
            (long, 1),
            ("Organisation", 2),
            ("Assad", 3),
            ("Assad", 4),
            ("ASSAD", 5),
            ("Bashar al-Assad", 6),
            ("US", 7),
        ]);
        let write = |m: &Matcher| {
            let mut e = Enc::default();
            m.encode(&mut e);
            e.buf
        };
        assert!(m.variants.iter().any(|v| v.flags & LONG_CAPS != 0));
        let bytes = write(&m);
        let back = Matcher::decode(&mut Dec::new(&bytes), 8).unwrap();
        assert_eq!(write(&back), bytes);
        let lower_tail = long.replace("Ltd", "ltd");
        for text in [
            long,
            &lower_tail,
            "Assad and ASSAD and Bashar al-Assad, the US and us",
        ] {
            assert_eq!(find(&m, text), find(&back, text), "{text:?}");
        }
        assert_eq!(find(&m, long), [(long.to_string(), vec![1])]);
        assert_eq!(
            find(&m, &lower_tail),
            [("Organisation".to_string(), vec![2])]
        );
        assert_eq!(
            find(&m, "ASSAD, Assad"),
            [
                ("ASSAD".to_string(), vec![3, 4, 5]),
                ("Assad".to_string(), vec![3, 4])
            ]
        );
    }

    #[test]
    fn records_a_scan_reads_stay_small() {
        assert_eq!(std::mem::size_of::<Slot>(), 16);
        assert_eq!(std::mem::size_of::<Variant>(), 16);
    }

    #[test]
    fn matcher_is_send_sync() {
        fn is<T: Send + Sync>() {}
        is::<Matcher>();
    }
}
