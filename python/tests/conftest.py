"""Shared fixtures: the repository, the CLI binary the Python results are compared with, and
the shared data beside the clone (../shared)."""

import csv
import io
import os
import pathlib
import subprocess

import pytest

import newsner

ROOT = pathlib.Path(__file__).resolve().parents[2]


def shared_dir():
    """The read-only data beside the clone: $NEWSNER_SHARED, else ../shared."""
    return pathlib.Path(os.environ.get("NEWSNER_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared():
    d = shared_dir()
    assert d.is_dir(), f"{d}: the shared data is missing (set NEWSNER_SHARED)"
    return d


@pytest.fixture(scope="session")
def cli():
    """Runs the newsner binary ($NEWSNER_BIN, else target/release/newsner) from the repository
    root and returns its stdout."""
    binary = pathlib.Path(os.environ.get("NEWSNER_BIN", ROOT / "target/release/newsner"))
    assert binary.is_file(), f"{binary}: build it with cargo build --release"

    def run(*args):
        out = subprocess.run(
            [str(binary), *map(str, args)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        return out.stdout.decode("utf-8")

    return run


@pytest.fixture(scope="session")
def extractor():
    return newsner.Extractor()


def csv_rows(text):
    """The rows of CSV text, header first, as lists of strings."""
    return list(csv.reader(io.StringIO(text, newline="")))


def table_rows(table):
    """The rows of a newsner Table as the CLI writes them: header first, every value a string,
    an empty one for a null."""
    rows = [table.columns]
    for row in table.to_pylist():
        rows.append(["" if v is None else str(v) for v in row.values()])
    return rows


def read_text(path):
    """A text file as the CLI reads one article: UTF-8 with its BOM dropped, line ends kept."""
    text = pathlib.Path(path).read_bytes().decode("utf-8")
    return text.removeprefix("\ufeff")
