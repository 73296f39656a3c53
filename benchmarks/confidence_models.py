"""Non-linear confidence models against the shipped logistic regression, by cross-validation on PolNeAR train.

The confidence model (``find.confidence.Calibrator``) is linear in its 39 signals. A sometimes-cue may be right in
one clause shape and wrong in another, which a linear model cannot express beyond the cue classifier's
conjunctions; this script asks whether a model with interactions filters better. It reads the held-out taggings
kept by ``accordingto train --cache-dir DIR`` (as ``benchmarks/confidence_cv.py`` does; dev is never read) and
cross-validates by article (K folds of ``article % K``), the cue classifier's signal stacked within each fold as
``accordingto train`` stacks it. Inside each fold the model's threshold (and its calibration, if any) is chosen on
inner out-of-fold predictions of the fitting articles (J folds), since a flexible model's predictions on its own
training rows are over-confident; the model is then refitted on all fitting rows and scored on the held-out fold:

    .venv/bin/python benchmarks/confidence_models.py --cache-dir /tmp/polnear-cache lr:fitted lr gb200 mlp8

Models: ``lr`` the shipped logistic regression; ``gbN`` N gradient-boosted trees of depth 3 (``gbNdD`` depth D) on
signals binned at up to 32 quantiles, written in numpy, learning rate 10 / N (``gbNrR``: R); ``lr+gbN`` the same
trees boosted from the logistic regression's log-odds (the trees learn only what the linear model misses; rate
5 / N); ``intL`` the logistic regression with all 741 pairwise products of the standardized signals, penalized by
L2 = L; ``mlpH`` one hidden layer of H tanh units beside a linear skip, all weights penalized by L2 = 3
(``mlpHlL``: L). A name may end in ``:platt`` or ``:iso`` for a Platt or isotonic calibration fitted on
the inner out-of-fold predictions, or in ``:fitted`` for the threshold chosen on the model's predictions of its own
fitting rows (``lr:fitted`` is the shipped procedure, as in ``benchmarks/confidence_cv.py``). Printed per model:
log-loss, Brier, ECE, AUC, attribution F1 after each fold's threshold (pooled) and the best F1 any single cut
reaches on the pooled held-out confidences (how much better the ranking is where it matters, without the
threshold's noise), then per fold log-loss / AUC / F1 and the per-fold F1 difference from the first model named.
scipy (installed with datasketch) fits the MLP and the interactions.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from accordingto.find.confidence import Calibrator, best_threshold

sys.path.insert(0, str(Path(__file__).parent))
from confidence_cv import (  # noqa: E402
    DEFAULT_DATA,
    area_under_roc,
    calibration_error,
    fold_cue_logits,
    held_out_rows,
)

Margin = Callable[[np.ndarray], np.ndarray]  # signals -> log-odds


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def logistic(x: np.ndarray, y: np.ndarray) -> Margin:
    """The shipped model (``Calibrator.fit``), as log-odds."""
    model = Calibrator.fit(x, y)
    return lambda z: ((z - model.mean) / model.scale) @ model.coef + model.bias


def boosted_trees(
    x: np.ndarray,
    y: np.ndarray,
    trees: int,
    depth: int = 3,
    rate: float = 0.05,
    l2: float = 5.0,
    min_hessian: float = 10.0,
    bins: int = 32,
    start: Margin | None = None,
) -> Margin:
    """Gradient boosting of the log-loss with complete trees of ``depth`` (second-order leaf values, XGBoost's
    split gain with an L2 penalty on leaves, at least ``min_hessian`` of hessian on each side of a split), split
    points at the signals' quantiles. Deterministic: no sampling."""
    edges = []
    for column in x.T:
        values = np.unique(column)
        edges.append(
            (values[:-1] + values[1:]) / 2
            if len(values) <= bins
            else np.unique(np.quantile(column, np.linspace(0, 1, bins + 1)[1:-1]))
        )
    binned = np.stack([np.searchsorted(e, x[:, j]) for j, e in enumerate(edges)], axis=1)
    n, d = binned.shape
    width = max(len(e) for e in edges) + 1
    flat = binned + np.arange(d) * width
    invalid = np.arange(width - 1)[None, :] >= np.array([len(e) for e in edges])[:, None]
    prior = float(np.log(y.mean() / (1 - y.mean())))
    margin = start(x) if start is not None else np.full(n, prior)
    internal = 2**depth - 1
    split_features = np.zeros((trees, internal), dtype=np.intp)
    split_points = np.full((trees, internal), np.inf)
    leaves = np.zeros((trees, 2**depth))
    for t in range(trees):
        p = sigmoid(margin)
        g, h = p - y, p * (1 - p)
        node = np.zeros(n, dtype=np.intp)
        for _ in range(depth):
            for k in np.unique(node):
                rows = node == k
                sums = [
                    np.bincount(flat[rows].ravel(), np.repeat(w[rows], d), d * width).reshape(d, width) for w in (g, h)
                ]
                gl, hl = (np.cumsum(s, axis=1)[:, :-1] for s in sums)
                gt, ht = (s.sum(axis=1, keepdims=True) for s in sums)
                gain = gl**2 / (hl + l2) + (gt - gl) ** 2 / (ht - hl + l2) - gt**2 / (ht + l2)
                gain[(hl < min_hessian) | (ht - hl < min_hessian) | invalid] = -np.inf
                feature, point = np.unravel_index(np.argmax(gain), gain.shape)
                if gain[feature, point] > 0:
                    split_features[t, k], split_points[t, k] = feature, edges[feature][point]
            right = x[np.arange(n), split_features[t, node]] > split_points[t, node]
            node = 2 * node + 1 + right
        leaf = node - internal
        leaves[t] = -rate * np.bincount(leaf, g, 2**depth) / (np.bincount(leaf, h, 2**depth) + l2)
        margin += leaves[t, leaf]
    columns = np.arange(trees)

    def predict(z: np.ndarray) -> np.ndarray:
        nodes = np.zeros((len(z), trees), dtype=np.intp)
        for _ in range(depth):
            values = np.take_along_axis(z, split_features[columns, nodes], axis=1)
            nodes = 2 * nodes + 1 + (values > split_points[columns, nodes])
        base = start(z) if start is not None else np.full(len(z), prior)
        return base + leaves[columns, nodes - internal].sum(axis=1)

    return predict


def _minimize(loss: Callable[[np.ndarray], tuple[float, np.ndarray]], w: np.ndarray, steps: int) -> np.ndarray:
    return np.asarray(minimize(loss, w, jac=True, method="L-BFGS-B", options={"maxiter": steps}).x)


def interactions(x: np.ndarray, y: np.ndarray, l2: float) -> Margin:
    """The logistic regression with every pairwise product of the standardized signals (themselves standardized),
    the products penalized by ``l2``, the signals as in the shipped model."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    d = x.shape[1]
    left, right = np.triu_indices(d, 1)

    def products(z: np.ndarray) -> np.ndarray:
        s = (z - mean) / scale
        return np.hstack([s, s[:, left] * s[:, right]])

    e = products(x)
    pmean, pscale = e[:, d:].mean(axis=0), e[:, d:].std(axis=0)
    pscale[pscale == 0] = 1.0
    e[:, d:] = (e[:, d:] - pmean) / pscale
    penalty = np.concatenate([np.ones(d), np.full(e.shape[1] - d, l2)])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        m = e @ w[:-1] + w[-1]
        r = sigmoid(m) - y
        value = np.sum(np.logaddexp(0, m) - y * m) + 0.5 * np.sum(penalty * w[:-1] ** 2)
        return float(value), np.append(e.T @ r + penalty * w[:-1], r.sum())

    w = _minimize(loss, np.zeros(e.shape[1] + 1), 500)

    def predict(z: np.ndarray) -> np.ndarray:
        p = products(z)
        p[:, d:] = (p[:, d:] - pmean) / pscale
        return p @ w[:-1] + w[-1]

    return predict


def perceptron_layer(x: np.ndarray, y: np.ndarray, hidden: int, l2: float, seed: int = 0) -> Margin:
    """One hidden layer of tanh units on the standardized signals, plus a linear skip (so the linear model is a
    special case), all weights penalized by ``l2``; seeded initialization, L-BFGS."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    s = (x - mean) / scale
    n, d = s.shape
    rng = np.random.default_rng(seed)
    sizes = (d * hidden, hidden, hidden, d, 1)
    cuts = np.cumsum(sizes)[:-1]
    w0 = np.concatenate(
        [
            rng.normal(0, d**-0.5, d * hidden),
            np.zeros(hidden),
            rng.normal(0, 0.1, hidden),
            np.zeros(d),
            [np.log(y.mean() / (1 - y.mean()))],
        ]
    )

    def unpack(w: np.ndarray) -> list[np.ndarray]:
        parts = np.split(w, cuts)
        return [parts[0].reshape(d, hidden), *parts[1:]]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        a_w, a_b, out, skip, bias = unpack(w)
        a = np.tanh(s @ a_w + a_b)
        m = a @ out + s @ skip + bias[0]
        r = sigmoid(m) - y
        da = np.outer(r, out) * (1 - a**2)
        value = np.sum(np.logaddexp(0, m) - y * m) + 0.5 * l2 * (np.sum(a_w**2) + out @ out + skip @ skip)
        grad = [s.T @ da + l2 * a_w, da.sum(axis=0), a.T @ r + l2 * out, s.T @ r + l2 * skip, [r.sum()]]
        return float(value), np.concatenate([np.ravel(g) for g in grad])

    a_w, a_b, out, skip, bias = unpack(_minimize(loss, w0, 300))
    return lambda z: np.tanh(((z - mean) / scale) @ a_w + a_b) @ out + ((z - mean) / scale) @ skip + bias[0]


def platt(m: np.ndarray, y: np.ndarray) -> Margin:
    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = w[0] * m + w[1]
        r = sigmoid(z) - y
        return float(np.sum(np.logaddexp(0, z) - y * z)), np.array([r @ m, r.sum()])

    a, b = _minimize(loss, np.array([1.0, 0.0]), 100)
    return lambda z: sigmoid(a * z + b)


def isotonic(m: np.ndarray, y: np.ndarray) -> Margin:
    """Pool-adjacent-violators on the margins, interpolated between the blocks' middles."""
    order = np.argsort(m, kind="stable")
    blocks: list[list[float]] = []  # mean outcome, weight, first and last margin
    for margin, outcome in zip(m[order], y[order], strict=True):
        blocks.append([float(outcome), 1.0, margin, margin])
        while len(blocks) > 1 and blocks[-2][0] >= blocks[-1][0]:
            value, weight, _, last = blocks.pop()
            blocks[-1][0] = (blocks[-1][0] * blocks[-1][1] + value * weight) / (blocks[-1][1] + weight)
            blocks[-1][1] += weight
            blocks[-1][3] = last
    middles = np.array([(b[2] + b[3]) / 2 for b in blocks])
    values = np.clip([b[0] for b in blocks], 1e-3, 1 - 1e-3)
    return lambda z: np.interp(z, middles, values)


def model(name: str) -> Callable[[np.ndarray, np.ndarray], Margin]:
    """The fitting function a model name stands for (``lr``, ``gb200``, ``gb300d2r0.05``, ``lr+gb100``, ``int100``,
    ``mlp8l3``: see the module's docstring)."""
    match = re.fullmatch(r"(lr\+gb|gb|int|mlp|lr)(\d*)(?:d(\d+))?(?:r([\d.]+))?(?:l([\d.]+))?", name)
    if match is None:
        raise SystemExit(f"unknown model {name}")
    kind, size, depth, rate, l2 = match.groups()
    if kind == "lr":
        return logistic
    if kind == "lr+gb":
        trees = int(size)
        return lambda x, y: boosted_trees(x, y, trees, rate=float(rate or 5 / trees), start=logistic(x, y))
    if kind == "gb":
        trees = int(size)
        return lambda x, y: boosted_trees(x, y, trees, int(depth or 3), rate=float(rate or 10 / trees))
    if kind == "int":
        return lambda x, y: interactions(x, y, float(size))
    return lambda x, y: perceptron_layer(x, y, int(size), float(l2 or 3))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="+")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache-dir", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--inner", type=int, default=5)
    args = parser.parse_args(argv)
    features, right, article, gold, contexts, cue_right = held_out_rows(args.data, args.cache_dir, args.epochs)
    k, y = args.folds, right.astype(np.float64)
    index = np.arange(len(gold))
    stacked = []  # per fold, the cue classifier's signal stacked as in ``confidence_cv.cross_validate``
    for fold in range(k):
        x = features.copy()
        x[:, -1] = fold_cue_logits(contexts, cue_right, article, k, fold)
        stacked.append(x)
    reference: np.ndarray | None = None
    for spec in args.models:
        name, _, calibration = spec.partition(":")
        fit = model(name)
        confidence, kept, kept_right, fold_f1 = np.zeros(len(y)), 0, 0, np.zeros(k)
        for fold, x in enumerate(stacked):
            test = article % k == fold
            xf, yf, inner = x[~test], y[~test], (article[~test] // k) % args.inner
            fitted = fit(xf, yf)
            if calibration == "fitted":  # as ``accordingto train`` does: no inner folds
                oof = fitted(xf)
            else:
                oof = np.zeros(len(yf))
                for j in range(args.inner):
                    oof[inner == j] = fit(xf[inner != j], yf[inner != j])(xf[inner == j])
            calibrate: Margin = sigmoid
            if calibration in ("platt", "iso"):
                calibrate = {"platt": platt, "iso": isotonic}[calibration](oof, yf)
            threshold = best_threshold(calibrate(oof), yf > 0, int(gold[index % k != fold].sum()))
            confidence[test] = calibrate(fitted(x[test]))
            keep = confidence[test] >= threshold
            kept, kept_right = kept + int(keep.sum()), kept_right + int((keep & right[test]).sum())
            fold_f1[fold] = 2 * (keep & right[test]).sum() / (keep.sum() + gold[index % k == fold].sum())
        p = np.clip(confidence, 1e-9, 1 - 1e-9)
        losses = -np.where(right, np.log(p), np.log(1 - p))
        order = np.argsort(-confidence, kind="stable")
        best = np.max(2 * np.cumsum(right[order]) / (np.arange(1, len(y) + 1) + gold.sum()))
        reference = fold_f1 if reference is None else reference
        print(
            f"{spec:<14} log-loss {losses.mean():.4f}  Brier {np.mean((confidence - y) ** 2):.4f}  "
            f"ECE {calibration_error(confidence, right):.3f}  AUC {area_under_roc(confidence, right):.4f}  "
            f"F1 {200 * kept_right / (kept + gold.sum()):.2f}  best cut {100 * best:.2f}",
            flush=True,
        )
        parts = [article % k == fold for fold in range(k)]
        print(
            "  per fold (log-loss / AUC / F1):",
            " ".join(
                f"{losses[part].mean():.4f}/{area_under_roc(confidence[part], right[part]):.3f}/{100 * f:.2f}"
                for part, f in zip(parts, fold_f1, strict=True)
            ),
            f"  F1 minus the first model's: {' '.join(f'{100 * v:+.2f}' for v in fold_f1 - reference)}",
            flush=True,
        )


if __name__ == "__main__":
    main()
