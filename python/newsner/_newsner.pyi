"""Type stubs of the compiled extension; see help(newsner.Extractor)."""

import os
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Sequence, Tuple, Union

import pandas
import pyarrow

_Path = Union[str, os.PathLike[str]]
Document = Union[
    str,
    Mapping[str, Any],
    Tuple[Union[str, int], str],
    Tuple[Union[str, int], str, Optional[str]],
]
Window = Literal["sentence", "paragraph", "document", "list"]

class NewsnerError(Exception):
    """An error of newsner, with the CLI's message."""

class GazetteerError(NewsnerError):
    """A gazetteer that cannot be loaded; the message lists each fault as file:line: what."""

class Mention:
    """A mention: an entity named at a place in a document, with the CLI's columns."""

    doc_id: str
    entity_id: str
    name: str
    type: str
    start: int
    end: int
    text: str
    sentence: int
    paragraph: int
    field: Literal["title", "text"]
    match: Literal["exact", "variant", "surname", "acronym", "coref", "discovered"]
    role: Optional[str]
    list: Optional[int]

class Pair:
    """A pair of entities named in one window of a document."""

    doc_id: str
    window: int
    source_id: str
    source_name: str
    target_id: str
    target_name: str
    source_type: str
    target_type: str

class Table:
    """Rows with the CLI's columns, held in Arrow's layout."""

    @property
    def columns(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def to_arrow(self) -> pyarrow.Table: ...
    def to_pandas(self) -> pandas.DataFrame: ...
    def to_pylist(self) -> list[dict[str, Any]]: ...
    def to_pydict(self) -> dict[str, list[Any]]: ...

class Mentions(Iterator[list[Mention]]):
    """The mentions of a stream of documents, one list per document in input order."""

    def __iter__(self) -> Mentions: ...
    def __next__(self) -> list[Mention]: ...
    def table(self) -> Table: ...
    def to_arrow(self) -> pyarrow.Table: ...
    def to_pandas(self) -> pandas.DataFrame: ...

class Comentions(Iterator[list[Pair]]):
    """The co-mention pairs of a stream of documents, one list per document in input order."""

    def __iter__(self) -> Comentions: ...
    def __next__(self) -> list[Pair]: ...
    def table(self) -> Table: ...
    def to_arrow(self) -> pyarrow.Table: ...
    def to_pandas(self) -> pandas.DataFrame: ...

class Network:
    """The network of a corpus: nodes (Id, Label, type, mentions, documents, country, Latitude, Longitude) and edges
    (Source, Target, Type, Weight, documents)."""

    @property
    def nodes(self) -> Table: ...
    @property
    def edges(self) -> Table: ...

class Extractor:
    """Finds the people, groups and places named in news articles."""

    def __init__(
        self,
        gazetteer: Optional[Union[_Path, Sequence[_Path]]] = None,
        default_gazetteer: bool = True,
        discover: bool = True,
        variants: bool = True,
    ) -> None: ...
    def extract(
        self, text: str, title: Optional[str] = None, doc_id: Optional[str] = None
    ) -> list[Mention]: ...
    def extract_many(
        self, docs: Iterable[Document], threads: Optional[int] = None
    ) -> Mentions: ...
    def comentions(
        self, docs: Iterable[Document], window: Window = "sentence", threads: Optional[int] = None
    ) -> Comentions: ...
    def network(
        self, docs: Iterable[Document], window: Window = "sentence", threads: Optional[int] = None
    ) -> Network: ...
