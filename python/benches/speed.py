"""Speed of the Python package beside the CLI (a benchmark, not a test).

    python python/benches/speed.py                      # extract_many -> to_arrow vs `newsner bench`
    python python/benches/speed.py --spark FILE         # Spark local[2] vs `newsner extract -j2`

The first compares, on the same documents held in memory, extract_many(threads=1).to_arrow()
with the CLI's single-thread pipeline (`newsner bench FILE --threads 1`: JSONL in memory ->
mentions CSV); both count megabytes of article text. Rounds alternate between the two; the best
of each and the median of the rounds' ratios are reported, as the machine's load varies.

The second times a Spark job on local[2] writing the mentions of FILE to a no-op sink, and
`newsner extract -j2 FILE` writing them to /dev/null, both from the file on disk; both count
the file's megabytes. Spark's start-up is not timed; its workers' start and gazetteer loading
are.
"""

import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load(path):
    docs, text_bytes = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs.append({"id": r["id"], "text": r["text"], "title": r.get("title")})
            text_bytes += len(r["text"].encode("utf-8"))
    return docs, text_bytes


def cli_bench(binary, path):
    """The CLI's single-thread pipeline MB/s from one round of `newsner bench`."""
    out = subprocess.run(
        [binary, "bench", path, "--threads", "1", "--repeats", "1"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(l for l in out.splitlines() if l.startswith("newsner pipeline"))
    return float(re.split(r"\s{2,}", line.strip())[-3].split()[-1])


def python_vs_cli(args):
    import newsner

    docs, text_bytes = load(args.file)
    ex = newsner.Extractor()
    ex.extract_many(docs[:200], threads=1).to_arrow()  # warm up: caches, allocator
    best_py, best_cli, rows, ratios = 0.0, 0.0, 0, []
    for r in range(args.rounds):
        t = time.perf_counter()
        table = ex.extract_many(docs, threads=1).to_arrow()
        py = text_bytes / 1e6 / (time.perf_counter() - t)
        rows = table.num_rows
        del table
        cli = cli_bench(args.bin, args.file)
        best_py, best_cli = max(best_py, py), max(best_cli, cli)
        ratios.append(py / cli)
        print(f"round {r + 1}: python {py:.1f} MB/s, cli {cli:.1f} MB/s", flush=True)
    ratios.sort()
    print(
        f"{len(docs)} documents, {text_bytes / 1e6:.1f} MB of text, {rows} mentions\n"
        f"extract_many(threads=1).to_arrow(): {best_py:.1f} MB/s (best round)\n"
        f"newsner bench --threads 1 (pipeline): {best_cli:.1f} MB/s (best round)\n"
        f"ratio: {best_py / best_cli:.2f} best against best; median of the rounds' ratios "
        f"{ratios[len(ratios) // 2]:.2f}"
    )


def spark_vs_cli(args):
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    from newsner import spark as nsp

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("newsner-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        # Splits of 8 MB, so that both cores have work on a file of tens of megabytes.
        .config("spark.sql.files.maxPartitionBytes", str(8 << 20))
        .getOrCreate()
    )
    schema = StructType([StructField(c, StringType()) for c in ["id", "title", "text"]])
    mb = os.path.getsize(args.spark) / 1e6
    best_spark, best_cli, ratios = 0.0, 0.0, []
    for r in range(args.rounds):
        t = time.perf_counter()
        articles = spark.read.schema(schema).json(args.spark)
        nsp.mentions(articles, title_col="title").write.format("noop").mode("overwrite").save()
        sp = mb / (time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run(
            [args.bin, "extract", "-q", "-j2", args.spark, "-o", "/dev/null"], check=True
        )
        cli = mb / (time.perf_counter() - t)
        best_spark, best_cli = max(best_spark, sp), max(best_cli, cli)
        ratios.append(sp / cli)
        print(f"round {r + 1}: spark {sp:.1f} MB/s, cli -j2 {cli:.1f} MB/s", flush=True)
    spark.stop()
    ratios.sort()
    print(
        f"{args.spark}: {mb:.1f} MB\n"
        f"Spark local[2] newsner.spark.mentions -> noop: {best_spark:.1f} MB/s (best round)\n"
        f"newsner extract -j2 -> /dev/null: {best_cli:.1f} MB/s (best round)\n"
        f"ratio: {best_spark / best_cli:.2f} best against best; median of the rounds' ratios "
        f"{ratios[len(ratios) // 2]:.2f}"
    )


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--file", default=str(ROOT.parent / "shared" / "bench" / "bbc.jsonl"),
                   help="JSONL articles for the in-memory comparison")
    p.add_argument("--bin", default=str(ROOT / "target" / "release" / "newsner"))
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--spark", metavar="FILE", help="compare Spark local[2] with -j2 on FILE")
    args = p.parse_args()
    if args.spark:
        spark_vs_cli(args)
    else:
        python_vs_cli(args)


if __name__ == "__main__":
    main()
