"""spaCy's contextual tensor survives the bounds on work: a long text parsed in chunks and a sentence parsed again
keep one tensor row per token, each the row the model gave that token."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from accordingto.parse.bounds import chunk_ranges, parse_in_chunks
from accordingto.parse.pipeline import load_parser

TEXT = (
    "Dock workers will walk out on Monday, union officials said.\n\n"
    "The port authority warned that ships would wait for days.\n\n"
    "Talks are planned for Friday, according to a spokeswoman."
)


@pytest.fixture(scope="module")
def parser() -> Language:
    return load_parser()


def test_a_text_parsed_in_chunks_keeps_each_chunks_tensor_rows(parser: Language) -> None:
    doc = parser.make_doc(TEXT)
    ranges = chunk_ranges(doc, max_tokens=16)
    assert len(ranges) > 1
    joined = parse_in_chunks(doc, parser, max_tokens=16)
    assert joined.tensor.shape == (len(doc), parser("word").tensor.shape[1])
    for start, end in ranges:
        alone = parser(doc[start:end].as_doc())
        assert np.array_equal(joined.tensor[start:end], alone.tensor)


def test_a_sentence_parsed_again_keeps_the_tensor(parser: Language) -> None:
    whole = parser(TEXT)
    parser.get_pipe("accordingto_sentence_bounds").max_tokens = 6  # type: ignore[attr-defined]
    try:
        bounded = parser(TEXT)
    finally:
        parser.get_pipe("accordingto_sentence_bounds").max_tokens = 300  # type: ignore[attr-defined]
    assert max(len(sentence) for sentence in bounded.sents) <= 6
    assert np.array_equal(bounded.tensor, whole.tensor)
