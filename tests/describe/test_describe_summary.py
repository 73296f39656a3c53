"""The summary: counts over attributions and sources, from the typed records earlier stages leave."""

from __future__ import annotations

from typing import Any

import pytest

from accordingto.annotations import analysis_from_doc
from accordingto.describe.summary import summarize
from accordingto.model import Provenance, Source, SourceKind, Summary
from accordingto.records import AttributionRecord, SourceRecords
from handspans import EXAMPLE


def source(source_id: str, kind: SourceKind, named: bool) -> Source:
    return Source(id=source_id, name=source_id, kind=kind, named=named, description=source_id)


CASES = [
    pytest.param({}, SourceRecords(), [], Summary(), id="nothing"),
    pytest.param(
        {"a1": AttributionRecord(type="indirect")},
        SourceRecords(),
        [],
        Summary(attributions=1, by_type={"indirect": 1}),
        id="attribution-without-source-has-no-anonymous-share",
    ),
    pytest.param(
        {
            "a1": AttributionRecord(type="direct"),
            "a2": AttributionRecord(type="indirect"),
            "a3": AttributionRecord(type="indirect"),
            "a4": AttributionRecord(type="mixed"),
            "a5": AttributionRecord(type="indirect"),
        },
        SourceRecords(
            sources=[
                source("s1", "person", True),
                source("s2", "group", False),
                source("s3", "media", True),
                source("s4", "person", True),  # only pointed at by a role: not counted
            ],
            by_attribution={"a1": "s1", "a2": "s2", "a3": "s2", "a4": "s3"},
        ),
        [
            Provenance(name="The New York Times", spans=[(0, 5)], attribution_ids=["a4"]),
            Provenance(name="The New York Times", spans=[(9, 14)]),
            Provenance(name="Reuters", spans=[(20, 27)]),
        ],
        Summary(
            attributions=5,
            by_type={"direct": 1, "indirect": 3, "mixed": 1},
            by_source_kind={"group": 2, "media": 1, "person": 1},
            anonymous_share=0.5,
            named_sources=2,
            anonymous_sources=1,
            upstream=["The New York Times", "Reuters"],
        ),
        id="mixed-article",
    ),
]


@pytest.mark.parametrize(("attributions", "sources", "provenance", "expected"), CASES)
def test_summarize(
    attributions: dict[str, AttributionRecord],
    sources: SourceRecords,
    provenance: list[Provenance],
    expected: Summary,
) -> None:
    assert summarize(attributions, sources, provenance) == expected


def test_full_pipeline_on_the_example(nlp: Any, example_text: str) -> None:
    """The whole pipeline, extractor included: whatever it finds, sources and summary are consistent."""
    analysis = analysis_from_doc(nlp(example_text))
    ids = {s.id for s in analysis.sources}
    assert all(a.source_id in ids for a in analysis.attributions if a.source)
    assert analysis.summary.attributions == len(analysis.attributions)
    assert sum(analysis.summary.by_type.values()) == len(analysis.attributions)
    names = {s.name for s in analysis.sources}
    assert {"Vladimir Putin", "Dmitry Peskov", "Volodymyr Zelenskyy"} <= names
    peskov = next(s for s in analysis.sources if s.name == "Dmitry Peskov")
    assert peskov.role == "spokesman"
    assert next(s.name for s in analysis.sources if s.id == peskov.role_of) == "Vladimir Putin"


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
