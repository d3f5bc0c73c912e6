//! What the fuzz targets share: the small gazetteer they extract with, and the checks each
//! target makes on what newsner returns (a failed check aborts, which the fuzzer records as a
//! crash, like a panic).

use newsner::{Document, Extractor, GazetteerBuilder};
use std::sync::{Arc, OnceLock};

/// A few entities with accented, multi-word and short names.
pub const TSV: &str = "id\tname\ttype\taliases\tprominence\n\
    Vladimir_Putin\tVladimir Putin\tperson\tPutin\t90\n\
    Ankara\tAnkara\tplace\tAngora\t60\n\
    Hamas\tHamas\tgroup\t\t60\n\
    Cote\tCôte d'Ivoire\tplace\tIvory Coast\t60\n";

/// The extractor of every target, built once per process.
pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| {
        let mut b = GazetteerBuilder::new();
        b.add_text("fuzz.tsv", TSV);
        Extractor::new(Arc::new(b.build().expect("TSV builds")), Default::default())
    })
}

/// A document with `text` as its body.
pub fn doc(id: usize, text: String) -> Document {
    Document {
        id: id.to_string(),
        title: None,
        text,
        date: None,
        bytes: 0,
    }
}

/// Extracts `d` and checks that every mention's code-point span is its byte span.
pub fn check_offsets(d: &Document) {
    let out = extractor().extract(d);
    for m in &out.mentions {
        let field = match m.field {
            newsner::Field::Title => d.title.as_deref().unwrap_or(""),
            _ => &d.text,
        };
        let by_chars: String = field.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(by_chars, field[m.byte_start..m.byte_end], "{m:?}");
    }
}
