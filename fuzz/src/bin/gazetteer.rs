//! Fuzz target: the TSV loader and the compiled-gazetteer (.nsg) loader never panic; an input
//! starting with the .nsg magic goes to the second.
use newsner::{Gazetteer, GazetteerBuilder};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        if data.starts_with(b"NEWSNERG") {
            let _ = Gazetteer::from_snapshot(data);
        } else {
            let mut b = GazetteerBuilder::new();
            b.add_text("fuzz.tsv", &String::from_utf8_lossy(data));
            let _ = b.build();
        }
    });
}
