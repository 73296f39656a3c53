"""Open a store (SQLite or PostgreSQL), bring its schema up to date, write one article's results at a time.

Writes are per article and atomic: an article's row, its sources, attributions and provenance go in one
transaction, so a run stopped at any moment leaves only whole articles behind and can simply be run again. The
same transaction puts the article's statements into statement clusters (``clusters.py``), so every way of
filling a store (``accordingto run``, ``--jobs N``, a Dask run) keeps the trails of statements up to date.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, literal, select, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.sql.selectable import ScalarSelect

from ..errors import StoreError
from ..model import Analysis, Article
from ..outcome import Outcome
from . import identity
from .clusters import cluster_article
from .rows import Row, Rows, article_rows, outcome_rows
from .schema import CHILD_TABLES, articles, attributions, provenance, sources

logger = logging.getLogger(__name__)

DEFAULT_DB = "accordingto.sqlite"
MIGRATIONS = Path(__file__).with_name("migrations")
# Any stable numbers: the PostgreSQL advisory locks that serialize migrations when several processes open the
# store at once, and writes when several processes write to it at once.
_MIGRATION_LOCK = 0x61636374
_WRITE_LOCK = 0x61637772
# How long a SQLite connection waits for another process's lock (a migration of a new store, a long write).
_SQLITE_WAIT_SECONDS = 30


def normalize_url(url: str | None) -> str:
    """A SQLAlchemy URL from what a user types.

    Nothing → ``accordingto.sqlite`` in the current folder; a plain path → that SQLite file;
    ``postgresql://`` and
    ``postgres://`` → the psycopg 3 driver (SQLAlchemy would otherwise look for psycopg2, not installed).
    """
    if not url:
        url = DEFAULT_DB
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def _safe(url: URL | str) -> str:
    """The URL as it may be shown to a user: never with its password."""
    try:
        return (url if isinstance(url, URL) else make_url(url)).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<unparseable URL>"


class Store:
    """A result store: articles, their analyses, sources and attributions. Use ``open_store`` to get one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = _safe(engine.url)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading; database errors become ``StoreError``."""
        try:
            with self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise StoreError(f"store {self.url}: {_reason(error)}") from error

    def done(self, keys: Iterable[tuple[str, str]]) -> set[str]:
        """Of these (article id, text hash) pairs, the ids already stored with that text and without an error.

        Those are skipped by a run; one stored with a different text or with an error is analysed again.
        """
        wanted = dict(keys)
        if not wanted:
            return set()
        query = select(articles.c.id, articles.c.text_hash).where(articles.c.id.in_(wanted), articles.c.error.is_(None))
        with self.connect() as connection:
            return {row.id for row in connection.execute(query) if row.text_hash == wanted[row.id]}

    def save(
        self,
        article: Article,
        analysis: Analysis | dict[str, Any] | None = None,
        error: str | None = None,
        *,
        origin: str | None = None,
    ) -> str:
        """Store one article with its analysis, or with the error that stopped it, in one transaction.

        An article already stored under the same id is replaced (its old sources and attributions go with it).
        ``origin`` defaults to where the article was read from. Returns the article's id in the store.
        """
        return self._write(article_rows(article, analysis, error, origin=origin))

    def save_outcome(self, outcome: Outcome) -> str:
        """Store one outcome of a batch (its analysis, or the reason it failed); returns the article's id."""
        return self._write(outcome_rows(outcome))

    def _write(self, rows: Rows, *, cluster: bool = True) -> str:
        """Write one article's rows; ``cluster=False`` leaves its statements out of the clusters (as stores
        written before clustering existed are: ``accordingto trail --rebuild`` takes them in)."""
        [article] = rows["articles"]
        article_id: str = article["id"]
        try:
            with self.engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    # Writers take turns, as SQLite's one writer does. The triggers (migration 0002) count each
                    # attribution in rows shared across articles (aliases, per-day and per-source counts) and
                    # the surname rule re-keys the outlet's earlier rows: two articles written at once would lock
                    # those rows in different orders and deadlock. Held to the end of the transaction.
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_WRITE_LOCK})")
                for table in (*CHILD_TABLES, articles):
                    key = table.c.id if table is articles else table.c.article_id
                    connection.execute(delete(table).where(key == article_id))
                connection.execute(insert(articles).values(article))
                _apply_surname_rule(connection, article["outlet"], rows)
                for table in (sources, attributions, provenance):
                    if rows[table.name]:
                        connection.execute(insert(table), rows[table.name])
                if cluster and article["error"] is None:
                    cluster_article(connection, article_id)
        except SQLAlchemyError as failure:
            raise StoreError(f"store {self.url}: cannot write article {article_id}: {_reason(failure)}") from failure
        return article_id

    def analysis(self, article_id: str) -> Analysis | None:
        """The stored analysis of one article (None if unknown or failed)."""
        with self.connect() as connection:
            data = connection.execute(select(articles.c.analysis).where(articles.c.id == article_id)).scalar()
        return Analysis.from_dict(data) if data is not None else None


def open_store(url: str | None = None, *, migrate: bool = True, create: bool = True) -> Store:
    """Open (and create, and migrate to the current schema) the store at ``url``; see ``normalize_url``.

    Raises ``StoreError`` for a URL that is not one, an unknown database driver or a database that cannot be
    reached, with the reason and the URL (password hidden). ``create=False`` (for queries) refuses a SQLite
    file that does not exist yet instead of creating an empty store.
    """
    raw = normalize_url(url)
    try:
        parsed = make_url(raw)
        engine = create_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise StoreError(f"not a usable store URL {_safe(raw)!r}: {error}") from error
    if parsed.get_backend_name() == "sqlite":
        _tune_sqlite(engine, parsed, create=create)
    store = Store(engine)
    try:
        with engine.connect() as connection:
            if migrate:
                _migrate(connection)
            connection.commit()
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open the store {store.url}: {_reason(error)}") from error
    return store


def _tune_sqlite(engine: Engine, url: URL, *, create: bool) -> None:
    """Foreign keys on (SQLite leaves them off); wait for a writer instead of failing at once; WAL for
    files, so the web service can read while a run writes."""
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).parent
        if not folder.is_dir():
            raise StoreError(f"cannot open the store {url}: folder {folder} does not exist")
        if not create and not Path(database).is_file():
            raise StoreError(f"no store at {database}: fill one with `accordingto run` first, or give --db")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={_SQLITE_WAIT_SECONDS * 1000}")
        if database and database != ":memory:":
            _set_wal(cursor)
        cursor.close()


def _set_wal(cursor: Any) -> None:
    """Switch a SQLite file to WAL (a setting kept in the file), waiting for another process that holds the lock.

    Changing the journal mode needs the file to itself, and SQLite answers "database is locked" at once, without
    its busy handler, while another process creates or migrates the same new store: so wait here, as the busy
    timeout would for a write. Once the file is in WAL, asking again is a read.
    """
    deadline = time.monotonic() + _SQLITE_WAIT_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _migrate(connection: Connection) -> None:
    """Upgrade the schema to the newest migration in ``migrations/versions`` (no alembic.ini needed)."""
    from alembic import command
    from alembic.config import Config

    # Several processes opening a fresh store at once (two runs, the web service's workers) would otherwise race
    # to create the same tables: the migration runs under a lock held to the end of its transaction.
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
    elif connection.dialect.name == "sqlite":
        # SQLite's write lock, taken now rather than at the first write: the others wait (busy_timeout), then
        # find the schema up to date.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _reason(error: SQLAlchemyError) -> str:
    """The driver's own message, first line only (SQLAlchemy appends SQL and a help link)."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


def _apply_surname_rule(connection: Connection, outlet: str | None, rows: Rows) -> None:
    """Rule 3 of ``identity``: a lone surname takes the one full name ending in it in the same outlet.

    Decided again whenever an article brings a surname or a full name, and applied to this article's rows
    (before they are written) and to the outlet's earlier rows alike, so the result does not depend on which
    article came first.
    """
    named = [row for row in rows["sources"] if row["named"]]
    named_attributions: list[Row] = [row for row in rows["attributions"] if row["source_named"]]
    words = {row["base_key"] for row in named if identity.is_surname_key(row["base_key"])}
    words |= {row["surname"] for row in named if row["surname"]}
    # The outlet as the filters take it, in any case ("NYT" and "nyt" are one outlet); an expression index
    # (migration 0005) serves lower(outlet).
    in_outlet = (
        select(articles.c.id).where(func.lower(articles.c.outlet) == func.lower(literal(outlet))).scalar_subquery()
    )
    for word in sorted(words):
        full_names = {row["base_key"] for row in named if row["surname"] == word}
        if outlet is not None:
            full_names |= set(
                connection.execute(
                    select(sources.c.base_key)
                    .distinct()
                    .where(sources.c.surname == word, sources.c.article_id.in_(in_outlet))
                ).scalars()
            )
        # The surname and every first-name-and-surname key: what a fuller name arriving now may change.
        for key in sorted({word} | {full for full in full_names if identity.is_shortened_key(full)}):
            _rekey(
                connection,
                in_outlet if outlet is not None else None,
                named,
                named_attributions,
                key,
                identity.resolve_name(key, full_names),
            )


def _rekey(
    connection: Connection,
    in_outlet: ScalarSelect[Any] | None,
    named: list[Row],
    named_attributions: list[Row],
    key: str,
    target: str,
) -> None:
    """Give the named sources (and their attributions) of base key ``key`` the identity ``target``: this
    article's rows before they are written, and the outlet's earlier rows (``in_outlet``: their article ids)."""
    for row in named:
        if row["base_key"] == key:
            row["identity_key"] = target
    for row in named_attributions:
        if row["source_base"] == key:
            row["source_key"] = target
    if in_outlet is None:
        return
    connection.execute(
        update(sources)
        .where(sources.c.base_key == key, sources.c.named.is_(True), sources.c.article_id.in_(in_outlet))
        .values(identity_key=target)
    )
    connection.execute(
        update(attributions)
        .where(
            attributions.c.source_base == key,
            attributions.c.source_named.is_(True),
            attributions.c.article_id.in_(in_outlet),
        )
        .values(source_key=target)
    )
