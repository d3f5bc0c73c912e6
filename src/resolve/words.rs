//! The word lists of resolution's own rules, in one place.

use rustc_hash::FxHashSet;

/// Lowercase words that may sit inside a title ("Secretary of State", "Foreign and Expatriates").
pub(super) const ROLE_JOINERS: &[&str] = &["and", "of", "for", "the"];

/// Honorifics that make the next capitalized word a person.
pub(super) const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Mister", "Madam", "Sir", "Dame", "Prof",
];

/// Words that tie a person to the list that follows ("accompanied by A, B and C").
pub(super) const LIST_LEADS: &[&str] = &[
    "accompanied",
    "joined by",
    "along with",
    "flanked by",
    "together with",
    "delegation",
    "led by",
];

/// [`crate::discovery::STOPWORDS`] as a set.
pub(super) fn stopwords() -> &'static FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::discovery::STOPWORDS.iter().copied().collect())
}

/// Whether `w` is a family name written first: a name of two or three words starting with one
/// of these is East Asian, and its short form is the family name ("Lee" for Lee Jae-myung,
/// "Xi"). A match on the word tests its length before any byte: it is asked of every name of a
/// person.
pub(super) fn is_family_first(w: &str) -> bool {
    matches!(
        w,
        "Kim"
            | "Lee"
            | "Park"
            | "Choi"
            | "Chung"
            | "Moon"
            | "Yoon"
            | "Han"
            | "Xi"
            | "Li"
            | "Wang"
            | "Zhang"
            | "Liu"
            | "Chen"
            | "Hu"
            | "Wen"
    )
}

/// Words that open a role written after a name, between commas: ", the head of the
/// presidential office,".
pub(super) const APPOSITIVE_LEADS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];
