"""newsner.spark on local[2] gives the CLI's rows, as multisets (Spark does not keep order)."""

import collections
import os
import sys

import pytest

from conftest import ROOT, csv_rows

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers must import the same newsner as the tests.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    s = (
        SparkSession.builder.master("local[2]")
        .appName("newsner-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield s
    s.stop()


def rows(df):
    """The rows of a DataFrame as the CLI writes them: strings, an empty one for a null."""
    return collections.Counter(
        tuple("" if v is None else str(v) for v in r) for r in df.collect()
    )


def test_mentions_of_bbc_are_the_clis(spark, cli, shared):
    from newsner import spark as nsp

    path = shared / "bench" / "bbc.jsonl"
    articles = spark.read.json(str(path)).repartition(2)
    df = nsp.mentions(articles, title_col="title")
    expected = csv_rows(cli("extract", "-q", path))
    assert df.columns == expected[0]
    ours = rows(df)
    assert sum(ours.values()) > 10_000
    assert ours == collections.Counter(tuple(r) for r in expected[1:])


def test_comentions_and_network_of_samples_are_the_clis(spark, cli, tmp_path):
    from newsner import spark as nsp

    path = ROOT / "tests" / "data" / "samples.jsonl"
    articles = spark.read.json(str(path))
    pairs = nsp.comentions(articles, title_col="title", window="paragraph")
    expected = csv_rows(cli("comentions", "-q", "--window", "paragraph", path))
    assert pairs.columns == expected[0]
    assert rows(pairs) == collections.Counter(tuple(r) for r in expected[1:])

    # Over three partitions, so that the network is summed from the shares of several batches.
    nodes, edges = nsp.network(articles.repartition(3), title_col="title")
    cli("network", "-q", path, "-o", tmp_path)
    for df, name in [(nodes, "nodes.csv"), (edges, "edges.csv")]:
        expected = csv_rows((tmp_path / name).read_text(encoding="utf-8"))
        assert df.columns == expected[0]
        # Both are sorted, so the order is compared too.
        assert [[str(v) for v in r] for r in df.collect()] == expected[1:]


def test_a_shipped_gazetteer_is_found_on_the_workers(spark, tmp_path):
    from newsner import spark as nsp

    g = tmp_path / "shipped.tsv"
    g.write_text("id\tname\ttype\taliases\nZorblax\tZorblax Quux\tperson\tZorblax\n", encoding="utf-8")
    spark.sparkContext.addFile(str(g))
    articles = spark.createDataFrame([(1, "Zorblax spoke.")], ["id", "text"])
    # A path that does not exist where the workers run: the shipped file of that name is used.
    df = nsp.mentions(articles, gazetteer="/nowhere/shipped.tsv", default_gazetteer=False)
    assert [(r.doc_id, r.entity_id, r.text) for r in df.collect()] == [("1", "Zorblax", "Zorblax")]
