//! The evidence an ambiguous alias needs before it counts: an ordinary word or given name
//! ("March", "Jordan", "Nice") names a place or a person only when the document backs it (a
//! country it names, ", France" after a town, no person around a place's name), and a surname
//! standing alone names only a person the document names in full, or a famous one. A town
//! named like a person or a word, once the document shows it a place ("in Preston", "Reading,
//! England"), is that place wherever else the document names it alone: one sense per document.
//! A little-known town stands only where the document names another place of its country or
//! the words around it make it a place.

use super::context::{is_capitalized, last_word, sentence_initial, word_after, word_before, words};
use super::FieldScan;
use crate::gazetteer::{Gazetteer, Traits};
use crate::lexicon::{Weak, WordLists};
use crate::lexicon::{
    COMPASS_POINTS, HONORIFICS, PERSON_VERBS, PLACE_PREPOSITIONS, SAY_AFTER_NAME, SETTLEMENT_NOUNS,
    STOPWORDS,
};
use crate::matching::Candidate;
use crate::model::MatchKind;
use crate::text::roles::is_role_word;
use crate::text::{is_acronym_word, TokenKind, Tokenizer};
use rustc_hash::FxHashMap;

/// A place this prominent (out of 100) is meant by its name even when the name is an ordinary
/// word or a given name, unless a person's name stands around it: "Jordan", "Chad".
const PROMINENT_PLACE: f32 = 90.0;

/// A city this prominent whose name is also a given name ("Paris", "Sydney") may stand alone;
/// a town so named ("Jackson", "Hyde") needs its country after it.
const PROMINENT_CITY_NAMED_LIKE_A_PERSON: f32 = 55.0;

/// A person this prominent is meant by a one-word alias with no full name in the document
/// (when not at a sentence start, for an alias that is an ordinary word).
const PROMINENT_PERSON: f32 = 80.0;

/// A person this prominent is meant by their surname alone with no full name in the document,
/// when the surname is no ordinary word or given name ("Zelensky").
const PROMINENT_SURNAME: f32 = 70.0;

/// A place less prominent than this (a town of under about 100,000 people) names something
/// else in news as often as itself ("Olympic", a district of Hong Kong; "Stade"; "Cueto"): it
/// stands only where the story names another place of its country, or the words around it
/// make it a place.
const OBSCURE_PLACE: f32 = 50.0;

/// How much better known (in prominence points, about ten to a tenfold population) a city
/// named like a person must be than every namesake place for a place word before it ("in
/// Geneva", "near Savannah") to show it, whatever else the story names: Geneva (about 200,000
/// people) against Geneva, Illinois (20,000), but not Jackson, Mississippi against Jackson,
/// Tennessee.
const CLEARLY_BEST_KNOWN: f32 = 5.0;

/// A city this prominent, far better known than its namesakes ([`CLEARLY_BEST_KNOWN`]),
/// tells the story's country to the groups named by ordinary words: "the Home Office" in a
/// story that names London. Its namesakes (London, Ontario) keep it from telling the country
/// to places, whose choice it would sway toward itself.
const PROMINENT_CITY: f32 = 70.0;

/// A body of one country's politics or state this prominent is named by its acronym across
/// borders (ISIS, the ANC, the NHS); a less prominent one only in a story about its country
/// ([`Certain::foreign_acronym`]).
const KNOWN_ABROAD: f32 = 60.0;

/// How many words of full names [`Certain::gather`] makes room for at once: a story names a
/// few people in full, and growing the map step by step costs more than its lookups.
const FULL_WORDS_CAPACITY: usize = 32;

/// What a document says without doubt, gathered from the occurrences with a single candidate
/// that needs no evidence: the countries of its places and the people it names in full.
pub(super) struct Certain<'s, 'g, 't> {
    pub(super) g: &'g Gazetteer,
    /// The countries of the places named.
    pub(super) countries: Countries<'s, 'g>,
    /// The people named with more than a surname, and how many times.
    pub(super) full_people: &'s FxHashMap<u32, u32>,
    /// The words of full names and whose they are (None: more than one person's), to tell
    /// whose a short name may be; filled only when some surname stands alone.
    full_words: FxHashMap<&'t str, Option<u32>>,
    /// For each country code, the first place named without doubt in it, and whether another
    /// place of it was named too.
    places_by_country: FxHashMap<&'g str, (u32, bool)>,
    /// The places named by an alias with their country or state ("Reading, England").
    titled_places: Vec<u32>,
    /// The countries of the well-known cities named ([`PROMINENT_CITY`]), for groups only.
    city_countries: Vec<&'g str>,
    /// The national groups ([`Traits::national`]) named without doubt by more than an
    /// acronym.
    groups_in_full: Vec<u32>,
}

impl<'s, 'g, 't> Certain<'s, 'g, 't> {
    /// What the occurrences of `fields` say without doubt, their candidates being
    /// `cands[spans[i].0..spans[i].1]`; `countries` and `full_people` are buffers.
    pub(super) fn gather(
        g: &'g Gazetteer,
        fields: &[FieldScan<'t>],
        cands: &[Candidate],
        spans: &[(usize, usize)],
        countries: &'s mut Vec<u64>,
        full_people: &'s mut FxHashMap<u32, u32>,
    ) -> Self {
        let mut countries = Countries::new(g, countries);
        let mut places_by_country: FxHashMap<&str, (u32, bool)> = FxHashMap::default();
        full_people.clear();
        let surnames = cands.iter().any(|c| c.kind == MatchKind::Surname);
        let mut full_words: FxHashMap<&str, Option<u32>> = if surnames {
            FxHashMap::with_capacity_and_hasher(FULL_WORDS_CAPACITY, Default::default())
        } else {
            FxHashMap::default()
        };
        let mut titled_places = Vec::new();
        let mut city_countries = Vec::new();
        let mut groups_in_full = Vec::new();
        // Folds the words around a place named like a person, when one is weighed here.
        let mut fold = String::new();
        let occurrences = fields.iter().flat_map(|f| {
            (0..f.occurrences.len()).map(move |k| {
                let o = &f.occurrences[k];
                (f, k, &f.text[o.start..o.end])
            })
        });
        for ((field, k, name), &(lo, hi)) in occurrences.zip(spans) {
            // An occurrence with several candidates names nothing without doubt, but a
            // well-known city tells groups its country.
            let [c] = cands[lo..hi] else {
                let city = best_known_city(g, &cands[lo..hi]).filter(|&(_, weak)| {
                    weak == Weak::No || !Place::new(field, k).person_context(g, &mut fold)
                });
                if let Some((e, _)) = city {
                    let cc = country_of(g, e);
                    if !city_countries.contains(&cc) {
                        city_countries.push(cc);
                    }
                }
                continue;
            };
            if c.kind == MatchKind::Surname {
                continue;
            }
            let t = g.traits(c.entity);
            if t.national && !is_acronym_word(name) && !groups_in_full.contains(&c.entity) {
                groups_in_full.push(c.entity);
            }
            if names_its_country(c, t) {
                places_by_country
                    .entry(country_of(g, c.entity))
                    .and_modify(|(first, more)| *more |= *first != c.entity)
                    .or_insert((c.entity, false));
            }
            // "England", "Wales" and "Scotland" are surnames too: standing alone, out of a
            // person's name, they are the place all the same, and lend it their country.
            let known_place = c.weak == Weak::Name
                && t.class == Traits::PLACE
                && t.prominence >= PROMINENT_CITY_NAMED_LIKE_A_PERSON
                && !Place::new(field, k).person_context(g, &mut fold);
            if c.weak != Weak::No && !known_place {
                continue;
            }
            if t.class == Traits::PLACE {
                countries.insert(c.entity, t);
                if name.contains(',') {
                    titled_places.push(c.entity);
                }
            }
            if t.class == Traits::PERSON && words(name).nth(1).is_some() {
                *full_people.entry(c.entity).or_default() += 1;
                if surnames {
                    for w in words(name) {
                        let owner = full_words.entry(w).or_insert(Some(c.entity));
                        if *owner != Some(c.entity) {
                            *owner = None;
                        }
                    }
                }
            }
        }
        Certain {
            g,
            countries,
            full_people,
            full_words,
            places_by_country,
            titled_places,
            city_countries,
            groups_in_full,
        }
    }

    /// Whether the story names the country of group `e`, whose traits are `t`: a place of it
    /// without doubt, or a well-known city of it ([`best_known_city`]).
    fn names_country_of_group(&self, e: u32, t: Traits) -> bool {
        self.countries.contains(e, t)
            || (t.country != 0 && self.city_countries.contains(&country_of(self.g, e)))
    }

    /// Drops from every occurrence the candidates the document gives no evidence for, and, of
    /// a surname's candidates, keeps those named in full when there are some.
    pub(super) fn weigh(
        &self,
        fields: &[FieldScan<'_>],
        cands: &mut [Candidate],
        spans: &mut [(usize, usize)],
        fold: &mut String,
    ) {
        let senses = self.senses(fields, cands, spans, fold);
        let mut spans = spans.iter_mut();
        for field in fields {
            for k in 0..field.occurrences.len() {
                let span = spans.next().expect("a span per occurrence");
                let mut at = Place::new(field, k);
                let (lo, hi) = *span;
                let mut kept = lo;
                for r in lo..hi {
                    let c = cands[r];
                    if self.keeps(c, &mut at, &senses, fold) {
                        cands[kept] = c;
                        kept += 1;
                    }
                }
                *span = (lo, lo + self.prefer_full_people(&mut cands[lo..kept]));
            }
        }
    }

    /// Whether candidate `c` of the occurrence `at` has the evidence it needs. Every test is
    /// pure: the cheap ones go first.
    fn keeps(
        &self,
        c: Candidate,
        at: &mut Place<'_, '_>,
        senses: &Senses<'_>,
        fold: &mut String,
    ) -> bool {
        let t = self.g.traits(c.entity);
        self.weak_kept(c, t, at, senses, fold)
            && !self.foreign_acronym(c, t, at.surface())
            && (c.kind != MatchKind::Surname || self.surname_kept(c, t, at.surface()))
            && !self.generic(c, t, at.surface(), fold)
            && self.obscure_kept(c, t, at)
    }

    /// Whether `c` is a body of another country's politics or state ([`Traits::national`]),
    /// not [`KNOWN_ABROAD`], named by an acronym, `surface`, in a story that names neither its
    /// country nor its full name: "PSP" in a story about games consoles is no Lebanese party.
    fn foreign_acronym(&self, c: Candidate, t: Traits, surface: &str) -> bool {
        t.national
            && t.class == Traits::GROUP
            && t.prominence < KNOWN_ABROAD
            && is_acronym_word(surface)
            && !self.names_country_of_group(c.entity, t)
            && !self.groups_in_full.contains(&c.entity)
    }

    /// Whether `c`, if a little-known place ([`OBSCURE_PLACE`]), has support: another place of
    /// its country named without doubt, a place cue ([`place_cue`]: "born in Runcorn"), or a
    /// place of its country after a comma. A place of a gazetteer that gives no prominence (nor
    /// population) is not judged: nothing says it is little known.
    fn obscure_kept(&self, c: Candidate, t: Traits, at: &mut Place<'_, '_>) -> bool {
        let known = t.prominence <= 0.0 || t.prominence >= OBSCURE_PLACE;
        if t.class != Traits::PLACE || known || t.country == 0 {
            return true;
        }
        let named_with_another = self
            .places_by_country
            .get(country_of(self.g, c.entity))
            .is_some_and(|&(first, more)| more || first != c.entity);
        // "Essex, Maryland": the name as written carries its state or country.
        named_with_another
            || at.surface().contains(',')
            || at.cued()
            || at.followed_by_place_of(self.g, c.entity, t)
    }

    /// Whether an alias that is an ordinary word or name has the evidence for `c`, whose
    /// traits are `t`.
    fn weak_kept(
        &self,
        c: Candidate,
        t: Traits,
        at: &mut Place<'_, '_>,
        senses: &Senses<'_>,
        fold: &mut String,
    ) -> bool {
        match c.weak {
            Weak::No => true,
            Weak::Calendar => at.followed_by_place_of(self.g, c.entity, t),
            Weak::Common | Weak::Name => match t.class {
                Traits::PLACE if t.prominence >= PROMINENT_PLACE => {
                    !at.person_context(self.g, fold)
                }
                Traits::PLACE
                    if c.weak == Weak::Name
                        && t.prominence >= PROMINENT_CITY_NAMED_LIKE_A_PERSON =>
                {
                    !at.person_context(self.g, fold)
                }
                Traits::PLACE => {
                    at.followed_by_place_of(self.g, c.entity, t)
                        || senses.names_place(self.g, c, at, fold)
                }
                Traits::PERSON => {
                    !at.person_context(self.g, fold)
                        && (self.full_people.contains_key(&c.entity)
                            || (t.prominence >= PROMINENT_PERSON
                                && (c.weak == Weak::Name || !at.sentence_initial())))
                }
                // "Republicans", "Senate", "Fed" open many sentences of a story about their
                // country; elsewhere a capital at a sentence start says nothing.
                _ => {
                    !at.person_context(self.g, fold)
                        && (c.weak == Weak::Name
                            || !at.sentence_initial()
                            || self.names_country_of_group(c.entity, t))
                }
            },
        }
    }

    /// The places named like a person or a word that the document shows to be places at least
    /// once where the name stands alone ([`Place::stands_alone`]): by ", <place of the same
    /// country>" after it (or as part of its alias: "Reading, England"), or, for a place named
    /// like a person, by a word that only a place takes ([`place_cue`]) when the story names
    /// its state or province ("in Kent" in a story about England is no town in Washington)
    /// and no better known place has the name; and, if there are any, the words the document
    /// uses for people.
    fn senses<'a>(
        &self,
        fields: &'a [FieldScan<'t>],
        cands: &[Candidate],
        spans: &[(usize, usize)],
        fold: &mut String,
    ) -> Senses<'a>
    where
        't: 'a,
    {
        let mut senses = Senses::default();
        // The cued places, kept once the divisions the story names are known.
        let mut cued = Vec::new();
        self.each_weak_place(fields, cands, spans, |c, t, at, cands| {
            let shown = if at.followed_by_place_of(self.g, c.entity, t) {
                &mut senses.places
            } else if c.weak == Weak::Name && at.cued() && self.top_place(cands).is_none() {
                if self.clearly_best_known(c.entity, t, cands) {
                    &mut senses.places
                } else {
                    &mut cued
                }
            } else {
                return;
            };
            if at.stands_alone() && !at.person_context(self.g, fold) {
                shown.push(c.entity);
            }
        });
        if !cued.is_empty() {
            let regions = self.regions(cands, spans);
            cued.retain(|&e| {
                self.countries.in_region(e)
                    || self.g.region(e).is_some_and(|r| regions.contains(&r))
            });
            senses.places.extend(cued);
        }
        if !senses.places.is_empty() || !self.titled_places.is_empty() {
            senses.places.extend_from_slice(&self.titled_places);
            senses.people = self.people_words(fields, cands, spans, fold);
        }
        senses
    }

    /// The last words of the people the document names in full, and the names of places that
    /// stand in a person's name ([`person_context`]) somewhere.
    fn people_words<'a>(
        &self,
        fields: &'a [FieldScan<'t>],
        cands: &[Candidate],
        spans: &[(usize, usize)],
        fold: &mut String,
    ) -> Vec<&'a str>
    where
        't: 'a,
    {
        let mut people = Vec::new();
        let mut each = spans.iter();
        for field in fields {
            for (k, o) in field.occurrences.iter().enumerate() {
                let &(lo, hi) = each.next().expect("a span per occurrence");
                let name = &field.text[o.start..o.end];
                if let [c] = cands[lo..hi] {
                    let t = self.g.traits(c.entity);
                    if t.class == Traits::PERSON && words(name).nth(1).is_some() {
                        people.extend(last_word(name));
                        continue;
                    }
                }
                let weak_place = cands[lo..hi].iter().any(|&c| {
                    c.weak != Weak::No && needs_a_place_after(c, self.g.traits(c.entity))
                });
                if weak_place && Place::new(field, k).person_context(self.g, fold) {
                    people.push(name);
                }
            }
        }
        people
    }

    /// Calls `f` with every candidate of `cands` that [`needs_a_place_after`], its traits, its
    /// occurrence and the candidates of its occurrence.
    fn each_weak_place<'a>(
        &self,
        fields: &'a [FieldScan<'t>],
        cands: &[Candidate],
        spans: &[(usize, usize)],
        mut f: impl FnMut(Candidate, Traits, &mut Place<'a, 't>, &[Candidate]),
    ) {
        let mut spans = spans.iter();
        for field in fields {
            for k in 0..field.occurrences.len() {
                let &(lo, hi) = spans.next().expect("a span per occurrence");
                let mut at = Place::new(field, k);
                for &c in &cands[lo..hi] {
                    if matches!(c.weak, Weak::No | Weak::Calendar) {
                        continue;
                    }
                    let t = self.g.traits(c.entity);
                    if needs_a_place_after(c, t) {
                        f(c, t, &mut at, &cands[lo..hi]);
                    }
                }
            }
        }
    }

    /// The states and provinces of the places most likely meant ([`Certain::top_place`]) by
    /// the occurrences whose candidates are `cands[spans[i].0..spans[i].1]`.
    fn regions(&self, cands: &[Candidate], spans: &[(usize, usize)]) -> Vec<u32> {
        spans
            .iter()
            .filter_map(|&(lo, hi)| self.top_place(&cands[lo..hi]))
            .filter_map(|e| self.g.region(e))
            .collect()
    }

    /// The most prominent place among `cands` when it needs no evidence to stand alone
    /// ("London", "England", "Boston"), whatever its namesakes: its state or province is one
    /// the story names, as far as a cue for a town in it goes, and a cue before its name
    /// says nothing of its namesakes ("in Boston" is no town in England).
    fn top_place(&self, cands: &[Candidate]) -> Option<u32> {
        let g = self.g;
        let top = cands
            .iter()
            .filter(|c| g.traits(c.entity).class == Traits::PLACE)
            .max_by(|a, b| {
                let (ta, tb) = (g.traits(a.entity), g.traits(b.entity));
                ta.prominence.total_cmp(&tb.prominence)
            })?;
        (!needs_a_place_after(*top, g.traits(top.entity))).then_some(top.entity)
    }

    /// Whether place `e` (traits `t`) is a city that stands alone where a place word shows its
    /// name a place: no little-known town ([`OBSCURE_PLACE`]), and [`outranks_namesakes`]
    /// among `cands`, so that the word says which.
    fn clearly_best_known(&self, e: u32, t: Traits, cands: &[Candidate]) -> bool {
        t.prominence >= OBSCURE_PLACE && outranks_namesakes(self.g, e, t, cands)
    }

    /// Whether the surname `surface` standing alone may name `c`: a surname that is also a word
    /// of another person named in full here is theirs as much as its own ("Lee" with Lee
    /// Jae-myung and Lee Jae-yong), so nobody's.
    fn surname_kept(&self, c: Candidate, t: Traits, surface: &str) -> bool {
        let shared = match self.full_words.get(surface) {
            Some(Some(p)) => *p != c.entity,
            Some(None) => true,
            None => false,
        };
        !shared
            && (self.full_people.contains_key(&c.entity)
                || (t.prominence >= PROMINENT_SURNAME && c.weak == Weak::No))
    }

    /// Whether `c` is a group named by ordinary words ("Democratic Party", "Electoral
    /// Commission") in a story that does not name its country: then it is not that country's.
    fn generic(&self, c: Candidate, t: Traits, surface: &str, fold: &mut String) -> bool {
        t.class == Traits::GROUP
            && t.country != 0
            && !self.names_country_of_group(c.entity, t)
            && all_common(self.g.words(), surface, fold)
    }

    /// Moves to the front of `c` the candidates named in full elsewhere in the document, when
    /// there are several candidates and some of them are; returns how many candidates stay.
    fn prefer_full_people(&self, c: &mut [Candidate]) -> usize {
        let full = |c: &Candidate| self.full_people.contains_key(&c.entity);
        if c.len() <= 1 || !c.iter().any(full) {
            return c.len();
        }
        let mut n = 0;
        for r in 0..c.len() {
            if full(&c[r]) {
                c[n] = c[r];
                n += 1;
            }
        }
        n
    }
}

/// An occurrence whose candidates are weighed, with what does not depend on the candidate,
/// worked out once, when first asked.
struct Place<'f, 't> {
    field: &'f FieldScan<'t>,
    /// The occurrence's number in the field.
    k: usize,
    person_context: Option<bool>,
    sentence_initial: Option<bool>,
}

impl<'f, 't> Place<'f, 't> {
    fn new(field: &'f FieldScan<'t>, k: usize) -> Self {
        Place {
            field,
            k,
            person_context: None,
            sentence_initial: None,
        }
    }

    /// The occurrence's text.
    fn surface(&self) -> &'t str {
        let o = &self.field.occurrences[self.k];
        &self.field.text[o.start..o.end]
    }

    /// Whether the occurrence stands inside a person's name ([`person_context`]).
    fn person_context(&mut self, g: &Gazetteer, fold: &mut String) -> bool {
        let (field, k) = (self.field, self.k);
        *self.person_context.get_or_insert_with(|| {
            let (text, o) = (field.text, &field.occurrences[k]);
            let next_is_name = field
                .occurrences
                .get(k + 1)
                .is_some_and(|n| text[o.end..n.start].chars().all(char::is_whitespace));
            person_context(g.words(), text, o.start, o.end, next_is_name, fold)
        })
    }

    /// Whether the occurrence opens its sentence.
    fn sentence_initial(&mut self) -> bool {
        let (field, k) = (self.field, self.k);
        *self.sentence_initial.get_or_insert_with(|| {
            sentence_initial(field.text, &field.sentences, field.occurrences[k].start)
        })
    }

    /// Whether a word before or after the occurrence says it names a place ([`place_cue`]).
    fn cued(&self) -> bool {
        let o = &self.field.occurrences[self.k];
        place_cue(self.field.text, o.start, o.end)
    }

    /// Whether the occurrence is no item of a list ("Sititi, Charlton, Shaw") and no end of a
    /// longer name ("Cardiff Central"): no comma and no capitalized word right before it, but
    /// the word that opens its sentence ("In Preston").
    fn stands_alone(&self) -> bool {
        let (text, o) = (self.field.text, &self.field.occurrences[self.k]);
        if text[..o.start].trim_end().ends_with(',') {
            return false;
        }
        match word_before(text, o.start) {
            Some((s, w)) if is_capitalized(w) => sentence_initial(text, &self.field.sentences, s),
            _ => true,
        }
    }

    /// Whether the word after the occurrence is one a person does ("said", "died").
    fn person_verb_after(&self) -> bool {
        let o = &self.field.occurrences[self.k];
        word_after(self.field.text, o.end)
            .is_some_and(|w| SAY_AFTER_NAME.contains(&w) || PERSON_VERBS.contains(&w))
    }

    /// Whether a comma and a place in the same country as entity `e` (whose traits are `te`)
    /// follow the occurrence: "Paris, Texas".
    fn followed_by_place_of(&self, g: &Gazetteer, e: u32, te: Traits) -> bool {
        let (text, o) = (self.field.text, &self.field.occurrences[self.k]);
        let Some(after) = text[o.end..].strip_prefix(',') else {
            return false;
        };
        let skip = after.len() - after.trim_start().len();
        let at = o.end + 1 + skip;
        self.field.occurrences.get(self.k + 1).is_some_and(|n| {
            n.start == at
                && n.candidates.iter().any(|c| {
                    let tc = g.traits(c.entity);
                    tc.class == Traits::PLACE && same_country(g, e, te, c.entity, tc)
                })
        })
    }
}

/// What the whole document says of the places named like a person or a word: which it shows
/// to be places somewhere ([`Certain::senses`]).
#[derive(Default)]
struct Senses<'a> {
    /// The places shown to be places.
    places: Vec<u32>,
    /// The last words of the people named in full, and the names that stand in a person's
    /// name somewhere ("Michael York"): a place so named is the person's elsewhere too.
    people: Vec<&'a str>,
}

impl Senses<'_> {
    /// Whether the occurrence `at` names place candidate `c`, which the document shows to be a
    /// place elsewhere: no person's name or verb around it, no person of the document named
    /// so, no headline in capitals, and, for an ordinary word, not at a sentence start.
    fn names_place(
        &self,
        g: &Gazetteer,
        c: Candidate,
        at: &mut Place<'_, '_>,
        fold: &mut String,
    ) -> bool {
        let surface = at.surface();
        self.places.contains(&c.entity)
            && surface.chars().any(char::is_lowercase)
            && !self.people.contains(&surface)
            && !at.person_verb_after()
            && at.stands_alone()
            && !at.person_context(g, fold)
            && (c.weak == Weak::Name || !at.sentence_initial())
    }
}

/// Whether candidate `c`, whose traits are `t`, is a place named like a person or a word that
/// is too little known to stand alone: it needs ", <place>" after it, or the document's word.
fn needs_a_place_after(c: Candidate, t: Traits) -> bool {
    t.class == Traits::PLACE
        && match c.weak {
            Weak::Name => t.prominence < PROMINENT_CITY_NAMED_LIKE_A_PERSON,
            Weak::Common => t.prominence < PROMINENT_PLACE,
            Weak::No | Weak::Calendar => false,
        }
}

/// Whether the words around the name at `start..end` of `text` say it names a place: a place
/// preposition before it ("in Preston", "near York"), "<settlement, compass point> of" before
/// it ("the town of Lincoln", "north of Chester"), "-based" after it, or "is a <...> city"
/// after it. A possessive after it ("in Jackson's view") or a capitalized word ("in Lincoln
/// Park") says nothing.
fn place_cue(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    if after.starts_with("-based") {
        return true;
    }
    if after.starts_with(['\'', '’']) || word_after(text, end).is_some_and(is_capitalized) {
        return false;
    }
    if is_a_settlement(after) {
        return true;
    }
    let Some((s, w)) = word_before(text, start) else {
        return false;
    };
    is_one_of(w, PLACE_PREPOSITIONS)
        || (w == "of"
            && word_before(text, s).is_some_and(|(_, n)| {
                is_one_of(n, SETTLEMENT_NOUNS) || is_one_of(n, COMPASS_POINTS)
            }))
}

/// Most words between "is a" and the settlement noun that ends its phrase ("is an old
/// cathedral city"): more and the noun may belong to something else.
const SETTLEMENT_PHRASE_WORDS: usize = 4;

/// Whether `after`, the text after a name, says the name is a settlement: "is" or "was", "a",
/// "an" or "the", and a few lower-case words, no function word, one of which is a settlement
/// noun ("is an old cathedral city").
fn is_a_settlement(after: &str) -> bool {
    let mut ws = after.split([' ', ',', '.', ';']).filter(|w| !w.is_empty());
    if !matches!(ws.next(), Some("is" | "was")) || !matches!(ws.next(), Some("a" | "an" | "the")) {
        return false;
    }
    // A function word ends the phrase: "a man of the town" is no town.
    ws.take(SETTLEMENT_PHRASE_WORDS)
        .take_while(|w| {
            w.starts_with(|c: char| c.is_lowercase())
                && !STOPWORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
        })
        .any(|w| SETTLEMENT_NOUNS.contains(&w))
}

/// Whether `w` is one of the lower-case `words`, as written or capitalized ("in", "In").
fn is_one_of(w: &str, words: &[&str]) -> bool {
    words.iter().any(|p| {
        w == *p
            || (w.len() == p.len()
                && w.as_bytes()[0] == p.as_bytes()[0].to_ascii_uppercase()
                && w[1..] == p[1..])
    })
}

/// Whether the word at `start..end` stands inside a person's name: a given name or honorific
/// before it, or it is a given name followed by a capitalized word ("Jordan Ellis").
/// `buf` is a buffer for folded words.
fn person_context(
    words: &WordLists,
    text: &str,
    start: usize,
    end: usize,
    next_is_name: bool,
    buf: &mut String,
) -> bool {
    use crate::text::fold::fold_into;
    // One buffer for every folded word; the tests are pure, so a word is folded only when
    // a test needs it.
    buf.clear();
    if let Some((_, p)) = word_before(text, start) {
        let p = p.trim_end_matches('.');
        if is_capitalized(p) {
            fold_into(p, buf);
            if is_given_name(words, buf) || HONORIFICS.contains(&p) {
                return true;
            }
        }
    }
    let Some(n) = word_after(text, end) else {
        return false;
    };
    if !is_capitalized(n) || is_role_word(n) {
        return false;
    }
    buf.clear();
    fold_into(n, buf);
    let surname = words.is_surname(buf);
    // A capitalized word after it that is itself a known name ("Georgia Republicans") is no
    // surname, unless it is a common one.
    if next_is_name && !surname {
        return false;
    }
    if surname {
        return true;
    }
    buf.clear();
    fold_into(&text[start..end], buf);
    is_given_name(words, buf)
}

/// Whether every word of `s` is an ordinary English word; `folded` is a buffer for its words.
fn all_common(words: &WordLists, s: &str, folded: &mut String) -> bool {
    Tokenizer::new(s)
        .filter(|t| t.kind == TokenKind::Word)
        .all(|t| {
            folded.clear();
            crate::text::fold::fold_into(&s[t.start..t.end], folded);
            matches!(words.weak(folded), Weak::Common | Weak::Calendar)
        })
}

/// A given name that is not also a common word ("In", "So" and "Will" are given names too).
fn is_given_name(words: &WordLists, w: &str) -> bool {
    words.is_first_name(w) && words.weak(w) != Weak::Common
}

/// The countries, and the first-level divisions, of the places a document names without doubt.
pub(super) struct Countries<'a, 'g> {
    g: &'g Gazetteer,
    /// Bit `n` says whether country number `n` is in.
    bits: &'a mut Vec<u64>,
    /// The codes beyond the numbered ones ([`Traits::OTHER_COUNTRY`]).
    long: Vec<&'g str>,
    /// The divisions ([`Gazetteer::region`]): a story names a few, so a list.
    regions: Vec<u32>,
}

impl<'a, 'g> Countries<'a, 'g> {
    /// An empty set, in `bits`.
    fn new(g: &'g Gazetteer, bits: &'a mut Vec<u64>) -> Self {
        bits.fill(0);
        Countries {
            g,
            bits,
            long: Vec::new(),
            regions: Vec::new(),
        }
    }

    /// Adds the country and the division of entity `e`, whose traits are `t`, if it has them.
    fn insert(&mut self, e: u32, t: Traits) {
        if let Some(r) = self.g.region(e) {
            if !self.regions.contains(&r) {
                self.regions.push(r);
            }
        }
        match t.country {
            0 => {}
            Traits::OTHER_COUNTRY => {
                let cc = country_of(self.g, e);
                if !self.long.contains(&cc) {
                    self.long.push(cc);
                }
            }
            n => {
                let (word, bit) = (usize::from(n) / 64, n % 64);
                if word >= self.bits.len() {
                    self.bits.resize(word + 1, 0);
                }
                self.bits[word] |= 1 << bit;
            }
        }
    }

    /// Whether the country of entity `e`, whose traits are `t`, is in (false without one).
    pub(super) fn contains(&self, e: u32, t: Traits) -> bool {
        match t.country {
            0 => false,
            Traits::OTHER_COUNTRY => self.long.contains(&country_of(self.g, e)),
            n => self
                .bits
                .get(usize::from(n) / 64)
                .is_some_and(|w| w >> (n % 64) & 1 != 0),
        }
    }

    /// Whether the first-level division of entity `e` is in (false without one).
    pub(super) fn in_region(&self, e: u32) -> bool {
        self.g.region(e).is_some_and(|r| self.regions.contains(&r))
    }
}

/// Whether place `e` (traits `t`) is better known by [`CLEARLY_BEST_KNOWN`] than every other
/// place among `cands`, the candidates of its occurrence: Geneva, not Geneva, Illinois.
fn outranks_namesakes(g: &Gazetteer, e: u32, t: Traits, cands: &[Candidate]) -> bool {
    cands.iter().all(|c| {
        let tc = g.traits(c.entity);
        c.entity == e
            || tc.class != Traits::PLACE
            || tc.prominence + CLEARLY_BEST_KNOWN <= t.prominence
    })
}

/// The city among `cands`, the candidates of one occurrence, that is well known
/// ([`PROMINENT_CITY`]), in a country, no ordinary word, and [`outranks_namesakes`]: London,
/// not London, Ontario. Also whether its name is a person's too ("London"), which the caller
/// must rule out.
fn best_known_city(g: &Gazetteer, cands: &[Candidate]) -> Option<(u32, Weak)> {
    let top = cands.iter().max_by(|a, b| {
        let (ta, tb) = (g.traits(a.entity), g.traits(b.entity));
        ta.prominence.total_cmp(&tb.prominence)
    })?;
    let t = g.traits(top.entity);
    (t.class == Traits::PLACE
        && t.country != 0
        && matches!(top.weak, Weak::No | Weak::Name)
        && t.prominence >= PROMINENT_CITY
        && outranks_namesakes(g, top.entity, t, cands))
    .then_some((top.entity, top.weak))
}

/// Whether `c`, the only candidate of its occurrence, whose traits are `t`, is a place that
/// names its country for [`Certain::obscure_kept`]. A country's name counts even when it is
/// also a given name ("France", "Georgia"). An occurrence with several candidates names none:
/// the most prominent of them ("Milan", "Dublin") lent its country to far more wrong towns on
/// BBC news than right ones.
fn names_its_country(c: Candidate, t: Traits) -> bool {
    t.class == Traits::PLACE
        && t.country != 0
        && (c.weak == Weak::No || t.prominence >= PROMINENT_PLACE)
}

/// The country code of entity `e`, which has one.
fn country_of(g: &Gazetteer, e: u32) -> &str {
    g.entity(e).country.as_deref().unwrap_or("")
}

/// Whether entities `a` and `b`, whose traits are `ta` and `tb`, have a country and the same.
pub(super) fn same_country(g: &Gazetteer, a: u32, ta: Traits, b: u32, tb: Traits) -> bool {
    ta.country != 0
        && ta.country == tb.country
        && (ta.country != Traits::OTHER_COUNTRY || country_of(g, a) == country_of(g, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether [`place_cue`] fires for the name in brackets in `s`.
    fn cue(s: &str) -> bool {
        let (start, end) = (s.find('[').unwrap(), s.find(']').unwrap() - 1);
        let text = s.replace(['[', ']'], "");
        place_cue(&text, start, end)
    }

    #[test]
    fn words_only_a_place_takes_are_cues() {
        assert!(cue("Floods hit homes in [Quillby] on Monday."));
        assert!(cue("In [Quillby], the river rose."));
        assert!(cue("a farm near [Quillby]."));
        assert!(cue("the market town of [Quillby] is quiet"));
        assert!(cue("ten miles north of [Quillby]."));
        assert!(cue("a [Quillby]-based firm"));
        assert!(cue("[Quillby] is an old cathedral city."));
        assert!(cue("[Quillby] was a small mining town"));
    }

    #[test]
    fn words_a_person_takes_too_are_no_cues() {
        assert!(!cue("In [Quillby]'s view, the plan failed."));
        assert!(!cue("according to [Quillby], the plan failed."));
        assert!(!cue("a loan from [Quillby] last year."));
        assert!(!cue("a walk in [Quillby] Park"));
        assert!(!cue("[Quillby] is a man of the town."));
        assert!(!cue("[Quillby] is the best player the city has had."));
        assert!(!cue("IN [Quillby]"));
    }
}
