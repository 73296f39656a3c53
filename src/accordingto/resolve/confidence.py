"""How sure the speaker is: the calibrated probability that the entity an attribution's source mention was
resolved to is the person or body the article means (``Attribution.speaker_confidence``).

"Dmitry Peskov said" and "he said" may both be shown as Peskov; a reader who checks facts needs to know which
of the two to trust. A logistic regression over a few features of the source mention and of how it was
resolved gives that probability; it is fitted on GUM train's gold coreference, each document resolved by the
resolver trained without it (``train.speaker_confidence``), and measured on GUM dev (docs/sources.md, "How sure
is the speaker?"). It reads the resolution, it never changes it.

The features, each with its reason:

- the mention's class (``CLASSES``): a name names someone outright, a "he" among two men is a guess;
- who decided: the rules alone, the learned resolver asked and agreeing, or the resolver moving the mention
  (``Occurrence.learned``): where the two disagree, one of them is wrong;
- whether the entity has a proper name, a full one, and how many mentions it has: a participant named in full
  and mentioned often is one the text is about;
- sentences back to the entity's nearest earlier mention and to its nearest name: a pronoun far from anyone is
  less certain;
- rivals: other participants mentioned in the last few sentences whom the mention could also stand for (same
  number, gender and animacy): the more there are, the likelier the wrong one;
- whether the mention is inside a quotation.

Features for the errors of news (judged news rounds, docs/sources.md), shapes GUM barely has:

- a description shown while another participant of its kind has a name (``unnamed beside a named one``): the
  description may be that named one, kept apart (a split: "the operator" beside "Halvard Grid");
- what is shown is no name (``shown words not a name``): a name that opens with a determiner or pronoun ("The",
  "It") or ends in a function word ("Association of"), one word the text also writes in lower case ("Operator"
  beside "the operator"), or a description headed by a pronoun or a number ("one of them", "both"): junk that
  names no one.

The fit weighs them on GUM and the judged news together (``train.speaker_confidence``). Tried and dropped (each
left the held-out news loss as it was or worse, or took a weight against its reason; conf27 in
docs/experiments/resolution.md): a name that runs on into capitalised words (a cut body name), a name sharing a
word with another participant's or held in a fuller one (a split surname), a pronoun with an anonymous rival, the
source in the headline, continuing the last speaker, the entity's count of statements.

An entity that has neither a name nor a description, only pronouns ("he" left unresolved), identifies no one:
its probability is 0 (``NO_IDENTITY``), not fitted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from .. import lexicon
from ..annotations import doc_token_codes
from ..logistic import fit_logistic
from .entities import Entity, Occurrence, compatible
from .learned import mention_class
from .mentions import Mention

WEIGHTS_PATH = Path(__file__).parent / "weights" / "speaker-confidence.npz"
# The class of a source mention: its form and, for pronouns, the word (``mention_class``), with descriptions split
# by definiteness, and first persons ("I", "we") and other pronouns ("who") apart. Names are one class: a full
# name and a surname are both names the text gives, and with full names split off (69 held-out GUM subjects
# only) the fit trusted a repeated "Sam Ortiz" less than a "he" beside it, at no gain in held-out log loss
# (train CV 0.4493 split, 0.4497 together, with the penalty below).
CLASSES = (
    "name",
    "definite description",
    "indefinite description",
    "he/she",
    "it",
    "they",
    "first person",
    "other pronoun",
)
# How the learned resolver took part (``Occurrence.learned``); "rules" is the baseline, no feature of its own.
LEARNED = ("kept", "moved")
# Sentences counted back for rivals; distances are capped here too (past it, far is far).
WINDOW = 3
MAX_DISTANCE = 10
NUMERIC = (
    "named",
    "full name known",
    "log mentions",
    "sentences to earlier mention",
    "first mention",
    "sentences to name",
    "log rivals",
    "pronoun x log rivals",
    "pronoun x sentences to earlier mention",
    "in quotation",
    "unnamed beside a named one",
    "shown words not a name",
)
FEATURES = tuple(f"class={c}" for c in CLASSES) + tuple(f"learned={w}" for w in LEARNED) + NUMERIC
# The probability of an entity that identifies no one (only pronouns): see the module docstring.
NO_IDENTITY = 0.0
PRONOUN_CLASSES = {"he/she", "it", "they", "other pronoun"}
# Parts of speech that end no name: a name cut before its last word ("Association of", "Smith and").
_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT", "AUX"})
_NOT_NAME_POS = frozenset({"DET", "PRON"})
_COUNTING_POS = frozenset({"NUM", "PRON"})


def source_class(doc: Doc, occurrence: Occurrence) -> str:
    """The mention's class among ``CLASSES``."""
    mention = occurrence.mention
    if mention.form == "pronoun" and mention.person != 3:
        return "first person"
    found = mention_class(doc, mention)
    if found in {"he", "she"}:
        return "he/she"
    if found in {"it", "they", "definite description"}:
        return found
    if found == "name":
        return found
    return "indefinite description" if mention.form == "description" else "other pronoun"


def identifies(entity: Entity) -> bool:
    """Whether an entity says who it is: a name or a description, not only pronouns."""
    return any(o.mention.form != "pronoun" for o in entity.occurrences)


def _rival(occurrence: Occurrence, entity: Entity) -> bool:
    """Whether the mention could stand for ``entity`` too: agreement for a pronoun, the same kind and number for
    a name or description."""
    mention = occurrence.mention
    if mention.form == "pronoun":
        return mention.person == 3 and compatible(mention, entity)
    return entity.kind == mention.kind and entity.number == mention.number


def shown_name(doc: Doc, entity: Entity) -> Mention | None:
    """The name mention ``describe.sources`` shows the entity by: its fullest (the earliest of equals)."""
    named = [o.mention for o in entity.occurrences if o.mention.form == "name"]
    return max(named, key=lambda m: (len(m.name_tokens(doc)), -m.start)) if named else None


def _name_span(doc: Doc, mention: Mention | None) -> Span | None:
    if mention is None or mention.name_start is None or mention.name_end is None:
        return None
    return doc[mention.name_start : mention.name_end]


def _function_words(name: Span) -> bool:
    """Whether a name opens with a determiner or pronoun or ends in a function word: no name does."""
    first, last = name[0], name[-1]
    return first.lower_ in lexicon.DEFINITE or first.pos_ in _NOT_NAME_POS or last.pos_ in _FUNCTION_POS


def _common_noun(doc: Doc, name: Span) -> bool:
    """Whether a one-word name is a word the text also writes in lower case ("Operator" and "the operator")."""
    if len(name) != 1 or not name[0].text[:1].isupper():
        return False
    lower = name[0].lower_
    # Only words whose lower-case form is that word can be it written in lower case: those are found in the
    # per-document arrays (``TokenCodes``), not by building a ``Token`` for every word for every entity.
    codes = doc_token_codes(doc)
    same = np.flatnonzero(codes.arrays.lower == doc.vocab.strings[lower]).tolist()
    return any(codes.word(i) == lower for i in same)


def _not_a_name(doc: Doc, entity: Entity, name: Span | None) -> bool:
    """Whether what the source list shows names no one (see the module docstring): the name, or for an entity
    without one the longest description, as ``describe.sources`` picks it."""
    if name is not None:
        return _function_words(name) or _common_noun(doc, name)
    descriptions = [o.mention for o in entity.occurrences if o.mention.form == "description"]
    if not descriptions:
        return False
    longest = max(descriptions, key=lambda m: (m.end - m.start, -m.start))
    return doc[longest.head].pos_ in _COUNTING_POS


def features(doc: Doc, occurrence: Occurrence, entities: Sequence[Entity]) -> np.ndarray:
    """The feature row (``FEATURES``) of a source occurrence resolved to ``occurrence.entity``."""
    entity = occurrence.entity
    assert entity is not None
    row = np.zeros(len(FEATURES), dtype=np.float64)
    klass = source_class(doc, occurrence)
    row[CLASSES.index(klass)] = 1.0
    if occurrence.learned in LEARNED:
        row[len(CLASSES) + LEARNED.index(occurrence.learned)] = 1.0
    start, sentence = occurrence.tokens[0], occurrence.sentence
    others = [o for o in entity.occurrences if o is not occurrence]
    earlier = [sentence - o.sentence for o in others if o.tokens[0] < start]
    names = [abs(sentence - o.sentence) for o in entity.occurrences if o.mention.form == "name"]
    back = min(min(earlier, default=MAX_DISTANCE), MAX_DISTANCE) / MAX_DISTANCE
    rivals = sum(
        1
        for other in entities
        if other is not entity
        and any(sentence - WINDOW <= o.sentence <= sentence and o.tokens[0] < start for o in other.occurrences)
        and _rival(occurrence, other)
    )
    pronoun = klass in PRONOUN_CLASSES
    named = bool(names)
    shown = _name_span(doc, shown_name(doc, entity))
    values = {
        "named": float(named),
        "full name known": float(any(len(name) > 1 for name in entity.names)),
        "log mentions": math.log1p(len(entity.occurrences)),
        "sentences to earlier mention": back,
        "first mention": float(not earlier),
        "sentences to name": min(min(names, default=MAX_DISTANCE), MAX_DISTANCE) / MAX_DISTANCE,
        "log rivals": math.log1p(rivals),
        "pronoun x log rivals": math.log1p(rivals) if pronoun else 0.0,
        "pronoun x sentences to earlier mention": back if pronoun else 0.0,
        "in quotation": float(occurrence.quote is not None),
        "unnamed beside a named one": float(
            not named
            and any(
                other is not entity
                and other.kind == entity.kind
                and any(o.mention.form == "name" for o in other.occurrences)
                for other in entities
            )
        ),
        "shown words not a name": float(_not_a_name(doc, entity, shown)),
    }
    offset = len(CLASSES) + len(LEARNED)
    for n, name in enumerate(NUMERIC):
        row[offset + n] = values[name]
    return row


@dataclass
class SpeakerConfidence:
    """A logistic regression over ``FEATURES``: ``weights`` (one per feature) and ``bias``."""

    weights: np.ndarray
    bias: float

    def probability(self, doc: Doc, occurrence: Occurrence, entities: Sequence[Entity]) -> float:
        """P(the occurrence's entity is who the article means), ``NO_IDENTITY`` for an entity of pronouns only."""
        entity = occurrence.entity
        if entity is None or not identifies(entity):
            return NO_IDENTITY
        return float(self.predict(features(doc, occurrence, entities)[None, :])[0])

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(rows @ self.weights + self.bias)))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as stream:  # a file object: np.savez would add ".npz" to a name without it
            np.savez(stream, features=np.array(FEATURES), weights=self.weights, bias=np.array([self.bias]))

    @classmethod
    def load(cls, path: str | Path) -> SpeakerConfidence:
        """Weights saved by ``save``; a file made for other features fails here rather than mislead."""
        with np.load(path) as data:
            if tuple(str(name) for name in data["features"]) != FEATURES:
                raise ValueError(f"{path}: speaker-confidence weights for other features")
            return cls(weights=data["weights"].astype(np.float64), bias=float(data["bias"][0]))


@cache
def shipped_confidence() -> SpeakerConfidence:
    return SpeakerConfidence.load(WEIGHTS_PATH)


def fit(
    rows: np.ndarray, outcomes: np.ndarray, l2: float, weights: np.ndarray | None = None, iterations: int = 50
) -> SpeakerConfidence:
    """Logistic regression with an L2 penalty (``logistic.fit_logistic``). The penalty keeps a rare class (few
    "it" sources in GUM) from a weight of certainty; ``weights`` (one per row, default 1) let one kind of data
    count more than another (judged news against GUM, ``train.speaker_confidence``)."""
    design = np.hstack([rows, np.ones((len(rows), 1))])
    theta = fit_logistic(design, outcomes, l2, sample_weights=weights, iterations=iterations)
    return SpeakerConfidence(weights=theta[:-1], bias=float(theta[-1]))


def attribution_confidences(
    doc: Doc, entities: Sequence[Entity], model: SpeakerConfidence
) -> dict[int, dict[str, float]]:
    """For each entity (by ``id``), the probability for each attribution whose source it is."""
    found: dict[int, dict[str, float]] = {}
    for entity in entities:
        for occurrence in entity.occurrences:
            if occurrence.source and occurrence.attributions:
                value = round(model.probability(doc, occurrence, entities), 4)
                found.setdefault(id(entity), {}).update(dict.fromkeys(occurrence.attributions, value))
    return found
