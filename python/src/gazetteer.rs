//! The gazetteer of an `Extractor`, chosen as the CLI chooses it (a compiled file alone, or the
//! default plus TSV files), with the default kept compiled in the cache folder so that a Spark
//! worker loads it in a tenth of a second instead of building it.

use newsner::gazetteer_cache as cache;
use newsner::{Gazetteer, GazetteerBuilder};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};

/// Why a gazetteer could not be loaded: the CLI's message, and whether it names a gazetteer
/// fault (file:line) or a misuse of the options.
pub enum LoadError {
    /// The files hold errors; the message lists them as `file:line: what`.
    Gazetteer(String),
    /// The options cannot go together, or a file cannot be read.
    Usage(String),
}

/// What to load: the options of `Extractor` that choose the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spec {
    /// TSV files or folders, or one compiled file.
    pub paths: Vec<PathBuf>,
    /// Load the default gazetteer too.
    pub default: bool,
    /// Generate spelling variants and surname references.
    pub variants: bool,
}

/// The default gazetteers alive in this process, without and with variants: a second
/// `Extractor` (one per Spark task, or unpickled) shares the first one's tables.
static DEFAULTS: Mutex<[Weak<Gazetteer>; 2]> = Mutex::new([Weak::new(), Weak::new()]);

/// Compiled defaults kept in the cache folder for builds of the extension; older ones go.
const KEEP: usize = 4;

/// Loads the gazetteer of `spec`. `module` is the extension's file, the key of the cached
/// default: the CLI keys its own by the running binary, which here is the Python interpreter.
pub fn load(spec: &Spec, module: Option<&Path>) -> Result<Arc<Gazetteer>, LoadError> {
    let compiled: Vec<&PathBuf> = spec
        .paths
        .iter()
        .filter(|p| newsner::is_compiled_gazetteer(p))
        .collect();
    if let Some(p) = compiled.first() {
        if spec.paths.len() > 1 {
            return Err(LoadError::Usage(format!(
                "{}: a compiled gazetteer holds everything it was compiled from; give it alone \
                 (or compile it again with the other files)",
                p.display()
            )));
        }
        if !spec.variants {
            return Err(LoadError::Usage(format!(
                "{}: variants=False cannot apply to a compiled gazetteer; compile it with --no-variants",
                p.display()
            )));
        }
        let bytes =
            std::fs::read(p).map_err(|e| LoadError::Usage(format!("{}: {e}", p.display())))?;
        return Gazetteer::from_snapshot(&bytes)
            .map(Arc::new)
            .map_err(|e| LoadError::Gazetteer(format!("{}: {e}", p.display())));
    }
    if spec.paths.is_empty() {
        if !spec.default {
            return Err(LoadError::Usage(
                "default_gazetteer=False needs at least one gazetteer path".into(),
            ));
        }
        return default(spec.variants, module);
    }
    let mut gb = GazetteerBuilder::new();
    gb.generate_variants(spec.variants);
    if spec.default {
        gb.add_default();
    }
    for p in &spec.paths {
        gb.add_path(p);
    }
    // The CLI's rule: what `newsner gazetteer check` calls an error stops the run.
    gb.build_checked()
        .map(Arc::new)
        .map_err(|e| LoadError::Gazetteer(e.to_string()))
}

/// The default gazetteer: the one alive in this process, else from the cache folder, else built
/// (and cached when the folder can be written).
fn default(variants: bool, module: Option<&Path>) -> Result<Arc<Gazetteer>, LoadError> {
    let mut alive = DEFAULTS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(g) = alive[variants as usize].upgrade() {
        return Ok(g);
    }
    let cached = cache::dir().zip(module.and_then(|m| cache_name(m, variants)));
    let from_cache = cached.as_ref().and_then(|(dir, name)| {
        let bytes = std::fs::read(dir.join(name)).ok()?;
        Gazetteer::from_snapshot(&bytes).ok()
    });
    let g = match from_cache {
        Some(g) => g,
        None => {
            let mut gb = GazetteerBuilder::new();
            gb.generate_variants(variants).add_default();
            let g = gb
                .build()
                .map_err(|e| LoadError::Gazetteer(e.to_string()))?;
            if let Some((dir, name)) = &cached {
                // A cache that cannot be written only costs the next process a rebuild.
                if cache::write_atomically(dir, &dir.join(name), &g.to_snapshot()).is_ok() {
                    prune(dir, name);
                }
            }
            g
        }
    };
    let g = Arc::new(g);
    alive[variants as usize] = Arc::downgrade(&g);
    Ok(g)
}

/// The cache file name of the default for this build of the extension (its path, size and
/// modification time), or None when the file cannot be looked at.
fn cache_name(module: &Path, variants: bool) -> Option<String> {
    let meta = std::fs::metadata(module).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    module.hash(&mut h);
    meta.len().hash(&mut h);
    meta.modified().ok()?.hash(&mut h);
    let suffix = if variants { "" } else { "-novariants" };
    Some(format!("python-{:016x}{suffix}.nsg", h.finish()))
}

/// Removes all but the newest [`KEEP`] defaults cached by builds of the extension.
fn prune(dir: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut old: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n != keep && n.starts_with("python-") && n.ends_with(".nsg")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    old.sort_by(|a, b| b.cmp(a));
    for (_, p) in old.into_iter().skip(KEEP - 1) {
        let _ = std::fs::remove_file(p);
    }
}
