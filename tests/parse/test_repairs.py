"""A reporting verb the small model reads as a noun is repaired to a verb ("The new regulations state that ...")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.annotations import analysis_from_doc
from accordingto.parse.repairs import repair_misread_verbs
from handspans import parser

# (sentence, the verb spaCy reads as the noun root, its subject): repaired to subject + verb + "that" clause.
MISREAD = [
    ("The new regulations state that drivers must stop at every crossing.", "state", "regulations"),
    ("The guidelines state that doctors must report such cases.", "state", "guidelines"),
    ("The new guidelines state that nurses must wear masks.", "state", "guidelines"),
]

# Left as spaCy parsed them: a verb already, a noun that is no reporting word, a noun phrase with a relative
# clause, a possessive (a noun phrase, "Marchetti's claims that ..."), a root that is a verb.
LEFT_ALONE = [
    "The safety rules state that workers must wear helmets.",
    "Council statement that rents will rise",
    "The new rules that drivers hate.",
    "Our neighbours report that the river rose overnight.",
    "The claims that he made were false.",
    "Marchetti's claims that the vote was rigged",
    "It rained all day.",
]


@pytest.mark.parametrize(("text", "verb", "subject"), MISREAD)
def test_a_reporting_verb_read_as_a_noun_becomes_the_verb(text: str, verb: str, subject: str) -> None:
    doc = parser()(text)
    root = next(token for token in doc if token.dep_ == "ROOT")
    assert (root.text, root.tag_) == (verb, "NN")  # the misreading this repair exists for
    assert repair_misread_verbs(doc) == 1
    assert root.tag_ == "VBP"
    assert [token.text for token in root.children if token.dep_ == "nsubj"] == [subject]
    clause = next(token for token in root.children if token.dep_ == "ccomp")
    assert clause.left_edge.text == "that" and clause.left_edge.dep_ == "mark"


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_other_sentences_are_left_as_parsed(text: str) -> None:
    doc = parser()(text)
    before = [(token.tag_, token.dep_) for token in doc]
    assert repair_misread_verbs(doc) == 0
    assert [(token.tag_, token.dep_) for token in doc] == before


def test_the_repaired_verb_gives_the_document_its_attribution(nlp: Language) -> None:
    analysis = analysis_from_doc(nlp("The new regulations state that drivers must stop at every crossing."))
    assert [(a.source_text, a.cue_text) for a in analysis.attributions] == [("The new regulations", "state")]
    assert analysis.attributions[0].content_text.startswith("that drivers must stop")
