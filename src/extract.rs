//! Extraction of one document: text -> matching -> resolution, with no I/O, so that tests,
//! benches and the parallel pipeline all call the same pure function.

use crate::gazetteer::Gazetteer;
use crate::input::Document;
use crate::matching::{Occurrence, Scratch};
use crate::resolution::{self, EntityRef, Field, Mention};
use crate::text::{self, Sentences};
use std::cell::RefCell;
use std::sync::Arc;

/// An entity found by a rule and listed in no gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEntity {
    /// `new:<slug>`.
    pub id: Box<str>,
    /// The name as written (title-cased when written in capitals).
    pub name: Box<str>,
    /// `person`, `group` or `place`.
    pub kind: &'static str,
}

/// What one document yields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Mentions in document order (title first).
    pub mentions: Vec<Mention>,
    /// Entities found by rules, referred to by [`EntityRef::New`].
    pub new_entities: Vec<NewEntity>,
    /// Number of sentences (title and text).
    pub sentences: u32,
}

impl Extraction {
    /// The id of an entity.
    pub fn entity_id<'a>(&'a self, g: &'a Gazetteer, e: EntityRef) -> &'a str {
        match e {
            EntityRef::Known(i) => &g.entity(i).id,
            EntityRef::New(i) => &self.new_entities[i as usize].id,
        }
    }

    /// The canonical name of an entity.
    pub fn entity_name<'a>(&'a self, g: &'a Gazetteer, e: EntityRef) -> &'a str {
        match e {
            EntityRef::Known(i) => &g.entity(i).name,
            EntityRef::New(i) => &self.new_entities[i as usize].name,
        }
    }

    /// The type of an entity.
    pub fn entity_type<'a>(&'a self, g: &'a Gazetteer, e: EntityRef) -> &'a str {
        match e {
            EntityRef::Known(i) => g.type_name(i),
            EntityRef::New(i) => self.new_entities[i as usize].kind,
        }
    }
}

/// Options of an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractOptions {}

/// Extracts mentions from documents with one gazetteer. Cheap to clone and share across threads.
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Arc<Gazetteer>,
    #[allow(dead_code)]
    options: ExtractOptions,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Extractor {
    /// An extractor over `gazetteer`.
    pub fn new(gazetteer: Arc<Gazetteer>, options: ExtractOptions) -> Extractor {
        Extractor { gazetteer, options }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts the mentions of one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        SCRATCH.with(|s| self.extract_with(doc, &mut s.borrow_mut()))
    }

    /// Like [`Extractor::extract`], with caller-owned scratch space.
    pub fn extract_with(&self, doc: &Document, scratch: &mut Scratch) -> Extraction {
        let g = &*self.gazetteer;
        let m = g.matcher();
        let mut fields: Vec<(Field, &str, Sentences, Vec<Occurrence>)> = Vec::with_capacity(2);
        if let Some(t) = doc.title.as_deref().filter(|t| !t.trim().is_empty()) {
            fields.push((Field::Title, t, text::split_sentences(t), Vec::new()));
        }
        fields.push((
            Field::Text,
            &doc.text,
            text::split_sentences(&doc.text),
            Vec::new(),
        ));
        for (_, t, _, occ) in &mut fields {
            m.scan(t, scratch, occ);
        }
        let chosen = resolution::resolve(g, fields.iter().flat_map(|f| f.3.iter()));
        let mut out = Extraction::default();
        let mut chosen = chosen.into_iter();
        let (mut sent_base, mut para_base) = (0u32, 0u32);
        for (field, t, sents, occ) in &fields {
            let bytes: Vec<usize> = occ.iter().flat_map(|o| [o.start, o.end]).collect();
            let chars = text::char_offsets(t, &bytes);
            for (k, o) in occ.iter().enumerate() {
                let (entity, kind) = chosen.next().expect("one choice per occurrence");
                let s = sents.index_of(o.start);
                out.mentions.push(Mention {
                    entity: EntityRef::Known(entity),
                    field: *field,
                    start: chars[2 * k],
                    end: chars[2 * k + 1],
                    byte_start: o.start,
                    byte_end: o.end,
                    sentence: sent_base + s as u32,
                    paragraph: para_base + sents.paragraph(s),
                    kind,
                    role: None,
                });
            }
            sent_base += sents.len() as u32;
            para_base += sents.paragraphs();
        }
        out.sentences = sent_base;
        out
    }
}
