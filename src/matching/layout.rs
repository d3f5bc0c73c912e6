//! The layout of a [`Matcher`] in a compiled gazetteer: the tables as the builder numbered
//! them, written and read with the byte codec, and laid out again for scans.

use super::builder::TokenHash;
use super::table::*;
use super::{Alias, Matcher, Variant, ACRONYM, ARTICLE, FREE_PAIRS, LAST, LONG_CAPS, NO_PARENT};
use crate::codec::{Dec, Enc, SnapshotError};
use crate::lexicon::Weak;
use crate::model::MatchKind;

/// The tables of a [`Matcher`] as a snapshot stores them: nodes numbered as the builder made
/// them (the root 0), and the capitals of all aliases in one array. `build` compiles them,
/// `decode` reads them, `encode` writes them; [`Matcher::from_tables`] lays them out for scans.
pub(super) struct Tables {
    pub(super) vocabulary: usize,
    pub(super) max_key_len: usize,
    /// Transitions from the root: token and tagged node.
    pub(super) root: Vec<(u64, u32)>,
    /// Deeper transitions: node, token and tagged node.
    pub(super) trans: Vec<(u32, u64, u32)>,
    /// The aliases that end at node `n` are `aliases[term_start[n]..term_start[n + 1]]`.
    pub(super) term_start: Vec<u32>,
    pub(super) aliases: Vec<Alias>,
    pub(super) caps: Vec<u16>,
    pub(super) lower_inner: Vec<u64>,
    pub(super) free_first: [bool; 256],
    pub(super) free_len: [u32; 256],
    pub(super) free_pair: Box<[u32]>,
}

/// Bytes of a transition from the root as [`Matcher::encode`] writes it: token, node.
const ROOT_RECORD: usize = 8 + 4;
/// Bytes of a deeper transition: node, token, node.
const TRANS_RECORD: usize = 4 + 8 + 4;
/// Bytes of an alias: entity, kind, capitals start and length, flags, weak.
const ALIAS_RECORD: usize = 4 + 1 + 4 + 2 + 1 + 1;
/// [`Alias::acronym`] in the flags byte of an alias.
const ACRONYM_FLAG: u8 = 1;
/// [`Alias::article`] in the flags byte of an alias.
const ARTICLE_FLAG: u8 = 2;

impl Tables {
    /// Whether every node number, alias range and capitals range is within its table, as
    /// [`Matcher::from_tables`] needs (a decoded file may be damaged).
    fn in_range(&self) -> bool {
        let Some(nodes) = self.term_start.len().checked_sub(1) else {
            return false;
        };
        self.root
            .iter()
            .map(|&(_, v)| v)
            .chain(self.trans.iter().map(|&(_, _, v)| v))
            .all(|v| v != 0 && ((v & NODE) as usize) < nodes)
            && self
                .trans
                .iter()
                .all(|&(k, _, _)| k != ROOT && (k as usize) < nodes)
            && self.term_start.windows(2).all(|w| w[0] <= w[1])
            && self
                .term_start
                .last()
                .is_some_and(|&t| t as usize == self.aliases.len())
            && self
                .aliases
                .iter()
                .all(|v| v.caps_start as usize + v.caps_len as usize <= self.caps.len())
    }
}

/// Reads the aliases [`Matcher::encode`] wrote, each naming an entity below `entities`.
fn decode_aliases(d: &mut Dec<'_>, entities: usize) -> Result<Vec<Alias>, SnapshotError> {
    let bad = SnapshotError::Corrupt;
    let n = d.len(ALIAS_RECORD)?;
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
            acronym: flags & ACRONYM_FLAG != 0,
            article: flags & ARTICLE_FLAG != 0,
            weak,
        });
    }
    Ok(aliases)
}

impl MatchKind {
    pub(super) fn code(self) -> u8 {
        self as u8
    }

    pub(super) fn from_code(c: u8) -> Option<MatchKind> {
        use MatchKind::*;
        [Exact, Variant, Surname, Acronym, Coref, Discovered]
            .get(c as usize)
            .copied()
    }
}

pub(super) fn weak_code(w: Weak) -> u8 {
    w as u8
}

pub(super) fn weak_from_code(c: u8) -> Option<Weak> {
    [Weak::No, Weak::Name, Weak::Common, Weak::Calendar]
        .get(c as usize)
        .copied()
}

/// The nodes of [`Tables`] numbered for scans (see [`Matcher::variants`]).
struct Numbered {
    /// The new number of each node, by its number in the tables.
    id: Vec<u64>,
    variants: Vec<Variant>,
    long_caps: Vec<u16>,
    /// Number of nodes that end no alias, the root first.
    inner: u64,
}

/// Numbers a node that ends aliases by its first variant, and the others (the root first) from
/// the number of aliases on; makes the variants, each node's last one marked [`LAST`].
fn number_nodes(t: &Tables) -> Numbered {
    let first_inner = t.aliases.len() as u64;
    let mut inner = 0u64;
    let mut id = Vec::with_capacity(t.term_start.len() - 1);
    let mut variants = Vec::with_capacity(t.aliases.len());
    let mut long_caps = Vec::new();
    // Aliases owned by no node (only in a damaged file) are never reached; they keep their
    // places so that every node's number is its first variant.
    let unowned = |variants: &mut Vec<Variant>, long_caps: &mut Vec<u16>, upto: usize| {
        while variants.len() < upto {
            variants.push(Variant::new(&t.aliases[variants.len()], &[], long_caps));
        }
    };
    for (n, w) in t.term_start.windows(2).enumerate() {
        let (start, end) = (w[0] as usize, w[1] as usize);
        if start == end || n == ROOT as usize {
            id.push(first_inner + inner);
            inner += 1;
            continue;
        }
        id.push(start as u64);
        unowned(&mut variants, &mut long_caps, start);
        for (i, a) in t.aliases[start..end].iter().enumerate() {
            let caps = &t.caps[a.caps_start as usize..][..a.caps_len as usize];
            let mut v = Variant::new(a, caps, &mut long_caps);
            if start + i + 1 == end {
                v.flags |= LAST;
            }
            variants.push(v);
        }
    }
    unowned(&mut variants, &mut long_caps, t.aliases.len());
    Numbered {
        id,
        variants,
        long_caps,
        inner,
    }
}

/// The node each of `nodes` nodes is reached from by one of the deeper transitions `trans`
/// (by the numbers `id` gives; [`NO_PARENT`] for the root and its children). Err when a node is
/// reached from two.
fn parents(trans: &[(u32, u64, u32)], id: &[u64], nodes: usize) -> Result<Vec<u32>, &'static str> {
    let mut parent = vec![NO_PARENT; nodes];
    for &(n, _, v) in trans {
        let child = id[(v & NODE) as usize] as usize;
        if parent[child] != NO_PARENT {
            return Err("a node reached from two nodes");
        }
        parent[child] = id[n as usize] as u32;
    }
    Ok(parent)
}

impl Matcher {
    /// Lays out `t` for scanning: renumbers the nodes (see [`Matcher::variants`]) and puts
    /// each alias's capitals inline. Err when the new numbers do not fit in [`NODE`].
    pub(super) fn from_tables(t: Tables) -> Result<Matcher, &'static str> {
        let Numbered {
            id,
            variants,
            long_caps,
            inner,
        } = number_nodes(&t);
        let first_inner = t.aliases.len() as u64;
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
        let parent = parents(&t.trans, &id, (first_inner + inner) as usize)?;
        let renumber = |v: u32| (v & !NODE) | id[(v & NODE) as usize] as u32;
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
    pub(super) fn to_tables(&self) -> Tables {
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
            e.u8(
                if v.acronym { ACRONYM_FLAG } else { 0 } | if v.article { ARTICLE_FLAG } else { 0 }
            );
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
        let n = d.len(ROOT_RECORD)?;
        let mut root = Vec::with_capacity(n);
        for _ in 0..n {
            let k = d.u64()?;
            root.push((k, d.u32()?));
        }
        let n = d.len(TRANS_RECORD)?;
        let mut trans = Vec::with_capacity(n);
        for _ in 0..n {
            let node = d.u32()?;
            let k = d.u64()?;
            trans.push((node, k, d.u32()?));
        }
        let term_start = d.u32s()?;
        let aliases = decode_aliases(d, entities)?;
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
        if free_pair.len() != FREE_PAIRS {
            return Err(bad("free pairs"));
        }
        let t = Tables {
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
        };
        if !t.in_range() {
            return Err(bad("index out of range"));
        }
        Matcher::from_tables(t).map_err(bad)
    }

    /// Sets [`Matcher::the_is_plain`], which is derived from the root and not stored.
    pub(super) fn with_the_is_plain(mut self) -> Matcher {
        self.the_is_plain = self
            .root
            .get(TokenHash::of("the"))
            .is_some_and(|(first, _)| first & FREE != 0 && first & (HAS_TERMS | LOWER_KIDS) == 0);
        self
    }
}
