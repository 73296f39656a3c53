"""Error analysis: why the attributions that did not match went wrong, in a few categories a reader can act on.

The matching is the scorer's (``metrics.attributions_match`` and the maximum matching); what is left over on either
side is put in the first category that fits. Examples are kept in reading order, so runs compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Attribution
from .metrics import TokenIndex, attributions_match, match_candidates, maximum_matching

# Gold attributions the pipeline did not match, first category that fits:
MISSED = "missed: no prediction touches its cue or content"
WRONG_SOURCE = "wrong source: a prediction holds the content, its source does not overlap"
SHORT_CONTENT = "content boundary: a prediction shares under half of the content"
OTHER_GOLD = "taken: the only fitting prediction matched another gold attribution"
# Predictions that matched no gold attribution:
EXTRA = "extra: a prediction touching no gold attribution"
SPLIT = "split or misplaced: a prediction overlapping a gold attribution it does not match"
CATEGORIES = (MISSED, WRONG_SOURCE, SHORT_CONTENT, OTHER_GOLD, EXTRA, SPLIT)


@dataclass
class ErrorAnalysis:
    """Counts per category, with the first ``keep`` examples of each as (article, source, cue, content)."""

    keep: int = 3
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    examples: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=lambda: {c: [] for c in CATEGORIES})

    def add(self, name: str, text: str, gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> None:
        index = TokenIndex(text)
        gold_items = [index.item(a) for a in gold]
        predicted_items = [index.item(a) for a in predicted]
        matched = maximum_matching(match_candidates(gold_items, predicted_items), len(predicted_items))
        matched_predictions = set(matched.values())
        for gi, (attribution, g) in enumerate(zip(gold, gold_items, strict=True)):
            if gi in matched:
                continue
            touching = [p for p in predicted_items if (p.content | p.cue) & (g.content | g.cue)]
            if not touching:
                category = MISSED
            elif any(attributions_match(g, p) for p in touching):
                category = OTHER_GOLD
            elif any(2 * len(g.content & p.content) >= len(g.content) for p in touching):
                category = WRONG_SOURCE
            else:
                category = SHORT_CONTENT
            self._count(category, name, text, attribution)
        for pi, (attribution, p) in enumerate(zip(predicted, predicted_items, strict=True)):
            if pi in matched_predictions:
                continue
            overlaps = any(p.all_tokens() & g.all_tokens() for g in gold_items)
            self._count(SPLIT if overlaps else EXTRA, name, text, attribution)

    def _count(self, category: str, name: str, text: str, attribution: Attribution) -> None:
        self.counts[category] += 1
        if len(self.examples[category]) < self.keep:
            self.examples[category].append(
                (name, attribution.source_text or "", attribution.cue_text, _short(attribution.content_text))
            )

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts, "examples": {c: [list(e) for e in ex] for c, ex in self.examples.items()}}

    def format(self) -> str:
        lines = ["errors by category"]
        for category in CATEGORIES:
            lines.append(f"{self.counts[category]:6d}  {category}")
            for name, source, cue, content in self.examples[category]:
                lines.append(f"          {name}: [{source or '—'}] [{cue}] [{content}]")
        return "\n".join(lines)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
