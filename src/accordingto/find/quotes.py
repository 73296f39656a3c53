"""Quotations: where a text puts words between quotation marks.

News text mixes every kind of mark: straight ``"`` and ``'``, curly “ ” ‘ ’, guillemets « » ‹ ›, single quotes
nested in double ones, and marks that do not match (opened with ``"`` and closed with ``”`` after
copy-editing). A quote may also run over several paragraphs: by convention each paragraph re-opens the quote
and only the last one closes it. Apostrophes (don't, Russia's, '90s) use the same glyphs and must not open or
close anything.

``find_quotes`` is the pure, testable core (character offsets, marks included); ``QuotesPipe`` puts its result
on the doc as ``doc.spans[QUOTES_KEY]`` for the attribution tagger and later stages.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..annotations import QUOTES_KEY, doc_text
from ..pipes import AnnotatingPipe, component_factory

Range = tuple[int, int]
Kind = Literal["open", "close", "either"]

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + '"'
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
SINGLE_MARKS = SINGLE_OPEN + SINGLE_CLOSE + "'"
GUILLEMETS = "«»‹›"
# Characters after which a mark opens a quote ("(“yes”)", "—“no”"), besides white space and the start.
OPENING_CONTEXT = "([{—–-/:"
# A quote is usually closed when the mark is followed by space, the end, or punctuation.
CLOSING_CONTEXT = ".,;:!?)]}—–-…/"
PARAGRAPH_BREAK = re.compile(r"\n")
DOUBLE_MARK_RE = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")
SINGLE_MARK_RE = re.compile(f"[{re.escape(SINGLE_MARKS)}\n]")


def _kind(text: str, i: int, opens: str, closes: str) -> Kind:
    """Whether the mark at ``i`` opens or closes a quote, judged from its neighbours first, then its glyph.

    Context wins over glyph because mismatched marks are common (a ``”`` typed where ``“`` was meant) while a
    mark glued to a word on its right and preceded by a space can only open.
    """
    mark = text[i]
    if mark in GUILLEMETS:
        # Guillemets are typeset by direction (and often spaced, French style), so the glyph decides.
        return "open" if mark in "«‹" else "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opening_context = before.isspace() or before in OPENING_CONTEXT or before in DOUBLE_MARKS + SINGLE_MARKS
    closing_context = after.isspace() or after in CLOSING_CONTEXT or after in DOUBLE_MARKS + SINGLE_MARKS
    if opening_context and not after.isspace() and not (before in DOUBLE_MARKS + SINGLE_MARKS and closing_context):
        return "open"
    if not before.isspace() and closing_context:
        return "close"
    if mark in opens:
        return "open"
    if mark in closes:
        return "close"
    return "either"


def _is_apostrophe(text: str, i: int) -> bool:
    """An apostrophe rather than a single quote: inside a word (don't, Russia's) or eliding digits ('90s)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return (not before.isalnum()) and after.isdigit()


def _paragraphs(text: str) -> list[Range]:
    """Paragraph extents: text between line breaks (blank lines produce empty paragraphs, skipped)."""
    ranges: list[Range] = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            ranges.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        ranges.append((start, len(text)))
    return ranges


def _trimmed_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _first_mark(text: str, start: int, end: int) -> int | None:
    """Position of the paragraph's first visible character when it is an opening double mark."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] in DOUBLE_MARKS and _kind(text, i, DOUBLE_OPEN, DOUBLE_CLOSE) != "close":
        return i
    return None


def _double_quotes(text: str) -> list[Range]:
    """Top-level double-mark (and guillemet) quotations, joining paragraphs that re-open an unclosed quote."""
    quotes: list[Range] = []
    paragraphs = _paragraphs(text)
    open_at: int | None = None
    skip: int | None = None  # the re-opening mark of a continued paragraph
    for number, (start, end) in enumerate(paragraphs):
        for match in DOUBLE_MARK_RE.finditer(text, start, end):
            i = match.start()
            if i == skip:
                continue
            kind = _kind(text, i, DOUBLE_OPEN, DOUBLE_CLOSE)
            if open_at is None:
                if kind != "close":
                    open_at = i
            elif kind != "open":
                quotes.append((open_at, i + 1))
                open_at = None
        if open_at is not None:
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            skip = _first_mark(text, *following) if following else None
            if skip is None:
                # Unclosed and not continued: a missing closing mark; the quote ends with its paragraph.
                quotes.append((open_at, _trimmed_end(text, end)))
                open_at = None
    return quotes


def _single_quotes(text: str, start: int, end: int) -> list[Range]:
    """Single-mark quotations inside ``[start, end)``; an unclosed one is dropped (it was likely an
    apostrophe)."""
    quotes: list[Range] = []
    open_at: int | None = None
    for match in SINGLE_MARK_RE.finditer(text, start, end):
        i = match.start()
        if text[i] == "\n":
            open_at = None
            continue
        if _is_apostrophe(text, i):
            continue
        kind = _kind(text, i, SINGLE_OPEN, SINGLE_CLOSE)
        if open_at is None:
            if kind == "open":
                open_at = i
        elif kind != "open":
            # Elisions such as rock ’n’ roll look like a one-letter quote; a quotation has a word or more.
            if sum(char.isalnum() for char in text[open_at:i]) >= 2:
                quotes.append((open_at, i + 1))
            open_at = None
    return quotes


def find_quotes(text: str) -> list[Range]:
    """Every quotation in ``text`` as ``(start, end)`` character offsets including its marks, in text order.

    Single quotes nested in a double quote are returned too (they overlap their container); single quotes
    outside double ones (headline style) are returned when they open and close within a paragraph.
    """
    doubles = _double_quotes(text)
    found = list(doubles)
    outside_start = 0
    for start, end in doubles:
        found.extend(_single_quotes(text, outside_start, start))
        found.extend(_single_quotes(text, start + 1, end - 1))
        outside_start = end
    found.extend(_single_quotes(text, outside_start, len(text)))
    return sorted(found)


def set_quotes(doc: Doc, quotes: list[Range]) -> None:
    """Put quotations on the doc as token spans (boundaries widened to whole tokens to cover the marks)."""
    spans: list[Span] = []
    for start, end in quotes:
        span = doc.char_span(start, end, label="QUOTE", alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[QUOTES_KEY] = spans


def annotate_quotes(doc: Doc) -> Doc:
    """``find_quotes`` on the doc's text, recorded on the doc: what the component does, for code that tags docs
    outside the pipeline (training, evaluation) and must run this stage explicitly before the tagger."""
    set_quotes(doc, find_quotes(doc_text(doc)))
    return doc


class QuotesPipe(AnnotatingPipe[list[Range]]):
    """Marks quotations as spans (token boundaries widened to cover the marks)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> list[Range]:
        return find_quotes(doc_text(doc))

    def set_annotations(self, doc: Doc, prediction: list[Range]) -> None:
        set_quotes(doc, prediction)


@component_factory("accordingto_quotes", assigns=["doc.spans"], requires=[])
def make_quotes(nlp: Language, name: str) -> QuotesPipe:
    return QuotesPipe(nlp, name)
