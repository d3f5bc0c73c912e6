//! What the fuzz targets share with the property tests: the gazetteer they extract with and the
//! checks they make (tests/harness/mod.rs). A failed check panics, which the fuzzer records as a
//! crash.

#[path = "../../tests/harness/mod.rs"]
mod harness;
pub use harness::*;
