//! Words that sit in or before person names without being names: honorifics, particles,
//! abbreviations whose dot belongs to the word.

/// Honorifics: the capitalized word after one is a person's name ("Mr Haddad"), a lone surname
/// included. Written without a dot; a word of [`NAME_ABBREVIATIONS`] is also one with its dot.
#[rustfmt::skip]
pub(crate) const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Mister", "Madam", "Sir", "Dame",
];

/// Abbreviations after which a period does not end a sentence ("Gen.", "Jan.", "Calif."). Case
/// matters ("No." is one, "no." is not). Sorted by bytes, for a binary search; written without
/// the dot. Every word of [`NAME_ABBREVIATIONS`] is one (a test checks it).
#[rustfmt::skip]
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Ariz", "Aug", "Ave", "Blvd", "Brig", "Calif", "Capt", "Cmdr", "Co", "Col",
    "Corp", "Cpl", "Dec", "Dept", "Dr", "Feb", "Fig", "Fla", "Fr", "Ft", "Gen", "Gens", "Gov",
    "Hon", "Ill", "Inc", "Ind", "Insp", "Jan", "Jr", "Jul", "Jun", "Kan", "Lt", "Lt.Col", "Ltd",
    "Maj", "Mar", "Mass", "Messrs", "Mich", "Minn", "Mme", "Mr", "Mrs", "Ms", "Mt", "Nev", "No",
    "Nos", "Nov", "Oct", "Okla", "Ore", "Penn", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev",
    "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "Tenn", "Tex", "Va", "Wash", "Wis",
    "al", "approx", "cf", "e.g", "i.e", "vs",
];

/// The abbreviations that belong to a name: titles in front of it ("Gen.", "Mr.") and the
/// endings of personal and company names ("Jr.", "Inc."). Discovery keeps their dot with the
/// word. A subset of [`ABBREVIATIONS`]: months and states ("Jan.", "Penn.") are left out, since
/// undotted they are names ("Chris Penn").
#[rustfmt::skip]
pub(crate) const NAME_ABBREVIATIONS: &[&str] = &[
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

/// East Asian family names, written first: a person's name of two or three words starting with
/// one of these has the family name as its short form ("Lee" for Lee Jae-myung), never the last
/// word.
#[rustfmt::skip]
pub(crate) const EAST_ASIAN_FAMILY_NAMES: &[&str] = &[
    "Kim", "Lee", "Park", "Pak", "Choi", "Chung", "Jung", "Kang", "Yoon", "Moon", "Han",
    "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Hu",
    "Deng", "Mao", "Wen",
];

/// Chinese family names that are not Western given names: a two-word name starting with one is
/// also family name first ("Xi Jinping" is never "Jinping").
#[rustfmt::skip]
pub(crate) const CHINESE_FAMILY_NAMES: &[&str] = &[
    "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Zhao", "Huang", "Zhou", "Wu", "Hu", "Deng", "Mao",
    "Wen",
];

/// Words that never stand right before a person's given name but do before a thing named like
/// one: an article or a possessive ("an Oscar nomination", "the Mac", "his Oscar"). Not "A",
/// which is also an initial ("A Craig" in a team sheet).
#[rustfmt::skip]
pub(crate) const NO_GIVEN_NAME_AFTER: &[&str] = &[
    "a", "an", "the", "An", "The", "his", "her", "its", "their", "our", "my", "your",
    "His", "Her", "Its", "Their", "Our", "My", "Your",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_abbreviations_end_no_sentence() {
        for w in NAME_ABBREVIATIONS {
            assert!(ABBREVIATIONS.contains(w), "{w}");
        }
    }

    #[test]
    fn abbreviations_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS
            .windows(2)
            .all(|p| p[0].as_bytes() < p[1].as_bytes()));
    }
}
