//! The hash table a scan probes for every token that may start or continue a name.

use crate::codec::{Dec, Enc, SnapshotError};

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

/// A hash table from a 64-bit key to a nonzero `u32` value, by open addressing, at most half
/// full. Keys are token hashes (from the root) or [`trans_key`]s (deeper), already well mixed,
/// so the slot is their low bits with no hashing of its own, and a probe reads one slot of 16
/// bytes, in one cache line.
#[derive(Clone, Debug)]
pub(super) struct TokenTable {
    pub(super) slots: Box<[Slot]>,
    mask: usize,
}

/// Bytes of a [`Slot`] as [`TokenTable::encode`] writes it: key, value.
const SLOT_RECORD: usize = 8 + 4;

/// One entry of a [`TokenTable`]; `value` 0 marks an empty slot.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Slot {
    key: u64,
    value: u32,
}

/// The key of `token` after the node numbered `node`, for the deeper transitions: `mix` is a
/// bijection, so the tokens after one node never share a key, and two transitions from two
/// nodes share one only if their tokens differ by exactly the difference of the nodes' mixes,
/// a 64-bit coincidence that [`TokenTable::new`] refuses among the transitions it holds (as the
/// builder refuses two tokens with one hash). One key makes the slot 16 bytes, where the node
/// and token took them all.
#[inline]
pub(super) fn trans_key(node: u32, token: u64) -> u64 {
    token ^ (node as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl TokenTable {
    /// A table of `entries` (key, value), whose values must not be 0; Err when two of
    /// them have one key.
    pub(super) fn new(
        entries: impl ExactSizeIterator<Item = (u64, u32)>,
    ) -> Result<TokenTable, &'static str> {
        let size = (entries.len() * 2).next_power_of_two().max(8);
        let mut t = TokenTable {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            mask: size - 1,
        };
        for (key, value) in entries {
            assert!(value != 0, "a token table value must not be 0");
            let mut i = key as usize & t.mask;
            while t.slots[i].value != 0 {
                if t.slots[i].key == key {
                    return Err("two transitions with one key");
                }
                i = (i + 1) & t.mask;
            }
            t.slots[i] = Slot { key, value };
        }
        Ok(t)
    }

    /// The value of `key`.
    #[inline]
    pub(super) fn get(&self, key: u64) -> Option<u32> {
        let mut i = key as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.value == 0 {
                return None;
            }
            if s.key == key {
                return Some(s.value);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The values of the entries, in table order.
    pub(super) fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots.iter().filter(|s| s.value != 0).map(|s| s.value)
    }

    /// Writes the slots as they are, empty ones too: loading them back builds nothing.
    pub(super) fn encode(&self, e: &mut Enc) {
        e.len(self.slots.len());
        for s in self.slots.iter() {
            e.u64(s.key);
            e.u32(s.value);
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
                value: u32::from_le_bytes(r[8..].try_into().expect("4 bytes")),
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
