"""The trail of a statement across a stored corpus: where it first appeared, who repeated it, how it changed.

``statement_trail(store, cluster_id)`` reads one statement cluster (``store/clusters.py``) and orders its
appearances; ``find_statements(store, words)`` finds the clusters a few words of a statement belong to;
``statement_cluster(store, article_id, attribution_id)`` the cluster of one stored statement.

The first appearance is the earliest by publication date; on the same date, an appearance that credits
another outlet comes after one that does not; and an appearance that credits an outlet which itself appears in
the cluster is never first: that outlet's earliest appearance is (followed up the chain), whatever the dates
say, since the crediting article says where it got the statement. Remaining ties: outlet, article id,
position in the article. Articles without a date come last.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, select

from ..lexicon import OUTLETS
from ..store import Store
from ..store.clusters import candidates, members_with_words
from ..store.identity import name_key
from ..store.schema import articles, attributions, provenance, statement_members
from ..store.statements import (
    QUOTE_OVERLAP,
    StatementKey,
    buckets,
    ordered_overlap,
    same_source,
    statement_key,
)
from .wording import DiffPiece, negations, word_diff

# The flags a later appearance can carry, in the order they are listed.
DIFFERENT_SOURCE = "different_source"
HEDGE_DROPPED = "hedge_dropped"
DENIAL_DROPPED = "denial_dropped"
NEGATION_DROPPED = "negation_dropped"
NEGATION_ADDED = "negation_added"
MADE_DIRECT = "made_direct"
# The first appearance only imagines the saying ("If she says the plan failed", "Would you say ...?") and a later
# one reports it as made: not a repetition of a statement but one coming into being, which a reader must see.
HYPOTHETICAL_DROPPED = "hypothetical_dropped"
FLAGS = (
    DIFFERENT_SOURCE,
    HEDGE_DROPPED,
    DENIAL_DROPPED,
    NEGATION_DROPPED,
    NEGATION_ADDED,
    MADE_DIRECT,
    HYPOTHETICAL_DROPPED,
)
# A query's words found in this share of a stored statement's words, in order, make that statement a match
# even when not every word is there (a misremembered word, a different trim).
_CLOSE_MATCH = QUOTE_OVERLAP
_IN_CHUNK = 5000

_OUTLET_NAMES = {
    name_key(alias): canonical for canonical, aliases in OUTLETS.items() for alias in (canonical, *aliases)
}


@dataclass(frozen=True)
class Appearance:
    """One attribution of the statement, in one article, and how it differs from the first appearance."""

    article_id: str
    attribution_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    source: str | None
    source_key: str | None
    cue: str
    content: str
    type: str
    via: list[str]
    upstream: list[str]
    hedged: bool
    denial: bool
    negated: bool
    hypothetical: bool | None  # null: stored before the flag existed (store migration 0010)
    diff: list[DiffPiece]
    flags: list[str]

    @property
    def credits_other_outlet(self) -> bool:
        """Does it name an upstream report other than its own outlet?"""
        own = outlet_key(self.outlet)
        return any(outlet_key(name) != own for name in self.upstream)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True)
class StatementTrail:
    """A statement cluster in order: the first appearance, then every later one with its changes."""

    cluster_id: int
    first: Appearance
    later: list[Appearance]

    @property
    def appearances(self) -> list[Appearance]:
        return [self.first, *self.later]

    def to_dict(self) -> dict[str, Any]:
        every = self.appearances
        return {
            "cluster_id": self.cluster_id,
            "appearances": len(every),
            "articles": len({item.article_id for item in every}),
            "outlets": len({item.outlet for item in every if item.outlet}),
            "first": self.first.to_dict(),
            "later": [item.to_dict() for item in self.later],
        }


@dataclass(frozen=True)
class StatementMatch:
    """A statement cluster found by words: its first appearance and its size."""

    cluster_id: int
    score: float
    statement: str
    source: str | None
    outlet: str | None
    published: dt.date | None
    appearances: int
    articles: int
    outlets: int

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


def statement_trail(store: Store, cluster_id: int) -> StatementTrail | None:
    """The trail of one statement cluster (None when there is no such cluster, or it has no member left)."""
    with store.connect() as connection:
        return _trail(connection, cluster_id)


def statement_cluster(store: Store, article_id: str, attribution_id: str) -> int | None:
    """The cluster of one stored attribution (None when it is not a statement: too short, or not clustered).

    The frame of a nested attribution ("US officials said Putin reported ...") is not a statement itself: its
    innermost attribution carries the statement, so the frame leads to that one's cluster.
    """
    with store.connect() as connection:
        wanted = attribution_id
        seen = set()
        while wanted not in seen:
            seen.add(wanted)
            found = connection.execute(
                select(statement_members.c.cluster_id).where(
                    statement_members.c.article_id == article_id, statement_members.c.attribution_id == wanted
                )
            ).scalar()
            if found is not None:
                return int(found)
            child = connection.execute(
                select(attributions.c.attribution_id)
                .where(attributions.c.article_id == article_id, attributions.c.parent == wanted)
                .order_by(attributions.c.position)
                .limit(1)
            ).scalar()
            if child is None:
                return None
            wanted = child
    return None


def find_statements(store: Store, words: str, *, limit: int = 10) -> list[StatementMatch]:
    """Statement clusters for some words of a statement, best first.

    The words are normalized as statements are (``store/statements.py``: case, punctuation, function words and
    word endings do not matter). A cluster matches when one of its statements holds every content word of the
    query, or most of them in order (a quote remembered with a word wrong); ranked by the share of the query
    found, then by the number of appearances. (A simple scan of the stored words: full-text search can take
    its place without changing this function's answers.)
    """
    key = statement_key(words)
    if not key.words:
        return []
    with store.connect() as connection:
        scores = _word_matches(connection, key)
        if key.eligible:
            for cluster_id, score in _close_matches(connection, key).items():
                scores[cluster_id] = max(score, scores.get(cluster_id, 0.0))
        sizes = _sizes(connection, scores)
        best = sorted(scores, key=lambda cluster_id: (-scores[cluster_id], -sizes.get(cluster_id, 0), cluster_id))
        trails = [_trail(connection, cluster_id) for cluster_id in best[:limit]]
    return [_match(scores[trail.cluster_id], trail) for trail in trails if trail is not None]


def outlet_key(name: str | None) -> str:
    """An outlet's canonical name however it is written ("NYT", "the New York Times"), for comparing the
    outlets articles credit with the outlets articles come from; an unknown outlet by its normalized name."""
    if not name:
        return ""
    key = name_key(name)
    return _OUTLET_NAMES.get(key, key)


def change_flags(first: Appearance, later: Appearance) -> list[str]:
    """What the later version changes that matters to a reader (``FLAGS``)."""
    flags = []
    if first.source_key and later.source_key and not same_source(first.source_key, later.source_key):
        flags.append(DIFFERENT_SOURCE)
    if first.hedged and not later.hedged:
        flags.append(HEDGE_DROPPED)
    if (first.denial or first.negated) and not (later.denial or later.negated):
        flags.append(DENIAL_DROPPED)
    # A "not" lost or gained turns what was said into its opposite.
    if negations(first.content) > negations(later.content):
        flags.append(NEGATION_DROPPED)
    elif negations(first.content) < negations(later.content):
        flags.append(NEGATION_ADDED)
    if first.type != "direct" and later.type == "direct":
        flags.append(MADE_DIRECT)
    if first.hypothetical and later.hypothetical is False:  # unknown (null) is not known to be real
        flags.append(HYPOTHETICAL_DROPPED)
    return flags


def first_appearance_order(appearances: Iterable[Appearance]) -> list[Appearance]:
    """The appearances with the first one first, then the others by date (module docstring)."""
    ordered = sorted(appearances, key=_date_order)
    if not ordered:
        return ordered
    first = ordered[0]
    followed = {outlet_key(first.outlet)}
    while True:
        credited = {outlet_key(name) for name in first.upstream} - followed
        source = next((item for item in ordered if outlet_key(item.outlet) in credited), None)
        if source is None:
            break
        first = source
        followed.add(outlet_key(first.outlet))
    return [first, *(item for item in ordered if item is not first)]


def _date_order(item: Appearance) -> tuple[Any, ...]:
    return (
        item.published is None,
        item.published or dt.date.max,
        item.credits_other_outlet,
        outlet_key(item.outlet),
        item.article_id,
        item.attribution_id,
    )


def _trail(connection: Connection, cluster_id: int) -> StatementTrail | None:
    appearances = _appearances(connection, cluster_id)
    if not appearances:
        return None
    first, *later = first_appearance_order(appearances)
    return StatementTrail(
        cluster_id=cluster_id,
        first=first,
        later=[
            dataclasses.replace(item, diff=word_diff(first.content, item.content), flags=change_flags(first, item))
            for item in later
        ],
    )


def _appearances(connection: Connection, cluster_id: int) -> list[Appearance]:
    joined = statement_members.join(
        attributions,
        and_(
            attributions.c.article_id == statement_members.c.article_id,
            attributions.c.attribution_id == statement_members.c.attribution_id,
        ),
    ).join(articles, articles.c.id == statement_members.c.article_id)
    rows = connection.execute(
        select(
            articles.c.id,
            articles.c.title,
            articles.c.url,
            articles.c.outlet,
            articles.c.published,
            attributions.c.attribution_id,
            attributions.c.source_name,
            attributions.c.source_key,
            attributions.c.cue_text,
            attributions.c.content_text,
            attributions.c.type,
            attributions.c.parent,
            attributions.c.hedged,
            attributions.c.denial,
            attributions.c.negated,
            attributions.c.hypothetical,
        )
        .select_from(joined)
        .where(statement_members.c.cluster_id == cluster_id)
    ).all()
    article_ids = sorted({row.id for row in rows})
    parents, sources = _nesting(connection, article_ids) if any(row.parent for row in rows) else ({}, {})
    credits = _credits(connection, article_ids)
    found = []
    for row in rows:
        chain = _ancestors(parents, row.id, row.attribution_id)
        found.append(
            Appearance(
                article_id=row.id,
                attribution_id=row.attribution_id,
                title=row.title,
                url=row.url,
                outlet=row.outlet,
                published=row.published,
                source=row.source_name,
                source_key=row.source_key,
                cue=row.cue_text,
                content=row.content_text,
                type=row.type,
                via=[name for name in (sources.get((row.id, parent)) for parent in chain) if name],
                upstream=_unique(
                    name
                    for name, linked in credits.get(row.id, [])
                    if row.attribution_id in linked or any(parent in linked for parent in chain)
                ),
                hedged=row.hedged,
                denial=row.denial,
                negated=row.negated,
                hypothetical=row.hypothetical,
                diff=[],
                flags=[],
            )
        )
    return found


def _nesting(
    connection: Connection, article_ids: list[str]
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """Each attribution's parent, and each attribution's source name, in these articles."""
    parents: dict[tuple[str, str], str] = {}
    sources: dict[tuple[str, str], str] = {}
    rows = connection.execute(
        select(
            attributions.c.article_id, attributions.c.attribution_id, attributions.c.parent, attributions.c.source_name
        ).where(attributions.c.article_id.in_(article_ids))
    )
    for article_id, attribution_id, parent, source_name in rows:
        if parent:
            parents[(article_id, attribution_id)] = parent
        if source_name:
            sources[(article_id, attribution_id)] = source_name
    return parents, sources


def _ancestors(parents: dict[tuple[str, str], str], article_id: str, attribution_id: str) -> list[str]:
    """The attributions this one is nested in, innermost first (the nesting stage leaves no cycles; the guard
    is for hand-written data)."""
    chain: list[str] = []
    current = parents.get((article_id, attribution_id))
    while current is not None and current not in chain and current != attribution_id:
        chain.append(current)
        current = parents.get((article_id, current))
    return chain


def _credits(connection: Connection, article_ids: list[str]) -> dict[str, list[tuple[str, set[str]]]]:
    """Per article, its upstream reports: name and the attributions relying on each."""
    found: dict[str, list[tuple[str, set[str]]]] = {}
    rows = connection.execute(
        select(provenance.c.article_id, provenance.c.name, provenance.c.attribution_ids)
        .where(provenance.c.article_id.in_(article_ids))
        .order_by(provenance.c.article_id, provenance.c.position)
    )
    for article_id, name, linked in rows:
        found.setdefault(article_id, []).append((name, set(linked)))
    return found


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _word_matches(connection: Connection, key: StatementKey) -> dict[int, float]:
    """Clusters with a statement holding every word of the query."""
    return dict.fromkeys(set(members_with_words(connection, key.words).values()), 1.0)


def _sizes(connection: Connection, cluster_ids: Iterable[int]) -> dict[int, int]:
    """Members per cluster."""
    wanted = sorted(cluster_ids)
    found: dict[int, int] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        rows = connection.execute(
            select(statement_members.c.cluster_id, func.count())
            .where(statement_members.c.cluster_id.in_(wanted[start : start + _IN_CHUNK]))
            .group_by(statement_members.c.cluster_id)
        )
        found.update({cluster_id: int(count) for cluster_id, count in rows})
    return found


def _close_matches(connection: Connection, key: StatementKey) -> dict[int, float]:
    """Clusters with a statement holding most of the query's words in order, found through the LSH buckets."""
    scores: dict[int, float] = {}
    for found in candidates(connection, buckets(key)).values():
        for candidate in found:
            share = ordered_overlap(key.words, candidate.key.words) / len(key.words)
            if share >= _CLOSE_MATCH:
                scores[candidate.cluster_id] = max(share, scores.get(candidate.cluster_id, 0.0))
    return scores


def _match(score: float, trail: StatementTrail) -> StatementMatch:
    every = trail.appearances
    return StatementMatch(
        cluster_id=trail.cluster_id,
        score=round(score, 3),
        statement=trail.first.content,
        source=trail.first.source,
        outlet=trail.first.outlet,
        published=trail.first.published,
        appearances=len(every),
        articles=len({item.article_id for item in every}),
        outlets=len({item.outlet for item in every if item.outlet}),
    )


__all__ = [
    "FLAGS",
    "Appearance",
    "StatementMatch",
    "StatementTrail",
    "change_flags",
    "find_statements",
    "first_appearance_order",
    "outlet_key",
    "statement_trail",
]
