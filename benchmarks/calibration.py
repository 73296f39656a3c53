"""Reliability of ``confidence`` on PolNeAR dev: of the attributions given about 0.8, are about 80% right?

Runs the full pipeline on the split's articles, keeps the attributions the scorer sees (``evaluate.run.unnested``),
marks each right or wrong with the scorer's one-to-one attribution matching (``evaluate.calibration``), and prints
the reliability table (equal-width bins: count, mean confidence, share right) with the expected calibration
error; then precision and recall when only attributions at or above a few thresholds are kept. The confidence
model is fitted on held-out folds of train (``accordingto train``), never on dev.

    .venv/bin/python benchmarks/calibration.py              # dev, about as long as `accordingto evaluate`
    .venv/bin/python benchmarks/calibration.py --bins 5
"""

from __future__ import annotations

import argparse
from pathlib import Path

from accordingto import Article, analyze_many
from accordingto.evaluate.calibration import format_reliability, matched_predictions, reliability
from accordingto.evaluate.polnear import read_annotated
from accordingto.evaluate.run import unnested

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "polnear"
THRESHOLDS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--bins", type=int, default=10)
    args = parser.parse_args()
    articles = list(read_annotated(args.data, args.split))
    pairs: list[tuple[float, bool]] = []
    gold_total = 0
    for annotated, outcome in zip(
        articles, analyze_many(Article(text=a.text, id=a.name) for a in articles), strict=True
    ):
        gold_total += len(annotated.attributions)
        if outcome.analysis is None:
            continue
        predicted = unnested(outcome.analysis.attributions)
        right = matched_predictions(annotated.text, annotated.attributions, predicted)
        pairs.extend((attribution.confidence, ok) for attribution, ok in zip(predicted, right, strict=True))
    print(f"{len(articles)} articles, {args.split}")
    print(format_reliability(reliability(pairs, args.bins)))
    print()
    print(f"{'keep if >=':<12}{'kept':>7}{'precision':>11}{'recall':>9}")
    for threshold in THRESHOLDS:
        kept = [ok for confidence, ok in pairs if confidence >= threshold]
        precision = sum(kept) / len(kept) if kept else 0.0
        print(f"{threshold:<12.1f}{len(kept):>7}{100 * precision:>11.1f}{100 * sum(kept) / gold_total:>9.1f}")


if __name__ == "__main__":
    main()
