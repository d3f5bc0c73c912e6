//! The written forms of a discovered name: its canonical form (whitespace collapsed, ALL CAPS
//! title-cased) and the slug its entity id is made of.

use super::tokens::is_apostrophe;
use crate::lexicon::{HYPHEN_PARTICLES, LOWER_IN_NAMES};
use crate::text::fold::fold_into;
use crate::text::is_acronym_word;

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
/// particles ("al-", "bin", "de", "van") kept lowercase inside, but for a one-word acronym.
pub fn canonical(raw: &str) -> String {
    let all_caps = raw.chars().any(char::is_uppercase) && !raw.chars().any(char::is_lowercase);
    let words = raw.split_whitespace();
    // One short word in capitals is an acronym ("THX", "EDS"), written as it is.
    let mut ws = raw.split_whitespace();
    let acronym = matches!((ws.next(), ws.next()), (Some(one), None) if is_acronym_word(one));
    if !all_caps || acronym {
        return words.collect::<Vec<_>>().join(" ");
    }
    words
        .enumerate()
        .map(|(i, w)| title_word(w, i == 0))
        .collect::<Vec<_>>()
        .join(" ")
}

/// URL-safe id part of a name ("new:" NOT included): the name folded as gazetteer names are
/// ([`fold_into`]: lowercase, without diacritics), every run of other characters turned into one
/// dash, trimmed. "Murhaf Abu Qasra" ->
/// "murhaf-abu-qasra".
pub fn slug(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    fold_into(name, &mut folded);
    let mut out = String::with_capacity(folded.len());
    let mut dash = false;
    for c in folded.chars() {
        if !c.is_ascii_alphanumeric() {
            dash = true;
            continue;
        }
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        out.push(c);
    }
    out
}
