"""The weights that choose an attribution's source among its candidates (``source_choice``): a linear ranker
over hashed features, kept apart from the candidates' features so that the tagger's model file can hold it
without importing the grouping code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# Passes of the ranker over the training groups. Screened on 2-fold cross-validation of train's held-out taggings
# (source16): 3, 8 and 15 passes choose a right source for 13,147, 13,162 and 13,149 of 14,252 groups.
RANKER_EPOCHS = 8


@dataclass
class SourceRanker:
    """Hashed feature weights (the sorted hashes seen in training and one weight each, no strings); a candidate's
    score is the sum of its features' weights. Empty, it prefers the grouping rules' own choice."""

    keys: np.ndarray  # uint32, sorted
    weights: np.ndarray  # float32, one per key

    @classmethod
    def empty(cls) -> SourceRanker:
        return cls(keys=np.zeros(0, dtype=np.uint32), weights=np.zeros(0, dtype=np.float32))

    def __bool__(self) -> bool:
        return len(self.keys) > 0

    def scores(self, rows: Sequence[np.ndarray]) -> np.ndarray:
        """The score of each candidate (its features' hashes in ``rows``); an unseen feature weighs nothing. The
        rows are looked up together, in one search of the sorted keys."""
        if not self or not rows:
            return np.zeros(len(rows))
        hashes = np.concatenate(rows)
        pos = np.searchsorted(self.keys, hashes).clip(0, len(self.keys) - 1)
        weights = np.where(self.keys[pos] == hashes, self.weights[pos], 0.0)
        owner = np.repeat(np.arange(len(rows)), [len(row) for row in rows])
        return np.bincount(owner, weights=weights, minlength=len(rows))

    @classmethod
    def fit(
        cls, groups: Sequence[tuple[Sequence[np.ndarray], np.ndarray]], epochs: int = RANKER_EPOCHS, seed: int = 0
    ) -> SourceRanker:
        """An averaged perceptron ranking: for each group, its candidates' hashed features and each candidate's
        quality (how well it matches the gold source); where the best-scored candidate is worse than the best
        one, the weights move toward the best and away from the guess. Averaging keeps the late, noisy updates
        from deciding; the order of the groups is shuffled with ``seed`` each pass (deterministic)."""
        if not groups:
            return cls.empty()
        keys = np.unique(np.concatenate([row for rows, _ in groups for row in rows]))
        columns = [[np.searchsorted(keys, row) for row in rows] for rows, _ in groups]
        weights = np.zeros(len(keys))
        total = np.zeros(len(keys))  # the running sum of the weights over steps, kept lazily through ``stamp``
        stamp = np.zeros(len(keys))
        step = 0
        order = np.arange(len(groups))
        rng = np.random.default_rng(seed)
        for _ in range(epochs):
            rng.shuffle(order)
            for n in order.tolist():
                rows, quality = columns[n], groups[n][1]
                step += 1
                guess = int(np.argmax([weights[row].sum() for row in rows]))
                best = int(np.argmax(quality))
                if quality[guess] >= quality[best]:
                    continue
                for row, sign in ((rows[best], 1.0), (rows[guess], -1.0)):
                    total[row] += (step - stamp[row]) * weights[row]
                    stamp[row] = step
                    np.add.at(weights, row, sign)
        total += (step - stamp) * weights
        averaged = total / step
        kept = averaged != 0
        return cls(keys=keys[kept].astype(np.uint32), weights=averaged[kept].astype(np.float32))

    def arrays(self) -> dict[str, np.ndarray]:
        """No members for an empty ranker: model files written before it existed load as they were."""
        if not self:
            return {}
        return {"source_keys": self.keys, "source_weights": self.weights}

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray]) -> SourceRanker:
        if "source_keys" not in data:
            return cls.empty()
        return cls(
            keys=np.asarray(data["source_keys"], dtype=np.uint32),
            weights=np.asarray(data["source_weights"], dtype=np.float32),
        )
