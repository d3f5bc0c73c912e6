//! Runs of an extractor over many documents: batches read from Python, extracted in parallel with
//! the GIL released, results kept in input order; and the rows they give, as the CLI's tables.

use crate::docs::Docs;
use newsner::Pairs;
use newsner::{Document, EntityRef, Extraction, Extractor, Window};
use pyo3::prelude::*;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::sync::Arc;

use crate::table::{Builder, Chunk, Kind};

/// Where the work of a run goes.
#[derive(Clone)]
pub enum Threads {
    /// The calling thread, with the GIL released.
    One,
    /// Rayon's global pool: one thread per core.
    Cores,
    /// A pool of its own.
    Pool(Arc<rayon::ThreadPool>),
}

impl Threads {
    /// The threads for `threads=`: None or 0 for one per core, as the CLI's `-j 0`.
    pub fn new(threads: Option<usize>) -> PyResult<Threads> {
        Ok(match threads.unwrap_or(0) {
            0 => Threads::Cores,
            1 => Threads::One,
            n => Threads::Pool(Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?,
            )),
        })
    }

    /// `f` of each document, in input order.
    fn map<T: Send>(&self, docs: Vec<Document>, f: impl Fn(Document) -> T + Sync + Send) -> Vec<T> {
        match self {
            Threads::One => docs.into_iter().map(f).collect(),
            Threads::Cores => docs.into_par_iter().map(f).collect(),
            Threads::Pool(p) => p.install(|| docs.into_par_iter().map(f).collect()),
        }
    }
}

/// An extractor at work on a stream of documents.
pub struct Run {
    pub ex: Extractor,
    docs: Docs,
    threads: Threads,
}

impl Run {
    /// A run of `ex` over the documents of an iterable.
    pub fn new(ex: Extractor, docs: &Bound<'_, PyAny>, threads: Option<usize>) -> PyResult<Run> {
        Ok(Run {
            ex,
            docs: Docs::new(docs)?,
            threads: Threads::new(threads)?,
        })
    }

    /// `f` of each document of the next batch, computed with the GIL released; None at the end.
    pub fn batch<T: Send>(
        &mut self,
        py: Python<'_>,
        f: impl Fn(&Extractor, Document) -> T + Sync + Send,
    ) -> PyResult<Option<Vec<T>>> {
        let docs = self.docs.batch(py)?;
        if docs.is_empty() {
            return Ok(None);
        }
        let (ex, threads) = (&self.ex, &self.threads);
        Ok(Some(py.allow_threads(|| threads.map(docs, |d| f(ex, d)))))
    }

    /// Runs `f` over the next batch and appends its results to `ready`; false at the end of the
    /// input.
    pub fn fill<T: Send>(
        &mut self,
        py: Python<'_>,
        ready: &mut VecDeque<T>,
        f: impl Fn(&Extractor, Document) -> T + Sync + Send,
    ) -> PyResult<bool> {
        match self.batch(py, f)? {
            Some(batch) => {
                ready.extend(batch);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// The columns of the mentions table, as the CLI names them.
pub const MENTION_COLUMNS: &[(&str, Kind)] = &[
    ("doc_id", Kind::Str),
    ("entity_id", Kind::Str),
    ("name", Kind::Str),
    ("type", Kind::Str),
    ("start", Kind::Int),
    ("end", Kind::Int),
    ("text", Kind::Str),
    ("sentence", Kind::Int),
    ("paragraph", Kind::Int),
    ("field", Kind::Str),
    ("match", Kind::Str),
    ("role", Kind::Str),
    ("list", Kind::Int),
];

/// A mention's text: the part of its field it spans.
pub fn written<'d>(doc: &'d Document, m: &newsner::Mention) -> &'d str {
    let field = match m.field {
        newsner::Field::Title => doc.title.as_deref().unwrap_or(""),
        newsner::Field::Text => &doc.text,
    };
    &field[m.byte_start..m.byte_end]
}

/// Appends the mention rows of one document.
pub fn push_mentions(c: &mut Chunk, ex: &Extractor, doc: &Document, x: &Extraction) {
    let g = ex.gazetteer();
    let [doc_id, id, name, kind, start, end, text, sentence, paragraph, field, how, role, list] =
        &mut c.columns[..]
    else {
        unreachable!("the mentions table has thirteen columns")
    };
    for m in &x.mentions {
        doc_id.push_str(Some(&doc.id));
        id.push_str(Some(x.entity_id(g, m.entity)));
        name.push_str(Some(x.entity_name(g, m.entity)));
        kind.push_str(Some(x.entity_type(g, m.entity)));
        start.push_int(Some(m.start as i64));
        end.push_int(Some(m.end as i64));
        text.push_str(Some(written(doc, m)));
        sentence.push_int(Some(i64::from(m.sentence)));
        paragraph.push_int(Some(i64::from(m.paragraph)));
        field.push_str(Some(m.field.as_str()));
        how.push_str(Some(m.kind.as_str()));
        role.push_str(m.role.as_deref());
        list.push_int(m.list.map(i64::from));
    }
    c.rows += x.mentions.len();
}

/// The columns of the co-mentions table; the second is named after the window, as in the CLI.
pub fn pair_columns(window: Window) -> Vec<(&'static str, Kind)> {
    vec![
        ("doc_id", Kind::Str),
        (window.as_str(), Kind::Int),
        ("source_id", Kind::Str),
        ("source_name", Kind::Str),
        ("target_id", Kind::Str),
        ("target_name", Kind::Str),
        ("source_type", Kind::Str),
        ("target_type", Kind::Str),
    ]
}

/// Appends the co-mention rows of one document.
pub fn push_pairs(c: &mut Chunk, ex: &Extractor, doc: &Document, x: &Extraction, p: &Pairs) {
    let g = ex.gazetteer();
    let [doc_id, window, sid, sname, tid, tname, stype, ttype] = &mut c.columns[..] else {
        unreachable!("the co-mentions table has eight columns")
    };
    let entity = |e: EntityRef| (x.entity_id(g, e), x.entity_name(g, e), x.entity_type(g, e));
    for pair in &p.pairs {
        let (s, t) = (entity(pair.source), entity(pair.target));
        doc_id.push_str(Some(&doc.id));
        window.push_int(Some(i64::from(pair.window)));
        sid.push_str(Some(s.0));
        sname.push_str(Some(s.1));
        tid.push_str(Some(t.0));
        tname.push_str(Some(t.1));
        stype.push_str(Some(s.2));
        ttype.push_str(Some(t.2));
    }
    c.rows += p.pairs.len();
}

/// The pairs of a document in a window.
pub fn pairs(ex: &Extractor, x: &Extraction, window: Window) -> Pairs {
    newsner::pairs(ex.gazetteer(), x, window)
}

/// An empty table of mentions.
pub fn mention_table() -> Builder {
    Builder::new(MENTION_COLUMNS)
}
