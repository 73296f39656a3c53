"""Sentence units, cue heads, anaphoric contents and cue clauses shared by the link, stance and time stages."""

from __future__ import annotations

from typing import Any

import pytest

from accordingto.anchor.time import TimeAnchoring
from accordingto.annotations import ATTRIBUTIONS, PROVENANCE, STANCE, TIMES, add_attribution, role_spans
from accordingto.clauses import Units, anaphoric_antecedent, cue_clauses, cue_head
from accordingto.describe.stance import Stance
from accordingto.link.nesting import Nesting
from accordingto.link.provenance import ProvenanceFinder
from accordingto.model import Provenance
from handspans import make_doc, parser


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("", []),
        ("One sentence.", ["One sentence."]),
        (
            "Headline - media\nFirst line without stop\nThis is reported.",
            ["Headline - media", "First line without stop", "This is reported."],
        ),
        ("Two. Sentences.\n\nNew paragraph.", ["Two.", "Sentences.", "New paragraph."]),
    ],
)
def test_units_cut_sentences_at_line_breaks(text: str, units: list[str]) -> None:
    doc = make_doc(text)
    found = Units.of(doc)
    assert [doc[start:end].text.strip() for start, end in zip(found.starts, found.ends, strict=True)] == units


def test_units_without_sentence_boundaries_follow_line_breaks() -> None:
    bare = parser().make_doc("Headline - media\nFirst sentence. Second sentence.")  # tokenizer only
    units = Units.of(bare)
    assert [bare[a:b].text.strip() for a, b in zip(units.starts, units.ends, strict=True)] == [
        "Headline - media",
        "First sentence. Second sentence.",
    ]


@pytest.mark.parametrize(
    ("text", "cue", "head"),
    [
        ("This is reported by the New York Times.", "is reported by", "reported"),
        ("According to Reuters, the plan failed.", "According to", "According"),
        ("He did not say the plan failed.", "did not say", "say"),
        ("Putin is ready to negotiate.", "is ready", "ready"),
    ],
)
def test_cue_head(text: str, cue: str, head: str) -> None:
    doc = make_doc(text, [{"cue": cue, "content": "."}])
    found = cue_head(role_spans(doc)["a1"]["cue"])
    assert found is not None and found.text == head


@pytest.mark.parametrize(
    ("text", "content", "antecedent"),
    [
        ("Aides said talks failed.\nThis is reported by Reuters.", "This", "Aides said talks failed."),
        ("Aides said talks failed. That was confirmed by Reuters.", "That", "Aides said talks failed."),
        ("Aides said talks failed, and Putin said so.", "said [so]", None),
        ("This is reported by Reuters.", "This", None),
    ],
)
def test_anaphoric_antecedent(text: str, content: str, antecedent: str | None) -> None:
    doc = make_doc(text, [{"cue": None, "content": content}])
    found = anaphoric_antecedent(doc, role_spans(doc)["a1"]["content"], Units.of(doc))
    assert (doc[found.start : found.stop].text.strip() if found else None) == antecedent


def test_cue_clauses_split_a_sentence_between_cues() -> None:
    text = "Putin says goals have not changed, and addressing generals on Tuesday, he boasted that troops win."
    doc = make_doc(
        text,
        [
            {"cue": "says", "content": "goals have not changed"},
            {"cue": "boasted", "content": "that troops win"},
        ],
    )
    clauses = cue_clauses(doc, role_spans(doc), {"a1": None, "a2": None}, Units.of(doc))
    assert "Tuesday" in {doc[i].text for i in clauses["a2"]}
    assert "Tuesday" not in {doc[i].text for i in clauses["a1"]}
    assert not {doc[i].text for i in clauses["a1"]} & {"goals", "troops"}


STAGES: list[Any] = [Nesting, ProvenanceFinder, Stance, TimeAnchoring]


@pytest.mark.parametrize("text", ["", "   \n\n ", "No attribution here on Monday.", "“", "- media"])
def test_stages_accept_docs_without_attributions(text: str) -> None:
    doc = make_doc(text, [], "2023-12-23")
    for stage in STAGES:
        stage(None, "stage")(doc)
    assert ATTRIBUTIONS.require(doc) == {}
    assert PROVENANCE.require(doc) == ([Provenance(name="media", spans=[(2, 7)])] if text == "- media" else [])


def test_stages_accept_attributions_with_missing_roles() -> None:
    doc = make_doc("Smith said on Monday that taxes rose, according to the NYT.", [], "2023-12-23")
    add_attribution(doc, cue=[], content=[], source=[], type="indirect")
    add_attribution(doc, cue=[doc[1:2]], content=[], source=[], type="indirect")
    add_attribution(doc, cue=[], content=[doc[5:8]], source=[doc[0:1]], type="indirect")
    for stage in STAGES:
        stage(None, "stage")(doc)
    stances, times = STANCE.require(doc), TIMES.require(doc)
    assert set(ATTRIBUTIONS.require(doc)) == set(stances) == set(times) == {"a1", "a2", "a3"}
    assert stances["a1"].cue_class is None and times["a1"] is None
    time = times["a2"]
    assert stances["a2"].cue_class == "neutral" and time is not None and time.value == "2023-12-18"
