//! The `newsner` command: parse flags, run, exit with a code scripts can rely on (0 ok, 1 a check
//! found errors, 2 errors or rejected input).

/// mimalloc instead of the system allocator: a document's buffers are allocated by the reader
/// thread and freed by a worker, its output by a worker and freed by the writer, and extraction
/// makes many small short-lived allocations; glibc's malloc spends ~6% of all instructions there
/// and more under contention between threads, mimalloc much less (see the README's figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = match newsner::cli::run(std::env::args_os()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsner: {e}");
            2
        }
    };
    std::process::exit(code);
}
