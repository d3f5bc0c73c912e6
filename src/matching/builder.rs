//! Compiles aliases into the trie of a [`Matcher`]: tokens folded and hashed, transitions
//! numbered, each alias's capitals kept.

use super::layout::Tables;
use super::table::*;
use super::{pair_index, Alias, Matcher, FREE_PAIRS, LONGEST_LEN};
use crate::lexicon::{Weak, WordLists};
use crate::model::MatchKind;
use crate::text::fold::fold_with;
use crate::text::{TokenKind, Tokenizer};
use rustc_hash::{FxHashMap, FxHashSet};

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
pub(super) struct TokenHash(u64);

impl TokenHash {
    const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

    #[inline]
    pub(super) fn new() -> Self {
        TokenHash(Self::SEED)
    }

    /// Eight bytes of the token, mixed by a folded multiply: the high half of the 128-bit
    /// product depends on every bit of the state, so a difference anywhere in a word reaches
    /// every bit of the next state, and two words that differ only in their top bytes still
    /// differ everywhere after.
    #[inline]
    pub(super) fn word(&mut self, w: u64) {
        let m = u128::from(self.0 ^ w) * 0x51_7c_c1_b7_27_22_0a_95_u128;
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }

    #[inline]
    pub(super) fn finish(self, len: usize) -> u64 {
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

    pub(super) fn of(folded: &str) -> u64 {
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
pub(super) fn ascii_token_hash(b: &[u8], start: usize, end: usize) -> Option<u64> {
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

/// A digest of the capitals of an alias, which with their number and the node tells repeats of
/// an alias apart from variants that differ in case.
fn caps_hash(caps: &[u16]) -> u32 {
    // The usual polynomial string hash; +1 so that a capital at 0 counts.
    caps.iter()
        .fold(0u32, |h, &c| h.wrapping_mul(31).wrapping_add(c as u32 + 1))
}

impl MatcherBuilder {
    /// An empty builder that marks no alias as weak (tests build matchers without word lists).
    #[cfg(test)]
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

    pub(super) fn token_hash(&mut self, key: &str) -> Result<u64, AliasProblem> {
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

    /// The node `token` leads to from `node`, made when new.
    fn child(&mut self, node: u32, token: u64) -> u32 {
        let next = self.nodes;
        let child = *self.trans.entry((node, token)).or_insert(next);
        if child == next {
            self.nodes += 1;
        }
        child
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
            if t.kind == TokenKind::Word {
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
            node = self.child(node, id);
        }
        if words == 0 {
            self.caps.truncate(caps_start as usize);
            return Err(AliasProblem::NoWord);
        }
        let caps_len = (self.caps.len() as u32 - caps_start) as u16;
        // The same entity, node and capitals twice adds nothing.
        let caps_hash = caps_hash(&self.caps[caps_start as usize..]);
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
    /// over and over.
    pub fn reserve(&mut self, aliases: usize) {
        self.vocab.reserve(aliases);
        self.trans.reserve(aliases * 2);
        self.terminals.reserve(aliases);
        self.seen.reserve(aliases);
        self.caps.reserve(aliases * 2);
    }

    /// What a scan knows of the tokens that start an alias without a capital: their first
    /// bytes, their lengths by first byte, and by first two bytes (see [`Matcher::free_len`]).
    fn free_tables(&self) -> ([bool; 256], [u32; 256], Box<[u32]>) {
        let mut free_first = [false; 256];
        let mut free_len = [0u32; 256];
        let mut free_pair = vec![0u32; FREE_PAIRS];
        for (h, k) in &self.vocab {
            // A token of combining marks alone folds to nothing: no byte of a text starts it.
            let k = k.as_bytes();
            let Some(&first) = k.first() else {
                continue;
            };
            if self.free_starts.contains(h) {
                let len = 1 << k.len().min(LONGEST_LEN);
                free_first[first as usize] = true;
                free_len[first as usize] |= len;
                free_pair[pair_index(first, k.get(1).copied())] |= len;
            }
        }
        (free_first, free_len, free_pair.into_boxed_slice())
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
        let (free_first, free_len, free_pair) = self.free_tables();
        let aliases: Vec<Alias> = self.terminals.into_iter().map(|(_, v)| v).collect();
        let max_key_len = self.vocab.values().map(|k| k.len()).max().unwrap_or(0);
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
            free_pair,
        })
        .expect("a built trie numbers its nodes within range, its transitions with distinct keys")
    }
}
