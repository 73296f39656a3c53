"""Time: time expressions found, normalized against the publication date, and given to attributions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accordingto.anchor.time import TimeAnchoring, anchor_attributions, date_in_text, find_time_expressions
from accordingto.annotations import PARENTS, TIMES
from accordingto.errors import MissingStageError
from accordingto.link.nesting import find_parents
from accordingto.model import TimeAnchor
from handspans import example_doc, make_doc


def times(text: str, attributions: list[dict[str, Any]], published: str | None) -> dict[str, Any]:
    """``{aid: (text, value) or None}`` after nesting (cue clauses depend on it)."""
    doc = make_doc(text, attributions, published)
    PARENTS.set(doc, find_parents(doc))
    return {aid: (t.text, t.value) if t else None for aid, t in anchor_attributions(doc).items()}


def said(content: str, cue: Any = "said") -> dict[str, Any]:
    return {"source": None, "cue": cue, "content": content}


# (label, text, attributions, published, expected {aid: (text, value) or None})
CASES: list[tuple[str, str, list[dict[str, Any]], str | None, dict[str, Any]]] = [
    ("no attribution", "On Tuesday the sky was blue.", [], "2023-12-23", {}),
    ("no date", "He said taxes would rise.", [said("taxes would rise")], "2023-12-23", {"a1": None}),
    (
        "weekday and date against the publication date",
        "Addressing generals on Tuesday, December 19, he boasted that troops advance.",
        [said("that troops advance", "boasted")],
        "2023-12-23",
        {"a1": ("Tuesday, December 19", "2023-12-19")},
    ),
    (
        "the occasion before the speaker, inside the previous attribution's content",
        "Putin says that goals have not changed, and addressing generals on Tuesday, December 19, he boasted that"
        " troops advance.",
        [
            said("that goals have not changed, and addressing generals on Tuesday, December 19", "says"),
            said("that troops advance", "boasted"),
        ],
        "2023-12-23",
        {"a1": ("Tuesday, December 19", "2023-12-19"), "a2": ("Tuesday, December 19", "2023-12-19")},
    ),
    (
        "weekday alone",
        "He said on Monday that taxes would rise.",
        [said("that taxes would rise")],
        "2023-12-23",
        {"a1": ("Monday", "2023-12-18")},
    ),
    (
        "a weekday that is the publication day is that day",
        "An official said Friday that hackers struck.",
        [said("that hackers struck")],
        "2016-09-30",
        {"a1": ("Friday", "2016-09-30")},
    ),
    (
        "a time relative to an event is kept, not normalized",
        "He said the day after Monday that taxes would rise.",
        [said("that taxes would rise")],
        "2016-09-30",
        {"a1": ("the day after Monday", None)},
    ),
    (
        "a bare number is not a time",
        "Clinton, 68, and Trump, 70, said taxes would rise.",
        [said("taxes would rise")],
        "2016-09-30",
        {"a1": None},
    ),
    (
        "now in the cue clause: the publication day",
        "Putin is now making it clear that he is ready.",
        [said("that he is ready", "making it clear")],
        "2023-12-23",
        {"a1": ("now", "2023-12-23")},
    ),
    (
        "now in the content is not the time of the statement",
        "He said Russia now holds the city.",
        [said("Russia now holds the city")],
        "2023-12-23",
        {"a1": None},
    ),
    (
        "this weekend in a Monday paper: the weekend just past",
        "In a panel this weekend, Morial told a young woman that voting matters.",
        [said("that voting matters", "told")],
        "2016-09-19",
        {"a1": ("this weekend", "2016-W37-WE")},
    ),
    (
        "yesterday",
        "He said yesterday that taxes would rise.",
        [said("that taxes would rise")],
        "2016-09-12",
        {"a1": ("yesterday", "2016-09-11")},
    ),
    (
        "month and year",
        "In March 2020 he said taxes would rise.",
        [said("taxes would rise")],
        None,
        {"a1": ("March 2020", "2020-03")},
    ),
    (
        "a relative day without a publication date is not normalized",
        "He said on Monday that taxes would rise.",
        [said("that taxes would rise")],
        None,
        {"a1": ("Monday", None)},
    ),
    (
        "a 'Published' line stands in for the publication date",
        "Published: March 3, 2021\nHe said on Monday that taxes would rise.",
        [said("that taxes would rise")],
        None,
        {"a1": ("Monday", "2021-03-01")},
    ),
    (
        "season of a year",
        "She said in the fall of 2022 that she was tired.",
        [said("that she was tired")],
        None,
        {"a1": ("the fall of 2022", "2022-FA")},
    ),
    (
        "this fall",
        "An official who met them this fall said talks stalled.",
        [said("talks stalled")],
        "2023-12-23",
        {"a1": ("this fall", "2023-FA")},
    ),
    (
        "last spring",
        "He said last spring that talks stalled.",
        [said("that talks stalled")],
        "2023-12-23",
        {"a1": ("last spring", "2023-SP")},
    ),
    (
        "last winter during a winter",
        "He said last winter that talks stalled.",
        [said("that talks stalled")],
        "2023-12-23",
        {"a1": ("last winter", "2022-WI")},
    ),
    (
        "since: an open interval",
        "Officials say that since September 2023, Putin has signaled openness.",
        [said("that since September 2023, Putin has signaled openness", "say")],
        "2023-12-23",
        {"a1": ("since September 2023", "2023-09/..")},
    ),
    (
        "at the time: the previous anchor",
        "In March 2020 prices rose. At the time, he said taxes would rise.",
        [said("taxes would rise")],
        None,
        {"a1": ("At the time", "2020-03")},
    ),
    (
        "at the time with nothing before it",
        "At the time, he said taxes would rise.",
        [said("taxes would rise")],
        "2023-12-23",
        {"a1": ("At the time", None)},
    ),
    (
        "a year earlier: the previous anchor shifted",
        "In March 2020 prices rose. A year earlier, he said taxes would rise.",
        [said("taxes would rise")],
        None,
        {"a1": ("A year earlier", "2019-03")},
    ),
    (
        "an explicit apposition wins over 'a year earlier'",
        "In September 2023 talks began. He said a year earlier, in the fall of 2022, that talks would fail.",
        [said("that talks would fail")],
        None,
        {"a1": ("a year earlier, in the fall of 2022", "2022-FA")},
    ),
    (
        "decade",
        "He said in the 1990s that taxes would rise.",
        [said("that taxes would rise")],
        None,
        {"a1": ("the 1990s", "199X")},
    ),
    (
        "an age is not a time",
        "The 60-year-old senator said taxes would rise.",
        [said("taxes would rise")],
        "2023-12-23",
        {"a1": None},
    ),
    (
        "last week: an ISO week",
        "He said last week that taxes would rise.",
        [said("that taxes would rise")],
        "2023-12-23",
        {"a1": ("last week", "2023-W50")},
    ),
    (
        "a bare plural is not a time",
        "He said for decades that taxes would rise.",
        [said("that taxes would rise")],
        "2023-12-23",
        {"a1": None},
    ),
    (
        "'the days' is not a time",
        "The state had added the additional week in the days before the vote, he said.",
        [said("The state had added the additional week in the days before the vote")],
        "2016-09-25",
        {"a1": None},
    ),
    (
        "an approximate time ago is read as the round figure",
        "His plan began more than a year ago, he said.",
        [said("His plan began more than a year ago")],
        "2016-10-04",
        {"a1": ("more than a year ago", "2015")},
    ),
    (
        "an approximate duration is not a time",
        "Clinton says Trump may not have paid taxes for nearly two decades.",
        [said("Trump may not have paid taxes for nearly two decades", "says")],
        "2016-10-03",
        {"a1": None},
    ),
    (
        "a duration is not a time",
        "He said for two years that taxes would rise.",
        [said("that taxes would rise")],
        "2023-12-23",
        {"a1": None},
    ),
    (
        "cue clause before content",
        "On Monday he said that taxes rose in 2019.",
        [said("that taxes rose in 2019")],
        "2023-12-23",
        {"a1": ("Monday", "2023-12-18")},
    ),
    (
        "content when the cue clause has none",
        "He said that taxes rose in 2019.",
        [said("that taxes rose in 2019")],
        "2023-12-23",
        {"a1": ("2019", "2019")},
    ),
    (
        "each cue takes the nearer date",
        "Putin says goals have not changed, and addressing generals on Tuesday, he boasted that troops win.",
        [said("goals have not changed", "says"), said("that troops win", "boasted")],
        "2023-12-23",
        {"a1": None, "a2": ("Tuesday", "2023-12-19")},
    ),
]


@pytest.mark.parametrize(("label", "text", "attributions", "published", "expected"), CASES, ids=[c[0] for c in CASES])
def test_times(
    label: str, text: str, attributions: list[dict[str, Any]], published: str | None, expected: dict[str, Any]
) -> None:
    assert times(text, attributions, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: March 3, 2021\nText.", dt.date(2021, 3, 3)),
        ("Headline\nWASHINGTON, Dec. 5, 2016 — Text.", dt.date(2016, 12, 5)),
        ("Headline\n2016-09-12\nText.", dt.date(2016, 9, 12)),
        ("Headline\nOn Monday he said taxes rose.", None),
        ("No date at all.", None),
    ],
)
def test_date_in_text(text: str, expected: dt.date | None) -> None:
    assert date_in_text(text) == expected


def test_expressions_carry_offsets() -> None:
    doc = make_doc("He spoke in the fall of 2022.", [], None)
    (expression,) = find_time_expressions(doc, None)
    assert doc.text[expression.start : expression.end] == expression.text == "the fall of 2022"


def test_component_writes_time() -> None:
    doc = make_doc("He said on Monday that taxes would rise.", [said("that taxes would rise")], "2023-12-23")
    PARENTS.set(doc, find_parents(doc))
    TimeAnchoring(None, "accordingto_time")(doc)  # type: ignore[arg-type]
    assert TIMES.require(doc) == {"a1": TimeAnchor(text="Monday", start=11, end=17, value="2023-12-18")}


def test_time_needs_the_nesting() -> None:
    doc = make_doc("He said on Monday that taxes would rise.", [said("that taxes would rise")], "2023-12-23")
    with pytest.raises(MissingStageError, match="accordingto_nesting"):
        anchor_attributions(doc)


EXAMPLE_TIMES = {
    "a1": ("the fall of 2022", "2022-FA"),
    "a2": ("the fall of 2022", "2022-FA"),
    "a4": None,  # "says": present tense, no time in its clause
    "a7": ("now", "2023-12-23"),  # "Putin is now making it clear"
    "a5": ("Tuesday, December 19", "2023-12-19"),
    "a6": ("at the time", "2023-12-19"),
    "a8": ("since September 2023", "2023-09/.."),
    "a9": ("since September 2023", "2023-09/.."),
    "a10": ("a year earlier, in the fall of 2022", "2022-FA"),
    "a11": ("At the time", "2022-FA"),
    "a12": ("At the time", "2022-FA"),
    "a13": ("this fall", "2023-FA"),
    "a27": None,
}


def test_example_article() -> None:
    doc = example_doc()
    PARENTS.set(doc, find_parents(doc))
    found = anchor_attributions(doc)
    assert {aid: (t.text, t.value) if (t := found[aid]) else None for aid in EXAMPLE_TIMES} == (EXAMPLE_TIMES)


@pytest.mark.parametrize(
    "text",
    [
        "The plant closed in the summer of 2016 and reopened last winter.",
        "THE WEEKEND SALES FELL; BACK THEN, IN THE 1990S, THEY ROSE.",
        "Three weeks later, at the time of the vote, she was now in charge.",
        # Letters a case-insensitive pattern reads as ASCII: the long s, dotless and dotted I, the Kelvin sign.
        "Sales fell in the \u017fummer of 2016 and at the t\u0131me of the vote, and \u0130n the WEE\u212aEND.",
        "Nothing here is a time at all.",
    ],
)
def test_skipping_patterns_by_their_words_finds_the_same_candidates(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A pattern is not run over a text without any of its words: what is found must not change.
    import spacy

    from accordingto.anchor import time as anchor_time

    doc = spacy.blank("en")(text)

    def found() -> list[tuple[int, int, str]]:
        return [(c.start, c.end, c.kind) for c in anchor_time._candidates(doc)]

    skipped = found()
    monkeypatch.setattr(anchor_time, "_PATTERN_WORDS", dict.fromkeys(anchor_time._PATTERNS, ("",)))
    assert skipped == found()
