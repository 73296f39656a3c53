"""The terminal view: summary first, then sources, then attributions, with stance, nesting and time notes."""

from __future__ import annotations

import dataclasses

import pytest

from accordingto.model import Analysis
from accordingto.write.text import render_text


def test_summary_comes_first_then_sources_then_attributions(example_analysis: Analysis) -> None:
    shown = render_text(example_analysis)
    lines = shown.splitlines()
    assert lines[0] == "12 attributions (direct 3, indirect 8, mixed 1)"
    assert "by source kind: person 7, government 2, group 1, media 1, unknown 1" in shown
    assert "attributed anonymously: 42%" in shown
    assert "distinct sources: 4 named, 3 anonymous" in shown
    assert "upstream reports: The New York Times" in shown
    assert shown.index("upstream reports") < shown.index("Sources (7)") < shown.index("Attributions (12)")


def test_sources_show_their_profile(example_analysis: Analysis) -> None:
    sources = render_text(example_analysis, width=160).split("Attributions (")[0]
    assert "anonymous" in sources and "named" in sources
    assert "count 2" in sources
    assert "qualifiers former, senior" in sources
    assert "affiliation Russia" in sources
    assert "role spokesman of Vladimir Putin" in sources


@pytest.mark.parametrize(
    "note",
    ["denial", "hedged", "negated", "within a1", "via The New York Times", "2023-12-19", "he → Vladimir Putin"],
)
def test_attributions_carry_their_notes(example_analysis: Analysis, note: str) -> None:
    assert note in render_text(example_analysis, width=200)


@pytest.mark.parametrize("width", [80, 120])
def test_lines_fit_the_width(example_analysis: Analysis, width: int) -> None:
    assert max(len(line) for line in render_text(example_analysis, width=width).splitlines()) <= width


def test_an_analysis_without_attributions_is_one_line() -> None:
    assert render_text(Analysis(text="Nothing is reported here.")) == "0 attributions (direct 0, indirect 0, mixed 0)\n"


def test_a_hypothetical_attribution_says_so(example_analysis: Analysis) -> None:
    """The example reports nothing imagined; marked by hand, one attribution's notes name the flag."""
    assert "hypothetical" not in render_text(example_analysis, width=200)
    first, *rest = example_analysis.attributions
    marked = dataclasses.replace(example_analysis, attributions=[dataclasses.replace(first, hypothetical=True), *rest])
    assert "hypothetical" in render_text(marked, width=200)
