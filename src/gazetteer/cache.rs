//! The default gazetteer, compiled once per installed binary and kept in a cache folder, so that
//! `echo '...' | newsner extract` starts in milliseconds instead of rebuilding 46,000 entities.
//!
//! The cache folder is `$NEWSNER_CACHE` when set (`off` switches the cache off), else
//! `$XDG_CACHE_HOME/newsner`, else `~/.cache/newsner`. A file is keyed by the binary that wrote
//! it (path, size, modification time), so a rebuilt or upgraded newsner never reads a stale one;
//! a damaged file is rebuilt. Nothing here is needed for correctness: when the folder cannot be
//! written, newsner builds the default each time, as without a cache.

use super::{Gazetteer, GazetteerBuilder};
use crate::error::Errors;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// Compiled defaults kept per folder; older ones (from earlier builds) are removed.
const KEEP: usize = 4;

/// Where the default gazetteer came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Loaded from the cache.
    Cache,
    /// Built from the embedded TSV and written to the cache.
    BuiltAndCached,
    /// Built from the embedded TSV; no cache (switched off, or not writable).
    Built,
}

/// The cache folder, or None when switched off or no home is known.
pub fn dir() -> Option<PathBuf> {
    match std::env::var_os("NEWSNER_CACHE") {
        Some(v) if v == "off" || v == "0" || v.is_empty() => None,
        Some(v) => Some(PathBuf::from(v)),
        None => std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .map(|d| d.join("newsner")),
    }
}

/// The file name of the compiled default for this binary, or None when the binary cannot be
/// identified.
fn file_name(generate: bool) -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let mut h = rustc_hash::FxHasher::default();
    exe.hash(&mut h);
    meta.len().hash(&mut h);
    meta.modified().ok()?.hash(&mut h);
    env!("CARGO_PKG_VERSION").hash(&mut h);
    let variants = if generate { "" } else { "-novariants" };
    Some(format!("default-{:016x}{variants}.nsg", h.finish()))
}

/// The default gazetteer (with spelling variants when `generate`), from the cache when it holds
/// one for this binary, else built and cached.
pub fn default_gazetteer(generate: bool) -> Result<(Gazetteer, Source), Errors> {
    let build = || {
        let mut gb = GazetteerBuilder::new();
        gb.generate_variants(generate).add_default();
        gb.build()
    };
    let (Some(dir), Some(name)) = (dir(), file_name(generate)) else {
        return Ok((build()?, Source::Built));
    };
    let path = dir.join(name);
    if let Ok(bytes) = std::fs::read(&path) {
        if let Ok(g) = Gazetteer::from_snapshot(&bytes) {
            return Ok((g, Source::Cache));
        }
    }
    let g = build()?;
    let source = match write_atomically(&dir, &path, &g.to_snapshot()) {
        Ok(()) => {
            prune(&dir, &path);
            Source::BuiltAndCached
        }
        Err(_) => Source::Built,
    };
    Ok((g, source))
}

/// Writes `bytes` to `path` through a temporary file, so that a reader never sees half a file
/// and two processes writing at once do no harm.
pub fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".tmp-{}-{}", std::process::id(), unique()));
    // A failed write (a full disk) or rename must not leave the half-written file behind.
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

/// Removes all but the newest [`KEEP`] compiled defaults (earlier builds of newsner leave theirs).
fn prune(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut old: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p != keep
                && p.file_name().is_some_and(|n| {
                    let n = n.to_string_lossy();
                    n.starts_with("default-") && n.ends_with(".nsg")
                })
        })
        .filter_map(|p| Some((std::fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    old.sort_by(|a, b| b.cmp(a));
    for (_, p) in old.into_iter().skip(KEEP - 1) {
        let _ = std::fs::remove_file(p);
    }
}
