"""Nested attributions: reporting clauses inside (or around) the tagger's attributions, on hand-placed outer
attributions (the tagger's output must not decide these tests), and end to end on the example article."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from accordingto.annotations import PARENTS, analysis_from_doc, renumber_attributions, role_spans
from accordingto.find.nested import (
    NESTED_CONFIDENCE,
    STATE_OF_MIND_CONFIDENCE,
    NestedAttributions,
    is_reporting_verb,
)
from accordingto.link.nesting import find_parents
from accordingto.model import Attribution
from hand_analysis import EXAMPLE_PATH
from handspans import make_doc, parser

# (name, text, hand-placed attributions, expected (source, cue, content, parent's source) after the component)
CASES: list[tuple[str, str, list[dict[str, Any]], list[tuple[str | None, str, str, str | None]]]] = [
    (
        "According to X, Y reported that Z: Y's report is inside X's",
        "According to US officials, in the fall of 2022, Putin reported that he was satisfied.",
        [
            {
                "source": "US officials",
                "cue": "According to",
                "content": "in the fall of 2022, Putin reported that he was satisfied",
            }
        ],
        [
            ("US officials", "According to", "in the fall of 2022, Putin reported that he was satisfied", None),
            ("Putin", "reported", "that he was satisfied", "US officials"),
        ],
    ),
    (
        "a relative clause 'he said' inside what the official told",
        '"He is ready," one official told the NYT, conveying a message he said was being sent by the Kremlin.',
        [
            {
                "source": "one official",
                "cue": "told",
                "content": ['"He is ready,"', "conveying a message he said was being sent by the Kremlin"],
            }
        ],
        [
            (
                "one official",
                "told",
                '"He is ready," … conveying a message he said was being sent by the Kremlin',
                None,
            ),
            ("he", "said", "was being sent by the Kremlin", "one official"),
        ],
    ),
    (
        "the tagger took only the inner report: the 'according to' around it is added",
        "According to aides, Smith reported that the plan had failed.",
        [{"source": "Smith", "cue": "reported", "content": "that the plan had failed"}],
        [
            ("aides", "According to", "Smith reported that the plan had failed", None),
            ("Smith", "reported", "that the plan had failed", "aides"),
        ],
    ),
    (
        "a content with no embedded report adds nothing",
        "Smith said that the plan had failed in May.",
        [{"source": "Smith", "cue": "said", "content": "that the plan had failed in May"}],
        [("Smith", "said", "that the plan had failed in May", None)],
    ),
    (
        "a reporting verb without a complement adds nothing",
        "Smith said that Jones spoke for an hour.",
        [{"source": "Smith", "cue": "said", "content": "that Jones spoke for an hour"}],
        [("Smith", "said", "that Jones spoke for an hour", None)],
    ),
    ("no attribution at all", "The talks resumed in Geneva on Monday.", [], []),
    (
        "an infinitive reports nothing that happened: the firm is awaited to explain",
        "The analyst said investors were waiting for the firm to explain how it would grow.",
        [
            {
                "source": "The analyst",
                "cue": "said",
                "content": "investors were waiting for the firm to explain how it would grow",
            }
        ],
        [("The analyst", "said", "investors were waiting for the firm to explain how it would grow", None)],
    ),
    (
        "an infinitive: she wants, the voters are wanted to know and report nothing",
        "The senator said she wanted voters to know that the plan was safe.",
        [{"source": "The senator", "cue": "said", "content": "she wanted voters to know that the plan was safe"}],
        [
            ("The senator", "said", "she wanted voters to know that the plan was safe", None),
            ("she", "wanted", "voters to know that the plan was safe", "The senator"),
        ],
    ),
]


def _readout(attribution: Attribution, by_id: dict[str, Attribution]) -> tuple[str | None, str, str, str | None]:
    parent = by_id[attribution.parent].source_text if attribution.parent else None
    return attribution.source_text, attribution.cue_text, attribution.content_text, parent


@pytest.mark.parametrize(("name", "text", "placed", "expected"), CASES, ids=[case[0] for case in CASES])
def test_nested_attributions(
    name: str, text: str, placed: list[dict[str, Any]], expected: list[tuple[str | None, str, str, str | None]]
) -> None:
    doc = make_doc(text, placed)
    NestedAttributions(parser(), "accordingto_nested")(doc)
    PARENTS.set(doc, find_parents(doc))
    attributions = analysis_from_doc(doc).attributions
    by_id = {attribution.id: attribution for attribution in attributions}
    assert [_readout(attribution, by_id) for attribution in attributions] == expected
    assert [attribution.id for attribution in attributions] == [f"a{n}" for n in range(1, len(expected) + 1)]


# (name, text, the outer attribution's content, the nested cue, its confidence)
CONFIDENCE_CASES: list[tuple[str, str, str, str, float]] = [
    (
        "speech reported inside speech keeps a reporting clause's confidence",
        "The lawyer said her client told police that he was at home.",
        "her client told police that he was at home",
        "told",
        NESTED_CONFIDENCE,
    ),
    (
        "a hope inside speech is a state of mind",
        "The mayor said residents hoped that the old bridge would reopen soon.",
        "residents hoped that the old bridge would reopen soon",
        "hoped",
        STATE_OF_MIND_CONFIDENCE,
    ),
    (
        "a belief inside speech is a state of mind",
        "The coach said he still believed that his side could win the cup.",
        "he still believed that his side could win the cup",
        "believed",
        STATE_OF_MIND_CONFIDENCE,
    ),
    (
        "what figures show inside speech is cited evidence",
        "The economist said the figures showed that wages had stalled.",
        "the figures showed that wages had stalled",
        "showed",
        STATE_OF_MIND_CONFIDENCE,
    ),
    (
        "a committee's finding inside speech is published: a statement (stmt38)",
        "The barrister said the licensing committee had found that the hall was too noisy.",
        "the licensing committee had found that the hall was too noisy",
        "had found",
        NESTED_CONFIDENCE,
    ),
    (
        "a document's conclusion inside speech is a statement",
        "The minister said the review concluded that the ferry was safe.",
        "the review concluded that the ferry was safe",
        "concluded",
        NESTED_CONFIDENCE,
    ),
    (
        "a person's discovery inside speech stays a state of mind",
        "The caretaker said she had found that the gate was locked.",
        "she had found that the gate was locked",
        "had found",
        STATE_OF_MIND_CONFIDENCE,
    ),
    (
        "a named person's conclusion inside speech stays a state of mind",
        "The coach said Martina Vellacott concluded that the pitch was too wet.",
        "Martina Vellacott concluded that the pitch was too wet",
        "concluded",
        STATE_OF_MIND_CONFIDENCE,
    ),
    (
        "a ministry that signals speaks",
        "The envoy said the ministry had signalled that the talks would resume.",
        "the ministry had signalled that the talks would resume",
        "had signalled",
        NESTED_CONFIDENCE,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "content", "cue", "confidence"), CONFIDENCE_CASES, ids=[case[0] for case in CONFIDENCE_CASES]
)
def test_nested_confidence(name: str, text: str, content: str, cue: str, confidence: float) -> None:
    doc = make_doc(text, [{"source": text.split(" said")[0], "cue": "said", "content": content}])
    NestedAttributions(parser(), "accordingto_nested")(doc)
    nested = [attribution for attribution in analysis_from_doc(doc).attributions if attribution.cue_text != "said"]
    assert [(attribution.cue_text, attribution.confidence) for attribution in nested] == [(cue, confidence)]


def test_renumbering_follows_cues_and_rewrites_parents() -> None:
    doc = make_doc(
        "According to aides, Smith said the plan failed.",
        [
            {"source": "Smith", "cue": "said", "content": "the plan failed"},
            {"source": "aides", "cue": "According to", "content": "Smith said the plan failed"},
        ],
    )
    PARENTS.set(doc, {"a1": "a2", "a2": None})
    assert renumber_attributions(doc) == {"a2": "a1", "a1": "a2"}
    spans = role_spans(doc)
    assert spans["a1"]["cue"][0].text == "According to"
    assert spans["a2"]["cue"][0].text == "said"
    assert PARENTS.require(doc) == {"a1": None, "a2": "a1"}
    assert list(PARENTS.require(doc)) == ["a1", "a2"]


def test_example_article_chain(nlp: Language) -> None:
    """US officials <- Putin ("reported") on the real pipeline, with speakers and nesting run after."""
    analysis = analysis_from_doc(nlp(EXAMPLE_PATH.read_text(encoding="utf-8")))
    by_id = {attribution.id: attribution for attribution in analysis.attributions}
    putin = [a for a in analysis.attributions if a.source_text == "Putin" and a.cue_text == "reported"]
    assert len(putin) == 1
    parent = by_id[putin[0].parent] if putin[0].parent else None
    assert parent is not None and parent.source_text == "US officials"
    assert putin[0].source_id is not None and parent.source_id is not None
    assert putin[0].source_id != parent.source_id
    cue_starts = [a.cue[0][0] for a in analysis.attributions if a.cue]
    assert cue_starts == sorted(cue_starts)


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("Officials said the talks failed.", 1, True),
        ("Officials reportedly doubt the plan.", 2, True),
        ("It seems that the talks failed.", 1, False),  # a hedge: nobody reports
        ("WASHINGTON ― The talks failed.", 1, False),  # a dash the tagger may call a verb is no reporting verb
        ("Officials ate lunch.", 1, False),
    ],
)
def test_reporting_verbs(text: str, position: int, expected: bool) -> None:
    doc = parser()(text)
    doc[position].pos_ = "VERB"  # whatever the tagger says: the lexicon decides
    assert is_reporting_verb(doc[position]) is expected


# (text, the outer attribution's content, the nested cues expected) — stmt38: a verb that has a thing as its object
# takes no clause before it as its content (the parse's "complement" is the list of acts before it); a verb of
# addressing keeps its hearer as the object and the clause before it.
OWN_OBJECT_CASES: list[tuple[str, str, list[str]]] = [
    (
        "The tenant said she had tried everything: I phoned them, I visited them, I wrote a letter.",
        "she had tried everything: I phoned them, I visited them, I wrote a letter",
        [],
    ),
    (
        "The coach said the squad was tired, he told reporters.",
        "the squad was tired, he told reporters",
        ["told"],
    ),
]


@pytest.mark.parametrize(("text", "content", "cues"), OWN_OBJECT_CASES)
def test_clause_before_a_verb_with_its_own_object(text: str, content: str, cues: list[str]) -> None:
    doc = make_doc(text, [{"source": text.split(" said")[0], "cue": "said", "content": content}])
    NestedAttributions(parser(), "accordingto_nested")(doc)
    nested = [attribution for attribution in analysis_from_doc(doc).attributions if attribution.cue_text != "said"]
    assert [attribution.cue_text for attribution in nested] == cues


# (text, the outer attribution's content, the nested (cue, content) expected) — stmt38: a labelling verb's object
# and the quoted label right after it are what the source called the thing; a phrasal verb labels nothing, nor
# does a labelling verb without a quotation.
LABEL_CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        'The mayor said the plan was dead after the council leader called the budget "a disgrace".',
        'the plan was dead after the council leader called the budget "a disgrace"',
        [("called", 'the budget "a disgrace"')],
    ),
    (
        'The pundit said the club was in turmoil as its former striker calls the board "clueless".',
        'the club was in turmoil as its former striker calls the board "clueless"',
        [("calls", 'the board "clueless"')],
    ),
    (
        'The nurse said the union would call off the strike "the moment an offer arrives".',
        'the union would call off the strike "the moment an offer arrives"',
        [],
    ),
    (
        "The mayor said the plan was dead after the council leader called the budget a disgrace.",
        "the plan was dead after the council leader called the budget a disgrace",
        [],
    ),
]


@pytest.mark.parametrize(("text", "content", "expected"), LABEL_CASES)
def test_a_quoted_label_after_the_object(text: str, content: str, expected: list[tuple[str, str]]) -> None:
    doc = make_doc(text, [{"source": text.split(" said")[0], "cue": "said", "content": content}])
    NestedAttributions(parser(), "accordingto_nested")(doc)
    nested = [attribution for attribution in analysis_from_doc(doc).attributions if attribution.cue_text != "said"]
    assert [(attribution.cue_text, attribution.content_text) for attribution in nested] == expected
