"""Error categories of unmatched attributions, on tiny hand-made cases."""

from __future__ import annotations

import pytest
from test_metrics import att

from accordingto.evaluate.errors import (
    CATEGORIES,
    EXTRA,
    MISSED,
    OTHER_GOLD,
    SHORT_CONTENT,
    SPLIT,
    WRONG_SOURCE,
    ErrorAnalysis,
)

TEXT = "Officials said the deal was dead on arrival. The mayor thinks rain will come. Lee saw the game."


def gold() -> list:  # type: ignore[type-arg]
    return [
        att(TEXT, "Officials", "said", "the deal was dead on arrival"),
        att(TEXT, "The mayor", "thinks", "rain will come"),
    ]


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        pytest.param(lambda: gold(), {}, id="perfect"),
        pytest.param(list, {MISSED: 2}, id="nothing-found"),
        pytest.param(
            lambda: [gold()[0], att(TEXT, "rain", "thinks", "rain will come")],
            {WRONG_SOURCE: 1, SPLIT: 1},
            id="wrong-source",
        ),
        pytest.param(
            lambda: [gold()[0], att(TEXT, "The mayor", "thinks", "rain")],
            {SHORT_CONTENT: 1, SPLIT: 1},
            id="content-too-short",
        ),
        pytest.param(lambda: [*gold(), att(TEXT, "Lee", "saw", "the game")], {EXTRA: 1}, id="extra"),
    ],
)
def test_unmatched_attributions_fall_in_one_category(predicted, expected: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    analysis = ErrorAnalysis(keep=1)
    analysis.add("doc", TEXT, gold(), predicted())
    assert {c: n for c, n in analysis.counts.items() if n} == expected


def test_a_prediction_fitting_two_golds_leaves_one_taken() -> None:
    text = "They said: yes and no."
    gold_items = [att(text, "", "said", "yes"), att(text, "", "said", "yes and no")]
    analysis = ErrorAnalysis()
    analysis.add("doc", text, gold_items, [att(text, "", "said", "yes and no")])
    assert {c: n for c, n in analysis.counts.items() if n} == {OTHER_GOLD: 1}


def test_examples_are_kept_up_to_the_limit_and_formatted() -> None:
    analysis = ErrorAnalysis(keep=1)
    for name in ("first", "second"):
        analysis.add(name, TEXT, gold(), [])
    assert analysis.counts[MISSED] == 4
    assert [example[0] for example in analysis.examples[MISSED]] == ["first"]
    table = analysis.format()
    assert all(category in table for category in CATEGORIES)
    assert analysis.to_dict()["counts"][MISSED] == 4
