//! Titles written in front of names ("Foreign and Expatriates Minister", "Maj. Gen."): a title
//! is not part of the name, but it says who the person is (the `role` column).

use crate::lexicon::{TITLE_HEADS, TITLE_MODIFIERS};

/// Every title word of the lexicon, heads and modifiers.
fn role_words() -> impl Iterator<Item = &'static str> {
    TITLE_HEADS.iter().chain(TITLE_MODIFIERS).copied()
}

/// Whether `w` is a word of a title, in title case, capitals ("PRESIDENT") or lowercase.
pub fn is_role_word(w: &str) -> bool {
    // Called for every name found and every capitalized word around one, so it is one probe of
    // a set of integers: role words are ASCII and at most 24 bytes, packed lowercase into a u128
    // (its first 16 bytes) and a u64 (the rest).
    static KEYS: std::sync::OnceLock<rustc_hash::FxHashSet<(u128, u64)>> =
        std::sync::OnceLock::new();
    if w.len() < 2 || w.len() > 24 || !w.as_bytes()[0].is_ascii_alphabetic() {
        return false;
    }
    // Most words asked about are names: a clear bit for their length and end letters proves
    // they are no role word without lowercasing and hashing them.
    static SIGNATURES: std::sync::OnceLock<[u64; SIGNATURE_WORDS]> = std::sync::OnceLock::new();
    let sigs = SIGNATURES.get_or_init(|| {
        let mut t = [0u64; SIGNATURE_WORDS];
        for r in role_words() {
            let s = signature(r.as_bytes());
            t[s / 64] |= 1 << (s % 64);
        }
        t
    });
    let s = signature(w.as_bytes());
    if sigs[s / 64] & (1 << (s % 64)) == 0 {
        return false;
    }
    let keys = KEYS.get_or_init(|| {
        role_words()
            .map(|r| role_key(r).expect("role words are ASCII"))
            .collect()
    });
    role_key(w).is_some_and(|k| keys.contains(&k))
}

/// Words of the bit set of [`is_role_word`]'s signatures: 4K bits for the 170-odd role words.
const SIGNATURE_WORDS: usize = 64;

/// A hash of a word's length and its first, second and last bytes, lowercased (`w` has at least
/// two bytes), into `0..SIGNATURE_WORDS * 64`.
#[inline]
fn signature(w: &[u8]) -> usize {
    let lower = |b: u8| u32::from(b | 0x20);
    let key = (w.len() as u32) | lower(w[0]) << 8 | lower(w[1]) << 16 | lower(w[w.len() - 1]) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// The lowercase bytes of an ASCII word of at most 24 bytes, packed; None for anything else.
fn role_key(w: &str) -> Option<(u128, u64)> {
    let mut buf = [0u8; 24];
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let (head, tail) = buf.split_at(16);
    Some((
        u128::from_le_bytes(head.try_into().expect("16 bytes")),
        u64::from_le_bytes(tail.try_into().expect("8 bytes")),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_in_any_case() {
        assert!(is_role_word("President"));
        assert!(is_role_word("PRESIDENT"));
        assert!(is_role_word("president"));
        assert!(is_role_word("Secretary-General"));
        assert!(!is_role_word("Putin"));
    }

    #[test]
    fn signatures_keep_every_role_word() {
        for r in role_words() {
            assert!(is_role_word(r), "{r}");
            assert!(is_role_word(&r.to_uppercase()), "{r}");
            assert!(is_role_word(&r.to_lowercase()), "{r}");
        }
    }
}
