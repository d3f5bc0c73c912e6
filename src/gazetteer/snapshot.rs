//! Compiled gazetteers on disk: a [`Gazetteer`] written once and loaded instead of being rebuilt
//! from TSV (the default: 0.3 s to build, milliseconds to load; 5 million aliases: half a minute to
//! build, a second and a half to load).
//!
//! The format is private to one version of newsner: a magic string, a format number and the
//! crate version, then the entities and the matcher's tables as little-endian arrays, and last a
//! CRC-32 of everything before it. A file from another version is refused with a message that
//! says to compile it again; a damaged file (a flipped byte anywhere) is refused, never half-read.

use super::{Entity, Gazetteer, LatLon};
pub use crate::codec::SnapshotError;
use crate::codec::{Dec, Enc};
use crate::matching::Matcher;
use std::path::Path;

/// The first bytes of a compiled gazetteer.
pub const MAGIC: &[u8; 8] = b"NEWSNERG";
/// Bumped whenever the layout below changes.
const FORMAT: u32 = 15;
/// Bytes of the CRC-32 that ends the file.
const CHECKSUM_BYTES: usize = 4;
/// The fewest bytes an entity takes after the string block: four lengths, the flags, the type,
/// the prominence (coordinates follow only when [`HAS_COORDINATES`] is set).
const ENTITY_BYTES: usize = 4 * 4 + 1 + 2 + 4;
/// Flag: the entity has a country.
const HAS_COUNTRY: u8 = 1;
/// Flag: the entity has coordinates, written as two f64 after the prominence.
const HAS_COORDINATES: u8 = 2;
/// Flag: the entity has a first-level division code.
const HAS_ADMIN1: u8 = 4;
/// Flag: [`Entity::national`].
const NATIONAL: u8 = 8;

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
            let (country, admin1) = (ent.country.as_deref(), ent.admin1.as_deref());
            for s in [
                &*ent.id,
                &*ent.name,
                country.unwrap_or(""),
                admin1.unwrap_or(""),
            ] {
                blob.push_str(s);
                fixed.u32(s.len() as u32);
            }
            let mut flags = 0;
            if ent.country.is_some() {
                flags |= HAS_COUNTRY;
            }
            if ent.coordinates.is_some() {
                flags |= HAS_COORDINATES;
            }
            if ent.admin1.is_some() {
                flags |= HAS_ADMIN1;
            }
            if ent.national {
                flags |= NATIONAL;
            }
            fixed.u8(flags);
            fixed.u16(ent.kind);
            fixed.u32(ent.prominence.to_bits());
            if let Some(at) = ent.coordinates {
                fixed.u64(at.lat.to_bits());
                fixed.u64(at.lon.to_bits());
            }
        }
        e.len(self.entities.len());
        e.str(&blob);
        e.buf.extend_from_slice(&fixed.buf);
        self.matcher.encode(&mut e);
        let crc = crc32fast::hash(&e.buf);
        e.buf.extend_from_slice(&crc.to_le_bytes());
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
        // The version is read before the checksum so that an old file is told to be compiled
        // again rather than called damaged; then the header is read again from the checked body.
        let body = checked_body(bytes)?;
        let mut d = Dec::new(&body[MAGIC.len()..]);
        d.u32()?;
        d.str()?;
        let n = d.len(8)?;
        let mut types = Vec::with_capacity(n);
        for _ in 0..n {
            types.push(d.str()?.into());
        }
        let n = d.len(ENTITY_BYTES)?;
        let mut blob = d.str()?;
        let mut entities: Vec<Entity> = Vec::with_capacity(n);
        let mut next = |d: &mut Dec<'_>| -> Result<&str, SnapshotError> {
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
            let admin1 = next(&mut d)?;
            let flags = d.u8()?;
            if flags & !(HAS_COUNTRY | HAS_COORDINATES | HAS_ADMIN1 | NATIONAL) != 0 {
                return Err(SnapshotError::Corrupt("entity flags"));
            }
            let country = (flags & HAS_COUNTRY != 0).then(|| country.into());
            let admin1 = (flags & HAS_ADMIN1 != 0).then(|| admin1.into());
            let kind = d.u16()?;
            let prominence = f32::from_bits(d.u32()?);
            let coordinates = if flags & HAS_COORDINATES != 0 {
                Some(LatLon {
                    lat: f64::from_bits(d.u64()?),
                    lon: f64::from_bits(d.u64()?),
                })
            } else {
                None
            };
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
                admin1,
                coordinates,
                national: flags & NATIONAL != 0,
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

/// The file without its trailing CRC-32, if the CRC-32 matches.
fn checked_body(bytes: &[u8]) -> Result<&[u8], SnapshotError> {
    let cut = bytes
        .len()
        .checked_sub(CHECKSUM_BYTES)
        .filter(|&c| c >= MAGIC.len())
        .ok_or(SnapshotError::Corrupt("cut short"))?;
    let (body, crc) = bytes.split_at(cut);
    let crc = u32::from_le_bytes(crc.try_into().expect("CHECKSUM_BYTES bytes"));
    if crc32fast::hash(body) != crc {
        return Err(SnapshotError::Corrupt("checksum mismatch"));
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerBuilder;

    const TSV: &str = "id\tname\ttype\taliases\tcountry\tprominence\tlat\tlon\tadmin1\tkind\n\
        putin\tVladimir Putin\tperson\tPutin\tRU\t90\n\
        syria\tSyria\tplace\tSyrian Arab Republic\tSY\t95\n\
        damascus\tDamascus\tplace\t\tSY\t72\t33.5102\t36.29128\t13\n\
        hts\tHayat Tahrir al-Sham\tgroup\tHTS\tSY\t\t\t\t\tarmed group\n";

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
        let damascus = h.entity(h.find("damascus").unwrap());
        assert_eq!(
            damascus.coordinates.map(|c| (c.lat, c.lon)),
            Some((33.5102, 36.29128))
        );
        assert_eq!(damascus.admin1.as_deref(), Some("13"));
        assert!(h.entity(h.find("hts").unwrap()).national);
        assert!(!damascus.national);
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
        // Any one flipped bit past the header is caught by the checksum.
        let header = MAGIC.len() + 4 + 8 + env!("CARGO_PKG_VERSION").len();
        for at in [header, bytes.len() / 2, bytes.len() - 5, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            assert_eq!(
                Gazetteer::from_snapshot(&flipped).err(),
                Some(SnapshotError::Corrupt("checksum mismatch")),
                "flip at {at}"
            );
        }
        let mut other = bytes.clone();
        other[8] = 99;
        assert!(matches!(
            Gazetteer::from_snapshot(&other),
            Err(SnapshotError::Version(_))
        ));
    }
}
