"""A line break starts a sentence: a headline or paragraph is never parsed into the next one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.annotations import analysis_from_doc
from accordingto.parse.pipeline import load_parser
from handspans import parser as spacy_parser

# (text, the words that must open a sentence): headlines, datelines and list items before a paragraph.
CASES = [
    ("Harbour city braces for strike as talks collapse\n\nDock workers will walk out on Monday.", ["Dock"]),
    ("Mayor backs new tram line\nThe council voted on Tuesday to fund it.", ["The"]),
    ("Key points\n\n- Fares rise in May\n- Two lines close", ["-", "Fares", "-", "Two"]),
    ("Ministers met in Lisbon.\n\nThey agreed on nothing, officials said.", ["They"]),
]


@pytest.fixture(scope="module")
def parser() -> Language:
    return load_parser()


@pytest.mark.parametrize(("text", "openers"), CASES)
def test_the_word_after_a_line_break_opens_a_sentence(parser: Language, text: str, openers: list[str]) -> None:
    doc = parser(text)
    after_break = [token for token in doc[1:] if not token.is_space and "\n" in doc[token.i - 1].text]
    assert after_break and all(token.is_sent_start for token in after_break)
    starts = [sentence[0].text for sentence in doc.sents if not sentence[0].is_space]
    assert all(word in starts for word in openers)


def test_a_headline_is_not_the_subject_of_the_lede(parser: Language) -> None:
    doc = parser("Harbour city braces for strike\n\nDock workers will walk out on Monday, union officials said.")
    said = next(token for token in doc if token.text == "said")
    assert "Harbour" not in [token.text for token in said.subtree]


def test_text_without_line_breaks_is_parsed_as_spacy_parses_it(parser: Language) -> None:
    text = "Talks broke down on Thursday, union officials said. The strike starts on Monday."
    plain = spacy_parser()(text)
    ours = parser(text)
    assert [(t.dep_, t.head.i, t.is_sent_start) for t in ours] == [(t.dep_, t.head.i, t.is_sent_start) for t in plain]


# (article: a headline, a blank line, a lede with its attribution; the lede's source; its content). Run into one
# sentence with the lede, the headline became part of the content, or its noun the subject and the source was lost.
HEADLINE_LEDES = [
    (
        "Tram strike\n\nDrivers will stay at home on Friday, the union announced.",
        "the union",
        "Drivers will stay at home on Friday",
    ),
    (
        "Rail chief quits\n\nAnna Berg, the head of the rail operator, said she would step down in March.",
        "Anna Berg, the head of the rail operator",
        "she would step down in March",
    ),
]


@pytest.mark.parametrize(("text", "source", "content"), HEADLINE_LEDES)
def test_the_lede_under_a_headline_keeps_its_attribution(nlp: Language, text: str, source: str, content: str) -> None:
    found = [(a.source_text, a.content_text) for a in analysis_from_doc(nlp(text)).attributions]
    assert (source, content) in found
