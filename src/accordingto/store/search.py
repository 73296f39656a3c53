"""Full-text search over the store, one interface over SQLite FTS5 and PostgreSQL's tsvector search.

What a user types is parsed here, never handed to either engine's own query syntax (which would make "AND" or a
stray quote an error): words must all appear, "quoted words" must appear together, in that order. Statements
are matched on their words with English stemming ("ceasefires" finds "ceasefire") and ranked (FTS5 ``bm25``,
PostgreSQL ``ts_rank_cd``); source names and aliases are matched by word prefixes without stemming ("pesk"
finds "Peskov"). The matched words come back marked with ``START``/``STOP`` and are turned into character
ranges here, so the page draws them with text nodes and ``<mark>``, never as HTML.

A word in one statement of four must answer as fast as a rare one, so two questions are asked in shapes whose
cost is bounded whatever the engine's planner guesses:

- **The newest matches** (what a search ranks): SQLite's FTS5 hands matches out newest first by itself. On
  PostgreSQL, the matches in a fixed sample of one statement in ``PLAN_SAMPLE`` (its own small index) say first
  how far back the wanted matches reach and how many there are in all: the newest statements down to there are
  read in a window (a walk of the primary key, forced by a ``LIMIT`` in a subquery), or, when the matches are
  too few for a walk to pay, they come from the word index at once (a ``MATERIALIZED`` query that cannot walk
  the key). Windows then go on as long as they find matches often enough (the sample may miss). The choices
  are made from rows read, not from the planner's estimates (which miss, e.g. for phrases, by orders of
  magnitude), and not from the newest rows alone (a corpus written source by source clumps its words).
- **Matches per day** (a search's chart): counted on a fixed sample of the statements (``id % N = 0``, N in
  ``SAMPLES``), the coarsest that has ``ENOUGH`` matches, and multiplied by N; a rarer search is counted
  exactly. The page says when a chart is such an estimate. Each sample has a word index of its own
  (PostgreSQL: a partial GIN index, migration 0005; SQLite: an FTS5 table, migration 0007), so a count reads
  its sample's matches only, not every match of a common word.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Float,
    FromClause,
    Select,
    and_,
    case,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
    true,
)

from ..errors import InvalidFilterError
from .filters import AnySelect
from .schema import UNDATED, attributions, source_aliases, statement_index

# Private-use characters: they do not occur in news text, so they can mark matches inside it.
START, STOP = "\ue000", "\ue001"
MAX_QUERY_CHARS = 500
MAX_TERMS = 20
_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"[^\W_]+")

# What migration 0002 indexes on PostgreSQL: the statements' stored tsvector, and an expression over aliases (an
# expression index serves only its exact expression).
PG_STATEMENT_WORDS = "statement_index.statement_search_words"
PG_ALIAS_VECTOR = "to_tsvector('simple', source_aliases.alias)"


@dataclass(frozen=True)
class SearchQuery:
    """Words and phrases, all of which must match."""

    terms: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, text: str) -> SearchQuery:
        if len(text) > MAX_QUERY_CHARS:
            raise InvalidFilterError(f"search: at most {MAX_QUERY_CHARS} characters")
        terms = []
        for phrase, word in _TERM.findall(text):
            words = tuple(_WORD.findall(phrase if phrase else word))
            if words:
                terms.append(words)
        if not terms:
            raise InvalidFilterError(f"search: no words to look for in {text[:80]!r}")
        if len(terms) > MAX_TERMS:
            raise InvalidFilterError(f"search: at most {MAX_TERMS} words or phrases")
        return cls(tuple(terms))

    def __str__(self) -> str:
        return " ".join(" ".join(words) if len(words) == 1 else '"' + " ".join(words) + '"' for words in self.terms)

    def fts5(self, *, prefix: bool = False) -> str:
        """FTS5 query syntax: each word quoted (so no word is an operator), phrases as phrases."""
        star = "*" if prefix else ""
        return " ".join('"' + " ".join(words) + '"' + star for words in self.terms)

    def tsquery(self, config: str, *, prefix: bool = False) -> ColumnElement[Any]:
        """A PostgreSQL tsquery: words ANDed, phrases with ``<->``; the words are letters and digits only, so
        they are safe inside ``to_tsquery``."""
        parts = []
        for words in self.terms:
            lexemes = [word + (":*" if prefix else "") for word in words]
            parts.append(" <-> ".join(lexemes))
        return func.to_tsquery(literal_column(f"'{config}'"), literal(" & ".join(f"({part})" for part in parts)))


@dataclass(frozen=True)
class StatementMatch:
    """How to narrow ``statement_index`` to a search's matches: what to join (SQLite's FTS5 table), the
    condition, the rank (lower is better) and the order the engine finds matches fastest in, newest first."""

    join: FromClause | None
    on: ColumnElement[bool] | None
    where: ColumnElement[bool]
    rank: ColumnElement[float]
    newest: ColumnElement[int]


def match_statements(dialect: str, query: SearchQuery, *, sample: int = 1) -> StatementMatch:
    """``sample``: only the statements of the fixed sample of one in ``sample`` (``_one_in``), through the
    index of that sample (PostgreSQL's partial GIN index, migration 0005; SQLite's FTS5 table, migration 0007)."""
    if dialect == "postgresql":
        vector: ColumnElement[Any] = literal_column(PG_STATEMENT_WORDS)
        tsquery = query.tsquery("english")
        return StatementMatch(
            join=None,
            on=None,
            where=and_(vector.op("@@")(tsquery), _one_in(sample)),
            rank=cast(-func.ts_rank_cd(vector, tsquery), Float),
            newest=statement_index.c.id,
        )
    name = "statement_search" if sample == 1 else f"statement_search_1_in_{sample}"
    fts = table(name, column("rowid"))
    target: ColumnElement[Any] = literal_column(name)
    return StatementMatch(
        join=fts,
        on=fts.c.rowid == statement_index.c.id,
        where=target.op("MATCH")(query.fts5()),
        rank=func.bm25(target),
        # FTS5 reads a word's matches in rowid order, so the newest come first without a sort.
        newest=fts.c.rowid,
    )


# ---- the newest matches ---------------------------------------------------------------------------------------

# The first window of newest statements a PostgreSQL search reads when the sample does not say, and the largest
# a window grows to.
WINDOW = 20_000
MAX_WINDOW = 320_000
# The sample read first (one statement in this many: migration 0005 indexes it), and how many of its matches past
# the wanted ones the first window reaches, so that sampling luck rarely makes it fall short.
PLAN_SAMPLE = 1024
PLAN_MARGIN = 2
# What a row costs read through the word index (a bitmap heap scan) against a row of the walk, measured on the
# 100,000-article benchmark store (about 1.3 against 0.7 microseconds).
INDEX_ROW_COST = 2.0


def newest_matches(
    connection: Connection, query: SearchQuery, scope: AnySelect, wanted: int
) -> list[tuple[float, int]]:
    """(rank, statement_index.id) of the ``wanted`` newest statements of ``scope`` (a query over statement_index
    narrowed by filters) that match ``query``; rank: lower is better."""
    dialect = connection.dialect.name
    if dialect == "postgresql":
        return _newest_matches_postgresql(connection, query, scope, wanted)
    match = match_statements(dialect, query)
    candidates = scope.add_columns(statement_index.c.id, match.rank).where(match.where)
    if match.join is not None and match.on is not None:
        candidates = candidates.join(match.join, match.on)
    candidates = candidates.order_by(match.newest.desc()).limit(wanted)
    return [(float(rank), int(number)) for number, rank in connection.execute(candidates)]


def _newest_matches_postgresql(
    connection: Connection, query: SearchQuery, scope: AnySelect, wanted: int
) -> list[tuple[float, int]]:
    s = statement_index
    words: ColumnElement[Any] = literal_column(PG_STATEMENT_WORDS)
    tsquery = query.tsquery("english")
    hit = words.op("@@")(tsquery)
    passing = scope.whereclause if scope.whereclause is not None else true()
    froms = scope.get_final_froms()
    rank = -func.ts_rank_cd(words, tsquery)

    def older_matches(below: int | None, need: int) -> list[tuple[float, int]]:
        """The ``need`` newest matches below ``below`` through the word index, ranked."""
        # "id + 0": a condition the primary key cannot serve, so that only the word index can find the rows.
        older = (
            select(s.c.id)
            .select_from(*froms)
            .where(hit, passing, (s.c.id + 0) < below if below is not None else true())
            .cte("older_matches")
            .prefix_with("MATERIALIZED", dialect="postgresql")
        )
        newest = select(older.c.id).order_by(older.c.id.desc()).limit(need).subquery()
        # Ranked after the cut: ts_rank_cd reads each row's words, which only the kept rows need.
        ranked = select(rank, s.c.id).join(newest, newest.c.id == s.c.id).order_by(s.c.id.desc())
        return [(float(score), int(number)) for score, number in connection.execute(ranked)]

    sampled = (
        connection.execute(
            select(s.c.id).select_from(*froms).where(hit, passing, _one_in(PLAN_SAMPLE)).order_by(s.c.id.desc())
        )
        .scalars()
        .all()
    )
    reach = math.ceil(wanted / PLAN_SAMPLE) + PLAN_MARGIN
    window = WINDOW
    if len(sampled) < reach:
        return older_matches(None, wanted)  # a few thousand matches at most: read them all through the index
    newest_id = connection.execute(select(func.max(s.c.id))).scalar() or 0
    walk_rows = newest_id - int(sampled[reach - 1])
    if walk_rows > len(sampled) * PLAN_SAMPLE * INDEX_ROW_COST:
        return older_matches(None, wanted)
    window = max(WINDOW, walk_rows)
    found: list[tuple[float, int]] = []
    walked = matched = 0
    below: int | None = None
    while True:
        # A window of the newest statements below the last one read: ORDER BY the key and LIMIT, in a subquery,
        # so that the planner walks the key and reads no more than the window.
        recent = select(s.c.id, hit.label("hit"), and_(hit, passing).label("passing"), case((hit, rank)).label("rank"))
        recent = recent.select_from(*froms).where(s.c.id < below if below is not None else true())
        inner = recent.order_by(s.c.id.desc()).limit(window).subquery()
        summary = select(
            func.min(inner.c.id),
            func.count(),
            func.count().filter(inner.c.hit),
            func.array_agg(inner.c.id).filter(inner.c.passing),
            func.array_agg(inner.c.rank).filter(inner.c.passing),
        )
        lowest, rows, hits, ids, ranks = connection.execute(summary).one()
        found += [(float(score), int(number)) for score, number in zip(ranks or [], ids or [], strict=True)]
        walked, matched = walked + int(rows), matched + int(hits)
        if len(found) >= wanted or rows < window or lowest is None:
            break
        below = int(lowest)
        need = wanted - len(found)
        walk_rows = need * walked / len(found) if found else math.inf
        index_rows = matched / walked * below  # the matches left below the windows, at the rate seen
        if index_rows * INDEX_ROW_COST < walk_rows:
            found += older_matches(below, need)
            break
        window = int(min(MAX_WINDOW, max(window * 4, walk_rows * 1.25)))
    return sorted(found, key=lambda item: -item[1])[:wanted]


# ---- matches per day ---------------------------------------------------------------------------------------------

# Statements whose id is divisible by N form a sample of one in N (ids are given in the order rows are written,
# so the sample spreads evenly over time and outlets whatever order a corpus was read in). Coarsest first.
SAMPLES = (1024, 256, 64, 16, 4)
# A sample is used when this many of its statements match the search and the filters...
ENOUGH = 2000
# ...or when the next finer sample would read more matches than this (the filters keep few of them).
BUDGET = 40_000


@dataclass(frozen=True)
class DayCounts:
    """Matching statements per day; ``sample``: 1 when every one was counted, N when one statement in N was
    (the counts are then that sample's, multiplied by N)."""

    counts: Counter[dt.date]
    sample: int


def day_counts(connection: Connection, query: SearchQuery, scope: AnySelect) -> DayCounts:
    """Dated statements of ``scope`` (a query over statement_index narrowed by filters) that match ``query``,
    per day: counted on the coarsest sample with enough of them, or exactly. A sample that already holds a few
    matches says which finer one will hold enough, so the ones between are not read."""
    dialect = connection.dialect.name
    s = statement_index
    passing = scope.whereclause if scope.whereclause is not None else true()
    steps = (*SAMPLES, 1)
    step = 0
    while True:
        every = steps[step]
        match = match_statements(dialect, query, sample=every)
        counted = select(s.c.day, func.count(), func.sum(case((passing, 1), else_=0))).select_from(
            *scope.get_final_froms()
        )
        if match.join is not None and match.on is not None:
            counted = counted.join(match.join, match.on)
        counted = counted.where(match.where, s.c.day < dt.date.fromisoformat(UNDATED))
        counts: Counter[dt.date] = Counter()
        read = kept_here = 0
        for day, rows, kept in connection.execute(counted.group_by(s.c.day)):
            read += int(rows)
            if kept:
                kept_here += int(kept)
                counts[_as_date(day)] += int(kept) * every
        if every == 1 or kept_here >= ENOUGH or read * 4 > BUDGET:
            return DayCounts(counts, every)
        step = _next_sample(steps, step, kept_here, read)


# Matches a sample must hold before the count in it is trusted to skip the samples between it and a finer one.
TRUSTED = 8


def _next_sample(steps: tuple[int, ...], step: int, kept: int, read: int) -> int:
    """The sample to read after ``steps[step]``: the next finer one, or, when this one holds ``TRUSTED`` matches
    or more, the coarsest finer one expected to hold ``ENOUGH`` (or to reach the ``BUDGET``)."""
    if kept < TRUSTED:
        return step + 1
    every = steps[step]
    for following in range(step + 1, len(steps)):
        scale = every / steps[following]
        if kept * scale >= ENOUGH or read * scale * 4 > BUDGET:
            return following
    return len(steps) - 1


def _one_in(every: int) -> ColumnElement[bool]:
    """PostgreSQL's sample of one statement in ``every``, written as the partial indexes of migration 0005 are
    (an index on a part of a table serves a query only when the query says the same words)."""
    if every == 1:
        return true()
    return literal_column(f"statement_index.id % {every} = 0", Boolean())


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def marked_statements(dialect: str, query: SearchQuery, ids: list[int]) -> Select[int, str]:
    """(statement_index.id, content with the matched words between ``START`` and ``STOP``) for these rows."""
    if dialect == "postgresql":
        options = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"
        marked = func.ts_headline(
            literal_column("'english'"), attributions.c.content_text, query.tsquery("english"), literal(options)
        )
        return (
            select(statement_index.c.id, marked)
            .join(
                attributions,
                and_(
                    attributions.c.article_id == statement_index.c.article_id,
                    attributions.c.attribution_id == statement_index.c.attribution_id,
                ),
            )
            .where(statement_index.c.id.in_(ids))
        )
    fts = table("statement_search", column("rowid"))
    target: ColumnElement[Any] = literal_column("statement_search")
    return select(fts.c.rowid, func.highlight(target, 1, START, STOP)).where(
        target.op("MATCH")(query.fts5()), fts.c.rowid.in_(ids)
    )


def matching_aliases(dialect: str, query: SearchQuery) -> tuple[FromClause, ColumnElement[bool]]:
    """The ``source_aliases`` rows whose words start with the query's words: what to select from, and where."""
    if dialect == "postgresql":
        return source_aliases, literal_column(PG_ALIAS_VECTOR).op("@@")(query.tsquery("simple", prefix=True))
    fts = table("source_alias_search", column("rowid"))
    joined = source_aliases.join(fts, fts.c.rowid == source_aliases.c.id)
    return joined, and_(literal_column("source_alias_search").op("MATCH")(query.fts5(prefix=True)))


def highlights(marked: str | None, text: str) -> list[tuple[int, int]]:
    """Character ranges of the marked words in ``text`` (none if the marked text is not ``text`` marked)."""
    if not marked:
        return []
    ranges: list[tuple[int, int]] = []
    plain: list[str] = []
    length = 0
    start: int | None = None
    for char in marked:
        if char == START:
            start = length
        elif char == STOP:
            if start is not None and length > start:
                ranges.append((start, length))
            start = None
        else:
            plain.append(char)
            length += 1
    return ranges if "".join(plain) == text else []


__all__ = [
    "SAMPLES",
    "START",
    "STOP",
    "DayCounts",
    "SearchQuery",
    "StatementMatch",
    "day_counts",
    "highlights",
    "marked_statements",
    "match_statements",
    "matching_aliases",
    "newest_matches",
]
