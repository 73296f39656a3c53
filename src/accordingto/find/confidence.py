"""How likely a found attribution is right: a logistic model over what the tagger and the grouping saw.

A user filtering a corpus by ``confidence >= 0.8`` expects about 80% of what is kept to be right, so the number
must be a calibrated probability, not a raw score. The model reads a handful of signals of one attribution (how
sure the tagger was of its cue, content and source tokens, whether the source was tagged or filled in by the
subject rule, whether the content is a quotation, how often the cue's lemma is a cue in training) and is fitted
on predictions for training articles the tagger did not see (``train.tagger``: held-out folds), with "right"
meaning what the scorer counts: matched one-to-one to a gold attribution (``evaluate.metrics``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from .features import CueLexicon

ROLE_IDS = {"SOURCE": 1, "CUE": 2, "CONTENT": 3}
FEATURES = (
    "cue margin, mean",
    "cue margin, lowest",
    "content margin, mean",
    "source margin, mean",
    "source tagged",
    "source filled in",
    "direct quote",
    "mixed",
    "cue lexicon bucket",
    "cue is punctuation",
    "content words (log)",
    "content pieces > 1",
)
# Margins are unbounded sums of perceptron weights; squashing keeps one extreme token from dominating.
MARGIN_SCALE = 10.0
L2 = 1.0


def token_margins(emissions: np.ndarray, tags: np.ndarray) -> np.ndarray:
    """Per token: the score of its tag minus the best score of any other tag (how sure the tagger was)."""
    if len(tags) == 0:
        return np.zeros(0, dtype=np.float32)
    rows = np.arange(len(tags))
    chosen = emissions[rows, tags]
    others = emissions.copy()
    others[rows, tags] = -np.inf
    return np.tanh((chosen - others.max(axis=1)) / MARGIN_SCALE)


def attribution_features(
    doc: Doc,
    tags: np.ndarray,
    margins: np.ndarray,
    lexicon: CueLexicon,
    cue: tuple[int, int],
    contents: list[tuple[int, int]],
    sources: list[tuple[int, int]],
    kind: str,
) -> np.ndarray:
    """The signals of one attribution (token ranges), in ``FEATURES`` order."""
    roles = (tags + 1) // 2

    def tokens(ranges: list[tuple[int, int]]) -> np.ndarray:
        return np.array([i for start, end in ranges for i in range(start, end) if not doc[i].is_space], dtype=np.intp)

    cue_tokens, content_tokens, source_tokens = tokens([cue]), tokens(contents), tokens(sources)
    tagged_source = len(source_tokens) > 0 and bool((roles[source_tokens] == ROLE_IDS["SOURCE"]).any())
    head = doc[cue[0] : cue[1]].root
    bucket = int(lexicon.lookup(np.array([head.lemma], dtype=np.uint64))[0])
    return np.array(
        [
            margins[cue_tokens].mean() if len(cue_tokens) else 0.0,
            margins[cue_tokens].min() if len(cue_tokens) else 0.0,
            margins[content_tokens].mean() if len(content_tokens) else 0.0,
            margins[source_tokens].mean() if tagged_source else 0.0,
            float(tagged_source),
            float(len(source_tokens) > 0 and not tagged_source),
            float(kind == "direct"),
            float(kind == "mixed"),
            bucket / 4,
            float(all(doc[i].is_punct for i in cue_tokens)),
            np.log1p(len(content_tokens)),
            float(len(contents) > 1),
        ],
        dtype=np.float64,
    )


@dataclass
class Calibrator:
    """Logistic regression on standardized features: ``P(right) = sigmoid(coef · (x - mean) / scale + bias)``."""

    coef: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def constant(cls, probability: float) -> Calibrator:
        """The same probability for every attribution (a model trained without held-out predictions)."""
        return cls(
            coef=np.zeros(len(FEATURES)),
            bias=float(np.log(probability / (1 - probability))),
            mean=np.zeros(len(FEATURES)),
            scale=np.ones(len(FEATURES)),
        )

    def predict(self, features: np.ndarray) -> np.ndarray:
        if len(features) == 0:
            return np.zeros(0)
        z = ((features - self.mean) / self.scale) @ self.coef + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    @classmethod
    def fit(cls, features: np.ndarray, right: np.ndarray, iterations: int = 50) -> Calibrator:
        """Maximum likelihood with a small L2 penalty (Newton's method: deterministic, no learning rate)."""
        if len(features) < 2:
            return cls.constant(float(np.clip(right.mean() if len(right) else 0.5, 0.01, 0.99)))
        mean = features.mean(axis=0)
        scale = features.std(axis=0)
        scale[scale == 0] = 1.0
        x = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
        y = right.astype(np.float64)
        weights = np.zeros(x.shape[1])
        penalty = np.full(x.shape[1], L2)
        penalty[-1] = 0.0  # the bias is not shrunk
        for _ in range(iterations):
            p = 1.0 / (1.0 + np.exp(-(x @ weights)))
            gradient = x.T @ (p - y) + penalty * weights
            hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
            step = np.linalg.solve(hessian, gradient)
            weights -= step
            if np.abs(step).max() < 1e-8:
                break
        return cls(coef=weights[:-1], bias=float(weights[-1]), mean=mean, scale=scale)

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "confidence_coef": self.coef,
            "confidence_bias": np.array(self.bias),
            "confidence_mean": self.mean,
            "confidence_scale": self.scale,
        }

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray]) -> Calibrator:
        return cls(
            coef=np.asarray(data["confidence_coef"], dtype=np.float64),
            bias=float(data["confidence_bias"]),
            mean=np.asarray(data["confidence_mean"], dtype=np.float64),
            scale=np.asarray(data["confidence_scale"], dtype=np.float64),
        )


__all__ = ["FEATURES", "Calibrator", "attribution_features", "token_margins"]
