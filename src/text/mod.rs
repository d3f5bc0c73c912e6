//! Text: folding for comparison, tokens for matching, sentences for co-mentions, and the
//! conversion of byte offsets into the code point offsets users see.

pub mod fold;
pub mod roles;
pub mod sentences;
pub mod tokens;

pub use sentences::{split as split_sentences, Sentences};
pub use tokens::{Kind, Token, Tokenizer};

/// Converts sorted byte offsets of `text` into code point offsets, in one pass.
///
/// `offsets` must be char boundaries, in ascending order; the result has the same length.
pub fn char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(offsets.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    for &o in offsets {
        debug_assert!(o >= byte, "offsets must be sorted");
        chars += count_chars(&b[byte..o]);
        byte = o;
        out.push(chars);
    }
    out
}

/// Bit 0 of every byte of a word.
pub(crate) const LO: u64 = u64::from_ne_bytes([0x01; 8]);
/// Bit 7 of every byte of a word.
pub(crate) const HI: u64 = LO * 0x80;

/// The bytes of `x` (eight bytes of text, read little-endian) that are ASCII bytes in
/// `lo..=hi`, as bit 7 of each. Both sums stay within the low seven bits plus bit 7 of a byte,
/// so none carries into the next byte: `v + 0x80 - lo` reaches bit 7 from `lo` up, `v + 0x7f - hi`
/// from past `hi` up. The word loops of the scan, the tokenizer and resolution use it to pass over
/// eight bytes per test.
#[inline]
pub(crate) fn ascii_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & !HI;
    let from_lo = low + LO * (0x80 - u64::from(lo));
    let past_hi = low + LO * (0x7f - u64::from(hi));
    from_lo & !past_hi & !x & HI
}

/// The first position in `b[i..end]` (`end` when there is none) whose byte `hit` accepts. Eight
/// bytes are tested per load by `hits`, which gives bit 7 of each accepted byte of the word read
/// little-endian (and must agree with `hit`); the tail is tested byte by byte.
#[inline]
pub(crate) fn find_byte(
    b: &[u8],
    mut i: usize,
    end: usize,
    hits: impl Fn(u64) -> u64,
    hit: impl Fn(u8) -> bool,
) -> usize {
    let b = &b[..end];
    while let Some(w) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        let found = hits(x) & HI;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !hit(b[i]) {
        i += 1;
    }
    i
}

/// Number of chars in a UTF-8 byte slice: the bytes that do not continue a char. Every mention
/// pays for the text before it, so the continuation bytes (`0b10xx_xxxx`) are counted eight at a
/// time, in eight byte-wide counters that are added up once per 255 words (before any can
/// overflow).
fn count_chars(b: &[u8]) -> usize {
    const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
    let (words, rest) = b.split_at(b.len() / 8 * 8);
    let mut continuing = 0;
    for block in words.chunks(255 * 8) {
        let mut counts = 0u64;
        for c in block.chunks_exact(8) {
            let x = u64::from_ne_bytes(c.try_into().expect("8 bytes"));
            // Bit 0 of each byte: its bit 7 set and bit 6 clear.
            counts += ((x & !(x << 1)) >> 7) & LO;
        }
        // Pairs of bytes into 16-bit lanes, then the multiply sums the lanes into the top one.
        let pairs = (counts & EVEN) + ((counts >> 8) & EVEN);
        continuing += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
    }
    continuing += rest.iter().filter(|&&x| (x as i8) < -0x40).count();
    b.len() - continuing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_in_range_tests_each_byte_alone() {
        for (lo, hi) in [
            (b'A', b'Z'),
            (b'a', b'z'),
            (b'0', b'9'),
            (0, 0x7f),
            (b' ', b' '),
        ] {
            for v in 0..=255u8 {
                for lane in 0..8 {
                    // The other lanes hold bytes at and around the bounds, to catch a carry.
                    let mut w = [
                        lo,
                        hi,
                        lo.wrapping_sub(1),
                        hi.wrapping_add(1),
                        0xff,
                        0,
                        0x80,
                        0x7f,
                    ];
                    w[lane] = v;
                    let got = ascii_in_range(u64::from_le_bytes(w), lo, hi);
                    for (k, &c) in w.iter().enumerate() {
                        let want = c < 0x80 && (lo..=hi).contains(&c);
                        assert_eq!(got >> (8 * k + 7) & 1 == 1, want, "{c:#x} in {lo}..={hi}");
                    }
                }
            }
        }
    }

    #[test]
    fn count_chars_counts_code_points_at_any_length() {
        let t = "Erdoğan met Putin’s aide in Zürich: “東京” 👍 and more";
        for start in 0..t.len() {
            for end in start..=t.len() {
                if t.is_char_boundary(start) && t.is_char_boundary(end) {
                    assert_eq!(
                        count_chars(&t.as_bytes()[start..end]),
                        t[start..end].chars().count(),
                        "{start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn count_chars_counts_long_texts() {
        let t = "Erdoğan met Putin’s aide in Zürich: “東京” 👍 and more. ".repeat(200);
        for len in [0, 7, 8, 2039, 2040, 2041, 2048, 4080, 4100, t.len()] {
            let end = (len..=t.len()).find(|&e| t.is_char_boundary(e)).unwrap();
            assert_eq!(count_chars(&t.as_bytes()[..end]), t[..end].chars().count());
        }
    }

    #[test]
    fn char_offsets_count_code_points() {
        let t = "Erdoğan met Putin’s aide";
        let p = t.find("Putin").unwrap();
        assert_eq!(
            char_offsets(t, &[0, p, t.len()]),
            vec![0, 12, t.chars().count()]
        );
    }
}
