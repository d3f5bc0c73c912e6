//! Capitalized words that never belong to a name, and words that mark a place or thing.

/// Capitalized words that never belong to a name (sentence openers, pronouns, common plurals,
/// dates). Matched as written or in ALL CAPS.
#[rustfmt::skip]
pub(crate) const STOPWORDS: &[&str] = &[
    "The", "This", "That", "These", "Those", "A", "An", "In", "On", "At", "By", "For", "But", "And",
    "Or", "Nor", "So", "Yet", "After", "Before", "When", "While", "If", "As", "It", "He", "She",
    "They", "We", "I", "You", "His", "Her", "Their", "Our", "Its", "My", "Your", "Him", "Them",
    "Officials", "Residents", "Analysts", "Police", "Government", "Witnesses", "Sources", "Experts",
    "Critics", "Protesters", "Yesterday", "Today", "Tomorrow", "Tonight", "Meanwhile", "However",
    "Also", "Earlier", "Later", "Last", "Next", "Then", "Now", "Since", "During", "From", "To",
    "With", "Without", "Under", "Over", "Of", "Into", "About", "Against", "Between", "Is", "Was",
    "Are", "Were", "Be", "Has", "Have", "Had", "Will", "Would", "Can", "Could", "Should", "Not",
    "No", "There", "Here", "Where", "What", "Who", "Whom", "Why", "How", "Which", "Some", "Many",
    "Most", "All", "Both", "Each", "Every", "Several", "Such", "Other", "Another", "Despite",
    "Although", "Though", "Because", "Unlike", "Like", "Until", "Amid", "Among", "Through",
    "According", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
    // prepositions and conjunctions that open sentences ("Outside of the Labour Party, ...")
    "Outside", "Inside", "Besides", "Beyond", "Within", "Throughout", "Toward", "Towards", "Upon",
    "Onto", "Across", "Behind", "Beside", "Beneath", "Except", "Via", "Regarding", "Concerning",
    "Including", "Unless", "Whether", "Whereas",
];

/// Capitalized words that mark a place, thing or event, never part of a person name ("Jordan
/// Valley", "Winter Olympics").
#[rustfmt::skip]
pub(crate) const PERSON_BLOCKERS: &[&str] = &[
    "Valley", "River", "Street", "Road", "Avenue", "Square", "City", "Province", "Governorate",
    "District", "Region", "County", "Airport", "Port", "Hospital", "Mosque", "Church", "Mountain",
    "Mountains", "Mount", "Sea", "Gulf", "Bay", "Lake", "Island", "Islands", "Strip", "Desert",
    "Plain", "Plains", "Heights", "Crossing", "Bridge", "Highway", "Times", "Post", "News",
    "Journal", "Herald", "Daily", "Press", "Radio", "Television", "Channel", "Stadium", "Palace",
    "Tower", "Hotel", "Camp", "Prison", "Base", "Republic", "Kingdom", "Emirates", "States",
    "Nations",
    // events
    "Olympics", "Paralympics", "Games", "Championship", "Championships", "Cup", "Festival",
    "Awards", "Trophy", "Tournament", "Expo", "Marathon", "Prix",
];
