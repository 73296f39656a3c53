"""Evaluation end to end: the library function with injected predictions, and the installed command."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from accordingto.evaluate import evaluate, read_annotated
from accordingto.model import Analysis, Article
from accordingto.outcome import Failure, Outcome
from terminal import run_on_terminal

FIXTURES = Path(__file__).parent / "fixtures" / "polnear-mini"


def _oracle(fail_on: str | None = None) -> Any:
    """An analyzer that predicts the gold attributions (and fails on the article named ``fail_on``)."""
    gold = {article.name: article.attributions for article in read_annotated(FIXTURES)}

    def analyzer(articles: Iterable[Article], **_: Any) -> Iterator[Outcome]:
        for article in articles:
            assert article.id is not None
            if article.id == fail_on:
                yield Outcome(article=article, error=Failure("analyze", article.id, "component failed"))
            else:
                yield Outcome(article=article, analysis=Analysis(text=article.text, attributions=gold[article.id]))

    return analyzer


def test_perfect_predictions_score_one() -> None:
    evaluation = evaluate(read_annotated(FIXTURES), analyzer=_oracle())
    assert evaluation.failures == []
    assert evaluation.scores.articles == 2
    assert evaluation.scores.all.attribution.f1 == 1.0
    assert evaluation.scores.all.attribution.gold == 6
    assert evaluation.scores.direct.attribution.gold == 2


def test_progress_hears_of_each_article_out_of_the_total() -> None:
    heard: list[tuple[str, int, int | None]] = []
    evaluate(read_annotated(FIXTURES), analyzer=_oracle(), progress=lambda *call: heard.append(call), total=2)
    assert heard == [("analysing", 0, 2), ("analysing", 1, 2), ("analysing", 2, 2)]


def test_a_failed_article_counts_as_finding_nothing() -> None:
    evaluation = evaluate(read_annotated(FIXTURES), analyzer=_oracle(fail_on="mini_2016-01-02_b"))
    assert [str(error) for error in evaluation.failures] == ["mini_2016-01-02_b: component failed"]
    attribution = evaluation.scores.all.attribution
    assert (attribution.precision, attribution.recall) == (1.0, 0.5)
    assert evaluation.to_dict()["failures"] == ["mini_2016-01-02_b: component failed"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/polnear"], "no such folder"),
        ([str(FIXTURES), "--split", "test"], "expected test/text/"),
        ([str(FIXTURES), "--limit", "0"], "Invalid value for '--limit'"),
    ],
)
def test_cli_bad_input_is_one_line(cli: str, args: list[str], message: str) -> None:
    done = subprocess.run([cli, "evaluate", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_scores_the_fixture(cli: str) -> None:
    table = subprocess.run([cli, "evaluate", str(FIXTURES)], capture_output=True, text=True, timeout=300)
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith("2 articles")
    assert "token content" in table.stdout and "direct quotes" in table.stdout
    done = subprocess.run(
        [cli, "evaluate", str(FIXTURES / "dev"), "--json", "--limit", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["articles"] == 1
    assert data["all"]["attribution"]["gold"] == 3
    assert data["failures"] == []
    for subset in ("all", "direct"):
        for value in data[subset]["token"].values():
            assert 0.0 <= value["f1"] <= 1.0


def test_cli_shows_a_progress_bar_on_a_terminal_only(cli: str) -> None:
    piped = subprocess.run([cli, "evaluate", str(FIXTURES)], capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and piped.stderr == ""
    returncode, shown = run_on_terminal(cli, "evaluate", str(FIXTURES))
    assert returncode == 0
    assert b"analysing" in shown and b"2/2" in shown
