//! Words of the titles written in front of names ("Foreign and Expatriates Minister",
//! "Maj. Gen."): a title is not part of the name, but it says who the person is.

/// Title lexicon: single tokens, matched case-sensitively as written here or in ALL CAPS.
/// Multi-word titles ("Prime Minister", "Secretary of State", "Lt. Gen.") are runs of these,
/// optionally joined by lowercase "and"/"of"/"for"/"the". Hyphenated titles match when every part
/// is listed ("Vice-President"). The modifiers of [`TITLE_MODIFIERS`] ("Foreign", "Deputy") are role
/// words too.
#[rustfmt::skip]
pub(crate) const ROLE_WORDS: &[&str] = &[
    // abbreviations (the tokenizer keeps their dot)
    "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.", "Maj.", "Capt.", "Sgt.", "Adm.", "Brig.",
    "Cmdr.", "Rev.", "Supt.", "Insp.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.",
    // heads
    "President", "President-elect", "Minister", "Premier", "Prince", "Princess", "Sheikh",
    "Sheikha", "King", "Queen", "Emir", "Sultan", "Ayatollah", "Pope", "Patriarch", "Chancellor",
    "Mayor", "Governor", "Ambassador", "Envoy", "Commander", "Chief", "Chairman", "Chairwoman",
    "Chairperson", "Chair", "Spokesman", "Spokeswoman", "Spokesperson", "Secretary",
    "Secretary-General", "Director", "Judge", "Justice", "Speaker", "Senator", "Congressman",
    "Congresswoman", "General", "Major", "Lieutenant", "Colonel", "Brigadier", "Admiral", "Marshal",
    "Sergeant", "Captain", "Leader", "Head", "Adviser", "Advisor", "Representative", "Attorney",
    "Sir", "Dame", "Lord", "Lady", "Rabbi", "Imam", "Cardinal", "Bishop", "Archbishop", "Father",
    "Mullah", "Commissioner", "Inspector", "Superintendent", "Officer", "CEO", "Founder",
];

/// Role words that cannot make a title on their own: a title run needs at least one role word
/// that is NOT in this list ("Foreign Minister" yes, "Foreign" alone no).
#[rustfmt::skip]
pub(crate) const TITLE_MODIFIERS: &[&str] = &[
    "Foreign", "Defense", "Defence", "Interior", "Finance", "Economy", "Trade", "Health", "Energy",
    "Oil", "Treasury", "Intelligence", "Security", "National", "Deputy", "Vice", "Acting",
    "Interim", "Former", "Presidency", "Presidential", "State", "Affairs", "Expatriates", "Culture",
    "Education", "Labor", "Labour", "Agriculture", "Transport", "Communications", "Information",
    "Army", "Navy", "Air", "Force", "Staff", "Joint", "Chiefs", "Field", "Prime", "Crown",
    "Supreme", "Executive", "Senior", "Special",
];

/// Modifiers that open a title ("Prime" Minister, "Deputy" Director): used to cut an
/// organisation name before the title of a person who follows it.
#[rustfmt::skip]
pub(crate) const TITLE_PREFIXES: &[&str] = &[
    "Prime", "Deputy", "Vice", "Acting", "Interim", "Former", "Senior", "Crown", "Supreme",
    "Special", "Executive", "Joint", "Field",
];
