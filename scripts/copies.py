#!/usr/bin/env python3
"""Write N copies of a JSONL corpus, each id suffixed with "#k", for speed runs.

newsner rejects a repeated document id, so a corpus made longer by repeating it needs ids of
its own in every copy:

    python3 scripts/copies.py 10 ../shared/bench/bbc.jsonl /tmp/bbc_x10.jsonl
"""
import json
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    n, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    with open(src, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    with open(dst, "w", encoding="utf-8") as out:
        for k in range(n):
            for d in docs:
                copy = dict(d, id=f"{d['id']}#{k}")
                out.write(json.dumps(copy, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
