"""Questions across a stored corpus: who is quoted most, what did someone say, how anonymous is each outlet.

Plain functions of a ``Store`` returning small frozen dataclasses (``.to_dict()`` for JSON), shared by the
CLI (``accordingto sources|statements|stats|export``) and the web service. Filters are keyword arguments with
the same names everywhere: ``outlet``, ``since`` and ``until`` (publication dates, inclusive; ``YYYY-MM-DD``
or ``date``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, case, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from ..model import Analysis
from ..read.text import parse_published
from . import identity
from .db import Store
from .schema import articles, attributions, provenance

DateLike = dt.date | str | None


@dataclass(frozen=True)
class _Row:
    def to_dict(self) -> dict[str, Any]:
        return {
            key: value.isoformat() if isinstance(value, dt.date) else value
            for key, value in dataclasses.asdict(self).items()
        }


@dataclass(frozen=True)
class SourceCount(_Row):
    """A source across the corpus: how often it is cited, in how many articles and outlets."""

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
    """One thing a source said, with the article it is reported in."""

    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    attribution_id: str
    type: str
    source_name: str | None
    source_key: str | None
    cue_text: str
    content_text: str
    time_value: str | None
    denial: bool
    hedged: bool
    negated: bool


@dataclass(frozen=True)
class OutletStats(_Row):
    """How one outlet attributes: volume, and the share of attributions to anonymous sources."""

    outlet: str | None
    articles: int
    attributions: int
    attributions_per_article: float
    named: int
    anonymous: int
    anonymous_share: float | None


@dataclass(frozen=True)
class UpstreamCount(_Row):
    """An upstream report (a wire, a newspaper) articles rely on."""

    name: str
    articles: int
    attributions: int


@dataclass(frozen=True)
class CorpusStats(_Row):
    """The corpus at a glance (``anonymous_share`` counts attributions whose source is known to be named or
    anonymous)."""

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

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "created": self.created.isoformat()}


def top_sources(
    store: Store,
    *,
    kind: str | None = None,
    named: bool | None = None,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int | None = 20,
) -> list[SourceCount]:
    """Sources by number of attributions across articles (ties: more articles first, then by key)."""
    count = func.count()
    article_count = func.count(attributions.c.article_id.distinct())
    query = (
        select(
            attributions.c.source_key,
            # Shown name: one whose own key is the identity (the full name "Dmitry Peskov", not a merged "Peskov").
            func.coalesce(
                func.min(case((attributions.c.source_base == attributions.c.source_key, attributions.c.source_name))),
                func.min(attributions.c.source_name),
            ),
            func.min(attributions.c.source_kind),
            # bool_or/min over booleans differs by backend: count named rows instead.
            func.sum(case((attributions.c.source_named.is_(True), 1), else_=0)),
            func.sum(case((attributions.c.source_named.is_(False), 1), else_=0)),
            count,
            article_count,
            func.count(articles.c.outlet.distinct()),
            func.min(articles.c.published),
            func.max(articles.c.published),
        )
        .join(articles, articles.c.id == attributions.c.article_id)
        .where(attributions.c.source_key.is_not(None))
        .group_by(attributions.c.source_key)
        .order_by(count.desc(), article_count.desc(), attributions.c.source_key)
        .limit(limit)
    )
    if kind is not None:
        query = query.where(attributions.c.source_kind == kind)
    if named is not None:
        query = query.where(attributions.c.source_named.is_(named))
    query = _filter(query, outlet, since, until)
    with store.connect() as connection:
        rows = connection.execute(query).all()
    return [_source_count(*row) for row in rows]


def _source_count(
    key: str,
    name: str,
    kind: str | None,
    named_rows: int | None,
    anonymous_rows: int | None,
    attribution_count: int,
    article_count: int,
    outlets: int,
    first: dt.date | None,
    last: dt.date | None,
) -> SourceCount:
    """A result row of ``top_sources``; a source is named/anonymous if its rows say so, else unknown."""
    return SourceCount(
        key=key,
        name=name,
        kind=kind,
        named=True if named_rows else False if anonymous_rows else None,
        attributions=attribution_count,
        articles=article_count,
        outlets=outlets,
        first_published=first,
        last_published=last,
    )


def statements(
    store: Store,
    source: str,
    *,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int | None = None,
) -> list[Statement]:
    """What ``source`` said, oldest first, with the article each statement is in.

    ``source`` is a name as a person types it ("Peskov", "Dmitry Peskov") or an identity key from
    ``top_sources``
    ("anon:senior officials"); a lone surname also finds the full names ending in it.
    """
    key = source if source.startswith(identity.ANONYMOUS_PREFIX) else identity.name_key(source)
    matches = [attributions.c.source_key == key, attributions.c.source_base == key]
    if identity.is_surname_key(key):
        matches.append(attributions.c.source_key.like(literal("% ") + _like_escape(key), escape="\\"))
    query = (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.url,
            articles.c.outlet,
            articles.c.published,
            attributions.c.attribution_id,
            attributions.c.type,
            attributions.c.source_name,
            attributions.c.source_key,
            attributions.c.cue_text,
            attributions.c.content_text,
            attributions.c.time_value,
            attributions.c.denial,
            attributions.c.hedged,
            attributions.c.negated,
        )
        .join(articles, articles.c.id == attributions.c.article_id)
        .where(or_(*matches))
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id, attributions.c.position)
        .limit(limit)
    )
    query = _filter(query, outlet, since, until)
    with store.connect() as connection:
        return [Statement(*row) for row in connection.execute(query)]


def corpus_stats(
    store: Store,
    *,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    upstream_limit: int = 20,
) -> CorpusStats:
    """Articles, attributions per article, anonymous share (overall and by outlet), and upstream reports."""
    named = func.sum(case((attributions.c.source_named.is_(True), 1), else_=0))
    anonymous = func.sum(case((attributions.c.source_named.is_(False), 1), else_=0))
    per_outlet = _filter(
        select(
            articles.c.outlet,
            func.count(articles.c.id.distinct()),
            func.sum(articles.c.attribution_count),
            func.sum(case((articles.c.error.is_not(None), 1), else_=0)),
        ).group_by(articles.c.outlet),
        outlet,
        since,
        until,
    )
    per_outlet_sources = _filter(
        select(articles.c.outlet, named, anonymous)
        .join(articles, articles.c.id == attributions.c.article_id)
        .group_by(articles.c.outlet),
        outlet,
        since,
        until,
    )
    by_type = _filter(
        select(attributions.c.type, func.count())
        .join(articles, articles.c.id == attributions.c.article_id)
        .group_by(attributions.c.type),
        outlet,
        since,
        until,
    )
    upstream_articles = func.count(provenance.c.article_id.distinct())
    upstream = _filter(
        select(provenance.c.name, upstream_articles, func.sum(_json_array_length(provenance.c.attribution_ids)))
        .join(articles, articles.c.id == provenance.c.article_id)
        .group_by(provenance.c.name)
        .order_by(upstream_articles.desc(), provenance.c.name)
        .limit(upstream_limit),
        outlet,
        since,
        until,
    )
    with store.connect() as connection:
        volumes = connection.execute(per_outlet).all()
        shares = {row[0]: (int(row[1] or 0), int(row[2] or 0)) for row in connection.execute(per_outlet_sources)}
        types = {row[0]: int(row[1]) for row in connection.execute(by_type)}
        upstream_rows = connection.execute(upstream).all()
    outlets = []
    for name, article_count, attribution_count, _failed in sorted(volumes, key=lambda row: (row[0] is None, row[0])):
        named_count, anonymous_count = shares.get(name, (0, 0))
        outlets.append(
            OutletStats(
                outlet=name,
                articles=article_count,
                attributions=int(attribution_count or 0),
                attributions_per_article=_ratio(int(attribution_count or 0), article_count) or 0.0,
                named=named_count,
                anonymous=anonymous_count,
                anonymous_share=_ratio(anonymous_count, named_count + anonymous_count),
            )
        )
    total_articles = sum(item.articles for item in outlets)
    total_attributions = sum(item.attributions for item in outlets)
    total_named = sum(item.named for item in outlets)
    total_anonymous = sum(item.anonymous for item in outlets)
    return CorpusStats(
        articles=total_articles,
        failed=sum(int(row[3] or 0) for row in volumes),
        attributions=total_attributions,
        attributions_per_article=_ratio(total_attributions, total_articles) or 0.0,
        anonymous_share=_ratio(total_anonymous, total_named + total_anonymous),
        by_type=dict(sorted(types.items())),
        by_outlet=outlets,
        upstream=[UpstreamCount(name=row[0], articles=row[1], attributions=int(row[2] or 0)) for row in upstream_rows],
    )


def list_articles(
    store: Store,
    *,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    failed: bool | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[ArticleRow]:
    """Stored articles, newest publication first (``failed``: only failed / only analysed ones)."""
    query = select(
        articles.c.id,
        articles.c.title,
        articles.c.url,
        articles.c.outlet,
        articles.c.published,
        articles.c.attribution_count,
        articles.c.error,
        articles.c.created,
    ).order_by(articles.c.published.is_(None), articles.c.published.desc(), articles.c.id)
    if failed is not None:
        query = query.where(articles.c.error.is_not(None) if failed else articles.c.error.is_(None))
    query = _filter(query, outlet, since, until).limit(limit).offset(offset)
    with store.connect() as connection:
        return [ArticleRow(*row) for row in connection.execute(query)]


def get_analysis(store: Store, article_id: str) -> Analysis | None:
    """One article's stored analysis (None when the article is unknown or its analysis failed)."""
    return store.analysis(article_id)


def iter_analyses(
    store: Store, *, outlet: str | None = None, since: DateLike = None, until: DateLike = None
) -> Iterator[dict[str, Any]]:
    """Every stored article as one JSON-ready dict (its analysis, or its error), streamed in id order."""
    query = _filter(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.url,
            articles.c.outlet,
            articles.c.published,
            articles.c.analysis,
            articles.c.error,
        ).order_by(articles.c.id),
        outlet,
        since,
        until,
    )
    with store.connect() as connection:
        for row in connection.execution_options(yield_per=200).execute(query):
            meta = {
                "id": row.id,
                "title": row.title,
                "url": row.url,
                "outlet": row.outlet,
                "published": row.published.isoformat() if row.published else None,
            }
            if row.analysis is not None:
                yield {**row.analysis, "article": {**row.analysis.get("article", {}), **meta}}
            else:
                yield {"article": meta, "error": row.error}


def iter_attribution_rows(
    store: Store, *, outlet: str | None = None, since: DateLike = None, until: DateLike = None
) -> Iterator[dict[str, Any]]:
    """Every stored attribution as one flat row with its article's fields (for CSV and Parquet)."""
    fields = [
        column
        for column in attributions.c
        if column.name not in ("article_id", "source", "cue", "content", "source_base")
    ]
    query = _filter(
        select(
            articles.c.id.label("article_id"),
            articles.c.title,
            articles.c.url,
            articles.c.outlet,
            articles.c.published,
            *fields,
        )
        .join(articles, articles.c.id == attributions.c.article_id)
        .order_by(articles.c.id, attributions.c.position),
        outlet,
        since,
        until,
    )
    with store.connect() as connection:
        for row in connection.execution_options(yield_per=1000).execute(query):
            yield dict(row._mapping)


ATTRIBUTION_ROW_FIELDS = ["article_id", "title", "url", "outlet", "published"] + [
    column.name
    for column in attributions.c
    if column.name not in ("article_id", "source", "cue", "content", "source_base")
]


def _filter(query: Select[Any], outlet: str | None, since: DateLike, until: DateLike) -> Select[Any]:
    """The filters every query shares, on the articles table (which each query selects or joins)."""
    if outlet is not None:
        query = query.where(articles.c.outlet == outlet)
    if since is not None:
        query = query.where(articles.c.published >= _as_date(since, "since"))
    if until is not None:
        query = query.where(articles.c.published <= _as_date(until, "until"))
    return query


def _as_date(value: dt.date | str, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    checked = parse_published(value, name)
    assert checked is not None
    return dt.date.fromisoformat(checked)


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
