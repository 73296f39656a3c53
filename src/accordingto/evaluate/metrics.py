"""Score predicted attributions against gold ones, with the definitions of ``/work/shared/polnear/FORMAT.md``.

Pure functions of (text, gold, predicted): nothing here loads a model, so the figures of any system (ours, a
baseline, a user's) are computed the same way. Tokens are maximal ``\\w+`` runs; a token belongs to a span
when it lies entirely inside it. Every figure is micro-averaged over all articles, on all gold attributions
and again on the direct-quote subset (``_subset_view`` says how the others become "don't care").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..model import Attribution, Ranges

ROLES = ("source", "cue", "content")
LEVELS = ("token", "exact", "overlap")
SUBSETS = ("all", "direct")

_TOKEN = re.compile(r"\w+")
_QUOTE_MARKS = '“”"«»'
# A direct quote's content begins or ends with a quotation mark, perhaps followed by the sentence's
# punctuation.
_BEGINS_QUOTE = re.compile(rf"^\s*[{_QUOTE_MARKS}]")
_ENDS_QUOTE = re.compile(rf"[{_QUOTE_MARKS}][.,;:!?]?\s*$")

Tokens = frozenset[int]


@dataclass
class PRF:
    """Precision, recall and F1, with the counts behind them (how many items a figure rests on)."""

    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int


@dataclass
class SubsetScores:
    """Every figure for one gold subset: per level, per role; plus attribution-level matching."""

    token: dict[str, PRF]
    exact: dict[str, PRF]
    overlap: dict[str, PRF]
    attribution: PRF


@dataclass
class Scores:
    """The result of scoring many articles: all gold attributions and the direct-quote subset."""

    articles: int
    all: SubsetScores
    direct: SubsetScores

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Tally:
    """Micro-average accumulator. Precision and recall numerators differ only for the overlap level."""

    precision_sum: float = 0.0
    predicted: int = 0
    recall_sum: float = 0.0
    gold: int = 0

    def add(self, precision_sum: float, predicted: int, recall_sum: float, gold: int) -> None:
        self.precision_sum += precision_sum
        self.predicted += predicted
        self.recall_sum += recall_sum
        self.gold += gold

    def prf(self) -> PRF:
        precision = self.precision_sum / self.predicted if self.predicted else 0.0
        recall = self.recall_sum / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return PRF(precision=precision, recall=recall, f1=f1, gold=self.gold, predicted=self.predicted)


@dataclass
class _SubsetTally:
    levels: dict[str, dict[str, _Tally]] = field(
        default_factory=lambda: {level: {role: _Tally() for role in ROLES} for level in LEVELS}
    )
    attribution: _Tally = field(default_factory=_Tally)

    def result(self) -> SubsetScores:
        prfs = {level: {role: tally.prf() for role, tally in roles.items()} for level, roles in self.levels.items()}
        return SubsetScores(
            token=prfs["token"],
            exact=prfs["exact"],
            overlap=prfs["overlap"],
            attribution=self.attribution.prf(),
        )


@dataclass(frozen=True)
class _Item:
    """One attribution as token sets per role."""

    source: Tokens
    cue: Tokens
    content: Tokens

    def role(self, role: str) -> Tokens:
        tokens: Tokens = getattr(self, role)
        return tokens

    def all_tokens(self) -> Tokens:
        return self.source | self.cue | self.content

    def without(self, removed: Tokens) -> _Item:
        return _Item(self.source - removed, self.cue - removed, self.content - removed)


def score(articles: Iterable[tuple[str, Sequence[Attribution], Sequence[Attribution]]]) -> Scores:
    """Score ``(text, gold, predicted)`` triples, one per article; figures are micro-averaged over them."""
    tallies = {subset: _SubsetTally() for subset in SUBSETS}
    count = 0
    for text, gold, predicted in articles:
        count += 1
        tokenizer = TokenIndex(text)
        gold_items = [tokenizer.item(attribution) for attribution in gold]
        predicted_items = [tokenizer.item(attribution) for attribution in predicted]
        _score_article(tallies["all"], gold_items, predicted_items)
        direct = [is_direct_quote(text, attribution.content) for attribution in gold]
        _score_article(tallies["direct"], *_subset_view(gold_items, predicted_items, direct))
    return Scores(articles=count, all=tallies["all"].result(), direct=tallies["direct"].result())


def is_direct_quote(text: str, content: Ranges) -> bool:
    """A gold content that begins or ends with a quotation mark (perhaps followed by . , ; : ! ?)."""
    if not content:
        return False
    ranges = sorted(content)
    return bool(
        _BEGINS_QUOTE.search(text[ranges[0][0] : ranges[0][1]])
        or _ENDS_QUOTE.search(text[ranges[-1][0] : ranges[-1][1]])
    )


def format_table(scores: Scores) -> str:
    """A plain-text table (percentages) a reader can compare with the figures in FORMAT.md."""
    lines = [f"{scores.articles} articles"]
    header = f"{'':<24}{'P':>7}{'R':>7}{'F1':>7}{'gold':>9}{'pred':>9}"
    for subset in SUBSETS:
        result: SubsetScores = getattr(scores, subset)
        title = "all attributions" if subset == "all" else "direct quotes (others: don't care)"
        lines += ["", title, header]
        for level in LEVELS:
            for role in ROLES:
                lines.append(_row(f"{level} {role}", getattr(result, level)[role]))
        lines.append(_row("attribution", result.attribution))
    return "\n".join(lines)


def _row(label: str, prf: PRF) -> str:
    return (
        f"{label:<24}{100 * prf.precision:>7.1f}{100 * prf.recall:>7.1f}{100 * prf.f1:>7.1f}"
        f"{prf.gold:>9}{prf.predicted:>9}"
    )


class TokenIndex:
    """The ``\\w+`` tokens of one text, to turn character ranges into token sets (by bisection)."""

    def __init__(self, text: str) -> None:
        matches = list(_TOKEN.finditer(text))
        self.starts = [match.start() for match in matches]
        self.ends = [match.end() for match in matches]

    def tokens(self, ranges: Ranges) -> Tokens:
        """Tokens entirely inside one of the ranges (touching ranges are joined: a token may span them)."""
        found: set[int] = set()
        for start, end in joined(ranges):
            first = bisect_left(self.starts, start)
            last = bisect_right(self.ends, end)
            found.update(range(first, last))
        return frozenset(found)

    def item(self, attribution: Attribution) -> _Item:
        return _Item(self.tokens(attribution.source), self.tokens(attribution.cue), self.tokens(attribution.content))


def joined(ranges: Ranges) -> Ranges:
    """Sorted ranges with overlapping or touching ones joined into one."""
    merged: Ranges = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _score_article(tally: _SubsetTally, gold: Sequence[_Item], predicted: Sequence[_Item]) -> None:
    for role in ROLES:
        gold_sets = [item.role(role) for item in gold]
        predicted_sets = [item.role(role) for item in predicted]
        _token_level(tally.levels["token"][role], gold_sets, predicted_sets)
        gold_sets = [tokens for tokens in gold_sets if tokens]
        predicted_sets = [tokens for tokens in predicted_sets if tokens]
        _exact_level(tally.levels["exact"][role], gold_sets, predicted_sets)
        _overlap_level(tally.levels["overlap"][role], gold_sets, predicted_sets)
    matched = len(maximum_matching(match_candidates(gold, predicted), len(predicted)))
    tally.attribution.add(matched, len(predicted), matched, len(gold))


def _token_level(tally: _Tally, gold: list[Tokens], predicted: list[Tokens]) -> None:
    gold_tokens = frozenset().union(*gold)
    predicted_tokens = frozenset().union(*predicted)
    shared = len(gold_tokens & predicted_tokens)
    tally.add(shared, len(predicted_tokens), shared, len(gold_tokens))


def _exact_level(tally: _Tally, gold: list[Tokens], predicted: list[Tokens]) -> None:
    # One-to-one matching of equal sets is a multiset intersection (two attributions may share one source).
    matched = sum((Counter(gold) & Counter(predicted)).values())
    tally.add(matched, len(predicted), matched, len(gold))


def _overlap_level(tally: _Tally, gold: list[Tokens], predicted: list[Tokens]) -> None:
    pairs = sorted(
        ((len(g & p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if g & p),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    precision_sum = recall_sum = 0.0
    for shared, gi, pi in pairs:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        precision_sum += shared / len(predicted[pi])
        recall_sum += shared / len(gold[gi])
    tally.add(precision_sum, len(predicted), recall_sum, len(gold))


def attributions_match(gold: _Item, predicted: _Item) -> bool:
    """p holds at least half of g's content tokens, and g has no source or p's source shares a token with it.

    A gold attribution with no content token (a handful in PolNeAR) would match anything by that rule alone,
    so it must share a cue token instead.
    """
    if gold.source and not gold.source & predicted.source:
        return False
    if not gold.content:
        return bool(gold.cue & predicted.cue)
    return 2 * len(gold.content & predicted.content) >= len(gold.content)


def match_candidates(gold: Sequence[_Item], predicted: Sequence[_Item]) -> list[list[int]]:
    return [[pi for pi, p in enumerate(predicted) if attributions_match(g, p)] for g in gold]


def maximum_matching(candidates: Sequence[Sequence[int]], right_size: int) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths, Kuhn's algorithm): left index -> right index.

    Greedy matching can strand a gold attribution whose only candidate was taken by one that had another
    choice; augmenting paths re-route such choices, so the count is the true maximum.
    """
    owner: list[int | None] = [None] * right_size  # right -> left
    for left in range(len(candidates)):
        _augment(left, candidates, owner)
    return {left: right for right, left in enumerate(owner) if left is not None}


def _augment(root: int, candidates: Sequence[Sequence[int]], owner: list[int | None]) -> bool:
    """Find an augmenting path from ``root`` with an explicit stack (no recursion limit on long articles)."""
    visited: set[int] = set()
    # Each frame: (left vertex, next position in its candidate list); path[i]: the right vertex frame i chose.
    stack: list[tuple[int, int]] = [(root, 0)]
    path: list[int] = []
    while stack:
        left, position = stack[-1]
        options = candidates[left]
        while position < len(options) and options[position] in visited:
            position += 1
        if position == len(options):
            stack.pop()
            if path:
                path.pop()
            continue
        right = options[position]
        stack[-1] = (left, position + 1)
        visited.add(right)
        path.append(right)
        holder = owner[right]
        if holder is None:
            # Flip the path: each left on the stack takes the right vertex chosen from it.
            for (frame_left, _), chosen in zip(stack, path, strict=True):
                owner[chosen] = frame_left
            return True
        stack.append((holder, 0))
    return False


def _subset_view(
    gold: Sequence[_Item], predicted: Sequence[_Item], direct: Sequence[bool]
) -> tuple[list[_Item], list[_Item]]:
    """Gold and predicted items as seen when only direct quotes count.

    The other gold attributions are "don't care": their tokens (except those a direct quote shares, such as
    a common source) are removed from both sides. A prediction counts neither for nor against precision when
    it is matched to one of them (after matching direct quotes first, so a prediction that finds a direct
    quote is always credited) or when more than half of its tokens lie inside them.
    """
    kept_gold = [item for item, is_direct in zip(gold, direct, strict=True) if is_direct]
    others = [item for item, is_direct in zip(gold, direct, strict=True) if not is_direct]
    dont_care = frozenset().union(*(item.all_tokens() for item in others)) - frozenset().union(
        *(item.all_tokens() for item in kept_gold)
    )
    credited = set(maximum_matching(match_candidates(kept_gold, predicted), len(predicted)).values())
    unmatched = [pi for pi in range(len(predicted)) if pi not in credited]
    to_others = maximum_matching(match_candidates(others, [predicted[pi] for pi in unmatched]), len(unmatched))
    ignored = {unmatched[index] for index in to_others.values()}
    kept_predicted = []
    for pi, item in enumerate(predicted):
        tokens = item.all_tokens()
        if pi in ignored or (pi not in credited and 2 * len(tokens & dont_care) > len(tokens)):
            continue
        kept_predicted.append(item.without(dont_care))
    return kept_gold, kept_predicted
