//! Sentence and paragraph boundaries, tuned to news: co-mentions are counted per sentence, so a
//! boundary in the wrong place splits a delegation or joins two stories.
//!
//! The rules are those of Unicode sentence segmentation (UAX #29: a terminator, optional closing
//! quotes, then space and no lowercase letter next) plus what news text needs and UAX #29 does
//! not know: abbreviations and initials ("U.S.", "Gen.", "Jan.", "George W. Bush") do not end a
//! sentence; a heading line without final punctuation is a sentence of its own; a single line
//! break inside a sentence does not end it when the line clearly goes on (it ends with a comma or
//! "and", a quotation is still open, or the next line starts in lowercase). A blank line always
//! ends a sentence and a paragraph. The scan is one pass over the bytes, so it costs little next to
//! matching.

use super::tokens::is_ascii_space;
use super::words::WordStarts;
use super::{ascii_in_range, HI};
use crate::lexicon::ABBREVIATIONS;
use std::sync::OnceLock;

/// Sentence boundaries of one text, and where its words can start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentences {
    /// Byte offset where each sentence starts; the first is always 0.
    starts: Vec<usize>,
    /// Paragraph index of each sentence.
    paragraphs: Vec<u32>,
    /// The bytes that can start a word, which the steps that walk the sentences' capitalized
    /// words share.
    words: WordStarts,
}

impl Sentences {
    /// Number of sentences (at least 1, even for an empty text).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Index of the sentence that holds byte `pos`.
    pub fn index_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    /// Paragraph index of sentence `i`.
    pub fn paragraph(&self, i: usize) -> u32 {
        self.paragraphs[i]
    }

    /// Byte offsets where sentences start.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// Number of paragraphs.
    pub fn paragraphs(&self) -> u32 {
        self.paragraphs.last().map_or(1, |p| p + 1)
    }

    /// The bytes of the text that can start a word.
    pub(crate) fn word_starts(&self) -> &WordStarts {
        &self.words
    }
}

/// Words that cannot end a line that ends a sentence: a line ending in one goes on.
const CONTINUING_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "at",
    "between",
    "but",
    "by",
    "for",
    "from",
    "in",
    "including",
    "into",
    "nor",
    "of",
    "on",
    "or",
    "than",
    "that",
    "the",
    "to",
    "via",
    "which",
    "who",
    "whose",
    "with",
];

/// A search for any of three bytes, set up once. `memchr::memchr3` picks its vector
/// routine and fills its vectors on every call, and here a call covers some fifty bytes (a hit
/// comes at every period and line break), so that setup cost more than the search itself.
#[derive(Clone, Copy)]
enum Three {
    /// The AVX2 searcher, when the CPU has AVX2.
    #[cfg(target_arch = "x86_64")]
    Avx2(memchr::arch::x86_64::avx2::memchr::Three),
    /// Elsewhere `memchr3`, which picks the best routine at each call.
    Dispatch(u8, u8, u8),
}

impl Three {
    fn new(a: u8, b: u8, c: u8) -> Three {
        #[cfg(target_arch = "x86_64")]
        if let Some(t) = memchr::arch::x86_64::avx2::memchr::Three::new(a, b, c) {
            return Three::Avx2(t);
        }
        Three::Dispatch(a, b, c)
    }

    /// The first position in `haystack` of one of the three bytes.
    #[inline]
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        match *self {
            #[cfg(target_arch = "x86_64")]
            Three::Avx2(ref t) => t.find(haystack),
            Three::Dispatch(a, b, c) => memchr::memchr3(a, b, c, haystack),
        }
    }
}

/// Finds the bytes the splitter acts on: terminators, line breaks, quotes, and the lead byte of
/// “ ” … . They are six, so two vectorized searches for three bytes each run ahead, and each
/// keeps its next hit until the scan passes it: every byte is searched about twice, a vector at
/// a time, instead of tested one by one.
struct Interesting<'a> {
    b: &'a [u8],
    /// Searches for `.`, `!` and `?`, and for a line break, `"` and 0xE2.
    terminators: &'static Three,
    others: &'static Three,
    /// Next `.`, `!` or `?` at or after the last position asked for (or the text's length).
    terminator: usize,
    /// Next line break, `"` or 0xE2 byte, likewise.
    other: usize,
}

impl<'a> Interesting<'a> {
    fn new(b: &'a [u8]) -> Self {
        // The searchers hold six vectors each: built once per process and borrowed, not built
        // and copied around for every text.
        static SEARCHERS: OnceLock<[Three; 2]> = OnceLock::new();
        let [terminators, others] =
            SEARCHERS.get_or_init(|| [Three::new(b'.', b'!', b'?'), Three::new(b'\n', b'"', 0xE2)]);
        let mut s = Interesting {
            b,
            terminators,
            others,
            terminator: 0,
            other: 0,
        };
        s.terminator = s.find_terminator(0);
        s.other = s.find_other(0);
        s
    }

    #[inline]
    fn find_terminator(&self, from: usize) -> usize {
        self.terminators
            .find(&self.b[from..])
            .map_or(self.b.len(), |k| from + k)
    }

    #[inline]
    fn find_other(&self, from: usize) -> usize {
        self.others
            .find(&self.b[from..])
            .map_or(self.b.len(), |k| from + k)
    }

    /// The first interesting byte at or after `from` (at most the text's length). `from` must
    /// never go back: the bytes before the last one asked for are not searched again.
    #[inline]
    fn next(&mut self, from: usize) -> usize {
        if self.terminator < from {
            self.terminator = self.find_terminator(from);
        }
        if self.other < from {
            self.other = self.find_other(from);
        }
        self.terminator.min(self.other)
    }
}

/// Splits `text` into sentences.
pub fn split(text: &str) -> Sentences {
    split_with(text, true)
}

/// [`split`], taking the fast path for a period, one space and a word when `fast` (tests compare
/// it with the general branch).
#[inline(always)]
fn split_with(text: &str, fast: bool) -> Sentences {
    let b = text.as_bytes();
    let n = b.len();
    // News runs to about a hundred bytes a sentence; room for more than that is cheaper than
    // growing twice.
    let room = n / 64 + 4;
    let mut out = Sentences {
        starts: Vec::with_capacity(room),
        paragraphs: Vec::with_capacity(room),
        words: WordStarts::of(b),
    };
    out.starts.push(0);
    out.paragraphs.push(0);
    let mut interesting = Interesting::new(b);
    let mut para = 0u32;
    // Quotation marks opened in the current sentence and not closed yet.
    let mut open_quotes = 0i32;
    let mut straight_quotes = 0u32;
    let mut i = 0;
    let push = |out: &mut Sentences, at: usize, new_para: bool, para: &mut u32| {
        if new_para {
            *para += 1;
        }
        if at < n && at > *out.starts.last().unwrap() {
            out.starts.push(at);
            out.paragraphs.push(*para);
        } else if let Some(p) = out.paragraphs.last_mut() {
            // An empty sentence: move the current one into the new paragraph instead.
            if at >= n || at == *out.starts.last().unwrap() {
                *p = *para;
            }
        }
    };
    while i < n {
        // Jump over the bytes no rule looks at.
        i = interesting.next(i);
        if i >= n {
            break;
        }
        let c = b[i];
        match c {
            // The common case, a period, one space and a word: no closers to skip and no more
            // space to count.
            b'.' if fast && i + 2 < n && b[i + 1] == b' ' && !is_ascii_space(b[i + 2]) => {
                let k = i + 2;
                if !b[k].is_ascii_lowercase() && !is_abbreviation(b, i) {
                    push(&mut out, k, false, &mut para);
                    open_quotes = 0;
                    straight_quotes = 0;
                }
                i = k;
            }
            b'.' | b'!' | b'?' => {
                let (j, closed) = skip_closers(b, i);
                open_quotes = (open_quotes - closed).max(0);
                if j >= n || !is_ascii_space(b[j]) {
                    i = j.max(i + 1);
                    continue;
                }
                let (k, newlines) = skip_space(b, j);
                if k >= n {
                    break;
                }
                let single_period = c == b'.' && (i + 1 >= n || b[i + 1] != b'.');
                let breaks = newlines > 0
                    || !(b[k].is_ascii_lowercase() || (single_period && is_abbreviation(b, i)));
                if breaks {
                    push(&mut out, k, newlines > 0, &mut para);
                    open_quotes = 0;
                    straight_quotes = 0;
                }
                i = k;
            }
            b'\n' => {
                let (k, newlines) = skip_space(b, i);
                if k >= n {
                    break;
                }
                let goes_on = newlines < 2
                    && (open_quotes > 0
                        || straight_quotes % 2 == 1
                        || b[k].is_ascii_lowercase()
                        || line_goes_on(b, i));
                if !goes_on {
                    push(&mut out, k, true, &mut para);
                    open_quotes = 0;
                    straight_quotes = 0;
                }
                i = k;
            }
            b'"' => {
                straight_quotes += 1;
                i += 1;
            }
            0xE2 if i + 2 < n && b[i + 1] == 0x80 => {
                match b[i + 2] {
                    0x9C | 0x98 => open_quotes += (b[i + 2] == 0x9C) as i32, // “ (‘ is too often an apostrophe)
                    0x9D => open_quotes = (open_quotes - 1).max(0),          // ”
                    0xA6 => {
                        // An ellipsis ends a sentence like "..." does.
                        let (k, newlines) = skip_space(b, i + 3);
                        if k < n && k > i + 3 && (newlines > 0 || b[k].is_ascii_uppercase()) {
                            push(&mut out, k, newlines > 0, &mut para);
                            open_quotes = 0;
                            straight_quotes = 0;
                            i = k;
                            continue;
                        }
                    }
                    _ => {}
                }
                i += 3;
            }
            _ => i += 1,
        }
    }
    out
}

/// Skips the terminators and closing quotes and brackets from `i`; returns where they end and how
/// many curly closing quotes were passed.
fn skip_closers(b: &[u8], mut i: usize) -> (usize, i32) {
    let mut closed = 0;
    while i < b.len() {
        match b[i] {
            b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' => i += 1,
            0xE2 if i + 2 < b.len()
                && b[i + 1] == 0x80
                && matches!(b[i + 2], 0x9D | 0x99 | 0xA6) =>
            {
                closed += (b[i + 2] == 0x9D) as i32;
                i += 3;
            }
            0xC2 if i + 1 < b.len() && b[i + 1] == 0xBB => i += 2, // »
            _ => break,
        }
    }
    (i, closed)
}

/// Skips whitespace from `i`; returns where it ends and how many line breaks it held.
fn skip_space(b: &[u8], mut i: usize) -> (usize, u32) {
    let mut newlines = 0;
    while i < b.len() && is_ascii_space(b[i]) {
        newlines += (b[i] == b'\n') as u32;
        i += 1;
    }
    (i, newlines)
}

/// The word of ASCII letters (and inner periods) that ends just before byte `end`, or its last
/// `max` bytes when it is longer: callers that only look at short words need not walk back over
/// the long ones.
fn word_before(b: &[u8], end: usize, max: usize) -> &[u8] {
    let stop = end.saturating_sub(max);
    let mut s = end;
    while s > stop
        && (b[s - 1].is_ascii_alphabetic()
            || (b[s - 1] == b'.' && s > 1 && b[s - 2].is_ascii_alphabetic()))
    {
        s -= 1;
    }
    &b[s..end]
}

/// Whether the period at `dot` ends an abbreviation or an initial. A period comes every
/// sentence or so: the eight bytes before it are read as one integer and the word found in it
/// by masks, not walked back byte by byte.
fn is_abbreviation(b: &[u8], dot: usize) -> bool {
    let Some(before) = dot.checked_sub(8).map(|s| &b[s..dot]) else {
        return is_abbreviation_bytewise(b, dot);
    };
    // Big-endian: the byte just before the period is the lowest.
    let x = u64::from_be_bytes(before.try_into().expect("8 bytes"));
    let alpha = ascii_in_range(x, b'A', b'Z') | ascii_in_range(x, b'a', b'z');
    // What `word_before` takes: letters, and periods with a letter before them.
    let dots = ascii_in_range(x, b'.', b'.');
    let inside = alpha | (dots & alpha >> 8);
    // The word is the run of such bytes that ends at the period, at most seven of them.
    let len = ((!inside & HI).trailing_zeros() / 8).min(ABBREVIATION_MAX as u32 + 1) as usize;
    if len == 0 {
        return false;
    }
    let byte = |k: usize| (x >> (8 * (len - 1 - k))) as u8;
    // An initial ("W. Bush") or the last letter of a dotted abbreviation ("U.S.", "a.m.").
    if len == 1 && byte(0).is_ascii_uppercase() {
        return true;
    }
    if len >= 3 && byte(len - 2) == b'.' {
        return true;
    }
    len <= ABBREVIATION_MAX
        && ABBREVIATION_FIRSTS[len] >> (byte(0) - b'A') & 1 != 0
        // The word's bytes from the most significant down, then zeros: its `key`.
        && ABBREVIATION_KEYS.binary_search(&(x << (64 - 8 * len))).is_ok()
}

/// [`is_abbreviation`] a byte at a time, for a period less than eight bytes into the text.
fn is_abbreviation_bytewise(b: &[u8], dot: usize) -> bool {
    // One byte more than the longest abbreviation tells a longer word; its tail is enough for the
    // dotted check below.
    let w = word_before(b, dot, ABBREVIATION_MAX + 1);
    if w.is_empty() {
        return false;
    }
    if w.len() == 1 && w[0].is_ascii_uppercase() {
        return true;
    }
    if w.len() >= 3 && w[w.len() - 2] == b'.' {
        return true;
    }
    // The longest abbreviation has six bytes, and a sentence ends after most words that short:
    // a bit per length and first letter turns most of them away, and the rest take a binary
    // search of integers, not of strings.
    w.len() <= ABBREVIATION_MAX
        && ABBREVIATION_FIRSTS[w.len()] >> (w[0] - b'A') & 1 != 0
        && ABBREVIATION_KEYS.binary_search(&key(w)).is_ok()
}

/// Bytes in the longest of [`ABBREVIATIONS`].
const ABBREVIATION_MAX: usize = 6;

/// A word of at most eight bytes as one integer: its bytes from the most significant down, then
/// zeros. Words hold no zero byte, so two words have the same key only when they are equal, and
/// keys sort like the words' bytes (a prefix first).
const fn key(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        k <<= 8;
        if i < w.len() {
            k |= w[i] as u64;
        }
        i += 1;
    }
    k
}

/// For each length, a bit for the first letter (from `A`, which is below `a`) of each
/// abbreviation of that length.
const ABBREVIATION_FIRSTS: [u64; ABBREVIATION_MAX + 1] = {
    let mut firsts = [0u64; ABBREVIATION_MAX + 1];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        let a = ABBREVIATIONS[i].as_bytes();
        assert!(a[0].is_ascii_alphabetic());
        firsts[a.len()] |= 1 << (a[0] - b'A');
        i += 1;
    }
    firsts
};

/// The keys of [`ABBREVIATIONS`], in the same (sorted) order.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(ABBREVIATIONS[i].len() <= ABBREVIATION_MAX);
        keys[i] = key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

/// Whether the line that ends at the line break `nl` clearly continues on the next line.
fn line_goes_on(b: &[u8], nl: usize) -> bool {
    let mut e = nl;
    while e > 0 && matches!(b[e - 1], b' ' | b'\t' | b'\r') {
        e -= 1;
    }
    if e == 0 {
        return false;
    }
    match b[e - 1] {
        b',' | b';' | b':' | b'-' | b'(' | b'/' | b'&' => return true,
        // – and —
        0x93 | 0x94 if e >= 3 && b[e - 3] == 0xE2 && b[e - 2] == 0x80 => return true,
        _ => {}
    }
    let mut s = e;
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let w = &b[s..e];
    !w.is_empty()
        && CONTINUING_WORDS
            .iter()
            .any(|c| c.as_bytes().eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let s = split(text);
        let mut out = Vec::new();
        for (i, &st) in s.starts().iter().enumerate() {
            let end = s.starts().get(i + 1).copied().unwrap_or(text.len());
            out.push(text[st..end].trim_end());
        }
        out
    }

    macro_rules! case {
        ($name:ident, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                let want: &[&str] = &$want;
                assert_eq!(sents($text), want);
            }
        };
    }

    case!(
        plain,
        "One here. Two there! Three? Yes.",
        ["One here.", "Two there!", "Three?", "Yes."]
    );
    case!(
        abbreviations,
        "The U.S. Army and Gen. Smith met Dr. Lee on Jan. 5. Then they left.",
        [
            "The U.S. Army and Gen. Smith met Dr. Lee on Jan. 5.",
            "Then they left."
        ]
    );
    case!(
        initials,
        "George W. Bush spoke. He left.",
        ["George W. Bush spoke.", "He left."]
    );
    case!(
        lowercase_after_period,
        "It cost approx. ten dollars, e.g. the fee.",
        ["It cost approx. ten dollars, e.g. the fee."]
    );
    case!(
        quotes_close_sentences,
        "He said: “We are ready.” Then he left.",
        ["He said: “We are ready.”", "Then he left."]
    );
    case!(
        heading_line,
        "Putin and Sharaa meet\nThe two leaders met.",
        ["Putin and Sharaa meet", "The two leaders met."]
    );
    case!(
        line_break_after_and,
        "He came with A, B, and\nC to Moscow. Next.",
        ["He came with A, B, and\nC to Moscow.", "Next."]
    );
    case!(
        line_break_inside_quote,
        "“He came with A and B\nto see C,” it said.",
        ["“He came with A and B\nto see C,” it said."]
    );
    case!(
        line_break_open_quote_capital,
        "“He came with A and B\nPresident C,” it said.",
        ["“He came with A and B\nPresident C,” it said."]
    );
    case!(
        blank_line,
        "Heading\n\nBody starts here",
        ["Heading", "Body starts here"]
    );
    case!(
        decimal,
        "Growth was 3.5 percent. Next.",
        ["Growth was 3.5 percent.", "Next."]
    );
    case!(
        ellipsis,
        "He paused… Then spoke.",
        ["He paused…", "Then spoke."]
    );
    case!(empty, "", [""]);

    /// The check before integer keys: a binary search of the strings.
    fn is_abbreviation_by_strings(w: &[u8]) -> bool {
        ABBREVIATIONS
            .binary_search_by(|a| a.as_bytes().cmp(w))
            .is_ok()
    }

    #[test]
    fn abbreviation_keys_are_sorted_and_agree_with_strings() {
        assert!(ABBREVIATIONS.windows(2).all(|p| p[0] < p[1]));
        assert!(ABBREVIATION_KEYS.windows(2).all(|p| p[0] < p[1]));
        let mut words: Vec<Vec<u8>> = Vec::new();
        for a in ABBREVIATIONS {
            let a = a.as_bytes();
            words.push(a.to_vec());
            // Near misses: a prefix, one more letter, another last letter, another case.
            words.push(a[..a.len() - 1].to_vec());
            words.push([a, b"s"].concat());
            words.push([a, b"x"].concat());
            words.push([&a[..a.len() - 1], b"z"].concat());
            words.push(a.to_ascii_lowercase());
            words.push(a.to_ascii_uppercase());
            words.push([b"X", a].concat());
            words.push([a, b"abcdefgh"].concat());
        }
        for w in [
            "said", "year", "Lt.Co", "Lt.Cols", "e.g", "e.gg", "US", "approxi", "Messrsx",
        ] {
            words.push(w.as_bytes().to_vec());
        }
        for w in words.iter().filter(|w| !w.is_empty()) {
            // The word before a period, as `split` sees it.
            let text = [&b"See "[..], w, b". Then"].concat();
            let want = is_abbreviation_by_strings(w)
                || (w.len() == 1 && w[0].is_ascii_uppercase())
                || (w.len() >= 3 && w[w.len() - 2] == b'.');
            let letters = w.iter().all(|&c| c.is_ascii_alphabetic() || c == b'.');
            if letters && w[0] != b'.' {
                assert_eq!(
                    is_abbreviation(&text, 4 + w.len()),
                    want,
                    "{}",
                    String::from_utf8_lossy(w)
                );
            }
            assert_eq!(
                w.len() <= ABBREVIATION_MAX && ABBREVIATION_KEYS.binary_search(&key(w)).is_ok(),
                is_abbreviation_by_strings(w),
                "{}",
                String::from_utf8_lossy(w)
            );
        }
    }

    /// The word-at-once check gives what the byte walk gives, at every period and at every
    /// byte of texts that hold abbreviations, initials, dotted words and odd bytes.
    #[test]
    fn abbreviation_by_word_agrees_with_the_byte_walk() {
        let text = "See Gen. Lee, Lt.Col. Odeh, U.S. and e.g. Jr. vs. Messrs. Calif. Approx. \
                    a.m. W. Bush Mr. Mrs. MR. Dr.-Ing. 3.5 x.y. Zz. é. Ré. Ariz. Okla. Sens. \
                    .. . ..a. Aug.Dec. A.B.C. long.Mr. abcdefgh. Messrsx. ZMr. Lt.Co. i.e.";
        let b = text.as_bytes();
        let mut periods = 0;
        for dot in 0..=b.len() {
            assert_eq!(
                is_abbreviation(b, dot),
                is_abbreviation_bytewise(b, dot),
                "{:?}",
                String::from_utf8_lossy(&b[..dot])
            );
            periods += usize::from(dot < b.len() && b[dot] == b'.');
        }
        assert!(periods > 40);
    }

    #[test]
    fn the_fast_path_for_a_period_agrees_with_the_general_branch() {
        let text = "Gen. Lee met Dr. Smith. He said: \"No.\" Then U.S. troops left. \
                    It cost $3.5 bn. e.g. this. A. B. Jones wrote. (Really.) Yes.  Two spaces. \
                    Line.\nBreak. “Quoted.” Done... Next. i.e. lower. Mr. X. Jan. 5. end.";
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let t = &text[start..];
            assert_eq!(split_with(t, true), split_with(t, false), "{t:?}");
        }
    }

    #[test]
    fn three_finds_what_memchr3_finds() {
        let text = "Gen. Lee said: “No!” Then\n\"why?\" …done".repeat(9);
        let b = text.as_bytes();
        let fast = Three::new(b'\n', b'"', 0xE2);
        let slow = Three::Dispatch(b'\n', b'"', 0xE2);
        for from in 0..=b.len() {
            let want = memchr::memchr3(b'\n', b'"', 0xE2, &b[from..]);
            assert_eq!(fast.find(&b[from..]), want, "{from}");
            assert_eq!(slow.find(&b[from..]), want, "{from}");
        }
    }

    #[test]
    fn paragraphs_and_index() {
        let text = "Title line\nFirst para. Still first.\nSecond para.";
        let s = split(text);
        assert_eq!(s.len(), 4);
        assert_eq!(
            (0..4).map(|i| s.paragraph(i)).collect::<Vec<_>>(),
            [0, 1, 1, 2]
        );
        assert_eq!(s.index_of(0), 0);
        assert_eq!(s.index_of(text.find("Still").unwrap()), 2);
        assert_eq!(s.index_of(text.len()), 3);
    }
}
