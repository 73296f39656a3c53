"""Extraction classes news24 found on ten everyday news articles nothing had been tuned on, each in sentences
written for this test (not the articles' wording), through the whole pipeline:

- a relative clause's "whose" phrase is no speaker of the main verb: ", whose daughter took part, said" is said by
  the antecedent before the comma;
- in a contact relative clause on the cue ("a position analysts said could ..."), the speaker is the clause's
  subject, not the antecedent noun with it;
- a preposition ending a source and hanging from the clause after it ("the trust at first refused"), or with no
  object, is no part of the mention;
- the anonymity formula of a source's relative clause ("who did not want to be named") reports nothing: the
  statement is the main verb's ("... said morale was low").

Each table has guards: the same shapes where the words do name the speaker, or do belong to the mention, stay."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto


def _attributions(nlp: Language, text: str) -> list[dict[str, Any]]:
    return accordingto.analyze(text, nlp=nlp).to_dict()["attributions"]


def _with_content(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    found = [a for a in _attributions(nlp, text) if a["content_text"].lstrip('"“').startswith(content_start)]
    assert len(found) == 1, [(a["cue_text"], a["content_text"][:40]) for a in _attributions(nlp, text)]
    return found[0]


SOURCES = [
    # (text, the content's first words, the source as written)
    (
        "Kieran Flood, whose eight-year-old daughter took part in the trial, said she now asked to do her reading.",
        "she now asked",
        "Kieran Flood",
    ),
    (
        "The mayor promised a new bridge by spring, a date engineers said would be impossible to meet.",
        "would be impossible",
        "engineers",
    ),
    ("The union rejected the offer, a move managers said would cost members dearly.", "would cost", "managers"),
    ("The minutes were published after the board at first refused the request.", "the request", "the board"),
    # Guards: the relative clause's own speaker, its relative pronoun standing for a speaker, a mention's own
    # preposition with its object, a name with its relative clause, a compound subject with its article.
    ("Tom Reyes, whose sister said the shop was closing, was not available.", "the shop was closing", "whose sister"),
    (
        "Ana Cruz, a nurse who said she had not decided how to vote, said neither plan added up.",
        "neither plan added up",
        "Ana Cruz, a nurse",
    ),
    (
        "Lena Park, a nurse at the hospital on Mill Road, said the ward was full.",
        "the ward was full",
        "Lena Park, a nurse at the hospital on Mill Road",
    ),
    (
        "Marta Vos, whose son plays for the under-12s, said the pitch had flooded twice.",
        "the pitch had flooded",
        "Marta Vos, whose son plays for the under-12s",
    ),
    ("A bus company spokesman said the route was closed.", "the route was closed", "A bus company spokesman"),
]


@pytest.mark.parametrize(("text", "content_start", "source"), SOURCES)
def test_the_speaker_of_a_relative_clause(nlp: Language, text: str, content_start: str, source: str) -> None:
    assert _with_content(nlp, text, content_start)["source_text"] == source


ANONYMOUS = [
    # (text, the content's first words, the cue, the source as written)
    (
        "A driver who did not want to be named said morale at the depot was low.",
        "morale at the depot",
        "said",
        "A driver who did not want to be named",
    ),
    (
        "One nurse who did not want to be identified told us the wards were full every night.",
        "the wards were full",
        "told",
        "One nurse who did not want to be identified",
    ),
    # Guard: the formula set off by commas was already right (the tagger leaves the clause out of the source).
    (
        "A second official, who asked not to be named, said the talks had stalled.",
        "the talks had stalled",
        "said",
        "A second official",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "cue", "source"), ANONYMOUS)
def test_the_anonymity_formula_reports_nothing(
    nlp: Language, text: str, content_start: str, cue: str, source: str
) -> None:
    found = _with_content(nlp, text, content_start)
    assert (found["cue_text"], found["source_text"]) == (cue, source)
    assert not [a for a in _attributions(nlp, text) if "to be" in a["content_text"][:6]]
