"""Lemmas in American spelling: British news is read with the weights and word lists learnt from American news."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from accordingto.annotations import analysis_from_doc
from accordingto.parse.spelling import AmericanSpelling

# (sentence, word, the lemma it reads with): British forms take the American lemma.
RESPELLED = [
    ("The council criticised the budget.", "criticised", "criticize"),
    ("She apologises for the delay.", "apologises", "apologize"),
    ("The organisation has new rules.", "organisation", "organization"),
    ("Two centres closed last year.", "centres", "center"),
    ("He is analysing the results.", "analysing", "analyze"),
    ("Their favourite team lost again.", "favourite", "favorite"),
    # A name's word too (its text is untouched): "the centre" later reads as the same head.
    ("Tickets for the Barbican Centre sold out.", "Centre", "center"),
]

# (sentence, word, the lemma it keeps): American forms and words in no table.
KEPT = [
    ("The council criticized the budget.", "criticized", "criticize"),
    ("The bridge reopened on Monday.", "bridge", "bridge"),
    ("The board said nothing.", "said", "say"),
]

# Sentences of our own written twice, in British and in American spelling of the same length, so that their
# attributions must be the same, offset for offset (before this stage "emphasised" and "recognised" were not
# found at all, and "criticised" lost its cue). Confidence may differ a little: the tagger also reads the word
# forms, which keep their spelling.
SPELLED_TWICE = [
    (
        "Ms Okafor emphasised that the organisation had apologised to every family.",
        "Ms Okafor emphasized that the organization had apologized to every family.",
    ),
    (
        "The minister recognised that the centre had been underfunded for a decade.",
        "The minister recognized that the center had been underfunded for a decade.",
    ),
    (
        "The nurses' union criticised the offer on Friday, arguing that it ignored inflation.",
        "The nurses' union criticized the offer on Friday, arguing that it ignored inflation.",
    ),
    (
        "Residents have characterised the new bus timetable as a betrayal of the village.",
        "Residents have characterized the new bus timetable as a betrayal of the village.",
    ),
    # No attribution in either spelling.
    (
        "The theatre reopened after a long and costly modernisation of its centre.",
        "The theater reopened after a long and costly modernization of its center.",
    ),
]


def _lemma(nlp: Language, text: str, word: str) -> str:
    doc = nlp(text)
    assert doc.text == text
    return next(token.lemma_ for token in doc if token.text == word)


@pytest.mark.parametrize(("text", "word", "lemma"), RESPELLED + KEPT)
def test_lemma(nlp: Language, text: str, word: str, lemma: str) -> None:
    assert _lemma(nlp, text, word) == lemma


@pytest.mark.parametrize(("british", "american"), SPELLED_TWICE)
def test_both_spellings_give_the_same_attributions(nlp: Language, british: str, american: str) -> None:
    assert len(british) == len(american)

    found = {text: analysis_from_doc(nlp(text)).attributions for text in (british, american)}
    assert [(a.source, a.cue, a.content) for a in found[british]] == [
        (a.source, a.cue, a.content) for a in found[american]
    ]
    assert [a.confidence for a in found[british]] == pytest.approx([a.confidence for a in found[american]], abs=0.05)
    assert bool(found[american]) == ("theater" not in american)


def test_a_model_without_the_norm_table_keeps_its_lemmas() -> None:
    vocab = Vocab()
    doc = Doc(vocab, words=["She", "criticised", "it"], lemmas=["she", "criticise", "it"])
    assert [token.lemma_ for token in AmericanSpelling(vocab, "spelling")(doc)] == ["she", "criticise", "it"]
