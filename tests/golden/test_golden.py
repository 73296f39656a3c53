"""Golden reviews: the example articles' output checked against answers a reader verified by hand.

Each ``NAME.review.json`` holds only what was checked to be right, and, separately, the known mistakes with their
right answers (``review.py`` explains the format). A right answer that changes fails here: review it. A known mistake
runs as an expected failure, so the day it is fixed it shows as XPASS — a visible improvement, never a failed golden
test; then move it to the right answers. An attribution the review does not speak of fails until someone reviews it
(the failure prints a draft entry to check and paste).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from spacy.language import Language

import accordingto
from accordingto.schema import analysis_schema

from .review import load_reviews, mistake_fixed, problems, source_problems, unreviewed

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REVIEWS = load_reviews()
_OUTPUTS: dict[str, dict[str, Any]] = {}


def output_of(name: str, nlp: Language) -> dict[str, Any]:
    """The example's JSON output, computed once per test session."""
    if name not in _OUTPUTS:
        text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        article = accordingto.Article(text=text, id=name, published=REVIEWS[name]["published"])
        _OUTPUTS[name] = accordingto.analyze(text, article=article, nlp=nlp).to_dict()
    return _OUTPUTS[name]


def _cases(kind: str) -> list[Any]:
    cases = []
    for name, review in REVIEWS.items():
        if kind == "attributions":
            checks = review["right"][kind]
            cases += [pytest.param(name, check, id=f"{name}-{check['cue']}@{check['at']}") for check in checks]
        elif kind == "sources":
            cases += [pytest.param(name, check, id=f"{name}-{check['name']}") for check in review["right"][kind]]
        else:
            cases += [
                pytest.param(
                    name,
                    mistake,
                    id=f"{name}-m{number}",
                    marks=pytest.mark.xfail(reason=f"known mistake: {mistake['what']}", strict=False),
                )
                for number, mistake in enumerate(review["mistakes"], start=1)
            ]
    return cases


@pytest.mark.parametrize("name", sorted(REVIEWS))
def test_output_matches_the_schema(name: str, nlp: Language) -> None:
    jsonschema.validate(output_of(name, nlp), analysis_schema())


@pytest.mark.parametrize(("name", "check"), _cases("attributions"))
def test_reviewed_attribution_is_still_right(name: str, check: dict[str, Any], nlp: Language) -> None:
    assert problems(output_of(name, nlp), check) == []


@pytest.mark.parametrize(("name", "check"), _cases("sources"))
def test_reviewed_source_is_still_right(name: str, check: dict[str, Any], nlp: Language) -> None:
    assert source_problems(output_of(name, nlp), check) == []


@pytest.mark.parametrize("name", sorted(REVIEWS))
def test_reviewed_upstream_reports_are_still_listed(name: str, nlp: Language) -> None:
    assert set(REVIEWS[name]["right"]["upstream"]) <= set(output_of(name, nlp)["summary"]["upstream"])


@pytest.mark.parametrize(("name", "mistake"), _cases("mistakes"))
def test_known_mistake_is_fixed(name: str, mistake: dict[str, Any], nlp: Language) -> None:
    assert mistake_fixed(output_of(name, nlp), mistake) == []


@pytest.mark.parametrize("name", sorted(REVIEWS))
def test_every_attribution_has_been_reviewed(name: str, nlp: Language) -> None:
    drafts = unreviewed(output_of(name, nlp), REVIEWS[name])
    assert not drafts, "review these, then add each to 'right' or 'mistakes':\n" + json.dumps(
        drafts, ensure_ascii=False, indent=1
    )


@pytest.mark.parametrize(
    "name", sorted(name for name, review in REVIEWS.items() if not review["right"]["attributions"] + review["mistakes"])
)
def test_no_source_is_invented_for_an_article_without_attribution(name: str, nlp: Language) -> None:
    """Sources come from attributions: an article the review says attributes nothing has no source either."""
    output = output_of(name, nlp)
    assert output["attributions"] == [] and output["sources"] == [] and output["summary"]["attributions"] == 0
