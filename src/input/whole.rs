//! Whole-file input: a file (or stream) that is one article, read with limits so a stray binary
//! or huge file is rejected early rather than loaded in full.

use super::decompress::Codec;
use super::{Document, Item, Rejected, UTF8_BOM};
use std::io::{self, Read};

/// Bytes read at a time from a whole-file article.
const READ_CHUNK: usize = 64 * 1024;

/// Formats newsner does not read whose first bytes say what they are, with what to do.
const UNREAD_FORMATS: &[(&[u8], &str)] = &[
    (
        b"\xFF\xFE",
        "UTF-16 text (little-endian): convert it to UTF-8",
    ),
    (b"\xFE\xFF", "UTF-16 text (big-endian): convert it to UTF-8"),
];

/// What a binary-looking file is, when its first bytes tell.
fn unread_format(data: &[u8]) -> Option<&'static str> {
    UNREAD_FORMATS
        .iter()
        .find(|(magic, _)| data.starts_with(magic))
        .map(|&(_, what)| what)
}

/// Reads a whole stream as one text article, stopping early on a NUL byte or when it
/// exceeds `max` bytes, so a stray binary file doesn't get loaded in full.
pub(super) fn read_text(
    mut stream: Box<dyn Read + Send>,
    codec: Codec,
    source: &str,
    id: String,
    max: usize,
) -> Item {
    let mut data = Vec::new();
    let mut chunk = vec![0u8; READ_CHUNK];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let line = line_of(&data, data.len());
                return reject_text(source, line, codec.reason(&e), data.len());
            }
        };
        let start = data.len();
        data.extend_from_slice(&chunk[..n]);
        if let Some(pos) = memchr::memchr(0, &data[start..]) {
            let offset = start + pos;
            let reason = match unread_format(&data) {
                Some(what) => what.to_owned(),
                None => format!("binary file (NUL byte at offset {offset})"),
            };
            return reject_text(source, line_of(&data, offset), reason, data.len());
        }
        if data.len() > max {
            let reason = format!("text too large (over {max} bytes)");
            return reject_text(source, None, reason, data.len());
        }
    }
    let bytes = data.len() as u64;
    let bom = if data.starts_with(UTF8_BOM) {
        data.drain(..UTF8_BOM.len());
        UTF8_BOM.len()
    } else {
        0
    };
    match String::from_utf8(data) {
        Ok(text) => Item::Doc(Document {
            id,
            title: None,
            text,
            date: None,
            bytes,
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let data = e.into_bytes();
            let line = line_of(&data, at);
            let reason = format!("invalid UTF-8 at byte {}", at + bom);
            Item::Rejected(Rejected {
                source: source.to_owned(),
                line,
                reason,
                record: String::new(),
                bytes,
            })
        }
    }
}

/// 1-based line number of byte `offset` in `data`.
fn line_of(data: &[u8], offset: usize) -> Option<u64> {
    let upto = &data[..offset.min(data.len())];
    Some(memchr::memchr_iter(b'\n', upto).count() as u64 + 1)
}

fn reject_text(source: &str, line: Option<u64>, reason: String, bytes: usize) -> Item {
    Item::Rejected(Rejected {
        source: source.to_owned(),
        line,
        reason,
        record: String::new(),
        bytes: bytes as u64,
    })
}
