//! The hash table a scan probes for every token that may start or continue a name, and the
//! record packed beside each entry so that reaching a name costs one probe.

use super::layout::weak_code;
use super::{Matcher, Variant, ACRONYM, ARTICLE, LAST, LONG_CAPS};
use crate::codec::{Dec, Enc, SnapshotError};
use crate::lexicon::Weak;
use crate::model::MatchKind;
use rustc_hash::FxHashMap;

pub(super) const ROOT: u32 = 0;
/// The node number in a transition's value; the five high bits say what the node holds.
pub(super) const NODE: u32 = (1 << 27) - 1;
/// The node ends aliases.
pub(super) const HAS_TERMS: u32 = 1 << 31;
/// The node has transitions.
pub(super) const HAS_KIDS: u32 = 1 << 30;
/// Some transition of the node is on a token that may start with a lowercase letter; without
/// this bit, a lowercase word after the node ends the name without a probe ("Moscow said").
pub(super) const LOWER_KIDS: u32 = 1 << 29;
/// On a transition from the root: some alias starts with this token without a capital or a
/// digit ("al-Qaeda"), so the token starts a name even in lowercase.
pub(super) const FREE: u32 = 1 << 28;
/// On a transition from the root: the token folds to a role word ("President"), whose names
/// must not hide a longer name after it; without this bit, no need to ask the role words.
pub(super) const ROLE: u32 = 1 << 27;

/// A hash table from a 64-bit key to a nonzero `u32` value and an [`Inline`] record of the node
/// the value leads to, by open addressing, at most half full. Keys are token hashes (from the
/// root) or [`trans_key`]s (deeper), already well mixed, so the slot is their low bits with no
/// hashing of its own, and a probe reads one slot of 16 bytes, in one cache line: every
/// capitalized word of a text probes the root, and most probes of a table this large are cache
/// misses, which the inline record spares a second one when the probe reaches a name.
#[derive(Clone, Debug)]
pub(super) struct TokenTable {
    pub(super) slots: Box<[Slot]>,
    mask: usize,
}

/// Bytes of a [`Slot`] as [`TokenTable::encode`] writes it: key, value, inline record.
const SLOT_RECORD: usize = 8 + 4 + 4;

/// One entry of a [`TokenTable`]; `value` 0 marks an empty slot.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Slot {
    key: u64,
    value: u32,
    pub(super) inline: Inline,
}

/// The one variant of a node that ends a single alias, packed for a slot that leads there when
/// it fits (see [`Matcher::inline`]), 0 when it does not: the entity (20 high bits), kind (3),
/// weak (2), [`ACRONYM`] and [`ARTICLE`] (2) and, in the low 5 bits, the index of its capitals
/// in [`Matcher::inline_caps`], never 0.
pub(super) type Inline = u32;

/// Where the entity starts in an [`Inline`] record; entities from `1 << (32 - ENTITY_SHIFT)` on
/// do not fit, and their nodes have no record.
const ENTITY_SHIFT: u32 = 12;
/// Where the [`MatchKind`] code (3 bits) sits in an [`Inline`] record.
const KIND_SHIFT: u32 = 9;
/// Where the [`Weak`] code (2 bits) sits in an [`Inline`] record.
const WEAK_SHIFT: u32 = 7;
/// Where [`ACRONYM`] and [`ARTICLE`] sit in an [`Inline`] record.
const FLAGS_SHIFT: u32 = 5;
/// The low bits of an [`Inline`] record: the index of its capitals in [`Matcher::inline_caps`].
const CAPS_CODE: u32 = (1 << FLAGS_SHIFT) - 1;
/// Number of capitals masks records can name ([`Matcher::inline_caps`]); code 0 is none.
pub(super) const INLINE_CAPS: usize = CAPS_CODE as usize + 1;

/// The key of `token` after the node numbered `node`, for the deeper transitions: `mix` is a
/// bijection, so the tokens after one node never share a key, and two transitions from two
/// nodes share one only if their tokens differ by exactly the difference of the nodes' mixes,
/// a 64-bit coincidence that [`TokenTable::new`] refuses among the transitions it holds (as the
/// builder refuses two tokens with one hash). One key makes the slot 16 bytes with room for the
/// inline record, where the node and token took them all.
#[inline]
pub(super) fn trans_key(node: u32, token: u64) -> u64 {
    token ^ (node as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl TokenTable {
    /// A table of `entries` (key, value, inline), whose values must not be 0; Err when two of
    /// them have one key.
    pub(super) fn new(
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
    pub(super) fn get(&self, key: u64) -> Option<(u32, Inline)> {
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

    /// The values and inline records of the entries, in table order.
    pub(super) fn records(&self) -> impl Iterator<Item = (u32, Inline)> + '_ {
        self.slots
            .iter()
            .filter(|s| s.value != 0)
            .map(|s| (s.value, s.inline))
    }

    /// Writes the slots as they are, empty ones too: loading them back builds nothing.
    pub(super) fn encode(&self, e: &mut Enc) {
        e.len(self.slots.len());
        for s in self.slots.iter() {
            e.u64(s.key);
            e.u32(s.value);
            e.u32(s.inline);
        }
    }

    /// Reads what [`TokenTable::encode`] wrote. A table whose size is no power of two, or that
    /// has no empty slot to end a probe, is refused (its values are checked by the caller).
    pub(super) fn decode(d: &mut Dec<'_>) -> Result<TokenTable, SnapshotError> {
        let bytes = d.records(SLOT_RECORD)?;
        let slots: Box<[Slot]> = bytes
            .chunks_exact(SLOT_RECORD)
            .map(|r| Slot {
                key: u64::from_le_bytes(r[..8].try_into().expect("8 bytes")),
                value: u32::from_le_bytes(r[8..12].try_into().expect("4 bytes")),
                inline: u32::from_le_bytes(r[12..].try_into().expect("4 bytes")),
            })
            .collect();
        if !slots.len().is_power_of_two() || slots.iter().all(|s| s.value != 0) {
            return Err(SnapshotError::Corrupt("token table"));
        }
        Ok(TokenTable {
            mask: slots.len() - 1,
            slots,
        })
    }
}

/// The 31 capitals (as [`Variant::caps`]) most common among the nodes that end one alias, at
/// 1 to 31 (0 and the places left over hold a mask no record uses), for [`Inline`] records.
pub(super) fn common_caps(variants: &[Variant]) -> [u64; INLINE_CAPS] {
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
    let mut caps = [u64::MAX; INLINE_CAPS];
    for (slot, (_, c)) in caps[1..].iter_mut().zip(common) {
        *slot = c;
    }
    caps
}

impl Matcher {
    /// The [`Inline`] record of the node whose first variant is `v`, with `caps` the capitals
    /// records can name; 0 when it has more variants or does not fit.
    pub(super) fn inline(v: &Variant, caps: &[u64; INLINE_CAPS]) -> Inline {
        let Some(code) = (1..INLINE_CAPS).find(|&c| caps[c] == v.caps) else {
            return 0;
        };
        if v.flags & (LAST | LONG_CAPS) != LAST || v.entity >= 1 << (32 - ENTITY_SHIFT) {
            return 0;
        }
        v.entity << ENTITY_SHIFT
            | u32::from(v.kind.code()) << KIND_SHIFT
            | u32::from(weak_code(v.weak)) << WEAK_SHIFT
            | u32::from(v.flags & (ACRONYM | ARTICLE)) << FLAGS_SHIFT
            | code as u32
    }

    /// The variant an [`Inline`] record other than 0 packs.
    #[inline]
    pub(super) fn unpack(&self, r: Inline) -> Variant {
        const KINDS: [MatchKind; 8] = {
            use MatchKind::*;
            [
                Exact, Variant, Surname, Acronym, Coref, Discovered, Discovered, Discovered,
            ]
        };
        const WEAK: [Weak; 4] = [Weak::No, Weak::Name, Weak::Common, Weak::Calendar];
        Variant {
            caps: self.inline_caps[(r & CAPS_CODE) as usize],
            entity: r >> ENTITY_SHIFT,
            kind: KINDS[(r >> KIND_SHIFT) as usize & (KINDS.len() - 1)],
            weak: WEAK[(r >> WEAK_SHIFT) as usize & (WEAK.len() - 1)],
            flags: (r >> FLAGS_SHIFT) as u8 & (ACRONYM | ARTICLE) | LAST,
        }
    }
}
