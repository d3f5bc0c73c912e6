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
    /// Wall seconds (best of the rounds).
    pub seconds: f64,
    /// Wall seconds of each round.
    pub rounds: Vec<f64>,
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

/// A measured job: it does its set-up, times its work with [`timed`] and returns what it found
/// and the seconds of the work alone.
type Job<'a> = Box<dyn FnMut() -> (u64, f64) + 'a>;

/// Runs `work` and returns its result with the wall seconds it took.
fn timed<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = work();
    (out, t.elapsed().as_secs_f64())
}

/// Runs every job once per round, `repeats` rounds, and keeps each job's times. The jobs take
/// turns instead of running their repeats back to back, so a slow minute of a shared machine
/// falls on all of them alike and their times stay comparable.
fn rounds(repeats: usize, jobs: &mut [Job<'_>]) -> Vec<(Vec<f64>, u64)> {
    let mut out = vec![(Vec::new(), 0); jobs.len()];
    for _ in 0..repeats.max(1) {
        for (job, (times, found)) in jobs.iter_mut().zip(out.iter_mut()) {
            let (n, seconds) = job();
            *found = n;
            times.push(seconds);
        }
    }
    out
}

/// Runs the bare scans (one thread) and the whole pipeline (JSONL in memory -> mentions CSV to a
/// sink) at each thread count, in `repeats` rounds in which the jobs take turns, so a slow
/// minute of a shared machine falls on all of them alike; each [`Measure`] keeps the best time
/// and the time of every round.
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
    let mut names: Vec<(String, usize)> = Vec::new();
    let mut jobs: Vec<Job<'_>> = Vec::new();
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
        names.push((name.into(), 1));
        jobs.push(Box::new(move || {
            timed(|| {
                docs.iter()
                    .map(|d| {
                        bare_scan(&ac, &d.text)
                            + d.title.as_deref().map_or(0, |t| bare_scan(&ac, t))
                    })
                    .sum::<usize>() as u64
            })
        }));
    }
    let plain = ex.with_options(crate::ExtractOptions {
        discover: false,
        ..Default::default()
    });
    for (name, x) in [
        ("newsner extract only", ex.clone()),
        ("newsner extract, no discovery", plain),
    ] {
        names.push((name.into(), 1));
        jobs.push(Box::new(move || {
            timed(|| {
                docs.iter()
                    .map(|d| x.extract(d).mentions.len())
                    .sum::<usize>() as u64
            })
        }));
    }
    for &t in threads {
        names.push(("newsner pipeline (mentions CSV)".into(), t));
        jobs.push(Box::new(move || {
            let opts = RunOptions {
                threads: t,
                report_rejects: false,
                ..RunOptions::default()
            };
            let outputs = Outputs {
                mentions: Some(Box::new(std::io::sink())),
                ..Outputs::default()
            };
            // The pipeline takes its documents by value, as a reader hands them over; copying
            // them out of `docs` is the bench's work, not the pipeline's, and is not timed.
            let items: Vec<Item> = docs.iter().cloned().map(Item::Doc).collect();
            timed(|| {
                pipeline::run(items.into_iter(), ex, &opts, outputs)
                    .map(|s| s.mentions)
                    .unwrap_or(0)
            })
        }));
    }
    let n = docs.len() as u64;
    names
        .into_iter()
        .zip(rounds(repeats, &mut jobs))
        .map(|((name, threads), (times, found))| Measure {
            name,
            threads,
            seconds: times.iter().copied().fold(f64::INFINITY, f64::min),
            rounds: times,
            bytes,
            documents: n,
            found,
        })
        .collect()
}

/// For each round, the time of the fastest bare scan of that round over `m`'s time: how fast
/// `m` runs next to the baseline measured in the same seconds. Sorted, so the middle one is the
/// median.
pub fn round_ratios(results: &[Measure], m: &Measure) -> Vec<f64> {
    let bare: Vec<&Measure> = results
        .iter()
        .filter(|r| r.name.starts_with("bare"))
        .collect();
    let mut out: Vec<f64> = (0..m.rounds.len())
        .filter_map(|k| {
            let fastest = bare
                .iter()
                .filter_map(|b| b.rounds.get(k))
                .copied()
                .fold(f64::INFINITY, f64::min);
            fastest.is_finite().then(|| fastest / m.rounds[k])
        })
        .collect();
    out.sort_by(f64::total_cmp);
    out
}

/// Peak resident memory of this process so far, in bytes (Linux; None elsewhere).
pub fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, rounds: &[f64]) -> Measure {
        Measure {
            name: name.into(),
            threads: 1,
            seconds: rounds.iter().copied().fold(f64::INFINITY, f64::min),
            rounds: rounds.to_vec(),
            bytes: 1,
            documents: 1,
            found: 0,
        }
    }

    #[test]
    fn ratios_take_the_fastest_bare_scan_of_each_round() {
        let results = vec![
            m("bare aho-corasick (dfa)", &[1.0, 4.0, 2.0]),
            m("bare aho-corasick (contiguous nfa)", &[2.0, 3.0, 2.0]),
            m("newsner pipeline (mentions CSV)", &[2.0, 4.0, 8.0]),
        ];
        let r = round_ratios(&results, &results[2]);
        assert_eq!(r, vec![0.25, 0.5, 0.75]);
    }

    #[test]
    fn rounds_run_every_job_each_round_in_turn() {
        let order = std::cell::RefCell::new(Vec::new());
        let mut jobs: Vec<Job<'_>> = vec![
            Box::new(|| {
                order.borrow_mut().push('a');
                (1, 0.5)
            }),
            Box::new(|| {
                order.borrow_mut().push('b');
                (2, 0.25)
            }),
        ];
        let out = rounds(3, &mut jobs);
        drop(jobs);
        assert_eq!(order.into_inner(), vec!['a', 'b', 'a', 'b', 'a', 'b']);
        assert_eq!(out, vec![(vec![0.5; 3], 1), (vec![0.25; 3], 2)]);
    }
}
