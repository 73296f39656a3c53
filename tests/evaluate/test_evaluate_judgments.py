"""Matching an output to a hand judgment: the one rule the news benchmark, the golden tests and any model fitted on
judged news share."""

from __future__ import annotations

from typing import Any

import pytest

from accordingto.evaluate.judgments import match, normal_name, right_names, speakers_shown

LINES: list[dict[str, Any]] = [
    {"content": "the bridge would reopen", "cue": "said", "statement": True, "speaker": "Orla Fenwick"},
    {"content": "the bridge would reopen by", "cue": "insisted", "statement": True, "speaker": "Harbour Board"},
    {"content": "Repairs were", "cue": "told", "statement": True, "speaker": ["ferry operator", "Skerry Lines"]},
]


@pytest.mark.parametrize(
    ("content", "cue", "expected"),
    [
        # the longest start wins when the cue does not decide
        ("The bridge would reopen by spring", "claimed", 1),
        # the cue chooses between two lines that both start the content
        ("the bridge would reopen by spring", "said", 0),
        # quotation marks, case and spacing aside
        ("“Repairs  were late,”", "told", 2),
        # no line starts the content: unjudged
        ("Nobody expected the storm", "said", None),
    ],
)
def test_an_output_is_matched_to_the_line_its_content_starts_with(content: str, cue: str, expected: int | None) -> None:
    found = match({"content_text": content, "cue_text": cue}, LINES)
    assert found is (None if expected is None else LINES[expected])


@pytest.mark.parametrize(
    ("name", "normalised"),
    [("The Ferry Operator", "ferry operator"), ("an engineer", "engineer"), ("Theo Marsh", "theo marsh"), (None, None)],
)
def test_a_display_name_is_compared_without_case_or_a_leading_article(name: str | None, normalised: str | None) -> None:
    assert normal_name(name) == normalised


def test_a_line_may_accept_several_names_or_none() -> None:
    assert right_names(LINES[2]) == {"ferry operator", "skerry lines"}
    assert right_names({"content": "x", "statement": True, "speaker": None}) == {None}


def test_each_attribution_is_shown_with_its_sources_name() -> None:
    output = {
        "sources": [{"id": "s1", "name": "Orla Fenwick"}],
        "attributions": [{"source_id": "s1", "cue_text": "said"}, {"source_id": None, "cue_text": "reportedly"}],
    }
    assert [a["speaker"] for a in speakers_shown(output)] == ["Orla Fenwick", None]
