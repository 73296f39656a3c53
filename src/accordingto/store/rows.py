"""One article as the rows it is stored as: its ``articles`` row and, when it was analysed, its ``sources``,
``attributions`` and ``provenance`` rows (``schema.py``), as plain dicts with exactly the tables' column names.

The one builder of stored rows: the SQL store writes these (``db.py``), and a cluster run writes them as Parquet
(``cluster/parquet.py``), so both hold the same values. The cross-article surname rule (``identity.py``: "Peskov"
takes the key of the one "Dmitry Peskov" of the same outlet) needs the outlet's other articles, so it is not
applied here: ``identity_key`` and ``source_key`` are the keys before that rule, which the store then applies.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Analysis, Article, Attribution, Provenance, Source
from ..outcome import Outcome
from ..read.records import text_hash, text_id
from . import identity

TABLES = ("articles", "attributions", "sources", "provenance")

Row = dict[str, Any]
Rows = dict[str, list[Row]]


def article_key(article: Article) -> str:
    """The article's id in the store: its own id, else one derived from its text (stable across runs)."""
    return article.id or text_id(article.text)


def outcome_rows(outcome: Outcome, *, created: dt.datetime | None = None) -> Rows:
    """The rows of one outcome of a batch: the analysis's, or the article's with the reason it failed."""
    error = outcome.error.reason if outcome.error is not None else None
    return article_rows(outcome.article, outcome.analysis, error, created=created)


def article_rows(
    article: Article,
    analysis: Analysis | dict[str, Any] | None = None,
    error: str | None = None,
    *,
    origin: str | None = None,
    created: dt.datetime | None = None,
) -> Rows:
    """``{"articles": [row], "attributions": [...], "sources": [...], "provenance": [...]}`` for one article,
    with its analysis or with the error that stopped it (not both). ``origin`` defaults to where the article was
    read from (``ReadArticle.where``). JSON columns hold lists and dicts, ``published`` a ``date``."""
    if (analysis is None) == (error is None):
        raise ValueError("give an analysis or an error, not both or neither")
    if isinstance(analysis, dict):
        analysis = Analysis.from_dict(analysis)
    article_id = article_key(article)
    sources = [source_row(article_id, source) for source in analysis.sources] if analysis else []
    by_id = {row["source_id"]: row for row in sources}
    return {
        "articles": [
            {
                "id": article_id,
                "text_hash": text_hash(article.text),
                "title": article.title,
                "url": article.url,
                "outlet": article.outlet,
                "published": to_date(article.published),
                "origin": origin if origin is not None else getattr(article, "where", None),
                "text": article.text,
                "analysis": analysis.to_dict() if analysis is not None else None,
                "error": error,
                "attribution_count": len(analysis.attributions) if analysis is not None else 0,
                "created": created or dt.datetime.now(dt.UTC),
            }
        ],
        "attributions": [
            attribution_row(article_id, position, attribution, by_id.get(attribution.source_id or ""))
            for position, attribution in enumerate(analysis.attributions if analysis else [])
        ],
        "sources": sources,
        "provenance": [
            provenance_row(article_id, position, item)
            for position, item in enumerate(analysis.provenance if analysis else [])
        ],
    }


def to_date(value: str | None) -> dt.date | None:
    """The publication date; a malformed one (the reason an analysis failed, perhaps) is not kept."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def source_row(article_id: str, source: Source) -> Row:
    base = identity.identity_key(source.name, named=source.named)
    return {
        "article_id": article_id,
        "source_id": source.id,
        "name": source.name,
        "kind": source.kind,
        "named": source.named,
        "description": source.description,
        "count": source.count,
        "qualifiers": source.qualifiers,
        "affiliation": source.affiliation,
        "role": source.role,
        "role_of": source.role_of,
        "mentions": [[list(span) for span in mention] for mention in source.mentions],
        "base_key": base,
        "surname": identity.last_word(base) if source.named and " " in base else None,
        "identity_key": base,
    }


def attribution_row(article_id: str, position: int, attribution: Attribution, source: Row | None) -> Row:
    spans = [*attribution.source, *attribution.cue, *attribution.content]
    time = attribution.time
    if source is not None:
        name, kind, named, base, key = (
            source["name"],
            source["kind"],
            source["named"],
            source["base_key"],
            source["identity_key"],
        )
    else:
        # No source record (the source-description stage did not run or found nothing): group by the words.
        name = attribution.source_text
        kind = named = None
        base = key = (identity.name_key(name) or None) if name else None
    return {
        "article_id": article_id,
        "attribution_id": attribution.id,
        "position": position,
        "type": attribution.type,
        "start": min((start for start, _ in spans), default=None),
        "end": max((end for _, end in spans), default=None),
        "source": [list(span) for span in attribution.source],
        "cue": [list(span) for span in attribution.cue],
        "content": [list(span) for span in attribution.content],
        "source_text": attribution.source_text,
        "cue_text": attribution.cue_text,
        "content_text": attribution.content_text,
        "source_id": attribution.source_id,
        "parent": attribution.parent,
        "cue_class": attribution.cue_class,
        "denial": attribution.denial,
        "hedged": attribution.hedged,
        "negated": attribution.negated,
        "time_text": time.text if time else None,
        "time_start": time.start if time else None,
        "time_end": time.end if time else None,
        "time_value": time.value if time else None,
        "source_name": name,
        "source_kind": kind,
        "source_named": named,
        "source_base": base,
        "source_key": key,
        "confidence": attribution.confidence,
        "speaker_confidence": attribution.speaker_confidence,
        "hypothetical": attribution.hypothetical,
    }


def provenance_row(article_id: str, position: int, item: Provenance) -> Row:
    return {
        "article_id": article_id,
        "position": position,
        "name": item.name,
        "spans": [list(span) for span in item.spans],
        "attribution_ids": list(item.attribution_ids),
    }
