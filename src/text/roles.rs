//! Titles written in front of names ("Foreign and Expatriates Minister", "Maj. Gen."): a title
//! is not part of the name, but it says who the person is (the `role` column).

use crate::lexicon::{TITLE_HEADS, TITLE_MODIFIERS};

/// Every title word of the lexicon, heads and modifiers.
fn role_words() -> impl Iterator<Item = &'static str> {
    TITLE_HEADS.iter().chain(TITLE_MODIFIERS).copied()
}

/// Whether `w` is a word of a title, in title case, capitals ("PRESIDENT") or lowercase.
pub fn is_role_word(w: &str) -> bool {
    static KEYS: std::sync::OnceLock<rustc_hash::FxHashSet<(u128, u64)>> =
        std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        role_words()
            .map(|r| role_key(r).expect("role words are ASCII"))
            .collect()
    });
    role_key(w).is_some_and(|k| keys.contains(&k))
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
    fn every_role_word_in_any_case() {
        for r in role_words() {
            assert!(is_role_word(r), "{r}");
            assert!(is_role_word(&r.to_uppercase()), "{r}");
            assert!(is_role_word(&r.to_lowercase()), "{r}");
        }
    }
}
