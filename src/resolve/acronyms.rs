//! Acronyms defined in the text: after "Hayat Tahrir al-Sham (HTS)" or "HTS (Hayat Tahrir
//! al-Sham)", every "HTS" of the field names the same entity, be it from the gazetteer or
//! discovered.

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

/// Acronyms defined next to a mention: `NAME (ACR)`, or `ACR (NAME)`.
fn acronym_definitions(text: &str, res: &[Resolved]) -> Vec<(String, EntityRef)> {
    let mut defs = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for r in res {
        let name = &text[r.start..r.end];
        let acr = acronym_after(text, r.end).or_else(|| acronym_before(text, r.start, r.end));
        if let Some(acr) = acr {
            if initial_matches(acr, name) && seen.insert(acr) {
                defs.push((acr.to_string(), r.entity));
            }
        }
    }
    defs
}

/// The acronym in parentheses right after a name that ends at `end`: "Example Trust (ET)".
fn acronym_after(text: &str, end: usize) -> Option<&str> {
    let inner = text[end..]
        .trim_start_matches([' ', '\u{a0}'])
        .strip_prefix('(')?;
    let head = &inner.as_bytes()[..inner.len().min(MAX_ACRONYM_BYTES)];
    let close = memchr::memchr(b')', head)?;
    let acr = inner[..close].trim();
    is_acronym(acr).then_some(acr)
}

/// The acronym right before a name in parentheses at `start..end`: "ET (Example Trust)".
fn acronym_before(text: &str, start: usize, end: usize) -> Option<&str> {
    if !text[end..].starts_with(')') {
        return None;
    }
    let before = text[..start]
        .strip_suffix('(')?
        .trim_end_matches([' ', '\u{a0}']);
    let from = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | '"' | '\u{201c}'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let acr = &before[from..];
    is_acronym(acr).then_some(acr)
}

/// Whether `acr` is written as an acronym: capitals, digits, '-' and '&', or capitals with a
/// few lowercase letters among them ("ACPeds", "DfES"), never more lowercase than capitals.
fn is_acronym(acr: &str) -> bool {
    let upper = acr.chars().filter(|c| c.is_uppercase()).count();
    let lower = acr.chars().filter(|c| c.is_lowercase()).count();
    ACRONYM_CHARS.contains(&acr.chars().count())
        && upper >= 2
        && lower <= upper
        && acr.chars().next().is_some_and(char::is_uppercase)
        && acr
            .chars()
            .all(|c| c.is_alphabetic() || c.is_ascii_digit() || c == '-' || c == '&')
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
        if let Some(r) = res.get_mut(i).filter(|r| r.start < t.end) {
            // Discovery made an organisation of the acronym alone ("a CRE spokesman"): the
            // name it stands for is known.
            if r.kind == MatchKind::Discovered && (r.start, r.end) == (t.start, t.end) {
                r.entity = *e;
                r.kind = MatchKind::Acronym;
            }
            continue;
        }
        added.push(Resolved::new(t.start, t.end, *e, MatchKind::Acronym));
    }
    if !added.is_empty() {
        res.extend(added);
        res.sort_by_key(|r| r.start);
    }
}

#[cfg(test)]
mod tests {
    use super::is_acronym;
    use crate::resolve::test_util::mentions;

    const ROWS: &str = "Q1\tNational Union of Teachers\tgroup\t\n";

    #[test]
    fn an_acronym_before_its_name_in_parentheses_names_it() {
        let got = mentions(
            ROWS,
            "The NUT (National Union of Teachers) voted. Later the NUT said no.",
        );
        let nut: Vec<_> = got.iter().filter(|(t, _)| t == "NUT").collect();
        assert_eq!(nut.len(), 2, "{got:?}");
        assert!(nut.iter().all(|(_, n)| n == "National Union of Teachers"));
    }

    #[test]
    fn an_acronym_discovery_found_alone_names_what_it_stands_for() {
        let got = mentions(
            "Q2\tQuorvik Teachers Union\tgroup\t\n",
            "The Quorvik Teachers Union (QTU) voted. A QTU spokesman said no.",
        );
        let qtu: Vec<_> = got.iter().filter(|(t, _)| t == "QTU").collect();
        assert_eq!(qtu.len(), 2, "{got:?}");
        assert!(qtu.iter().all(|(_, n)| n == "Quorvik Teachers Union"));
    }

    #[test]
    fn a_word_before_a_name_in_parentheses_is_no_acronym() {
        let got = mentions(
            ROWS,
            "Teachers (National Union of Teachers) voted. Later Teachers said no. \
             The FUT (National Union of Teachers) met; FUT left.",
        );
        assert!(
            got.iter().all(|(t, _)| t != "Teachers" && t != "FUT"),
            "{got:?}"
        );
    }

    #[test]
    fn acronyms_may_hold_a_few_lowercase_letters() {
        assert!(is_acronym("ACPeds"));
        assert!(is_acronym("DfES"));
        assert!(is_acronym("ECOWAS-AES"));
        assert!(!is_acronym("Reuters"));
        assert!(!is_acronym("McDonalds"));
        assert!(!is_acronym("UNICEFFUNDS"));
        assert!(!is_acronym("dfES"));
    }
}
