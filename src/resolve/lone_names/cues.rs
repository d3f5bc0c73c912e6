//! The context that says a capitalized word in no list names a person: a title or role noun
//! before it ("President Ford", "lawyer Kumar"), a verb of speech or a verb only people do
//! ("said Kumar", "Kumar nodded"), an academic citation ("Schmidt (2005) showed", "(Porte,
//! 2012)", "Carrano and Biewener (2009)", "Klingberg et al."), an age or a relative clause
//! ("Morris, 45, said", "Morris, who"), a relative after a possessive ("Morris's wife").
//!
//! Every word standing alone is asked, so each cue first reads a byte or two after or before
//! the word, and looks a word up in a set only when those bytes allow it.

use super::word_end;
use crate::lexicon::{
    ATTRIBUTION_NOUNS, CITATION_VERBS, KIN_NOUNS, PERSON_VERBS, SAY_AFTER_NAME, SAY_BEFORE_NAME,
};
use crate::resolve::context::{word_after, word_before};
use crate::resolve::titled::is_title_head;
use crate::text::roles::is_role_word;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Most names a citation lists before its year ("Boot, Kramer, Simons, Fabiani, & Gratton,
/// 2008"): a longer run of capitalized words between commas is a list of places or things.
const MAX_CITED_AUTHORS: usize = 6;

/// The words the cues look up, as sets, with the first letters of the verbs after a name.
struct Sets {
    /// Verbs right after a name: of speech, and of people only.
    verbs_after: FxHashSet<&'static str>,
    /// The first bytes of `verbs_after`.
    verb_starts: [bool; 128],
    /// Verbs only people do, right after a name.
    person_verbs: FxHashSet<&'static str>,
    /// Verbs of speech and role nouns right before a name.
    before: FxHashSet<&'static str>,
    /// Verbs of research after a cited author and year.
    research: FxHashSet<&'static str>,
    /// Nouns after a possessive that make its owner a person.
    kin: FxHashSet<&'static str>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let verbs_after: FxHashSet<&str> =
            SAY_AFTER_NAME.iter().chain(PERSON_VERBS).copied().collect();
        let mut verb_starts = [false; 128];
        for v in &verbs_after {
            verb_starts[usize::from(v.as_bytes()[0] & 0x7f)] = true;
        }
        Sets {
            verbs_after,
            verb_starts,
            person_verbs: PERSON_VERBS.iter().copied().collect(),
            before: SAY_BEFORE_NAME
                .iter()
                .chain(ATTRIBUTION_NOUNS)
                .copied()
                .collect(),
            research: CITATION_VERBS.iter().copied().collect(),
            kin: KIN_NOUNS.iter().copied().collect(),
        }
    })
}

/// How sure a cue must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    /// Any cue, a verb of speech included ("Quorvik said").
    Any,
    /// Only a cue no group or place takes: organisations speak too ("Chelsea said").
    PersonOnly,
}

/// Whether the context of the word at `start..end` of `text`, a word in no list, says it names
/// a person.
pub(super) fn said_to_be_a_person(text: &str, start: usize, end: usize, cue: Cue) -> bool {
    after(text, end, cue) || before(text, start, cue)
}

/// Whether a cue before the word at `start` names a person, a verb of speech included: "said
/// Thanou". A company that speaks stands mostly before the verb ("Yukos said").
pub(super) fn said_of_before(text: &str, start: usize) -> bool {
    before(text, start, Cue::Any)
}

/// The cues after the word, which ends at byte `end`.
fn after(text: &str, end: usize, cue: Cue) -> bool {
    let b = text.as_bytes();
    match b.get(end) {
        Some(b' ') => verb_after(text, end, cue) || cited_from(text, end, false),
        Some(b',') => {
            b[end..].starts_with(b", who ") || age_after(b, end) || cited_from(text, end, false)
        }
        Some(b'\'') => possessive(text, end + 1),
        Some(0xE2) if b[end..].starts_with("’".as_bytes()) => possessive(text, end + 3),
        _ => false,
    }
}

/// "Kumar said", "Tyler nodded": a verb of speech (not with [`Cue::PersonOnly`]) or of people
/// right after the word, unless "its" follows the verb: what "said its profits rose" is a
/// company, not a person.
fn verb_after(text: &str, end: usize, cue: Cue) -> bool {
    let s = sets();
    let b = text.as_bytes();
    b.get(end + 1)
        .is_some_and(|&c| c < 0x80 && s.verb_starts[usize::from(c)])
        && word_after(text, end).is_some_and(|w| {
            s.verbs_after.contains(w)
                && (cue == Cue::Any || s.person_verbs.contains(w))
                && word_after(text, end + 1 + w.len()) != Some("its")
        })
}

/// "Morris, 45, said": an age between commas.
fn age_after(b: &[u8], end: usize) -> bool {
    let digits = b[end + 1..]
        .strip_prefix(b" ")
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    (1..=2).contains(&digits) && b.get(end + 2 + digits) == Some(&b',')
}

/// "Morris's wife", "Sapir’s (1971) account": after the apostrophe at byte `i - 1`, an "s" and
/// a relative, or the year of a citation.
fn possessive(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if b.get(i) != Some(&b's') || b.get(i + 1) != Some(&b' ') {
        return false;
    }
    if b.get(i + 2) == Some(&b'(') {
        return year_at(b, i + 3).is_some();
    }
    word_after(text, i + 1).is_some_and(|w| sets().kin.contains(w))
}

/// The end of a year (four digits from 1000 to 2999, maybe with a letter: "2012a") at byte
/// `i` of `b`.
fn year_at(b: &[u8], i: usize) -> Option<usize> {
    let y = b.get(i..i + 4)?;
    if !matches!(y[0], b'1' | b'2') || !y.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut j = i + 4;
    if b.get(j).is_some_and(u8::is_ascii_lowercase) {
        j += 1;
    }
    (!b.get(j).is_some_and(u8::is_ascii_alphanumeric)).then_some(j)
}

/// Whether the word that ends at byte `i` is a name a citation gives, with at most
/// [`MAX_CITED_AUTHORS`] more names after it: "Porte, 2012)", "Klingberg et al.", "Carrano and
/// Biewener (2009)", "Schmidt (2005) showed", "Thorell, Lindqvist, & Klingberg, 2009".
/// `chained`: the word came after another name of the citation. A lone "Name (2013)" is also
/// how films and books are listed, so it counts only with a page or a verb of research after.
fn cited_from(text: &str, mut i: usize, mut chained: bool) -> bool {
    let b = text.as_bytes();
    for _ in 0..=MAX_CITED_AUTHORS {
        let rest = &b[i..];
        if rest.starts_with(b", ") {
            if let Some(j) = year_at(b, i + 2) {
                return matches!(b.get(j), Some(b')' | b';'));
            }
        } else if rest.starts_with(b" (") {
            let Some(j) = year_at(b, i + 2) else {
                return false;
            };
            return chained
                || matches!(b.get(j), Some(b',' | b';' | b':'))
                || (b.get(j) == Some(&b')')
                    && word_after(text, j + 1).is_some_and(|w| sets().research.contains(w)));
        } else if rest.starts_with(b" et al") {
            return true;
        }
        let Some(sep) = [", & ", ", and ", " & ", " and ", ", "]
            .iter()
            .find(|s| rest.starts_with(s.as_bytes()))
        else {
            return false;
        };
        let k = i + sep.len();
        if !text[k..].chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        i = word_end(text, k);
        chained = true;
    }
    false
}

/// The cues before the word, which starts at byte `start`: a title ("Gen.", "President"), a
/// role noun or verb of speech ("lawyer", "said"), "according to".
fn before(text: &str, start: usize, cue: Cue) -> bool {
    let b = text.as_bytes();
    // A noun, verb or title before the word ends with a letter, or it is an abbreviated title
    // ("Gen."), whose capital is at most five bytes before the space.
    let word_next = start >= 2
        && b[start - 1] == b' '
        && (b[start - 2].is_ascii_alphabetic()
            || (b[start - 2] == b'.'
                && b[start.saturating_sub(7)..start - 2]
                    .iter()
                    .any(u8::is_ascii_uppercase)));
    if !word_next {
        return false;
    }
    if b[..start].ends_with(b"according to ") {
        return true;
    }
    word_before(text, start).is_some_and(|(_, w)| {
        if w.as_bytes()[0].is_ascii_lowercase() {
            // "said Chelsea": a verb of speech before a name may introduce a group.
            sets().before.contains(w) && (cue == Cue::Any || !SAY_BEFORE_NAME.contains(&w))
        } else {
            is_role_word(w.trim_end_matches('.')) && is_title_head(w)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the cues say `word`, the first of its kind in `text`, names a person.
    fn cued(text: &str, word: &str) -> bool {
        let s = text.find(word).expect("word in text");
        said_to_be_a_person(text, s, s + word.len(), Cue::Any)
    }

    #[test]
    fn citations_name_people() {
        for (text, w) in [
            ("as Quorvik (2005) showed, it", "Quorvik"),
            ("as Quorvik (2005, p. 3) said", "Quorvik"),
            ("Quorvik (1929) argued that", "Quorvik"),
            ("in Quorvik’s (2003) account", "Quorvik"),
            ("widely cited (Quorvik, 2012) and", "Quorvik"),
            ("widely cited (Quorvik, 2012a; Zamfir, 2010)", "Zamfir"),
            ("(Quorvik, Zamfir, Baltu, & Oresk, 2009)", "Quorvik"),
            ("(Quorvik, Zamfir, Baltu, & Oresk, 2009)", "Baltu"),
            ("work of Quorvik and Zamfir (1995) shows", "Quorvik"),
            ("Quorvik et al. found", "Quorvik"),
        ] {
            assert!(cued(text, w), "{text}");
        }
    }

    #[test]
    fn works_dates_and_lists_are_no_citations() {
        for (text, w) in [
            ("films Stoker (2013), Belle (2013) and", "Stoker"),
            ("Hydrodynamica (1738) was", "Hydrodynamica"),
            ("Zamfir (1738) is a film", "Zamfir"),
            ("the Zamfir, 1850 edition", "Zamfir"),
            ("Quorvik, Zamfir, Baltu and Oresk are towns", "Quorvik"),
            ("Quorvik and Zamfir (see below)", "Quorvik"),
            ("route 12 (Quorvik 9000)", "Quorvik"),
        ] {
            assert!(!cued(text, w), "{text}");
        }
    }

    #[test]
    fn ages_relative_clauses_verbs_and_relatives_name_people() {
        for (text, w) in [
            ("Morris, 45, said", "Morris"),
            ("Morris, who lives here", "Morris"),
            ("when Tyler nodded", "Tyler"),
            ("Quorvik said his profits rose", "Quorvik"),
            ("Ebert died in 1990", "Ebert"),
            ("Quorvik's wife", "Quorvik"),
            ("Quorvik’s funeral", "Quorvik"),
            ("according to Quorvik, the", "Quorvik"),
            ("said Quorvik.", "Quorvik"),
            ("lawyer Quorvik agreed", "Quorvik"),
            ("Gen. Quorvik agreed", "Quorvik"),
        ] {
            assert!(cued(text, w), "{text}");
        }
    }

    #[test]
    fn only_cues_of_people_name_what_may_be_a_group() {
        let only = |text: &str, w: &str| {
            let s = text.find(w).unwrap();
            said_to_be_a_person(text, s, s + w.len(), Cue::PersonOnly)
        };
        assert!(only("when Tyler nodded", "Tyler"));
        assert!(only("Senator Tyler agreed", "Tyler"));
        assert!(!only("Chelsea said on Monday", "Chelsea"));
        assert!(!only("said Chelsea on Monday", "Chelsea"));
    }

    #[test]
    fn other_contexts_name_nobody() {
        for (text, w) in [
            ("Morris, 1945, was", "Morris"),
            ("Morris, which lies", "Morris"),
            ("Quorvik said its profits rose", "Quorvik"),
            ("Quorvik grew fast", "Quorvik"),
            ("Quorvik's economy", "Quorvik"),
            ("according to the Quorvik", "Quorvik"),
            ("in Quorvik.", "Quorvik"),
        ] {
            assert!(!cued(text, w), "{text}");
        }
    }
}
