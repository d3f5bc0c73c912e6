//! Titles in front of people ("Defense Minister Major General Murhaf Abu Qasra"): moved out of
//! a mention that holds one, and kept as the mention's role.

use super::context::{is_capitalized, word_before};
use super::Resolved;
use crate::lexicon::TITLE_JOINERS;
use crate::text::roles::is_role_word;
use crate::text::{TokenKind, Tokenizer};

/// Moves a title inside the span ("President Xi") out of it, and takes the title in front of the
/// span ("Defense Minister Major General Murhaf Abu Qasra") as the role.
pub(super) fn assign_role(text: &str, r: &mut Resolved) {
    // Inside: leading role words, keeping at least one word of name. Only the last role word
    // and the word after it matter, so the words are not collected.
    let span = &text[r.start..r.end];
    let mut words = Tokenizer::new(span).filter(|t| t.kind == TokenKind::Word);
    let mut last_role = None;
    let mut word = words.next();
    while let Some(w) = word {
        // Most names start with no title: the next word is not needed to know it.
        if !is_role_word(&span[w.start..w.end]) {
            break;
        }
        let Some(next) = words.next() else {
            break;
        };
        last_role = Some(w);
        word = Some(next);
    }
    let role_inside = last_role.is_some();
    let mut role_end = r.start;
    let mut role_start = r.start;
    if let (Some(role), Some(name)) = (last_role, word) {
        role_end = r.start + role.end;
        r.start += name.start;
        role_start = role_end - role.end;
    }
    // Before: role words, joined by spaces, lowercase joiners and hyphens, up to the span.
    let mut pos = role_start;
    let mut first = role_start;
    while let Some((s, w)) = word_before(text, pos) {
        let bare = w.trim_end_matches('.');
        // Most words before a name are no title: that test goes first (every test is pure).
        if !(is_role_word(bare)
            || (TITLE_JOINERS.contains(&w) && first < role_end.max(role_start + 1)))
        {
            break;
        }
        // "Gen." is a title; "President." ends the sentence before the name.
        if bare.len() != w.len() && bare.len() > 4 {
            break;
        }
        let between = &text[s + w.len()..pos];
        if between.contains('\n') && between.trim().is_empty() && between.matches('\n').count() > 1
        {
            break;
        }
        pos = s;
        if !TITLE_JOINERS.contains(&w) {
            first = s;
        }
    }
    // The role runs from the first role word to the name; a dotted abbreviation ("Gen.") keeps its dot.
    if first < role_end.max(role_start) || first < role_start {
        let end = if role_inside { role_end } else { role_start };
        let first = without_name_words(text, first, end);
        let role = text[first..end]
            .trim_end()
            .trim_end_matches([',', ':'])
            .trim();
        if !role.is_empty() {
            r.role = Some(if single_spaced(role) {
                role.into()
            } else {
                role.split_whitespace().collect::<Vec<_>>().join(" ").into()
            });
        }
    }
}

/// Where the role `text[first..end]` starts once the capitalized words that continue a name to
/// its left are left out: a title written with a lowercase head ("commander") is a common noun,
/// and capitalized words in front of it that follow another capitalized word are the name of
/// what it commands ("Harbor Police commander" -> "commander"). A capitalized head ("Russian
/// Deputy Prime Minister") keeps its modifiers.
fn without_name_words(text: &str, first: usize, end: usize) -> usize {
    let role = &text[first..end];
    let head_lower = role
        .split_whitespace()
        .last()
        .is_some_and(|h| h.starts_with(|c: char| c.is_lowercase()));
    let name_left = word_before(text, first)
        .is_some_and(|(_, w)| is_capitalized(w) && !w.ends_with('.') && !is_role_word(w));
    if !head_lower || !name_left {
        return first;
    }
    let mut p = first;
    while let Some(w) = text[p..end].split_whitespace().next() {
        if !is_capitalized(w) {
            break;
        }
        let at = p + text[p..end].find(w).unwrap_or(0) + w.len();
        p = at + (text[at..end].len() - text[at..end].trim_start().len());
    }
    p
}

/// Whether the words of `s` are separated by single spaces only, so that it is its own
/// `split_whitespace` joined by spaces (as a trimmed role almost always is).
fn single_spaced(s: &str) -> bool {
    let mut prev_space = true;
    s.chars().all(|c| {
        let space = c.is_whitespace();
        let ok = !space || (c == ' ' && !prev_space);
        prev_space = space;
        ok
    }) && !prev_space
}

/// Where the role in front of a mention starts (the mention's start when it has none).
pub(super) fn role_start(text: &str, r: &Resolved) -> usize {
    match &r.role {
        Some(role) => text[..r.start]
            .rfind(role.split_whitespace().next().unwrap_or(""))
            .unwrap_or(r.start),
        None => r.start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityRef, MatchKind};

    fn role_of(text: &str, name: &str) -> (String, Option<String>) {
        let start = text.find(name).unwrap();
        let mut r = Resolved {
            start,
            end: start + name.len(),
            entity: EntityRef::Known(0),
            kind: MatchKind::Exact,
            role: None,
            list: None,
        };
        assign_role(text, &mut r);
        (
            text[r.start..r.end].to_string(),
            r.role.map(|s| s.to_string()),
        )
    }

    #[test]
    fn roles_in_front_of_names() {
        let cases = [
            (
                "by Foreign and Expatriates Minister Asaad Hassan Al-Shibani, and",
                "Asaad Hassan Al-Shibani",
                "Foreign and Expatriates Minister",
            ),
            (
                "Defense Minister Major General Murhaf Abu Qasra,",
                "Murhaf Abu Qasra",
                "Defense Minister Major General",
            ),
            (
                "General Intelligence Chief Hussein Al-Salama",
                "Hussein Al-Salama",
                "General Intelligence Chief",
            ),
            (
                "and\nPresidency Secretary-General Maher Al-Sharaa,",
                "Maher Al-Sharaa",
                "Presidency Secretary-General",
            ),
            (
                "of Russian Deputy Prime Minister Alexander Novak,",
                "Alexander Novak",
                "Deputy Prime Minister",
            ),
            (
                "said Secretary of State Marco Rubio",
                "Marco Rubio",
                "Secretary of State",
            ),
            ("met Gen. Oleksandr Syrskyi", "Oleksandr Syrskyi", "Gen."),
            // Capitalized words before a lowercase head that continue a name are the name's.
            (
                "the Harbor Police commander Dana Whitlock said",
                "Dana Whitlock",
                "commander",
            ),
            (
                "the Police commander Dana Whitlock said",
                "Dana Whitlock",
                "Police commander",
            ),
            (
                "the Harbor Police Commander Dana Whitlock said",
                "Dana Whitlock",
                "Police Commander",
            ),
        ];
        for (text, name, role) in cases {
            assert_eq!(
                role_of(text, name),
                (name.to_string(), Some(role.to_string())),
                "{text}"
            );
        }
        assert_eq!(role_of("Putin said", "Putin"), ("Putin".to_string(), None));
        assert_eq!(
            role_of("and President Xi said", "President Xi"),
            ("Xi".to_string(), Some("President".to_string()))
        );
        assert_eq!(
            role_of("the President said", "President"),
            ("President".to_string(), None)
        );
    }
}
