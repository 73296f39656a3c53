"""A bare place noun is the place the text is about (gum36, issue 10): "the city", "the town", "the village" are
the settlement the text has named most so far, not a country, and "the country", "the nation" the country named
most. The rules had taken the latest entity whose name ends in the noun ("Mexico City") or nothing, and the
learned resolver, asked where the rules found none, the nearest place of any size. Cases: the settlement named
again and again speaks, not the neighbour, the capital or the country named once just before; a country is never
given to "the city". Guards: a company's "the company said", a mayor's own "the city", a modified noun left to the
other rules, a text with no statement. And a "he" or "she" on a chain of antecedents always refers: the chain of
a predicate ("she became the first woman to …") goes through the "she" to her name. Sentences written for these
tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from accordingto.resolve.markables import find_markables
from accordingto.resolve.ranker import DocumentResolver, shipped_ranker
from statements import source_of_statement


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


CASES = [
    # (text, the content's first words, the speaker's name)
    pytest.param(
        "The new library in Manchester opened on Monday. Trams in Manchester run late, and the market in Manchester "
        "is busy. Many visitors to the library came from Liverpool. The city said the library had cost 20 million "
        "pounds.",
        "the library had cost",
        "Manchester",
        id="the-city-named-most-not-the-neighbour-named-last",
    ),
    pytest.param(
        "Fishing boats from Galway left early. The harbour in Galway was quiet, and the pubs of Galway were empty. "
        "Some visitors came from Dublin by train. The town said the festival would go ahead.",
        "the festival would go ahead",
        "Galway",
        id="the-town-named-most-not-the-capital-named-last",
    ),
    pytest.param(
        "Hotels in Chicago are full this summer. The lake front of Chicago is busy. Many of the visitors fly in from "
        "Mexico City. The city said water use had fallen.",
        "water use had fallen",
        "Chicago",
        id="the-city-not-a-name-ending-in-city",
    ),
    pytest.param(
        "Farmers in Kenya are waiting for rain. The drought has hit the north of Kenya hardest, while the capital has "
        "had showers. Aid workers flew in from Canada. The country said help would arrive soon.",
        "help would arrive soon",
        "Kenya",
        id="the-country-named-most-not-the-donor-named-last",
    ),
    # Guards.
    pytest.param(
        "Acme Foods opened a plant in Manchester and in Manchester it employs 200 people. The company said more jobs "
        "would follow.",
        "more jobs would follow",
        "Acme Foods",
        id="guard-the-company-is-no-place",
    ),
    pytest.param(
        "Mayor Dana Whitfield of Chicago said the city would appeal.",
        "the city would appeal",
        "Dana Whitfield",
        id="guard-the-mayor-speaks-of-the-city",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_a_bare_place_noun_is_the_place_written_about(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == name


NOT_THE_PLACE = [
    # (text, the content's first words, the place the description must not be given)
    pytest.param(
        "France raised taxes on fuel in March. The city said the rise was unfair.",
        "the rise was unfair",
        "France",
        id="the-city-is-no-country",
    ),
    pytest.param(
        "Hotels in Chicago are full this summer. The lake front of Chicago is busy. Many of the visitors fly in from "
        "Mexico City. The Mexican city said water use had fallen.",
        "water use had fallen",
        "Chicago",
        id="guard-a-modified-noun-sets-itself-apart",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "place"), NOT_THE_PLACE)
def test_a_place_noun_is_not_another_place(nlp: Language, text: str, content_start: str, place: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") != place


def test_no_statement_no_source(nlp: Language) -> None:
    output = accordingto.analyze("Trams in Leeds run late. The city has two museums and a market.", nlp=nlp)
    assert output.to_dict()["attributions"] == []


def test_a_chain_through_she_goes_on_to_her_name(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """A "he" or "she" on a chain of antecedents always stands for someone before it: a predicate's chain goes to
    its subject "she", and from there to her best candidate even where the model scores "no antecedent" best for
    the "she" (as it did for a biography's "She became the first woman to …", which had stayed unresolved).
    The model's "no antecedent" is forced here, for every mention, so that the test does not depend on weights."""
    doc = nlp("Mara Quist studied law in Glasgow. In 2019 she became the first woman to chair the bar council.")
    markables = find_markables(doc)
    resolver = DocumentResolver(markables, shipped_ranker())
    heads = {doc[m.head].text: k for k, m in enumerate(markables.mentions)}
    woman, she, quist = heads["woman"], heads["she"], heads["Quist"]
    monkeypatch.setattr(DocumentResolver, "antecedent", lambda self, k: None)
    assert resolver.best_candidate(she) == quist
    assert resolver.best_chains([woman], lambda j: j == quist) == {woman: [she, quist]}
    # The chain's owner itself may still stop at "no antecedent": only a pronoun on the way is known to refer.
    assert resolver.best_chains([she], lambda j: j == quist) == {she: []}
