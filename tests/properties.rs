//! Property tests over the stages that take outside input (issue 18): for arbitrary text, bytes
//! and gazetteers, nothing panics, offsets are exact, nothing vanishes, and the output does not
//! depend on the thread count. `PROPTEST_CASES=N` sets the cases per property (default 256).
//! The fuzz targets (fuzz/) make the same checks, from tests/harness/.

mod harness;

use harness::{doc, looks_compressed, mentions_csv, misplaced_mention, TSV};
use newsner::{Gazetteer, GazetteerBuilder, InputFormat, InputOptions, Reader};
use proptest::prelude::*;
use std::io::{Cursor, Write};
use std::sync::OnceLock;

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

proptest! {
    /// Text in, offsets out: no panic, and every mention's code-point span is its byte span.
    #[test]
    fn offsets_are_exact_on_any_text(body in text(), title in prop::option::of(text())) {
        let d = doc(0, body, title);
        let wrong = misplaced_mention(&d);
        prop_assert!(wrong.is_none(), "offsets of {}", wrong.unwrap_or_default());
    }

    /// Threads: the same bytes out for any thread count and batch size.
    #[test]
    fn output_is_the_same_for_any_threads(
        texts in prop::collection::vec(text(), 1..12),
        threads in 2usize..6,
        batch in 1usize..5,
    ) {
        let docs: Vec<_> =
            texts.into_iter().enumerate().map(|(i, t)| doc(i, t, None)).collect();
        prop_assert_eq!(mentions_csv(&docs, 1, 1000), mentions_csv(&docs, threads, batch));
    }

    /// Readers: on any bytes, plain or compressed (gzip, xz, bzip2) and cut anywhere, no panic;
    /// for JSONL every non-blank line comes out as a document or a rejected record.
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
        let expected = harness::non_blank_lines(&bytes);
        let jsonl = InputOptions { format: InputFormat::Jsonl, ..InputOptions::default() };
        let items = Reader::from_reader("p", Box::new(Cursor::new(bytes.clone())), jsonl).count();
        // Bytes that start like a compressed stream are read as one, not as lines.
        if !looks_compressed(&bytes) {
            prop_assert_eq!(items, expected);
        }
        // Compressed (gzip, xz, bzip2) and cut short, in auto mode: anything but a panic.
        for packed in [gzip(&bytes), xz(&bytes), bzip2(&bytes)] {
            let cut = cut.index(packed.len() + 1);
            let cut = Box::new(Cursor::new(packed[..cut].to_vec()));
            let _ = Reader::from_reader("p", cut, InputOptions::default()).count();
        }
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

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    w.write_all(bytes).unwrap();
    w.finish().unwrap()
}

fn xz(bytes: &[u8]) -> Vec<u8> {
    let mut w = lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
    w.write_all(bytes).unwrap();
    w.finish().unwrap()
}

fn bzip2(bytes: &[u8]) -> Vec<u8> {
    let mut w = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    w.write_all(bytes).unwrap();
    w.finish().unwrap()
}

fn extractor_snapshot() -> &'static [u8] {
    static SNAP: OnceLock<Vec<u8>> = OnceLock::new();
    SNAP.get_or_init(|| {
        let mut b = GazetteerBuilder::new();
        b.add_text("p.tsv", TSV);
        b.build().unwrap().to_snapshot()
    })
}
