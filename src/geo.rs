//! Where a story happens: each document's focus country and focus place, worked out from the
//! places it names, so that articles can be mapped and kept or dropped by country.
//!
//! The rule, over the mentions of gazetteer places that have a country:
//!
//! 1. Each mention weighs 1 for its place, [`TITLE_WEIGHT`] in the title and
//!    [`DATELINE_WEIGHT`] in a dateline. A place's weight also counts toward its country: a city
//!    or region ("Aleppo") counts for its country ("SY") just as the country's own name does.
//! 2. The focus country is the country with the most weight; on a tie, the one named first
//!    (the title comes first).
//! 3. The focus place is the most specific place of the focus country that carries weight: the
//!    one with the most weight among those with coordinates (a city, a landmark, a region with a
//!    centroid); when the document names none, the one with the most weight among the others
//!    (the country itself, or a province). On a tie, the one named first.
//!
//! A dateline is a place written in capitals at the start of the text (or of its second line,
//! as a text file carries its headline on the first), then a comma, a parenthesis, a dash or a
//! colon, and a dash or colon on the same line: `ANKARA —`, `MOSCOW (Reuters) -`,
//! `GYEONGJU, South Korea —`, `NEW DELHI:`. Every place up to the dash is in it. A text file's
//! headline is text, not a title: only a title given as such (the JSONL `title`) weighs more.
//!
//! Limits: the rule counts names, not events. A story about a Syrian leader's visit to Moscow
//! that names Russia and Moscow more often than Syria is about Russia. People, groups and
//! demonyms ("Syrian") do not count, nor do places without a country (continents, seas, the
//! Middle East): a story naming only these has no focus. A place resolved to the wrong entity
//! (Georgia the state for Georgia the country) counts for the wrong country. The focus place
//! prefers a point on the map: a city named once wins over the country named ten times, and a
//! province (the default gazetteer gives none coordinates) is the focus place only when no city
//! of its country is named.

use crate::gazetteer::{Gazetteer, Traits};
use crate::model::{EntityRef, Field, Mention};
use std::ops::Range;

/// Weight of a place named in the title: a headline names what the story is about, as a body
/// does by naming it several times.
pub const TITLE_WEIGHT: u32 = 3;
/// Weight of a place named in a dateline: where the story was filed, which is where it happens
/// more often than not; like a title.
pub const DATELINE_WEIGHT: u32 = 3;
/// How far into the text a dateline's dash may be, in bytes: "WASHINGTON, Dec. 7 (Reuters) —"
/// takes 32, the longest with a country and an agency about twice that.
const DATELINE_MAX_BYTES: usize = 80;

/// The focus of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus<'g> {
    /// ISO 3166-1 alpha-2 code of the focus country, as the gazetteer writes it.
    pub country: &'g str,
    /// The focus place: an entity number of the gazetteer.
    pub place: u32,
}

/// The weight of one place in a document.
struct Tally<'g> {
    entity: u32,
    country: &'g str,
    weight: u32,
    /// Index of its first mention: the order in which the document names it.
    first: usize,
    point: bool,
}

/// The focus of a document whose body is `text` and whose mentions (title first, in document
/// order) are `mentions`; None when it names no place with a country.
pub fn focus<'g>(g: &'g Gazetteer, text: &str, mentions: &[Mention]) -> Option<Focus<'g>> {
    let places = tally(g, text, mentions);
    let country = focus_country(&places)?;
    let place = places
        .iter()
        .filter(|t| t.country == country)
        .max_by_key(|t| (t.point, t.weight, std::cmp::Reverse(t.first)))?;
    Some(Focus {
        country,
        place: place.entity,
    })
}

/// The weight of every place with a country that the document names, in the order it names
/// them.
fn tally<'g>(g: &'g Gazetteer, text: &str, mentions: &[Mention]) -> Vec<Tally<'g>> {
    let dateline = dateline(g, text, mentions).unwrap_or(0..0);
    let mut places: Vec<Tally<'g>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let EntityRef::Known(e) = m.entity else {
            continue;
        };
        if g.traits(e).class != Traits::PLACE {
            continue;
        }
        let entity = g.entity(e);
        let Some(country) = entity.country.as_deref() else {
            continue;
        };
        let weight = match m.field {
            Field::Title => TITLE_WEIGHT,
            Field::Text if dateline.contains(&m.byte_start) => DATELINE_WEIGHT,
            Field::Text => 1,
        };
        match places.iter_mut().find(|t| t.entity == e) {
            Some(t) => t.weight += weight,
            None => places.push(Tally {
                entity: e,
                country,
                weight,
                first: i,
                point: entity.coordinates.is_some(),
            }),
        }
    }
    places
}

/// The country with the most weight, the first named on a tie.
fn focus_country<'g>(places: &[Tally<'g>]) -> Option<&'g str> {
    // (country, weight, first); places come in the order they are first named.
    let mut countries: Vec<(&str, u32, usize)> = Vec::new();
    for t in places {
        match countries.iter_mut().find(|c| c.0 == t.country) {
            Some(c) => c.1 += t.weight,
            None => countries.push((t.country, t.weight, t.first)),
        }
    }
    countries
        .into_iter()
        .max_by_key(|&(_, weight, first)| (weight, std::cmp::Reverse(first)))
        .map(|(country, _, _)| country)
}

/// Where the dateline of `text` is, in bytes, if it has one (see the module docs): at the start
/// of the text, or of its second line, since a text file carries its headline on the first.
fn dateline(g: &Gazetteer, text: &str, mentions: &[Mention]) -> Option<Range<usize>> {
    let first_line = text.len() - text.trim_start().len();
    let second_line = text.find('\n').map(|nl| {
        let rest = &text[nl + 1..];
        nl + 1 + rest.len() - rest.trim_start().len()
    });
    [Some(first_line), second_line]
        .into_iter()
        .flatten()
        .find_map(|start| dateline_at(g, text, mentions, start))
}

/// The dateline that starts at byte `start` of `text`, if there is one.
fn dateline_at(
    g: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    start: usize,
) -> Option<Range<usize>> {
    let first = mentions
        .iter()
        .find(|m| m.field == Field::Text && m.byte_start == start)?;
    let is_place =
        matches!(first.entity, EntityRef::Known(e) if g.traits(e).class == Traits::PLACE);
    let name = &text[first.byte_start..first.byte_end];
    if !is_place || name.chars().any(char::is_lowercase) {
        return None;
    }
    let rest = &text[first.byte_end..];
    let after = rest.trim_start_matches(' ');
    if !(after.starts_with([',', '(', ':']) || after.starts_with(DASHES)) {
        return None;
    }
    for (i, c) in rest.char_indices() {
        let at = first.byte_end + i;
        if at - start > DATELINE_MAX_BYTES || c == '\n' {
            return None;
        }
        // A hyphen is a dash only after a space: "MOSCOW-based" is no dateline.
        let hyphen = c == '-' && rest[..i].ends_with(' ');
        if DASHES.contains(&c) || c == ':' || hyphen {
            return Some(start..at);
        }
    }
    None
}

/// The dashes that end a dateline besides a spaced hyphen: em dash, en dash.
const DASHES: [char; 2] = ['—', '–'];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, ExtractOptions, Extractor, GazetteerBuilder};
    use std::sync::Arc;

    const TSV: &str = "id\tname\ttype\taliases\tcountry\tlat\tlon\n\
        Syria\tSyria\tplace\t\tSY\t\t\n\
        Russia\tRussia\tplace\t\tRU\t\t\n\
        Turkey\tTurkey\tplace\t\tTR\t\t\n\
        Idlib_Governorate\tIdlib Governorate\tplace\tIdlib province\tSY\t\t\n\
        Damascus\tDamascus\tplace\t\tSY\t33.5102\t36.29128\n\
        Aleppo\tAleppo\tplace\t\tSY\t36.20124\t37.16117\n\
        Moscow\tMoscow\tplace\t\tRU\t55.75204\t37.61781\n\
        Ankara\tAnkara\tplace\t\tTR\t39.91987\t32.85427\n\
        Europe\tEurope\tplace\t\t\t54\t15\n\
        Vladimir_Putin\tVladimir Putin\tperson\tPutin\tRU\t\t\n";

    /// The focus country and the focus place's id of a document with this title and text.
    fn focus_of(title: Option<&str>, text: &str) -> Option<(String, String)> {
        let g = Arc::new(
            GazetteerBuilder::new()
                .add_text("t.tsv", TSV)
                .build()
                .unwrap(),
        );
        let ex = Extractor::new(
            g.clone(),
            ExtractOptions {
                discover: false,
                ..Default::default()
            },
        );
        let doc = Document {
            id: "d".into(),
            title: title.map(String::from),
            text: text.into(),
            date: None,
            bytes: 0,
        };
        let out = ex.extract(&doc);
        focus(&g, &doc.text, &out.mentions)
            .map(|f| (f.country.to_string(), g.entity(f.place).id.to_string()))
    }

    fn pair(country: &str, place: &str) -> Option<(String, String)> {
        Some((country.into(), place.into()))
    }

    #[test]
    fn the_country_named_most_is_the_focus() {
        let text = "Russia sent aid to Syria. Officials in Syria thanked Russia, and Syria asked for more.";
        assert_eq!(focus_of(None, text), pair("SY", "Syria"));
    }

    #[test]
    fn cities_count_toward_their_country() {
        let text = "Shells fell on Aleppo on Monday. Families fled Aleppo for Damascus, \
                    while Russia said it would send aid.";
        assert_eq!(focus_of(None, text), pair("SY", "Aleppo"));
    }

    #[test]
    fn a_city_is_a_more_specific_focus_place_than_its_country() {
        let text = "Syria held talks. Syria and its allies met in Damascus. Syria agreed.";
        assert_eq!(focus_of(None, text), pair("SY", "Damascus"));
    }

    #[test]
    fn a_region_is_the_focus_place_when_no_city_is_named() {
        let text = "Fighting spread across Idlib province. Idlib province is held by rebels; Syria's army shelled it.";
        assert_eq!(focus_of(None, text), pair("SY", "Idlib_Governorate"));
    }

    #[test]
    fn a_title_weighs_more_than_a_body_mention() {
        let text = "Russia said the talks went well. Russia will host the next round.";
        assert_eq!(focus_of(None, text), pair("RU", "Russia"));
        assert_eq!(
            focus_of(Some("Syria seeks new partners"), text),
            pair("SY", "Syria")
        );
    }

    #[test]
    fn a_dateline_weighs_like_a_title() {
        let body = "Envoys from Syria met officials. Syria said the talks went well.";
        assert_eq!(focus_of(None, body), pair("SY", "Syria"));
        for dateline in [
            "ANKARA — ",
            "ANKARA (Reuters) - ",
            "ANKARA, Turkey — ",
            "ANKARA: ",
        ] {
            assert_eq!(
                focus_of(None, &format!("{dateline}{body}")),
                pair("TR", "Ankara"),
                "{dateline}"
            );
        }
    }

    #[test]
    fn a_dateline_may_follow_a_headline_line() {
        let text = "Talks on Syria end\nANKARA — Syria said the talks went well.";
        assert_eq!(focus_of(None, text), pair("TR", "Ankara"));
    }

    #[test]
    fn a_dateline_decides_a_tie() {
        let body = "Russia and Syria signed a deal. Russia and Syria will meet again.";
        assert_eq!(focus_of(None, body), pair("RU", "Russia"), "first named");
        assert_eq!(
            focus_of(None, &format!("DAMASCUS — {body}")),
            pair("SY", "Damascus")
        );
    }

    #[test]
    fn only_capitals_at_the_start_then_a_dash_make_a_dateline() {
        let not_datelines = [
            "Ankara — Syria and Syria.",
            "ANKARA said Syria - and Syria.",
            "ANKARA-based envoys. Syria and Syria.",
            "Talks: ANKARA — Syria and Syria.",
            "ANKARA\n— Syria and Syria.",
            "Talks.\nSyria and Syria.\nANKARA — Syria.",
        ];
        for text in not_datelines {
            assert_eq!(focus_of(None, text), pair("SY", "Syria"), "{text}");
        }
    }

    #[test]
    fn people_and_places_without_a_country_do_not_count() {
        assert_eq!(focus_of(None, "Putin spoke about Europe."), None);
        assert_eq!(focus_of(None, "Nothing happened here."), None);
        assert_eq!(
            focus_of(None, "Putin spoke about Europe and Russia."),
            pair("RU", "Russia")
        );
    }
}
