"""A source's display name is the fullest proper name of its entity (issue 10, deliverable 2): a body's long formal
name is one name, not cut at the "and", the list comma or the "for" inside it (news26's largest junk class), and a
later "the charity said" or "the authority said" joins that whole name. Sentences written for these tests, with
invented names, through the whole pipeline; and texts where nothing of the kind must change: two bodies coordinated
stay two, people and places are not read as bodies' names."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _analysis(nlp: Language, text: str) -> dict[str, Any]:
    return accordingto.analyze(text, nlp=nlp).to_dict()


CASES = [
    # (text, the content's first words, the source's name, its kind)
    # A body's word after an "and" whose first part is no name of its own, with the body's "of" part after it.
    pytest.param(
        "Kidney and Liver Trust of North Arden said its phone lines had been busy all week.",
        "its phone lines had been busy",
        "Kidney and Liver Trust of North Arden",
        "organization",
        id="and-then-body-word-then-of-part",
    ),
    # The members a body is "of", listed with commas and closed by "and".
    pytest.param(
        "The Guild of Weavers, Dyers and Spinners said the looms had been idle since March.",
        "the looms had been idle",
        "Guild of Weavers, Dyers and Spinners",
        "organization",
        id="list-comma-in-of-part",
    ),
    # Places coordinated inside the "of" part (a lexicon body word: "Diocese").
    pytest.param(
        "The Diocese of Penhallow and Trevose, which runs the school, said it would review the case.",
        "it would review the case",
        "Diocese of Penhallow and Trevose",
        "organization",
        id="places-in-of-part",
    ),
    # A "for" part, read because the text calls the name's bearer a body (a noun before it, an apposition after it).
    pytest.param(
        "The regulator Fair Fares for the Valleys and Uplands said it had received 400 complaints.",
        "it had received 400 complaints",
        "Fair Fares for the Valleys and Uplands",
        "government",
        id="for-part-after-a-body-noun",
    ),
    pytest.param(
        "Fair Play for Carers, a campaign group, said the payments were too low.",
        "the payments were too low",
        "Fair Play for Carers",
        "organization",
        id="for-part-before-an-apposition",
    ),
    # A capitalised common noun inside a sentence before the name's "for" part heads the name; the apposition stays
    # out of it.
    pytest.param(
        "The Campaign for Clean Rivers, a pressure group, said the river was polluted.",
        "the river was polluted",
        "Campaign for Clean Rivers",
        "organization",
        id="capitalised-common-noun-head",
    ),
    pytest.param(
        "The Chamber of Commerce and Industry of Westhaven said exports had fallen.",
        "exports had fallen",
        "Chamber of Commerce and Industry of Westhaven",
        "organization",
        id="chamber-of-and",
    ),
    # Guards: people and places are no body's name.
    pytest.param(
        "Hannah Okoye of Redwater Partners said the fund had grown.",
        "the fund had grown",
        "Hannah Okoye",
        "person",
        id="person-of-a-firm",
    ),
    pytest.param(
        "Health minister Joan Pike said the wards were full.",
        "the wards were full",
        "Joan Pike",
        "person",
        id="person-with-a-role",
    ),
    pytest.param(
        "The Minister for Health said the wards were full.",
        "the wards were full",
        "Minister for Health",
        "person",
        id="a-title-s-for-part",
    ),
    pytest.param(
        "Mary Penrose and John Ashdown said the house had been sold.",
        "the house had been sold",
        "Mary Penrose and John Ashdown",
        "group",
        id="two-people",
    ),
    pytest.param(
        "The union, which represents drivers and guards, said the vote was clear.",
        "the vote was clear",
        "union",
        "organization",
        id="no-name-at-all",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name", "kind"), CASES)
def test_a_body_s_long_name_is_one_name(nlp: Language, text: str, content_start: str, name: str, kind: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name
    assert source["kind"] == kind


LATER = [
    # (text, the later statement's first words, the body's full name)
    pytest.param(
        "Kidney and Liver Trust of North Arden said its phone lines had been busy. The charity said the wait was "
        "too long.",
        "the wait was too long",
        "Kidney and Liver Trust of North Arden",
        id="the-charity",
    ),
    # The parser makes "Fire" the head and "Authority" its conjunct: "the authority" is the body by its head word,
    # and "Rescue Authority" is no participant of its own.
    pytest.param(
        "Crews worked through the night, the Upland Fire and Rescue Authority of Carrowmore said. The authority "
        "said two homes were lost.",
        "two homes were lost",
        "Upland Fire and Rescue Authority of Carrowmore",
        id="the-authority",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), LATER)
def test_a_later_description_joins_the_whole_name(nlp: Language, text: str, content_start: str, name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name


TWO_BODIES = [
    # (text, the content's first words, a word of the first body, a word of the second)
    pytest.param(
        "The Council of Elders and the Youth Forum said the plan was fair.",
        "the plan was fair",
        "Elders",
        "Youth",
        id="second-body-with-its-own-body-word",
    ),
    pytest.param(
        "Acme Holdings and Brandt Logistics said the deal would close in May.",
        "the deal would close",
        "Acme",
        "Brandt",
        id="two-company-names",
    ),
    pytest.param(
        "The Society of Authors and the Publishers Association said the deal was fair.",
        "the deal was fair",
        "Authors",
        "Publishers",
        id="of-part-then-another-body",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "first", "second"), TWO_BODIES)
def test_two_bodies_coordinated_stay_two(nlp: Language, text: str, content_start: str, first: str, second: str) -> None:
    """A coordination of two bodies each with its own body word is two parties, a group, and the display name
    never joins them into one body's name."""
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["kind"] == "group"
    assert not (first in source["name"] and second in source["name"])


@pytest.mark.xfail(
    reason="a body named in the 'of' part is joined when the small model tags the whole coordination "
    "one organisation and no word of the second says it is a body ('Barclays'); a known limit",
    strict=True,
)
def test_a_company_coordinated_inside_an_of_part_stays_apart(nlp: Language) -> None:
    source = source_of_statement(
        _analysis(nlp, "The Bank of Corrin and Barclays said the merger was off."), "the merger was off"
    )
    assert source["kind"] == "group"


def test_a_place_tagged_an_organisation_stays_in_the_name(nlp: Language) -> None:
    """A place the small model tags an organisation alone ("Borders") had ended the name before it ("Fair Fares for
    the West"); the body's noun before the name calls the coordination one body (names28)."""
    text = "The regulator Fair Fares for the West and Borders said it had received 400 complaints."
    source = source_of_statement(_analysis(nlp, text), "it had received 400 complaints")
    assert source["name"] == "Fair Fares for the West and Borders"
