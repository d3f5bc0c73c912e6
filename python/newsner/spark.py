"""newsner over Spark: a DataFrame of articles in, a DataFrame of mentions, co-mention pairs or
network nodes and edges out, with the CLI's columns.

Each Python worker builds one ``newsner.Extractor`` the first time a task needs it and keeps it
for the tasks that follow (Spark reuses its Python workers), so the gazetteer is loaded once per
worker, not per batch. Extraction runs in ``mapInArrow``: Arrow batches in, Arrow batches out,
with no Python object per mention.

    >>> from newsner import spark as nsp
    >>> articles = spark.read.json("dump.jsonl")          # id, title, text
    >>> mentions = nsp.mentions(articles, title_col="title")
    >>> nodes, edges = nsp.network(articles)

Gazetteers: paths are read on the workers. On a cluster, ship the file with
``spark-submit --files world.nsg`` (or ``spark.sparkContext.addFile``) and pass
``gazetteer="world.nsg"``: a path that does not exist on a worker is looked up among the files
shipped with the job. Rows whose text is null give no rows.
"""

import os

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType

import newsner

__all__ = ["mentions", "comentions", "network", "MENTION_SCHEMA", "pair_schema"]

MENTION_SCHEMA = StructType(
    [
        StructField("doc_id", StringType()),
        StructField("entity_id", StringType()),
        StructField("name", StringType()),
        StructField("type", StringType()),
        StructField("start", LongType()),
        StructField("end", LongType()),
        StructField("text", StringType()),
        StructField("sentence", LongType()),
        StructField("paragraph", LongType()),
        StructField("field", StringType()),
        StructField("match", StringType()),
        StructField("role", StringType()),
        StructField("list", LongType()),
    ]
)


def pair_schema(window="sentence"):
    """The schema of the co-mentions DataFrame; the second column is named after the window."""
    return StructType(
        [
            StructField("doc_id", StringType()),
            StructField(window, LongType()),
            StructField("source_id", StringType()),
            StructField("source_name", StringType()),
            StructField("target_id", StringType()),
            StructField("target_name", StringType()),
            StructField("source_type", StringType()),
            StructField("target_type", StringType()),
        ]
    )


# The extractors of this Python process, by their options: one per worker, built once.
_EXTRACTORS = {}


def _worker_path(path):
    """A gazetteer path as seen on this worker: the path itself, else the file of that name
    shipped with the job (--files, addFile)."""
    if os.path.exists(path):
        return path
    from pyspark import SparkFiles

    shipped = SparkFiles.get(os.path.basename(path))
    return shipped if os.path.exists(shipped) else path


def _extractor(options):
    ex = _EXTRACTORS.get(options)
    if ex is None:
        gazetteer, default_gazetteer, discover, variants = options
        paths = [_worker_path(p) for p in gazetteer]
        ex = newsner.Extractor(
            gazetteer=paths or None,
            default_gazetteer=default_gazetteer,
            discover=discover,
            variants=variants,
        )
        _EXTRACTORS[options] = ex
    return ex


def _options(gazetteer, default_gazetteer, discover, variants):
    if gazetteer is None:
        paths = ()
    elif isinstance(gazetteer, (str, os.PathLike)):
        paths = (os.fspath(gazetteer),)
    else:
        paths = tuple(os.fspath(p) for p in gazetteer)
    return (paths, bool(default_gazetteer), bool(discover), bool(variants))


def _docs(batch, id_col, text_col, title_col):
    """(id, text, title) of the rows of an Arrow batch whose text is not null."""
    ids = batch.column(id_col).to_pylist()
    texts = batch.column(text_col).to_pylist()
    titles = batch.column(title_col).to_pylist() if title_col else [None] * len(ids)
    return [(i, t, h) for i, t, h in zip(ids, texts, titles) if t is not None]


def _run(df, id_col, text_col, title_col, options, schema, table_of):
    """mapInArrow over the articles: `table_of(extractor, docs)` gives each batch's pyarrow
    Table."""
    columns = [id_col, text_col] + ([title_col] if title_col else [])
    arrow_schema = pa.schema(
        [
            pa.field(f.name, pa.string() if isinstance(f.dataType, StringType) else pa.int64())
            for f in schema.fields
        ]
    )

    def extract(batches):
        ex = _extractor(options)
        for batch in batches:
            docs = _docs(batch, id_col, text_col, title_col)
            table = table_of(ex, docs)
            for out in table.to_batches():
                yield out.cast(arrow_schema) if out.schema != arrow_schema else out

    return df.select(*columns).mapInArrow(extract, schema)


def mentions(
    df,
    id_col="id",
    text_col="text",
    title_col=None,
    *,
    gazetteer=None,
    default_gazetteer=True,
    discover=True,
    variants=True,
) -> DataFrame:
    """One row per mention, with the columns of ``newsner extract`` (doc_id, entity_id, name,
    type, start, end, text, sentence, paragraph, field, match, role, list).

    Args:
        df: a DataFrame with an id column (str or integer) and a text column; optionally a
            title column, extracted too (rows with field == "title").
        gazetteer, default_gazetteer, discover, variants: as for ``newsner.Extractor``.
    """
    options = _options(gazetteer, default_gazetteer, discover, variants)
    return _run(
        df,
        id_col,
        text_col,
        title_col,
        options,
        MENTION_SCHEMA,
        lambda ex, docs: ex.extract_many(docs, threads=1).to_arrow(),
    )


def comentions(
    df,
    id_col="id",
    text_col="text",
    title_col=None,
    *,
    window="sentence",
    gazetteer=None,
    default_gazetteer=True,
    discover=True,
    variants=True,
) -> DataFrame:
    """One row per pair of entities named in the same window, with the columns of
    ``newsner comentions`` (doc_id, <window>, source_id, source_name, target_id, target_name,
    source_type, target_type). ``window`` is sentence, paragraph, document or list."""
    options = _options(gazetteer, default_gazetteer, discover, variants)
    return _run(
        df,
        id_col,
        text_col,
        title_col,
        options,
        pair_schema(window),
        lambda ex, docs: ex.comentions(docs, window=window, threads=1).to_arrow(),
    )


# A batch's share of the network: its nodes (kind "node": Id in `a`, Label, type, mentions in
# `n`, documents) and its edges (kind "edge": Source in `a`, Target in `b`, Weight in `n`,
# documents), summed over batches into the corpus network.
_PART_SCHEMA = StructType(
    [
        StructField("kind", StringType()),
        StructField("a", StringType()),
        StructField("b", StringType()),
        StructField("label", StringType()),
        StructField("type", StringType()),
        StructField("n", LongType()),
        StructField("documents", LongType()),
        StructField("country", StringType()),
        StructField("lat", StringType()),
        StructField("lon", StringType()),
    ]
)


def _network_part(ex, docs, window):
    """The share of the network of one batch of articles, in the rows of _PART_SCHEMA."""
    net = ex.network(docs, window=window, threads=1)
    nodes, edges = net.nodes.to_arrow(), net.edges.to_arrow()

    def part(kind, rows, a, b, label, type_, n, documents, geo=(None, None, None)):
        nulls = pa.nulls(rows, pa.string())
        country, lat, lon = (nulls if g is None else g for g in geo)
        return pa.table(
            {
                "kind": pa.array([kind] * rows, pa.string()),
                "a": a,
                "b": nulls if b is None else b,
                "label": nulls if label is None else label,
                "type": nulls if type_ is None else type_,
                "n": n,
                "documents": documents,
                "country": country,
                "lat": lat,
                "lon": lon,
            }
        )

    return pa.concat_tables(
        [
            part("node", nodes.num_rows, nodes["Id"], None, nodes["Label"], nodes["type"],
                 nodes["mentions"], nodes["documents"],
                 (nodes["country"], nodes["Latitude"], nodes["Longitude"])),
            part("edge", edges.num_rows, edges["Source"], edges["Target"], None, None,
                 edges["Weight"], edges["documents"]),
        ]
    )


def network(
    df,
    id_col="id",
    text_col="text",
    title_col=None,
    *,
    window="sentence",
    gazetteer=None,
    default_gazetteer=True,
    discover=True,
    variants=True,
):
    """The who-appears-with-whom network of the articles, as ``newsner network`` writes it:
    ``(nodes, edges)``, DataFrames with the columns of nodes.csv (Id, Label, type, mentions,
    documents, country, Latitude, Longitude) and edges.csv (Source, Target, Type, Weight, documents).

    Each batch of articles is extracted once and its share of the network (the CLI's counts
    for those articles) is summed over batches, so ``documents`` counts rows of ``df`` as the
    CLI counts records, even where ids repeat. An entity found by rule (``new:...``) labelled
    differently in two batches takes the smallest label, where the CLI takes the first one it
    meets."""
    options = _options(gazetteer, default_gazetteer, discover, variants)
    parts = _run(
        df,
        id_col,
        text_col,
        title_col,
        options,
        _PART_SCHEMA,
        lambda ex, docs: _network_part(ex, docs, window),
    )
    nodes = (
        parts.where(F.col("kind") == "node")
        .groupBy(F.col("a").alias("Id"))
        .agg(
            F.min("label").alias("Label"),
            F.min("type").alias("type"),
            F.sum("n").alias("mentions"),
            F.sum("documents").alias("documents"),
            F.min("country").alias("country"),
            F.min("lat").alias("Latitude"),
            F.min("lon").alias("Longitude"),
        )
        .orderBy("Id")
    )
    edges = (
        parts.where(F.col("kind") == "edge")
        .groupBy(F.col("a").alias("Source"), F.col("b").alias("Target"))
        .agg(F.sum("n").alias("Weight"), F.sum("documents").alias("documents"))
        .select("Source", "Target", F.lit("Undirected").alias("Type"), "Weight", "documents")
        .orderBy("Source", "Target")
    )
    return nodes, edges
