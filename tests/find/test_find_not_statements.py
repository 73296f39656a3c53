"""Not statements on everyday news (stmt26), through the whole pipeline: goods recalled and a programme called a
show are no attributions; a gesture toward a person, a forecast no one holds and a lay-off, which PolNeAR
annotates, are found only with a cue class a user counting statements leaves out; the same verbs reporting words
stay statements. Sentences written for this test (no corpus or news fixture wording)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.annotations import analysis_from_doc
from accordingto.lexicon import NOT_STATEMENT_CUE_CLASSES
from accordingto.model import Attribution


def attributions(nlp: Language, text: str) -> list[Attribution]:
    return analysis_from_doc(nlp(text)).attributions


# Nothing said: goods or people summoned back, and "show" as a compound's noun.
NOTHING_SAID = [
    "The pushchairs are being recalled because the brakes can fail.",
    "Nearly 10,000 heaters have been recalled since March because of a faulty switch.",
    "Her appearance on a quiz show that nobody watched made her famous.",
    "The quiz show she won in 1998 was cancelled.",
    "A radio show the mayor hosts has been taken off air.",
    "Thousands of electric kettles are being recalled because of a wiring fault.",
    "About 40,000 toy scooters were recalled last month.",
]

# Found or not, only with a class of NOT_STATEMENT_CUE_CLASSES.
MARKED = [
    "The bakery is laying off forty workers at its Leeds site.",
    "The coroner thanked him at the end of the hearing.",
    "The mayor congratulated her rival shortly after midnight.",
    "The board had publicly backed the head coach only last week.",
    "The hearing is expected to last four days.",
    "Both leaders are expected to meet in Vienna next month.",
]

# The same verbs reporting what someone said or thinks: statements, not marked (None: any source; the extractor
# leaves the predicted speaker of "is expected to say" in the content).
STATEMENTS: list[tuple[str, str | None, str]] = [
    ("She recalled that the bridge had flooded twice that winter.", "She", "bridge"),
    ("The minister is expected to say that fares will rise in January.", None, "fares"),
    ("Officials expected that the bridge would reopen by Easter.", "Officials", "bridge"),
    ("The survey shows that rents rose sharply last year, the agency said.", "agency", "rents"),
    ("New figures show rents rose by 8% last year, the agency said.", "agency", "rents"),
    ("Figures from the council show that rents rose by 8% last year.", "Figures", "rents"),
    ("The coach thanked the fans, saying their support had carried the team.", "coach", "support"),
]


@pytest.mark.parametrize("text", NOTHING_SAID)
def test_nothing_said_is_no_attribution(nlp: Language, text: str) -> None:
    found = attributions(nlp, text)
    assert found == [], [(a.cue_text, a.content_text) for a in found]


@pytest.mark.parametrize("text", MARKED)
def test_an_act_or_unheld_belief_is_marked(nlp: Language, text: str) -> None:
    for attribution in attributions(nlp, text):
        assert attribution.cue_class in NOT_STATEMENT_CUE_CLASSES, (attribution.cue_text, attribution.cue_class)


@pytest.mark.parametrize(("text", "source_word", "content_word"), STATEMENTS)
def test_the_same_verbs_report_statements(nlp: Language, text: str, source_word: str | None, content_word: str) -> None:
    found = [
        a
        for a in attributions(nlp, text)
        if (source_word is None or (a.source_text and source_word in a.source_text)) and content_word in a.content_text
    ]
    assert found, [(a.source_text, a.cue_text, a.content_text) for a in attributions(nlp, text)]
    assert all(a.cue_class not in NOT_STATEMENT_CUE_CLASSES for a in found)
