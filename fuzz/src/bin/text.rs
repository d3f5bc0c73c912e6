//! Fuzz target: any text in, exact offsets out.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data).into_owned();
        newsner_fuzz::check_offsets(&newsner_fuzz::doc(0, text));
    });
}
