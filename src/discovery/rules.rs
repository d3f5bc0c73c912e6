//! The rules of discovery, over the tokens of one text: each proposes candidate spans, and the
//! longest candidates win.

use super::names::canonical;
use super::tokens::Tok;
use super::{class, Discoverer, Found, NameType, RULES};
use crate::lexicon::{
    shipped_lists, Lone, HONOURS, ORG_BACK_DETERMINERS, ORG_NOUNS_ALSO_TRADES, ORG_STAFF_NOUNS,
    TITLE_JOINERS, UNIVERSITY_SHORT_TAILS,
};
use std::collections::BTreeMap;

/// Longest organisation name, in tokens: longer capitalized runs are headlines or lists.
const MAX_ORG_TOKENS: usize = 12;

/// A span a rule proposes.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cand {
    /// First token.
    s: usize,
    /// One past the last token.
    e: usize,
    kind: NameType,
    /// The rule, as its index in [`RULES`].
    prio: usize,
}

/// The rules over the tokens of one text.
pub(super) struct Scan<'a> {
    pub(super) d: &'a Discoverer,
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
}

// The rules, by their index in [`RULES`].
const CREDIT: usize = 0;
const HONORIFIC: usize = 1;
const TITLE: usize = 2;
const ORG: usize = 3;
const ATTRIBUTION: usize = 4;
const FIRST_NAME: usize = 5;
pub(super) const PLACE: usize = 6;

impl<'a> Scan<'a> {
    /// The rules over `toks`, the tokens of `text`.
    pub(super) fn new(d: &'a Discoverer, text: &'a str, toks: &'a [Tok]) -> Self {
        Scan { d, text, toks }
    }

    /// The names the rules find, sorted by start, not overlapping.
    pub(super) fn run(&self) -> Vec<Found> {
        let mut cands = Vec::new();
        self.candidates(&mut cands);
        self.resolve(cands)
    }

    /// The text of token `i`.
    #[inline]
    pub(super) fn w(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.s..t.e]
    }

    /// Whether token `i` is in one of the lists `bits`.
    #[inline]
    pub(super) fn is(&self, i: usize, bits: u32) -> bool {
        self.toks[i].class & bits != 0
    }

    /// A role word, or role words joined by hyphens ("Vice-President").
    fn is_role(&self, i: usize) -> bool {
        self.d.is_role(self.w(i), self.toks[i].class)
    }

    /// A role word that can make a title by itself.
    pub(super) fn is_head(&self, i: usize) -> bool {
        if self.is(i, class::ROLE) {
            !self.is(i, class::MODIFIER)
        } else {
            self.is_role(i) && self.w(i).split('-').any(|p| !self.d.is(p, class::MODIFIER))
        }
    }

    /// A stopword that cannot start an organisation name.
    pub(super) fn org_stop(&self, i: usize) -> bool {
        self.is(i, class::STOP) && !self.is(i, class::ORG_START_OK)
    }

    /// A token that can be part of a person name (not a particle).
    #[inline]
    fn is_name(&self, i: usize) -> bool {
        self.toks[i].name
    }

    /// A name particle written in lowercase ("bin", "van").
    fn is_particle(&self, i: usize) -> bool {
        self.toks[i].is_particle()
    }

    /// An initial ("W.").
    fn is_initial(&self, i: usize) -> bool {
        self.toks[i].is_initial(self.text.as_bytes())
    }

    /// Whether token `i` is written in ALL CAPS, with two letters or more, and is no Roman
    /// numeral ("ICT", not "W." nor "III").
    fn shouted(&self, i: usize) -> bool {
        let w = self.w(i);
        if w.bytes().all(|c| matches!(c, b'I' | b'V' | b'X')) {
            return false;
        }
        w.chars().filter(|c| c.is_uppercase()).nth(1).is_some()
            && !w.chars().any(char::is_lowercase)
    }

    /// Longest person name starting at token `i` (free tokens only); returns its end token if it
    /// has `min..=max` name tokens. Particles and initials may sit inside, never at the ends.
    fn name_at(&self, i: usize, min: usize, max: usize) -> Option<usize> {
        let toks = &self.toks;
        if i >= toks.len() || !toks[i].free || !self.is_name(i) {
            return None;
        }
        let mut count = 1;
        let mut end = i + 1;
        let mut j = i + 1;
        // In a name written in mixed case, a word in ALL CAPS is an acronym ("Kenya ICT Board").
        let mixed = !self.shouted(i);
        while j < toks.len() && toks[j].joined && toks[j].free {
            if mixed && self.shouted(j) {
                break;
            }
            if self.is_name(j) {
                count += 1;
                end = j + 1;
                if count > max {
                    return None;
                }
            } else if !(self.is_particle(j) || self.is_initial(j)) {
                break;
            }
            j += 1;
        }
        (count >= min).then_some(end)
    }

    /// The first name word of tokens `s..e` after the first that is a plain common word
    /// ("Winter Carnival", "Golden Age", "SPRING TERM", "Debbie Died"): there a given name stops
    /// naming a person; from there on, the words name a thing or an event. A Roman numeral is no
    /// such word ("William Fisher III").
    fn first_thing_word(&self, s: usize, e: usize) -> Option<usize> {
        /// Longest word looked up, in bytes: common words are shorter.
        const MAX_WORD: usize = 24;
        let words = shipped_lists();
        (s + 1..e).find(|&k| {
            let w = self.w(k).as_bytes();
            if !self.is_name(k) || w.len() > MAX_WORD || !w.is_ascii() {
                return false;
            }
            if w.iter().all(|c| matches!(c, b'I' | b'V' | b'X')) {
                return false;
            }
            let mut buf = [0u8; MAX_WORD];
            buf[..w.len()].copy_from_slice(w);
            buf[..w.len()].make_ascii_lowercase();
            std::str::from_utf8(&buf[..w.len()]).is_ok_and(|f| words.is_plain_word(f))
        })
    }

    /// Whether the name at tokens `s..e` holds a plain common word ([`Self::first_thing_word`]).
    fn names_a_thing(&self, s: usize, e: usize) -> bool {
        self.first_thing_word(s, e).is_some()
    }

    /// The end of the person's name at tokens `s..e` once it stops before its first plain
    /// common word ("James Webb" of "James Webb Space Telescope"); None when fewer than two name
    /// words are left ("Golden Age"), and None when its last word is the cue word of a place
    /// ("Florence Street").
    fn before_thing(&self, s: usize, e: usize) -> Option<usize> {
        if self.ends_place(s, e - 1) {
            return None;
        }
        let Some(k) = self.first_thing_word(s, e) else {
            return Some(e);
        };
        // The name ends on a name word, not on a particle or an initial.
        let end = (s..k).rev().find(|&m| self.is_name(m))? + 1;
        ((s..end).filter(|&m| self.is_name(m)).count() >= 2).then_some(end)
    }

    /// Whether tokens `s..e` are one word said twice ("Duran Duran", "Talk Talk"): a band or a
    /// brand, never a given name and a surname.
    fn doubled(&self, s: usize, e: usize) -> bool {
        e == s + 2 && self.w(s) == self.w(s + 1)
    }

    /// Proposes tokens `s..e` as a name of `kind`, found by rule `prio`.
    pub(super) fn push(out: &mut Vec<Cand>, s: usize, e: usize, kind: NameType, prio: usize) {
        out.push(Cand { s, e, kind, prio });
    }

    /// Every rule, at every token.
    fn candidates(&self, out: &mut Vec<Cand>) {
        let toks = &self.toks;
        let n = toks.len();
        let mut role_end = 0;
        let mut org_end = 0;
        for i in 0..n {
            let t = toks[i];
            if !t.free {
                continue;
            }
            if !t.cap {
                if i + 1 < n && toks[i + 1].joined && (toks[i + 1].cap || self.is_name(i + 1)) {
                    self.lower_trigger(i, out);
                }
                if i > 0 && t.joined && (toks[i - 1].cap || self.is_name(i - 1)) {
                    self.name_before_verb(i, out);
                    self.org_before_staff(i, out);
                }
                continue;
            }
            let w = self.w(i);
            self.credit(i, out);
            if matches!(w, "By" | "BY") {
                self.byline(i, out);
            }
            if self.is(i, class::NOUN) && i + 1 < n && toks[i + 1].joined && self.opens_sentence(i)
            {
                self.role_noun_first(i, out);
            }
            if self.is(i, class::HONORIFIC) && i + 1 < n && toks[i + 1].joined {
                if let Some(e) = self.name_at(i + 1, 1, 4) {
                    Self::push(out, i + 1, e, NameType::Person, HONORIFIC);
                }
            }
            if i >= role_end && self.is_role(i) {
                role_end = self.title(i, out);
            }
            if self.is_name(i) && self.d.opens_full_name(w) {
                if let Some(e) = self.name_at(i, 2, 4).and_then(|e| self.before_thing(i, e)) {
                    if !self.doubled(i, e) {
                        Self::push(out, i, e, NameType::Person, FIRST_NAME);
                    }
                }
            }
            if i >= org_end {
                org_end = self.org(i, out);
            }
        }
    }

    /// Rule "title": a run of role words (with at least one head) directly followed by 2-5 name
    /// tokens. Returns the end of the role run.
    fn title(&self, i: usize, out: &mut Vec<Cand>) -> usize {
        let toks = &self.toks;
        let n = toks.len();
        let mut j = i;
        let mut head = false;
        loop {
            if j >= n || !toks[j].free || (j > i && !toks[j].joined) {
                break;
            }
            if self.is_role(j) {
                head |= self.is_head(j);
                j += 1;
                continue;
            }
            let mut k = j;
            while k < n && toks[k].joined && toks[k].free && TITLE_JOINERS.contains(&self.w(k)) {
                k += 1;
            }
            if k > j && k < n && toks[k].joined && toks[k].free && self.is_role(k) {
                j = k;
                continue;
            }
            break;
        }
        if head && j < n && toks[j].joined {
            if let Some(e) = self.name_at(j, 2, 5) {
                Self::push(out, j, e, NameType::Person, TITLE);
            }
        }
        j.max(i + 1)
    }

    /// Rules triggered by a lowercase word before a name: "said NAME", "according to NAME",
    /// "analyst NAME" (attribution) and "Photo by NAME" (credit).
    fn lower_trigger(&self, i: usize, out: &mut Vec<Cand>) {
        if self.is(i, class::ORG_NOUN) {
            self.named_by_noun(i, out);
        }
        let w = self.w(i);
        let according = w == "to" && i > 0 && self.toks[i].joined && self.w(i - 1) == "according";
        if according || self.is(i, class::SAY_BEFORE | class::NOUN) {
            if let Some(e) = self
                .name_at(i + 1, 2, 3)
                .and_then(|e| self.before_thing(i + 1, e))
            {
                Self::push(out, i + 1, e, NameType::Person, ATTRIBUTION);
            }
        }
        if w == "by" && i > 0 && self.toks[i].joined && self.is(i - 1, class::CREDIT) {
            if let Some(e) = self.name_at(i + 1, 2, 4) {
                Self::push(out, i + 1, e, NameType::Person, CREDIT);
            }
        }
    }

    /// Rule "org-pattern" after a noun for a kind of organisation ("the publishing giant
    /// Elsevier", "investment bank Merrill Lynch"): the 1-3 capitalized words right after the
    /// noun at `i`, when they are not a title or a stopword, and no further capitalized word
    /// follows. They must not open with a given name after a noun that is a person's trade too
    /// ("broadcaster David Frost"), nor after a noun that points back to an organisation named
    /// before ("the firm David Jones founded").
    fn named_by_noun(&self, i: usize, out: &mut Vec<Cand>) {
        /// Most words of a name after such a noun: longer runs are headlines or lists.
        const MAX_NOUN_NAME: usize = 3;
        let toks = &self.toks;
        let n = toks.len();
        let points_back = i > 0 && toks[i].joined && ORG_BACK_DETERMINERS.contains(&self.w(i - 1));
        if (points_back || ORG_NOUNS_ALSO_TRADES.contains(&self.w(i)))
            && self.d.opens_full_name(self.w(i + 1))
        {
            return;
        }
        let mut e = i + 1;
        while e < n && toks[e].joined && toks[e].free && toks[e].cap {
            if self.org_stop(e) || self.is_role(e) || e - i > MAX_NOUN_NAME {
                return;
            }
            e += 1;
        }
        if e > i + 1 && !(e < n && toks[e].joined && toks[e].cap) {
            Self::push(out, i + 1, e, NameType::Group, ORG);
        }
    }

    /// Rule "org-pattern" before a noun for an organisation's people or website ("Yukos
    /// spokesman", "Bloglines founder"): the one capitalized word before the noun at `n`, when
    /// it stands alone (not the last word of a longer name, nor glued to a symbol as the "S"
    /// of "M&S"), is no possessive, and is not a stopword, a title, a given name, a plain
    /// common word or the adjective of a people ("Health spokesman", "German boss").
    fn org_before_staff(&self, n: usize, out: &mut Vec<Cand>) {
        let i = n - 1;
        let toks = &self.toks;
        if !toks[i].cap || !ORG_STAFF_NOUNS.contains(&self.w(n)) {
            return;
        }
        if i > 0 && toks[i].joined && toks[i - 1].cap && !self.is(i - 1, class::STOP) {
            return;
        }
        let glued = self.text[..toks[i].s]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '"' | '“' | '‘'));
        let w = self.w(i);
        if glued
            || !w.chars().all(char::is_alphanumeric)
            || self.is(i, class::STOP | class::HONORIFIC | class::DOT_OR_DIGIT)
            || self.is_role(i)
            || self.d.is_first_name(w)
            || self.is_common_or_people(i)
        {
            return;
        }
        Self::push(out, i, n, NameType::Group, ORG);
    }

    /// Whether token `i`, in any case, is a plain common word ("Health", "CHARITY") or names a
    /// people or its adjective ("European", "Kurds").
    fn is_common_or_people(&self, i: usize) -> bool {
        let folded = self.w(i).to_lowercase();
        let words = shipped_lists();
        words.is_plain_word(&folded) || matches!(words.lone(&folded), Lone::Demonym | Lone::People)
    }

    /// Whether token `i` opens a sentence or a line.
    fn opens_sentence(&self, i: usize) -> bool {
        i == 0
            || self.text[self.toks[i - 1].e..self.toks[i].s]
                .bytes()
                .any(|c| matches!(c, b'.' | b'!' | b'?' | b'\n'))
    }

    /// Rule "attribution" after a role noun that opens a sentence ("Physicist Jane Roe
    /// showed"): the noun at `i` is the role, the 2-3 name tokens after it the person.
    fn role_noun_first(&self, i: usize, out: &mut Vec<Cand>) {
        if let Some(e) = self
            .name_at(i + 1, 2, 3)
            .and_then(|e| self.before_thing(i + 1, e))
        {
            Self::push(out, i + 1, e, NameType::Person, ATTRIBUTION);
        }
    }

    /// Rule "attribution": "NAME said" with 2-3 name tokens after a sentence start, punctuation
    /// or a lowercase word.
    fn name_before_verb(&self, v: usize, out: &mut Vec<Cand>) {
        let toks = &self.toks;
        if !self.is(v, class::SAY_AFTER) {
            return;
        }
        let mut j = v - 1;
        let mut count = 0;
        let mut first = None;
        let mut last = None;
        loop {
            if !toks[j].free {
                return;
            }
            // "Physicist Zorg Quux said": a role noun that opens the sentence is no name word.
            if first.is_some() && toks[j].cap && self.is(j, class::NOUN) {
                break;
            }
            if self.is_name(j) {
                count += 1;
                if count > 3 {
                    return;
                }
                first = Some(j);
                last.get_or_insert(j);
            } else if !(self.is_particle(j) || self.is_initial(j)) {
                // a non-name word glued to the name: only a lowercase word is acceptable
                if toks[j].cap || first.is_none() {
                    return;
                }
                break;
            }
            if j == 0 || !toks[j].joined {
                break;
            }
            j -= 1;
        }
        if let (Some(s), Some(l)) = (first, last) {
            if count >= 2 && !self.names_a_thing(s, l + 1) {
                Self::push(out, s, l + 1, NameType::Person, ATTRIBUTION);
            }
        }
    }

    /// Rule "credit": "(NAME/AGENCY)", "credit: NAME/AGENCY", "Photo: NAME/AGENCY", or a
    /// line-initial "NAME/AGENCY".
    fn credit(&self, i: usize, out: &mut Vec<Cand>) {
        let toks = &self.toks;
        let n = toks.len();
        let gap = if i == 0 {
            &self.text[..toks[0].s]
        } else {
            &self.text[toks[i - 1].e..toks[i].s]
        };
        let g = gap.trim_end();
        let left_ok = if g.ends_with('(') {
            true
        } else if g.ends_with(':') {
            i > 0 && g.len() == 1 && self.is(i - 1, class::CREDIT)
        } else {
            i == 0 || gap.contains('\n')
        };
        if !left_ok {
            return;
        }
        let Some(e) = self.name_at(i, 2, 4) else {
            return;
        };
        if e >= n || !toks[e].cap || self.text[toks[e - 1].e..toks[e].s].trim() != "/" {
            return;
        }
        Self::push(out, i, e, NameType::Person, CREDIT);
    }

    /// Rule "credit" for a byline: a line that holds only "By" and the names of its authors
    /// ("By Jane Roe", "By Jane Roe, John Doe and Ann Poe"), two to four name tokens each,
    /// joined by commas and "and". A line that goes on after the names proposes nobody ("By
    /// Zorg Bridge the road turns").
    fn byline(&self, i: usize, out: &mut Vec<Cand>) {
        let toks = &self.toks;
        let n = toks.len();
        let gap = |k: usize| &self.text[toks[k - 1].e..toks[k].s];
        if i > 0 && !gap(i).contains('\n') {
            return;
        }
        let mut names = Vec::new();
        let mut j = i + 1;
        loop {
            let Some(e) = self.name_at(j, 2, 4) else {
                return;
            };
            names.push((j, e));
            if e == n || gap(e).contains('\n') {
                break;
            }
            j = match (gap(e).trim(), self.w(e)) {
                ("," | "", "and" | "AND") => e + 1,
                (",", _) => e,
                _ => return,
            };
            if j >= n || gap(j).contains('\n') {
                return;
            }
        }
        for (s, e) in names {
            Self::push(out, s, e, NameType::Person, CREDIT);
        }
    }

    /// Rule "org-pattern" over the maximal run of capitalized words starting at `a`.
    /// Returns the end of the run.
    fn org(&self, a: usize, out: &mut Vec<Cand>) -> usize {
        let toks = &self.toks;
        let n = toks.len();
        let mut k = a + 1;
        let mut last = a;
        while k < n && toks[k].joined && toks[k].free {
            let w = self.w(k);
            if toks[k].cap || w == "plc" {
                last = k;
                k += 1;
                continue;
            }
            let prev = self.w(k - 1);
            let ok = match w {
                "of" | "for" => toks[k - 1].cap,
                "the" => matches!(prev, "of" | "for" | "on" | "in"),
                "and" => toks[k - 1].cap && !self.is(k - 1, class::SUFFIX),
                "on" | "in" => self.is(k - 1, class::SUFFIX | class::STARTER),
                _ => toks[k - 1].cap && self.is(k, class::ORG_JOINER),
            };
            if !ok {
                break;
            }
            k += 1;
        }
        let b = last + 1;
        if b - a >= 2 {
            let suffix =
                |k: usize| self.is(k, class::SUFFIX) && !self.surname_after_given_name(a, k);
            let starter = |k: usize| self.is(k, class::STARTER);
            self.suffix_names(a, b, suffix, NameType::Group, ORG, out);
            self.starter_names(a, b, starter, NameType::Group, ORG, out);
            self.place_cues(a, b, out);
            self.university_short_name(a, b, out);
        }
        b
    }

    /// "Penn State", "Georgia Tech": the short name of a university ([`UNIVERSITY_SHORT_TAILS`])
    /// in the run `a..b`, when the word before the tail is no stopword, title, plain common
    /// word nor adjective of a people ("Garden State", "Secretary of State", "the German
    /// State"), and starts a name: no capitalized word but a stopword comes right before it
    /// ("The Penn State team", "fans of Penn State"; not "São Paulo State").
    fn university_short_name(&self, a: usize, b: usize, out: &mut Vec<Cand>) {
        let toks = &self.toks;
        for k in a + 1..b {
            if !UNIVERSITY_SHORT_TAILS.contains(&self.w(k)) {
                continue;
            }
            let x = k - 1;
            let starts = x == 0 || !toks[x].joined || !toks[x - 1].cap || self.org_stop(x - 1);
            if !starts
                || !toks[x].cap
                || self.org_stop(x)
                || self.is_role(x)
                || self.is(x, class::HONORIFIC | class::DOT_OR_DIGIT)
                || self.is_common_or_people(x)
            {
                continue;
            }
            Self::push(out, x, k + 1, NameType::Group, ORG);
        }
    }

    /// "... Committee", "... Street": every suffix word of the run (`is_suffix`) closes a name of
    /// `kind` that starts after the last stopword or title head before it.
    pub(super) fn suffix_names(
        &self,
        a: usize,
        b: usize,
        is_suffix: impl Fn(usize) -> bool,
        kind: NameType,
        prio: usize,
        out: &mut Vec<Cand>,
    ) {
        let toks = &self.toks;
        for k in a + 1..b {
            if !is_suffix(k) {
                continue;
            }
            let lo = (k + 1).saturating_sub(MAX_ORG_TOKENS).max(a);
            let mut s = (lo..k)
                .rev()
                .find(|&m| {
                    toks[m].cap
                        && (self.org_stop(m) || self.is_head(m) || self.is(m, class::HONORIFIC))
                })
                .map_or(lo, |m| m + 1);
            while s < k && !toks[s].cap {
                s += 1;
            }
            s = self.after_person_of(s, k);
            s = self.after_honour_of(s, k);
            let caps = (s..=k)
                .filter(|&m| toks[m].cap || self.w(m) == "plc")
                .count();
            if caps >= 2 {
                Self::push(out, s, k + 1, kind, prio);
            }
        }
    }

    /// Where a name that starts at `s` and ends at `k` starts once a person "of" it is left out:
    /// "Troy Dalby of Grand Press" is Grand Press, when the run opens with a given name.
    fn after_person_of(&self, s: usize, k: usize) -> usize {
        let Some(of) = (s..k).rev().find(|&m| self.w(m) == "of") else {
            return s;
        };
        if !self.d.is_first_name(self.w(s)) {
            return s;
        }
        if self.w(of + 1) == "the" {
            of + 2
        } else {
            of + 1
        }
    }

    /// Where a name that starts at `s` and ends at `k` starts once an honour "of" it is left
    /// out: "Fellow of the Royal Society" is the Royal Society ([`HONOURS`]).
    fn after_honour_of(&self, s: usize, k: usize) -> usize {
        // An honour as written, or in ALL CAPS.
        let honour = |m: usize| {
            let w = self.w(m);
            HONOURS.iter().any(|h| {
                *h == w || (h.eq_ignore_ascii_case(w) && !w.bytes().any(|c| c.is_ascii_lowercase()))
            })
        };
        match (s + 1..k)
            .rev()
            .find(|&m| self.w(m) == "of" && honour(m - 1))
        {
            Some(of) if self.w(of + 1) == "the" => of + 2,
            Some(of) => of + 1,
            None => s,
        }
    }

    /// "Ministry of ...", "Gulf of ...": a starter word of the run (`is_starter`) opens a name of
    /// `kind` that continues over capitalized words until a stopword or the title of a person
    /// ("Ministry of Health Spokesman Tarek Mansour" -> "Ministry of Health").
    pub(super) fn starter_names(
        &self,
        a: usize,
        b: usize,
        is_starter: impl Fn(usize) -> bool,
        kind: NameType,
        prio: usize,
        out: &mut Vec<Cand>,
    ) {
        let toks = &self.toks;
        for p in a..b.saturating_sub(2) {
            let joins =
                matches!(self.w(p + 1), "of" | "for" | "on") || self.is(p + 1, class::ORG_JOINER);
            if !is_starter(p) || !joins {
                continue;
            }
            // first capitalized word after "of" / "for the" / "on"
            let c = if self.w(p + 2) == "the" { p + 3 } else { p + 2 };
            if c >= b || !toks[c].cap {
                continue;
            }
            let mut s = p;
            while s > a && p - s < 3 && toks[s - 1].cap {
                let w = s - 1;
                if self.org_stop(w)
                    || self.is_head(w)
                    || self.is(w, class::SUFFIX | class::STARTER | class::HONORIFIC)
                {
                    break;
                }
                s -= 1;
            }
            let mut last = p + 1;
            let mut q = c;
            while q < b && q < p + MAX_ORG_TOKENS {
                if toks[q].cap {
                    if self.org_stop(q) {
                        break;
                    }
                    if self.is_head(q) && q + 1 < b && toks[q + 1].cap && !self.is_role(q + 1) {
                        let mut r = q;
                        while r > c && self.is(r - 1, class::PREFIX) {
                            r -= 1;
                        }
                        last = (c..r).rev().find(|&m| toks[m].cap).unwrap_or(p + 1);
                        break;
                    }
                    last = q;
                }
                q += 1;
            }
            if last >= c {
                Self::push(out, s, last + 1, kind, prio);
            }
        }
    }

    /// Keeps the longest candidates (ties: rule priority), drops overlaps, sorts by start.
    fn resolve(&self, mut cands: Vec<Cand>) -> Vec<Found> {
        let toks = &self.toks;
        let span = |c: &Cand| (toks[c.s].s, toks[c.e - 1].e);
        cands.sort_by_key(|c| {
            let (s, e) = span(c);
            (std::cmp::Reverse(e - s), c.prio, s)
        });
        let mut chosen: BTreeMap<usize, (usize, Cand)> = BTreeMap::new();
        for c in cands {
            let (s, e) = span(&c);
            if let Some((_, (pe, _))) = chosen.range(..=s).next_back() {
                if *pe > s {
                    continue;
                }
            }
            if let Some((ns, _)) = chosen.range(s..).next() {
                if *ns < e {
                    continue;
                }
            }
            chosen.insert(s, (e, c));
        }
        chosen
            .into_iter()
            .map(|(start, (end, c))| Found {
                start,
                end,
                kind: c.kind,
                name: canonical(&self.text[start..end]),
                rule: RULES[c.prio],
            })
            .collect()
    }
}
