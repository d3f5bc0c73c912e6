//! Titles written in front of names ("Foreign and Expatriates Minister", "Maj. Gen."): a title
//! is not part of the name, but it says who the person is (the `role` column).

/// Words of titles written in front of names ("Foreign and Expatriates Minister", "Maj. Gen.").
pub const ROLE_WORDS: &[&str] = &[
    "Acting",
    "Adm",
    "Admiral",
    "Adviser",
    "Advisor",
    "Affairs",
    "Agriculture",
    "Air",
    "Ambassador",
    "Archbishop",
    "Armed",
    "Army",
    "Attorney",
    "Ayatollah",
    "Bishop",
    "Brig",
    "Brigadier",
    "CEO",
    "Capt",
    "Captain",
    "Cardinal",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chancellor",
    "Chief",
    "Chiefs",
    "Col",
    "Colonel",
    "Commander",
    "Commission",
    "Commissioner",
    "Communications",
    "Congressman",
    "Congresswoman",
    "Crown",
    "Culture",
    "Dame",
    "Defence",
    "Defense",
    "Deputy",
    "Director",
    "Dr",
    "Economy",
    "Education",
    "Emir",
    "Energy",
    "Envoy",
    "Executive",
    "Expatriates",
    "Fed",
    "Field",
    "Finance",
    "First",
    "Forces",
    "Foreign",
    "Former",
    "Gen",
    "General",
    "Gov",
    "Governor",
    "Head",
    "Health",
    "Home",
    "Homeland",
    "House",
    "Imam",
    "Information",
    "Inspector",
    "Intelligence",
    "Interior",
    "Judge",
    "Justice",
    "King",
    "Labor",
    "Labour",
    "Lady",
    "Leader",
    "Lieutenant",
    "Lord",
    "Lt",
    "Maj",
    "Major",
    "Majority",
    "Marshal",
    "Mayor",
    "Minister",
    "Minority",
    "Mr",
    "Mrs",
    "Ms",
    "Mullah",
    "National",
    "Navy",
    "Oil",
    "Opposition",
    "Parliamentary",
    "Party",
    "Police",
    "Pope",
    "Premier",
    "Presidency",
    "President",
    "President-elect",
    "Presidential",
    "Prime",
    "Prince",
    "Princess",
    "Prof",
    "Queen",
    "Rabbi",
    "Rep",
    "Representative",
    "Secretary",
    "Secretary-General",
    "Security",
    "Sen",
    "Senate",
    "Senator",
    "Senior",
    "Sergeant",
    "Sheikh",
    "Sir",
    "Speaker",
    "Special",
    "Spokesman",
    "Spokesperson",
    "Spokeswoman",
    "Staff",
    "State",
    "Supreme",
    "Trade",
    "Transport",
    "Transportation",
    "Treasury",
    "Vice",
    "Vice-President",
    "Whip",
];

/// Whether `w` is a word of a title, in title case, capitals ("PRESIDENT") or lowercase.
pub fn is_role_word(w: &str) -> bool {
    // One hash lookup of the lowercase form: role words are ASCII and short, so anything else is
    // answered without hashing.
    static LOWER: std::sync::OnceLock<rustc_hash::FxHashSet<Box<[u8]>>> =
        std::sync::OnceLock::new();
    let mut buf = [0u8; 24];
    if w.len() < 2 || w.len() > buf.len() || !w.as_bytes()[0].is_ascii_alphabetic() || !w.is_ascii()
    {
        return false;
    }
    let lower = LOWER.get_or_init(|| {
        ROLE_WORDS
            .iter()
            .map(|r| r.to_ascii_lowercase().into_bytes().into())
            .collect()
    });
    let l = &mut buf[..w.len()];
    l.copy_from_slice(w.as_bytes());
    l.make_ascii_lowercase();
    lower.contains(&*l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_are_sorted_for_binary_search() {
        let mut sorted = ROLE_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ROLE_WORDS);
    }

    #[test]
    fn role_words_in_any_case() {
        assert!(is_role_word("President"));
        assert!(is_role_word("PRESIDENT"));
        assert!(is_role_word("president"));
        assert!(is_role_word("Secretary-General"));
        assert!(!is_role_word("Putin"));
    }
}
