//! The scan: one pass over a text's tokens, walking the trie only from tokens that may start a
//! name, and passing runs of plain lowercase words without tokenizing them.

use super::builder::{ascii_token_hash, TokenHash};
use super::table::*;
use super::{pair_index, Matcher, Occurrence, Scratch, LONGEST_LEN};
use crate::text::fold::fold_into;
use crate::text::tokens::ALNUM;
use crate::text::{Token, Tokenizer};

/// Fewer bytes of text per occurrence than news has (about a hundred), to size the output once.
const BYTES_PER_OCCURRENCE: usize = 64;

/// Bytes of the longest UTF-8 char: a token longer than this many bytes per byte of the longest
/// alias token folds to a longer key than any alias has...
const MAX_UTF8_LEN: usize = 4;
/// ...give or take a few marks that fold to nothing.
const FOLD_SLACK: usize = 16;

impl Matcher {
    /// The hash of the folded form of token `t`, or None when it is longer than any alias token.
    #[inline]
    pub(super) fn token_id(&self, text: &str, t: Token, key: &mut String) -> Option<u64> {
        if t.end - t.start <= self.max_key_len {
            if let Some(h) = ascii_token_hash(text.as_bytes(), t.start, t.end) {
                return Some(h);
            }
        }
        self.token_id_slow(text, t, key)
    }

    /// [`Matcher::token_id`] for any token: non-ASCII, too long, or at the very end of the text.
    #[cold]
    #[inline(never)]
    pub(super) fn token_id_slow(&self, text: &str, t: Token, key: &mut String) -> Option<u64> {
        let s = &text[t.start..t.end];
        if s.len() > MAX_UTF8_LEN * self.max_key_len + FOLD_SLACK {
            return None;
        }
        key.clear();
        if s.is_ascii() {
            // Lowercase is the fold of ASCII.
            if s.len() > self.max_key_len {
                return None;
            }
            key.push_str(s);
            key.make_ascii_lowercase();
        } else {
            fold_into(s, key);
        }
        Some(TokenHash::of(key))
    }

    /// The root transition of token `t` if a name may start there: cheap
    /// tests first, the vocabulary last.
    #[inline]
    pub(super) fn may_start(&self, text: &str, t: Token, key: &mut String) -> Option<u32> {
        let b0 = text.as_bytes()[t.start];
        let free = !(b0.is_ascii_uppercase() || b0.is_ascii_digit() || b0 >= 0x80);
        if free && !self.free_first[b0.to_ascii_lowercase() as usize] {
            return None;
        }
        let id = self.token_id(text, t, key)?;
        let first = self.root.get(id)?;
        (!free || first & FREE != 0).then_some(first)
    }

    /// Finds all occurrences in `text`, leftmost first, longest at each start, not overlapping.
    pub fn scan(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Occurrence>) {
        self.scan_with(text, scratch, out, true)
    }

    /// [`Matcher::scan`], passing runs of plain lowercase words in [`Matcher::skip_plain`] when
    /// `fast` (tests compare it with the word-by-word loop).
    #[inline]
    pub(super) fn scan_with(
        &self,
        text: &str,
        scratch: &mut Scratch,
        out: &mut Vec<Occurrence>,
        fast: bool,
    ) {
        let b = text.as_bytes();
        let n = b.len();
        // Room for the occurrences at once, rather than a vector that grows (and is copied)
        // again and again.
        if out.capacity() == 0 {
            out.reserve(n / BYTES_PER_OCCURRENCE);
        }
        let mut pos = 0;
        while pos < n {
            if fast {
                pos = self.skip_plain(b, pos);
                if pos >= n {
                    break;
                }
            }
            let mut tk = Tokenizer::at(text, pos);
            let Some(t) = tk.next_token() else { break };
            pos = t.end.max(pos + 1);
            if let Some((occ, resume)) = self.name_at(text, t, tk, scratch) {
                out.push(occ);
                pos = resume;
            }
        }
    }

    /// The name that starts at token `t` (`tk` the tokenizer past it), with the position to
    /// resume from; None when no alias starts there or none fits.
    #[inline]
    fn name_at(
        &self,
        text: &str,
        t: Token,
        tk: Tokenizer<'_>,
        scratch: &mut Scratch,
    ) -> Option<(Occurrence, usize)> {
        let b = text.as_bytes();
        let first = self.may_start(text, t, &mut scratch.key)?;
        // A token that ends no alias and goes on only with capitalized words, before a
        // lowercase word ("the" in "the ministry", "The" in "The said"): the walk of
        // `longest_at` would stop at once and find nothing. (One space and a lowercase
        // letter is a joined token that starts lowercase, whatever comes after.)
        if first & (HAS_TERMS | LOWER_KIDS) == 0
            && b.get(t.end) == Some(&b' ')
            && b.get(t.end + 1).is_some_and(u8::is_ascii_lowercase)
        {
            return None;
        }
        let found = self.longest_at(text, t, first, tk, scratch)?;
        // An alias that starts with a title ("Sheikh Tamim") must not hide a longer name that
        // starts after the title ("Tamim bin Hamad Al Thani"). Only a name longer than its
        // first token can hide one; a surface that is a role word folds to one, so the bit is
        // asked first.
        if found.0.end > t.end
            && first & ROLE != 0
            && crate::text::roles::is_role_word(&text[t.start..t.end])
        {
            return Some(self.longer_after_title(text, tk, found, scratch));
        }
        Some(found)
    }

    /// `found`, a name that starts with a title, or the name that starts at the token after the
    /// title (`after`, the tokenizer there) if that one is longer.
    fn longer_after_title(
        &self,
        text: &str,
        mut after: Tokenizer<'_>,
        found: (Occurrence, usize),
        scratch: &mut Scratch,
    ) -> (Occurrence, usize) {
        let end = found.0.end;
        let Some(n) = after.next_token().filter(|n| n.joined && n.end <= end) else {
            return found;
        };
        let id = self.token_id(text, n, &mut scratch.key);
        let Some(first) = id.and_then(|id| self.root.get(id)) else {
            return found;
        };
        match self.longest_at(text, n, first, after, scratch) {
            Some(inner) if inner.0.end > end => inner,
            _ => found,
        }
    }

    /// Where the loop of [`Matcher::scan`], started at `pos`, first does more than skip: it
    /// passes here, as it would one turn at a time, the lowercase words whose first letters and
    /// length start no alias (with the space after each) and the marks that start none. A word
    /// is read in one load of eight bytes, tested for lowercase letters only; anything else
    /// (a capital, a digit, an apostrophe or a non-ASCII byte in or after the word, the last
    /// bytes of the text) is left to the loop, so that the two agree by construction.
    #[inline]
    pub(super) fn skip_plain(&self, b: &[u8], mut pos: usize) -> usize {
        use crate::text::{ascii_in_range, HI};
        let load = |i: usize| {
            b.get(i..i + 8)
                .map(|w| u64::from_le_bytes(w.try_into().expect("8 bytes")))
        };
        while let Some(&c) = b.get(pos) {
            if !c.is_ascii_lowercase() {
                if c < 0x80 && !ALNUM[c as usize] && !self.free_first[c as usize] {
                    pos += 1;
                    continue;
                }
                return pos;
            }
            let Some(x) = load(pos) else { return pos };
            // The first byte that is not a lowercase letter ends the word if it is no letter
            // or digit, no apostrophe and ASCII.
            let other = !ascii_in_range(x, b'a', b'z') & HI;
            let (end, next) = if other != 0 {
                let len = other.trailing_zeros() / 8;
                let next = (x >> (8 * len)) as u8;
                // Most words are shorter than eight letters, end at a space and start no alias
                // by their first letter and length: passed at once.
                if next == b' ' && self.free_len[c as usize] & (1 << len) == 0 {
                    pos += len as usize + 1;
                    continue;
                }
                (pos + len as usize, next)
            } else {
                let mut end = pos + 8;
                loop {
                    let Some(y) = load(end) else { return pos };
                    let other = !ascii_in_range(y, b'a', b'z') & HI;
                    if other != 0 {
                        let k = other.trailing_zeros() / 8;
                        break (end + k as usize, (y >> (8 * k)) as u8);
                    }
                    end += 8;
                }
            };
            let len = (end - pos).min(LONGEST_LEN);
            // Most words end at a space and start no alias by their first letter and length:
            // passed with the one test, before the table of bytes that go on with a word.
            if next == b' ' && self.free_len[c as usize] & (1 << len) == 0 {
                pos = end + 1;
                continue;
            }
            if goes_on(next) {
                return pos;
            }
            let second = (len > 1).then_some((x >> 8) as u8);
            if self.free_len[c as usize] & (1 << len) != 0
                && self.free_pair[pair_index(c, second)] & (1 << len) != 0
            {
                // What `scan` decides for "the" after probing the root, known here: the
                // space is left to the loop, as `scan` leaves it.
                let the = len == 3 && x & 0xff_ffff == u64::from(u32::from_le_bytes(*b"the\0"));
                if self.the_is_plain
                    && the
                    && next == b' '
                    && b.get(end + 1).is_some_and(u8::is_ascii_lowercase)
                {
                    pos = end;
                    continue;
                }
                return pos;
            }
            pos = end + (next == b' ') as usize;
        }
        pos
    }

    /// The longest occurrence that starts at token `t` (whose root transition is `first`;
    /// `after` is the tokenizer just past it), with the position to resume scanning from.
    pub(super) fn longest_at(
        &self,
        text: &str,
        t: Token,
        first: u32,
        after: Tokenizer<'_>,
        scratch: &mut Scratch,
    ) -> Option<(Occurrence, usize)> {
        scratch.terminals.clear();
        let b = text.as_bytes();
        // The last terminal reached, kept out of `scratch.terminals` (which holds the ones
        // before it): most walks reach one.
        let mut last = None;
        let mut node;
        let mut tok = t;
        let mut look = after;
        let mut next = Some(first);
        while let Some(tagged) = next {
            node = tagged & NODE;
            if tagged & HAS_TERMS != 0 {
                if let Some(before) = last.replace((node, tok.end, look.pos())) {
                    scratch.terminals.push(before);
                }
            }
            if tagged & HAS_KIDS == 0 {
                break;
            }
            // A space and a lowercase letter start a joined lowercase word, which the test
            // below would refuse: no need to read it ("Syria said").
            let p = look.pos();
            if tagged & LOWER_KIDS == 0
                && b.get(p) == Some(&b' ')
                && b.get(p + 1).is_some_and(u8::is_ascii_lowercase)
            {
                break;
            }
            match look.next_token() {
                Some(nt) if nt.joined => tok = nt,
                _ => break,
            }
            // Every alias going on from here has a capital where this word has a lowercase
            // letter: the case check would refuse them all.
            if tagged & LOWER_KIDS == 0 && text.as_bytes()[tok.start].is_ascii_lowercase() {
                break;
            }
            let Some(id) = self.token_id(text, tok, &mut scratch.key) else {
                break;
            };
            if text.as_bytes()[tok.start].is_ascii_lowercase() && self.lower_inner.get(id).is_none()
            {
                break;
            }
            next = self.trans.get(trans_key(node, id));
        }
        while let Some((node, end, resume)) = last.take().or_else(|| scratch.terminals.pop()) {
            let (candidates, article) = self.check_case(text, t.start, end, node, scratch);
            if !candidates.is_empty() {
                let start = if article {
                    after_article(text, t)
                } else {
                    t.start
                };
                return Some((
                    Occurrence {
                        start,
                        end,
                        candidates,
                    },
                    resume,
                ));
            }
        }
        None
    }
}

/// Where a mention starts when its alias begins with a lowercase "the": the article made the
/// match ("the West"), but it is not part of the name ("The Hague", whose alias has a capital, keeps
/// it).
pub(super) fn after_article(text: &str, first: Token) -> usize {
    Tokenizer::at(text, first.end)
        .next_token()
        .map_or(first.start, |t| t.start)
}

/// Whether the byte after a run of ASCII letters may continue the word: a letter or digit, an
/// apostrophe ("don't"), or any non-ASCII byte.
#[inline]
fn goes_on(c: u8) -> bool {
    c >= 0x80 || ALNUM[c as usize] || c == b'\''
}
