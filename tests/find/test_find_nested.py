"""Nested attributions: the inner (or outer) half of a reporting chain that PolNeAR-style tagging leaves out,
linked by ``parent`` so that chains read out (media ← NYT ← US officials ← Putin)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from accordingto.annotations import analysis_from_doc
from accordingto.evaluate.run import unnested
from accordingto.model import Analysis, Attribution

EXAMPLE_ARTICLE = Path(__file__).resolve().parents[2] / "examples" / "putin-negotiations.txt"

# (text, [(source, cue, content, parent's source or None), ...]) for every attribution the pipeline reports
CASES = [
    pytest.param(
        "According to US officials, Putin reported that he was satisfied with the territory.",
        [
            ("US officials", "According to", "Putin reported that he was satisfied with the territory", None),
            ("Putin", "reported", "that he was satisfied with the territory", "US officials"),
        ],
        id="according-to-holds-a-report",
    ),
    pytest.param(
        "The senator said that aides believe the bill will pass.",
        [
            ("The senator", "said", "that aides believe the bill will pass", None),
            ("aides", "believe", "the bill will pass", "The senator"),
        ],
        id="belief-inside-reported-speech",
    ),
    pytest.param(
        "Officials said the minister told reporters that the deal was dead.",
        [
            ("Officials", "said", "the minister told reporters that the deal was dead", None),
            ("the minister", "told", "that the deal was dead", "Officials"),
        ],
        id="told-inside-said",
    ),
    pytest.param(
        "\"They say: 'We are ready to talk.' They want to stay,\" said a senior official.",
        [
            ("They", "say", "We are ready to talk", "a senior official"),
            ("a senior official", "said", "\"They say: 'We are ready to talk.' They want to stay,\"", None),
        ],
        id="report-inside-a-quote-not-the-next-sentence",
    ),
    pytest.param(
        "The minister said the report was late.",
        [("The minister", "said", "the report was late", None)],
        id="no-embedded-report",
    ),
    pytest.param(
        "The mayor said that residents complained.",
        [("The mayor", "said", "that residents complained", None)],
        id="reporting-verb-without-complement-adds-nothing",
    ),
    pytest.param("Heavy rain fell overnight, closing two schools.", [], id="no-attribution"),
]


def rows(analysis: Analysis) -> list[tuple[str | None, str, str, str | None]]:
    by_id = {a.id: a for a in analysis.attributions}
    return [
        (a.source_text, a.cue_text, a.content_text, by_id[a.parent].source_text if a.parent else None)
        for a in analysis.attributions
    ]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_nested_attributions_and_their_parents(nlp: Language, text: str, expected: list[tuple]) -> None:  # type: ignore[type-arg]
    assert rows(analysis_from_doc(nlp(text))) == expected


def test_ids_stay_in_reading_order_of_cues(nlp: Language) -> None:
    analysis = analysis_from_doc(nlp(CASES[0].values[0]))  # type: ignore[index]
    assert [a.id for a in analysis.attributions] == ["a1", "a2"]
    assert [a.cue[0][0] for a in analysis.attributions] == sorted(a.cue[0][0] for a in analysis.attributions)


def test_the_example_article_reads_out_a_chain(nlp: Language) -> None:
    analysis = analysis_from_doc(nlp(EXAMPLE_ARTICLE.read_text(encoding="utf-8")))
    by_id = {a.id: a for a in analysis.attributions}
    putin = next(a for a in analysis.attributions if a.cue_text == "reported")
    assert putin.source_text == "Putin" and putin.parent is not None
    officials = by_id[putin.parent]
    assert officials.source_text == "US officials"
    sources = {s.id: s for s in analysis.sources}
    assert sources[putin.source_id or ""].name == "Vladimir Putin"


def _attribution(aid: str, cue: tuple[int, int], content: tuple[int, int]) -> Attribution:
    return Attribution(
        id=aid,
        type="indirect",
        source=[],
        cue=[cue],
        content=[content],
        source_text=None,
        cue_text="",
        content_text="",
    )


def test_evaluation_scores_only_the_outermost_attributions() -> None:
    outer = _attribution("a1", (0, 12), (14, 80))
    inner = _attribution("a2", (20, 28), (29, 80))
    separate = _attribution("a3", (90, 94), (95, 120))
    assert unnested([outer, inner, separate]) == [outer, separate]
