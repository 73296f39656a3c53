"""A structured averaged perceptron over BIO role tags, with hashed feature weights in numpy and Viterbi
decoding.

PolNeAR is univocal (each token has at most one role in at most one attribution), so finding roles is sequence
tagging. A linear model on the parser's features is fast enough to add little to spaCy's own time, needs no
second neural net, and is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import FEATURE_VERSION, CueLexicon

ROLES = ("SOURCE", "CUE", "CONTENT")
TAGS = ("O",) + tuple(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I"))
N_TAGS = len(TAGS)
TAG_INDEX = {tag: i for i, tag in enumerate(TAGS)}
FORBIDDEN = -1e9


def _allowed_transitions() -> np.ndarray:
    """``(N_TAGS + 1, N_TAGS)`` mask: row ``N_TAGS`` is the start; I-X may only follow B-X or I-X."""
    allowed = np.ones((N_TAGS + 1, N_TAGS), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            role = tag[2:]
            allowed[:, j] = False
            allowed[TAG_INDEX[f"B-{role}"], j] = True
            allowed[TAG_INDEX[f"I-{role}"], j] = True
    return allowed


ALLOWED = _allowed_transitions()
TRANSITION_MASK = np.where(ALLOWED, 0.0, FORBIDDEN)


def bucket_indices(features: np.ndarray, bits: int) -> np.ndarray:
    """Feature hashes → weight rows (the top ``bits`` bits of each hash)."""
    return (features >> np.uint64(64 - bits)).astype(np.intp)


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag sequence under per-token scores and ``(N_TAGS + 1, N_TAGS)`` transition scores (row -1 =
    start)."""
    n = len(emissions)
    if n == 0:
        return np.zeros(0, dtype=np.intp)
    trans = transitions[:N_TAGS] + TRANSITION_MASK[:N_TAGS]
    delta = transitions[N_TAGS] + TRANSITION_MASK[N_TAGS] + emissions[0]
    back = np.zeros((n, N_TAGS), dtype=np.intp)
    for i in range(1, n):
        candidates = delta[:, None] + trans
        back[i] = candidates.argmax(axis=0)
        delta = candidates[back[i], np.arange(N_TAGS)] + emissions[i]
    path = np.empty(n, dtype=np.intp)
    path[-1] = int(delta.argmax())
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


@dataclass
class TaggerModel:
    """Weights of the role tagger: ``weights[row, tag]`` for hashed features, tag transitions, the cue
    lexicon, and optionally a second stage that re-tags with features of this stage's tags (stacking)."""

    weights: np.ndarray
    transitions: np.ndarray
    lexicon: CueLexicon
    second: TaggerModel | None = None

    @property
    def bits(self) -> int:
        return int(self.weights.shape[0]).bit_length() - 1

    def emissions(self, features: np.ndarray) -> np.ndarray:
        if features.size == 0:
            return np.zeros((len(features), N_TAGS), dtype=np.float32)
        rows = bucket_indices(features, self.bits)
        return self.weights[rows].sum(axis=1, dtype=np.float32)

    def tag(self, features: np.ndarray, blocked: np.ndarray | None = None) -> np.ndarray:
        """Tag indices per token (this stage only); ``blocked`` tokens (white space) are forced to O."""
        emissions = self.emissions(features)
        if blocked is not None and blocked.any():
            emissions[blocked, 1:] = FORBIDDEN
        return viterbi(emissions, self.transitions)

    def _arrays(self, prefix: str) -> dict[str, np.ndarray]:
        arrays: dict[str, np.ndarray] = {
            f"{prefix}weights": self.weights.astype(np.float16),
            f"{prefix}transitions": self.transitions.astype(np.float32),
        }
        if self.second is not None:
            arrays.update(self.second._arrays(f"second_{prefix}"))
        return arrays

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {
            **self._arrays(""),
            "lexicon_keys": self.lexicon.keys,
            "lexicon_buckets": self.lexicon.buckets,
            "tags": np.array(TAGS),
            "feature_version": np.array(FEATURE_VERSION, dtype=np.int32),
        }
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path | str) -> TaggerModel:
        with np.load(path) as data:
            if tuple(str(tag) for tag in data["tags"]) != TAGS:
                raise ValueError(f"{path}: the weights were trained for other tags: {list(data['tags'])}")
            version = int(data["feature_version"]) if "feature_version" in data else 1
            if version != FEATURE_VERSION:
                raise ValueError(
                    f"{path}: the weights were trained with feature version {version}, this code computes "
                    f"version {FEATURE_VERSION}: retrain with `accordingto train`"
                )
            lexicon = CueLexicon(keys=data["lexicon_keys"], buckets=data["lexicon_buckets"])

            def stage(prefix: str) -> TaggerModel | None:
                if f"{prefix}weights" not in data:
                    return None
                return cls(
                    weights=data[f"{prefix}weights"].astype(np.float32),
                    transitions=data[f"{prefix}transitions"],
                    lexicon=lexicon,
                    second=stage(f"second_{prefix}"),
                )

            model = stage("")
            assert model is not None
            return model


class AveragedPerceptron:
    """Training state: current weights plus the running sums that give the averaged weights (lazy averaging).

    Averaging the weights over all updates is what makes the perceptron generalise; keeping ``sum(c * delta)``
    lets us compute the average at the end without touching every weight at every step.
    """

    def __init__(self, bits: int, lexicon: CueLexicon) -> None:
        self.model = TaggerModel(
            weights=np.zeros((1 << bits, N_TAGS), dtype=np.float32),
            transitions=np.zeros((N_TAGS + 1, N_TAGS), dtype=np.float32),
            lexicon=lexicon,
        )
        self._weight_sums = np.zeros_like(self.model.weights)
        self._transition_sums = np.zeros_like(self.model.transitions)
        self.steps = 1

    def update(self, features: np.ndarray, gold: np.ndarray, blocked: np.ndarray | None = None) -> int:
        """One structured-perceptron step on one document; returns the number of wrongly tagged tokens."""
        predicted = self.model.tag(features, blocked)
        wrong = np.nonzero(predicted != gold)[0]
        if len(wrong):
            rows = bucket_indices(features[wrong], self.model.bits)
            n_feats = rows.shape[1]
            gold_cols = np.repeat(gold[wrong], n_feats)
            pred_cols = np.repeat(predicted[wrong], n_feats)
            flat = rows.ravel()
            for weights, scale in ((self.model.weights, 1.0), (self._weight_sums, float(self.steps))):
                np.add.at(weights, (flat, gold_cols), scale)
                np.add.at(weights, (flat, pred_cols), -scale)
            previous_gold = np.concatenate([[N_TAGS], gold[:-1]])
            previous_pred = np.concatenate([[N_TAGS], predicted[:-1]])
            for transitions, scale in (
                (self.model.transitions, 1.0),
                (self._transition_sums, float(self.steps)),
            ):
                np.add.at(transitions, (previous_gold, gold), scale)
                np.add.at(transitions, (previous_pred, predicted), -scale)
        self.steps += 1
        return len(wrong)

    def averaged(self) -> TaggerModel:
        return TaggerModel(
            weights=self.model.weights - self._weight_sums / self.steps,
            transitions=self.model.transitions - self._transition_sums / self.steps,
            lexicon=self.model.lexicon,
        )
