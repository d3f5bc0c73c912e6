"""The Python surface: threads, streaming, pickling, tables, gazetteers given by path."""

import pickle
import subprocess

import pytest

import newsner
from conftest import ROOT, read_text

TSV = "id\tname\ttype\taliases\nVladimir_Putin\tVladimir Putin\tperson\tPutin\nAnkara\tAnkara\tplace\t\n"


def samples():
    return [(p.name, read_text(p)) for p in sorted((ROOT / "samples").glob("*.txt"))]


def test_results_do_not_depend_on_threads(extractor):
    docs = samples() * 3
    one = extractor.extract_many(docs, threads=1).table().to_pylist()
    assert len(one) > 100
    for threads in [2, 3, None]:
        assert extractor.extract_many(docs, threads=threads).table().to_pylist() == one
    pairs = extractor.comentions(docs, threads=1).table().to_pylist()
    assert extractor.comentions(docs, threads=3).table().to_pylist() == pairs


def test_results_follow_the_input_order(extractor):
    docs = [(str(i), "Putin met Erdogan in Ankara." if i % 2 else "Nothing here.") for i in range(3000)]
    ids = [ms[0].doc_id if ms else None for ms in extractor.extract_many(docs, threads=2)]
    assert ids == [str(i) if i % 2 else None for i in range(3000)]


def test_a_stream_is_read_lazily(extractor):
    def docs():
        yield "Putin met Erdogan in Ankara."
        raise RuntimeError("read too far")

    stream = extractor.extract_many(docs())
    with pytest.raises(RuntimeError, match="read too far"):
        next(stream)


def test_document_forms(extractor):
    docs = [
        "Putin in Ankara.",
        {"text": "Putin in Ankara.", "id": "d", "title": "Erdogan"},
        {"text": "Putin in Ankara.", "id": 42},
        ("t", "Putin in Ankara."),
        ("u", "Putin in Ankara.", None),
        (2**70, "Putin in Ankara."),
    ]
    rows = extractor.extract_many(docs).table().to_pylist()
    assert sorted({r["doc_id"] for r in rows}) == ["0", "1180591620717411303424", "42", "d", "t", "u"]
    assert [r["field"] for r in rows if r["doc_id"] == "d"][0] == "title"


def test_pickle_rebuilds_the_same_extractor(tmp_path):
    g = tmp_path / "mine.tsv"
    g.write_text(TSV, encoding="utf-8")
    ex = newsner.Extractor(gazetteer=g, default_gazetteer=False, discover=False)
    copy = pickle.loads(pickle.dumps(ex))
    text = "Putin flew to Ankara."
    assert copy.extract(text) == ex.extract(text)
    assert [m.entity_id for m in copy.extract(text)] == ["Vladimir_Putin", "Ankara"]


def test_compiled_gazetteer(tmp_path, cli):
    g = tmp_path / "mine.tsv"
    g.write_text(TSV, encoding="utf-8")
    nsg = tmp_path / "mine.nsg"
    cli("gazetteer", "compile", "--gazetteer", g, "--no-default-gazetteer", "-o", nsg)
    compiled = newsner.Extractor(gazetteer=nsg)
    tsv = newsner.Extractor(gazetteer=[g], default_gazetteer=False)
    text = "Vladimir Putin flew to Ankara; Putin said so."
    assert compiled.extract(text) == tsv.extract(text)
    assert len(compiled.extract(text)) == 3


def test_arrow_and_pandas(extractor):
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    docs = samples()
    t = extractor.extract_many(docs).to_arrow()
    assert isinstance(t, pa.Table)
    assert t.column_names == [
        "doc_id", "entity_id", "name", "type", "start", "end", "text",
        "sentence", "paragraph", "field", "match", "role", "list",
    ]
    assert t.schema.field("start").type == pa.int64()
    assert t.to_pylist() == extractor.extract_many(docs).table().to_pylist()
    df = extractor.extract_many(docs).to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert len(df) == t.num_rows
    assert df["role"].notna().any() and df["role"].isna().any()
    assert df["list"].notna().any() and df["list"].isna().any()
    empty = extractor.extract_many([]).to_arrow()
    assert empty.num_rows == 0 and empty.column_names == t.column_names


def test_help_teaches():
    doc = newsner.Extractor.__doc__
    for word in ["gazetteer", "default_gazetteer", "discover", "variants", "GazetteerError"]:
        assert word in doc
    assert "Python string indices" in newsner.Extractor.extract.__doc__
    assert "threads" in newsner.Extractor.extract_many.__doc__


def test_extract_is_extract_many_for_one_document(extractor):
    import json

    for line in (ROOT / "tests/data/samples.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        one = extractor.extract(d["text"], title=d.get("title"), doc_id=d["id"])
        [many] = list(extractor.extract_many([d]))
        assert one == many and len(one) > 10
