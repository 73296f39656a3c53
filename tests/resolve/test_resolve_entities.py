"""The participants the speaker rules collect (``resolve.entities``): which quotation holds a character, the key a
description is compared by, agreement between a pronoun and a participant, and what attaching, moving and merging
mentions teaches an entity. Each is a small contract the rules rely on; a regression in one sends a pronoun or a
description to the wrong person without any rule changing."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_resolve_mentions import tokens_of

from accordingto.resolve.entities import (
    Entities,
    Entity,
    Occurrence,
    QuoteMap,
    compatible,
    description_key,
)
from accordingto.resolve.mentions import Mention, analyze_mention


def mention_at(doc: Doc, words: str, nth: int = 0) -> Mention:
    """The mention read from the ``nth`` occurrence of ``words`` in ``doc``."""
    mention = analyze_mention(doc, *tokens_of(doc, words, nth))
    assert mention is not None, words
    return mention


def occurrence_of(doc: Doc, mention: Mention, source: bool = False) -> Occurrence:
    span = doc[mention.start : mention.end]
    return Occurrence(
        mention=mention,
        tokens=(mention.start, mention.end),
        ranges=[(span.start_char, span.end_char)],
        source=source,
        attributions=[],
        sentence=0,
        quote=None,
        subject=True,
    )


QUOTES = [
    # (quotations as character ranges, character asked, index of the innermost quotation holding it)
    pytest.param([(0, 20)], 5, 0, id="inside-one"),
    pytest.param([(0, 20)], 25, None, id="outside-all"),
    pytest.param([(0, 40), (10, 20)], 15, 1, id="nested-innermost"),
    pytest.param([(0, 40), (10, 20)], 30, 0, id="nested-outer-part"),
    pytest.param([(0, 10)], 10, None, id="end-is-outside"),
    pytest.param([(0, 10)], 99, None, id="beyond-the-text"),
    pytest.param([], 3, None, id="no-quotations"),
]


@pytest.mark.parametrize(("quotes", "char", "expected"), QUOTES)
def test_the_innermost_quotation_holding_a_character(
    quotes: list[tuple[int, int]], char: int, expected: int | None
) -> None:
    assert QuoteMap(quotes, 50).index(char) == expected


KEYS = [
    # Determiners and quantifiers do not tell descriptions apart: "some US officials" repeats "US officials".
    pytest.param("Some US officials met. US officials said no.", "Some US officials", "US officials", True, id="some"),
    pytest.param("Two engineers left. The engineers said so.", "Two engineers", "The engineers", True, id="number"),
    # A modifier does: "the junior doctors" are not "the doctors" of another hospital.
    pytest.param(
        "The junior doctors struck. The doctors said no.", "The junior doctors", "The doctors", False, id="modifier"
    ),
    # Nor does number agree across singular and plural.
    pytest.param("The officer left. The officers said no.", "The officer", "The officers", False, id="number-differs"),
]


@pytest.mark.parametrize(("text", "first", "second", "same"), KEYS)
def test_description_keys(nlp: Language, text: str, first: str, second: str, same: bool) -> None:
    doc = nlp(text)
    first_key = description_key(doc, mention_at(doc, first))
    second_key = description_key(doc, mention_at(doc, second))
    assert (first_key == second_key) is same


def entity(kind: str, number: str = "sing", gender: str | None = None, named: bool = True) -> Entity:
    return Entity(index=0, kind=kind, number=number, gender=gender, names=[["Name"]] if named else [])  # type: ignore[arg-type]


AGREEMENT = [
    # (sentence, pronoun, candidate participant, agrees)
    pytest.param("He said so.", "He", entity("person", gender="masc"), True, id="he-man"),
    pytest.param("He said so.", "He", entity("person", gender="fem"), False, id="he-woman"),
    pytest.param("He said so.", "He", entity("person"), True, id="he-person-of-no-known-gender"),
    pytest.param("He said so.", "He", entity("organization"), False, id="he-company"),
    pytest.param("He said so.", "He", entity("group", number="plur"), False, id="he-group"),
    # An undecided kind is a person for "he" only when it is a name (a lone surname), not "a problem".
    pytest.param("He said so.", "He", entity("unknown"), True, id="he-unknown-name"),
    pytest.param("He said so.", "He", entity("unknown", named=False), False, id="he-unknown-description"),
    pytest.param("She said so.", "She", entity("person", gender="fem"), True, id="she-woman"),
    pytest.param("It said so.", "It", entity("organization"), True, id="it-company"),
    pytest.param("It said so.", "It", entity("person"), False, id="it-person"),
    pytest.param("It said so.", "It", entity("organization", number="plur"), False, id="it-plural"),
    # "They" is any plural, and also a body (news writes "the company ... they said").
    pytest.param("They said so.", "They", entity("group", number="plur"), True, id="they-group"),
    pytest.param("They said so.", "They", entity("organization"), True, id="they-company"),
    pytest.param("They said so.", "They", entity("person", gender="masc"), False, id="they-one-man"),
]


@pytest.mark.parametrize(("text", "pronoun", "candidate", "agrees"), AGREEMENT)
def test_pronoun_agreement(nlp: Language, text: str, pronoun: str, candidate: Entity, agrees: bool) -> None:
    doc = nlp(text)
    assert compatible(mention_at(doc, pronoun), candidate) is agrees


def test_attaching_learns_gender_kind_and_keys(nlp: Language) -> None:
    doc = nlp("Mrs. Ines Kaur chairs the board. Kaur said the vote was fair.")
    entities = Entities(QuoteMap([], len(doc.text)))
    full = occurrence_of(doc, mention_at(doc, "Mrs. Ines Kaur"))
    entities.attach(doc, full, None, {})
    found = full.entity
    assert found is not None
    assert found.gender == "fem"  # from the honorific
    assert found.names == [["Ines", "Kaur"]]  # the honorific is not part of the name
    # Filed under its last word and its first name, so that a later "Kaur" or "Ines" finds it.
    assert entities.latest([("last", "kaur")]) == [found]
    assert entities.latest([("first", "ines")]) == [found]
    assert entities.latest([("last", "board")]) == []


def test_it_makes_an_undecided_name_an_organisation(nlp: Language) -> None:
    doc = nlp("Brevik said it would appeal.")
    entities = Entities(QuoteMap([], len(doc.text)))
    undecided = Entity(index=0, kind="unknown", number="sing", gender=None)
    entities.all.append(undecided)
    entities.attach(doc, occurrence_of(doc, mention_at(doc, "it")), undecided, {})
    assert undecided.kind == "organization"


def test_moving_and_merging_keep_occurrences_in_text_order(nlp: Language) -> None:
    doc = nlp("Dana Holt spoke. Omar Said replied. He said it was late. She agreed.")
    entities = Entities(QuoteMap([], len(doc.text)))
    holt, said, he, she = (
        occurrence_of(doc, mention_at(doc, words)) for words in ("Dana Holt", "Omar Said", "He", "She")
    )
    entities.attach(doc, holt, None, {})
    entities.attach(doc, said, None, {})
    first, second = holt.entity, said.entity
    assert first is not None and second is not None and first is not second
    entities.attach(doc, he, first, {})
    entities.move(he, second)
    assert he.entity is second and he not in first.occurrences
    assert [o.tokens[0] for o in second.occurrences] == sorted(o.tokens[0] for o in second.occurrences)
    entities.attach(doc, she, second, {})
    entities.merge(second, into=first)
    assert second.occurrences == []
    assert [o.mention.head for o in first.occurrences] == sorted(o.mention.head for o in (holt, said, he, she))
    assert all(o.entity is first for o in first.occurrences)
    assert ["Omar", "Said"] in first.names
