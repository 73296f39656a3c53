"""A structured averaged perceptron over BIO role tags, with hashed feature weights in numpy and Viterbi
decoding.

PolNeAR is univocal (each token has at most one role in at most one attribution), so finding roles is sequence
tagging. A linear model on the parser's features is fast enough to add little to spaCy's own time, needs no
second neural net, and is deterministic.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .confidence import Calibrator, CueClassifier, token_margins
from .features import FEATURE_VERSION, CueLexicon, WordClusters
from .source_ranker import SourceRanker

ROLES = ("SOURCE", "CUE", "CONTENT")
TAGS = ("O",) + tuple(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I"))
N_TAGS = len(TAGS)
TAG_INDEX = {tag: i for i, tag in enumerate(TAGS)}
FORBIDDEN = -1e9
_ROW_WIDTH = 8  # columns of the weights' storage: N_TAGS padded to 32 bytes a row in float32


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


def viterbi(
    emissions: np.ndarray,
    transitions: np.ndarray,
    blocked: np.ndarray | None = None,
    starts: np.ndarray | None = None,
) -> np.ndarray:
    """Best tag sequence under per-token scores and ``(N_TAGS + 1, N_TAGS)`` transition scores (row -1 =
    start); ``blocked`` tokens (white space, paragraph breaks) are O. ``starts``: where each of several sequences
    (documents) laid end to end begins, ascending (default: one sequence); each is decoded on its own, as if alone.

    A blocked token cuts the sequence: the best path before it only needs the score of stepping into O, the
    best path after it starts from O. So the stretches between blocked tokens are decoded side by side, one
    numpy step per position of the longest stretch (a paragraph) instead of one per token of the document:
    the same path, a fraction of the Python overhead. Documents decoded together share those steps too: a
    batch costs as many steps as its longest paragraph, not the sum of each document's longest.
    """
    n = len(emissions)
    path = np.zeros(n, dtype=np.intp)  # O (index 0) on blocked tokens
    free = np.nonzero(~blocked)[0] if blocked is not None else np.arange(n)
    if len(free) == 0:
        return path
    sequence_starts = np.zeros(1, dtype=np.intp) if starts is None else np.asarray(starts, dtype=np.intp)
    sequence_ends = np.r_[sequence_starts[1:], n]
    # Stretches of consecutive free tokens within one sequence, longest first, so that the stretches still
    # running at step i are the first ``live[i]`` of them.
    sequence = np.searchsorted(sequence_starts, free, side="right") - 1
    breaks = np.nonzero((np.diff(free) != 1) | (np.diff(sequence) != 0))[0] + 1
    first = free[np.r_[0, breaks]]
    lengths = free[np.r_[breaks - 1, len(free) - 1]] - first + 1
    order = np.argsort(-lengths, kind="stable")
    first, lengths = first[order], lengths[order]
    owner = sequence[np.r_[0, breaks]][order]
    width = int(lengths[0])
    live = (lengths[None, :] > np.arange(width)[:, None]).sum(axis=1)
    trans = transitions[:N_TAGS] + TRANSITION_MASK[:N_TAGS]
    o = TAG_INDEX["O"]
    steps = np.zeros((width, len(first), N_TAGS), dtype=emissions.dtype)
    inside = np.arange(width)[:, None] < lengths[None, :]
    positions = (first[None, :] + np.arange(width)[:, None])[inside]
    steps[inside] = emissions[positions]
    # A stretch after a blocked token starts from O; one before a blocked token ends by stepping into O.
    delta = steps[0] + np.where(
        (first > sequence_starts[owner])[:, None],
        trans[o][None, :],
        (transitions[N_TAGS] + TRANSITION_MASK[N_TAGS])[None, :],
    )
    back = np.zeros((width, len(first), N_TAGS), dtype=np.intp)
    if len(first) == 1:  # one stretch (a paragraph in training): plain vectors, fewer numpy calls per step
        single, columns = delta[0], np.arange(N_TAGS)
        for i in range(1, width):
            candidates = single[:, None] + trans
            back[i, 0] = best = candidates.argmax(axis=0)
            single = candidates[best, columns] + steps[i, 0]
        delta[0] = single
    for i in range(1, width if len(first) > 1 else 0):
        k = live[i]
        candidates = delta[:k, :, None] + trans
        back[i, :k] = candidates.argmax(axis=1)
        delta[:k] = candidates.max(axis=1) + steps[i, :k]
    # A stretch's delta stops changing once it has ended: after the loop it holds every stretch's last step.
    delta += np.where((first + lengths < sequence_ends[owner])[:, None], trans[:, o][None, :], 0.0)
    tags = np.zeros((width, len(first)), dtype=np.intp)
    stretches = np.arange(len(first))
    tags[lengths - 1, stretches] = delta.argmax(axis=1)
    for i in range(width - 1, 0, -1):
        k = live[i]
        tags[i - 1, :k] = back[i, stretches[:k], tags[i, :k]]
    path[positions] = tags[inside]
    return path


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """``np.savez_compressed`` with fixed member timestamps, so that the same weights give the same file bytes
    (numpy stamps each member with the current time): retraining with the same seed reproduces the file hash."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(member, "w", force_zip64=True) as stream:
                np.lib.format.write_array(stream, np.asanyarray(array), allow_pickle=False)


@dataclass
class Tagging:
    """Tag ids per token and how sure the tagger was of each (``confidence.token_margins``)."""

    tags: np.ndarray
    margins: np.ndarray


@dataclass
class TaggerModel:
    """Weights of the role tagger: ``weights[row, tag]`` for hashed features, tag transitions, the cue
    lexicon, and optionally a second stage that re-tags with features of this stage's tags (stacking)."""

    weights: np.ndarray
    transitions: np.ndarray
    lexicon: CueLexicon
    second: TaggerModel | None = None
    calibrator: Calibrator = field(default_factory=lambda: Calibrator.constant(0.5))
    # Whether a found cue is a gold cue, one signal of the calibrator (fitted with it, on held-out taggings).
    cue_classifier: CueClassifier = field(default_factory=CueClassifier.empty)
    # Which candidate is each attribution's source (``source_choice``; trained on held-out taggings with the
    # calibrator, whose signals read the chosen source). Empty in files written before it: the rules choose.
    source_ranker: SourceRanker = field(default_factory=SourceRanker.empty)
    # Taken from the score of O on every token: a tagger that finds more candidate attributions, whose doubtful
    # ones the confidence model then drops, finds more of the right ones (chosen by cross-validation in training).
    recall_bias: float = 0.0
    # The weights' storage: rows padded to ``_ROW_WIDTH`` columns, ``weights`` being its first ``N_TAGS``. A row of
    # 7 float32 (28 bytes) straddles two cache lines two times in five, and gathering a row per token and template
    # from a 28 MB table is the emissions' whole cost: 32-byte rows each sit in one line (the gathers 40% faster;
    # the sums are the same, column by column).
    _rows: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # At least float32 (the shipped weights are read as float16, and cast here, once, into the padded rows).
        rows, columns = self.weights.shape
        self._rows = np.empty((rows, _ROW_WIDTH), dtype=np.result_type(self.weights.dtype, np.float32))
        self._rows[:, columns:] = 0
        self._rows[:, :columns] = self.weights
        self.weights = self._rows[:, :columns]

    @property
    def bits(self) -> int:
        return int(self.weights.shape[0]).bit_length() - 1

    def emissions(self, features: np.ndarray) -> np.ndarray:
        if features.size == 0:
            return np.zeros((len(features), N_TAGS), dtype=np.float32)
        # Template by template: each gathers one weight row per token (np.take: faster than fancy indexing) and adds
        # it in place, in float32 and in template order, so the sums are those of summing the gathered
        # (tokens, templates, tags) array over templates, bit for bit, without building that array (twice as fast).
        columns = np.ascontiguousarray(bucket_indices(features, self.bits).T)
        emissions = np.take(self._rows, columns[0], axis=0).astype(np.float32, copy=False)
        for column in columns[1:]:
            emissions += np.take(self._rows, column, axis=0).astype(np.float32, copy=False)
        if self.recall_bias:
            emissions[:, 0] -= self.recall_bias
        return emissions[:, : self.weights.shape[1]]

    def decode(self, features: np.ndarray, blocked: np.ndarray | None = None) -> Tagging:
        """Tags and margins per token (this stage only)."""
        emissions = self.emissions(features)
        tags = viterbi(emissions, self.transitions, blocked)
        return Tagging(tags, token_margins(emissions, tags))

    def decode_many(self, features: list[np.ndarray], blocked: list[np.ndarray]) -> list[Tagging]:
        """``decode`` of several documents (none empty) at once, each tagged as if alone: their Viterbi steps
        shared (``viterbi``'s ``starts``). The emissions are gathered document by document: the features of a
        batch laid end to end would be a copy of tens of MB, for no fewer gathers."""
        sizes = [len(part) for part in features]
        bounds = np.cumsum([0, *sizes])
        emissions = np.concatenate([self.emissions(part) for part in features])
        tags = viterbi(emissions, self.transitions, np.concatenate(blocked), bounds[:-1])
        return [
            Tagging(tags[low:high], token_margins(emissions[low:high], tags[low:high]))
            for low, high in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
        ]

    def tag(self, features: np.ndarray, blocked: np.ndarray | None = None) -> np.ndarray:
        """Tag indices per token (this stage only); ``blocked`` tokens (white space) are forced to O."""
        return viterbi(self.emissions(features), self.transitions, blocked)

    def _arrays(self, prefix: str) -> dict[str, np.ndarray]:
        arrays: dict[str, np.ndarray] = {
            f"{prefix}weights": self.weights.astype(np.float16),
            f"{prefix}transitions": self.transitions.astype(np.float32),
        }
        if self.recall_bias:  # no member for none: weights trained without a bias keep their bytes
            arrays[f"{prefix}recall_bias"] = np.array(self.recall_bias, dtype=np.float32)
        if self.second is not None:
            arrays.update(self.second._arrays(f"second_{prefix}"))
        return arrays

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {
            **self._arrays(""),
            "lexicon_keys": self.lexicon.keys,
            "lexicon_buckets": self.lexicon.buckets,
            "cluster_keys": self.lexicon.clusters.keys,
            "cluster_table": self.lexicon.clusters.clusters,
            "cluster_buckets": self.lexicon.cluster_buckets,
            "tags": np.array(TAGS),
            "feature_version": np.array(FEATURE_VERSION, dtype=np.int32),
            **self.calibrator.arrays(),
            **self.cue_classifier.arrays(),
            **self.source_ranker.arrays(),
        }
        write_npz(path, arrays)

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
            lexicon = CueLexicon(
                keys=data["lexicon_keys"],
                buckets=data["lexicon_buckets"],
                clusters=WordClusters(keys=data["cluster_keys"], clusters=data["cluster_table"]),
                cluster_buckets=data["cluster_buckets"],
            )

            def stage(prefix: str) -> TaggerModel | None:
                if f"{prefix}weights" not in data:
                    return None
                return cls(
                    weights=data[f"{prefix}weights"],  # float16 in the file, float32 once loaded
                    transitions=data[f"{prefix}transitions"],
                    lexicon=lexicon,
                    recall_bias=float(data[f"{prefix}recall_bias"]) if f"{prefix}recall_bias" in data else 0.0,
                    second=stage(f"second_{prefix}"),
                )

            model = stage("")
            assert model is not None
            model.calibrator = Calibrator.from_arrays(data)
            model.cue_classifier = CueClassifier.from_arrays(data)
            model.source_ranker = SourceRanker.from_arrays(data)
            return model


class AveragedPerceptron:
    """Training state: current weights plus the running sums that give the averaged weights (lazy averaging).

    Averaging the weights over all updates is what makes the perceptron generalise; keeping ``sum(c * delta)``
    lets us compute the average at the end without touching every weight at every step.
    """

    def __init__(self, bits: int, lexicon: CueLexicon, role_cost: float = 0.0) -> None:
        # A cost-augmented update: while training, every tag but the gold one scores ``role_cost`` more on tokens
        # whose gold tag is a role, so a source, cue or content token counts as learnt only when it wins by that
        # margin. Missed attributions (an untagged cue above all) are the largest loss, and a plain perceptron
        # stops updating as soon as a role barely wins; run time is unchanged (the cost is for training only).
        self.role_cost = role_cost
        self.model = TaggerModel(
            weights=np.zeros((1 << bits, N_TAGS), dtype=np.float32),
            transitions=np.zeros((N_TAGS + 1, N_TAGS), dtype=np.float32),
            lexicon=lexicon,
        )
        self._weight_sums = np.zeros_like(self.model.weights)
        self._transition_sums = np.zeros_like(self.model.transitions)
        self.steps = 1

    def update(self, features: np.ndarray, gold: np.ndarray, blocked: np.ndarray | None = None) -> int:
        """One structured-perceptron step on one document; returns the number of wrongly tagged tokens (under
        the role cost)."""
        if self.role_cost:
            emissions = self.model.emissions(features)
            roles = np.nonzero(gold != TAG_INDEX["O"])[0]
            emissions[roles] += self.role_cost
            emissions[roles, gold[roles]] -= self.role_cost
            predicted = viterbi(emissions, self.model.transitions, blocked)
        else:
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
