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

/// Number of chars in a UTF-8 byte slice: the bytes that do not continue a char.
fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

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
