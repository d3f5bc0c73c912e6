//! Extraction throughput through the library's public API, for profiling with criterion.
//! `newsner bench FILE` measures the same runs side by side with a bare aho-corasick scan of the
//! same aliases; that comparison lives in the binary, not here.
//!
//! Input: tests/data/samples.jsonl (the samples as JSONL), or the JSONL file named by NEWSNER_BENCH_CORPUS (make one with
//! `python3 scripts/make_corpus.py --docs 5000 > /tmp/corpus.jsonl`).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsner::{Document, Extractor, Gazetteer, Item, Outputs, RunOptions};
use std::hint::black_box;
use std::sync::Arc;

/// The allocator of the `newsner` binary, so the figures are the ones users get.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Vec<Document> {
    let path =
        std::env::var("NEWSNER_BENCH_CORPUS").unwrap_or_else(|_| "tests/data/samples.jsonl".into());
    let text = std::fs::read_to_string(&path).expect("read the bench corpus");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSONL");
            Document {
                id: i.to_string(),
                title: None,
                text: v["text"].as_str().unwrap_or("").to_string(),
                date: None,
                bytes: l.len() as u64,
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let docs = corpus();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("default_gazetteer", |bench| {
        bench.iter(|| black_box(Gazetteer::default_gazetteer().unwrap()))
    });
    // What a run pays at start-up once the default is compiled into the cache.
    let compiled = Gazetteer::default_gazetteer().unwrap().to_snapshot();
    g.bench_function("load_compiled_default", |bench| {
        bench.iter(|| black_box(Gazetteer::from_snapshot(&compiled).unwrap()))
    });
    g.finish();

    let gaz = Arc::new(Gazetteer::default_gazetteer().unwrap());
    let ex = Extractor::new(gaz, Default::default());
    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("newsner_extract", |bench| {
        bench.iter(|| {
            docs.iter()
                .map(|d| ex.extract(d).mentions.len())
                .sum::<usize>()
        })
    });
    g.bench_function("newsner_pipeline_1_thread_csv", |bench| {
        // The pipeline takes documents by value, as a reader hands them over; copying them out
        // of `docs` is set-up, outside the measured time (as in `newsner bench`).
        bench.iter_batched(
            || docs.iter().cloned().map(Item::Doc).collect::<Vec<_>>(),
            |items| {
                let opts = RunOptions {
                    threads: 1,
                    ..RunOptions::default()
                };
                let out = Outputs {
                    mentions: Some(Box::new(std::io::sink())),
                    ..Outputs::default()
                };
                newsner::run(items.into_iter(), &ex, &opts, out)
                    .unwrap()
                    .mentions
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
