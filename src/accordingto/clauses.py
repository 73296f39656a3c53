"""Where an attribution sits in its text: sentence units, the cue's head word, the words around the cue.

The linking, stance and time components all need the same few views of an attribution (its cue's head token,
which tokens belong to its cue clause rather than to its content, which sentence it is in), so they are
computed here once, from the role spans the earlier components left on the ``Doc``
(``annotations.role_spans``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.tokens import Doc, Span, Token

from .ranges import merged_ranges

# Pronouns that, standing alone as the whole content, point back at the previous sentence: "This is reported
# by the New York Times." The annotation guidelines (and PolNeAR) mark such a pronoun as the content.
ANAPHORIC_CONTENT = frozenset({"this", "that", "it", "these", "those"})

# The dependencies of a clause's own subject ("it" of "it is said" included): a verb with one heads a clause of its
# own, one without is a participle or infinitive whose subject lies elsewhere.
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})

# The dependencies of a nominal subject, active or passive: the noun phrase a clause is about, which is where a
# speaker is named ("the minister said") and what the resolvers prefer as an antecedent.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class Units:
    """Sentence units: spaCy's sentences, cut again at line breaks.

    A headline or a line without a final full stop is its own unit even when the parser ran it into the next
    line ("... a truce\\nThis is reported by the New York Times.").
    """

    starts: list[int]  # first token index of each unit, ascending
    ends: list[int]  # token index one past the last token of each unit

    @classmethod
    def of(cls, doc: Doc) -> Units:
        starts: list[int] = []
        ends: list[int] = []
        # Without a parser or sentencizer (a bare tokenizer) the line breaks alone cut the text.
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        # Read from the doc's arrays, not token by token: which tokens hold a line break, and how many words (not
        # white space) come before each token.
        table = doc.to_array([ORTH, IS_SPACE]).reshape(len(doc), 2)
        space = table[:, 1] == 1
        breaks = np.flatnonzero(space_line_breaks(doc, table[:, 0], space)).tolist()
        words_before = np.concatenate([[0], np.cumsum(~space)]).tolist()
        for sent in sentences:
            start = sent.start
            for i in breaks[bisect.bisect_left(breaks, sent.start) : bisect.bisect_left(breaks, sent.end - 1)]:
                _append_unit(words_before, starts, ends, start, i + 1)
                start = i + 1
            _append_unit(words_before, starts, ends, start, sent.end)
        return cls(starts, ends)

    def index(self, token_i: int) -> int:
        """The unit a token belongs to (a whitespace token between units counts with the one before it)."""
        return max(0, bisect.bisect_right(self.starts, token_i) - 1)

    def span(self, unit: int) -> range:
        return range(self.starts[unit], self.ends[unit])


def space_line_breaks(doc: Doc, orth: np.ndarray, space: np.ndarray) -> np.ndarray:
    """How many line breaks each token's text holds, from the doc's ``ORTH`` and ``IS_SPACE`` columns: only
    white-space tokens can hold one (spaCy's tokenizer cuts text at white space, and the white space after a
    token is one space at most), and each distinct white-space token's text is looked at once."""
    kinds, which = np.unique(orth[space], return_inverse=True)
    counts = np.zeros(len(doc), dtype=np.int64)
    counts[space] = np.array([doc.vocab.strings[key].count("\n") for key in kinds.tolist()], dtype=np.int64)[
        which.reshape(-1)
    ]
    return counts


def _append_unit(words_before: list[int], starts: list[int], ends: list[int], start: int, end: int) -> None:
    """Add a unit unless it holds only whitespace (which then stays with the unit before it); ``words_before``:
    the number of tokens before each index that are not white space."""
    if words_before[end] == words_before[start]:
        if ends:
            ends[-1] = end
        return
    starts.append(start)
    ends.append(end)


def token_ids(spans: Iterable[Span]) -> set[int]:
    """Token indices covered by spans."""
    return {i for span in spans for i in range(span.start, span.end)}


def subtree_ids(token: Token, heads: np.ndarray) -> frozenset[int]:
    """The token indices of ``token``'s subtree (``heads``: ``annotations.doc_heads``).

    The tokens between its left and right edges, when each of them hangs, through heads inside that range, from
    ``token`` (a projective subtree: nearly always); else spaCy's walk of the tree. The check is one array
    comparison, where walking ``token.subtree`` makes a Python object per token.
    """
    left, right = token.left_edge.i, token.right_edge.i + 1
    inside = heads[left:right]
    hangs_inside = (inside >= left) & (inside < right) & (inside != np.arange(left, right))
    hangs_inside[token.i - left] = True
    if hangs_inside.all():
        return frozenset(range(left, right))
    return frozenset(t.i for t in token.subtree)


def entity_span(token: Token) -> Span | None:
    """The named entity holding ``token``, found from its IOB tags (``doc.ents`` would build every entity of the
    doc to find one)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    low = token.i
    while low > 0 and doc[low].ent_iob_ == "I":
        low -= 1
    high = token.i + 1
    while high < len(doc) and doc[high].ent_iob_ == "I":
        high += 1
    return doc[low:high]


def top_tokens(spans: list[Span]) -> list[Token]:
    """The tokens of the spans whose head lies outside them (or that are a root), in text order: the heads of
    the phrases and clauses the spans are made of."""
    inside = token_ids(spans)
    if not inside:
        return []
    doc = spans[0].doc
    return [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head.i == i]


def cue_head(cue: list[Span]) -> Token | None:
    """The cue's syntactic head: the cue token whose head lies outside the cue, preferring a verb or
    adjective.

    "is reported by" -> "reported"; "according to" -> "According"; "did not say" -> "say"; "is ready" -> "ready".
    """
    inside = token_ids(cue)
    if not inside:
        return None
    tops = top_tokens(cue)
    for token in tops:
        if token.pos_ in ("VERB", "ADJ"):
            return token
        # A copula cue ("is ready") is headed, for meaning, by its adjective or noun.
        predicate = [child for child in token.children if child.i in inside and child.dep_ in ("acomp", "attr")]
        if token.lemma_ == "be" and predicate:
            return predicate[0]
    return tops[0] if tops else cue[0].doc[min(inside)]


def anaphoric_antecedent(doc: Doc, content: list[Span], units: Units) -> range | None:
    """The previous unit, when the content is only a pronoun opening its own unit ("This is reported by X.").

    Only a sentence-initial pronoun counts: "he said so" later in a sentence refers to that sentence, not the
    one before, and widening it would wrongly make it the parent of whatever the previous sentence reports.
    """
    words: list[int] = []
    for span in sorted(content, key=lambda span: span.start):
        for token in span:
            if not token.is_punct and not token.is_space and token.i not in words:
                words.append(token.i)
                if len(words) > 1:
                    return None  # more than a pronoun: reading on would cost as much as the content is long
    if len(words) != 1 or doc[words[0]].lower_ not in ANAPHORIC_CONTENT:
        return None
    unit = units.index(words[0])
    first_word = next(
        (t.i for t in doc[units.starts[unit] : units.ends[unit]] if not t.is_punct and not t.is_space), None
    )
    if first_word != words[0] or unit == 0:
        return None
    return units.span(unit - 1)


def effective_ranges(doc: Doc, content: list[Span], units: Units) -> list[tuple[int, int]]:
    """Content token ranges, merged and in order, with a lone anaphoric pronoun replaced by the unit it points
    back to."""
    antecedent = anaphoric_antecedent(doc, content, units)
    if antecedent is not None:
        return [(antecedent.start, antecedent.stop)]
    return merged_ranges((span.start, span.end) for span in content)


def ancestors(parents: Mapping[str, str | None], attribution_id: str) -> list[str]:
    """Parent, grandparent... of an attribution (stops on a cycle, which nesting never creates)."""
    chain: list[str] = []
    current = parents.get(attribution_id)
    while current is not None and current not in chain and current != attribution_id:
        chain.append(current)
        current = parents.get(current)
    return chain


def cue_clauses(
    doc: Doc,
    spans: Mapping[str, Mapping[str, list[Span]]],
    parents: Mapping[str, str | None],
    units: Units,
) -> dict[str, list[int]]:
    """For each attribution, the tokens of its cue's unit that frame the statement rather than state it.

    A token belongs to attribution A's cue clause when it is in the unit of A's cue, outside A's content,
    outside the content of any attribution that does not enclose A (a sibling's or a nested statement's words
    are theirs), and nearer to A's cue than to the cue of any other attribution it could belong to (on a tie,
    the attribution listed first in ``spans``). Linear nearness, not the parse tree: the small parser often
    attaches "addressing generals on Tuesday, he boasted" to the wrong verb, and nearness is what a reader
    uses. Returned in text order.

    Cost: each token of a cue's unit is placed by binary search among the cues free to take it, so the work
    grows as tokens x log(cues), not as attributions squared.
    """
    cues = {aid: token_ids(roles["cue"]) for aid, roles in spans.items()}
    rank = {aid: n for n, aid in enumerate(cues)}
    enclosing = {aid: set(ancestors(parents, aid)) for aid in cues}
    # Where contents begin (+1) and end (-1), in text order: which contents hold a token is followed by sweeping
    # them, instead of listing for every token of every content the attributions holding it.
    events = sorted(
        (position, change, aid)
        for aid, roles in spans.items()
        for start, end in merged_ranges((span.start, span.end) for span in roles["content"])
        for position, change in ((start, 1), (end, -1))
    )
    open_contents: dict[str, int] = {}
    held: frozenset[str] = frozenset()  # the attributions whose content holds the token being looked at
    next_event = 0
    by_unit: dict[int, list[str]] = {}
    for aid, cue in cues.items():
        if cue:
            by_unit.setdefault(units.index(min(cue)), []).append(aid)
    clauses: dict[str, list[int]] = {aid: [] for aid in cues}
    for unit, owners in sorted(by_unit.items()):
        # An owner may take a token held by contents only when every holder encloses it, so the owners free
        # at a held token are among the descendants of any one holder.
        descendants: dict[str, list[str]] = {}
        for aid in owners:
            for ancestor in enclosing[aid]:
                descendants.setdefault(ancestor, []).append(aid)
        nearest: dict[frozenset[str], _NearestCue | None] = {}
        for i in units.span(unit):
            if next_event < len(events) and events[next_event][0] <= i:
                while next_event < len(events) and events[next_event][0] <= i:
                    _, change, aid = events[next_event]
                    open_contents[aid] = open_contents.get(aid, 0) + change
                    if not open_contents[aid]:
                        del open_contents[aid]
                    next_event += 1
                held = frozenset(open_contents)
            if doc[i].is_space:
                continue
            if held not in nearest:
                candidates = descendants.get(next(iter(held)), []) if held else owners
                free = [aid for aid in candidates if aid not in held and held <= enclosing[aid]]
                nearest[held] = _NearestCue(free, cues, rank) if free else None
            finder = nearest[held]
            if finder is not None:
                clauses[finder.owner(i)].append(i)
    return clauses


class _NearestCue:
    """The attribution whose cue is nearest a token, among a fixed set (ties: the lower rank)."""

    def __init__(self, owners: list[str], cues: Mapping[str, set[int]], rank: Mapping[str, int]) -> None:
        self.entries = sorted((i, rank[aid], aid) for aid in owners for i in cues[aid])
        self.positions = [i for i, _, _ in self.entries]

    def owner(self, i: int) -> str:
        k = bisect.bisect_left(self.positions, i)
        distance = min(
            (abs(self.positions[j] - i) for j in (k - 1, k) if 0 <= j < len(self.positions)),
        )
        # The first entry at a position has the lowest rank there (entries sort by position, then rank).
        found = [
            self.entries[j]
            for j in {
                bisect.bisect_left(self.positions, i - distance),
                bisect.bisect_left(self.positions, i + distance),
            }
            if j < len(self.positions) and abs(self.positions[j] - i) == distance
        ]
        return min(found, key=lambda entry: entry[1])[2]
