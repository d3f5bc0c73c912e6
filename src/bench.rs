//! Measurement: newsner's throughput side by side with a bare aho-corasick scan over the same
//! text and the same aliases, the baseline a gazetteer tagger has to beat. Used by `newsner
//! bench` and the criterion benches, so both measure the same thing.

use crate::gazetteer::GazetteerBuilder;
use crate::input::{Document, Item};
use crate::pipeline::{self, Outputs, RunOptions};
use crate::Extractor;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::time::Instant;

/// Every name and alias of the gazetteer rows, as the bare scan searches them.
pub fn alias_strings(b: &GazetteerBuilder) -> Vec<String> {
    b.rows()
        .iter()
        .flat_map(|r| std::iter::once(r.entity.name.to_string()).chain(r.aliases.iter().cloned()))
        .collect()
}

/// The bare scan: leftmost-longest matches that start and end on a word boundary, counted.
pub fn bare_scan(ac: &AhoCorasick, text: &str) -> usize {
    let b = text.as_bytes();
    let word = |i: usize| b[i].is_ascii_alphanumeric() || b[i] >= 0x80;
    ac.find_iter(text)
        .filter(|m| {
            (m.start() == 0 || !word(m.start() - 1)) && (m.end() == b.len() || !word(m.end()))
        })
        .count()
}

/// Builds the bare automaton.
pub fn bare_automaton(aliases: &[String], kind: AhoCorasickKind) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(kind))
        .build(aliases)
        .expect("aliases build an automaton")
}

/// Above this many aliases the bare DFA is not built.
pub const MAX_DFA_ALIASES: usize = 300_000;

/// One measured run.
#[derive(Clone, Debug)]
pub struct Measure {
    /// What ran.
    pub name: String,
    /// Threads used.
    pub threads: usize,
    /// Wall seconds (best of the repeats).
    pub seconds: f64,
    /// Bytes of text scanned.
    pub bytes: u64,
    /// Documents.
    pub documents: u64,
    /// Matches or mentions found.
    pub found: u64,
}

impl Measure {
    /// Megabytes (10^6 bytes) per second.
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.seconds
    }
}

fn best<T>(repeats: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut out = None;
    let mut best = f64::INFINITY;
    for _ in 0..repeats.max(1) {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

/// Runs the bare scans (one thread) and the whole pipeline (JSONL in memory -> mentions CSV to a
/// sink) at each thread count, each `repeats` times, keeping the best.
pub fn measure(
    docs: &[Document],
    aliases: &[String],
    ex: &Extractor,
    threads: &[usize],
    repeats: usize,
) -> Vec<Measure> {
    let bytes: u64 = docs
        .iter()
        .map(|d| (d.text.len() + d.title.as_ref().map_or(0, |t| t.len())) as u64)
        .sum();
    let n = docs.len() as u64;
    let measure = |name: &str, threads: usize, (seconds, found): (f64, u64)| Measure {
        name: name.into(),
        threads,
        seconds,
        bytes,
        documents: n,
        found,
    };
    let mut out = Vec::new();
    for (name, kind) in [
        ("bare aho-corasick (dfa)", AhoCorasickKind::DFA),
        (
            "bare aho-corasick (contiguous nfa)",
            AhoCorasickKind::ContiguousNFA,
        ),
    ] {
        // A DFA over millions of aliases needs tens of gigabytes (aho-corasick itself never
        // picks one above a few hundred patterns); the NFA is the baseline there.
        if kind == AhoCorasickKind::DFA && aliases.len() > MAX_DFA_ALIASES {
            continue;
        }
        let ac = bare_automaton(aliases, kind);
        let run = best(repeats, || {
            docs.iter()
                .map(|d| {
                    bare_scan(&ac, &d.text) + d.title.as_deref().map_or(0, |t| bare_scan(&ac, t))
                })
                .sum::<usize>() as u64
        });
        out.push(measure(name, 1, run));
    }
    let plain = ex.with_options(crate::ExtractOptions { discover: false });
    for (name, x) in [
        ("newsner extract only", ex),
        ("newsner extract, no discovery", &plain),
    ] {
        let run = best(repeats, || {
            docs.iter()
                .map(|d| x.extract(d).mentions.len())
                .sum::<usize>() as u64
        });
        out.push(measure(name, 1, run));
    }
    for &t in threads {
        let run = best(repeats, || {
            let opts = RunOptions {
                threads: t,
                report_rejects: false,
                ..RunOptions::default()
            };
            let outputs = Outputs {
                mentions: Some(Box::new(std::io::sink())),
                ..Outputs::default()
            };
            pipeline::run(docs.iter().cloned().map(Item::Doc), ex, &opts, outputs)
                .map(|s| s.mentions)
                .unwrap_or(0)
        });
        out.push(measure("newsner pipeline (mentions CSV)", t, run));
    }
    out
}

/// Peak resident memory of this process so far, in bytes (Linux; None elsewhere).
pub fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
