#!/usr/bin/env python3
"""Writes a synthetic gazetteer at GeoNames all-countries scale, for the speed benchmark of big
user gazetteers (issue: 5 million aliases build in under a minute, scan at 50 MB/s or more).

The names are made of random syllables, so they are not real places; what matters is the shape:
about 1.25 million places with 3 aliases each besides the name, one to three words, some with
diacritics and some in Cyrillic or Greek script, as GeoNames alternate names are.

    python3 scripts/make_big_gazetteer.py --aliases 5000000 > /tmp/big.tsv
"""

import argparse
import random
import sys

SYLLABLES = [
    "ka", "ro", "mi", "ten", "vel", "dor", "sa", "lin", "bur", "gra", "no", "vi", "tal", "ash",
    "ber", "cha", "dun", "el", "fen", "gor", "hal", "is", "jan", "kor", "lev", "mar", "nor", "ost",
    "pol", "qua", "rin", "sel", "tor", "ul", "var", "wen", "yar", "zel", "ab", "ur", "tsk", "ville",
]
ACCENTED = {"a": "á", "e": "é", "o": "ö", "u": "ü", "i": "í", "c": "č", "s": "š", "z": "ž"}
CYRILLIC = dict(zip("abvgdezijklmnoprstufh", "абвгдезийклмнопрстуфх"))
GREEK = dict(zip("abgdezhiklmnoprstuf", "αβγδεζηικλμνοπρστυφ"))
WORDS2 = ["North", "South", "New", "Upper", "Lower", "Saint", "Port", "Mount", "Lake", "Fort"]


def word(rng):
    w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return w.capitalize()


def name(rng):
    n = word(rng)
    r = rng.random()
    if r < 0.15:
        n = rng.choice(WORDS2) + " " + n
    elif r < 0.25:
        n = n + " " + word(rng)
    return n


def script(s, table):
    return "".join(table.get(c, c) for c in s.lower()).capitalize()


def variant(rng, n):
    r = rng.random()
    if r < 0.35:
        return "".join(ACCENTED.get(c, c) if rng.random() < 0.3 else c for c in n)
    if r < 0.55:
        return script(n, CYRILLIC)
    if r < 0.65:
        return script(n, GREEK)
    if r < 0.85:
        return name(rng)
    return n + " " + rng.choice(["City", "Town", "District", "Municipality"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--aliases", type=int, default=5_000_000, help="names plus aliases to write")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = sys.stdout
    out.write("id\tname\ttype\taliases\tcountry\tpopulation\n")
    written = 0
    i = 0
    while written < a.aliases:
        n = name(rng)
        aliases = sorted({variant(rng, n) for _ in range(3)} - {n})
        pop = int(rng.paretovariate(1.2) * 500)
        cc = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVZ") for _ in range(2))
        out.write(f"big{i}\t{n} ({i})\tplace\t{n}|{'|'.join(aliases)}\t{cc}\t{pop}\n")
        written += 2 + len(aliases)
        i += 1


if __name__ == "__main__":
    main()
