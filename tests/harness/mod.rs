//! What the property tests (tests/properties.rs) and the fuzz targets (fuzz/, which includes this
//! file) share: the small gazetteer they extract with, and the checks they make on what newsner
//! returns, so that the two kinds of test hold newsner to the same rules.

use newsner::{Document, Extractor, Format, GazetteerBuilder, Item, Outputs, RunOptions};
use std::io::Write;
use std::sync::{Arc, OnceLock};

/// A few entities with accented, multi-word and short names.
pub const TSV: &str = "id\tname\ttype\taliases\tprominence\n\
    Vladimir_Putin\tVladimir Putin\tperson\tPutin\t90\n\
    Ankara\tAnkara\tplace\tAngora\t60\n\
    Hamas\tHamas\tgroup\t\t60\n\
    Cote\tCôte d'Ivoire\tplace\tIvory Coast\t60\n";

/// The extractor every test uses (discovery on), built once per process.
pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| {
        let mut b = GazetteerBuilder::new();
        b.add_text("harness.tsv", TSV);
        Extractor::new(Arc::new(b.build().expect("TSV builds")), Default::default())
    })
}

/// A document numbered `id` with `text` as its body.
pub fn doc(id: usize, text: String, title: Option<String>) -> Document {
    Document {
        id: id.to_string(),
        title,
        text,
        date: None,
        bytes: 0,
    }
}

/// The first mention of `d` whose code-point span is empty or is not its byte span, described.
pub fn misplaced_mention(d: &Document) -> Option<String> {
    let out = extractor().extract(d);
    out.mentions.iter().find_map(|m| {
        let field = match m.field {
            newsner::Field::Title => d.title.as_deref().unwrap_or(""),
            _ => &d.text,
        };
        let by_chars: String = field.chars().skip(m.start).take(m.end - m.start).collect();
        let by_bytes = field.get(m.byte_start..m.byte_end);
        (m.start >= m.end || by_bytes != Some(&by_chars)).then(|| format!("{m:?} in {field:?}"))
    })
}

/// Runs `docs` through the batch pipeline on `threads` threads and returns the mentions CSV.
pub fn mentions_csv(docs: &[Document], threads: usize, batch_docs: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let outputs = Outputs {
        mentions: Some(Box::new(&mut out) as Box<dyn Write + Send>),
        ..Outputs::default()
    };
    let opts = RunOptions {
        threads,
        batch_docs,
        format: Format::Csv,
        ..RunOptions::default()
    };
    let items = docs.iter().cloned().map(Item::Doc);
    newsner::run(items, extractor(), &opts, outputs).expect("writes to memory");
    out
}

/// Whether `bytes` may start a gzip, zstd, xz or bzip2 stream, which is read as one compressed
/// stream, not as lines.
pub fn looks_compressed(bytes: &[u8]) -> bool {
    let magics: [&[u8]; 4] = [b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"\xfd7zXZ\0", b"BZh"];
    magics.iter().any(|m| bytes.starts_with(m))
}

/// The lines of `bytes` that are not blank (a BOM on the first line aside): as JSONL, each must
/// come out as a document or a rejected record.
pub fn non_blank_lines(bytes: &[u8]) -> usize {
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|&(i, l)| {
            let l = match i {
                0 => l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l),
                _ => l,
            };
            !l.trim_ascii().is_empty()
        })
        .count()
}
