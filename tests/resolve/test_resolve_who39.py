"""Two people of one gender in turn (who39): a quotation tagged only by "he said" or "she said" goes to the person
the paragraph has just made its topic, not to the speaker of the paragraph before.

- A quotation that opens its sentence, tagged only by the pronoun ('"…," she said'), continues the topic (the
  subject of the main clause) of the sentence before it when both stand in one paragraph: news brings a person
  in and gives their words in the same paragraph, and a turn back to the earlier speaker of that gender would
  need a paragraph of its own or a name. Only where that sentence's main verb is one of saying ("said outside the
  hearing that …", whose "that" clause the parser may hang on "hearing"): the learned resolver had sent these to
  the earlier speaker. A person who only acts there is left to the resolver (test_resolve_pipeline's FOLLOWERS).
- Roles coordinated before one name in apposition ("Corvane's founder and chief executive, Dario Lindqvist-Moor")
  are that one person's, so an age epithet after him ("The 44-year-old said") is his, not a man quoted before.

Guards: two names in apposition to two roles are two people; a topic of the other gender leaves the "she" to the
woman quoted before, and so does a topic before her quotation; a quotation in a paragraph of its own is left to the
resolver as before. The mother's two cases and the founder's fail on the code before who39 (97ba174).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import accordingto
from handspans import mention_of
from statements import source_of_statement


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


_INSPECTOR = (
    'Det Insp Carla Brennick, who led the inquiry, said in a written statement that the leak had caused "real harm" '
    "to the family. She said her officers had spent weeks calming witnesses.\n\n"
)
_HEAD = (
    'The head teacher, Yvonne Kessler, said in a letter that the school had followed "every rule". She said no pupil '
    "had been hurt.\n\n"
)
_COACH = (
    'The visiting coach, Martin Oakhurst, said in a statement that his side had been "robbed". He said he would '
    "complain to the league.\n\n"
)

CASES = [
    # (text, the content's first words, the speaker's name)
    pytest.param(
        _INSPECTOR + "The dead man's mother, Helen Farrant-Ness, said outside the hearing that the family "
        'was relieved. "No mother should hear this on the radio," she said. She said she would keep going.',
        "No mother should",
        "Helen Farrant-Ness",
        id="the-mother-introduced-in-the-paragraph-takes-its-she-said",
    ),
    pytest.param(
        _INSPECTOR + "The dead man's mother, Helen Farrant-Ness, said outside the hearing that the family "
        'was relieved. "No mother should hear this on the radio," she said. She said she would keep going.',
        "she would keep going",
        "Helen Farrant-Ness",
        id="and-the-she-said-after-it",
    ),
    pytest.param(
        _COACH + 'The home captain, Rory Dunleavy-Marsh, left the pitch without a word. "We were second to every '
        'ball," he said.',
        "We were second",
        "Rory Dunleavy-Marsh",
        id="the-captain-introduced-in-the-paragraph-takes-its-he-said",
    ),
    pytest.param(
        "A tester who still works there said he had logged 300 hours in a month. He said managers had asked staff "
        "to stop recording them.\n\nCorvane's founder and chief executive, Dario Lindqvist-Moor, denied that anyone "
        'had been told to stop. The 44-year-old said overtime had been "optional".',
        "overtime had been",
        "Dario Lindqvist-Moor",
        id="the-age-epithet-is-the-founder-and-chief-executive-not-the-tester-quoted-before",
    ),
    # Guards.
    pytest.param(
        _HEAD + 'A parent, Thomas Olawale-Finch, spoke outside the hall. "Nobody listened to us," she said.',
        "Nobody listened",
        "Yvonne Kessler",
        id="guard-a-man-as-topic-leaves-the-she-to-the-woman-quoted-before",
    ),
    pytest.param(
        "A parent, Marguerite Olawale-Finch, stood at the back of the hall. The head teacher, Yvonne Kessler, said the "
        'school had followed every rule. "Nobody was hurt," she said.',
        "Nobody was hurt",
        "Yvonne Kessler",
        id="guard-a-topic-before-the-latest-speaker-leaves-the-quotation-to-the-speaker",
    ),
    pytest.param(
        _HEAD + 'A parent, Marguerite Olawale-Finch, spoke outside the hall.\n\n"Nobody listened to us," she said.',
        "Nobody listened",
        "Yvonne Kessler",
        id="guard-a-quotation-in-a-paragraph-of-its-own-is-left-as-before",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_the_speaker_the_paragraph_brought_in(nlp: Language, text: str, content_start: str, name: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == name


NUMBER_CASES = [
    # (text, the mention's words, its number)
    pytest.param(
        "Corvane's founder and chief executive, Dario Lindqvist-Moor, denied the claims.",
        "Corvane's founder and chief executive, Dario Lindqvist-Moor",
        "sing",
        id="two-roles-before-one-name-are-one-person",
    ),
    pytest.param(
        "The club's owner and its manager, Peter Hale and Ann Lee, denied the claims.",
        "The club's owner and its manager, Peter Hale and Ann Lee",
        "plur",
        id="guard-two-roles-before-two-names-are-two-people",
    ),
]


@pytest.mark.parametrize(("text", "words", "number"), NUMBER_CASES)
def test_roles_before_one_name_are_one_person(text: str, words: str, number: str) -> None:
    assert mention_of(text, words).number == number
