"""Statement clusters: group the stored attributions of different articles that report the same statement.

Clustering is incremental: ``cluster_article`` takes one stored article's attributions and puts each in the
cluster of the stored statements it matches (``statements.same_statement``), or in a new cluster; a statement
matching two clusters joins them. The clusters are therefore the connected components of the "same
statement" relation over candidate pairs, which do not depend on the order articles arrive in, with one
exception: a statement never joins clusters whose numbers and names contradict each other (a trimmed version
that fits both "three schools" and "four schools" joins the older of the two, and the two stay apart).
Candidates come from the LSH buckets stored in ``statement_buckets``: an indexed query, never an in-memory
index to rebuild. Each member's distinct words go into ``statement_member_words`` as it is written, so that
``members_with_words`` (the trail's search by words) reads word lists, never every statement.

Concurrent writers (``accordingto run --jobs``, a Dask run, two runs into one PostgreSQL database) are safe as
long as ``cluster_article`` runs in the transaction that writes the article: on PostgreSQL it takes an advisory
lock held to the commit, so two articles are clustered one after the other and the second sees the first (the
default READ COMMITTED isolation starts each statement with a fresh snapshot); on SQLite its first statement
is a write, which holds the database's only write lock from then on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, delete, func, insert, literal, select, update

from .schema import (
    articles,
    attributions,
    statement_articles,
    statement_buckets,
    statement_clusters,
    statement_member_words,
    statement_members,
)
from .statements import KEY_VERSION, Mentions, StatementKey, buckets, same_source, same_statement, statement_key

if TYPE_CHECKING:  # the save path (db.py) imports this module: no import of db.py at run time
    from .db import Store

logger = logging.getLogger(__name__)

# Any stable number, distinct from the migration lock's: serializes cluster assignment on PostgreSQL.
_CLUSTER_LOCK = 0x74726C73
# Bound parameters per IN list: far below SQLite's limit (32,766) and PostgreSQL's (65,535).
_IN_CHUNK = 5000
# Articles per transaction in a rebuild.
_REBUILD_BATCH = 50
# How far a word's list is counted to find a query's rarest word: past this many statements, a word is common,
# and which common word leads matters little once a rarer one is there.
_RARITY_PROBE = 1000
# The longest word the word index keys in full (``index_word``): 200 characters are at most 800 bytes in UTF-8.
INDEXED_WORD_CHARACTERS = 200


@dataclass(frozen=True)
class Candidate:
    """A stored statement, as compared with new ones."""

    member_id: int
    cluster_id: int
    key: StatementKey
    source_key: str | None


@dataclass
class _Statement:
    """One attribution of the article being clustered."""

    attribution_id: str
    key: StatementKey
    source_key: str | None
    buckets: list[int]
    cluster_id: int | None = None


def cluster_article(connection: Connection, article_id: str) -> list[int]:
    """Put the statements of one stored article into clusters; returns the clusters they are now in.

    Call it in the transaction that wrote the article's attributions (so the article and its clusters are
    stored together or not at all). Calling it again for the same article re-clusters it. An attribution is a
    statement when its content has enough words (``statements.MIN_WORDS``) and it is not the frame of a nested
    one ("US officials said Putin reported ..."): the innermost attribution carries the statement, and the
    trail shows its parents as the way it came.
    """
    _serialize(connection)
    connection.execute(delete(statement_members).where(statement_members.c.article_id == article_id))
    connection.execute(delete(statement_articles).where(statement_articles.c.article_id == article_id))
    statements = _statements(connection, article_id)
    if statements:
        _assign(connection, statements)
        _insert_members(connection, article_id, statements)
    connection.execute(insert(statement_articles).values(article_id=article_id, key_version=KEY_VERSION))
    return sorted({statement.cluster_id for statement in statements if statement.cluster_id is not None})


def recluster(store: Store, *, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Drop every cluster and cluster all analysed articles again, oldest first; returns the article count.

    For stores filled before clustering existed (the migration only creates the tables), and after a change of
    the statement key (``statements.KEY_VERSION``). ``on_progress(done, total)`` after each batch.
    """
    # store.connect() turns database errors into StoreError; each block below is one transaction.
    with store.connect() as connection, connection.begin():
        _serialize(connection)
        for table in (
            statement_buckets,
            statement_member_words,
            statement_members,
            statement_clusters,
            statement_articles,
        ):
            connection.execute(delete(table))
    query = (
        select(articles.c.id)
        .where(articles.c.error.is_(None))
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id)
    )
    with store.connect() as connection:
        ids = list(connection.execute(query).scalars())
    done = 0
    for batch in _chunks(ids, _REBUILD_BATCH):
        with store.connect() as connection, connection.begin():
            for article_id in batch:
                cluster_article(connection, article_id)
        done += len(batch)
        if on_progress is not None:
            on_progress(done, len(ids))
    return len(ids)


def unclustered_articles(store: Store) -> int:
    """Analysed articles not clustered with the current statement key (stored before clustering existed, by a
    writer that does not cluster, or keyed by an older version): ``recluster`` takes them in."""
    clustered = and_(statement_articles.c.article_id == articles.c.id, statement_articles.c.key_version == KEY_VERSION)
    query = (
        select(func.count())
        .select_from(articles.outerjoin(statement_articles, clustered))
        .where(articles.c.error.is_(None), statement_articles.c.article_id.is_(None))
    )
    with store.connect() as connection:
        return int(connection.execute(query).scalar_one())


def candidates(connection: Connection, wanted: Iterable[int]) -> dict[int, list[Candidate]]:
    """The stored statements in each of these LSH buckets, by bucket."""
    by_bucket: dict[int, list[int]] = {}
    for chunk in _chunks(sorted(set(wanted)), _IN_CHUNK):
        rows = connection.execute(
            select(statement_buckets.c.bucket, statement_buckets.c.member_id).where(
                statement_buckets.c.bucket.in_(chunk)
            )
        )
        for bucket, member_id in rows:
            by_bucket.setdefault(bucket, []).append(member_id)
    members = _members(connection, {member for found in by_bucket.values() for member in found})
    return {bucket: [members[member] for member in found] for bucket, found in by_bucket.items()}


def index_word(word: str) -> str:
    """A word as the word index keys it: cut to ``INDEXED_WORD_CHARACTERS``, because PostgreSQL's B-tree refuses
    a key over about 2,700 bytes, which one unspaced run of text (Chinese, Japanese, a pasted blob) can exceed; a
    statement with such a word would otherwise fail to save. ``members_with_words`` checks such a word against the
    stored words, so two long words that share their first characters are still told apart."""
    return word[:INDEXED_WORD_CHARACTERS]


def members_with_words(connection: Connection, words: Iterable[str]) -> dict[int, int]:
    """The stored statements holding every one of these normalized words, as member id -> cluster id, through the
    word index (``statement_member_words``): one query that reads the rarest word's list and looks each of its
    statements up in the other words' lists (by the member_id index), so that a common word costs no more than
    the statements that already hold the rarer ones. A word longer than the index keys (``index_word``) is
    checked against the statement's stored words."""
    asked = set(words)
    wanted = sorted(
        {index_word(word) for word in asked}, key=lambda word: (_listed_up_to(connection, word, _RARITY_PROBE), word)
    )
    if not wanted:
        return {}
    cut = {word for word in asked if index_word(word) != word}
    rarest = statement_member_words.alias("rarest")
    columns = [rarest.c.member_id, statement_members.c.cluster_id]
    if cut:
        columns.append(statement_members.c.words)
    query = (
        select(*columns)
        .join_from(rarest, statement_members, statement_members.c.id == rarest.c.member_id)
        .where(rarest.c.word == wanted[0])
    )
    for number, word in enumerate(wanted[1:]):
        other = statement_member_words.alias(f"other_{number}")
        query = query.join(other, and_(other.c.member_id == rarest.c.member_id, other.c.word == word))
    return {row[0]: row[1] for row in connection.execute(query) if not cut or cut <= set(row[2].split())}


def _listed_up_to(connection: Connection, word: str, most: int) -> int:
    """How many statements hold the word, counted no further than ``most`` (an indexed range read)."""
    listed = select(literal(1)).where(statement_member_words.c.word == word).limit(most).subquery()
    return int(connection.execute(select(func.count()).select_from(listed)).scalar_one())


def _members(connection: Connection, member_ids: set[int]) -> dict[int, Candidate]:
    """The statements with these ids (a statement found in several buckets is read once)."""
    joined = statement_members.join(
        attributions,
        and_(
            attributions.c.article_id == statement_members.c.article_id,
            attributions.c.attribution_id == statement_members.c.attribution_id,
        ),
    )
    found: dict[int, Candidate] = {}
    for chunk in _chunks(sorted(member_ids), _IN_CHUNK):
        rows = connection.execute(
            select(
                statement_members.c.id,
                statement_members.c.cluster_id,
                statement_members.c.words,
                statement_members.c.anchors,
                attributions.c.source_key,
            )
            .select_from(joined)
            .where(statement_members.c.id.in_(chunk))
        )
        for member_id, cluster_id, words, anchors, source_key in rows:
            found[member_id] = Candidate(member_id, cluster_id, StatementKey.from_stored(words, anchors), source_key)
    return found


def _chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Slices of ``size`` (itertools.batched is Python 3.12)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _serialize(connection: Connection) -> None:
    """On PostgreSQL, one clustering transaction at a time (the lock goes with the commit or rollback)."""
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(_CLUSTER_LOCK)))


def _statements(connection: Connection, article_id: str) -> list[_Statement]:
    rows = connection.execute(
        select(
            attributions.c.attribution_id,
            attributions.c.content_text,
            attributions.c.parent,
            attributions.c.source_key,
        )
        .where(attributions.c.article_id == article_id)
        .order_by(attributions.c.position)
    ).all()
    frames = {row.parent for row in rows if row.parent}
    statements = []
    for row in rows:
        key = statement_key(row.content_text)
        if row.attribution_id not in frames and key.eligible:
            statements.append(_Statement(row.attribution_id, key, row.source_key, buckets(key)))
    return statements


def _assign(connection: Connection, statements: Sequence[_Statement]) -> None:
    """Set each statement's ``cluster_id``: the cluster(s) it matches, joined into the oldest, or a new one.

    A statement joins the clusters it matches, oldest first, then the statements of its own article it
    matches, skipping any whose numbers and names contradict what it has gathered so far
    (``Mentions.conflicts``): a trimmed version that fits both a statement and its template twin joins the
    older, and never makes one cluster of the two.
    """
    stored = candidates(connection, (bucket for statement in statements for bucket in statement.buckets))
    matched: list[list[int]] = []
    peers: list[list[int]] = []
    for index, statement in enumerate(statements):
        clusters: set[int] = set()
        compared: set[int] = set()
        for bucket in statement.buckets:
            for candidate in stored.get(bucket, ()):
                if candidate.cluster_id in clusters or candidate.member_id in compared:
                    continue
                compared.add(candidate.member_id)
                if _matches(statement.key, statement.source_key, candidate.key, candidate.source_key):
                    clusters.add(candidate.cluster_id)
        matched.append(sorted(clusters))
        peers.append(
            [
                other
                for other in range(index)
                if set(statement.buckets) & set(statements[other].buckets)
                and _matches(statement.key, statement.source_key, statements[other].key, statements[other].source_key)
            ]
        )
    groups = _Groups(_cluster_mentions(connection, {cluster for found in matched for cluster in found}))
    for index, statement in enumerate(statements):
        group = groups.add_statement(index, statement.key.mentions)
        for cluster_id in matched[index]:
            group = groups.join(group, groups.of_cluster(cluster_id))
        for other in peers[index]:
            group = groups.join(group, groups.of_statement(other))
    fresh = []
    for group in groups.with_statements():
        if not group.clusters:
            fresh.append(group)
            continue
        target, *others = sorted(group.clusters)
        if others:
            _merge(connection, target, others)
        for index in group.statements:
            statements[index].cluster_id = target
    if fresh:
        created = dt.datetime.now(dt.UTC)
        new_ids = connection.execute(
            insert(statement_clusters).returning(statement_clusters.c.id, sort_by_parameter_order=True),
            [{"created": created}] * len(fresh),
        ).scalars()
        for group, cluster_id in zip(fresh, new_ids, strict=True):
            for index in group.statements:
                statements[index].cluster_id = cluster_id


def _cluster_mentions(connection: Connection, cluster_ids: set[int]) -> dict[int, Mentions]:
    """The words and anchors of every member of these clusters, per cluster."""
    found: dict[int, Mentions] = {}
    for chunk in _chunks(sorted(cluster_ids), _IN_CHUNK):
        rows = connection.execute(
            select(statement_members.c.cluster_id, statement_members.c.words, statement_members.c.anchors).where(
                statement_members.c.cluster_id.in_(chunk)
            )
        )
        for cluster_id, words, anchors in rows:
            mentions = StatementKey.from_stored(words, anchors).mentions
            found[cluster_id] = found[cluster_id] | mentions if cluster_id in found else mentions
    return found


def _matches(key: StatementKey, source: str | None, other: StatementKey, other_source: str | None) -> bool:
    return same_statement(key, other, sources_agree=same_source(source, other_source))


def _merge(connection: Connection, target: int, others: list[int]) -> None:
    """A new statement joins clusters: their members move to the oldest (smallest id), the others go."""
    logger.debug("joining statement clusters %s into %s", others, target)
    connection.execute(
        update(statement_members).where(statement_members.c.cluster_id.in_(others)).values(cluster_id=target)
    )
    connection.execute(delete(statement_clusters).where(statement_clusters.c.id.in_(others)))


def _insert_members(connection: Connection, article_id: str, statements: Sequence[_Statement]) -> None:
    rows: list[dict[str, Any]] = [
        {
            "cluster_id": statement.cluster_id,
            "article_id": article_id,
            "attribution_id": statement.attribution_id,
            **statement.key.stored(),
        }
        for statement in statements
    ]
    ids = list(
        connection.execute(
            insert(statement_members).returning(statement_members.c.id, sort_by_parameter_order=True), rows
        ).scalars()
    )
    bucket_rows = [
        {"member_id": member_id, "band": band, "bucket": bucket}
        for member_id, statement in zip(ids, statements, strict=True)
        for band, bucket in enumerate(statement.buckets)
    ]
    connection.execute(insert(statement_buckets), bucket_rows)
    word_rows = [
        {"word": word, "member_id": member_id}
        for member_id, statement in zip(ids, statements, strict=True)
        for word in sorted({index_word(word) for word in statement.key.words})
    ]
    connection.execute(insert(statement_member_words), word_rows)


@dataclass
class _Group:
    """Statements of the article being clustered and stored clusters that are to be one cluster."""

    mentions: Mentions
    statements: list[int] = field(default_factory=list)
    clusters: set[int] = field(default_factory=set)


class _Groups:
    """The groups being formed, found by statement index or by stored cluster id."""

    def __init__(self, clusters: dict[int, Mentions]) -> None:
        self._by_cluster = {cluster: _Group(mentions, clusters={cluster}) for cluster, mentions in clusters.items()}
        self._by_statement: dict[int, _Group] = {}

    def add_statement(self, index: int, mentions: Mentions) -> _Group:
        group = _Group(mentions, statements=[index])
        self._by_statement[index] = group
        return group

    def of_cluster(self, cluster_id: int) -> _Group:
        return self._by_cluster[cluster_id]

    def of_statement(self, index: int) -> _Group:
        return self._by_statement[index]

    def join(self, group: _Group, other: _Group) -> _Group:
        """``other`` joins ``group`` unless they conflict; returns ``group``."""
        if other is group or group.mentions.conflicts(other.mentions):
            return group
        group.mentions = group.mentions | other.mentions
        group.statements.extend(other.statements)
        group.clusters |= other.clusters
        for index in other.statements:
            self._by_statement[index] = group
        for cluster_id in other.clusters:
            self._by_cluster[cluster_id] = group
        return group

    def with_statements(self) -> list[_Group]:
        """The groups holding statements of the article, each once, in the order of their first statement."""
        unique = {id(group): group for group in (self._by_statement[index] for index in sorted(self._by_statement))}
        return list(unique.values())
