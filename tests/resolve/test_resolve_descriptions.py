"""Definite descriptions as sources ("the former senator said", "the company said"): the participant the text
gave that role, in the forms news writes it, never the person mentioned most merely for being mentioned most,
never a participant of another kind, and the description itself when the text names no one it fits.

Every sentence here is written for these tests. Each case runs with the rules alone and with the pipeline's
strategy (the learned resolver asked where the rules find no antecedent)."""

from __future__ import annotations

import pytest

from accordingto.resolve.speakers import resolve_speakers, write_entities
from handspans import A, known_as, make_doc

CASES = [
    # The role given in a form the rules read: a coordinated predicate or apposition says what the participant
    # is in each of its conjuncts.
    pytest.param(
        "Nora Vance is a lawyer and a former senator. Reporters waited outside the court all morning. The former "
        "senator said the ruling was wrong.",
        "The former senator",
        "Nora Vance",
        id="coordinated-predicate",
    ),
    pytest.param(
        "Paul Grant, a lawyer and former senator, joined the board in May. Shares rose on the news. The former "
        "senator said the merger would go ahead.",
        "The former senator",
        "Paul Grant",
        id="coordinated-apposition",
    ),
    pytest.param(
        "The city's mayor, Tom Alvarez, opened the new library on Friday. Hundreds of children came. The mayor said "
        "reading was the best investment a town could make.",
        "The mayor",
        "Tom Alvarez",
        id="possessive-title-before-the-name",
    ),
    pytest.param(
        "Dana Whitfield is the bakery's owner. The street was closed for repairs in June. The owner said sales had "
        "fallen by half.",
        "The owner",
        "Dana Whitfield",
        id="possessive-predicate",
    ),
    # Two people, the one named most is not the one the description repeats.
    pytest.param(
        "Mark Ellis opened the meeting. Ellis spoke about wages, and Ellis took questions for an hour. He was "
        "followed by Rosa Quinn, the union's treasurer. The treasurer said the fund was empty.",
        "The treasurer",
        "Rosa Quinn",
        id="the-most-mentioned-person-is-not-the-treasurer",
    ),
    pytest.param(
        "Rosa Quinn, the union's treasurer, spoke briefly. Mark Ellis then spoke for an hour, and Ellis took "
        "questions. Ellis thanked the members. The treasurer said the fund was empty.",
        "The treasurer",
        "Rosa Quinn",
        id="the-treasurer-named-first-and-once",
    ),
    # Kinds: a description of a body is a body, not the person named beside it.
    pytest.param(
        "Rosa Quinn founded Brightwater Bakery in 2010. Quinn still owns most of the shares. The company said "
        "sales had doubled.",
        "The company",
        "Brightwater Bakery",
        id="the-company-is-the-company-not-its-founder",
    ),
    # A company or regulator named by its line of business: a body, not a person, though "-maker", "-ator" and
    # "-er" make most such nouns people's ("the carmaker", "the regulator"; desc9).
    pytest.param(
        "Kestrel Motors will close its plant in Ohio next year. Kestrel Motors employs 4,000 people there. The "
        "carmaker said demand had collapsed.",
        "The carmaker",
        "Kestrel Motors",
        id="the-carmaker-is-the-company",
    ),
    pytest.param(
        "Northfield Savings lent the town $40 million in 2019. The loan was repaid early. The lender said the "
        "town had been a good client.",
        "The lender",
        "Northfield Savings",
        id="the-lender-is-the-bank",
    ),
    pytest.param(
        "Halvard Berg has run Polaris Air since 2015. Berg said fares would rise. The airline said it would add "
        "four routes.",
        "The airline",
        "Polaris Air",
        id="the-airline-is-not-the-man-who-runs-it",
    ),
    pytest.param(
        "Kestrel Motors will close its plant in Ohio. Kestrel Motors employs 4,000 people there. Ana Reyes, who "
        "leads the local branch of the United Auto Workers, called the move a betrayal. The carmaker said demand "
        "had collapsed.",
        "The carmaker",
        "Kestrel Motors",
        id="the-carmaker-is-not-the-union-named-last",
        marks=pytest.mark.xfail(
            reason="a bare 'the company' (or 'the carmaker') joins the organisation named last, here the union; "
            "the one named most (Kestrel Motors, twice) is right, but which of two bodies a bare description "
            "stands for was not measured (desc9)",
            strict=True,
        ),
    ),
    # The participant the headline names (desc11): a bare "the company" paragraphs later is the headline's
    # company, though another body was named since; a role the text gave someone else is still theirs. (A strict
    # xfail until who28: "the company" joined the organisation named last, the union; a union is no company.)
    pytest.param(
        "Halvorsen Shipping to cut 300 jobs in Bergen\n\nHalvorsen Shipping will cut 300 jobs at its Bergen yard, "
        "managers told staff on Monday.\n\nThe cuts follow a fall in orders from Asia. Halvorsen Shipping warned "
        "in March that the yard was losing money.\n\nThe Norwegian Seafarers' Union called the decision a "
        "betrayal and promised strikes.\n\nThe company said the yard would stay open.",
        "The company",
        "Halvorsen Shipping",
        id="the-company-of-the-headline-not-the-union-named-since",
    ),
    pytest.param(
        "Dina Marchetti named to head flood inquiry\n\nDina Marchetti will lead the inquiry into the flood, the "
        "government said.\n\nOmar Haddad, a lawyer for the families, welcomed the choice.\n\nThe lawyer said "
        "the hearings must be public.",
        "The lawyer",
        "Omar Haddad",
        id="the-lawyer-is-not-the-person-of-the-headline",
    ),
    pytest.param(
        "Dina Marchetti named to head flood inquiry\n\nDina Marchetti will lead the inquiry into the flood, the "
        "government said.\n\nThe hearings open in May.\n\nThe singer said the hearings must be public.",
        "The singer",
        "The singer",
        id="a-role-no-one-was-given-is-not-the-person-of-the-headline",
    ),
    pytest.param(
        "Halvorsen Shipping to cut 300 jobs in Bergen\n\nThe cuts follow a fall in orders from Asia.\n\nThe "
        "minister said the yard would stay open.",
        "The minister",
        "The minister",
        id="a-minister-never-named-is-not-the-company-of-the-headline",
    ),
    pytest.param(
        "Halvorsen Shipping to cut 300 jobs in Bergen\n\nThe cuts follow a fall in orders from Asia.\n\nThe "
        "union said the yard would stay open.",
        "The union",
        "The union",
        # A strict xfail until who28, whose check of the kind of body ("Shipping" is a company's) is that
        # head-by-head check.
        id="a-union-never-named-is-not-the-company-of-the-headline",
    ),
    pytest.param(
        "Halvard Berg, a regulator at the energy ministry, spoke first. The regulator said prices would rise.",
        "The regulator",
        "Halvard Berg",
        id="a-regulator-the-text-made-a-person",
    ),
    # Nothing in the text fits: the description stays itself.
    pytest.param(
        "Mark Ellis opened the meeting. Ellis spoke about wages. The company said the offer was final.",
        "The company",
        "The company",
        id="a-company-never-named-is-no-person",
    ),
    pytest.param(
        "Mark Ellis opened the meeting. Ellis spoke about wages, and Ellis took questions. The singer said the "
        "hall was too cold.",
        "The singer",
        "The singer",
        id="a-role-no-one-was-given-stays-a-description",
    ),
    pytest.param(
        "Dana Whitfield, 54, who runs the bakery, opened early on Monday. The street was quiet. The owner said "
        "sales had fallen by half.",
        "The owner",
        "Dana Whitfield",
        id="a-role-said-by-a-verb",
        marks=pytest.mark.xfail(
            reason="'who runs the bakery' gives no role noun: only a lexicon of verbs and the roles they imply "
            "('runs' a business: its owner or manager) would link 'the owner' to her; the description stays",
            strict=True,
        ),
    ),
]


@pytest.mark.parametrize("strategy", [{}, None], ids=["rules", "pipeline"])
@pytest.mark.parametrize(("text", "source", "expected"), CASES)
def test_a_definite_description_source(text: str, source: str, expected: str, strategy: dict[str, str] | None) -> None:
    cue = text[text.index(source) + len(source) :].split()[0]
    content = text[text.index(cue, text.index(source)) + len(cue) :].strip(" .")
    doc = make_doc(text, [A(source, cue, content)])
    write_entities(doc, resolve_speakers(doc, strategy=strategy))
    assert known_as(doc, "a1") == expected


# Government bodies named by their function: the rules leave a bare "the regulator" alone (only "the company"
# and "the newspaper" join the body of their kind named last), and the pipeline's learned resolver finds the
# body among its best candidates (desc9: these heads were read as people before).
BODY_CASES = [
    pytest.param(
        "The Federal Aviation Administration grounded the jets on Friday. Boeing said it would cooperate. The "
        "regulator said the inspections would take weeks.",
        "The regulator",
        "Federal Aviation Administration",
        id="the-regulator-is-the-agency-not-the-company-between",
    ),
    pytest.param(
        "The Office of Fair Trading opened an inquiry into Dunmore Telecom on Monday. Dunmore Telecom denied any "
        "wrongdoing. The watchdog said it would report in March.",
        "The watchdog",
        "Office of Fair Trading",
        id="the-watchdog-is-the-office-not-the-company-named-last",
    ),
]


# Named things (an airport, a stadium, a race: spaCy's FAC, LOC, EVENT, WORK_OF_ART ...) a description repeats the
# head noun of. The rules collect such names only as antecedents of "it" and "they", so a bare "The airport said"
# is left new by them and decided by the learned resolver (a rule for it was tried and not kept, desc10:
# docs/experiments/resolution.md).
THING_CASES = [
    pytest.param(
        "Flights were cancelled at Larkhill Airport on Sunday after snow closed both runways. Passengers slept "
        "in the terminal. The airport said it would reopen on Monday.",
        "The airport",
        "Larkhill Airport",
        id="the-airport-is-the-airport-named",
    ),
    pytest.param(
        "The Riverside Marathon was run on Sunday in heavy rain. Mayor Karel Novak handed out the medals. The "
        "marathon said 9,000 runners had finished.",
        "The marathon",
        "Riverside Marathon",
        id="the-marathon-not-the-person-named-last",
    ),
    pytest.param(
        "The Hadley Stadium hosted the final on Saturday. Fans later marched across the Golden Gate Bridge. The "
        "stadium said 40,000 people had come.",
        "The stadium",
        "Hadley Stadium",
        id="of-two-named-things-the-one-with-the-head",
    ),
    pytest.param(
        "Snow closed Larkhill Airport on Sunday. Trains ran late across the county. The museum said its doors "
        "would stay shut.",
        "The museum",
        "The museum",
        id="a-named-thing-of-another-head-is-not-the-museum",
    ),
]


@pytest.mark.parametrize(("text", "source", "expected"), [*BODY_CASES, *THING_CASES])
def test_a_body_or_thing_named_by_its_function_or_head(text: str, source: str, expected: str) -> None:
    cue = text[text.index(source) + len(source) :].split()[0]
    content = text[text.index(cue, text.index(source)) + len(cue) :].strip(" .")
    doc = make_doc(text, [A(source, cue, content)])
    write_entities(doc, resolve_speakers(doc))
    assert known_as(doc, "a1") == expected
