"""Parquet output of a cluster run: one folder per table, one file per task.

``OUT/articles/part-00007.parquet``, ``OUT/attributions/part-00007.parquet``, ``OUT/sources/...``,
``OUT/provenance/...`` and ``OUT/failures/...``: every file of a table has the same schema, so a whole folder
reads as one dataset (``pyarrow.dataset.dataset(OUT + "/attributions")``, DuckDB
``read_parquet('OUT/*/...')``, pandas, Spark). The columns are the store's (``store/schema.py``), their types
derived from it, so the Parquet tables and the SQL tables answer the same queries; the failures table has the
fields of ``outcome.Failure`` and the task's number. Character ranges are nested lists of integers, not JSON
text; the full analysis (``articles.analysis``) is JSON text.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Table

from ..outcome import Failure
from ..store import schema

RANGES = pa.list_(pa.list_(pa.int64()))
# JSON columns of the store, given their real shape here (the store keeps them as JSON).
JSON_COLUMNS: dict[str, pa.DataType] = {
    "articles.analysis": pa.string(),
    "sources.qualifiers": pa.list_(pa.string()),
    "sources.mentions": pa.list_(RANGES),
    "attributions.source": RANGES,
    "attributions.cue": RANGES,
    "attributions.content": RANGES,
    "provenance.spans": RANGES,
    "provenance.attribution_ids": pa.list_(pa.string()),
}
STORE_TABLES: dict[str, Table] = {
    "articles": schema.articles,
    "attributions": schema.attributions,
    "sources": schema.sources,
    "provenance": schema.provenance,
}
FAILURES = "failures"


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of a store table: same column names and order, matching types."""
    fields = []
    for column in table.columns:
        name = f"{table.name}.{column.name}"
        if name in JSON_COLUMNS:
            kind = JSON_COLUMNS[name]
        elif isinstance(column.type, JSON):
            kind = pa.string()
        elif isinstance(column.type, Boolean):
            kind = pa.bool_()
        elif isinstance(column.type, Integer):
            kind = pa.int64()
        elif isinstance(column.type, Float):
            kind = pa.float64()
        elif isinstance(column.type, DateTime):
            kind = pa.timestamp("us", tz="UTC")
        elif isinstance(column.type, Date):
            kind = pa.date32()
        else:
            kind = pa.string()
        fields.append(pa.field(column.name, kind, nullable=bool(column.nullable)))
    return pa.schema(fields)


SCHEMAS: dict[str, pa.Schema] = {
    **{name: arrow_schema(table) for name, table in STORE_TABLES.items()},
    FAILURES: pa.schema(
        [pa.field(item.name, pa.string()) for item in dataclasses.fields(Failure)] + [pa.field("task", pa.int64())]
    ),
}


def part_path(out: str, table: str, index: int) -> str:
    return f"{out.rstrip('/')}/{table}/part-{index:05d}.parquet"


def write_partition(
    out: str,
    index: int,
    tables: Mapping[str, Sequence[dict[str, Any]]],
    failures: Sequence[Failure],
) -> None:
    """Write one task's rows, a file per table (an empty file when the task has no row of it, so that a table
    folder always has every part and a re-run overwrites every file it wrote before)."""
    fs, root = fsspec.core.url_to_fs(out)
    for name, arrow in SCHEMAS.items():
        rows = (
            [{**dataclasses.asdict(failure), "task": index} for failure in failures]
            if name == FAILURES
            else tables.get(name, [])
        )
        data = pa.Table.from_pylist([_arrow_row(row, arrow) for row in rows], schema=arrow)
        path = part_path(root, name, index)
        fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
        with fs.open(path, "wb") as stream:
            pq.write_table(data, stream)


def clear_output(out: str) -> int:
    """Remove the part files a previous run left in ``out`` (only ours: ``TABLE/part-*.parquet``); returns how
    many. A new run with fewer tasks must not leave stale parts behind that would be read as its own."""
    fs, root = fsspec.core.url_to_fs(out)
    removed = 0
    for name in SCHEMAS:
        for path in fs.glob(part_path(root, name, 0).replace("part-00000", "part-*")):
            fs.rm(path)
            removed += 1
    return removed


def _arrow_row(row: Mapping[str, Any], arrow: pa.Schema) -> dict[str, Any]:
    """JSON-typed values that Arrow keeps as text (the full analysis) become JSON text."""
    return {
        name: json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value
        for name, value in row.items()
        if name in arrow.names
    }
