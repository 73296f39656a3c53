"""One analysis spread over table rows: the ``articles``, ``attributions``, ``sources`` and ``provenance``
rows of the store (``store/schema.py``), as plain dicts with exactly the store's column names.

The per-source and per-attribution flattening is the store's own (``store/db.py``), so a Parquet file of a
cluster run and the SQL tables hold the same values. Nothing here imports Dask: the store can call this
without the cluster extra installed.

The cross-article surname rule (``store/identity.py``: "Peskov" takes the key of the one "Dmitry Peskov" of
the same outlet) needs every article of the outlet, so it is not applied here: ``identity_key`` /
``source_key`` are the keys before that rule (as the store writes them before it looks at the outlet's other
articles).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Analysis, Article
from ..store.db import article_key, attribution_row, source_row, text_hash, to_date

TABLES = ("articles", "attributions", "sources", "provenance")

Rows = dict[str, list[dict[str, Any]]]


def rows_from_analysis(
    analysis: Analysis | dict[str, Any],
    article: Article | None = None,
    *,
    origin: str | None = None,
    created: dt.datetime | None = None,
) -> Rows:
    """``{"articles": [row], "attributions": [...], "sources": [...], "provenance": [...]}`` for one analysis.

    ``article`` is the input (its id, title, url, outlet, published); without it they come from the analysis's
    own ``article`` metadata. JSON columns hold lists and dicts, ``published`` a ``date``.
    """
    if isinstance(analysis, dict):
        analysis = Analysis.from_dict(analysis)
    article = article or _article_from(analysis)
    aid = article_key(article)
    sources = [source_row(aid, source) for source in analysis.sources]
    by_id = {row["source_id"]: row for row in sources}
    return {
        "articles": [_article_row(article, aid, origin, created, analysis.to_dict(), None, len(analysis.attributions))],
        "attributions": [
            attribution_row(aid, position, attribution, by_id.get(attribution.source_id or ""))
            for position, attribution in enumerate(analysis.attributions)
        ],
        "sources": sources,
        "provenance": [
            {
                "article_id": aid,
                "position": position,
                "name": item.name,
                "spans": [list(span) for span in item.spans],
                "attribution_ids": list(item.attribution_ids),
            }
            for position, item in enumerate(analysis.provenance)
        ],
    }


def failed_article_row(
    article: Article, error: str, *, origin: str | None = None, created: dt.datetime | None = None
) -> dict[str, Any]:
    """The ``articles`` row of an article whose analysis failed: its text and why, no analysis."""
    return _article_row(article, article_key(article), origin, created, None, error, 0)


def _article_from(analysis: Analysis) -> Article:
    meta = analysis.article
    return Article(
        text=analysis.text,
        id=meta.id,
        title=meta.title,
        url=meta.url,
        outlet=meta.outlet,
        published=meta.published,
    )


def _article_row(
    article: Article,
    aid: str,
    origin: str | None,
    created: dt.datetime | None,
    analysis: dict[str, Any] | None,
    error: str | None,
    attribution_count: int,
) -> dict[str, Any]:
    return {
        "id": aid,
        "text_hash": text_hash(article.text),
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": to_date(article.published),
        "origin": origin,
        "text": article.text,
        "analysis": analysis,
        "error": error,
        "attribution_count": attribution_count,
        "created": created or dt.datetime.now(dt.UTC),
    }
