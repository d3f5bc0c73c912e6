//! Tokens: the words and punctuation marks that names are matched over. Aliases and article text
//! go through this one tokenizer, so whatever it decides, both sides agree.
//!
//! Whitespace (line breaks included), hyphens and dashes *join* tokens: "al-Qaeda", "al Qaeda" and
//! "Vladimir\nPutin" are the same token sequences as their aliases. A blank line breaks. Every other
//! mark is a token of its own, so "St. Petersburg" and "U.S." match only with their dots, and a
//! name never runs through a comma. An apostrophe inside a word stays in it ("O'Brien"), but a
//! possessive "'s" is split off, so "Russia’s" holds the token "Russia".

use super::fold::is_apostrophe;
use unicode_normalization::char::is_combining_mark;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits (and apostrophes between letters).
    Word,
    /// One punctuation mark, or a possessive `'s`.
    Punct,
}

/// A token: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Word or punctuation.
    pub kind: TokenKind,
    /// Whether only joiners (spaces, one line break, hyphens, dashes) or nothing at all separate this
    /// token from the one before. False after a blank line.
    pub joined: bool,
}

/// A cursor over the tokens of a text. Cheap to copy, so a matcher can look ahead from any point.
#[derive(Clone, Copy, Debug)]
pub struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
}

const SPACE: u8 = 0;
const HYPHEN: u8 = 1;
const WORD: u8 = 2;
const PUNCT: u8 = 3;

/// Classes of ASCII bytes; bytes >= 0x80 start multi-byte chars and are classified by char.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [PUNCT; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() {
            t[i] = WORD;
        }
        i += 1;
    }
    i = 0;
    while i < 128 {
        if is_ascii_space(i as u8) {
            t[i] = SPACE;
        }
        i += 1;
    }
    t[b'-' as usize] = HYPHEN;
    t
};

/// ASCII whitespace, line breaks, vertical tab and form feed included: what the tokenizer joins
/// over and the sentence splitter passes.
#[inline]
pub(crate) const fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The ASCII bytes that join tokens ([`is_joiner`] below 0x80): whitespace and the hyphen. They
/// fold to nothing between the tokens of a name.
#[inline]
pub(crate) const fn is_ascii_joiner(c: u8) -> bool {
    is_ascii_space(c) || c == b'-'
}

/// ASCII letters and digits, as a table: the loops over words test one byte per load.
pub(crate) static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The bytes of `x` (read little-endian) that are ASCII letters or digits: bit 7 of each such
/// byte. Capitals fold onto lowercase with bit 5; digits are tested before the fold, which would
/// also bring control bytes 0x10..0x19 onto them.
#[inline]
fn alnum_bytes(x: u64) -> u64 {
    use super::{ascii_in_range, LO};
    ascii_in_range(x, b'0', b'9') | ascii_in_range(x | (LO * 0x20), b'a', b'z')
}

/// The end of the run of ASCII letters and digits that starts at `pos`. Words are tested eight
/// bytes per load: this loop runs over every word a scan skips and every token it reads.
#[inline]
pub(crate) fn alnum_end(b: &[u8], pos: usize) -> usize {
    super::find_byte(b, pos, b.len(), |x| !alnum_bytes(x), |c| !ALNUM[c as usize])
}

/// Whether `c` joins words the way a space or a hyphen does.
pub fn is_joiner(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                ..='\u{2015}' | '\u{2212}' | '\u{00AD}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
        )
}

/// Whether `c` belongs inside a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Tokenizer { text, pos: 0 }
    }

    /// A tokenizer at byte `pos` of `text`, which must be a char boundary.
    pub fn at(text: &'a str, pos: usize) -> Self {
        Tokenizer { text, pos }
    }

    /// Byte offset the next token is searched from.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The char at `pos`, which is always a char boundary: the tokenizer moves by whole chars.
    #[inline]
    fn char_at(&self, pos: usize) -> char {
        super::char_at(self.text, pos).unwrap_or(' ')
    }

    /// Whether the apostrophe ending at `after` continues the word: a letter follows, and it is not
    /// the possessive "'s" at the end of a word.
    fn apostrophe_continues(&self, after: usize) -> bool {
        let b = self.text.as_bytes();
        if after >= b.len() {
            return false;
        }
        let next = self.char_at(after);
        if !next.is_alphabetic() {
            return false;
        }
        if next == 's' || next == 'S' {
            let after_s = after + 1;
            return after_s < b.len() && is_word_char(self.char_at(after_s));
        }
        true
    }

    /// The next token, or None at the end of the text.
    #[inline]
    pub fn next_token(&mut self) -> Option<Token> {
        // Most tokens are ASCII words right here or after one space (the word after a name):
        // those take no call.
        let b = self.text.as_bytes();
        let mut start = self.pos;
        if b.get(start) == Some(&b' ') {
            start += 1;
        }
        if b.get(start).is_some_and(|&c| ALNUM[c as usize]) {
            let end = alnum_end(b, start + 1);
            if !b.get(end).is_some_and(|&c| c == b'\'' || c >= 0x80) {
                self.pos = end;
                return Some(Token {
                    start,
                    end,
                    kind: TokenKind::Word,
                    joined: true,
                });
            }
        }
        self.next_token_any()
    }

    /// [`Tokenizer::next_token`] for any text.
    #[inline(never)]
    fn next_token_any(&mut self) -> Option<Token> {
        let b = self.text.as_bytes();
        let n = b.len();
        let mut pos = self.pos;
        let mut newlines = 0u32;
        // Skip joiners.
        let first_kind = loop {
            if pos >= n {
                self.pos = pos;
                return None;
            }
            let c = b[pos];
            if c < 0x80 {
                match ASCII_CLASS[c as usize] {
                    SPACE => {
                        newlines += (c == b'\n') as u32;
                        pos += 1;
                    }
                    HYPHEN => pos += 1,
                    WORD => break TokenKind::Word,
                    _ => break TokenKind::Punct,
                }
            } else {
                match self.non_ascii_class(pos) {
                    Ok(kind) => break kind,
                    Err((len, breaks)) => {
                        newlines += breaks;
                        pos += len;
                    }
                }
            }
        };
        let start = pos;
        let joined = newlines < 2;
        pos = match first_kind {
            TokenKind::Word => {
                // Most words are ASCII letters to the end.
                let end = alnum_end(b, pos);
                if end < n && (b[end] == b'\'' || b[end] >= 0x80) {
                    self.word_end(end)
                } else {
                    end
                }
            }
            TokenKind::Punct => self.punct_end(pos),
        };
        self.pos = pos;
        Some(Token {
            start,
            end: pos,
            kind: first_kind,
            joined,
        })
    }

    /// What the non-ASCII char at `pos` is between tokens: the kind of the token it starts, or
    /// its length and the line breaks it counts for (two for a paragraph separator) if it joins.
    #[cold]
    #[inline(never)]
    fn non_ascii_class(&self, pos: usize) -> Result<TokenKind, (usize, u32)> {
        let ch = self.char_at(pos);
        if is_joiner(ch) {
            let breaks = (ch == '\u{2028}' || ch == '\u{2029}' || ch == '\u{85}') as u32 * 2;
            Err((ch.len_utf8(), breaks))
        } else if is_word_char(ch) {
            Ok(TokenKind::Word)
        } else {
            Ok(TokenKind::Punct)
        }
    }

    /// The end of the word that goes on at `pos` past its ASCII letters and digits: through
    /// inner apostrophes and non-ASCII letters. Out of line, so that the common word costs no
    /// registers for it.
    #[cold]
    #[inline(never)]
    fn word_end(&self, mut pos: usize) -> usize {
        let b = self.text.as_bytes();
        let n = b.len();
        while pos < n {
            pos = alnum_end(b, pos);
            if pos >= n {
                break;
            }
            let c = b[pos];
            if c < 0x80 {
                if c == b'\'' && self.apostrophe_continues(pos + 1) {
                    pos += 1;
                } else {
                    break;
                }
            } else {
                let ch = self.char_at(pos);
                let len = ch.len_utf8();
                if is_word_char(ch) || (is_apostrophe(ch) && self.apostrophe_continues(pos + len)) {
                    pos += len;
                } else {
                    break;
                }
            }
        }
        pos
    }

    /// The end of the punctuation token at `pos`: one char, or a possessive 's.
    #[inline(never)]
    fn punct_end(&self, mut pos: usize) -> usize {
        let b = self.text.as_bytes();
        let n = b.len();
        let ch = self.char_at(pos);
        pos += ch.len_utf8();
        // A possessive 's is one token, so that "People's" in an alias and in a text agree.
        if is_apostrophe(ch) && pos < n && (b[pos] == b's' || b[pos] == b'S') {
            let after = pos + 1;
            if after >= n || !is_word_char(self.char_at(after)) {
                pos = after;
            }
        }
        pos
    }
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        self.next_token()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        Tokenizer::new(s)
            .map(|t| {
                let j = if t.joined { "" } else { "|" };
                format!("{j}{}", &s[t.start..t.end])
            })
            .collect()
    }

    #[test]
    fn words_punctuation_and_joiners() {
        assert_eq!(
            toks("al-Qaeda and US-backed"),
            ["al", "Qaeda", "and", "US", "backed"]
        );
        assert_eq!(toks("Russia–Syria"), ["Russia", "Syria"]);
        assert_eq!(toks("St. Petersburg"), ["St", ".", "Petersburg"]);
        assert_eq!(toks("U.S. forces"), ["U", ".", "S", ".", "forces"]);
        assert_eq!(toks("Vladimir\n  Putin"), ["Vladimir", "Putin"]);
        assert_eq!(toks("Vladimir\n\nPutin"), ["Vladimir", "|Putin"]);
    }

    #[test]
    fn apostrophes() {
        assert_eq!(toks("Russia’s Putin"), ["Russia", "’s", "Putin"]);
        assert_eq!(toks("Putin's"), ["Putin", "'s"]);
        assert_eq!(toks("O'Brien"), ["O'Brien"]);
        assert_eq!(toks("Côte d’Ivoire"), ["Côte", "d’Ivoire"]);
        assert_eq!(
            toks("the Houthis’ attacks"),
            ["the", "Houthis", "’", "attacks"]
        );
        assert_eq!(toks("People's Liberation"), ["People", "'s", "Liberation"]);
        assert_eq!(toks("it's"), ["it", "'s"]);
    }

    #[test]
    fn alnum_end_agrees_with_the_table() {
        let mut all: Vec<u8> = (0..=255u8).collect();
        all.extend(b"abcXYZ0189 al-Qaeda's\x10\x19\x7f\xc3\xa9@[`{/:");
        for start in 0..all.len() {
            for end in start..all.len().min(start + 20) {
                let b = &all[start..end];
                for pos in 0..=b.len() {
                    let mut want = pos;
                    while want < b.len() && ALNUM[b[want] as usize] {
                        want += 1;
                    }
                    assert_eq!(alnum_end(b, pos), want, "{b:?} from {pos}");
                }
            }
        }
    }

    #[test]
    fn demonyms_are_whole_words() {
        assert_eq!(toks("Iranian-backed"), ["Iranian", "backed"]);
    }

    #[test]
    fn junk_does_not_panic() {
        let junk = "\u{0}\u{1}\u{fffd}\u{fffd}ab\u{7f}\u{200b}é\u{301}";
        let all: Vec<_> = Tokenizer::new(junk).collect();
        assert!(!all.is_empty());
        assert!(toks("").is_empty());
        assert_eq!(toks("'"), ["'"]);
        assert_eq!(toks("a'"), ["a", "'"]);
        assert_eq!(toks("'s"), ["'s"]);
    }
}
