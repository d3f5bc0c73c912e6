//! The layout of a [`Matcher`]: the tables as the builder numbers them, laid out for scans, and
//! the laid-out tables written and read in a compiled gazetteer as they are, so that loading one
//! rebuilds nothing.

use super::builder::TokenHash;
use super::table::*;
use super::{Alias, Matcher, Variant, ACRONYM, ARTICLE, FREE_PAIRS, LAST, LONG_CAPS};
use crate::codec::{Dec, Enc, SnapshotError};
use crate::lexicon::Weak;
use crate::model::MatchKind;

/// The tables of a [`Matcher`] as the builder makes them: nodes numbered in the order they were
/// made (the root 0), and the capitals of all aliases in one array; [`Matcher::from_tables`]
/// lays them out for scans.
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

/// Bytes of a variant as [`Matcher::encode`] writes it: capitals, entity, kind, weak, flags.
const VARIANT_RECORD: usize = 8 + 4 + 1 + 1 + 1;
/// The flags a variant may have.
const VARIANT_FLAGS: u8 = ACRONYM | ARTICLE | LAST | LONG_CAPS;

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

/// Reads the variants [`Matcher::encode`] wrote, each naming an entity below `entities`.
fn decode_variants(d: &mut Dec<'_>, entities: usize) -> Result<Vec<Variant>, SnapshotError> {
    let bad = SnapshotError::Corrupt;
    let n = d.len(VARIANT_RECORD)?;
    let mut variants = Vec::with_capacity(n);
    for _ in 0..n {
        let caps = d.u64()?;
        let entity = d.u32()?;
        let kind = MatchKind::from_code(d.u8()?).ok_or(bad("match kind"))?;
        let weak = weak_from_code(d.u8()?).ok_or(bad("weak kind"))?;
        let flags = d.u8()?;
        if entity as usize >= entities {
            return Err(bad("entity out of range"));
        }
        if flags & !VARIANT_FLAGS != 0 {
            return Err(bad("variant flags"));
        }
        variants.push(Variant {
            caps,
            entity,
            kind,
            weak,
            flags,
        });
    }
    Ok(variants)
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
        let renumber = |v: u32| (v & !NODE) | id[(v & NODE) as usize] as u32;
        let root = t.root.into_iter().map(|(k, v)| {
            let v = renumber(v);
            (k, v)
        });
        let trans = t.trans.into_iter().map(|(n, k, v)| {
            let v = renumber(v);
            (trans_key(id[n as usize] as u32, k), v)
        });
        let lower_inner = t.lower_inner.into_iter().map(|t| (t, 1));
        Ok(Matcher {
            vocabulary: t.vocabulary,
            root: TokenTable::new(root)?,
            trans: TokenTable::new(trans)?,
            lower_inner: TokenTable::new(lower_inner)?,
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

    /// Writes the laid-out tables for a compiled gazetteer (see `gazetteer::snapshot`), as
    /// they are in memory, so that loading them builds nothing.
    pub(crate) fn encode(&self, e: &mut Enc) {
        e.len(self.vocabulary);
        e.len(self.max_key_len);
        for t in [&self.root, &self.trans, &self.lower_inner] {
            t.encode(e);
        }
        e.len(self.variants.len());
        for v in &self.variants {
            e.u64(v.caps);
            e.u32(v.entity);
            e.u8(v.kind.code());
            e.u8(weak_code(v.weak));
            e.u8(v.flags);
        }
        e.u32(self.inner_nodes);
        e.u16s(&self.long_caps);
        self.free_first.iter().for_each(|&b| e.u8(b as u8));
        self.free_len.iter().for_each(|&x| e.u32(x));
        e.u32s(&self.free_pair);
    }

    /// Reads what [`Matcher::encode`] wrote, checking that every index stays in range (entities
    /// below `entities`), so that a damaged file cannot make a scan panic.
    pub(crate) fn decode(d: &mut Dec<'_>, entities: usize) -> Result<Matcher, SnapshotError> {
        let bad = SnapshotError::Corrupt;
        let vocabulary = d.u64()? as usize;
        let max_key_len = d.u64()? as usize;
        let [root, trans, lower_inner] = [(); 3].map(|_| TokenTable::decode(d));
        let (root, trans, lower_inner) = (root?, trans?, lower_inner?);
        let variants = decode_variants(d, entities)?;
        let inner_nodes = d.u32()?;
        let long_caps = d.u16s()?;
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
        let m = Matcher {
            vocabulary,
            root,
            trans,
            lower_inner,
            variants,
            inner_nodes,
            long_caps,
            free_first,
            free_len,
            free_pair,
            max_key_len,
            the_is_plain: false,
        };
        if !m.in_range() {
            return Err(bad("index out of range"));
        }
        Ok(m.with_the_is_plain())
    }

    /// Whether every node a transition leads to and every range of long capitals is within its
    /// table, as scans need (a decoded file may be damaged).
    fn in_range(&self) -> bool {
        let terminals = self.variants.len() as u64;
        let nodes = terminals + u64::from(self.inner_nodes);
        let transition_fits = |v: u32| {
            let n = u64::from(v & NODE);
            n < nodes && (v & HAS_TERMS != 0) == (n < terminals)
        };
        nodes <= u64::from(NODE) + 1
            && self.root.values().all(transition_fits)
            && self.trans.values().all(transition_fits)
            && self.variants.iter().all(|v| {
                v.flags & LONG_CAPS == 0
                    || (v.caps as u32 as usize).saturating_add((v.caps >> 32) as usize)
                        <= self.long_caps.len()
            })
    }

    /// Sets [`Matcher::the_is_plain`], which is derived from the root and not stored.
    pub(super) fn with_the_is_plain(mut self) -> Matcher {
        self.the_is_plain = self
            .root
            .get(TokenHash::of("the"))
            .is_some_and(|first| first & FREE != 0 && first & (HAS_TERMS | LOWER_KIDS) == 0);
        self
    }
}
