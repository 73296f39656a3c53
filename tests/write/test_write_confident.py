"""``leave_out_unlikely``: the analysis ``analyze --min-confidence`` prints, as if the less likely attributions had
never been found (nesting, upstream reports and the summary follow)."""

from __future__ import annotations

import dataclasses

import pytest

from accordingto.model import Analysis
from accordingto.write.confident import leave_out_unlikely


def graded(analysis: Analysis, low: set[str]) -> Analysis:
    """The example analysis with the attributions in ``low`` given 0.3 and the others 0.9."""
    return dataclasses.replace(
        analysis,
        attributions=[
            dataclasses.replace(item, confidence=0.3 if item.id in low else 0.9) for item in analysis.attributions
        ],
    )


@pytest.mark.parametrize(
    ("low", "floor", "kept", "upstream_credits"),
    [
        (set(), 0.5, 12, [["a1", "a10"]]),  # nothing under the floor: the same analysis
        ({"a2", "a12"}, 0.5, 10, [["a1", "a10"]]),
        ({"a1"}, 0.5, 11, [["a10"]]),  # a1 held a2 and was credited upstream: a2 is top-level now
        ({"a1", "a10"}, 0.5, 10, []),  # all the upstream report credited went: so does the report
        ({"a1", "a10"}, 0.3, 12, [["a1", "a10"]]),  # the floor itself is kept
        (set(), 0.95, 0, []),  # a floor above every confidence: an analysis without attributions
    ],
)
def test_what_is_kept_and_what_follows(
    example_analysis: Analysis, low: set[str], floor: float, kept: int, upstream_credits: list[list[str]]
) -> None:
    analysis = graded(example_analysis, low)
    result = leave_out_unlikely(analysis, floor)
    assert len(result.attributions) == kept
    assert all(item.confidence >= floor for item in result.attributions)
    ids = {item.id for item in result.attributions}
    assert all(item.parent is None or item.parent in ids for item in result.attributions)
    assert [report.attribution_ids for report in result.provenance] == upstream_credits
    assert result.summary.attributions == kept
    assert sum(result.summary.by_type.values()) == kept
    assert result.summary.upstream == [report.name for report in result.provenance]
    assert result.text == analysis.text and result.sources == analysis.sources
    if kept == len(analysis.attributions):
        assert result == analysis


def test_a_nested_attribution_loses_its_parent_only_when_the_parent_goes(example_analysis: Analysis) -> None:
    nested = next(item for item in example_analysis.attributions if item.parent is not None)
    kept_parent = leave_out_unlikely(graded(example_analysis, {"a12"}), 0.5)
    assert next(item for item in kept_parent.attributions if item.id == nested.id).parent == nested.parent
    lost_parent = leave_out_unlikely(graded(example_analysis, {nested.parent or ""}), 0.5)
    assert next(item for item in lost_parent.attributions if item.id == nested.id).parent is None
