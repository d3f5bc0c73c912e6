//! Words of the titles written in front of names ("Foreign and Expatriates Minister",
//! "Maj. Gen."): a title is not part of the name, but it says who the person is.

/// Title words that make a title on their own ("Minister", "Gen"), written without a dot: a
/// word of [`NAME_ABBREVIATIONS`](super::NAME_ABBREVIATIONS) is also a title word with its dot ("Gen.").
/// Multi-word titles ("Prime Minister", "Secretary of State") are runs of these and of
/// [`TITLE_MODIFIERS`], joined by [`TITLE_JOINERS`].
#[rustfmt::skip]
pub(crate) const TITLE_HEADS: &[&str] = &[
    // abbreviations
    "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Maj", "Capt", "Sgt", "Adm", "Brig", "Cmdr", "Rev",
    "Supt", "Insp", "Mr", "Mrs", "Ms", "Dr", "Prof",
    // heads
    "President", "President-elect", "Vice-President", "Minister", "Premier", "Prince", "Princess",
    "Sheikh", "Sheikha", "King", "Queen", "Emir", "Sultan", "Ayatollah", "Pope", "Patriarch",
    "Chancellor", "Mayor", "Governor", "Ambassador", "Envoy", "Commander", "Chief", "Chairman",
    "Chairwoman", "Chairperson", "Chair", "Spokesman", "Spokeswoman", "Spokesperson", "Secretary",
    "Secretary-General", "Director", "Judge", "Justice", "Speaker", "Senator", "Congressman",
    "Congresswoman", "General", "Major", "Lieutenant", "Colonel", "Brigadier", "Admiral", "Marshal",
    "Sergeant", "Captain", "Leader", "Head", "Adviser", "Advisor", "Representative", "Attorney",
    "Sir", "Dame", "Lord", "Lady", "Rabbi", "Imam", "Cardinal", "Bishop", "Archbishop", "Father",
    "Mullah", "Commissioner", "Inspector", "Superintendent", "Officer", "CEO", "Founder", "Whip",
];

/// Title words that cannot make a title on their own: a title needs at least one word of
/// [`TITLE_HEADS`] ("Foreign Minister" yes, "Foreign" alone no).
#[rustfmt::skip]
pub(crate) const TITLE_MODIFIERS: &[&str] = &[
    "Foreign", "Defense", "Defence", "Interior", "Finance", "Economy", "Trade", "Health", "Energy",
    "Oil", "Treasury", "Intelligence", "Security", "National", "Deputy", "Vice", "Acting",
    "Interim", "Former", "Presidency", "Presidential", "State", "Affairs", "Expatriates", "Culture",
    "Education", "Labor", "Labour", "Agriculture", "Transport", "Transportation", "Communications",
    "Information", "Army", "Navy", "Air", "Force", "Forces", "Armed", "Staff", "Joint", "Chiefs",
    "Field", "Prime", "Crown", "Supreme", "Executive", "Senior", "Special", "First", "Home",
    "Homeland", "House", "Senate", "Parliamentary", "Majority", "Minority", "Opposition", "Party",
    "Commission", "Police", "Fed",
];

/// Modifiers that open a title ("Prime" Minister, "Deputy" Director): an organisation name
/// stops before them when the title of a person follows it.
#[rustfmt::skip]
pub(crate) const TITLE_PREFIXES: &[&str] = &[
    "Prime", "Deputy", "Vice", "Acting", "Interim", "Former", "Senior", "Crown", "Supreme",
    "Special", "Executive", "Joint", "Field",
];

/// Honours, awards and degrees given by an organisation ("Fellow of the Royal Society", "MVP of
/// the Eastern League", "Lifetime Achievement Award of the Association for ..."): the
/// organisation is the name after their "of", not the whole phrase. Matched as written or in ALL
/// CAPS.
#[rustfmt::skip]
pub(crate) const HONOURS: &[&str] = &[
    "Fellow", "Fellows", "Fellowship", "Member", "Members", "MVP", "Award", "Awards", "Prize",
    "Medal", "Trophy", "Laureate", "Champion", "Champions", "Doctor", "Master", "Bachelor",
    "Graduate", "Alumnus", "Scholar",
];

/// Lowercase words that may sit inside a title ("Secretary of State", "Foreign and Expatriates
/// Minister").
pub(crate) const TITLE_JOINERS: &[&str] = &["and", "of", "for", "the"];

/// Titles of peers ("Lord Falconer"): the word after one is the title a peer goes by, which
/// is often, but not always, their surname; a listed namesake with no peerage is someone else.
pub(crate) const PEERAGE_TITLES: &[&str] = &[
    "Lord",
    "Lady",
    "Baron",
    "Baroness",
    "Viscount",
    "Viscountess",
    "Earl",
    "Countess",
];
