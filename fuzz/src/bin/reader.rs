//! Fuzz target: the readers on any bytes (sniffed, compressed or not) never panic, and as JSONL
//! every non-blank line comes out as a document or a rejected record.
use newsner::{InputFormat, InputOptions, Reader};
use std::io::Cursor;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let read = |format| {
            let opts = InputOptions {
                format,
                ..InputOptions::default()
            };
            Reader::from_reader("fuzz", Box::new(Cursor::new(data.to_vec())), opts).count()
        };
        read(InputFormat::Auto);
        read(InputFormat::Lines);
        let items = read(InputFormat::Jsonl);
        if !newsner_fuzz::looks_compressed(data) {
            assert_eq!(items, newsner_fuzz::non_blank_lines(data));
        }
    });
}
