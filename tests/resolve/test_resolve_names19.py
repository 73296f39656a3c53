"""news19's leftovers taken as classes (names19), on sentences written for these tests, through the whole pipeline:
a capitalised adjective that opens a name ("Unseeded …") kept in it when the first name is not in the lists; a
number that opens a name after "the" ("the 1886 Trust") cut off as a date; a noun for one office's holder ("the
pontiff") and a headline's lone title ("Pope …") apart from the person bearing the title; a label written before a
name ("world No 3 …") and repeated with "the" apart from that person. With guards where nothing should join, and
texts with no statement in which these classes stand."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


CASES = [
    # (text, the content's first words, the source's name, its kind, its role)
    # A word that is only an adjective opens no name, and is no role.
    pytest.param(
        "Unbeaten Solveig Marrak won the final on Sunday. Marrak said she had felt calm all week.",
        "she had felt calm",
        "Solveig Marrak",
        "person",
        None,
        id="an-adjective-opens-no-name",
    ),
    # A number after "the" opens the name it stands before.
    pytest.param(
        "Last night the 1923 Society said it was worried about the club's debts.",
        "it was worried",
        "1923 Society",
        "organization",
        None,
        id="a-number-opens-a-name",
    ),
    # A noun for one office's holder is the person bearing the title.
    pytest.param(
        "Pope Linus III met the two leaders on Sunday. Later the pontiff said the talks had been honest.",
        "the talks had been honest",
        "Linus III",
        "person",
        "pope",
        id="the-pontiff-is-the-pope",
    ),
    # A headline's lone title is the one person the story gives it.
    pytest.param(
        "Pope urges calm, offers Rome for talks\n\nPope Linus III on Sunday called for an end to the fighting in "
        "Davren.",
        "calm",
        "Linus III",
        "person",
        "pope",
        id="a-headlines-lone-title-is-its-holder",
    ),
    # The one a body is "led by" is its president.
    pytest.param(
        "Rosa Lindell said the vote was fair. The panel, chaired by lawyer Anouk Breitner, met on Monday. The panel "
        "chairwoman said the rules had been followed.",
        "the rules had been followed",
        "Anouk Breitner",
        "person",
        "panel chairwoman",
        id="the-one-a-body-is-chaired-by-is-its-chair",
    ),
    # A label written before a name, repeated with "the", is that person.
    pytest.param(
        "Ebba Lindqvist beat world No 5 Halla Brenvik in straight sets. Brenvik said she had been tired. The world "
        "No 5 told reporters that her knee had hurt.",
        "that her knee had hurt",
        "Halla Brenvik",
        "person",
        None,
        id="a-label-before-a-name-repeated",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name", "kind", "role"), CASES)
def test_the_source_of_a_statement_in_a_class_names19_took(
    nlp: Language, text: str, content_start: str, name: str, kind: str, role: str | None
) -> None:
    source = _source_of(nlp, text, content_start)
    assert (source.get("name"), source.get("kind"), source.get("role")) == (name, kind, role)


@pytest.mark.parametrize(
    ("text", "content_start", "name", "role"),
    [
        # An adjective opening a title stays with the title: the role is the whole title.
        (
            "Foreign Secretary Halvor Brenn said the talks had ended.",
            "the talks had ended",
            "Halvor Brenn",
            "foreign secretary",
        ),
        # A word that is a noun too may be a name's: "Royal" is kept.
        ("Royal Halvor Brenn said the talks had ended.", "the talks had ended", "Royal Halvor Brenn", None),
    ],
)
def test_a_name_keeps_what_is_no_lone_adjective(
    nlp: Language, text: str, content_start: str, name: str, role: str | None
) -> None:
    source = _source_of(nlp, text, content_start)
    assert (source.get("name"), source.get("role")) == (name, role)


@pytest.mark.parametrize(
    ("text", "content_start", "not_name"),
    [
        # The label's latest use stood before no name: the description stays apart from the person named before.
        (
            "Ebba Lindqvist beat world No 5 Halla Brenvik in May. A new world No 5 was crowned in June. The world "
            "No 5 told reporters that the rankings were unfair.",
            "that the rankings were unfair",
            "Halla Brenvik",
        ),
        # Another number is another label.
        (
            "Ebba Lindqvist beat world No 5 Halla Brenvik in straight sets. The world No 4 told reporters that the "
            "draw was hard.",
            "that the draw was hard",
            "Halla Brenvik",
        ),
        # Two people bearing the title: the headline's lone title is neither.
        (
            "Bishop warns of cuts\n\nBishop Anna Veldt said on Monday that schools would close. Bishop Tom Rask said "
            "he agreed.",
            "of cuts",
            "Anna Veldt",
        ),
    ],
)
def test_a_description_stays_apart_where_the_text_does_not_join_it(
    nlp: Language, text: str, content_start: str, not_name: str
) -> None:
    assert _source_of(nlp, text, content_start).get("name") != not_name


@pytest.mark.parametrize(
    "text",
    [
        "Unbeaten Solveig Marrak won the final on Sunday.",
        "The supporters' group the 1923 Society met on Monday.",
        "Pope Linus III met the two leaders on Sunday, and the pontiff then flew home.",
        "Ebba Lindqvist beat world No 5 Halla Brenvik in straight sets, and the world No 5 left the court in tears.",
    ],
)
def test_the_classes_in_texts_with_no_statement(nlp: Language, text: str) -> None:
    assert accordingto.analyze(text, nlp=nlp).to_dict()["attributions"] == []
