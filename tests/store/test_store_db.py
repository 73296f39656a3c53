"""The store on SQLite and PostgreSQL: schema, per-article writes, idempotence, identity, errors."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select
from store_samples import peskov_article, plain_article

from accordingto.errors import StoreError
from accordingto.model import Analysis, Article
from accordingto.store import Store, normalize_url, open_store, text_hash
from accordingto.store.db import MIGRATIONS
from accordingto.store.schema import (
    articles,
    attributions,
    is_backend_specific,
    metadata,
    provenance,
    source_totals,
    sources,
)
from samples import attribution, source


def count(store: Store, table: object, **where: object) -> int:
    query = select(func.count()).select_from(table)  # type: ignore[arg-type]
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    with store.connect() as connection:
        return int(connection.execute(query).scalar_one())


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrated_schema_matches_the_tables_the_code_uses(store: Store) -> None:
    # The search tables and expression indexes are each backend's own SQL, outside schema.py (as in env.py).
    opts = {"include_name": lambda name, _type, _parents: not is_backend_specific(name)}
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts=opts), metadata)
    assert differences == []


def test_opening_twice_keeps_the_data(store_url: str) -> None:
    article, analysis = peskov_article()
    with open_store(store_url) as first:
        first.save(article, analysis)
    with open_store(store_url) as second:
        assert count(second, articles) == 1


# Each process imports the package, then waits for the same moment to open the store: the migrations overlap.
OPEN_AT = """
import sys, time
from accordingto.store import open_store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
open_store(sys.argv[1]).close()
"""


def test_runs_creating_one_new_store_at_once_take_turns_migrating_it(store_url: str) -> None:
    """Two runs (or the service's workers) opening one new store at the same moment would both create its
    tables ("table articles already exists"): one migrates, the others wait and find the schema up to date."""
    start = time.time() + 5  # after every process has imported the package, on a loaded machine
    processes = [
        subprocess.Popen([sys.executable, "-c", OPEN_AT, store_url, str(start)], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0] * 4, "\n".join(errors)
    with open_store(store_url) as store, store.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == _newest_migration()


def _newest_migration() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def test_an_analysis_comes_back_as_it_went_in(store: Store) -> None:
    article, analysis = peskov_article()
    store.save(article, analysis, origin="feed.jsonl:3")
    back = store.analysis("nyt-1")
    assert back is not None
    assert back.attributions == analysis.attributions
    assert back.sources == analysis.sources
    assert back.provenance == analysis.provenance


def test_every_attribution_field_has_a_column(store: Store) -> None:
    article, analysis = peskov_article()
    store.save(article, analysis)
    with store.connect() as connection:
        rows = {row.attribution_id: row for row in connection.execute(select(attributions))}
        source_rows = {row.source_id: row for row in connection.execute(select(sources))}
        upstream = connection.execute(select(provenance)).one()
        stored = connection.execute(select(articles)).one()
    assert rows["a1"].time_value == "2023-12-19" and rows["a1"].time_text == "on Tuesday"
    assert rows["a1"].source_key == "dmitry peskov" and rows["a1"].source_kind == "person"
    assert rows["a2"].cue_class == "neutral" and rows["a2"].source_id == "s1"
    assert rows["a3"].hedged is True and rows["a3"].source_named is False
    assert rows["a3"].source_key == "anon:senior officials"
    assert rows["a4"].parent == "a3"
    assert rows["a1"].source == [list(r) for r in analysis.attributions[0].source]
    assert rows["a1"].start == 0 and rows["a1"].end == analysis.attributions[0].content[0][1]
    assert source_rows["s1"].description == "Kremlin spokesman" and source_rows["s2"].named is False
    assert upstream.name == "The New York Times" and upstream.attribution_ids == ["a3"]
    assert stored.outlet == "NYT" and stored.published.isoformat() == "2023-12-23"
    assert stored.analysis["summary"]["upstream"] == ["The New York Times"]
    assert stored.text_hash == text_hash(article.text) and stored.attribution_count == 4


def test_saving_the_same_article_again_replaces_it(store: Store) -> None:
    article, analysis = peskov_article()
    store.save(article, analysis)
    store.save(article, analysis)
    assert count(store, articles) == 1
    assert count(store, attributions) == 4
    assert count(store, sources) == 3
    assert store.done([("nyt-1", text_hash(article.text))]) == {"nyt-1"}
    assert store.done([("nyt-1", text_hash("another text"))]) == set()
    assert store.done([("unknown", "x")]) == set()


def test_a_failed_article_is_recorded_with_its_error_and_is_not_done(store: Store) -> None:
    article = Article(text="Broken.", id="bad", outlet="NYT")
    store.save(article, error="analysis failed in accordingto_attributions: boom")
    with store.connect() as connection:
        row = connection.execute(select(articles)).one()
    assert row.error == "analysis failed in accordingto_attributions: boom" and row.analysis is None
    assert store.done([("bad", text_hash("Broken."))]) == set()
    # A later success replaces the failure.
    _, analysis = plain_article("bad", "Broken. Ann Lee said yes.", "Ann Lee", "NYT")
    store.save(Article(text=analysis.text, id="bad"), analysis)
    assert count(store, articles) == 1 and count(store, attributions) == 1


def test_an_article_without_an_id_gets_one_from_its_text(store: Store) -> None:
    _, analysis = plain_article("x", "Ann Lee said yes.", "Ann Lee", None)
    stored_id = store.save(Article(text=analysis.text), analysis)
    assert stored_id == f"sha256:{text_hash(analysis.text)[:16]}"


def test_save_needs_an_analysis_or_an_error(store: Store) -> None:
    with pytest.raises(ValueError):
        store.save(Article(text="x", id="x"))


def identity_keys(store: Store) -> dict[str, str]:
    with store.connect() as connection:
        rows = connection.execute(select(attributions.c.article_id, attributions.c.source_key)).all()
    return dict(rows)


@pytest.mark.parametrize("surname_first", [False, True])
def test_a_surname_joins_the_one_full_name_of_its_outlet(store: Store, surname_first: bool) -> None:
    items = [
        plain_article("full", "Dmitry Peskov said the talks were over.", "Dmitry Peskov", "NYT"),
        plain_article("short", "Peskov said no.", "Peskov", "NYT"),
        plain_article("elsewhere", "Peskov said yes.", "Peskov", "WaPo"),
        plain_article("no-outlet", "Peskov said maybe.", "Peskov", None),
    ]
    for article, analysis in reversed(items) if surname_first else items:
        store.save(article, analysis)
    assert identity_keys(store) == {
        "full": "dmitry peskov",
        "short": "dmitry peskov",
        "elsewhere": "peskov",
        "no-outlet": "peskov",
    }


@pytest.mark.parametrize("surname_first", [False, True])
def test_the_surname_rule_takes_an_outlet_in_any_case_as_the_filters_do(store: Store, surname_first: bool) -> None:
    """ "NYT" and "nyt" are one outlet to the outlet filter (and its list), so one outlet to the surname rule."""
    items = [
        plain_article("full", "Dmitry Peskov said the talks were over.", "Dmitry Peskov", "NYT"),
        plain_article("short", "Peskov said no.", "Peskov", "nyt"),
        plain_article("other", "Peskov said yes.", "Peskov", "The Nyt Review"),
    ]
    for article, analysis in reversed(items) if surname_first else items:
        store.save(article, analysis)
    assert identity_keys(store) == {"full": "dmitry peskov", "short": "dmitry peskov", "other": "peskov"}


def test_a_surname_shared_by_two_full_names_stays_alone(store: Store) -> None:
    store.save(*plain_article("short", "DeSantis said no.", "DeSantis", "NYT"))
    store.save(*plain_article("ron", "Ron DeSantis said no.", "Ron DeSantis", "NYT"))
    assert identity_keys(store)["short"] == "ron desantis"
    store.save(*plain_article("casey", "Casey DeSantis said yes.", "Casey DeSantis", "NYT"))
    assert identity_keys(store) == {"short": "desantis", "ron": "ron desantis", "casey": "casey desantis"}


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_a_name_without_its_middle_initial_joins_the_fuller_name_of_its_outlet(
    store: Store, order: tuple[int, ...]
) -> None:
    items = [
        plain_article("fuller", "Nadia K. Osei said the vote was fair.", "Nadia K. Osei", "NYT"),
        plain_article("shorter", "Nadia Osei said the count was slow.", "Nadia Osei", "NYT"),
        plain_article("surname", "Osei said no.", "Osei", "NYT"),
    ]
    for i in order:
        store.save(*items[i])
    assert identity_keys(store) == {"fuller": "nadia k osei", "shorter": "nadia k osei", "surname": "nadia k osei"}


def test_a_shorter_name_stays_alone_when_two_fuller_names_fit_it(store: Store) -> None:
    store.save(*plain_article("shorter", "Nadia Osei said no.", "Nadia Osei", "NYT"))
    store.save(*plain_article("k", "Nadia K. Osei said no.", "Nadia K. Osei", "NYT"))
    assert identity_keys(store)["shorter"] == "nadia k osei"
    store.save(*plain_article("m", "Nadia M. Osei said yes.", "Nadia M. Osei", "NYT"))
    assert identity_keys(store) == {"shorter": "nadia osei", "k": "nadia k osei", "m": "nadia m osei"}


def test_anonymous_sources_never_merge_with_named_ones(store: Store) -> None:
    store.save(*plain_article("named", "Officials Smith said no.", "Officials Smith", "NYT"))
    store.save(*plain_article("anon", "Officials said no.", "Officials", "NYT", named=False))
    assert identity_keys(store)["anon"] == "anon:officials"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "sqlite:///accordingto.sqlite"),
        ("", "sqlite:///accordingto.sqlite"),
        ("runs/corpus.sqlite", "sqlite:///runs/corpus.sqlite"),
        ("sqlite:////tmp/x.sqlite", "sqlite:////tmp/x.sqlite"),
        ("postgresql://u:p@db:5432/news", "postgresql+psycopg://u:p@db:5432/news"),
        ("postgres://db/news", "postgresql+psycopg://db/news"),
        ("postgresql+psycopg://db/news", "postgresql+psycopg://db/news"),
    ],
)
def test_store_urls_are_normalized(given: str | None, expected: str) -> None:
    assert normalize_url(given) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nosuchdb://host/x", "not a usable store URL"),
        ("postgresql://:bad:port:/x", "not a usable store URL"),
        ("postgresql://someone:secret@127.0.0.1:1/news", "cannot open the store"),
        ("/no/such/folder/store.sqlite", "does not exist"),
    ],
)
def test_a_bad_store_url_is_a_clear_store_error(url: str, message: str) -> None:
    with pytest.raises(StoreError) as raised:
        open_store(url)
    assert message in str(raised.value)
    assert "secret" not in str(raised.value)


def test_the_default_store_is_a_file_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        store.save(*plain_article("a", "Ann Lee said yes.", "Ann Lee", None))
    assert (tmp_path / "accordingto.sqlite").is_file()


def several_sources_article(article_id: str, speakers: list[str], outlet: str) -> tuple[Article, Analysis]:
    """One statement by each speaker, in this order."""
    text = " ".join(f"{speaker} said number {number} was right." for number, speaker in enumerate(speakers))
    attributions, people = [], []
    after = 0
    for number, speaker in enumerate(speakers):
        said = f"number {number} was right"
        start = text.index(speaker, after)
        after = start + len(speaker)
        attributions.append(attribution(text, f"a{number + 1}", speaker, "said", said, f"s{number + 1}"))
        people.append(source(f"s{number + 1}", speaker))
    analysis = Analysis(text=text, attributions=attributions, sources=people)
    return Article(text=text, id=article_id, outlet=outlet, published="2024-01-02"), analysis


def test_two_writers_at_once_on_postgresql_neither_deadlock_nor_lose_counts(
    new_database_url: Callable[[], str],
) -> None:
    """Two processes writing to one PostgreSQL store (a Dask run with --db, two `run`s): here two engines in two
    threads, each saving articles of its own outlet that quote the same people in opposite orders. The triggers
    count every statement in rows the two share (aliases, per-source totals), so without the writers taking
    turns one of them would lock those rows in the other's opposite order and deadlock."""
    url = new_database_url()
    people = [f"Person {letter} Example" for letter in "ABCDEFGH"]
    failures: list[BaseException] = []

    def write(store: Store, outlet: str, speakers: list[str]) -> None:
        try:
            for number in range(12):
                store.save(*several_sources_article(f"{outlet}-{number}", speakers, outlet))
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)

    with open_store(url) as first, open_store(url) as second:
        writers = [
            threading.Thread(target=write, args=(first, "Left Daily", people)),
            threading.Thread(target=write, args=(second, "Right Daily", list(reversed(people)))),
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=300)
        assert not failures, failures
        with first.connect() as connection:
            totals = dict(connection.execute(select(source_totals.c.source_key, source_totals.c.attributions)).all())
    assert totals == {name.lower(): 24 for name in people}
