"""A bare definite noun for the thing whose name ends in it (gum38): "the Okoro Memorial … The memorial said" is
the memorial, named as written, not a longer phrase read around it.

who37 read "the league", "the council" as the body whose capitalised name, written earlier, ends in that noun.
The reason holds for any name: an English name is headed by its last word, which says what the bearer is (a
mosque, a river, a memorial, a festival), and a text names it in full once and then by that noun. Names of
buildings, rivers and events are collected by the rules only when a pronoun takes them, so "the mosque" had
nothing to join (``speakers._named_by_its_kind``). Not a noun for people ("the minister" after "Prime Minister
Ruth Obi" is Ruth Obi, not a name "Prime Minister"), nor "the city", which names the place the text is about.

The first case fails on the code before gum38 (the name is read with the place after it, "Okoro Memorial in
Lagos"); the guards pass on both: a body's long formal name already collected keeps its full name; the minister;
the city the text is about, not another "… City"; a lower-case "mosque" names nothing. Sentences written for these
tests."""

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
        "Visitors queued for hours at the Okoro Memorial in Lagos on Monday. The queue stretched past the market."
        "\n\nThe memorial said it would open later on Tuesday.",
        "it would open later",
        "Okoro Memorial",
        id="the-memorial-is-the-name-it-ends-not-the-name-and-its-place",
    ),
    pytest.param(
        "The Hallam Museum of Art and Antiquities has refused to return two carved masks. A delegation from Benin "
        "walked out of the talks on Monday.\n\nThe museum said the masks would stay on display.",
        "the masks would stay",
        "Hallam Museum of Art and Antiquities",
        id="guard-a-collected-formal-name-holding-the-noun-keeps-its-full-name",
    ),
    pytest.param(
        "Prime Minister Ruth Obi visited the flooded estate on Monday.\n\nThe minister said the response had been "
        "a disgrace.",
        "the response had been",
        "Ruth Obi",
        id="guard-a-title-is-no-name-the-minister-is-the-person",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_the_right_speaker(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == name


def test_the_city_is_not_another_city_named_in_passing(nlp: Language) -> None:
    text = (
        "Visitors to Dunmere often arrive from Castlebrook City by train. Dunmere has grown fast since the bypass "
        "opened.\n\nThe city said it would build 500 homes."
    )
    assert _source_of(nlp, text, "it would build 500 homes").get("name") != "Castlebrook City"


def test_a_lower_case_mosque_names_nothing(nlp: Language) -> None:
    text = "Worshippers gathered outside the mosque on Friday.\n\nThe mosque said the crowds were larger than expected."
    assert _source_of(nlp, text, "the crowds were larger").get("name") == "mosque"


@pytest.mark.parametrize(
    "text",
    [
        "Divers searched the Tellan River on Sunday. The river was too fast for them.",
        "Crowds filled the streets for the Kelso Lantern Festival. The festival ended at midnight.",
    ],
)
def test_no_attribution_no_source(nlp: Language, text: str) -> None:
    assert accordingto.analyze(text, nlp=nlp).to_dict()["attributions"] == []
