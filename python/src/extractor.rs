//! The `Extractor` class: the CLI's options in, a loaded gazetteer kept for any number of
//! documents, and the entry points that turn documents into mentions, pairs and networks.

use crate::gazetteer::{self, LoadError, Spec};
use crate::results::{mentions, Comentions, Mention, Mentions, Network};
use crate::run::{self, Run};
use crate::table::{Builder, Kind, Table};
use crate::{GazetteerError, NewsnerError};
use newsner::{DocNetwork, Format, Network as Net};
use newsner::{Document, ExtractOptions, Window};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::path::PathBuf;

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
pub struct Extractor {
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
            inner: newsner::Extractor::new(
                g,
                ExtractOptions {
                    discover,
                    ..ExtractOptions::default()
                },
            ),
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
        Ok(Mentions::new(Run::new(self.inner.clone(), docs, threads)?))
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
        Ok(Comentions::new(
            Run::new(self.inner.clone(), docs, threads)?,
            parse_window(window)?,
        ))
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
        net.write_nodes(self.inner.gazetteer(), &mut nodes, Format::Csv, false)
            .and_then(|()| net.write_edges(&mut edges, Format::Csv, false))
            .map_err(|e| NewsnerError::new_err(e.to_string()))?;
        let node_columns = [
            ("Id", Kind::Str),
            ("Label", Kind::Str),
            ("type", Kind::Str),
            ("mentions", Kind::Int),
            ("documents", Kind::Int),
            ("country", Kind::Str),
            ("Latitude", Kind::Str),
            ("Longitude", Kind::Str),
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
