"""A bare kind noun for the body whose name ends in it (who37): "the Northern Hockey League final … The league
said" is the league, not the club named since.

News names a body in full once and then by the noun its name ends in ("the league", "the council", "the union"),
which says what kind of body it is. Written as a modifier ("the … League final", "the … Council budget") or left
untagged by the small model, the full name was no participant the rules had collected, and the bare noun went to
the latest body of no stated kind, often the other side (``speakers._named_by_its_kind``, widened by gum38 to any noun).

The first case fails on the code before who37 (the club); the guards pass on both. Guards: the league after
another club's coach; a council named as a modifier before a developer quoted between; a league the rules already
collected is still found by the description rules; a lower-case "league" names
no body; texts with no attribution have no source. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


CASES = [
    # (text, the content's first words, the speaker's name or None for no named speaker)
    pytest.param(
        "Harbour Kites are into the National Hockey League final after a 3-2 win over the holders, Eastfield "
        "Otters, on Saturday.\n\nThe league's chair, Joan Pettifer, said the crowd was a record. The league said "
        "ticket sales had doubled.",
        "ticket sales had doubled",
        "National Hockey League",
        id="the-league-named-as-a-modifier-not-the-club-named-since",
    ),
    pytest.param(
        "Dockside Falcons are into the Western Basketball League play-offs after beating the champions, Millbrook "
        "Hawks, on Friday night.\n\nThe Hawks' coach, Tom Reyes, said the referee had missed two fouls. The league "
        "said it would review the footage.",
        "it would review the footage",
        "Western Basketball League",
        id="guard-the-league-not-the-club-whose-coach-spoke-between",
    ),
    pytest.param(
        "Tenants are fighting the Ashcombe Borough Council housing plan, and the developer, Greyfield Homes, has "
        "begun work.\n\nGreyfield Homes said the flats were unsafe. The council said it would publish the survey.",
        "it would publish the survey",
        "Ashcombe Borough Council",
        id="guard-the-council-named-as-a-modifier-not-the-developer-quoted-between",
    ),
    pytest.param(
        "The Northern Hockey League fined Eastfield Otters £5,000 on Friday. Harbour Kites said the fine was "
        "fair.\n\nThe league said the club had broken its rules twice.",
        "the club had broken its rules",
        "Northern Hockey League",
        id="guard-a-collected-league-is-found-by-the-description-rules",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_the_right_speaker(nlp: Language, text: str, content_start: str, name: str | None) -> None:
    assert _source_of(nlp, text, content_start).get("name") == name


def test_a_lower_case_league_names_no_body(nlp: Language) -> None:
    text = (
        "Eastfield Otters finished bottom of the league last season.\n\nHarbour Kites said they would not sell "
        "their captain. The league said the transfer window would close on Friday."
    )
    source = _source_of(nlp, text, "the transfer window would close")
    assert source.get("name") not in {"league", "League"}


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Hockey League final is on Sunday. The league has sold every ticket.",
        "Harbour Kites beat Eastfield Otters in the Coastal Netball League semi-final.",
    ],
)
def test_no_attribution_no_source(nlp: Language, text: str) -> None:
    assert accordingto.analyze(text, nlp=nlp).to_dict()["attributions"] == []
