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

**Judged news.** GUM's mentions are not news: splits, cut names and anonymous speakers' pronouns are rare in
it, and on the judged news rounds the GUM fit was over-confident (news26: 14% wrong at >= 0.8). The judged
articles (``tests/fixtures/news/judgments/``, read and matched by ``evaluate.judgments``) are outcomes in the
domain: every attribution of a judged statement that has a source is **right** iff its display name is one of
the line's right names (the rule of ``benchmarks/news_judgments.py``), its feature row recorded as the pipeline
computes it. The fit takes both, the news rows weighted; the weight and the L2 penalty are chosen by
cross-validation in which each fold holds out whole news articles and whole GUM documents (``cross_validate``):
the lowest held-out news loss among the settings whose GUM loss is within one standard error of the best GUM
setting. The analysis runs on news, and GUM keeps the kinds of text and classes of mention (interviews, first
persons, "it") the thirty articles barely have.

**Held out.** On train, each document is resolved with the resolver trained on the other folds
(``train.resolver.fold_models``): the shipped resolver was trained on those documents, and its outcomes there
are better than anywhere else. The logistic regression is fitted on those outcomes. On dev, with the shipped
resolver, the probability is only measured: reliability bins, expected calibration error, Brier score, and the
share kept and right at p >= 0.8, for all observed mentions and the speaker subset (attribution sources and
subjects of reporting verbs, ``evaluate.resolution.is_speaker``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from ..clauses import SUBJECT_DEPS
from ..evaluate.calibration import Reliability, reliability
from ..evaluate.judgments import judged_attributions, judgment_lines, match, normal_name, right_names
from ..evaluate.resolution import Alignment, gold_mention, is_speaker
from ..progress import Progress
from ..resolve.confidence import (
    NO_IDENTITY,
    SpeakerConfidence,
    features,
    fit,
    identifies,
    shipped_confidence,
    shown_name,
    source_class,
)
from ..resolve.entities import Entity, Occurrence
from ..resolve.ranker import MentionRanker, shipped_ranker
from ..resolve.speakers import PROBE, SpeakersPipe, resolve_speakers
from .resolver import FOLDS, fold_models, load_split

# GUM's entity types a source is: people and bodies (a "they" of things is no speaker).
SOURCE_TYPES = {"person", "organization"}
HIGH = 0.8
# The bands a user filters by, which the news benchmarks count by too (``benchmarks/news_judgments.py --bands``,
# ``benchmarks/speaker_confidence_news.py``).
BANDS = ((0.0, 0.5), (0.5, HIGH), (HIGH, 1.01))
# What cross-validation chooses from: the weight of a judged news attribution against a GUM mention's 1, and the
# L2 penalty. Weight 0 is GUM alone (news only measured).
NEWS_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)
L2S = (0.3, 1.0, 3.0, 10.0, 30.0)
SPEAKERS_PIPE = "accordingto_speakers"


@dataclass
class Observation:
    """One source-like mention resolved: its features, the class, whether it is right, whether its entity
    identifies anyone, and whether it is in the speaker subset."""

    row: np.ndarray
    klass: str
    right: bool
    identified: bool
    speaker: bool
    group: str  # the GUM document or news article: what cross-validation holds out together
    news: bool = False
    shipped: float | None = None  # on news, the probability the pipeline gave with the weights it loaded


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
    fullest = shown_name(doc, entity)
    if fullest is not None:
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
                group=alignment.document.name,
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


class _Recording(SpeakerConfidence):
    """The pipeline's own speaker confidence, also keeping each source attribution's feature row and class (by
    attribution id) as the speakers stage computes them: the rows the news outcomes are fitted on are the ones
    the shipped analysis reads."""

    def __init__(self, model: SpeakerConfidence) -> None:
        super().__init__(weights=model.weights, bias=model.bias)
        self.rows: dict[str, tuple[np.ndarray, str, bool]] = {}

    def probability(self, doc: Doc, occurrence: Occurrence, entities: Sequence[Entity]) -> float:
        entity = occurrence.entity
        if entity is not None:
            found = (features(doc, occurrence, entities), source_class(doc, occurrence), identifies(entity))
            self.rows.update(dict.fromkeys(occurrence.attributions, found))
        return super().probability(doc, occurrence, entities)


def news_observations(nlp: Language, news_dir: Path, progress: Progress | None = None) -> list[Observation]:
    """One observation per attribution with a source whose content matches a judged statement line, in every
    judged article of ``news_dir`` (``judgments/<article>.jsonl`` beside ``<article>``), analysed by ``nlp``
    (the whole pipeline)."""
    pipe = nlp.get_pipe(SPEAKERS_PIPE)
    assert isinstance(pipe, SpeakersPipe)
    loaded = pipe.confidence or shipped_confidence()
    recording = _Recording(loaded)
    pipe.confidence = recording
    paths = sorted((news_dir / "judgments").glob("*.jsonl"))
    found = []
    try:
        for n, path in enumerate(paths):
            if progress is not None:
                progress("news articles", n, len(paths))
            recording.rows.clear()
            lines = judgment_lines(path)
            for attribution in judged_attributions(news_dir / path.stem, nlp):
                line = match(attribution, lines)
                if attribution["source_id"] is None or line is None or not line["statement"] or "speaker" not in line:
                    continue  # no source, no judged statement, or a statement whose speaker is not judged
                row, klass, identified = recording.rows[attribution["id"]]
                found.append(
                    Observation(
                        row=row,
                        klass=klass,
                        right=normal_name(attribution["speaker"]) in right_names(line),
                        identified=identified,
                        speaker=True,
                        group=path.stem,
                        news=True,
                        shipped=attribution["speaker_confidence"],
                    )
                )
        if progress is not None:
            progress("news articles", len(paths), len(paths))
    finally:
        pipe.confidence = loaded
    return found


def fit_observations(observations: Sequence[Observation], l2: float, news_weight: float) -> SpeakerConfidence:
    """The logistic regression on the observations whose entity identifies someone (the others get
    ``NO_IDENTITY``), a news observation counting ``news_weight`` times a GUM one."""
    fitted = [o for o in observations if o.identified]
    return fit(
        np.array([o.row for o in fitted]),
        np.array([float(o.right) for o in fitted]),
        l2,
        np.array([news_weight if o.news else 1.0 for o in fitted]),
    )


def fold_of(observations: Sequence[Observation], folds: int, seed: int = 0) -> list[int]:
    """Each observation's fold: the GUM documents and the news articles each dealt out over ``folds`` (shuffled
    with ``seed``), so that every fold holds out whole documents and whole articles of both."""
    dealt: dict[str, int] = {}
    for news in (False, True):
        groups = sorted({o.group for o in observations if o.news == news})
        order = np.random.default_rng(seed).permutation(len(groups))
        dealt.update({groups[int(index)]: n % folds for n, index in enumerate(order)})
    return [dealt[o.group] for o in observations]


def cross_fitted(
    observations: Sequence[Observation], folds: int, l2: float, news_weight: float, seed: int = 0
) -> list[float]:
    """Each observation's probability from the fit without its fold (``fold_of``): how calibrated the fit is on
    documents and articles it did not see, and what its weight and penalty are chosen by."""
    probabilities = [NO_IDENTITY] * len(observations)
    assigned = fold_of(observations, folds, seed)
    for fold in range(folds):
        rest = [o for o, f in zip(observations, assigned, strict=True) if f != fold]
        if not any(o.identified for o in rest):
            continue
        model = fit_observations(rest, l2, news_weight)
        for n, (o, f) in enumerate(zip(observations, assigned, strict=True)):
            if f == fold and o.identified:
                probabilities[n] = float(model.predict(o.row[None, :])[0])
    return probabilities


def losses(probabilities: Sequence[float], observations: Sequence[Observation]) -> np.ndarray:
    """Each observation's log loss; 0 for those whose entity identifies no one (0 by definition, not fitted)."""
    p = np.clip(np.array(probabilities), 1e-6, 1 - 1e-6)
    right = np.array([o.right for o in observations])
    identified = np.array([o.identified for o in observations])
    return np.where(identified, -np.where(right, np.log(p), np.log(1 - p)), 0.0)


def mean_loss(values: np.ndarray, observations: Sequence[Observation]) -> float:
    """The mean over the observations that are fitted (whose entity identifies someone)."""
    fitted = np.array([o.identified for o in observations])
    return float(values[fitted].mean()) if fitted.any() else 0.0


def standard_error(differences: np.ndarray, observations: Sequence[Observation]) -> float:
    """The standard error of a mean of per-observation differences, with the observations of one document
    dependent (summed by document first): how far apart two settings' GUM losses may be by chance."""
    fitted = [n for n, o in enumerate(observations) if o.identified]
    by_group: dict[str, list[float]] = {}
    for n in fitted:
        by_group.setdefault(observations[n].group, []).append(float(differences[n]))
    groups = len(by_group)
    if groups < 2:
        return 0.0
    mean = sum(sum(v) for v in by_group.values()) / len(fitted)
    spread = sum((sum(v) - len(v) * mean) ** 2 for v in by_group.values())
    return float(np.sqrt(groups / (groups - 1) * spread) / len(fitted))


@dataclass
class Choice:
    """One setting tried by cross-validation: its held-out mean log losses, and how far GUM's is from the best
    setting's on GUM in standard errors (``gum_noise``: at most 1 is within noise)."""

    news_weight: float
    l2: float
    gum: float
    news: float
    gum_noise: float = 0.0


def cross_validate(observations: Sequence[Observation], folds: int, seed: int = 0) -> tuple[list[Choice], Choice]:
    """Every (news weight, L2) of ``NEWS_WEIGHTS`` x ``L2S`` cross-validated (``cross_fitted``), and the one
    chosen: the lowest held-out news loss among the settings whose GUM loss is within one standard error of the
    best GUM loss. The analysis runs on news, so news decides; GUM holds kinds of text and mention (interviews,
    first persons, "it") the judged articles barely have, and a setting that made it worse than noise would
    trade them for the thirty articles."""
    gum = [o for o in observations if not o.news]
    news = [o for o in observations if o.news]
    settings = list(itertools.product(NEWS_WEIGHTS, L2S))
    found = []
    for news_weight, l2 in settings:
        probabilities = cross_fitted(observations, folds, l2, news_weight, seed)
        found.append(
            (
                losses([p for p, o in zip(probabilities, observations, strict=True) if not o.news], gum),
                losses([p for p, o in zip(probabilities, observations, strict=True) if o.news], news),
            )
        )
    best_gum = min(range(len(settings)), key=lambda n: (mean_loss(found[n][0], gum), settings[n]))
    choices = []
    for (news_weight, l2), (by_gum, by_news) in zip(settings, found, strict=True):
        difference = by_gum - found[best_gum][0]
        error = standard_error(difference, gum)
        excess = mean_loss(difference, gum)
        noise = excess / error if error > 0 else 0.0
        choices.append(Choice(news_weight, l2, mean_loss(by_gum, gum), mean_loss(by_news, news), noise))
    within = [c for c in choices if c.gum_noise <= 1.0]
    return choices, min(within, key=lambda c: (c.news, c.news_weight, c.l2))


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
    bands: list[tuple[float, float, int, float | None]] = field(default_factory=list)  # low, high, n, share right


def measure(model: SpeakerConfidence, observations: Sequence[Observation]) -> Measured:
    """A model's probabilities of the observations beside their outcomes."""
    probabilities = [float(model.predict(o.row[None, :])[0]) if o.identified else NO_IDENTITY for o in observations]
    return measure_probabilities(probabilities, observations)


def measure_probabilities(probabilities: Sequence[float], observations: Sequence[Observation]) -> Measured:
    rights = [o.right for o in observations]
    high = [r for p, r in zip(probabilities, rights, strict=True) if p >= HIGH]
    n = len(observations)
    by_class: dict[str, tuple[int, float, float]] = {}
    for klass in sorted({o.klass for o in observations}):
        pairs = [(p, o.right) for p, o in zip(probabilities, observations, strict=True) if o.klass == klass]
        by_class[klass] = (len(pairs), sum(p for p, _ in pairs) / len(pairs), sum(r for _, r in pairs) / len(pairs))
    bands = []
    for low, top in BANDS:
        inside = [r for p, r in zip(probabilities, rights, strict=True) if low <= p < top]
        bands.append((low, min(top, 1.0), len(inside), sum(inside) / len(inside) if inside else None))
    return Measured(
        count=n,
        right=sum(rights) / n if n else 0.0,
        reliability=reliability(zip(probabilities, rights, strict=True)),
        brier=sum((p - r) ** 2 for p, r in zip(probabilities, rights, strict=True)) / n if n else 0.0,
        kept_high=len(high) / n if n else 0.0,
        right_high=sum(high) / len(high) if high else None,
        by_class=by_class,
        bands=bands,
    )


@dataclass
class SpeakerConfidenceTraining:
    out_path: Path
    model: SpeakerConfidence
    train: int  # GUM observations fitted on
    news: int  # judged news observations fitted on
    choices: list[Choice]  # every setting cross-validated
    chosen: Choice
    train_held_out: Measured  # GUM train, the chosen fit cross-validated (``cross_fitted``)
    news_shipped: Measured  # judged news, the probabilities the pipeline gave before the refit
    news_held_out: Measured  # judged news, the chosen fit cross-validated
    dev_shipped: Measured  # GUM dev, the weights before the refit
    dev: Measured
    dev_speakers: Measured


def train_speaker_confidence(
    nlp: Language,
    data_dir: str | Path,
    out_path: Path,
    *,
    news_dir: Path,
    seed: int = 0,
    folds: int = FOLDS,
    cache_dir: Path | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
) -> SpeakerConfidenceTraining:
    """Fit on GUM train's held-out outcomes and the judged news of ``news_dir``, with the news weight and L2
    penalty cross-validation chooses; save the weights; measure them held out, and on GUM dev with the shipped
    resolver beside the weights they replace."""
    from ..parse import load_pipeline  # the whole analysis, for the news (``nlp`` stops at the extractor)

    train = load_split(nlp, data_dir, "train", cache_dir, limit, progress)
    observed = held_out_observations(train, folds=folds, seed=seed)
    news = news_observations(load_pipeline(), news_dir, progress)
    both = observed + news
    choices, chosen = cross_validate(both, folds, seed)
    held = cross_fitted(both, folds, chosen.l2, chosen.news_weight, seed)
    before = shipped_confidence()
    model = fit_observations(both, chosen.l2, chosen.news_weight)
    model.save(out_path)
    dev = load_split(nlp, data_dir, "dev", cache_dir, limit, progress)
    ranker = shipped_ranker()
    dev_observed = [o for alignment in dev for o in observe(alignment, ranker)]
    return SpeakerConfidenceTraining(
        out_path=out_path,
        model=model,
        train=sum(o.identified for o in observed),
        news=sum(o.identified for o in news),
        choices=choices,
        chosen=chosen,
        train_held_out=measure_probabilities(held[: len(observed)], observed),
        news_shipped=measure_probabilities([o.shipped or NO_IDENTITY for o in news], news),
        news_held_out=measure_probabilities(held[len(observed) :], news),
        dev_shipped=measure(before, dev_observed),
        dev=measure(model, dev_observed),
        dev_speakers=measure(model, [o for o in dev_observed if o.speaker]),
    )
