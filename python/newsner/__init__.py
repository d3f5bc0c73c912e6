"""newsner: find the people, groups and places named in news articles.

The same extraction as the ``newsner`` command line, from Python::

    >>> import newsner
    >>> ex = newsner.Extractor()                  # the default gazetteer; built once, reused
    >>> for m in ex.extract("Putin met Erdogan in Ankara."):
    ...     print(m.entity_id, m.type, m.start, m.end, m.text)
    Vladimir_Putin person 0 5 Putin
    ...
    >>> df = ex.extract_many(articles).to_pandas()  # the CLI's mentions table, in parallel

Offsets are Python string indices: ``text[m.start:m.end] == m.text``. ``extract_many``,
``comentions`` and ``network`` take an iterable of str, of dicts with ``text`` (and ``id``,
``title``), or of tuples ``(id, text)`` / ``(id, text, title)``. pandas and pyarrow are optional;
``newsner.spark`` runs the extraction over a Spark DataFrame.
"""

from ._newsner import (
    Comentions,
    Extractor,
    GazetteerError,
    Mention,
    Mentions,
    Network,
    NewsnerError,
    Pair,
    Table,
)

__all__ = [
    "Comentions",
    "Extractor",
    "GazetteerError",
    "Mention",
    "Mentions",
    "Network",
    "NewsnerError",
    "Pair",
    "Table",
]
