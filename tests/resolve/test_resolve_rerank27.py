"""The speaker classes a ranker fitted on judged news was tried on (rerank27, issue 10; not built, see
docs/experiments/resolution.md), on sentences written for these tests, through the whole pipeline: two-speaker
paragraphs where the nearest name is the wrong answer, an anonymous speaker continued by "he said" / "she said",
and a description with two compatible named participants that must stay apart from both. What the pipeline gets
right today is pinned; the anonymous "he said" it still gives to the named man is a strict xfail, so a fix shows
as XPASS."""

from __future__ import annotations

import pytest
from spacy.language import Language

import accordingto
from statements import source_of_statement

CASES = [
    # (text, the content's first words, the speaker's display name)
    # The nearest name is the presenter who questioned him; the subject of the sentence before is the speaker.
    pytest.param(
        "Edwin Galloway, the housing minister, was questioned for an hour on Sunday by the presenter Tom Linden. He "
        "said he had done nothing wrong.",
        "he had done nothing wrong",
        "Edwin Galloway",
        id="nearest-name-is-the-interviewer",
    ),
    # The shopkeeper who interrupted is named last; the councillor is the subject and the scheme's proposer.
    pytest.param(
        "Councillor Ahmed Rahimi, who proposed the scheme, was interrupted several times by Colin Brewster, a local "
        "shopkeeper. He said the scheme would cut traffic by a third.",
        "the scheme would cut traffic",
        "Ahmed Rahimi",
        id="nearest-name-interrupted-him",
    ),
    # An anonymous speaker continued by "she said": the named chief executive of the sentence before is not she.
    pytest.param(
        "The hospital trust's chief executive, Margaret Oyelaran, said the wards were safe. A nurse who has worked "
        "on the children's ward for twelve years said staff were exhausted. She said three colleagues had resigned "
        "in a month.",
        "three colleagues had resigned",
        "nurse",
        id="anonymous-nurse-continued-by-she",
    ),
    pytest.param(
        "Kwabena Osei, the union's regional secretary, said the strike would go ahead. A driver who has worked on "
        "the line for twenty years said he could no longer pay his rent. He said several colleagues had already "
        "left for other jobs.",
        "several colleagues had already left",
        "driver",
        # news26's class, which rerank27's ranker fixed out of fold; anon28's rule for an anonymous speaker does
        id="anonymous-driver-continued-by-he",
    ),
    # Two people either of whom the description could be: it stays a source of its own rather than pick one.
    pytest.param(
        "Greta Lindqvist, an economist at the central bank, and Paula Okafor, an economist at a private bank, both "
        "spoke at the launch. The economist said growth would slow next year.",
        "growth would slow",
        "economist",
        id="description-with-two-compatible-names-stays-apart",
    ),
    pytest.param(
        "Greta Lindqvist and Paula Okafor both spoke at the launch of the report on Monday. The economist said "
        "growth would slow next year.",
        "growth would slow",
        "economist",
        id="description-no-one-was-given-stays-apart",
    ),
    # Guard: of two named people introduced with roles, the description shares its words with one of them only.
    pytest.param(
        "Helen Marsh, the council's chief executive, and Dorota Kowal, who chairs the planning committee, both "
        "attended the meeting. The chief executive said the budget was balanced.",
        "the budget was balanced",
        "Helen Marsh",
        id="guard-description-shares-words-with-one",
    ),
]


@pytest.mark.parametrize(("text", "content_start", "name"), CASES)
def test_the_speaker_where_the_nearest_name_is_not_it(nlp: Language, text: str, content_start: str, name: str) -> None:
    output = accordingto.analyze(text, nlp=nlp).to_dict()
    assert source_of_statement(output, content_start).get("name") == name
