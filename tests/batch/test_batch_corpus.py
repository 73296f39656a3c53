"""Corpus runs into a store: idempotent, resumable, failures recorded (library, on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from sqlalchemy import func, select

from accordingto.batch.corpus import run_corpus
from accordingto.batch.runner import BatchProgress
from accordingto.model import Article
from accordingto.outcome import Failure
from accordingto.store import Store
from accordingto.store.schema import articles
from exploding import exploding_pipeline


@pytest.fixture
def exploding() -> Language:
    return exploding_pipeline()


def stored(store: Store) -> dict[str, str | None]:
    with store.connect() as connection:
        return dict(connection.execute(select(articles.c.id, articles.c.error)).all())


def count_rows(store: Store) -> int:
    with store.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(articles)).scalar_one())


def corpus(folder: Path) -> list[str]:
    """Three text files, a JSON Lines file with one good and one bad line, and a text with no attribution."""
    (folder / "texts").mkdir()
    (folder / "texts" / "a.txt").write_text("Dmitry Peskov said the talks were over.")
    (folder / "texts" / "b.txt").write_text('"We are ready," the minister told reporters.')
    (folder / "texts" / "c.txt").write_text("The weather was mild on Sunday.")
    lines = [json.dumps({"id": "j1", "text": "Officials said nothing.", "outlet": "NYT"}), "{broken"]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    return [str(folder / "texts"), str(folder / "feed.jsonl")]


def test_a_run_stores_each_article_once_and_a_second_run_skips_them(
    store: Store, tmp_path: Path, nlp: Language
) -> None:
    inputs = corpus(tmp_path)
    seen: list[BatchProgress] = []
    first = run_corpus(inputs, store, batch_size=2, nlp=nlp, on_progress=seen.append)
    assert (first.progress.analysed, first.progress.skipped, first.progress.unreadable) == (4, 0, 1)
    assert [str(f) for f in first.failures] == [
        f"{inputs[1]}:2: not valid JSON: Expecting property name enclosed in double quotes at column 2"
    ]
    assert not first.ok and not first.interrupted
    assert seen[-1].done == 5
    assert stored(store) == {"a": None, "b": None, "c": None, "j1": None}

    second = run_corpus(inputs, store, batch_size=2, nlp=nlp)
    assert (second.progress.analysed, second.progress.skipped) == (0, 4)
    assert count_rows(store) == 4
    analysis = store.analysis("a")
    assert analysis is not None and analysis.text == "Dmitry Peskov said the talks were over."


def test_a_changed_article_is_analysed_again(store: Store, tmp_path: Path, nlp: Language) -> None:
    inputs = corpus(tmp_path)
    run_corpus(inputs, store, nlp=nlp)
    (tmp_path / "texts" / "c.txt").write_text("The weather was cold on Monday, the forecaster said.")
    again = run_corpus(inputs, store, nlp=nlp)
    assert (again.progress.analysed, again.progress.skipped) == (1, 3)
    analysis = store.analysis("c")
    assert analysis is not None and "cold" in analysis.text and count_rows(store) == 4


def test_a_failing_article_is_recorded_with_its_error_and_retried_next_time(store: Store, exploding: Language) -> None:
    items: list[Article | Failure] = [
        Article(text="Ann said yes.", id="good"),
        Article(text="This will EXPLODE.", id="bad"),
        Failure("read", "feed.jsonl:3", "not valid JSON"),
    ]
    report = run_corpus(items, store, nlp=exploding)
    assert (report.progress.analysed, report.progress.failed, report.progress.unreadable) == (1, 1, 1)
    analysis_failure, read_failure = report.failures
    assert (analysis_failure.stage, analysis_failure.where, analysis_failure.error) == (
        "analyze",
        "bad",
        "AnalysisFailedError",
    )
    assert "boom" in analysis_failure.reason and read_failure == items[2]
    errors = stored(store)
    assert errors["good"] is None and errors["bad"] is not None and "boom" in errors["bad"]
    # A failed article is not "done": the next run tries it again (and still records one row for it).
    retry = run_corpus(items[:2], store, nlp=exploding)
    assert (retry.progress.skipped, retry.progress.failed) == (1, 1)
    assert count_rows(store) == 2


def test_bad_run_settings_are_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        run_corpus([], store, jobs=0)
