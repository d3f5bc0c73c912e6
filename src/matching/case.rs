//! The case check of a match: every letter that is a capital in the alias must be a capital in
//! the text, and an acronym does not match inside a run of capitals.

use super::{Candidate, Candidates, Matcher, Scratch, Variant, ACRONYM, ARTICLE, LAST, LONG_CAPS};
use crate::text::fold::fold_with;
use crate::text::tokens::{is_ascii_joiner, is_word_char};
use crate::text::{is_acronym_word, TokenKind, Tokenizer};

impl Matcher {
    /// The variants at `node` whose capitals the surface
    /// `text[start..end]` has.
    pub(super) fn check_case(
        &self,
        text: &str,
        start: usize,
        end: usize,
        node: u32,
        scratch: &mut Scratch,
    ) -> (Candidates, bool) {
        let surface = &text[start..end];
        let bits = ascii_capital_bits(text.as_bytes(), start, end);
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
        let out = &mut scratch.candidates;
        out.clear();
        let mut article = false;
        let mut in_caps_run = None;
        let mut name_goes_on = None;
        let mut more = true;
        let at_node = self.variants[node as usize..]
            .iter()
            .take_while(|v| std::mem::replace(&mut more, v.flags & LAST == 0));
        let short_caps = is_acronym_word(surface);
        for v in at_node {
            if !has_caps(v) {
                continue;
            }
            // An alias in capitals does not match inside a run of capitals; an alias written
            // as a word ("Aru", "Osu") does not match a short word in capitals ("ARU", "OSU":
            // an acronym) unless the words around it are in capitals too (a headline).
            let word_alias = v.flags & LONG_CAPS == 0 && v.caps == 1;
            if v.flags & ACRONYM != 0 || short_caps && word_alias {
                let run = *in_caps_run.get_or_insert_with(|| in_capitals_run(text, start, end));
                if run == (v.flags & ACRONYM != 0) {
                    continue;
                }
            }
            // An alias that opens with a lowercase "the" is a whole noun phrase ("the West",
            // "the South"): a capitalized word joined after it makes "the" the article of a
            // longer name ("the South African government", "the West Midlands"). An acronym
            // stays an adjective ("the US Senate", "the UK charts").
            if v.flags & ARTICLE != 0
                && *name_goes_on.get_or_insert_with(|| {
                    goes_on_as_name(text, end)
                        && !surface.rsplit(' ').next().is_some_and(is_acronym_word)
                })
            {
                continue;
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

/// Whether a capitalized word follows `text[..end]` in the same name: after one space or a
/// hyphen ("South African", "South-East"), or after " of " ("the Gulf of Mexico", "the South
/// of France").
fn goes_on_as_name(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let next = match rest.strip_prefix(" of ") {
        Some(name) => name.chars().next(),
        None => rest.strip_prefix([' ', '-']).and_then(|r| r.chars().next()),
    };
    next.is_some_and(char::is_uppercase)
}

/// [`surface_capitals`] as bits (bit `i` for folded char `i`) for the surface `b[start..end]`
/// when it is ASCII and at most 64 bytes, as nearly every name is: no vector to fill. None for
/// any other surface. In ASCII every byte folds to one char but a joiner, which folds to none.
pub(super) fn ascii_capital_bits(b: &[u8], start: usize, end: usize) -> Option<u64> {
    let surface = &b[start..end];
    if surface.len() > 64 {
        return None;
    }
    let (mut bits, mut i) = (0u64, 0u32);
    for &c in surface {
        if c >= 0x80 {
            return None;
        }
        bits |= u64::from(c.is_ascii_uppercase()) << i;
        i += u32::from(!is_ascii_joiner(c));
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
