"""``accordingto sources|statements|source|outlets|upstream|weeks|articles|stats|export``: questions across a
stored corpus, as tables for people, JSON or CSV for programs.

Every command takes the same filters (built from ``store.filters.FILTERS``, parsed once into ``Filters``),
``--format table|json|csv`` and ``--out FILE``; lists page with ``--limit`` and ``--cursor`` (the next page's
cursor is printed on stderr), or ``--all``. A question nothing answers says so on stderr and exits 1.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..store import Store, open_store, queries
from ..store.export import write_csv, write_jsonl, write_parquet
from ..store.filters import FILTERS, Filters
from ..store.queries import MAX_PAGE, Page, all_rows
from ..write.text import plain
from .common import EXIT_FAILED, fail, output_stream
from .run import DB_HELP

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
OUTPUT_FORMATS = ["table", "json", "csv"]
PIPE_WIDTH = 200


def store_options(function: F) -> F:
    """--db and one option per filter of ``FILTERS``; the command receives them as one ``filters``."""
    options = [click.option("--db", envvar="ACCORDINGTO_DB", help=DB_HELP + " (env ACCORDINGTO_DB)")]
    for item in FILTERS:
        flag = "--" + item.name.replace("_", "-")
        choices = f" [{'|'.join(item.choices())}]" if item.choices else ""
        if item.input == "boolean":
            negative = "--" + (item.false_word or "no-" + item.name.replace("_", "-"))
            options.append(click.option(f"{flag}/{negative}", item.name, default=None, help=item.help))
        else:
            repeat = " Repeat for several." if item.many else ""
            options.append(click.option(flag, item.name, multiple=item.many, help=item.help + repeat + choices))

    @functools.wraps(function)  # keeps the options decorated before this one (click keeps them on the function)
    def parse_filters(**given: Any) -> Any:
        values = {item.name: given.pop(item.name) for item in FILTERS}
        strings = {
            name: (str(value).lower() if isinstance(value, bool) else value)
            for name, value in values.items()
            if value is not None
        }
        return function(filters=Filters.parse(strings), **given)

    wrapped: Any = parse_filters
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped


def output_options(function: F) -> F:
    """--format and --out, the same on every query command."""
    function = click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file [default: standard output].",
    )(function)
    return click.option(
        "--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True
    )(function)


def page_options(default: int) -> Callable[[F], F]:
    """--limit, --cursor and --all for a command that lists."""

    def decorate(function: F) -> F:
        for option in reversed(
            [
                click.option(
                    "--limit",
                    type=click.IntRange(1, MAX_PAGE),
                    default=default,
                    show_default=True,
                    help="Rows per page.",
                ),
                click.option("--cursor", help="Start after the page that printed this cursor."),
                click.option("--all", "every", is_flag=True, help="Every row, not one page."),
            ]
        ):
            function = option(function)
        return function

    return decorate


def list_command(
    name: str,
    doc: str,
    ask: Callable[..., Page[Any]],
    columns: Sequence[str],
    *,
    limit: int,
    nothing: str,
    options: Sequence[Callable[[F], F]] = (),
    title: Callable[[dict[str, Any]], str] | None = None,
) -> click.Command:
    """A command listing one page of ``ask(store, filters, cursor=, limit=, **its own options)`` (or ``--all``),
    with the filters, --format, --out and paging every list command shares."""

    def command(
        db: str | None,
        filters: Filters,
        limit: int,
        cursor: str | None,
        every: bool,
        output_format: str,
        out: Path | None,
        **own: Any,
    ) -> None:
        with open_store(db, create=False) as store:
            rows = _rows(lambda after, size: ask(store, filters, cursor=after, limit=size, **own), cursor, limit, every)
        heading = title(own) if title else name.capitalize()
        _emit(rows, columns, output_format, out, title=heading, nothing=nothing)

    command.__doc__ = doc
    decorated: Any = command
    for option in (output_options, page_options(limit), *reversed(options), store_options):
        decorated = option(decorated)
    return click.command(name)(decorated)


sources_command = list_command(
    "sources",
    "The sources cited most (or those a search finds), with their attributions, articles and outlets.",
    queries.top_sources,
    ["name", "key", "kind", "named", "attributions", "articles", "outlets", "first_published", "last_published"],
    limit=20,
    nothing="no sources match",
    options=[click.option("--search", help="Sources whose name (or words articles used for them) start with these.")],
)


STATEMENT_COLUMNS = [
    "published",
    "outlet",
    "article_id",
    "source_name",
    "type",
    "confidence",
    "speaker_confidence",
    "cue_text",
    "content_text",
    "time_value",
    "title",
    "url",
]

statements_command = list_command(
    "statements",
    "What was said: oldest first (or, with --search, best match first), with the article it is in.",
    queries.statements,
    STATEMENT_COLUMNS,
    limit=50,
    nothing="no statements match",
    options=[
        click.option("--source", help='A name ("Peskov" also finds "Dmitry Peskov") or a key from `sources`.'),
        click.option("--search", help='Words that must all appear; "quoted words" together. Best match first.'),
    ],
    title=lambda own: f"Statements of {own['source']}" if own.get("source") else "Statements",
)
upstream_command = list_command(
    "upstream",
    "The upstream reports (wires, other outlets) the articles rely on, most relied on first.",
    queries.upstream,
    ["name", "articles", "attributions", "generic"],
    limit=20,
    nothing="no upstream reports match",
    title=lambda _own: "Upstream reports",
)
articles_command = list_command(
    "articles",
    "Stored articles, newest first (statement filters keep the articles that have such a statement).",
    queries.list_articles,
    ["published", "outlet", "id", "title", "attributions", "error"],
    limit=50,
    nothing="no articles match",
    options=[click.option("--failed/--analysed", default=None, help="Only failed analyses, or only the others.")],
)


@click.command("source")
@click.argument("name")
@store_options
@page_options(50)
@output_options
def source_command(
    name: str,
    db: str | None,
    filters: Filters,
    limit: int,
    cursor: str | None,
    every: bool,
    output_format: str,
    out: Path | None,
) -> None:
    """A source's page: who it is, the words articles used for it, where it is quoted, and what it said.

    NAME is a key from `sources`, or a name: the source with most attributions among those it stands for."""
    with open_store(db, create=False) as store:
        key = _source_key(store, name, filters)
        profile = queries.source_profile(store, key, filters) if key else None
        if profile is None:
            _nothing(f"no source {name!r} matches", output_format, out)
        said = _rows(
            lambda after, size: queries.statements(store, filters, source_key=key, cursor=after, limit=size),
            cursor,
            limit,
            every,
        )
    if output_format != "table":
        document = {**profile.to_dict(), "statements": said}
        if output_format == "json":
            with output_stream(out) as stream:
                stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        else:
            _emit(said, STATEMENT_COLUMNS, "csv", out, title="", nothing="no statements match")
        return
    with output_stream(out) as stream:
        console = _console(stream)
        named = "named" if profile.named else "anonymous" if profile.named is False else "named or anonymous"
        heading = plain(profile.name)
        heading.stylize("bold")
        heading.append_text(
            plain(
                f" ({profile.kind or 'unknown kind'}, {named}): "
                f"{profile.attributions} attributions in {profile.articles} articles, "
                f"{profile.first_published or '?'} to {profile.last_published or '?'}"
            )
        )
        console.print(heading, highlight=False)
        if profile.description:
            console.print(plain(f"Described as: {profile.description}"), highlight=False)
        if profile.aliases:
            words = "; ".join(f"{alias.text} ({alias.attributions})" for alias in profile.aliases[:12])
            console.print(plain(f"Also called: {words}"), highlight=False)
        _table(
            console,
            [item.to_dict() for item in profile.by_outlet],
            ["outlet", "attributions", "first_published", "last_published"],
            "By outlet",
        )
        _table(console, said, STATEMENT_COLUMNS[:9], "Statements, oldest first")


def _source_key(store: Store, name: str, filters: Filters) -> str | None:
    """The key ``name`` is (a key from ``sources``), else the most cited source it stands for."""
    if queries.source_profile(store, name, filters) is not None:
        return name
    page = queries.top_sources(store, filters, search=name, limit=1)
    return page.items[0].key if page.items else None


@click.command("outlets")
@store_options
@output_options
def outlets_command(db: str | None, filters: Filters, output_format: str, out: Path | None) -> None:
    """Outlets side by side: articles, attributions, anonymous share, kinds of sources, top sources."""
    with open_store(db, create=False) as store:
        rows = [row.to_dict() for row in queries.outlet_stats(store, filters)]
    if output_format == "table":
        for row in rows:
            row["by_kind"] = ", ".join(f"{kind} {count}" for kind, count in row["by_kind"].items())
            row["top_sources"] = "; ".join(f"{item['name']} ({item['attributions']})" for item in row["top_sources"])
    columns = [
        "outlet",
        "articles",
        "attributions",
        "attributions_per_article",
        "named",
        "anonymous",
        "anonymous_share",
        "by_kind",
        "top_sources",
    ]
    _emit(rows, columns, output_format, out, title="Outlets", nothing="no outlets match")


@click.command("weeks")
@click.option("--source", help="Statements of this source (a name or a key).")
@click.option("--search", help="Statements with these words.")
@click.option("--anonymous-share", is_flag=True, help="The anonymous share per outlet and week instead.")
@store_options
@output_options
def weeks_command(
    source: str | None,
    search: str | None,
    anonymous_share: bool,
    db: str | None,
    filters: Filters,
    output_format: str,
    out: Path | None,
) -> None:
    """Statements per week (of a source, a search, or all that pass the filters), or, with --anonymous-share,
    the share of attributions to anonymous sources per outlet and week."""
    with open_store(db, create=False) as store:
        if anonymous_share:
            if source or search:
                fail("--anonymous-share counts every source: leave out --source and --search")
            shares = [row.to_dict() for row in queries.anonymous_share_per_week(store, filters)]
            _emit(
                shares,
                ["outlet", "week", "named", "anonymous", "anonymous_share"],
                output_format,
                out,
                title="Anonymous share per week",
                nothing="no dated attributions match",
            )
            return
        weeks = queries.statements_per_week(store, filters, source=source, search=search)
    _emit(
        [row.to_dict() for row in weeks],
        ["week", "statements"],
        output_format,
        out,
        title="Statements per week",
        nothing="no dated statements match",
    )


@click.command("stats")
@store_options
@output_options
def stats_command(db: str | None, filters: Filters, output_format: str, out: Path | None) -> None:
    """Articles, attributions per article, anonymous share by outlet, and the upstream reports relied on."""
    with open_store(db, create=False) as store:
        stats = queries.corpus_stats(store, filters)
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
    if stats.articles == 0:
        _nothing("no articles match", output_format, out)
    if output_format == "json":
        with output_stream(out) as stream:
            stream.write(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    if output_format == "csv":
        _emit(outlets, outlet_columns, "csv", out, title="", nothing="no articles match")
        return
    with output_stream(out) as stream:
        console = _console(stream)
        console.print(
            f"{stats.articles} articles ({stats.failed} failed), {stats.attributions} attributions, "
            f"{stats.attributions_per_article:.2f} per article, anonymous share {percent(stats.anonymous_share)}; "
            "by type: " + (", ".join(f"{name} {count}" for name, count in stats.by_type.items()) or "none"),
            markup=False,
            highlight=False,
        )
        _table(console, outlets, outlet_columns, "By outlet")
        _table(
            console, [row.to_dict() for row in stats.upstream], ["name", "articles", "attributions"], "Upstream reports"
        )


def _kept_likely(filters: Filters) -> Callable[[dict[str, Any]], dict[str, Any]] | None:
    """With --min-confidence or --min-speaker-confidence, each exported analysis as ``analyze`` prints it with the
    same floors: its less likely attributions left out, and what counts or points at them following."""
    floor, speaker_floor = filters.get("min_confidence"), filters.get("min_speaker_confidence")
    if floor is None and speaker_floor is None:
        return None
    # Imported here: the renderers' code reaches the describe stage, which the query commands need not load.
    from ..model import Analysis
    from ..write.confident import leave_out_unlikely

    def kept(item: dict[str, Any]) -> dict[str, Any]:
        if "attributions" not in item:  # an article whose analysis failed: its error only
            return item
        analysis = Analysis.from_dict({key: value for key, value in item.items() if key != "article"})
        kept_analysis = leave_out_unlikely(
            analysis,
            None if floor is None else float(floor),
            None if speaker_floor is None else float(speaker_floor),
        )
        return {**kept_analysis.to_dict(), "article": item["article"]}

    return kept


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
def export_command(db: str | None, filters: Filters, export_format: str, out: Path | None) -> None:
    """Export the store: analyses as JSON Lines, or attributions as CSV or Parquet (the filters apply)."""
    if export_format == "parquet" and out is None:
        fail("--format parquet needs --out FILE (Parquet is binary)")
    with open_store(db, create=False) as store:
        if export_format == "parquet":
            assert out is not None
            count = write_parquet(store, str(out), filters)
        else:
            with output_stream(out) as stream:
                if export_format == "jsonl":
                    count = write_jsonl(store, stream, filters, _kept_likely(filters))
                else:
                    count = write_csv(store, stream, filters)
    what = "articles" if export_format == "jsonl" else "attributions"
    click.echo(f"accordingto: exported {count} {what}" + (f" to {out}" if out else ""), err=True)
    if count == 0:
        raise SystemExit(EXIT_FAILED)


# ---- output ---------------------------------------------------------------------------------------------------


def _rows(
    fetch: Callable[[str | None, int], Page[Any]], cursor: str | None, limit: int, every: bool
) -> list[dict[str, Any]]:
    """One page (saying on stderr how to get the next), or with ``every`` all of them, as dicts."""
    if every:
        return [row.to_dict() for row in all_rows(lambda after: fetch(after, MAX_PAGE))]
    page = fetch(cursor, limit)
    if page.next:
        click.echo(f"accordingto: more rows: add --cursor {page.next} (or --all)", err=True)
    return [row.to_dict() for row in page.items]


def percent(share: float | None) -> str:
    """A share as a reader reads it: 0.2531 -> "25.3%"."""
    return "n/a" if share is None else f"{share:.1%}"


def _nothing(message: str, output_format: str, out: Path | None) -> NoReturn:
    """Nothing matched: an empty document for programs, the reason on stderr, exit 1."""
    if output_format == "json":
        with output_stream(out) as stream:
            stream.write("[]\n")
    click.echo(f"accordingto: {message}", err=True)
    raise SystemExit(EXIT_FAILED)


def _emit(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    output_format: str,
    out: Path | None,
    *,
    title: str,
    nothing: str,
) -> None:
    """Rows as a rich table (for people), a JSON array or CSV (for programs); none: say so and exit 1."""
    if not rows:
        if output_format == "csv":
            with output_stream(out) as stream:
                csv.writer(stream, lineterminator="\n").writerow(columns)
        _nothing(nothing, output_format, out)
    with output_stream(out) as stream:
        if output_format == "json":
            stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        elif output_format == "csv":
            writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        else:
            _table(_console(stream), rows, columns, title)


def _table(console: Console, rows: list[dict[str, Any]], columns: Sequence[str], title: str) -> None:
    table = Table(title=title or None, title_justify="left")
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(_cell(column, row.get(column)) for column in columns))
    console.print(table)


def _cell(column: str, value: Any) -> Text:
    """One table cell, as text shown as written (``write.text.plain``: no markup, no control sequences)."""
    if column.endswith(("_share", "confidence")) and value is not None:
        return plain(percent(value))
    return plain(value)


def _console(stream: TextIO) -> Console:
    """Rich's console on ``stream``; when that is not a terminal (a pipe, a file), wide enough not to break
    words."""
    console = Console(file=stream)
    return console if console.is_terminal else Console(file=stream, width=PIPE_WIDTH)
