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
    "Field",
    "Finance",
    "First",
    "Foreign",
    "Former",
    "Gen",
    "General",
    "Gov",
    "Governor",
    "Head",
    "Health",
    "Home",
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
    "Marshal",
    "Mayor",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Mullah",
    "National",
    "Navy",
    "Oil",
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
    "Treasury",
    "Vice",
    "Vice-President",
];

/// Whether `w` is a word of a title, in title case, capitals ("PRESIDENT") or lowercase.
pub fn is_role_word(w: &str) -> bool {
    ROLE_WORDS.binary_search(&w).is_ok() || {
        // Titles in capitals ("PRESIDENT") and hyphenated ones ("Secretary-General").
        let t = title_case(w);
        ROLE_WORDS.binary_search(&t.as_str()).is_ok()
    }
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut up = true;
    for c in w.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        up = c == '-';
    }
    out
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
