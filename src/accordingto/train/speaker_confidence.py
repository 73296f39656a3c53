"""Fit how sure the speaker is (``resolve.confidence``) on GUM train's gold coreference, and measure it on dev.

**What is observed.** Every source-like mention of a person or an organisation in GUM (a pronoun, a description
or a name that is the source of one of our attributions or the subject of a verb) is resolved as the pipeline
resolves a source: added as the source of one more attribution (``resolve_speakers``'s probe), with the learned
resolver of the pipeline. Its outcome is **right** iff the entity it is resolved to is shown as the gold entity
of the mention: the entity's fullest name (what ``describe.sources`` shows) is a mention of the mention's gold
chain; for an entity with no name, its longest description is in the gold chain *and* the gold entity has no
proper name anywhere in the text ("a senior official" never named is shown rightly as a description; a named
person shown as "the official" is not). An entity of pronouns only identifies no one: it is always wrong and
gets ``NO_IDENTITY``, outside the fit. Mentions whose gold entity has no proper name are part of the data, not
only the benchmark's named subset (``evaluate.resolution``).

**Held out.** On train, each document is resolved with the resolver trained on the other folds
(``train.resolver.fold_models``): the shipped resolver was trained on those documents, and its outcomes there
are better than anywhere else. The logistic regression is fitted on those outcomes. On dev, with the shipped
resolver, the probability is only measured: reliability bins, expected calibration error, Brier score, and the
share kept and right at p >= 0.8, for all observed mentions and the speaker subset (attribution sources and
subjects of reporting verbs, ``evaluate.resolution.is_speaker``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language

from ..evaluate.calibration import Reliability, reliability
from ..evaluate.resolution import Alignment, gold_mention, is_speaker
from ..progress import Progress
from ..resolve.confidence import NO_IDENTITY, SpeakerConfidence, features, fit, identifies, source_class
from ..resolve.entities import Entity
from ..resolve.ranker import MentionRanker, shipped_ranker
from ..resolve.speakers import PROBE, resolve_speakers
from .resolver import FOLDS, fold_models, load_split

# GUM's entity types a source is: people and bodies (a "they" of things is no speaker).
SOURCE_TYPES = {"person", "organization"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
HIGH = 0.8


@dataclass
class Observation:
    """One source-like mention resolved: its features, the class, whether it is right, whether its entity
    identifies anyone, and whether it is in the speaker subset."""

    row: np.ndarray
    klass: str
    right: bool
    identified: bool
    speaker: bool


def source_like(alignment: Alignment) -> list[int]:
    """The markables observed: those standing for a gold mention of a person or an organisation, with the gold
    head, that are an attribution's source or a subject."""
    markables = alignment.markables
    doc = markables.doc
    tokens = alignment.document.tokens
    chosen = []
    for k, gold in enumerate(alignment.gold):
        if gold is None or gold.entity_type not in SOURCE_TYPES:
            continue
        head = doc[markables.mentions[k].head]
        gold_head = tokens[gold.head]
        if not (head.idx < gold_head.end and gold_head.start < head.idx + len(head)):
            continue  # "his" inside "his brother": not the mention the gold one is
        if markables.arrays["source"][k] or head.dep_ in SUBJECT_DEPS:
            chosen.append(k)
    return chosen


def shown_right(alignment: Alignment, gold_entity: str, entity: Entity) -> bool:
    """Whether the entity is shown as the gold entity (see the module docstring)."""
    doc = alignment.markables.doc
    document = alignment.document
    named = [o.mention for o in entity.occurrences if o.mention.form == "name"]
    if named:
        fullest = max(named, key=lambda m: (len(m.name_tokens(doc)), -m.start))  # as describe.sources shows it
        assert fullest.name_start is not None and fullest.name_end is not None
        name = doc[fullest.name_start : fullest.name_end]
        shown = gold_mention(document, name.start_char, name.end_char, doc[fullest.head].idx)
        return shown is not None and shown.entity == gold_entity
    descriptions = [o.mention for o in entity.occurrences if o.mention.form == "description"]
    if not descriptions:
        return False
    if any(m.form == "name" for m in document.entity_mentions().get(gold_entity, [])):
        return False  # the article names who it is, and a description is shown instead
    longest = max(descriptions, key=lambda m: (m.end - m.start, -m.start))
    span = doc[longest.start : longest.end]
    shown = gold_mention(document, span.start_char, span.end_char, doc[longest.head].idx)
    return shown is not None and shown.entity == gold_entity


def observe(alignment: Alignment, ranker: MentionRanker) -> list[Observation]:
    """Resolve each source-like mention of one document as a source (``PROBE``) and record what is known."""
    markables = alignment.markables
    doc = markables.doc
    found = []
    for k in source_like(alignment):
        gold = alignment.gold[k]
        assert gold is not None
        entities = resolve_speakers(doc, ranker=ranker, probe=markables.spans[k])
        occurrence = next((o for e in entities for o in e.occurrences if PROBE in o.attributions), None)
        if occurrence is None or occurrence.entity is None:
            continue  # the rules read no mention in the span: no source, no speaker confidence
        entity = occurrence.entity
        found.append(
            Observation(
                row=features(doc, occurrence, entities),
                klass=source_class(doc, occurrence),
                right=shown_right(alignment, gold.entity, entity),
                identified=identifies(entity),
                speaker=is_speaker(markables, k),
            )
        )
    return found


def held_out_observations(alignments: Sequence[Alignment], folds: int = FOLDS, seed: int = 0) -> list[Observation]:
    """Observations of every train document, each resolved by the resolver trained on the other folds."""
    found = []
    for held_out, model in fold_models(alignments, folds=folds, seed=seed):
        for alignment in held_out:
            found += observe(alignment, model)
    return found


def fit_observations(observations: Sequence[Observation]) -> SpeakerConfidence:
    """The logistic regression on the observations whose entity identifies someone (the others get
    ``NO_IDENTITY``)."""
    fitted = [o for o in observations if o.identified]
    return fit(np.array([o.row for o in fitted]), np.array([float(o.right) for o in fitted]))


@dataclass
class Measured:
    """The probability beside the outcomes, on one set of observations."""

    count: int
    right: float
    reliability: Reliability
    brier: float
    kept_high: float  # share of the observations given >= HIGH
    right_high: float | None  # share right among them
    by_class: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # n, mean p, share right


def measure(model: SpeakerConfidence, observations: Sequence[Observation]) -> Measured:
    """The shipped probabilities of the observations beside their outcomes."""
    probabilities = [float(model.predict(o.row[None, :])[0]) if o.identified else NO_IDENTITY for o in observations]
    return measure_probabilities(probabilities, observations)


def cross_fitted(observations: Sequence[Observation], folds: int) -> list[float]:
    """Each observation's probability from the fit on the others, in ``folds`` consecutive parts (observations
    come document by document, so a document's mentions mostly stay in one part): how calibrated the fit is on
    mentions it did not see, and what its penalty was chosen by."""
    probabilities = [NO_IDENTITY] * len(observations)
    fitted = [n for n, o in enumerate(observations) if o.identified]
    for part in np.array_split(np.array(fitted), folds):
        held = set(part.tolist())
        model = fit_observations([observations[n] for n in fitted if n not in held])
        for n in part.tolist():
            probabilities[n] = float(model.predict(observations[n].row[None, :])[0])
    return probabilities


def measure_probabilities(probabilities: Sequence[float], observations: Sequence[Observation]) -> Measured:
    rights = [o.right for o in observations]
    high = [r for p, r in zip(probabilities, rights, strict=True) if p >= HIGH]
    n = len(observations)
    by_class: dict[str, tuple[int, float, float]] = {}
    for klass in sorted({o.klass for o in observations}):
        pairs = [(p, o.right) for p, o in zip(probabilities, observations, strict=True) if o.klass == klass]
        by_class[klass] = (len(pairs), sum(p for p, _ in pairs) / len(pairs), sum(r for _, r in pairs) / len(pairs))
    return Measured(
        count=n,
        right=sum(rights) / n if n else 0.0,
        reliability=reliability(zip(probabilities, rights, strict=True)),
        brier=sum((p - r) ** 2 for p, r in zip(probabilities, rights, strict=True)) / n if n else 0.0,
        kept_high=len(high) / n if n else 0.0,
        right_high=sum(high) / len(high) if high else None,
        by_class=by_class,
    )


@dataclass
class SpeakerConfidenceTraining:
    out_path: Path
    model: SpeakerConfidence
    train: int  # observations fitted on
    train_held_out: Measured  # the fit cross-validated on the train observations (``cross_fitted``)
    dev: Measured
    dev_speakers: Measured


def train_speaker_confidence(
    nlp: Language,
    data_dir: str | Path,
    out_path: Path,
    *,
    seed: int = 0,
    folds: int = FOLDS,
    cache_dir: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> SpeakerConfidenceTraining:
    """Fit on GUM train's held-out outcomes, save the weights, and measure them on GUM dev with the shipped
    resolver."""
    train = load_split(nlp, data_dir, "train", cache_dir, limit, progress)
    observed = held_out_observations(train, folds=folds, seed=seed)
    model = fit_observations(observed)
    model.save(out_path)
    dev = load_split(nlp, data_dir, "dev", cache_dir, limit, progress)
    ranker = shipped_ranker()
    dev_observed = [o for alignment in dev for o in observe(alignment, ranker)]
    return SpeakerConfidenceTraining(
        out_path=out_path,
        model=model,
        train=sum(o.identified for o in observed),
        train_held_out=measure_probabilities(cross_fitted(observed, folds), observed),
        dev=measure(model, dev_observed),
        dev_speakers=measure(model, [o for o in dev_observed if o.speaker]),
    )
