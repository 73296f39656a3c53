"""Which class of source mention the strategy hands to the learned resolver (``resolve.learned.mention_class``):
the speakers stage's ``strategy`` is keyed by it, so a mention put in the wrong class is decided by the wrong
party (the rules or the model); and the rules' choice the model is trained with is the one it is told in use."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import pytest
from spacy.language import Language

from accordingto.resolve import learned
from accordingto.resolve.learned import mention_class
from accordingto.resolve.markables import Markables, find_markables
from accordingto.resolve.mentions import analyze_mention
from accordingto.resolve.speakers import DEFAULT_STRATEGY, resolve_speakers, rules_links

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


def test_the_rules_choice_is_the_same_in_training_and_at_run_time(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The learned resolver is trained with the rules' choice of every source pronoun as a feature
    (``speakers.rules_links``, read off the rules' final entities) and told it at run time
    (``LearnedAnswers.revise``, before the rules give a quote's "I" its speaker): the two must agree, or the
    feature means one thing in training and another in use. A quoted "I" of the speaker was the difference."""
    text = (
        'Tomas Varga runs the harbour at Kelby. "I believe more ships will come this year," he said. The council '
        "met on Monday and approved a budget. Later, he said the pilots were ready."
    )
    doc = nlp(text)
    markables = find_markables(doc)
    trained = {markables.mentions[k].head: heads(markables, links) for k, links in rules_links(markables).items()}
    told: dict[int, set[int]] = {}
    revise = learned.LearnedAnswers.revise

    def telling(self: learned.LearnedAnswers, *args: Any) -> None:
        revise(self, *args)
        known = self.resolver.markables
        told.update({known.mentions[k].head: heads(known, links) for k, links in known.rules_links.items()})

    monkeypatch.setattr(learned.LearnedAnswers, "revise", telling)
    resolve_speakers(doc, strategy=DEFAULT_STRATEGY)
    later = next(token.i for token in doc if token.text == "he" and doc[token.i - 2].text == "Later")
    assert later in trained and later in told  # asked at run time, so told the rules' choice
    assert trained == {head: links for head, links in told.items() if head in trained}
    assert not {doc[head].lower_ for links in trained.values() for head in links} & {"i"}


def heads(markables: Markables, links: Collection[int]) -> set[int]:
    return {markables.mentions[j].head for j in links}
