"""Training the attribution role tagger on PolNeAR-style gold (character ranges per role per attribution)."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

from ..find.features import NONE, CueLexicon, WordClusters, doc_arrays, stacked_features, token_features
from ..find.perceptron import ROLES, TAG_INDEX, AveragedPerceptron, TaggerModel, Tagging, write_npz
from ..progress import Progress
from .defaults import TAGGER_BITS, TAGGER_EPOCHS

logger = logging.getLogger(__name__)

Ranges = list[tuple[int, int]]


class GoldAttribution(Protocol):
    source: Ranges
    cue: Ranges
    content: Ranges


@dataclass
class Example:
    """One parsed article with its gold tags and its white-space tokens (never tagged)."""

    doc: Doc
    gold: np.ndarray
    blocked: np.ndarray


def gold_tags(doc: Doc, attributions: Sequence[GoldAttribution]) -> np.ndarray:
    """BIO tag ids per token: a token takes a role when it lies entirely inside one of that role's ranges."""
    starts = np.array([token.idx for token in doc], dtype=np.int64)
    ends = starts + np.array([len(token) for token in doc], dtype=np.int64)
    spaces = np.array([token.is_space for token in doc], dtype=bool)
    tags = np.zeros(len(doc), dtype=np.intp)
    for attribution in attributions:
        for role in ROLES:
            for start, end in getattr(attribution, role.lower()):
                inside = np.nonzero((starts >= start) & (ends <= end) & ~spaces)[0]
                if len(inside) == 0:
                    continue
                tags[inside] = TAG_INDEX[f"I-{role}"]
                tags[inside[0]] = TAG_INDEX[f"B-{role}"]
    return tags


def blocked_tokens(doc: Doc) -> np.ndarray:
    """White-space tokens (paragraph breaks) never take a role."""
    return np.array([token.is_space for token in doc], dtype=bool)


def build_lexicon(examples: Sequence[Example], clusters: WordClusters | None = None) -> CueLexicon:
    """Each lemma's rate of being tagged CUE in training, bucketed (lemmas seen fewer than 3 times are left
    out); with ``clusters``, the same rate for each fine cluster's words together."""
    cue_tags = {TAG_INDEX["B-CUE"], TAG_INDEX["I-CUE"]}
    seen: Counter[int] = Counter()
    as_cue: Counter[int] = Counter()
    for example in examples:
        for token, tag in zip(example.doc, example.gold, strict=True):
            seen[token.lemma] += 1
            if int(tag) in cue_tags:
                as_cue[token.lemma] += 1
    keys = sorted(lemma for lemma, count in seen.items() if count >= 3 and as_cue[lemma] > 0)
    buckets = [CueLexicon.bucket(as_cue[lemma] / seen[lemma]) for lemma in keys]
    lexicon = CueLexicon(keys=np.array(keys, dtype=np.uint64), buckets=np.array(buckets, dtype=np.uint64))
    if clusters is None or len(clusters.keys) == 0:
        return lexicon
    n_fine = int(clusters.clusters[:, -1].max()) + 1
    tokens = np.zeros(n_fine)
    cues = np.zeros(n_fine)
    for example in examples:
        fine = clusters.lookup(example.doc.to_array(LEMMA), example.doc.to_array(LOWER))[:, -1]
        known = fine != NONE
        is_cue = np.isin(example.gold, list(cue_tags))
        np.add.at(tokens, fine[known].astype(np.intp), 1)
        np.add.at(cues, fine[known & is_cue].astype(np.intp), 1)
    rates = np.divide(cues, tokens, out=np.zeros(n_fine), where=tokens > 0)
    cluster_buckets = np.array([CueLexicon.bucket(rate) for rate in rates], dtype=np.uint64)
    return dataclasses.replace(lexicon, clusters=clusters, cluster_buckets=cluster_buckets)


def make_examples(docs: Sequence[Doc], golds: Sequence[Sequence[GoldAttribution]]) -> list[Example]:
    return [
        Example(doc=doc, gold=gold_tags(doc, gold), blocked=blocked_tokens(doc))
        for doc, gold in zip(docs, golds, strict=True)
    ]


Chunk = tuple[np.ndarray, np.ndarray, np.ndarray]
# Scores a set of training articles from their held-out taggings (article index -> tagging): attribution F1.
HeldOutScore = Callable[[dict[int, Tagging]], float]


# Recall biases tried on the last stage (``TaggerModel.recall_bias``) by ``accordingto train --recall-bias``, as
# shares of the stage's emission scale (``emission_scale``): the training keeps the one whose held-out taggings,
# filtered by their own confidence model, score best.
RECALL_BIASES = (0.0, 0.15, 0.3, 0.45)


@dataclass
class TaggerTraining:
    """The trained model; the cross-validated score after each epoch of each stage; for every training article
    and every recall bias tried (a share of ``scale``), the tagging of models that did not see it (what the
    confidence model is fitted on); and the last stage's emission scale (``emission_scale``)."""

    model: TaggerModel
    first_curve: list[float]
    second_curve: list[float]
    held_out: dict[float, list[Tagging]]
    scale: float

    def last_stage(self) -> TaggerModel:
        """The stage whose tags are the output (the one a recall bias applies to)."""
        return self.model.second if self.model.second is not None else self.model


def emission_scale(model: TaggerModel, chunks: Sequence[Chunk]) -> float:
    """How far apart a stage's scores are: the median gap between the best and second-best tag on its own
    training tokens. Averaged-perceptron weights grow with the number of updates, so a bias chosen on fold models
    carries over to the final model as a share of this scale, not as a number."""
    gaps = []
    for features, _, _ in chunks:
        top = np.sort(model.emissions(features), axis=1)
        gaps.append(top[:, -1] - top[:, -2])
    return float(np.median(np.concatenate(gaps))) if gaps else 0.0


def biased(model: TaggerModel, bias: float, scale: float) -> TaggerModel:
    """The stage with a recall bias of ``bias`` times ``scale``."""
    return dataclasses.replace(model, recall_bias=bias * scale)


def paragraph_chunks(features: np.ndarray, gold: np.ndarray, blocked: np.ndarray) -> list[Chunk]:
    """(features, gold, blocked) per paragraph, each starting at its blocked line break.

    Blocked white-space tokens are O, so Viterbi over the whole document is exactly Viterbi over each
    paragraph: updating per paragraph gives the perceptron many more, smaller steps for the same decoding.
    """
    breaks = np.nonzero(blocked)[0]
    bounds = [0, *breaks.tolist(), len(gold)]
    return [
        (features[start:end], gold[start:end], blocked[start:end])
        for start, end in zip(bounds[:-1], bounds[1:], strict=True)
        if end > start
    ]


def fit(
    chunks: Sequence[Chunk],
    lexicon: CueLexicon,
    *,
    bits: int,
    epochs: int,
    seed: int,
    role_cost: float = 0.0,
    after_epoch: Callable[[int, TaggerModel], None] | None = None,
) -> TaggerModel:
    """Averaged-perceptron epochs over shuffled chunks: the averaged model after the last epoch
    (``after_epoch(epoch, model)`` sees the averaged model after each one); ``role_cost`` is the margin a gold
    role must win by in training (``AveragedPerceptron``)."""
    perceptron = AveragedPerceptron(bits, lexicon, role_cost)
    rng = np.random.default_rng(seed)
    order = np.arange(len(chunks))
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        errors = sum(perceptron.update(*chunks[int(i)]) for i in order)
        logger.info("epoch %d: %d training errors", epoch, errors)
        if after_epoch is not None:
            after_epoch(epoch, perceptron.averaged())
    return perceptron.averaged()


def _chunks(examples: Sequence[Example], features: Sequence[np.ndarray], indices: Iterable[int]) -> list[Chunk]:
    return [chunk for i in indices for chunk in paragraph_chunks(features[i], examples[i].gold, examples[i].blocked)]


def cross_validate(
    examples: Sequence[Example],
    features: Sequence[np.ndarray],
    lexicon: CueLexicon,
    score: HeldOutScore,
    *,
    folds: int,
    epochs: int,
    bits: int,
    seed: int,
    role_cost: float = 0.0,
    progress: Progress | None = None,
    step: str = "cross-validation",
    biases: Sequence[float] = (0.0,),
) -> tuple[list[float], list[dict[float, list[Tagging]]]]:
    """Train on all folds but one, tag the one left out, after every epoch: the held-out score per epoch
    (unbiased), and every article's held-out tagging per epoch under each recall bias of ``biases`` (shares of
    each fold model's ``emission_scale``; ``progress`` hears of each epoch of each fold)."""
    fold_of = np.arange(len(examples)) % folds
    empty = Tagging(np.zeros(0, np.intp), np.zeros(0))
    taggings: list[dict[float, list[Tagging]]] = [
        {bias: [empty] * len(examples) for bias in biases} for _ in range(epochs)
    ]
    for fold in range(folds):
        held_out = np.nonzero(fold_of == fold)[0].tolist()
        chunks = _chunks(examples, features, np.nonzero(fold_of != fold)[0].tolist())

        def record(
            epoch: int,
            model: TaggerModel,
            held_out: list[int] = held_out,
            fold: int = fold,
            chunks: list[Chunk] = chunks,
        ) -> None:
            scale = emission_scale(model, chunks) if any(biases) else 0.0
            for bias in biases:
                stage = biased(model, bias, scale)
                for i in held_out:
                    taggings[epoch - 1][bias][i] = _compact(stage.decode(features[i], examples[i].blocked))
            if progress is not None:
                progress(step, fold * epochs + epoch, folds * epochs)

        fit(chunks, lexicon, bits=bits, epochs=epochs, seed=seed, role_cost=role_cost, after_epoch=record)
    curve = [score(dict(enumerate(per_epoch[0.0]))) for per_epoch in taggings]
    logger.info("held-out attribution F1 by epoch: %s", " ".join(f"{100 * value:.1f}" for value in curve))
    return curve, taggings


def _compact(tagging: Tagging) -> Tagging:
    """A held-out tagging with its tags in a small type (cross-validation keeps one per article, epoch and bias);
    the margins stay as they are: the confidence model is fitted on them."""
    return Tagging(tagging.tags.astype(np.int8), tagging.margins)


def _widened(tagging: Tagging) -> Tagging:
    return Tagging(tagging.tags.astype(np.intp), tagging.margins.astype(np.float32))


def train_tagger(
    train: Sequence[Example],
    *,
    score: HeldOutScore,
    clusters: WordClusters | None = None,
    epochs: int = TAGGER_EPOCHS,
    bits: int = TAGGER_BITS,
    seed: int = 0,
    role_cost: float = 0.0,
    stack: bool = True,
    folds: int = 2,
    biases: Sequence[float] = (0.0,),
    progress: Progress | None = None,
) -> TaggerTraining:
    """Train the first stage, then, with ``stack``, a second stage on the first stage's tags; each stage for
    the number of epochs that scores best on held-out folds of ``train`` (cross-validation: the dev split
    chooses nothing).

    The second stage must learn from tags as wrong as they will be on new text, so its training tags come from
    the first stage's held-out folds (a jackknife). Every model is trained with ``role_cost`` (``fit``). The last
    stage's held-out taggings are kept under each recall bias of ``biases`` (0 among them; ``RECALL_BIASES``).
    ``progress`` hears of every epoch, one step per stage's cross-validation and final fit.
    """
    lexicon = build_lexicon(train, clusters)
    arrays = [doc_arrays(example.doc, lexicon) for example in train]
    base = [token_features(example.doc, lexicon, array) for example, array in zip(train, arrays, strict=True)]
    options = {"folds": folds, "epochs": epochs, "bits": bits, "seed": seed}

    def final_fit(features: Sequence[np.ndarray], stage_epochs: int, stage: str) -> tuple[TaggerModel, float]:
        """A stage trained on every training article for the epochs cross-validation chose, and its emission
        scale."""
        chunks = _chunks(train, features, range(len(train)))
        after_epoch = _epochs_to(progress, stage, stage_epochs)
        model = fit(
            chunks, lexicon, bits=bits, epochs=stage_epochs, seed=seed, role_cost=role_cost, after_epoch=after_epoch
        )
        return model, emission_scale(model, chunks)

    first_curve, first_taggings = cross_validate(
        train,
        base,
        lexicon,
        score,
        **options,
        role_cost=role_cost,
        progress=progress,
        step="first stage, cross-validation",
        biases=(0.0,) if stack else biases,
    )
    first_epochs = int(np.argmax(first_curve)) + 1
    first, first_scale = final_fit(base, first_epochs, "first stage")
    held_out = {bias: [_widened(t) for t in taggings] for bias, taggings in first_taggings[first_epochs - 1].items()}
    if not stack:
        return TaggerTraining(first, first_curve, [], held_out, first_scale)
    stacked = [
        np.hstack([base[i], stacked_features(train[i].doc, arrays[i], held_out[0.0][i].tags)])
        for i in range(len(train))
    ]
    second_curve, second_taggings = cross_validate(
        train,
        stacked,
        lexicon,
        score,
        **options,
        role_cost=role_cost,
        progress=progress,
        step="second stage, cross-validation",
        biases=biases,
    )
    if max(second_curve) <= max(first_curve):
        logger.info("the second stage does not help on held-out folds: shipping the first stage alone")
        return TaggerTraining(first, first_curve, second_curve, held_out, first_scale)
    second_epochs = int(np.argmax(second_curve)) + 1
    second, second_scale = final_fit(stacked, second_epochs, "second stage")
    return TaggerTraining(
        dataclasses.replace(first, second=second),
        first_curve,
        second_curve,
        {bias: [_widened(t) for t in taggings] for bias, taggings in second_taggings[second_epochs - 1].items()},
        second_scale,
    )


def _epochs_to(progress: Progress | None, step: str, epochs: int) -> Callable[[int, TaggerModel], None] | None:
    """What ``fit`` calls after each epoch to tell ``progress`` (nothing when no one listens)."""
    if progress is None:
        return None
    return lambda epoch, _model: progress(step, epoch, epochs)


def save_training(path: Path, training: TaggerTraining) -> None:
    """Keep a finished tagger training (model, curves, held-out taggings) to skip it next time (same inputs)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    training.model.save(path.with_suffix(".model.npz"))
    biases = sorted(training.held_out)
    first = training.held_out[biases[0]]
    lengths = np.array([len(tagging.tags) for tagging in first], dtype=np.int64)
    write_npz(
        path,
        {
            "first_curve": np.array(training.first_curve),
            "second_curve": np.array(training.second_curve),
            "scale": np.array(training.scale),
            "biases": np.array(biases),
            "lengths": lengths,
            **{
                f"tags_{n}": np.concatenate([t.tags for t in training.held_out[bias]]).astype(np.int8)
                for n, bias in enumerate(biases)
            },
            **{
                f"margins_{n}": np.concatenate([t.margins for t in training.held_out[bias]]).astype(np.float32)
                for n, bias in enumerate(biases)
            },
        },
    )


def load_training(path: Path) -> TaggerTraining | None:
    """A training kept by ``save_training``, or None when there is none."""
    model_path = path.with_suffix(".model.npz")
    if not path.exists() or not model_path.exists():
        return None
    with np.load(path) as data:
        bounds = np.concatenate([[0], np.cumsum(data["lengths"])])
        held_out = {}
        for n, bias in enumerate(data["biases"]):
            tags, margins = data[f"tags_{n}"].astype(np.intp), data[f"margins_{n}"]
            held_out[float(bias)] = [
                Tagging(tags[a:b], margins[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)
            ]
        return TaggerTraining(
            model=TaggerModel.load(model_path),
            first_curve=[float(x) for x in data["first_curve"]],
            second_curve=[float(x) for x in data["second_curve"]],
            held_out=held_out,
            scale=float(data["scale"]),
        )


__all__ = [
    "RECALL_BIASES",
    "Example",
    "TaggerTraining",
    "build_lexicon",
    "biased",
    "cross_validate",
    "emission_scale",
    "fit",
    "gold_tags",
    "load_training",
    "make_examples",
    "save_training",
    "train_tagger",
]
