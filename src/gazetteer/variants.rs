//! Spelling variants of gazetteer names (transliterations, Arabic articles, "St."/"Saint", surnames)
//! so the gazetteer need not list every spelling that news uses.
//!
//! Decisions a reader may look for:
//! * Per kind: "person" gets article forms (incl. dropping the article of the *final* word),
//!   `NAME_SPELLINGS` and the Slavic `-sky` rule; "place" gets only `SAINT_FORMS` and
//!   `PLACE_SPELLINGS` (Kyiv/Kiev...); "group" and any other kind get everything except
//!   dropping the article ("Hayat Tahrir al-Sham" never becomes "Hayat Tahrir Sham").
//! * Order: variants changing one word come first, then two words, ...; within that, the
//!   earlier words are changed first and alternatives follow table order. The list is cut at `MAX_VARIANTS`.
//! * Words are separated by whitespace; the hyphen only joins an Arabic article to its stem.

use crate::lexicon::{CHINESE_FAMILY_NAMES, EAST_ASIAN_FAMILY_NAMES};
use std::collections::HashSet;

/// Most variants `variants` returns for one name.
pub const MAX_VARIANTS: usize = 24;

/// Transliteration groups for persons and groups (and kinds other than place). Matching is
/// case-insensitive; output copies the capitalization of the word it replaces. An entry may
/// hold several words ("Abd el"). A word must not appear in two groups (tested).
const NAME_SPELLINGS: &[&[&str]] = &[
    &["Ahmed", "Ahmad"],
    &["Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed"],
    &["Mahmoud", "Mahmud"],
    &["Hussein", "Husayn", "Hussain", "Husain"],
    &["Hassan", "Hasan"],
    &["Shaibani", "Shibani", "Sheibani"],
    &["Qasem", "Qassem", "Kassem", "Qasim"],
    &["Abu", "Abou"],
    &["Abdel", "Abdul", "Abd el"],
    &["Abdullah", "Abdallah"],
    &["Youssef", "Yusuf", "Yousef", "Yousif"],
    &["Omar", "Umar"],
    &["Osama", "Usama"],
    &["Mustafa", "Mustapha"],
    &["Khaled", "Khalid"],
    &["Saeed", "Said"],
    &["Qaeda", "Qaida"],
    &["Hezbollah", "Hizbollah", "Hizballah"],
    &["Houthi", "Huthi"],
    &["Gaddafi", "Qaddafi", "Kadhafi", "Qadhafi"],
    &["Sergey", "Sergei"],
    &["Yevgeny", "Evgeny", "Yevgeniy", "Evgeni"],
    &["Dmitry", "Dmitri", "Dmitriy"],
    &["Alexei", "Alexey", "Aleksei", "Aleksey"],
    &["Alexander", "Aleksandr"],
    &["Yuri", "Yury", "Yuriy"],
    &["Andrei", "Andrey"],
    &["Nikolai", "Nikolay"],
    &["Valery", "Valeriy", "Valerii"],
    &["Vasily", "Vasiliy", "Vasili"],
    &["Maria", "Mariya"],
    &["Natalia", "Natalya"],
    &["Tatiana", "Tatyana"],
    &["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskii"],
];

/// Transliteration groups for place names (used for places, groups and other kinds).
const PLACE_SPELLINGS: &[&[&str]] = &[
    &["Kyiv", "Kiev"],
    &["Kharkiv", "Kharkov"],
    &["Odesa", "Odessa"],
];

/// Arabic article before a hyphen ("al-Sharaa", "ash-Sham"); compared case-insensitively.
const HYPHEN_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ash", "as", "at", "az", "an", "ar", "ath", "adh",
];

/// Arabic article written as its own word ("al Qaeda"); compared exactly. "El" is left out on
/// purpose: as a separate word it is mostly Spanish ("El Chapo", "El País").
const SEPARATE_ARTICLES: &[&str] = &["al", "Al", "el"];

/// Forms of "Saint" in place and group names; never applied to the last word ("Main St.").
const SAINT_FORMS: &[&str] = &["Saint", "St.", "St"];

/// Endings of Slavic surnames, interchangeable on the last word ("Syrskyi" -> "Syrsky").
const SLAVIC_ENDINGS: &[&str] = &["skyi", "skiy", "sky", "skii"];

/// Patronymic markers: such names are not shortened to a surname ("Mohammed bin Salman").
const PATRONYMICS: &[&str] = &["bin", "ibn", "bint"];

/// Words that belong to the surname that follows them ("Abu Qasra", "von der Leyen").
const SURNAME_PARTICLES: &[&str] = &[
    "abu", "abou", "al", "el", "van", "von", "der", "den", "de", "da", "di", "del", "della", "dos",
    "das", "du", "le", "la", "ter", "ten",
];

/// Generational suffixes dropped from the end before taking the surname.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "Jnr", "Snr", "II", "III", "IV"];

/// Titles dropped from the start before taking the surname ("Ayatollah Ali Khamenei").
const TITLES: &[&str] = &[
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Emir",
    "Sultan",
    "Ayatollah",
    "President",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Dr.",
];

/// Which rules apply to a kind.
struct Rules {
    articles: bool,
    drop_article: bool,
    names: bool,
    places: bool,
    slavic: bool,
    saint: bool,
}

fn rules_for(kind: &str) -> Rules {
    if kind.eq_ignore_ascii_case("person") {
        Rules {
            articles: true,
            drop_article: true,
            names: true,
            places: false,
            slavic: true,
            saint: false,
        }
    } else if kind.eq_ignore_ascii_case("place") {
        Rules {
            articles: false,
            drop_article: false,
            names: false,
            places: true,
            slavic: false,
            saint: true,
        }
    } else {
        Rules {
            articles: true,
            drop_article: false,
            names: true,
            places: true,
            slavic: true,
            saint: true,
        }
    }
}

/// One word (or a multi-word unit like "Abd el", "al Qaeda") of the name and its alternatives.
struct Slot {
    text: String,
    alts: Vec<String>,
    /// Article-less forms, used only when this is the final slot of a person name.
    bare: Vec<String>,
}

/// Spellings of `name` that news uses, not including `name` itself, without duplicates
/// (compare case-insensitively), in a deterministic order, at most `MAX_VARIANTS`.
/// `kind` is the entity type label: "person", "group", "place" or other.
pub fn variants(name: &str, kind: &str) -> Vec<String> {
    // Most names hold no word any rule changes: answer those before any work (this runs for
    // every alias of every entity at start-up).
    if !name.split_whitespace().any(may_vary) {
        return Vec::new();
    }
    let rules = rules_for(kind);
    let toks: Vec<&str> = name.split_whitespace().collect();
    let n = toks.len();
    let mut slots: Vec<Slot> = Vec::new();
    let mut i = 0;
    while i < n {
        // Multi-word table entries ("Abd el") first, so their words are not read as articles.
        if let Some((k, alts)) = table_lookup(&toks, i, &rules) {
            if k >= 2 {
                slots.push(Slot {
                    text: toks[i..i + k].join(" "),
                    alts,
                    bare: Vec::new(),
                });
                i += k;
                continue;
            }
        }
        let separate = rules.articles
            && i + 1 < n
            && SEPARATE_ARTICLES.contains(&toks[i])
            && !(rules.drop_article && i == 0) // "Al Gore"
            && starts_with_letter(toks[i + 1]);
        if separate {
            let is_last = i + 1 == n - 1;
            slots.push(article_slot(toks[i], " ", toks[i + 1], is_last, &rules));
            i += 2;
            continue;
        }
        let is_last = i == n - 1;
        if rules.articles {
            if let Some((art, stem)) = split_hyphen_article(toks[i]) {
                slots.push(article_slot(art, "-", stem, is_last, &rules));
                i += 1;
                continue;
            }
        }
        let mut alts = word_alts(&toks, i, &rules);
        if rules.saint && !is_last {
            if let Some(pos) = SAINT_FORMS
                .iter()
                .position(|f| f.eq_ignore_ascii_case(toks[i]))
            {
                for (j, f) in SAINT_FORMS.iter().enumerate() {
                    if j != pos {
                        alts.push(match_case(toks[i], f));
                    }
                }
            }
        }
        slots.push(Slot {
            text: toks[i].to_string(),
            alts,
            bare: Vec::new(),
        });
        i += 1;
    }
    if rules.drop_article && slots.len() >= 2 {
        if let Some(last) = slots.last_mut() {
            let bare = std::mem::take(&mut last.bare);
            last.alts.extend(bare);
        }
    }
    for slot in &mut slots {
        let mut seen: HashSet<String> = HashSet::new();
        seen.insert(slot.text.to_lowercase());
        slot.alts.retain(|a| seen.insert(a.to_lowercase()));
    }
    combine(name, &slots)
}

/// Alternatives of the single word `toks[i]` (tables and, on the last word, Slavic endings).
fn word_alts(toks: &[&str], i: usize, rules: &Rules) -> Vec<String> {
    let mut alts = match table_lookup(toks, i, rules) {
        Some((1, alts)) => alts,
        _ => Vec::new(),
    };
    if rules.slavic && i + 1 == toks.len() {
        alts.extend(slavic_alts(toks[i]));
    }
    alts
}

/// Whether some rule could change word `w`: a table word (or its plural), an Arabic article, a
/// Saint form, or a Slavic "-sky" ending.
fn may_vary(w: &str) -> bool {
    static WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        NAME_SPELLINGS
            .iter()
            .chain(PLACE_SPELLINGS)
            .flat_map(|g| g.iter())
            .flat_map(|e| e.split(' '))
            .map(str::to_ascii_lowercase)
            .collect()
    });
    let l = w.to_ascii_lowercase();
    let l = l.trim_end_matches(['.', ',']);
    words.contains(l)
        || l.strip_suffix('s').is_some_and(|b| words.contains(b))
        || SEPARATE_ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(l))
        || HYPHEN_ARTICLES
            .iter()
            .any(|a| l.strip_prefix(a).is_some_and(|rest| rest.starts_with('-')))
        || SAINT_FORMS.iter().any(|a| a.eq_ignore_ascii_case(l))
        || SLAVIC_ENDINGS.iter().any(|e| l.ends_with(e))
}

/// The longest table entry matching at `toks[i..]`: (words consumed, the other spellings).
/// A trailing "s" is carried over ("Houthis" -> "Huthis").
fn table_lookup(toks: &[&str], i: usize, rules: &Rules) -> Option<(usize, Vec<String>)> {
    // Most words are in no table: answer those with one set lookup instead of a scan.
    static FIRST_WORDS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let first = FIRST_WORDS.get_or_init(|| {
        NAME_SPELLINGS
            .iter()
            .chain(PLACE_SPELLINGS)
            .flat_map(|g| g.iter())
            .map(|e| e.split(' ').next().unwrap_or("").to_ascii_lowercase())
            .collect()
    });
    let t = toks.get(i)?.to_ascii_lowercase();
    if !first.contains(&t) && !t.strip_suffix('s').is_some_and(|b| first.contains(b)) {
        return None;
    }
    let mut tables: Vec<&[&[&str]]> = Vec::new();
    if rules.names {
        tables.push(NAME_SPELLINGS);
    }
    if rules.places {
        tables.push(PLACE_SPELLINGS);
    }
    let mut best: Option<(usize, Vec<String>)> = None;
    for table in tables {
        for group in table.iter() {
            for (j, entry) in group.iter().enumerate() {
                // Table words are ASCII, so an ASCII-case-insensitive comparison is exact and
                // allocates nothing (this runs for every word of every name at start-up).
                let k = entry.split(' ').count();
                if i + k > toks.len() || best.as_ref().is_some_and(|(bk, _)| *bk >= k) {
                    continue;
                }
                let exact = entry
                    .split(' ')
                    .zip(&toks[i..i + k])
                    .all(|(w, t)| w.eq_ignore_ascii_case(t));
                let plural = !exact && k == 1 && {
                    let t = toks[i];
                    (t.ends_with('s') || t.ends_with('S'))
                        && t[..t.len() - 1].eq_ignore_ascii_case(entry)
                };
                if !(exact || plural) {
                    continue;
                }
                let suffix = if plural {
                    &toks[i][toks[i].len() - 1..]
                } else {
                    ""
                };
                let alts = group
                    .iter()
                    .enumerate()
                    .filter(|(o, _)| *o != j)
                    .map(|(_, other)| format!("{}{}", match_case(toks[i], other), suffix))
                    .collect();
                best = Some((k, alts));
            }
        }
    }
    best
}

/// Slot for an article + stem: forms with the original, `al` and `el` article for every
/// spelling of the stem; the bare stems go to `bare`.
fn article_slot(art: &str, sep: &str, stem: &str, is_last: bool, rules: &Rules) -> Slot {
    let mut stems = vec![stem.to_string()];
    if let Some((1, alts)) = table_lookup(&[stem], 0, rules) {
        stems.extend(alts);
    }
    if rules.slavic && is_last {
        stems.extend(slavic_alts(stem));
    }
    let mut arts: Vec<String> = vec![art.to_string()];
    for a in ["al", "el"] {
        let a = match_case(art, a);
        if !arts.iter().any(|x| x.eq_ignore_ascii_case(&a)) {
            arts.push(a);
        }
    }
    let mut forms = Vec::new();
    for s in &stems {
        for a in &arts {
            forms.push(format!("{a}{sep}{s}"));
        }
    }
    let text = forms.remove(0);
    Slot {
        text,
        alts: forms,
        bare: if is_last { stems } else { Vec::new() },
    }
}

/// "al-Sharaa" -> ("al", "Sharaa"); None unless the part before the first hyphen is an article
/// and the stem starts with a letter.
fn split_hyphen_article(tok: &str) -> Option<(&str, &str)> {
    let (art, stem) = tok.split_once('-')?;
    if HYPHEN_ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(art)) && starts_with_letter(stem) {
        Some((art, stem))
    } else {
        None
    }
}

/// Other Slavic endings for a word ending in one of `SLAVIC_ENDINGS`.
fn slavic_alts(tok: &str) -> Vec<String> {
    let lower = tok.to_lowercase();
    let Some(end) = SLAVIC_ENDINGS.iter().find(|e| lower.ends_with(*e)) else {
        return Vec::new();
    };
    if lower.len() != tok.len() {
        return Vec::new(); // lowercasing changed byte lengths; do not slice
    }
    let stem = &tok[..tok.len() - end.len()];
    if stem.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return Vec::new();
    }
    let upper = is_all_upper(tok);
    SLAVIC_ENDINGS
        .iter()
        .filter(|e| *e != end)
        .map(|e| {
            if upper {
                format!("{stem}{}", e.to_uppercase())
            } else {
                format!("{stem}{e}")
            }
        })
        .collect()
}

/// Products of slot alternatives ordered by number of changed slots, cut at `MAX_VARIANTS`.
fn combine(name: &str, slots: &[Slot]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(name.trim().to_lowercase());
    // variable[p] = number of slots at p.. that have alternatives (for pruning)
    let mut variable = vec![0usize; slots.len() + 1];
    for p in (0..slots.len()).rev() {
        variable[p] = variable[p + 1] + usize::from(!slots[p].alts.is_empty());
    }
    let mut pick: Vec<usize> = vec![0; slots.len()];
    for changes in 1..=variable[0] {
        let mut ctx = Combine {
            slots,
            variable: &variable,
            pick: &mut pick,
            out: &mut out,
            seen: &mut seen,
        };
        ctx.walk(0, changes);
        if out.len() >= MAX_VARIANTS {
            break;
        }
    }
    out
}

struct Combine<'a> {
    slots: &'a [Slot],
    variable: &'a [usize],
    pick: &'a mut Vec<usize>,
    out: &'a mut Vec<String>,
    seen: &'a mut HashSet<String>,
}

impl Combine<'_> {
    /// Choose alternatives for slots `pos..` changing exactly `remaining` of them.
    fn walk(&mut self, pos: usize, remaining: usize) {
        if self.out.len() >= MAX_VARIANTS || self.variable[pos] < remaining {
            return;
        }
        if pos == self.slots.len() {
            self.emit();
            return;
        }
        if remaining > 0 {
            for a in 1..=self.slots[pos].alts.len() {
                self.pick[pos] = a;
                self.walk(pos + 1, remaining - 1);
            }
        }
        // keep the original here if the remaining changes still fit after this slot
        if self.variable[pos + 1] >= remaining {
            self.pick[pos] = 0;
            self.walk(pos + 1, remaining);
        }
    }

    fn emit(&mut self) {
        let words: Vec<&str> = self
            .slots
            .iter()
            .zip(self.pick.iter())
            .map(|(s, &p)| {
                if p == 0 {
                    s.text.as_str()
                } else {
                    s.alts[p - 1].as_str()
                }
            })
            .collect();
        let v = words.join(" ");
        if v.split_whitespace().count() == 1 && letter_count(&v) < 4 {
            return;
        }
        if self.seen.insert(v.to_lowercase()) {
            self.out.push(v);
        }
    }
}

/// Shortest acronym written as a word in title case: shorter ones ("SNP", "BBC") are read
/// letter by letter and always written in capitals.
const MIN_WORD_ACRONYM: usize = 4;

/// The title-case spelling of a group's acronym that is said as a word, as British news
/// writes it ("Fifa", "Uefa", "Nasa", "Ukip" for FIFA, UEFA, NASA, UKIP): an alias of
/// [`MIN_WORD_ACRONYM`] or more capital letters with a vowel after the first. Only for kind
/// "group". An exact alias of another entity at the same place wins over it ("Nice" the
/// city over NICE); the caller leaves out the spellings that are ordinary words or names.
pub fn word_acronym(alias: &str, kind: &str) -> Option<String> {
    let b = alias.as_bytes();
    let said_as_word = kind == "group"
        && b.len() >= MIN_WORD_ACRONYM
        && b.iter().all(u8::is_ascii_uppercase)
        && b[1..].iter().any(|c| b"AEIOU".contains(c));
    said_as_word.then(|| alias[..1].to_string() + &alias[1..].to_ascii_lowercase())
}

/// The surname forms a person is referred to by alone ("Sharaa", "al-Sharaa" for "Ahmed al-Sharaa";
/// "Putin" for "Vladimir Putin"; "Lula" no; "Kim Jong Un" -> none (East Asian names: the family name comes
/// first and news repeats the full name: return empty when the name has 3 tokens of which the first is a common
/// Korean/Chinese family name like Kim, Lee, Park, Xi, Li, Wang — just check a small list), "Mohammed bin Salman" -> none
/// (patronymic "bin"/"ibn"/"bint" names: return empty), "Recep Tayyip Erdoğan" -> "Erdoğan", "Martin Luther King Jr." -> "King",
/// "Abdel Fattah el-Sisi" -> "el-Sisi", "Sisi"; "Murhaf Abu Qasra" -> "Abu Qasra"; "Ali Khamenei" -> "Khamenei";
/// single-word names (Napoleon) -> none; names with a parenthetical "(...)" disambiguator: drop it first.
/// Only for kind == "person"; otherwise empty.
///
/// Order: the surname with its article or particles first, then the article-less stem
/// (only for a final "al-X"/"al X" of 4+ letters). Titles ("Ayatollah", "King") are dropped
/// from the front; a 2-word name whose first word is a particle ("Abu Obeida") has none.
pub fn surnames(name: &str, kind: &str) -> Vec<String> {
    if !kind.eq_ignore_ascii_case("person") {
        return Vec::new();
    }
    let cleaned = strip_parentheticals(name);
    let mut toks: Vec<&str> = cleaned
        .split_whitespace()
        .map(|t| t.trim_end_matches(','))
        .filter(|t| !t.is_empty())
        .collect();
    while toks.len() > 1 && toks.last().is_some_and(|t| NAME_SUFFIXES.contains(t)) {
        toks.pop();
    }
    if toks.len() > 1 && TITLES.contains(&toks[0]) {
        toks.remove(0);
    }
    if toks.len() < 2 {
        return Vec::new();
    }
    let is_patronymic = |t: &&str| {
        let l = t.to_lowercase();
        PATRONYMICS
            .iter()
            .any(|p| l == *p || l.starts_with(&format!("{p}-")))
    };
    if toks.iter().any(is_patronymic) {
        return Vec::new();
    }
    let first_in = |list: &[&str]| list.iter().any(|f| f.eq_ignore_ascii_case(toks[0]));
    if first_in(EAST_ASIAN_FAMILY_NAMES) {
        // "Kim Jong Un", "Kim Jong-un", "Moon Jae-in", "Xi Jinping"
        let hyphenated_given = toks.len() == 2
            && toks[1]
                .split_once('-')
                .is_some_and(|(_, b)| b.starts_with(|c: char| c.is_lowercase()));
        if toks.len() == 3
            || hyphenated_given
            || (toks.len() == 2 && first_in(CHINESE_FAMILY_NAMES))
        {
            return Vec::new();
        }
    }
    let is_particle = |t: &str| SURNAME_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(t));
    let last = toks.len() - 1;
    let mut start = last;
    while start > 1 && is_particle(toks[start - 1]) {
        start -= 1;
    }
    if start == 1 && is_particle(toks[0]) {
        return Vec::new(); // "Abu Obeida": a kunya is used whole
    }
    let surname = toks[start..].join(" ");
    if letter_count(&surname) < 2 {
        return Vec::new(); // "Malcolm X"
    }
    let mut out = vec![surname];
    let stem = if start == last {
        split_hyphen_article(toks[last]).map(|(_, s)| s)
    } else if start + 1 == last && SEPARATE_ARTICLES.contains(&toks[start]) {
        Some(toks[last])
    } else {
        None
    };
    if let Some(stem) = stem {
        if letter_count(stem) >= 4 {
            out.push(stem.to_string());
        }
    }
    out
}

/// The words of a person's name that other spellings of it must keep, folded (lowercase, no
/// diacritics, no hyphen: "Zhou En-Lai" and "Zhou Enlai" give the same words), without the
/// disambiguator, the peerage after a comma, a title in front or a generational suffix:
/// "George Gordon Noel Byron, 6th Baron Byron" -> `george gordon noel byron`.
pub fn name_words(name: &str) -> Vec<String> {
    let cleaned = strip_parentheticals(name);
    let head = cleaned.split(',').next().unwrap_or("");
    let mut toks: Vec<&str> = head.split_whitespace().collect();
    while toks.len() > 1 && toks.last().is_some_and(|t| NAME_SUFFIXES.contains(t)) {
        toks.pop();
    }
    if toks.len() > 1 && TITLES.contains(&toks[0]) {
        toks.remove(0);
    }
    toks.iter()
        .map(|t| {
            let mut w = String::with_capacity(t.len());
            crate::text::fold::fold_into(t, &mut w);
            w.retain(|c| c != '-');
            w
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Writes to `key` (cleared first) the first and last of [`name_words`] of `name`, joined by a
/// space, without allocating; false, with `key` unspecified, when the name has fewer than two
/// words. The key of [`crate::Gazetteer`]'s index of people.
pub fn name_ends_key(name: &str, key: &mut String) -> bool {
    key.clear();
    // The words before any "(" or ",", as name_words takes them.
    let head = name.split([',', '(']).next().unwrap_or("");
    let mut toks = head.split_whitespace();
    let (Some(mut first), Some(second)) = (toks.next(), toks.next()) else {
        return false;
    };
    // The last word, and the one before it.
    let (mut before, mut last) = (first, second);
    for t in toks {
        (before, last) = (last, t);
    }
    // A generational suffix goes, then a title in front, as name_words does; two words stay.
    if NAME_SUFFIXES.contains(&last) {
        if before == first {
            return false;
        }
        last = before;
    }
    if TITLES.contains(&first) {
        if second == last {
            return false;
        }
        first = second;
    }
    let push = |w: &str, key: &mut String| {
        let from = key.len();
        crate::text::fold::fold_into(w, key);
        if key[from..].contains('-') {
            let folded: String = key[from..].chars().filter(|&c| c != '-').collect();
            key.truncate(from);
            key.push_str(&folded);
        }
    };
    push(first, key);
    key.push(' ');
    push(last, key);
    true
}

/// Removes every "(...)" part ("Andrew Bailey (banker)" -> "Andrew Bailey "); an unclosed "("
/// drops the rest.
fn strip_parentheticals(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `word` with the capitalization pattern of `template`: ALL CAPS, Capitalized or lowercase.
fn match_case(template: &str, word: &str) -> String {
    if is_all_upper(template) {
        return word.to_uppercase();
    }
    match template.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_uppercase() => {
            let mut chars = word.chars();
            match chars.next() {
                Some(f) => f.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
        Some(_) => word.to_lowercase(),
        None => word.to_string(),
    }
}

fn is_all_upper(s: &str) -> bool {
    letter_count(s) > 1
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

fn starts_with_letter(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
}

fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, kind, must contain, must not contain)
    const VARIANT_CASES: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "Ahmed al-Sharaa",
            "person",
            &[
                "Ahmad al-Sharaa",
                "Ahmed el-Sharaa",
                "Ahmed Sharaa",
                "Ahmad Sharaa",
            ],
            &["Ahmed al-Sharaa", "Sharaa"],
        ),
        (
            "Asaad al-Shaibani",
            "person",
            &["Asaad al-Shibani", "Asaad Shibani", "Asaad el-Sheibani"],
            &[],
        ),
        (
            "Qasem Soleimani",
            "person",
            &["Qassem Soleimani", "Kassem Soleimani", "Qasim Soleimani"],
            &[],
        ),
        ("Sergey Lavrov", "person", &["Sergei Lavrov"], &[]),
        (
            "Hayat Tahrir al-Sham",
            "group",
            &["Hayat Tahrir el-Sham"],
            &["Hayat Tahrir Sham"],
        ),
        (
            "al-Qaeda",
            "group",
            &["al-Qaida", "el-Qaeda"],
            &["Qaeda", "Qaida"],
        ),
        ("al Qaeda", "group", &["al Qaida", "el Qaeda"], &["Qaeda"]),
        ("Houthis", "group", &["Huthis"], &[]),
        (
            "Oleksandr Syrskyi",
            "person",
            &["Oleksandr Syrsky", "Oleksandr Syrskiy"],
            &["Aleksandr Syrskyi"],
        ),
        (
            "Volodymyr Zelensky",
            "person",
            &["Volodymyr Zelenskyy", "Volodymyr Zelenskiy"],
            &["Vladimir Zelensky"],
        ),
        (
            "Saint Petersburg",
            "place",
            &["St. Petersburg", "St Petersburg"],
            &[],
        ),
        ("St. Petersburg", "place", &["Saint Petersburg"], &[]),
        ("Kyiv", "place", &[], &[]), // checked in VARIANTS_EXACT
        ("Main St", "place", &[], &["Main Saint"]),
        (
            "Mohammed bin Salman",
            "person",
            &["Muhammad bin Salman", "Mohamed bin Salman"],
            &[],
        ),
        (
            "Abdel Fattah el-Sisi",
            "person",
            &[
                "Abdul Fattah el-Sisi",
                "Abdel Fattah al-Sisi",
                "Abd el Fattah el-Sisi",
                "Abdel Fattah Sisi",
            ],
            &[],
        ),
        (
            "Abd el Fattah el-Sisi",
            "person",
            &["Abdel Fattah el-Sisi", "Abdul Fattah al-Sisi"],
            &["Abd al Fattah el-Sisi"],
        ),
        (
            "Izz ad-Din al-Haddad",
            "person",
            &[
                "Izz al-Din al-Haddad",
                "Izz el-Din al-Haddad",
                "Izz ad-Din Haddad",
            ],
            &["Izz Din al-Haddad"],
        ),
        ("Al Gore", "person", &[], &["el Gore", "Gore"]),
        ("Hossein Salami", "person", &[], &["Hussein Salami"]),
        (
            "AHMED AL-SHARAA",
            "person",
            &["AHMAD AL-SHARAA", "AHMED EL-SHARAA"],
            &[],
        ),
    ];

    /// (name, kind, exact expected variants)
    const VARIANTS_EXACT: &[(&str, &str, &[&str])] = &[
        ("Moscow", "place", &[]),
        ("Napoleon", "person", &[]),
        ("Kyiv", "place", &["Kiev"]),
        ("Kyiv", "person", &[]),
        ("Ahmed Hassan", "place", &[]),
        (
            "Ahmed al-Sharaa",
            "person",
            &[
                "Ahmad al-Sharaa",
                "Ahmed el-Sharaa",
                "Ahmed Sharaa",
                "Ahmad el-Sharaa",
                "Ahmad Sharaa",
            ],
        ),
    ];

    /// (name, kind, exact expected surnames)
    const SURNAME_CASES: &[(&str, &str, &[&str])] = &[
        ("Ahmed al-Sharaa", "person", &["al-Sharaa", "Sharaa"]),
        ("Sergey Lavrov", "person", &["Lavrov"]),
        ("Vladimir Putin", "person", &["Putin"]),
        ("Lula", "person", &[]),
        ("Napoleon", "person", &[]),
        ("Kim Jong Un", "person", &[]),
        ("Kim Jong-un", "person", &[]),
        ("Xi Jinping", "person", &[]),
        ("Kim Kardashian", "person", &["Kardashian"]),
        ("Mohammed bin Salman", "person", &[]),
        ("Recep Tayyip Erdoğan", "person", &["Erdoğan"]),
        ("Martin Luther King Jr.", "person", &["King"]),
        ("Abdel Fattah el-Sisi", "person", &["el-Sisi", "Sisi"]),
        ("Murhaf Abu Qasra", "person", &["Abu Qasra"]),
        ("Abu Obeida", "person", &[]),
        ("Ali Khamenei", "person", &["Khamenei"]),
        ("Ayatollah Ali Khamenei", "person", &["Khamenei"]),
        ("King Charles III", "person", &[]),
        ("Ursula von der Leyen", "person", &["von der Leyen"]),
        ("Andrew Bailey (banker)", "person", &["Bailey"]),
        ("Hamad al Thani", "person", &["al Thani", "Thani"]),
        ("Ahmed al-Sharaa", "group", &[]),
        ("Vladimir Putin", "place", &[]),
    ];

    fn check_invariants(name: &str, kind: &str, got: &[String]) {
        assert!(got.len() <= MAX_VARIANTS, "{name}: too many: {got:?}");
        let mut seen = HashSet::new();
        for v in got {
            assert!(!v.eq_ignore_ascii_case(name), "{name}: contains itself");
            assert!(seen.insert(v.to_lowercase()), "{name}: duplicate {v}");
            assert!(
                v.split_whitespace().count() > 1 || letter_count(v) >= 4,
                "{name}: short single token {v}"
            );
        }
        assert_eq!(got, variants(name, kind), "{name}: not deterministic");
    }

    #[test]
    fn variant_table() {
        for (name, kind, yes, no) in VARIANT_CASES {
            let got = variants(name, kind);
            check_invariants(name, kind, &got);
            for y in *yes {
                assert!(
                    got.iter().any(|g| g == y),
                    "{name}: missing {y:?} in {got:?}"
                );
            }
            for x in *no {
                assert!(
                    !got.iter().any(|g| g == x),
                    "{name}: unwanted {x:?} in {got:?}"
                );
            }
        }
    }

    #[test]
    fn variant_exact_table() {
        for (name, kind, want) in VARIANTS_EXACT {
            let got = variants(name, kind);
            check_invariants(name, kind, &got);
            assert_eq!(got, *want, "{name} ({kind})");
        }
    }

    #[test]
    fn surname_table() {
        for (name, kind, want) in SURNAME_CASES {
            assert_eq!(surnames(name, kind), *want, "{name} ({kind})");
        }
    }

    #[test]
    fn capped_and_deterministic() {
        let name = "Mohammed Ahmed Hussein Abdullah Youssef al-Shaibani";
        let got = variants(name, "person");
        assert_eq!(got.len(), MAX_VARIANTS);
        check_invariants(name, "person", &got);
        // single-word changes come first
        assert_eq!(
            got[0],
            "Muhammad Ahmed Hussein Abdullah Youssef al-Shaibani"
        );
        assert_eq!(got, variants(name, "person"));
    }

    #[test]
    fn long_name_is_fast() {
        let name = ["Mohammed"; 40].join(" ");
        let got = variants(&name, "person");
        assert_eq!(got.len(), MAX_VARIANTS);
    }

    #[test]
    fn tables_have_no_word_twice() {
        let mut seen = HashSet::new();
        for group in NAME_SPELLINGS.iter().chain(PLACE_SPELLINGS) {
            assert!(group.len() >= 2, "{group:?}: needs two spellings");
            for w in *group {
                assert!(seen.insert(w.to_lowercase()), "{w} is in two groups");
            }
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for name in [
            "",
            " ",
            "al-",
            "al",
            "-",
            "(x)",
            "Ó'Brien Zelenskyi",
            "ŞKY",
            "el el el",
        ] {
            for kind in ["person", "group", "place", "event"] {
                let got = variants(name, kind);
                check_invariants(name, kind, &got);
                let _ = surnames(name, kind);
            }
        }
    }

    #[test]
    fn an_acronym_said_as_a_word_has_its_title_case_spelling() {
        assert_eq!(word_acronym("FIFA", "group").as_deref(), Some("Fifa"));
        assert_eq!(word_acronym("UKIP", "group").as_deref(), Some("Ukip"));
        // Read letter by letter, too short, no group, or not all capitals.
        for (alias, kind) in [
            ("BBC", "group"),
            ("SNP", "group"),
            ("NYPD", "group"),
            ("FIFA", "person"),
            ("Nato", "group"),
            ("UEFA Cup", "group"),
        ] {
            assert_eq!(word_acronym(alias, kind), None, "{alias}");
        }
    }
}
