//! Documents from Python values: a string, a dict with `text` (and `id`, `title`), or a tuple
//! `(id, text)` or `(id, text, title)`, read in batches so that extraction runs with the GIL
//! released while Python waits.

use newsner::Document;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyIterator, PyString, PyTuple};

/// A batch ends after this many documents...
pub const BATCH_DOCS: usize = 1024;
/// ...or this many bytes of text, as the CLI's batches do.
pub const BATCH_BYTES: usize = 8 << 20;

/// Reads documents from a Python iterable, numbering them from 0 for those without an id.
pub struct Docs {
    iter: Py<PyIterator>,
    /// Position of the next document in the input.
    next: usize,
    done: bool,
}

impl Docs {
    /// Documents from any iterable.
    pub fn new(docs: &Bound<'_, PyAny>) -> PyResult<Docs> {
        Ok(Docs {
            iter: PyIterator::from_object(docs)?.unbind(),
            next: 0,
            done: false,
        })
    }

    /// The next batch, empty when the input is over.
    pub fn batch(&mut self, py: Python<'_>) -> PyResult<Vec<Document>> {
        let mut out = Vec::new();
        let mut bytes = 0;
        let mut iter = self.iter.bind(py).clone();
        while !self.done && out.len() < BATCH_DOCS && bytes < BATCH_BYTES {
            match iter.next() {
                None => self.done = true,
                Some(item) => {
                    let doc = document(&item?, self.next)?;
                    bytes += doc.text.len();
                    out.push(doc);
                    self.next += 1;
                }
            }
        }
        Ok(out)
    }
}

/// One document from a Python value; `at` is its position, its id when it has none and the
/// place named in errors.
pub fn document(item: &Bound<'_, PyAny>, at: usize) -> PyResult<Document> {
    let context = |e: PyErr| {
        let py = item.py();
        let err = PyValueError::new_err(format!("document {at}: {}", e.value(py)));
        err.set_cause(py, Some(e));
        err
    };
    if let Ok(text) = item.downcast::<PyString>() {
        return Ok(new(at.to_string(), text.to_str().map_err(context)?, None));
    }
    if let Ok(d) = item.downcast::<PyDict>() {
        let text = d.get_item(intern!(d.py(), "text"))?.ok_or_else(|| {
            PyValueError::new_err(format!("document {at}: the dict has no `text`"))
        })?;
        let id = match d.get_item(intern!(d.py(), "id"))? {
            Some(id) if !id.is_none() => id_string(&id).map_err(context)?,
            _ => at.to_string(),
        };
        let title = d.get_item(intern!(d.py(), "title"))?;
        let title = title.filter(|t| !t.is_none());
        return Ok(new(
            id,
            text_str(&text).map_err(context)?,
            title.as_ref().map(text_str).transpose().map_err(context)?,
        ));
    }
    if let Ok(t) = item.downcast::<PyTuple>() {
        if t.len() == 2 || t.len() == 3 {
            let id = id_string(&t.get_item(0)?).map_err(context)?;
            let text = t.get_item(1)?;
            let title = if t.len() == 3 {
                Some(t.get_item(2)?)
            } else {
                None
            };
            let title = title.filter(|t| !t.is_none());
            return Ok(new(
                id,
                text_str(&text).map_err(context)?,
                title.as_ref().map(text_str).transpose().map_err(context)?,
            ));
        }
    }
    Err(PyTypeError::new_err(format!(
        "document {at}: expected a str, a dict with `text` (and `id`, `title`) or a tuple \
         (id, text) or (id, text, title), not {}",
        item.get_type().name()?
    )))
}

fn new(id: String, text: &str, title: Option<&str>) -> Document {
    Document {
        id,
        title: title.map(str::to_string),
        text: text.to_string(),
        date: None,
        bytes: (text.len() + title.map_or(0, str::len)) as u64,
    }
}

/// A text or title: a str.
fn text_str<'a>(v: &'a Bound<'_, PyAny>) -> PyResult<&'a str> {
    let s = v.downcast::<PyString>().map_err(|_| {
        let kind = v
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!("a text or title must be a str, not {kind}"))
    })?;
    // Borrowed from the string object: `v` keeps it alive.
    s.to_str()
}

/// An id: a str, or an int written in decimal as the CLI writes a JSON number.
fn id_string(v: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = v.downcast::<PyString>() {
        return Ok(s.to_str()?.to_string());
    }
    if v.is_instance_of::<PyInt>() && !v.is_instance_of::<PyBool>() {
        return Ok(v.str()?.to_str()?.to_string());
    }
    Err(PyTypeError::new_err(format!(
        "an id must be a str or an int, not {}",
        v.get_type().name()?
    )))
}
