//! Gazetteers: the lists of people, groups and places newsner knows, loaded from TSV, checked
//! whole before any work starts, and compiled into a [`Matcher`].
//!
//! A file has a header naming at least `id`, `name`, `type` and `aliases` (in any order; other
//! columns such as `prominence`, `country`, `admin1`, `lat`, `lon` or `population` may follow), then one
//! entity per line.
//! `#` starts a comment line. `name` is the canonical name (the English Wikipedia title), `type` is
//! `person`, `group`, `place` or another lowercase label, and `aliases` are separated by `|`.
//! The files in `gazetteers/` are compiled into the binary as the default.

pub mod cache;
pub mod lint;
pub mod snapshot;
pub mod variants;

use crate::error::{Error, Errors};
use crate::lexicon::{shipped_lists, Weak, WordLists};
use crate::matching::{AliasProblem, Matcher, MatcherBuilder};
use crate::model::MatchKind;
use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The default gazetteer files, embedded at build time.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("people.tsv", include_str!("../../gazetteers/people.tsv")),
    ("groups.tsv", include_str!("../../gazetteers/groups.tsv")),
    ("places.tsv", include_str!("../../gazetteers/places.tsv")),
    (
        "places_extra.tsv",
        include_str!("../../gazetteers/places_extra.tsv"),
    ),
    (
        "people_extra.tsv",
        include_str!("../../gazetteers/people_extra.tsv"),
    ),
    (
        "groups_extra.tsv",
        include_str!("../../gazetteers/groups_extra.tsv"),
    ),
];

/// An entity: one person, group or place.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Unique id, as in the gazetteer.
    pub id: Box<str>,
    /// Canonical name: the English Wikipedia title.
    pub name: Box<str>,
    /// Index into [`Gazetteer::types`].
    pub kind: u16,
    /// Higher means more often in the news; breaks ties between entities sharing an alias.
    pub prominence: f32,
    /// ISO 3166-1 alpha-2 country code, when the gazetteer gives one.
    pub country: Option<Box<str>>,
    /// The first-level division of [`Entity::country`] it lies in or is (the GeoNames admin1
    /// code: `NY`, `31`), when the gazetteer gives one: a story that names a state prefers the
    /// state's towns among namesakes.
    pub admin1: Option<Box<str>>,
    /// Where it is, when the gazetteer gives both `lat` and `lon`.
    pub coordinates: Option<LatLon>,
    /// A body of one country's politics or state: its `kind` column is `party`, `government`
    /// or `armed group`. Its acronym names it only in a story that names its country or its
    /// full name ("PSP" is mostly a games console outside Lebanon).
    pub national: bool,
}

/// The `kind`s of group that belong to the politics or state of one country
/// ([`Entity::national`]). Companies, media and sports bodies are named across borders.
const NATIONAL_KINDS: &[&str] = &["party", "government", "armed group"];

/// A point on the globe, in decimal degrees as the gazetteer writes them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    /// Latitude, from -90 (south) to 90 (north).
    pub lat: f64,
    /// Longitude, from -180 (west) to 180 (east).
    pub lon: f64,
}

/// One row of a gazetteer file, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The entity.
    pub entity: Entity,
    /// Type label.
    pub type_name: String,
    /// Aliases, not including the name.
    pub aliases: Vec<String>,
    /// Where it was read: file and line.
    pub origin: (String, u64),
}

/// Reads gazetteer files, checks them and builds a [`Gazetteer`].
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    /// Whether to generate spelling variants and surnames (on unless switched off).
    generate: bool,
    rows: Vec<Row>,
    by_id: FxHashMap<String, usize>,
    errors: Vec<Error>,
    default_ids: usize,
}

/// Stop collecting errors after this many: the first ones are what a user needs.
const MAX_ERRORS: usize = 50;

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        GazetteerBuilder {
            generate: true,
            ..Self::default()
        }
    }

    /// Whether to generate spelling variants and surname forms of names (default: yes).
    pub fn generate_variants(&mut self, yes: bool) -> &mut Self {
        self.generate = yes;
        self
    }

    /// Adds the gazetteer compiled into the binary.
    pub fn add_default(&mut self) -> &mut Self {
        for (name, text) in DEFAULT_FILES {
            self.add_text(&format!("<default>/{name}"), text);
        }
        self.default_ids = self.rows.len();
        self
    }

    /// Adds a file, or every `.tsv` file below a folder (sorted by path).
    pub fn add_path(&mut self, path: &Path) -> &mut Self {
        let shown = path.display().to_string();
        if path.is_dir() {
            let mut files = Vec::new();
            if let Err(e) = collect_tsv(path, &mut files) {
                self.errors.push(Error::io(&shown, &e));
            }
            files.sort();
            for f in files {
                self.add_path(&f);
            }
            return self;
        }
        match std::fs::read(path).and_then(decompressed) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    self.add_text(&shown, &text);
                }
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let line =
                        e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
                    self.errors.push(Error::gazetteer(
                        &shown,
                        line,
                        format!("invalid UTF-8 at byte {at}"),
                    ));
                }
            },
            Err(e) => self.errors.push(Error::io(&shown, &e)),
        }
        self
    }

    fn error(&mut self, file: &str, line: u64, msg: String) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(Error::gazetteer(file, line, msg));
        }
    }

    /// Adds the rows of one TSV text; `file` names it in errors.
    pub fn add_text(&mut self, file: &str, text: &str) -> &mut Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut header: Option<Columns> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = i as u64 + 1;
            let l = raw.strip_suffix('\r').unwrap_or(raw);
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            let Some(cols) = &header else {
                match Columns::parse(l) {
                    Ok(c) => header = Some(c),
                    Err(m) => {
                        self.error(file, line, m);
                        return self;
                    }
                }
                continue;
            };
            let fields: Vec<&str> = l.split('\t').collect();
            if let Some(msg) = cols.shape_error(&fields) {
                self.error(file, line, msg);
                continue;
            }
            let row = match parse_row(cols, &fields, file, line) {
                Ok(row) => row,
                Err(m) => {
                    self.error(file, line, m);
                    continue;
                }
            };
            let id = &*row.entity.id;
            match self.by_id.get(id) {
                // A user's row replaces a default one with the same id.
                Some(&at) if at < self.default_ids => self.rows[at] = row,
                Some(&at) => {
                    let (f, l) = self.rows[at].origin.clone();
                    self.error(
                        file,
                        line,
                        format!("duplicate id `{id}` (first at {f}:{l})"),
                    );
                }
                None => {
                    self.by_id.insert(id.to_string(), self.rows.len());
                    self.rows.push(row);
                }
            }
        }
        // A file without a header (empty, or only comments) adds nothing; that is not an error.
        self
    }

    /// Errors found so far while reading files.
    pub(crate) fn error_count(&self) -> usize {
        self.errors.len()
    }

    /// The first file that could not be read, if any.
    pub(crate) fn unreadable(&self) -> Option<&Error> {
        self.errors
            .iter()
            .find(|e| e.kind() == crate::error::ErrorKind::Io)
    }

    /// The rows read so far.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Checks everything and compiles the matcher; all errors found are returned together.
    pub fn build(&self) -> Result<Gazetteer, Errors> {
        let mut errors = self.errors.clone();
        let mut types: Vec<Box<str>> = vec!["person".into(), "group".into(), "place".into()];
        let mut entities = Vec::with_capacity(self.rows.len());
        let words = shipped_lists().clone();
        let mut mb = MatcherBuilder::with_words(words.clone());
        // Names, listed aliases and generated spellings: about three per entity.
        mb.reserve(self.rows.iter().map(|r| 3 + r.aliases.len()).sum());
        // Entities are numbered in id order, so that nothing downstream depends on file order.
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| self.rows[a].entity.id.cmp(&self.rows[b].entity.id));
        for (idx, &r) in order.iter().enumerate() {
            let row = &self.rows[r];
            let kind = match types.iter().position(|t| **t == *row.type_name) {
                Some(k) => k,
                None => {
                    types.push(row.type_name.as_str().into());
                    types.len() - 1
                }
            };
            let mut e = row.entity.clone();
            e.kind = kind as u16;
            let exact: Vec<&str> = names_of(&e, kind == 2)
                .chain(row.aliases.iter().map(String::as_str))
                .collect();
            for alias in &exact {
                let problem = match mb.add(alias, idx as u32, MatchKind::Exact) {
                    Ok(()) => continue,
                    Err(AliasProblem::NoWord) => {
                        format!("alias `{alias}` of `{}` has no letter or digit", e.id)
                    }
                    Err(AliasProblem::HashCollision(a, b)) => {
                        format!("tokens `{a}` and `{b}` have the same hash; please report this")
                    }
                };
                if errors.len() < MAX_ERRORS {
                    let (f, l) = &row.origin;
                    errors.push(Error::gazetteer(f, *l, problem));
                }
            }
            // Spellings news uses that the gazetteer need not list; an exact alias of the same
            // entity at the same place wins (the builder keeps the first).
            if self.generate {
                let type_name = &*types[kind];
                for alias in &exact {
                    for v in variants::variants(alias, type_name) {
                        let _ = mb.add(&v, idx as u32, MatchKind::Variant);
                    }
                    // Not where the word is an ordinary word or a name too ("Shape",
                    // "Olaf"): one spelling that is both is left to its other sense.
                    let word_acronym = variants::word_acronym(alias, type_name)
                        .filter(|v| words.weak(&v.to_ascii_lowercase()) == Weak::No);
                    if let Some(v) = word_acronym {
                        let _ = mb.add(&v, idx as u32, MatchKind::Variant);
                    }
                }
                for s in variants::surnames(&e.name, type_name) {
                    let _ = mb.add(&s, idx as u32, MatchKind::Surname);
                }
            }
            entities.push(e);
        }
        if !errors.is_empty() {
            return Err(Errors(errors));
        }
        let traits = traits_of(&entities, &types);
        let regions = regions_of(&entities);
        Ok(Gazetteer {
            entities,
            types,
            traits,
            regions,
            matcher: mb.build(),
            words,
            people_by_ends: OnceLock::new(),
        })
    }
}

/// What resolution asks of an entity, in eight bytes: its rules look at the type, prominence
/// and country of every candidate, and reading them from the [`Entity`] records (56 bytes each,
/// a megabyte for a big gazetteer, its country a string elsewhere) missed the cache once or
/// twice a candidate. These fit eight to a cache line, all of them in a few hundred kilobytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Traits {
    /// [`Entity::prominence`].
    pub prominence: f32,
    /// The country as a number, equal for equal codes: 0 for none, [`Traits::OTHER_COUNTRY`]
    /// when the gazetteer has too many countries to number them all (then the code is only in
    /// the [`Entity`]), else one more than the code's place in the order codes were first seen.
    pub country: u16,
    /// [`Traits::PERSON`], [`Traits::GROUP`], [`Traits::PLACE`] or [`Traits::OTHER`].
    pub class: u8,
    /// [`Entity::national`].
    pub national: bool,
}

impl Traits {
    /// The class of an entity of type `person`.
    pub const PERSON: u8 = 0;
    /// The class of an entity of type `group`.
    pub const GROUP: u8 = 1;
    /// The class of an entity of type `place`.
    pub const PLACE: u8 = 2;
    /// The class of an entity of any other type.
    pub const OTHER: u8 = 3;
    /// The country number of a code beyond the numbered ones.
    pub const OTHER_COUNTRY: u16 = u16::MAX;
}

/// The [`Traits`] of every entity, and the country codes they number.
fn traits_of(entities: &[Entity], types: &[Box<str>]) -> Vec<Traits> {
    let mut countries: Vec<Box<str>> = Vec::new();
    let mut numbers: FxHashMap<&str, u16> = FxHashMap::default();
    let traits = entities
        .iter()
        .map(|e| {
            let class = match &*types[e.kind as usize] {
                "person" => Traits::PERSON,
                "group" => Traits::GROUP,
                "place" => Traits::PLACE,
                _ => Traits::OTHER,
            };
            let country = match e.country.as_deref() {
                None => 0,
                Some(cc) => match numbers.get(cc) {
                    Some(&n) => n,
                    None if countries.len() + 1 < usize::from(Traits::OTHER_COUNTRY) => {
                        countries.push(cc.into());
                        let n = countries.len() as u16;
                        numbers.insert(cc, n);
                        n
                    }
                    None => Traits::OTHER_COUNTRY,
                },
            };
            Traits {
                prominence: e.prominence,
                country,
                class,
                national: e.national,
            }
        })
        .collect();
    traits
}

/// The first-level division of every entity as a number, equal for equal (country, admin1)
/// pairs; None for an entity without both. A division's code means nothing without its country
/// ("01" is Alabama's in no list but the US one).
fn regions_of(entities: &[Entity]) -> Vec<Option<u32>> {
    let mut numbers: FxHashMap<(&str, &str), u32> = FxHashMap::default();
    entities
        .iter()
        .map(|e| {
            let key = (e.country.as_deref()?, e.admin1.as_deref()?);
            let next = numbers.len() as u32;
            Some(*numbers.entry(key).or_insert(next))
        })
        .collect()
}

/// The forms of an entity's own name that text uses: the title, and the title without a
/// disambiguator ("Conservative Party (UK)" is written "Conservative Party"; the place "Afrin,
/// Syria" is written "Afrin").
pub(crate) fn names_of(e: &Entity, place: bool) -> impl Iterator<Item = &str> {
    let name: &str = &e.name;
    let bare = name
        .strip_suffix(')')
        .and_then(|s| s.rfind(" (").map(|i| name[..i].trim()))
        .or_else(|| {
            if place {
                name.split_once(", ").map(|(a, _)| a)
            } else {
                None
            }
        });
    std::iter::once(name).chain(bare)
}

/// The point that the `lat` and `lon` fields of row `id` give: none when both are empty, an
/// error when only one is given or either is not a number in its range.
fn coordinates(id: &str, lat: &str, lon: &str) -> Result<Option<LatLon>, String> {
    let degrees = |what: &str, s: &str, max: f64| match s.parse::<f64>() {
        Ok(v) if (-max..=max).contains(&v) => Ok(v),
        _ => Err(format!(
            "bad {what} `{s}` for id `{id}`: expected a number from -{max} to {max}"
        )),
    };
    match (lat, lon) {
        ("", "") => Ok(None),
        ("", _) | (_, "") => Err(format!("id `{id}` has only one of lat and lon")),
        _ => Ok(Some(LatLon {
            lat: degrees("lat", lat, 90.0)?,
            lon: degrees("lon", lon, 180.0)?,
        })),
    }
}

/// A gazetteer file's bytes, gunzipped when they start like gzip (a `.tsv.gz`).
fn decompressed(bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut out)?;
    Ok(out)
}

/// The row of `fields` under the header `cols`, or what is wrong with it.
fn parse_row(cols: &Columns, fields: &[&str], file: &str, line: u64) -> Result<Row, String> {
    let get = |i: Option<usize>| {
        i.and_then(|i| fields.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    };
    let id = get(Some(cols.id));
    let name = get(Some(cols.name));
    let type_name = get(Some(cols.kind));
    if id.is_empty() {
        return Err("empty id".into());
    }
    if id.contains(char::is_whitespace) {
        return Err(format!("id `{id}` contains white space"));
    }
    if name.is_empty() {
        return Err(format!("empty name for id `{id}`"));
    }
    if [id, name]
        .iter()
        .any(|f| f.len() > 1 && f.starts_with('"') && f.ends_with('"'))
    {
        return Err(format!(
            "quoted field for id `{id}`: TSV takes no quotes; remove them"
        ));
    }
    if !valid_type(type_name) {
        return Err(format!("bad type `{type_name}` for id `{id}`: expected person, group, place or another lowercase label"));
    }
    let prominence = match get(cols.prominence) {
        "" => match get(cols.population).parse::<f64>() {
            Ok(p) if p >= 1.0 => (10.0 * p.log10()) as f32,
            _ => 0.0,
        },
        p => match p.parse::<f32>() {
            Ok(v) if v.is_finite() => v,
            _ => {
                return Err(format!(
                    "bad prominence `{p}` for id `{id}`: expected a number"
                ));
            }
        },
    };
    let country = Some(get(cols.country))
        .filter(|c| !c.is_empty())
        .map(Into::into);
    let admin1 = Some(get(cols.admin1))
        .filter(|c| !c.is_empty())
        .map(Into::into);
    let coordinates = match coordinates(id, get(cols.lat), get(cols.lon)) {
        Ok(c) => c,
        Err(m) => {
            return Err(m);
        }
    };
    let aliases: Vec<String> = get(Some(cols.aliases))
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect();
    Ok(Row {
        entity: Entity {
            id: id.into(),
            name: name.into(),
            kind: 0,
            prominence,
            country,
            admin1,
            coordinates,
            national: NATIONAL_KINDS.contains(&get(cols.group_kind)),
        },
        type_name: type_name.to_string(),
        aliases,
        origin: (file.to_string(), line),
    })
}

fn valid_type(t: &str) -> bool {
    let mut cs = t.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_lowercase())
        && cs.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn collect_tsv(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let p = entry?.path();
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect_tsv(&p, out)?;
        } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("tsv")) {
            out.push(p);
        }
    }
    Ok(())
}

/// Column positions found in a header.
#[derive(Debug)]
struct Columns {
    id: usize,
    name: usize,
    kind: usize,
    aliases: usize,
    prominence: Option<usize>,
    population: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    /// The kind of group ("party", "company"), when the file has the column.
    group_kind: Option<usize>,
    required_len: usize,
    /// Columns the header names: a row with more fields has lost a value to a stray tab.
    width: usize,
}

impl Columns {
    /// What is wrong with the number of fields of a row, if anything.
    fn shape_error(&self, fields: &[&str]) -> Option<String> {
        if fields.len() > self.width {
            return Some(format!(
                "{} fields, but the header names {}: a tab inside a field (aliases are separated by `|`)?",
                fields.len(),
                self.width
            ));
        }
        (fields.len() < self.required_len).then(|| {
            format!(
                "expected at least {} tab-separated fields (id, name, type, aliases), found {}",
                self.required_len,
                fields.len()
            )
        })
    }

    fn parse(header: &str) -> Result<Columns, String> {
        let names: Vec<&str> = header.split('\t').map(str::trim).collect();
        let find = |n: &str| names.iter().position(|h| h.eq_ignore_ascii_case(n));
        let need = |n: &str| {
            find(n).ok_or_else(|| {
                format!("missing column `{n}` in header (a header needs id, name, type and aliases, tab-separated; found `{}`)", names.join(", "))
            })
        };
        if let Some((i, n)) = names
            .iter()
            .enumerate()
            .find(|(i, n)| names[..*i].iter().any(|m| m.eq_ignore_ascii_case(n)))
        {
            return Err(format!(
                "column `{n}` appears twice in header (column {})",
                i + 1
            ));
        }
        let (id, name, kind, aliases) =
            (need("id")?, need("name")?, need("type")?, need("aliases")?);
        Ok(Columns {
            id,
            name,
            kind,
            aliases,
            prominence: find("prominence"),
            population: find("population"),
            country: find("country"),
            admin1: find("admin1"),
            lat: find("lat"),
            lon: find("lon"),
            group_kind: find("kind"),
            // A row may leave out trailing empty alias and optional fields.
            required_len: id.max(name).max(kind) + 1,
            width: names.len(),
        })
    }
}

/// A checked, compiled gazetteer. Immutable; share it across threads.
#[derive(Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    types: Vec<Box<str>>,
    /// Per entity, what resolution asks of it.
    traits: Vec<Traits>,
    /// Per entity, its first-level division ([`regions_of`]).
    regions: Vec<Option<u32>>,
    matcher: Matcher,
    words: Arc<WordLists>,
    /// The people by the key of their name ([`variants::name_ends_key`]); built when first
    /// asked (only a document that discovers a person named in full asks).
    people_by_ends: OnceLock<FxHashMap<Box<str>, Vec<u32>>>,
}

impl Gazetteer {
    /// The default gazetteer compiled into the binary.
    pub fn default_gazetteer() -> Result<Gazetteer, Errors> {
        GazetteerBuilder::new().add_default().build()
    }

    /// Entity number `i`.
    pub fn entity(&self, i: u32) -> &Entity {
        &self.entities[i as usize]
    }

    /// All entities, in id order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with id `id`.
    pub fn find(&self, id: &str) -> Option<u32> {
        // Entities are numbered in id order.
        self.entities
            .binary_search_by(|e| (*e.id).cmp(id))
            .ok()
            .map(|i| i as u32)
    }

    /// A gazetteer from its parts, entities in id order (see [`snapshot`]).
    fn from_parts(entities: Vec<Entity>, types: Vec<Box<str>>, matcher: Matcher) -> Gazetteer {
        let traits = traits_of(&entities, &types);
        let regions = regions_of(&entities);
        Gazetteer {
            entities,
            types,
            traits,
            regions,
            matcher,
            words: shipped_lists().clone(),
            people_by_ends: OnceLock::new(),
        }
    }

    /// The type label of entity `i`.
    pub fn type_name(&self, i: u32) -> &str {
        &self.types[self.entities[i as usize].kind as usize]
    }

    /// The type class, prominence and country number of entity `i`.
    #[inline]
    pub(crate) fn traits(&self, i: u32) -> Traits {
        self.traits[i as usize]
    }

    /// The first-level division of entity `i` as a number, equal for entities in the same
    /// division of the same country; None without a country and an `admin1` code.
    #[inline]
    pub(crate) fn region(&self, i: u32) -> Option<u32> {
        self.regions[i as usize]
    }

    /// All type labels; `person`, `group` and `place` come first.
    pub fn types(&self) -> &[Box<str>] {
        &self.types
    }

    /// The compiled aliases.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The word lists that tell names from ordinary words.
    pub fn words(&self) -> &WordLists {
        &self.words
    }

    /// The people whose name has the key `key` ([`variants::name_ends_key`]).
    pub(crate) fn people_by_ends(&self, key: &str) -> &[u32] {
        let index = self.people_by_ends.get_or_init(|| {
            let mut index: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
            let mut key = String::new();
            for (i, t) in self.traits.iter().enumerate() {
                if t.class == Traits::PERSON
                    && variants::name_ends_key(&self.entities[i].name, &mut key)
                {
                    index.entry(key.as_str().into()).or_default().push(i as u32);
                }
            }
            index
        });
        index.get(key).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(text: &str) -> Result<Gazetteer, String> {
        GazetteerBuilder::new()
            .add_text("g.tsv", text)
            .build()
            .map_err(|e| e.to_string())
    }

    #[test]
    fn reads_rows_and_extra_columns() {
        let g = build("# comment\nid\tname\ttype\taliases\tprominence\nA\tAlpha\tperson\tAl|Alf\t5\nB\tBeta\tthing\t\n").unwrap();
        assert_eq!(g.entities().len(), 2);
        assert_eq!(g.type_name(g.find("B").unwrap()), "thing");
        assert_eq!(g.entity(g.find("A").unwrap()).prominence, 5.0);
    }

    #[test]
    fn errors_name_file_line_and_problem() {
        let cases = [
            ("id\tname\taliases\n", "g.tsv:1: missing column `type`"),
            (
                "id\tname\ttype\taliases\nA\tAlpha\n",
                "g.tsv:2: expected at least 3",
            ),
            (
                "id\tname\ttype\taliases\nA\tAlpha\tperson\t\nA\tAlso\tperson\t\n",
                "g.tsv:3: duplicate id `A` (first at g.tsv:2)",
            ),
            (
                "id\tname\ttype\taliases\nA\t \tperson\t\n",
                "g.tsv:2: empty name for id `A`",
            ),
            (
                "id\tname\ttype\taliases\nA\tAlpha\tPerson!\t\n",
                "g.tsv:2: bad type `Person!`",
            ),
            (
                "id\tname\ttype\taliases\tprominence\nA\tAlpha\tperson\t\thigh\n",
                "g.tsv:2: bad prominence `high`",
            ),
            (
                "id\tname\ttype\taliases\tlat\tlon\nA\tAlpha\tplace\t\t91\t0\n",
                "g.tsv:2: bad lat `91` for id `A`: expected a number from -90 to 90",
            ),
            (
                "id\tname\ttype\taliases\tlat\tlon\nA\tAlpha\tplace\t\t9\teast\n",
                "g.tsv:2: bad lon `east` for id `A`",
            ),
            (
                "id\tname\ttype\taliases\tlat\tlon\nA\tAlpha\tplace\t\t9\n",
                "g.tsv:2: id `A` has only one of lat and lon",
            ),
            (
                "id\tname\ttype\taliases\nA\tAlpha\tperson\t--\n",
                "g.tsv:2: alias `--` of `A` has no letter or digit",
            ),
        ];
        for (text, want) in cases {
            let err = build(text).unwrap_err();
            assert!(
                err.starts_with(want),
                "for {text:?}: got {err:?}, want {want:?}"
            );
        }
    }

    #[test]
    fn reads_country_and_coordinates_in_any_column_order() {
        let g = build("id\tlon\tname\ttype\taliases\tlat\tcountry\nM\t37.61781\tMoscow\tplace\t\t55.75204\tRU\nS\t\tSyria\tplace\t\t\tSY\n").unwrap();
        let m = g.entity(g.find("M").unwrap());
        assert_eq!(m.country.as_deref(), Some("RU"));
        assert_eq!(
            m.coordinates,
            Some(LatLon {
                lat: 55.75204,
                lon: 37.61781
            })
        );
        assert_eq!(g.entity(g.find("S").unwrap()).coordinates, None);
    }

    #[test]
    fn default_places_carry_coordinates() {
        let g = Gazetteer::default_gazetteer().unwrap();
        let at = |id: &str| g.entity(g.find(id).unwrap()).coordinates;
        assert_eq!(
            at("Damascus"),
            Some(LatLon {
                lat: 33.5102,
                lon: 36.29128
            })
        );
        assert!(at("Gaza_Strip").is_some(), "places_extra.tsv has them too");
    }

    #[test]
    fn user_row_replaces_default_row() {
        let mut b = GazetteerBuilder::new();
        b.add_text("d.tsv", "id\tname\ttype\taliases\nA\tAlpha\tperson\t\n");
        b.default_ids = b.rows.len();
        b.add_text("u.tsv", "id\tname\ttype\taliases\nA\tAlpha Two\tperson\t\n");
        let g = b.build().unwrap();
        assert_eq!(&*g.entity(0).name, "Alpha Two");
    }

    #[test]
    fn disambiguators_are_dropped_from_written_names() {
        let g = build("id\tname\ttype\taliases\nC\tConservative Party (UK)\tgroup\t\nA\tAfrin, Syria\tplace\t\nW\tSmith, John\tperson\t\n").unwrap();
        assert_eq!(g.matcher().aliases(), 5 + 1);
    }

    #[test]
    fn default_gazetteer_builds() {
        let g = Gazetteer::default_gazetteer().unwrap();
        assert!(g.find("Vladimir_Putin").is_some());
    }

    #[test]
    fn traits_number_equal_countries_alike() {
        let g = build("id\tname\ttype\taliases\tcountry\tprominence\nA\tAlpha\tperson\t\tFR\t3\nB\tBeta\tplace\t\tDE\t\nC\tGamma\tgroup\t\tFR\t\nD\tDelta\tthing\t\t\t\n").unwrap();
        let t = |id: &str| g.traits(g.find(id).unwrap());
        assert_eq!(
            (t("A").class, t("B").class, t("C").class, t("D").class),
            (Traits::PERSON, Traits::PLACE, Traits::GROUP, Traits::OTHER)
        );
        assert_eq!(t("A").prominence, 3.0);
        assert_eq!(t("A").country, t("C").country);
        assert_ne!(t("A").country, t("B").country);
        assert_eq!(t("D").country, 0);
        assert_ne!(t("A").country, 0);
    }

    #[test]
    fn a_division_code_numbers_one_region_within_its_country_only() {
        let g = build("id\tname\ttype\taliases\tcountry\tadmin1\nA\tAlpha\tplace\t\tUS\tNY\nB\tBeta\tplace\t\tUS\tNY\nC\tGamma\tplace\t\tUS\tNJ\nD\tDelta\tplace\t\tCA\tNY\nE\tEpsilon\tplace\t\t\tNY\nF\tZeta\tplace\t\tUS\t\n").unwrap();
        let r = |id: &str| g.region(g.find(id).unwrap());
        assert!(r("A").is_some());
        assert_eq!(r("A"), r("B"));
        assert_ne!(r("A"), r("C"));
        assert_ne!(r("A"), r("D"));
        assert_eq!((r("E"), r("F")), (None, None));
    }

    #[test]
    fn countries_beyond_the_numbered_ones_are_other() {
        let types: Vec<Box<str>> = vec!["person".into(), "group".into(), "place".into()];
        let entities: Vec<Entity> = (0..usize::from(u16::MAX) + 2)
            .map(|i| Entity {
                id: format!("e{i}").into(),
                name: "E".into(),
                kind: 2,
                prominence: 0.0,
                country: Some(format!("c{i}").into()),
                admin1: None,
                coordinates: None,
                national: false,
            })
            .collect();
        let traits = traits_of(&entities, &types);
        let numbered = usize::from(u16::MAX) - 1;
        assert_eq!(traits[numbered - 1].country, u16::MAX - 1);
        assert!(traits[numbered..]
            .iter()
            .all(|t| t.country == Traits::OTHER_COUNTRY));
    }

    #[test]
    fn gazetteer_is_send_sync() {
        fn is<T: Send + Sync>() {}
        is::<Gazetteer>();
    }
}
