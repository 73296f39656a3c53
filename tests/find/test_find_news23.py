"""Extraction classes news23 found on an everyday mix of ten news articles nothing had been tuned on, each in
sentences written for this test (not the articles' wording):

- the subject of an agentless passive verb of saying or believing is what is said or expected of, never who says
  or expects it ("The inspector is expected to report in March", "The bridge is said to have cost ...");
- a cue that opens with its verb's subject gives the subject back as the source ("Chatterly said ...", where the
  small model parsed the unknown name as an adverb and the tagger took it into the cue).

Each table has guards: the same words where they do name the speaker must stay so."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from accordingto.annotations import analysis_from_doc
from accordingto.find.groups import Group
from accordingto.find.sources import leave_hearer_unnamed, subject_out_of_cue
from accordingto.find.tagging import RoleSpan
from accordingto.model import Attribution


def attributions(nlp: Language, text: str) -> list[Attribution]:
    return analysis_from_doc(nlp(text)).attributions


def group_of(nlp: Language, text: str, cue: str, content: str, source: str | None) -> tuple[Group, Doc]:
    """A group as the tagger may make it in a longer article: the cue, content and source are the first words that
    read so (no source when ``source`` is None)."""
    doc = nlp(text)

    def span(role: str, words: str) -> RoleSpan:
        start = text.index(words)
        found = doc.char_span(start, start + len(words), alignment_mode="expand")
        assert found is not None
        return RoleSpan(role, found.start, found.end)

    sources = [] if source is None else [span("SOURCE", source)]
    return Group(cue=span("CUE", cue), contents=[span("CONTENT", content)], sources=sources), doc


# (text, the cue, the source grouping gave it, whether it stays).
TOPIC_GROUPS = [
    ("The inspector is expected to publish her findings in March.", "is expected", "The inspector", False),
    ("The new bridge is said to have cost twice its budget.", "is said", "The new bridge", False),
    ("The singer is known to dislike long interviews.", "is known", "The singer", False),
    ("The festival is believed to have lost money for a third year.", "is believed", "The festival", False),
    ("Two of the councillors are thought to oppose the plan.", "are thought", "Two of the councillors", False),
    # Guards: a "by" agent names who expects; an active verb's subject is its speaker.
    ("The inspector is expected by ministers to publish in March.", "is expected", "The inspector", True),
    ("The inspector expects the findings to be published in March.", "expects", "The inspector", True),
    ("The union said the strike would go ahead.", "said", "The union", True),
]


@pytest.mark.parametrize(("text", "cue", "source", "stays"), TOPIC_GROUPS)
def test_the_topic_of_a_passive_is_no_source(nlp: Language, text: str, cue: str, source: str, stays: bool) -> None:
    group, doc = group_of(nlp, text, cue, text.split()[-1].rstrip("."), source)
    leave_hearer_unnamed(doc, group)
    assert bool(group.sources) is stays


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
