"""What grouping works with: the role spans, the groups they form, where each token lies (sentence, paragraph,
quotation) and the cues near a span, which every grouping rule reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc

from ..annotations import doc_punct, quote_spans
from ..model import AttributionType
from .features import paragraph_ids, sentence_ids
from .tagging import RoleSpan

# How far up the tree a span may be from its cue and still be its argument ("according to X": X → to →
# according).
LINK_DEPTH = 4


@dataclass
class Group:
    """An attribution being assembled: the cue anchors it, and contents and sources join it as grouping finds them."""

    cue: RoleSpan
    contents: list[RoleSpan] = field(default_factory=list)
    sources: list[RoleSpan] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)  # how each content was attached (``confidence.CONTENT_ROUTES``)


def keep_contents(group: Group, keep: Callable[[RoleSpan], bool]) -> None:
    """Keep the group's contents that ``keep`` accepts, with the route each came by."""
    chosen = [n for n, span in enumerate(group.contents) if keep(span)]
    group.routes = [group.routes[n] for n in chosen if n < len(group.routes)]
    group.contents = [group.contents[n] for n in chosen]


def drop_sources_over(group: Group, ranges: list[tuple[int, int]]) -> None:
    """Leave out the group's sources that overlap any of the token ranges (the phrase of a hearer, who is no
    source)."""
    group.sources[:] = [
        span for span in group.sources if not any(span.start < end and start < span.end for start, end in ranges)
    ]


def _ancestors(doc: Doc, i: int, depth: int) -> list[int]:
    out = []
    token = doc[i]
    for _ in range(depth):
        if token.head.i == token.i:
            break
        token = token.head
        out.append(token.i)
    return out


def _linked(doc: Doc, span: RoleSpan, cue: RoleSpan, depth: int) -> bool:
    """Whether some token of ``span`` hangs under the cue, or the cue hangs under the span, in the parse."""
    cue_tokens = range(cue.start, cue.end)
    if any(a in cue_tokens for i in range(span.start, span.end) for a in _ancestors(doc, i, depth)):
        return True
    return any(span.start <= a < span.end for i in cue_tokens for a in _ancestors(doc, i, depth))


def _distance(a: RoleSpan, b: RoleSpan) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


class Layout:
    """Sentence and paragraph index of every token (see ``features.sentence_ids`` for how sentences are cut)."""

    def __init__(self, doc: Doc, quotes: list[tuple[int, int]]) -> None:
        self.paragraph = paragraph_ids(doc)
        self.sentence = sentence_ids(doc, self.paragraph, quotes)
        self.quotes = quotes
        # The first quotation (in list order) holding each token, -1 for none: painted last to first, so that a
        # lookup is one read instead of a pass over every quotation.
        self.quote = np.full(len(doc), -1, dtype=np.int64)
        for n in range(len(quotes) - 1, -1, -1):
            self.quote[quotes[n][0] : quotes[n][1]] = n

    def quote_of(self, i: int) -> tuple[int, int] | None:
        n = int(self.quote[i]) if 0 <= i < len(self.quote) else -1
        return self.quotes[n] if n >= 0 else None

    def paragraph_bounds(self, i: int) -> tuple[int, int]:
        """The token range of token ``i``'s paragraph (paragraph numbers never fall along the text)."""
        paragraph = self.paragraph[i]
        return (
            int(np.searchsorted(self.paragraph, paragraph, side="left")),
            int(np.searchsorted(self.paragraph, paragraph, side="right")),
        )

    def same(self, level: np.ndarray, a: RoleSpan, b: RoleSpan) -> bool:
        return bool(set(level[a.start : a.end]) & set(level[b.start : b.end]))


class CueIndex:
    """The groups by the sentences and paragraphs their cue touches, so that a span is compared with the cues
    of its own sentence or paragraph rather than with every cue of the document. Groups appended to the list
    later (``introduced_quote``) are indexed when next asked."""

    def __init__(self, layout: Layout, groups: list[Group]) -> None:
        self.layout = layout
        self.groups = groups
        self.indexed = 0
        self.by_level: dict[str, dict[int, list[int]]] = {"sentence": defaultdict(list), "paragraph": defaultdict(list)}

    def near(self, level: str, span: RoleSpan) -> list[Group]:
        """The groups whose cue shares a ``level`` ("sentence", "paragraph") with the span, in list order."""
        for number in range(self.indexed, len(self.groups)):
            cue = self.groups[number].cue
            for name, index in self.by_level.items():
                for value in set(getattr(self.layout, name)[cue.start : cue.end].tolist()):
                    index[value].append(number)
        self.indexed = len(self.groups)
        index = self.by_level[level]
        values = set(getattr(self.layout, level)[span.start : span.end].tolist())
        return [self.groups[number] for number in sorted({n for value in values for n in index.get(value, [])})]


@dataclass
class Grouping:
    """What the grouping routes read and extend while ``grouping.assemble`` walks the content spans in text order:
    the doc, its tags and layout, the groups so far (through their ``CueIndex``; a route may add one) and the group
    given the latest content, which a continued quote goes back to."""

    doc: Doc
    tags: np.ndarray  # the tagger's tag per token (indices into ``perceptron.TAGS``)
    layout: Layout
    cues: CueIndex
    previous: Group | None = None

    @property
    def groups(self) -> list[Group]:
        return self.cues.groups


def choose_cue(doc: Doc, cues: CueIndex, span: RoleSpan, levels: tuple[str, ...]) -> Group | None:
    """The attribution a span belongs to: the nearest cue linked to it in the parse within the sentence, else
    the nearest cue at each of ``levels`` ("sentence", "paragraph") in turn (ties: the earlier group)."""
    for group in sorted(cues.near("sentence", span), key=lambda group: _distance(span, group.cue)):
        if _linked(doc, span, group.cue, LINK_DEPTH):
            return group
    for level in levels:
        near = cues.near(level, span)
        if near:
            return min(near, key=lambda group: _distance(span, group.cue))
    return None


def attribution_type(quoted: np.ndarray, contents: list[RoleSpan], doc: Doc) -> AttributionType:
    """direct when every content word is quoted, mixed when some are, else indirect."""
    punct = doc_punct(doc)
    inside = np.concatenate([quoted[s.start : s.end][~punct[s.start : s.end]] for s in contents] or [quoted[:0]])
    if not len(inside):
        return "indirect"
    if inside.all():
        return "direct"
    return "mixed" if inside.any() else "indirect"


def quoted_tokens(doc: Doc) -> np.ndarray:
    """Per token: inside a quotation."""
    quoted = np.zeros(len(doc), dtype=bool)
    for quote in quote_spans(doc):
        quoted[quote.start : quote.end] = True
    return quoted
