//! Words that make the names of places no gazetteer lists: streets, squares, bridges, waters,
//! buildings and other facilities ("Lake Merritt", "Shahshahan Square", "Port of Refuge
//! Harbour"). Buildings and facilities named as places are places, as GUM types them.

/// Last word of a place name ("... Street", "... Bridge"), matched as written or in ALL CAPS.
#[rustfmt::skip]
pub(crate) const PLACE_SUFFIXES: &[&str] = &[
    // ways
    "Street", "Avenue", "Ave", "Ave.", "Road", "Rd.", "Boulevard", "Lane", "Drive", "Highway",
    "Freeway", "Expressway", "Turnpike", "Parkway", "Motorway", "Square", "Plaza", "Bridge",
    "Tunnel",
    // land and water
    "Park", "Gardens", "River", "Creek", "Canal", "Lake", "Bay", "Harbour", "Harbor", "Sea",
    "Island", "Islands", "Peninsula", "Beach", "Valley", "Canyon", "Mountains", "Falls",
    "Desert", "Forest", "Springs",
    // buildings and facilities
    "Market", "Palace", "Castle", "Tower", "Towers", "Hall", "House", "Building", "Center",
    "Centre", "Airport", "Station", "Terminal", "Stadium", "Arena", "Mosque", "Cathedral",
    "Temple", "Abbey", "Hotel", "Museum", "Hospital", "Cemetery", "Pier", "Mall", "Zoo",
];

/// First word of a place name followed by its own name ("Lake Merritt", "Mount Kenya").
#[rustfmt::skip]
pub(crate) const PLACE_PREFIXES: &[&str] = &["Lake", "Mount", "Mt.", "Fort", "Cape", "Isle"];

/// "X of ..." openers of place names ("Gulf of Aden", "Museum of Modern Art").
#[rustfmt::skip]
pub(crate) const PLACE_STARTERS: &[&str] = &[
    "Gulf", "Bay", "Sea", "Isle", "Strait", "Straits", "Port", "Lake", "Palace", "Museum",
    "Cathedral", "Tower", "Valley", "Cape",
];

/// Cue words of group and place names that are also common surnames: after a given name they end
/// a person's name ("Stuart Hall", "Charlotte Church"), not a building's or a group's.
#[rustfmt::skip]
pub(crate) const SURNAME_CUES: &[&str] = &[
    "Church", "Hall", "Street", "Park", "House", "Lane", "Bank", "Tower", "Castle", "Forest",
];

/// Words right before a name that say it is a place ("in Preston", "near York"), lower case.
#[rustfmt::skip]
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "outside", "around", "across", "throughout",
];

/// Nouns of settlements: after "of" they name one ("the town of Lincoln"), after a name and
/// "is a" they say it is one ("York is an old city"), lower case.
#[rustfmt::skip]
pub(crate) const SETTLEMENT_NOUNS: &[&str] = &[
    "city", "town", "village", "suburb", "borough", "county", "port", "capital", "outskirts",
];

/// Compass points, which before "of" and a name say it is a place ("north of Chester"), lower
/// case.
#[rustfmt::skip]
pub(crate) const COMPASS_POINTS: &[&str] = &[
    "north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
    "northeast", "northwest", "southeast", "southwest",
];
