//! The byte encoding of compiled gazetteers: little-endian integers, counted arrays and strings,
//! written by [`Enc`] and read back by [`Dec`], which checks every length against the bytes left
//! so that a damaged file is refused, never half-read.

use std::fmt;

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
    /// A counted array of records of `size` bytes each, as one slice of bytes.
    pub(crate) fn records(&mut self, size: usize) -> R<&'a [u8]> {
        let n = self.len(size)?;
        self.take(n * size)
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
    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}
