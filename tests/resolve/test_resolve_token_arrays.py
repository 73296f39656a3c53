"""The resolver reads token attributes off lists and arrays taken once per document (``annotations.TokenCodes``)
instead of a spaCy ``Token`` per look-up: each reading must be what spaCy's own objects say, on texts with line
breaks, lists, appositions, quotations, entities and none of them, and on parses written by hand (non-projective
ones, where spaCy's edges are not the subtree's extremes). Feature hashes are pinned, so that shipped weights keep
their meaning."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from accordingto.annotations import doc_token_codes
from accordingto.clauses import entity_span
from accordingto.resolve.markables import _noun_chunks, _span_root, find_markables, paragraph_numbers, sentence_starts
from accordingto.resolve.mentions import _apposition, _read_mention, analyze_mention, find_head
from accordingto.resolve.ranker import U64, _hash_columns, _mix

TEXTS = [
    "The harbour master, Ines Carvalho, said the ferries and the cargo boats would wait.",
    "Rain fell.\n\nCareer\n\nTomas Lindqvist joined the orchestra in 1998. He left it ten years later.",
    'Officials from the water board and two engineers argued that "the dam will hold," and the mayor agreed.',
    "She asked whether they had seen the report that the agency, which runs the port, published on Monday.",
    "Nothing here names anyone at all.  \n  It is just a line.\nAnother one \n",
    "Hmm.",
    "Dr. Amara Osei of the Lagos Port Authority and two Nigerian officials met Ms. Wen in New York on Friday.",
    "A hearing is scheduled today on the merger, which the regulators who reviewed it oppose.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_noun_chunks_read_off_arrays_are_spacys(nlp: Language, text: str) -> None:
    doc = nlp(text)
    expected = [(chunk.start, chunk.end, chunk.root.i) for chunk in doc.noun_chunks]
    assert _noun_chunks(doc, doc_token_codes(doc)) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_line_breaks_heads_and_sentences_read_off_arrays(nlp: Language, text: str) -> None:
    doc = nlp(text)
    codes = doc_token_codes(doc)
    assert codes.breaks == ["\n" in t.text or "\n" in t.whitespace_ for t in doc]
    paragraph_breaks = [("\n" in t.text and t.is_space) or "\n" in t.whitespace_ for t in doc]
    assert codes.arrays.paragraph_breaks.tolist() == paragraph_breaks
    assert codes.arrays.governor.tolist() == [t.head.i for t in doc]
    assert [codes.lemma_text(t.i) for t in doc] == [t.lemma_.lower() for t in doc]
    assert sentence_starts(doc) == [sentence.start for sentence in doc.sents]
    paragraphs = paragraph_numbers(codes).tolist()
    assert paragraphs == sorted(paragraphs) and paragraphs[-1] == sum(paragraph_breaks[:-1])


@pytest.mark.parametrize("text", TEXTS)
def test_token_codes_are_what_spacys_tokens_say(nlp: Language, text: str) -> None:
    doc = nlp(text)
    codes = doc_token_codes(doc)
    assert codes.governor == [t.head.i for t in doc]
    assert codes.pos == [t.pos for t in doc] and codes.dep == [t.dep for t in doc]
    assert codes.ent_type == [t.ent_type for t in doc] and codes.lower == [t.lower for t in doc]
    assert [doc.text[i : i + n] for i, n in zip(codes.idx, codes.length, strict=True)] == [t.text for t in doc]
    assert codes.tag == [t.tag for t in doc] and codes.lemma == [t.lemma for t in doc]
    assert codes.punct == [t.is_punct for t in doc] and codes.space == [t.is_space for t in doc]
    assert codes.plural == ["Plur" in t.morph.get("Number", []) for t in doc]
    assert [codes.word(t.i) for t in doc] == [t.text for t in doc]
    assert [codes.string(t.ent_type) for t in doc] == [t.ent_type_ for t in doc]
    assert [codes.string(t.lower) for t in doc] == [t.lower_ for t in doc]
    spans = [entity_span(t) for t in doc]
    assert codes.entity_start == [span.start if span is not None else -1 for span in spans]
    assert codes.entity_end == [span.end if span is not None else -1 for span in spans]
    opening = [i for i in range(len(doc)) if codes.entity_start[i] == i and codes.ent_type[i]]
    entities_read = [(i, codes.entity_end[i], codes.ent_type[i]) for i in opening]
    assert entities_read == [(e.start, e.end, e.label) for e in doc.ents]
    for array in ("lower", "pos", "dep", "lemma", "ent_type", "idx"):
        assert getattr(codes.arrays, array).tolist() == getattr(codes, array)
    _assert_tree_is_spacys(doc)


def _assert_tree_is_spacys(doc: Doc) -> None:
    codes = doc_token_codes(doc)
    assert codes.left_edge == [t.left_edge.i for t in doc] and codes.right_edge == [t.right_edge.i for t in doc]
    for t in doc:
        assert codes.lefts(t.i) == [c.i for c in t.lefts] and codes.rights(t.i) == [c.i for c in t.rights]
        assert codes.children(t.i) == [c.i for c in t.children]
    for start in range(len(doc)):
        assert codes.span_text(start, len(doc)) == doc[start:].text
        for end in range(start + 1, len(doc) + 1):
            assert _span_root(doc, codes, start, end) == doc[start:end].root.i


# Parses written by hand: (heads, deps). Non-projective ones (an arc crossing another) are where spaCy's edges,
# one pass forwards and one back, are not the extremes of the subtree: "w1" heads "w2", which heads "w0", which
# heads "w3", but spaCy's right edge of "w1" stops at "w2".
PARSES = [
    ([1, 3, 3, 3, 1, 6, 4, 3], ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "npadvmod"]),
    ([2, 1, 1, 0], ["dep", "ROOT", "dep", "dep"]),
    ([0, 2, 3, 0, 0, 2], ["ROOT", "dep", "dep", "dep", "dep", "dep"]),
    ([2, 4, 4, 1, 4, 4, 3, 0], ["dep", "dep", "dep", "dep", "ROOT", "dep", "dep", "dep"]),
    ([1, 1, 1, 4, 4, 3, 4], ["dep", "ROOT", "punct", "dep", "ROOT", "dep", "punct"]),  # two sentences
    ([], []),
]


@pytest.mark.parametrize(("heads", "deps"), PARSES)
def test_edges_and_children_of_hand_written_parses_are_spacys(nlp: Language, heads: list[int], deps: list[str]) -> None:
    doc = Doc(nlp.vocab, words=[f"w{i}" for i in range(len(heads))], heads=heads, deps=deps)
    _assert_tree_is_spacys(doc)


def test_a_spacy_edge_is_not_always_the_subtree_extreme(nlp: Language) -> None:
    """The case the codes follow spaCy's passes for (a fixed point would say 3)."""
    heads, deps = PARSES[1]
    doc = Doc(nlp.vocab, words=[f"w{i}" for i in range(len(heads))], heads=heads, deps=deps)
    assert max(t.i for t in doc[1].subtree) == 3 and doc[1].right_edge.i == doc_token_codes(doc).right_edge[1] == 2


@pytest.mark.parametrize("text", TEXTS)
def test_heads_and_appositions_read_off_codes_are_spacys(nlp: Language, text: str) -> None:
    """Every span of every text: the apposition found by walking up the codes is the first one ``Token.subtree``
    gives."""
    doc = nlp(text)
    codes = doc_token_codes(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            head = find_head(codes, start, end)
            if head is None:
                continue
            expected = next((t.i for t in doc[head].subtree if t.dep_ == "appos" and start <= t.i < end), None)
            assert _apposition(codes, head, start, end) == expected


def test_a_text_with_paragraphs_numbers_them(nlp: Language) -> None:
    doc = nlp("Kai Brandt resigned.\n\nThe board thanked him.")
    markables = find_markables(doc)
    by_text = {markables.text(k): int(markables.arrays["paragraph"][k]) for k in range(len(markables))}
    assert by_text["Kai Brandt"] == 0 and by_text["The board"] == 1 and by_text["him"] == 1


@pytest.mark.parametrize(
    ("text", "opening", "anchor"),
    [
        ("Lena Ortiz, who chairs the panel, said the panel would meet.", (0, 2), "who"),
        ("The ferry company, which runs the crossing, said nothing.", (0, 3), "which"),
        ("It rained all day in the valley.", (0, 1), "valley"),
    ],
)
def test_a_span_is_read_once_per_document_as_the_codes_read_it(
    nlp: Language, text: str, opening: tuple[int, int], anchor: str
) -> None:
    doc = nlp(text)
    codes = doc_token_codes(doc)
    first = analyze_mention(doc, *opening)
    assert analyze_mention(doc, *opening) is first and codes.mentions[opening] is first
    assert first == _read_mention(codes, *opening)
    at = next(t.i for t in doc if t.lower_ == anchor)
    assert analyze_mention(doc, at, at + 1) == _read_mention(codes, at, at + 1)
    assert find_markables(doc).mentions == find_markables(nlp(text)).mentions


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
