//! The words of a sentence as discovery's rules see them: letters and digits joined by inner
//! apostrophes and hyphens, each with its case, whether it is glued to the word before, whether a
//! gazetteer name covers it, and its lexicon classes.

use super::class;
use super::Discoverer;
use crate::text::next_capital_or_non_ascii;
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

/// The [`class`] shape bits of each byte: a table turns the per-byte test into one load.
const SHAPE: [u32; 256] = {
    let mut t = [0; 256];
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = class::NOT_PLAIN;
        c += 1;
    }
    let mut c = 0x80;
    while c <= 0xff {
        t[c] = class::NOT_PLAIN;
        c += 1;
    }
    t[b'-' as usize] = class::HYPHENATED;
    t[b'.' as usize] = class::DOT_OR_DIGIT;
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = class::DOT_OR_DIGIT;
        d += 1;
    }
    t
};

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
/// Also returns the word's shape: the [`SHAPE`] bits of its bytes, gathered while scanning them.
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
        let mut shape = SHAPE[usize::from(b[i])];
        loop {
            while j < n {
                if ALNUM[usize::from(b[j])] {
                    shape |= SHAPE[usize::from(b[j])];
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
                                shape |= SHAPE[usize::from(x)];
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
///
/// With `sparse`, only the words a rule can start from are kept, with the words that can chain
/// them: [`may_yield`] on them answers for the whole text, at a fraction of the cost. A word with
/// no capital and no non-ASCII byte (a "plain" word) is neither a name word, nor capitalized, nor
/// an honorific, nor a suffix or starter but "plc". Every rule's span starts at a word that is not
/// plain and holds only words that are not plain, particles (in names), or "of" / "for" / "the" /
/// "and" / "on" / "in" / "plc" (in organisation names). So after any other plain word the split
/// jumps to the next capital or non-ASCII byte, resumed after the last ASCII whitespace before it;
/// the first word after a jump is marked not joined (no span crosses the jump). A word that is
/// not free ends every span too, so it gets no class and may be jumped after.
pub(super) fn tokenize<'t>(
    text: &str,
    d: &Discoverer,
    taken: &[(usize, usize)],
    toks: &'t mut Vec<Tok>,
    sparse: bool,
) -> &'t [Tok] {
    let b = text.as_bytes();
    let n = b.len();
    toks.clear();
    toks.reserve(if sparse { 16 } else { n / 6 + 1 });
    let mut i = 0;
    let mut prev_end = None;
    let mut tp = 0;
    // Sparse: the first byte at or after the last jump that is a capital or not ASCII.
    let mut seed = 0;
    if sparse {
        seed = next_capital_or_non_ascii(b, 0, n);
        i = resume_before(b, 0, seed);
    }
    while let Some((s, j, c, shape)) = next_token(text, d, i) {
        // Most words are separated by one space.
        let joined =
            prev_end.is_some_and(|pe| (s == pe + 1 && b[pe] == b' ') || gap_joins(&text[pe..s]));
        while tp < taken.len() && taken[tp].1 <= s {
            tp += 1;
        }
        let free = !(tp < taken.len() && taken[tp].0 < j);
        // Bytes, not `str`: slicing them checks no char boundary.
        let wb = &b[s..j];
        let cap = c.is_uppercase();
        let plain = shape & class::NOT_PLAIN == 0;
        // The sparse split asks a plain word only whether it is a particle (at most 4 bytes) or
        // "plc"; and a plain word is no name word, whatever its class. Nor does it ask anything
        // of a word that is not free: no span holds one.
        let class = if sparse && (!free || plain && wb.len() > 4) {
            shape
        } else {
            d.class(wb) | shape
        };
        toks.push(Tok {
            s,
            e: j,
            cap,
            joined,
            free,
            // A word with no capital and no hyphen is no name word: skip the call.
            name: (free || !sparse)
                && (cap || class & class::HYPHENATED != 0)
                && d.is_name_word(&text[s..j], cap, class),
            class,
        });
        prev_end = Some(j);
        i = j;
        if sparse && s > seed && (!free || plain && !chains(wb, class)) {
            seed = next_capital_or_non_ascii(b, j, n);
            if seed >= n {
                break;
            }
            i = resume_before(b, j, seed);
            prev_end = None;
        }
    }
    toks
}

/// A plain word that can sit inside a span of a rule: a name particle, or a word an organisation
/// run continues over (see [`Scan::org`](super::rules::Scan)).
#[inline]
fn chains(w: &[u8], class: u32) -> bool {
    class & class::PARTICLE != 0
        || matches!(w, b"of" | b"for" | b"the" | b"and" | b"on" | b"in" | b"plc")
}

/// Where splitting resumes to reach `seed` without cutting a word: after the last ASCII
/// whitespace in `b[from..seed]`, or `from` (the end of a word, or 0) when there is none.
#[inline]
fn resume_before(b: &[u8], from: usize, seed: usize) -> usize {
    let seed = seed.min(b.len());
    b[from..seed]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(from, |k| from + k + 1)
}

/// Whether any rule can fire on `toks`: a cheap necessary condition checked before the rules,
/// since most sentences that reach discovery hold no name it can find. Every rule needs one of:
///
/// - two free name tokens, joined, with only free particles or initials between them (`credit`,
///   `title`, `attribution`, `first-name`: their names have at least 2 name tokens, and
///   `Scan::name_at` and `Scan::name_before_verb` accept nothing else between two of them);
/// - a free capitalized honorific directly followed (joined) by a free name token (`honorific`);
/// - a free organisation suffix or starter word (`org-pattern`: its runs are of free tokens, and
///   each candidate it makes holds a suffix or starts at a starter).
///
/// `toks` may be the sparse split of [`tokenize`]: it keeps every token of these spans, with
/// their flags.
pub(super) fn may_yield(text: &str, toks: &[Tok]) -> bool {
    let n = toks.len();
    let b = text.as_bytes();
    for (i, t) in toks.iter().enumerate() {
        if !t.free {
            continue;
        }
        if t.class & (class::SUFFIX | class::STARTER) != 0 {
            return true;
        }
        if t.cap && t.class & class::HONORIFIC != 0 {
            if let Some(u) = toks.get(i + 1) {
                if u.joined && u.free && u.name {
                    return true;
                }
            }
        }
        if t.name {
            for u in &toks[i + 1..n] {
                if !(u.joined && u.free) {
                    break;
                }
                if u.name {
                    return true;
                }
                if !(u.is_particle() || u.is_initial(b)) {
                    break;
                }
            }
        }
    }
    false
}
