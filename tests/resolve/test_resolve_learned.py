"""Which class of source mention the strategy hands to the learned resolver (``resolve.learned.mention_class``):
the speakers stage's ``strategy`` is keyed by it, so a mention put in the wrong class is decided by the wrong
party (the rules or the model)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from accordingto.resolve.learned import mention_class
from accordingto.resolve.mentions import analyze_mention

CASES = [
    pytest.param("Then he spoke.", "he", "he", id="he"),
    pytest.param("They thanked him.", "him", "he", id="him-is-he"),
    pytest.param("Then she spoke.", "she", "she", id="she"),
    pytest.param("It said no.", "It", "it", id="it"),
    pytest.param("They said no.", "They", "they", id="they"),
    pytest.param("The former mayor said no.", "The former mayor", "definite description", id="definite"),
    pytest.param("A source said no.", "A source", None, id="indefinite-introduces-someone"),
    pytest.param("Marcus Lee said no.", "Marcus Lee", "name", id="name"),
    pytest.param("I said no.", "I", None, id="first-person"),
]


@pytest.mark.parametrize(("text", "words", "expected"), CASES)
def test_the_class_of_a_source_mention(nlp: Language, text: str, words: str, expected: str | None) -> None:
    doc = nlp(text)
    found = re.search(rf"\b{words}\b", text)
    assert found is not None
    span = doc.char_span(found.start(), found.end())
    assert span is not None
    mention = analyze_mention(doc, span.start, span.end)
    assert mention is not None
    assert mention_class(doc, mention) == expected
