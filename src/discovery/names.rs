//! The written forms of a discovered name: its canonical form (whitespace collapsed, ALL CAPS
//! title-cased) and the slug its entity id is made of.

use super::tokens::is_apostrophe;
use crate::lexicon::{HYPHEN_PARTICLES, LOWER_IN_NAMES};

/// `w` in lowercase, with the Turkish dotted capital I lowered to a plain "i".
fn lower(w: &str) -> String {
    w.chars()
        .flat_map(|c| {
            let l: Vec<char> = if c == '\u{130}' {
                vec!['i']
            } else {
                c.to_lowercase().collect()
            };
            l
        })
        .collect()
}

/// `w` with its first char in uppercase.
pub(super) fn cap_first(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// Title-cases one lowercase hyphen part, also after an "O'"-style apostrophe.
fn title_part(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    let mut seg_len = 0;
    let mut upper_next = true;
    for c in part.chars() {
        if upper_next && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper_next = false;
            seg_len += 1;
        } else if is_apostrophe(c) {
            out.push(c);
            upper_next = seg_len == 1;
            seg_len = 0;
        } else {
            out.push(c);
            seg_len += 1;
        }
    }
    out
}

/// One word of an ALL-CAPS name in title case; particles that are not `first` stay lowercase.
fn title_word(w: &str, first: bool) -> String {
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 1) {
        return w.to_string(); // U.S., W.
    }
    let lw = lower(w);
    if !first && LOWER_IN_NAMES.contains(&lw.as_str()) {
        return lw;
    }
    let parts: Vec<&str> = lw.split('-').collect();
    let mut out = String::with_capacity(w.len());
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            out.push('-');
        }
        if k == 0 && !first && parts.len() > 1 && HYPHEN_PARTICLES.contains(part) {
            out.push_str(part);
        } else {
            out.push_str(&title_part(part));
        }
    }
    out
}

/// Canonical form of a name as written: whitespace runs collapsed; ALL CAPS title-cased with
/// particles ("al-", "bin", "de", "van") kept lowercase inside.
pub fn canonical(raw: &str) -> String {
    let all_caps = raw.chars().any(char::is_uppercase) && !raw.chars().any(char::is_lowercase);
    let words = raw.split_whitespace();
    if !all_caps {
        return words.collect::<Vec<_>>().join(" ");
    }
    words
        .enumerate()
        .map(|(i, w)| title_word(w, i == 0))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ASCII letters of a lowercase accented letter.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => {
            "a"
        }
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' | 'ḍ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ế' | 'ề' | 'ệ' => {
            "e"
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' | 'ḥ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ọ' | 'ố' | 'ồ' | 'ộ' | 'ơ' => {
            "o"
        }
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ụ' | 'ư' => {
            "u"
        }
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'ẓ' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// URL-safe id part of a name ("new:" NOT included): lowercase ASCII with common diacritics
/// folded, other characters turned into single dashes, trimmed. "Murhaf Abu Qasra" ->
/// "murhaf-abu-qasra".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    let emit = |out: &mut String, s: &str, dash: &mut bool| {
        if *dash && !out.is_empty() {
            out.push('-');
        }
        *dash = false;
        out.push_str(s);
    };
    for c in name.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            let l = c.to_ascii_lowercase();
            emit(&mut out, l.encode_utf8(&mut [0u8; 4]), &mut dash);
            continue;
        }
        let l = if c == '\u{130}' {
            'i'
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        if l.is_ascii_alphanumeric() {
            emit(&mut out, l.encode_utf8(&mut [0u8; 4]), &mut dash);
            continue;
        }
        match fold(l) {
            Some(f) => emit(&mut out, f, &mut dash),
            None => dash = true,
        }
    }
    out
}
