//! Reading documents: turns files, folders and stdin (plain, gzip, zstd, xz or bzip2; whole-file text, one
//! article per line, or JSONL) into a single ordered stream of [`Item`]s, so the rest of the
//! pipeline never deals with formats, compression or broken input. Bad records become
//! [`Rejected`] items instead of errors so a run never stops, and never silently loses data.

mod decompress;
mod files;
mod ids;
mod jsonl;
mod lines;
#[cfg(test)]
mod tests;
mod whole;

use decompress::{decompress, sniff, Counting};
pub(crate) use files::walk_reads;
use files::{format_from_name, walk};
use ids::Ids;
use lines::{LineFormat, LineSource};
use std::collections::VecDeque;
use std::fs;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use whole::read_text;

/// Characters kept in [`Rejected::record`] of a line too long to hold (over the record cap):
/// enough to recognise it. Every other rejected record is kept whole.
const MAX_RECORD_CHARS: usize = 10_000;

/// Largest single record (a JSONL/Lines line or a whole text file) we hold in memory. Anything
/// bigger is rejected rather than allowed to grow memory without bound.
const MAX_RECORD_BYTES: usize = 1024 * 1024 * 1024;

/// The byte order mark some editors put at the start of UTF-8 text; it is not part of the text.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Suffixes of compressed files, looked through when a name tells the format or the kind of
/// file.
const COMPRESSED_SUFFIXES: [&str; 7] = [".gz", ".gzip", ".zst", ".zstd", ".xz", ".bz2", ".bzip2"];

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
    /// The raw record (lossy UTF-8), whole; only a line over the 1 GiB record cap keeps just its
    /// first 10,000 characters and an ellipsis. Empty for whole files.
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
    /// streams and `*.json` files, JSONL if the first non-whitespace byte is `{`, else text.
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
    /// Reject a document whose id was read before, naming where (on by default): an id is the
    /// key of every output table, and the network would count the same article twice. Off
    /// for speed measurements that read one file several times over.
    pub unique_ids: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            format: Format::Auto,
            fields: Fields::default(),
            unique_ids: true,
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
/// Streams items from paths in a deterministic order. An empty `paths` or a path "-" means stdin.
pub struct Reader {
    queue: VecDeque<Entry>,
    current: Option<LineSource>,
    opts: InputOptions,
    counter: Arc<AtomicU64>,
    size_hint: Option<u64>,
    /// Per-record memory cap; a field (not just the constant) so tests can exercise it cheaply.
    max_record: usize,
    /// The ids read so far, so that a second document with one is rejected.
    ids: Ids,
    /// What the folder walks left out that may be articles, each with why.
    skipped: Vec<String>,
}

impl Reader {
    /// Builds a reader over files, folders (walked recursively, sorted, hidden entries
    /// skipped) and `-` for stdin. Paths that cannot be read become [`Rejected`] items in place.
    pub fn new(paths: &[PathBuf], opts: InputOptions) -> Reader {
        let unique_ids = opts.unique_ids;
        let mut queue = VecDeque::new();
        let mut size: Option<u64> = Some(0);
        let mut stdin_seen = false;
        let mut skipped = Vec::new();
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
                    walk(path, &mut found, &mut skipped);
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
            ids: Ids::new(unique_ids),
            skipped,
        }
    }

    /// Builds a reader over one already-open stream (used for stdin with name `"<stdin>"`).
    /// The stream may be compressed; in [`Format::Auto`] its format is sniffed from content.
    pub fn from_reader(name: &str, r: Box<dyn Read + Send>, opts: InputOptions) -> Reader {
        let unique_ids = opts.unique_ids;
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
            ids: Ids::new(unique_ids),
            skipped: Vec::new(),
        }
    }

    /// Total input size in bytes when cheaply known (sum of regular file sizes on disk,
    /// compressed size for compressed files; None if stdin is involved). Used for ETA.
    pub fn size_hint(&self) -> Option<u64> {
        self.size_hint
    }

    /// The paths that folder walks found but do not read, though they may be articles, each as
    /// "path: why": links to folders (not followed, since a link may loop back) and pipes,
    /// sockets and devices.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
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
                        Format::Auto => format_from_name(&path),
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

        self.ids.open(&source);
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
                let item = read_text(stream, codec, &source, text_id, self.max_record);
                return Some(match duplicate(&mut self.ids, &item, None) {
                    Some((why, bytes)) => Item::Rejected(Rejected {
                        bytes,
                        ..reject_whole(&source, &why)
                    }),
                    None => item,
                });
            }
            Format::Lines => LineFormat::Lines,
            Format::Jsonl => LineFormat::Jsonl,
        };
        self.current = Some(LineSource::new(
            stream,
            codec,
            line_format,
            source,
            id_prefix,
        ));
        None
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(item) = cur.next_item(&self.opts.fields, self.max_record) {
                    return Some(match duplicate(&mut self.ids, &item, Some(cur.line())) {
                        Some((why, bytes)) => cur.reject(why, bytes),
                        None => item,
                    });
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

/// Why `item` is rejected when it is a document whose id was read before (at `line` of the
/// source opened last).
fn duplicate(ids: &mut Ids, item: &Item, line: Option<u64>) -> Option<(String, u64)> {
    let Item::Doc(doc) = item else {
        return None;
    };
    ids.check(&doc.id, line).err().map(|why| (why, doc.bytes))
}

/// Adds a file's size to the running total; one unknown size makes the total unknown.
fn add_size(total: &mut Option<u64>, n: Option<u64>) {
    *total = match (*total, n) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        _ => None,
    };
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
