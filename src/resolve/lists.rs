//! Lists of people in one sentence ("accompanied by A, B and C"): each gets a number, so that
//! output can tell a delegation from people merely named together.

use super::roles::role_start;
use super::Resolved;
use crate::lexicon::{APPOSITIVE_LEADS, LIST_LEADS};
use crate::text::roles::is_role_word;
use crate::text::Sentences;

/// Most words of a role written between commas after a name: a longer clause is no role.
const MAX_APPOSITIVE_WORDS: usize = 14;

/// Numbers the lists of people in a sentence: people one after the other, separated only by
/// commas, "and" and their titles, three or more of them, or two with titles.
pub(super) fn mark_lists(
    text: &str,
    sents: &Sentences,
    res: &mut [Resolved],
    next_id: &mut u32,
    is_person: impl Fn(&Resolved) -> bool,
    members: &mut Vec<usize>,
) {
    let mut i = 0;
    while i < res.len() {
        if !is_person(&res[i]) {
            i += 1;
            continue;
        }
        // The members, by index: people one after the other, with only separators (or a role
        // after a name, which may name a group: ", secretary of the Security Council,") between.
        members.clear();
        members.push(i);
        // Where the sentence of the first member ends: the others start before it.
        let sentence_end = sents
            .starts()
            .get(sents.index_of(res[i].start) + 1)
            .copied()
            .unwrap_or(usize::MAX);
        let mut j = i;
        while let Some(k) = (j + 1..res.len()).find(|&k| is_person(&res[k])) {
            if res[k].start >= sentence_end {
                break;
            }
            let gap_end = role_start(text, &res[k]);
            let gap = &text[res[j].end..gap_end.max(res[j].end)];
            let only_separators = k == j + 1
                && gap
                    .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .all(|w| w.is_empty() || w == "and")
                && (gap.contains([',', ';']) || gap.contains("and"));
            if !(only_separators || appositive(gap)) {
                break;
            }
            members.push(k);
            j = k;
        }
        let n = members.len();
        let titled = members.iter().all(|&m| res[m].role.is_some());
        if n >= 3 || (n == 2 && titled) {
            // The person the list travels with: "X was accompanied by A, B and C".
            if let Some(p) = (0..i).rev().find(|&p| is_person(&res[p])) {
                let between = &text[res[p].end..role_start(text, &res[i]).max(res[p].end)];
                let same = sents.index_of(res[p].start) == sents.index_of(res[i].start);
                if same && LIST_LEADS.iter().any(|w| between.contains(w)) {
                    members.push(p);
                }
            }
            for &m in members.iter() {
                res[m].list = Some(*next_id);
            }
            *next_id += 1;
        }
        i = j + 1;
    }
}

/// Whether the text between two people of a list is a role after the first one: ", the head of
/// the presidential office, " or ", secretary of the Security Council, and".
fn appositive(gap: &str) -> bool {
    let g = gap.trim();
    let Some(inner) = g.strip_prefix(',') else {
        return false;
    };
    let inner = inner.trim_end();
    let inner = inner.strip_suffix("and").unwrap_or(inner).trim_end();
    let Some(inner) = inner.strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    !words.is_empty()
        && words.len() <= MAX_APPOSITIVE_WORDS
        && !inner.contains(['.', ';', '(', ')', '"', '“', '”'])
        && (APPOSITIVE_LEADS.contains(&first) || is_role_word(first))
}
