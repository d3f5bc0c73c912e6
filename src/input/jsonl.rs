//! JSONL records: one JSON object per line, of which only the configured fields are kept, and
//! everything else skipped without being built.

use super::Fields;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The fields of one JSONL record that we keep.
pub(super) struct Record {
    pub(super) id: Option<String>,
    pub(super) text: String,
    pub(super) title: Option<String>,
    pub(super) date: Option<String>,
}

/// Why a JSONL line was rejected.
#[derive(Debug)]
pub(super) enum RecordError {
    Json(String),
    NotObject(&'static str),
    MissingText(String),
    TextNotString(String),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Json(msg) => write!(f, "invalid JSON: {msg}"),
            RecordError::NotObject(kind) => write!(f, "not a JSON object (found {kind})"),
            RecordError::MissingText(name) => write!(f, "missing field `{name}`"),
            RecordError::TextNotString(name) => write!(f, "field `{name}` is not a string"),
        }
    }
}

/// Parses one JSONL line. Only the configured fields are materialised; everything else is
/// skipped without allocating, which matters at millions of records.
pub(super) fn parse_record(line: &str, fields: &Fields) -> Result<Record, RecordError> {
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = RecordSeed { fields }
        .deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| {
            RecordError::Json(lone_surrogate(line, &e).unwrap_or_else(|| json_message(&e)))
        })?;
    let raw = match parsed {
        Parsed::Object(raw) => raw,
        Parsed::NotObject(kind) => return Err(RecordError::NotObject(kind)),
    };
    let text = match raw.text {
        None => return Err(RecordError::MissingText(fields.text.clone())),
        Some(FieldValue::Str(s)) => s,
        Some(_) => return Err(RecordError::TextNotString(fields.text.clone())),
    };
    let id = match raw.id {
        Some(FieldValue::Str(s)) if !s.trim().is_empty() => Some(s),
        Some(FieldValue::Num(n)) => Some(n),
        // Missing, empty, or not a string/number: the caller falls back to source:line.
        _ => None,
    };
    let string = |v: Option<FieldValue>| match v {
        Some(FieldValue::Str(s)) => Some(s),
        _ => None,
    };
    Ok(Record {
        id,
        text,
        title: string(raw.title),
        date: string(raw.date),
    })
}

/// serde_json's message with the position as "at column N" (every record is one line).
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(msg) => format!("{msg} at column {}", e.column()),
        None => full,
    }
}

/// serde_json reports a `\uD800`-`\uDFFF` escape without its other half as "unexpected end of
/// hex escape" or "lone leading surrogate": this names the escape instead.
fn lone_surrogate(line: &str, e: &serde_json::Error) -> Option<String> {
    if !e.to_string().contains("hex escape") {
        return None;
    }
    // The last \u escape before the error column is the one at fault.
    let before = line.get(..e.column().min(line.len()))?;
    let at = before.rfind("\\u")?;
    let hex = line.get(at + 2..at + 6)?;
    let unit = u16::from_str_radix(hex, 16).ok()?;
    (0xD800..=0xDFFF).contains(&unit).then(|| {
        format!(
            "lone surrogate `\\u{hex}` at column {}: half of a UTF-16 pair, not a character",
            at + 1
        )
    })
}

/// The configured fields of a JSON object, before type checks.
#[derive(Default)]
struct RawRecord {
    id: Option<FieldValue>,
    text: Option<FieldValue>,
    title: Option<FieldValue>,
    date: Option<FieldValue>,
}

/// A field value reduced to what we can use. Deserializing straight into this (rather than a
/// `serde_json::Value`) keeps the per-record cost down and skips nested values without
/// building them.
enum FieldValue {
    Str(String),
    /// A number rendered as text.
    Num(String),
    Other,
}

impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<FieldValue, D::Error> {
        d.deserialize_any(FieldValueVisitor)
    }
}

struct FieldValueVisitor;

impl<'de> Visitor<'de> for FieldValueVisitor {
    type Value = FieldValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldValue, E> {
        Ok(FieldValue::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<FieldValue, E> {
        Ok(FieldValue::Str(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FieldValue, E> {
        Ok(FieldValue::Num(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FieldValue, E> {
        Ok(FieldValue::Num(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FieldValue, E> {
        // serde_json's own rendering, so e.g. 1.5 stays "1.5"; non-finite can't come from JSON.
        Ok(match serde_json::Number::from_f64(v) {
            Some(n) => FieldValue::Num(n.to_string()),
            None => FieldValue::Other,
        })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<FieldValue, E> {
        Ok(FieldValue::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<FieldValue, E> {
        Ok(FieldValue::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FieldValue, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(FieldValue::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldValue, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(FieldValue::Other)
    }
}

/// An id as written: a number keeps its JSON text (`1e3`, thirty digits) rather than going
/// through a float that would round it and make distinct ids collide.
struct IdValue(FieldValue);

impl<'de> Deserialize<'de> for IdValue {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<IdValue, D::Error> {
        let raw = <&serde_json::value::RawValue>::deserialize(d)?.get();
        Ok(IdValue(match raw.as_bytes().first() {
            Some(b'"') => FieldValue::Str(serde_json::from_str(raw).map_err(de::Error::custom)?),
            Some(b'-' | b'0'..=b'9') => FieldValue::Num(raw.to_owned()),
            _ => FieldValue::Other,
        }))
    }
}

enum Parsed {
    Object(RawRecord),
    NotObject(&'static str),
}

/// Deserializes a top-level JSON value, keeping only the configured fields of an object.
struct RecordSeed<'f> {
    fields: &'f Fields,
}

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Parsed, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut rec = RawRecord::default();
        while let Some(slot) = map.next_key_seed(KeySeed {
            fields: self.fields,
        })? {
            // Later duplicates win, as with serde_json::Value.
            match slot {
                Slot::Text => rec.text = Some(map.next_value()?),
                Slot::Id => rec.id = Some(map.next_value::<IdValue>()?.0),
                Slot::Title => rec.title = Some(map.next_value()?),
                Slot::Date => rec.date = Some(map.next_value()?),
                Slot::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Parsed::Object(rec))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Parsed::NotObject("array"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("string"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Parsed, E> {
        Ok(Parsed::NotObject("null"))
    }
}

/// Which configured field a JSON key names.
enum Slot {
    Id,
    Text,
    Title,
    Date,
    Other,
}

/// Matches object keys against the configured names without allocating them.
struct KeySeed<'f> {
    fields: &'f Fields,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Slot;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Slot, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Slot;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Slot, E> {
        let f = self.fields;
        Ok(if key == f.text {
            Slot::Text
        } else if key == f.id {
            Slot::Id
        } else if key == f.title {
            Slot::Title
        } else if key == f.date {
            Slot::Date
        } else {
            Slot::Other
        })
    }
}
