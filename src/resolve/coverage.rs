//! Whether the bytes of a span are already named by a mention of the field: the steps that add
//! mentions late (organisations' head words and repeats, namesakes) must not name a word twice.
//! A long document has hundreds of thousands of mentions, too many to test each for every
//! candidate, so the steps that ask many times merge the mentions once into runs and search.

use super::Resolved;

/// Whether a mention of `res` overlaps the bytes `s..e`.
pub(super) fn covered(res: &[Resolved], s: usize, e: usize) -> bool {
    res.iter().any(|r| r.start < e && r.end > s)
}

/// The bytes the mentions of a field cover, as sorted runs that neither overlap nor touch.
pub(super) struct Coverage(Vec<(usize, usize)>);

impl Coverage {
    /// The runs of `res`, in any order.
    pub(super) fn of(res: &[Resolved]) -> Coverage {
        let mut spans: Vec<(usize, usize)> = res.iter().map(|r| (r.start, r.end)).collect();
        spans.sort_unstable();
        let mut runs: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match runs.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => runs.push((s, e)),
            }
        }
        Coverage(runs)
    }

    /// Whether a mention overlaps the bytes `s..e`, as [`covered`] answers it: the runs that
    /// start before `e` end in order, so the last of them decides.
    pub(super) fn covers(&self, s: usize, e: usize) -> bool {
        let i = self.0.partition_point(|&(a, _)| a < e);
        i > 0 && self.0[i - 1].1 > s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityRef, MatchKind};

    #[test]
    fn the_runs_answer_as_the_mentions_do() {
        // A fixed pseudo-random sequence of spans: nested, touching, overlapping and empty.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m) as usize
        };
        for _ in 0..200 {
            let res: Vec<Resolved> = (0..next(12))
                .map(|_| {
                    let s = next(60);
                    let e = s + next(12);
                    Resolved::new(s, e, EntityRef::Known(0), MatchKind::Exact)
                })
                .collect();
            let runs = Coverage::of(&res);
            for s in 0..75 {
                for e in s + 1..s + 8 {
                    assert_eq!(runs.covers(s, e), covered(&res, s, e), "{s}..{e} {res:?}");
                }
            }
        }
    }
}
