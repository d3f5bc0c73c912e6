//! Words around a name that say a person is speaking or credited ("said", "analyst",
//! "Photo by").

/// Verbs that may directly precede a quoted speaker ("said Rania Haddad").
#[rustfmt::skip]
pub(crate) const SAY_BEFORE_NAME: &[&str] = &[
    "said", "says", "added", "wrote", "asked", "explained", "noted", "stated", "continued",
    "recalled",
];

/// Verbs that may directly follow a speaker ("Rania Haddad told").
#[rustfmt::skip]
pub(crate) const SAY_AFTER_NAME: &[&str] = &[
    "said", "says", "told", "added", "stated", "noted", "explained", "wrote", "warned", "argued",
    "insisted", "claimed", "confirmed", "recalled", "replied", "tweeted", "posted",
];

/// Verbs whose subject is a person, not a group or a place, right after a name standing alone
/// ("Tyler nodded", "Ebert died", "Quorvik married"): what people do with their bodies,
/// minds and lives.
#[rustfmt::skip]
pub(crate) const PERSON_VERBS: &[&str] = &[
    "died", "married", "divorced", "nodded", "smiled", "laughed", "sighed", "shrugged", "frowned",
    "grinned", "winked", "whispered", "shouted", "screamed", "yelled", "cried", "wept", "thought",
    "felt", "wondered", "believed", "hoped", "remembered", "realized", "realised", "knew",
    "graduated", "retired", "resigned",
];

/// Verbs of research after a cited author and year ("Quorvik (2005) showed").
#[rustfmt::skip]
pub(crate) const CITATION_VERBS: &[&str] = &[
    "showed", "shows", "found", "finds", "suggested", "suggests", "proposed", "proposes",
    "observed", "observes", "described", "describes", "reported", "reports", "concluded",
    "concludes", "demonstrated", "demonstrates", "defined", "defines", "argued", "argues",
    "noted", "notes", "claimed", "claims", "wrote", "writes", "identified", "identifies",
];

/// Nouns after a possessive that make its owner a person ("Quorvik's wife", "Zamfir’s death").
#[rustfmt::skip]
pub(crate) const KIN_NOUNS: &[&str] = &[
    "wife", "husband", "widow", "widower", "son", "sons", "daughter", "daughters", "father",
    "mother", "parents", "brother", "brothers", "sister", "sisters", "children", "grandson",
    "granddaughter", "grandfather", "grandmother", "uncle", "aunt", "nephew", "niece", "cousin",
    "girlfriend", "boyfriend", "fiance", "fiancée", "fiancé", "death", "funeral", "birthday",
    "biographer", "lawyer", "attorney",
];

/// Nouns right after a surname that make it the name of a family, not of one of its people
/// ("the Bernoulli family", "the Williams sisters").
#[rustfmt::skip]
pub(crate) const FAMILY_NOUNS: &[&str] = &[
    "family", "families", "brothers", "sisters", "twins", "siblings", "clan", "dynasty",
];

/// Lowercase role nouns directly before a name ("lawmaker Sami Darwish"), capitalized when
/// they open a sentence ("Physicist Jane Roe").
#[rustfmt::skip]
pub(crate) const ATTRIBUTION_NOUNS: &[&str] = &[
    "lawmaker", "legislator", "analyst", "spokesman", "spokeswoman", "spokesperson", "activist",
    "resident", "economist", "researcher", "professor", "lawyer", "attorney", "journalist",
    "correspondent", "photographer", "commentator", "historian", "expert", "scholar", "diplomat",
    "official", "witness", "doctor", "surgeon", "engineer", "farmer", "student", "teacher", "coach",
    "author", "writer", "novelist", "negotiator", "mediator", "candidate", "colleague", "neighbour",
    "neighbor", "shopkeeper", "driver", "son", "daughter", "wife", "husband", "brother", "sister",
    "mother", "father", "physicist", "mathematician", "chemist", "biologist", "philosopher",
    "poet", "painter", "composer", "actor", "actress", "singer", "architect",
];

/// Words that introduce a photo credit ("credit:", "Photo:", "Photo by").
#[rustfmt::skip]
pub(crate) const CREDIT_WORDS: &[&str] = &[
    "credit", "credits", "photo", "photos", "photograph", "picture", "image", "pictured",
];
