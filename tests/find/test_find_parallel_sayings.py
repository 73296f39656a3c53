"""Two absolute clauses of saying joined by "and" ("with shopkeepers saying ... and parents saying ...") report two
statements by two sources (extract36), in sentences written for this test: the parse hangs the second pair inside
the first clause, so the first content ran over the second report, and the second speaker was lost. Guards: a
plain coordination inside what was said, another verb after "and", and texts with no statement."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tagged_groups import attributions

# (text, [(source, start of content)] for the "saying" cues, in order)
PAIRS = [
    (
        'The plan has divided the town, with shopkeepers saying it will "kill" the high street and parents saying'
        " it will make the roads safer.",
        [("shopkeepers", 'it will "kill" the high street'), ("parents", "it will make the roads safer")],
    ),
    (
        "The new ferry timetable has split the island, with fishermen saying it will cost them a day's catch and"
        " hoteliers saying it will bring more visitors.",
        [("fishermen", "it will cost them a day's catch"), ("hoteliers", "it will bring more visitors")],
    ),
]

# (text, the end of the one "saying" attribution's content): nothing split.
NOT_PAIRS = [
    # "and" joins two things said by the one speaker.
    (
        "Parents protested outside the gates, with one mother saying the fees had doubled and the buses had stopped.",
        "the buses had stopped",
    ),
    # Another verb after "and".
    (
        "Crowds gathered at the harbour, with the mayor saying the ferry would sail and police closing the road.",
        "police closing the road",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_two_parallel_sayings_are_two_statements(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    found = [(a.source_text, a.content_text) for a in attributions(nlp, text) if a.cue_text == "saying"]
    assert found == expected


@pytest.mark.parametrize(("text", "end"), NOT_PAIRS)
def test_one_saying_stays_one_statement(nlp: Language, text: str, end: str) -> None:
    found = [a.content_text for a in attributions(nlp, text) if a.cue_text == "saying"]
    assert [content.endswith(end) for content in found] == [True], found


NO_ATTRIBUTION = [
    "The plan has divided the town, with shops closing early and parents driving their children to school.",
]


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_no_saying_no_attribution(nlp: Language, text: str) -> None:
    assert [(a.source_text, a.cue_text) for a in attributions(nlp, text)] == []
