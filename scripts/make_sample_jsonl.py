#!/usr/bin/env python3
"""Build tests/data/samples.jsonl from the numbered .txt articles of samples/.

First line of each .txt file = headline (title); remaining lines = body (text),
paragraphs joined by "\n". Run from anywhere: python3 scripts/make_sample_jsonl.py
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent.parent / "samples"
OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "samples.jsonl"
DATES = {
    "01": "2025-10-20",
    "02": "2025-10-14",
    "03": "2025-10-16",
    "04": "2025-10-21",
    "05": "2025-10-22",
    "06": "2025-10-28",
}

with open(OUT, "w", encoding="utf-8", newline="\n") as out:
    for path in sorted(HERE.glob("[0-9][0-9]-*.txt")):
        num = path.name[:2]
        lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
        rec = {
            "id": f"sample-{num}",
            "title": lines[0],
            "text": "\n".join(lines[1:]),
            "date": DATES[num],
        }
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
