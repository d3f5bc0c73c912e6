#!/usr/bin/env python3
"""Checks newsner on the user's seed article (../shared/seed): every expected entity found under
its canonical name and type, every expected pair present, every mention's text == article[start:end].

Usage: python3 scripts/seed_check.py [path/to/newsner] [extra newsner flags...]
Reads ../shared/seed at run time; copies nothing from it."""
import csv, io, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
seed = os.path.join(here, "..", "..", "shared", "seed")
exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "target", "release", "newsner")
extra = sys.argv[2:]
art = os.path.join(seed, "article.txt")
text = open(art, encoding="utf-8").read()

def run(cmd):
    out = subprocess.run([exe, cmd, art, "-q", *extra], capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out)))

mentions = run("extract")
pairs = run("comentions")
bad = [m for m in mentions if text[int(m["start"]):int(m["end"])] != m["text"]]
found = {(m["name"], m["type"]) for m in mentions}
names = {m["name"] for m in mentions}
missing_req, missing_opt = [], []
for e in csv.DictReader(open(os.path.join(seed, "expected_entities.csv"), encoding="utf-8")):
    if (e["name"], e["type"]) not in found:
        (missing_req if e["required"] == "yes" else missing_opt).append(e["name"])
have = {frozenset((p["source_name"], p["target_name"])) for p in pairs}
missing_pairs = [(p["source"], p["target"]) for p in csv.DictReader(open(os.path.join(seed, "expected_comentions.csv"), encoding="utf-8"))
                 if frozenset((p["source"], p["target"])) not in have]
expected_names = {e["name"] for e in csv.DictReader(open(os.path.join(seed, "expected_entities.csv"), encoding="utf-8"))}
extra_names = sorted(names - expected_names)
print(f"mentions: {len(mentions)}, offsets wrong: {len(bad)}")
print(f"required entities missing: {missing_req}")
print(f"optional entities missing: {missing_opt}")
print(f"expected pairs missing: {missing_pairs}")
print(f"entities found that the seed does not list: {extra_names}")
sys.exit(1 if bad or missing_req or missing_pairs else 0)
