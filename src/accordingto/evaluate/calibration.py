"""Is ``confidence`` a probability? Which predictions the scorer counts as right, and the reliability table.

A prediction is right when the attribution matching of ``metrics`` (one-to-one, maximum matching) pairs it with
a gold attribution: the same definition as attribution precision, so that the mean confidence of a set of
predictions estimates its precision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Attribution
from .metrics import TokenIndex, match_candidates, maximum_matching


def matched_predictions(text: str, gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> list[bool]:
    """For each predicted attribution, whether the scorer's matching pairs it with a gold one."""
    tokens = TokenIndex(text)
    gold_items = [tokens.item(attribution) for attribution in gold]
    predicted_items = [tokens.item(attribution) for attribution in predicted]
    matched = set(maximum_matching(match_candidates(gold_items, predicted_items), len(predicted_items)).values())
    return [index in matched for index in range(len(predicted))]


@dataclass
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_confidence: float
    observed: float  # share of the bin's predictions that are right


@dataclass
class Reliability:
    bins: list[ReliabilityBin]
    ece: float  # expected calibration error: count-weighted mean |observed - mean confidence|
    count: int


def reliability(pairs: Iterable[tuple[float, bool]], n_bins: int = 10) -> Reliability:
    """Equal-width confidence bins: how many predictions fall in each, their mean confidence, the share right."""
    counts = [0] * n_bins
    confidence_sums = [0.0] * n_bins
    rights = [0] * n_bins
    for confidence, right in pairs:
        index = min(int(confidence * n_bins), n_bins - 1)
        counts[index] += 1
        confidence_sums[index] += confidence
        rights[index] += int(right)
    total = sum(counts)
    bins = [
        ReliabilityBin(
            low=index / n_bins,
            high=(index + 1) / n_bins,
            count=count,
            mean_confidence=confidence_sum / count if count else 0.0,
            observed=right / count if count else 0.0,
        )
        for index, (count, confidence_sum, right) in enumerate(zip(counts, confidence_sums, rights, strict=True))
    ]
    ece = sum(b.count * abs(b.observed - b.mean_confidence) for b in bins) / total if total else 0.0
    return Reliability(bins=bins, ece=ece, count=total)


def format_reliability(result: Reliability) -> str:
    lines = [f"{'confidence':<12}{'count':>7}{'mean conf.':>12}{'observed':>10}"]
    for b in result.bins:
        if b.count:
            lines.append(f"{b.low:.1f}-{b.high:.1f}{'':<5}{b.count:>7}{b.mean_confidence:>12.3f}{b.observed:>10.3f}")
    lines.append(f"{result.count} predictions, expected calibration error {result.ece:.3f}")
    return "\n".join(lines)


__all__ = ["Reliability", "ReliabilityBin", "format_reliability", "matched_predictions", "reliability"]
