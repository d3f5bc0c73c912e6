//! Property tests over the stages that take outside input (issue 18): for arbitrary text, bytes
//! and gazetteers, nothing panics, offsets are exact, nothing vanishes, and the output does not
//! depend on the thread count. `PROPTEST_CASES=N` sets the cases per property (default 256);
//! scripts/fuzz.sh runs them long.

use newsner::{
    Document, Extractor, Format, Gazetteer, GazetteerBuilder, InputFormat, InputOptions, Item,
    Outputs, Reader, RunOptions,
};
use proptest::prelude::*;
use std::io::{Cursor, Write};
use std::sync::{Arc, OnceLock};

const TSV: &str = "id\tname\ttype\taliases\tprominence\n\
    Vladimir_Putin\tVladimir Putin\tperson\tPutin\t90\n\
    Ankara\tAnkara\tplace\tAngora\t60\n\
    Hamas\tHamas\tgroup\t\t60\n\
    Cote\tCôte d'Ivoire\tplace\tIvory Coast\t60\n";

/// The extractor every property uses: a small gazetteer, discovery on.
fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| {
        let mut b = GazetteerBuilder::new();
        b.add_text("p.tsv", TSV);
        Extractor::new(Arc::new(b.build().unwrap()), Default::default())
    })
}

/// Text made of names the gazetteer lists, words that start discovery, and hostile characters:
/// combining marks, right-to-left letters, NUL, lone CR, every kind of white space.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Vladimir Putin".to_string()),
        Just("Putin".to_string()),
        Just("Ankara".to_string()),
        Just("Côte d'Ivoire".to_string()),
        Just("President Jane Doe said".to_string()),
        Just("Mr Smith".to_string()),
        Just("the National Rifle Association (NRA)".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        prop::sample::select(vec![
            "\u{0301}",
            "\u{0627}\u{0644}",
            "\u{05D0}",
            "\u{200F}",
            "\0",
            "\r",
            "\u{00A0}",
            "\u{2028}",
            "\u{2029}",
            "\u{3000}",
            "\u{FEFF}",
            "\t",
            "\u{1F600}",
            "’",
            "“",
        ])
        .prop_map(str::to_string),
        any::<char>().prop_map(String::from),
        "[A-Z][a-z]{0,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

/// Runs `docs` through the batch pipeline and returns the mentions CSV.
fn run_all(docs: &[Document], threads: usize, batch_docs: usize) -> Vec<u8> {
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
    newsner::run(items, extractor(), &opts, outputs).unwrap();
    out
}

fn doc(id: usize, text: String, title: Option<String>) -> Document {
    Document {
        id: id.to_string(),
        title,
        text,
        date: None,
        bytes: 0,
    }
}

proptest! {
    /// Text in, offsets out: no panic, and every mention's code-point span is its byte span.
    #[test]
    fn offsets_are_exact_on_any_text(body in text(), title in prop::option::of(text())) {
        let d = doc(0, body, title);
        let out = extractor().extract(&d);
        for m in &out.mentions {
            let field = match m.field {
                newsner::Field::Title => d.title.as_deref().unwrap(),
                _ => &d.text,
            };
            let by_chars: String = field.chars().skip(m.start).take(m.end - m.start).collect();
            prop_assert!(m.start < m.end);
            prop_assert_eq!(&by_chars, &field[m.byte_start..m.byte_end]);
        }
    }

    /// Threads: the same bytes out for any thread count and batch size.
    #[test]
    fn output_is_the_same_for_any_threads(
        texts in prop::collection::vec(text(), 1..12),
        threads in 2usize..6,
        batch in 1usize..5,
    ) {
        let docs: Vec<Document> =
            texts.into_iter().enumerate().map(|(i, t)| doc(i, t, None)).collect();
        prop_assert_eq!(run_all(&docs, 1, 1000), run_all(&docs, threads, batch));
    }

    /// Readers: on any bytes, plain or gzipped and cut anywhere, no panic; for JSONL every
    /// non-blank line comes out as a document or a rejected record.
    #[test]
    fn readers_lose_no_line(
        lines in prop::collection::vec(prop_oneof![
            Just("{\"id\":1,\"text\":\"Putin\"}".to_string()),
            Just("{\"id\":\"x\",\"text\":\"a\\ud800b\"}".to_string()),
            Just("{\"text\":".to_string()),
            ".{0,30}",
        ], 0..20),
        noise in prop::collection::vec(any::<u8>(), 0..64),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = lines.join("\n").into_bytes();
        bytes.extend_from_slice(&noise);
        let expected = bytes
            .split(|&b| b == b'\n')
            .enumerate()
            .filter(|(i, l)| {
                let l = if *i == 0 { l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l) } else { l };
                !l.trim_ascii().is_empty()
            })
            .count();
        let jsonl = InputOptions { format: InputFormat::Jsonl, ..InputOptions::default() };
        let items = Reader::from_reader("p", Box::new(Cursor::new(bytes.clone())), jsonl).count();
        // Bytes that start like gzip or zstd are one compressed stream, not lines.
        if !bytes.starts_with(&[0x1f, 0x8b]) && !bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            prop_assert_eq!(items, expected);
        }
        // Compressed and cut short, in auto mode: anything but a panic.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&bytes).unwrap();
        let gz = gz.finish().unwrap();
        let cut = cut.index(gz.len() + 1);
        let _ = Reader::from_reader("p", Box::new(Cursor::new(gz[..cut].to_vec())), InputOptions::default())
            .count();
        let _ = Reader::from_reader("p", Box::new(Cursor::new(noise)), InputOptions::default()).count();
    }

    /// Gazetteers: the TSV loader and the compiled-gazetteer loader never panic on any input.
    #[test]
    fn gazetteer_loaders_never_panic(
        rows in prop::collection::vec(".{0,40}", 0..8),
        bytes in prop::collection::vec(any::<u8>(), 0..256),
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let mut b = GazetteerBuilder::new();
        b.add_text("p.tsv", &format!("id\tname\ttype\taliases\n{}", rows.join("\n")));
        let _ = b.build();
        let _ = Gazetteer::from_snapshot(&bytes);
        let good = extractor_snapshot();
        let mut bad = good.to_vec();
        let i = at.index(bad.len());
        bad[i] ^= flip;
        prop_assert!(Gazetteer::from_snapshot(&bad).is_err());
    }
}

fn extractor_snapshot() -> &'static [u8] {
    static SNAP: OnceLock<Vec<u8>> = OnceLock::new();
    SNAP.get_or_init(|| {
        let mut b = GazetteerBuilder::new();
        b.add_text("p.tsv", TSV);
        b.build().unwrap().to_snapshot()
    })
}
