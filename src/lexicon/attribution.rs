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

/// Lowercase role nouns directly before a name ("lawmaker Sami Darwish").
#[rustfmt::skip]
pub(crate) const ATTRIBUTION_NOUNS: &[&str] = &[
    "lawmaker", "legislator", "analyst", "spokesman", "spokeswoman", "spokesperson", "activist",
    "resident", "economist", "researcher", "professor", "lawyer", "attorney", "journalist",
    "correspondent", "photographer", "commentator", "historian", "expert", "scholar", "diplomat",
    "official", "witness", "doctor", "surgeon", "engineer", "farmer", "student", "teacher", "coach",
    "author", "writer", "novelist", "negotiator", "mediator", "candidate", "colleague", "neighbour",
    "neighbor", "shopkeeper", "driver", "son", "daughter", "wife", "husband", "brother", "sister",
    "mother", "father",
];

/// Words that introduce a photo credit ("credit:", "Photo:", "Photo by").
#[rustfmt::skip]
pub(crate) const CREDIT_WORDS: &[&str] = &[
    "credit", "credits", "photo", "photos", "photograph", "picture", "image", "pictured",
];
