"""Golden files: the whole JSON output on the example articles, reviewed by hand.

A change in any field shows up here as a diff; after an intended change (a retrained model, a new rule) rewrite the
files with ``pytest tests/golden --update-golden`` and review the diff before committing. Besides the exact
comparison, each article has a few facts a reader checks first, asserted on their own so that a rewrite of the golden
files cannot silently accept a wrong answer to them.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from spacy.language import Language

import accordingto
from accordingto.schema import analysis_schema

GOLDEN = Path(__file__).parent
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PUBLISHED = {
    "putin-negotiations": "2023-12-23",
    "council-budget": "2024-05-21",
    "weather-no-attribution": None,
}


def analyze_example(name: str, nlp: Language) -> dict:  # type: ignore[type-arg]
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    article = accordingto.Article(text=text, id=name, published=PUBLISHED[name])
    return accordingto.analyze(text, article=article, nlp=nlp).to_dict()


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_output_matches_the_reviewed_golden_file(name: str, nlp: Language, request: pytest.FixtureRequest) -> None:
    result = analyze_example(name, nlp)
    jsonschema.validate(result, analysis_schema())
    path = GOLDEN / f"{name}.json"
    if request.config.getoption("--update-golden"):
        path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    for key in ("summary", "sources", "provenance", "article", "text"):
        assert result[key] == expected[key], key
    got = {a["id"]: a for a in result["attributions"]}
    want = {a["id"]: a for a in expected["attributions"]}
    for attribution_id in sorted(set(got) | set(want)):
        assert got.get(attribution_id) == want.get(attribution_id), attribution_id


def by_cue(result: dict, cue: str, source: str | None = None) -> dict:  # type: ignore[type-arg]
    """The one attribution with this cue (and this source text, when given)."""
    matches = [
        a for a in result["attributions"] if a["cue_text"] == cue and (source is None or a["source_text"] == source)
    ]
    assert len(matches) == 1, f"{len(matches)} attributions with cue {cue!r} and source {source!r}"
    return matches[0]


def source_of(result: dict, attribution: dict) -> dict:  # type: ignore[type-arg]
    return next(s for s in result["sources"] if s["id"] == attribution["source_id"])


def test_the_example_article_answers_a_readers_questions(nlp: Language) -> None:
    result = analyze_example("putin-negotiations", nlp)
    peskov = by_cue(result, "emphasized")
    assert peskov["type"] == "direct" and peskov["source_text"] == "Peskov"
    spokesman = source_of(result, peskov)
    assert (spokesman["name"], spokesman["role"], spokesman["named"]) == ("Dmitry Peskov", "spokesman", True)
    putin = next(s for s in result["sources"] if s["id"] == spokesman["role_of"])
    assert putin["name"] == "Vladimir Putin"

    two_former = by_cue(result, "say", source="Two former senior Russian officials")
    profile = source_of(result, two_former)
    assert (profile["count"], profile["named"], profile["affiliation"]) == (2, False, "Russia")
    assert {"former", "senior"} <= set(profile["qualifiers"])

    zelenskyy_quote = next(a for a in result["attributions"] if a["content_text"].startswith('"We just see'))
    assert source_of(result, zelenskyy_quote)["name"] == "Volodymyr Zelenskyy"  # "he said" resolved

    added = by_cue(result, "added", source="He")
    assert source_of(result, added)["description"] == "one former senior Russian official"

    putin_reported = by_cue(result, "reported", source="Putin")
    officials = next(a for a in result["attributions"] if a["id"] == putin_reported["parent"])
    assert officials["source_text"] == "US officials"  # the chain US officials ← Putin

    boasted = by_cue(result, "boasted")
    assert boasted["time"]["value"] == "2023-12-19"
    assert by_cue(result, "said in a voice message")["denial"] is True
    assert "The New York Times" in result["summary"]["upstream"]
    assert 0 < result["summary"]["anonymous_share"] < 1


def test_the_hand_written_article(nlp: Language) -> None:
    result = analyze_example("council-budget", nlp)
    told = by_cue(result, "told")
    assert told["source_text"] == "Mayor Daniel Reyes"
    assert source_of(result, by_cue(result, "added", source="He"))["name"] == "Daniel Reyes"
    lopez = [a for a in result["attributions"] if a["source_text"] == "council president Maria Lopez"]
    assert lopez and lopez[0]["type"] == "direct"


def test_an_article_without_attribution_has_none(nlp: Language) -> None:
    result = analyze_example("weather-no-attribution", nlp)
    assert result["attributions"] == [] and result["sources"] == []
    assert result["summary"]["attributions"] == 0
