"""A source's display name is the fullest proper name of its entity (issue 10, deliverable 2), never a name cut
at its list's comma: a body's "of" or "for" part that lists its members or subjects ("Federation of Farms,
Orchards and Market Gardens", "Department for Science, Media and Technology") is its name, where the small model
tags the list's members apart or runs its tag into the list's first comma; and a later "the federation" joins the
whole name. Nor a description glued onto a name or onto another description with its comma: "One judge, the critic
X" is X, "the club's organiser, a walking club" one description, and an apposition the parser hung on a plural
head that it cannot rename ("residents of Kessara, the highland capital") describes the place, not the source.
Sentences written for these tests, with invented names, through the whole pipeline; and texts where two or more
parties must stay apart, or where the name is in the first apposition."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _analysis(nlp: Language, text: str) -> dict[str, Any]:
    return accordingto.analyze(text, nlp=nlp).to_dict()


LISTED_BODIES = [
    # (text, the content's first words, the source's display name)
    # The list's members are subjects a department is for; the small model tags "Media" an organisation apart.
    pytest.param(
        "The Department for Science, Media and Technology said the rules would change.",
        "the rules would change",
        "Department for Science, Media and Technology",
        id="department-for-subjects",
    ),
    pytest.param(
        "The Council for Music, Theatre and Dance said grants had been cut.",
        "grants had been cut",
        "Council for Music, Theatre and Dance",
        id="council-for-arts",
    ),
    # The tag runs into the list's first comma ("… of Farms,"): the later "the federation" is the whole body.
    pytest.param(
        "The Federation of Farms, Orchards and Market Gardens, which represents growers, said the frost had ruined "
        "the crop. The federation said it would seek help.",
        "it would seek help",
        "Federation of Farms, Orchards and Market Gardens",
        id="federation-later-description",
    ),
    pytest.param(
        "The Federation of Theatres, Cinemas and Concert Halls said ticket sales had fallen. "
        "The federation said it would lobby ministers.",
        "it would lobby ministers",
        "Federation of Theatres, Cinemas and Concert Halls",
        id="federation-venues",
    ),
    # Already whole on main: the list read on its own.
    pytest.param(
        "The Institute of Botany, Ecology and Soil Science said the survey was late.",
        "the survey was late",
        "Institute of Botany, Ecology and Soil Science",
        id="institute-of-subjects",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), LISTED_BODIES)
def test_a_body_named_with_a_list_is_shown_whole(nlp: Language, text: str, content_start: str, name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name
    assert source["kind"] in {"organization", "government"}


SEVERAL_PARTIES = [
    # (text, the content's first words, a word of the first party, a word of another)
    # Each conjunct is a body of its own: a coined name or a body's word, not a subject.
    pytest.param(
        "The Society of Bakers, Tesco and Greggs said bread prices would rise.",
        "bread prices would rise",
        "Bakers",
        "Tesco",
        id="coined-names-after-the-list-comma",
    ),
    pytest.param(
        "The Ministry of Health, the Treasury and the Home Office said the plan was agreed.",
        "the plan was agreed",
        "Health",
        "Office",
        id="three-departments",
    ),
    pytest.param(
        "Oxfam and Save the Children said aid was blocked.",
        "aid was blocked",
        "Oxfam",
        "Children",
        id="two-charities",
    ),
    # A title's "for" part is a portfolio, and no body's name: nothing to glue, and no body.
    pytest.param(
        "The Minister for Culture, Media and Sport said the museum would stay open.",
        "the museum would stay open",
        "Minister",
        "Greggs",
        id="a-title-with-its-portfolio",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "first", "second"), SEVERAL_PARTIES)
def test_parties_listed_stay_apart(nlp: Language, text: str, content_start: str, first: str, second: str) -> None:
    """No display name of one body holds the names of two parties."""
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source.get("kind") not in {"organization", "government"} or not (
        first in source["name"] and second in source["name"]
    )


def test_a_list_with_no_attribution_has_no_source(nlp: Language) -> None:
    output = _analysis(nlp, "The Federation of Farms, Orchards and Market Gardens meets in the spring.")
    assert output["attributions"] == []


GLUED = [
    # (text, the content's first words, the source's display name)
    # A description in apposition, with the name in close apposition to it: the name is the source's; the later
    # "She said" joins it.
    pytest.param(
        "One juror, the novelist Perpetua Oyelowo-Strand, said the shortlist was weak. She said the winner was clear.",
        "the winner was clear",
        "Perpetua Oyelowo-Strand",
        id="description-then-the-novelist-name",
    ),
    pytest.param(
        "A neighbour, the retired teacher Aldous Pennywhistle, said the fence was new.",
        "the fence was new",
        "Aldous Pennywhistle",
        id="neighbour-then-the-teacher-name",
    ),
    # The name in the first apposition, as before.
    pytest.param(
        "A spokesman for the ministry, Dragan Petrovic, said the talks had stalled.",
        "the talks had stalled",
        "Dragan Petrovic",
        id="the-name-is-the-apposition",
    ),
    # Two descriptions, no name: one is shown, the one that says what the source is.
    pytest.param(
        "The festival's organiser, a cycling club based in Dunmere, said every rider had finished.",
        "every rider had finished",
        "cycling club based in Dunmere",
        id="a-description-renamed-by-a-description",
    ),
    pytest.param(
        "One official, the deputy mayor, said the plan was sound.",
        "the plan was sound",
        "deputy mayor",
        id="an-official-who-is-the-deputy-mayor",
    ),
    # A singular apposition after a plural head describes the place inside the phrase, not the people.
    pytest.param(
        "Workers at the plant, the largest employer in the valley, said they had not been paid.",
        "they had not been paid",
        "workers at the plant",
        id="the-apposition-of-the-place",
    ),
    pytest.param(
        "Shopkeepers in Varnholm, a market town where floods closed the bridge in May, said trade had halved.",
        "trade had halved",
        "shopkeepers in Varnholm",
        id="the-apposition-of-the-town",
    ),
    # An apposition hung on the company inside the "of" part describes the company, not the chairman.
    pytest.param(
        "The chairman of Brindle & Moss, the Leeds textile group, said the dividend was safe.",
        "the dividend was safe",
        "chairman of Brindle & Moss",
        id="the-apposition-of-the-company",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), GLUED)
def test_no_description_is_glued_on(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert source_of_statement(_analysis(nlp, text), content_start)["name"] == name


TITLED = [
    # (text, the content's first words, the source's display name)
    # A member of another parliament is titled before the name as an MP is; the party and a describing word before
    # the title are no words of the name, and the later "She said" joins it.
    pytest.param(
        "Local Sinn Féin TD Caoimhe Ní Ghallchóir said the clinic had waited years. She said she would raise it.",
        "she would raise it",
        "Caoimhe Ní Ghallchóir",
        id="irish-td",
    ),
    pytest.param(
        "SNP MSP Ewan Farquharson said the ferry was late.",
        "the ferry was late",
        "Ewan Farquharson",
        id="scottish-msp",
    ),
    # Written after the name, it was already dropped.
    pytest.param(
        "Caoimhe Ní Ghallchóir TD said the clinic had waited years.",
        "the clinic had waited years",
        "Caoimhe Ní Ghallchóir",
        id="td-after-the-name",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), TITLED)
def test_a_parliament_title_is_no_word_of_the_name(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert source_of_statement(_analysis(nlp, text), content_start)["name"] == name
