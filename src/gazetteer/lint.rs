//! Lint and statistics for gazetteers: [`GazetteerBuilder::build`] rejects only what cannot be
//! compiled, but a gazetteer that builds can still mislead the matcher (two entities sharing an
//! alias, a town named like a common word). `newsner gazetteer check` and `stats` use this module
//! so that a curator sees those problems, with file and line, before they show up in the output.

use super::{GazetteerBuilder, Row};
use crate::error::Errors;
use crate::lexicon::{shipped_lists, Weak, WordLists};
use crate::text::fold::fold_with;
use crate::text::tokens::is_joiner;
use rustc_hash::FxHashMap;
use std::fmt;

/// How bad a [`Finding`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Must be fixed: the gazetteer does not build, or it will tag the wrong entity.
    Error,
    /// Worth a look: the gazetteer works, but an alias is weaker or noisier than it seems.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem found by [`check`], located at a gazetteer row.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The gazetteer file (`<default>/...` for the embedded one); empty if unknown.
    pub file: String,
    /// 1-based line in `file`; 0 if unknown.
    pub line: u64,
    /// Id of the entity concerned; empty for problems that precede an entity (a bad header).
    pub id: String,
    /// What is wrong and what to do about it.
    pub message: String,
}

/// Entities and aliases of one type, as listed in the files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeStats {
    /// The type label (`person`, `group`, `place`, ...).
    pub kind: String,
    /// Rows of this type.
    pub entities: usize,
    /// Names plus aliases of these rows, as written in the files (before variants are generated).
    pub aliases: usize,
}

/// Prominence gap above which an entity wins a shared alias clearly enough that the sharing is
/// not a real conflict.
const CLEAR_LEAD: f32 = 20.0;

/// Checks the rows of `b`: everything [`GazetteerBuilder::build`] rejects (as errors), then
/// aliases that are shared, of one character, common words, personal names for places, or
/// repeats of the name. Sorted: errors first, then by file, line and id.
pub fn check(b: &GazetteerBuilder, words: &WordLists) -> Vec<Finding> {
    let mut out = Vec::new();
    // The builder is the authority on what cannot be compiled; repeating its errors here lets
    // one command list everything wrong with a gazetteer.
    if let Err(Errors(errors)) = b.build() {
        for e in errors {
            out.push(Finding {
                severity: Severity::Error,
                file: e.path().unwrap_or_default().to_string(),
                line: e.line().unwrap_or(0),
                id: String::new(),
                message: e.message().to_string(),
            });
        }
    }
    out.extend(alias_findings(b, words));
    out.extend(b.rows().iter().filter_map(division_without_country));
    out.sort();
    out
}

/// A warning for a row with a first-level division but no country: the code means nothing
/// without its country ("NY", "08"), so it decides no namesake.
fn division_without_country(row: &Row) -> Option<Finding> {
    let admin1 = row.entity.admin1.as_deref()?;
    row.entity.country.is_none().then(|| {
        let message = format!(
            "admin1 `{admin1}` of {} has no country: it is ignored without one",
            row.entity.id
        );
        finding(Severity::Warning, row, message)
    })
}

/// The errors of [`check`] that [`GazetteerBuilder::build`] does not find itself (shared aliases
/// across types, one-character aliases): a run refuses a gazetteer with any of them, so that
/// `extract` and `check` agree on what an error is.
pub fn alias_errors(b: &GazetteerBuilder, words: &WordLists) -> Vec<Finding> {
    let mut errors: Vec<Finding> = alias_findings(b, words)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    errors.sort();
    errors
}

impl GazetteerBuilder {
    /// Builds the gazetteer like [`build`](Self::build), and refuses it too when
    /// `newsner gazetteer check` reports an error in its aliases (one character long, shared
    /// across types at close prominence): the one rule for what stops a run, in the CLI and the
    /// Python package alike.
    pub fn build_checked(&self) -> Result<super::Gazetteer, Errors> {
        let g = self.build()?;
        let errors = alias_errors(self, shipped_lists());
        if errors.is_empty() {
            return Ok(g);
        }
        Err(Errors(
            errors
                .into_iter()
                .map(|f| crate::error::Error::gazetteer(&f.file, f.line, f.message))
                .collect(),
        ))
    }
}

/// Findings about aliases: shared, of one character, common words, names for places, repeats.
fn alias_findings(b: &GazetteerBuilder, words: &WordLists) -> Vec<Finding> {
    let mut out = Vec::new();
    let rows = b.rows();
    // Folded key -> the rows listing it (each row once) with the spelling that row uses.
    let mut by_key: FxHashMap<String, Vec<(usize, &str)>> = FxHashMap::default();
    for (r, row) in rows.iter().enumerate() {
        let forms = forms_of(row);
        let mut seen: FxHashMap<String, (&str, Vec<bool>)> = FxHashMap::default();
        for (form, is_name) in forms {
            let (key, caps) = key_with_caps(form);
            // No letter or digit: build() already reports it.
            if key.is_empty() {
                continue;
            }
            if let Some((first, first_caps)) = seen.get(&key) {
                // An alias needs capitals wherever the text does; one asking for fewer capitals
                // than an earlier form ("al-Qaeda" after "Al-Qaeda") matches more, so it stays.
                let subsumed = first_caps.iter().zip(&caps).all(|(&f, &c)| !f || c);
                if !is_name && subsumed {
                    out.push(finding(
                        Severity::Warning,
                        row,
                        format!(
                            "alias `{form}` of {} ({}) repeats `{first}`: it matches nothing more (case, diacritics, hyphens and spaces are ignored); remove it",
                            row.entity.name, row.type_name
                        ),
                    ));
                }
                continue;
            }
            seen.insert(key.clone(), (form, caps));
            if key.chars().count() == 1 {
                out.push(finding(
                    Severity::Error,
                    row,
                    format!(
                        "alias `{form}` of {} ({}) has 1 character: it would fire on initials and list markers; remove it",
                        row.entity.name, row.type_name
                    ),
                ));
            }
            let single_word = !key.contains(' ');
            if single_word && !is_acronym(form) {
                match words.weak(&key) {
                    Weak::Common | Weak::Calendar => out.push(finding(
                        Severity::Warning,
                        row,
                        format!(
                            "alias `{form}` of {} ({}) is a common word: it fires only with evidence",
                            row.entity.name, row.type_name
                        ),
                    )),
                    Weak::Name if row.type_name == "place" => out.push(finding(
                        Severity::Warning,
                        row,
                        format!(
                            "alias `{form}` of {} ({}) is also a given name or surname: it is dropped where it reads as a person's name, and a small place needs evidence",
                            row.entity.name, row.type_name
                        ),
                    )),
                    _ => {}
                }
            }
            by_key.entry(key).or_default().push((r, form));
        }
    }

    for list in by_key.into_values().filter(|l| l.len() > 1) {
        out.push(shared(rows, &list));
    }
    out
}

/// The finding for one alias listed by several entities, reported at the row that lists it first.
fn shared(rows: &[Row], list: &[(usize, &str)]) -> Finding {
    let &(first, spelling) = list.iter().min_by_key(|(r, _)| *r).unwrap();
    let mut ents: Vec<&Row> = list.iter().map(|&(r, _)| &rows[r]).collect();
    // Most prominent first: that is the entity an article without other clues gets.
    ents.sort_by(|a, b| {
        b.entity
            .prominence
            .total_cmp(&a.entity.prominence)
            .then_with(|| a.entity.id.cmp(&b.entity.id))
    });
    let listed = ents
        .iter()
        .map(|r| format!("{} ({})", r.entity.id, r.type_name))
        .collect::<Vec<_>>()
        .join(", ");
    let base = format!("alias `{spelling}` is shared by {listed}");
    let mixed = ents.iter().any(|r| r.type_name != ents[0].type_name);
    let (severity, message) = if !mixed {
        (
            Severity::Warning,
            format!("{base}: other names in the article decide, else prominence"),
        )
    } else {
        // A conflict is real when two entities of different types are close in prominence:
        // then neither wins by default and the mention's type is a coin toss.
        // An acronym ("GAO") and a word ("Gao") meet only in text written in capitals, where
        // the matcher ignores acronyms inside runs of capitals: no conflict in ordinary text.
        let close = list.iter().enumerate().find_map(|(i, &(ra, fa))| {
            list[i + 1..].iter().find_map(|&(rb, fb)| {
                let (a, b) = (&rows[ra], &rows[rb]);
                let near = (a.entity.prominence - b.entity.prominence).abs() <= CLEAR_LEAD;
                let same_case_kind = is_acronym(fa) == is_acronym(fb);
                (near && same_case_kind && a.type_name != b.type_name).then_some((a, b))
            })
        });
        match close {
            Some((a, b)) => (
                Severity::Error,
                format!(
                    "type conflict: {base}; {} and {} have prominence {} and {}, within {CLEAR_LEAD}, so only context tells a {} from a {}: drop the alias where it is rare, or set the prominences more than {CLEAR_LEAD} apart",
                    a.entity.id, b.entity.id, a.entity.prominence, b.entity.prominence, a.type_name, b.type_name
                ),
            ),
            None => (
                Severity::Warning,
                format!(
                    "type conflict: {base}; {} (prominence {}) wins unless the article points to another",
                    ents[0].entity.id, ents[0].entity.prominence
                ),
            ),
        }
    };
    finding(severity, &rows[first], message)
}

fn finding(severity: Severity, row: &Row, message: String) -> Finding {
    Finding {
        severity,
        file: row.origin.0.clone(),
        line: row.origin.1,
        id: row.entity.id.to_string(),
        message,
    }
}

/// The forms of a row the matcher compiles, each with whether it is a name rather than a listed
/// alias: the name, the name without its disambiguator, then the aliases.
fn forms_of(row: &Row) -> Vec<(&str, bool)> {
    super::names_of(&row.entity, row.type_name == "place")
        .map(|n| (n, true))
        .chain(row.aliases.iter().map(|a| (a.as_str(), false)))
        .collect()
}

/// The comparison key of an alias (folded: lowercase, no diacritics; every run of spaces and
/// hyphens one space, as the matcher treats them alike) and, per char of the key, whether it came
/// from a capital.
fn key_with_caps(alias: &str) -> (String, Vec<bool>) {
    let mut key = String::with_capacity(alias.len());
    let mut caps = Vec::with_capacity(alias.len());
    for c in alias.chars() {
        if is_joiner(c) {
            if !key.is_empty() && !key.ends_with(' ') {
                key.push(' ');
                caps.push(false);
            }
            continue;
        }
        let upper = c.is_uppercase();
        fold_with(c.encode_utf8(&mut [0; 4]), &mut key, |_| caps.push(upper));
    }
    if key.ends_with(' ') {
        key.pop();
        caps.pop();
    }
    // A key without a letter or digit is no alias at all; build() reports it.
    if !key.chars().any(char::is_alphanumeric) {
        key.clear();
        caps.clear();
    }
    (key, caps)
}

/// Whether `alias` is an acronym ("US", "NATO"): the matcher never treats those as ordinary words,
/// since it requires their capitals in the text.
fn is_acronym(alias: &str) -> bool {
    let mut letters = 0;
    for c in alias.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Entities and listed aliases per type: `person`, `group`, `place` first, then other types
/// alphabetically; types without rows are left out.
pub fn stats(b: &GazetteerBuilder) -> Vec<TypeStats> {
    let mut by_type: FxHashMap<&str, TypeStats> = FxHashMap::default();
    for row in b.rows() {
        let s = by_type
            .entry(row.type_name.as_str())
            .or_insert_with(|| TypeStats {
                kind: row.type_name.clone(),
                entities: 0,
                aliases: 0,
            });
        s.entities += 1;
        s.aliases += 1 + row.aliases.len();
    }
    let rank = |k: &str| match k {
        "person" => 0,
        "group" => 1,
        "place" => 2,
        _ => 3,
    };
    let mut out: Vec<TypeStats> = by_type.into_values().collect();
    out.sort_by(|a, b| (rank(&a.kind), &a.kind).cmp(&(rank(&b.kind), &b.kind)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str) -> Vec<Finding> {
        let mut b = GazetteerBuilder::new();
        b.add_text("g.tsv", text);
        check(&b, &WordLists::shipped())
    }

    const HEAD: &str = "id\tname\ttype\taliases\tprominence\n";

    #[test]
    fn shared_alias_across_types_with_close_prominence_is_an_error() {
        let f = lint(&format!(
            "{HEAD}Jordan_X\tJordan X\tperson\tJordanx\t50\nJordanx_Town\tJordanx Town\tplace\tJordanx\t55\n"
        ));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!((f[0].line, f[0].id.as_str()), (2, "Jordan_X"));
        assert!(f[0].message.starts_with(
            "type conflict: alias `Jordanx` is shared by Jordanx_Town (place), Jordan_X (person)"
        ));
    }

    #[test]
    fn shared_alias_with_a_clear_leader_or_one_type_is_a_warning() {
        let f = lint(&format!(
            "{HEAD}A\tAlpha Co\tgroup\tZorbx\t90\nB\tZorbx Town\tplace\tZorbx\t10\nC\tQarthvel (country)\tplace\t\t100\nD\tQarthvel (U.S. state)\tplace\t\t70\n"
        ));
        let msgs: Vec<_> = f.iter().map(|f| (f.severity, f.message.as_str())).collect();
        assert_eq!(f.len(), 2, "{msgs:?}");
        assert!(f.iter().all(|f| f.severity == Severity::Warning));
        assert!(f[0].message.starts_with("type conflict: alias `Zorbx`"));
        assert!(f[1]
            .message
            .starts_with("alias `Qarthvel` is shared by C (place), D (place)"));
    }

    #[test]
    fn weak_short_and_redundant_aliases() {
        let f = lint(&format!(
            "{HEAD}Nice\tNice\tplace\t\t60\nJackson_T\tJackson, Qqstate\tplace\t\t30\nQ\tQuorvex Al-Bandi\tperson\tQ|quorvex al bandi|QUORVEX AL-BANDI\t50\n"
        ));
        let msgs: Vec<_> = f.iter().map(|f| (f.severity, f.message.as_str())).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert_eq!(msgs[0].0, Severity::Error);
        assert!(msgs[0]
            .1
            .starts_with("alias `Q` of Quorvex Al-Bandi (person) has 1 character"));
        assert_eq!(
            msgs[1].1,
            "alias `Nice` of Nice (place) is a common word: it fires only with evidence"
        );
        assert!(msgs[2]
            .1
            .starts_with("alias `Jackson` of Jackson, Qqstate (place) is also a given name"));
        // "quorvex al bandi" asks for fewer capitals than the name, so it is kept.
        assert!(msgs[3]
            .1
            .starts_with("alias `QUORVEX AL-BANDI` of Quorvex Al-Bandi (person) repeats"));
    }

    #[test]
    fn a_division_without_a_country_is_a_warning() {
        let head = "id\tname\ttype\taliases\tcountry\tadmin1\n";
        let f = lint(&format!(
            "{head}A\tQorvath\tplace\t\t\tNY\nB\tZelmoor\tplace\t\tUS\tNY\n"
        ));
        let msgs: Vec<_> = f.iter().map(|f| (f.severity, f.message.as_str())).collect();
        assert_eq!(
            msgs,
            [(
                Severity::Warning,
                "admin1 `NY` of A has no country: it is ignored without one"
            )]
        );
    }

    #[test]
    fn build_errors_are_errors() {
        let f = lint(&format!("{HEAD}A\tZarnov\tperson\t--\t1\n"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!((f[0].file.as_str(), f[0].line), ("g.tsv", 2));
    }

    #[test]
    fn stats_count_rows_and_listed_aliases() {
        let mut b = GazetteerBuilder::new();
        b.add_text(
            "g.tsv",
            &format!("{HEAD}A\tA a\tthing\tx|y\t1\nB\tB b\tplace\t\t1\nC\tC c\tperson\tc\t1\nD\tD d\tanimal\t\t1\n"),
        );
        let s: Vec<_> = stats(&b)
            .into_iter()
            .map(|s| (s.kind, s.entities, s.aliases))
            .collect();
        let want = [
            ("person", 1, 2),
            ("place", 1, 1),
            ("animal", 1, 1),
            ("thing", 1, 3),
        ];
        let want: Vec<_> = want
            .iter()
            .map(|&(k, e, a)| (k.to_string(), e, a))
            .collect();
        assert_eq!(s, want);
    }
}
