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
///
/// The tables of a real gazetteer are megabytes, and most probes of the deeper transitions
/// find nothing ("Obama" then "Administration"), each a likely cache miss. A bit per key in a
/// filter a thirty-second the size of the slots answers most of them from the cache.
#[derive(Clone, Debug)]
pub(super) struct TokenTable {
    pub(super) slots: Box<[Slot]>,
    mask: usize,
    /// Bit [`filter_bit`] of every key of the table set: a key whose bit is clear is in no slot.
    filter: Box<[u64]>,
}

/// Bits of the filter of a [`TokenTable`] per slot: four, for a table at most half full eight
/// per key, so that about one key in nine that is not in the table gets past it.
const FILTER_BITS_PER_SLOT: usize = 4;

/// The bit of `key` in a filter of `bits` bits (a power of two): from the key's high half, as
/// its slot is from the low bits.
#[inline]
fn filter_bit(key: u64, bits: usize) -> usize {
    (key >> 32) as usize & (bits - 1)
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
        let mut slots = vec![Slot::default(); size].into_boxed_slice();
        let mask = size - 1;
        for (key, value) in entries {
            assert!(value != 0, "a token table value must not be 0");
            let mut i = key as usize & mask;
            while slots[i].value != 0 {
                if slots[i].key == key {
                    return Err("two transitions with one key");
                }
                i = (i + 1) & mask;
            }
            slots[i] = Slot { key, value };
        }
        Ok(TokenTable::with_filter(slots))
    }

    /// The table of `slots` (a power of two of them), with its filter.
    fn with_filter(slots: Box<[Slot]>) -> TokenTable {
        // Whole words of bits: a power of two of them, as the slots are.
        let bits = (slots.len() * FILTER_BITS_PER_SLOT).max(64);
        let mut filter = vec![0u64; bits / 64].into_boxed_slice();
        for s in slots.iter().filter(|s| s.value != 0) {
            let b = filter_bit(s.key, bits);
            filter[b / 64] |= 1 << (b % 64);
        }
        TokenTable {
            mask: slots.len() - 1,
            slots,
            filter,
        }
    }

    /// The value of `key`.
    #[inline]
    pub(super) fn get(&self, key: u64) -> Option<u32> {
        let b = filter_bit(key, self.filter.len() * 64);
        if self.filter[b / 64] & 1 << (b % 64) == 0 {
            return None;
        }
        self.get_in_slots(key)
    }

    /// [`TokenTable::get`] without the filter: the reference it must agree with.
    #[inline]
    fn get_in_slots(&self, key: u64) -> Option<u32> {
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
        Ok(TokenTable::with_filter(slots))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter lets every key of the table through, and the table answers as its slots do
    /// for keys it does not hold, which the filter mostly refuses.
    #[test]
    fn the_filter_agrees_with_the_slots() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for n in [0, 1, 2, 3, 5, 1000, 20_000] {
            let keys: Vec<u64> = (0..n).map(|_| next()).collect();
            let t =
                TokenTable::new(keys.iter().enumerate().map(|(i, &k)| (k, i as u32 + 1))).unwrap();
            for (i, &k) in keys.iter().enumerate() {
                assert_eq!(t.get(k), Some(i as u32 + 1));
            }
            let mut refused = 0;
            for _ in 0..10_000 {
                let k = next();
                assert_eq!(t.get(k), t.get_in_slots(k));
                refused += usize::from(t.get(k).is_none());
            }
            assert!(refused > 8_000, "{n} keys: {refused}");
        }
    }
}
