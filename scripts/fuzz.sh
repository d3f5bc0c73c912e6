#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-afl, AFL++ on stable Rust) of one of newsner's outside-input
# stages for SECONDS: text (offsets), threads (same output on 1 and 3 threads), reader (JSONL,
# lines, gzip/zstd, sniffing) or gazetteer (TSV and .nsg loaders). Seeds are fuzz/seeds/TARGET;
# findings go to fuzz/out/TARGET. Prints executions and crashes; exit status 1 if any crash.
# Usage: scripts/fuzz.sh TARGET SECONDS
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh text|threads|reader|gazetteer SECONDS}
secs=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
cd "$(dirname "$0")/../fuzz"
command -v cargo-afl > /dev/null || cargo install cargo-afl --locked
cargo afl build --release --quiet --bin "$target"
mkdir -p out
# No UI, no CPU governor or core-pattern demands: this runs in CI and on shared machines.
AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
    cargo afl fuzz -V "$secs" -i "seeds/$target" -o "out/$target" "target/release/$target" > "out/$target.log" 2>&1 || {
    tail -20 "out/$target.log"
    exit 2
}
stats="out/$target/default/fuzzer_stats"
execs=$(awk -F' *: *' '$1=="execs_done"{print $2}' "$stats")
crashes=$(awk -F' *: *' '$1=="saved_crashes"{print $2}' "$stats")
echo "fuzz $target: $execs executions in $secs s, $crashes crashes"
[ "$crashes" = 0 ] || { ls "out/$target/default/crashes"; exit 1; }
