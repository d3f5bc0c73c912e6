//! Fuzz target: documents (one per line of the input) give the same output on 1 and 3 threads.
use newsner::{Format, Item, Outputs, RunOptions};
use std::io::Write;

fn run(docs: &[newsner::Document], threads: usize, batch_docs: usize) -> Vec<u8> {
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
    newsner::run(items, newsner_fuzz::extractor(), &opts, outputs).expect("writes to memory");
    out
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let docs: Vec<_> = text
            .split('\n')
            .enumerate()
            .map(|(i, t)| newsner_fuzz::doc(i, t.to_owned()))
            .collect();
        assert_eq!(run(&docs, 1, 1000), run(&docs, 3, 1));
    });
}
