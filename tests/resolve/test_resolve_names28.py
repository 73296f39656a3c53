"""A source's display name is the fullest proper name of its entity (issue 10, deliverable 2), for name shapes of
many languages: a surname's particle ("ap", "al-", "Mac", "van"), an Iberian double surname whose first half is
the short form, a hyphenated given name or surname, an abbreviated rank; and for bodies' names that coordinate
trades or causes, or that a text meets outside a source with their "of"/"for" part. Sentences written for these
tests, with invented names, through the whole pipeline; and texts where nothing of the kind must change: an
English middle name is no surname, outlets keep their kind, two bodies stay two."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _analysis(nlp: Language, text: str) -> dict[str, Any]:
    return accordingto.analyze(text, nlp=nlp).to_dict()


PEOPLE = [
    # (text, the content's first words, the source's display name)
    # A Welsh "ap" (son of) in lower case is no outlet's "AP": the person is one source with "Mr ap Gwynfor".
    pytest.param(
        "The union met on Monday. Its chair, Iolo ap Gwynfor, told members the offer was poor. "
        "Mr ap Gwynfor said the vote would be held in May.",
        "the vote would be held",
        "Iolo ap Gwynfor",
        id="welsh-ap",
    ),
    # An Arabic "al-" in lower case, likewise.
    pytest.param(
        "The envoy, Tariq al-Hashimi, said talks would resume. Mr al-Hashimi said the delegation had arrived.",
        "the delegation had arrived",
        "Tariq al-Hashimi",
        id="arabic-al",
    ),
    # An Irish "Mac" opens the surname; the lists' first name "Mac" does not make "Oisín" a headline's word.
    pytest.param(
        "Professor Oisín Mac Lochlainn said the report was late.",
        "the report was late",
        "Oisín Mac Lochlainn",
        id="irish-mac",
    ),
    pytest.param(
        "The inspector, Femke van Dalsum, said the school had improved. Ms van Dalsum said the head deserved credit.",
        "the head deserved credit",
        "Femke van Dalsum",
        id="dutch-van",
    ),
    # The first of two Spanish surnames is the short form.
    pytest.param(
        "The midfielder Carlos Andrés Peñaloza Uribe was sent off on Saturday. "
        "Peñaloza, 24, said the decision was harsh.",
        "the decision was harsh",
        "Carlos Andrés Peñaloza Uribe",
        id="spanish-first-surname",
    ),
    # A hyphenated Korean given name, its second syllable read as a common noun.
    pytest.param(
        "The bank's chief economist, Ji-hoon Seo, said rates would stay high.",
        "rates would stay high",
        "Ji-hoon Seo",
        id="korean-hyphenated-given-name",
    ),
    pytest.param(
        "The port's manager, Min-jun Choi, said the cranes were inspected.",
        "the cranes were inspected",
        "Min-jun Choi",
        id="korean-given-name-after-a-role",
    ),
    # A double-barrelled surname after a title, untagged: the name never starts inside the word.
    pytest.param(
        "The judge, Lady Justice Ashworth-Kemp, said the appeal was dismissed.",
        "the appeal was dismissed",
        "Ashworth-Kemp",
        id="double-barrelled-after-titles",
    ),
    # A rank abbreviated without a full stop is a title, and the later mention joins the full name.
    pytest.param(
        "Detective Superintendent Marian Colquhoun opened the briefing. "
        "Det Supt Colquhoun said the search would continue.",
        "the search would continue",
        "Marian Colquhoun",
        id="abbreviated-rank",
    ),
    # Guards. A word in the middle of an English name that the lists give as a first name is a middle name, not
    # a first surname: the neighbour "Grant" is another person.
    pytest.param(
        "The witness, Thomas Grant Whitfield, said he saw the car. Grant, a neighbour, said he heard nothing.",
        "he heard nothing",
        "Grant",
        id="english-middle-name-stays-apart",
    ),
    # Two speakers: the nearest full name is not the surname's.
    pytest.param(
        "Morwen Trelease met the striker Luis Zárate on Monday. Zárate said the team had earned it.",
        "the team had earned it",
        "Luis Zárate",
        id="two-people-nearest-is-wrong",
    ),
    # A compound the name modifies is no part of it.
    pytest.param(
        "The ex-Halvorsen engineer Tom Reid said it was late.",
        "it was late",
        "Tom Reid",
        id="lower-case-prefix-stays-out",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), PEOPLE)
def test_a_person_is_shown_by_the_whole_name(nlp: Language, text: str, content_start: str, name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name
    assert source["kind"] == "person"


OUTLETS = [
    # Outlets whose names hold a particle's letters keep their kind when written with the capital.
    pytest.param("The AP said the count was delayed.", "the count was delayed", "AP", id="ap"),
    pytest.param(
        "Al Jazeera said its reporter had been released.", "its reporter had been released", "Al Jazeera", id="al"
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), OUTLETS)
def test_an_outlet_keeps_its_kind(nlp: Language, text: str, content_start: str, name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name
    assert source["kind"] == "media"


BODIES = [
    # (text, the later or only statement's first words, the body's full name)
    # Two lines of business joined: one company's trades.
    pytest.param(
        "Tremayne Shipping and Logistics said on Tuesday that the cargo had been unloaded.",
        "that the cargo had been unloaded",
        "Tremayne Shipping and Logistics",
        id="two-trades",
    ),
    # A singular body's noun in apposition calls a coordination of ordinary words one body.
    pytest.param(
        "Clean Air and Quiet Streets, a campaign group, said the scheme had failed.",
        "the scheme had failed",
        "Clean Air and Quiet Streets",
        id="campaign-named-by-two-causes",
    ),
    pytest.param(
        "Fair Rents and Safe Homes, a tenants' alliance, said the rules were ignored.",
        "the rules were ignored",
        "Fair Rents and Safe Homes",
        id="alliance-named-by-two-causes",
    ),
    # A body's word and its "of" before the part the small model tagged.
    pytest.param(
        "The European Federation of Bee and Honey Producers said yields had fallen.",
        "yields had fallen",
        "European Federation of Bee and Honey Producers",
        id="federation-of-coordinated-members",
    ),
    # A name met outside the sources, read through its "for" part; the later "the foundation" joins it.
    pytest.param(
        "The trustees of the Pemberton Foundation for Rural Music said they would sell the hall. "
        "The foundation said the sale was needed.",
        "the sale was needed",
        "Pemberton Foundation for Rural Music",
        id="for-part-outside-a-source",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), BODIES)
def test_a_body_is_shown_by_the_whole_name(nlp: Language, text: str, content_start: str, name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name
    assert source["kind"] == "organization"


TWO_PARTIES = [
    # (text, the content's first words, a word of the first party, a word of the second)
    pytest.param(
        "Oxfam and Save the Children, two charities, said the aid was late.",
        "the aid was late",
        "Oxfam",
        "Children",
        id="plural-apposition",
    ),
    pytest.param(
        "The council and the police said the road would stay shut.",
        "the road would stay shut",
        "council",
        "police",
        id="two-descriptions",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "first", "second"), TWO_PARTIES)
def test_two_parties_are_not_one_name(nlp: Language, text: str, content_start: str, first: str, second: str) -> None:
    """No display name is one body's name made of two parties' names."""
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source.get("kind") != "organization" or not (first in source["name"] and second in source["name"])


def test_a_text_with_no_attribution_has_no_source(nlp: Language) -> None:
    output = _analysis(nlp, "The van der Berg family farm lies near the river.")
    assert output["attributions"] == []
    assert output["sources"] == []


@pytest.mark.xfail(
    reason="the parser may make the council's name a conjunct of the place before it ('Kelston' poss, 'Council' "
    "conj), so no word before the tagged part hangs on its last word and the name stays cut; a known limit",
    strict=True,
)
def test_a_council_named_by_two_places_before_a_possessive(nlp: Language) -> None:
    text = (
        "Cuts worth £3 million to Kelston and District Council's budget were approved on Monday. "
        "The council said it had no choice."
    )
    assert source_of_statement(_analysis(nlp, text), "it had no choice")["name"] == "Kelston and District Council"


@pytest.mark.xfail(
    reason="two companies each named with a line of business are read as one name when the small model tags the "
    "coordination whole ('Marlow Shipping and Fenwick Logistics'); as on main, a known limit",
    strict=True,
)
def test_two_companies_with_their_own_names_stay_two(nlp: Language) -> None:
    source = source_of_statement(
        _analysis(nlp, "Marlow Shipping and Fenwick Logistics said the deal was off."), "the deal was off"
    )
    assert source["kind"] == "group"
