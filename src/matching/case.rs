//! The case check of a match: every letter that is a capital in the alias must be a capital in
//! the text, and an acronym does not match inside a run of capitals.

use super::table::Inline;
use super::{
    Candidate, Candidates, CandidatesRepr, Matcher, Scratch, Variant, ACRONYM, ARTICLE, LAST,
    LONG_CAPS,
};
use crate::text::fold::fold_with;
use crate::text::tokens::{is_ascii_joiner, is_word_char};
use crate::text::{TokenKind, Tokenizer};

impl Matcher {
    /// The variants at `node` (with its inline record) whose capitals the surface
    /// `text[start..end]` has; `one_token` when the surface is a single token (most names),
    /// which spares the search for joiners.
    pub(super) fn check_case(
        &self,
        text: &str,
        start: usize,
        end: usize,
        one_token: bool,
        (node, inline): (u32, Inline),
        scratch: &mut Scratch,
    ) -> (Candidates, bool) {
        let surface = &text[start..end];
        let bits = if one_token {
            ascii_token_capital_bits(text.as_bytes(), start, end)
        } else {
            ascii_capital_bits(text.as_bytes(), start, end)
        };
        if bits.is_none() {
            scratch.upper.clear();
            scratch.key.clear();
            surface_capitals(surface, &mut scratch.key, &mut scratch.upper);
        }
        let upper = &scratch.upper;
        let is_capital = |p: u16| match bits {
            Some(bits) => p < 64 && bits >> p & 1 != 0,
            None => upper.get(p as usize).copied().unwrap_or(false),
        };
        let has_caps = |v: &Variant| {
            if v.flags & LONG_CAPS != 0 {
                self.long_caps(v).iter().all(|&p| is_capital(p))
            } else if let Some(bits) = bits {
                v.caps & !bits == 0
            } else {
                (0..64).all(|p| v.caps >> p & 1 == 0 || is_capital(p))
            }
        };
        if inline != 0 {
            // The node's one variant, packed where the probe that reached it landed.
            let v = self.unpack(inline);
            let fits =
                has_caps(&v) && (v.flags & ACRONYM == 0 || !in_capitals_run(text, start, end));
            if !fits {
                return (Candidates::from_slice(&[]), false);
            }
            let c = Candidate {
                entity: v.entity,
                kind: v.kind,
                weak: v.weak,
            };
            return (Candidates(CandidatesRepr::One(c)), v.flags & ARTICLE != 0);
        }
        let out = &mut scratch.candidates;
        out.clear();
        let mut article = false;
        let mut in_caps_run = None;
        let mut more = true;
        let at_node = self.variants[node as usize..]
            .iter()
            .take_while(|v| std::mem::replace(&mut more, v.flags & LAST == 0));
        for v in at_node {
            if !has_caps(v) {
                continue;
            }
            if v.flags & ACRONYM != 0 {
                let run = *in_caps_run.get_or_insert_with(|| in_capitals_run(text, start, end));
                if run {
                    continue;
                }
            }
            article |= v.flags & ARTICLE != 0;
            out.push(Candidate {
                entity: v.entity,
                kind: v.kind,
                weak: v.weak,
            });
        }
        (Candidates::from_slice(out), article)
    }

    /// The capitals of `v`, which has [`LONG_CAPS`].
    pub(super) fn long_caps(&self, v: &Variant) -> &[u16] {
        let start = v.caps as u32 as usize;
        &self.long_caps[start..][..(v.caps >> 32) as usize]
    }
}

/// [`surface_capitals`] as bits (bit `i` for folded char `i`) for the surface `b[start..end]`
/// when it is ASCII and at most 64 bytes, as nearly every name is: no vector to fill. None for
/// any other surface. Eight bytes per load: the capitals and the joiners (which fold to nothing)
/// of a word gathered into a byte each, the joiners' places then squeezed out one by one (a name
/// has few).
#[inline]
pub(super) fn ascii_capital_bits(b: &[u8], start: usize, end: usize) -> Option<u64> {
    capital_bits::<true>(b, start, end)
}

/// [`ascii_capital_bits`] for a surface that is one token, which holds no joiner (joiners
/// separate tokens): folded char `i` is byte `i`, so the capitals are gathered with nothing to
/// squeeze out. Most names are one word, and this is most of what checking their case costs.
#[inline]
pub(super) fn ascii_token_capital_bits(b: &[u8], start: usize, end: usize) -> Option<u64> {
    capital_bits::<false>(b, start, end)
}

/// The capitals of the ASCII surface `b[start..end]` (at most 64 bytes) as bits, the joiners'
/// places squeezed out when `JOINERS` (a surface of one token has none).
#[inline(always)]
pub(super) fn capital_bits<const JOINERS: bool>(b: &[u8], start: usize, end: usize) -> Option<u64> {
    use crate::text::{ascii_in_range, HI};
    if end - start > 64 {
        return None;
    }
    // Bit 7 of each byte of `x` to bit k for byte k.
    let gather = |x: u64| ((x >> 7) & crate::text::LO).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let (mut bits, mut i, mut at) = (0u64, 0u32, start);
    while at < end {
        let n = (end - at).min(8);
        let x = match b.get(at..at + 8) {
            Some(w) => u64::from_le_bytes(w.try_into().expect("8 bytes")),
            None => {
                let mut w = [0u8; 8];
                w[..n].copy_from_slice(&b[at..at + n]);
                u64::from_le_bytes(w)
            }
        };
        // Only the surface's bytes: zeros past its end are no capital and no joiner.
        let x = if n == 8 {
            x
        } else {
            x & ((1u64 << (8 * n)) - 1)
        };
        if x & HI != 0 {
            return None;
        }
        let mut upper = gather(ascii_in_range(x, b'A', b'Z'));
        let mut folded = n as u32;
        if JOINERS {
            let joiners = gather(
                ascii_in_range(x, b'\t', 0x0d)
                    | ascii_in_range(x, b' ', b' ')
                    | ascii_in_range(x, b'-', b'-'),
            );
            let mut left = joiners;
            while left != 0 {
                // The highest joiner first, so that the places below it stay put.
                let j = 63 - left.leading_zeros();
                upper = (upper & ((1 << j) - 1)) | (upper >> (j + 1)) << j;
                left &= !(1 << j);
            }
            folded -= joiners.count_ones();
        }
        // i <= the byte's index < 64: joiners fold to nothing, every other byte to one char.
        bits |= upper << i;
        i += folded;
        at += n;
    }
    Some(bits)
}

/// [`ascii_capital_bits`] a byte at a time, to test it against.
#[cfg(test)]
pub(super) fn ascii_capital_bits_bytewise(surface: &[u8]) -> Option<u64> {
    if surface.len() > 64 {
        return None;
    }
    let (mut bits, mut i) = (0u64, 0u32);
    for &b in surface {
        if b >= 0x80 {
            return None;
        }
        bits |= (b.is_ascii_uppercase() as u64) << i;
        i += !is_ascii_joiner(b) as u32;
    }
    Some(bits)
}

/// Appends, for every char of the folded tokens of `surface`, whether it came from a capital.
pub(super) fn surface_capitals(surface: &str, key: &mut String, upper: &mut Vec<bool>) {
    if surface.is_ascii() {
        // Folding is one char per byte in ASCII, and every byte but a joiner is in a token: the
        // flags without tokenizing again.
        upper.extend(
            surface
                .bytes()
                .filter(|&b| !is_ascii_joiner(b))
                .map(|b| b.is_ascii_uppercase()),
        );
    } else {
        surface_capitals_folded(surface, key, upper);
    }
}

/// [`surface_capitals`] the long way, for any text.
pub(super) fn surface_capitals_folded(surface: &str, key: &mut String, upper: &mut Vec<bool>) {
    for t in Tokenizer::new(surface) {
        fold_with(&surface[t.start..t.end], key, |u| upper.push(u));
    }
}

/// Whether the word at `start..end` stands between other all-capitals words, where capitals are
/// typography ("LET US BE CLEAR", "SYRIA IS working") rather than an acronym.
pub(super) fn in_capitals_run(text: &str, start: usize, end: usize) -> bool {
    let caps_word = |s: &str| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && s.chars().all(|c| !c.is_lowercase())
    };
    // Only a word right before or after, across spaces, counts.
    let head = &text[..start];
    let spaced = head.trim_end_matches(char::is_whitespace);
    let before = spaced.len() < head.len() && {
        let w_start = spaced
            .char_indices()
            .rev()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        caps_word(&spaced[w_start..])
    };
    let after = Tokenizer::at(text, end).next_token().is_some_and(|n| {
        n.kind == TokenKind::Word
            && text[end..n.start].chars().all(char::is_whitespace)
            && n.joined
            && caps_word(&text[n.start..n.end])
    });
    before || after
}
