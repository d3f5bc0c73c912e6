"""Bad input gives a Python exception with the CLI's message, never a crash."""

import pytest

import newsner


def test_bad_gazetteer_names_file_and_line(tmp_path):
    g = tmp_path / "bad.tsv"
    g.write_text("id\tname\ttype\taliases\nA\tAlpha\tperson\t\nA\tAgain\tperson\t\n", encoding="utf-8")
    with pytest.raises(newsner.GazetteerError) as e:
        newsner.Extractor(gazetteer=g, default_gazetteer=False)
    assert f"{g}:3:" in str(e.value)
    assert isinstance(e.value, newsner.NewsnerError)


def test_missing_gazetteer_file(tmp_path):
    with pytest.raises(newsner.GazetteerError, match="nothing.tsv"):
        newsner.Extractor(gazetteer=tmp_path / "nothing.tsv")


def test_options_that_cannot_go_together(tmp_path):
    with pytest.raises(ValueError, match="needs at least one gazetteer"):
        newsner.Extractor(default_gazetteer=False)
    with pytest.raises(TypeError):
        newsner.Extractor(gazetteer=42)


def test_bad_documents(extractor):
    with pytest.raises(TypeError, match="document 1: expected a str"):
        extractor.extract_many(["fine", 3.5]).table()
    with pytest.raises(ValueError, match="document 0: the dict has no `text`"):
        extractor.extract_many([{"id": "x"}]).table()
    with pytest.raises(ValueError, match="document 0: .*must be a str"):
        list(extractor.extract_many([{"text": b"bytes"}]))
    with pytest.raises(ValueError, match="document 2: .*id must be a str or an int"):
        extractor.extract_many(["a", "b", (1.5, "text")]).table()
    with pytest.raises(ValueError, match="document 0: .*surrogate"):
        extractor.extract_many(["lone \ud800 surrogate"]).table()
    with pytest.raises(TypeError):
        extractor.extract_many(42)


def test_bad_window(extractor):
    with pytest.raises(ValueError, match="window must be"):
        extractor.comentions(["Putin in Ankara."], window="line")


def test_a_failing_input_stops_the_stream_with_its_error(extractor):
    def docs():
        yield "Putin in Ankara."
        raise KeyError("source gone")

    with pytest.raises(KeyError, match="source gone"):
        extractor.extract_many(docs()).to_arrow()


def test_a_gazetteer_that_check_rejects_is_refused(tmp_path):
    # A one-character alias is an error for `newsner gazetteer check`, so the CLI refuses it;
    # the Python package follows the same rule.
    g = tmp_path / "one_char.tsv"
    g.write_text("id\tname\ttype\taliases\nAnkara\tAnkara\tplace\tA\n", encoding="utf-8")
    with pytest.raises(newsner.GazetteerError) as e:
        newsner.Extractor(gazetteer=g, default_gazetteer=False)
    assert f"{g}:2:" in str(e.value)
