//! newsner for Python: the library's extractor behind a Python class, with results as objects,
//! pyarrow tables or pandas frames, so that notebooks and Spark jobs run the same extraction as
//! the CLI without parsing its CSV.

mod docs;
mod extractor;
mod gazetteer;
mod results;
mod run;
mod table;

use extractor::Extractor;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use results::{Comentions, Mention, Mentions, Network, Pair};
use table::Table;

/// mimalloc for the extension's own allocations, as in the CLI: extraction makes many small
/// short-lived ones. Python's objects keep Python's allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
