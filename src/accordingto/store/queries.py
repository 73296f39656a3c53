"""Questions across a stored corpus: who is quoted, what did someone say, how each outlet attributes, over time.

Plain functions of a ``Store`` and a ``Filters`` (store/filters.py: one filter object for every list) returning
small frozen dataclasses (``.to_dict()`` for JSON), shared by the CLI and the web service. Every list is a
``Page``: its rows and an opaque cursor for the next page (keyset pagination: the next page starts after the
last row's sort key, so page 1,000 costs what page 1 does); ``all_rows`` walks every page, for downloads.

The lists read ``statement_index`` (one narrow row per attribution with its article's date and outlet, kept by
triggers) in its index order, and join ``attributions`` and ``articles`` only for the rows shown.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    Integer,
    and_,
    case,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from .. import lexicon
from ..errors import InvalidFilterError
from ..model import Analysis
from ..write.names import is_generic_credit, reader_name
from . import identity
from .db import Store
from .filters import AnySelect, Filters, statement_joins
from .schema import (
    ARTICLE_DAY,
    UNDATED,
    articles,
    attributions,
    outlet_days,
    outlet_names,
    provenance,
    source_aliases,
    source_days,
    source_outlets,
    source_totals,
    sources,
    statement_index,
)
from .search import (
    SearchQuery,
    day_counts,
    highlights,
    marked_statements,
    match_statements,
    matching_aliases,
    newest_matches,
)

T = TypeVar("T")
NO_FILTERS = Filters()
MAX_PAGE = 500
# A search ranks this many of its newest matches (after the filters): enough to rank every match of a precise
# question, while a word in every other statement is answered as fast as a rare one.
SEARCH_CANDIDATES = 1000
MAX_CURSOR_CHARS = 1000
DOWNLOAD_PAGE = MAX_PAGE  # a download walks the pages of its list, the largest a caller may ask for
UNDATED_DAY = dt.date.fromisoformat(UNDATED)
# How many descriptions of a source are read to pick the most common one (a sample keeps a source page quick
# however often the source is quoted).
DESCRIPTION_SAMPLE = 500
# The per-day counts' expressions for the filters they can answer (undated rows count as no date).
SOURCE_OUTLETS_COLUMNS: dict[str, ColumnElement[Any]] = {"outlet_key": source_outlets.c.outlet_key}
SOURCE_DAYS_COLUMNS: dict[str, ColumnElement[Any]] = {
    "outlet_key": source_days.c.outlet_key,
    "published": func.nullif(source_days.c.day, literal(UNDATED_DAY)),
}
OUTLET_DAYS_COLUMNS: dict[str, ColumnElement[Any]] = {
    "outlet_key": outlet_days.c.outlet_key,
    "published": func.nullif(outlet_days.c.day, literal(UNDATED_DAY)),
    "source_named": case((outlet_days.c.named == 1, true()), (outlet_days.c.named == 0, false()), else_=null()),
    "source_kind": func.nullif(outlet_days.c.kind, literal_column("''")),
    "type": outlet_days.c.type,
}
# Words that stand for a source without naming it ("he", "Ann Lee, who said"): not what a source is also called.
PRONOUNS = frozenset(word for words in lexicon.PRONOUNS.values() for word in words) | lexicon.RELATIVE_PRONOUNS


@dataclass(frozen=True)
class _Row:
    def to_dict(self) -> dict[str, Any]:
        return {key: _json_value(value) for key, value in dataclasses.asdict(self).items()}


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its rows and the cursor of the next page (None on the last)."""

    items: list[T]
    next: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": [item.to_dict() for item in self.items], "next": self.next}  # type: ignore[attr-defined]


@dataclass(frozen=True)
class SourceCount(_Row):
    """A source across the corpus: how often it is cited, in how many articles and outlets.

    ``name`` is fit to show a reader (never an id or a generic credit: ``write.names.reader_name``)."""

    key: str
    name: str
    kind: str | None
    named: bool | None
    attributions: int
    articles: int
    outlets: int
    first_published: dt.date | None
    last_published: dt.date | None


@dataclass(frozen=True)
class Statement(_Row):
    """One thing a source said, with the article it is reported in. ``confidence``: the model's calibrated
    probability that the attribution is right (null when stored without one); ``speaker_confidence``: that the
    source shown is who the article means (null without a source or when stored without one); ``hypothetical``:
    the cue reports a saying that did not take place (null when stored without the flag); ``highlights``:
    character ranges of ``content_text`` that a search matched."""

    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    attribution_id: str
    type: str
    source_name: str
    source_key: str | None
    source_kind: str | None
    source_named: bool | None
    cue_text: str
    content_text: str
    cue_class: str | None
    time_value: str | None
    denial: bool
    hedged: bool
    negated: bool
    confidence: float | None
    speaker_confidence: float | None
    hypothetical: bool | None
    highlights: list[tuple[int, int]]


@dataclass(frozen=True)
class OutletStats(_Row):
    """How one outlet attributes: volume, the share of attributions to anonymous sources (among those whose
    source is known named or anonymous), the kinds of sources and the sources it quotes most."""

    outlet: str | None
    articles: int
    attributions: int
    attributions_per_article: float
    named: int
    anonymous: int
    anonymous_share: float | None
    by_kind: dict[str, int]
    top_sources: list[dict[str, Any]]


@dataclass(frozen=True)
class UpstreamCount(_Row):
    """An upstream report (a wire, a newspaper) articles rely on; ``generic``: a credit such as "media" that
    names no outlet (``name`` then says so: "unnamed Russian media")."""

    name: str
    articles: int
    attributions: int
    generic: bool


@dataclass(frozen=True)
class CorpusStats(_Row):
    """The corpus at a glance."""

    articles: int
    failed: int
    attributions: int
    attributions_per_article: float
    anonymous_share: float | None
    by_type: dict[str, int]
    by_outlet: list[OutletStats]
    upstream: list[UpstreamCount]


@dataclass(frozen=True)
class ArticleRow(_Row):
    """A stored article without its text and analysis (for listings)."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    attributions: int
    error: str | None
    created: dt.datetime


@dataclass(frozen=True)
class OutletName(_Row):
    """An outlet as the filter list offers it (spellings that differ only in case are one outlet)."""

    outlet: str
    articles: int


@dataclass(frozen=True)
class Alias(_Row):
    """Words articles used for a source, and how many attributions used them."""

    text: str
    attributions: int


@dataclass(frozen=True)
class OutletCount(_Row):
    outlet: str | None
    attributions: int
    first_published: dt.date | None
    last_published: dt.date | None


@dataclass(frozen=True)
class SourceProfile(_Row):
    """A source's page: who it is, the words articles used for it, and where it is quoted."""

    key: str
    name: str
    kind: str | None
    named: bool | None
    description: str | None
    descriptions: list[str]
    aliases: list[Alias]
    attributions: int
    articles: int
    first_published: dt.date | None
    last_published: dt.date | None
    by_outlet: list[OutletCount]


@dataclass(frozen=True)
class WeekCount(_Row):
    """Statements in the week starting on ``week`` (a Monday). ``sample``: 1 when every statement was counted; N
    when a search matched so many that one statement in N was counted and the count multiplied by N (an
    estimate: store/search.py)."""

    week: dt.date
    statements: int
    sample: int = 1


@dataclass(frozen=True)
class OutletWeek(_Row):
    """One outlet's attributions in the week starting on ``week``, and their anonymous share."""

    outlet: str | None
    week: dt.date
    named: int
    anonymous: int
    anonymous_share: float | None


# ---- keyset pages -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Order:
    """A list's sort: expressions (each ascending or descending, with the Python type of its value), the last
    of them unique, so "after this row" is exact."""

    columns: tuple[tuple[ColumnElement[Any], bool, type], ...]

    def by(self) -> list[Any]:
        return [expr.desc() if descending else expr.asc() for expr, descending, _ in self.columns]

    def after(self, values: Sequence[Any]) -> ColumnElement[bool]:
        exprs = [expr for expr, _, _ in self.columns]
        directions = {descending for _, descending, _ in self.columns}
        if len(directions) == 1:
            # A row-value comparison, which both backends serve from an index in that order.
            row, cut = tuple_(*exprs), tuple_(*[literal(value) for value in values])
            return row < cut if directions == {True} else row > cut
        clauses = []
        for index, (expr, descending, _) in enumerate(self.columns):
            equal = [self.columns[k][0] == values[k] for k in range(index)]
            clauses.append(and_(*equal, expr < values[index] if descending else expr > values[index]))
        # The first column's own bound too, which an index on it can seek to (the OR alone is read row by row).
        first, descending, _ = self.columns[0]
        return and_(first <= values[0] if descending else first >= values[0], or_(*clauses))

    def decode(self, values: Any) -> list[Any]:
        if not isinstance(values, list) or len(values) != len(self.columns):
            raise InvalidFilterError("cursor: not a cursor of this list")
        try:
            return [_cursor_value(value, kind) for value, (_, _, kind) in zip(values, self.columns, strict=True)]
        except (TypeError, ValueError):
            raise InvalidFilterError("cursor: not a cursor of this list") from None


# What a database column can hold: a cursor is opaque but not secret (anyone can forge one), so a value the
# database cannot bind (an integer past 64 bits, a lone surrogate, NaN) is refused here rather than a 500 there.
_INTEGER_BOUNDS = (-(2**63), 2**63 - 1)


def _cursor_value(value: Any, kind: type) -> Any:
    """One sort-key value of a cursor, checked against its column's type (TypeError or ValueError if not)."""
    if isinstance(value, bool):
        raise TypeError(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is float and isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(value)
        return float(value)
    if kind is int and isinstance(value, int):
        if not _INTEGER_BOUNDS[0] <= value <= _INTEGER_BOUNDS[1]:
            raise ValueError(value)
        return value
    if kind is str and isinstance(value, str):
        value.encode("utf-8")  # UnicodeEncodeError (a ValueError) for a lone surrogate
        return value
    raise TypeError(value)


def _context(name: str, filters: Filters, *extra: Any) -> str:
    """What a cursor is valid for: the list and its question (a cursor of another question is refused)."""
    text = json.dumps([name, filters.to_params(), [str(item) for item in extra]])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode_cursor(context: str, values: Sequence[Any]) -> str:
    payload = json.dumps([context, [_json_value(value) for value in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, context: str, order: _Order) -> list[Any]:
    if len(cursor) > MAX_CURSOR_CHARS:
        raise InvalidFilterError("cursor: too long to be one")
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise InvalidFilterError("cursor: not a cursor (give the 'next' value of the previous page)") from None
    if not isinstance(payload, list) or len(payload) != 2 or payload[0] != context:
        raise InvalidFilterError("cursor: from another list or other filters; start again without it")
    return order.decode(payload[1])


def _check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidFilterError(f"limit: give 1 to {MAX_PAGE}")
    return limit


def _page(
    store: Store,
    query: AnySelect,
    order: _Order,
    context: str,
    cursor: str | None,
    limit: int,
    make: Callable[[Any], T],
) -> Page[T]:
    """Rows of ``query`` after the cursor, in ``order``; the query's last selected columns are the sort key."""
    limit = _check_limit(limit)
    if cursor:
        query = query.where(order.after(_decode_cursor(cursor, context, order)))
    query = query.order_by(*order.by()).limit(limit + 1)
    with store.connect() as connection:
        rows = connection.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    width = len(order.columns)
    following = encode_cursor(context, list(rows[-1])[-width:]) if more and rows else None
    return Page([make(row) for row in rows], following)


def all_rows(fetch: Callable[[str | None], Page[T]]) -> Iterator[T]:
    """Every row of a list, page by page (``fetch(cursor)``), for downloads and exports."""
    cursor: str | None = None
    while True:
        page = fetch(cursor)
        yield from page.items
        if page.next is None:
            return
        cursor = page.next


# ---- statements ---------------------------------------------------------------------------------------------


def source_keys(store: Store, source: str) -> list[str]:
    """The identity keys a typed name stands for: its key, and for a lone surname ("Peskov") also the full
    names ending in it ("dmitry peskov"); a key from ``top_sources`` ("anon:officials") stands for itself."""
    if source.startswith(identity.ANONYMOUS_PREFIX):
        return [source]
    key = identity.name_key(source)
    if not key:
        raise InvalidFilterError(f"source: no name in {source[:80]!r}")
    keys = {key}
    if identity.is_surname_key(key):
        query = (
            select(source_aliases.c.source_key)
            .distinct()
            .where(source_aliases.c.source_key.like(literal("% ") + _like_escape(key), escape="\\"))
        )
        with store.connect() as connection:
            keys |= set(connection.execute(query).scalars())
    return sorted(keys)


def statements(
    store: Store,
    filters: Filters = NO_FILTERS,
    *,
    source: str | None = None,
    source_key: str | None = None,
    search: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[Statement]:
    """Statements (attributions) that pass the filters: oldest first (then by outlet), or, with ``search``,
    best match first (among the ``SEARCH_CANDIDATES`` newest matches), with the matched words as
    ``highlights``.

    ``source``: a name as a person types it ("Peskov": a lone surname also finds the full names ending in it)
    or a key from ``top_sources``; ``source_key``: exactly one identity key (a source's page).
    """
    s = statement_index
    context = _context("statements", filters, source, source_key, search)
    scope = _statement_scope(store, filters, source=source, source_key=source_key, search=None)
    if search:
        return _best_matches(store, scope, SearchQuery.parse(search), context, cursor, limit)
    order = _Order(((s.c.day, False, dt.date), (s.c.outlet_key, False, str), (s.c.id, False, int)))
    query = _with_statement_columns(scope, joined=filters.needs_attributions).add_columns(
        s.c.day, s.c.outlet_key, s.c.id
    )
    return _page(store, query, order, context, cursor, limit, lambda row: _statement(row, None))


def _with_statement_columns(scope: AnySelect, *, joined: bool) -> AnySelect:
    """The columns of a ``Statement``, for the rows ``scope`` (a query over statement_index, ``joined`` to
    attributions or not yet) selects."""
    s, t = statement_index, attributions
    if not joined:
        scope = scope.join(t, statement_joins())
    return scope.join(articles, articles.c.id == s.c.article_id).add_columns(
        articles.c.id,
        articles.c.title,
        articles.c.url,
        articles.c.outlet,
        articles.c.published,
        t.c.attribution_id,
        t.c.type,
        t.c.source_name,
        s.c.source_key,
        s.c.source_kind,
        s.c.source_named,
        t.c.cue_text,
        t.c.content_text,
        t.c.cue_class,
        t.c.time_value,
        t.c.denial,
        t.c.hedged,
        t.c.negated,
        s.c.confidence,
        t.c.speaker_confidence,
        t.c.hypothetical,
    )


def _best_matches(
    store: Store, scope: AnySelect, query: SearchQuery, context: str, cursor: str | None, limit: int
) -> Page[Statement]:
    """A ranked page of a search: the newest ``SEARCH_CANDIDATES`` matches that pass the filters (an engine finds
    those without scoring the rest, however common the words), ranked; then the shown rows and their marks."""
    limit = _check_limit(limit)
    s = statement_index
    with store.connect() as connection:
        ranked = sorted(newest_matches(connection, query, scope, SEARCH_CANDIDATES))
    if cursor:
        after = tuple(_decode_cursor(cursor, context, _Order(((s.c.id, False, float), (s.c.id, False, int)))))
        ranked = [item for item in ranked if item > after]
    shown = ranked[:limit]
    ids = [number for _, number in shown]
    by_id: dict[int, Any] = {}
    marks: dict[int, str] = {}
    if ids:
        rows = _with_statement_columns(select(s.c.id).where(s.c.id.in_(ids)), joined=False)
        with store.connect() as connection:
            by_id = {row[0]: row[1:] for row in connection.execute(rows)}
            marked = connection.execute(marked_statements(store.engine.dialect.name, query, ids))
            marks = {int(number): text for number, text in marked}
    following = encode_cursor(context, list(shown[-1])) if len(ranked) > limit and shown else None
    return Page([_statement(by_id[number], marks.get(number)) for number in ids if number in by_id], following)


def _statement(row: Any, marked: str | None) -> Statement:
    return Statement(
        article_id=row[0],
        title=row[1],
        url=row[2],
        outlet=row[3],
        published=row[4],
        attribution_id=row[5],
        type=row[6],
        source_name=reader_name(row[7]),
        source_key=row[8],
        source_kind=row[9],
        source_named=row[10],
        cue_text=row[11],
        content_text=row[12],
        cue_class=row[13],
        time_value=row[14],
        denial=row[15],
        hedged=row[16],
        negated=row[17],
        confidence=row[18],
        speaker_confidence=row[19],
        hypothetical=row[20],
        highlights=highlights(marked, row[12]),
    )


def _statement_scope(
    store: Store, filters: Filters, *, source: str | None, source_key: str | None, search: str | None
) -> AnySelect:
    """``statement_index`` narrowed to a source or a search and the filters (for counts over time)."""
    s = statement_index
    query = select().select_from(s)
    if filters.needs_attributions:
        query = query.join(attributions, statement_joins())
    if search:
        match = match_statements(store.engine.dialect.name, SearchQuery.parse(search))
        if match.join is not None and match.on is not None:
            query = query.join(match.join, match.on)
        query = query.where(match.where)
    if source:
        query = query.where(s.c.source_key.in_(source_keys(store, source)))
    if source_key is not None:
        query = query.where(s.c.source_key == source_key)
    return filters.on_statements(query)


# ---- sources --------------------------------------------------------------------------------------------------


def top_sources(
    store: Store,
    filters: Filters = NO_FILTERS,
    *,
    search: str | None = None,
    cursor: str | None = None,
    limit: int = 20,
) -> Page[SourceCount]:
    """Sources by number of attributions that pass the filters (ties: by key).

    With ``search``: sources whose name, or words an article used for them, start with the words searched;
    those matched by their name first, then by number of attributions."""
    tiers = _search_tiers(store, search) if search else None
    context = _context("sources", filters, search)
    if not filters:
        # Each source's totals are one row kept by triggers, in order of attributions by an index: the first page
        # reads its rows and no more.
        t = source_totals
        base = select(
            t.c.source_key,
            t.c.named,
            t.c.anonymous,
            t.c.attributions,
            t.c.articles,
            t.c.outlets,
            t.c.first_day,
            t.c.last_day,
        )
        sort: list[tuple[ColumnElement[Any], bool, type]] = [
            (t.c.attributions, True, int),
            (t.c.source_key, False, str),
        ]
        if tiers is not None:
            base = base.join(tiers, tiers.c.key == t.c.source_key)
            sort.insert(0, (tiers.c.tier, False, int))
        query = base.add_columns(*(expr for expr, _, _ in sort))
    else:
        per_source, key, _outlet = _per_source(filters)
        if tiers is not None:
            per_source = per_source.join(tiers, tiers.c.key == key).add_columns(func.min(tiers.c.tier).label("tier"))
        grouped = per_source.group_by(key).subquery()
        columns = list(grouped.c)
        sort = [(columns[3], True, int), (columns[0], False, str)]
        if tiers is not None:
            sort.insert(0, (grouped.c.tier, False, int))
        query = select(*columns[:8], *(expr for expr, _, _ in sort))
    page = _page(store, query, _Order(tuple(sort)), context, cursor, limit, lambda row: row)
    keys = [row[0] for row in page.items]
    shown, kinds = _shown_names(store, keys), _kinds(store, keys)
    return Page([_source_count(row, shown.get(row[0]), kinds.get(row[0])) for row in page.items], page.next)


def _search_tiers(store: Store, search: str) -> Any:
    """The sources a search finds by their names or the words articles used for them: (key, tier), tier 0 when
    a name matched, 1 when only such words did."""
    matched_from, matched = matching_aliases(store.engine.dialect.name, SearchQuery.parse(search))
    return (
        select(
            source_aliases.c.source_key.label("key"),
            func.min(case((source_aliases.c.is_name.is_(True), 0), else_=1)).label("tier"),
        )
        .select_from(matched_from)
        .where(matched)
        .group_by(source_aliases.c.source_key)
        .subquery()
    )


def _per_source(filters: Filters) -> tuple[AnySelect, ColumnElement[str], ColumnElement[str]]:
    """Per source key: named rows, anonymous rows, attributions, articles, outlets, first and last date (to be
    grouped by the key returned, or by key and the outlet returned): from the totals kept by triggers, the
    coarsest whose dimensions the filters are among (per source and outlet, else per day), else from every
    statement."""
    if filters.covered_by(SOURCE_OUTLETS_COLUMNS):
        o = source_outlets
        query = select(
            o.c.source_key,
            func.sum(o.c.named),
            func.sum(o.c.anonymous),
            func.sum(o.c.attributions).label("count"),
            func.sum(o.c.articles).label("article_count"),
            func.count(o.c.outlet_key.distinct()),
            func.min(o.c.first_day),
            func.max(o.c.last_day),
        )
        return filters.on(query, SOURCE_OUTLETS_COLUMNS), o.c.source_key, o.c.outlet_key
    if filters.covered_by(SOURCE_DAYS_COLUMNS):
        d = source_days
        published = SOURCE_DAYS_COLUMNS["published"]
        query = select(
            d.c.source_key,
            func.sum(d.c.named),
            func.sum(d.c.anonymous),
            func.sum(d.c.attributions).label("count"),
            func.sum(d.c.articles).label("article_count"),
            func.count(d.c.outlet_key.distinct()),
            func.min(published),
            func.max(published),
        )
        return filters.on(query, SOURCE_DAYS_COLUMNS), d.c.source_key, d.c.outlet_key
    s = statement_index
    query = select(
        s.c.source_key,
        func.sum(case((s.c.source_named.is_(True), 1), else_=0)),
        func.sum(case((s.c.source_named.is_(False), 1), else_=0)),
        func.count().label("count"),
        func.count(s.c.article_id.distinct()).label("article_count"),
        func.count(s.c.outlet_key.distinct()),
        func.min(s.c.published),
        func.max(s.c.published),
    ).where(s.c.source_key.is_not(None))
    if filters.needs_attributions:
        query = query.join(attributions, statement_joins())
    return filters.on_statements(query), s.c.source_key, s.c.outlet_key


def _kinds(store: Store, keys: Sequence[str]) -> dict[str, str]:
    """A source's kind, from one of its statements (the source-description stage gives one kind to a name)."""
    s = statement_index
    kinds = {}
    with store.connect() as connection:
        for key in keys:
            # In the order of the source's index, so that no engine reads the table hoping to meet one soon.
            query = (
                select(s.c.source_kind)
                .where(s.c.source_key == key, s.c.source_kind.is_not(None))
                .order_by(s.c.source_key, s.c.day)
                .limit(1)
            )
            kind = connection.execute(query).scalar()
            if kind:
                kinds[key] = kind
    return kinds


def _shown_names(store: Store, keys: Sequence[str]) -> dict[str, str]:
    """For each key, the name to show: the commonest name whose own key is the identity ("Dmitry Peskov", not
    a merged "Peskov"), else the commonest name; made fit for a reader (``write.names.reader_name``)."""
    if not keys:
        return {}
    query = (
        select(source_aliases.c.source_key, source_aliases.c.alias, source_aliases.c.base, source_aliases.c.count)
        .where(source_aliases.c.source_key.in_(list(keys)), source_aliases.c.is_name.is_(True))
        .order_by(source_aliases.c.source_key, source_aliases.c.count.desc(), source_aliases.c.alias)
    )
    best: dict[str, tuple[bool, str]] = {}
    with store.connect() as connection:
        for key, alias, base, _count in connection.execute(query):
            own = base == key
            if key not in best or (own and not best[key][0]):
                best[key] = (own, alias)
    return {key: reader_name(alias) for key, (_own, alias) in best.items()}


def _source_count(row: Any, name: str | None, kind: str | None) -> SourceCount:
    key, named_rows, anonymous_rows, count, article_count, outlets, first, last = row[:8]
    return SourceCount(
        key=key,
        name=name or reader_name(None),
        kind=kind,
        named=True if named_rows else False if anonymous_rows else None,
        attributions=int(count),
        articles=int(article_count),
        outlets=int(outlets),
        first_published=_date(first),
        last_published=_date(last),
    )


def source_profile(store: Store, key: str, filters: Filters = NO_FILTERS) -> SourceProfile | None:
    """A source's page (``key`` from ``top_sources``): name, kind, descriptions, the words articles used for it,
    its counts and where it is quoted (per outlet, with the first and last date); None if it is unknown."""
    base, key_column, outlet_column = _per_source(filters)
    per_outlet = base.add_columns(outlet_column).where(key_column == key).group_by(key_column, outlet_column)
    aliases = (
        select(source_aliases.c.alias, func.sum(source_aliases.c.count))
        .where(source_aliases.c.source_key == key, source_aliases.c.is_name.is_(False))
        .group_by(source_aliases.c.alias)
        .order_by(func.sum(source_aliases.c.count).desc(), source_aliases.c.alias)
    )
    descriptions = select(sources.c.description).where(sources.c.identity_key == key).limit(DESCRIPTION_SAMPLE)
    with store.connect() as connection:
        outlet_rows = connection.execute(per_outlet).all()
        if (
            not outlet_rows
            and not connection.execute(
                select(source_aliases.c.id).where(source_aliases.c.source_key == key).limit(1)
            ).first()
        ):
            return None
        alias_rows = connection.execute(aliases).all()
        description_counts = Counter(connection.execute(descriptions).scalars())
    spelled = outlet_spellings(store)
    # Columns as _per_source gives them: key, named, anonymous, attributions, articles, outlets, first, last; outlet.
    by_outlet = sorted(
        (
            OutletCount(
                outlet=spelled.get(row[8]) if row[8] else None,
                attributions=int(row[3]),
                first_published=_date(row[6]),
                last_published=_date(row[7]),
            )
            for row in outlet_rows
        ),
        key=lambda item: (-item.attributions, item.outlet is None, item.outlet or ""),
    )
    named_rows = sum(int(row[1] or 0) for row in outlet_rows)
    anonymous_rows = sum(int(row[2] or 0) for row in outlet_rows)
    firsts = [item.first_published for item in by_outlet if item.first_published]
    lasts = [item.last_published for item in by_outlet if item.last_published]
    ranked_descriptions = [text for text, _ in description_counts.most_common() if text]
    name = _shown_names(store, [key]).get(key) or reader_name(
        None, ranked_descriptions[0] if ranked_descriptions else None
    )
    # The name again ("Donald Trump's", as the source's span was written) describes nothing.
    described = [text for text in ranked_descriptions if identity.name_key(text) != identity.name_key(name)]
    return SourceProfile(
        key=key,
        name=name,
        kind=_kinds(store, [key]).get(key),
        named=True if named_rows else False if anonymous_rows else None,
        description=described[0] if described else None,
        descriptions=described[:5],
        aliases=[
            Alias(text=text, attributions=int(count))
            for text, count in alias_rows
            if identity.name_key(text) not in PRONOUNS and text != name
        ],
        attributions=sum(item.attributions for item in by_outlet),
        # An article has one outlet, so per-outlet article counts add up (the statements' own count is exact).
        articles=sum(int(row[4]) for row in outlet_rows),
        first_published=min(firsts) if firsts else None,
        last_published=max(lasts) if lasts else None,
        by_outlet=by_outlet,
    )


# ---- over time ------------------------------------------------------------------------------------------------


def week_of(day: dt.date) -> dt.date:
    """The Monday starting the week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


def statements_per_week(
    store: Store,
    filters: Filters = NO_FILTERS,
    *,
    source: str | None = None,
    source_key: str | None = None,
    search: str | None = None,
) -> list[WeekCount]:
    """Dated statements per week (for a source, a search, or all that pass the filters), every week from the
    first to the last shown, empty ones as 0; a search that matches very many statements is counted on a sample
    (``WeekCount.sample``)."""
    if search:
        scope = _statement_scope(store, filters, source=source, source_key=source_key, search=None)
        with store.connect() as connection:
            found = day_counts(connection, SearchQuery.parse(search), scope)
        return _weeks(found.counts.items(), found.sample)
    keys = source_keys(store, source) if source else [source_key] if source_key is not None else None
    if keys is not None and filters.covered_by(SOURCE_DAYS_COLUMNS):
        d = source_days
        query = filters.on(
            select(d.c.day, func.sum(d.c.attributions)).where(d.c.source_key.in_(keys)), SOURCE_DAYS_COLUMNS
        )
    elif keys is None and filters.covered_by(OUTLET_DAYS_COLUMNS):
        query = filters.on(select(outlet_days.c.day, func.sum(outlet_days.c.attributions)), OUTLET_DAYS_COLUMNS)
    else:
        s = statement_index
        query = _statement_scope(store, filters, source=source, source_key=source_key, search=None).add_columns(
            s.c.day, func.count()
        )
    day = query.selected_columns[0]
    with store.connect() as connection:
        rows = connection.execute(query.where(day < UNDATED_DAY).group_by(day)).all()
    return _weeks([(_date(when) or UNDATED_DAY, int(count)) for when, count in rows], 1)


def _weeks(days: Iterable[tuple[dt.date, int]], sample: int) -> list[WeekCount]:
    """Counts per day as counts per week, every week from the first to the last, empty ones as 0."""
    weeks: Counter[dt.date] = Counter()
    for day, count in days:
        weeks[week_of(day)] += count
    return [WeekCount(week=week, statements=weeks.get(week, 0), sample=sample) for week in _every_week(weeks)]


def anonymous_share_per_week(store: Store, filters: Filters = NO_FILTERS) -> list[OutletWeek]:
    """Per outlet and week, attributions to named and to anonymous sources and the anonymous share."""
    if filters.covered_by(OUTLET_DAYS_COLUMNS):
        d = outlet_days
        query = filters.on(
            select(
                d.c.outlet_key,
                d.c.day,
                func.sum(case((d.c.named == 1, d.c.attributions), else_=0)),
                func.sum(case((d.c.named == 0, d.c.attributions), else_=0)),
            ),
            OUTLET_DAYS_COLUMNS,
        )
    else:
        s = statement_index
        query = _statement_scope(store, filters, source=None, source_key=None, search=None).add_columns(
            s.c.outlet_key,
            s.c.day,
            func.sum(case((s.c.source_named.is_(True), 1), else_=0)),
            func.sum(case((s.c.source_named.is_(False), 1), else_=0)),
        )
    outlet, day = query.selected_columns[0], query.selected_columns[1]
    query = query.where(day < UNDATED_DAY).group_by(outlet, day)
    counts: dict[tuple[str, dt.date], list[int]] = defaultdict(lambda: [0, 0])
    with store.connect() as connection:
        for outlet_key, day, named, anonymous in connection.execute(query):
            cell = counts[(outlet_key, week_of(_date(day) or UNDATED_DAY))]
            cell[0] += int(named or 0)
            cell[1] += int(anonymous or 0)
    spelled = outlet_spellings(store)
    return [
        OutletWeek(
            outlet=spelled.get(outlet_key) if outlet_key else None,
            week=week,
            named=named,
            anonymous=anonymous,
            anonymous_share=_ratio(anonymous, named + anonymous),
        )
        for (outlet_key, week), (named, anonymous) in sorted(counts.items())
    ]


def _every_week(weeks: Counter[dt.date]) -> list[dt.date]:
    if not weeks:
        return []
    first, last = min(weeks), max(weeks)
    return [first + dt.timedelta(weeks=number) for number in range((last - first).days // 7 + 1)]


# ---- outlets and the corpus --------------------------------------------------------------------------------------


def outlet_spellings(store: Store) -> dict[str, str]:
    """``outlet_key`` (the database's lower()) -> the commonest spelling of that outlet."""
    return {key: item.outlet for key, item in _outlets(store).items()}


def outlets(store: Store) -> list[OutletName]:
    """Every outlet in the store with its number of articles, for a list to pick from (by name)."""
    return sorted(_outlets(store).values(), key=lambda item: item.outlet.casefold())


def _outlets(store: Store) -> dict[str, OutletName]:
    query = select(outlet_names.c.outlet_key, outlet_names.c.outlet, outlet_names.c.articles)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    with store.connect() as connection:
        for key, outlet, count in connection.execute(query):
            spellings[key][outlet] += int(count)
    # The commonest spelling; among equals the first in code-point order ("NYT" before "nyt"), on both backends.
    return {
        key: OutletName(
            outlet=min(counts, key=lambda spelling: (-counts[spelling], spelling)), articles=sum(counts.values())
        )
        for key, counts in spellings.items()
    }


def outlet_stats(store: Store, filters: Filters = NO_FILTERS, *, top: int = 5) -> list[OutletStats]:
    """Outlets side by side: articles, attributions, named and anonymous, kinds of sources, top sources."""
    by_kind = _per_outlet_kind(store, filters)
    base, key, outlet = _per_source(filters)
    by_source = base.with_only_columns(outlet, key, base.selected_columns[3]).group_by(outlet, key)
    # The articles' own outlet key, as statement_index.outlet_key holds it (a literal '' so that SELECT and GROUP
    # BY are the same expression, not two bound parameters).
    article_outlet = func.coalesce(func.lower(articles.c.outlet), literal_column("''"))
    article_counts = filters.on_articles(select(article_outlet, func.count()).group_by(article_outlet))
    rows: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"attributions": 0, "named": 0, "anonymous": 0, "kinds": Counter(), "sources": Counter()}
    )
    with store.connect() as connection:
        for outlet_key, kind, named, count in connection.execute(by_kind):
            row = rows[outlet_key]
            row["attributions"] += int(count)
            if named is not None and named != -1:
                row["named" if named else "anonymous"] += int(count)
            row["kinds"][kind or "unknown"] += int(count)
        for outlet_key, key, count in connection.execute(by_source):
            rows[outlet_key]["sources"][key] += int(count)
        volumes = {key: int(count) for key, count in connection.execute(article_counts)}
    spelled = outlet_spellings(store)
    tops = {
        key: sorted(row["sources"].items(), key=lambda pair: (-pair[1], pair[0]))[:top] for key, row in rows.items()
    }
    names = _shown_names(store, sorted({key for pairs in tops.values() for key, _ in pairs}))
    result = []
    for outlet_key in sorted(
        set(rows) | set(volumes), key=lambda key: (key == "", (spelled.get(key) or key).casefold())
    ):
        row = rows[outlet_key]
        article_count = volumes.get(outlet_key, 0)
        result.append(
            OutletStats(
                outlet=spelled.get(outlet_key, outlet_key) if outlet_key else None,
                articles=article_count,
                attributions=row["attributions"],
                attributions_per_article=_ratio(row["attributions"], article_count) or 0.0,
                named=row["named"],
                anonymous=row["anonymous"],
                anonymous_share=_ratio(row["anonymous"], row["named"] + row["anonymous"]),
                by_kind=dict(sorted(row["kinds"].items())),
                top_sources=[
                    {"key": key, "name": names.get(key, reader_name(None)), "attributions": count}
                    for key, count in tops.get(outlet_key, [])
                ],
            )
        )
    return result


def _per_outlet_kind(store: Store, filters: Filters) -> AnySelect:
    """(outlet key, kind, named (True/False/None, or 1/0/-1 from the counts), attributions), grouped."""
    if filters.covered_by(OUTLET_DAYS_COLUMNS):
        d = outlet_days
        query = select(d.c.outlet_key, d.c.kind, d.c.named, func.sum(d.c.attributions))
        return filters.on(query, OUTLET_DAYS_COLUMNS).group_by(d.c.outlet_key, d.c.kind, d.c.named)
    s = statement_index
    scope = _statement_scope(store, filters, source=None, source_key=None, search=None)
    return scope.add_columns(s.c.outlet_key, s.c.source_kind, s.c.source_named, func.count()).group_by(
        s.c.outlet_key, s.c.source_kind, s.c.source_named
    )


def upstream(
    store: Store, filters: Filters = NO_FILTERS, *, cursor: str | None = None, limit: int = 20
) -> Page[UpstreamCount]:
    """The upstream reports (wires, other outlets) the articles that pass the filters rely on, most relied on
    first."""
    article_count = func.count(provenance.c.article_id.distinct()).label("articles")
    grouped = filters.on_articles(
        select(provenance.c.name, func.sum(_json_array_length(provenance.c.attribution_ids)), article_count)
        .join(articles, articles.c.id == provenance.c.article_id)
        .group_by(provenance.c.name)
    ).subquery()
    name, attribution_count, article_total = list(grouped.c)
    order = _Order(((article_total, True, int), (name, False, str)))
    query = select(name, attribution_count, article_total, name)
    page = _page(store, query, order, _context("upstream", filters), cursor, limit, lambda row: row)
    return Page(
        [
            UpstreamCount(
                name=reader_name(row[0]),
                articles=int(row[2]),
                attributions=int(row[1] or 0),
                generic=is_generic_credit(row[0]),
            )
            for row in page.items
        ],
        page.next,
    )


def corpus_stats(store: Store, filters: Filters = NO_FILTERS, *, upstream_limit: int = 20) -> CorpusStats:
    """Articles, attributions per article, anonymous share (overall and by outlet), types, upstream reports."""
    by_outlet = outlet_stats(store, filters)
    if filters.covered_by(OUTLET_DAYS_COLUMNS):
        d = outlet_days
        by_type = filters.on(select(d.c.type, func.sum(d.c.attributions)), OUTLET_DAYS_COLUMNS).group_by(d.c.type)
    else:
        s = statement_index
        scope = _statement_scope(store, filters, source=None, source_key=None, search=None)
        by_type = scope.add_columns(s.c.type, func.count()).group_by(s.c.type)
    failed = filters.on_articles(select(func.count()).select_from(articles).where(articles.c.error.is_not(None)))
    with store.connect() as connection:
        types = {row[0]: int(row[1]) for row in connection.execute(by_type)}
        failed_count = int(connection.execute(failed).scalar() or 0)
    total_articles = sum(item.articles for item in by_outlet)
    total_attributions = sum(item.attributions for item in by_outlet)
    total_named = sum(item.named for item in by_outlet)
    total_anonymous = sum(item.anonymous for item in by_outlet)
    return CorpusStats(
        articles=total_articles,
        failed=failed_count,
        attributions=total_attributions,
        attributions_per_article=_ratio(total_attributions, total_articles) or 0.0,
        anonymous_share=_ratio(total_anonymous, total_named + total_anonymous),
        by_type=dict(sorted(types.items())),
        by_outlet=by_outlet,
        upstream=upstream(store, filters, limit=upstream_limit).items,
    )


# ---- articles -------------------------------------------------------------------------------------------------


def list_articles(
    store: Store,
    filters: Filters = NO_FILTERS,
    *,
    failed: bool | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[ArticleRow]:
    """Stored articles, newest publication first, undated last (``failed``: only failed / only analysed)."""
    day = func.coalesce(articles.c.published, literal_column("'0001-01-01'"))
    assert ARTICLE_DAY.startswith("coalesce(published, '0001-01-01')")  # the expression index's, word for word
    query = select(
        articles.c.id,
        articles.c.title,
        articles.c.url,
        articles.c.outlet,
        articles.c.published,
        articles.c.attribution_count,
        articles.c.error,
        articles.c.created,
        day.label("day"),
        articles.c.id.label("sort_id"),
    )
    if failed is not None:
        query = query.where(articles.c.error.is_not(None) if failed else articles.c.error.is_(None))
    query = filters.on_articles(query)
    order = _Order(((day, True, dt.date), (articles.c.id, True, str)))
    context = _context("articles", filters, failed)
    return _page(store, query, order, context, cursor, limit, _article_row)


def _article_row(row: Any) -> ArticleRow:
    return ArticleRow(
        id=row[0],
        title=row[1],
        url=row[2],
        outlet=row[3],
        published=_date(row[4]),
        attributions=int(row[5]),
        error=row[6],
        created=row[7],
    )


def get_analysis(store: Store, article_id: str) -> Analysis | None:
    """One article's stored analysis (None when the article is unknown or its analysis failed)."""
    return store.analysis(article_id)


def iter_analyses(store: Store, filters: Filters = NO_FILTERS) -> Iterator[dict[str, Any]]:
    """Every stored article that passes the filters as one JSON-ready dict (its analysis, or its error), in id
    order, streamed (the filters choose articles; they do not cut analyses)."""
    query = filters.on_articles(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.url,
            articles.c.outlet,
            articles.c.published,
            articles.c.analysis,
            articles.c.error,
        ).order_by(articles.c.id)
    )
    with store.connect() as connection:
        for row in connection.execution_options(yield_per=200).execute(query):
            meta = {
                "id": row.id,
                "title": row.title,
                "url": row.url,
                "outlet": row.outlet,
                "published": _json_value(_date(row.published)),
            }
            if row.analysis is not None:
                yield {**row.analysis, "article": {**row.analysis.get("article", {}), **meta}}
            else:
                yield {"article": meta, "error": row.error}


_EXPORTED = [column for column in attributions.c if column.name not in ("article_id", "source", "cue", "content")]
_EXPORTED = [column for column in _EXPORTED if column.name != "source_base"]
ATTRIBUTION_ROW_FIELDS = ["article_id", "title", "url", "outlet", "published"] + [column.name for column in _EXPORTED]


def iter_attribution_rows(store: Store, filters: Filters = NO_FILTERS) -> Iterator[dict[str, Any]]:
    """Every attribution that passes the filters as one flat row with its article's fields (CSV, Parquet)."""
    query = filters.on_statements(
        select(
            articles.c.id.label("article_id"),
            articles.c.title,
            articles.c.url,
            articles.c.outlet,
            articles.c.published,
            *_EXPORTED,
        )
        .select_from(statement_index)
        .join(attributions, statement_joins())
        .join(articles, articles.c.id == statement_index.c.article_id)
        .order_by(articles.c.id, attributions.c.position)
    )
    with store.connect() as connection:
        for row in connection.execution_options(yield_per=1000).execute(query):
            values = dict(row._mapping)
            values["published"] = _date(values["published"])
            yield values


def _date(value: Any) -> dt.date | None:
    """A date from the database (SQLite hands back text for dates computed in SQL)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _json_array_length(FunctionElement[int]):
    """Length of a JSON array: ``json_array_length`` in SQLite, ``jsonb_array_length`` in PostgreSQL."""

    type = Integer()
    inherit_cache = True


@compiles(_json_array_length)
def _json_array_length_sqlite(element: _json_array_length, compiler: Any, **kw: Any) -> str:
    return f"json_array_length({compiler.process(element.clauses, **kw)})"


@compiles(_json_array_length, "postgresql")
def _json_array_length_postgresql(element: _json_array_length, compiler: Any, **kw: Any) -> str:
    return f"jsonb_array_length({compiler.process(element.clauses, **kw)})"


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
