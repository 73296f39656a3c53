"""``accordingto trail``: where a statement first appeared in a stored corpus, who repeated it, how it changed."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..store import Store, open_store
from ..store.clusters import recluster, unclustered_articles
from ..trail import StatementTrail, find_statements, statement_trail
from ..trail.wording import render_changes
from ..write.text import plain
from .common import EXIT_FAILED, output_stream
from .run import DB_HELP

OUTPUT_FORMATS = ["table", "json", "csv"]
PIPE_WIDTH = 200
CSV_COLUMNS = [
    "order",
    "cluster_id",
    "published",
    "outlet",
    "article_id",
    "attribution_id",
    "source",
    "via",
    "upstream",
    "type",
    "cue",
    "content",
    "changes",
    "flags",
]


@click.command("trail")
@click.argument("words", nargs=-1)
@click.option("--id", "cluster_id", type=click.IntRange(min=1), help="A statement cluster's id (from a search).")
@click.option(
    "--rebuild", is_flag=True, help="Cluster every stored article again first (stores filled before clustering)."
)
@click.option("--db", envvar="ACCORDINGTO_DB", help=DB_HELP + " (env ACCORDINGTO_DB)")
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file [default: stdout].")
def trail_command(
    words: tuple[str, ...],
    cluster_id: int | None,
    rebuild: bool,
    db: str | None,
    output_format: str,
    out: Path | None,
) -> None:
    """The trail of a statement: its first appearance, then every retelling with what it changed.

    Give some WORDS of the statement (the best match is shown, the others are listed on stderr), or --id.
    """
    text = " ".join(words).strip()
    if text and cluster_id is not None:
        raise click.UsageError("give words of the statement or --id, not both")
    if not text and cluster_id is None and not rebuild:
        raise click.UsageError('give words of the statement ("accordingto trail the talks were over") or --id')
    with open_store(db, create=False) as store:
        if rebuild:
            count = _rebuild(store)
            click.echo(f"accordingto: clustered the statements of {count} articles", err=True)
            if not text and cluster_id is None:
                return
        _note_unclustered(store)
        trail = _find(store, text) if text else statement_trail(store, cluster_id or 0)
        if trail is None:
            _nothing(f"no statement cluster {cluster_id} in {store.url}")
    with output_stream(out) as stream:
        _write(trail, output_format, stream if out is not None else None)
    if out is not None:
        click.echo(f"accordingto: wrote {out}", err=True)


def _rebuild(store: Store) -> int:
    """``recluster`` with a progress bar on stderr (shown on a terminal only)."""
    console = Console(stderr=True)
    if not console.is_terminal:
        return recluster(store)
    columns = [TextColumn("clustering"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("clustering", total=None)
        return recluster(store, on_progress=lambda done, total: progress.update(task, completed=done, total=total))


def _find(store: Store, text: str) -> StatementTrail | None:
    """The trail of the best match for ``text``; the other matches are listed on stderr."""
    matches = find_statements(store, text)
    if not matches:
        _nothing(f"no statement in {store.url} matches {text!r}")
    best, *others = matches
    if others:
        listed = ", ".join(f"{match.cluster_id} ({match.appearances}x: {_clip(match.statement)})" for match in others)
        what = "other statement matches" if len(others) == 1 else "other statements match"
        click.echo(f"accordingto: {len(others)} {what} (show one with --id): {listed}", err=True)
    return statement_trail(store, best.cluster_id)


def _note_unclustered(store: Store) -> None:
    pending = unclustered_articles(store)
    if pending:
        click.echo(
            f"accordingto: note: {pending} stored articles are not clustered yet (stored before clustering "
            "existed, or with older settings): run `accordingto trail --rebuild`",
            err=True,
        )


def _nothing(message: str) -> NoReturn:
    click.echo(f"accordingto: {message}", err=True)
    raise SystemExit(EXIT_FAILED)


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _write(trail: StatementTrail, output_format: str, stream: IO[str] | None) -> None:
    if output_format == "json":
        click.echo(json.dumps(trail.to_dict(), ensure_ascii=False, indent=2), file=stream)
    elif output_format == "csv":
        writer = csv.DictWriter(stream or sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_rows(trail))
    else:
        _table(trail, stream)


def _rows(trail: StatementTrail) -> Iterator[dict[str, Any]]:
    """One flat row per appearance, the first one first (order 1)."""
    for order, item in enumerate(trail.appearances, start=1):
        yield {
            "order": order,
            "cluster_id": trail.cluster_id,
            "published": item.published.isoformat() if item.published else "",
            "outlet": item.outlet or "",
            "article_id": item.article_id,
            "attribution_id": item.attribution_id,
            "source": item.source or "",
            "via": "; ".join(item.via),
            "upstream": "; ".join(item.upstream),
            "type": item.type,
            "cue": item.cue,
            "content": item.content,
            "changes": render_changes(item.diff),
            "flags": " ".join(item.flags),
        }


def _table(trail: StatementTrail, stream: IO[str] | None) -> None:
    # Rich's own width on a terminal; wide enough not to break words in a file or a pipe.
    console = Console(file=stream, width=PIPE_WIDTH) if stream is not None else Console()
    if stream is None and not console.is_terminal:
        console = Console(width=PIPE_WIDTH)
    first = trail.first
    summary = trail.to_dict()
    console.print(
        plain(  # stored text: shown as written, never as markup or control sequences (write/text.py)
            f"Statement {trail.cluster_id}: {summary['appearances']} appearances in {summary['articles']} articles, "
            f"{summary['outlets']} outlets. First: {first.outlet or 'unknown outlet'}, "
            f"{first.published.isoformat() if first.published else 'no date'}, {first.source or 'no source'} "
            f"{first.cue}: {first.content}"
        ),
        highlight=False,
    )
    table = Table(title_justify="left")
    for column in ("#", "published", "outlet", "source", "credits", "type", "wording", "flags"):
        table.add_column(column, overflow="fold")
    for row in _rows(trail):
        credits = "; ".join(part for part in (row["upstream"], row["via"] and f"via {row['via']}") if part)
        wording = row["content"] if row["order"] == 1 else row["changes"] or "(same words)"
        cells = (
            row["order"],
            row["published"],
            row["outlet"],
            row["source"],
            credits,
            row["type"],
            wording,
            row["flags"].replace(" ", "\n"),
        )
        table.add_row(*(plain(cell) for cell in cells))
    console.print(table)
