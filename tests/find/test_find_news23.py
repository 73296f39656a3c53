"""Extraction classes news23 found on an everyday mix of ten news articles nothing had been tuned on, each in
sentences written for this test (not the articles' wording; the subject of an agentless passive of saying or
believing, "The bridge is said to have cost ...", is in test_find_unseen_news.py's table of passive hearers, the
rule it extends):

- a cue that opens with its verb's subject gives the subject back as the source ("Chatterly said ...", where the
  small model parsed the unknown name as an adverb and the tagger took it into the cue).

Each table has guards: the same words where they do name the speaker must stay so."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.find.sources import subject_out_of_cue
from tagged_groups import attributions, group_of

# (text, the cue as the tagger took it, the content's first word, the source it must give, the cue left).
CUES_WITH_SUBJECTS = [
    ("Trevalla said it would fight the ruling in court.", "Trevalla said", "it", "Trevalla", "said"),
    ("Mr Oduya said the ferry would sail at noon.", "Mr Oduya said", "the", "Mr Oduya", "said"),
    (
        "The harbour board announced that fares would rise.",
        "The harbour board announced",
        "that",
        "The harbour board",
        "announced",
    ),
]

# Guards: (text, the cue, the content's first word, the source already given or None): the cue stays whole.
CUES_WITHOUT_SUBJECTS = [
    ("“We will reopen in June,” said the mayor.", "said", "“We", "the mayor"),
    ("The coach, he said, was tired.", "said", "The", "he"),
    ("Asked about the delay, the minister said nothing.", "Asked", "about", None),
]


@pytest.mark.parametrize(("text", "cue", "content", "source", "left"), CUES_WITH_SUBJECTS)
def test_a_cue_gives_back_its_subject(nlp: Language, text: str, cue: str, content: str, source: str, left: str) -> None:
    group, doc = group_of(nlp, text, cue, text[text.index(cue) + len(cue) :].split()[0], None)
    subject_out_of_cue(doc, group)
    assert doc[group.cue.start : group.cue.end].text == left
    assert [doc[span.start : span.end].text for span in group.sources] == [source]


@pytest.mark.parametrize(("text", "cue", "content", "source"), CUES_WITHOUT_SUBJECTS)
def test_a_cue_without_its_subject_stays(nlp: Language, text: str, cue: str, content: str, source: str | None) -> None:
    group, doc = group_of(nlp, text, cue, content, source)
    before = (group.cue.start, group.cue.end, [(span.start, span.end) for span in group.sources])
    subject_out_of_cue(doc, group)
    assert (group.cue.start, group.cue.end, [(span.start, span.end) for span in group.sources]) == before


def test_a_name_before_said_is_the_source(nlp: Language) -> None:
    """End to end: a company's name the small model parses as an adverb (it ends in "-ly") opening the sentence is
    the source, "said" the cue (without the rule: no source, and the cue "Tinderly said")."""
    text = "The regulator fined the app on Monday. Tinderly said it disagreed with the decision and would appeal."
    found = [a for a in attributions(nlp, text) if "disagreed" in a.content_text]
    assert [(a.source_text, a.cue_text) for a in found] == [("Tinderly", "said")]
