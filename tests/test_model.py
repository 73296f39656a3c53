"""The public data model and its JSON form, checked against the shipped JSON schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

import accordingto.schema
from accordingto.model import (
    Analysis,
    ArticleMeta,
    Attribution,
    Provenance,
    Source,
    Summary,
    TimeAnchor,
    from_data,
    ranges_text,
)
from accordingto.schema import SCHEMA_FILE, analysis_schema, generate_analysis_schema, schema_text

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


def test_plain_data_from_msgpack_with_tuples_is_read_back() -> None:
    """``DocBin``'s msgpack round trip gives tuples where JSON has lists; the model reads both."""
    data = full_analysis().to_dict()
    source = data["sources"][0]
    as_tuples = {**source, "mentions": tuple(tuple(tuple(r) for r in m) for m in source["mentions"])}
    assert from_data(Source, as_tuples) == full_analysis().sources[0]


def test_unknown_keys_are_refused() -> None:
    data = full_analysis().to_dict()
    data["attributions"][0]["speaker"] = "Peskov"
    with pytest.raises(ValueError, match="speaker"):
        Analysis.from_dict(data)


def test_the_shipped_schema_is_generated_from_the_model() -> None:
    """The schema file is the model's, regenerated with ``python -m accordingto.schema`` after a model change."""
    shipped = (Path(accordingto.schema.__file__).parent / SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == schema_text(generate_analysis_schema()), "stale schema: run python -m accordingto.schema"


def test_every_field_of_the_json_form_is_required_by_the_schema() -> None:
    """A reader never has to guess a default: every key is always written, and the schema says so."""
    schema = analysis_schema()
    assert set(schema["required"]) == set(full_analysis().to_dict())
    attribution = schema["$defs"]["Attribution"]
    assert set(attribution["required"]) == set(full_analysis().to_dict()["attributions"][0])


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
