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

/// Compression detected from the magic bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Codec {
    Plain,
    Gzip,
    Zstd,
}

impl Codec {
    /// Turns a read error into a rejection reason that says which layer failed.
    pub(super) fn reason(self, e: &io::Error) -> String {
        match self {
            Codec::Plain => format!("cannot read: {e}"),
            Codec::Gzip => format!("gzip: {e}"),
            Codec::Zstd => format!("zstd: {e}"),
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
    let mut magic = [0u8; ZSTD_MAGIC.len()];
    let n = read_up_to(&mut raw, &mut magic).map_err(|e| Codec::Plain.reason(&e))?;
    let codec = if magic[..n].starts_with(&GZIP_MAGIC) {
        Codec::Gzip
    } else if magic[..n] == ZSTD_MAGIC {
        Codec::Zstd
    } else {
        Codec::Plain
    };
    let whole: Box<dyn Read + Send> = Box::new(Cursor::new(magic[..n].to_vec()).chain(raw));
    let stream: Box<dyn Read + Send> = match codec {
        Codec::Plain => whole,
        Codec::Gzip => Box::new(GzipMembers::new(whole)),
        Codec::Zstd => {
            Box::new(zstd::stream::read::Decoder::new(whole).map_err(|e| Codec::Zstd.reason(&e))?)
        }
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
