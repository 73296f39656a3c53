"""Choose the confidence model's signals by cross-validation on PolNeAR train, never on dev.

`accordingto train` fits the confidence model on the attributions its fold taggers found in the training articles
they did not see. This script reads the same held-out taggings from the training kept in `--cache-dir` (run
`accordingto train ... --cache-dir DIR` first, with the same `--epochs`), then cross-validates the confidence
model by article: for each of K folds of articles it fits the model (and its threshold) on the other folds and
scores the held-out fold's attributions. Each variant leaves out some of the signals of `find.confidence.FEATURES`.
The cue classifier's signal is stacked as `accordingto train` stacks it: inside each fold the rows the model is
fitted on get logits from cue classifiers fitted on the other inner folds (`train.attribution.stacked_cue_logits`),
and the held-out fold's rows from one fitted on all of the fitting folds:

    .venv/bin/python benchmarks/confidence_cv.py --cache-dir /tmp/polnear-cache --epochs 8 --folds 5 10

Printed per variant and K: log-loss and Brier score of the held-out confidences, expected calibration error (10
bins), attribution F1 after each fold's own threshold (attributions kept and right against all gold ones of the
held-out articles), and the mean confidence of the attributions a colon or dash between a name and a quotation
introduces (the vox-pop and transcript layout), with how many of them there are and how many are right; and in how
many of the K folds the variant's held-out log-loss is worse than with all the signals (the first row printed).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc

from accordingto.evaluate import AnnotatedArticle, read_annotated
from accordingto.find.confidence import FEATURES, Calibrator, CueClassifier, best_threshold
from accordingto.parse.pipeline import SPACY_MODEL
from accordingto.train.attribution import (
    HeldOutRows,
    held_out_outcomes,
    parse_articles,
    stacked_cue_logits,
    training_key,
)
from accordingto.train.tagger import load_training

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "polnear"
LAYOUT = FEATURES.index("speech mark between source and content")
# This round's signal (the last of ``FEATURES``: the cue classifier, ``find.confidence.CueClassifier``), left out
# and kept.
NEW = FEATURES[FEATURES.index("cue classifier") :]
CUE = FEATURES.index("cue classifier")
# Each variant: the new signals it keeps beside the others.
VARIANTS: dict[str, tuple[str, ...]] = {
    f"without them ({len(FEATURES) - len(NEW)} signals)": (),
    f"all {len(NEW)} ({len(FEATURES)} signals)": NEW,
}


def held_out_taggings(
    data: Path, cache_dir: Path, epochs: int
) -> tuple[list[AnnotatedArticle], list[Doc], list[HeldOutRows]]:
    """The train articles, their parses and what each one's fold tagger found in it, from the training kept in
    ``cache_dir``: every confidence screen reads the same held-out rows, so they are read in one place."""
    articles = list(read_annotated(data / "train"))
    docs = parse_articles(spacy.load(SPACY_MODEL), articles, cache_dir / "train.spacy")
    key = training_key(articles, epochs=epochs, bits=20, seed=0, stack=True, clusters=True, recall_bias=False)
    training = load_training(cache_dir / f"tagger-{key}.npz")
    if training is None:
        raise SystemExit(f"no kept training in {cache_dir} for --epochs {epochs}: run accordingto train first")
    held = [
        held_out_outcomes(training.model.lexicon, doc, annotated, tagging)
        for doc, annotated, tagging in zip(docs, articles, training.held_out[0.0], strict=True)
    ]
    return articles, docs, held


def held_out_rows(
    data: Path, cache_dir: Path, epochs: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Features and outcomes of every held-out attribution, the article each comes from, gold counts, and the cue
    classifier's input and outcome (the cue overlaps a gold cue)."""
    articles, _, held = held_out_taggings(data, cache_dir, epochs)
    gold = np.array([len(a.attributions) for a in articles])
    return (
        np.vstack([rows.features for rows in held]),
        np.array([r for rows in held for r in rows.right], dtype=bool),
        np.array([n for n, rows in enumerate(held) for _ in rows.right]),
        gold,
        np.vstack([rows.cue_contexts for rows in held]),
        np.array([r for rows in held for r in rows.cue_right], dtype=bool),
    )


def fold_cue_logits(
    contexts: np.ndarray, cue_right: np.ndarray, article: np.ndarray, folds: int, fold: int
) -> np.ndarray:
    """The cue classifier's signal of every row for one fold of ``article % folds``, as ``accordingto train`` gives
    it: stacked on the fitting rows (inner folds by ``article // folds``, the index modulo folds being this fold's
    own split), from one classifier fitted on all of them on the held-out rows."""
    test = article % folds == fold
    logits = np.zeros(len(contexts))
    logits[~test] = stacked_cue_logits(contexts[~test], cue_right[~test], article[~test] // folds)
    logits[test] = CueClassifier.fit(contexts[~test], cue_right[~test]).logits(contexts[test])
    return logits


def cross_validate(
    features: np.ndarray,
    right: np.ndarray,
    article: np.ndarray,
    gold: np.ndarray,
    folds: int,
    cue: tuple[np.ndarray, np.ndarray, int] | None = None,
) -> tuple[np.ndarray, float, np.ndarray]:
    """Held-out confidences of every row, attribution F1 after each fold's threshold (all folds, and each fold's
    own). ``cue``: the cue
    classifier's input, outcomes and the column its logit fills, stacked within each fold."""
    confidence = np.zeros(len(right))
    kept_right = kept = 0
    per_fold = np.zeros(folds)
    for fold in range(folds):
        test = article % folds == fold
        fit_gold = int(gold[np.arange(len(gold)) % folds != fold].sum())
        if cue is not None:
            contexts, cue_right, column = cue
            features = features.copy()
            features[:, column] = fold_cue_logits(contexts, cue_right, article, folds, fold)
        calibrator = Calibrator.fit(features[~test], right[~test])
        threshold = best_threshold(calibrator.predict(features[~test]), right[~test], fit_gold)
        confidence[test] = calibrator.predict(features[test])
        fold_right = int((right[test] & (confidence[test] >= threshold)).sum())
        fold_kept = int((confidence[test] >= threshold).sum())
        per_fold[fold] = 2 * fold_right / (fold_kept + int(gold[np.arange(len(gold)) % folds == fold].sum()))
        kept_right += fold_right
        kept += fold_kept
    return confidence, 2 * kept_right / (kept + int(gold.sum())), per_fold


def area_under_roc(confidence: np.ndarray, right: np.ndarray) -> float:
    """The chance that a right attribution is given more confidence than a wrong one (ties: by order)."""
    ranks = np.empty(len(confidence))
    ranks[np.argsort(confidence, kind="stable")] = np.arange(1, len(confidence) + 1)
    positives = int(right.sum())
    return float((ranks[right].sum() - positives * (positives + 1) / 2) / (positives * (len(right) - positives)))


def calibration_error(confidence: np.ndarray, right: np.ndarray, bins: int = 10) -> float:
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    return float(
        sum(abs(confidence[which == b].mean() - right[which == b].mean()) * (which == b).sum() for b in range(bins))
        / len(right)
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--folds", type=int, nargs="+", default=[5, 10])
    args = parser.parse_args(argv)
    features, right, article, gold, contexts, cue_right = held_out_rows(args.data, args.cache_dir, args.epochs)
    layout = features[:, LAYOUT] > 0
    print(
        f"{len(right)} held-out attributions ({100 * right.mean():.1f}% right) in {len(gold)} articles, "
        f"{int(gold.sum())} gold; colon/dash between source and content: {int(layout.sum())} "
        f"({int(right[layout].sum())} right)"
    )
    print(
        f"{'variant':<40}{'K':>3} {'log-loss':>9}{'Brier':>8}{'ECE':>7}{'AUC':>7}{'F1':>7}{'layout':>8}"
        f"{'worse: log-loss / AUC / F1':>28}"
    )
    # Per K, each fold's held-out log-loss, AUC and F1 with every signal: "worse" counts the folds where a variant
    # does worse (a signal is kept only if leaving it out is worse in most folds).
    reference: dict[int, np.ndarray] = {}
    for name, added in reversed(VARIANTS.items()):
        columns = [n for n, feature in enumerate(FEATURES) if feature not in NEW or feature in added]
        cue = (contexts, cue_right, columns.index(CUE)) if CUE in columns else None
        for folds in args.folds:
            confidence, f1, fold_f1 = cross_validate(features[:, columns], right, article, gold, folds, cue)
            p = np.clip(confidence, 1e-9, 1 - 1e-9)
            losses = -np.where(right, np.log(p), np.log(1 - p))
            parts = [article % folds == fold for fold in range(folds)]
            # Per fold: log-loss, minus AUC and minus F1 (lower is better in all three).
            per_fold = np.array(
                [
                    [losses[part].mean(), -area_under_roc(confidence[part], right[part]), -f]
                    for part, f in zip(parts, fold_f1, strict=True)
                ]
            )
            worse = (per_fold > reference.setdefault(folds, per_fold)).sum(axis=0)
            brier = float(np.mean((confidence - right) ** 2))
            shown = f"{confidence[layout].mean():.2f}" if layout.any() else "-"
            print(
                f"{name:<40}{folds:>3} {losses.mean():>9.4f}{brier:>8.4f}{calibration_error(confidence, right):>7.3f}"
                f"{area_under_roc(confidence, right):>7.3f}{100 * f1:>7.2f}{shown:>8}"
                f"{' / '.join(str(int(n)) for n in worse):>20} of {folds}"
            )
            print(
                "  per fold (log-loss, AUC, F1):", " ".join(f"{a:.4f}/{-b:.3f}/{-100 * c:.2f}" for a, b, c in per_fold)
            )


if __name__ == "__main__":
    main()
