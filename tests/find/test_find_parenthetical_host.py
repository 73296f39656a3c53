"""A reporting clause inserted into what it reports ("Most of the flats, the developer said, will be sold"): its
content is the host clause around the insertion, in two pieces, where the tagger tagged only part of it
(extract38), in sentences written for this test. Guards: a word of the host the tagger gave another role, a verb
with a complement of its own, a reporting clause at the end of the sentence, and a relative clause stay as tagged."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from accordingto.find.contents import parenthetical_host
from tagged_groups import group_of

# (text, cue, source, the content as tagged, a word of the host tagged as a source or None, the content after).
PARENTHETICALS: list[tuple[str, str, str, str, str | None, list[str]]] = [
    (
        "Most of the new flats, the developer said, will be sold to first-time buyers.",
        "said",
        "the developer",
        "will be sold to first-time buyers",
        None,
        ["Most of the new flats", "will be sold to first-time buyers"],
    ),
    (
        "In the long run, economists say, the levy could push rents higher.",
        "say",
        "economists",
        "rents higher",
        None,
        ["In the long run", "the levy could push rents higher"],
    ),
    (
        "The closure of the pier, council officers said, was never part of the plan.",
        "said",
        "council officers",
        "The closure of the pier",
        None,
        ["The closure of the pier", "was never part of the plan"],
    ),
    # Another role in the host: the tagger read the host otherwise.
    (
        "Most of the new flats, the developer said, will be sold to first-time buyers.",
        "said",
        "the developer",
        "Most of the new flats",
        "first-time buyers",
        ["Most of the new flats"],
    ),
    # The reporting clause closes the sentence: no host on both sides.
    (
        "Most of the new flats will be sold to first-time buyers, the developer said.",
        "said",
        "the developer",
        "Most of the new flats",
        None,
        ["Most of the new flats"],
    ),
    # A relative clause of the subject is no insertion into a report.
    (
        "The developer, who said the flats were cheap, sold most of them to investors.",
        "said",
        "who",
        "the flats were cheap",
        None,
        ["the flats were cheap"],
    ),
]


@pytest.mark.parametrize(("text", "cue", "source", "content", "other", "after"), PARENTHETICALS)
def test_a_parenthetical_reporting_clause_takes_its_host(
    nlp: Language, text: str, cue: str, source: str, content: str, other: str | None, after: list[str]
) -> None:
    group, doc = group_of(nlp, text, cue, content, source)
    tags = np.zeros(len(doc), dtype=np.int64)
    for spans, tag in ((group.sources, 1), ([group.cue], 3), (group.contents, 5)):
        for span in spans:
            tags[span.start : span.end] = tag
    if other is not None:
        start = text.index(other)
        found = doc.char_span(start, start + len(other), alignment_mode="expand")
        assert found is not None
        tags[found.start : found.end] = 1
    parenthetical_host(doc, group, tags)
    assert [doc[span.start : span.end].text for span in group.contents] == after
