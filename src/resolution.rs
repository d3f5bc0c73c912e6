//! Resolution: turns occurrences of aliases into mentions of one entity each, with a whole-document
//! pass, as GATE's orthomatcher does.
//!
//! In order: a gazetteer alias beats a generated spelling at the same place; an ordinary word or
//! name ("March", "Jordan", "Nice") is only a place or a person with evidence (a capital and no
//! person around it for a country; ", France" after it for a town); a surname alone resolves to
//! the person named in full in the same document; an alias shared by several entities goes to the
//! one the document names unambiguously, else to the one in a country the document names, else
//! to the most prominent, else to the smallest id (never file order). Then acronyms defined in
//! parentheses, titles in front of people (roles), and lists of people in one sentence.

use crate::discovery::{self, Discoverer};
use crate::gazetteer::words::Weak;
use crate::gazetteer::words::WordLists;
use crate::gazetteer::{Gazetteer, Traits};
use crate::matching::{Candidate, Occurrence};
use crate::model::NewEntity;
use crate::model::{EntityRef, Field, MatchKind};
use crate::text::roles::is_role_word;
use crate::text::tokens::ALNUM;
use crate::text::{next_word_start, starts_word, Kind, Sentences, Tokenizer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::Cell;

/// One field of a document as the resolver sees it.
#[derive(Debug)]
pub struct FieldScan<'a> {
    /// Which field.
    pub field: Field,
    /// Its text.
    pub text: &'a str,
    /// Its sentences.
    pub sentences: Sentences,
    /// What the matcher found.
    pub occurrences: Vec<Occurrence>,
}

/// A resolved mention, before offsets are converted to code points.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The entity.
    pub entity: EntityRef,
    /// How it was found.
    pub kind: MatchKind,
    /// Title in front of a person.
    pub role: Option<Box<str>>,
    /// List number.
    pub list: Option<u32>,
}

/// Lowercase words that may sit inside a title ("Secretary of State", "Foreign and Expatriates").
const ROLE_JOINERS: &[&str] = &["and", "of", "for", "the"];

/// Honorifics that make the next capitalized word a person.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Mister", "Madam", "Sir", "Dame", "Prof",
];

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn fold(w: &str) -> String {
    let mut s = String::new();
    crate::text::fold::fold_into(w, &mut s);
    s
}

/// The word right before byte `pos`, across spaces only (not punctuation).
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let mut end = pos;
    while end > 0 && matches!(b[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    // No space before `pos`: no word (a line break before it leaves an empty word too).
    if end == pos {
        return None;
    }
    // A dotted abbreviation ("Gen.") is a word with its dot.
    let core = if end > 0 && b[end - 1] == b'.' {
        end - 1
    } else {
        end
    };
    // Most words are ASCII: their start is found without decoding chars.
    let mut start = core;
    while start > 0 {
        match b[start - 1] {
            c if c.is_ascii_alphanumeric() || c == b'-' || c == b'\'' => start -= 1,
            c if c < 0x80 => break,
            _ => return word_before_chars(text, core, end),
        }
    }
    (start < end).then(|| (start, &text[start..end]))
}

/// [`word_before`] when the word may hold a char that is not ASCII: `text[..end]` is the text
/// up to the word's end, `text[..core]` the same without a final dot.
#[cold]
fn word_before_chars(text: &str, core: usize, end: usize) -> Option<(usize, &str)> {
    let start = text[..core]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    (start < end).then(|| (start, &text[start..end]))
}

/// The word right after byte `pos`, across spaces only.
fn word_after(text: &str, pos: usize) -> Option<&str> {
    let tail = &text[pos..];
    let trimmed = tail.trim_start_matches([' ', '\t']);
    if trimmed.len() == tail.len() {
        return None;
    }
    let end = trimmed
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(trimmed.len(), |(i, _)| i);
    let w = &trimmed[..end];
    (!w.is_empty()).then_some(w)
}

struct Doc<'g> {
    g: &'g Gazetteer,
}

impl Doc<'_> {
    /// Whether the word at `start..end` stands inside a person's name: a given name or honorific
    /// before it, or it is a given name followed by a capitalized word ("Jordan Ellis").
    /// `buf` is a buffer for folded words.
    fn person_context(
        &self,
        text: &str,
        start: usize,
        end: usize,
        next_is_name: bool,
        buf: &mut String,
    ) -> bool {
        use crate::text::fold::fold_into;
        let words = self.g.words();
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
}

/// Whether `e` names a person, be it listed in the gazetteer or found by discovery.
#[inline]
fn names_person(g: &Gazetteer, new_entities: &[NewEntity], e: EntityRef) -> bool {
    match e {
        EntityRef::Known(e) => g.traits(e).class == Traits::PERSON,
        EntityRef::New(i) => new_entities[i as usize].kind == "person",
    }
}

/// Whether every word of `s` is an ordinary English word; `folded` is a buffer for its words.
fn all_common(words: &WordLists, s: &str, folded: &mut String) -> bool {
    Tokenizer::new(s).filter(|t| t.kind == Kind::Word).all(|t| {
        folded.clear();
        crate::text::fold::fold_into(&s[t.start..t.end], folded);
        matches!(words.weak(folded), Weak::Common | Weak::Calendar)
    })
}

/// Answers of [`all_common`] for the names a thread has asked about, kept from document to
/// document: the same few group names ("Democratic Party", "Senate") come back story after
/// story, and folding their words and looking each up in three big word sets missed the cache
/// twice a word. Direct-mapped, one cache line a name, forgetting on collision; the word lists
/// are those shipped, the same for every gazetteer, so an answer holds for any.
#[derive(Default)]
struct CommonNames {
    /// Empty until first asked.
    slots: Vec<CommonSlot>,
    /// A buffer for the folded words of a name.
    folded: String,
}

/// Names kept by [`CommonNames`]; a power of two.
const COMMON_NAME_SLOTS: usize = 1024;

/// Bytes of a name [`CommonNames`] keeps: a longer one is worked out each time.
const COMMON_NAME_BYTES: usize = 62;

/// A name and whether all its words are ordinary; `len` 0 is an empty slot.
#[derive(Clone, Copy)]
#[repr(align(64))]
struct CommonSlot {
    len: u8,
    common: bool,
    bytes: [u8; COMMON_NAME_BYTES],
}

impl CommonNames {
    /// [`all_common`] of `s`.
    fn get(&mut self, words: &WordLists, s: &str) -> bool {
        let b = s.as_bytes();
        if b.is_empty() || b.len() > COMMON_NAME_BYTES {
            return all_common(words, s, &mut self.folded);
        }
        if self.slots.is_empty() {
            self.slots = vec![
                CommonSlot {
                    len: 0,
                    common: false,
                    bytes: [0; COMMON_NAME_BYTES],
                };
                COMMON_NAME_SLOTS
            ];
        }
        let slot = &mut self.slots[common_slot(b)];
        if usize::from(slot.len) == b.len() && slot.bytes[..b.len()] == *b {
            return slot.common;
        }
        let common = all_common(words, s, &mut self.folded);
        slot.len = b.len() as u8;
        slot.bytes[..b.len()].copy_from_slice(b);
        slot.common = common;
        common
    }
}

/// Where [`CommonNames`] keeps a name: an FxHash of its bytes, top bits.
fn common_slot(b: &[u8]) -> usize {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(b);
    (h.finish() >> (64 - COMMON_NAME_SLOTS.trailing_zeros())) as usize
}

/// A given name that is not also a common word ("In", "So" and "Will" are given names too).
fn is_given_name(words: &WordLists, w: &str) -> bool {
    words.is_first_name(w) && words.weak(w) != Weak::Common
}

fn sentence_initial(text: &str, sents: &Sentences, pos: usize) -> bool {
    let s = sents.starts()[sents.index_of(pos)];
    !text[s..pos].chars().any(char::is_alphanumeric)
}

/// Buffers reused by every document resolved on a thread: a document has hundreds of
/// occurrences, and a vector of candidates for each (and maps rebuilt for each document) cost
/// more allocations than the rules cost work.
#[derive(Default)]
struct Scratch {
    /// The candidates left to every occurrence of the document, field after field, in one
    /// buffer.
    cands: Vec<Candidate>,
    /// Per occurrence, field after field: the range of its candidates in `cands`.
    spans: Vec<(usize, usize)>,
    /// People named with more than a surname, and how many times.
    full_people: FxHashMap<u32, u32>,
    /// Entities some occurrence names without doubt (a single candidate left).
    named: FxHashSet<u32>,
    /// The countries of the places the document names without doubt, as bits of their
    /// numbers ([`Traits::country`]).
    countries: Vec<u64>,
    /// The byte ranges of a field's mentions, for discovery.
    taken: Vec<(usize, usize)>,
    /// Where short names may start, for [`short_names`].
    starts: Vec<usize>,
    /// Whether names are all ordinary words, kept from document to document.
    common_names: CommonNames,
    /// A buffer for folded words.
    fold: String,
    /// The names discovered in a field, and where a sentence's taken ranges are put.
    discovered: Vec<discovery::Found>,
    local: Vec<(usize, usize)>,
    /// Each discovered name's entity, and the entity of each new id.
    by_name: FxHashMap<String, Option<u32>>,
    ids: FxHashMap<Box<str>, u32>,
    /// For [`short_names`]: its keys (see [`recycle`]), their first bytes, the mentions it
    /// adds to a field and the keys found at a place.
    keys: Vec<(&'static str, EntityRef)>,
    firsts: Vec<u8>,
    added: Vec<Resolved>,
    found: Vec<(usize, usize)>,
    /// The members of a list of people.
    members: Vec<usize>,
}

impl Scratch {
    /// Whether the buffers are small enough to keep for the next document: one huge document
    /// must not pin its buffers for the life of the thread.
    fn small(&self) -> bool {
        self.spans.capacity() <= MAX_KEPT_OCCURRENCES
            && self.cands.capacity() <= 4 * MAX_KEPT_OCCURRENCES
            && self.starts.capacity() <= MAX_KEPT_OCCURRENCES
            && self.taken.capacity() <= MAX_KEPT_OCCURRENCES
            && self.discovered.capacity() <= MAX_KEPT_OCCURRENCES
            && self.local.capacity() <= MAX_KEPT_OCCURRENCES
            && self.by_name.capacity() <= MAX_KEPT_OCCURRENCES
            && self.ids.capacity() <= MAX_KEPT_OCCURRENCES
            && self.full_people.capacity() <= MAX_KEPT_OCCURRENCES
            && self.named.capacity() <= MAX_KEPT_OCCURRENCES
            && self.keys.capacity() <= MAX_KEPT_OCCURRENCES
            && self.added.capacity() <= MAX_KEPT_OCCURRENCES
            && self.found.capacity() <= MAX_KEPT_OCCURRENCES
            && self.members.capacity() <= MAX_KEPT_OCCURRENCES
    }
}

/// An empty vector on the allocation of `v`, for borrowed elements of another lifetime: a
/// document's words can be kept in a thread's buffer between documents only while it is
/// empty. Collecting a vector's own `into_iter` into elements of the same size and alignment
/// reuses its allocation (the standard library does that in place); nothing is mapped, as the
/// vector is cleared first.
fn recycle<'b, T>(mut v: Vec<(&str, T)>) -> Vec<(&'b str, T)> {
    v.clear();
    v.into_iter().map(|_| unreachable!("cleared")).collect()
}

/// Most occurrences kept in the [`Scratch`] buffers between documents: one huge document must
/// not pin its buffers for the life of the thread.
pub(crate) const MAX_KEPT_OCCURRENCES: usize = 1 << 14;

thread_local! {
    /// Taken out by [`resolve_document`] while it works, so it is never shared.
    static SCRATCH: Cell<Scratch> = Cell::new(Scratch::default());
}

/// The countries of the places a document names without doubt.
struct Countries<'a, 'g> {
    g: &'g Gazetteer,
    /// Bit `n` says whether country number `n` is in.
    bits: &'a mut Vec<u64>,
    /// The codes beyond the numbered ones ([`Traits::OTHER_COUNTRY`]).
    long: Vec<&'g str>,
}

impl<'a, 'g> Countries<'a, 'g> {
    /// An empty set, in `bits`.
    fn new(g: &'g Gazetteer, bits: &'a mut Vec<u64>) -> Self {
        bits.fill(0);
        Countries {
            g,
            bits,
            long: Vec::new(),
        }
    }

    /// Adds the country of entity `e`, whose traits are `t`, if it has one.
    fn insert(&mut self, e: u32, t: Traits) {
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
    fn contains(&self, e: u32, t: Traits) -> bool {
        match t.country {
            0 => false,
            Traits::OTHER_COUNTRY => self.long.contains(&country_of(self.g, e)),
            n => self
                .bits
                .get(usize::from(n) / 64)
                .is_some_and(|w| w >> (n % 64) & 1 != 0),
        }
    }
}

/// The country code of entity `e`, which has one.
fn country_of(g: &Gazetteer, e: u32) -> &str {
    g.entity(e).country.as_deref().unwrap_or("")
}

/// Whether entities `a` and `b`, whose traits are `ta` and `tb`, have a country and the same.
fn same_country(g: &Gazetteer, a: u32, ta: Traits, b: u32, tb: Traits) -> bool {
    ta.country != 0
        && ta.country == tb.country
        && (ta.country != Traits::OTHER_COUNTRY || country_of(g, a) == country_of(g, b))
}

/// The candidates an occurrence keeps at first, appended to `out`: a gazetteer alias beats a
/// generated spelling at the same place; with neither, all of them stay.
fn first_candidates(all: &[Candidate], out: &mut Vec<Candidate>) {
    // Most aliases name one entity, which stays whatever its kind.
    if let [one] = all {
        out.push(*one);
        return;
    }
    let best = if all.iter().any(|c| c.kind == MatchKind::Exact) {
        Some(MatchKind::Exact)
    } else if all.iter().any(|c| c.kind == MatchKind::Variant) {
        Some(MatchKind::Variant)
    } else {
        None
    };
    match best {
        Some(kind) => out.extend(all.iter().filter(|c| c.kind == kind)),
        None => out.extend_from_slice(all),
    }
}

/// Resolves every occurrence of a document (title and text together, so either informs the
/// other). Puts the mentions of each field, in order, in `out`, one vector per field; what
/// `out` held is dropped, and its vectors are reused (a caller that drains them can pass the
/// same `out` for every document and allocate nothing for them).
pub fn resolve_document(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    discoverer: Option<&Discoverer>,
    new_entities: &mut Vec<NewEntity>,
    out: &mut Vec<Vec<Resolved>>,
) {
    let mut scratch = SCRATCH.take();
    resolve_with(g, fields, discoverer, new_entities, &mut scratch, out);
    if scratch.small() {
        SCRATCH.set(scratch);
    }
}

/// How many words of full names [`resolve_with`] makes room for at once.
const FULL_WORDS_CAPACITY: usize = 32;

fn resolve_with(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    discoverer: Option<&Discoverer>,
    new_entities: &mut Vec<NewEntity>,
    scratch: &mut Scratch,
    out: &mut Vec<Vec<Resolved>>,
) {
    let doc = Doc { g };
    let Scratch {
        cands,
        spans,
        full_people,
        named,
        countries,
        taken,
        starts,
        common_names,
        fold,
        discovered,
        local,
        by_name,
        ids,
        keys,
        firsts,
        added,
        found,
        members,
    } = scratch;
    // 1. A gazetteer alias beats a generated spelling at the same place. The candidates of
    //    occurrence `i` (counting across fields) are `cands[spans[i].0..spans[i].1]`.
    cands.clear();
    spans.clear();
    full_people.clear();
    for o in fields.iter().flat_map(|f| &f.occurrences) {
        let lo = cands.len();
        first_candidates(&o.candidates, cands);
        spans.push((lo, cands.len()));
    }

    // 2. What the document says without doubt: countries of unambiguous places, and people named
    //    with more than a surname.
    let mut countries = Countries::new(g, countries);
    // The words of full names and whose they are (None: more than one person's), to tell whose
    // a short name may be; only a surname standing alone asks.
    let surnames = cands.iter().any(|c| c.kind == MatchKind::Surname);
    // Sized at once for the words of a story's few full names: growing it step by step cost
    // more than the lookups.
    let mut full_words: FxHashMap<&str, Option<u32>> = if surnames {
        FxHashMap::with_capacity_and_hasher(FULL_WORDS_CAPACITY, Default::default())
    } else {
        FxHashMap::default()
    };
    let mut i = 0;
    for field in fields {
        for o in &field.occurrences {
            let (lo, hi) = spans[i];
            i += 1;
            let c = &cands[lo..hi];
            if c.len() == 1 && c[0].weak == Weak::No && c[0].kind != MatchKind::Surname {
                let t = g.traits(c[0].entity);
                if t.class == Traits::PLACE {
                    countries.insert(c[0].entity, t);
                }
                let name = &field.text[o.start..o.end];
                if t.class == Traits::PERSON && words(name).nth(1).is_some() {
                    *full_people.entry(c[0].entity).or_default() += 1;
                    if surnames {
                        for w in words(name) {
                            let owner = full_words.entry(w).or_insert(Some(c[0].entity));
                            if *owner != Some(c[0].entity) {
                                *owner = None;
                            }
                        }
                    }
                }
            }
        }
    }

    // 3. Ordinary words and names need evidence; surnames need their person.
    let mut i = 0;
    for field in fields {
        let text = field.text;
        for (k, o) in field.occurrences.iter().enumerate() {
            let (lo, hi) = spans[i];
            i += 1;
            let followed_by = |e: u32, te: Traits| {
                let rest = &text[o.end..];
                let Some(after) = rest.strip_prefix(',') else {
                    return false;
                };
                let skip = after.len() - after.trim_start().len();
                let at = o.end + 1 + skip;
                field.occurrences.get(k + 1).is_some_and(|n| {
                    n.start == at
                        && n.candidates.iter().any(|c| {
                            let tc = g.traits(c.entity);
                            tc.class == Traits::PLACE && same_country(g, e, te, c.entity, tc)
                        })
                })
            };
            let surface = &text[o.start..o.end];
            // What does not depend on the candidate is worked out once, when first asked.
            let mut person_ctx = None;
            let mut ctx = || {
                *person_ctx.get_or_insert_with(|| {
                    let next_is_name = field
                        .occurrences
                        .get(k + 1)
                        .is_some_and(|n| text[o.end..n.start].chars().all(char::is_whitespace));
                    doc.person_context(text, o.start, o.end, next_is_name, fold)
                })
            };
            let mut initial = None;
            let mut initial = || {
                *initial.get_or_insert_with(|| sentence_initial(text, &field.sentences, o.start))
            };
            let mut common = || common_names.get(g.words(), surface);
            let mut kept = lo;
            for r in lo..hi {
                let c = cands[r];
                let t = g.traits(c.entity);
                let keep_weak = match c.weak {
                    Weak::No => true,
                    Weak::Calendar => followed_by(c.entity, t),
                    Weak::Common | Weak::Name => match t.class {
                        Traits::PLACE if t.prominence >= 90.0 => !ctx(),
                        // A big city whose name is also a given name ("Paris", "Sydney") may stand
                        // alone; a town ("Jackson", "Hyde") and a common word ("Nice") may not.
                        Traits::PLACE if c.weak == Weak::Name && t.prominence >= 55.0 => !ctx(),
                        Traits::PLACE => followed_by(c.entity, t),
                        Traits::PERSON => {
                            !ctx()
                                && (full_people.contains_key(&c.entity)
                                    || (t.prominence >= 80.0
                                        && (c.weak == Weak::Name || !initial())))
                        }
                        // "Republicans", "Senate", "Fed" open many sentences of a story
                        // about their country; elsewhere a capital at a sentence start says nothing.
                        _ => {
                            !ctx()
                                && (c.weak == Weak::Name
                                    || !initial()
                                    || countries.contains(c.entity, t))
                        }
                    },
                };
                // A surname that is also a word of another person named in full here is theirs
                // as much as its own ("Lee" with Lee Jae-myung and Lee Jae-yong): nobody's.
                let keep_surname = || {
                    let shared = match full_words.get(surface) {
                        Some(Some(p)) => *p != c.entity,
                        Some(None) => true,
                        None => false,
                    };
                    !shared
                        && (full_people.contains_key(&c.entity)
                            || (t.prominence >= 70.0 && c.weak == Weak::No))
                };
                // A group named by ordinary words ("Democratic Party", "Electoral Commission") is
                // that country's only in a story that names the country.
                let mut generic = || {
                    t.class == Traits::GROUP
                        && t.country != 0
                        && !countries.contains(c.entity, t)
                        && common()
                };
                // Every test is pure: the cheap ones go first.
                if keep_weak && (c.kind != MatchKind::Surname || keep_surname()) && !generic() {
                    cands[kept] = c;
                    kept += 1;
                }
            }
            // A surname with its person named in full elsewhere in the document names that person.
            let c = &mut cands[lo..kept];
            if c.len() > 1 && c.iter().any(|c| full_people.contains_key(&c.entity)) {
                let mut n = 0;
                for r in 0..c.len() {
                    if full_people.contains_key(&c[r].entity) {
                        c[n] = c[r];
                        n += 1;
                    }
                }
                kept = lo + n;
            }
            spans[i - 1] = (lo, kept);
        }
    }

    // 4. Shared aliases. Which entities are named without doubt matters only to break a tie,
    //    so it is gathered only when some occurrence still has more than one candidate.
    named.clear();
    if spans.iter().any(|&(lo, hi)| hi - lo > 1) {
        named.extend(
            spans
                .iter()
                .filter(|&&(lo, hi)| hi - lo == 1)
                .map(|&(lo, _)| cands[lo].entity),
        );
    }
    out.truncate(fields.len());
    out.resize_with(fields.len(), Vec::new);
    let mut i = 0;
    for (field, res) in fields.iter().zip(out.iter_mut()) {
        res.clear();
        res.reserve(field.occurrences.len());
        for o in &field.occurrences {
            let (lo, hi) = spans[i];
            i += 1;
            let c = &cands[lo..hi];
            if c.is_empty() {
                continue;
            }
            let best = c
                .iter()
                .max_by(|a, b| {
                    let (ta, tb) = (g.traits(a.entity), g.traits(b.entity));
                    named
                        .contains(&a.entity)
                        .cmp(&named.contains(&b.entity))
                        .then_with(|| full_people.get(&a.entity).cmp(&full_people.get(&b.entity)))
                        .then_with(|| {
                            countries
                                .contains(a.entity, ta)
                                .cmp(&countries.contains(b.entity, tb))
                        })
                        .then_with(|| ta.prominence.total_cmp(&tb.prominence))
                        // Smaller id wins a tie, so compare reversed; entities are numbered in
                        // id order.
                        .then_with(|| b.entity.cmp(&a.entity))
                })
                .expect("not empty");
            let kind = match best.kind {
                MatchKind::Surname if full_people.contains_key(&best.entity) => MatchKind::Coref,
                k => k,
            };
            res.push(Resolved {
                start: o.start,
                end: o.end,
                entity: EntityRef::Known(best.entity),
                kind,
                role: None,
                list: None,
            });
        }
    }

    // 5. Names no gazetteer lists, where nothing was found; then acronyms defined in parentheses
    //    ("Hayat Tahrir al-Sham (HTS)"), for gazetteer and discovered names alike.
    if let Some(d) = discoverer {
        ids.clear();
        // A story repeats the names it finds: each name's entity (None: it has no slug), so
        // that a name seen before needs no slug.
        by_name.clear();
        for (f, field) in fields.iter().enumerate() {
            taken.clear();
            taken.extend(out[f].iter().map(|r| (r.start, r.end)));
            discover_in(d, field.text, &field.sentences, taken, local, discovered);
            if discovered.is_empty() {
                continue;
            }
            for n in discovered.drain(..) {
                let idx = match by_name.get(n.name.as_str()) {
                    Some(&idx) => idx,
                    None => {
                        let idx = new_entity_of(&n, ids, new_entities);
                        by_name.insert(n.name, idx);
                        idx
                    }
                };
                let Some(idx) = idx else {
                    continue;
                };
                out[f].push(Resolved {
                    start: n.start,
                    end: n.end,
                    entity: EntityRef::New(idx),
                    kind: MatchKind::Discovered,
                    role: None,
                    list: None,
                });
            }
            out[f].sort_by_key(|r| r.start);
        }
        // A discovered name followed by a surname the gazetteer knows is one longer name:
        // "Simone Ehivet" + "Gbagbo" is Simone Ehivet Gbagbo, not Laurent Gbagbo.
        for (f, field) in fields.iter().enumerate() {
            let res = &mut out[f];
            let mut k = 0;
            while k + 1 < res.len() {
                let (a, b) = (&res[k], &res[k + 1]);
                let joinable = matches!(
                    (a.entity, b.entity),
                    (EntityRef::New(_), EntityRef::Known(_))
                ) && names_person(g, new_entities, a.entity)
                    && names_person(g, new_entities, b.entity)
                    && field.text[a.end..b.start] == *" "
                    && !field.text[b.start..b.end].contains(char::is_whitespace);
                if joinable {
                    let end = b.end;
                    let name = field.text[a.start..end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    if let EntityRef::New(i) = a.entity {
                        let slug = discovery::slug(&name);
                        new_entities[i as usize].id = new_id(&slug).into();
                        new_entities[i as usize].name = name.into();
                    }
                    res[k].end = end;
                    res.remove(k + 1);
                }
                k += 1;
            }
        }
        for (f, field) in fields.iter().enumerate() {
            let defs = acronym_definitions(field.text, &out[f]);
            if !defs.is_empty() {
                add_acronyms(field.text, &defs, &mut out[f]);
            }
        }
    }
    // 6. Short names of people named in full in this document ("Lee" after "Lee Jae-myung",
    //    "Abu Qasra" after "Murhaf Abu Qasra"), as GATE's orthomatcher does.
    let buffers = ShortNameBuffers {
        starts,
        keys,
        firsts,
        added,
        found,
    };
    short_names(g, fields, out, new_entities, buffers);

    // 7. Roles, and lists of people.
    let mut lists = 0u32;
    let is_person = |r: &Resolved| names_person(g, new_entities, r.entity);
    for (f, field) in fields.iter().enumerate() {
        for r in out[f].iter_mut() {
            if is_person(r) {
                assign_role(field.text, r);
            }
        }
        mark_lists(
            field.text,
            &field.sentences,
            &mut out[f],
            &mut lists,
            is_person,
            members,
        );
    }
}

/// The id of a discovered entity from its slug: `new:` and the slug.
fn new_id(slug: &str) -> String {
    let mut id = String::with_capacity(4 + slug.len());
    id.push_str("new:");
    id.push_str(slug);
    id
}

/// The entity a discovered name names, by the id of its slug, added to `new_entities` when it is
/// the first name with that id; None when the name has no slug.
fn new_entity_of(
    n: &discovery::Found,
    ids: &mut FxHashMap<Box<str>, u32>,
    new_entities: &mut Vec<NewEntity>,
) -> Option<u32> {
    let slug = discovery::slug(&n.name);
    if slug.is_empty() {
        return None;
    }
    let id = new_id(&slug);
    if let Some(&idx) = ids.get(id.as_str()) {
        return Some(idx);
    }
    let id: Box<str> = id.into();
    new_entities.push(NewEntity {
        id: id.clone(),
        name: n.name.as_str().into(),
        kind: match n.kind {
            discovery::Kind::Person => "person",
            discovery::Kind::Group => "group",
        },
    });
    let idx = new_entities.len() as u32 - 1;
    ids.insert(id, idx);
    Some(idx)
}

/// Bytes of words: ASCII letters and digits, and every byte of a non-ASCII char.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i >= 0x80;
        i += 1;
    }
    t
};

/// [`WORD_BYTE`] and the apostrophe, which a capitalized word runs across ("O'Brien").
static WORD_BYTE_OR_APOSTROPHE: [bool; 256] = {
    let mut t = WORD_BYTE;
    t[b'\'' as usize] = true;
    t
};

fn stopwords() -> &'static FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| discovery::STOPWORDS.iter().copied().collect())
}

/// The first byte in `b[i..end]` that is not an ASCII lowercase letter (`end` when there is
/// none): the rest of a capitalized word is mostly lowercase letters, passed over eight at a time.
#[inline]
fn skip_lowercase(b: &[u8], i: usize, end: usize) -> usize {
    use crate::text::{ascii_in_range, find_byte};
    // Anything but a lowercase letter; a non-ASCII byte is no letter.
    find_byte(
        b,
        i,
        end,
        |x| !ascii_in_range(x, b'a', b'z'),
        |c| !c.is_ascii_lowercase(),
    )
}

/// Runs discovery on the sentences where it can find something. Every rule needs two capitalized
/// words side by side ("Murhaf Abu", "Mr. Haddad", "Damascus University"), one of them not
/// covered by a gazetteer name; most sentences of news have none, and the rules cost more than
/// matching, so the others are skipped ([`worth_discovering`]). Offsets are into `text`.
///
/// Kept out of line, as is [`short_names`]: inlined in [`resolve_document`], both made its own
/// loops dearer (callgrind counts fewer instructions this way).
#[inline(never)]
fn discover_in(
    d: &Discoverer,
    text: &str,
    sents: &Sentences,
    taken: &[(usize, usize)],
    local: &mut Vec<(usize, usize)>,
    out: &mut Vec<discovery::Found>,
) {
    let starts = sents.starts();
    out.clear();
    // `local`: the taken ranges of one sentence, relative to it; filled only for the sentences
    // that get past the gate, in one buffer.
    let mut t = 0;
    // The first byte that can start a word at or after the sentence start: the scan of one
    // sentence ends on it when it passes the end, so it is not searched for twice.
    let mut next = starts
        .first()
        .map_or(text.len(), |&s| next_word_start(text.as_bytes(), s));
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(text.len());
        while t < taken.len() && taken[t].1 <= s {
            t += 1;
        }
        if worth_discovering(text, s, e, &taken[t..], &mut next) {
            next = next_word_start(text.as_bytes(), e);
            local.clear();
            local.extend(
                taken[t..]
                    .iter()
                    .take_while(|r| r.0 < e)
                    .map(|&(a, z)| (a.max(s) - s, z.min(e) - s)),
            );
            out.extend(d.find(&text[s..e], local).into_iter().map(|mut f| {
                f.start += s;
                f.end += s;
                f
            }));
        }
    }
}

/// A word a discovery rule could make a name of: not covered by a taken range, not a title
/// word, not a stopword.
fn candidate(text: &str, start: usize, end: usize, covered: bool) -> bool {
    let w = &text[start..end];
    !covered && !is_role_word(w) && !stopwords().contains(w)
}

/// Whether the word starting at byte `i` (a char boundary) begins with a capital letter.
#[inline]
fn upper_at(text: &str, i: usize) -> bool {
    text.as_bytes()[i].is_ascii_uppercase()
        || text[i..].chars().next().is_some_and(char::is_uppercase)
}

/// Whether the sentence `text[s..e]` has two capitalized words side by side, one of them a
/// [`candidate`]: a rule of discovery could find something there. `taken` holds the taken
/// ranges from the first that ends after `s` on, sorted. `next` is the first byte at or after `s`
/// that can start a word ([`next_word_start`]); when the answer is no, it is left on the first
/// such byte at or after `e`, where the next sentence starts its walk.
///
/// The words are those of a walk over the sentence: a word starts at an ASCII capital or a byte
/// that starts a multibyte char, when no word byte comes before it, and runs over word bytes and
/// apostrophes ("O'Brien"). Two capitalized words are side by side when one to three bytes of
/// ` -.\n/:` part them. Most capitalized words are followed by a lowercase word, so each word
/// first looks past its end for the next one; only a pair asks about case, coverage and
/// stopwords. The scan for word starts passes over sixteen bytes per step ([`next_word_start`])
/// and may run past `e`: a sentence mostly starts with a capital, so it does not go far.
#[inline]
fn worth_discovering(
    text: &str,
    s: usize,
    e: usize,
    taken: &[(usize, usize)],
    next: &mut usize,
) -> bool {
    let b = text.as_bytes();
    // Whether a taken range covers `i`: the ranges that end by `i` are passed for good, as the
    // positions asked about only grow.
    let mut lt = 0;
    let mut covered = |i: usize| {
        while lt < taken.len() && taken[lt].1 <= i {
            lt += 1;
        }
        lt < taken.len() && taken[lt].0 <= i
    };
    // The start of the last word found to be no candidate, the second of a pair, which is the
    // first of the next pair when there is one.
    let mut not_candidate = usize::MAX;
    let mut i = *next;
    loop {
        if i >= e {
            *next = i;
            return false;
        }
        if i != s && WORD_BYTE[b[i - 1] as usize] {
            i = next_word_start(b, i + 1);
            continue;
        }
        let j = word_end(b, i, e);
        // The next word, when only one to three gap bytes come before it.
        let mut n = j;
        while n < e && n - j < 4 && matches!(b[n], b' ' | b'-' | b'.' | b'\n' | b'/' | b':') {
            n += 1;
        }
        if n > j
            && n - j <= 3
            && n < e
            && starts_word(b[n])
            && upper_at(text, i)
            && upper_at(text, n)
        {
            if not_candidate != i && candidate(text, i, j, covered(i)) {
                return true;
            }
            let nj = word_end(b, n, e);
            if candidate(text, n, nj, covered(n)) {
                return true;
            }
            not_candidate = n;
            i = n;
            continue;
        }
        i = next_word_start(b, j);
    }
}

/// The end of the word that starts at `i`: the first byte from `i + 1` on that is not a word
/// byte or an apostrophe (`end` when there is none).
#[inline(always)]
fn word_end(b: &[u8], i: usize, end: usize) -> usize {
    let mut j = skip_lowercase(b, i + 1, end);
    while j < end && WORD_BYTE_OR_APOSTROPHE[b[j] as usize] {
        j = skip_lowercase(b, j + 1, end);
    }
    j
}

/// The words of `s` between whitespace, as `split_whitespace` gives them, without decoding
/// ASCII.
fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

/// The iterator of [`words`].
struct Words<'a> {
    s: &'a str,
    pos: usize,
}

/// The length of the whitespace char at byte `i` of `s` (a char boundary), 0 when it is none.
#[inline(always)]
fn space_at(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b'\t'..=b'\r' | b' ' => 1,
        c if c < 0x80 => 0,
        _ => match s[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let (s, b) = (self.s, self.s.as_bytes());
        let n = b.len();
        let mut i = self.pos;
        while i < n {
            match space_at(s, i) {
                0 => break,
                l => i += l,
            }
        }
        if i >= n {
            self.pos = n;
            return None;
        }
        let start = i;
        loop {
            // One table probe per ASCII byte of the word; only a space or a non-ASCII byte stops.
            while i < n && !SPACE_OR_NON_ASCII[b[i] as usize] {
                i += 1;
            }
            if i >= n || b[i] < 0x80 || space_at(s, i) != 0 {
                break;
            }
            // Step over the whole char.
            i += s[i..].chars().next().map_or(1, char::len_utf8);
        }
        self.pos = i;
        Some(&s[start..i])
    }
}

/// ASCII whitespace (as `char::is_whitespace` has it) and every non-ASCII byte: where
/// [`Words`] must look closer.
static SPACE_OR_NON_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(i as u8, b'\t'..=b'\r' | b' ') || i >= 0x80;
        i += 1;
    }
    t
};

/// The char that starts at byte `i` of `text` (a char boundary), if any; ASCII needs no
/// decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&c) if c < 0x80 => Some(char::from(c)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// Whether `w` is a family name written first: a name of two or three words starting with one
/// of these is East Asian, and its short form is the family name ("Lee" for Lee Jae-myung,
/// "Xi"). A match on the word tests its length before any byte: it is asked of every name of a
/// person.
fn is_family_first(w: &str) -> bool {
    matches!(
        w,
        "Kim"
            | "Lee"
            | "Park"
            | "Choi"
            | "Chung"
            | "Moon"
            | "Yoon"
            | "Han"
            | "Xi"
            | "Li"
            | "Wang"
            | "Zhang"
            | "Liu"
            | "Chen"
            | "Hu"
            | "Wen"
    )
}

/// The last word of `s` between whitespace, as `split_whitespace().next_back()` gives it,
/// without decoding ASCII.
fn last_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    // The char ending at byte `i` (a char boundary past 0): its length and whether it is a space.
    let before = |i: usize| match b[i - 1] {
        b'\t'..=b'\r' | b' ' => (1, true),
        c if c < 0x80 => (1, false),
        _ => s[..i]
            .chars()
            .next_back()
            .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace())),
    };
    let mut end = b.len();
    while end > 0 {
        match before(end) {
            (l, true) => end -= l,
            _ => break,
        }
    }
    if end == 0 {
        return None;
    }
    let mut start = end;
    while start > 0 {
        match before(start) {
            (l, false) => start -= l,
            _ => break,
        }
    }
    Some(&s[start..end])
}

/// The first four bytes (or fewer) of a few names, to tell at once whether a name may start at
/// a place: a capital starts many words ("The", "She") that are no short name, and each of them
/// would otherwise be delimited and looked up.
struct Heads {
    /// Per name, its first bytes as a little-endian number and the mask of those bytes; in
    /// place, as there are few, so that a document allocates nothing for them.
    heads: [(u32, u32); MAX_HEADS],
    /// How many of `heads` are in use.
    len: usize,
}

/// Most names [`Heads`] holds: beyond that, testing each costs more than it saves.
const MAX_HEADS: usize = 32;

impl Heads {
    /// The heads of `names`, or None when there are too many of them.
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Option<Heads> {
        let mut heads = Heads {
            heads: [(0, 0); MAX_HEADS],
            len: 0,
        };
        for name in names {
            let b = name.as_bytes();
            let k = b.len().min(4);
            let head = (load_head(b, 0), u32::MAX >> (8 * (4 - k)));
            let head = (head.0 & head.1, head.1);
            if !heads.heads[..heads.len].contains(&head) {
                if heads.len == MAX_HEADS {
                    return None;
                }
                heads.heads[heads.len] = head;
                heads.len += 1;
            }
        }
        Some(heads)
    }

    /// Whether one of the names may start at `b[p..]`: false only when none does.
    #[inline]
    fn may_start(&self, b: &[u8], p: usize) -> bool {
        let x = load_head(b, p);
        self.heads[..self.len].iter().any(|&(v, m)| x & m == v)
    }
}

/// The four bytes at `b[p..]` as a little-endian number, zeros past the end.
#[inline]
fn load_head(b: &[u8], p: usize) -> u32 {
    let mut w = [0u8; 4];
    let rest = &b[p.min(b.len())..];
    let k = rest.len().min(4);
    w[..k].copy_from_slice(&rest[..k]);
    u32::from_le_bytes(w)
}

/// Where each short name is in the keys of [`short_names`]: most documents name few people, and
/// comparing a word with a few keys costs less than hashing it, so a map is built only when
/// there are many.
#[derive(Default)]
struct KeyIndex<'a> {
    /// Every key by its place, once there are more than [`MAX_SCANNED_KEYS`].
    map: Option<FxHashMap<&'a str, usize>>,
}

/// Most keys [`KeyIndex`] compares one by one.
const MAX_SCANNED_KEYS: usize = 16;

impl<'a> KeyIndex<'a> {
    /// The place of `key` in `keys` (whose keys are distinct, and all in the index).
    #[inline]
    fn get<T>(&self, keys: &[(&str, T)], key: &str) -> Option<usize> {
        match &self.map {
            Some(map) => map.get(key).copied(),
            None => keys.iter().position(|(k, _)| *k == key),
        }
    }

    /// Records that `key` is about to be pushed on `keys`, where it is not yet.
    fn insert<T>(&mut self, keys: &[(&'a str, T)], key: &'a str) {
        let at = keys.len();
        if let Some(map) = &mut self.map {
            map.insert(key, at);
        } else if at == MAX_SCANNED_KEYS {
            // The first key past the scanned ones: the map takes them all from here.
            let map = self.map.insert(FxHashMap::default());
            map.extend(keys.iter().enumerate().map(|(i, (k, _))| (*k, i)));
            map.insert(key, at);
        }
    }
}

/// The buffers of [`short_names`], kept in a thread's [`Scratch`].
struct ShortNameBuffers<'s> {
    /// Where short names may start.
    starts: &'s mut Vec<usize>,
    /// The short names and whose they are (see [`recycle`]).
    keys: &'s mut Vec<(&'static str, EntityRef)>,
    /// The first bytes of the keys.
    firsts: &'s mut Vec<u8>,
    /// The mentions found in a field.
    added: &'s mut Vec<Resolved>,
    /// The keys found at a place, and where they end.
    found: &'s mut Vec<(usize, usize)>,
}

/// Adds mentions of the short name of every person named in full in the document: the last
/// word (or the family name of an East Asian name), written as in the full name, as a whole
/// capitalized word no other name word touches, and only when no other person of the document
/// has the same short name.
fn short_names(
    g: &Gazetteer,
    fields: &[FieldScan<'_>],
    out: &mut [Vec<Resolved>],
    new_entities: &[NewEntity],
    buffers: ShortNameBuffers<'_>,
) {
    let mut keys = recycle(std::mem::take(buffers.keys));
    let ShortNameBuffers {
        starts,
        keys: keys_buf,
        firsts,
        added,
        found,
    } = buffers;
    short_names_with(
        g,
        fields,
        out,
        new_entities,
        &mut keys,
        starts,
        firsts,
        added,
        found,
    );
    *keys_buf = recycle(keys);
}

/// [`short_names`] with its buffers; `keys` is empty.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn short_names_with<'a>(
    g: &Gazetteer,
    fields: &[FieldScan<'a>],
    out: &mut [Vec<Resolved>],
    new_entities: &[NewEntity],
    keys: &mut Vec<(&'a str, EntityRef)>,
    starts: &mut Vec<usize>,
    firsts: &mut Vec<u8>,
    added: &mut Vec<Resolved>,
    found: &mut Vec<(usize, usize)>,
) {
    let mut seen = KeyIndex::default();
    for (f, field) in fields.iter().enumerate() {
        for r in &out[f] {
            if !names_person(g, new_entities, r.entity) {
                continue;
            }
            // The name without a title the alias may hold ("President Lee Jae-myung"): only its
            // first word, last word and length matter, so the words between are not walked.
            let span = &field.text[r.start..r.end];
            let mut name = words(span);
            let Some(first) = name
                .by_ref()
                .find(|w| !is_role_word(w.trim_end_matches('.')))
            else {
                continue;
            };
            let rest = &span[name.pos..];
            let Some(last) = last_word(rest) else {
                continue;
            };
            // Two or three words in all: at most two after the first.
            let key = if is_family_first(first) && words(rest).nth(2).is_none() {
                first
            } else {
                last
            };
            let key = key.trim_end_matches(['.', ',']);
            if key.chars().count() < 3 || !key.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            match seen.get(keys, key) {
                Some(p) if keys[p].1 != r.entity => keys[p].1 = EntityRef::New(u32::MAX),
                Some(_) => {}
                None => {
                    seen.insert(keys, key);
                    keys.push((key, r.entity));
                }
            }
        }
    }
    // The short names of more than one person stay in `keys` (so that `seen` still indexes it)
    // but name nobody.
    let usable = |e: &EntityRef| *e != EntityRef::New(u32::MAX);
    if !keys.iter().any(|(_, e)| usable(e)) {
        return;
    }
    // One pass over each text, looking up the words that may be short names, instead of one
    // search per name: a long document names thousands of people.
    let index = seen;
    let max_len = keys
        .iter()
        .filter(|(_, e)| usable(e))
        .map(|(k, _)| k.len())
        .max()
        .unwrap_or(0);
    let word_char = |c: char| c.is_alphanumeric() || c == '-';
    // The first bytes of the keys (an ASCII capital or the first byte of a longer char): a
    // short name can only start at one of them, found with memchr three at a time.
    firsts.clear();
    firsts.extend(
        keys.iter()
            .filter(|(_, e)| usable(e))
            .map(|(k, _)| k.as_bytes()[0]),
    );
    firsts.sort_unstable();
    firsts.dedup();
    let heads = Heads::new(keys.iter().filter(|(_, e)| usable(e)).map(|(k, _)| *k));
    for (f, field) in fields.iter().enumerate() {
        let text = field.text;
        let b = text.as_bytes();
        added.clear();
        // Where the keys' first bytes are, found by memchr three bytes at a time, in order, and
        // kept when the bytes there start a key.
        starts.clear();
        let may_start = |&p: &usize| heads.as_ref().is_none_or(|h| h.may_start(b, p));
        for g in firsts.chunks(3) {
            match *g {
                [x] => starts.extend(memchr::memchr_iter(x, b).filter(may_start)),
                [x, y] => starts.extend(memchr::memchr2_iter(x, y, b).filter(may_start)),
                [x, y, z] => starts.extend(memchr::memchr3_iter(x, y, z, b).filter(may_start)),
                _ => unreachable!("chunks of three"),
            }
        }
        starts.sort_unstable();
        let n = b.len();
        let mut next = 0;
        for &p in starts.iter() {
            if p < next {
                continue;
            }
            next = p + 1;
            while next < n && ALNUM[b[next] as usize] {
                next += 1;
            }
            let Some(first) = char_at(text, p).filter(|c| c.is_uppercase()) else {
                continue;
            };
            let before = match p.checked_sub(1).map(|q| b[q]) {
                Some(c) if c < 0x80 => Some(char::from(c)),
                Some(_) => text[..p].chars().next_back(),
                None => None,
            };
            if before.is_some_and(word_char) {
                continue;
            }
            // Every end inside the run of non-spaces where the word ends (an apostrophe ends a
            // word: "Lee’s office"), shortest first; the names in the order they were found.
            found.clear();
            let mut end = p + first.len_utf8();
            if first.is_ascii() {
                // The ASCII letters and digits up to `next` neither end a word nor are spaces:
                // no name ends among them, so the scan starts where they end (and a run longer
                // than any name holds none).
                if next - p > max_len {
                    continue;
                }
                end = next;
            }
            loop {
                let following = char_at(text, end);
                if !following.is_some_and(word_char) {
                    if let Some(k) = index.get(keys, &text[p..end]) {
                        if usable(&keys[k].1) {
                            found.push((k, end));
                        }
                    }
                }
                match following {
                    Some(c) if !c.is_whitespace() && end - p < max_len => end += c.len_utf8(),
                    _ => break,
                }
            }
            if found.len() > 1 {
                found.sort_unstable();
            }
            for &(k, end) in found.iter() {
                let entity = &keys[k].1;
                let res = &out[f];
                let i = res.partition_point(|r| r.end <= p);
                if res.get(i).is_some_and(|r| r.start < end) {
                    continue;
                }
                // Another name word right before or after makes it someone else ("Brenda Lee").
                let before = word_before(text, p).is_some_and(|(_, w)| {
                    // A word ending a sentence ("Seoul.") is not part of this name.
                    is_capitalized(w) && !w.ends_with('.') && !is_role_word(w)
                });
                let after = word_after(text, end).is_some_and(is_capitalized);
                if before || after {
                    continue;
                }
                added.push(Resolved {
                    start: p,
                    end,
                    entity: *entity,
                    kind: MatchKind::Coref,
                    role: None,
                    list: None,
                });
                // The first name in key order that fits wins its place.
                break;
            }
        }
        if !added.is_empty() {
            out[f].append(added);
            out[f].sort_by_key(|r| r.start);
        }
    }
}

/// Acronyms defined right after a mention: `NAME (ACR)`.
fn acronym_definitions(text: &str, res: &[Resolved]) -> Vec<(String, EntityRef)> {
    let mut defs = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for r in res {
        let rest = &text[r.end..];
        let Some(inner) = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix('(') else {
            continue;
        };
        // An acronym is short: look no further for its parenthesis, so that a long document
        // with no closing one costs nothing.
        let Some(close) = memchr::memchr(b')', &inner.as_bytes()[..inner.len().min(64)]) else {
            continue;
        };
        let acr = inner[..close].trim();
        let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
        if (2..=10).contains(&acr.chars().count())
            && letters >= 2
            && acr
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&')
            && initial_matches(acr, &text[r.start..r.end])
            && seen.insert(acr)
        {
            defs.push((acr.to_string(), r.entity));
        }
    }
    defs
}

/// Whether an acronym starts with the name's initial (English acronyms do; "Côte d'Ivoire
/// (PDCI)" is the end of a longer, unmatched name and defines nothing).
fn initial_matches(acr: &str, name: &str) -> bool {
    let first = |s: &str| {
        s.chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| fold(&c.to_string()))
    };
    first(acr).is_some() && first(acr) == first(name)
}

/// Adds a mention for every whole-word use of a defined acronym not already covered.
fn add_acronyms(text: &str, defs: &[(String, EntityRef)], res: &mut Vec<Resolved>) {
    let mut added = Vec::new();
    let defs: FxHashMap<&str, EntityRef> = defs.iter().map(|(a, e)| (a.as_str(), *e)).collect();
    for t in Tokenizer::new(text) {
        if t.kind != Kind::Word {
            continue;
        }
        let w = &text[t.start..t.end];
        let Some(e) = defs.get(w) else {
            continue;
        };
        let i = res.partition_point(|r| r.end <= t.start);
        if res.get(i).is_some_and(|r| r.start < t.end) {
            continue;
        }
        added.push(Resolved {
            start: t.start,
            end: t.end,
            entity: *e,
            kind: MatchKind::Acronym,
            role: None,
            list: None,
        });
    }
    if !added.is_empty() {
        res.extend(added);
        res.sort_by_key(|r| r.start);
    }
}

/// Moves a title inside the span ("President Xi") out of it, and takes the title in front of the
/// span ("Defense Minister Major General Murhaf Abu Qasra") as the role.
fn assign_role(text: &str, r: &mut Resolved) {
    // Inside: leading role words, keeping at least one word of name. Only the last role word
    // and the word after it matter, so the words are not collected.
    let span = &text[r.start..r.end];
    let mut words = Tokenizer::new(span).filter(|t| t.kind == Kind::Word);
    let mut last_role = None;
    let mut word = words.next();
    while let Some(w) = word {
        // Most names start with no title: the next word is not needed to know it.
        if !is_role_word(&span[w.start..w.end]) {
            break;
        }
        let Some(next) = words.next() else {
            break;
        };
        last_role = Some(w);
        word = Some(next);
    }
    let role_inside = last_role.is_some();
    let mut role_end = r.start;
    let mut role_start = r.start;
    if let (Some(role), Some(name)) = (last_role, word) {
        role_end = r.start + role.end;
        r.start += name.start;
        role_start = role_end - role.end;
    }
    // Before: role words, joined by spaces, lowercase joiners and hyphens, up to the span.
    let mut pos = role_start;
    let mut first = role_start;
    while let Some((s, w)) = word_before(text, pos) {
        let bare = w.trim_end_matches('.');
        // Most words before a name are no title: that test goes first (every test is pure).
        if !(is_role_word(bare)
            || (ROLE_JOINERS.contains(&w) && first < role_end.max(role_start + 1)))
        {
            break;
        }
        // "Gen." is a title; "President." ends the sentence before the name.
        if bare.len() != w.len() && bare.len() > 4 {
            break;
        }
        let between = &text[s + w.len()..pos];
        if between.contains('\n') && between.trim().is_empty() && between.matches('\n').count() > 1
        {
            break;
        }
        pos = s;
        if !ROLE_JOINERS.contains(&w) {
            first = s;
        }
    }
    // The role runs from the first role word to the name; a dotted abbreviation ("Gen.") keeps its dot.
    if first < role_end.max(role_start) || first < role_start {
        let end = if role_inside { role_end } else { role_start };
        let role = text[first..end]
            .trim_end()
            .trim_end_matches([',', ':'])
            .trim();
        if !role.is_empty() {
            r.role = Some(if single_spaced(role) {
                role.into()
            } else {
                role.split_whitespace().collect::<Vec<_>>().join(" ").into()
            });
        }
    }
}

/// Whether the words of `s` are separated by single spaces only, so that it is its own
/// `split_whitespace` joined by spaces (as a trimmed role almost always is).
fn single_spaced(s: &str) -> bool {
    let mut prev_space = true;
    s.chars().all(|c| {
        let space = c.is_whitespace();
        let ok = !space || (c == ' ' && !prev_space);
        prev_space = space;
        ok
    }) && !prev_space
}

/// Words that tie a person to the list that follows ("accompanied by A, B and C").
const LIST_LEADS: &[&str] = &[
    "accompanied",
    "joined by",
    "along with",
    "flanked by",
    "together with",
    "delegation",
    "led by",
];

/// Numbers the lists of people in a sentence: people one after the other, separated only by
/// commas, "and" and their titles, three or more of them, or two with titles.
fn mark_lists(
    text: &str,
    sents: &Sentences,
    res: &mut [Resolved],
    next_id: &mut u32,
    is_person: impl Fn(&Resolved) -> bool,
    members: &mut Vec<usize>,
) {
    let mut i = 0;
    while i < res.len() {
        if !is_person(&res[i]) {
            i += 1;
            continue;
        }
        // The members, by index: people one after the other, with only separators (or a role
        // after a name, which may name a group: ", secretary of the Security Council,") between.
        members.clear();
        members.push(i);
        // Where the sentence of the first member ends: the others start before it.
        let sentence_end = sents
            .starts()
            .get(sents.index_of(res[i].start) + 1)
            .copied()
            .unwrap_or(usize::MAX);
        let mut j = i;
        while let Some(k) = (j + 1..res.len()).find(|&k| is_person(&res[k])) {
            if res[k].start >= sentence_end {
                break;
            }
            let gap_end = role_start(text, &res[k]);
            let gap = &text[res[j].end..gap_end.max(res[j].end)];
            let only_separators = k == j + 1
                && gap
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .all(|w| w.is_empty() || w == "and")
                && (gap.contains([',', ';']) || gap.contains("and"));
            if !(only_separators || appositive(gap)) {
                break;
            }
            members.push(k);
            j = k;
        }
        let n = members.len();
        let titled = members.iter().all(|&m| res[m].role.is_some());
        if n >= 3 || (n == 2 && titled) {
            // The person the list travels with: "X was accompanied by A, B and C".
            if let Some(p) = (0..i).rev().find(|&p| is_person(&res[p])) {
                let between = &text[res[p].end..role_start(text, &res[i]).max(res[p].end)];
                let same = sents.index_of(res[p].start) == sents.index_of(res[i].start);
                if same && LIST_LEADS.iter().any(|w| between.contains(w)) {
                    members.push(p);
                }
            }
            for &m in members.iter() {
                res[m].list = Some(*next_id);
            }
            *next_id += 1;
        }
        i = j + 1;
    }
}

/// Whether the text between two people of a list is a role after the first one: ", the head of
/// the presidential office, " or ", secretary of the Security Council, and".
fn appositive(gap: &str) -> bool {
    let g = gap.trim();
    let Some(inner) = g.strip_prefix(',') else {
        return false;
    };
    let inner = inner.trim_end();
    let inner = inner.strip_suffix("and").unwrap_or(inner).trim_end();
    let Some(inner) = inner.strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    !words.is_empty()
        && words.len() <= 14
        && !inner.contains(['.', ';', '(', ')', '"', '“', '”'])
        && (matches!(first, "the" | "a" | "an" | "his" | "her" | "its" | "their")
            || is_role_word(first))
}

/// Where the role in front of a mention starts (the mention's start when it has none).
fn role_start(text: &str, r: &Resolved) -> usize {
    match &r.role {
        Some(role) => text[..r.start]
            .rfind(role.split_whitespace().next().unwrap_or(""))
            .unwrap_or(r.start),
        None => r.start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::next_capital_or_non_ascii;

    #[test]
    fn words_and_last_word_are_split_whitespace() {
        for s in [
            "",
            " ",
            "Lee",
            "Lee Jae-myung",
            "Kim  Jong\u{a0}un ",
            "Zoë Ångström\u{2003}",
            "\u{3000}",
            "a\tb\n",
        ] {
            assert_eq!(last_word(s), s.split_whitespace().next_back(), "{s:?}");
            assert!(words(s).eq(s.split_whitespace()), "{s:?}");
        }
    }

    /// The gate of [`discover_in`] as it was before [`worth_discovering`]: every capitalized
    /// word of the sentence is delimited, in turn, and compared with the one before it. Kept as
    /// the reference the faster gate must agree with.
    fn worth_discovering_reference(
        text: &str,
        s: usize,
        e: usize,
        taken: &[(usize, usize)],
    ) -> bool {
        let b = text.as_bytes();
        // The previous capitalized word: (start, end, covered, candidate when known).
        let mut prev_cap: Option<(usize, usize, bool, Option<bool>)> = None;
        let mut i = s;
        let mut lt = 0;
        loop {
            i = next_capital_or_non_ascii(b, i, e);
            if i >= e {
                return false;
            }
            let c = b[i];
            let cap_start =
                (c.is_ascii_uppercase() || c >= 0xC0) && (i == s || !WORD_BYTE[b[i - 1] as usize]);
            if !cap_start {
                i += 1;
                continue;
            }
            let mut j = skip_lowercase(b, i + 1, e);
            while j < e && WORD_BYTE_OR_APOSTROPHE[b[j] as usize] {
                j = skip_lowercase(b, j + 1, e);
            }
            let upper =
                c.is_ascii_uppercase() || text[i..].chars().next().is_some_and(char::is_uppercase);
            if upper {
                while lt < taken.len() && taken[lt].1 <= i {
                    lt += 1;
                }
                let covered = lt < taken.len() && taken[lt].0 <= i;
                let mut cand = None;
                if let Some((ps, pe, pcovered, pcand)) = prev_cap {
                    let gap = &b[pe..i];
                    let adjacent = gap.len() <= 3
                        && gap
                            .iter()
                            .all(|&g| matches!(g, b' ' | b'-' | b'.' | b'\n' | b'/' | b':'));
                    if adjacent {
                        let here = candidate(text, i, j, covered);
                        if pcand.unwrap_or_else(|| candidate(text, ps, pe, pcovered)) || here {
                            return true;
                        }
                        cand = Some(here);
                    }
                }
                prev_cap = Some((i, j, covered, cand));
            }
            i = j;
        }
    }

    /// Checks [`worth_discovering`] against its reference on every sentence of `text`, with the
    /// taken ranges `taken` (sorted, disjoint), the way [`discover_in`] calls it. Returns how
    /// many sentences were worth it.
    fn check_gate(text: &str, taken: &[(usize, usize)]) -> usize {
        let sents = crate::text::split_sentences(text);
        let starts = sents.starts();
        let mut t = 0;
        let mut worth = 0;
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(text.len());
            while t < taken.len() && taken[t].1 <= s {
                t += 1;
            }
            let mut next = next_word_start(text.as_bytes(), s);
            let got = worth_discovering(text, s, e, &taken[t..], &mut next);
            if !got {
                assert_eq!(next, next_word_start(text.as_bytes(), e));
            }
            let want = worth_discovering_reference(text, s, e, &taken[t..]);
            assert_eq!(
                got,
                want,
                "sentence {:?} of {text:?}, taken {taken:?}",
                &text[s..e]
            );
            worth += usize::from(got);
        }
        worth
    }

    #[test]
    fn worth_discovering_agrees_with_its_reference() {
        let texts = [
            "Analysts said IMF Managing Director Kristalina Georgieva would stay. Then rain.",
            "J. R. Smith met Mr. X and Dr. Al-Shibani's aide O'Brien in Zürich: Ünal Çelik came.",
            "Mr. Haddad. Ms\tLee. MURHAF ABU SAID THAT. 3M Corp and 7Eleven Inc. were there.",
            "the President said. The Minister\nOf Finance -- Jean-Pierre x-Ray /Paris/ Rome:Milan",
            "“We know” said Élodie Dupont’s friend Émile; éric Martin, ÉRIC MARTIN.",
            "A B C D E. a B c D. Ab'Cd Ef x'Ab Cd McDonald Smith aBc Def 1Abc Def",
            "Damascus University and The University Of Damascus - Syrian Arab Republic",
            "Ελλάδα Αθήνα and Москва Кремль; 東京 Tokyo; ǅemal Bijedić; ßtraße Weg",
            "  Lee   Kim . Lee. Kim\n\nPark  Chan-wook -Kim :Lee  /Kim",
            "",
            "X",
            "In Washington, DC, the U.S. Senate voted.",
        ];
        for text in texts {
            check_gate(text, &[]);
            // Every word covered, then every other capitalized word.
            let words: Vec<(usize, usize)> = text
                .split_whitespace()
                .map(|w| {
                    let start = w.as_ptr() as usize - text.as_ptr() as usize;
                    (start, start + w.len())
                })
                .collect();
            check_gate(text, &words);
            let every_other: Vec<_> = words.iter().copied().step_by(2).collect();
            check_gate(text, &every_other);
            let caps: Vec<_> = words
                .iter()
                .copied()
                .filter(|&(a, _)| text[a..].starts_with(|c: char| c.is_uppercase()))
                .step_by(2)
                .collect();
            check_gate(text, &caps);
        }
    }

    #[test]
    fn worth_discovering_agrees_with_its_reference_on_random_text() {
        // Pieces that make the cases of the gate: capitals, gaps of each kind and length,
        // apostrophes, digits, non-ASCII capitals and lowercase, titles and stopwords.
        const PIECES: &[&str] = &[
            "Smith",
            "Lee",
            "the",
            "said",
            "Mr.",
            "Dr",
            "President",
            "The",
            "Of",
            "and",
            "IMF",
            "O'Brien",
            "x'Ab",
            "Ab'",
            "'",
            "McDonald",
            "aBc",
            "3M",
            "1990",
            "Ünal",
            "éric",
            "Çelik",
            "Ελλάδα",
            "東京",
            "’s",
            "“We",
            "”",
            " ",
            " ",
            " ",
            "  ",
            "   ",
            "    ",
            "-",
            "--",
            ".",
            ". ",
            ".\n",
            "\n",
            "/",
            ":",
            ", ",
            ";",
            "(",
            ")",
            "\t",
            "J.",
            "R.",
            "X",
            "A",
            "é",
            "Jean-Pierre",
            "U.S.",
            "a",
            "Z",
            "ß",
            "ǅ",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut worth = 0;
        for _ in 0..3000 {
            let len = 1 + next() % 60;
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            // Random disjoint ranges on char boundaries, some inside words.
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut taken = Vec::new();
            let mut at = 0;
            while at + 1 < bounds.len() {
                let a = at + (next() % 12) as usize;
                let z = a + 1 + (next() % 10) as usize;
                if z >= bounds.len() {
                    break;
                }
                taken.push((bounds[a], bounds[z]));
                at = z;
            }
            if next() % 3 == 0 {
                taken.clear();
            }
            worth += check_gate(&text, &taken);
        }
        // The texts must reach both answers, or the test proves little.
        assert!(worth > 500, "{worth}");
    }

    fn role_of(text: &str, name: &str) -> (String, Option<String>) {
        let start = text.find(name).unwrap();
        let mut r = Resolved {
            start,
            end: start + name.len(),
            entity: EntityRef::Known(0),
            kind: MatchKind::Exact,
            role: None,
            list: None,
        };
        assign_role(text, &mut r);
        (
            text[r.start..r.end].to_string(),
            r.role.map(|s| s.to_string()),
        )
    }

    #[test]
    fn lowercase_runs_end_at_the_first_other_byte_in_any_lane() {
        for stop in [b'A', b'Z', b'0', b' ', b'\'', b'{', b'`', 0xC3, 0x80] {
            for at in 0..20 {
                let mut b = vec![b'q'; 20];
                b[at] = stop;
                for start in 0..=at {
                    assert_eq!(skip_lowercase(&b, start, b.len()), at, "{stop} at {at}");
                    assert_eq!(skip_lowercase(&b, start, at), at);
                }
            }
        }
        assert_eq!(skip_lowercase(b"abcdefghijklmnopqrstuvwxyz", 0, 26), 26);
    }

    /// [`word_before`] as it was written before its ASCII fast path.
    fn word_before_reference(text: &str, pos: usize) -> Option<(usize, &str)> {
        let head = &text[..pos];
        let trimmed = head.trim_end_matches([' ', '\t']);
        if trimmed.len() == head.len() && pos > 0 && !head.ends_with('\n') {
            return None;
        }
        let core = trimmed.strip_suffix('.').unwrap_or(trimmed);
        let start = core
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = &trimmed[start..];
        (!w.is_empty()).then_some((start, w))
    }

    #[test]
    fn word_before_agrees_with_its_char_by_char_reference() {
        let texts = [
            "met Gen. Oleksandr Syrskyi",
            "said  Secretary of State Marco Rubio",
            "Erdoğan’s aide, Ms\tHaddad and Dr. Al-Shibani's O'Brien",
            "a\n Lee  \n\nKim  Jae-myung. Ünal Çelik x-ray 3.5 ..  ",
            " . x. .  Élodie café’ naïve  ",
            "",
            "   ",
        ];
        for text in texts {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                assert_eq!(
                    word_before(text, pos),
                    word_before_reference(text, pos),
                    "{text:?} at {pos}"
                );
            }
        }
    }

    #[test]
    fn heads_never_miss_a_name_that_starts_at_a_place() {
        let names = ["Lee", "Abu Qasra", "Çelik", "Xi’s", "Haddad"];
        let heads = Heads::new(names.iter().copied()).expect("few names");
        let text = "Lee met Le Abu Qasra, Çelik and Çel; Xi’s Haddad Had Hadda L";
        let b = text.as_bytes();
        for p in 0..=b.len() {
            let starts = names.iter().any(|n| b[p..].starts_with(n.as_bytes()));
            assert!(!starts || heads.may_start(b, p), "missed at {p}");
        }
        assert!(!heads.may_start(b, text.find("Le ").unwrap()));
        assert!(!heads.may_start(b, text.find("Had ").unwrap()));
        assert!(!heads.may_start(b, b.len() - 1));
        let many = (0..=MAX_HEADS)
            .map(|i| format!("N{i:03}"))
            .collect::<Vec<_>>();
        assert!(Heads::new(many.iter().map(String::as_str)).is_none());
    }

    #[test]
    fn key_index_finds_every_key_before_and_after_it_builds_its_map() {
        let names: Vec<String> = (0..MAX_SCANNED_KEYS + 5)
            .map(|i| format!("Name{i}"))
            .collect();
        let mut keys: Vec<(&str, usize)> = Vec::new();
        let mut index = KeyIndex::default();
        for (i, n) in names.iter().enumerate() {
            assert_eq!(index.get(&keys, n), None, "{n} before it is added");
            index.insert(&keys, n);
            keys.push((n, i));
            assert_eq!(index.map.is_some(), keys.len() > MAX_SCANNED_KEYS);
            for (j, m) in names[..=i].iter().enumerate() {
                assert_eq!(index.get(&keys, m), Some(j), "{m} with {} keys", keys.len());
            }
            assert_eq!(index.get(&keys, "Name"), None);
        }
    }

    #[test]
    fn common_names_answer_as_all_common_does() {
        let words = WordLists::shipped();
        let mut cache = CommonNames::default();
        let long = "Democratic Party ".repeat(5);
        let names = [
            "Democratic Party",
            "Electoral Commission",
            "Hamas",
            "Supreme Court",
            "Senate",
            long.as_str(),
        ];
        // Twice, so that the second round answers from the cache; and with many other names
        // in between, so that some collide.
        for round in 0..2 {
            for (k, n) in names.iter().enumerate() {
                assert_eq!(
                    cache.get(&words, n),
                    all_common(&words, n, &mut String::new()),
                    "{n} round {round}"
                );
                for i in 0..300 {
                    let other = format!("Party {k} {i}");
                    assert_eq!(
                        cache.get(&words, &other),
                        all_common(&words, &other, &mut String::new())
                    );
                }
            }
        }
    }

    #[test]
    fn recycled_vectors_keep_their_allocation() {
        let text = String::from("Lee Jae-myung");
        let mut v: Vec<(&str, EntityRef)> = Vec::new();
        v.extend(text.split(' ').map(|w| (w, EntityRef::Known(0))));
        let (at, capacity) = (v.as_ptr() as usize, v.capacity());
        let kept: Vec<(&'static str, EntityRef)> = recycle(v);
        assert!(kept.is_empty());
        assert_eq!((kept.as_ptr() as usize, kept.capacity()), (at, capacity));
    }

    #[test]
    fn new_ids_are_new_and_the_slug() {
        assert_eq!(
            new_id("murhaf-abu-qasra"),
            format!("new:{}", "murhaf-abu-qasra")
        );
        assert_eq!(new_id(""), "new:");
    }

    #[test]
    fn roles_in_front_of_names() {
        let cases = [
            (
                "by Foreign and Expatriates Minister Asaad Hassan Al-Shibani, and",
                "Asaad Hassan Al-Shibani",
                "Foreign and Expatriates Minister",
            ),
            (
                "Defense Minister Major General Murhaf Abu Qasra,",
                "Murhaf Abu Qasra",
                "Defense Minister Major General",
            ),
            (
                "General Intelligence Chief Hussein Al-Salama",
                "Hussein Al-Salama",
                "General Intelligence Chief",
            ),
            (
                "and\nPresidency Secretary-General Maher Al-Sharaa,",
                "Maher Al-Sharaa",
                "Presidency Secretary-General",
            ),
            (
                "of Russian Deputy Prime Minister Alexander Novak,",
                "Alexander Novak",
                "Deputy Prime Minister",
            ),
            (
                "said Secretary of State Marco Rubio",
                "Marco Rubio",
                "Secretary of State",
            ),
            ("met Gen. Oleksandr Syrskyi", "Oleksandr Syrskyi", "Gen."),
        ];
        for (text, name, role) in cases {
            assert_eq!(
                role_of(text, name),
                (name.to_string(), Some(role.to_string())),
                "{text}"
            );
        }
        assert_eq!(role_of("Putin said", "Putin"), ("Putin".to_string(), None));
        assert_eq!(
            role_of("and President Xi said", "President Xi"),
            ("Xi".to_string(), Some("President".to_string()))
        );
        assert_eq!(
            role_of("the President said", "President"),
            ("President".to_string(), None)
        );
    }
}
