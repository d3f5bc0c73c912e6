//! Reading documents: turns files, folders and stdin (plain, gzip or zstd; whole-file text, one
//! article per line, or JSONL) into a single ordered stream of [`Item`]s, so the rest of the
//! pipeline never deals with formats, compression or broken input. Bad records become
//! [`Rejected`] items instead of errors so a run never stops, and never silently loses data.

use std::collections::VecDeque;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// Longest raw record kept in [`Rejected::record`], in characters.
const MAX_RECORD_CHARS: usize = 10_000;

/// Largest single record (a JSONL/Lines line or a whole text file) we hold in memory. Anything
/// bigger is rejected rather than allowed to grow memory without bound.
const MAX_RECORD_BYTES: usize = 1024 * 1024 * 1024;

/// Read buffer size for line-oriented input.
const BUF_CAPACITY: usize = 256 * 1024;

/// How much leading whitespace we are willing to buffer while sniffing stdin's format.
const MAX_SNIFF_BYTES: usize = 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Name used as [`Rejected::source`] for standard input.
const STDIN_NAME: &str = "<stdin>";

/// One article to process.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Document id: the JSON id (string, or number rendered as text), else a fallback
    /// (`"<source>:<line>"` for line-based input, the path for a text file).
    pub id: String,
    /// Optional headline.
    pub title: Option<String>,
    /// The article body.
    pub text: String,
    /// Optional publication date, as given.
    pub date: Option<String>,
    /// Raw bytes this record took in the (uncompressed) input: the line including its newline,
    /// or the whole file.
    pub bytes: u64,
}

/// A record that could not be read, kept so nothing is silently lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The path as given or found while walking, or `"<stdin>"`.
    pub source: String,
    /// 1-based line number for line-based input; for a text file, the line of the offending
    /// byte when there is one; otherwise `None`.
    pub line: Option<u64>,
    /// Short, specific reason, e.g. `"missing field `text`"`.
    pub reason: String,
    /// The raw record (lossy UTF-8, cut to 10,000 characters); empty for whole files.
    pub record: String,
    /// Raw bytes this record took in the (uncompressed) input, as far as it was read.
    pub bytes: u64,
}

/// One unit of output from the [`Reader`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A document ready for extraction.
    Doc(Document),
    /// A record that could not be read.
    Rejected(Rejected),
}

/// How input is split into documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// By file name (`*.jsonl`/`*.ndjson`, optionally compressed, => JSONL, else text); for
    /// streams, JSONL if the first non-whitespace byte is `{`, else text.
    Auto,
    /// Each file (or stdin) is one article.
    Text,
    /// Each non-empty line is one article.
    Lines,
    /// One JSON object per line.
    Jsonl,
}

/// Names of the JSON fields read from JSONL records.
#[derive(Clone, Debug)]
pub struct Fields {
    /// Field holding the document id (default `"id"`).
    pub id: String,
    /// Field holding the article text (default `"text"`); required.
    pub text: String,
    /// Field holding the title (default `"title"`).
    pub title: String,
    /// Field holding the date (default `"date"`).
    pub date: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".to_owned(),
            text: "text".to_owned(),
            title: "title".to_owned(),
            date: "date".to_owned(),
        }
    }
}

/// Options for the [`Reader`].
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// How to split input into documents.
    pub format: Format,
    /// JSON field names for JSONL input.
    pub fields: Fields,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: Format::Auto,
            fields: Fields::default(),
        }
    }
}

/// A stream handed over by the caller (stdin, or any reader in tests and embedding).
struct Stream {
    name: String,
    reader: Box<dyn Read + Send>,
}

/// One pending unit of work, resolved up front so the order (and the size hint) is fixed.
enum Entry {
    File(PathBuf),
    Stream(Stream),
    Rejected(Rejected),
}

/// Compression detected from the magic bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Codec {
    Plain,
    Gzip,
    Zstd,
}

impl Codec {
    /// Turns a read error into a rejection reason that says which layer failed.
    fn reason(self, e: &io::Error) -> String {
        match self {
            Codec::Plain => format!("cannot read: {e}"),
            Codec::Gzip => format!("gzip: {e}"),
            Codec::Zstd => format!("zstd: {e}"),
        }
    }
}

/// Line-based formats (the ones read incrementally).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineFormat {
    Lines,
    Jsonl,
}

/// Counts raw bytes as they are pulled from disk/stdin, before decompression, so progress
/// is comparable with [`Reader::size_hint`].
struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The file or stream currently being read line by line.
struct LineSource {
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

/// Streams items from paths in a deterministic order. An empty `paths` or a path "-" means stdin.
pub struct Reader {
    queue: VecDeque<Entry>,
    current: Option<LineSource>,
    opts: InputOptions,
    counter: Arc<AtomicU64>,
    size_hint: Option<u64>,
    /// Per-record memory cap; a field (not just the constant) so tests can exercise it cheaply.
    max_record: usize,
}

impl Reader {
    /// Builds a reader over files, folders (walked recursively, sorted, hidden entries
    /// skipped) and `-` for stdin. Paths that cannot be read become [`Rejected`] items in place.
    pub fn new(paths: &[PathBuf], opts: InputOptions) -> Reader {
        let mut queue = VecDeque::new();
        let mut size: Option<u64> = Some(0);
        let mut stdin_seen = false;
        let stdin_path = [PathBuf::from("-")];
        let paths = if paths.is_empty() {
            &stdin_path[..]
        } else {
            paths
        };
        for path in paths {
            if path.as_os_str() == "-" {
                size = None;
                if stdin_seen {
                    // Stdin can only be consumed once; a second mention would read nothing.
                    queue.push_back(Entry::Rejected(reject_whole(
                        STDIN_NAME,
                        "stdin given more than once",
                    )));
                } else {
                    stdin_seen = true;
                    queue.push_back(Entry::Stream(Stream {
                        name: STDIN_NAME.to_owned(),
                        reader: Box::new(io::stdin()),
                    }));
                }
                continue;
            }
            match fs::metadata(path) {
                Err(e) => queue.push_back(Entry::Rejected(reject_whole(
                    &path.display().to_string(),
                    &format!("cannot read: {e}"),
                ))),
                Ok(meta) if meta.is_dir() => {
                    let mut found = Vec::new();
                    walk(path, &mut found);
                    for (entry, len) in found {
                        add_size(&mut size, len);
                        queue.push_back(entry);
                    }
                }
                Ok(meta) => {
                    // Named pipes and the like are read if given explicitly, but have no size.
                    add_size(&mut size, meta.is_file().then_some(meta.len()));
                    queue.push_back(Entry::File(path.clone()));
                }
            }
        }
        Reader {
            queue,
            current: None,
            opts,
            counter: Arc::new(AtomicU64::new(0)),
            size_hint: size,
            max_record: MAX_RECORD_BYTES,
        }
    }

    /// Builds a reader over one already-open stream (used for stdin with name `"<stdin>"`).
    /// The stream may be compressed; in [`Format::Auto`] its format is sniffed from content.
    pub fn from_reader(name: &str, r: Box<dyn Read + Send>, opts: InputOptions) -> Reader {
        let mut queue = VecDeque::new();
        queue.push_back(Entry::Stream(Stream {
            name: name.to_owned(),
            reader: r,
        }));
        Reader {
            queue,
            current: None,
            opts,
            counter: Arc::new(AtomicU64::new(0)),
            size_hint: None,
            max_record: MAX_RECORD_BYTES,
        }
    }

    /// Total input size in bytes when cheaply known (sum of regular file sizes on disk,
    /// compressed size for compressed files; None if stdin is involved). Used for ETA.
    pub fn size_hint(&self) -> Option<u64> {
        self.size_hint
    }

    /// Bytes read so far from disk/stdin (compressed bytes for compressed files) — comparable
    /// to size_hint, for progress.
    pub fn bytes_read(&self) -> u64 {
        self.counter.load(Ordering::Relaxed)
    }

    /// Opens the next entry: returns an item directly for whole-file input and failures, or
    /// installs a line source and returns `None`.
    fn start(&mut self, entry: Entry) -> Option<Item> {
        let (source, text_id, id_prefix, raw, format): (String, String, Option<String>, _, _) =
            match entry {
                Entry::Rejected(r) => return Some(Item::Rejected(r)),
                Entry::File(path) => {
                    let shown = path.display().to_string();
                    let file = match fs::File::open(&path) {
                        Ok(f) => f,
                        Err(e) => {
                            return Some(Item::Rejected(reject_whole(
                                &shown,
                                &format!("cannot read: {e}"),
                            )))
                        }
                    };
                    let format = match self.opts.format {
                        Format::Auto => Some(format_from_name(&path)),
                        f => Some(f),
                    };
                    let raw: Box<dyn Read + Send> = Box::new(file);
                    (shown.clone(), shown.clone(), Some(shown), raw, format)
                }
                Entry::Stream(s) => {
                    let is_stdin = s.name == STDIN_NAME;
                    let text_id = if is_stdin {
                        "-".to_owned()
                    } else {
                        s.name.clone()
                    };
                    let prefix = (!is_stdin).then(|| s.name.clone());
                    let format = match self.opts.format {
                        Format::Auto => None,
                        f => Some(f),
                    };
                    (s.name, text_id, prefix, s.reader, format)
                }
            };

        let counted: Box<dyn Read + Send> = Box::new(Counting {
            inner: raw,
            counter: Arc::clone(&self.counter),
        });
        let (mut stream, codec) = match decompress(counted) {
            Ok(x) => x,
            Err(reason) => return Some(Item::Rejected(reject_whole(&source, &reason))),
        };
        let format = match format {
            Some(f) => f,
            None => match sniff(stream, codec) {
                Ok((f, s)) => {
                    stream = s;
                    f
                }
                Err(reason) => return Some(Item::Rejected(reject_whole(&source, &reason))),
            },
        };
        let line_format = match format {
            Format::Text | Format::Auto => {
                return Some(read_text(stream, codec, &source, text_id, self.max_record))
            }
            Format::Lines => LineFormat::Lines,
            Format::Jsonl => LineFormat::Jsonl,
        };
        self.current = Some(LineSource {
            reader: BufReader::with_capacity(BUF_CAPACITY, stream),
            codec,
            format: line_format,
            source,
            id_prefix,
            line: 0,
            buf: Vec::new(),
            done: false,
        });
        None
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(item) = cur.next_item(&self.opts.fields, self.max_record) {
                    return Some(item);
                }
                self.current = None;
            }
            let entry = self.queue.pop_front()?;
            if let Some(item) = self.start(entry) {
                return Some(item);
            }
        }
    }
}

/// Adds a file's size to the running total; one unknown size makes the total unknown.
fn add_size(total: &mut Option<u64>, n: Option<u64>) {
    *total = match (*total, n) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        _ => None,
    };
}

/// Walks a folder depth-first, entries sorted by name at each level, hidden entries skipped.
/// Symlinks to files are followed; symlinks to folders are not (that could loop forever).
/// Each found file comes with its size on disk, when known.
fn walk(dir: &Path, out: &mut Vec<(Entry, Option<u64>)>) {
    let shown = || dir.display().to_string();
    let read = match fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            let r = reject_whole(&shown(), &format!("cannot open directory: {e}"));
            out.push((Entry::Rejected(r), Some(0)));
            return;
        }
    };
    let mut entries = Vec::new();
    for entry in read {
        match entry {
            Ok(e) => entries.push(e),
            Err(e) => {
                let r = reject_whole(&shown(), &format!("cannot open directory: {e}"));
                out.push((Entry::Rejected(r), Some(0)));
            }
        }
    }
    // OsStr ordering is byte order on Unix, which is what makes the walk deterministic.
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.as_encoded_bytes().first() == Some(&b'.') {
            continue;
        }
        let path = entry.path();
        let file_type = match entry.file_type() {
            Ok(t) => t,
            Err(e) => {
                let r = reject_whole(&path.display().to_string(), &format!("cannot read: {e}"));
                out.push((Entry::Rejected(r), Some(0)));
                continue;
            }
        };
        if file_type.is_dir() {
            walk(&path, out);
            continue;
        }
        // A folder of articles often holds a README or a script beside them: files that are
        // clearly not articles are left out of a walk (a file named on the command line is
        // always read).
        if !looks_like_article(&path) {
            continue;
        }
        // `fs::metadata` follows symlinks, so a link to a file is judged by its target.
        match fs::metadata(&path) {
            Ok(meta) if meta.is_file() => out.push((Entry::File(path), Some(meta.len()))),
            // Linked folders, sockets, pipes and devices found while walking are not articles.
            Ok(_) => {}
            Err(e) => {
                let r = reject_whole(&path.display().to_string(), &format!("cannot read: {e}"));
                out.push((Entry::Rejected(r), Some(0)));
            }
        }
    }
}

/// Extensions of files that are not articles: documentation, code, tables, images, archives.
const NOT_ARTICLES: &[&str] = &[
    "md", "markdown", "rst", "py", "rs", "toml", "yml", "yaml", "csv", "tsv", "sh", "lock", "png",
    "jpg", "jpeg", "gif", "svg", "pdf", "zip", "tar", "exe", "so", "o", "pyc",
];

/// Whether a file found in a folder may be an article (by its extension, compression aside).
fn looks_like_article(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let base = [".gz", ".gzip", ".zst", ".zstd"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(&name);
    match base.rsplit_once('.') {
        Some((_, ext)) => !NOT_ARTICLES.contains(&ext),
        None => true,
    }
}

/// Decides JSONL vs text from the file name, ignoring a compression suffix.
fn format_from_name(path: &Path) -> Format {
    let name = match path.file_name() {
        Some(n) => n.to_string_lossy().to_ascii_lowercase(),
        None => return Format::Text,
    };
    let base = [".gz", ".gzip", ".zst", ".zstd"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(&name);
    if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
        Format::Jsonl
    } else {
        Format::Text
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
fn decompress(mut raw: Box<dyn Read + Send>) -> Result<(Box<dyn Read + Send>, Codec), String> {
    let mut magic = [0u8; 4];
    let n = read_up_to(&mut raw, &mut magic).map_err(|e| Codec::Plain.reason(&e))?;
    let codec = if n >= 2 && magic[..2] == [0x1f, 0x8b] {
        Codec::Gzip
    } else if n == 4 && magic == [0x28, 0xb5, 0x2f, 0xfd] {
        Codec::Zstd
    } else {
        Codec::Plain
    };
    let whole: Box<dyn Read + Send> = Box::new(Cursor::new(magic[..n].to_vec()).chain(raw));
    let stream: Box<dyn Read + Send> = match codec {
        Codec::Plain => whole,
        // Multi-member so concatenated .gz files (`cat a.gz b.gz`) read completely.
        Codec::Gzip => Box::new(flate2::read::MultiGzDecoder::new(whole)),
        Codec::Zstd => {
            Box::new(zstd::stream::read::Decoder::new(whole).map_err(|e| Codec::Zstd.reason(&e))?)
        }
    };
    Ok((stream, codec))
}

/// Decides a stream's format from content: JSONL if the first non-whitespace byte (after a
/// BOM) is `{`, else text. The bytes looked at are put back in front of the stream.
fn sniff(
    mut stream: Box<dyn Read + Send>,
    codec: Codec,
) -> Result<(Format, Box<dyn Read + Send>), String> {
    let mut prefix = Vec::new();
    let mut chunk = [0u8; 8192];
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

/// Reads a whole stream as one text article, stopping early on a NUL byte or when it
/// exceeds `max` bytes, so a stray binary file doesn't get loaded in full.
fn read_text(
    mut stream: Box<dyn Read + Send>,
    codec: Codec,
    source: &str,
    id: String,
    max: usize,
) -> Item {
    let mut data = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
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
            let reason = format!("binary file (NUL byte at offset {offset})");
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

/// A rejection of a whole file or stream before any record was read.
fn reject_whole(source: &str, reason: &str) -> Rejected {
    Rejected {
        source: source.to_owned(),
        line: None,
        reason: reason.to_owned(),
        record: String::new(),
        bytes: 0,
    }
}

/// Lossy text of a raw record, cut so one giant bad line can't bloat the reject log.
fn record_text(raw: &[u8]) -> String {
    let mut s = String::from_utf8_lossy(raw).into_owned();
    if let Some((cut, _)) = s.char_indices().nth(MAX_RECORD_CHARS) {
        s.truncate(cut);
        s.push('…');
    }
    s
}

impl LineSource {
    /// Next document or rejection from this source; `None` once it is exhausted or failed.
    fn next_item(&mut self, fields: &Fields, max: usize) -> Option<Item> {
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
                    let item = self.reject(reason, bytes);
                    self.release_buffer();
                    return Some(item);
                }
            };
            self.line += 1;
            let item = self.parse_line(fields, raw_len as u64);
            self.release_buffer();
            if item.is_some() {
                return item;
            }
        }
        None
    }

    /// Keeps the reused buffer from pinning memory after an unusually long line.
    fn release_buffer(&mut self) {
        if self.buf.capacity() > 4 * BUF_CAPACITY {
            self.buf = Vec::new();
        }
    }

    fn reject(&self, reason: String, bytes: u64) -> Item {
        Item::Rejected(Rejected {
            source: self.source.clone(),
            line: Some(self.line),
            reason,
            record: record_text(&self.buf),
            bytes,
        })
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
                let keep = (MAX_RECORD_CHARS * 4).saturating_sub(buf.len()).min(take);
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

/// The fields of one JSONL record that we keep.
struct Record {
    id: Option<String>,
    text: String,
    title: Option<String>,
    date: Option<String>,
}

/// Why a JSONL line was rejected.
#[derive(Debug)]
enum RecordError {
    Json(String),
    NotObject(&'static str),
    MissingText(String),
    TextNotString(String),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Json(msg) => write!(f, "invalid JSON: {msg}"),
            RecordError::NotObject(kind) => write!(f, "not a JSON object (found {kind})"),
            RecordError::MissingText(name) => write!(f, "missing field `{name}`"),
            RecordError::TextNotString(name) => write!(f, "field `{name}` is not a string"),
        }
    }
}

/// Parses one JSONL line. Only the configured fields are materialised; everything else is
/// skipped without allocating, which matters at millions of records.
fn parse_record(line: &str, fields: &Fields) -> Result<Record, RecordError> {
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = RecordSeed { fields }
        .deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| RecordError::Json(json_message(&e)))?;
    let raw = match parsed {
        Parsed::Object(raw) => raw,
        Parsed::NotObject(kind) => return Err(RecordError::NotObject(kind)),
    };
    let text = match raw.text {
        None => return Err(RecordError::MissingText(fields.text.clone())),
        Some(FieldValue::Str(s)) => s,
        Some(_) => return Err(RecordError::TextNotString(fields.text.clone())),
    };
    let id = match raw.id {
        Some(FieldValue::Str(s)) if !s.trim().is_empty() => Some(s),
        Some(FieldValue::Num(n)) => Some(n),
        // Missing, empty, or not a string/number: the caller falls back to source:line.
        _ => None,
    };
    let string = |v: Option<FieldValue>| match v {
        Some(FieldValue::Str(s)) => Some(s),
        _ => None,
    };
    Ok(Record {
        id,
        text,
        title: string(raw.title),
        date: string(raw.date),
    })
}

/// serde_json's message with the position as "at column N" (every record is one line).
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(msg) => format!("{msg} at column {}", e.column()),
        None => full,
    }
}

/// The configured fields of a JSON object, before type checks.
#[derive(Default)]
struct RawRecord {
    id: Option<FieldValue>,
    text: Option<FieldValue>,
    title: Option<FieldValue>,
    date: Option<FieldValue>,
}

/// A field value reduced to what we can use. Deserializing straight into this (rather than a
/// `serde_json::Value`) keeps the per-record cost down and skips nested values without
/// building them.
enum FieldValue {
    Str(String),
    /// A number rendered as text.
    Num(String),
    Other,
}

impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<FieldValue, D::Error> {
        d.deserialize_any(FieldValueVisitor)
    }
}

struct FieldValueVisitor;

impl<'de> Visitor<'de> for FieldValueVisitor {
    type Value = FieldValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldValue, E> {
        Ok(FieldValue::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<FieldValue, E> {
        Ok(FieldValue::Str(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FieldValue, E> {
        Ok(FieldValue::Num(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FieldValue, E> {
        Ok(FieldValue::Num(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FieldValue, E> {
        // serde_json's own rendering, so e.g. 1.5 stays "1.5"; non-finite can't come from JSON.
        Ok(match serde_json::Number::from_f64(v) {
            Some(n) => FieldValue::Num(n.to_string()),
            None => FieldValue::Other,
        })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<FieldValue, E> {
        Ok(FieldValue::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<FieldValue, E> {
        Ok(FieldValue::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FieldValue, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(FieldValue::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldValue, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(FieldValue::Other)
    }
}

enum Parsed {
    Object(RawRecord),
    NotObject(&'static str),
}

/// Deserializes a top-level JSON value, keeping only the configured fields of an object.
struct RecordSeed<'f> {
    fields: &'f Fields,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Parsed, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut rec = RawRecord::default();
        while let Some(slot) = map.next_key_seed(KeySeed {
            fields: self.fields,
        })? {
            // Later duplicates win, as with serde_json::Value.
            match slot {
                Slot::Text => rec.text = Some(map.next_value()?),
                Slot::Id => rec.id = Some(map.next_value()?),
                Slot::Title => rec.title = Some(map.next_value()?),
                Slot::Date => rec.date = Some(map.next_value()?),
                Slot::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Parsed::Object(rec))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Parsed::NotObject("array"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("string"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("null"))
    }
}

/// Which configured field a JSON key names.
enum Slot {
    Id,
    Text,
    Title,
    Date,
    Other,
}

/// Matches object keys against the configured names without allocating them.
struct KeySeed<'f> {
    fields: &'f Fields,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Slot;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Slot, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Slot;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Slot, E> {
        let f = self.fields;
        Ok(if key == f.text {
            Slot::Text
        } else if key == f.id {
            Slot::Id
        } else if key == f.title {
            Slot::Title
        } else if key == f.date {
            Slot::Date
        } else {
            Slot::Other
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use tempfile::TempDir;

    fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, data).unwrap();
        path
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn zstd_bytes(data: &[u8]) -> Vec<u8> {
        zstd::stream::encode_all(data, 3).unwrap()
    }

    fn read_all(paths: &[PathBuf], opts: InputOptions) -> Vec<Item> {
        Reader::new(paths, opts).collect()
    }

    fn read_stream(name: &str, data: &[u8], opts: InputOptions) -> Vec<Item> {
        Reader::from_reader(name, Box::new(Cursor::new(data.to_vec())), opts).collect()
    }

    fn opts(format: Format) -> InputOptions {
        InputOptions {
            format,
            ..InputOptions::default()
        }
    }

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: id.to_owned(),
            title: None,
            text: text.to_owned(),
            date: None,
            bytes: 0,
        }
    }

    /// Items with `bytes` zeroed, so expectations can focus on content.
    fn normalized(items: Vec<Item>) -> Vec<Item> {
        items
            .into_iter()
            .map(|item| match item {
                Item::Doc(d) => Item::Doc(Document { bytes: 0, ..d }),
                Item::Rejected(r) => Item::Rejected(Rejected { bytes: 0, ..r }),
            })
            .collect()
    }

    /// Compact summary: `D id=text` or `R line:reason`.
    fn summary(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Item::Doc(d) => format!("D {}={}", d.id, d.text),
                Item::Rejected(r) => format!("R {}:{:?}:{}", r.source, r.line, r.reason),
            })
            .collect()
    }

    fn summary_of_stream(data: &[u8], format: Format) -> Vec<String> {
        summary(&read_stream("s", data, opts(format)))
    }

    #[test]
    fn jsonl_records_table() {
        // (input line(s), expected summary)
        let cases: &[(&str, &[&str])] = &[
            (r#"{"id":"a1","text":"Hello"}"#, &["D a1=Hello"]),
            (r#"{"id":42,"text":"Num"}"#, &["D 42=Num"]),
            (r#"{"id":-7,"text":"Neg"}"#, &["D -7=Neg"]),
            (r#"{"id":1.5,"text":"Float"}"#, &["D 1.5=Float"]),
            (r#"{"text":"No id"}"#, &["D s:1=No id"]),
            (r#"{"id":null,"text":"Null id"}"#, &["D s:1=Null id"]),
            (r#"{"id":[1],"text":"Array id"}"#, &["D s:1=Array id"]),
            (r#"{"id":"","text":"Empty id"}"#, &["D s:1=Empty id"]),
            (
                r#"{"id":"x","text":"T","extra":{"deep":[1,2,{"a":null}]}}"#,
                &["D x=T"],
            ),
            (
                r#"{"id":"x","text":"esc \"q\" \u00e9"}"#,
                &["D x=esc \"q\" é"],
            ),
            (r#"{"id":"x"}"#, &["R s:Some(1):missing field `text`"]),
            (
                r#"{"id":"x","text":5}"#,
                &["R s:Some(1):field `text` is not a string"],
            ),
            (
                r#"{"id":"x","text":null}"#,
                &["R s:Some(1):field `text` is not a string"],
            ),
            (
                r#"{"id":"x" "text":"a"}"#,
                &["R s:Some(1):invalid JSON: expected `,` or `}` at column 11"],
            ),
            (
                r#"{"text":"a"} junk"#,
                &["R s:Some(1):invalid JSON: trailing characters at column 14"],
            ),
            (
                r#"{"text":"a"#,
                &["R s:Some(1):invalid JSON: EOF while parsing a string at column 10"],
            ),
            ("[1,2]", &["R s:Some(1):not a JSON object (found array)"]),
            ("\"str\"", &["R s:Some(1):not a JSON object (found string)"]),
            ("  \n\t\n\r\n", &[]),
        ];
        for (input, expected) in cases {
            assert_eq!(
                summary_of_stream(input.as_bytes(), Format::Jsonl),
                *expected,
                "input: {input}"
            );
        }
    }

    #[test]
    fn jsonl_title_date_and_bytes() {
        let data = "{\"id\":\"a\",\"text\":\"T\",\"title\":\"Head\",\"date\":\"2024-01-02\"}\n\
                    {\"id\":\"b\",\"text\":\"U\",\"title\":3,\"date\":false}";
        let items = read_stream("s", data.as_bytes(), opts(Format::Jsonl));
        let first_len = data.find('\n').unwrap() as u64 + 1;
        assert_eq!(
            items,
            vec![
                Item::Doc(Document {
                    id: "a".into(),
                    title: Some("Head".into()),
                    text: "T".into(),
                    date: Some("2024-01-02".into()),
                    bytes: first_len,
                }),
                Item::Doc(Document {
                    id: "b".into(),
                    title: None,
                    text: "U".into(),
                    date: None,
                    bytes: data.len() as u64 - first_len,
                }),
            ]
        );
    }

    #[test]
    fn configured_field_names() {
        let fields = Fields {
            id: "uid".into(),
            text: "body".into(),
            title: "headline".into(),
            date: "published".into(),
        };
        let o = InputOptions {
            format: Format::Jsonl,
            fields,
        };
        let data = b"{\"uid\":\"u1\",\"body\":\"B\",\"headline\":\"H\",\"published\":\"P\",\"text\":\"ignored\",\"id\":\"no\"}\n\
                     {\"uid\":\"u2\",\"text\":\"wrong field\"}\n\
                     {\"uid\":\"u3\",\"body\":[]}\n";
        let items = normalized(read_stream("s", data, o));
        assert_eq!(
            items,
            vec![
                Item::Doc(Document {
                    id: "u1".into(),
                    title: Some("H".into()),
                    text: "B".into(),
                    date: Some("P".into()),
                    bytes: 0,
                }),
                Item::Rejected(Rejected {
                    source: "s".into(),
                    line: Some(2),
                    reason: "missing field `body`".into(),
                    record: "{\"uid\":\"u2\",\"text\":\"wrong field\"}\n".into(),
                    bytes: 0,
                }),
                Item::Rejected(Rejected {
                    source: "s".into(),
                    line: Some(3),
                    reason: "field `body` is not a string".into(),
                    record: "{\"uid\":\"u3\",\"body\":[]}\n".into(),
                    bytes: 0,
                }),
            ]
        );
    }

    #[test]
    fn malformed_line_keeps_neighbours() {
        let dir = TempDir::new().unwrap();
        let path = write(
            dir.path(),
            "a.jsonl",
            b"{\"id\":\"1\",\"text\":\"one\"}\n{\"id\":\"2\",\"text\":\"two\"\n\n{\"id\":\"3\",\"text\":\"three\"}\n",
        );
        let items = read_all(std::slice::from_ref(&path), InputOptions::default());
        let src = path.display().to_string();
        assert_eq!(
            summary(&items),
            vec![
                "D 1=one".to_string(),
                format!("R {src}:Some(2):invalid JSON: EOF while parsing an object at column 22"),
                "D 3=three".to_string(),
            ]
        );
        match &items[1] {
            Item::Rejected(r) => {
                assert_eq!(r.record, "{\"id\":\"2\",\"text\":\"two\"\n");
                assert_eq!(r.bytes, 23);
            }
            other => panic!("expected rejection, got {other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_line() {
        let mut data = b"{\"text\":\"ok\"}\n{\"text\":\"bad ".to_vec();
        data.extend_from_slice(&[0xff, 0xfe]);
        data.extend_from_slice(b"\"}\n{\"text\":\"after\"}\n");
        assert_eq!(
            summary_of_stream(&data, Format::Jsonl),
            vec![
                "D s:1=ok",
                "R s:Some(2):invalid UTF-8 at byte 13",
                "D s:3=after"
            ]
        );
        // Lines format validates too.
        assert_eq!(
            summary_of_stream(b"a\n\xc3(\nb", Format::Lines),
            vec!["D s:1=a", "R s:Some(2):invalid UTF-8 at byte 0", "D s:3=b"]
        );
    }

    #[test]
    fn crlf_bom_and_blank_lines() {
        let data = b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n   \r\n{\"id\":\"b\",\"text\":\"y\"}\r\n";
        let items = read_stream("s", data, opts(Format::Jsonl));
        assert_eq!(summary(&items), vec!["D a=x", "D b=y"]);
        if let Item::Doc(d) = &items[0] {
            // The BOM and CRLF still count as input bytes.
            assert_eq!(d.bytes, 3 + 21 + 2);
        }
        // BOM with invalid UTF-8 on line 1: offset is within the raw line.
        assert_eq!(
            summary_of_stream(b"\xEF\xBB\xBFab\xff", Format::Lines),
            vec!["R s:Some(1):invalid UTF-8 at byte 5"]
        );
        // CRLF and BOM in Lines and Text formats.
        assert_eq!(
            summary_of_stream(b"\xEF\xBB\xBFone\r\n\r\ntwo\r\n", Format::Lines),
            vec!["D s:1=one", "D s:3=two"]
        );
        assert_eq!(
            summary_of_stream(b"\xEF\xBB\xBFbody\r\n", Format::Text),
            vec!["D s=body\r\n"]
        );
    }

    const JSONL: &[u8] =
        b"{\"id\":\"a\",\"text\":\"alpha\"}\n{\"id\":2,\"text\":\"beta\"}\n{\"text\":\"gamma\"}\n";

    #[test]
    fn compressed_jsonl_matches_plain() {
        let dir = TempDir::new().unwrap();
        let plain = write(dir.path(), "x.jsonl", JSONL);
        let gz = write(dir.path(), "x.jsonl.gz", &gzip(JSONL));
        let zst = write(dir.path(), "x.jsonl.zst", &zstd_bytes(JSONL));
        // Compression is detected by content, whatever the suffix.
        let odd = write(dir.path(), "x.ndjson", &zstd_bytes(JSONL));
        // Fallback ids embed the path; reduce them to a marker so files can be compared.
        let ids = |path: &Path, items: &[Item]| -> Vec<String> {
            let shown = format!("{}:", path.display());
            summary(items)
                .into_iter()
                .map(|s| s.replace(&shown, "X:"))
                .collect()
        };
        let expected = ids(
            &plain,
            &read_all(std::slice::from_ref(&plain), InputOptions::default()),
        );
        assert_eq!(expected, vec!["D a=alpha", "D 2=beta", "D X:3=gamma"]);
        for path in [gz, zst, odd] {
            let items = read_all(std::slice::from_ref(&path), InputOptions::default());
            assert_eq!(ids(&path, &items), expected, "{}", path.display());
            // `bytes` are uncompressed sizes.
            let total: u64 = items
                .iter()
                .map(|i| match i {
                    Item::Doc(d) => d.bytes,
                    Item::Rejected(r) => r.bytes,
                })
                .sum();
            assert_eq!(total, JSONL.len() as u64);
        }
    }

    #[test]
    fn concatenated_gzip_members() {
        let mut data = gzip(b"{\"text\":\"one\"}\n");
        data.extend(gzip(b"{\"text\":\"two\"}\n"));
        assert_eq!(
            summary_of_stream(&data, Format::Jsonl),
            vec!["D s:1=one", "D s:2=two"]
        );
    }

    #[test]
    fn compressed_text_files() {
        let dir = TempDir::new().unwrap();
        let gz = write(dir.path(), "story.txt.gz", &gzip("Über news\n".as_bytes()));
        let zst = write(dir.path(), "story.txt.zst", &zstd_bytes(b"zstd news"));
        let items = read_all(&[gz.clone(), zst.clone()], InputOptions::default());
        assert_eq!(
            items,
            vec![
                Item::Doc(Document {
                    id: gz.display().to_string(),
                    title: None,
                    text: "Über news\n".into(),
                    date: None,
                    bytes: 11,
                }),
                Item::Doc(Document {
                    id: zst.display().to_string(),
                    title: None,
                    text: "zstd news".into(),
                    date: None,
                    bytes: 9,
                }),
            ]
        );
    }

    #[test]
    fn truncated_compressed_streams() {
        let mut data = Vec::new();
        // Enough data for several zstd blocks (128 KiB each), so a cut leaves whole blocks.
        for i in 0..20_000 {
            data.extend_from_slice(
                format!("{{\"id\":{i},\"text\":\"record number {i}\"}}\n").as_bytes(),
            );
        }
        let dir = TempDir::new().unwrap();
        for (name, packed) in [
            ("t.jsonl.gz", gzip(&data)),
            ("t.jsonl.zst", zstd_bytes(&data)),
        ] {
            let cut = &packed[..packed.len() * 2 / 3];
            let path = write(dir.path(), name, cut);
            let other = write(
                dir.path(),
                "after.jsonl",
                b"{\"id\":\"z\",\"text\":\"next file\"}\n",
            );
            let items = read_all(&[path.clone(), other], InputOptions::default());
            let (last, rest) = items.split_last().unwrap();
            assert_eq!(summary(std::slice::from_ref(last)), vec!["D z=next file"]);
            let (rejected, docs) = rest.split_last().unwrap();
            assert!(docs.len() > 100, "{name}: only {} docs", docs.len());
            for (i, item) in docs.iter().enumerate() {
                match item {
                    Item::Doc(d) => assert_eq!(d.id, i.to_string()),
                    other => panic!("{name}: unexpected {other:?}"),
                }
            }
            match rejected {
                Item::Rejected(r) => {
                    assert_eq!(r.source, path.display().to_string());
                    assert_eq!(r.line, Some(docs.len() as u64 + 1), "{name}");
                    let codec = &name[name.len() - 3..];
                    let prefix = if codec == ".gz" { "gzip: " } else { "zstd: " };
                    assert!(r.reason.starts_with(prefix), "{name}: {}", r.reason);
                }
                other => panic!("{name}: expected rejection, got {other:?}"),
            }
        }
    }

    #[test]
    fn truncated_gzip_text_file() {
        let dir = TempDir::new().unwrap();
        let packed = gzip(&b"line\n".repeat(5000));
        let path = write(dir.path(), "t.txt.gz", &packed[..packed.len() / 2]);
        let items = read_all(&[path], InputOptions::default());
        assert_eq!(items.len(), 1);
        match &items[0] {
            Item::Rejected(r) => {
                assert!(r.reason.starts_with("gzip: "), "{}", r.reason);
                assert!(r.line.is_some());
            }
            other => panic!("expected rejection, got {other:?}"),
        }
    }

    #[test]
    fn folder_walk_order_and_hidden() {
        let dir = TempDir::new().unwrap();
        let root = dir.path();
        write(root, "b.txt", b"B");
        write(root, "a.txt", b"A");
        write(root, "C.txt", b"C");
        write(root, ".hidden.txt", b"H");
        write(root, ".git/config.txt", b"G");
        write(root, "sub/z.txt", b"Z");
        write(root, "sub/y.jsonl", b"{\"id\":\"y1\",\"text\":\"Y\"}\n");
        write(root, "sub/deeper/x.txt", b"X");
        write(root, "a0/first.txt", b"F");
        write(root, "README.md", b"not an article");
        write(root, "sub/make.py", b"print()");
        let items = read_all(&[root.to_path_buf()], InputOptions::default());
        let texts: Vec<String> = items
            .iter()
            .map(|i| match i {
                Item::Doc(d) => d.text.clone(),
                Item::Rejected(r) => panic!("unexpected {r:?}"),
            })
            .collect();
        assert_eq!(texts, vec!["C", "A", "F", "B", "X", "Y", "Z"]);
        let Item::Doc(first) = &items[0] else {
            unreachable!()
        };
        assert_eq!(first.id, root.join("C.txt").display().to_string());
        let reader = Reader::new(&[root.to_path_buf()], InputOptions::default());
        let expected_size = 1 + 1 + 1 + 1 + 1 + 1 + 23;
        assert_eq!(reader.size_hint(), Some(expected_size));
        assert_eq!(reader.bytes_read(), 0);
        let mut reader = reader;
        for _ in reader.by_ref() {}
        assert_eq!(reader.bytes_read(), expected_size);
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_file_followed() {
        let dir = TempDir::new().unwrap();
        let target = write(dir.path(), "outside/t.txt", b"linked");
        let root = dir.path().join("root");
        fs::create_dir_all(&root).unwrap();
        std::os::unix::fs::symlink(&target, root.join("l.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), root.join("loop")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("m.txt")).unwrap();
        let items = read_all(std::slice::from_ref(&root), InputOptions::default());
        let got = summary(&items);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("l.txt=linked"), "{got:?}");
        assert!(got[1].contains("m.txt:None:cannot read: "), "{got:?}");
    }

    #[test]
    fn missing_path_rejected_others_read() {
        let dir = TempDir::new().unwrap();
        let missing = dir.path().join("nope.jsonl");
        let good = write(dir.path(), "good.txt", b"fine");
        let reader = Reader::new(&[missing.clone(), good.clone()], InputOptions::default());
        assert_eq!(reader.size_hint(), Some(4));
        let items: Vec<Item> = reader.collect();
        assert_eq!(
            items,
            vec![
                Item::Rejected(Rejected {
                    source: missing.display().to_string(),
                    line: None,
                    reason: "cannot read: No such file or directory (os error 2)".into(),
                    record: String::new(),
                    bytes: 0,
                }),
                Item::Doc(Document {
                    id: good.display().to_string(),
                    title: None,
                    text: "fine".into(),
                    date: None,
                    bytes: 4,
                }),
            ]
        );
    }

    #[test]
    fn text_file_table() {
        // (content, expected summary with the file id written as @)
        let cases: &[(&[u8], &str)] = &[
            (b"", "D @="),
            (
                b"plain article\nsecond line",
                "D @=plain article\nsecond line",
            ),
            (b"\xEF\xBB\xBFwith bom", "D @=with bom"),
            (
                b"ab\ncd\nx\x00y",
                "R @:Some(3):binary file (NUL byte at offset 7)",
            ),
            (b"\x00", "R @:Some(1):binary file (NUL byte at offset 0)"),
            (b"ok\nok\n\xe9t\xe9", "R @:Some(3):invalid UTF-8 at byte 6"),
            (b"\xEF\xBB\xBF\n\xff", "R @:Some(2):invalid UTF-8 at byte 4"),
        ];
        let dir = TempDir::new().unwrap();
        for (i, (content, expected)) in cases.iter().enumerate() {
            let path = write(dir.path(), &format!("{i}.txt"), content);
            let shown = path.display().to_string();
            let got = summary(&read_all(&[path], InputOptions::default()));
            assert_eq!(got, vec![expected.replace('@', &shown)], "case {i}");
        }
    }

    #[test]
    fn binary_text_stops_early() {
        // A large binary file is rejected at its first chunk without loading it whole.
        let mut data = vec![b'a'; 10];
        data.push(0);
        data.extend(vec![7u8; 1 << 20]);
        let items = read_stream("bin", &data, opts(Format::Text));
        match &items[..] {
            [Item::Rejected(r)] => {
                assert_eq!(r.reason, "binary file (NUL byte at offset 10)");
                assert!(r.bytes < data.len() as u64);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lines_format_ids() {
        let dir = TempDir::new().unwrap();
        let path = write(dir.path(), "l.txt", b"first\n\n  \nfourth\r\nlast");
        let shown = path.display().to_string();
        let got = summary(&read_all(&[path], opts(Format::Lines)));
        assert_eq!(
            got,
            vec![
                format!("D {shown}:1=first"),
                format!("D {shown}:4=fourth"),
                format!("D {shown}:5=last"),
            ]
        );
        // Stdin ids are just the line number.
        let items = read_stream("<stdin>", b"a\nb\n", opts(Format::Lines));
        assert_eq!(summary(&items), vec!["D 1=a", "D 2=b"]);
    }

    #[test]
    fn auto_detection_by_name() {
        let cases: &[(&str, Format)] = &[
            ("a.jsonl", Format::Jsonl),
            ("a.NDJSON", Format::Jsonl),
            ("a.jsonl.gz", Format::Jsonl),
            ("a.ndjson.zst", Format::Jsonl),
            ("a.jsonl.zstd", Format::Jsonl),
            ("a.txt", Format::Text),
            ("a.txt.gz", Format::Text),
            ("a.json", Format::Text),
            ("jsonl", Format::Text),
            ("a.gz", Format::Text),
            ("noext", Format::Text),
        ];
        for (name, expected) in cases {
            assert_eq!(format_from_name(Path::new(name)), *expected, "{name}");
        }
        // End to end: the same JSON line is a record in .jsonl and an article in .txt.
        let dir = TempDir::new().unwrap();
        let line = b"{\"id\":\"j\",\"text\":\"t\"}\n";
        let j = write(dir.path(), "d.jsonl", line);
        let t = write(dir.path(), "d.txt", line);
        let items = normalized(read_all(&[j, t.clone()], InputOptions::default()));
        assert_eq!(
            items,
            vec![
                Item::Doc(doc("j", "t")),
                Item::Doc(doc(
                    &t.display().to_string(),
                    "{\"id\":\"j\",\"text\":\"t\"}\n"
                )),
            ]
        );
        // A forced format overrides the name.
        let jt = write(dir.path(), "e.txt", line);
        assert_eq!(
            summary(&read_all(&[jt], opts(Format::Jsonl))),
            vec!["D j=t"]
        );
    }

    #[test]
    fn from_reader_sniffs_format() {
        let o = InputOptions::default;
        // '{' first (after whitespace and a BOM) => JSONL.
        let items = read_stream(
            "<stdin>",
            b"\n  {\"text\":\"a\"}\n{\"id\":9,\"text\":\"b\"}\n",
            o(),
        );
        assert_eq!(summary(&items), vec!["D 2=a", "D 9=b"]);
        let items = read_stream("<stdin>", b"\xEF\xBB\xBF{\"text\":\"a\"}", o());
        assert_eq!(summary(&items), vec!["D 1=a"]);
        // Anything else => one text article with id "-".
        let items = read_stream("<stdin>", b"  Plain news {not json}\n", o());
        assert_eq!(summary(&items), vec!["D -=  Plain news {not json}\n"]);
        // Empty stdin is one empty article, not an error.
        let items = read_stream("<stdin>", b"", o());
        assert_eq!(summary(&items), vec!["D -="]);
        // Compressed stdin is sniffed after decompression.
        let items = read_stream("<stdin>", &gzip(JSONL), o());
        assert_eq!(summary(&items), vec!["D a=alpha", "D 2=beta", "D 3=gamma"]);
        // Other stream names are used for ids and sources.
        let items = read_stream("feed", b"{\"text\":\"x\"}\n[", o());
        assert_eq!(
            summary(&items),
            vec![
                "D feed:1=x",
                "R feed:Some(2):invalid JSON: EOF while parsing a list at column 1"
            ]
        );
        let mut reader =
            Reader::from_reader("<stdin>", Box::new(Cursor::new(b"abc".to_vec())), o());
        assert_eq!(reader.size_hint(), None);
        assert!(reader.next().is_some());
        assert_eq!(reader.bytes_read(), 3);
    }

    #[test]
    fn stdin_listed_twice_is_rejected() {
        let paths = [PathBuf::from("-"), PathBuf::from("-")];
        let reader = Reader::new(&paths, InputOptions::default());
        assert_eq!(reader.size_hint(), None);
        // Only inspect the queue: actually reading would consume the test runner's stdin.
        assert!(matches!(reader.queue[0], Entry::Stream(_)));
        match &reader.queue[1] {
            Entry::Rejected(r) => assert_eq!(r.reason, "stdin given more than once"),
            _ => panic!("expected a rejection"),
        }
    }

    #[test]
    fn overlong_line_rejected_and_skipped() {
        let mut data = b"{\"text\":\"a\"}\n{\"text\":\"".to_vec();
        data.extend(vec![b'x'; 50_000]);
        data.extend_from_slice(b"\"}\n{\"text\":\"b\"}\n");
        let mut reader = Reader::from_reader("s", Box::new(Cursor::new(data)), opts(Format::Jsonl));
        reader.max_record = 1000;
        let items: Vec<Item> = reader.collect();
        assert_eq!(
            summary(&items),
            vec![
                "D s:1=a",
                "R s:Some(2):line too long (over 1000 bytes)",
                "D s:3=b"
            ]
        );
        if let Item::Rejected(r) = &items[1] {
            assert_eq!(r.bytes, 9 + 50_000 + 3);
            assert_eq!(r.record.chars().count(), MAX_RECORD_CHARS + 1);
            assert!(r.record.ends_with('…'));
        }
    }

    #[test]
    fn reader_is_send() {
        fn assert_send<T: Send>() {}
        assert_send::<Reader>();
    }

    /// Yields `chunk` `times` times without holding more than one copy, so the input is big
    /// but the test itself uses no memory and spends no time generating.
    struct Repeat {
        chunk: Vec<u8>,
        times: usize,
        pos: usize,
    }

    impl Read for Repeat {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.pos == self.chunk.len() {
                if self.times == 0 {
                    return Ok(0);
                }
                self.times -= 1;
                self.pos = 0;
            }
            let n = buf.len().min(self.chunk.len() - self.pos);
            buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    #[test]
    fn streams_a_million_lines() {
        let mut chunk = Vec::new();
        for i in 0..1000 {
            chunk.extend_from_slice(format!("{{\"id\":{i},\"text\":\"x\"}}\n").as_bytes());
        }
        let total = chunk.len() as u64 * 1000;
        let source = Repeat {
            pos: chunk.len(),
            chunk,
            times: 1000,
        };
        let reader = Reader::from_reader("big", Box::new(source), opts(Format::Jsonl));
        let (mut docs, mut bytes) = (0u64, 0u64);
        for item in reader {
            match item {
                Item::Doc(d) => {
                    docs += 1;
                    bytes += d.bytes;
                }
                Item::Rejected(r) => panic!("{r:?}"),
            }
        }
        assert_eq!(docs, 1_000_000);
        assert_eq!(bytes, total);
    }
}
