//! Words that make or open the names of organisations ("... Committee", "Ministry of ...").

/// Last word of an organisation name (matched as written or in ALL CAPS).
#[rustfmt::skip]
pub(crate) const ORG_SUFFIXES: &[&str] = &[
    "Committee", "Ministry", "Party", "Front", "Forces", "Force", "Agency", "University", "Council",
    "Commission", "Union", "Association", "Institute", "Foundation", "Bank", "Corporation",
    "Company", "Group", "Organization", "Organisation", "Movement", "Army", "Brigade", "Brigades",
    "Authority", "Court", "Tribunal", "Alliance", "Coalition", "Federation", "League", "Network",
    "Service", "Office", "Department", "Bureau", "Assembly", "Parliament",
    "Inc.", "Ltd.", "LLC", "Corp.", "plc", "PLC", "Corps", "Guard", "Board", "Fund", "Society",
    "Secretariat", "Directorate", "Battalion", "Regiment", "Syndicate", "College", "School",
    "Academy", "Club", "Church", "Press", "Magazine", "Airlines", "Airways", "Government",
    "Library", "Laboratory", "Studios", "Records", "Inc", "Corp", "Ltd", "Co.", "FC", "F.C.",
    "Times", "Herald", "Journal", "Gazette", "Tribune", "Orchestra", "Conservatory",
    "Conservatoire", "Caucus", "Subcommittee", "Industries", "Publishing",
    "Collaboration", "Libraries", "Comics", "Institution", "Seminary", "Polytechnic",
];

/// "X of/for/on ..." openers of organisation names ("Ministry of Local Administration",
/// "Office for the Coordination of Humanitarian Affairs", "Council on Foreign Relations").
#[rustfmt::skip]
pub(crate) const ORG_STARTERS: &[&str] = &[
    "Ministry", "Department", "Office", "University", "Bank", "Council", "Institute", "Commission",
    "Committee", "Organization", "Organisation", "League", "Federation", "Association", "Union",
    "Agency", "Academy", "Board", "Court", "Party", "Chamber", "Directorate", "Army",
    "Observatory", "Center", "Centre", "Front", "Movement", "College", "School", "Church",
    "Society", "Foundation", "Government", "Congress", "Conservatory", "Conservatoire", "County",
    "Journal", "Corps", "Library", "Institution", "Orchestra", "Universidad", "Universidade",
    "Università", "Universität", "Université", "Universiteit", "Banco", "Instituto", "Institut",
];

/// Lowercase words that join a starter to the rest of a name in the languages whose
/// organisations news often names in the original ("Conservatoire de Paris", "Universidade da
/// Coruña", "Banco del Sur").
#[rustfmt::skip]
pub(crate) const ORG_FOREIGN_JOINERS: &[&str] = &[
    "de", "da", "do", "das", "dos", "del", "della", "di", "des", "du", "der",
];

/// Stopwords that may still start an organisation name ("Police Department").
#[rustfmt::skip]
pub(crate) const ORG_START_OK: &[&str] = &["Police", "Government"];

/// Head words of organisation names that stand for the whole name once the article has named
/// it ("the Pennsylvania State University ... the University", "the Supreme Court ... this
/// Court"), written capitalized.
#[rustfmt::skip]
pub(crate) const ORG_BACK_HEADS: &[&str] = &[
    "Court", "University", "College", "School", "Academy", "House", "Assembly", "Parliament",
    "Party", "Society", "Church", "Council", "Committee", "Commission", "Ministry", "Department",
    "Agency", "Company", "Corporation", "Bank", "Foundation", "Institute", "Association",
    "League", "Board", "Trust", "Club", "Conservatory", "Orchestra", "Government",
    "Administration", "Tribunal", "Federation", "Authority", "Congress", "Senate", "Cabinet",
];

/// Words right before a head word that make it refer back to a named organisation ("the
/// Court", "this House", "your Party").
#[rustfmt::skip]
pub(crate) const ORG_BACK_DETERMINERS: &[&str] = &[
    "the", "The", "this", "This", "our", "Our", "your", "Your", "its", "their",
];

/// Lowercase nouns for a kind of organisation that name the one right after them ("the
/// publishing giant Elsevier", "retailer Woolworths", "the band Oasis").
#[rustfmt::skip]
pub(crate) const ORG_NOUNS: &[&str] = &[
    "company", "firm", "publisher", "giant", "airline", "carrier", "retailer", "broadcaster",
    "newspaper", "magazine", "website", "charity", "bank", "insurer", "band", "label",
    "conglomerate", "supermarket", "automaker", "carmaker", "startup", "start-up", "outlet",
];

/// The [`ORG_NOUNS`] that are a person's trade too ("broadcaster David Frost", "publisher
/// Felix Dennis"): after them, a name that opens with a given name is a person's.
#[rustfmt::skip]
pub(crate) const ORG_NOUNS_ALSO_TRADES: &[&str] = &["publisher", "broadcaster", "retailer", "carrier"];

/// Lowercase nouns for the people or the website of an organisation, right after its one-word
/// name ("Yukos spokesman", "Bloglines founder", "Zorbix staff"): the word before one names an
/// organisation.
#[rustfmt::skip]
pub(crate) const ORG_STAFF_NOUNS: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "boss", "website",
    "staff", "employees", "shareholders",
];

/// Last words of the short names of universities, after the name of a place or a person
/// ("Penn State", "Georgia Tech"): US news and sports pages name them so.
#[rustfmt::skip]
pub(crate) const UNIVERSITY_SHORT_TAILS: &[&str] = &["State", "Tech"];
