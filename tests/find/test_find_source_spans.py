"""The source span the tagger gives, read against the parse (extract36), in sentences written for this test (not
the articles' wording). In a longer article the tagger tags a source that is only part of the cue's subject, that
runs over the clause before it, or a subject as content; a lone sentence seldom shows it, so each case builds the
group as the tagger made it (``tagged_groups.group_of``) and runs the one rule:

- an apposition tagged alone widens to the name before it ("Harbourside Events, the company behind the concert");
- a contact relative clause whose antecedent fills the verb's object ("a claim the ministry denied") should have
  the clause's subject as source, not the antecedent (strict xfail: the rule was dropped for its GUM cost);
- a subject tagged as content beside the verb's complement becomes the source ("The inspectors' report,
  published on Thursday, says ...");
- a source running over ", and" from the clause before keeps the cue's own subject.

Each table has guards where the span stays as tagged: no apposition, coordinated speakers, a parenthetical
"said", a relative pronoun as subject, a verb with its own object."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from accordingto.find.sources import (
    name_before_apposition,
    source_in_its_own_clause,
    source_not_in_relative_clause,
    subject_out_of_content,
)
from tagged_groups import attributions, group_of

# (text, cue, content, source as tagged, source after the rule)
APPOSITIONS: list[tuple[str, str, str, str, str]] = [
    (
        "Harbourside Events, the company behind the concert, said the stage had failed a safety check.",
        "said",
        "the stage had failed a safety check",
        "the company behind the concert",
        "Harbourside Events, the company behind the concert",
    ),
    (
        "Grenmoor Water, the utility that supplies the valley, said the pipes would be replaced by spring.",
        "said",
        "the pipes would be replaced by spring",
        "the utility that supplies the valley",
        "Grenmoor Water, the utility that supplies the valley",
    ),
    (
        "Dr Ines Marlow, a consultant at the hospital, told the inquiry the scan had been misread.",
        "told",
        "the scan had been misread",
        "a consultant at the hospital",
        "Dr Ines Marlow, a consultant at the hospital",
    ),
    # Guards: a time before the comma is no name; a whole source stays whole; a quotation's end is no name.
    (
        "On Tuesday, the company behind the concert said the stage had failed a safety check.",
        "said",
        "the stage had failed a safety check",
        "the company behind the concert",
        "the company behind the concert",
    ),
    (
        "Harbourside Events, the company behind the concert, said the stage had failed a safety check.",
        "said",
        "the stage had failed a safety check",
        "Harbourside Events, the company behind the concert",
        "Harbourside Events, the company behind the concert",
    ),
    # A description before the apposition is no name to widen to: the apposition holds the name.
    (
        "His former manager, the Dutch coach known as Van Loon, said the striker had been unlucky.",
        "said",
        "the striker had been unlucky",
        "the Dutch coach known as Van Loon",
        "the Dutch coach known as Van Loon",
    ),
    # The agent of a participle is a modifier's participant, not the subject the apposition renames.
    (
        "In a memo seen by the Dunmore Courier, the trust's director, Alan Pike, said the ward would close.",
        "said",
        "the ward would close",
        "the trust's director, Alan Pike",
        "the trust's director, Alan Pike",
    ),
    (
        "The refunds will take a month, the company behind the concert said on Friday.",
        "said",
        "The refunds will take a month",
        "the company behind the concert",
        "the company behind the concert",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "tagged", "source"), APPOSITIONS)
def test_an_apposition_takes_its_name(
    nlp: Language, text: str, cue: str, content: str, tagged: str, source: str
) -> None:
    group, doc = group_of(nlp, text, cue, content, tagged)
    name_before_apposition(doc, group)
    assert [doc[span.start : span.end].text for span in group.sources] == [source]


# Reading the antecedent as the verb's object gap fixed these, and lowered GUM train CV pronouns 62.6 -> 60.8.
OBJECT_GAP_DROPPED = "dropped (extract36): the object-gap reading of a contact clause, for its GUM cost"

# (text, cue, content, source as tagged, source after the rule)
CONTACT_CLAUSES: list[Any] = [
    pytest.param(
        'The union called the offer "an insult to every driver", a claim the ministry denied on Monday.',
        "denied",
        '"an insult to every driver"',
        "a claim the ministry",
        "the ministry",
        marks=pytest.mark.xfail(
            strict=True,
            reason=OBJECT_GAP_DROPPED,
        ),
    ),
    pytest.param(
        'Parents called the new timetable "chaotic", a word the head teacher rejected.',
        "rejected",
        '"chaotic"',
        "a word the head teacher",
        "the head teacher",
        marks=pytest.mark.xfail(
            strict=True,
            reason=OBJECT_GAP_DROPPED,
        ),
    ),
    # Guards: a relative pronoun stands for the antecedent, who speaks; a verb with its own object has no gap.
    (
        "The inspectors met a nurse who said the ward had been short of staff for months.",
        "said",
        "the ward had been short of staff for months",
        "a nurse who",
        "a nurse who",
    ),
    (
        "She thanked the volunteers the charity sent, and said the work had saved the harvest.",
        "said",
        "the work had saved the harvest",
        "She",
        "She",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "tagged", "source"), CONTACT_CLAUSES)
def test_a_contact_clause_has_its_subject_as_source(
    nlp: Language, text: str, cue: str, content: str, tagged: str, source: str
) -> None:
    group, doc = group_of(nlp, text, cue, content, tagged)
    source_not_in_relative_clause(doc, group)
    assert [doc[span.start : span.end].text for span in group.sources] == [source]


# (text, cue, the subject tagged as content, the complement, source after the rule or None)
SUBJECTS_AS_CONTENT: list[tuple[str, str, str, str, str | None]] = [
    (
        "The inspectors' final report, published on Thursday, says the ward was short of nurses on most nights.",
        "says",
        "The inspectors' final report",
        "the ward was short of nurses on most nights",
        "The inspectors' final report, published on Thursday",
    ),
    (
        "The charity's annual review says most of its shelters were full by October.",
        "says",
        "The charity's annual review",
        "most of its shelters were full by October",
        "The charity's annual review",
    ),
    # Guards: a passive subject is the hearer; a parenthetical "she said" has no subject before it in the content.
    (
        "Parents at the school were told that the roof would be repaired by May.",
        "were told",
        "Parents at the school",
        "that the roof would be repaired by May",
        None,
    ),
    (
        "The new road, she said, would cut the journey to the coast by an hour.",
        "said",
        "The new road",
        "would cut the journey to the coast by an hour",
        None,
    ),
]


@pytest.mark.parametrize(("text", "cue", "subject", "complement", "source"), SUBJECTS_AS_CONTENT)
def test_a_subject_tagged_as_content_is_the_source(
    nlp: Language, text: str, cue: str, subject: str, complement: str, source: str | None
) -> None:
    group, doc = group_of(nlp, text, cue, complement, None)
    first, _ = group_of(nlp, text, cue, subject, None)
    group.contents.insert(0, first.contents[0])
    group.routes = ["tagged", "tagged"]
    subject_out_of_content(doc, group)
    assert [doc[span.start : span.end].text for span in group.sources] == ([] if source is None else [source])
    expected = [complement] if source is not None else [subject, complement]
    assert [doc[span.start : span.end].text for span in group.contents] == expected


# (text, cue, content, source as tagged, source after the rule)
CLAUSES_BEFORE: list[tuple[str, str, str, str, str]] = [
    (
        "The museum's director, Paulo Esteves-Grant, resigned in March, and the trust has not said who will run"
        " the collection.",
        "has not said",
        "who will run the collection",
        "The museum's director, Paulo Esteves-Grant, resigned in March, and the trust",
        "the trust",
    ),
    (
        "The head coach quit last month, and the club has not said who will take charge.",
        "has not said",
        "who will take charge",
        "The head coach quit last month, and the club",
        "the club",
    ),
    # Guards: speakers coordinated with a comma and "and" are one source, a relative clause inside them too.
    (
        "The mayor, who chairs the board, and the police chief said the bridge would stay shut.",
        "said",
        "the bridge would stay shut",
        "The mayor, who chairs the board, and the police chief",
        "The mayor, who chairs the board, and the police chief",
    ),
    # Guard: speakers coordinated with a comma and "and" are one source.
    (
        "The mayor, the police and the fire service said the bridge would stay shut.",
        "said",
        "the bridge would stay shut",
        "The mayor, the police and the fire service",
        "The mayor, the police and the fire service",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "tagged", "source"), CLAUSES_BEFORE)
def test_a_source_keeps_to_its_own_clause(
    nlp: Language, text: str, cue: str, content: str, tagged: str, source: str
) -> None:
    group, doc = group_of(nlp, text, cue, content, tagged)
    source_in_its_own_clause(doc, group)
    assert [doc[span.start : span.end].text for span in group.sources] == [source]


# Texts with no attribution: none of the rules invents one.
NO_ATTRIBUTION = [
    "Harbourside Events, the company behind the concert, sold out the venue in an hour.",
    "The inspectors' final report, published on Thursday, runs to four hundred pages.",
    "The director resigned in March, and the trust closed the gallery for a month.",
]


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_no_statement_no_attribution(nlp: Language, text: str) -> None:
    assert [(a.source_text, a.cue_text) for a in attributions(nlp, text)] == []
