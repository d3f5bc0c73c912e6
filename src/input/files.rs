//! Which files a path names: folders are walked in a fixed order, and files that are plainly
//! not articles (docs, code, tables, images, archives) are left out of a walk.

use super::{reject_whole, Entry, Format, COMPRESSED_SUFFIXES};
use std::fs;
use std::path::Path;

/// Walks a folder depth-first, entries sorted by name at each level, hidden entries skipped.
/// Symlinks to files are followed; symlinks to folders are not (that could loop forever).
/// Each found file comes with its size on disk, when known; a path that may be an article but is
/// not read (a linked folder, a pipe) is named in `skipped`, with why.
pub(super) fn walk(dir: &Path, out: &mut Vec<(Entry, Option<u64>)>, skipped: &mut Vec<String>) {
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
            walk(&path, out, skipped);
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
            // Linked folders, sockets, pipes and devices found while walking are not read.
            Ok(meta) => skipped.push(format!("{}: {}", path.display(), why_not_read(&meta))),
            Err(e) => {
                let r = reject_whole(&path.display().to_string(), &format!("cannot read: {e}"));
                out.push((Entry::Rejected(r), Some(0)));
            }
        }
    }
}

/// Why a walk does not read a path that is neither a file nor a folder of its own.
fn why_not_read(meta: &fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a link to a folder, not followed (name it on the command line to read it)";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "not a regular file (a named pipe), skipped";
        }
        if t.is_socket() {
            return "not a regular file (a socket), skipped";
        }
        if t.is_block_device() || t.is_char_device() {
            return "not a regular file (a device), skipped";
        }
    }
    "not a regular file, skipped"
}

/// Whether a walk of a folder reads the file at `relative` below it: no hidden part, and a name
/// that may be an article.
pub(crate) fn walk_reads(relative: &Path) -> bool {
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().as_encoded_bytes().first() == Some(&b'.'));
    !hidden && looks_like_article(relative)
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
    let base = COMPRESSED_SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(&name);
    match base.rsplit_once('.') {
        Some((_, ext)) => !NOT_ARTICLES.contains(&ext),
        None => true,
    }
}

/// Decides JSONL vs text from the file name, ignoring a compression suffix; `None` for a `.json`
/// file, which may be one article or (often) JSONL under another name, so its content decides
/// as for stdin.
pub(super) fn format_from_name(path: &Path) -> Option<Format> {
    let name = match path.file_name() {
        Some(n) => n.to_string_lossy().to_ascii_lowercase(),
        None => return Some(Format::Text),
    };
    let base = COMPRESSED_SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(&name);
    if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
        Some(Format::Jsonl)
    } else if base.ends_with(".json") {
        None
    } else {
        Some(Format::Text)
    }
}
