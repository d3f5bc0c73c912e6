//! Fuzz target: any text in, exact offsets out.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data).into_owned();
        let d = newsner_fuzz::doc(0, text, None);
        if let Some(m) = newsner_fuzz::misplaced_mention(&d) {
            panic!("offsets of {m}");
        }
    });
}
