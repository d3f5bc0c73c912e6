//! A filter in front of the word tables (lexicon classes, title words, given names): most words
//! of a text are in no table, and the first byte, last byte and length of a word tell most of
//! them apart from every word of a table, with one load and no hash.

/// Entries of a [`WordEnds`]: the low six bits of a first byte (capitals and lowercase letters
/// apart) by the low five of a last byte.
const ENDS: usize = 1 << 11;

/// The first bytes, last bytes and lengths of the words of a table. A word it refuses is in no
/// table; a word it lets through may be in it, and is looked up.
#[derive(Clone, Debug)]
pub(crate) struct WordEnds {
    /// Per pair of ends ([`ends_index`]), the lengths of the words with those ends: bit n for n
    /// bytes, bit 31 for 31 or more.
    lengths: Box<[u32]>,
}

/// Where a word of `len` bytes from `first` to `last` is counted in [`WordEnds::lengths`], and
/// its bit there.
#[inline(always)]
fn ends_index(first: u8, last: u8, len: usize) -> (usize, u32) {
    let index = usize::from(first & 0x3f) << 5 | usize::from(last & 0x1f);
    (index, 1 << len.min(31))
}

/// The first and last byte of a word; None for an empty one.
#[inline(always)]
fn ends_of(w: &[u8]) -> Option<(u8, u8)> {
    Some((*w.first()?, *w.last()?))
}

impl WordEnds {
    /// The ends of `words`.
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w [u8]>) -> WordEnds {
        let mut lengths = vec![0u32; ENDS].into_boxed_slice();
        for w in words {
            if let Some((first, last)) = ends_of(w) {
                let (i, bit) = ends_index(first, last, w.len());
                lengths[i] |= bit;
            }
        }
        WordEnds { lengths }
    }

    /// Whether a word of the table may be `w`: false when none has its ends and length.
    #[inline(always)]
    pub(crate) fn may_hold(&self, w: &[u8]) -> bool {
        ends_of(w).is_some_and(|(first, last)| self.may_hold_ends(first, last, w.len()))
    }

    /// Whether a word of the table may have `len` bytes from `first` to `last`.
    #[inline(always)]
    pub(crate) fn may_hold_ends(&self, first: u8, last: u8, len: usize) -> bool {
        let (i, bit) = ends_index(first, last, len);
        self.lengths[i] & bit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_table_is_let_through() {
        let words = [
            "said",
            "Minister",
            "al",
            "bin",
            "U.S.",
            "Émile",
            &"x".repeat(40),
        ];
        let ends = WordEnds::new(words.iter().map(|w| w.as_bytes()));
        for w in words {
            assert!(ends.may_hold(w.as_bytes()), "{w}");
        }
        // Other ends, other lengths, and nothing.
        for w in ["says", "minister", "Ministers", "a", "", "Emile", "bon"] {
            assert_eq!(ends.may_hold(w.as_bytes()), w == "bon", "{w}");
        }
        // Lengths of 31 bytes and more share a bit.
        assert!(ends.may_hold("x".repeat(33).as_bytes()));
    }
}
