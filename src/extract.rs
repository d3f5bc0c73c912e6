//! Extraction of one document: text -> matching -> resolution, with no I/O, so that tests,
//! benches and the parallel pipeline all call the same pure function.

mod nested;

use crate::discovery::Discoverer;
use crate::gazetteer::Gazetteer;
use crate::input::Document;
use crate::matching::{Occurrence, Scratch};
use crate::model::{EntityRef, Field, Mention, NewEntity};
use crate::resolve::{self, FieldScan, Resolved};
use crate::text;
use std::cell::{Cell, RefCell};
use std::sync::Arc;

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
#[derive(Clone, Debug)]
pub struct ExtractOptions {
    /// Find people and groups no gazetteer lists, by rules (titles, credits, name patterns), and
    /// acronyms defined in the text.
    pub discover: bool,
    /// Also name the known places inside the names of groups and places ("Copenhagen" in
    /// "University of Copenhagen"), as mentions that overlap the longer one. Off, every
    /// mention is the longest name at its place and no two mentions overlap.
    pub nested: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            discover: true,
            nested: true,
        }
    }
}

/// Extracts mentions from documents with one gazetteer. Cheap to clone and share across threads.
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Arc<Gazetteer>,
    discoverer: Option<Arc<Discoverer>>,
    /// [`ExtractOptions::nested`].
    nested: bool,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    /// Taken out by [`Extractor::extract_with`] while it works, so it is never shared.
    static BUFFERS: Cell<Buffers> = Cell::new(Buffers::default());
}

/// What [`Extractor::extract_with`] needs for one document and not after it, kept from
/// document to document on a thread: allocating them anew took a dozen allocations a
/// document, each a cold block of the allocator.
#[derive(Default)]
struct Buffers {
    /// The occurrences of the title and of the text.
    occurrences: [Vec<Occurrence>; 2],
    /// The resolved mentions of each field.
    resolved: Vec<Vec<Resolved>>,
    /// Byte offsets to convert to code points.
    bytes: Vec<usize>,
    /// The buffers of resolution.
    resolve: resolve::Scratch,
    /// The occurrences inside one name.
    nested: Vec<Occurrence>,
}

impl Buffers {
    /// Whether the buffers are small enough to keep for the next document: one huge document
    /// must not pin them for the life of the thread.
    fn small(&self) -> bool {
        self.occurrences
            .iter()
            .all(|v| v.capacity() <= resolve::MAX_KEPT_OCCURRENCES)
            && self
                .resolved
                .iter()
                .all(|v| v.capacity() <= resolve::MAX_KEPT_OCCURRENCES)
            && self.bytes.capacity() <= 2 * resolve::MAX_KEPT_OCCURRENCES
            && self.nested.capacity() <= resolve::MAX_KEPT_OCCURRENCES
            && self.resolve.small()
    }
}

/// [`text::char_offsets`] of byte offsets in any order: nested mentions make the ends of the
/// mentions unsorted (an outer name ends after the inner one starts).
fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    if bytes.is_sorted() {
        return text::char_offsets(text, bytes);
    }
    let mut sorted = bytes.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let chars = text::char_offsets(text, &sorted);
    bytes
        .iter()
        .map(|b| chars[sorted.partition_point(|s| s < b)])
        .collect()
}

impl Extractor {
    /// An extractor over `gazetteer`.
    pub fn new(gazetteer: Arc<Gazetteer>, options: ExtractOptions) -> Extractor {
        let discoverer = options.discover.then(|| {
            Arc::new(Discoverer::new(
                gazetteer.words().first_names().map(String::from),
            ))
        });
        Extractor {
            gazetteer,
            discoverer,
            nested: options.nested,
        }
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// An extractor over the same gazetteer with other options.
    pub fn with_options(&self, options: ExtractOptions) -> Extractor {
        Extractor::new(self.gazetteer.clone(), options)
    }

    /// Extracts the mentions of one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        SCRATCH.with(|s| self.extract_with(doc, &mut s.borrow_mut()))
    }

    /// Like [`Extractor::extract`], with caller-owned scratch space.
    pub fn extract_with(&self, doc: &Document, scratch: &mut Scratch) -> Extraction {
        let g = &*self.gazetteer;
        let m = g.matcher();
        let mut buffers = BUFFERS.take();
        let Buffers {
            occurrences: [title_occurrences, text_occurrences],
            resolved,
            bytes,
            resolve: resolve_scratch,
            nested,
        } = &mut buffers;
        let title = doc.title.as_deref().filter(|t| !t.trim().is_empty());
        let title = title.map(|t| FieldScan {
            field: Field::Title,
            text: t,
            sentences: text::split_sentences(t),
            occurrences: std::mem::take(title_occurrences),
        });
        let body = FieldScan {
            field: Field::Text,
            text: &doc.text,
            sentences: text::split_sentences(&doc.text),
            occurrences: std::mem::take(text_occurrences),
        };
        // One field or two, on the stack.
        let (mut one, mut two);
        let fields: &mut [FieldScan] = match title {
            Some(title) => {
                two = [title, body];
                &mut two
            }
            None => {
                one = [body];
                &mut one
            }
        };
        for f in fields.iter_mut() {
            f.occurrences.clear();
            m.scan(f.text, scratch, &mut f.occurrences);
        }
        let mut out = Extraction::default();
        resolve::resolve_document(
            g,
            fields,
            self.discoverer.as_deref(),
            &mut out.new_entities,
            resolve_scratch,
            resolved,
        );
        let mut n = nested::Nesting {
            g,
            discoverer: self.discoverer.as_deref(),
            scratch,
            occurrences: nested,
            keep_inner: self.nested,
        };
        nested::add(&mut n, fields, &mut out.new_entities, resolved);
        out.mentions
            .reserve_exact(resolved.iter().map(Vec::len).sum());
        let (mut sent_base, mut para_base) = (0u32, 0u32);
        for (f, res) in fields.iter().zip(resolved.iter_mut()) {
            bytes.clear();
            bytes.reserve(2 * res.len());
            bytes.extend(res.iter().flat_map(|r| [r.start, r.end]));
            let chars = char_offsets(f.text, bytes);
            for (k, r) in res.drain(..).enumerate() {
                let s = f.sentences.index_of(r.start);
                out.mentions.push(Mention {
                    entity: r.entity,
                    field: f.field,
                    start: chars[2 * k],
                    end: chars[2 * k + 1],
                    byte_start: r.start,
                    byte_end: r.end,
                    sentence: sent_base + s as u32,
                    paragraph: para_base + f.sentences.paragraph(s),
                    kind: r.kind,
                    role: r.role,
                    list: r.list,
                });
            }
            sent_base += f.sentences.len() as u32;
            para_base += f.sentences.paragraphs();
        }
        // The occurrences go back to their buffers: the text's is the last field, the title's
        // the first of two.
        let mut fields = fields.iter_mut().rev();
        if let Some(f) = fields.next() {
            *text_occurrences = std::mem::take(&mut f.occurrences);
        }
        if let Some(f) = fields.next() {
            *title_occurrences = std::mem::take(&mut f.occurrences);
        }
        if buffers.small() {
            BUFFERS.set(buffers);
        }
        out.sentences = sent_base;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GazetteerBuilder;

    fn mentions(tsv: &str, text: &str) -> Vec<(String, String, &'static str)> {
        let mut gb = GazetteerBuilder::new();
        gb.add_text("t.tsv", tsv);
        let g = Arc::new(gb.build().unwrap());
        let ex = Extractor::new(
            g.clone(),
            ExtractOptions {
                discover: false,
                ..Default::default()
            },
        );
        let doc = Document {
            id: "d".into(),
            text: text.into(),
            ..Default::default()
        };
        let x = ex.extract(&doc);
        x.mentions
            .iter()
            .map(|m| {
                (
                    text[m.byte_start..m.byte_end].to_string(),
                    x.entity_name(&g, m.entity).to_string(),
                    m.kind.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn short_names_are_whole_words_of_one_person() {
        let tsv = "id\tname\ttype\taliases\n\
            lee\tLee Jae-myung\tperson\t\n\
            qasra\tMurhaf Abu Qasra\tperson\t\n";
        let text = "Lee Jae-myung met Murhaf Abu Qasra. Lee’s aides (Lee) and Qasra spoke; \
            Lee-Smith, Brenda Lee and Qasrawi did not.";
        let found = mentions(tsv, text);
        let short: Vec<(&str, &str)> = found
            .iter()
            .filter(|m| m.2 == "coref")
            .map(|m| (m.0.as_str(), m.1.as_str()))
            .collect();
        assert_eq!(
            short,
            [
                ("Lee", "Lee Jae-myung"),
                ("Lee", "Lee Jae-myung"),
                ("Qasra", "Murhaf Abu Qasra")
            ],
            "{found:?}"
        );
    }
}
