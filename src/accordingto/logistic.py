"""Logistic regression by Newton's method, for the two calibrators that fit one on a few dozen dense features: the
attribution confidence (``find.confidence.Calibrator``) and the speaker confidence (``resolve.confidence``).

Newton's method is exact and deterministic (no learning rate, no random start) and needs nothing beyond NumPy; at
this size each step is one small linear solve."""

from __future__ import annotations

import numpy as np


def fit_logistic(
    design: np.ndarray,
    outcomes: np.ndarray,
    l2: float,
    sample_weights: np.ndarray | None = None,
    iterations: int = 50,
) -> np.ndarray:
    """The weights ``w`` of ``P(outcome) = sigmoid(design @ w)`` by maximum likelihood with an L2 penalty.

    The last column of ``design`` is the bias (a column of ones the caller appends) and is not shrunk: a rare class
    should move the weights towards zero, not the base rate. ``sample_weights`` (one per row, default 1) let one
    kind of data count more than another. A tiny ridge on the Hessian keeps a column that never varies solvable."""
    sample = np.ones(len(design)) if sample_weights is None else sample_weights
    width = design.shape[1]
    penalty = np.full(width, l2)
    penalty[-1] = 0.0
    y = outcomes.astype(np.float64)
    theta = np.zeros(width)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (sample * (p - y)) + penalty * theta
        hessian = (design * (sample * p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(width)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    return theta
