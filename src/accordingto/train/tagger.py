"""Training the attribution role tagger on PolNeAR-style gold (character ranges per role per attribution)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from spacy.tokens import Doc

from ..find.features import CueLexicon, token_features
from ..find.perceptron import N_TAGS, ROLES, TAG_INDEX, AveragedPerceptron, TaggerModel

logger = logging.getLogger(__name__)

Ranges = list[tuple[int, int]]


class GoldAttribution(Protocol):
    source: Ranges
    cue: Ranges
    content: Ranges


@dataclass
class Example:
    """One parsed article with its gold tags and (once the lexicon is known) its feature matrix."""

    doc: Doc
    gold: np.ndarray
    blocked: np.ndarray
    features: np.ndarray | None = None


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


def tag_accuracy(model: TaggerModel, examples: Sequence[Example]) -> float:
    """Micro F1 over (token, role) pairs, ignoring B/I: a fast proxy to pick the epoch."""
    true_pos = predicted = gold = 0
    for example in examples:
        assert example.features is not None
        tags = model.tag(example.features, example.blocked)
        pred_roles = (tags + 1) // 2
        gold_roles = (example.gold + 1) // 2
        true_pos += int(((pred_roles == gold_roles) & (gold_roles > 0)).sum())
        predicted += int((pred_roles > 0).sum())
        gold += int((gold_roles > 0).sum())
    return 2 * true_pos / max(predicted + gold, 1)


def paragraph_chunks(example: Example) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(features, gold, blocked) per paragraph.

    Blocked white-space tokens are forced to O, so Viterbi over the whole document is exactly Viterbi over
    each
    paragraph: updating per paragraph gives the perceptron many more, smaller steps for the same decoding.
    """
    assert example.features is not None
    breaks = np.nonzero(example.blocked)[0]
    bounds = [0, *breaks.tolist(), len(example.gold)]
    return [
        (example.features[start:end], example.gold[start:end], example.blocked[start:end])
        for start, end in zip(bounds[:-1], bounds[1:], strict=True)
        if end > start
    ]


def train_tagger(
    train: Sequence[Example],
    dev: Sequence[Example],
    *,
    epochs: int = 10,
    bits: int = 20,
    seed: int = 0,
    score: Callable[[TaggerModel], float] | None = None,
) -> tuple[TaggerModel, list[float]]:
    """Train, score the averaged model on dev after each epoch, and return the best one with the dev curve.

    ``score`` defaults to the token-role F1 on dev; a caller may pass the full attribution F1 instead.
    """
    lexicon = build_lexicon(train)
    for example in (*train, *dev):
        example.features = token_features(example.doc, lexicon)
    score = score or (lambda model: tag_accuracy(model, dev))
    perceptron = AveragedPerceptron(bits, lexicon)
    rng = np.random.default_rng(seed)
    chunks = [chunk for example in train for chunk in paragraph_chunks(example)]
    order = np.arange(len(chunks))
    best: tuple[float, TaggerModel] | None = None
    curve: list[float] = []
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        errors = 0
        for i in order:
            errors += perceptron.update(*chunks[i])
        model = perceptron.averaged()
        value = score(model)
        curve.append(value)
        logger.info("epoch %d: %d training errors, dev score %.4f", epoch, errors, value)
        if best is None or value > best[0]:
            best = (value, model)
    assert best is not None
    return best[1], curve


__all__ = ["Example", "N_TAGS", "gold_tags", "make_examples", "train_tagger", "build_lexicon"]
