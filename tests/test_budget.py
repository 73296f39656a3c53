"""A budget per article: an article over it (time or memory) is recorded as failed with the reason, the batch goes
on, in every runner (this process, a pool worker's batch, a Dask task, the library's analyze)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from accordingto import Article, analyze, analyze_many, budget
from accordingto.batch.runner import analyze_batch
from accordingto.budget import Budget, Deadline
from accordingto.cli import main
from accordingto.cluster import worker as cluster_worker
from accordingto.cluster.tasks import Task, list_inputs
from accordingto.errors import AnalysisCancelledError, BudgetExceededError
from accordingto.outcome import Outcome
from slow_stages import QUICK, SLOW, SPIN_SECONDS, make_stages_slow, spin


@pytest.fixture
def slow_stages(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return make_stages_slow(nlp, monkeypatch)


def reasons(outcomes: list[Outcome]) -> list[str | None]:
    return [outcome.error.reason if outcome.error else None for outcome in outcomes]


def test_a_deadline_stops_at_the_checkpoint_after_its_time_is_spent() -> None:
    deadline = Budget(seconds=0.05, memory_mb=None).start()
    deadline.check("quotes")
    spin(0.06)
    with pytest.raises(BudgetExceededError, match="over the time budget") as raised:
        deadline.check("speakers")
    assert "stopped before speakers" in str(raised.value)
    with pytest.raises(BudgetExceededError):  # and it stays stopped
        deadline.check("time")


def test_a_deadline_counts_memory_growth(monkeypatch: pytest.MonkeyPatch) -> None:
    resident = [500 * budget.MB]
    monkeypatch.setattr(budget, "resident_bytes", lambda: resident[0])
    deadline = Budget(seconds=None, memory_mb=100).start()
    resident[0] += 90 * budget.MB
    deadline.check("nesting")
    resident[0] += 20 * budget.MB
    with pytest.raises(BudgetExceededError, match="over the memory budget: 110 MB more memory, the limit is 100 MB"):
        deadline.check("time")


def test_a_cancelled_deadline_stops_at_the_next_checkpoint() -> None:
    cancelled = threading.Event()
    deadline = Deadline(Budget(), cancelled=cancelled)
    deadline.check("quotes")
    cancelled.set()
    with pytest.raises(AnalysisCancelledError):
        deadline.check("attributions")


def test_budgets_are_positive_or_none() -> None:
    with pytest.raises(ValueError):
        Budget(seconds=0)
    assert Budget(seconds=None, memory_mb=None).describe() == "no limit"


def test_an_article_over_its_budget_fails_and_the_stream_goes_on(nlp: Language, slow_stages: list[str]) -> None:
    tight = Budget(seconds=SPIN_SECONDS * 1.5, memory_mb=None)
    articles = [Article(text=QUICK, id="a"), Article(text=SLOW, id="slow"), Article(text=QUICK, id="b")]
    outcomes = list(analyze_many(articles, nlp=nlp, budget=tight))
    assert [outcome.analysis is not None for outcome in outcomes] == [True, False, True]
    failure = outcomes[1].error
    assert failure is not None and (failure.stage, failure.where, failure.error) == (
        "analyze",
        "slow",
        "BudgetExceededError",
    )
    assert failure.reason.startswith("over the time budget")
    assert 2 <= len(slow_stages) <= 3  # stopped at the first checkpoint past its budget, not at the end
    # Without a budget the same article is analysed in full.
    slow_stages.clear()
    [outcome] = analyze_many([Article(text=SLOW, id="slow")], nlp=nlp, budget=None)
    assert outcome.analysis is not None and len(slow_stages) == 10


def test_analyze_raises_the_budget_error(nlp: Language, slow_stages: list[str]) -> None:
    with pytest.raises(BudgetExceededError, match="over the time budget"):
        analyze(SLOW, nlp=nlp, budget=Budget(seconds=SPIN_SECONDS / 2))


def test_a_worker_processes_batch_keeps_its_budget(nlp: Language, slow_stages: list[str]) -> None:
    """What a ``--jobs`` worker process runs on each batch (here in this process, with the same pipeline)."""
    results = analyze_batch([Article(text=SLOW, id="s"), Article(text=QUICK, id="q")], 16, Budget(seconds=0.3))
    assert reasons([r for r in results if isinstance(r, Outcome)])[1] is None
    assert str(reasons([r for r in results if isinstance(r, Outcome)])[0]).startswith("over the time budget")


def test_a_cluster_task_keeps_its_budget(
    nlp: Language, slow_stages: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "slow.txt").write_text(SLOW, encoding="utf-8")
    (tmp_path / "quick.txt").write_text(QUICK, encoding="utf-8")
    monkeypatch.setattr(cluster_worker, "_pipeline", nlp)
    pieces, _ = list_inputs([str(tmp_path)])
    summary = cluster_worker.analyze_task(Task(index=0, pieces=tuple(pieces)), budget=Budget(seconds=0.3))
    assert summary["articles"] == 1
    [failure] = summary["failures"]
    assert failure.where.endswith("slow.txt") and failure.reason.startswith("over the time budget")


def test_the_cli_takes_the_budget_and_reports_the_article(
    nlp: Language, slow_stages: list[str], tmp_path: Path
) -> None:
    (tmp_path / "slow.txt").write_text(SLOW, encoding="utf-8")
    (tmp_path / "quick.txt").write_text(QUICK, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--time-budget", "0.3"])
    assert result.exit_code == 1
    assert "slow.txt: over the time budget" in result.output
    assert '"content_text"' in result.output  # the quick one was still written
    # 0 is no limit
    assert CliRunner().invoke(main, ["analyze", str(tmp_path), "--time-budget", "0"]).exit_code == 0
