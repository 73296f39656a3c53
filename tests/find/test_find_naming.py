"""A participle of naming that modifies a noun ("a group called Save Our Meadow") names a thing and reports no
statement (extract36), in sentences written for this test. In a longer article the tagger can tag the participle as
a cue and the name as content, which a lone sentence seldom shows, so each case builds that group by hand
(``tagged_groups.group_of``). The verb in a clause of its own ("She called the decision a disgrace") is a saying
and stays, as does a statement whose source is a named thing."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.find.cues import names_a_thing
from tagged_groups import attributions, group_of

# (text, cue, content, whether the group names a thing)
NAMINGS: list[tuple[str, str, str, bool]] = [
    ("Residents have formed a campaign called Save Our Meadow to fight the plan.", "called", "Save Our Meadow", True),
    ("The firm launched an app named Pocket Tutor last spring.", "named", "Pocket Tutor", True),
    ("The march was organised by a group called Fair Rents Now.", "called", "Fair Rents Now", True),
    ("Fans packed a bar dubbed The Dugout by regulars.", "dubbed", "The Dugout", True),
    # The verb of a clause: a saying, with its speaker as subject.
    ('She called the decision "a disgrace" at the meeting.', "called", 'the decision "a disgrace"', False),
    ("The mayor called the plan reckless.", "called", "the plan reckless", False),
    # A participle set off by a comma is a clause of its own; a date after "called" is no name.
    (
        "Reservists, called to duty by the minister, said the camp was flooded.",
        "called",
        "Reservists",
        False,
    ),
    ("The union's leader, called Monday for a public inquiry into the crash.", "called", "for a public inquiry", False),
    # A memo's title is what the memo says.
    ('The campaign released a memo titled "Where the Race Stands".', "titled", '"Where the Race Stands"', False),
]


@pytest.mark.parametrize(("text", "cue", "content", "naming"), NAMINGS)
def test_a_participle_of_naming_is_no_statement(nlp: Language, text: str, cue: str, content: str, naming: bool) -> None:
    group, doc = group_of(nlp, text, cue, content, None)
    assert names_a_thing(doc, group) is naming


# (text, the cue that must stay, its source): statements beside a named thing.
STATEMENTS = [
    ("A charity called Riverwatch said the water was unsafe for swimming.", "said", "A charity called Riverwatch"),
    ("The mayor called the plan reckless.", "called", "The mayor"),
]


@pytest.mark.parametrize(("text", "cue", "source"), STATEMENTS)
def test_a_statement_beside_a_name_stays(nlp: Language, text: str, cue: str, source: str) -> None:
    assert [(a.cue_text, a.source_text) for a in attributions(nlp, text)] == [(cue, source)]


NO_ATTRIBUTION = [
    "Residents have formed a campaign called Save Our Meadow.",
    "The strike, run by a group called Fair Rents Now, began on Monday.",
]


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_a_name_alone_is_no_attribution(nlp: Language, text: str) -> None:
    assert [(a.source_text, a.cue_text) for a in attributions(nlp, text)] == []
