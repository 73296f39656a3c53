"""A quantified pronoun is no antecedent (stop 32, lead): "anyone", "anybody", "everyone", "nobody" range over people
instead of naming one, so the "he" or "she" of a later sentence never stands for them, even where the quantified
pronoun is the source of a nested report ("asked whether anyone had warned …"), which the rules otherwise prefer as
the latest speaker. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement

CASES = [
    # (text, the content's first words, the speaker's name shown, or None for no source entity)
    pytest.param(
        "Roy Denner, the council's planning chief, gave evidence on Monday. A lawyer for the family asked him "
        "whether anyone had warned that the bridge could fail. He said he did not remember such a warning.",
        "he did not remember",
        "Roy Denner",
        id="the-one-asked-not-anyone",
    ),
    pytest.param(
        "Marta Ilves, who chairs the hospital board, told MPs the ward had improved. She was asked if anybody had "
        "told her that it was failing. She said she had read every report.",
        "she had read every report",
        "Marta Ilves",
        id="the-one-asked-not-anybody",
    ),
    pytest.param(
        "The coach, Ben Arkwright, spoke after the defeat. He was asked whether everyone had agreed that the team "
        "had lost its nerve. He said the squad would regroup.",
        "the squad would regroup",
        "Ben Arkwright",
        id="not-everyone",
    ),
    # Guard: a named speaker just before is still the answer.
    pytest.param(
        "Nobody told the tenants about the fire risk, the inspector found. The landlord, Owen Pryce, disputed "
        "that. He said the notices had been posted in May.",
        "the notices had been posted",
        "Owen Pryce",
        id="guard-named-speaker",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_a_pronoun_never_stands_for_a_quantified_pronoun(
    nlp: Language, text: str, content_start: str, name: str
) -> None:
    output = accordingto.analyze(text, nlp=nlp).to_dict()
    assert source_of_statement(output, content_start).get("name") == name


def test_no_attribution_in_a_text_with_only_a_quantified_pronoun(nlp: Language) -> None:
    output = accordingto.analyze("Anyone can enter the draw until Friday.", nlp=nlp).to_dict()
    assert output["attributions"] == []
