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
        if !data.starts_with(&[0x1f, 0x8b]) && !data.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            let lines = data
                .split(|&b| b == b'\n')
                .enumerate()
                .filter(|(i, l)| {
                    let l = match i {
                        0 => l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l),
                        _ => l,
                    };
                    !l.trim_ascii().is_empty()
                })
                .count();
            assert_eq!(items, lines);
        }
    });
}
