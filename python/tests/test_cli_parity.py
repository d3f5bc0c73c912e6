"""extract_many, comentions and network give exactly the rows of the CLI for the same input."""

import json

import pytest

from conftest import ROOT, csv_rows, read_text, table_rows


def sample_files():
    return sorted(p for p in (ROOT / "samples").glob("*.txt"))


def text_docs(paths):
    """(id, text) as the CLI names a text file: its path as given, relative to the root."""
    return [(str(p.relative_to(ROOT)), read_text(p)) for p in paths]


def jsonl_docs(path):
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs.append({"id": r["id"], "text": r["text"], "title": r.get("title")})
    return docs


def test_samples_folder(extractor, cli):
    docs = text_docs(sample_files())
    assert len(docs) >= 6
    ours = table_rows(extractor.extract_many(docs).table())
    assert ours == csv_rows(cli("extract", "-q", "samples"))


def test_samples_jsonl_with_titles(extractor, cli):
    docs = jsonl_docs(ROOT / "tests/data/samples.jsonl")
    ours = table_rows(extractor.extract_many(docs).table())
    assert any(r[9] == "title" for r in ours[1:]), "the titles are extracted too"
    assert ours == csv_rows(cli("extract", "-q", "tests/data/samples.jsonl"))


def test_seed_article(extractor, cli, shared):
    seed = shared / "seed" / "article.txt"
    ours = table_rows(extractor.extract_many([(str(seed), read_text(seed))]).table())
    assert len(ours) > 20
    assert ours == csv_rows(cli("extract", "-q", seed))


def test_iterating_gives_the_rows_of_the_table(extractor):
    docs = text_docs(sample_files())
    table = extractor.extract_many(docs).table().to_pylist()
    per_doc = [m for ms in extractor.extract_many(docs) for m in ms]
    assert len(per_doc) == len(table)
    for m, row in zip(per_doc, table):
        got = {c: getattr(m, c) for c in row}
        assert got == row


def test_offsets_are_python_string_indices(extractor, shared):
    docs = text_docs(sample_files()) + [("seed", read_text(shared / "seed" / "article.txt"))]
    texts = dict(docs)
    seen = 0
    for ms in extractor.extract_many(docs):
        for m in ms:
            assert texts[m.doc_id][m.start : m.end] == m.text
            seen += 1
    assert seen > 100


def test_offsets_past_the_basic_plane(extractor):
    text = "😀 Putin 😀 met Erdogan in Ankara."
    ms = extractor.extract(text, title="Ankara 😀 Putin")
    assert ms, "something is found"
    for m in ms:
        field = "Ankara 😀 Putin" if m.field == "title" else text
        assert field[m.start : m.end] == m.text


@pytest.mark.parametrize("window", ["sentence", "paragraph", "document", "list"])
def test_comentions(extractor, cli, window):
    docs = jsonl_docs(ROOT / "tests/data/samples.jsonl")
    ours = table_rows(extractor.comentions(docs, window=window).table())
    assert len(ours) > 1
    expected = cli("comentions", "-q", "--window", window, "tests/data/samples.jsonl")
    assert ours == csv_rows(expected)


def test_network(extractor, cli, tmp_path):
    docs = jsonl_docs(ROOT / "tests/data/samples.jsonl")
    net = extractor.network(docs)
    cli("network", "-q", "tests/data/samples.jsonl", "-o", tmp_path)
    for table, name in [(net.nodes, "nodes.csv"), (net.edges, "edges.csv")]:
        expected = csv_rows((tmp_path / name).read_text(encoding="utf-8"))
        assert len(expected) > 1
        assert table_rows(table) == expected
