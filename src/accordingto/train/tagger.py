"""Training the attribution role tagger on PolNeAR-style gold (character ranges per role per attribution)."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from spacy.tokens import Doc

from ..find.features import CueLexicon, doc_arrays, stacked_features, token_features
from ..find.perceptron import ROLES, TAG_INDEX, AveragedPerceptron, TaggerModel

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


def build_lexicon(examples: Sequence[Example]) -> CueLexicon:
    """Each lemma's rate of being tagged CUE in training, bucketed; lemmas seen fewer than 3 times are left
    out."""
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
    return CueLexicon(keys=np.array(keys, dtype=np.uint64), buckets=np.array(buckets, dtype=np.uint64))


def make_examples(docs: Sequence[Doc], golds: Sequence[Sequence[GoldAttribution]]) -> list[Example]:
    return [
        Example(doc=doc, gold=gold_tags(doc, gold), blocked=blocked_tokens(doc))
        for doc, gold in zip(docs, golds, strict=True)
    ]


Chunk = tuple[np.ndarray, np.ndarray, np.ndarray]


@dataclass
class TaggerTraining:
    """The trained model and the dev score after each epoch of each stage."""

    model: TaggerModel
    first_curve: list[float]
    second_curve: list[float]


def paragraph_chunks(features: np.ndarray, gold: np.ndarray, blocked: np.ndarray) -> list[Chunk]:
    """(features, gold, blocked) per paragraph.

    Blocked white-space tokens are forced to O, so Viterbi over the whole document is exactly Viterbi over
    each paragraph: updating per paragraph gives the perceptron many more, smaller steps for the same
    decoding.
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
    score: Callable[[TaggerModel], float] | None = None,
) -> tuple[TaggerModel, list[float]]:
    """Averaged-perceptron epochs over shuffled chunks; with ``score``, the best epoch's model and the curve,
    without, the last epoch's model."""
    perceptron = AveragedPerceptron(bits, lexicon)
    rng = np.random.default_rng(seed)
    order = np.arange(len(chunks))
    best: tuple[float, TaggerModel] | None = None
    curve: list[float] = []
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        errors = sum(perceptron.update(*chunks[int(i)]) for i in order)
        model = perceptron.averaged()
        if score is None:
            best = (0.0, model)
            continue
        value = score(model)
        curve.append(value)
        logger.info("epoch %d: %d training errors, dev score %.4f", epoch, errors, value)
        if best is None or value > best[0]:
            best = (value, model)
    assert best is not None
    return best[1], curve


def _chunks(examples: Sequence[Example], features: Sequence[np.ndarray]) -> list[Chunk]:
    return [
        chunk
        for example, matrix in zip(examples, features, strict=True)
        for chunk in paragraph_chunks(matrix, example.gold, example.blocked)
    ]


def train_tagger(
    train: Sequence[Example],
    dev: Sequence[Example],
    *,
    score: Callable[[TaggerModel], float],
    epochs: int = 10,
    bits: int = 20,
    seed: int = 0,
    stack: bool = True,
    folds: int = 2,
) -> TaggerTraining:
    """Train the first stage (best epoch on dev by ``score``), then, with ``stack``, a second stage on the
    first stage's tags.

    The second stage must learn from tags as wrong as they will be on new text, so its training tags come from
    first-stage models that did not see the article (``folds``-fold jackknife, same number of epochs).
    """
    lexicon = build_lexicon(train)
    arrays = [doc_arrays(example.doc, lexicon) for example in train]
    base = [token_features(example.doc, lexicon, array) for example, array in zip(train, arrays, strict=True)]
    first, first_curve = fit(_chunks(train, base), lexicon, bits=bits, epochs=epochs, seed=seed, score=score)
    if not stack:
        return TaggerTraining(first, first_curve, [])
    best_epochs = int(np.argmax(first_curve)) + 1
    fold_of = np.arange(len(train)) % folds
    first_tags: list[np.ndarray] = [np.zeros(0, dtype=np.intp)] * len(train)
    for fold in range(folds):
        held_in = [i for i in range(len(train)) if fold_of[i] != fold]
        model, _ = fit(
            _chunks([train[i] for i in held_in], [base[i] for i in held_in]),
            lexicon,
            bits=bits,
            epochs=best_epochs,
            seed=seed,
        )
        for i in np.nonzero(fold_of == fold)[0].tolist():
            first_tags[i] = model.tag(base[i], train[i].blocked)
    stacked = [
        np.hstack([base[i], stacked_features(train[i].doc, arrays[i], first_tags[i])]) for i in range(len(train))
    ]

    def second_score(candidate: TaggerModel) -> float:
        return score(dataclasses.replace(first, second=candidate))

    second, second_curve = fit(
        _chunks(train, stacked), lexicon, bits=bits, epochs=epochs, seed=seed, score=second_score
    )
    if max(second_curve) <= max(first_curve):
        logger.info("the second stage does not help on dev: shipping the first stage alone")
        return TaggerTraining(first, first_curve, second_curve)
    return TaggerTraining(dataclasses.replace(first, second=second), first_curve, second_curve)


__all__ = ["Example", "TaggerTraining", "build_lexicon", "fit", "gold_tags", "make_examples", "train_tagger"]
