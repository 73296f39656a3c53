"""The public data model and its JSON form, checked against the shipped JSON schema."""

from __future__ import annotations

import jsonschema

from accordingto.model import (
    Analysis,
    ArticleMeta,
    Attribution,
    Provenance,
    Source,
    Summary,
    TimeAnchor,
    ranges_text,
)
from accordingto.schema import analysis_schema

TEXT = 'Peskov said: "No." Officials denied it, the NYT reported.'


def full_analysis() -> Analysis:
    return Analysis(
        text=TEXT,
        attributions=[
            Attribution(
                id="a1",
                type="direct",
                source=[(0, 6)],
                cue=[(7, 11)],
                content=[(13, 18)],
                source_text="Peskov",
                cue_text="said",
                content_text='"No."',
                source_id="s1",
                cue_class="neutral",
                time=TimeAnchor(text="Tuesday", start=0, end=7, value="2023-12-19"),
            ),
            Attribution(
                id="a2",
                type="indirect",
                source=[(19, 28)],
                cue=[(29, 35)],
                content=[(36, 38)],
                source_text="Officials",
                cue_text="denied",
                content_text="it",
                parent="a3",
                denial=True,
            ),
        ],
        sources=[
            Source(
                id="s1",
                name="Dmitry Peskov",
                kind="person",
                named=True,
                description="Peskov",
                count=1,
                mentions=[[(0, 6)]],
            )
        ],
        provenance=[Provenance(name="The New York Times", spans=[(40, 47)], attribution_ids=["a2"])],
        summary=Summary(attributions=2, by_type={"direct": 1, "indirect": 1}, anonymous_share=0.5),
        article=ArticleMeta(id="x", published="2023-12-23"),
    )


def test_json_form_matches_the_schema() -> None:
    jsonschema.validate(full_analysis().to_dict(), analysis_schema())


def test_empty_analysis_matches_the_schema() -> None:
    jsonschema.validate(Analysis(text="Nothing here.").to_dict(), analysis_schema())


def test_round_trip_through_json_form() -> None:
    analysis = full_analysis()
    assert Analysis.from_dict(analysis.to_dict()) == analysis


def test_spans_are_lists_of_start_end_pairs() -> None:
    data = full_analysis().to_dict()
    assert data["attributions"][0]["content"] == [[13, 18]]
    assert data["sources"][0]["mentions"] == [[[0, 6]]]


def test_schema_rejects_a_wrong_type() -> None:
    data = full_analysis().to_dict()
    data["attributions"][0]["type"] = "rumour"
    try:
        jsonschema.validate(data, analysis_schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("an unknown attribution type passed the schema")


def test_ranges_text_marks_skipped_text() -> None:
    assert ranges_text("A, he said, B.", [(0, 1), (12, 14)]) == "A … B."
