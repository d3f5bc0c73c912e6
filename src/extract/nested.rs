//! Names inside names: a known place inside the name of a group or place is a mention of that
//! place too ("Copenhagen" in "University of Copenhagen", "Boston" in "Boston Red Sox"), and a
//! known name followed or preceded by a cue word is part of a longer name no gazetteer lists
//! ("Brighton High School", "University of Tromsø", "Carnegie Hall"), which is a group or a
//! place by its cue word. "Cambridge, Massachusetts" names the city and the state.
//!
//! It runs after resolution, over the mentions of each field; the mentions it adds overlap the
//! ones they are inside, which stay.

use crate::discovery::{self, Discoverer, NameType};
use crate::gazetteer::{Gazetteer, Traits};
use crate::lexicon::Weak;
use crate::matching::{Occurrence, Scratch};
use crate::model::{EntityRef, MatchKind, NewEntity};
use crate::resolve::{FieldScan, Resolved};

/// Most capitalized words between a known name and the cue word that ends the longer name
/// ("Ohio [State] University", "Brighton [High] School"): more is a headline or a list.
const MAX_WORDS_BEFORE_CUE: usize = 2;

/// Most capitalized words before a cue word that opens a name ("[Calvary] Church of Santa
/// Ana"), as in discovery's names that open with "of".
const MAX_WORDS_BEFORE_OPENER: usize = 3;

/// What [`add`] needs from the extractor.
pub(super) struct Nesting<'a> {
    pub(super) g: &'a Gazetteer,
    pub(super) discoverer: Option<&'a Discoverer>,
    pub(super) scratch: &'a mut Scratch,
    /// A buffer for the occurrences of one name.
    pub(super) occurrences: &'a mut Vec<Occurrence>,
    /// Whether names inside names stay ([`crate::ExtractOptions::nested`]).
    pub(super) keep_inner: bool,
}

/// Adds to each field of `out` the longer names around known names, the names cut at a comma,
/// and the known places inside names of groups and places; without `keep_inner`, drops the
/// names inside longer names instead.
pub(super) fn add(
    n: &mut Nesting<'_>,
    fields: &[FieldScan<'_>],
    new_entities: &mut Vec<NewEntity>,
    out: &mut [Vec<Resolved>],
) {
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        if let Some(d) = n.discoverer {
            absorb(d, n.g, field.text, new_entities, res);
        }
        split_commas(n, field.text, res);
        if n.keep_inner {
            inner_places(n, field.text, new_entities, res);
        }
        // Most fields gain no mention here and stay sorted.
        let key = |r: &Resolved| (r.start, std::cmp::Reverse(r.end));
        if !res.is_sorted_by_key(key) {
            res.sort_by_key(key);
        }
        if !n.keep_inner {
            drop_inner(res);
        }
    }
}

/// Drops the mentions inside another mention of `res` (sorted by start, longer first).
fn drop_inner(res: &mut Vec<Resolved>) {
    let mut end = 0;
    res.retain(|r| {
        let inside = r.end <= end;
        end = end.max(r.end);
        !inside
    });
}

/// The class of the entity of a mention ([`Traits`]).
fn class_of(g: &Gazetteer, new_entities: &[NewEntity], e: EntityRef) -> u8 {
    match e {
        EntityRef::Known(i) => g.traits(i).class,
        EntityRef::New(i) => match new_entities[i as usize].kind {
            "person" => Traits::PERSON,
            "group" => Traits::GROUP,
            "place" => Traits::PLACE,
            _ => Traits::OTHER,
        },
    }
}

/// The word of `text` that starts at byte `i`: letters, digits, and inner dots, hyphens and
/// apostrophes ("St.", "Wilkes-Barre", "Queen's"), with a dot at its end ("Inc.", or the end
/// of a sentence: [`bare`] drops it).
fn word_at(text: &str, i: usize) -> &str {
    let rest = &text[i..];
    let mut end = 0;
    for (k, c) in rest.char_indices() {
        if c.is_alphanumeric() || (k > 0 && matches!(c, '.' | '-' | '\'' | '\u{2019}')) {
            end = k + c.len_utf8();
        } else {
            break;
        }
    }
    rest[..end].trim_end_matches(['-', '\'', '\u{2019}'])
}

/// A word without the dot at its end.
fn bare(w: &str) -> &str {
    w.trim_end_matches('.')
}

/// The word of `text` that ends at byte `j`, with its start.
fn word_before(text: &str, j: usize) -> Option<(usize, &str)> {
    let head = &text[..j];
    let s = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '.' | '-' | '\''))
        .last()
        .map(|(k, _)| k)?;
    let w = word_at(text, s);
    (s + w.len() == j).then_some((s, w))
}

/// Where a known name `r` grows to by a cue word after it: over up to
/// [`MAX_WORDS_BEFORE_CUE`] capitalized words then a word that closes a name, each after one
/// space, none inside another gazetteer name; or over a group or place discovery found right
/// after it ("United States" + "Court of Appeals"). `after` are the mentions after `r`. Returns
/// the end and the kind of the cue word (the last such cue word wins: "Ohio State University
/// Hospital" is a hospital).
fn grow_right(
    d: &Discoverer,
    text: &str,
    r: &Resolved,
    after: &[Resolved],
    new_entities: &[NewEntity],
) -> Option<(usize, NameType)> {
    let next = after.first().map_or(text.len(), |m| m.start);
    let mut pos = r.end;
    let mut best = None;
    for _ in 0..=MAX_WORDS_BEFORE_CUE {
        if !text[pos..].starts_with(' ') {
            break;
        }
        // The next mention, when it starts right after the space (`next` is the text's end
        // when there is none, and a text may end with that space).
        if let Some(m) = after.first().filter(|m| m.start == pos + 1) {
            return match m.entity {
                EntityRef::New(i) => match new_entities[i as usize].kind {
                    "group" => Some((m.end, NameType::Group)),
                    "place" => Some((m.end, NameType::Place)),
                    _ => best,
                },
                EntityRef::Known(_) => best,
            };
        }
        let w = word_at(text, pos + 1);
        if w.is_empty() || !d.name_word(w) || pos + 1 + w.len() > next {
            break;
        }
        // "Inc." closes a name with its dot; "School." at the end of a sentence without it.
        let (w, kind) = match d.closes(w) {
            Some(kind) => (w, Some(kind)),
            None => (bare(w), d.closes(bare(w))),
        };
        pos += 1 + w.len();
        // A cue word followed by another capitalized word is inside a longer phrase ("Trump
        // Press Secretary"), not the end of a name.
        let then_cap = text[pos..]
            .strip_prefix(' ')
            .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase()));
        if let Some(kind) = kind.filter(|_| !then_cap) {
            best = Some((pos, kind));
        }
    }
    best
}

/// Where a known place `r` grows to by a word that opens a name with "of" before it ("Church
/// of", "University of the"), with up to [`MAX_WORDS_BEFORE_OPENER`] capitalized words before
/// that word, none inside another gazetteer name. Returns the start and the kind of the opener.
fn grow_left(
    d: &Discoverer,
    text: &str,
    r: &Resolved,
    prev_known: usize,
) -> Option<(usize, NameType)> {
    let head = &text[..r.start];
    let at = head
        .strip_suffix(" of ")
        .or_else(|| head.strip_suffix(" of the "))?
        .len();
    let (mut s, opener) = word_before(text, at).filter(|&(s, _)| s >= prev_known)?;
    let kind = d.opens(opener)?;
    for _ in 0..MAX_WORDS_BEFORE_OPENER {
        let Some((ws, w)) = s
            .checked_sub(1)
            .filter(|&k| text[k..].starts_with(' '))
            .and_then(|k| word_before(text, k))
        else {
            break;
        };
        if ws < prev_known || !d.name_word(w) {
            break;
        }
        s = ws;
    }
    Some((s, kind))
}

/// A known place or person followed by a cue word ("Brighton High School", "Carnegie Hall"), or
/// a known place after a cue word and "of" ("University of Tromsø"), is inside a longer name:
/// the longer name is added as a new group or place, and names discovery found inside it are
/// dropped. The known name stays: it is named there too.
fn absorb(
    d: &Discoverer,
    g: &Gazetteer,
    text: &str,
    new_entities: &mut Vec<NewEntity>,
    res: &mut Vec<Resolved>,
) {
    let mut grown: Vec<(usize, usize, NameType)> = Vec::new();
    for (k, r) in res.iter().enumerate() {
        let EntityRef::Known(e) = r.entity else {
            continue;
        };
        let class = g.traits(e).class;
        if class != Traits::PLACE && class != Traits::PERSON {
            continue;
        }
        // Most names are followed by a lowercase word or a mark, and not preceded by "of".
        let b = text.as_bytes();
        let right_may = b.get(r.end) == Some(&b' ')
            && b.get(r.end + 1)
                .is_some_and(|&c| c.is_ascii_uppercase() || c >= 0x80);
        let left_may = class == Traits::PLACE
            && (text[..r.start].ends_with(" of ") || text[..r.start].ends_with(" of the "));
        if !right_may && !left_may {
            continue;
        }
        // The gazetteer names around bound the growth; discovered ones may be absorbed.
        let known = |m: &&Resolved| matches!(m.entity, EntityRef::Known(_));
        let right = right_may
            .then(|| grow_right(d, text, r, &res[k + 1..], new_entities))
            .flatten();
        let left = left_may
            .then(|| {
                let prev_known = res[..k].iter().rev().find(known).map_or(0, |m| m.end);
                grow_left(d, text, r, prev_known)
            })
            .flatten();
        let (s, e, kind) = match (left, right) {
            (Some((s, kind)), _) => (s, r.end, kind),
            (None, Some((e, kind))) => (r.start, e, kind),
            (None, None) => continue,
        };
        grown.push((s, e, kind));
    }
    for (s, e, kind) in grown {
        let crosses = |m: &Resolved| (m.start < s && s < m.end) || (m.start < e && e < m.end);
        if res.iter().any(crosses) {
            continue;
        }
        res.retain(|m| !(matches!(m.entity, EntityRef::New(_)) && s <= m.start && m.end <= e));
        if res.iter().any(|m| m.start == s && m.end == e) {
            continue;
        }
        let name = discovery::canonical(&text[s..e]);
        let Some(idx) = new_entity(new_entities, &name, kind) else {
            continue;
        };
        res.push(Resolved::new(
            s,
            e,
            EntityRef::New(idx),
            MatchKind::Discovered,
        ));
    }
}

/// The entity of a name found here: the new entity of its id (`new:` and its slug), added when
/// it is the first; None when the name has no slug.
fn new_entity(new_entities: &mut Vec<NewEntity>, name: &str, kind: NameType) -> Option<u32> {
    let slug = discovery::slug(name);
    if slug.is_empty() {
        return None;
    }
    let id = format!("new:{slug}");
    if let Some(i) = new_entities.iter().position(|n| *n.id == *id) {
        return Some(i as u32);
    }
    new_entities.push(NewEntity {
        id: id.into(),
        name: name.into(),
        kind: kind.as_str(),
    });
    Some(new_entities.len() as u32 - 1)
}

/// The place a known alias at `o` names, of its candidates: one the document already names,
/// else the most prominent that is no ordinary word ("Union", "Jordan"), which needs the
/// document to name it.
fn place_of(g: &Gazetteer, o: &Occurrence, res: &[Resolved]) -> Option<u32> {
    let places = o.candidates.iter().filter(|c| {
        matches!(c.kind, MatchKind::Exact | MatchKind::Variant)
            && g.traits(c.entity).class == Traits::PLACE
    });
    if let Some(c) = places
        .clone()
        .find(|c| res.iter().any(|r| r.entity == EntityRef::Known(c.entity)))
    {
        return Some(c.entity);
    }
    places
        .filter(|c| c.weak == Weak::No)
        .max_by(|a, b| {
            let (ta, tb) = (g.traits(a.entity), g.traits(b.entity));
            ta.prominence
                .total_cmp(&tb.prominence)
                .then_with(|| b.entity.cmp(&a.entity))
        })
        .map(|c| c.entity)
}

/// "Cambridge, Massachusetts" as one mention of the city is the city on "Cambridge" and the
/// state on "Massachusetts", when the part after the comma is a known place by itself.
fn split_commas(n: &mut Nesting<'_>, text: &str, res: &mut Vec<Resolved>) {
    let mut added = Vec::new();
    for k in 0..res.len() {
        let r = &res[k];
        let EntityRef::Known(e) = r.entity else {
            continue;
        };
        let span = &text.as_bytes()[r.start..r.end];
        let Some(comma) = memchr::memchr(b',', span).filter(|&c| span.get(c + 1) == Some(&b' '))
        else {
            continue;
        };
        if n.g.traits(e).class != Traits::PLACE {
            continue;
        }
        let (after, end) = (r.start + comma + 2, r.end);
        n.occurrences.clear();
        n.g.matcher()
            .scan(&text[after..end], n.scratch, n.occurrences);
        let whole = n
            .occurrences
            .iter()
            .find(|o| o.start == 0 && after + o.end == end);
        if let Some(p) = whole.and_then(|o| place_of(n.g, o, res)) {
            added.push(Resolved::new(after, end, EntityRef::Known(p), res[k].kind));
            res[k].end = res[k].start + comma;
        }
    }
    res.extend(added);
}

/// Adds the known places inside the names of groups and places of two words or more that no
/// mention covers yet: the alias that starts the name (without its last word) and the ones
/// after its first word.
fn inner_places(
    n: &mut Nesting<'_>,
    text: &str,
    new_entities: &[NewEntity],
    res: &mut Vec<Resolved>,
) {
    let mut added: Vec<Resolved> = Vec::new();
    // The places inside each name already looked at, relative to its start: a name is often
    // written several times, and its places are the same each time.
    let mut seen: Vec<(&str, Vec<Inner>)> = Vec::new();
    for r in res.iter() {
        // A gazetteer place is named as a whole ("South Africa" is no mention of Africa); a
        // place named by its cue word is named after the place in it ("Tampa Bay").
        let outer = match r.entity {
            EntityRef::Known(i) => n.g.traits(i).class == Traits::GROUP,
            EntityRef::New(_) => class_of(n.g, new_entities, r.entity) != Traits::PERSON,
        };
        let span = &text[r.start..r.end];
        if !outer || !span.contains(' ') {
            continue;
        }
        let k = match seen.iter().position(|(t, _)| *t == span) {
            Some(k) => k,
            None => {
                seen.push((span, places_in(n, text, r, res)));
                seen.len() - 1
            }
        };
        for &(s, e, p, kind) in &seen[k].1 {
            let (s, e) = (r.start + s, r.start + e);
            let covered = |m: &Resolved| m.start < e && s < m.end && m.end - m.start < span.len();
            if res.iter().any(covered) || added.iter().any(|m| m.start < e && s < m.end) {
                continue;
            }
            added.push(Resolved::new(s, e, EntityRef::Known(p), kind));
        }
    }
    res.extend(added);
}

/// A known place inside a name: its start and end relative to the name's, the place, and how
/// its alias matched.
type Inner = (usize, usize, u32, MatchKind);

/// The known places inside the name `r` (of two words or more), relative to its start.
fn places_in(n: &mut Nesting<'_>, text: &str, r: &Resolved, res: &[Resolved]) -> Vec<Inner> {
    let span = &text[r.start..r.end];
    let (Some(first_end), Some(last_start)) = (span.find(' '), span.rfind(' ')) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for lo in [0, first_end + 1] {
        let hi = if lo == 0 { last_start } else { span.len() };
        n.occurrences.clear();
        n.g.matcher().scan(&span[lo..hi], n.scratch, n.occurrences);
        for o in n.occurrences.iter() {
            let (s, e) = (lo + o.start, lo + o.end);
            if (s, e) == (0, span.len())
                || found
                    .iter()
                    .any(|f: &(usize, usize, u32, MatchKind)| f.0 < e && s < f.1)
            {
                continue;
            }
            if let Some(p) = place_of(n.g, o, res) {
                found.push((s, e, p, o.candidates[0].kind));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::{Document, ExtractOptions, Extractor, GazetteerBuilder};
    use std::sync::Arc;

    const ROWS: &str = "Quillby\tQuillby\tplace\t\nQuillshire\tQuillshire\tplace\t\n\
        Dunmore\tDunmore, Quillshire\tplace\t\nSouth_Quillby\tSouth Quillby\tplace\t\n\
        Quillby_Rovers\tQuillby Rovers\tgroup\t\nDorian_Pelt\tDorian Pelt\tperson\t\n\
        Union_Isle\tUnion\tplace\t\n";

    /// The (text, entity name, type) of every mention in `text`, with `nested` on or off.
    fn found(text: &str, nested: bool) -> Vec<(String, String, String)> {
        let mut b = GazetteerBuilder::new();
        b.add_text("t.tsv", &format!("id\tname\ttype\taliases\n{ROWS}"));
        let g = Arc::new(b.build().unwrap());
        let options = ExtractOptions {
            nested,
            ..Default::default()
        };
        let ex = Extractor::new(g.clone(), options);
        let doc = Document {
            id: "1".into(),
            text: text.into(),
            ..Default::default()
        };
        let out = ex.extract(&doc);
        out.mentions
            .iter()
            .map(|m| {
                (
                    text[m.byte_start..m.byte_end].to_string(),
                    out.entity_name(&g, m.entity).to_string(),
                    out.entity_type(&g, m.entity).to_string(),
                )
            })
            .collect()
    }

    fn has(got: &[(String, String, String)], text: &str, kind: &str) -> bool {
        got.iter().any(|(t, _, k)| t == text && k == kind)
    }

    #[test]
    fn a_cue_word_makes_a_longer_name_around_a_known_place() {
        let got = found(
            "She studied at the University of Quillby, then taught at Quillby High School. \
             Boats sailed up the Quillby River.",
            true,
        );
        for (text, kind) in [
            ("University of Quillby", "group"),
            ("Quillby High School", "group"),
            ("Quillby River", "place"),
        ] {
            assert!(has(&got, text, kind), "{text}: {got:?}");
        }
        let quillby = got.iter().filter(|(t, _, _)| t == "Quillby").count();
        assert_eq!(quillby, 3, "{got:?}");
    }

    #[test]
    fn a_text_that_ends_in_a_space_after_a_name_word_is_no_panic() {
        // Found by the threads fuzz target: the growth reached the text's last space with no
        // mention after it.
        for text in ["They met in Quillby Vl ", "Quillby Vl ", "Quillby "] {
            let got = found(text, true);
            assert!(has(&got, "Quillby", "place"), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn a_known_place_inside_a_known_group_is_named() {
        let got = found("The Quillby Rovers won again.", true);
        assert!(has(&got, "Quillby Rovers", "group"), "{got:?}");
        assert!(has(&got, "Quillby", "place"), "{got:?}");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_town_and_its_region_after_a_comma_are_two_places() {
        let got = found("He was born in Dunmore, Quillshire in 1950.", true);
        let names: Vec<(&str, &str)> = got.iter().map(|m| (&*m.0, &*m.1)).collect();
        assert_eq!(
            names,
            [
                ("Dunmore", "Dunmore, Quillshire"),
                ("Quillshire", "Quillshire")
            ]
        );
    }

    #[test]
    fn nothing_nested_where_it_must_not_be() {
        // A gazetteer place is named as a whole.
        let got = found("They drove to South Quillby.", true);
        assert_eq!(got.len(), 1, "{got:?}");
        // A title after a person is no name; lowercase cue words make none.
        let got = found(
            "Dorian Pelt Press Secretary spoke; the Quillby school shut.",
            true,
        );
        assert!(got.iter().all(|(_, _, k)| k != "group"), "{got:?}");
        // An ordinary word is no place inside a name unless the document names the place.
        let got = found("The Union Pacific Railroad Company grew.", true);
        assert!(!got.iter().any(|(t, _, _)| t == "Union"), "{got:?}");
    }

    #[test]
    fn nested_off_names_no_place_inside_another_name() {
        let got = found(
            "The Quillby Rovers won at the University of Quillby.",
            false,
        );
        let names: Vec<&str> = got.iter().map(|m| &*m.0).collect();
        assert_eq!(names, ["Quillby Rovers", "University of Quillby"]);
    }
}
