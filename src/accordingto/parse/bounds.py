"""Bounds on the work one article can cause: sentences no longer than ``MAX_SENTENCE_TOKENS`` tokens, and long
texts run through spaCy's model in pieces of at most ``CHUNK_TOKENS`` tokens.

Why: the cost of the components that work inside a sentence (the nested frame search, cue clauses, nesting) grows
faster than the sentence, and a text without sentence ends is one sentence; spaCy's tok2vec and parser hold
about 16 KB per token of the document while they run, so a 500,000-character text in one piece needs more than a
gigabyte and a half. Both bounds lie far above what news needs (the longest sentence in PolNeAR, 924 articles, is
233 tokens; its longest article 6,844 tokens), so normal articles are parsed exactly as before.

- ``SentenceBounds`` (``accordingto_sentence_bounds``, placed right after the parser) parses a document again
  when the parser made a sentence longer than ``max_tokens``, with sentence starts preset inside it (the parser
  respects preset starts): at the best place within the second half of each stretch, after a line break, else
  after a sentence-final mark, else after a comma, colon, semicolon, dash or closing quotation mark, else
  anywhere. A document with no such sentence (every news article) is left exactly as the parser made it.
- ``chunk_ranges`` cuts a long document into token ranges at paragraph breaks (else line breaks, sentence ends,
  clause marks), which ``parse_in_chunks`` runs through the model one at a time and joins back
  (``Doc.from_docs``: same text, same offsets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import string_ids
from ..clauses import space_line_breaks
from ..pipes import component_factory

MAX_SENTENCE_TOKENS = 300
CHUNK_TOKENS = 10_000

# How good a place is to start a new sentence (or chunk) at a token, by what comes before it.
_ANYWHERE, _AFTER_CLAUSE_MARK, _AFTER_SENTENCE_END, _AFTER_LINE_BREAK, _AFTER_PARAGRAPH = range(5)
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "-", "–", "—", "―", '"', "”", "’", "'", "»", ")", "]"})
_CLOSERS = frozenset({'"', "”", "’", "'", "»", ")", "]"})


def start_ranks(doc: Doc) -> np.ndarray:
    """For each token, how good a place it is to start a sentence or chunk (the ``_AFTER_*`` ranks), by the last
    word before it and the white space between (space tokens themselves rank lowest: the place is after them).

    Read off the doc's arrays rather than token by token (this runs on every document, before the parser): the
    white space between two words is the space tokens between them (their line breaks are counted per distinct
    space token) and the one space a word may have after it."""
    n = len(doc)
    ranks = np.full(n, _ANYWHERE, dtype=np.int8)
    table = doc.to_array([ORTH, IS_SPACE, SPACY]).reshape(n, 3)
    orth, space, trailing = table[:, 0], table[:, 1].astype(bool), table[:, 2].astype(bool)
    words = np.flatnonzero(~space)
    if len(words) == 0:
        return ranks
    # The line breaks in the tokens before each index.
    before = np.concatenate([[0], np.cumsum(space_line_breaks(doc, orth, space))])
    previous = np.concatenate([[-1], words[:-1]])  # the word before each word (-1: none)
    gap_breaks = before[words] - before[previous + 1]
    no_gap = np.zeros(len(words), dtype=bool)  # nothing at all between the word and the one before it
    no_gap[1:] = (previous[1:] == words[1:] - 1) & ~trailing[previous[1:]]
    text = orth[words]
    # A quotation mark or bracket with no space before it closes what came before (no place to start a
    # sentence); with a space, it opens what follows.
    closer = np.isin(text, string_ids(doc, _CLOSERS))
    closing = closer & no_gap
    # A word ends a sentence when it is a full stop, or a closing mark right after a word that ends one.
    ended = np.isin(text, string_ids(doc, _SENTENCE_ENDS))
    for k in np.flatnonzero(closing & ~ended).tolist():
        ended[k] = ended[k - 1]
    marks_clause = np.isin(text, string_ids(doc, _CLAUSE_MARKS)) & (closing | ~closer)
    after_end = np.concatenate([[False], ended[:-1]])
    after_mark = np.concatenate([[False], marks_clause[:-1]])
    rank = np.select(
        [gap_breaks >= 2, gap_breaks >= 1, after_end, after_mark],
        [_AFTER_PARAGRAPH, _AFTER_LINE_BREAK, _AFTER_SENTENCE_END, _AFTER_CLAUSE_MARK],
        _ANYWHERE,
    )
    placed = (words > 0) & ~closing
    ranks[words[placed]] = rank[placed]
    return ranks


def cut_points(ranks: np.ndarray, max_tokens: int, start: int = 0) -> list[int]:
    """Token indices where pieces of at most ``max_tokens`` tokens start (after ``start``): each cut at the best
    rank in the second half of its stretch, the latest such place; linear in the number of tokens."""
    cuts: list[int] = []
    length = len(ranks)
    while length - start > max_tokens:
        low, high = start + max(1, max_tokens // 2), start + max_tokens
        window = ranks[low : high + 1]
        best = int(window.max())
        cut = low + int(np.flatnonzero(window == best)[-1])
        cuts.append(cut)
        start = cut
    return cuts


class SentenceBounds:
    """Placed right after the parser: a document the parser gave a sentence longer than ``max_tokens`` is parsed
    again with sentence starts preset inside that sentence (and the parser's other starts kept), so that no
    later stage sees an over-long sentence. Other documents pass unchanged."""

    def __init__(self, nlp: Language, name: str, max_tokens: int, parser: str) -> None:
        if max_tokens < 2:
            raise ValueError("max_tokens must be at least 2")
        self.nlp = nlp
        self.name = name
        self.max_tokens = max_tokens
        self.parser = parser

    def __call__(self, doc: Doc) -> Doc:
        starts = [sentence.start for sentence in doc.sents]
        ends = [*starts[1:], len(doc)]
        if all(end - start <= self.max_tokens for start, end in zip(starts, ends, strict=True)):
            return doc
        ranks = start_ranks(doc)
        presets = set(starts)
        for start, end in zip(starts, ends, strict=True):
            presets.update(cut_points(ranks[:end], self.max_tokens, start))
        return self.nlp.get_pipe(self.parser)(_unparsed_copy(doc, presets))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)


def _unparsed_copy(doc: Doc, sentence_starts: set[int]) -> Doc:
    """A copy of a tagged doc without its parse, with ``sentence_starts`` preset (for the parser to respect)."""
    copy = Doc(doc.vocab, words=[token.text for token in doc], spaces=[bool(token.whitespace_) for token in doc])
    copy.from_array([TAG], doc.to_array([TAG]))  # type: ignore[arg-type]  # spaCy types it as thinc's Ints2d
    copy.tensor = doc.tensor
    copy.user_data = doc.user_data
    for i in sorted(sentence_starts):
        if i > 0:
            copy[i].is_sent_start = True
    return copy


@component_factory(
    "accordingto_sentence_bounds",
    default_config={"max_tokens": MAX_SENTENCE_TOKENS, "parser": "parser"},
    assigns=["token.is_sent_start", "token.dep", "token.head"],
    requires=["token.dep", "token.head", "token.tag"],
)
def make_sentence_bounds(nlp: Language, name: str, max_tokens: int, parser: str) -> SentenceBounds:
    return SentenceBounds(nlp, name, max_tokens, parser)


class LineStarts:
    """Placed right before the parser: a word after a line break starts a sentence. en_core_web_sm often runs a
    headline into the first paragraph, or a paragraph into the next (17% of PolNeAR dev's line breaks), and the
    parse then makes the headline's noun the subject of the lede ("Harbour city braces for strike" + "Dock
    workers will walk out ..., union officials said" as one sentence): the lede's attribution is lost. In news a
    line break ends a paragraph, a headline or a list item, never a sentence's middle."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for i in np.flatnonzero(start_ranks(doc) >= _AFTER_LINE_BREAK):
            doc[int(i)].is_sent_start = True
        return doc


@component_factory("accordingto_line_starts", assigns=["token.is_sent_start"], requires=[])
def make_line_starts(nlp: Language, name: str) -> LineStarts:
    return LineStarts(name)


def chunk_ranges(doc: Doc, max_tokens: int = CHUNK_TOKENS) -> list[tuple[int, int]]:
    """Token ranges of at most ``max_tokens`` covering the doc, cut at the best places (a paragraph break
    first); the whole doc when it is short enough."""
    if len(doc) <= max_tokens:
        return [(0, len(doc))]
    starts = [0, *cut_points(start_ranks(doc), max_tokens)]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def parse_in_chunks(
    doc: Doc,
    run: Callable[[Doc], Doc],
    max_tokens: int = CHUNK_TOKENS,
    between: Callable[[], None] | None = None,
) -> Doc:
    """``run`` (spaCy's model components) over the doc's chunks one at a time, joined into one doc with the same
    text; ``between`` is called before each chunk (a budget check may stop the work there). The joined doc has
    the parse, tags, lemmas and entities of the chunks, their tensors stacked (one row per token, as a doc parsed
    whole has: spaCy's contextual tensor is evidence about each word in context, and a long text must not lose
    it), and the ``user_data`` of ``doc``."""
    parsed = []
    for start, end in chunk_ranges(doc, max_tokens):
        if between is not None:
            between()
        parsed.append(run(doc[start:end].as_doc()))
    joined = Doc.from_docs(parsed, ensure_whitespace=False, exclude=["user_data"])  # type: ignore[call-arg]
    assert joined.text == doc.text, "chunks must join back into the same text"
    joined.user_data.update(doc.user_data)
    return joined
