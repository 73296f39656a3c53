"""Which predictions the scorer counts as right, and the reliability table of their confidences."""

from __future__ import annotations

import pytest

from accordingto.evaluate.calibration import format_reliability, matched_predictions, reliability
from accordingto.model import Attribution

TEXT = "Putin said Russia will win. Biden said America will help. The weather was cold."


def attribution(source: str, cue: str, content: str, confidence: float = 1.0) -> Attribution:
    def ranges(part: str) -> list[tuple[int, int]]:
        start = TEXT.index(part)
        return [(start, start + len(part))]

    return Attribution.from_ranges(
        TEXT,
        id="x",
        type="indirect",
        source=ranges(source),
        cue=ranges(cue),
        content=ranges(content),
        confidence=confidence,
    )


def test_matched_predictions_follow_the_attribution_matching() -> None:
    gold = [attribution("Putin", "said", "Russia will win"), attribution("Biden", "said America", "America will help")]
    predicted = [
        attribution("Putin", "said", "Russia will"),  # holds half of the content or more, same source: right
        attribution("weather", "was", "cold"),  # touches nothing
        attribution("Putin", "said", "America will help"),  # the content of Biden's, with Putin as source
    ]
    assert matched_predictions(TEXT, gold, predicted) == [True, False, False]
    assert matched_predictions(TEXT, gold, []) == []


def test_one_gold_attribution_makes_one_prediction_right() -> None:
    gold = [attribution("Putin", "said", "Russia will win")]
    twice = [attribution("Putin", "said", "Russia will win"), attribution("Putin", "said", "Russia will win")]
    assert sorted(matched_predictions(TEXT, gold, twice)) == [False, True]


def test_reliability_bins_and_expected_calibration_error() -> None:
    pairs = [(0.85, True)] * 8 + [(0.85, False)] * 2 + [(0.15, False)] * 9 + [(0.15, True)]
    result = reliability(pairs, n_bins=10)
    bins = {round(b.low, 1): b for b in result.bins if b.count}
    assert set(bins) == {0.1, 0.8}
    assert bins[0.8].count == 10 and bins[0.8].observed == pytest.approx(0.8)
    assert bins[0.1].observed == pytest.approx(0.1) and bins[0.1].mean_confidence == pytest.approx(0.15)
    assert result.ece == pytest.approx(0.05)
    assert result.count == 20
    assert "expected calibration error 0.050" in format_reliability(result)


def test_a_confidence_of_one_falls_in_the_last_bin() -> None:
    result = reliability([(1.0, True)], n_bins=10)
    assert result.bins[-1].count == 1 and result.ece == 0.0
