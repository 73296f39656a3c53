"""Statements the news rounds missed (extract28), in sentences written for this test (not the articles' wording):

- a lede's reporting clause after a long content ("..., the agency said"), which the parse reads as a
  parenthetical beside the content's verb or as the source's own modifier, gives its cue that content;
- "told a briefing in the capital that ...", which the parse reads as a relative clause of the noun before
  "that", gives the cue the clause;
- the court report's formula ("The court heard that ...", "..., the tribunal heard") is a statement whose speaker
  is unexpressed: the body that heard it is no source, and the cue is no perception.

Each table has guards: an opening clause before a main verb, a parenthetical of the clause after it, a real
relative clause, a hearing with no clause and a perception by people who are no court stay as they were."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from accordingto.find.contents import untagged_complement
from accordingto.find.nested import find_nested
from accordingto.lexicon import NOT_STATEMENT_CUE_CLASSES
from tagged_groups import attributions, group_of

# (text, cue, source, the content the cue gets from the parse, or None): the tagger tagged the cue and its source
# and left the rest untagged, as it does on long ledes.
UNTAGGED_CLAUSES: list[tuple[str, str, str, str | None]] = [
    # "said" parsed as a parenthetical beside "rose".
    (
        "The number of homes cut off by the floods that hit the northern hills on Friday rose to 2,300 on Tuesday,"
        " the region's emergency service said, as charities warned that families faced a cold week.",
        "said",
        "the region's emergency service",
        "The number of homes cut off by the floods that hit the northern hills on Friday rose to 2,300 on Tuesday",
    ),
    # "announced" parsed as an adverbial clause of "banned".
    (
        "A junior swimmer has been banned for two years after testing positive for a banned diuretic, swimming's"
        " national anti-doping agency announced on Friday, ending her Olympic hopes.",
        "announced",
        "swimming's national anti-doping agency",
        "A junior swimmer has been banned for two years after testing positive for a banned diuretic",
    ),
    (
        "Rising rents have pushed young teachers out of the city, the union's secretary said, because most of them"
        " cannot afford a flat.",
        "said",
        "the union's secretary",
        "Rising rents have pushed young teachers out of the city",
    ),
    # The parse's own complement, as before.
    (
        "A second ferry operator has cancelled all crossings to the islands until the weekend, the harbour"
        " authority said on Sunday.",
        "said",
        "the harbour authority",
        "A second ferry operator has cancelled all crossings to the islands until the weekend",
    ),
    # An opening clause before a main verb with its own object: nothing reported before the comma.
    ("When the council cut the grant two years later, the museum said enough.", "said", "the museum", None),
    # A parenthetical of the clause after it.
    ("If the appeal fails, the lawyer argues, there are other courts to try.", "argues", "the lawyer", None),
    # The reported clause read as a relative clause of the place or the event before "that".
    (
        "Its chairman, Tomas Varga, told a press briefing in the capital that engineers were still checking every"
        " pump.",
        "told",
        "Its chairman, Tomas Varga,",
        "that engineers were still checking every pump",
    ),
    # The parse's own complement, as before.
    (
        "The minister told a rally in the port that dockers would keep their pensions.",
        "told",
        "The minister",
        "that dockers would keep their pensions",
    ),
    # A real relative clause: "that" is the object "formed" lacks.
    ("The mayor told a group that residents had formed about the new road.", "told", "The mayor", None),
]


@pytest.mark.parametrize(("text", "cue", "source", "content"), UNTAGGED_CLAUSES)
def test_an_untagged_reported_clause_is_read_back(
    nlp: Language, text: str, cue: str, source: str, content: str | None
) -> None:
    group, doc = group_of(nlp, text, cue, cue, source)
    group.contents = []
    untagged_complement(doc, group, np.zeros(len(doc), dtype=np.int64))
    assert [doc[span.start : span.end].text for span in group.contents] == ([] if content is None else [content])


# (text, a word of the content): the court report's formula, a statement with no source and no act's class.
COURT_REPORTS = [
    ("The magistrates heard that the landlord had ignored six letters from the council.", "landlord"),
    ("The tenant had asked for the boiler to be repaired in October, the tribunal heard.", "boiler"),
    ("The court heard the pair had moved the money through four shell companies.", "shell"),
    ("The inquiry was told that the alarms had been switched off.", "alarms"),
    # Two speakers: the prosecutor named just before is not who the court heard.
    (
        "The prosecutor, Ann Hale, told the jury the fire had been started deliberately. The court heard that the"
        " defendant had bought petrol that evening.",
        "petrol",
    ),
]

# (text, the source word that must stay or None for no attribution at all): no court formula.
NOT_COURT_REPORTS: list[tuple[str, str | None]] = [
    ("The court adjourned the case until March.", None),
    ("The jury heard evidence from two neighbours.", None),
    ("She heard a loud bang outside the shop.", None),
    ("Residents heard that the factory would close.", "Residents"),
]


@pytest.mark.parametrize(("text", "content_word"), COURT_REPORTS)
def test_what_a_court_heard_is_a_statement_with_no_source(nlp: Language, text: str, content_word: str) -> None:
    found = [a for a in attributions(nlp, text) if a.cue_text.split()[-1] in ("heard", "told")]
    found = [a for a in found if content_word in a.content_text]
    assert len(found) == 1, [(a.source_text, a.cue_text, a.content_text) for a in attributions(nlp, text)]
    assert found[0].source_text is None
    assert found[0].cue_class not in NOT_STATEMENT_CUE_CLASSES


@pytest.mark.parametrize(("text", "source_word"), NOT_COURT_REPORTS)
def test_no_court_no_court_report(nlp: Language, text: str, source_word: str | None) -> None:
    found = [a for a in attributions(nlp, text) if "heard" in a.cue_text or "adjourned" in a.cue_text]
    if source_word is None:
        assert found == []
    else:
        assert [source_word in (a.source_text or "") for a in found] == [True]


# (text, the nested cue's first word, whether the frame is added by default): a state of mind nested in a statement
# is under the attributions' cut (0.25); a nested report of speech keeps 0.8 and stays.
NESTED_FRAMES = [
    ("The nurse said she felt the ward was understaffed that night.", "felt", False),
    ('"I don\'t know how we will pay the rent," said the tenant.', "don't", False),
    ("The analysts said they expected prices to fall next year.", "expected", False),
    ("The figures showed that fares had doubled, the campaign said.", "showed", False),
    ("The mayor said the builder had told her that the bridge was safe.", "had", True),
]


@pytest.mark.parametrize(("text", "cue_start", "added"), NESTED_FRAMES)
def test_a_nested_frame_under_the_cut_is_not_added(nlp: Language, text: str, cue_start: str, added: bool) -> None:
    found = [a for a in attributions(nlp, text) if a.cue_text.split()[0] == cue_start]
    assert bool(found) is added, [(a.source_text, a.cue_text, a.content_text) for a in attributions(nlp, text)]


@pytest.mark.parametrize(("text", "cue_start"), [(text, cue) for text, cue, added in NESTED_FRAMES if not added])
def test_no_cut_adds_every_nested_frame(nlp: Language, text: str, cue_start: str) -> None:
    doc = nlp(text)
    cues = [doc[min(frame.cue) : max(frame.cue) + 1].text.split()[0] for frame in find_nested(doc, 0.0)]
    assert cue_start in cues, cues
