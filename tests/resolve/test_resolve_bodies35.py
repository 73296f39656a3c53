"""A body's "it said" (bodies35, issue 10): a company's name the small model tagged an organisation in one place and
left untagged in another is still that company's name.

A proper name names the same bearer all through an article, but the tag is read afresh at each occurrence. Untagged,
a name ending in a plural word and holding an "and" ("Oakridge Care and Support Services") was read as a plural
description of no kind, which no "it" may stand for, and the company's "In a statement, it said" went to a thing
named before ("The logbook … showed"). Guards: a name tagged nowhere stays no one source ("super PACs"), a name met
once keeps its reading, a text with no attribution has no source.

A possessor's words say nothing of the possessed's gender: "Mrs Hale's lawyer, Devinder Keble" had been read a
woman by Mrs Hale's title, and his "He said" went to a partner named in his firm's name ("Keble, Orr and Pryce").
Guard: a title on the name itself still gives its gender.

The article and possessor cases fail on the code before bodies35 (24f5fd9). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from test_resolve_mentions import tokens_of

import accordingto
from accordingto.resolve.mentions import analyze_mention
from handspans import parser
from statements import source_of_statement

ARTICLE = (
    "Oakridge Care and Support Services Ltd had argued that the post breached its policy.\n\nThe inspector said she "
    "preferred the nurse's account. The logbook, she said, showed that two carers had been absent.\n\nOakridge Care "
    'and Support Services said it was "disappointed" by the ruling and was considering an appeal. In a statement, it '
    "said the safety of residents had always come first. It said the home had passed its last inspection."
)


def _source_of(nlp: Language, text: str, content_start: str) -> dict[str, Any]:
    return source_of_statement(accordingto.analyze(text, nlp=nlp).to_dict(), content_start)


CASES = [
    # (text, the content's first words, the speaker's name)
    # The company's name without its legal form is the company (split38), shown by its fullest name.
    pytest.param(
        ARTICLE, "the safety of residents", "Oakridge Care and Support Services Ltd", id="in-a-statement-it-said"
    ),
    pytest.param(ARTICLE, "the home had passed", "Oakridge Care and Support Services Ltd", id="the-next-it-said"),
    # Guard: the name met once, tagged, already took its "it".
    pytest.param(
        "The logbook, the inspector said, showed that two carers had been absent. Oakridge Care and Support Services "
        "said it was disappointed. It said the home had passed its last inspection.",
        "the home had passed",
        "Oakridge Care and Support Services",
        id="a-name-met-once",
    ),
    # Guard: a person's "he" is untouched by the rule.
    pytest.param(
        "Oakridge Care and Support Services Ltd runs the home. Its manager, Colin Marsh, said staff were tired. He "
        "said two carers had left.",
        "two carers had left",
        "Colin Marsh",
        id="a-person-named-after-the-company",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "speaker"), CASES)
def test_a_bodys_it_said_is_the_body(nlp: Language, text: str, content_start: str, speaker: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == speaker


def test_a_text_with_no_attribution_has_no_source(nlp: Language) -> None:
    analysis = accordingto.analyze("Oakridge Care and Support Services runs eleven homes in the county.", nlp=nlp)
    assert analysis.attributions == []


def _untagged(doc: Doc, keep: int) -> Doc:
    """``doc`` with only its first ``keep`` entities left tagged: the small model's tag of the second occurrence
    varies with the sentence, so the test sets it."""
    doc.set_ents(list(doc.ents[:keep]), default="outside")
    return doc


READING_CASES = [
    # (entities left tagged, the name read for the untagged second occurrence, its kind, its number)
    # Tagged an organisation before: the same words are that organisation, one body.
    pytest.param(1, "Oakridge Care and Support Services", "organization", "sing", id="tagged-elsewhere"),
    # Tagged nowhere: an untagged plural proper noun is still no one source.
    pytest.param(0, None, "unknown", "plur", id="tagged-nowhere"),
]


@pytest.mark.parametrize(("keep", "name", "kind", "number"), READING_CASES)
def test_an_untagged_name_reads_as_the_body_tagged_elsewhere(
    keep: int, name: str | None, kind: str, number: str
) -> None:
    text = (
        "Oakridge Care and Support Services Ltd sold the home.\n\nOakridge Care and Support Services said it would "
        "appeal."
    )
    doc = _untagged(parser()(text), keep)  # spaCy alone: the tags are set before anything reads the doc
    mention = analyze_mention(doc, *tokens_of(doc, "Oakridge Care and Support Services", nth=1))
    assert mention is not None
    assert (mention.name(doc), mention.kind, mention.number) == (name, kind, number)


POSSESSOR_CASES = [
    # (text, the content's first words, the speaker's name)
    # A woman's title in the possessor does not make her lawyer a woman; the partner named in his firm's name is
    # no "he" of his own.
    pytest.param(
        "Mrs Hale's lawyer, Devinder Keble of Keble, Orr and Pryce, said the fine was unfair. He said his client "
        "would appeal.",
        "his client would appeal",
        "Devinder Keble",
        id="a-possessors-title-is-not-the-lawyers",
    ),
    pytest.param(
        "Mr Amos's daughter, Ngozi Amos, said the ward had been short of staff. Her brother, Tobi Amos, said little. "
        "She said the family wanted answers.",
        "the family wanted answers",
        "Ngozi Amos",
        id="a-possessors-title-is-not-the-daughters",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "speaker"), POSSESSOR_CASES)
def test_a_possessor_gives_no_gender(nlp: Language, text: str, content_start: str, speaker: str) -> None:
    assert _source_of(nlp, text, content_start).get("name") == speaker


GENDER_CASES = [
    # (text, the mention's words, its gender)
    ("Mrs Hale's lawyer, Devinder Keble, said the fine was unfair.", "Mrs Hale's lawyer, Devinder Keble", None),
    # The head's own word decides, not the possessor's title before it.
    ("Mr Amos's daughter said the ward was short of staff.", "Mr Amos's daughter", "fem"),
    # Guard: the title on the name itself still says who the mention is.
    ("Mrs Devinder Keble said the fine was unfair.", "Mrs Devinder Keble", "fem"),
]


@pytest.mark.parametrize(("text", "words", "gender"), GENDER_CASES)
def test_the_gender_a_mention_with_a_possessor_is_read_with(text: str, words: str, gender: str | None) -> None:
    doc = parser()(text)
    mention = analyze_mention(doc, *tokens_of(doc, words))
    assert mention is not None
    assert mention.gender == gender
