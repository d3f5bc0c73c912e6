//! Tables in Arrow's memory layout, built in Rust and handed to pyarrow as buffers, so that a
//! batch of mentions becomes a pyarrow Table without a Python object per row.

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

/// One column of one chunk, as Arrow lays it out.
pub enum Column {
    /// UTF-8 strings: `offsets[i]..offsets[i + 1]` of `data`.
    Str {
        offsets: Vec<i32>,
        data: Vec<u8>,
        valid: Validity,
    },
    /// 64-bit integers.
    Int { values: Vec<i64>, valid: Validity },
}

/// Which values of a column are null, as Arrow's bitmap (none until the first null).
#[derive(Default)]
pub struct Validity {
    bits: Option<Vec<u8>>,
    len: usize,
}

impl Validity {
    fn push(&mut self, present: bool) {
        if !present && self.bits.is_none() {
            // All before were present.
            let mut bits = vec![0xFF; self.len.div_ceil(8)];
            if !self.len.is_multiple_of(8) {
                *bits.last_mut().expect("len > 0") = (1u8 << (self.len % 8)) - 1;
            }
            self.bits = Some(bits);
        }
        if let Some(bits) = &mut self.bits {
            if self.len.is_multiple_of(8) {
                bits.push(0);
            }
            if present {
                bits[self.len / 8] |= 1 << (self.len % 8);
            }
        }
        self.len += 1;
    }

    fn is_valid(&self, i: usize) -> bool {
        self.bits
            .as_ref()
            .is_none_or(|b| b[i / 8] & (1 << (i % 8)) != 0)
    }
}

impl Column {
    /// An empty string column.
    pub fn strings() -> Column {
        Column::Str {
            offsets: vec![0],
            data: Vec::new(),
            valid: Validity::default(),
        }
    }

    /// An empty integer column.
    pub fn ints() -> Column {
        Column::Int {
            values: Vec::new(),
            valid: Validity::default(),
        }
    }

    /// Appends a string, or a null.
    #[inline]
    pub fn push_str(&mut self, s: Option<&str>) {
        let Column::Str {
            offsets,
            data,
            valid,
        } = self
        else {
            unreachable!("a string pushed to an integer column")
        };
        data.extend_from_slice(s.unwrap_or("").as_bytes());
        // Checked when the chunk is handed over: Arrow's offsets are 32 bits.
        offsets.push(data.len() as i32);
        valid.push(s.is_some());
    }

    /// Appends an integer, or a null.
    #[inline]
    pub fn push_int(&mut self, v: Option<i64>) {
        let Column::Int { values, valid } = self else {
            unreachable!("an integer pushed to a string column")
        };
        values.push(v.unwrap_or(0));
        valid.push(v.is_some());
    }

    fn bytes(&self) -> usize {
        match self {
            Column::Str { data, .. } => data.len(),
            Column::Int { values, .. } => values.len() * 8,
        }
    }

    fn value(&self, py: Python<'_>, i: usize) -> PyResult<PyObject> {
        Ok(match self {
            Column::Str {
                offsets,
                data,
                valid,
            } => match valid.is_valid(i) {
                true => {
                    let s = &data[offsets[i] as usize..offsets[i + 1] as usize];
                    std::str::from_utf8(s)
                        .expect("columns hold whole strings")
                        .into_pyobject(py)?
                        .into_any()
                        .unbind()
                }
                false => py.None(),
            },
            Column::Int { values, valid } => match valid.is_valid(i) {
                true => values[i].into_pyobject(py)?.into_any().unbind(),
                false => py.None(),
            },
        })
    }
}

/// Rows with the same columns, in chunks of Arrow record batches.
pub struct Builder {
    names: Vec<String>,
    kinds: Vec<Kind>,
    chunks: Vec<Chunk>,
}

/// The type of a column.
#[derive(Clone, Copy)]
pub enum Kind {
    /// UTF-8 strings.
    Str,
    /// 64-bit integers.
    Int,
}

/// A record batch: its columns and number of rows.
pub struct Chunk {
    pub columns: Vec<Column>,
    pub rows: usize,
}

/// A chunk is closed when one of its columns holds this many bytes, well below the 2 GiB that
/// Arrow's 32-bit offsets address.
const MAX_CHUNK_BYTES: usize = 1 << 30;

impl Builder {
    /// An empty table with these columns.
    pub fn new(columns: &[(&str, Kind)]) -> Builder {
        Builder {
            names: columns.iter().map(|c| c.0.to_string()).collect(),
            kinds: columns.iter().map(|c| c.1).collect(),
            chunks: Vec::new(),
        }
    }

    /// The chunk to append rows to: the last one, or a new one when it is full or `fresh`.
    pub fn chunk(&mut self, fresh: bool) -> &mut Chunk {
        let full = self
            .chunks
            .last()
            .is_none_or(|c| fresh || c.columns.iter().any(|col| col.bytes() >= MAX_CHUNK_BYTES));
        if full {
            let columns = self
                .kinds
                .iter()
                .map(|k| match k {
                    Kind::Str => Column::strings(),
                    Kind::Int => Column::ints(),
                })
                .collect();
            self.chunks.push(Chunk { columns, rows: 0 });
        }
        self.chunks.last_mut().expect("a chunk was pushed")
    }

    /// The finished table.
    pub fn finish(self) -> Table {
        Table {
            names: self.names,
            kinds: self.kinds,
            chunks: self.chunks.into_iter().filter(|c| c.rows > 0).collect(),
        }
    }
}

/// A table of results (mentions, co-mentions, network nodes or edges) held in Arrow's layout;
/// `to_arrow()` and `to_pandas()` hand it over, `to_pylist()` makes a dict per row.
#[pyclass(frozen, module = "newsner")]
pub struct Table {
    names: Vec<String>,
    kinds: Vec<Kind>,
    chunks: Vec<Chunk>,
}

#[pymethods]
impl Table {
    /// The column names, as in the CLI's CSV header.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.names.clone()
    }

    pub fn __len__(&self) -> usize {
        self.chunks.iter().map(|c| c.rows).sum()
    }

    fn __repr__(&self) -> String {
        format!(
            "<newsner.Table: {} rows, columns {}>",
            self.__len__(),
            self.names.join(", ")
        )
    }

    /// A pyarrow Table (one record batch per chunk); needs pyarrow.
    pub fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        py.import("newsner._arrow")?
            .getattr("table_to_arrow")?
            .call1((slf,))
    }

    /// A pandas DataFrame; uses pyarrow when it is installed, else builds columns of Python
    /// objects.
    pub fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        py.import("newsner._arrow")?
            .getattr("table_to_pandas")?
            .call1((slf,))
    }

    /// The rows as a list of dicts, column name to value (None for a null).
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for c in &self.chunks {
            for i in 0..c.rows {
                let row = PyDict::new(py);
                for (name, col) in self.names.iter().zip(&c.columns) {
                    row.set_item(name, col.value(py, i)?)?;
                }
                out.append(row)?;
            }
        }
        Ok(out)
    }

    /// The columns as a dict of lists.
    fn to_pydict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (k, name) in self.names.iter().enumerate() {
            let values = PyList::empty(py);
            for c in &self.chunks {
                for i in 0..c.rows {
                    values.append(c.columns[k].value(py, i)?)?;
                }
            }
            out.set_item(name, values)?;
        }
        Ok(out)
    }

    /// The column types: `"str"` or `"int"`, for the pyarrow schema.
    fn _kinds(&self) -> Vec<&'static str> {
        self.kinds
            .iter()
            .map(|k| match k {
                Kind::Str => "str",
                Kind::Int => "int",
            })
            .collect()
    }

    fn _chunks(&self) -> usize {
        self.chunks.len()
    }

    /// The Arrow buffers of chunk `i`: its number of rows, and per column the validity bitmap
    /// (or None) with the offsets and data (strings) or the values (integers).
    #[allow(clippy::type_complexity)]
    fn _buffers<'py>(
        &self,
        py: Python<'py>,
        i: usize,
    ) -> PyResult<(
        usize,
        Vec<(Option<Bound<'py, PyBytes>>, Vec<Bound<'py, PyBytes>>)>,
    )> {
        let c = &self.chunks[i];
        let mut cols = Vec::with_capacity(c.columns.len());
        for col in &c.columns {
            let bitmap = |v: &Validity| v.bits.as_ref().map(|b| PyBytes::new(py, b));
            cols.push(match col {
                Column::Str {
                    offsets,
                    data,
                    valid,
                } => {
                    if i32::try_from(data.len()).is_err() {
                        return Err(PyOverflowError::new_err(
                            "a column of one batch holds more than 2 GiB of text",
                        ));
                    }
                    (
                        bitmap(valid),
                        vec![PyBytes::new(py, as_bytes(offsets)), PyBytes::new(py, data)],
                    )
                }
                Column::Int { values, valid } => {
                    (bitmap(valid), vec![PyBytes::new(py, as_bytes(values))])
                }
            });
        }
        Ok((c.rows, cols))
    }
}

/// The bytes of a slice of integers, in native order as Arrow wants them.
fn as_bytes<T: Copy>(v: &[T]) -> &[u8] {
    // SAFETY: i32 and i64 have no padding and every byte of them is initialised.
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast(), std::mem::size_of_val(v)) }
}
