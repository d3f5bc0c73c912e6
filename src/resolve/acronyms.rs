//! Acronyms defined in the text: after "Hayat Tahrir al-Sham (HTS)", every "HTS" of the field
//! names the same entity, be it from the gazetteer or discovered.

use super::{FieldScan, Resolved};
use crate::model::{EntityRef, MatchKind};
use crate::text::fold::fold_into;
use crate::text::{TokenKind, Tokenizer};
use rustc_hash::{FxHashMap, FxHashSet};

/// Adds to each field of `out` the uses of the acronyms its mentions define.
pub(super) fn add(fields: &[FieldScan<'_>], out: &mut [Vec<Resolved>]) {
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        let defs = acronym_definitions(field.text, res);
        if !defs.is_empty() {
            add_acronyms(field.text, &defs, res);
        }
    }
}

/// How many chars an acronym has: two letters at least ("UN"), ten at most ("ECOWAS-AES").
const ACRONYM_CHARS: std::ops::RangeInclusive<usize> = 2..=10;

/// How far after `NAME (` the closing parenthesis of an acronym may be, in bytes: an acronym
/// is short, so a long document with no closing parenthesis costs nothing.
const MAX_ACRONYM_BYTES: usize = 64;

/// Acronyms defined right after a mention: `NAME (ACR)`.
fn acronym_definitions(text: &str, res: &[Resolved]) -> Vec<(String, EntityRef)> {
    let mut defs = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for r in res {
        let rest = &text[r.end..];
        let Some(inner) = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix('(') else {
            continue;
        };
        let head = &inner.as_bytes()[..inner.len().min(MAX_ACRONYM_BYTES)];
        let Some(close) = memchr::memchr(b')', head) else {
            continue;
        };
        let acr = inner[..close].trim();
        let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
        if ACRONYM_CHARS.contains(&acr.chars().count())
            && letters >= 2
            && acr
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&')
            && initial_matches(acr, &text[r.start..r.end])
            && seen.insert(acr)
        {
            defs.push((acr.to_string(), r.entity));
        }
    }
    defs
}

/// Whether an acronym starts with the name's initial (English acronyms do; "Côte d'Ivoire
/// (PDCI)" is the end of a longer, unmatched name and defines nothing).
fn initial_matches(acr: &str, name: &str) -> bool {
    let first = |s: &str| {
        s.chars().find(|c| c.is_alphanumeric()).map(|c| {
            let mut folded = String::new();
            fold_into(c.encode_utf8(&mut [0; 4]), &mut folded);
            folded
        })
    };
    first(acr).is_some() && first(acr) == first(name)
}

/// Adds a mention for every whole-word use of a defined acronym not already covered.
fn add_acronyms(text: &str, defs: &[(String, EntityRef)], res: &mut Vec<Resolved>) {
    let mut added = Vec::new();
    let defs: FxHashMap<&str, EntityRef> = defs.iter().map(|(a, e)| (a.as_str(), *e)).collect();
    for t in Tokenizer::new(text) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = &text[t.start..t.end];
        let Some(e) = defs.get(w) else {
            continue;
        };
        let i = res.partition_point(|r| r.end <= t.start);
        if res.get(i).is_some_and(|r| r.start < t.end) {
            continue;
        }
        added.push(Resolved::new(t.start, t.end, *e, MatchKind::Acronym));
    }
    if !added.is_empty() {
        res.extend(added);
        res.sort_by_key(|r| r.start);
    }
}
