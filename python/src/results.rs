//! What extraction gives back to Python: mentions and pairs as objects, and the streams of them
//! that `extract_many` and `comentions` return, which also hand over the rest as one table.

use crate::run::{self, Run};
use crate::table::{Builder, Table};
use newsner::{Document, Extraction, Window};
use pyo3::prelude::*;
use std::collections::VecDeque;

/// A mention: an entity named at a place in a document, with the CLI's columns.
#[pyclass(frozen, eq, module = "newsner")]
#[derive(Clone, PartialEq)]
pub struct Mention {
    /// The document's id.
    #[pyo3(get)]
    doc_id: String,
    /// The entity's id (the English Wikipedia title, or ``new:<slug>`` for one found by rule).
    #[pyo3(get)]
    entity_id: String,
    /// The entity's canonical name.
    #[pyo3(get)]
    name: String,
    /// ``person``, ``group``, ``place`` or a type of a user gazetteer.
    #[pyo3(get, name = "type")]
    kind: String,
    /// Index of the first character in the field (a Python string index).
    #[pyo3(get)]
    start: usize,
    /// Index one past the last character.
    #[pyo3(get)]
    end: usize,
    /// The mention as written.
    #[pyo3(get)]
    text: String,
    /// Sentence index in the document (the title's sentences first).
    #[pyo3(get)]
    sentence: u32,
    /// Paragraph index in the document (the title is paragraph 0 when there is one).
    #[pyo3(get)]
    paragraph: u32,
    /// ``title`` or ``text``.
    #[pyo3(get)]
    field: &'static str,
    /// How it was found: exact, variant, surname, acronym, coref or discovered.
    #[pyo3(get, name = "match")]
    how: &'static str,
    /// The title written in front of a person ("Defense Minister"), or None.
    #[pyo3(get)]
    role: Option<String>,
    /// The list of people (a delegation) the mention belongs to, numbered in the document, or
    /// None.
    #[pyo3(get)]
    list: Option<u32>,
}

#[pymethods]
impl Mention {
    fn __repr__(&self) -> String {
        format!(
            "Mention(entity_id={:?}, type={:?}, start={}, end={}, text={:?}, match={:?})",
            self.entity_id, self.kind, self.start, self.end, self.text, self.how
        )
    }
}

pub fn mentions(ex: &newsner::Extractor, doc: &Document, x: &Extraction) -> Vec<Mention> {
    let g = ex.gazetteer();
    x.mentions
        .iter()
        .map(|m| Mention {
            doc_id: doc.id.clone(),
            entity_id: x.entity_id(g, m.entity).to_string(),
            name: x.entity_name(g, m.entity).to_string(),
            kind: x.entity_type(g, m.entity).to_string(),
            start: m.start,
            end: m.end,
            text: run::written(doc, m).to_string(),
            sentence: m.sentence,
            paragraph: m.paragraph,
            field: m.field.as_str(),
            how: m.kind.as_str(),
            role: m.role.as_deref().map(str::to_string),
            list: m.list,
        })
        .collect()
}

/// A pair of entities named in one window of a document; ``source_id`` sorts before
/// ``target_id``.
#[pyclass(frozen, eq, module = "newsner")]
#[derive(Clone, PartialEq)]
pub struct Pair {
    /// The document's id.
    #[pyo3(get)]
    doc_id: String,
    /// Index of the window: the sentence, paragraph or list; 0 for the document.
    #[pyo3(get)]
    window: u32,
    #[pyo3(get)]
    source_id: String,
    #[pyo3(get)]
    source_name: String,
    #[pyo3(get)]
    target_id: String,
    #[pyo3(get)]
    target_name: String,
    #[pyo3(get)]
    source_type: String,
    #[pyo3(get)]
    target_type: String,
}

#[pymethods]
impl Pair {
    fn __repr__(&self) -> String {
        format!(
            "Pair(doc_id={:?}, window={}, source_id={:?}, target_id={:?})",
            self.doc_id, self.window, self.source_id, self.target_id
        )
    }
}

/// The mentions of a stream of documents: an iterator of one list of Mention per document, in
/// input order; ``to_arrow()``, ``to_pandas()`` or ``table()`` take the documents not yet
/// iterated over as one table with the CLI's columns.
#[pyclass(module = "newsner")]
pub struct Mentions {
    run: Run,
    ready: VecDeque<(Document, Extraction)>,
}

impl Mentions {
    /// The stream of a run.
    pub fn new(run: Run) -> Mentions {
        Mentions {
            run,
            ready: VecDeque::new(),
        }
    }

    /// Extracts the next batch into `ready`; false at the end of the input.
    fn next_batch(&mut self, py: Python<'_>) -> PyResult<bool> {
        self.run.fill(py, &mut self.ready, |ex, doc| {
            let x = ex.extract(&doc);
            (doc, x)
        })
    }
}

#[pymethods]
impl Mentions {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Vec<Mention>>> {
        if self.ready.is_empty() {
            self.next_batch(py)?;
        }
        Ok(self
            .ready
            .pop_front()
            .map(|(doc, x)| mentions(&self.run.ex, &doc, &x)))
    }

    /// The remaining documents' mentions as one Table (doc_id, entity_id, name, type, start,
    /// end, text, sentence, paragraph, field, match, role, list).
    fn table(&mut self, py: Python<'_>) -> PyResult<Table> {
        let mut b = run::mention_table();
        loop {
            let (c, ready, ex) = (b.chunk(true), &mut self.ready, &self.run.ex);
            py.allow_threads(|| {
                for (doc, x) in ready.drain(..) {
                    run::push_mentions(c, ex, &doc, &x);
                }
            });
            if !self.next_batch(py)? {
                break;
            }
        }
        Ok(b.finish())
    }

    /// The remaining documents' mentions as a pyarrow Table (needs pyarrow).
    // Python's names, though they read the rest of the stream.
    #[allow(clippy::wrong_self_convention)]
    fn to_arrow<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Table::to_arrow(&Bound::new(py, self.table(py)?)?)
    }

    /// The remaining documents' mentions as a pandas DataFrame (needs pandas).
    #[allow(clippy::wrong_self_convention)]
    fn to_pandas<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Table::to_pandas(&Bound::new(py, self.table(py)?)?)
    }
}

/// The co-mentions of a stream of documents: an iterator of one list of Pair per document, in
/// input order; ``to_arrow()``, ``to_pandas()`` or ``table()`` take the documents not yet
/// iterated over as one table with the CLI's columns.
#[pyclass(module = "newsner")]
pub struct Comentions {
    run: Run,
    window: Window,
    ready: VecDeque<(Document, Extraction, newsner::Pairs)>,
}

impl Comentions {
    /// The stream of a run, in windows of `window`.
    pub fn new(run: Run, window: Window) -> Comentions {
        Comentions {
            run,
            window,
            ready: VecDeque::new(),
        }
    }

    /// Extracts and pairs the next batch into `ready`; false at the end of the input.
    fn next_batch(&mut self, py: Python<'_>) -> PyResult<bool> {
        let window = self.window;
        self.run.fill(py, &mut self.ready, |ex, doc| {
            let x = ex.extract(&doc);
            let p = run::pairs(ex, &x, window);
            (doc, x, p)
        })
    }
}

#[pymethods]
impl Comentions {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Vec<Pair>>> {
        if self.ready.is_empty() {
            self.next_batch(py)?;
        }
        let Some((doc, x, p)) = self.ready.pop_front() else {
            return Ok(None);
        };
        let g = self.run.ex.gazetteer();
        Ok(Some(
            p.pairs
                .iter()
                .map(|pair| Pair {
                    doc_id: doc.id.clone(),
                    window: pair.window,
                    source_id: x.entity_id(g, pair.source).to_string(),
                    source_name: x.entity_name(g, pair.source).to_string(),
                    target_id: x.entity_id(g, pair.target).to_string(),
                    target_name: x.entity_name(g, pair.target).to_string(),
                    source_type: x.entity_type(g, pair.source).to_string(),
                    target_type: x.entity_type(g, pair.target).to_string(),
                })
                .collect(),
        ))
    }

    /// The remaining documents' pairs as one Table (doc_id, the window's name, source_id,
    /// source_name, target_id, target_name, source_type, target_type).
    fn table(&mut self, py: Python<'_>) -> PyResult<Table> {
        let mut b = Builder::new(&run::pair_columns(self.window));
        loop {
            let (c, ready, ex) = (b.chunk(true), &mut self.ready, &self.run.ex);
            py.allow_threads(|| {
                for (doc, x, p) in ready.drain(..) {
                    run::push_pairs(c, ex, &doc, &x, &p);
                }
            });
            if !self.next_batch(py)? {
                break;
            }
        }
        Ok(b.finish())
    }

    /// The remaining documents' pairs as a pyarrow Table (needs pyarrow).
    // Python's names, though they read the rest of the stream.
    #[allow(clippy::wrong_self_convention)]
    fn to_arrow<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Table::to_arrow(&Bound::new(py, self.table(py)?)?)
    }

    /// The remaining documents' pairs as a pandas DataFrame (needs pandas).
    #[allow(clippy::wrong_self_convention)]
    fn to_pandas<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Table::to_pandas(&Bound::new(py, self.table(py)?)?)
    }
}

/// The network of a corpus: ``nodes`` and ``edges``, each a Table with the columns of the CLI's
/// nodes.csv and edges.csv.
#[pyclass(frozen, module = "newsner")]
pub struct Network {
    /// Id, Label, type, mentions, documents; sorted by Id.
    #[pyo3(get)]
    pub nodes: Py<Table>,
    /// Source, Target, Type, Weight, documents; sorted by Source then Target.
    #[pyo3(get)]
    pub edges: Py<Table>,
}

#[pymethods]
impl Network {
    fn __repr__(&self) -> String {
        format!(
            "<newsner.Network: {} nodes, {} edges>",
            self.nodes.get().__len__(),
            self.edges.get().__len__()
        )
    }
}
