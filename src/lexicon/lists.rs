//! Words around lists of people and the roles written after a name.

/// Words that tie a person to the list that follows ("accompanied by A, B and C").
pub(crate) const LIST_LEADS: &[&str] = &[
    "accompanied",
    "joined by",
    "along with",
    "flanked by",
    "together with",
    "delegation",
    "led by",
];

/// Words that open a role written after a name, between commas: ", the head of the
/// presidential office,".
pub(crate) const APPOSITIVE_LEADS: &[&str] = &["the", "a", "an", "his", "her", "its", "their"];
