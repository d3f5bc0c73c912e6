//! Line-based input (one article per line, or JSONL): read line by line into a reused buffer,
//! each line becoming a document or a rejection that names its line.

use super::decompress::Codec;
use super::jsonl::parse_record;
use super::{Document, Fields, Item, Rejected, MAX_RECORD_CHARS, UTF8_BOM};
use std::io::{self, BufRead, BufReader, Read};

/// Read buffer size for line-oriented input.
const BUF_CAPACITY: usize = 256 * 1024;

/// A line buffer grown past this many bytes (by an unusually long line) is dropped after use
/// rather than kept for the lines after it.
const KEPT_LINE_BUFFER: usize = 4 * BUF_CAPACITY;

/// Bytes of an overlong line kept for the reject log: enough for [`MAX_RECORD_CHARS`]
/// characters of up to four bytes each.
const OVERLONG_HEAD: usize = MAX_RECORD_CHARS * 4;

/// Line-based formats (the ones read incrementally).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LineFormat {
    Lines,
    Jsonl,
}

/// The file or stream currently being read line by line.
pub(super) struct LineSource {
    reader: BufReader<Box<dyn Read + Send>>,
    codec: Codec,
    format: LineFormat,
    /// Name for [`Rejected::source`].
    source: String,
    /// Prefix for fallback ids (`"<prefix>:<line>"`); `None` for stdin (ids are just the line).
    id_prefix: Option<String>,
    line: u64,
    /// Reused across lines so steady-state reading does not allocate per line.
    buf: Vec<u8>,
    done: bool,
}

/// Why reading a line stopped early.
enum LineError {
    Io(io::Error),
    TooLong(u64),
}

/// Lossy text of a raw record: whole, unless the line was too long to hold (`overlong`), when
/// only its head was kept.
fn record_text(raw: &[u8], overlong: bool) -> String {
    let mut s = String::from_utf8_lossy(raw).into_owned();
    if !overlong {
        return s;
    }
    if let Some((cut, _)) = s.char_indices().nth(MAX_RECORD_CHARS) {
        s.truncate(cut);
    }
    s.push('…');
    s
}

impl LineSource {
    /// A source reading `stream` (already decompressed) line by line; `source` names it in
    /// rejections and `id_prefix` begins the ids of records that have none.
    pub(super) fn new(
        stream: Box<dyn Read + Send>,
        codec: Codec,
        format: LineFormat,
        source: String,
        id_prefix: Option<String>,
    ) -> LineSource {
        LineSource {
            reader: BufReader::with_capacity(BUF_CAPACITY, stream),
            codec,
            format,
            source,
            id_prefix,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Next document or rejection from this source; `None` once it is exhausted or failed.
    pub(super) fn next_item(&mut self, fields: &Fields, max: usize) -> Option<Item> {
        // The buffer holds the last line until here, for a rejection made after it was read.
        self.release_buffer();
        while !self.done {
            self.buf.clear();
            let result = read_line(&mut self.reader, &mut self.buf, max);
            let raw_len = match result {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(n) => n,
                Err(err) => {
                    self.line += 1;
                    // Truncated/corrupt stream or a monster line: report where we got to.
                    // A stream error ends this source; an overlong line only skips that line.
                    let (reason, bytes) = match err {
                        LineError::Io(e) => {
                            self.done = true;
                            (self.codec.reason(&e), self.buf.len() as u64)
                        }
                        LineError::TooLong(n) => (format!("line too long (over {max} bytes)"), n),
                    };
                    let mut item = self.reject(reason, bytes);
                    if let Item::Rejected(r) = &mut item {
                        r.record = record_text(&self.buf, true);
                    }
                    return Some(item);
                }
            };
            self.line += 1;
            let item = self.parse_line(fields, raw_len as u64);
            if item.is_some() {
                return item;
            }
        }
        None
    }

    /// Keeps the reused buffer from pinning memory after an unusually long line.
    fn release_buffer(&mut self) {
        if self.buf.capacity() > KEPT_LINE_BUFFER {
            self.buf = Vec::new();
        }
    }

    /// A rejection of the line read last, kept whole.
    pub(super) fn reject(&self, reason: String, bytes: u64) -> Item {
        Item::Rejected(Rejected {
            source: self.source.clone(),
            line: Some(self.line),
            reason,
            record: record_text(&self.buf, false),
            bytes,
        })
    }

    /// The 1-based number of the line read last.
    pub(super) fn line(&self) -> u64 {
        self.line
    }

    fn fallback_id(&self) -> String {
        match &self.id_prefix {
            Some(p) => format!("{p}:{}", self.line),
            None => self.line.to_string(),
        }
    }

    /// Turns the line in `self.buf` into an item; `None` for a blank line.
    fn parse_line(&self, fields: &Fields, bytes: u64) -> Option<Item> {
        let mut content: &[u8] = &self.buf;
        content = content.strip_suffix(b"\n").unwrap_or(content);
        content = content.strip_suffix(b"\r").unwrap_or(content);
        let mut skipped = 0;
        if self.line == 1 {
            if let Some(rest) = content.strip_prefix(UTF8_BOM) {
                content = rest;
                skipped = UTF8_BOM.len();
            }
        }
        if content.trim_ascii().is_empty() {
            return None;
        }
        let text = match std::str::from_utf8(content) {
            Ok(t) => t,
            Err(e) => {
                let reason = format!("invalid UTF-8 at byte {}", e.valid_up_to() + skipped);
                return Some(self.reject(reason, bytes));
            }
        };
        if self.format == LineFormat::Lines {
            return Some(Item::Doc(Document {
                id: self.fallback_id(),
                title: None,
                text: text.to_owned(),
                date: None,
                bytes,
            }));
        }
        match parse_record(text, fields) {
            Ok(rec) => {
                let id = rec.id.unwrap_or_else(|| self.fallback_id());
                Some(Item::Doc(Document {
                    id,
                    title: rec.title,
                    text: rec.text,
                    date: rec.date,
                    bytes,
                }))
            }
            Err(reason) => Some(self.reject(reason.to_string(), bytes)),
        }
    }
}

/// Reads one line (through `\n`) into `buf`, like `BufRead::read_until`, but refuses to hold
/// more than `max` bytes: an overlong line is consumed and dropped, keeping memory flat.
/// Returns the number of bytes the line took in the input (0 at end of stream).
fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, max: usize) -> Result<usize, LineError> {
    let mut total = 0usize;
    let mut too_long = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(LineError::Io(e)),
        };
        if available.is_empty() {
            break;
        }
        let (take, found) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + take > max {
                too_long = true;
                // Keep a head of the line for the reject log, drop the rest.
                let keep = OVERLONG_HEAD.saturating_sub(buf.len()).min(take);
                buf.extend_from_slice(&available[..keep]);
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        r.consume(take);
        total += take;
        if found {
            break;
        }
    }
    if too_long {
        Err(LineError::TooLong(total as u64))
    } else {
        Ok(total)
    }
}
