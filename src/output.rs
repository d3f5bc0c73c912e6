//! Output: mentions, co-mentions and the corpus network as CSV (RFC 4180, header first) or
//! JSON lines. Rows of a document are rendered into bytes by the worker that extracted it, so the
//! single writer thread only copies bytes in input order.

use crate::comentions::{Pairs, Window};
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::input::Rejected;
use crate::model::{EntityRef, Field, MatchKind, Mention};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::OnceLock;

/// How records are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// CSV with a header line (unless switched off).
    #[default]
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Columns of the mentions table.
pub const MENTION_COLUMNS: &[&str] = &[
    "doc_id",
    "entity_id",
    "name",
    "type",
    "start",
    "end",
    "text",
    "sentence",
    "paragraph",
    "field",
    "match",
    "role",
    "list",
];

/// Columns of the co-mentions table; the second is named after the window.
pub fn pair_columns(window: Window) -> [&'static str; 8] {
    [
        "doc_id",
        window.as_str(),
        "source_id",
        "source_name",
        "target_id",
        "target_name",
        "source_type",
        "target_type",
    ]
}

/// Columns of the network's node table (Gephi reads Id and Label).
pub const NODE_COLUMNS: &[&str] = &["Id", "Label", "type", "mentions", "documents"];
/// Columns of the network's edge table (Gephi reads Source, Target, Type and Weight).
pub const EDGE_COLUMNS: &[&str] = &["Source", "Target", "Type", "Weight", "documents"];
/// Columns of the rejects table.
pub const REJECT_COLUMNS: &[&str] = &["source", "line", "reason", "record"];

/// Writes a CSV header (nothing for JSON lines, whose keys name themselves).
pub fn write_header(w: &mut dyn Write, format: Format, columns: &[&str]) -> io::Result<()> {
    if format == Format::Csv {
        let mut row = Vec::new();
        csv_row(&mut row, columns);
        w.write_all(&row)?;
    }
    Ok(())
}

/// Appends one CSV row as RFC 4180 and the csv crate's default writer have it: a field is quoted
/// when it holds a comma, a quote or a line break, with its quotes doubled; rows end in `\n`.
/// Written by hand because the csv writer's per-row machinery was an eighth of a whole run.
fn csv_row(out: &mut Vec<u8>, fields: &[&str]) {
    if let [only] = fields {
        if only.is_empty() {
            // A lone empty field would read back as an empty line, that is no record.
            out.extend_from_slice(b"\"\"\n");
            return;
        }
    }
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_field(out, f);
    }
    out.push(b'\n');
}

/// The bytes that force a CSV field into quotes: comma, quote, line feed and carriage return.
const QUOTE_BYTES: [u8; 4] = [b',', b'"', b'\n', b'\r'];

/// Whether a field must be quoted. Fields are short (ids, names, a few words of text), so eight
/// bytes are tested at a time as one word, with a last word overlapping the one before it rather
/// than a byte loop for the tail; this takes half the instructions of a test per byte.
#[inline]
fn needs_quotes(b: &[u8]) -> bool {
    if b.len() < 8 {
        return b.iter().any(|c| QUOTE_BYTES.contains(c));
    }
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
    b.chunks_exact(8).any(|c| has_quote_byte(word(c))) || has_quote_byte(word(&b[b.len() - 8..]))
}

/// Whether one of eight bytes is a [`QUOTE_BYTES`] byte.
#[inline]
fn has_quote_byte(x: u64) -> bool {
    quote_byte_bits(x) != 0
}

/// The high bit of each byte of eight that is a [`QUOTE_BYTES`] byte, by the zero-byte test of
/// "Bit Twiddling Hacks" on the word XORed with each: `(v - 0x01..) & !v` has a byte's high bit
/// set when a byte of `v` is zero, and none set when no byte is. A byte above (more significant
/// than) one that is may be set too, by the borrow; no byte below the lowest that is.
#[inline]
fn quote_byte_bits(x: u64) -> u64 {
    use crate::text::{HI, LO};
    let zero = |q: u8| {
        let v = x ^ (LO * u64::from(q));
        v.wrapping_sub(LO) & !v
    };
    QUOTE_BYTES.iter().fold(0, |acc, &q| acc | zero(q)) & HI
}

/// Whether one of the first `len` (at most sixteen) of sixteen bytes is a [`QUOTE_BYTES`] byte:
/// two word tests cut back to length, where a test of a short slice is a loop. Exact, as a byte
/// wrongly marked by [`quote_byte_bits`] is above one rightly marked, so within the first `len`
/// only if that one is.
#[inline(always)]
fn quotes_within(w: &[u8; 16], len: usize) -> bool {
    debug_assert!(len <= 16);
    let word = |i: usize| u64::from_le_bytes(w[i..i + 8].try_into().expect("eight bytes"));
    let first = |n: usize| if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
    (quote_byte_bits(word(0)) & first(len))
        | (quote_byte_bits(word(8)) & first(len.saturating_sub(8)))
        != 0
}

/// Appends one field (no separator), quoted when it must be.
#[inline]
fn push_field(out: &mut Vec<u8>, f: &str) {
    let b = f.as_bytes();
    if needs_quotes(b) {
        push_quoted(out, b);
    } else {
        out.extend_from_slice(b);
    }
}

/// Appends `src[r]` as a field, as [`push_field`] does. A field of up to sixteen bytes with
/// sixteen bytes of `src` from its start (most words of a text) is copied as sixteen bytes cut
/// back to length: a copy of fixed size is a few moves where one of unknown size is a call.
#[inline]
fn push_field_in(out: &mut Vec<u8>, src: &[u8], r: Range<usize>) {
    let b = &src[r.clone()];
    if needs_quotes(b) {
        push_quoted(out, b);
        return;
    }
    match src.get(r.start..r.start + 16) {
        Some(w) if b.len() <= 16 => {
            let end = out.len() + b.len();
            let w: &[u8; 16] = w.try_into().expect("sixteen bytes");
            out.extend_from_slice(w);
            out.truncate(end);
        }
        _ => out.extend_from_slice(b),
    }
}

/// Appends a field in quotes with its quotes doubled; rare, so kept out of the callers' loops.
#[cold]
#[inline(never)]
fn push_quoted(out: &mut Vec<u8>, b: &[u8]) {
    out.push(b'"');
    for (k, part) in b.split(|&c| c == b'"').enumerate() {
        if k > 0 {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(part);
    }
    out.push(b'"');
}

/// The digits of 0 to 99 as two ASCII bytes, the tens in the low byte.
const DIGIT_PAIRS: [u16; 100] = {
    let mut t = [0; 100];
    let mut i = 0;
    while i < 100 {
        t[i] = (b'0' as u16 + i as u16 / 10) | (b'0' as u16 + i as u16 % 10) << 8;
        i += 1;
    }
    t
};

/// Numbers below this are written by [`num_word`]; the rest by itoa.
const WORD_NUM_LIMIT: u64 = 10_000_000;

/// A number below [`WORD_NUM_LIMIT`] and a comma as the bytes of one word, the first digit in its
/// lowest byte, and how many bytes that is (two to eight). Seven digits hold all offsets but
/// those deep into a long text, and a word is stored with one eight-byte write cut back to length:
/// no call to copy a few bytes.
#[inline(always)]
fn num_word(n: u64) -> (u64, usize) {
    debug_assert!(n < WORD_NUM_LIMIT);
    if n < 10 {
        // Sentence and paragraph numbers mostly.
        return ((u64::from(b',') << 8) | (u64::from(b'0') + n), 2);
    }
    // Two digits at a time, from the last: each step shifts the word up and puts them below.
    let pair = |r: u64| u64::from(DIGIT_PAIRS[r as usize]);
    let (mut n, mut word, mut len) = (n, u64::from(b','), 1);
    while n >= 100 {
        word = word << 16 | pair(n % 100);
        n /= 100;
        len += 2;
    }
    if n >= 10 {
        word = word << 16 | pair(n);
        len += 2;
    } else {
        word = word << 8 | (u64::from(b'0') + n);
        len += 1;
    }
    (word, len)
}

/// Appends a number and a comma; digits never need quotes.
#[inline(always)]
fn push_num(out: &mut Vec<u8>, n: usize) {
    if n as u64 >= WORD_NUM_LIMIT {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
        out.push(b',');
        return;
    }
    let (word, len) = num_word(n as u64);
    let end = out.len() + len;
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(end);
}

#[derive(Serialize)]
struct MentionRow<'a> {
    doc_id: &'a str,
    entity_id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    sentence: u32,
    paragraph: u32,
    field: &'a str,
    #[serde(rename = "match")]
    how: &'a str,
    role: &'a str,
    list: Option<u32>,
}

/// Writes records as CSV rows or JSON lines.
enum Render<W: Write> {
    /// The writer and a row buffer.
    Csv(W, Vec<u8>),
    Jsonl(W),
}

impl Render<Vec<u8>> {
    /// A renderer into memory, which cannot fail.
    fn new(format: Format) -> Self {
        match format {
            // Rows go straight into the output buffer.
            Format::Csv => Render::Csv(Vec::new(), Vec::new()),
            Format::Jsonl => Render::Jsonl(Vec::new()),
        }
    }

    fn row<T: Serialize>(&mut self, fields: &[&str], record: &T) {
        match self {
            Render::Csv(out, _) => csv_row(out, fields),
            Render::Jsonl(_) => self.write(fields, record).expect("write to memory"),
        }
    }

    fn finish(self) -> Vec<u8> {
        match self {
            Render::Csv(v, _) | Render::Jsonl(v) => v,
        }
    }
}

impl<W: Write> Render<W> {
    fn to(format: Format, w: W) -> Self {
        match format {
            Format::Csv => Render::Csv(w, Vec::new()),
            Format::Jsonl => Render::Jsonl(w),
        }
    }

    fn write<T: Serialize>(&mut self, fields: &[&str], record: &T) -> io::Result<()> {
        match self {
            Render::Csv(w, row) => {
                row.clear();
                csv_row(row, fields);
                w.write_all(row)
            }
            Render::Jsonl(w) => {
                serde_json::to_writer(&mut *w, record)?;
                w.write_all(b"\n")
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Render::Csv(w, _) | Render::Jsonl(w) => w.flush(),
        }
    }
}

/// The entity columns of mention rows (`id,name,type,` as CSV) of a gazetteer's entities, each
/// written the first time one of its mentions is and then copied: most mentions in a corpus are
/// of entities met in earlier documents, and writing the three fields (a test for bytes to quote
/// and a copy each) took half the instructions of a row. Shared by the workers of a run, which
/// fill it as they go; made for one gazetteer. Rendering with a table of another size (the
/// default is empty) writes the columns without it.
#[derive(Default)]
pub struct EntityColumns {
    /// By entity number.
    written: Vec<ColumnsSlot>,
}

/// Bytes of entity columns kept in an entity's own slot; with the slot's state they fill one
/// cache line. Nearly every entity's `id,name,type,` fits.
const INLINE_COLUMNS: usize = 54;

/// One entity's columns, in a cache line of its own. The matcher's tables push an entity's
/// columns out of the cache between the documents that name it, so each first copy in a
/// document misses: with the bytes beside the state that says they are written, it misses once
/// where a state and a separate allocation missed twice.
#[derive(Default)]
#[repr(align(64))]
struct ColumnsSlot(OnceLock<Written>);

/// An entity's columns once written.
enum Written {
    /// The first `len` bytes.
    Inline {
        len: u8,
        bytes: [u8; INLINE_COLUMNS],
    },
    /// Columns longer than [`INLINE_COLUMNS`].
    Spilled(Box<[u8]>),
}

impl Written {
    fn new(columns: &[u8]) -> Written {
        match columns.len() {
            len if len <= INLINE_COLUMNS => {
                let mut bytes = [0; INLINE_COLUMNS];
                bytes[..len].copy_from_slice(columns);
                Written::Inline {
                    len: len as u8,
                    bytes,
                }
            }
            _ => Written::Spilled(columns.into()),
        }
    }

    /// Appends the columns to `out`: a copy of fixed size cut back to length when inline.
    #[inline]
    fn push_to(&self, out: &mut Vec<u8>) {
        match self {
            Written::Inline { len, bytes } => {
                let end = out.len() + usize::from(*len);
                out.extend_from_slice(bytes);
                out.truncate(end);
            }
            Written::Spilled(b) => out.extend_from_slice(b),
        }
    }
}

impl EntityColumns {
    /// Room for the entities of `g`, none written yet.
    pub fn new(g: &Gazetteer) -> EntityColumns {
        EntityColumns {
            written: g
                .entities()
                .iter()
                .map(|_| ColumnsSlot::default())
                .collect(),
        }
    }

    /// Appends the entity columns of gazetteer entity `i` of `g` to `out`, written the first
    /// time.
    #[inline]
    fn push_to(&self, g: &Gazetteer, i: u32, out: &mut Vec<u8>) {
        self.written[i as usize]
            .0
            .get_or_init(|| {
                let e = g.entity(i);
                let mut columns = Vec::new();
                push_entity_columns(&mut columns, &e.id, &e.name, g.type_name(i));
                Written::new(&columns)
            })
            .push_to(out)
    }
}

/// Appends `id,name,type,` as fields of a CSV row.
fn push_entity_columns(out: &mut Vec<u8>, id: &str, name: &str, kind: &str) {
    for f in [id, name, kind] {
        push_field(out, f);
        out.push(b',');
    }
}

/// Renders the mention rows of one document; `columns` are those of the gazetteer `g`.
pub fn render_mentions(
    g: &Gazetteer,
    columns: &EntityColumns,
    doc_id: &str,
    ex: &Extraction,
    title: Option<&str>,
    text: &str,
    format: Format,
) -> Vec<u8> {
    let title = title.unwrap_or("");
    match format {
        Format::Csv => mention_rows_csv(g, columns, doc_id, ex, title, text),
        Format::Jsonl => {
            let mut out = Vec::new();
            for m in &ex.mentions {
                let row = MentionRow {
                    doc_id,
                    entity_id: ex.entity_id(g, m.entity),
                    name: ex.entity_name(g, m.entity),
                    kind: ex.entity_type(g, m.entity),
                    start: m.start,
                    end: m.end,
                    text: written(m, title, text),
                    sentence: m.sentence,
                    paragraph: m.paragraph,
                    field: m.field.as_str(),
                    how: m.kind.as_str(),
                    role: m.role.as_deref().unwrap_or(""),
                    list: m.list,
                };
                serde_json::to_writer(&mut out, &row).expect("write to memory");
                out.push(b'\n');
            }
            out
        }
    }
}

/// A short piece of a row in a fixed-size array, so that appending it is a copy of fixed size (a
/// few moves) cut back to length, where a copy of unknown size is a call.
struct Piece {
    bytes: [u8; 24],
    len: usize,
}

impl Piece {
    const fn new(s: &str) -> Piece {
        let mut bytes = [0; 24];
        let mut i = 0;
        while i < s.len() {
            bytes[i] = s.as_bytes()[i];
            i += 1;
        }
        Piece {
            bytes,
            len: s.len(),
        }
    }

    #[inline]
    fn push_to(&self, out: &mut Vec<u8>) {
        let end = out.len() + self.len;
        out.extend_from_slice(&self.bytes);
        out.truncate(end);
    }
}

/// The field and match columns of a mention row, each with its comma, as one piece.
fn labels(field: Field, how: MatchKind) -> &'static Piece {
    macro_rules! with_field {
        ($field:literal) => {
            match how {
                MatchKind::Exact => const { &Piece::new(concat!($field, ",exact,")) },
                MatchKind::Variant => const { &Piece::new(concat!($field, ",variant,")) },
                MatchKind::Surname => const { &Piece::new(concat!($field, ",surname,")) },
                MatchKind::Acronym => const { &Piece::new(concat!($field, ",acronym,")) },
                MatchKind::Coref => const { &Piece::new(concat!($field, ",coref,")) },
                MatchKind::Discovered => const { &Piece::new(concat!($field, ",discovered,")) },
            }
        };
    }
    match field {
        Field::Title => with_field!("title"),
        Field::Text => with_field!("text"),
    }
}

/// Where an entity's row beginning is remembered: Fibonacci hashing of its number.
fn prefix_slot(e: EntityRef) -> usize {
    let k = match e {
        EntityRef::Known(i) => i,
        EntityRef::New(i) => !i,
    };
    (k.wrapping_mul(0x9E37_79B9) >> (32 - PREFIX_SLOTS.trailing_zeros())) as usize
}

/// A mention as written in its field.
fn written<'t>(m: &Mention, title: &'t str, text: &'t str) -> &'t str {
    let src = match m.field {
        Field::Title => title,
        Field::Text => text,
    };
    &src[m.byte_start..m.byte_end]
}

/// Bytes a mention row takes besides its document id, with room to spare: 72 on average in news.
const MENTION_ROW_BYTES: usize = 96;

/// Row beginnings remembered per document, by entity; a power of two.
const PREFIX_SLOTS: usize = 64;

/// The mention rows of one document as CSV, written field by field as [`csv_row`] would write
/// them: numbers and the field and match labels are appended without looking for bytes to quote,
/// as they hold none. A row begins with the document and the entity (`doc,id,name,type,`), which
/// is written out once per entity and then copied from the earlier row: a third of the mentions
/// in news repeat an entity of their document. The entities are kept in a small direct-mapped
/// table that forgets on collision, which costs a copy less and nothing more.
fn mention_rows_csv(
    g: &Gazetteer,
    columns: &EntityColumns,
    doc_id: &str,
    ex: &Extraction,
    title: &str,
    text: &str,
) -> Vec<u8> {
    let mut doc = Vec::with_capacity(doc_id.len() + 1);
    push_field(&mut doc, doc_id);
    doc.push(b',');
    let mut out = Vec::with_capacity(ex.mentions.len() * (doc.len() + MENTION_ROW_BYTES));
    let mut prefixes: [Option<(EntityRef, Range<usize>)>; PREFIX_SLOTS] =
        std::array::from_fn(|_| None);
    let mut num = itoa::Buffer::new();
    // A table made for another gazetteer (or none, the default) is not used: the columns are
    // written here.
    let cached = columns.written.len() == g.entities().len();
    for m in &ex.mentions {
        let slot = &mut prefixes[prefix_slot(m.entity)];
        match slot {
            Some((e, at)) if *e == m.entity => out.extend_from_within(at.clone()),
            _ => {
                let at = out.len();
                out.extend_from_slice(&doc);
                match m.entity {
                    EntityRef::Known(i) if cached => columns.push_to(g, i, &mut out),
                    EntityRef::Known(i) => {
                        let e = g.entity(i);
                        push_entity_columns(&mut out, &e.id, &e.name, g.type_name(i));
                    }
                    EntityRef::New(i) => {
                        let e = &ex.new_entities[i as usize];
                        push_entity_columns(&mut out, &e.id, &e.name, e.kind);
                    }
                }
                *slot = Some((m.entity, at..out.len()));
            }
        }
        let src = match m.field {
            Field::Title => title,
            Field::Text => text,
        };
        match short_row_end(m, src.as_bytes()) {
            Some((end, len)) => {
                // A copy of fixed size cut back to length: a few moves, not a call.
                let at = out.len() + len;
                out.extend_from_slice(&end);
                out.truncate(at);
            }
            None => push_row_end(&mut out, m, src.as_bytes(), &mut num),
        }
    }
    out
}

/// The part of a mention row after its entity (`start,end,text,sentence,paragraph,field,match,,`
/// and the line end) for the common mention (three in four on c3k): numbers of up to seven
/// digits, a text of up to sixteen bytes with none to quote and sixteen bytes of its field from
/// its start, no role and no list. Built in an array with writes of fixed size, so that the row
/// is appended with one copy and one capacity check where a push per field costs a check each.
#[inline(always)]
fn short_row_end(m: &Mention, src: &[u8]) -> Option<([u8; 80], usize)> {
    let small = |n: u64| n < WORD_NUM_LIMIT;
    let (start, end) = (m.start as u64, m.end as u64);
    let (sentence, paragraph) = (u64::from(m.sentence), u64::from(m.paragraph));
    if !(small(start) && small(end) && small(sentence) && small(paragraph))
        || m.role.is_some()
        || m.list.is_some()
    {
        return None;
    }
    let len = m.byte_end.checked_sub(m.byte_start)?;
    let w: &[u8; 16] = src.get(m.byte_start..m.byte_start + 16)?.try_into().ok()?;
    // The bytes of the text are the first `len` of the sixteen.
    if len > 16 || quotes_within(w, len) {
        return None;
    }
    let mut row = [0; 80];
    let mut at = 0;
    let put_num = |row: &mut [u8; 80], at: &mut usize, n: u64| {
        let (word, len) = num_word(n);
        row[*at..*at + 8].copy_from_slice(&word.to_le_bytes());
        *at += len;
    };
    put_num(&mut row, &mut at, start);
    put_num(&mut row, &mut at, end);
    row[at..at + 16].copy_from_slice(w);
    at += len;
    row[at] = b',';
    at += 1;
    put_num(&mut row, &mut at, sentence);
    put_num(&mut row, &mut at, paragraph);
    let labels = labels(m.field, m.kind);
    row[at..at + 24].copy_from_slice(&labels.bytes);
    at += labels.len;
    row[at..at + 2].copy_from_slice(b",\n");
    Some((row, at + 2))
}

/// The part of a mention row after its entity, for any mention.
fn push_row_end(out: &mut Vec<u8>, m: &Mention, src: &[u8], num: &mut itoa::Buffer) {
    push_num(out, m.start);
    push_num(out, m.end);
    push_field_in(out, src, m.byte_start..m.byte_end);
    out.push(b',');
    push_num(out, m.sentence as usize);
    push_num(out, m.paragraph as usize);
    labels(m.field, m.kind).push_to(out);
    if let Some(role) = &m.role {
        push_field(out, role);
    }
    out.push(b',');
    if let Some(l) = m.list {
        out.extend_from_slice(num.format(l).as_bytes());
    }
    out.push(b'\n');
}

#[derive(Serialize)]
struct PairRow<'a> {
    doc_id: &'a str,
    #[serde(skip)]
    window_name: &'a str,
    window: u32,
    source_id: &'a str,
    source_name: &'a str,
    target_id: &'a str,
    target_name: &'a str,
    source_type: &'a str,
    target_type: &'a str,
}

/// Renders the co-mention rows of one document.
pub fn render_pairs(
    g: &Gazetteer,
    doc_id: &str,
    ex: &Extraction,
    pairs: &Pairs,
    window: Window,
    format: Format,
) -> Vec<u8> {
    if format == Format::Csv {
        return pair_rows_csv(g, doc_id, ex, pairs);
    }
    let mut out = Vec::new();
    for p in &pairs.pairs {
        let row = PairRow {
            doc_id,
            window_name: window.as_str(),
            window: p.window,
            source_id: ex.entity_id(g, p.source),
            source_name: ex.entity_name(g, p.source),
            target_id: ex.entity_id(g, p.target),
            target_name: ex.entity_name(g, p.target),
            source_type: ex.entity_type(g, p.source),
            target_type: ex.entity_type(g, p.target),
        };
        serde_json::to_writer(&mut out, &JsonPair(&row)).expect("write to memory");
        out.push(b'\n');
    }
    out
}

/// Bytes a pair row takes besides its document id, with room to spare.
const PAIR_ROW_BYTES: usize = 96;

/// The co-mention rows of one document as CSV, written field by field as [`csv_row`] would
/// write them, with the document id rendered once.
fn pair_rows_csv(g: &Gazetteer, doc_id: &str, ex: &Extraction, pairs: &Pairs) -> Vec<u8> {
    let mut doc = Vec::with_capacity(doc_id.len() + 1);
    push_field(&mut doc, doc_id);
    doc.push(b',');
    let mut out = Vec::with_capacity(pairs.pairs.len() * (doc.len() + PAIR_ROW_BYTES));
    for p in &pairs.pairs {
        out.extend_from_slice(&doc);
        push_num(&mut out, p.window as usize);
        for f in [
            ex.entity_id(g, p.source),
            ex.entity_name(g, p.source),
            ex.entity_id(g, p.target),
            ex.entity_name(g, p.target),
            ex.entity_type(g, p.source),
        ] {
            push_field(&mut out, f);
            out.push(b',');
        }
        push_field(&mut out, ex.entity_type(g, p.target));
        out.push(b'\n');
    }
    out
}

/// A pair as JSON, with the window key named after the window ("sentence": 3).
struct JsonPair<'a, 'b>(&'b PairRow<'a>);

impl Serialize for JsonPair<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let p = self.0;
        let mut m = s.serialize_map(Some(8))?;
        m.serialize_entry("doc_id", p.doc_id)?;
        m.serialize_entry(p.window_name, &p.window)?;
        m.serialize_entry("source_id", p.source_id)?;
        m.serialize_entry("source_name", p.source_name)?;
        m.serialize_entry("target_id", p.target_id)?;
        m.serialize_entry("target_name", p.target_name)?;
        m.serialize_entry("source_type", p.source_type)?;
        m.serialize_entry("target_type", p.target_type)?;
        m.end()
    }
}

/// Renders one rejected record.
pub fn render_reject(rej: &Rejected, format: Format) -> Vec<u8> {
    #[derive(Serialize)]
    struct Row<'a> {
        source: &'a str,
        line: Option<u64>,
        reason: &'a str,
        record: &'a str,
    }
    let line = rej.line.map(|l| l.to_string()).unwrap_or_default();
    let row = Row {
        source: &rej.source,
        line: rej.line,
        reason: &rej.reason,
        record: &rej.record,
    };
    let mut r = Render::new(format);
    r.row(&[&rej.source, &line, &rej.reason, &rej.record], &row);
    r.finish()
}

/// A node as counted: label, type, mentions (and, in the corpus, documents).
type NodeCount = (Box<str>, Box<str>, u64);

/// What one document adds to the network: its entities with their mention counts, and its pairs
/// with the number of windows naming both.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocNetwork {
    nodes: Vec<(Box<str>, NodeCount)>,
    edges: Vec<(Box<str>, Box<str>, u64)>,
}

impl DocNetwork {
    /// The network contribution of one document.
    pub fn new(g: &Gazetteer, ex: &Extraction, pairs: &Pairs) -> DocNetwork {
        let mut nodes: FxHashMap<&str, (&str, &str, u64)> = FxHashMap::default();
        for m in &ex.mentions {
            let e = nodes.entry(ex.entity_id(g, m.entity)).or_insert((
                ex.entity_name(g, m.entity),
                ex.entity_type(g, m.entity),
                0,
            ));
            e.2 += 1;
        }
        let mut edges: FxHashMap<(&str, &str), u64> = FxHashMap::default();
        for p in &pairs.pairs {
            *edges
                .entry((ex.entity_id(g, p.source), ex.entity_id(g, p.target)))
                .or_default() += 1;
        }
        DocNetwork {
            nodes: nodes
                .into_iter()
                .map(|(id, (l, t, n))| (id.into(), (l.into(), t.into(), n)))
                .collect(),
            edges: edges
                .into_iter()
                .map(|((a, b), n)| (a.into(), b.into(), n))
                .collect(),
        }
    }
}

/// The who-appears-with-whom network of a corpus, built up document by document.
#[derive(Debug, Default)]
pub struct Network {
    nodes: FxHashMap<Box<str>, (NodeCount, u64)>,
    edges: FxHashMap<(Box<str>, Box<str>), (u64, u64)>,
}

impl Network {
    /// Adds one document.
    pub fn add(&mut self, d: DocNetwork) {
        for (id, (label, kind, n)) in d.nodes {
            let e = self.nodes.entry(id).or_insert(((label, kind, 0), 0));
            e.0 .2 += n;
            e.1 += 1;
        }
        for (a, b, n) in d.edges {
            let e = self.edges.entry((a, b)).or_default();
            e.0 += n;
            e.1 += 1;
        }
    }

    /// Number of edges.
    pub fn edges(&self) -> usize {
        self.edges.len()
    }

    /// The edges as (source id, target id, weight, documents), sorted by source then target.
    pub fn edge_list(&self) -> Vec<(&str, &str, u64, u64)> {
        let mut v: Vec<_> = self
            .edges
            .iter()
            .map(|((a, b), (w, d))| (&**a, &**b, *w, *d))
            .collect();
        v.sort_unstable();
        v
    }

    /// Writes the node table, sorted by id.
    pub fn write_nodes(&self, w: &mut dyn Write, format: Format, header: bool) -> io::Result<()> {
        if header {
            write_header(w, format, NODE_COLUMNS)?;
        }
        let mut ids: Vec<_> = self.nodes.iter().collect();
        ids.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut r = Render::to(format, w);
        for (id, ((label, kind, mentions), docs)) in ids {
            #[derive(Serialize)]
            #[allow(non_snake_case)]
            struct Node<'a> {
                Id: &'a str,
                Label: &'a str,
                #[serde(rename = "type")]
                kind: &'a str,
                mentions: u64,
                documents: u64,
            }
            let (m, d) = (mentions.to_string(), docs.to_string());
            let node = Node {
                Id: id,
                Label: label,
                kind,
                mentions: *mentions,
                documents: *docs,
            };
            r.write(&[id, label, kind, &m, &d], &node)?;
        }
        r.flush()
    }

    /// Writes the edge table (undirected), sorted by source then target.
    pub fn write_edges(&self, w: &mut dyn Write, format: Format, header: bool) -> io::Result<()> {
        if header {
            write_header(w, format, EDGE_COLUMNS)?;
        }
        let mut keys: Vec<_> = self.edges.iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut r = Render::to(format, w);
        for ((a, b), (weight, docs)) in keys {
            #[derive(Serialize)]
            #[allow(non_snake_case)]
            struct Edge<'a> {
                Source: &'a str,
                Target: &'a str,
                Type: &'a str,
                Weight: u64,
                documents: u64,
            }
            let (wt, d) = (weight.to_string(), docs.to_string());
            let edge = Edge {
                Source: a,
                Target: b,
                Type: "Undirected",
                Weight: *weight,
                documents: *docs,
            };
            r.write(&[a, b, "Undirected", &wt, &d], &edge)?;
        }
        r.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comentions::Pair;
    use crate::gazetteer::GazetteerBuilder;
    use crate::model::NewEntity;

    #[test]
    fn an_entity_columns_slot_is_one_cache_line() {
        assert_eq!(std::mem::size_of::<ColumnsSlot>(), 64);
        let long = [b'x'; INLINE_COLUMNS + 1];
        for columns in [&long[..INLINE_COLUMNS], &long[..]] {
            let mut out = b"doc,".to_vec();
            Written::new(columns).push_to(&mut out);
            assert_eq!(&out[4..], columns);
        }
    }

    /// What the csv crate writes for a row.
    fn csv_crate(row: &[&str]) -> String {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(row).unwrap();
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn rows_are_written_as_the_csv_crate_writes_them() {
        let rows: &[&[&str]] = &[
            &["a", "b", ""],
            &["comma, inside", "\"quoted\"", "line\nbreak", "cr\rhere"],
            &["Côte d’Ivoire", "", "' single", " spaced "],
            &[""],
            &["", ""],
            &["\"", ",", "\r\n"],
            // Longer than a word, with the byte to quote in the first, a middle, the last word.
            &[
                "\"Eight or more",
                "twelve bytes,",
                "sixteen bytes\n!!",
                "Côte d’Ivoire\r",
            ],
            &[
                "eight by",
                "exactly 8",
                "Stéphane Lévesque",
                "plain words here",
            ],
        ];
        for row in rows {
            let mut ours = Vec::new();
            csv_row(&mut ours, row);
            assert_eq!(String::from_utf8(ours).unwrap(), csv_crate(row), "{row:?}");
        }
    }

    #[test]
    fn quotes_are_found_wherever_they_are() {
        let fillers = [
            b'a', b' ', b'+', b'-', 0x09, 0x0B, 0x0C, 0x0E, 0x21, 0x23, 0x80, 0xAC, 0xFF,
        ];
        for len in 0..=24 {
            for &fill in &fillers {
                let mut b = vec![fill; len];
                assert!(!needs_quotes(&b), "{b:?}");
                for at in 0..len {
                    for q in QUOTE_BYTES {
                        b[at] = q;
                        assert!(needs_quotes(&b), "{b:?}");
                        b[at] = fill;
                    }
                }
            }
        }
    }

    #[test]
    fn fields_in_a_text_are_written_as_fields() {
        let src =
            "Putin met \"Smith\", then left\r\nfor Côte d’Ivoire and the Hayat Tahrir al-Sham.";
        for start in 0..=src.len() {
            for end in start..=src.len() {
                let (mut ours, mut want) = (b"x".to_vec(), b"x".to_vec());
                push_field_in(&mut ours, src.as_bytes(), start..end);
                push_field(
                    &mut want,
                    &String::from_utf8_lossy(&src.as_bytes()[start..end]),
                );
                if src.is_char_boundary(start) && src.is_char_boundary(end) {
                    assert_eq!(ours, want, "{start}..{end}");
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_as_itoa_writes_them() {
        let mut edges = vec![usize::MAX, u32::MAX as usize];
        for p in 1..=19 {
            let p = 10usize.pow(p);
            edges.extend([p - 1, p, p + 1]);
        }
        for n in (0..100_000).chain(edges) {
            let mut out = b"x".to_vec();
            push_num(&mut out, n);
            assert_eq!(out, format!("x{n},").as_bytes());
        }
    }

    #[test]
    fn short_rows_are_written_as_any_row() {
        // Texts of every length near sixteen bytes, near the field's end and with bytes to
        // quote, numbers of every width to the last that fits a word and beyond.
        let g = comma_gazetteer();
        let title = "Putin meets Smith";
        let text = "Smith, \"Jr\" met\r\nPutin in Côte d’Ivoire at 10,000 feet, plain words here.";
        let nums = [
            0,
            9,
            10,
            99,
            100,
            12_345,
            9_999_999,
            10_000_000,
            u32::MAX as usize,
        ];
        let mut mentions = Vec::new();
        for (field, src) in [(Field::Title, title), (Field::Text, text)] {
            for byte_start in (0..=src.len()).filter(|&i| src.is_char_boundary(i)) {
                for byte_end in (byte_start..=src.len().min(byte_start + 20))
                    .filter(|&i| src.is_char_boundary(i))
                {
                    let k = mentions.len();
                    let n = |j: usize| nums[(k * 7 + j * 3) % nums.len()];
                    mentions.push(Mention {
                        entity: EntityRef::Known((k % 2) as u32),
                        field,
                        start: n(0),
                        end: n(1),
                        byte_start,
                        byte_end,
                        sentence: n(2) as u32,
                        paragraph: n(3) as u32,
                        kind: [MatchKind::Exact, MatchKind::Discovered][k % 2],
                        role: None,
                        list: None,
                    });
                }
            }
        }
        let ex = Extraction {
            mentions,
            new_entities: Vec::new(),
            sentences: 1,
        };
        let ours = render_mentions(
            &g,
            &EntityColumns::new(&g),
            "d",
            &ex,
            Some(title),
            text,
            Format::Csv,
        );
        // Without a table (or with one of another gazetteer) the columns are written in place.
        let without = render_mentions(
            &g,
            &EntityColumns::default(),
            "d",
            &ex,
            Some(title),
            text,
            Format::Csv,
        );
        assert_eq!(without, ours);
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            reference_rows(&g, "d", &ex, title, text)
        );
    }

    #[test]
    fn quotes_within_a_window_are_those_of_its_start() {
        let fillers = [b'a', b' ', 0x0B, 0x0E, 0x21, 0x80, 0xFF];
        for &fill in &fillers {
            let mut w = [fill; 16];
            for len in 0..=16 {
                assert!(!quotes_within(&w, len));
            }
            for at in 0..16 {
                for q in QUOTE_BYTES {
                    w[at] = q;
                    for len in 0..=16 {
                        let want = w[..len].iter().any(|c| QUOTE_BYTES.contains(c));
                        assert_eq!(quotes_within(&w, len), want, "{w:?} {len}");
                    }
                    // A byte one above a quote byte, which the word test may mark by its borrow.
                    if at + 1 < 16 {
                        w[at + 1] = 0x01;
                        for len in 0..=16 {
                            let want = w[..len].iter().any(|c| QUOTE_BYTES.contains(c));
                            assert_eq!(quotes_within(&w, len), want, "{w:?} {len}");
                        }
                        w[at + 1] = fill;
                    }
                    w[at] = fill;
                }
            }
        }
    }

    #[test]
    fn labels_are_the_field_and_the_match() {
        use MatchKind::*;
        for field in [Field::Title, Field::Text] {
            for how in [Exact, Variant, Surname, Acronym, Coref, Discovered] {
                let want = format!("{},{},", field.as_str(), how.as_str());
                let mut out = b"x".to_vec();
                labels(field, how).push_to(&mut out);
                assert_eq!(out[1..], *want.as_bytes());
            }
        }
    }

    /// Two entities, one with a comma in its id and a comma and quotes in its name.
    fn comma_gazetteer() -> Gazetteer {
        GazetteerBuilder::new()
            .add_text(
                "t.tsv",
                "id\tname\ttype\taliases\n\
                 putin\tVladimir Putin\tperson\t\n\
                 q,1\tSmith, \"Jr\" Inc\tgroup\t\n",
            )
            .build()
            .unwrap()
    }

    #[test]
    fn mention_rows_are_the_rows_of_their_fields() {
        let g = comma_gazetteer();
        let new = NewEntity {
            id: "new:a\"b".into(),
            name: "Line\nBreak\r".into(),
            kind: "place",
        };
        let title = "Putin, Smith";
        let text = "Smith, \"Jr\" met\r\nPutin and \"Line Break\" at 10,000 feet.";
        let mention = |entity, field, span: (usize, usize), kind, role: Option<&str>, list| {
            let src = if field == Field::Title { title } else { text };
            let start = src[..span.0].chars().count();
            Mention {
                entity,
                field,
                start,
                end: start + src[span.0..span.1].chars().count(),
                byte_start: span.0,
                byte_end: span.1,
                sentence: start as u32 * 3,
                paragraph: span.1 as u32 * 7,
                kind,
                role: role.map(Into::into),
                list,
            }
        };
        let putin = EntityRef::Known(g.find("putin").unwrap());
        let smith = EntityRef::Known(g.find("q,1").unwrap());
        let ex = Extraction {
            mentions: vec![
                mention(putin, Field::Title, (0, 6), MatchKind::Exact, None, None),
                mention(
                    smith,
                    Field::Title,
                    (7, 12),
                    MatchKind::Surname,
                    None,
                    Some(0),
                ),
                mention(
                    smith,
                    Field::Text,
                    (0, 11),
                    MatchKind::Variant,
                    Some("Dr."),
                    None,
                ),
                mention(
                    putin,
                    Field::Text,
                    (16, 23),
                    MatchKind::Coref,
                    Some("a, \"b\""),
                    None,
                ),
                mention(
                    EntityRef::New(0),
                    Field::Text,
                    (28, 41),
                    MatchKind::Discovered,
                    None,
                    Some(12_345_678),
                ),
                mention(
                    putin,
                    Field::Text,
                    (44, 50),
                    MatchKind::Acronym,
                    Some(""),
                    Some(7),
                ),
            ],
            new_entities: vec![new],
            sentences: 1,
        };
        for doc_id in ["doc-1", "", "a,\"b\"\n"] {
            let want = reference_rows(&g, doc_id, &ex, title, text);
            let ours = render_mentions(
                &g,
                &EntityColumns::new(&g),
                doc_id,
                &ex,
                Some(title),
                text,
                Format::Csv,
            );
            assert_eq!(String::from_utf8(ours).unwrap(), want);
        }
    }

    #[test]
    fn pair_rows_are_the_rows_of_their_fields() {
        let g = comma_gazetteer();
        let id = |id: &str| EntityRef::Known(g.find(id).unwrap());
        let ex = Extraction {
            new_entities: vec![NewEntity {
                id: "new:\"x\"".into(),
                name: "X,\r\nY".into(),
                kind: "group",
            }],
            ..Default::default()
        };
        let pairs = Pairs {
            pairs: [
                (0, "putin", "q,1"),
                (3, "q,1", "putin"),
                (12_345, "putin", "putin"),
            ]
            .iter()
            .map(|&(window, a, b)| Pair {
                window,
                source: id(a),
                target: id(b),
            })
            .chain([Pair {
                window: 7,
                source: EntityRef::New(0),
                target: id("putin"),
            }])
            .collect(),
            skipped: 0,
        };
        for doc_id in ["doc-1", "", "a,\"b\"\n"] {
            let mut want = String::new();
            for p in &pairs.pairs {
                let window = p.window.to_string();
                want.push_str(&csv_crate(&[
                    doc_id,
                    &window,
                    ex.entity_id(&g, p.source),
                    ex.entity_name(&g, p.source),
                    ex.entity_id(&g, p.target),
                    ex.entity_name(&g, p.target),
                    ex.entity_type(&g, p.source),
                    ex.entity_type(&g, p.target),
                ]));
            }
            let ours = render_pairs(&g, doc_id, &ex, &pairs, Window::Sentence, Format::Csv);
            assert_eq!(String::from_utf8(ours).unwrap(), want);
        }
    }

    /// Mention rows as the csv crate writes them.
    fn reference_rows(
        g: &Gazetteer,
        doc_id: &str,
        ex: &Extraction,
        title: &str,
        text: &str,
    ) -> String {
        let mut want = String::new();
        for m in &ex.mentions {
            let src = if m.field == Field::Title { title } else { text };
            let nums =
                [m.start, m.end, m.sentence as usize, m.paragraph as usize].map(|n| n.to_string());
            let list = m.list.map(|l| l.to_string()).unwrap_or_default();
            let row = [
                doc_id,
                ex.entity_id(g, m.entity),
                ex.entity_name(g, m.entity),
                ex.entity_type(g, m.entity),
                &nums[0],
                &nums[1],
                &src[m.byte_start..m.byte_end],
                &nums[2],
                &nums[3],
                m.field.as_str(),
                m.kind.as_str(),
                m.role.as_deref().unwrap_or(""),
                &list,
            ];
            want.push_str(&csv_crate(&row));
        }
        want
    }

    #[test]
    fn rows_of_many_entities_begin_with_their_own() {
        // More entities than remembered row beginnings, so that some share a place.
        let mut tsv = String::from("id\tname\ttype\taliases\n");
        for i in 0..300 {
            let kind = ["person", "group", "place"][i % 3];
            tsv.push_str(&format!("e{i}\tName, {i}\t{kind}\t\n"));
        }
        let g = GazetteerBuilder::new()
            .add_text("t.tsv", &tsv)
            .build()
            .unwrap();
        let text = "Some words of text.";
        let mentions = (0..2000u32)
            .map(|k| Mention {
                entity: if k % 5 == 0 {
                    EntityRef::New(k % 3)
                } else {
                    EntityRef::Known(k * 7919 % 300)
                },
                field: Field::Text,
                start: k as usize,
                end: k as usize + 4,
                byte_start: 5,
                byte_end: 10,
                sentence: k,
                paragraph: k / 10,
                kind: MatchKind::Exact,
                role: None,
                list: None,
            })
            .collect();
        let new_entities = (0..3)
            .map(|i| NewEntity {
                id: format!("new:{i}").into(),
                name: format!("New \"{i}\"").into(),
                kind: "person",
            })
            .collect();
        let ex = Extraction {
            mentions,
            new_entities,
            sentences: 1,
        };
        let ours = render_mentions(
            &g,
            &EntityColumns::new(&g),
            "d",
            &ex,
            None,
            text,
            Format::Csv,
        );
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            reference_rows(&g, "d", &ex, "", text)
        );
    }
}
