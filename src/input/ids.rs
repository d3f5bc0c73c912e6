//! Duplicate document ids: the first record with an id is read, and a later one is rejected with
//! a reason that names where the first was. A document id is the key of every output table
//! (mentions, co-mentions, documents, the report), so two documents under one id would merge
//! there, and the network would count the same article twice.

use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};
use std::num::NonZeroU64;

/// Where each id was first read, kept in little memory: 128 bits of hash per id, not the id
/// itself. Two different ids share a hash with odds of about n²/2¹²⁹, none in any real corpus.
pub(super) struct Ids {
    /// Whether ids are checked at all ([`InputOptions::unique_ids`](super::InputOptions)).
    on: bool,
    /// Hash of an id -> (index into `sources`, line for line-based input).
    first: FxHashMap<u128, (u32, Option<NonZeroU64>)>,
    /// The names of the sources opened so far, in the order they were opened.
    sources: Vec<String>,
}

impl Ids {
    pub(super) fn new(on: bool) -> Ids {
        Ids {
            on,
            first: FxHashMap::default(),
            sources: Vec::new(),
        }
    }

    /// Notes that records now come from `source` (a path, or `<stdin>`).
    pub(super) fn open(&mut self, source: &str) {
        self.sources.push(source.to_owned());
    }

    /// Records `id`, read at `line` of the source opened last; if it was read before, the reason
    /// to reject this record.
    pub(super) fn check(&mut self, id: &str, line: Option<u64>) -> Result<(), String> {
        if !self.on {
            return Ok(());
        }
        let here = (
            self.sources.len().saturating_sub(1) as u32,
            line.and_then(NonZeroU64::new),
        );
        let (source, line) = match self.first.entry(hash128(id)) {
            Entry::Vacant(v) => {
                v.insert(here);
                return Ok(());
            }
            Entry::Occupied(o) => *o.get(),
        };
        let source = self.sources.get(source as usize).map_or("", |s| s);
        let at = line.map(|l| format!(":{l}")).unwrap_or_default();
        Err(format!("duplicate id `{id}`, first read at {source}{at}"))
    }
}

/// Two independent 64-bit hashes of `id` (std's SipHash with fixed keys, so runs agree).
fn hash128(id: &str) -> u128 {
    let half = |salt: u8| {
        let mut h = std::hash::DefaultHasher::new();
        salt.hash(&mut h);
        id.hash(&mut h);
        h.finish() as u128
    };
    half(0) << 64 | half(1)
}
