//! newsner for Python: the library's extractor behind a Python class, with results as objects,
//! pyarrow tables or pandas frames, so that notebooks and Spark jobs run the same extraction as
//! the CLI without parsing its CSV.

mod docs;
mod gazetteer;
mod run;
mod table;

use gazetteer::{LoadError, Spec};
use newsner::output::{DocNetwork, Format, Network as Net};
use newsner::{Document, ExtractOptions, Extraction, Window};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use run::Run;
use std::collections::VecDeque;
use std::path::PathBuf;
use table::{Builder, Kind, Table};

create_exception!(
    newsner,
    NewsnerError,
    PyException,
    "An error of newsner, with the CLI's message."
);
create_exception!(
    newsner,
    GazetteerError,
    NewsnerError,
    "A gazetteer that cannot be loaded; the message lists each fault as file:line: what."
);

/// Finds the people, groups and places named in news articles.
///
/// Built once (the gazetteer is loaded or compiled here) and reused for any number of
/// documents; it can be pickled, and is rebuilt from its options where it is unpickled.
///
/// Args:
///     gazetteer: a gazetteer TSV file or folder of .tsv files, or a list of them (added to the
///         default gazetteer unless ``default_gazetteer=False``); or one file written by
///         ``newsner gazetteer compile``, given alone.
///     default_gazetteer: load the gazetteer shipped with newsner (kept compiled in the cache
///         folder, ``$NEWSNER_CACHE`` or ``~/.cache/newsner``).
///     discover: find people and groups no gazetteer lists (after titles, in credits, by name
///         patterns) and acronyms defined in the text.
///     variants: generate spellings (Ahmed/Ahmad, al-/el-) and surname references.
///
/// Raises:
///     GazetteerError: a gazetteer file is missing or malformed (the message says file:line).
///     ValueError: options that cannot go together.
///
/// Example:
///     >>> ex = newsner.Extractor()
///     >>> [(m.name, m.start, m.end) for m in ex.extract("Putin met Erdogan in Ankara.")]
///     [('Vladimir Putin', 0, 5), ('Recep Tayyip Erdoğan', 10, 17), ('Ankara', 21, 27)]
#[pyclass(frozen, module = "newsner")]
struct Extractor {
    inner: newsner::Extractor,
    spec: Spec,
    discover: bool,
}

/// The file of this extension, which keys the cached default gazetteer.
fn module_file(py: Python<'_>) -> Option<PathBuf> {
    py.import("newsner._newsner")
        .and_then(|m| m.getattr("__file__"))
        .and_then(|f| f.extract())
        .ok()
}

/// Paths from `str`, `os.PathLike` or a sequence of them, made absolute so that a pickled
/// extractor loads the same files in another working folder.
fn paths(v: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PathBuf>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let list: Vec<PathBuf> = match v.extract::<PathBuf>() {
        Ok(p) => vec![p],
        Err(_) => v.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(
                "gazetteer must be a path (str or os.PathLike) or a list of paths",
            )
        })?,
    };
    Ok(list
        .into_iter()
        .map(|p| std::path::absolute(&p).unwrap_or(p))
        .collect())
}

fn parse_window(window: &str) -> PyResult<Window> {
    Ok(match window {
        "sentence" => Window::Sentence,
        "paragraph" => Window::Paragraph,
        "document" => Window::Document,
        "list" => Window::List,
        _ => {
            return Err(PyValueError::new_err(format!(
                "window must be 'sentence', 'paragraph', 'document' or 'list', not {window:?}"
            )))
        }
    })
}

/// The arguments of `Extractor(...)` that rebuild one: gazetteer paths, default_gazetteer,
/// discover, variants.
type Options = (Vec<PathBuf>, bool, bool, bool);

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (gazetteer=None, default_gazetteer=true, discover=true, variants=true))]
    fn new(
        py: Python<'_>,
        gazetteer: Option<&Bound<'_, PyAny>>,
        default_gazetteer: bool,
        discover: bool,
        variants: bool,
    ) -> PyResult<Extractor> {
        let spec = Spec {
            paths: paths(gazetteer)?,
            default: default_gazetteer,
            variants,
        };
        let module = module_file(py);
        let g = py
            .allow_threads(|| gazetteer::load(&spec, module.as_deref()))
            .map_err(|e| match e {
                LoadError::Gazetteer(m) => GazetteerError::new_err(m),
                LoadError::Usage(m) => PyValueError::new_err(m),
            })?;
        Ok(Extractor {
            inner: newsner::Extractor::new(g, ExtractOptions { discover }),
            spec,
            discover,
        })
    }

    /// Rebuilds the extractor from its options where it is unpickled.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Options)> {
        let me = slf.get();
        Ok((
            slf.get_type().into_any(),
            (
                me.spec.paths.clone(),
                me.spec.default,
                me.discover,
                me.spec.variants,
            ),
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "newsner.Extractor(gazetteer={:?}, default_gazetteer={}, discover={}, variants={}) \
             with {} entities",
            self.spec.paths,
            py_bool(self.spec.default),
            py_bool(self.discover),
            py_bool(self.spec.variants),
            self.inner.gazetteer().entities().len()
        )
    }

    /// The mentions of one article, in document order (title first).
    ///
    /// Offsets are Python string indices into the field the mention is in:
    /// ``text[m.start:m.end] == m.text`` (or ``title[...]`` when ``m.field == "title"``).
    /// ``doc_id`` (default ``"0"``) fills each mention's ``doc_id``.
    #[pyo3(signature = (text, title=None, doc_id=None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &str,
        title: Option<&str>,
        doc_id: Option<&str>,
    ) -> PyResult<Vec<Mention>> {
        let doc = Document {
            id: doc_id.unwrap_or("0").to_string(),
            title: title.map(str::to_string),
            text: text.to_string(),
            date: None,
            bytes: 0,
        };
        let x = py.allow_threads(|| self.inner.extract(&doc));
        Ok(mentions(&self.inner, &doc, &x))
    }

    /// Extracts many articles, in parallel, streaming the results in input order.
    ///
    /// Args:
    ///     docs: an iterable of str (the text; ids are positions from 0), of dicts with ``text``
    ///         and optionally ``id`` and ``title``, or of tuples ``(id, text)`` or
    ///         ``(id, text, title)``.
    ///     threads: worker threads; None or 0 for one per core. Results are the same for any
    ///         number.
    ///
    /// Returns:
    ///     Mentions: iterate it for one list of Mention per document, or call ``to_arrow()``,
    ///     ``to_pandas()`` or ``table()`` for the whole batch as the CLI's mentions table.
    #[pyo3(signature = (docs, threads=None))]
    fn extract_many(&self, docs: &Bound<'_, PyAny>, threads: Option<usize>) -> PyResult<Mentions> {
        Ok(Mentions {
            run: Run::new(self.inner.clone(), docs, threads)?,
            ready: VecDeque::new(),
        })
    }

    /// Pairs of entities named in the same window, per document in input order.
    ///
    /// Args:
    ///     docs: as for ``extract_many``.
    ///     window: ``"sentence"``, ``"paragraph"``, ``"document"`` or ``"list"`` (people listed
    ///         together in one sentence), as the CLI's ``--window``.
    ///     threads: as for ``extract_many``.
    ///
    /// Returns:
    ///     Comentions: iterate it for one list of Pair per document, or call ``to_arrow()``,
    ///     ``to_pandas()`` or ``table()`` for the CLI's co-mentions table.
    #[pyo3(signature = (docs, window="sentence", threads=None))]
    fn comentions(
        &self,
        docs: &Bound<'_, PyAny>,
        window: &str,
        threads: Option<usize>,
    ) -> PyResult<Comentions> {
        Ok(Comentions {
            run: Run::new(self.inner.clone(), docs, threads)?,
            window: parse_window(window)?,
            ready: VecDeque::new(),
        })
    }

    /// The who-appears-with-whom network of a corpus, as the CLI's ``network`` command writes
    /// it: ``nodes`` (Id, Label, type, mentions, documents) and ``edges`` (Source, Target, Type,
    /// Weight, documents), each a Table.
    #[pyo3(signature = (docs, window="sentence", threads=None))]
    fn network(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        window: &str,
        threads: Option<usize>,
    ) -> PyResult<Network> {
        let window = parse_window(window)?;
        let mut run = Run::new(self.inner.clone(), docs, threads)?;
        let mut net = Net::default();
        while let Some(batch) = run.batch(py, |ex, doc| {
            let x = ex.extract(&doc);
            let p = run::pairs(ex, &x, window);
            DocNetwork::new(ex.gazetteer(), &x, &p)
        })? {
            batch.into_iter().for_each(|d| net.add(d));
        }
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        net.write_nodes(&mut nodes, Format::Csv, false)
            .and_then(|()| net.write_edges(&mut edges, Format::Csv, false))
            .map_err(|e| NewsnerError::new_err(e.to_string()))?;
        let node_columns = [
            ("Id", Kind::Str),
            ("Label", Kind::Str),
            ("type", Kind::Str),
            ("mentions", Kind::Int),
            ("documents", Kind::Int),
        ];
        let edge_columns = [
            ("Source", Kind::Str),
            ("Target", Kind::Str),
            ("Type", Kind::Str),
            ("Weight", Kind::Int),
            ("documents", Kind::Int),
        ];
        Ok(Network {
            nodes: Py::new(py, csv_table(&nodes, &node_columns)?)?,
            edges: Py::new(py, csv_table(&edges, &edge_columns)?)?,
        })
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// A table from CSV rows as the library writes them: the network's tables are written, not
/// handed out, and reading them back keeps the CLI's aggregation the only one.
fn csv_table(csv: &[u8], columns: &[(&str, Kind)]) -> PyResult<Table> {
    let mut b = Builder::new(columns);
    let c = b.chunk(false);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv);
    for rec in r.records() {
        let rec = rec.map_err(|e| NewsnerError::new_err(e.to_string()))?;
        for ((field, col), (_, kind)) in rec.iter().zip(&mut c.columns).zip(columns) {
            match kind {
                Kind::Str => col.push_str(Some(field)),
                Kind::Int => {
                    col.push_int(Some(field.parse().map_err(|_| {
                        NewsnerError::new_err(format!("not a count: {field:?}"))
                    })?))
                }
            }
        }
        c.rows += 1;
    }
    Ok(b.finish())
}

/// A mention: an entity named at a place in a document, with the CLI's columns.
#[pyclass(frozen, eq, module = "newsner")]
#[derive(Clone, PartialEq)]
struct Mention {
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

fn mentions(ex: &newsner::Extractor, doc: &Document, x: &Extraction) -> Vec<Mention> {
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
struct Pair {
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
struct Mentions {
    run: Run,
    ready: VecDeque<(Document, Extraction)>,
}

#[pymethods]
impl Mentions {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Vec<Mention>>> {
        if self.ready.is_empty() {
            if let Some(batch) = self.run.batch(py, |ex, doc| {
                let x = ex.extract(&doc);
                (doc, x)
            })? {
                self.ready.extend(batch);
            }
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
        let c = b.chunk(true);
        for (doc, x) in self.ready.drain(..) {
            run::push_mentions(c, &self.run.ex, &doc, &x);
        }
        while let Some(batch) = self.run.batch(py, |ex, doc| {
            let x = ex.extract(&doc);
            (doc, x)
        })? {
            let c = b.chunk(true);
            for (doc, x) in &batch {
                run::push_mentions(c, &self.run.ex, doc, x);
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
struct Comentions {
    run: Run,
    window: Window,
    ready: VecDeque<(Document, Extraction, newsner::comentions::Pairs)>,
}

impl Comentions {
    fn next_batch(&mut self, py: Python<'_>) -> PyResult<bool> {
        let window = self.window;
        match self.run.batch(py, |ex, doc| {
            let x = ex.extract(&doc);
            let p = run::pairs(ex, &x, window);
            (doc, x, p)
        })? {
            Some(batch) => {
                self.ready.extend(batch);
                Ok(true)
            }
            None => Ok(false),
        }
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
            let c = b.chunk(true);
            for (doc, x, p) in self.ready.drain(..) {
                run::push_pairs(c, &self.run.ex, &doc, &x, &p);
            }
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
struct Network {
    /// Id, Label, type, mentions, documents; sorted by Id.
    #[pyo3(get)]
    nodes: Py<Table>,
    /// Source, Target, Type, Weight, documents; sorted by Source then Target.
    #[pyo3(get)]
    edges: Py<Table>,
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

#[pymodule]
fn _newsner(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Extractor>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Pair>()?;
    m.add_class::<Mentions>()?;
    m.add_class::<Comentions>()?;
    m.add_class::<Network>()?;
    m.add_class::<Table>()?;
    m.add("NewsnerError", py.get_type::<NewsnerError>())?;
    m.add("GazetteerError", py.get_type::<GazetteerError>())?;
    Ok(())
}
