"""Provenance: the upstream reports an article relies on, their names, spans and linked attributions."""

from __future__ import annotations

from typing import Any

import pytest

from accordingto.annotations import PARENTS, PROVENANCE
from accordingto.errors import MissingStageError
from accordingto.link.nesting import find_parents
from accordingto.link.provenance import ProvenanceFinder, find_provenance
from accordingto.model import Provenance
from handspans import example_doc, make_doc


def provenance(text: str, attributions: list[dict[str, Any]]) -> list[Provenance]:
    """Nesting first (framing links only top-level attributions), then provenance."""
    doc = make_doc(text, attributions)
    PARENTS.set(doc, find_parents(doc))
    return find_provenance(doc)


SAID = [{"source": "Putin", "cue": "said", "content": "he is ready to talk"}]

# (label, text, attributions, expected [(name, [span texts], attribution ids)])
CASES: list[tuple[str, str, list[dict[str, Any]], list[tuple[str, list[str], list[str]]]]] = [
    ("no upstream report", "Putin said he is ready to talk.", SAID, []),
    ("no attribution, no outlet", "The sky was blue over Kyiv.", [], []),
    (
        "a mere mention is not a report",
        "Trump attacked The New York Times. Putin said he is ready to talk.",
        SAID,
        [],
    ),
    (
        "headline '- media'",
        "Putin is ready - media\nPutin said he is ready to talk.",
        SAID,
        [("media", ["media"], ["a1"])],
    ),
    (
        "headline '— Reuters'",
        "Putin is ready — Reuters\nPutin said he is ready to talk.",
        SAID,
        [("Reuters", ["Reuters"], ["a1"])],
    ),
    (
        "headline '– Russian media'",
        "Putin is ready – Russian media\nPutin said he is ready to talk.",
        SAID,
        [("Russian media", ["Russian media"], ["a1"])],
    ),
    (
        "wire dateline",
        "MOSCOW (AP) — Putin said he is ready to talk.",
        SAID,
        [("The Associated Press", ["AP"], ["a1"])],
    ),
    (
        "wire credit line",
        "Putin said he is ready to talk.\nReuters contributed to this report.",
        SAID,
        [("Reuters", ["Reuters"], ["a1"])],
    ),
    (
        "byline credit",
        "By Jane Doe, Associated Press\nPutin said he is ready to talk.",
        SAID,
        [("The Associated Press", ["Associated Press"], ["a1"])],
    ),
    (
        "copyright line",
        "Putin said he is ready to talk.\nCopyright 2016 The Associated Press. All rights reserved.",
        SAID,
        [("The Associated Press", ["The Associated Press"], ["a1"])],
    ),
    (
        "an outlet named in passing in a late sentence",
        "Putin said he is ready to talk. Prices rose. Taxes fell. He watched CNN all day.",
        SAID,
        [],
    ),
    (
        "according to an outlet (the outlet is the source)",
        "Prices rose. Taxes fell. Rents rose. According to Reuters, the plan failed.",
        [{"source": "Reuters", "cue": "According to", "content": "the plan failed"}],
        [("Reuters", ["Reuters"], ["a1"])],
    ),
    (
        "told an outlet, late in the article: only that attribution",
        "Putin said he is ready to talk. Prices rose. Taxes fell. An aide told the NYT that talks will fail.",
        [*SAID, {"source": "An aide", "cue": "told", "content": "that talks will fail"}],
        [("The New York Times", ["the NYT"], ["a2"])],
    ),
    (
        "an outlet spoken to in the lede carries only that statement",
        "Trump told CNN that he will win. Clinton said she will win.",
        [
            {"source": "Trump", "cue": "told", "content": "that he will win"},
            {"source": "Clinton", "cue": "said", "content": "she will win"},
        ],
        [("CNN", ["CNN"], ["a1"])],
    ),
    (
        "as first reported by",
        "Prices rose. Taxes fell. Rents rose. The deal collapsed, as first reported by Politico.",
        [],
        [("Politico", ["Politico"], [])],
    ),
    (
        "an outlet in the lede frames the article; NYT and the New York Times are one outlet",
        "Officials said the talks collapsed.\nThis is reported by the New York Times.\n"
        "Putin said he is ready to talk.\nAn aide told the NYT that talks will fail.",
        [
            {"source": "Officials", "cue": "said", "content": "the talks collapsed"},
            {"source": "the New York Times", "cue": "is reported by", "content": "This"},
            {"source": "Putin", "cue": ("said", 2), "content": "he is ready to talk"},
            {"source": "An aide", "cue": "told", "content": "that talks will fail"},
        ],
        [("The New York Times", ["the New York Times", "the NYT"], ["a2", "a3", "a4"])],
    ),
    (
        "a short name refers back to the outlet named in full",
        "Clinton collapsed.\n\nThe New York Post reports that her team avoided the ER.\n\n"
        "Clinton skipped the hospital, The Post has learned.",
        [
            {"source": "The New York Post", "cue": "reports", "content": "that her team avoided the ER"},
            {"source": "The Post", "cue": "has learned", "content": "Clinton skipped the hospital"},
        ],
        [("The New York Post", ["The New York Post", "The Post"], ["a1", "a2"])],
    ),
    (
        "two outlets joined by a hyphen",
        "Prices rose. Taxes fell. Rents rose. A Washington Post-ABC News poll found Smith ahead.",
        [],
        [("The Washington Post", ["Washington Post"], []), ("ABC News", ["ABC News"], [])],
    ),
    (
        "a government agency is not an outlet",
        "Prices rose. Taxes fell. Rents rose. The International Atomic Energy Agency reported a leak.",
        [],
        [],
    ),
    (
        "a party and district tag is not an outlet",
        "Prices rose. Taxes fell. Rents rose. Del. Smith (D-Newport News) said the bill failed.",
        [{"source": "Del. Smith (D-Newport News)", "cue": "said", "content": "the bill failed"}],
        [],
    ),
    (
        "state media: a lower-case qualifier",
        "Prices rose. Taxes fell. Rents rose. State media reported that the talks failed.",
        [],
        [("state media", ["State media"], [])],
    ),
    (
        "an unlisted outlet recognised by its name",
        "Prices rose. Taxes fell. Rents rose. The Des Moines Register reported that Smith will run.",
        [{"source": "The Des Moines Register", "cue": "reported", "content": "that Smith will run"}],
        [("The Des Moines Register", ["The Des Moines Register"], ["a1"])],
    ),
]


@pytest.mark.parametrize(("label", "text", "attributions", "expected"), CASES, ids=[c[0] for c in CASES])
def test_provenance(
    label: str,
    text: str,
    attributions: list[dict[str, Any]],
    expected: list[tuple[str, list[str], list[str]]],
) -> None:
    found = provenance(text, attributions)
    readable = [(entry.name, [text[start:end] for start, end in entry.spans], entry.attribution_ids) for entry in found]
    assert readable == expected


def test_component_writes_model_shaped_provenance() -> None:
    doc = make_doc("Putin is ready - media\nPutin said he is ready to talk.", SAID)
    PARENTS.set(doc, find_parents(doc))
    ProvenanceFinder(None, "accordingto_provenance")(doc)  # type: ignore[arg-type]
    assert PROVENANCE.require(doc) == [Provenance(name="media", spans=[(17, 22)], attribution_ids=["a1"])]


def test_provenance_needs_the_nesting() -> None:
    """Framing links only top-level attributions, so provenance reads the nesting's parents; without the nesting
    it says so instead of guessing."""
    doc = make_doc("Putin is ready - media\nPutin said he is ready to talk.", SAID)
    with pytest.raises(MissingStageError, match="accordingto_nesting"):
        find_provenance(doc)


def test_example_article() -> None:
    """Media (the headline) and the New York Times (the lede and "told the NYT") frame the example article."""
    doc = example_doc()
    PARENTS.set(doc, find_parents(doc))
    found = {entry.name: entry for entry in find_provenance(doc)}
    assert list(found) == ["media", "The New York Times"]
    nyt = found["The New York Times"]
    assert [doc.text[s:e] for s, e in nyt.spans] == ["the New York Times", "the NYT"]
    # The NYT's own attribution and the one "told the NYT" rely on it; nested ones reach it through parents.
    assert {"a3", "a17"} <= set(nyt.attribution_ids)
    assert "a1" not in nyt.attribution_ids and "a2" not in nyt.attribution_ids
    assert "a3" in found["media"].attribution_ids
