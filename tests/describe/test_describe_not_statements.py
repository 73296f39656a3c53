"""Not statements on everyday news (stmt26): gestures toward a person and beliefs no one named holds are marked by
their cue class, and the same verbs used as statements are not. Sentences written for these tests."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from accordingto import lexicon
from accordingto.annotations import role_spans
from accordingto.describe.stance import describe_stance
from handspans import make_doc


def cue_class(text: str, cue: Any, content: Any) -> str | None:
    doc = make_doc(text, [{"cue": cue, "content": content}])
    roles = role_spans(doc)["a1"]
    return dataclasses.asdict(describe_stance(roles["cue"], roles["content"]))["cue_class"]


# (text, cue, content, expected cue class)
CASES: list[tuple[str, Any, Any, str]] = [
    # An evaluation verb whose only content is a person or body: an act toward them.
    ("The headteacher thanked him.", "thanked", "him", "gesture"),
    ("The mayor thanked the nurses.", "thanked", "the nurses", "gesture"),
    ("The winning candidate congratulated his rival.", "congratulated", "his rival", "gesture"),
    ("The chairman had firmly backed the coach.", "had firmly backed", "the coach", "gesture"),
    ("Two councillors supported Mrs Okafor.", "supported", "Mrs Okafor", "gesture"),
    # A congratulation stays a gesture with its reason: nothing is reported.
    ("She congratulated the team on a fine season.", "congratulated", "the team on a fine season", "gesture"),
    # The same verbs with a thing judged or words given stay evaluations.
    ("The union praised the new rota.", "praised", "the new rota", "evaluation"),
    ("Residents welcomed the decision.", "welcomed", "the decision", "evaluation"),
    ("The council backed it.", "backed", "it", "evaluation"),
    # Criticism, blame and praise of a person say something about them.
    (
        "The opposition accused the mayor of hiding the report.",
        "accused",
        "the mayor of hiding the report",
        "evaluation",
    ),
    ("Parents blamed the headteacher.", "blamed", "the headteacher", "evaluation"),
    ("The judge praised the jury.", "praised", "the jury", "evaluation"),
    ("The minister backed the plan to close the depot.", "backed", "the plan to close the depot", "evaluation"),
    # Agentless passives of belief verbs: a belief no one named holds.
    ("The hearing is expected to last four days.", "is expected", ["The hearing", "to last four days"], "expectation"),
    (
        "The two leaders are expected to meet next month.",
        "are expected",
        ["The two leaders", "to meet next month"],
        "expectation",
    ),
    (
        "The boat is believed to have sunk overnight.",
        "is believed",
        ["The boat", "to have sunk overnight"],
        "expectation",
    ),
    (
        "It is widely thought that the bridge will close.",
        "is widely thought",
        "that the bridge will close",
        "expectation",
    ),
    # A "by" of a date is the deadline the parser reads as an agent: no one holds the belief (stmt38).
    ("A full result was expected by Sunday.", "was expected", ["A full result", "by Sunday"], "expectation"),
    (
        "The verdict is expected by the end of the month.",
        "is expected",
        ["The verdict", "by the end of the month"],
        "expectation",
    ),
    # A verdict or a discovery is no belief held by no one.
    ("The driver was found not guilty of dangerous driving.", "was found", ["The driver", "not guilty"], "belief"),
    # The same verbs as statements: a holder is named, or speech is predicted of the subject.
    ("Officials expected that the bridge would close.", "expected", "that the bridge would close", "belief"),
    ("The minister is expected to say that fares will rise.", "is expected to say", "that fares will rise", "belief"),
    (
        "The hearing is expected by lawyers to last four days.",
        "is expected",
        ["The hearing", "to last four days"],
        "belief",
    ),
    ("Analysts believe the boat sank overnight.", "believe", "the boat sank overnight", "belief"),
    # British "agree" with a noun settles terms, an act; with a clause it reports assent (stmt38).
    ("The club had agreed a fee with Dunmore Town.", "had agreed", "a fee with Dunmore Town", "decision"),
    ("The union agreed a three-year pay deal.", "agreed", "a three-year pay deal", "decision"),
    ("The union agreed that the offer was fair.", "agreed", "that the offer was fair", "neutral"),
]


@pytest.mark.parametrize(("text", "cue", "content", "expected"), CASES)
def test_cue_class(text: str, cue: Any, content: Any, expected: str) -> None:
    assert cue_class(text, cue, content) == expected


def test_marked_classes_are_left_out_of_statements() -> None:
    assert {"gesture", "expectation"} <= lexicon.NOT_STATEMENT_CUE_CLASSES
    assert "expectation" not in lexicon.ACTION_CUE_CLASSES
    assert "congratulate" not in lexicon.STATEMENT_CUE_WORDS
