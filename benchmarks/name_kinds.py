"""Choose the name-kind model's penalty, least feature count and sure threshold by cross-validation on GUM train.

Every setting of the grid is fitted on four folds of train's documents and scored on the fifth (``train.name_kinds
.cross_validated``): accuracy and log loss of the model's class, and for each threshold the accuracy of the class
the analysis reads (the model's where its probability is at least the threshold, ``name_kind``'s otherwise), all
proper names and the speaker subset. Dev is not read: the chosen values are the training defaults, and
``accordingto train-name-kind`` reports dev.

    .venv/bin/python benchmarks/name_kinds.py --cache-dir /tmp/gumcache-me
"""

from __future__ import annotations

import argparse
from pathlib import Path

from accordingto.parse.pipeline import build_pipeline
from accordingto.resolve.name_kinds import CLASSES
from accordingto.train.name_kinds import all_examples, combined, cross_validated, log_loss, vocabulary_size
from accordingto.train.resolver import ATTRIBUTION_STAGES, load_split

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "gum"
PENALTIES = (0.3, 1.0, 3.0)
MIN_COUNTS = (1, 2)
THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    nlp = build_pipeline(until=ATTRIBUTION_STAGES[-1])
    examples = all_examples(load_split(nlp, args.data, "train", args.cache_dir))
    speakers = [n for n, e in enumerate(examples) if e.speaker]
    rules = sum(e.rules == e.gold for e in examples) / len(examples)
    rules_speakers = sum(examples[n].rules == examples[n].gold for n in speakers) / len(speakers)
    print(f"{len(examples)} train names ({len(speakers)} speakers)")
    print(f"name_kind alone: {100 * rules:.1f} ({100 * rules_speakers:.1f} on speakers)")
    print(f"{'l2':>5} {'min':>4} {'vocab':>6} {'acc':>6} {'logloss':>8}  " + " ".join(f"@{t:<5}" for t in THRESHOLDS))
    for l2 in PENALTIES:
        for min_count in MIN_COUNTS:
            predicted = cross_validated(examples, seed=args.seed, l2=l2, min_count=min_count)
            right = sum(CLASSES[int(p.argmax())] == e.gold for p, e in zip(predicted, examples, strict=True))
            right /= len(examples)
            loss = log_loss(examples, predicted)
            cells = []
            for threshold in THRESHOLDS:
                both = [combined(e, p, threshold) == e.gold for p, e in zip(predicted, examples, strict=True)]
                cells.append(
                    f"{100 * sum(both) / len(both):.1f}/{100 * sum(both[n] for n in speakers) / len(speakers):.1f}"
                )
            vocabulary = vocabulary_size(examples, min_count)
            print(f"{l2:>5} {min_count:>4} {vocabulary:>6} {100 * right:>6.1f} {loss:>8.3f}  " + " ".join(cells))
    print(f"classes: {', '.join(CLASSES)}; cells: combined accuracy all/speakers at each threshold")


if __name__ == "__main__":
    main()
