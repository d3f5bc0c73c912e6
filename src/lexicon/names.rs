//! Words that sit in or before person names without being names: honorifics, particles,
//! abbreviations whose dot belongs to the word.

/// Honorifics: the capitalized word after one is a person's name ("Mr Haddad"), a lone surname
/// included. Written without a dot; a word of [`ABBREVIATIONS`] is also one with its dot.
#[rustfmt::skip]
pub(crate) const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Mister", "Madam", "Sir", "Dame",
];

/// Abbreviations whose trailing dot belongs to the word (written without the dot).
#[rustfmt::skip]
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Maj", "Capt", "Sgt",
    "Adm", "Brig", "Cmdr", "Rev", "Supt", "Insp", "St", "Jr", "Sr", "Inc", "Ltd", "Corp",
];

/// Lowercase particles allowed inside (never first or last) a person name.
#[rustfmt::skip]
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "del", "der", "van", "von", "la", "le",
    "du", "dos", "di", "den", "ter",
];

/// Lowercase prefixes of hyphenated name tokens ("al-Assad", "el-Sisi").
#[rustfmt::skip]
pub(crate) const HYPHEN_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ash", "as", "at", "ar", "an", "az", "ul", "bin", "ibn", "abu",
];

/// Words kept lowercase (when not first) when an ALL-CAPS name is title-cased.
#[rustfmt::skip]
pub(crate) const LOWER_IN_NAMES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "da", "del", "der", "van", "von", "la", "le", "du",
    "dos", "di", "den", "ter", "of", "for", "and", "the", "on", "in",
];

/// Family names written first: a person's name of two or three words starting with one of these
/// is East Asian, and its short form is the family name ("Lee" for Lee Jae-myung, "Xi").
#[rustfmt::skip]
pub(crate) const FAMILY_NAMES_FIRST: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Chung", "Moon", "Yoon", "Han",
    "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Hu", "Wen",
];
