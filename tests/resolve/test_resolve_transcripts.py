"""Question-and-answer transcripts (``resolve.transcripts``): which paragraphs answer, and whom the introduction
says is interviewed. Each text is written for this test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.resolve.transcripts import find_transcript, interviewee

FERRY = (
    "The Daily Ledger interviewed Hannah Ortiz about the new ferry line.\n\n"
    "When will the ferry start running?\n\n"
    "We believe the first boats will sail in June. The crews are still training.\n\n"
    "What will a ticket cost?\n\n"
    "I think it will cost about four dollars."
)


def test_the_paragraphs_after_a_question_answer_it(nlp: Language) -> None:
    doc = nlp(FERRY)
    transcript = find_transcript(doc)
    assert transcript is not None
    answer = next(t for t in doc if t.text == "believe")
    question = next(t for t in doc if t.text == "cost")
    introduction = next(t for t in doc if t.text == "Ortiz")
    assert transcript.in_answer(answer.i)
    assert not transcript.in_answer(question.i)
    assert not transcript.in_answer(introduction.i)
    assert transcript.first_question > introduction.i


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Is the city ready for the storm? Nobody knows.\n\nWe believe the dams will hold.",
            id="one-question-is-rhetorical",
        ),
        pytest.param(
            'The mayor asked: "Who will pay?"\n\nWe believe taxpayers will.\n\nShe added: "Who will build it?"\n\n'
            "Nobody knows.",
            id="quoted-questions-are-not-an-interviewer's",
        ),
    ],
)
def test_no_transcript(nlp: Language, text: str) -> None:
    assert find_transcript(nlp(text)) is None


INTERVIEWEES = [
    pytest.param(FERRY, "Ortiz", id="object-of-interviewed"),
    pytest.param(
        "Reporters spoke with Omar Haddad about his bakery.\n\nHow did you start?\n\nWith one oven.\n\n"
        "What is next?\n\nA second shop.",
        "Haddad",
        id="spoke-with",
    ),
    pytest.param(
        "An interview with Lena Fischer, the new coach.\n\nHow did you start?\n\nWith one team.\n\n"
        "What is next?\n\nThe league.",
        "Fischer",
        id="an-interview-with",
    ),
    pytest.param(
        "Biologist Nick Weller tells the Ledger about bees.\n\nHow did you start?\n\nWith one hive.\n\n"
        "What is next?\n\nA second hive.",
        "Weller",
        id="tells-the-outlet",
    ),
    pytest.param(
        "Daniel Brook sat down with Paul Lang for an interview in his office.\n\nHow did you start?\n\n"
        "With one hive.\n\nWhat is next?\n\nA second hive.",
        None,
        id="a-person-sitting-down-with-the-interviewer-is-not-named-by-with",
    ),
    pytest.param(
        "In a 2019 interview with the Courier, Maria Costa praised the plan.\n\nWhat does the plan do?\n\n"
        "It cuts the queues.\n\nWho pays?\n\nThe city does.",
        None,
        id="an-earlier-interview-with-an-outlet-names-the-interviewer",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INTERVIEWEES)
def test_the_interviewee(nlp: Language, text: str, expected: str | None) -> None:
    doc = nlp(text)
    transcript = find_transcript(doc)
    assert transcript is not None
    found = interviewee(doc, transcript)
    assert (doc[found].text if found is not None else None) == expected
