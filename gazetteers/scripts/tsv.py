"""Reading the gazetteer TSV files: one reader for the generators (gen_places.py,
gen_people_groups.py), so that comments, blank lines and the header are skipped the same way."""


def rows(path):
    """The header of a gazetteer TSV, and (line number, row as a dict keyed by the header, number
    of fields) for each data line; `#` comment lines and blank lines are skipped."""
    out, header = [], None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            out.append((ln, cols))
    return header, [(ln, dict(zip(header, cols)), len(cols)) for ln, cols in out]
