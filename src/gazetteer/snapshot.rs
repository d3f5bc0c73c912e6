//! Compiled gazetteers on disk: a [`Gazetteer`] written once and loaded instead of being rebuilt
//! from TSV (the default: 0.3 s to build, milliseconds to load; 5 million aliases: half a minute to
//! build, a second and a half to load).
//!
//! The format is private to one version of newsner: a magic string, a format number and the
//! crate version, then the entities and the matcher's tables as little-endian arrays. A file from
//! another version is refused with a message that says to compile it again; a damaged file is
//! refused, never half-read.

use super::{Entity, Gazetteer};
use crate::matching::Matcher;
use std::fmt;
use std::path::Path;

/// The first bytes of a compiled gazetteer.
pub const MAGIC: &[u8; 8] = b"NEWSNERG";
/// Bumped whenever the layout below changes.
const FORMAT: u32 = 9;
/// Bytes per entity after the string block: three lengths, a flag, the type, the prominence.
const ENTITY_BYTES: usize = 3 * 4 + 1 + 2 + 4;

/// Why a compiled gazetteer could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not a compiled gazetteer at all.
    NotASnapshot,
    /// Written by another version of newsner.
    Version(String),
    /// Cut short or damaged.
    Corrupt(&'static str),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotASnapshot => write!(f, "not a compiled gazetteer"),
            SnapshotError::Version(v) => write!(
                f,
                "compiled by newsner {v}, this is {}; compile it again with `newsner gazetteer compile`",
                env!("CARGO_PKG_VERSION")
            ),
            SnapshotError::Corrupt(what) => {
                write!(f, "damaged compiled gazetteer ({what}); compile it again")
            }
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Whether `bytes` start like a compiled gazetteer.
pub fn is_snapshot(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Whether the file at `path` starts like a compiled gazetteer.
pub fn is_snapshot_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && is_snapshot(&head)
}

/// Appends little-endian values to a buffer.
#[derive(Default)]
pub(crate) struct Enc {
    pub(crate) buf: Vec<u8>,
}

impl Enc {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub(crate) fn u16s(&mut self, v: &[u16]) {
        self.len(v.len());
        v.iter().for_each(|&x| self.u16(x));
    }
    pub(crate) fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        v.iter().for_each(|&x| self.u32(x));
    }
    pub(crate) fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        v.iter().for_each(|&x| self.u64(x));
    }
}

/// Reads what [`Enc`] wrote, checking every length against what is left.
pub(crate) struct Dec<'a> {
    bytes: &'a [u8],
}

type R<T> = Result<T, SnapshotError>;

const SHORT: SnapshotError = SnapshotError::Corrupt("cut short");

impl<'a> Dec<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Dec<'a> {
        Dec { bytes }
    }
    fn take(&mut self, n: usize) -> R<&'a [u8]> {
        if n > self.bytes.len() {
            return Err(SHORT);
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }
    fn array<const N: usize>(&mut self) -> R<[u8; N]> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }
    pub(crate) fn u8(&mut self) -> R<u8> {
        Ok(self.array::<1>()?[0])
    }
    pub(crate) fn u16(&mut self) -> R<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub(crate) fn u32(&mut self) -> R<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub(crate) fn u64(&mut self) -> R<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// A count of items of `size` bytes each, refused when more than the bytes left could hold.
    pub(crate) fn len(&mut self, size: usize) -> R<usize> {
        let n = self.u64()?;
        if n.saturating_mul(size.max(1) as u64) > self.bytes.len() as u64 {
            return Err(SHORT);
        }
        Ok(n as usize)
    }
    pub(crate) fn str(&mut self) -> R<&'a str> {
        let n = self.len(1)?;
        std::str::from_utf8(self.take(n)?).map_err(|_| SnapshotError::Corrupt("invalid UTF-8"))
    }
    /// A counted array of N-byte integers.
    fn ints<const N: usize, T>(&mut self, from_le: fn([u8; N]) -> T) -> R<Vec<T>> {
        let n = self.len(N)?;
        let b = self.take(N * n)?;
        Ok(b.chunks_exact(N)
            .map(|c| from_le(c.try_into().expect("N bytes")))
            .collect())
    }
    pub(crate) fn u16s(&mut self) -> R<Vec<u16>> {
        self.ints(u16::from_le_bytes)
    }
    pub(crate) fn u32s(&mut self) -> R<Vec<u32>> {
        self.ints(u32::from_le_bytes)
    }
    pub(crate) fn u64s(&mut self) -> R<Vec<u64>> {
        self.ints(u64::from_le_bytes)
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl Gazetteer {
    /// The compiled form of this gazetteer, for [`Gazetteer::from_snapshot`].
    pub fn to_snapshot(&self) -> Vec<u8> {
        let mut e = Enc::default();
        e.buf.extend_from_slice(MAGIC);
        e.u32(FORMAT);
        e.str(env!("CARGO_PKG_VERSION"));
        e.len(self.types.len());
        self.types.iter().for_each(|t| e.str(t));
        // Entity strings go into one block, checked as UTF-8 once on loading; the entities
        // hold their lengths.
        let mut blob = String::new();
        let mut fixed = Enc::default();
        for ent in &self.entities {
            for s in [&*ent.id, &*ent.name, ent.country.as_deref().unwrap_or("")] {
                blob.push_str(s);
                fixed.u32(s.len() as u32);
            }
            fixed.u8(ent.country.is_some() as u8);
            fixed.u16(ent.kind);
            fixed.u32(ent.prominence.to_bits());
        }
        e.len(self.entities.len());
        e.str(&blob);
        e.buf.extend_from_slice(&fixed.buf);
        self.matcher.encode(&mut e);
        e.buf
    }

    /// Loads a gazetteer written by [`Gazetteer::to_snapshot`].
    pub fn from_snapshot(bytes: &[u8]) -> Result<Gazetteer, SnapshotError> {
        if !is_snapshot(bytes) {
            return Err(SnapshotError::NotASnapshot);
        }
        let mut d = Dec::new(&bytes[MAGIC.len()..]);
        let format = d.u32()?;
        let version = d.str()?;
        if format != FORMAT || version != env!("CARGO_PKG_VERSION") {
            return Err(SnapshotError::Version(format!(
                "{version} (format {format})"
            )));
        }
        let n = d.len(8)?;
        let mut types = Vec::with_capacity(n);
        for _ in 0..n {
            types.push(d.str()?.into());
        }
        let n = d.len(ENTITY_BYTES)?;
        let mut blob = d.str()?;
        let mut entities: Vec<Entity> = Vec::with_capacity(n);
        let mut next = |d: &mut Dec<'_>| -> R<&str> {
            let len = d.u32()? as usize;
            if len > blob.len() || !blob.is_char_boundary(len) {
                return Err(SnapshotError::Corrupt("entity string"));
            }
            let (s, rest) = blob.split_at(len);
            blob = rest;
            Ok(s)
        };
        for _ in 0..n {
            let id: Box<str> = next(&mut d)?.into();
            let name = next(&mut d)?.into();
            let country = next(&mut d)?;
            let country = (d.u8()? != 0).then(|| country.into());
            let kind = d.u16()?;
            let prominence = f32::from_bits(d.u32()?);
            if kind as usize >= types.len() {
                return Err(SnapshotError::Corrupt("entity type out of range"));
            }
            if entities.last().is_some_and(|p| p.id >= id) {
                return Err(SnapshotError::Corrupt("entities out of order"));
            }
            entities.push(Entity {
                id,
                name,
                kind,
                prominence,
                country,
            });
        }
        if !blob.is_empty() {
            return Err(SnapshotError::Corrupt("entity strings left over"));
        }
        let matcher = Matcher::decode(&mut d, entities.len())?;
        if !d.is_empty() {
            return Err(SnapshotError::Corrupt("trailing bytes"));
        }
        Ok(Gazetteer::from_parts(entities, types, matcher))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerBuilder;

    const TSV: &str = "id\tname\ttype\taliases\tcountry\tprominence\n\
        putin\tVladimir Putin\tperson\tPutin\tRU\t90\n\
        syria\tSyria\tplace\tSyrian Arab Republic\tSY\t95\n\
        hts\tHayat Tahrir al-Sham\tgroup\tHTS\tSY\t\n";

    fn build() -> Gazetteer {
        GazetteerBuilder::new()
            .add_text("t.tsv", TSV)
            .build()
            .unwrap()
    }

    #[test]
    fn a_snapshot_loads_back_the_same_gazetteer() {
        let g = build();
        let bytes = g.to_snapshot();
        let h = Gazetteer::from_snapshot(&bytes).unwrap();
        assert_eq!(g.entities(), h.entities());
        assert_eq!(g.types(), h.types());
        assert_eq!(h.find("syria"), g.find("syria"));
        assert_eq!(g.matcher().aliases(), h.matcher().aliases());
        assert_eq!(h.to_snapshot(), bytes, "writing again gives the same bytes");
        let text = "PUTIN said al-Sham (HTS) and Syrian Arab Republic; us, not US.";
        let scan = |g: &Gazetteer| {
            let mut out = Vec::new();
            g.matcher().scan(text, &mut Default::default(), &mut out);
            out
        };
        assert_eq!(scan(&g), scan(&h));
        assert!(!scan(&h).is_empty());
    }

    #[test]
    fn damaged_snapshots_are_refused_not_half_read() {
        let bytes = build().to_snapshot();
        assert_eq!(
            Gazetteer::from_snapshot(b"id\tname\n").err(),
            Some(SnapshotError::NotASnapshot)
        );
        for cut in [9, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                matches!(
                    Gazetteer::from_snapshot(&bytes[..cut]),
                    Err(SnapshotError::Corrupt(_)) | Err(SnapshotError::Version(_))
                ),
                "cut at {cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Gazetteer::from_snapshot(&longer).is_err());
        let mut other = bytes.clone();
        other[8] = 99;
        assert!(matches!(
            Gazetteer::from_snapshot(&other),
            Err(SnapshotError::Version(_))
        ));
    }
}
