"""Nested reports of speech the parse hides (extract36), in sentences written for this test: a verb of telling whose
clause the parse hangs from the hearer ("told inspectors that ...", "that" read as the clause's conjunction), and
a verb coordinated with the one before it, whose subject is stated once ("the men rang the bell and told the owner
they had come ..."). Each is added inside the outer statement with its own source; guards: an object's relative clause
after a verb that addresses nobody, a coordinated verb that is no verb of saying, and texts with no statement."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tagged_groups import attributions

# (text, the nested cue, its source, the start of its content)
NESTED = [
    (
        "According to the audit, the managers told inspectors that the alarms had been tested in May.",
        "told",
        "the managers",
        "that the alarms",
    ),
    (
        "Inspector Ruth Adair of Kelby Police said the two men rang the bell at about 4pm and told the owner they"
        " had come to read the meter because of a fault.",
        "told",
        "the two men",
        "they had come",
    ),
]


@pytest.mark.parametrize(("text", "cue", "source", "content"), NESTED)
def test_a_nested_report_of_speech_is_found(nlp: Language, text: str, cue: str, source: str, content: str) -> None:
    found = [(a.source_text, a.content_text[: len(content)]) for a in attributions(nlp, text) if a.cue_text == cue]
    assert found == [(source, content)]


# (text, a cue that must not be found)
NOT_NESTED = [
    # A clause after the object of a verb that addresses nobody is the object's relative clause.
    ("The mayor said the clerk met the officer that the residents had praised.", "met"),
    # A coordinated verb that reports nothing.
    ("The driver said the two men opened the gate and drove the van into the yard.", "drove"),
    ("The managers thanked inspectors and the alarms were tested in May.", "told"),
]


@pytest.mark.parametrize(("text", "cue"), NOT_NESTED)
def test_no_nested_report_without_one(nlp: Language, text: str, cue: str) -> None:
    assert [a.content_text for a in attributions(nlp, text) if a.cue_text == cue] == []
