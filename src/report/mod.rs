//! The HTML report: one self-contained file (styles, script and data inlined, no network request)
//! for reading what a run found: an overview, a table of entities, the articles with their
//! mentions highlighted, and the co-mention network.
//!
//! [`Report`] is fed each document and its extraction in input order. Aggregates (entity counts,
//! the networks) cover every document; the article view keeps a bounded sample, chosen by a hash
//! of each document's position so that the same input always gives the same sample.

use crate::comentions::{self, Window};
use crate::extract::Extraction;
use crate::gazetteer::Gazetteer;
use crate::input::Document;
use crate::model::{Field, MatchKind, Mention};
use crate::output::{DocNetwork, Network};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::BinaryHeap;
use std::io::{self, Write};

const TEMPLATE: &str = include_str!("assets/report.html");
const CSS: &str = include_str!("assets/report.css");
const JS: &str = include_str!("assets/report.js");

/// The co-mention windows the network view offers: who is named with whom in a sentence, and who
/// travels in one delegation.
const WINDOWS: [Window; 2] = [Window::Sentence, Window::List];

/// Match kinds in the order of the report's columns.
const KINDS: [MatchKind; 6] = [
    MatchKind::Exact,
    MatchKind::Variant,
    MatchKind::Surname,
    MatchKind::Acronym,
    MatchKind::Coref,
    MatchKind::Discovered,
];

/// Example contexts kept per entity, each from a different document: enough to judge whether the
/// entity was found rightly without growing the file with every mention.
const EXAMPLES_PER_ENTITY: usize = 3;

/// Documents listed per entity; the count covers them all. An entity named in thousands of
/// documents would otherwise weigh more than the whole sample of articles.
const DOCS_PER_ENTITY: usize = 20;

/// Characters of context kept on each side of an example mention: about a line of text.
const CONTEXT_CHARS: usize = 60;

/// How a report is built.
#[derive(Clone, Debug)]
pub(crate) struct ReportOptions {
    /// Articles shown in full (the rest count in the aggregates only).
    pub(crate) articles: usize,
    /// The run's settings, as (name, value), shown in the overview.
    pub(crate) settings: Vec<(String, String)>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            articles: 200,
            settings: Vec::new(),
        }
    }
}

/// What the report knows of one entity, over all documents.
#[derive(Default)]
struct EntityStats {
    name: Box<str>,
    kind: Box<str>,
    mentions: u64,
    documents: u64,
    /// Mentions per match kind, in the order of [`KINDS`].
    by_kind: [u64; KINDS.len()],
    /// (before, mention, after), from the first documents naming the entity.
    examples: Vec<[Box<str>; 3]>,
    /// Positions in the input of the first documents naming the entity.
    docs: Vec<u64>,
}

/// A document of the article sample, as the report shows it.
struct Article {
    /// Its place in the sample: the smallest keys are kept.
    key: u64,
    ordinal: u64,
    id: String,
    title: Option<String>,
    date: Option<String>,
    text: String,
    mentions: Vec<ArticleMention>,
}

/// A mention as the article view needs it: offsets in UTF-16 code units, as JavaScript indexes
/// strings.
struct ArticleMention {
    field: Field,
    start: usize,
    end: usize,
    entity: Box<str>,
    kind: MatchKind,
    role: Option<Box<str>>,
    list: Option<u32>,
}

impl PartialEq for Article {
    fn eq(&self, o: &Self) -> bool {
        (self.key, self.ordinal) == (o.key, o.ordinal)
    }
}
impl Eq for Article {}
impl PartialOrd for Article {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Article {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        (self.key, self.ordinal).cmp(&(o.key, o.ordinal))
    }
}

/// Builds the report from the documents of a run, in input order.
pub(crate) struct Report<'g> {
    g: &'g Gazetteer,
    opts: ReportOptions,
    documents: u64,
    mentions: u64,
    entities: FxHashMap<Box<str>, EntityStats>,
    networks: [Network; WINDOWS.len()],
    /// The sample so far: a max-heap, so the article with the largest key leaves first.
    sample: BinaryHeap<Article>,
    /// Id and title of the documents that some entity lists.
    listed: FxHashMap<u64, (Box<str>, Option<Box<str>>)>,
}

impl<'g> Report<'g> {
    /// An empty report over the gazetteer the documents are extracted with.
    pub(crate) fn new(g: &'g Gazetteer, opts: ReportOptions) -> Report<'g> {
        Report {
            g,
            opts,
            documents: 0,
            mentions: 0,
            entities: FxHashMap::default(),
            networks: Default::default(),
            sample: BinaryHeap::new(),
            listed: FxHashMap::default(),
        }
    }

    /// Adds the next document of the input and what was extracted from it.
    pub(crate) fn add(&mut self, doc: Document, x: Extraction) {
        let ordinal = self.documents;
        self.documents += 1;
        self.mentions += x.mentions.len() as u64;
        self.count_entities(ordinal, &doc, &x);
        for (net, &window) in self.networks.iter_mut().zip(&WINDOWS) {
            let pairs = comentions::pairs(self.g, &x, window);
            net.add(DocNetwork::new(self.g, &x, &pairs));
        }
        self.sample_article(ordinal, doc, &x);
    }

    fn count_entities(&mut self, ordinal: u64, doc: &Document, x: &Extraction) {
        let g = self.g;
        let mut seen: FxHashMap<&str, ()> = FxHashMap::default();
        let mut listed = false;
        for m in &x.mentions {
            let id = x.entity_id(g, m.entity);
            let e = self
                .entities
                .entry(id.into())
                .or_insert_with(|| EntityStats {
                    name: x.entity_name(g, m.entity).into(),
                    kind: x.entity_type(g, m.entity).into(),
                    ..Default::default()
                });
            e.mentions += 1;
            e.by_kind[kind_index(m.kind)] += 1;
            if seen.insert(id, ()).is_some() {
                continue;
            }
            e.documents += 1;
            if e.examples.len() < EXAMPLES_PER_ENTITY {
                e.examples.push(context(field_text(doc, m.field), m));
            }
            if e.docs.len() < DOCS_PER_ENTITY {
                e.docs.push(ordinal);
                listed = true;
            }
        }
        if listed {
            self.listed.insert(
                ordinal,
                (doc.id.as_str().into(), doc.title.as_deref().map(Into::into)),
            );
        }
    }

    /// Keeps the document if its key is among the smallest `opts.articles` seen so far.
    fn sample_article(&mut self, ordinal: u64, doc: Document, x: &Extraction) {
        let key = sample_key(ordinal);
        let full = self.sample.len() >= self.opts.articles;
        if self.opts.articles == 0 || (full && self.sample.peek().is_some_and(|a| a.key <= key)) {
            return;
        }
        let g = self.g;
        let mut utf16 = Utf16Offsets::default();
        let mentions = x
            .mentions
            .iter()
            .map(|m| {
                let text = field_text(&doc, m.field);
                ArticleMention {
                    field: m.field,
                    start: utf16.at(m.field, text, m.byte_start),
                    end: utf16.at(m.field, text, m.byte_end),
                    entity: x.entity_id(g, m.entity).into(),
                    kind: m.kind,
                    role: m.role.clone(),
                    list: m.list,
                }
            })
            .collect();
        self.sample.push(Article {
            key,
            ordinal,
            id: doc.id,
            title: doc.title,
            date: doc.date,
            text: doc.text,
            mentions,
        });
        if self.sample.len() > self.opts.articles {
            self.sample.pop();
        }
    }

    /// Writes the HTML file. `rejected` is the number of input records that could not be read.
    pub(crate) fn write(self, w: &mut dyn Write, rejected: u64) -> io::Result<()> {
        let data = self.into_data(rejected);
        let mut json = serde_json::to_string(&data).map_err(io::Error::other)?;
        // Inside <script>, "</script>" or "<!--" in a name or an article would end or change the
        // element; escaped, JSON.parse reads the same string.
        if json.contains('<') {
            json = json.replace('<', "\\u003c");
        }
        let page = TEMPLATE
            .replace("/*{{CSS}}*/", CSS)
            .replace("/*{{JS}}*/", JS);
        let (head, tail) = page
            .split_once("{{DATA}}")
            .expect("the template has a data slot");
        w.write_all(head.as_bytes())?;
        w.write_all(json.as_bytes())?;
        w.write_all(tail.as_bytes())?;
        w.flush()
    }

    /// The data of the page: entities ranked by mentions, and everything else pointing to them
    /// by rank.
    fn into_data(self, rejected: u64) -> Data {
        let mut entities: Vec<(Box<str>, EntityStats)> = self.entities.into_iter().collect();
        entities.sort_unstable_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(&b.0)));
        let rank: FxHashMap<&str, u32> = positions(entities.iter().map(|(id, _)| &**id));
        let mut articles = self.sample.into_vec();
        articles.sort_unstable_by_key(|a| a.ordinal);
        let article_of = positions(articles.iter().map(|a| a.ordinal));
        let mut listed: Vec<_> = self.listed.into_iter().collect();
        listed.sort_unstable_by_key(|d| d.0);
        let doc_of = positions(listed.iter().map(|d| d.0));

        let edges = self
            .networks
            .iter()
            .map(|net| {
                net.edge_list()
                    .into_iter()
                    .map(|(a, b, w, d)| (rank[a], rank[b], w, d))
                    .collect()
            })
            .collect();
        let articles = articles
            .into_iter()
            .map(|a| DataArticle::new(a, &rank))
            .collect();
        let docs = listed
            .into_iter()
            .map(|(ordinal, (id, title))| DataDoc {
                id,
                title,
                article: article_of.get(&ordinal).copied(),
            })
            .collect();
        let entities = entities
            .into_iter()
            .map(|(id, e)| DataEntity::new(id, e, &doc_of))
            .collect();
        Data {
            generator: concat!("newsner ", env!("CARGO_PKG_VERSION")),
            settings: self.opts.settings,
            documents: self.documents,
            mentions: self.mentions,
            rejected,
            kinds: KINDS.map(MatchKind::as_str),
            windows: WINDOWS.map(Window::as_str),
            entities,
            edges,
            docs,
            articles,
        }
    }
}

/// Each item's position in `items`.
fn positions<K: std::hash::Hash + Eq>(items: impl Iterator<Item = K>) -> FxHashMap<K, u32> {
    items.enumerate().map(|(i, k)| (k, i as u32)).collect()
}

/// The report's data, embedded in the page as JSON. Tuples keep the file small: the script names
/// their fields where it reads them.
#[derive(Serialize)]
struct Data {
    generator: &'static str,
    settings: Vec<(String, String)>,
    documents: u64,
    mentions: u64,
    rejected: u64,
    kinds: [&'static str; KINDS.len()],
    windows: [&'static str; WINDOWS.len()],
    /// By mentions, most first.
    entities: Vec<DataEntity>,
    /// Per window: (source, target, weight, documents), entities by index.
    edges: Vec<Vec<(u32, u32, u64, u64)>>,
    /// Documents listed by some entity.
    docs: Vec<DataDoc>,
    /// The sample, in input order.
    articles: Vec<DataArticle>,
}

#[derive(Serialize)]
struct DataEntity {
    id: Box<str>,
    name: Box<str>,
    #[serde(rename = "type")]
    kind: Box<str>,
    mentions: u64,
    documents: u64,
    by_kind: [u64; KINDS.len()],
    examples: Vec<[Box<str>; 3]>,
    /// Indexes into [`Data::docs`].
    docs: Vec<u32>,
}

impl DataEntity {
    fn new(id: Box<str>, e: EntityStats, doc_of: &FxHashMap<u64, u32>) -> DataEntity {
        DataEntity {
            id,
            name: e.name,
            kind: e.kind,
            mentions: e.mentions,
            documents: e.documents,
            by_kind: e.by_kind,
            examples: e.examples,
            docs: e.docs.iter().map(|o| doc_of[o]).collect(),
        }
    }
}

#[derive(Serialize)]
struct DataDoc {
    id: Box<str>,
    title: Option<Box<str>>,
    /// Index into [`Data::articles`] when the document is in the sample.
    article: Option<u32>,
}

#[derive(Serialize)]
struct DataArticle {
    id: String,
    title: Option<String>,
    date: Option<String>,
    text: String,
    /// (in title, start, end, entity, kind, role, list), offsets in UTF-16 code units.
    #[allow(clippy::type_complexity)]
    mentions: Vec<(u8, usize, usize, u32, u8, Option<Box<str>>, Option<u32>)>,
}

impl DataArticle {
    fn new(a: Article, rank: &FxHashMap<&str, u32>) -> DataArticle {
        let mentions = a
            .mentions
            .iter()
            .map(|m| {
                let in_title = (m.field == Field::Title) as u8;
                let kind = kind_index(m.kind) as u8;
                let entity = rank[&*m.entity];
                (
                    in_title,
                    m.start,
                    m.end,
                    entity,
                    kind,
                    m.role.clone(),
                    m.list,
                )
            })
            .collect();
        DataArticle {
            id: a.id,
            title: a.title,
            date: a.date,
            text: a.text,
            mentions,
        }
    }
}

fn kind_index(k: MatchKind) -> usize {
    KINDS
        .iter()
        .position(|&x| x == k)
        .expect("every match kind has a column")
}

fn field_text(doc: &Document, field: Field) -> &str {
    match field {
        Field::Title => doc.title.as_deref().unwrap_or(""),
        Field::Text => &doc.text,
    }
}

/// The mention with up to [`CONTEXT_CHARS`] characters either side, on one line.
fn context(text: &str, m: &Mention) -> [Box<str>; 3] {
    let before = &text[..m.byte_start];
    let start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[m.byte_end..];
    let end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let line = |s: &str| s.replace(['\n', '\r', '\t'], " ").into_boxed_str();
    [
        line(&before[start..]),
        line(&text[m.byte_start..m.byte_end]),
        line(&after[..end]),
    ]
}

/// Byte offsets to UTF-16 offsets, for offsets that grow within each field (as mentions do).
#[derive(Default)]
struct Utf16Offsets {
    field: Option<Field>,
    byte: usize,
    unit: usize,
}

impl Utf16Offsets {
    fn at(&mut self, field: Field, text: &str, byte: usize) -> usize {
        if self.field != Some(field) || byte < self.byte {
            *self = Utf16Offsets {
                field: Some(field),
                byte: 0,
                unit: 0,
            };
        }
        self.unit += text[self.byte..byte].encode_utf16().count();
        self.byte = byte;
        self.unit
    }
}

/// The sample key of the document at `ordinal`: splitmix64, so that the smallest keys are spread
/// evenly over the input whatever its order or size, and the same on every run.
fn sample_key(ordinal: u64) -> u64 {
    let mut z = ordinal.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerBuilder;
    use crate::Extractor;
    use std::sync::Arc;

    fn extractor() -> Extractor {
        let mut b = GazetteerBuilder::new();
        b.add_text(
            "t.tsv",
            "id\tname\ttype\taliases\n\
             Vladimir_Putin\tVladimir Putin\tperson\tPutin\n\
             Recep_Tayyip_Erdogan\tRecep Tayyip Erdoğan\tperson\tErdoğan\n\
             Ankara\tAnkara\tplace\t\n\
             NATO\tNATO\tgroup\t\n",
        );
        Extractor::new(Arc::new(b.build().unwrap()), Default::default())
    }

    fn doc(i: usize, text: &str) -> Document {
        Document {
            id: format!("d{i}"),
            title: Some("Erdoğan in Ankara".into()),
            text: text.into(),
            date: None,
            bytes: text.len() as u64,
        }
    }

    fn build(texts: &[&str], articles: usize) -> Data {
        let ex = extractor();
        let mut r = Report::new(
            ex.gazetteer(),
            ReportOptions {
                articles,
                settings: vec![],
            },
        );
        for (i, t) in texts.iter().enumerate() {
            let d = doc(i, t);
            let x = ex.extract(&d);
            r.add(d, x);
        }
        r.into_data(0)
    }

    #[test]
    fn offsets_index_the_text_as_javascript_does() {
        let text = "“Erdoğan” 🙂 met Putin in Ankara.";
        let data = build(&[text], 10);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let a = &data.articles[0];
        let names: Vec<String> = a
            .mentions
            .iter()
            .filter(|m| m.0 == 0)
            .map(|m| String::from_utf16(&utf16[m.1..m.2]).unwrap())
            .collect();
        assert_eq!(names, ["Erdoğan", "Putin", "Ankara"]);
        let title: Vec<u16> = "Erdoğan in Ankara".encode_utf16().collect();
        let t = a.mentions.iter().find(|m| m.0 == 1).unwrap();
        assert_eq!(String::from_utf16(&title[t.1..t.2]).unwrap(), "Erdoğan");
    }

    #[test]
    fn aggregates_cover_every_document_and_the_sample_is_bounded() {
        let texts: Vec<String> = (0..50)
            .map(|i| format!("Putin met Erdoğan in Ankara on day {i}. NATO watched."))
            .collect();
        let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
        let data = build(&refs, 7);
        assert_eq!(data.documents, 50);
        assert_eq!(data.articles.len(), 7);
        let putin = data.entities.iter().find(|e| &*e.id == "Vladimir_Putin");
        let putin = putin.unwrap();
        assert_eq!((putin.mentions, putin.documents), (50, 50));
        assert_eq!(putin.docs.len(), DOCS_PER_ENTITY);
        assert_eq!(putin.examples.len(), EXAMPLES_PER_ENTITY);
        assert_eq!(&*putin.examples[0][1], "Putin");
        // Ankara and Erdoğan are in each title and text: most mentions first, ties by id.
        let order: Vec<(&str, u64)> = data.entities[..3]
            .iter()
            .map(|e| (&*e.id, e.mentions))
            .collect();
        assert_eq!(
            order,
            [("Ankara", 100), ("Recep_Tayyip_Erdogan", 100), ("NATO", 50)]
        );
        // The same input gives the same sample, in input order.
        let again = build(&refs, 7);
        let ids = |d: &Data| d.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&data), ids(&again));
        let mut sorted = ids(&data);
        sorted.sort_by_key(|id| id[1..].parse::<u32>().unwrap());
        assert_eq!(ids(&data), sorted);
    }

    #[test]
    fn the_page_is_one_file_and_data_cannot_close_its_script() {
        let ex = extractor();
        let mut r = Report::new(ex.gazetteer(), ReportOptions::default());
        let d = doc(
            0,
            "Putin said </script><script>alert(1)</script> in Ankara.",
        );
        let x = ex.extract(&d);
        r.add(d, x);
        let mut out = Vec::new();
        r.write(&mut out, 0).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert_eq!(
            page.matches("<script").count(),
            2,
            "data script and code script"
        );
        assert!(!page.contains("{{DATA}}") && !page.contains("{{CSS}}"));
        for external in ["src=\"http", "href=\"http", "@import", "url(http"] {
            assert!(!page.contains(external), "{external}");
        }
    }

    #[test]
    fn context_keeps_whole_characters_on_one_line() {
        let text = "é".repeat(100) + "\nPutin\n" + &"ü".repeat(100);
        let start = text.find("Putin").unwrap();
        let m = Mention {
            entity: crate::EntityRef::Known(0),
            field: Field::Text,
            start: 0,
            end: 0,
            byte_start: start,
            byte_end: start + 5,
            sentence: 0,
            paragraph: 0,
            kind: MatchKind::Exact,
            role: None,
            list: None,
        };
        let [b, t, a] = context(&text, &m);
        assert_eq!(b.chars().count(), CONTEXT_CHARS);
        assert!(b.ends_with(' ') && a.starts_with(' '));
        assert_eq!((&*t, a.chars().count()), ("Putin", CONTEXT_CHARS));
    }
}
