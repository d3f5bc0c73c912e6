//! Fuzz target: documents (one per line of the input) give the same output on 1 and 3 threads.
use newsner_fuzz::{doc, mentions_csv};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        let docs: Vec<_> = text
            .split('\n')
            .enumerate()
            .map(|(i, t)| doc(i, t.to_owned(), None))
            .collect();
        assert_eq!(mentions_csv(&docs, 1, 1000), mentions_csv(&docs, 3, 1));
    });
}
