"""Fit the kind of a proper name (``resolve.name_kinds``) on GUM train's gold entity types, and measure it on dev.

**What is observed.** Every proper name our pipeline reads in a GUM text (a markable with a name: a source, a
named entity, a name in apposition) whose span stands for a gold mention that is a proper name, once per name
span; its class is the gold mention's entity type (``name_kinds.gum_class``). The names are those of our parse,
not GUM's own tokens, so the model learns what the analysis will ask it.

**Chosen on train.** The penalty and the vocabulary's least count were chosen by 5-fold cross-validation on
train, documents dealt out with the seed (``cross_validated``; the grid is in docs/experiments/resolution.md);
dev is only measured, beside the rules' kinds (the markables' ``Mention.kind``), overall, by gold class and on the
speaker subset (names that are an attribution's source or a reporting verb's subject).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language

from ..annotations import doc_token_codes
from ..evaluate.resolution import Alignment, gold_mention, is_speaker
from ..model import SourceKind
from ..progress import Progress
from ..resolve.mentions import name_kind, name_label
from ..resolve.name_kinds import (
    CLASSES,
    SURE,
    NameKindModel,
    fit,
    gum_class,
    name_features,
    name_head,
    vocabulary_of,
)
from .resolver import FOLDS, load_split

# Chosen by cross-validation on GUM train (docs/experiments/resolution.md, "The kind of a name").
L2 = 3.0
MIN_COUNT = 2
# A source's kind, as one of ``CLASSES``: what the rules' kind is compared as. A place that speaks is its
# government ("Russia said"), and the small model's GPE is read so.
KIND_CLASSES: dict[SourceKind, str] = {
    "person": "person",
    "organization": "organization",
    "media": "organization",
    "government": "place",
    "group": "other",
    "document": "other",
    "unknown": "other",
}


@dataclass
class NameExample:
    """One proper name of our parse beside its gold class."""

    features: list[str]
    gold: str
    rules: str  # ``name_kind``'s kind, the small model's label and the word lists alone, as a class
    analysis: str  # the kind the analysis gives the name (the markable's: every rule, and the model), as a class
    speaker: bool
    document: int


def name_examples(alignment: Alignment, document: int) -> list[NameExample]:
    """The proper names of one document that stand for a gold proper-name mention, once per name span."""
    markables = alignment.markables
    codes = doc_token_codes(markables.doc)
    found: dict[tuple[int, int], NameExample] = {}
    for k, mention in enumerate(markables.mentions):
        if mention.name_start is None or mention.name_end is None:
            continue
        start, end = mention.name_start, mention.name_end
        if (start, end) in found:
            found[start, end].speaker |= is_speaker(markables, k)
            continue
        head = name_head(codes, start, end)
        gold = gold_mention(
            alignment.document, codes.idx[start], codes.idx[end - 1] + codes.length[end - 1], codes.idx[head]
        )
        if gold is None or gold.form != "name":
            continue
        words = [codes.word(i) for i in range(start, end)]
        found[start, end] = NameExample(
            features=name_features(codes, start, end),
            gold=gum_class(gold.entity_type),
            rules=KIND_CLASSES[name_kind(words, name_label(codes, (start, end), mention.number))],
            analysis=KIND_CLASSES[mention.kind],
            speaker=is_speaker(markables, k),
            document=document,
        )
    return list(found.values())


def all_examples(alignments: Sequence[Alignment]) -> list[NameExample]:
    return [example for n, alignment in enumerate(alignments) for example in name_examples(alignment, n)]


def fit_examples(examples: Sequence[NameExample], l2: float = L2, min_count: int = MIN_COUNT) -> NameKindModel:
    return fit([e.features for e in examples], [e.gold for e in examples], l2=l2, min_count=min_count)


def predict(model: NameKindModel, examples: Sequence[NameExample]) -> np.ndarray:
    """P(class) of each example, one row each (``CLASSES`` order)."""
    return np.array([model.probabilities(e.features) for e in examples]).reshape(len(examples), len(CLASSES))


def cross_validated(
    examples: Sequence[NameExample],
    *,
    folds: int = FOLDS,
    seed: int = 0,
    l2: float = L2,
    min_count: int = MIN_COUNT,
) -> np.ndarray:
    """Each example's probabilities by the model fitted on the other folds' documents (dealt out with ``seed``)."""
    documents = sorted({e.document for e in examples})
    order = np.random.default_rng(seed).permutation(len(documents))
    fold_of = {documents[i]: n % folds for n, i in enumerate(order)}
    found = np.zeros((len(examples), len(CLASSES)))
    for fold in range(folds):
        model = fit_examples([e for e in examples if fold_of[e.document] != fold], l2=l2, min_count=min_count)
        held = [n for n, e in enumerate(examples) if fold_of[e.document] == fold]
        found[held] = predict(model, [examples[n] for n in held])
    return found


def log_loss(examples: Sequence[NameExample], probabilities: np.ndarray) -> float:
    gold = [CLASSES.index(e.gold) for e in examples]
    return float(-np.log(np.maximum(probabilities[np.arange(len(examples)), gold], 1e-9)).mean())


@dataclass
class Scored:
    """Accuracy of one system's classes against gold, with its confusion table (gold -> predicted -> count)."""

    count: int
    right: int
    confusion: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.right / self.count if self.count else 0.0

    def by_gold(self) -> dict[str, tuple[int, float]]:
        return {
            gold: (sum(row.values()), row[gold] / sum(row.values()))
            for gold, row in sorted(self.confusion.items())
            if sum(row.values())
        }


def score(golds: Sequence[str], predicted: Sequence[str]) -> Scored:
    confusion: dict[str, Counter[str]] = {klass: Counter() for klass in CLASSES}
    for gold, guess in zip(golds, predicted, strict=True):
        confusion[gold][guess] += 1
    return Scored(len(golds), sum(g == p for g, p in zip(golds, predicted, strict=True)), confusion)


def combined(example: NameExample, probabilities: np.ndarray, sure: float) -> str:
    """The class the analysis reads: the model's where it is at least ``sure`` (and not "other", which leaves the
    rules' kind: ``mentions.learned_kind``), else the rules'."""
    best = int(probabilities.argmax())
    return CLASSES[best] if probabilities[best] >= sure and CLASSES[best] != "other" else example.rules


@dataclass
class NameKindTraining:
    out_path: Path
    model: NameKindModel
    train: int
    train_cv: dict[str, Scored]  # "model", "rules", "combined" on train, the model cross-validated
    dev: dict[str, Scored]
    dev_speakers: dict[str, Scored]


def compare(examples: Sequence[NameExample], probabilities: np.ndarray, sure: float) -> dict[str, Scored]:
    """Against gold: ``name_kind`` alone ("rules"), the model's class ("model"), the model's where it is at least
    ``sure`` else the rules' ("combined"), and the kind the analysis gives, every later rule included
    ("analysis")."""
    golds = [e.gold for e in examples]
    return {
        "rules": score(golds, [e.rules for e in examples]),
        "model": score(golds, [CLASSES[int(row.argmax())] for row in probabilities]),
        "combined": score(golds, [combined(e, row, sure) for e, row in zip(examples, probabilities, strict=True)]),
        "analysis": score(golds, [e.analysis for e in examples]),
    }


def train_name_kinds(
    nlp: Language,
    data_dir: str | Path,
    out_path: Path,
    *,
    sure: float = SURE,
    seed: int = 0,
    folds: int = FOLDS,
    cache_dir: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> NameKindTraining:
    """Fit on GUM train's names, save the weights, and measure them on GUM dev beside the rules."""
    train = all_examples(load_split(nlp, data_dir, "train", cache_dir, limit, progress))
    model = fit_examples(train)
    model.save(out_path)
    dev = all_examples(load_split(nlp, data_dir, "dev", cache_dir, limit, progress))
    dev_predictions = predict(model, dev)
    speakers = [n for n, e in enumerate(dev) if e.speaker]
    return NameKindTraining(
        out_path=out_path,
        model=model,
        train=len(train),
        train_cv=compare(train, cross_validated(train, folds=folds, seed=seed), sure),
        dev=compare(dev, dev_predictions, sure),
        dev_speakers=compare([dev[n] for n in speakers], dev_predictions[speakers], sure),
    )


def vocabulary_size(examples: Sequence[NameExample], min_count: int) -> int:
    """How many features a fit on the examples keeps (the weights file's rows)."""
    return len(vocabulary_of([e.features for e in examples], min_count))
