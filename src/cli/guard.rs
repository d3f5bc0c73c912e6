//! Checks on a run's flags that protect the user's files and machine: an output never overwrites
//! an input or another output, and the thread count stays within what the machine can run.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Threads allowed per CPU: more only adds switching, and a typo (`-j 100000`) must not exhaust
/// memory with thread stacks.
const MAX_THREADS_PER_CPU: usize = 4;

/// The thread count to use for `asked` (0: one per CPU), capped with a warning on stderr.
pub(super) fn threads(asked: usize) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cap = cpus * MAX_THREADS_PER_CPU;
    if asked > cap {
        eprintln!(
            "newsner: warning: --threads {asked} is more than {MAX_THREADS_PER_CPU} per CPU; using {cap}"
        );
        return cap;
    }
    asked
}

/// Refuses outputs that are the same file as an input, as each other, or that lie in an input
/// folder whose walk would read them. Files are compared by device and inode when they exist
/// (so `x.jsonl`, `./x.jsonl` and a link to it are one file), else by their resolved path.
pub(super) fn refuse_clobbering(outputs: &[&Path], inputs: &[PathBuf]) -> Result<(), String> {
    for (i, out) in outputs.iter().enumerate() {
        let id = FileId::of(out);
        if let Some(other) = outputs[..i].iter().find(|o| FileId::of(o) == id) {
            return Err(format!(
                "{} and {} are the same file: give each output its own file",
                other.display(),
                out.display()
            ));
        }
        for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
            if FileId::of(input) == id {
                return Err(format!(
                    "{}: is also an input; refusing to overwrite it",
                    out.display()
                ));
            }
            if let Some(dir) = folder_reading(input, out) {
                return Err(format!(
                    "{}: inside the input folder {}, which would read it; write it elsewhere",
                    out.display(),
                    dir.display()
                ));
            }
        }
    }
    Ok(())
}

/// The input folder `input` if its walk would read the file `out`.
fn folder_reading<'a>(input: &'a Path, out: &Path) -> Option<&'a Path> {
    let dir = fs::canonicalize(input).ok().filter(|d| d.is_dir())?;
    let resolved = resolve(out)?;
    let inside = resolved.strip_prefix(&dir).ok()?;
    crate::input::walk_reads(inside).then_some(input)
}

/// `path` made absolute with its folder's links resolved, whether or not the file exists.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(resolve(parent)?.join(name))
}

/// What makes two paths one file.
#[derive(PartialEq, Eq)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    Path(PathBuf),
    Unknown,
}

impl FileId {
    fn of(path: &Path) -> FileId {
        #[cfg(unix)]
        if let Ok(m) = fs::metadata(path) {
            use std::os::unix::fs::MetadataExt;
            return FileId::Inode(m.dev(), m.ino());
        }
        match resolve(path) {
            Some(p) => FileId::Path(p),
            None => FileId::Unknown,
        }
    }
}

impl PartialEq<FileId> for &FileId {
    fn eq(&self, other: &FileId) -> bool {
        *self == other
    }
}

/// A writer whose errors name the file, so "cannot write output" says which one.
pub(super) struct Named<W> {
    name: String,
    inner: W,
}

impl<W> Named<W> {
    pub(super) fn new(name: String, inner: W) -> Named<W> {
        Named { name, inner }
    }

    fn name_it(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: {e}", self.name))
    }
}

impl<W: Write> Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.name_it(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.name_it(e))
    }
}
