"""The one batch runner: input order, failures as data, and the same failure whatever the front end."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from accordingto import analyze, analyze_many
from accordingto.batch import runner
from accordingto.batch.corpus import run_corpus
from accordingto.batch.runner import BatchProgress, analyze_stream, failure_of
from accordingto.cluster import worker as cluster_worker
from accordingto.cluster.tasks import Task, list_inputs
from accordingto.errors import AnalysisFailedError, EmptyInputError, InputError
from accordingto.model import Article
from accordingto.outcome import Failure, Outcome
from accordingto.read import read_inputs
from accordingto.store import open_store
from exploding import exploding_pipeline


@pytest.fixture
def exploding() -> Language:
    return exploding_pipeline()


def shape(result: Outcome | Failure) -> tuple[str, str | None, str | None]:
    """(kind, article id, failure stage) of one result."""
    if isinstance(result, Failure):
        return ("read failure", None, result.stage)
    return ("outcome", result.article.id, result.error.stage if result.error else None)


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_results_come_in_input_order_and_failures_do_not_stop_the_stream(exploding: Language, batch_size: int) -> None:
    items: list[Article | Failure] = [
        Failure("read", "feed.jsonl:1", "not valid JSON"),
        Article(text="Ann said yes.", id="a"),
        Article(text="   ", id="blank"),
        Article(text="This will EXPLODE.", id="bad"),
        Article(text="Bo said no.", id="b", published="2024-13-01"),
        Article(text="Cy said maybe.", id="c"),
        Failure("read", "feed.jsonl:7", "no text"),
    ]
    results = list(analyze_stream(items, nlp=exploding, batch_size=batch_size))
    assert [shape(result) for result in results] == [
        ("read failure", None, "read"),
        ("outcome", "a", None),
        ("outcome", "blank", "read"),
        ("outcome", "bad", "analyze"),
        ("outcome", "b", "read"),
        ("outcome", "c", None),
        ("read failure", None, "read"),
    ]
    assert results[0] is items[0]
    assert results[2].error == Failure("read", "blank", "empty: no text to analyse", "EmptyInputError")
    counts = BatchProgress()
    for result in results:
        counts.count(result)
    assert (counts.analysed, counts.failed, counts.unreadable, counts.done) == (2, 1, 4, 7)


def test_nothing_to_analyse_loads_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model() -> Language:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(runner, "load_pipeline", no_model)
    failures = [Failure("read", "a.txt", "empty: no text to analyse")]
    assert list(analyze_stream(failures)) == failures
    assert list(analyze_stream([])) == []


def test_the_library_stream_is_the_runner(exploding: Language) -> None:
    [good, bad] = analyze_many([Article(text="Ann said yes.", id="a"), Article(text="EXPLODE", id="x")], nlp=exploding)
    assert good.analysis is not None and good.error is None
    reason = "analysis failed in test_exploding: RuntimeError: boom"
    assert bad.error == Failure("analyze", "x", reason, "AnalysisFailedError")
    with pytest.raises(AnalysisFailedError, match="boom") as raised:
        analyze("It will EXPLODE.", nlp=exploding)
    assert not isinstance(raised.value, InputError)  # a fault of ours, not of the input
    with pytest.raises(EmptyInputError):  # the input's own error, as before the pipeline
        analyze("  ", nlp=exploding)


def test_bad_settings_are_refused(exploding: Language) -> None:
    with pytest.raises(ValueError):
        analyze_stream([], jobs=0)
    with pytest.raises(ValueError, match="worker processes"):
        analyze_stream([], nlp=exploding, jobs=2)


def test_worker_processes_give_what_this_process_gives(nlp: Language) -> None:
    """``jobs=2`` (spawned workers, the full pipeline in each) yields the same results in the same order."""
    items: list[Article | Failure] = [
        Failure("read", "feed.jsonl:1", "not valid JSON"),
        Article(text="The minister said the talks had failed.", id="m"),
        Article(text="", id="empty"),
        Article(text='"We are ready," the mayor told reporters on Tuesday.', id="q", published="2024-05-02"),
    ]
    here = list(analyze_stream(items, nlp=nlp, batch_size=1))
    pooled = list(analyze_stream(items, batch_size=1, jobs=2))
    assert [shape(result) for result in pooled] == [shape(result) for result in here]
    assert [getattr(result, "analysis", None) for result in pooled] == [
        getattr(result, "analysis", None) for result in here
    ]


def test_the_three_front_ends_report_the_same_failures(
    exploding: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``analyze`` (the runner on read inputs), ``run`` (into a store) and a cluster task (on a worker) report a
    file that is no text and an article a component fails on with the same ``Failure``s."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Ann said yes.", encoding="utf-8")
    (corpus / "crash.txt").write_text("This will EXPLODE.", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    expected = [
        Failure("read", str(corpus / "binary.txt"), "binary content (NUL bytes), not text", "BinaryInputError"),
        Failure(
            "analyze",
            str(corpus / "crash.txt"),
            "analysis failed in test_exploding: RuntimeError: boom",
            "AnalysisFailedError",
        ),
    ]

    by_analyze = [failure_of(result) for result in analyze_stream(read_inputs([str(corpus)]), nlp=exploding)]
    with open_store(str(tmp_path / "runs.sqlite")) as store:
        by_run = run_corpus([str(corpus)], store, nlp=exploding).failures
    monkeypatch.setattr(cluster_worker, "_pipeline", exploding)
    pieces, unreadable = list_inputs([str(corpus)])
    assert unreadable == []
    by_cluster = cluster_worker.analyze_task(Task(index=0, pieces=tuple(pieces)), out=str(tmp_path / "out"))["failures"]

    assert [failure for failure in by_analyze if failure is not None] == expected
    assert by_run == expected
    assert by_cluster == expected


def test_every_component_of_the_model_runs_batch_by_batch_and_chunk_by_chunk(nlp: Language) -> None:
    """Everything up to the first accordingto stage runs on batches and on a long text's chunks, the vectorised
    token attributes and ``ner`` after them included: a component left to the stages runs on a whole long text
    at once, and ``ner`` then holds memory for every token of it."""
    model = runner.model_components(nlp)
    stages = [name for name in nlp.pipe_names if name not in model]
    assert {"tok2vec", "parser", "ner", "token_attributes"} <= set(model)
    assert stages and all(name.startswith("accordingto_") for name in stages)
