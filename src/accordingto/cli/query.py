"""``accordingto sources|statements|stats|export``: questions across a stored corpus, as tables, JSON or CSV."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from ..errors import AccordingtoError
from ..model import SourceKind
from ..store import Store, open_store, queries
from ..store.export import write_csv, write_jsonl, write_parquet
from .common import fail
from .run import DB_HELP

F = TypeVar("F", bound=Callable[..., Any])
OUTPUT_FORMATS = ["table", "json", "csv"]
PIPE_WIDTH = 200
SOURCE_KINDS = list(SourceKind.__args__)  # type: ignore[attr-defined]


def store_options(function: F) -> F:
    """--db and the filters every query shares (outlet, publication dates)."""
    for option in reversed(
        [
            click.option("--db", envvar="ACCORDINGTO_DB", help=DB_HELP + " (env ACCORDINGTO_DB)"),
            click.option("--outlet", help="Only articles of this outlet."),
            click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD)."),
            click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD)."),
        ]
    ):
        function = option(function)
    return function


def format_option(function: F) -> F:
    return click.option(
        "--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True
    )(function)


@click.command("sources")
@store_options
@click.option("--kind", type=click.Choice(SOURCE_KINDS), help="Only sources of this kind.")
@click.option("--named/--anonymous", default=None, help="Only named, or only anonymous, sources.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@format_option
def sources_command(
    db: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    named: bool | None,
    limit: int,
    output_format: str,
) -> None:
    """The sources cited most across the stored articles."""
    rows = _query(
        db,
        lambda store: queries.top_sources(
            store, kind=kind, named=named, outlet=outlet, since=since, until=until, limit=limit
        ),
    )
    columns = [
        "name",
        "key",
        "kind",
        "named",
        "attributions",
        "articles",
        "outlets",
        "first_published",
        "last_published",
    ]
    _print([row.to_dict() for row in rows], columns, output_format, title="Top sources")


@click.command("statements")
@click.option("--source", required=True, help='A name ("Peskov", "Dmitry Peskov") or a key from `sources`.')
@store_options
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many statements.")
@format_option
def statements_command(
    source: str,
    db: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    output_format: str,
) -> None:
    """What a source said, oldest first, with the article each statement is reported in."""
    rows = _query(
        db, lambda store: queries.statements(store, source, outlet=outlet, since=since, until=until, limit=limit)
    )
    columns = [
        "published",
        "outlet",
        "article_id",
        "source_name",
        "type",
        "cue_text",
        "content_text",
        "time_value",
        "title",
        "url",
    ]
    _print([row.to_dict() for row in rows], columns, output_format, title=f"Statements of {source}")


@click.command("stats")
@store_options
@format_option
def stats_command(db: str | None, outlet: str | None, since: str | None, until: str | None, output_format: str) -> None:
    """Articles, attributions per article, anonymous share by outlet, and the upstream reports relied on."""
    stats = _query(db, lambda store: queries.corpus_stats(store, outlet=outlet, since=since, until=until))
    outlets = [row.to_dict() for row in stats.by_outlet]
    outlet_columns = [
        "outlet",
        "articles",
        "attributions",
        "attributions_per_article",
        "named",
        "anonymous",
        "anonymous_share",
    ]
    if output_format == "json":
        click.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        return
    if output_format == "csv":
        _print(outlets, outlet_columns, "csv", title="")
        return
    console = _console()
    share = "n/a" if stats.anonymous_share is None else f"{stats.anonymous_share:.0%}"
    console.print(
        f"{stats.articles} articles ({stats.failed} failed), {stats.attributions} attributions, "
        f"{stats.attributions_per_article:.2f} per article, anonymous share {share}; by type: "
        + (", ".join(f"{name} {count}" for name, count in stats.by_type.items()) or "none")
    )
    _print(outlets, outlet_columns, "table", title="By outlet")
    _print(
        [row.to_dict() for row in stats.upstream],
        ["name", "articles", "attributions"],
        "table",
        title="Upstream reports",
    )


@click.command("export")
@store_options
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one analysis per article; csv/parquet: one row per attribution.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file [default: stdout].")
def export_command(
    db: str | None, outlet: str | None, since: str | None, until: str | None, export_format: str, out: Path | None
) -> None:
    """Export the store: analyses as JSON Lines, or attributions as CSV or Parquet."""
    if export_format == "parquet" and out is None:
        fail("--format parquet needs --out FILE (Parquet is binary)")
    filters = {"outlet": outlet, "since": since, "until": until}
    with open_store(db, create=False) as store:
        try:
            if export_format == "parquet":
                assert out is not None
                count = write_parquet(store, str(out), **filters)
            else:
                writer = write_jsonl if export_format == "jsonl" else write_csv
                if out is None:
                    count = writer(store, sys.stdout, **filters)
                else:
                    with out.open("w", encoding="utf-8", newline="") as stream:
                        count = writer(store, stream, **filters)
        except (AccordingtoError, OSError) as error:
            fail(str(error))
    what = "articles" if export_format == "jsonl" else "attributions"
    click.echo(f"accordingto: exported {count} {what}" + (f" to {out}" if out else ""), err=True)


T = TypeVar("T")


def _query(db: str | None, ask: Callable[[Store], T]) -> T:
    with open_store(db, create=False) as store:
        return ask(store)


def _console() -> Console:
    """Rich's console; when the output is not a terminal (a pipe, a file), wide enough not to break words."""
    console = Console()
    return console if console.is_terminal else Console(width=PIPE_WIDTH)


def _print(rows: list[dict[str, Any]], columns: Sequence[str], output_format: str, *, title: str) -> None:
    """Rows as a rich table (for people), a JSON array or CSV (for programs)."""
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title or None, title_justify="left")
        for column in columns:
            table.add_column(column.replace("_", " "), overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(column) is None else str(row[column]) for column in columns))
        _console().print(table)
