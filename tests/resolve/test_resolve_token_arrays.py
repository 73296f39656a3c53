"""The resolver reads token attributes off arrays taken once per document (``markables.TokenTable``) instead of a
spaCy ``Token`` per look-up: each reading must be what spaCy's own objects say, on texts with line breaks, lists,
appositions, quotations and none of them. Feature hashes are pinned, so that shipped weights keep their meaning."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language

from accordingto.annotations import doc_token_codes
from accordingto.resolve.markables import TokenTable, _noun_chunks, _paragraphs, find_markables, sentence_starts
from accordingto.resolve.mentions import MentionReadings, _apposition, analyze_mention, find_head
from accordingto.resolve.ranker import U64, _hash_columns, _mix

TEXTS = [
    "The harbour master, Ines Carvalho, said the ferries and the cargo boats would wait.",
    "Rain fell.\n\nCareer\n\nTomas Lindqvist joined the orchestra in 1998. He left it ten years later.",
    'Officials from the water board and two engineers argued that "the dam will hold," and the mayor agreed.',
    "She asked whether they had seen the report that the agency, which runs the port, published on Monday.",
    "Nothing here names anyone at all.  \n  It is just a line.\nAnother one \n",
    "Hmm.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_noun_chunks_read_off_arrays_are_spacys(nlp: Language, text: str) -> None:
    doc = nlp(text)
    expected = [(chunk.start, chunk.end, chunk.root.i) for chunk in doc.noun_chunks]
    assert _noun_chunks(doc, TokenTable.of(doc)) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_line_breaks_heads_and_sentences_read_off_arrays(nlp: Language, text: str) -> None:
    doc = nlp(text)
    table = TokenTable.of(doc)
    assert table.breaks == ["\n" in t.text or "\n" in t.whitespace_ for t in doc]
    paragraph_breaks = [("\n" in t.text and t.is_space) or "\n" in t.whitespace_ for t in doc]
    assert table.paragraph_breaks.tolist() == paragraph_breaks
    assert table.governor.tolist() == [t.head.i for t in doc]
    assert [table.lemma_text(doc, t.i) for t in doc] == [t.lemma_.lower() for t in doc]
    assert sentence_starts(doc) == [sentence.start for sentence in doc.sents]
    paragraphs = _paragraphs(table).tolist()
    assert paragraphs == sorted(paragraphs) and paragraphs[-1] == sum(paragraph_breaks[:-1])


@pytest.mark.parametrize("text", TEXTS)
def test_token_codes_are_what_spacys_tokens_say(nlp: Language, text: str) -> None:
    doc = nlp(text)
    codes = doc_token_codes(doc)
    assert codes.governor == [t.head.i for t in doc]
    assert codes.pos == [t.pos for t in doc] and codes.dep == [t.dep for t in doc]
    assert codes.ent_type == [t.ent_type for t in doc] and codes.lower == [t.lower for t in doc]
    assert [doc.text[i : i + n] for i, n in zip(codes.idx, codes.length, strict=True)] == [t.text for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_heads_and_appositions_read_off_codes_are_spacys(nlp: Language, text: str) -> None:
    """Every span of every text: the apposition found by walking up the codes is the first one ``Token.subtree``
    gives."""
    doc = nlp(text)
    codes = doc_token_codes(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            head = find_head(doc, start, end)
            if head is None:
                continue
            expected = next((t for t in head.subtree if t.dep_ == "appos" and start <= t.i < end), None)
            assert _apposition(doc, codes, head, start, end) == expected


def test_a_text_with_paragraphs_numbers_them(nlp: Language) -> None:
    doc = nlp("Kai Brandt resigned.\n\nThe board thanked him.")
    markables = find_markables(doc)
    by_text = {markables.text(k): int(markables.arrays["paragraph"][k]) for k in range(len(markables))}
    assert by_text["Kai Brandt"] == 0 and by_text["The board"] == 1 and by_text["him"] == 1


def test_a_span_is_read_once_and_as_analyze_mention_reads_it(nlp: Language) -> None:
    doc = nlp("Lena Ortiz, who chairs the panel, said the panel would meet.")
    readings = MentionReadings(doc)
    first = readings.read(0, 2)
    assert first == analyze_mention(doc, 0, 2) and readings.read(0, 2) is first
    relative = next(t.i for t in doc if t.lower_ == "who")
    assert readings.read(relative, relative + 1) == analyze_mention(doc, relative, relative + 1)
    assert find_markables(doc, readings=readings).mentions == find_markables(doc).mentions


def test_description_words_are_found_on_demand(nlp: Language) -> None:
    doc = nlp("Paul Grant, a billionaire investor, spoke. The investor said no. It rained.")
    markables = find_markables(doc)
    k = next(k for k in range(len(markables)) if markables.text(k) == "The investor")
    assert markables.words[k] == {"investor"}
    grant = next(k for k in range(len(markables)) if markables.names[k] == ("paul", "grant"))
    assert {"billionaire", "investor"} <= markables.role_words[grant]
    assert len(markables.words) == len(markables) and markables.words[-1] == markables.words[len(markables) - 1]
    with pytest.raises(IndexError):
        markables.words[len(markables)]


def test_feature_hashes_are_stable() -> None:
    """Templates hashed together give the values the shipped weights were trained with (pinned here)."""
    pairs = np.array([1, 2], dtype=U64)
    columns = _hash_columns([_mix(0, pairs), _mix(3, pairs, np.array([5, 6])), _mix(7, 4)], 2)
    assert columns.shape == (2, 3)
    assert columns[:, 2].tolist() == [columns[0, 2]] * 2  # a value for every pair broadcasts
    assert [int(v) for v in columns[0]] == PINNED
    negative = _hash_columns([_mix(3, pairs, np.array([-1, 6]))], 2)  # wraps to 2**64 - 1, as when trained
    assert int(negative[0, 0]) == 1006957270996497718 and int(negative[1, 0]) == int(columns[1, 1])


# The hashes of the per-template function the weights were trained with (before templates were hashed together).
PINNED = [8892605780749198793, 332855607243789905, 4744702352735358073]
