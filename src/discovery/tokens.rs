//! The words of a sentence as discovery's rules see them: letters and digits joined by inner
//! apostrophes and hyphens, each with its case, whether it is glued to the word before, whether a
//! gazetteer name covers it, and its lexicon classes.

use super::class;
use super::Discoverer;
use crate::text::skip_lowercase;
use crate::text::tokens::ALNUM;
use std::cell::Cell;

thread_local! {
    /// Token buffer reused by every [`Discoverer::find`] on this thread: `find` runs once per
    /// sentence, and a fresh vector each time cost an allocation and its regrowth. `find` takes
    /// it out while it works, so the buffer is never shared.
    static TOKENS: Cell<Vec<Tok>> = const { Cell::new(Vec::new()) };
}

/// Largest token buffer kept between calls (a few hundred KB): one huge text must not pin its
/// buffer for the life of the thread.
const MAX_KEPT_TOKENS: usize = 1 << 14;

/// Runs `f` with this thread's token buffer, and keeps the buffer for the next call unless it
/// grew past [`MAX_KEPT_TOKENS`].
pub(super) fn with_buffer<R>(f: impl FnOnce(&mut Vec<Tok>) -> R) -> R {
    let mut toks = TOKENS.take();
    let r = f(&mut toks);
    if toks.capacity() <= MAX_KEPT_TOKENS {
        TOKENS.set(toks);
    }
    r
}

/// A word of the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    /// Byte offset of its first byte.
    pub(super) s: usize,
    /// Byte offset one past its last byte.
    pub(super) e: usize,
    /// First character is an uppercase letter.
    pub(super) cap: bool,
    /// Separated from the previous token only by whitespace with at most one newline.
    pub(super) joined: bool,
    /// Does not overlap a `taken` range.
    pub(super) free: bool,
    /// Can be part of a person name ([`Discoverer::is_name_word`]): the rules ask it many times
    /// per token, so it is computed once.
    pub(super) name: bool,
    /// The [`class`] bits of the word.
    pub(super) class: u32,
}

impl Tok {
    /// A name particle ("bin", "al", "van") written in lowercase.
    #[inline]
    pub(super) fn is_particle(&self) -> bool {
        !self.cap && self.class & class::PARTICLE != 0
    }

    /// An initial ("W."); `b` is the text the token is in.
    #[inline]
    pub(super) fn is_initial(&self, b: &[u8]) -> bool {
        self.e - self.s == 2 && b[self.s].is_ascii_uppercase() && b[self.s + 1] == b'.'
    }
}

/// The [`class`] shape bits of each byte of a word.
static SHAPE: [u32; 256] = {
    let mut t = [0; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match i as u8 {
            b'A'..=b'Z' | 0x80..=0xff => class::NOT_PLAIN,
            b'-' => class::HYPHENATED,
            b'.' | b'0'..=b'9' => class::DOT_OR_DIGIT,
            _ => 0,
        };
        i += 1;
    }
    t
};

/// The [`class`] shape bits of a byte of a word.
#[inline]
fn shape_of(b: u8) -> u32 {
    SHAPE[usize::from(b)]
}

/// The char at byte `i` of `text` (a char boundary) and its length in bytes.
#[inline]
fn decode_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// A combining diacritic of the Latin block (U+0300..U+036F), which stays inside a word.
#[inline]
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The apostrophes that join a word ("O'Brien", "O’Brien").
#[inline]
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Apostrophes and hyphens, which join two runs of letters into one word.
#[inline]
fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether the text between two words joins them: whitespace with at most one line break.
fn gap_joins(gap: &str) -> bool {
    // Most words are separated by one space.
    if gap == " " {
        return true;
    }
    let mut newlines = 0;
    for c in gap.chars() {
        if c == '\n' {
            newlines += 1;
            if newlines > 1 {
                return false;
            }
        } else if !c.is_whitespace() {
            return false;
        }
    }
    true
}

/// The next word of `text` at or after byte `i`, as (start, end, first char): letters/digits,
/// joined by inner apostrophes and hyphens; a possessive "'s" is left out; a trailing dot is kept
/// for known abbreviations, initials ("W.") and dotted acronyms ("U.S."). No word holds ASCII
/// whitespace, so splitting may start after any such byte and gives the same words from there.
/// Also returns the word's shape: the [`shape_of`] bits of its bytes, gathered while scanning them.
#[inline]
fn next_token(text: &str, d: &Discoverer, mut i: usize) -> Option<(usize, usize, char, u32)> {
    let b = text.as_bytes();
    let n = b.len();
    while i < n {
        // Most bytes are ASCII: skip and scan them without decoding chars.
        if b[i] < 0x80 && !ALNUM[usize::from(b[i])] {
            i += 1;
            continue;
        }
        // An ASCII byte that got here is a letter or digit; only other chars need decoding.
        let (c, l) = if b[i] < 0x80 {
            (b[i] as char, 1)
        } else {
            let (c, l) = decode_at(text, i);
            if !c.is_alphanumeric() {
                i += l;
                continue;
            }
            (c, l)
        };
        let s = i;
        let mut j = i + l;
        let mut shape = shape_of(b[i]);
        loop {
            while j < n {
                // Lowercase letters, most of a word, add no shape bits.
                j = skip_lowercase(b, j, n);
                if j == n {
                    break;
                }
                if ALNUM[usize::from(b[j])] {
                    shape |= shape_of(b[j]);
                    j += 1;
                    continue;
                }
                if b[j] < 0x80 {
                    break;
                }
                let (c2, l2) = decode_at(text, j);
                if c2.is_alphanumeric() || is_mark(c2) {
                    shape |= class::NOT_PLAIN;
                    j += l2;
                } else {
                    break;
                }
            }
            // Most words end at an ASCII byte that joins nothing.
            if j < n && (b[j] >= 0x80 || b[j] == b'\'' || b[j] == b'-') {
                let (jc, jl) = decode_at(text, j);
                if is_joiner(jc) && j + jl < n {
                    let (nc, nl) = decode_at(text, j + jl);
                    if nc.is_alphanumeric() {
                        let after = j + jl + nl;
                        let possessive = is_apostrophe(jc)
                            && (nc == 's' || nc == 'S')
                            && (after >= n || !decode_at(text, after).0.is_alphanumeric());
                        if !possessive {
                            for &x in &b[j..after] {
                                shape |= shape_of(x);
                            }
                            j = after;
                            continue;
                        }
                    }
                }
            }
            break;
        }
        if j < n && b[j] == b'.' {
            if j - s == 1 && b[s].is_ascii_uppercase() {
                j += 1;
                while j + 1 < n && b[j].is_ascii_uppercase() && b[j + 1] == b'.' {
                    j += 2;
                }
                shape |= class::DOT_OR_DIGIT;
            } else if shape & class::NOT_PLAIN != 0 && d.is(&text[s..j], class::ABBREV) {
                // No abbreviation is plain (no capital, no non-ASCII byte), so most words
                // before a period are not looked up.
                j += 1;
                shape |= class::DOT_OR_DIGIT;
            }
        }
        return Some((s, j, c, shape));
    }
    None
}

/// Splits `text` into words ([`next_token`]) with their flags.
pub(super) fn tokenize<'t>(
    text: &str,
    d: &Discoverer,
    taken: &[(usize, usize)],
    toks: &'t mut Vec<Tok>,
) -> &'t [Tok] {
    let b = text.as_bytes();
    toks.clear();
    let mut i = 0;
    let mut prev_end = None;
    let mut tp = 0;
    while let Some((s, j, c, shape)) = next_token(text, d, i) {
        let joined =
            prev_end.is_some_and(|pe| (s == pe + 1 && b[pe] == b' ') || gap_joins(&text[pe..s]));
        while tp < taken.len() && taken[tp].1 <= s {
            tp += 1;
        }
        let free = !(tp < taken.len() && taken[tp].0 < j);
        let cap = c.is_uppercase();
        let class = d.class(&b[s..j]) | shape;
        toks.push(Tok {
            s,
            e: j,
            cap,
            joined,
            free,
            // A word with no capital and no hyphen is no name word: skip the call.
            name: (cap || class & class::HYPHENATED != 0)
                && d.is_name_word(&text[s..j], cap, class),
            class,
        });
        prev_end = Some(j);
        i = j;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape bits of every token are those of all its bytes, whichever way the tokenizer
    /// passed over them (lowercase runs eight bytes at a time, the rest byte by byte).
    #[test]
    fn shapes_are_those_of_every_byte() {
        let d = Discoverer::new(["jordan".to_string()]);
        let shape_bits = class::NOT_PLAIN | class::HYPHENATED | class::DOT_OR_DIGIT;
        let texts = [
            "Defense Minister Murhaf Abu-Qasra met the U.S. envoy, Gen. Smith, at 10.30 in Zürich.",
            "abcdefghijklmnopqrstuvwxyzA abcdefghIjklmnop al-Assad O’Brien’s x3y 2024 straße naïve",
            "J. R. R. Tolkien; MURHAF ABU QASRA; Jean-Pierre; e\u{301}cole and Élodie's aides",
            "a",
            "",
            "lowercase words only here without any capital letter at all anywhere",
        ];
        let mut toks = Vec::new();
        for text in texts {
            for t in tokenize(text, &d, &[], &mut toks) {
                let want = text.as_bytes()[t.s..t.e]
                    .iter()
                    .fold(0, |bits, &b| bits | shape_of(b));
                assert_eq!(t.class & shape_bits, want, "{:?}", &text[t.s..t.e]);
            }
        }
    }
}
