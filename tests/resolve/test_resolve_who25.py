"""The wrong person (who25, issue 10): a body's statements given to another body, on sentences written for these
tests, through the whole pipeline. A regulator's name the small model left untagged was read as a person's, so
"The regulator said" and its "It said" went to the bank it fined (the nearest body); a two-word company name the
small model tagged a person could not be "the company", which went to the union quoted before; "The government
denied the claim" went to the rebel movement whose claim it was. Each case fails on the code before who25. Guards:
a person quoted between a company and "the company", and a person whose surname is an institution's noun."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


REGULATOR = (
    "The Consumer Credit Regulator has fined Ashby Mutual Bank plc £3m for failing to check its customers. The "
    "regulator said the bank's checks had been poor for years. It said some £90m had passed through accounts that "
    "should have been reviewed."
)
OPERATOR = (
    "The Tramway Workers' Union said its members had voted to strike. Corran Tramlink said it was disappointed. In "
    "a statement, the company said its offer was fair. It said the union had refused to put the offer to a vote."
)

CASES = [
    # (text, the content's first words, the speaker's name)
    # A name ending in an institution's noun is that institution: "the regulator" is it, not the bank it fined.
    pytest.param(REGULATOR, "the bank's checks", "Consumer Credit Regulator", id="the-regulator-not-the-bank"),
    pytest.param(REGULATOR, "some £90m had passed", "Consumer Credit Regulator", id="its-it-not-the-bank"),
    # A company the small model tagged a person, called "it" since, is "the company", not the union quoted before.
    pytest.param(OPERATOR, "its offer was fair", "Corran Tramlink", id="the-company-not-the-union"),
    pytest.param(OPERATOR, "the union had refused", "Corran Tramlink", id="its-it-not-the-union"),
    # "The government" is a state's executive: the rebels' spokesman spoke last, but the government denies.
    pytest.param(
        "A ceasefire between the government of Valdoria and the rebel Northern Liberation Front held on Friday. A "
        "spokesman for the Northern Liberation Front, Arvid Kessel, said its fighters had held their fire. He "
        "accused government troops of shelling a village. The government denied the claim.",
        "the claim",
        "government",
        id="the-government-not-the-rebels",
    ),
    # Guards: a person quoted between a company and "the company", never called "it", keeps the tag; a surname
    # that is an institution's noun after a first name is a person's.
    pytest.param(
        "Brantwell Foods closed its plant in March. Workers were angry, Okwudili Nnamdi said on Friday. The company "
        "said the plant had lost money for years.",
        "the plant had lost money",
        "Brantwell Foods",
        id="guard-a-person-quoted-in-between-is-not-the-company",
    ),
    pytest.param(
        "Alice Bank, a teacher at the school, said the plan was rushed. She said parents had not been asked.",
        "parents had not been asked",
        "Alice Bank",
        id="guard-a-surname-that-is-an-institutions-noun",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_the_speaker_in_a_class_of_wrong_who(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == name


def test_a_name_ending_in_an_institutions_noun_is_a_body(nlp: Language) -> None:
    """The regulator of the first case is shown as an organisation, not the person the untagged name was taken
    for."""
    source = _source_of(nlp, REGULATOR, "the bank's checks")
    assert (source.get("name"), source.get("kind")) == ("Consumer Credit Regulator", "organization")
