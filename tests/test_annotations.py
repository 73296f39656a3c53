"""The Doc layer: typed stage records stored as plain data, read back the same after serialization; the
per-document views computed once and kept off the doc."""

from __future__ import annotations

import gc

import pytest
import srsly
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from accordingto import annotations
from accordingto.annotations import (
    ARTICLE,
    ATTRIBUTIONS,
    ENTITIES,
    PARENTS,
    PROVENANCE,
    SOURCES,
    STANCE,
    SUMMARY,
    TIMES,
    DocField,
    add_attribution,
    analysis_from_doc,
    doc_text,
    role_spans,
)
from accordingto.errors import MissingStageError
from accordingto.model import ArticleMeta, Provenance, Source, Summary, TimeAnchor
from accordingto.records import (
    AttributionRecord,
    EntityRecord,
    MentionRecord,
    SourceRecords,
    StanceRecord,
    from_plain,
    to_plain,
)
from handspans import make_doc, parser

TEXT = 'Peskov said: "No." Officials denied it, the NYT reported.'

VALUES: list[tuple[DocField, object]] = [
    (ARTICLE, ArticleMeta(id="x", published="2023-12-23")),
    (ATTRIBUTIONS, {"a1": AttributionRecord(type="direct"), "a2": AttributionRecord(type="indirect")}),
    (
        ENTITIES,
        [
            EntityRecord(
                id="e1",
                speaker=True,
                kind="person",
                mentions=[MentionRecord(ranges=[(0, 6)], tokens=(0, 1), form="name", source=True)],
                attributions=["a1"],
            )
        ],
    ),
    (
        SOURCES,
        SourceRecords(
            sources=[
                Source(id="s1", name="Peskov", kind="person", named=True, description="Peskov", mentions=[[(0, 6)]])
            ],
            by_attribution={"a1": "s1"},
        ),
    ),
    (PARENTS, {"a1": None, "a2": "a1"}),
    (PROVENANCE, [Provenance(name="The New York Times", spans=[(40, 43)], attribution_ids=["a2"])]),
    (STANCE, {"a1": StanceRecord(cue_class="neutral", negated=False, denial=False, hedged=False, hypothetical=False)}),
    (TIMES, {"a1": TimeAnchor(text="Monday", start=0, end=6, value="2023-12-18"), "a2": None}),
    (SUMMARY, Summary(attributions=2, by_type={"direct": 1, "indirect": 1}, upstream=["The New York Times"])),
]


@pytest.mark.parametrize(("field", "value"), VALUES, ids=[field.key for field, _ in VALUES])
def test_a_record_survives_docbin(field: DocField, value: object) -> None:
    doc = parser()(TEXT)
    assert field.get(doc) is None
    field.set(doc, value)
    assert field.get(doc) == value
    assert getattr(doc._, field.extension) == value  # the spaCy extension attribute reads the same record
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (restored,) = DocBin(store_user_data=True).from_bytes(data).get_docs(doc.vocab)
    assert field.get(restored) == value


def test_plain_data_is_what_msgpack_keeps() -> None:
    record = EntityRecord(
        id="e1", speaker=False, kind="unknown", mentions=[MentionRecord([(1, 2)], (0, 1), "name", False)]
    )
    plain = to_plain(EntityRecord, record)
    assert plain["mentions"][0] == {"ranges": [(1, 2)], "tokens": (0, 1), "form": "name", "source": False}
    # msgpack hands arrays back as lists or as tuples: both read back as the record.
    for use_list in (True, False):
        unpacked = srsly.msgpack_loads(srsly.msgpack_dumps(plain), use_list=use_list)
        assert from_plain(EntityRecord, unpacked) == record


def test_plain_data_is_checked_when_read() -> None:
    with pytest.raises(ValueError, match="kind"):
        from_plain(EntityRecord, {"id": "e1", "speaker": False, "kind": "alien", "mentions": [], "attributions": []})


def test_a_missing_stage_is_named() -> None:
    doc = parser()(TEXT)
    with pytest.raises(MissingStageError, match="accordingto_nesting"):
        PARENTS.require(doc)
    ATTRIBUTIONS.start(doc)
    assert ATTRIBUTIONS.require(doc) == {}  # ran and found nothing: not missing


def test_processed_doc_round_trips_through_docbin_to_the_same_analysis(nlp: Language) -> None:
    doc = nlp(TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (restored,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    assert analysis_from_doc(restored) == analysis_from_doc(doc)
    assert analysis_from_doc(doc).attributions
    for field, _ in VALUES:
        assert field.get(restored) == field.get(doc)


def test_role_spans_follow_added_attributions() -> None:
    doc = make_doc(TEXT, [{"source": "Peskov", "cue": "said", "content": '"No."', "type": "direct"}])
    assert list(role_spans(doc)) == ["a1"]
    add_attribution(doc, cue=[doc[-3:-2]], content=[doc[5:8]], source=[doc[-4:-3]], type="indirect")
    spans = role_spans(doc)
    assert list(spans) == ["a1", "a2"] and spans["a2"]["cue"][0].text == "NYT"
    spans["a2"]["cue"].clear()  # a copy: the views stay as they were
    assert role_spans(doc)["a2"]["cue"][0].text == "NYT"


def test_views_are_kept_off_the_doc_and_dropped_with_it() -> None:
    doc: Doc | None = parser()(TEXT)
    assert doc is not None
    assert doc_text(doc) == doc.text
    role_spans(doc)
    srsly.msgpack_dumps(doc.user_data)  # nothing but plain data on the doc
    gc.collect()  # docs earlier tests dropped go first, so that the count below moves by this one alone
    count = len(annotations._VIEWS)
    doc = None
    gc.collect()
    assert len(annotations._VIEWS) == count - 1
