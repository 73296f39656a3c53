"""Nesting: an attribution reported inside another one's content gets that one as its ``parent``.

"According to US officials, in the fall of 2022, Putin reported that he was satisfied ..." holds two
attributions: the officials' (content: "in the fall of 2022, Putin reported that ...") and Putin's (cue
"reported"). Putin's cue lies inside the officials' content, so the officials' attribution is its parent: we
know what Putin reported only through US officials.

Rules (in this order):
1. B's candidate parents are the attributions A whose content holds all of B's cue tokens, or, when B has no
   cue, all of B's source and content tokens.
2. A content that is a lone sentence-initial pronoun ("This is reported by the New York Times.") stands for
   the whole previous sentence unit, so that sentence's attributions become its children.
3. Of several candidates the innermost wins: the one with the smallest (effective) content.
4. A candidate that would close a cycle (A inside B inside A, possible only with odd extractor output) is
   skipped.
Top-level attributions get ``parent: None``.
"""

from __future__ import annotations

import heapq

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import ATTRIBUTIONS, PARENTS, doc_units, role_spans
from ..clauses import ancestors, effective_ranges
from ..pipes import AnnotatingPipe, component_factory
from ..ranges import merged_ranges, ranges_hold


class Nesting(AnnotatingPipe[dict[str, str | None]]):
    """Sets ``annotations.PARENTS``: every attribution's parent."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def predict(self, doc: Doc) -> dict[str, str | None]:
        return find_parents(doc)

    def set_annotations(self, doc: Doc, prediction: dict[str, str | None]) -> None:
        PARENTS.set(doc, prediction)


def find_parents(doc: Doc) -> dict[str, str | None]:
    """``{attribution id: parent id or None}`` for every attribution on the doc, in reading order.

    Cost: contents are kept as token ranges; the contents holding each child's first token are found in one
    sweep over the text (``_holding``), so the work grows with attributions times the depth of nesting at their
    place, not with attributions squared or with the words of every content.
    """
    ids = list(ATTRIBUTIONS.require(doc))
    spans = role_spans(doc)
    units = doc_units(doc)
    contents = {aid: effective_ranges(doc, spans[aid]["content"], units) for aid in ids}
    sizes = {aid: sum(end - start for start, end in ranges) for aid, ranges in contents.items()}
    inner: dict[str, list[tuple[int, int]]] = {}
    for aid in ids:
        roles = spans[aid]
        placed = roles["cue"] or roles["source"] + roles["content"]
        inner[aid] = merged_ranges((span.start, span.end) for span in placed)
    holding = _holding(ids, contents, {aid: ranges[0][0] for aid, ranges in inner.items() if ranges})
    order = {aid: n for n, aid in enumerate(ids)}
    parents: dict[str, str | None] = dict.fromkeys(ids)
    for child in ids:
        if not inner[child]:
            continue
        candidates = sorted(
            (aid for aid in holding.get(child, []) if aid != child and ranges_hold(contents[aid], inner[child])),
            key=lambda aid: (sizes[aid], order[aid]),
        )
        for candidate in candidates:
            if child not in ancestors(parents, candidate) and candidate != child:
                parents[child] = candidate
                break
    return parents


def _holding(
    ids: list[str], contents: dict[str, list[tuple[int, int]]], points: dict[str, int]
) -> dict[str, list[str]]:
    """For each attribution in ``points``, the attributions whose content holds its point (a token), found by
    sweeping the content ranges and the points in text order."""
    starts = sorted((start, end, aid) for aid in ids for start, end in contents[aid])
    open_ranges: list[tuple[int, str]] = []  # (end, attribution) of the ranges begun so far, a heap by end
    holding: dict[str, list[str]] = {}
    next_range = 0
    for point, child in sorted((point, child) for child, point in points.items()):
        while next_range < len(starts) and starts[next_range][0] <= point:
            heapq.heappush(open_ranges, (starts[next_range][1], starts[next_range][2]))
            next_range += 1
        while open_ranges and open_ranges[0][0] <= point:
            heapq.heappop(open_ranges)
        holding[child] = list(dict.fromkeys(aid for _, aid in open_ranges))
    return holding


@component_factory(
    "accordingto_nesting",
    assigns=[PARENTS.attr],
    requires=[ATTRIBUTIONS.attr, "doc.spans", "token.is_sent_start"],
)
def make_nesting(nlp: Language, name: str) -> Nesting:
    return Nesting(nlp, name)
