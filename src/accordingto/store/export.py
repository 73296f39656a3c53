"""Export a store: whole analyses as JSON Lines, or one flat row per attribution as CSV or Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TextIO

from .db import Store
from .filters import Filters
from .queries import ATTRIBUTION_ROW_FIELDS, NO_FILTERS, iter_analyses, iter_attribution_rows
from .schema import articles, attributions

FORMATS = ("jsonl", "csv", "parquet")
# Rows per Parquet row group: large enough for good compression, small enough to keep memory flat.
PARQUET_CHUNK = 10_000


def write_jsonl(
    store: Store,
    out: TextIO,
    filters: Filters = NO_FILTERS,
    each: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> int:
    """One line per stored article that passes the filters: its analysis JSON (or its error), through ``each``
    when given (the CLI leaves the less likely attributions out of each analysis with it: the store never runs
    the pipeline's code); returns the number of lines."""
    count = 0
    for item in iter_analyses(store, filters):
        out.write(json.dumps(each(item) if each is not None else item, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(store: Store, out: TextIO, filters: Filters = NO_FILTERS) -> int:
    """One row per attribution that passes the filters, with its article's id, title, url, outlet and date;
    returns the row count."""
    writer = csv.DictWriter(out, fieldnames=ATTRIBUTION_ROW_FIELDS)
    writer.writeheader()
    count = 0
    for row in iter_attribution_rows(store, filters):
        writer.writerow({key: _csv_value(value) for key, value in row.items()})
        count += 1
    return count


def write_parquet(store: Store, out: str | BinaryIO, filters: Filters = NO_FILTERS) -> int:
    """The CSV's rows as a Parquet file, typed (integers, booleans, dates), written in row groups."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(pa)
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        for chunk in _chunks(iter_attribution_rows(store, filters)):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


def _arrow_schema(pa: Any) -> Any:
    """Arrow types from the store's column types, so Parquet keeps what the database knows."""
    columns = {column.name: column for column in (*articles.c, *attributions.c)}
    columns["article_id"] = articles.c.id
    fields = []
    for name in ATTRIBUTION_ROW_FIELDS:
        python_type = columns[name].type.python_type
        arrow_type = {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}.get(
            python_type, pa.string()
        )
        fields.append(pa.field(name, arrow_type))
    return pa.schema(fields)


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= PARQUET_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


__all__ = ["FORMATS", "write_csv", "write_jsonl", "write_parquet"]
