//! Folding of text for comparison: case, diacritics and apostrophe variants are erased so that
//! "Erdoğan", "ERDOGAN" and "erdogan" share one key, while the original text keeps its offsets.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of `s` to `out`: lowercase, without diacritics, with every apostrophe
/// variant written `'`.
pub fn fold_into(s: &str, out: &mut String) {
    fold_with(s, out, |_| {});
}

/// Like [`fold_into`], and also calls `upper(true|false)` once for every char pushed, telling
/// whether the char it came from was uppercase. The matcher compares these flags between an
/// alias and a surface, so that "US" (the country) never matches "us" (the pronoun).
pub fn fold_with(s: &str, out: &mut String, mut upper: impl FnMut(bool)) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            upper(c.is_ascii_uppercase());
            continue;
        }
        if let Some(f) = latin(c) {
            for &b in &f.ascii[..usize::from(f.len)] {
                out.push(char::from(b));
                upper(f.upper);
            }
            continue;
        }
        fold_char(c, out, &mut upper);
    }
}

/// The fold of a char of [`LATIN`] whose folded form is ASCII, as [`fold_char`] gives it.
#[derive(Clone, Copy, Default)]
struct LatinFold {
    ascii: [u8; 2],
    /// How many bytes of `ascii` the fold is; [`NOT_ASCII`] when it is not ASCII, or longer.
    len: u8,
    /// Whether the char is uppercase.
    upper: bool,
}

/// [`LatinFold::len`] of a char left to [`fold_char`].
const NOT_ASCII: u8 = u8::MAX;

/// Chars from U+0080 up to this one (Latin-1 and Latin Extended-A and B, which hold most
/// accented letters of names) take their fold from a table of 2 KB, built once by
/// [`fold_char`]: its lookups in the large Unicode tables (case, decomposition) missed the
/// cache at most accented letters.
const LATIN: char = '\u{250}';

/// The table fold of `c`, when it is below [`LATIN`] and folds to ASCII.
#[inline]
fn latin(c: char) -> Option<LatinFold> {
    static TABLE: std::sync::OnceLock<Box<[LatinFold]>> = std::sync::OnceLock::new();
    if c >= LATIN {
        // The apostrophe of news, the one other char met often.
        return (c == '\u{2019}').then_some(LatinFold {
            ascii: [b'\'', 0],
            len: 1,
            upper: false,
        });
    }
    let table = TABLE.get_or_init(|| {
        (0..u32::from(LATIN))
            .map(|u| {
                let Some(c) = char::from_u32(u).filter(|c| !c.is_ascii()) else {
                    return LatinFold::default();
                };
                let mut s = String::new();
                let mut upper = false;
                fold_char(c, &mut s, &mut |u| upper = u);
                let mut f = LatinFold {
                    len: NOT_ASCII,
                    upper,
                    ..LatinFold::default()
                };
                if s.is_ascii() && s.len() <= f.ascii.len() {
                    f.ascii[..s.len()].copy_from_slice(s.as_bytes());
                    f.len = s.len() as u8;
                }
                f
            })
            .collect()
    });
    let f = table[c as usize];
    (f.len != NOT_ASCII).then_some(f)
}

/// Folds one char that is not ASCII: lowercase, [`special`] or canonically decomposed without
/// its combining marks.
fn fold_char(c: char, out: &mut String, upper: &mut impl FnMut(bool)) {
    let is_upper = c.is_uppercase();
    for l in c.to_lowercase() {
        if let Some(rep) = special(l) {
            for r in rep.chars() {
                out.push(r);
                upper(is_upper);
            }
            continue;
        }
        decompose_canonical(l, |d| {
            if !is_combining_mark(d) {
                out.push(d);
                upper(is_upper);
            }
        });
    }
}

/// Letters that canonical decomposition leaves alone but that readers treat as plain Latin
/// letters, and the apostrophe look-alikes news sites use.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'đ' | 'ð' => "d",
        'ł' => "l",
        'ı' => "i",
        'þ' => "th",
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' | '\u{2032}' => "'",
        _ => return None,
    })
}

/// Whether `c` is an apostrophe or one of its look-alikes.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' | '\u{2032}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("ERDOĞAN"), "erdogan");
        assert_eq!(fold("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Москва"), "москва");
    }

    /// The table of Latin chars folds every char as the general path does.
    #[test]
    fn latin_table_agrees_with_the_general_fold() {
        for c in (0x80..0x3000).filter_map(char::from_u32) {
            let (mut fast, mut fast_flags) = (String::new(), Vec::new());
            fold_with(c.encode_utf8(&mut [0; 4]), &mut fast, |u| {
                fast_flags.push(u)
            });
            let (mut slow, mut slow_flags) = (String::new(), Vec::new());
            fold_char(c, &mut slow, &mut |u| slow_flags.push(u));
            assert_eq!((fast, fast_flags), (slow, slow_flags), "{c:?}");
        }
        assert!(latin('é').is_some() && latin('\u{2019}').is_some());
    }

    #[test]
    fn upper_flags_follow_output_chars() {
        let mut out = String::new();
        let mut flags = Vec::new();
        fold_with("ÆbC", &mut out, |u| flags.push(u));
        assert_eq!(out, "aebc");
        assert_eq!(flags, vec![true, true, false, true]);
    }
}
