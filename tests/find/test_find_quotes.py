"""``find_quotes``: quotations with every kind of mark, and apostrophes that are not quotes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accordingto.annotations import QUOTES_KEY
from accordingto.find.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will not give away what is ours," Putin said.', ['"We will not give away what is ours,"']),
        ("“We will not give away what is ours,” Putin said.", ["“We will not give away what is ours,”"]),
        ("« Non », a-t-il dit.", ["« Non »"]),
        ("Il a dit ‹ oui › hier.", ["‹ oui ›"]),
        ("He called it ‘fake news’ and left.", ["‘fake news’"]),
        # Opened with a straight mark, closed with a curly one (as in the example article).
        (
            'Peskov said that "conceptually, these theses you presented are incorrect.”',
            ['"conceptually, these theses you presented are incorrect.”'],
        ),
        # Single quotes inside double ones are found too, inside their container.
        (
            "\"They say: 'We are ready to negotiate a ceasefire'. They want to stay,\" an official said.",
            [
                "\"They say: 'We are ready to negotiate a ceasefire'. They want to stay,\"",
                "'We are ready to negotiate a ceasefire'",
            ],
        ),
        # A quote split by its speaker is two quotations.
        ("“A,” he said, “B.”", ["“A,”", "“B.”"]),
        # Several paragraphs: each re-opens the quote, only the last closes it.
        (
            "“First paragraph of the quote.\n\n“Second paragraph,” he said.\n\nNot quoted.",
            ["“First paragraph of the quote.\n\n“Second paragraph,”"],
        ),
        ('"One.\n"Two.\n"Three," she said.', ['"One.\n"Two.\n"Three,"']),
        # An unclosed quote that the next paragraph does not continue ends with its paragraph.
        ("“Never closed, he said.\n\nNext paragraph.", ["“Never closed, he said."]),
        # Apostrophes are not quotes.
        ("I don't think Russia's plans in the '90s matter, she said.", []),
        ('The officials\' plan was "bad".', ['"bad"']),
        ("Rock ’n’ roll isn’t dead.", []),
        ("No quotation at all here.", []),
        ("", []),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_offsets_include_the_marks() -> None:
    text = 'He said "yes" twice.'
    assert find_quotes(text) == [(8, 13)]


def test_component_puts_quotes_on_the_doc(nlp: Language) -> None:
    doc = nlp('"We will not give away what is ours," Putin said.')
    assert [span.text for span in doc.spans[QUOTES_KEY]] == ['"We will not give away what is ours,"']
