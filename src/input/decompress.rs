//! Compression and format sniffing: a stream is wrapped in the decompressor its magic bytes
//! call for, and a stream of unknown format is told JSONL or text by its first bytes.

use super::{Format, UTF8_BOM};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How much leading whitespace we are willing to buffer while sniffing stdin's format.
const MAX_SNIFF_BYTES: usize = 1024 * 1024;

/// Bytes read at a time while sniffing: the first line of a stream is usually much shorter.
const SNIFF_CHUNK: usize = 8192;

/// The first bytes of a gzip member (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The first bytes of a zstd frame (RFC 8878).
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

/// The first bytes of an xz stream (the .xz file format, 2.1.1.1).
const XZ_MAGIC: [u8; 6] = [0xfd, b'7', b'z', b'X', b'Z', 0];

/// The first bytes of a bzip2 stream: "BZh", the block size ('1' to '9'), then the magic of a
/// first block (the digits of pi) or of the end of an empty stream (those of sqrt(pi)), so that
/// a text that happens to begin with "BZh9" is still read as text.
fn is_bzip2(magic: &[u8]) -> bool {
    const BLOCK: [u8; 6] = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];
    const END: [u8; 6] = [0x17, 0x72, 0x45, 0x38, 0x50, 0x90];
    magic.len() == 10
        && magic.starts_with(b"BZh")
        && (b'1'..=b'9').contains(&magic[3])
        && (magic[4..] == BLOCK || magic[4..] == END)
}

/// Bytes looked at to tell the compression: enough for the longest magic (bzip2's).
const MAGIC_BYTES: usize = 10;

/// Compression detected from the magic bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Codec {
    Plain,
    Gzip,
    Zstd,
    Xz,
    Bzip2,
}

impl Codec {
    /// Turns a read error into a rejection reason that says which layer failed.
    pub(super) fn reason(self, e: &io::Error) -> String {
        match self {
            Codec::Plain => format!("cannot read: {e}"),
            Codec::Gzip => format!("gzip: {e}"),
            Codec::Zstd => format!("zstd: {e}"),
            Codec::Xz => format!("xz: {e}"),
            Codec::Bzip2 => format!("bzip2: {e}"),
        }
    }
}

/// Counts raw bytes as they are pulled from disk/stdin, before decompression, so progress
/// is comparable with [`Reader::size_hint`](super::Reader::size_hint).
pub(super) struct Counting<R> {
    pub(super) inner: R,
    pub(super) counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads into `buf` until it is full or the stream ends; returns how many bytes were read.
fn read_up_to(r: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Wraps a raw stream in the decompressor its magic bytes call for. The peeked bytes are
/// put back in front, so this works on pipes as well as files.
pub(super) fn decompress(
    mut raw: Box<dyn Read + Send>,
) -> Result<(Box<dyn Read + Send>, Codec), String> {
    let mut magic = [0u8; MAGIC_BYTES];
    let n = read_up_to(&mut raw, &mut magic).map_err(|e| Codec::Plain.reason(&e))?;
    let magic = &magic[..n];
    let codec = if magic.starts_with(&GZIP_MAGIC) {
        Codec::Gzip
    } else if magic.starts_with(&ZSTD_MAGIC) {
        Codec::Zstd
    } else if magic.starts_with(&XZ_MAGIC) {
        Codec::Xz
    } else if is_bzip2(magic) {
        Codec::Bzip2
    } else {
        Codec::Plain
    };
    let whole: Box<dyn Read + Send> = Box::new(Cursor::new(magic.to_vec()).chain(raw));
    let stream: Box<dyn Read + Send> = match codec {
        Codec::Plain => whole,
        Codec::Gzip => Box::new(GzipMembers::new(whole)),
        Codec::Zstd => {
            Box::new(zstd::stream::read::Decoder::new(whole).map_err(|e| Codec::Zstd.reason(&e))?)
        }
        // Several streams one after another, as `cat a.xz b.xz` and pbzip2 write them.
        Codec::Xz => Box::new(lzma_rust2::XzReader::new(whole, true)),
        Codec::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(whole)),
    };
    Ok((stream, codec))
}

/// Decides a stream's format from content: JSONL if the first non-whitespace byte (after a
/// BOM) is `{`, else text. The bytes looked at are put back in front of the stream.
pub(super) fn sniff(
    mut stream: Box<dyn Read + Send>,
    codec: Codec,
) -> Result<(Format, Box<dyn Read + Send>), String> {
    let mut prefix = Vec::new();
    let mut chunk = [0u8; SNIFF_CHUNK];
    let format = loop {
        let n = match stream.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(codec.reason(&e)),
        };
        if n == 0 {
            break Format::Text;
        }
        prefix.extend_from_slice(&chunk[..n]);
        let body = prefix.strip_prefix(UTF8_BOM).unwrap_or(&prefix);
        if let Some(&b) = body.iter().find(|b| !b.is_ascii_whitespace()) {
            break if b == b'{' {
                Format::Jsonl
            } else {
                Format::Text
            };
        }
        // A BOM may be split across reads; only give up after a lot of pure whitespace.
        if prefix.len() > MAX_SNIFF_BYTES {
            break Format::Text;
        }
    };
    Ok((format, Box::new(Cursor::new(prefix).chain(stream))))
}

/// Bytes of compressed input buffered under the gzip decoder.
const GZIP_BUFFER: usize = 32 * 1024;

/// A gzip stream read member after member, so that concatenated files (`cat a.gz b.gz`) read
/// completely, like gzip(1) reads them; bytes after the last member that do not begin another
/// are an error that says so (a decoder asked to read them as a header only finds "unexpected
/// end of file").
struct GzipMembers {
    /// The member being read; `None` once the stream has ended or failed.
    member: Option<flate2::bufread::GzDecoder<BufReader<Box<dyn Read + Send>>>>,
}

impl GzipMembers {
    fn new(raw: Box<dyn Read + Send>) -> GzipMembers {
        let buffered = BufReader::with_capacity(GZIP_BUFFER, raw);
        GzipMembers {
            member: Some(flate2::bufread::GzDecoder::new(buffered)),
        }
    }
}

impl Read for GzipMembers {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while let Some(member) = self.member.as_mut() {
            let n = member.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // The member has ended: what follows is the end, another member, or garbage.
            let mut rest = self.member.take().expect("a member").into_inner();
            let next = rest.fill_buf()?;
            if next.is_empty() {
                return Ok(0);
            }
            if next[0] != GZIP_MAGIC[0] {
                let garbage = io::copy(&mut rest, &mut io::sink())?;
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{garbage} bytes after the end of the compressed data (not gzip)"),
                ));
            }
            self.member = Some(flate2::bufread::GzDecoder::new(rest));
        }
        Ok(0)
    }
}
