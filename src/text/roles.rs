//! Titles written in front of names ("Foreign and Expatriates Minister", "Maj. Gen."): a title
//! is not part of the name, but it says who the person is (the `role` column).

use crate::lexicon::{TITLE_HEADS, TITLE_MODIFIERS};
use crate::text::ends::WordEnds;

/// Every title word of the lexicon, heads and modifiers.
fn role_words() -> impl Iterator<Item = &'static str> {
    TITLE_HEADS.iter().chain(TITLE_MODIFIERS).copied()
}

/// The title words as [`role_key`]s, and the ends of their lowercase forms.
struct RoleWords {
    keys: rustc_hash::FxHashSet<(u128, u64)>,
    /// Most words asked about are no title word: refused by their ends, with no key made.
    ends: WordEnds,
}

/// Whether `w` is a word of a title, in title case, capitals ("PRESIDENT") or lowercase.
pub fn is_role_word(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<RoleWords> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let lower: Vec<String> = role_words().map(str::to_ascii_lowercase).collect();
        RoleWords {
            keys: role_words()
                .map(|r| role_key(r).expect("role words are ASCII"))
                .collect(),
            ends: WordEnds::new(lower.iter().map(|r| r.as_bytes())),
        }
    });
    let b = w.as_bytes();
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    let (first, last) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    words.ends.may_hold_ends(first, last, b.len()) && is_role_key(&words.keys, w)
}

/// [`is_role_word`] without the filter of ends: the reference it must agree with.
fn is_role_key(keys: &rustc_hash::FxHashSet<(u128, u64)>, w: &str) -> bool {
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
    fn the_filter_of_ends_agrees_with_the_keys() {
        let keys = role_words().map(|r| role_key(r).unwrap()).collect();
        let mut words: Vec<String> = Vec::new();
        for r in role_words() {
            for w in [r.to_string(), r.to_uppercase(), r.to_lowercase()] {
                words.push(format!("{w}s"));
                words.push(format!("x{w}"));
                words.push(w[..w.len() - 1].to_string());
                words.push(w);
            }
        }
        words.extend(["", "a", "Putin", "said", "Élodie", "MINISTÈRE"].map(String::from));
        let mut hits = 0;
        for w in &words {
            assert_eq!(is_role_word(w), is_role_key(&keys, w), "{w}");
            hits += usize::from(is_role_word(w));
        }
        assert!(hits >= 3 * role_words().count() / 2, "{hits}");
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
