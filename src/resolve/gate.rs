//! The gate in front of discovery: which sentences it looks at. Every rule of discovery needs
//! two capitalized words side by side, one of them not covered by a gazetteer name; most
//! sentences of news have none, and the rules cost more than matching, so the gate walks each
//! sentence's words quickly and passes only those that have such a pair.

use crate::discovery::{self, Discoverer};
use crate::text::roles::is_role_word;
use crate::text::words::Walk;
use crate::text::{skip_lowercase, starts_word, Sentences};
use rustc_hash::FxHashSet;

/// Bytes of words: ASCII letters and digits, and every byte of a non-ASCII char.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i >= 0x80;
        i += 1;
    }
    t
};

/// [`WORD_BYTE`] and the apostrophe, which a capitalized word runs across ("O'Brien").
static WORD_BYTE_OR_APOSTROPHE: [bool; 256] = {
    let mut t = WORD_BYTE;
    t[b'\'' as usize] = true;
    t
};

/// Runs discovery on the sentences where it can find something. Every rule needs two capitalized
/// words side by side ("Murhaf Abu", "Mr. Haddad", "Damascus University"), one of them not
/// covered by a gazetteer name; most sentences of news have none, and the rules cost more than
/// matching, so the others are skipped ([`worth_discovering`]). Offsets are into `text`.
/// Kept out of line, so that its caller's loops stay small.
#[inline(never)]
pub(super) fn discover_in(
    d: &Discoverer,
    text: &str,
    sents: &Sentences,
    taken: &[(usize, usize)],
    local: &mut Vec<(usize, usize)>,
    out: &mut Vec<discovery::Found>,
) {
    let starts = sents.starts();
    out.clear();
    // `local`: the taken ranges of one sentence, relative to it; filled only for the sentences
    // that get past the gate, in one buffer.
    let mut t = 0;
    let mut words = sents.word_starts().walk();
    // The first byte that can start a word at or after the sentence start: the scan of one
    // sentence ends on it when it passes the end.
    let mut next = starts.first().map_or(text.len(), |&s| words.from(s));
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(text.len());
        while t < taken.len() && taken[t].1 <= s {
            t += 1;
        }
        if worth_discovering(text, s, e, &taken[t..], &mut words, &mut next) {
            next = words.from(e);
            local.clear();
            local.extend(
                taken[t..]
                    .iter()
                    .take_while(|r| r.0 < e)
                    .map(|&(a, z)| (a.max(s) - s, z.min(e) - s)),
            );
            out.extend(d.find(&text[s..e], local).into_iter().map(|mut f| {
                f.start += s;
                f.end += s;
                f
            }));
        }
    }
}

/// A word a discovery rule could make a name of: not covered by a taken range, not a title
/// word, not a stopword.
fn candidate(text: &str, start: usize, end: usize, covered: bool) -> bool {
    let w = &text[start..end];
    !covered && !is_role_word(w) && !stopwords().contains(w)
}

/// Whether the word starting at byte `i` (a char boundary) begins with a capital letter.
#[inline]
fn upper_at(text: &str, i: usize) -> bool {
    text.as_bytes()[i].is_ascii_uppercase()
        || text[i..].chars().next().is_some_and(char::is_uppercase)
}

/// Whether the sentence `text[s..e]` has two capitalized words side by side, one of them a
/// [`candidate`]: a rule of discovery could find something there. `taken` holds the taken
/// ranges from the first that ends after `s` on, sorted. `words` walks the bytes of the text that
/// can start a word ([`starts_word`]); `next` is the first such byte at or after `s`; when the
/// answer is no, it is left on the first such byte at or after `e`, where the next sentence
/// starts its walk.
///
/// The words are those of a walk over the sentence: a word starts at an ASCII capital or a byte
/// that starts a multibyte char, when no word byte comes before it, and runs over word bytes and
/// apostrophes ("O'Brien"). Two capitalized words are side by side when one to three bytes of
/// ` -.\n/:` part them. Most capitalized words are followed by a lowercase word, so each word
/// first looks past its end for the next one; only a pair asks about case, coverage and
/// stopwords. The walk for word starts may run past `e`: a sentence mostly starts with a capital,
/// so it does not go far.
#[inline]
fn worth_discovering(
    text: &str,
    s: usize,
    e: usize,
    taken: &[(usize, usize)],
    words: &mut Walk<'_>,
    next: &mut usize,
) -> bool {
    let b = text.as_bytes();
    // Whether a taken range covers `i`: the ranges that end by `i` are passed for good, as the
    // positions asked about only grow.
    let mut lt = 0;
    let mut covered = |i: usize| {
        while lt < taken.len() && taken[lt].1 <= i {
            lt += 1;
        }
        lt < taken.len() && taken[lt].0 <= i
    };
    // The start of the last word found to be no candidate, the second of a pair, which is the
    // first of the next pair when there is one.
    let mut not_candidate = None;
    let mut i = *next;
    loop {
        if i >= e {
            *next = i;
            return false;
        }
        if i != s && WORD_BYTE[b[i - 1] as usize] {
            i = words.from(i + 1);
            continue;
        }
        let j = word_end(b, i, e);
        // The next word, when only one to three gap bytes come before it.
        let mut n = j;
        while n < e && n - j < 4 && matches!(b[n], b' ' | b'-' | b'.' | b'\n' | b'/' | b':') {
            n += 1;
        }
        if n > j
            && n - j <= 3
            && n < e
            && starts_word(b[n])
            && upper_at(text, i)
            && upper_at(text, n)
        {
            if not_candidate != Some(i) && candidate(text, i, j, covered(i)) {
                return true;
            }
            let nj = word_end(b, n, e);
            if candidate(text, n, nj, covered(n)) {
                return true;
            }
            not_candidate = Some(n);
            i = n;
            continue;
        }
        i = words.from(j);
    }
}

/// The end of the word that starts at `i`: the first byte from `i + 1` on that is not a word
/// byte or an apostrophe (`end` when there is none).
#[inline(always)]
fn word_end(b: &[u8], i: usize, end: usize) -> usize {
    let mut j = skip_lowercase(b, i + 1, end);
    while j < end && WORD_BYTE_OR_APOSTROPHE[b[j] as usize] {
        j = skip_lowercase(b, j + 1, end);
    }
    j
}

/// [`crate::lexicon::STOPWORDS`] as a set: capitalized words that start no name.
fn stopwords() -> &'static FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::lexicon::STOPWORDS.iter().copied().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{next_capital_or_non_ascii, next_word_start};

    /// The gate of [`discover_in`] as it was before [`worth_discovering`]: every capitalized
    /// word of the sentence is delimited, in turn, and compared with the one before it. Kept as
    /// the reference the faster gate must agree with.
    fn worth_discovering_reference(
        text: &str,
        s: usize,
        e: usize,
        taken: &[(usize, usize)],
    ) -> bool {
        let b = text.as_bytes();
        // The previous capitalized word: (start, end, covered, candidate when known).
        let mut prev_cap: Option<(usize, usize, bool, Option<bool>)> = None;
        let mut i = s;
        let mut lt = 0;
        loop {
            i = next_capital_or_non_ascii(b, i, e);
            if i >= e {
                return false;
            }
            let c = b[i];
            let cap_start =
                (c.is_ascii_uppercase() || c >= 0xC0) && (i == s || !WORD_BYTE[b[i - 1] as usize]);
            if !cap_start {
                i += 1;
                continue;
            }
            let mut j = skip_lowercase(b, i + 1, e);
            while j < e && WORD_BYTE_OR_APOSTROPHE[b[j] as usize] {
                j = skip_lowercase(b, j + 1, e);
            }
            let upper =
                c.is_ascii_uppercase() || text[i..].chars().next().is_some_and(char::is_uppercase);
            if upper {
                while lt < taken.len() && taken[lt].1 <= i {
                    lt += 1;
                }
                let covered = lt < taken.len() && taken[lt].0 <= i;
                let mut cand = None;
                if let Some((ps, pe, pcovered, pcand)) = prev_cap {
                    let gap = &b[pe..i];
                    let adjacent = gap.len() <= 3
                        && gap
                            .iter()
                            .all(|&g| matches!(g, b' ' | b'-' | b'.' | b'\n' | b'/' | b':'));
                    if adjacent {
                        let here = candidate(text, i, j, covered);
                        if pcand.unwrap_or_else(|| candidate(text, ps, pe, pcovered)) || here {
                            return true;
                        }
                        cand = Some(here);
                    }
                }
                prev_cap = Some((i, j, covered, cand));
            }
            i = j;
        }
    }

    /// Checks [`worth_discovering`] against its reference on every sentence of `text`, with the
    /// taken ranges `taken` (sorted, disjoint), the way [`discover_in`] calls it. Returns how
    /// many sentences were worth it.
    fn check_gate(text: &str, taken: &[(usize, usize)]) -> usize {
        let sents = crate::text::split_sentences(text);
        let starts = sents.starts();
        let mut t = 0;
        let mut worth = 0;
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(text.len());
            while t < taken.len() && taken[t].1 <= s {
                t += 1;
            }
            // A fresh walk per sentence: the gate must not depend on where the walk was.
            let mut words = sents.word_starts().walk();
            let mut next = words.from(s);
            let got = worth_discovering(text, s, e, &taken[t..], &mut words, &mut next);
            if !got {
                assert_eq!(next, next_word_start(text.as_bytes(), e));
            }
            let want = worth_discovering_reference(text, s, e, &taken[t..]);
            assert_eq!(
                got,
                want,
                "sentence {:?} of {text:?}, taken {taken:?}",
                &text[s..e]
            );
            worth += usize::from(got);
        }
        worth
    }

    #[test]
    fn worth_discovering_agrees_with_its_reference() {
        let texts = [
            "Analysts said IMF Managing Director Kristalina Georgieva would stay. Then rain.",
            "J. R. Smith met Mr. X and Dr. Al-Shibani's aide O'Brien in Zürich: Ünal Çelik came.",
            "Mr. Haddad. Ms\tLee. MURHAF ABU SAID THAT. 3M Corp and 7Eleven Inc. were there.",
            "the President said. The Minister\nOf Finance -- Jean-Pierre x-Ray /Paris/ Rome:Milan",
            "“We know” said Élodie Dupont’s friend Émile; éric Martin, ÉRIC MARTIN.",
            "A B C D E. a B c D. Ab'Cd Ef x'Ab Cd McDonald Smith aBc Def 1Abc Def",
            "Damascus University and The University Of Damascus - Syrian Arab Republic",
            "Ελλάδα Αθήνα and Москва Кремль; 東京 Tokyo; ǅemal Bijedić; ßtraße Weg",
            "  Lee   Kim . Lee. Kim\n\nPark  Chan-wook -Kim :Lee  /Kim",
            "",
            "X",
            "In Washington, DC, the U.S. Senate voted.",
        ];
        for text in texts {
            check_gate(text, &[]);
            // Every word covered, then every other capitalized word.
            let words: Vec<(usize, usize)> = text
                .split_whitespace()
                .map(|w| {
                    let start = w.as_ptr() as usize - text.as_ptr() as usize;
                    (start, start + w.len())
                })
                .collect();
            check_gate(text, &words);
            let every_other: Vec<_> = words.iter().copied().step_by(2).collect();
            check_gate(text, &every_other);
            let caps: Vec<_> = words
                .iter()
                .copied()
                .filter(|&(a, _)| text[a..].starts_with(|c: char| c.is_uppercase()))
                .step_by(2)
                .collect();
            check_gate(text, &caps);
        }
    }

    #[test]
    fn worth_discovering_agrees_with_its_reference_on_random_text() {
        // Pieces that make the cases of the gate: capitals, gaps of each kind and length,
        // apostrophes, digits, non-ASCII capitals and lowercase, titles and stopwords.
        const PIECES: &[&str] = &[
            "Smith",
            "Lee",
            "the",
            "said",
            "Mr.",
            "Dr",
            "President",
            "The",
            "Of",
            "and",
            "IMF",
            "O'Brien",
            "x'Ab",
            "Ab'",
            "'",
            "McDonald",
            "aBc",
            "3M",
            "1990",
            "Ünal",
            "éric",
            "Çelik",
            "Ελλάδα",
            "東京",
            "’s",
            "“We",
            "”",
            " ",
            " ",
            " ",
            "  ",
            "   ",
            "    ",
            "-",
            "--",
            ".",
            ". ",
            ".\n",
            "\n",
            "/",
            ":",
            ", ",
            ";",
            "(",
            ")",
            "\t",
            "J.",
            "R.",
            "X",
            "A",
            "é",
            "Jean-Pierre",
            "U.S.",
            "a",
            "Z",
            "ß",
            "ǅ",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut worth = 0;
        for _ in 0..3000 {
            let len = 1 + next() % 60;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            // Random disjoint ranges on char boundaries, some inside words.
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut taken = Vec::new();
            let mut at = 0;
            while at + 1 < bounds.len() {
                let a = at + (next() % 12) as usize;
                let z = a + 1 + (next() % 10) as usize;
                if z >= bounds.len() {
                    break;
                }
                taken.push((bounds[a], bounds[z]));
                at = z;
            }
            if next() % 3 == 0 {
                taken.clear();
            }
            worth += check_gate(&text, &taken);
        }
        // The texts must reach both answers, or the test proves little.
        assert!(worth > 500, "{worth}");
    }
}
