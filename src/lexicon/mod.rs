//! Every word list of newsner, each defined once: the stages that recognise titles, honorifics,
//! stopwords, organisation words or speech verbs read them from here, so that a word added to a
//! list reaches every rule that means that list.
//!
//! Lists are written as the words appear in news (title case unless said otherwise); each stage
//! builds the case forms and lookups it needs.

mod attribution;
mod common;
mod lists;
mod names;
mod orgs;
mod peoples;
mod places;
mod stopwords;
mod titles;

pub(crate) use attribution::*;
pub(crate) use common::{is_wide_given_name, shipped_lists, Lone, Weak, WordLists};
pub(crate) use lists::*;
pub(crate) use names::*;
pub(crate) use orgs::*;
pub(crate) use peoples::*;
pub(crate) use places::*;
pub(crate) use stopwords::*;
pub(crate) use titles::*;
