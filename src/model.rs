//! The data model shared by every stage: which entity a mention names, where it is, and how it
//! was found. It lives apart from the stages so that each of them can use it without importing
//! the others.

/// Which entity a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    /// Entity number `n` of the gazetteer.
    Known(u32),
    /// Entity number `n` of [`crate::Extraction::new_entities`]: found by a rule, in no gazetteer.
    New(u32),
}

/// Which field of a document a mention is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The title, when the input gives one.
    Title,
    /// The body text.
    Text,
}

impl Field {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
        }
    }
}

/// A mention: an entity named at a place in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The entity.
    pub entity: EntityRef,
    /// The field it is in.
    pub field: Field,
    /// Code point offset into the field where the mention starts.
    pub start: usize,
    /// Code point offset one past its end.
    pub end: usize,
    /// Byte offset where it starts.
    pub byte_start: usize,
    /// Byte offset one past its end.
    pub byte_end: usize,
    /// Sentence index in the document (the title's sentences come first).
    pub sentence: u32,
    /// Paragraph index in the document (the title is paragraph 0 when there is one).
    pub paragraph: u32,
    /// How it was matched.
    pub kind: MatchKind,
    /// The title written in front of a person ("Defense Minister"), when there is one.
    pub role: Option<Box<str>>,
    /// The list of people this mention belongs to, when a sentence lists several with commas
    /// and "and" (a delegation); numbered from 0 in the document.
    pub list: Option<u32>,
}

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// A name or alias as the gazetteer lists it.
    Exact,
    /// A spelling generated from a gazetteer name (transliteration, article form).
    Variant,
    /// A surname standing alone.
    Surname,
    /// An acronym defined in the article ("Hayat Tahrir al-Sham (HTS)").
    Acronym,
    /// A short form resolved to a full name elsewhere in the article.
    Coref,
    /// A name no gazetteer lists, found by a rule.
    Discovered,
}

impl MatchKind {
    /// The label used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Variant => "variant",
            MatchKind::Surname => "surname",
            MatchKind::Acronym => "acronym",
            MatchKind::Coref => "coref",
            MatchKind::Discovered => "discovered",
        }
    }
}

/// An entity found by a rule and listed in no gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEntity {
    /// `new:<slug>`.
    pub id: Box<str>,
    /// The name as written (title-cased when written in capitals).
    pub name: Box<str>,
    /// `person`, `group` or `place`.
    pub kind: &'static str,
}
