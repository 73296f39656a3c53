"""The kind of thing a proper name names (a person, an organisation, a place, or something else), learned from GUM.

spaCy's small model tags a name's entity from a few words around it, and the word lists ``mentions.name_kind``
adds to it were patched one news round at a time: bodies named like people ("Ashgrove Investors", tagged a
person), places read as people (a dateline's "PORTO SALVE"), people read as bodies ("Alison Treharne KC", tagged
an organisation) came back in every new batch of names. GUM gives every proper-name mention a gold entity type,
thousands of them across news, interviews, biographies and travel writing, and the signals that tell a name's
kind generalise past the names seen: the last word and its ending ("-son", "Ltd", "Street", "Council"), a first
name, a title or a post-nominal beside it, "the" or "in" before it, the verb it is the subject of, the noun it
is in apposition to, a line written in capitals (a dateline), and the small model's own label, stacked.

A multinomial logistic regression over those features, fitted on GUM train as our pipeline parses it
(``train.name_kinds``); its vocabulary is the features seen at least twice there, stored with the weights, so
that a file made for other features fails to load rather than mislead. ``mentions`` reads its answer only where
it is sure (``SURE``), and maps a class to a source's kind with the word lists that stay reliable there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
from spacy.strings import get_string_id

from .. import lexicon
from ..annotations import TokenCodes
from .first_names import first_name_gender

# The lexicon's word lists, as features (stacked, as the small model's label is): the model weighs them against the
# rest instead of each deciding alone.
_LISTS = {
    "company ending": lexicon.ORGANIZATION_NAME_ENDINGS,
    "government word": lexicon.GOVERNMENT_NAME_WORDS,
    "institution": lexicon.INSTITUTION_HEADS,
    "outlet word": frozenset(word.lower() for word in lexicon.OUTLET_WORDS_ANYWHERE) | lexicon.OUTLET_BRAND_WORDS,
    "title": lexicon.TITLES | lexicon.HONORIFICS,
}
# For each listed word, the lists that hold it, in ``_LISTS`` order: one look-up per word of a name.
_LISTS_OF: dict[str, tuple[str, ...]] = {}
for _name, _listed in _LISTS.items():
    for _word in _listed:
        _LISTS_OF[_word] = (*_LISTS_OF.get(_word, ()), _name)
_APPOS = get_string_id("appos")

WEIGHTS_PATH = Path(__file__).parent / "weights" / "name-kinds.npz"
# GUM's entity types, in the four classes a source's kind is read from; every other type (object, event,
# abstract, time, substance...) is "other": a name of a thing, which speaks only through the people behind it.
CLASSES = ("person", "organization", "place", "other")
GUM_CLASSES = {"person": "person", "organization": "organization", "place": "place"}
# Features kept per word of a long name: the words of a name beyond the fourth say little more of its kind.
MAX_WORDS = 4
# The probability under which the model's class is not read (``mentions`` keeps the rules' kind): chosen by
# cross-validation on GUM train (docs/experiments/resolution.md, "The kind of a name").
SURE = 0.5


@lru_cache(maxsize=8192)
def _shape(word: str) -> str:
    """ "Treharne" -> "Xx", "KC" -> "X", "NHS" -> "X", "McLeod" -> "XxXx", "O'Neill" -> "X'Xx", "2024" -> "d":
    runs of one character class, so a word's shape is one of few values."""
    shape: list[str] = []
    for char in word:
        mark = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not shape or shape[-1] != mark:
            shape.append(mark)
    return "".join(shape)


def name_head(codes: TokenCodes, start: int, end: int) -> int:
    """The name's word whose governor lies outside it (its last word when the parse leaves none)."""
    governor = codes.governor
    return next(
        (i for i in range(end - 1, start - 1, -1) if not start <= governor[i] < end or governor[i] == i), end - 1
    )


def in_capitals_line(codes: TokenCodes, start: int) -> bool:
    """Whether the line the name is written on has letters in capitals only: a dateline on a line of its own
    ("PORTO SALVE, BRAZIL") or a heading, which name places and topics, not speakers."""
    text, at = codes.text, codes.idx[start]
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    # (``isupper`` first: it runs in C, and the letters are counted only on the rare line it passes.)
    return line.isupper() and sum(map(str.isalpha, line)) >= 3


def name_features(codes: TokenCodes, start: int, end: int) -> list[str]:
    """The features of the proper name in tokens ``start:end`` (see the module docstring)."""
    words = [codes.word(i) for i in range(start, end)]
    lowered = [word.lower() for word in words]
    last = lowered[-1]
    gender = first_name_gender(words[0])
    found = [f"w={word}" for word in lowered[:MAX_WORDS]]
    found += [
        f"first={lowered[0]}",
        f"last={last}",
        f"suffix2={last[-2:]}",
        f"suffix3={last[-3:]}",
        f"suffix4={last[-4:]}",
        f"shape={' '.join(_shape(word) for word in words[:MAX_WORDS])}",
        f"last shape={_shape(words[-1])}",
        f"words={min(len(words), MAX_WORDS)}",
        f"first name={gender if len(words) > 1 else 'lone'}:{gender}",
        f"label={codes.string(codes.ent_type[end - 1])}",
        f"first label={codes.string(codes.ent_type[start])}",
    ]
    held = {name for word in lowered for name in _LISTS_OF.get(word.strip("."), ())}
    found += [f"list={name}" for name in _LISTS if name in held]
    if start > 0:
        before = codes.string(codes.lower[start - 1])
        found += [f"before list={name}" for name in _LISTS_OF.get(before.strip("."), ())]
        found += [f"before={before}", f"before pos={codes.string(codes.pos[start - 1])}"]
        if start > 1:
            found.append(f"two before={codes.string(codes.lower[start - 2])} {before}")
    else:
        found.append("before=<start>")
    if end < len(codes.lower):
        found.append(f"after={codes.string(codes.lower[end])}")
    head = name_head(codes, start, end)
    governor = codes.governor[head]
    dep = codes.string(codes.dep[head])
    found.append(f"dep={dep}")
    if governor != head:
        found.append(f"governor={dep}:{codes.lemma_text(governor)}")
        if dep == "pobj":
            found.append(f"preposition={codes.lemma_text(governor)}")
    for child in codes.children(head):
        if codes.dep[child] == _APPOS and not start <= child < end:
            found.append(f"apposition={codes.lemma_text(child)}")
    if in_capitals_line(codes, start):
        found.append("line in capitals")
    return found


@dataclass
class NameKindModel:
    """A multinomial logistic regression: ``weights[vocabulary[feature], class]`` and ``bias[class]``."""

    vocabulary: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)

    def __post_init__(self) -> None:
        # The weights as Python tuples too: a name's few rows summed in Python cost a third of numpy's calls on
        # arrays this small, and every proper name of every article is classified (docs/sources.md, speed).
        self._rows = [tuple(row) for row in self.weights.tolist()]
        self._bias = tuple(self.bias.tolist())

    def probabilities(self, features: list[str]) -> np.ndarray:
        """P(class) for each of ``CLASSES``, from one name's features (those outside the vocabulary are dropped)."""
        return np.array(self._probabilities(features))

    def _probabilities(self, features: list[str]) -> list[float]:
        vocabulary, rows = self.vocabulary, self._rows
        found = [rows[n] for n in (vocabulary.get(f) for f in features) if n is not None]
        scores = [sum(column) for column in zip(self._bias, *found, strict=True)]
        top = max(scores)
        exponents = [math.exp(score - top) for score in scores]
        total = sum(exponents)
        return [value / total for value in exponents]

    def classify(self, codes: TokenCodes, start: int, end: int) -> tuple[str, float]:
        """The likeliest class of the name in tokens ``start:end`` and its probability (once per document)."""
        found = codes.name_classes.get((start, end))
        if found is None:
            probabilities = self._probabilities(name_features(codes, start, end))
            best = max(range(len(CLASSES)), key=probabilities.__getitem__)
            found = codes.name_classes[start, end] = (CLASSES[best], probabilities[best])
        return found

    def save(self, path: Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as stream:  # a file object: np.savez would add ".npz" to a name without it
            np.savez_compressed(
                stream,
                classes=np.array(CLASSES),
                features=np.array(names),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
            )

    @classmethod
    def load(cls, path: str | Path) -> NameKindModel:
        """Weights saved by ``save``; a file made for other classes fails here rather than mislead."""
        with np.load(path) as data:
            if tuple(str(name) for name in data["classes"]) != CLASSES:
                raise ValueError(f"{path}: name-kind weights for other classes")
            vocabulary = {str(name): n for n, name in enumerate(data["features"])}
            return cls(vocabulary, data["weights"].astype(np.float64), data["bias"].astype(np.float64))


@cache
def shipped_name_kinds() -> NameKindModel:
    return NameKindModel.load(WEIGHTS_PATH)


@dataclass
class Design:
    """Names as rows of vocabulary indices, concatenated (``indices``), row ``n`` from ``offsets[n]``."""

    indices: np.ndarray
    offsets: np.ndarray
    empty: np.ndarray  # the rows with no feature in the vocabulary (a fold's vocabulary may lack all of a name's)

    @classmethod
    def build(cls, rows: list[list[str]], vocabulary: dict[str, int]) -> Design:
        kept = [[vocabulary[f] for f in row if f in vocabulary] for row in rows]
        lengths = np.array([len(row) for row in kept], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        indices = np.array([i for row in kept for i in row], dtype=np.int64)
        return cls(indices, offsets, lengths == 0)

    def scores(self, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
        # ``reduceat`` reads an empty row as the next row's first feature (and one at the end past the array): a
        # zero row is appended, and empty rows are zeroed, so that they score the bias alone.
        gathered = np.vstack([weights[self.indices], np.zeros((1, weights.shape[1]))])
        sums = np.add.reduceat(gathered, self.offsets, axis=0)
        sums[self.empty] = 0.0
        return sums + bias

    def gradient(self, residual: np.ndarray, features: int) -> np.ndarray:
        rows = np.repeat(np.arange(len(self.offsets)), np.diff(np.append(self.offsets, len(self.indices))))
        found = np.zeros((features, residual.shape[1]))
        np.add.at(found, self.indices, residual[rows])
        return found


def vocabulary_of(rows: list[list[str]], min_count: int) -> dict[str, int]:
    """The features seen at least ``min_count`` times, in sorted order (the same rows give the same file)."""
    counts: dict[str, int] = {}
    for row in rows:
        for feature in set(row):
            counts[feature] = counts.get(feature, 0) + 1
    return {feature: n for n, feature in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}


def fit(rows: list[list[str]], labels: list[str], l2: float, min_count: int, epochs: int = 300) -> NameKindModel:
    """Penalised maximum likelihood by full-batch gradient descent with AdaGrad steps: deterministic (no
    sampling, a fixed number of steps) and numpy only; the penalty (not on the bias) keeps a word seen with one
    class a few times from deciding alone."""
    vocabulary = vocabulary_of(rows, min_count)
    design = Design.build(rows, vocabulary)
    target = np.zeros((len(rows), len(CLASSES)))
    target[np.arange(len(rows)), [CLASSES.index(label) for label in labels]] = 1.0
    weights = np.zeros((len(vocabulary), len(CLASSES)))
    bias = np.zeros(len(CLASSES))
    squares_w, squares_b = np.full_like(weights, 1e-8), np.full_like(bias, 1e-8)
    rate = 0.5
    for _ in range(epochs):
        scores = design.scores(weights, bias)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        residual = scores / scores.sum(axis=1, keepdims=True) - target
        step_w = design.gradient(residual, len(vocabulary)) + l2 * weights
        step_b = residual.sum(axis=0)
        squares_w += step_w**2
        squares_b += step_b**2
        weights -= rate * step_w / np.sqrt(squares_w)
        bias -= rate * step_b / np.sqrt(squares_b)
    return NameKindModel(vocabulary, weights, bias)


def gum_class(entity_type: str) -> str:
    """The class of a GUM entity type among ``CLASSES``."""
    return GUM_CLASSES.get(entity_type, "other")
