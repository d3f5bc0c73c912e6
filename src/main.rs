//! The `newsner` command: parse flags, run, exit with a code scripts can rely on (0 ok, 1 a check
//! found errors, 2 errors or rejected input).

mod cli;

fn main() {
    let code = match cli::run(std::env::args_os()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsner: {e}");
            2
        }
    };
    std::process::exit(code);
}
