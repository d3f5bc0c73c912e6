//! Where words can start in a text, found once: resolution walks a text's capitalized words in
//! several steps (the gate of discovery, short names, lone names), and each walk asking again
//! where the next word starts cost more than one list that all of them read.

use super::{ascii_in_range, starts_word, HI};

/// The bytes of a text that can start a word ([`starts_word`]: an ASCII capital or the first
/// byte of a multibyte char), in ascending order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordStarts {
    /// Each such byte's offset.
    at: Vec<usize>,
    /// The text's length: where a walk that finds no more starts ends.
    len: usize,
}

impl WordStarts {
    /// The word starts of `b`. Sixteen bytes without one are passed with one test (a compare
    /// the compiler makes into vector instructions); in the others, eight bytes give their
    /// starts in one word of bits.
    pub fn of(b: &[u8]) -> WordStarts {
        // News has a word start about every thirty bytes.
        let mut at = Vec::with_capacity(b.len() / 24 + 1);
        let mut blocks = b.chunks_exact(16);
        let mut base = 0;
        for block in blocks.by_ref() {
            if block.iter().fold(false, |any, &c| any | starts_word(c)) {
                for half in [&block[..8], &block[8..]] {
                    let x = u64::from_le_bytes(half.try_into().expect("8 bytes"));
                    // ASCII capitals, and bytes with both bit 7 and bit 6 set (0xC0 and up).
                    let mut hits = (ascii_in_range(x, b'A', b'Z') | (x & (x << 1))) & HI;
                    while hits != 0 {
                        at.push(base + (hits.trailing_zeros() / 8) as usize);
                        hits &= hits - 1;
                    }
                    base += 8;
                }
            } else {
                base += 16;
            }
        }
        let rest = blocks.remainder();
        at.extend(
            (0..rest.len())
                .filter(|&k| starts_word(rest[k]))
                .map(|k| base + k),
        );
        WordStarts { at, len: b.len() }
    }

    /// A walk over the starts, from the first.
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            at: &self.at,
            k: 0,
            len: self.len,
        }
    }
}

/// A position in a [`WordStarts`], for a walk that only goes forward.
#[derive(Clone, Debug)]
pub struct Walk<'a> {
    /// The starts.
    at: &'a [usize],
    /// The first start not passed yet.
    k: usize,
    /// The text's length.
    len: usize,
}

impl Walk<'_> {
    /// The first byte at or after `i` (at most the text's length) that can start a word; the
    /// text's length when there is none. `i` must be past every start an earlier call passed
    /// (past the one it returned, or at it): each start is passed once.
    #[inline]
    pub fn from(&mut self, i: usize) -> usize {
        debug_assert!(i <= self.len, "{i} past the end {}", self.len);
        debug_assert!(self.k == 0 || self.at[self.k - 1] < i, "{i} goes back");
        while self.k < self.at.len() && self.at[self.k] < i {
            self.k += 1;
        }
        self.at.get(self.k).copied().unwrap_or(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::next_word_start;

    const TEXTS: &[&str] = &[
        "",
        "a",
        "A",
        "É",
        "the talks in geneva ended; then Ms Haddad met Erdoğan’s aide, and “nobody” spoke.",
        "lowercase words only, for more than sixteen bytes at a time, and then some more",
        "ALL CAPS HEADLINE WITH @[\\]^ AND Z] Y` X{ 東京と大阪で会った。 ÀÉÎÕÜ 👍 \u{80} end",
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m).\nThe firm",
    ];

    #[test]
    fn every_byte_that_can_start_a_word_is_listed() {
        let mut texts: Vec<Vec<u8>> = TEXTS.iter().map(|t| t.as_bytes().to_vec()).collect();
        // Every byte value at every place of a block of sixteen, and in the tail.
        for v in 0..=255u8 {
            for at in [0, 3, 7, 8, 12, 15, 16, 17] {
                let mut b = vec![b'x'; 18];
                b[at] = v;
                texts.push(b);
            }
        }
        for b in &texts {
            let want: Vec<usize> = (0..b.len()).filter(|&i| starts_word(b[i])).collect();
            let got = WordStarts::of(b);
            assert_eq!(got.at, want, "{b:?}");
            assert_eq!(got.len, b.len());
        }
    }

    #[test]
    fn a_walk_finds_what_the_scan_for_the_next_word_start_finds() {
        for t in TEXTS {
            let b = t.as_bytes();
            let starts = WordStarts::of(b);
            // Byte by byte, and in jumps of every length.
            for step in 1..=b.len().max(1) {
                let mut w = starts.walk();
                for i in (0..=b.len()).step_by(step) {
                    assert_eq!(w.from(i), next_word_start(b, i), "{t:?} from {i}");
                }
            }
        }
    }
}
