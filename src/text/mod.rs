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

/// Number of chars in a UTF-8 byte slice: the bytes that do not continue a char. Every mention
/// pays for the text before it, so the continuation bytes (`0b10xx_xxxx`) are counted eight at a
/// time, in eight byte-wide counters that are added up once per 255 words (before any can
/// overflow).
fn count_chars(b: &[u8]) -> usize {
    const LO: u64 = u64::from_ne_bytes([0x01; 8]);
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
