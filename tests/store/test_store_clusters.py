"""Statement clusters in the store (store/clusters.py), on SQLite and PostgreSQL: incremental assignment, joins,
template twins kept apart, order, re-saved articles, rebuilds, concurrent writers and the migration upgrade."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, delete, func, inspect, select
from store_samples import Said, rows_as_of, statements_article

from accordingto.model import Analysis, Article
from accordingto.store import Store, open_store
from accordingto.store.clusters import cluster_article, members_with_words, recluster, unclustered_articles
from accordingto.store.db import MIGRATIONS
from accordingto.store.schema import (
    articles,
    statement_buckets,
    statement_clusters,
    statement_member_words,
    statement_members,
)
from accordingto.store.statements import BANDS, statement_key

CLOSE = "the council will close three schools in Dover next year to save money on heating"
BRIDGE = "the new bridge over the river will open to traffic in early April"
Member = tuple[str, str]


def save_and_cluster(store: Store, *items: tuple[Article, Analysis]) -> None:
    """Store articles as every run does: the save path clusters each in the transaction that writes it."""
    for article, analysis in items:
        store.save(article, analysis)


def save_unclustered(store: Store, *items: tuple[Article, Analysis]) -> None:
    """Store articles as a store filled before clustering existed holds them: written, not clustered."""
    for article, analysis in items:
        store._write(rows_as_of(store, article, analysis), cluster=False)  # the columns of its schema


def clusters(store: Store) -> dict[int, set[Member]]:
    with store.connect() as connection:
        rows = connection.execute(
            select(statement_members.c.cluster_id, statement_members.c.article_id, statement_members.c.attribution_id)
        ).all()
    found: dict[int, set[Member]] = {}
    for cluster_id, article_id, attribution_id in rows:
        found.setdefault(cluster_id, set()).add((article_id, attribution_id))
    return found


def partition(store: Store) -> set[frozenset[Member]]:
    return {frozenset(members) for members in clusters(store).values()}


def cluster_of(store: Store, article_id: str, attribution_id: str) -> int | None:
    return next(
        (cluster_id for cluster_id, members in clusters(store).items() if (article_id, attribution_id) in members),
        None,
    )


def word_index(store: Store) -> set[tuple[str, int]]:
    """The rows of the word index, as (word, member id)."""
    with store.connect() as connection:
        rows = connection.execute(select(statement_member_words.c.word, statement_member_words.c.member_id))
        return {(word, member_id) for word, member_id in rows}


def words_of_members(store: Store) -> set[tuple[str, int]]:
    """What the word index should hold: each stored member's distinct words, read from its ``words`` column."""
    with store.connect() as connection:
        rows = connection.execute(select(statement_members.c.id, statement_members.c.words)).all()
    return {(word, member_id) for member_id, words in rows for word in words.split()}


def holding(store: Store, words: str) -> set[Member]:
    """The stored statements the word index finds for these words (normalized), by article and attribution."""
    with store.connect() as connection:
        found = members_with_words(connection, statement_key(words).words)
        rows = connection.execute(
            select(statement_members.c.id, statement_members.c.article_id, statement_members.c.attribution_id)
        ).all()
    return {(article_id, attribution_id) for member_id, article_id, attribution_id in rows if member_id in found}


def article(article_id: str, *statements: Said, **metadata: object) -> tuple[Article, Analysis]:
    return statements_article(article_id, list(statements), **metadata)  # type: ignore[arg-type]


def test_copies_join_the_first_statement_and_new_statements_start_clusters(store: Store) -> None:
    save_and_cluster(store, article("a", ("Ann Lee", CLOSE), ("Bo Roe", BRIDGE)))
    first = clusters(store)
    assert sorted(first.values()) == [{("a", "a1")}, {("a", "a2")}]
    save_and_cluster(
        store,
        # Trimmed and re-punctuated; the same template about another month.
        article(
            "b",
            ("Ann Lee", "“The council will close three schools in Dover next year,”"),
            ("Bo Roe", BRIDGE.replace("April", "June")),
            outlet="Post",
        ),
        # The same words credited to someone else; a statement too short to be one.
        article("c", ("Carl Ito", CLOSE), ("Carl Ito", "no comment"), outlet="Ledger"),
    )
    assert partition(store) == {
        frozenset({("a", "a1"), ("b", "a1"), ("c", "a1")}),
        frozenset({("a", "a2")}),
        frozenset({("b", "a2")}),
    }
    # Incremental: the first article's clusters kept their ids.
    assert cluster_of(store, "a", "a1") in first and cluster_of(store, "a", "a2") in first
    with store.connect() as connection:
        assert connection.execute(select(func.count()).select_from(statement_buckets)).scalar() == 5 * BANDS


def test_a_statement_matching_two_clusters_joins_them_into_the_oldest(store: Store) -> None:
    save_and_cluster(
        store,
        article("a", ("Ann Lee", "the council will close three schools next year")),
        article("b", ("Ann Lee", "open two new libraries in the spring"), outlet="Post"),
    )
    oldest = min(clusters(store))
    save_and_cluster(
        store,
        article(
            "c",
            ("Ann Lee", "the council will close three schools next year and open two new libraries in the spring"),
            outlet="Ledger",
        ),
    )
    assert clusters(store) == {oldest: {("a", "a1"), ("b", "a1"), ("c", "a1")}}
    with store.connect() as connection:
        assert connection.execute(select(statement_clusters.c.id)).scalars().all() == [oldest]


def test_a_version_fitting_a_statement_and_its_template_twin_joins_only_the_older(store: Store) -> None:
    save_and_cluster(
        store,
        article("three", ("Ann Lee", "the council will close three schools in Dover next year")),
        article("four", ("Ann Lee", "the council will close four schools in Dover next year"), outlet="Post"),
        article("vague", ("Ann Lee", "the council will close schools in Dover next year"), outlet="Ledger"),
    )
    assert partition(store) == {
        frozenset({("three", "a1"), ("vague", "a1")}),
        frozenset({("four", "a1")}),
    }


def test_frames_and_short_attributions_are_not_statements(store: Store) -> None:
    save_and_cluster(
        store,
        article(
            "a",
            ("US officials", "Putin reported that he was satisfied with the slow pace of the winter offensive"),
            ("Putin", "he was satisfied with the slow pace of the winter offensive", {"parent": "a1"}),
            ("Putin", "it is fine"),
        ),
    )
    assert partition(store) == {frozenset({("a", "a2")})}


ARTICLES = [
    article("a", ("Ann Lee", CLOSE), ("Bo Roe", BRIDGE), published="2024-03-01"),
    article("b", ("Ann Lee", "the council will close three schools in Dover"), outlet="Post", published="2024-03-02"),
    article("c", ("Carl Ito", CLOSE), ("Bo Roe", BRIDGE + " if the weather allows"), outlet="Ledger"),
    article("d", ("Bo Roe", "In early April the new bridge over the river will open to traffic"), outlet="Post"),
    article("e", ("Di Fox", "the city archive will move to the old station building in the autumn"), outlet="Post"),
    article("f", ("Di Fox", "the city archive will move to the old station building"), outlet="Herald"),
]


@pytest.fixture
def other_store_url(store_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second empty store on the same backend."""
    if store_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'other.sqlite'}"
    make: Callable[[], str] = request.getfixturevalue("new_database_url")
    return make()


def test_clusters_do_not_depend_on_the_order_articles_arrive_in(store: Store, other_store_url: str) -> None:
    save_and_cluster(store, *ARTICLES)
    with open_store(other_store_url) as other:
        save_and_cluster(other, *reversed(ARTICLES))
        assert partition(other) == partition(store)
    assert len(partition(store)) == 3


def test_saving_an_article_again_replaces_its_statements(store: Store) -> None:
    save_and_cluster(store, *ARTICLES[:2])
    assert cluster_of(store, "b", "a1") == cluster_of(store, "a", "a1")
    new_content = "the ferry will run every hour from next week on"
    store.save(*article("b", ("Ann Lee", new_content), outlet="Post"))
    # The old statement's rows went with its attributions: none is left with the old words, and the new
    # statement was clustered in the same save.
    with store.connect() as connection:
        words = connection.execute(
            select(statement_members.c.words).where(statement_members.c.article_id == "b")
        ).scalars()
        assert list(words) == [statement_key(new_content).stored()["words"]]
    assert unclustered_articles(store) == 0
    assert frozenset({("b", "a1")}) in partition(store)
    assert ("a", "a1") in clusters(store)[cluster_of(store, "a", "a1") or 0]


def test_clustering_an_article_again_changes_nothing(store: Store) -> None:
    save_and_cluster(store, *ARTICLES)
    before = clusters(store)
    with store.engine.begin() as connection:
        cluster_article(connection, "c")
    assert partition(store) == {frozenset(members) for members in before.values()}


def test_a_rebuild_clusters_every_stored_article(store: Store) -> None:
    save_unclustered(store, *ARTICLES)
    store.save(Article(text="Broken.", id="failed"), error="analysis failed")
    assert unclustered_articles(store) == len(ARTICLES)  # the failed one has nothing to cluster
    done: list[tuple[int, int]] = []
    assert recluster(store, on_progress=lambda count, total: done.append((count, total))) == len(ARTICLES)
    assert done[-1] == (len(ARTICLES), len(ARTICLES))
    assert unclustered_articles(store) == 0
    rebuilt = partition(store)
    assert recluster(store) == len(ARTICLES)
    assert partition(store) == rebuilt


def test_clustering_transactions_run_one_after_the_other(store: Store) -> None:
    """A second clustering transaction waits for the first to commit, then sees its statements: two writers
    cannot both start a new cluster for the same statement."""
    save_unclustered(store, ARTICLES[0], ARTICLES[2])
    finished = threading.Event()

    def second() -> None:
        with store.engine.begin() as connection:
            cluster_article(connection, "c")
        finished.set()

    with store.engine.begin() as connection:
        cluster_article(connection, "a")
        waiting = threading.Thread(target=second)
        waiting.start()
        assert not finished.wait(1.5), "the second clustering did not wait for the first"
    waiting.join(timeout=60)
    assert finished.is_set()
    assert cluster_of(store, "a", "a1") == cluster_of(store, "c", "a1") is not None
    assert cluster_of(store, "a", "a2") == cluster_of(store, "c", "a2") is not None


def _writer(url: str, items: list[tuple[Article, Analysis]], start: Any) -> None:
    """A worker process of the concurrency test: store and cluster its articles as soon as both are ready."""
    with open_store(url) as store:
        start.wait(60)
        save_and_cluster(store, *items)


def test_concurrent_writers_build_the_clusters_one_writer_builds(store: Store, other_store_url: str) -> None:
    corpus = [
        article(
            f"{outlet}-{number}",
            ("Ann Lee", CLOSE if number % 2 else CLOSE.replace("Dover", "Dover and Kent")),
            ("Bo Roe", BRIDGE if number % 3 else "In early April the new bridge over the river will open to traffic"),
            ("Di Fox", f"the city archive will move to the old station building number {number}"),
            outlet=outlet,
        )
        for outlet in ("Herald", "Post")
        for number in range(6)
    ]
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    url = str(store.engine.url.render_as_string(hide_password=False))
    writers = [context.Process(target=_writer, args=(url, corpus[part::2], start)) for part in range(2)]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=240)
        assert writer.exitcode == 0
    with open_store(other_store_url) as alone:
        save_and_cluster(alone, *corpus)
        assert partition(store) == partition(alone)
    # Ann Lee's statement, Bo Roe's, and Di Fox's six numbers, each told by both outlets.
    assert len(partition(store)) == 2 + 6


def migrations(connection: Connection) -> Config:
    """Alembic's configuration as ``open_store`` makes it, to move a store to a given revision."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_a_store_from_before_clusters_is_upgraded_in_place(store_url: str) -> None:
    """A store at revision 0005 (the schema before clusters), with articles in it, gains the statement tables
    when opened; its articles wait for a rebuild, which clusters them."""
    with open_store(store_url, migrate=False) as old:
        with old.engine.begin() as connection:
            command.upgrade(migrations(connection), "0005")
        assert "statement_members" not in inspect(old.engine).get_table_names()
        save_unclustered(old, ARTICLES[0], ARTICLES[2])
    with open_store(store_url) as upgraded:
        tables = set(inspect(upgraded.engine).get_table_names())
        assert {"statement_clusters", "statement_members", "statement_buckets", "statement_articles"} <= tables
        assert unclustered_articles(upgraded) == 2
        assert recluster(upgraded) == 2
        assert partition(upgraded) == {
            frozenset({("a", "a1"), ("c", "a1")}),
            frozenset({("a", "a2"), ("c", "a2")}),
        }


def test_the_downgrade_removes_the_statement_tables_and_keeps_the_articles(store: Store) -> None:
    save_and_cluster(store, ARTICLES[0], ARTICLES[2])
    with store.engine.begin() as connection:
        command.downgrade(migrations(connection), "0005")
    assert "statement_members" not in inspect(store.engine).get_table_names()
    assert store.analysis("a") is not None and store.analysis("c") is not None


def test_the_word_index_follows_the_members_through_saves_joins_deletes_and_rebuilds(store: Store) -> None:
    save_and_cluster(store, *ARTICLES)
    assert word_index(store) == words_of_members(store)
    assert holding(store, "schools in Dover") == {("a", "a1"), ("b", "a1"), ("c", "a1")}
    # Saved again with other words: the old statement's words go with it, the new one's are there.
    store.save(*article("b", ("Ann Lee", "the ferry will run every hour from next week on"), outlet="Post"))
    assert word_index(store) == words_of_members(store)
    assert holding(store, "every hour, the ferry") == {("b", "a1")}
    assert holding(store, "schools in Dover") == {("a", "a1"), ("c", "a1")}
    # An article deleted takes its statements' words along (articles -> attributions -> members -> words).
    with store.engine.begin() as connection:
        connection.execute(delete(articles).where(articles.c.id == "c"))
    assert word_index(store) == words_of_members(store)
    assert holding(store, "schools in Dover") == {("a", "a1")}
    recluster(store)
    assert word_index(store) == words_of_members(store) != set()
    assert holding(store, "schools in Dover") == {("a", "a1")}


def test_a_store_from_before_the_word_index_is_indexed_as_it_is_upgraded(store_url: str) -> None:
    """A store at revision 0007 with clustered statements gains the word index of them when opened."""
    with open_store(store_url) as old:
        save_and_cluster(old, *ARTICLES)
        with old.engine.begin() as connection:
            command.downgrade(migrations(connection), "0007")
        assert "statement_member_words" not in inspect(old.engine).get_table_names()
    with open_store(store_url) as upgraded:
        assert word_index(upgraded) == words_of_members(upgraded) != set()
        assert holding(upgraded, "the archive station in autumn") == {("e", "a1")}
