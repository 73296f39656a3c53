"""A place named as the setting of a clause is no antecedent of "it" or "they" (gum28, issue 10): "arrived in
Kabul", "flights across Canada", "pits near Kalgoorlie" say where something happened, and the pronoun after them
continues a participant, not the place. The rules had given such a pronoun the place whenever the participant was a
description they never collect, or stood further back than the place. Cases: the named participant further back
now takes the pronoun; a pronoun with no named participant is left unresolved rather than given the place. Guards:
a country that acts (the subject, or the object of "on"), and a speaker two sentences back, keep their pronoun; a
text with no statement gets no source. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


CASES = [
    # (text, the content's first words, the speaker's name)
    pytest.param(
        "Northgate Rovers travelled to Portugal for the final. The squad trained in Lisbon on Friday. They said the "
        "pitch was too dry.",
        "the pitch was too dry",
        "Northgate Rovers",
        id="they-the-club-not-the-city-it-trained-in",
    ),
    pytest.param(
        "Solwind Energy built its first turbines in Denmark. The company later opened an office in Norway. It said "
        "profits had doubled.",
        "profits had doubled",
        "Solwind Energy",
        id="it-the-company-not-the-country-of-its-office",
    ),
    # Guards.
    pytest.param(
        "Canada imposed new tariffs in March. It said the measures were temporary.",
        "the measures were temporary",
        "Canada",
        id="guard-a-country-that-acts-keeps-its-it",
    ),
    pytest.param(
        "Sanctions were imposed on Russia in March. It said the measures were illegal.",
        "the measures were illegal",
        "Russia",
        id="guard-a-country-acted-upon-is-no-setting",
    ),
    pytest.param(
        "Dunmore Water said bills would rise. Its engineers then worked in villages across Kent for a week. It said "
        "the pipes were old.",
        "the pipes were old",
        "Dunmore Water",
        id="guard-the-speaker-two-sentences-back-not-the-county-between",
    ),
    pytest.param(
        "The Tarrant Foundation gave grants to schools in Kenya and Uganda. They said the money had arrived.",
        "the money had arrived",
        "Tarrant Foundation",
        id="guard-the-subject-before-two-countries",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_a_setting_is_no_antecedent(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == name


NOT_THE_PLACE = [
    # (text, the content's first words, the place the pronoun must not be given): the participant is a
    # description the rules do not collect, so the pronoun stays unresolved.
    pytest.param(
        "The national team landed in Kabul after a long journey. They said the trip had been exhausting.",
        "the trip had been",
        "Kabul",
        id="they-after-landed-in",
    ),
    pytest.param(
        "The ferry operator runs boats to harbours across Greece. It said the strike would cost millions.",
        "the strike would cost",
        "Greece",
        id="it-after-across",
    ),
    pytest.param(
        "The refugees had waited for weeks in Calais. They said the camp was unsafe.",
        "the camp was unsafe",
        "Calais",
        id="they-after-waited-in",
    ),
    pytest.param(
        "Nobody was hurt when a storm hit villages near Dhaka. It said the damage was light.",
        "the damage was light",
        "Dhaka",
        id="it-after-near",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "place"), NOT_THE_PLACE)
def test_a_setting_is_not_the_speaker(nlp: Language, text: str, content_start: str, place: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") != place


def test_no_statement_no_source(nlp: Language) -> None:
    output = accordingto.analyze("The airline flies to twelve cities in Canada. Fares will rise in May.", nlp=nlp)
    assert output.to_dict()["attributions"] == []
