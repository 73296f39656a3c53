"""Which earlier participant a name or a description joins (``resolve.matching``), by the conventions news prose
follows: a surname or first name of a full name, an organisation by a shorter form of its name, a definite
description to the participant given that role, unless what the text says of both contradicts it. The
participants are collected here in text order, each mention matched against those before it, as the speaker
rules do."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_resolve_entities import mention_at, occurrence_of

from accordingto.resolve.entities import Entities, Entity, QuoteMap
from accordingto.resolve.matching import contradicts, same_description, same_name
from accordingto.resolve.mentions import Mention


def matched(doc: Doc, mention: Mention, entities: Entities) -> Entity | None:
    """The earlier participant a name or a description joins, by the matcher of its form."""
    if mention.form == "name":
        return same_name(doc, mention, entities)
    return same_description(doc, mention, entities)


def collected(doc: Doc, earlier: list[str]) -> tuple[Entities, dict[str, Entity]]:
    """The participants of ``earlier`` (words of the text, in text order), each matched like the rules do."""
    entities = Entities(QuoteMap([], len(doc.text)))
    by_words: dict[str, Entity] = {}
    for words in earlier:
        mention = mention_at(doc, words)
        occurrence = occurrence_of(doc, mention)
        entities.attach(doc, occurrence, matched(doc, mention, entities), {})
        assert occurrence.entity is not None
        by_words[words] = occurrence.entity
    return entities, by_words


NAMES = [
    # (text, earlier mentions in order, the later name, which earlier mention it joins; None: a new participant)
    pytest.param(
        "Barack Obama spoke in Ohio. Obama said the plan works.",
        ["Barack Obama"],
        ("Obama", 1),
        "Barack Obama",
        id="surname",
    ),
    pytest.param(
        "Helga Brandvold and Oskar Lien spoke. Later, Helga said the plan works.",
        ["Helga Brandvold", "Oskar Lien"],
        ("Helga", 1),
        "Helga Brandvold",
        id="first-name",
    ),
    # A surname two people share is the one the text has named most, not the one named last.
    pytest.param(
        "Marta Ruiz runs the farm. Marta Ruiz hired staff. Her cousin Diego Ruiz visited. Ruiz said it was hard.",
        ["Marta Ruiz", "Marta Ruiz", "Diego Ruiz"],
        ("Ruiz", 2),
        "Marta Ruiz",
        id="shared-surname-most-named",
    ),
    pytest.param(
        "Northwind Logistics cut jobs. Northwind said demand fell.",
        ["Northwind Logistics"],
        ("Northwind", 1),
        "Northwind Logistics",
        id="body-by-first-word",
    ),
    pytest.param(
        "Barack Obama spoke in Ohio. Pedersen said the plan works.",
        ["Barack Obama"],
        ("Pedersen", 0),
        None,
        id="another-name",
    ),
]


DESCRIPTIONS = [
    pytest.param(
        "Ruth Okafor, the former mayor of Eastbrook, opposed the plan. The former mayor said it was rushed.",
        ["Ruth Okafor"],
        ("The former mayor", 0),
        "Ruth Okafor",
        id="role-given-earlier",
    ),
    # The sitting mayor, titled, is not "the former mayor"; the one given that role is.
    pytest.param(
        "Mayor Ann Lee opened the hall. Ruth Okafor, the former mayor, stayed away. The former mayor said no.",
        ["Ann Lee", "Ruth Okafor"],
        ("The former mayor", 0),
        "Ruth Okafor",
        id="former-not-the-titled-mayor",
    ),
    # Two participants given the role, neither told apart: the description stays unresolved.
    pytest.param(
        "Harper, the mayor of Eastbrook, met Lee, the mayor of Westvale. The mayor said talks went well.",
        ["Harper", "Lee"],
        ("The mayor", 0),
        None,
        id="two-mayors",
    ),
    # An indefinite description introduces someone new.
    pytest.param(
        "Ruth Okafor, a lawyer, opposed the plan. A lawyer said it was rushed.",
        ["Ruth Okafor"],
        ("A lawyer", 0),
        None,
        id="indefinite",
    ),
    # A bare "the company" is the company the text named last.
    pytest.param(
        "Acme Corp. opened a plant in Leeds. The company said it would hire.",
        ["Acme Corp."],
        ("The company", 0),
        "Acme Corp.",
        id="bare-the-company",
    ),
    # A description of people is not a company, whatever the head word shared.
    pytest.param(
        "Unity Partners backed the bid. The partners said they were pleased.",
        ["Unity Partners"],
        ("The partners", 0),
        None,
        id="people-are-not-a-company",
    ),
]


@pytest.mark.parametrize(("text", "earlier", "later", "joins"), NAMES + DESCRIPTIONS)
def test_which_participant_a_name_or_description_joins(
    nlp: Language, text: str, earlier: list[str], later: tuple[str, int], joins: str | None
) -> None:
    doc = nlp(text)
    entities, by_words = collected(doc, earlier)
    words, nth = later
    assert matched(doc, mention_at(doc, words, nth), entities) is (by_words[joins] if joins else None)


CONTRADICTIONS = [
    # (text, the named participant, the later description, contradicts)
    pytest.param(
        "Lena Fischer, the Republican nominee, spoke. The Democratic nominee said no.",
        "Lena Fischer",
        "The Democratic nominee",
        True,
        id="other-party",
    ),
    pytest.param(
        "Lena Fischer, the Republican nominee, spoke. The Republican nominee said no.",
        "Lena Fischer",
        "The Republican nominee",
        False,
        id="same-party",
    ),
    pytest.param(
        "Ann Lee, the current mayor, spoke. The former mayor said no.",
        "Ann Lee",
        "The former mayor",
        True,
        id="other-time",
    ),
    pytest.param(
        "Mayor Ann Lee, the current mayor, spoke. The former mayor said no.",
        "Mayor Ann Lee",
        "The former mayor",
        True,
        id="other-time-titled",
    ),
    # A title with its own "former" is the former holder.
    pytest.param(
        "Former Mayor Ann Lee spoke. The former mayor said no.",
        "Ann Lee",
        "The former mayor",
        False,
        id="former-title",
    ),
    pytest.param(
        "Mayor Ann Lee spoke. The mayor said no.",
        "Mayor Ann Lee",
        "The mayor",
        False,
        id="title-same-office",
    ),
    pytest.param(
        "Vice President Mike Pence spoke. The president said no.",
        "Vice President Mike Pence",
        "The president",
        True,
        id="lesser-office",
    ),
    pytest.param(
        "Ruth Okafor, the mayor, spoke. The mayor said no.",
        "Ruth Okafor",
        "The mayor",
        False,
        id="same-role",
    ),
]


@pytest.mark.parametrize(("text", "named", "description", "expected"), CONTRADICTIONS)
def test_what_the_text_says_of_both_can_rule_a_description_out(
    nlp: Language, text: str, named: str, description: str, expected: bool
) -> None:
    doc = nlp(text)
    _, by_words = collected(doc, [named])
    assert contradicts(doc, mention_at(doc, description), by_words[named]) is expected
