"""Tables handed to pyarrow and pandas from the Arrow buffers the extension builds."""


def _pyarrow():
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_arrow() needs pyarrow: pip install pyarrow (or newsner[arrow])"
        ) from e
    return pyarrow


def schema(table):
    """The pyarrow schema of a newsner Table: strings and 64-bit integers."""
    pa = _pyarrow()
    types = {"str": pa.string(), "int": pa.int64()}
    return pa.schema(
        [pa.field(n, types[k]) for n, k in zip(table.columns, table._kinds())]
    )


def batches(table):
    """The record batches of a newsner Table, one per chunk, built from its buffers."""
    pa = _pyarrow()
    sch = schema(table)
    for i in range(table._chunks()):
        rows, columns = table._buffers(i)
        arrays = []
        for field, (validity, buffers) in zip(sch, columns):
            valid = pa.py_buffer(validity) if validity is not None else None
            arrays.append(
                pa.Array.from_buffers(
                    field.type, rows, [valid] + [pa.py_buffer(b) for b in buffers]
                )
            )
        yield pa.RecordBatch.from_arrays(arrays, schema=sch)


def table_to_arrow(table):
    """A pyarrow Table with the columns of a newsner Table."""
    pa = _pyarrow()
    return pa.Table.from_batches(list(batches(table)), schema=schema(table))


def table_to_pandas(table):
    """A pandas DataFrame with the columns of a newsner Table; through pyarrow when installed
    (integer columns with nulls become nullable Int64), else from Python lists."""
    import pandas as pd

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return pd.DataFrame(table.to_pydict(), columns=table.columns)
    return table_to_arrow(table).to_pandas(
        types_mapper={pyarrow.int64(): pd.Int64Dtype()}.get
    )
