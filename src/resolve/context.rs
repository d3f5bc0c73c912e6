//! Reading the words around a place in a text: the word before or after a mention, the words
//! of a name. The rules of resolution ask these of every mention, so the common ASCII case is
//! read byte by byte without decoding chars.

use crate::text::Sentences;

/// Whether `w` starts with a capital letter.
pub(super) fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The word right before byte `pos`, across spaces only (not punctuation).
pub(super) fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let mut end = pos;
    while end > 0 && matches!(b[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    // No space before `pos`: no word (a line break before it leaves an empty word too).
    if end == pos {
        return None;
    }
    // A dotted abbreviation ("Gen.") is a word with its dot.
    let core = if end > 0 && b[end - 1] == b'.' {
        end - 1
    } else {
        end
    };
    // Most words are ASCII: their start is found without decoding chars.
    let mut start = core;
    while start > 0 {
        match b[start - 1] {
            c if c.is_ascii_alphanumeric() || c == b'-' || c == b'\'' => start -= 1,
            c if c < 0x80 => break,
            _ => return word_before_chars(text, core, end),
        }
    }
    (start < end).then(|| (start, &text[start..end]))
}

/// [`word_before`] when the word may hold a char that is not ASCII: `text[..end]` is the text
/// up to the word's end, `text[..core]` the same without a final dot.
#[cold]
fn word_before_chars(text: &str, core: usize, end: usize) -> Option<(usize, &str)> {
    let start = text[..core]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < end).then(|| (start, &text[start..end]))
}

/// The word right after byte `pos`, across spaces only.
pub(super) fn word_after(text: &str, pos: usize) -> Option<&str> {
    let tail = &text[pos..];
    let trimmed = tail.trim_start_matches([' ', '\t']);
    if trimmed.len() == tail.len() {
        return None;
    }
    let end = trimmed
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(trimmed.len(), |(i, _)| i);
    let w = &trimmed[..end];
    (!w.is_empty()).then_some(w)
}

/// Whether nothing but punctuation and spaces comes before byte `pos` in its sentence.
pub(super) fn sentence_initial(text: &str, sents: &Sentences, pos: usize) -> bool {
    let s = sents.starts()[sents.index_of(pos)];
    !text[s..pos].chars().any(char::is_alphanumeric)
}

/// The words of `s` between whitespace, as `split_whitespace` gives them, without decoding
/// ASCII.
pub(super) fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

/// The iterator of [`words`].
pub(super) struct Words<'a> {
    s: &'a str,
    pos: usize,
}

/// The length of the whitespace char at byte `i` of `s` (a char boundary), 0 when it is none.
#[inline(always)]
fn space_at(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b'\t'..=b'\r' | b' ' => 1,
        c if c < 0x80 => 0,
        _ => match s[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
    }
}

impl<'a> Words<'a> {
    /// What is left of the text after the words given so far.
    pub(super) fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let (s, b) = (self.s, self.s.as_bytes());
        let n = b.len();
        let mut i = self.pos;
        while i < n {
            match space_at(s, i) {
                0 => break,
                l => i += l,
            }
        }
        if i >= n {
            self.pos = n;
            return None;
        }
        let start = i;
        loop {
            // One table probe per ASCII byte of the word; only a space or a non-ASCII byte stops.
            while i < n && !SPACE_OR_NON_ASCII[b[i] as usize] {
                i += 1;
            }
            if i >= n || b[i] < 0x80 || space_at(s, i) != 0 {
                break;
            }
            // Step over the whole char.
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
        self.pos = i;
        Some(&s[start..i])
    }
}

/// ASCII whitespace (as `char::is_whitespace` has it) and every non-ASCII byte: where
/// [`Words`] must look closer.
static SPACE_OR_NON_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(i as u8, b'\t'..=b'\r' | b' ') || i >= 0x80;
        i += 1;
    }
    t
};

/// The last word of `s` between whitespace, as `split_whitespace().next_back()` gives it,
/// without decoding ASCII.
pub(super) fn last_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    // The char ending at byte `i` (a char boundary past 0): its length and whether it is a space.
    let before = |i: usize| match b[i - 1] {
        b'\t'..=b'\r' | b' ' => (1, true),
        c if c < 0x80 => (1, false),
        _ => s[..i]
            .chars()
            .next_back()
            .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace())),
    };
    let mut end = b.len();
    while end > 0 {
        match before(end) {
            (l, true) => end -= l,
            _ => break,
        }
    }
    if end == 0 {
        return None;
    }
    let mut start = end;
    while start > 0 {
        match before(start) {
            (l, false) => start -= l,
            _ => break,
        }
    }
    Some(&s[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_last_word_are_split_whitespace() {
        for s in [
            "",
            " ",
            "Lee",
            "Lee Jae-myung",
            "Kim  Jong\u{a0}un ",
            "Zoë Ångström\u{2003}",
            "\u{3000}",
            "a\tb\n",
        ] {
            assert_eq!(last_word(s), s.split_whitespace().next_back(), "{s:?}");
            assert!(words(s).eq(s.split_whitespace()), "{s:?}");
        }
    }

    /// [`word_before`] as it was written before its ASCII fast path.
    fn word_before_reference(text: &str, pos: usize) -> Option<(usize, &str)> {
        let head = &text[..pos];
        let trimmed = head.trim_end_matches([' ', '\t']);
        if trimmed.len() == head.len() && pos > 0 && !head.ends_with('\n') {
            return None;
        }
        let core = trimmed.strip_suffix('.').unwrap_or(trimmed);
        let start = core
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &trimmed[start..];
        (!w.is_empty()).then_some((start, w))
    }

    #[test]
    fn word_before_agrees_with_its_char_by_char_reference() {
        let texts = [
            "met Gen. Oleksandr Syrskyi",
            "said  Secretary of State Marco Rubio",
            "Erdoğan’s aide, Ms\tHaddad and Dr. Al-Shibani's O'Brien",
            "a\n Lee  \n\nKim  Jae-myung. Ünal Çelik x-ray 3.5 ..  ",
            " . x. .  Élodie café’ naïve  ",
            "",
            "   ",
        ];
        for text in texts {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                assert_eq!(
                    word_before(text, pos),
                    word_before_reference(text, pos),
                    "{text:?} at {pos}"
                );
            }
        }
    }
}
