//! Text: folding for comparison, tokens for matching, sentences for co-mentions, and the
//! conversion of byte offsets into the code point offsets users see.

pub(crate) mod ends;
pub mod fold;
pub mod roles;
pub mod sentences;
pub mod tokens;
pub(crate) mod words;

pub use sentences::{split as split_sentences, Sentences};
/// The name [`TokenKind`] had, for the stages that still use it.
pub use tokens::{Token, TokenKind, Tokenizer};

/// The char that starts at byte `i` of `text` (a char boundary), if any; ASCII needs no
/// decoding.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&c) if c < 0x80 => Some(char::from(c)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Converts sorted byte offsets of `text` into code point offsets, in one pass.
///
/// `offsets` must be char boundaries, in ascending order; the result has the same length.
///
/// A char offset is the byte offset less the continuation bytes before it. News is mostly ASCII,
/// so the scan keeps where the next non-ASCII byte is: an offset before it takes a subtraction,
/// and only an offset past it counts the bytes it passed and looks for the next such byte. Every
/// byte up to the last offset is looked at about once, however many offsets there are.
pub fn char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    debug_assert!(
        offsets.windows(2).all(|w| w[0] <= w[1]),
        "offsets must be sorted"
    );
    let b = &text.as_bytes()[..offsets.last().copied().unwrap_or(0)];
    let mut out = Vec::with_capacity(offsets.len());
    // Continuation bytes before `ascii`, the first non-ASCII byte not counted yet.
    let (mut cont, mut ascii) = (0, ascii_prefix(b));
    for &o in offsets {
        if o > ascii {
            cont += (o - ascii) - count_chars(&b[ascii..o]);
            ascii = o + ascii_prefix(&b[o..]);
        }
        out.push(o - cont);
    }
    out
}

/// Length of the ASCII start of `b`: 32 bytes are tested per step, by one OR of four words.
fn ascii_prefix(b: &[u8]) -> usize {
    let mut i = 0;
    for q in b.chunks_exact(32) {
        let (a, c) = (word(q, 0) | word(q, 1), word(q, 2) | word(q, 3));
        if (a | c) & HI != 0 {
            break;
        }
        i += 32;
    }
    find_byte(b, i, b.len(), |x| x & HI, |c| !c.is_ascii())
}

/// Word `k` of the (at least `8 * k + 8` bytes of) `b`.
#[inline]
fn word(b: &[u8], k: usize) -> u64 {
    u64::from_ne_bytes(b[8 * k..8 * k + 8].try_into().expect("8 bytes"))
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

/// The first byte in `b[i..end]` that is not an ASCII lowercase letter (`end` when there is
/// none): the rest of a word is mostly lowercase letters, passed over eight at a time.
#[inline]
pub(crate) fn skip_lowercase(b: &[u8], i: usize, end: usize) -> usize {
    // Anything but a lowercase letter; a non-ASCII byte is no letter.
    find_byte(
        b,
        i,
        end,
        |x| !ascii_in_range(x, b'a', b'z'),
        |c| !c.is_ascii_lowercase(),
    )
}

/// The first byte in `b[i..end]` that is an ASCII capital or not ASCII (`end` when there is
/// none). Only such a byte can start a capitalized word, and most bytes of news are lowercase
/// letters and spaces, so they are passed over eight at a time. Only tests use it, in the
/// reference of the gate of discovery.
#[cfg(test)]
pub(crate) fn next_capital_or_non_ascii(b: &[u8], i: usize, end: usize) -> usize {
    // Capitals, and non-ASCII bytes by their own bit 7.
    find_byte(
        b,
        i,
        end,
        |x| ascii_in_range(x, b'A', b'Z') | (x & HI),
        |c| c.is_ascii_uppercase() || c >= 0x80,
    )
}

/// How many letters a word in capitals may have and still be read as an acronym ("OSU",
/// "THX"), not as a word written in capitals.
pub(crate) const ACRONYM_LETTERS: usize = 4;

/// Whether `w` is one word of 2 to [`ACRONYM_LETTERS`] capital letters ("OSU", "ÖBB"): an
/// acronym.
pub(crate) fn is_acronym_word(w: &str) -> bool {
    let mut letters = 0;
    w.len() <= 4 * ACRONYM_LETTERS
        && w.chars().all(|c| {
            letters += 1;
            c.is_uppercase()
        })
        && (2..=ACRONYM_LETTERS).contains(&letters)
}

/// Bytes a word can start at: an ASCII capital, or the first byte of a multibyte char.
#[inline(always)]
pub(crate) fn starts_word(c: u8) -> bool {
    c.wrapping_sub(b'A') < 26 || c >= 0xC0
}

/// The first position in `b[i..]` that can start a word ([`starts_word`]; `b.len()` when there
/// is none), byte by byte: the reference that a walk of [`words::WordStarts`] is compared with.
#[cfg(test)]
pub(crate) fn next_word_start(b: &[u8], i: usize) -> usize {
    (i..b.len())
        .find(|&k| starts_word(b[k]))
        .unwrap_or(b.len().max(i))
}

/// Number of chars in a UTF-8 byte slice: the bytes that do not continue a char. Every mention
/// pays for the text before it, so the continuation bytes (`0b10xx_xxxx`) are counted eight at a
/// time, in eight byte-wide counters that are added up before any can overflow; and since news is
/// mostly ASCII, 32 bytes without a non-ASCII byte are passed over with one test.
fn count_chars(b: &[u8]) -> usize {
    /// Bit 0 of each byte: its bit 7 set and bit 6 clear.
    fn continuing(x: u64) -> u64 {
        ((x & !(x << 1)) >> 7) & LO
    }
    /// The sum of the eight byte counters.
    fn sum(counts: u64) -> usize {
        const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
        // Pairs of bytes into 16-bit lanes, then the multiply sums the lanes into the top one.
        let pairs = (counts & EVEN) + ((counts >> 8) & EVEN);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    }
    let (quads, rest) = b.split_at(b.len() / 32 * 32);
    let mut cont = 0;
    // A step adds at most 4 to a counter: 63 steps stay below 256.
    for block in quads.chunks(63 * 32) {
        let mut counts = 0u64;
        for q in block.chunks_exact(32) {
            let (w0, w1, w2, w3) = (word(q, 0), word(q, 1), word(q, 2), word(q, 3));
            if (w0 | w1 | w2 | w3) & HI != 0 {
                counts += continuing(w0) + continuing(w1) + continuing(w2) + continuing(w3);
            }
        }
        cont += sum(counts);
    }
    let (words, rest) = rest.split_at(rest.len() / 8 * 8);
    cont += sum(words.chunks_exact(8).map(|w| continuing(word(w, 0))).sum());
    cont += rest.iter().filter(|&&x| (x as i8) < -0x40).count();
    b.len() - cont
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_runs_end_at_the_first_other_byte_in_any_lane() {
        for stop in [b'A', b'Z', b'0', b' ', b'\'', b'{', b'`', 0xC3, 0x80] {
            for at in 0..20 {
                let mut b = vec![b'q'; 20];
                b[at] = stop;
                for start in 0..=at {
                    assert_eq!(skip_lowercase(&b, start, b.len()), at, "{stop} at {at}");
                    assert_eq!(skip_lowercase(&b, start, at), at);
                }
            }
        }
        assert_eq!(skip_lowercase(b"abcdefghijklmnopqrstuvwxyz", 0, 26), 26);
    }

    #[test]
    fn capitals_and_non_ascii_bytes_are_found_in_any_lane() {
        let text =
            "the talks in geneva ended; then Ms Haddad met Erdoğan’s aide, and “nobody” spoke.";
        let b = text.as_bytes();
        for start in 0..b.len() {
            let expected = (start..b.len())
                .find(|&i| b[i].is_ascii_uppercase() || b[i] >= 0x80)
                .unwrap_or(b.len());
            assert_eq!(
                next_capital_or_non_ascii(b, start, b.len()),
                expected,
                "from {start}"
            );
        }
        // Every byte value, at every position of an eight-byte lane.
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut b = [b'x'; 8];
                b[at] = v;
                let hit = v.is_ascii_uppercase() || v >= 0x80;
                let expected = if hit { at } else { 8 };
                assert_eq!(
                    next_capital_or_non_ascii(&b, 0, 8),
                    expected,
                    "{v:#x} at {at}"
                );
            }
        }
    }

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
        for len in [
            0,
            7,
            8,
            31,
            32,
            33,
            2015,
            2016,
            2017,
            2039,
            2040,
            2041,
            2048,
            4080,
            4100,
            t.len(),
        ] {
            let end = (len..=t.len()).find(|&e| t.is_char_boundary(e)).unwrap();
            assert_eq!(count_chars(&t.as_bytes()[..end]), t[..end].chars().count());
        }
        // Continuation bytes everywhere: no byte counter may overflow.
        for t in ["東".repeat(3000), "👍".repeat(3000), "\u{80}".repeat(5000)] {
            assert_eq!(count_chars(t.as_bytes()), t.chars().count());
        }
    }

    #[test]
    fn char_offsets_agree_with_chars_on_ascii_mixed_and_non_ascii_texts() {
        let ascii = "Putin met Erdogan in Ankara and Zurich. ".repeat(30);
        let late = format!("{ascii}Erdoğan, “Zürich” ’s {ascii}");
        let early = format!("é{ascii}");
        let cjk = "東京と大阪で会った。".repeat(20);
        for t in [&ascii[..], &late, &early, &cjk, "", "é", "a"] {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&o| t.is_char_boundary(o)).collect();
            let want: Vec<usize> = bounds.iter().map(|&o| t[..o].chars().count()).collect();
            assert_eq!(char_offsets(t, &bounds), want);
            // Sparse offsets, with repeats, as mentions give.
            for step in [3, 7, 33, 100] {
                let some: Vec<usize> = bounds.iter().step_by(step).flat_map(|&o| [o, o]).collect();
                let want: Vec<usize> = some.iter().map(|&o| t[..o].chars().count()).collect();
                assert_eq!(char_offsets(t, &some), want, "step {step}");
            }
            assert_eq!(
                ascii_prefix(t.as_bytes()),
                t.find(|c: char| !c.is_ascii()).unwrap_or(t.len())
            );
        }
        assert!(char_offsets("abc", &[]).is_empty());
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
