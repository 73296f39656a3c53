"""A source's display name is the fullest name of its entity, never a name cut at a word's inner punctuation, at a
post-nominal or inside a body's possessive: post-nominal letters ("KC", "MSP") follow the person's name and are no
name of their own; an apostrophe inside a surname ("O'Callaghan") is a letter of the hyphenated word it opens; a
body's possessor may be two trades or places joined by "and" ("The Coal and Steel Traders' Federation"); a
modifier that coins a place's name ("Greater", "Upper") opens the name even as the sentence's first word; the place
of a compound adjective ("Paisley-born") is no participant; a superlative in apposition ("the oldest of the
estates") is not glued onto the name. Sentences written for these tests, with invented names, through the whole
pipeline."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement


def _analysis(nlp: Language, text: str) -> dict[str, Any]:
    return accordingto.analyze(text, nlp=nlp).to_dict()


WHOLE_NAMES = [
    # (text, the content's first words, the source's display name)
    # Post-nominal letters after a double-barrelled surname: the parser heads the phrase on the letters, which the
    # small model tags apart from the name (or not at all).
    pytest.param(
        "Closing the defence's case, Marcus Okonjo-Fell KC said the evidence was thin. He said the witness had lied.",
        "the evidence was thin",
        "Marcus Okonjo-Fell",
        id="kc-after-double-surname",
    ),
    pytest.param(
        "Closing the defence's case, Marcus Okonjo-Fell KC said the evidence was thin. He said the witness had lied.",
        "the witness had lied",
        "Marcus Okonjo-Fell",
        id="kc-his-he",
    ),
    pytest.param(
        "The Scottish Government's rural affairs secretary, Fergus Lennox-Muir MSP, welcomed the report. He said "
        "crofters would be consulted.",
        "crofters would be consulted",
        "Fergus Lennox-Muir",
        id="msp-in-apposition",
    ),
    pytest.param(
        "The Scottish Government's justice secretary, Hamish Crichton-Bain MSP, welcomed the verdict.",
        "the verdict",
        "Hamish Crichton-Bain",
        id="msp-after-double-surname",
    ),
    pytest.param(
        "The council's finance chief, Ewan Balfour-Kerr MSP, welcomed the budget.",
        "the budget",
        "Ewan Balfour-Kerr",
        id="msp-untagged",
    ),
    # An apostrophe inside the first part of a double-barrelled surname.
    pytest.param(
        "Its general secretary, Bernadette O'Shea-Lindqvist, said members had sent a warning.",
        "members had sent a warning",
        "Bernadette O'Shea-Lindqvist",
        id="irish-particle-hyphenated",
    ),
    # Two trades or places joined by "and" in a body's possessor, after "the".
    pytest.param(
        "Unison welcomed the vote. The Salt and Timber Merchants' Guild of the North Sea said members had lost out.",
        "members had lost out",
        "Salt and Timber Merchants' Guild of the North Sea",
        id="two-trades-possessor",
    ),
    pytest.param(
        "The Cedar Row and Mill Close Residents' Association said its members were worried.",
        "its members were worried",
        "Cedar Row and Mill Close Residents' Association",
        id="two-streets-possessor",
    ),
    # A name-coining modifier opening the sentence.
    pytest.param(
        "Greater Kelmsby Police said officers were called at 10pm.",
        "officers were called at 10pm",
        "Greater Kelmsby Police",
        id="greater-opening-sentence",
    ),
    # A partnership of two rivers' valleys: "the" before the first says it is no person's name.
    pytest.param(
        "The board of the Clyde and Kelvin Regional Transport Partnership voted on Thursday to buy new buses. The "
        "partnership estimates the buses will cost £8 million.",
        "the buses will cost",
        "Clyde and Kelvin Regional Transport Partnership",
        id="rivers-partnership",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), WHOLE_NAMES)
def test_the_display_name_is_the_whole_name(nlp: Language, text: str, content_start: str, name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name
    assert source["named"] is True


NO_NAME = [
    # (text, the content's first words, a word the display name must not be)
    # A party's member: after a determiner the letters are a role, and the party is no name of the source.
    pytest.param("The Labour MP said the vote was a disgrace.", "the vote was a disgrace", "Labour", id="party-mp"),
    pytest.param("A Tory MSP said the bill would fail.", "the bill would fail", "Tory", id="party-msp"),
]


@pytest.mark.parametrize(("text", "content_start", "not_name"), NO_NAME)
def test_a_party_is_no_name_of_its_member(nlp: Language, text: str, content_start: str, not_name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source.get("name") != not_name


def test_a_body_after_another_stays_apart(nlp: Language) -> None:
    """Only a lone word tagged a person's after "the" opens a body's name across "and": two bodies coordinated,
    the first tagged an organisation, stay apart from the second's later description."""
    text = "The Treasury and the Harbour Authority signed the lease. The authority said the rent was fair."
    source = source_of_statement(_analysis(nlp, text), "the rent was fair")
    assert "Treasury" not in source.get("name", "")


COMPOUND_MODIFIERS = [
    # (text, the content's first words, the place that must not be the source's name)
    # The birthplace in a compound adjective is no participant: the later "he said" must not take it.
    pytest.param(
        "Its managing director, Hamish Dalgety, went further. The Paisley-born businessman wrote to the board "
        'before the vote. "They cannot even mend the piers," he said.',
        "They cannot even mend the piers",
        "Paisley",
        id="birthplace-not-a-participant",
    ),
    pytest.param(
        "Its managing director, Hamish Dalgety, was angry. The Kilbirnie-born businessman wrote to every councillor "
        'on Monday. "They cannot even mend the piers," he said.',
        "They cannot even mend the piers",
        "Kilbirnie",
        id="birthplace-after-a-name",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "place"), COMPOUND_MODIFIERS)
def test_a_compound_adjectives_place_is_no_source(nlp: Language, text: str, content_start: str, place: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source.get("name") != place


SUPERLATIVES = [
    # (text, the content's first words, the source's display name)
    # A superlative after "the" set off by commas leaves its noun out ("the oldest [estate]"): it describes the
    # word before its comma, and the name ends there.
    pytest.param(
        "Tenants in Harlow Court, the oldest of the estates, say the lifts have failed for months.",
        "the lifts have failed",
        "tenants in Harlow Court",
        id="superlative-describes-the-place",
    ),
    pytest.param(
        "The rider, the youngest in the team, said the climb had been brutal.",
        "the climb had been brutal",
        "rider",
        id="superlative-after-the-head",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), SUPERLATIVES)
def test_a_superlative_apposition_is_not_glued_on(nlp: Language, text: str, content_start: str, name: str) -> None:
    source = source_of_statement(_analysis(nlp, text), content_start)
    assert source["name"] == name
    assert source["named"] is False
