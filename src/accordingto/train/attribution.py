"""Train the attribution model on a PolNeAR-style corpus: parse, train the role tagger, pick the epoch on dev.

The epoch is chosen by the figure users care about, attribution F1 on dev (tagging + assembly, scored with
``evaluate.metrics``), not by a tagging proxy. Everything is seeded, so the same data gives the same weights.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..annotations import analysis_from_doc
from ..evaluate import AnnotatedArticle, Scores, read_annotated, score
from ..evaluate.calibration import matched_predictions
from ..evaluate.polnear import split_folder
from ..find.attributions import find_attributions, reading_position, record_attributions
from ..find.confidence import Calibrator, CueClassifier, best_threshold
from ..find.features import FEATURE_VERSION, CueLexicon, doc_arrays
from ..find.grouping import assemble
from ..find.groups import Group
from ..find.perceptron import TaggerModel, Tagging
from ..find.quotes import annotate_quotes
from ..find.signals import cue_contexts, group_features
from ..find.source_ranker import SourceRanker
from ..model import Attribution
from ..parse.pipeline import SPACY_MODEL
from ..progress import Progress, counted
from .clusters import build_clusters
from .defaults import TAGGER_BITS, TAGGER_EPOCHS
from .sources import fit_source_rankers
from .tagger import RECALL_BIASES, Example, load_training, make_examples, save_training, train_tagger

logger = logging.getLogger(__name__)

# Held-out scoring reads every SCORE_EVERY-th training article.
SCORE_EVERY = 4


@dataclass
class TrainingResult:
    """Where the weights went, the dev attribution F1 after each epoch, and the full dev scores of the best."""

    out_path: Path
    curve: list[float]
    stacked_curve: list[float]
    dev_scores: Scores
    held_out: list[Tagging]
    recall_bias: float  # the share of the last stage's emission scale chosen


def parse_articles(
    nlp: Language,
    articles: Sequence[AnnotatedArticle],
    cache: Path | None,
    n_process: int = 1,
    progress: Progress | None = None,
    step: str = "parsing",
) -> list[Doc]:
    """spaCy parses of the articles, read from / written to a ``DocBin`` cache (parsing is most of the cost),
    with their quotations marked: the tagger's features read the quotes stage's output. ``progress`` hears of
    each article parsed."""
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [doc.text for doc in docs] == [article.text for article in articles]:
            return [annotate_quotes(doc) for doc in docs]
        logger.info("parse cache %s is stale, parsing again", cache)
    parsed = nlp.pipe((article.text for article in articles), batch_size=16, n_process=n_process)
    docs = list(counted(parsed, step, len(articles), progress))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return [annotate_quotes(doc) for doc in docs]


def attributions_from_tags(doc: Doc, tags: np.ndarray) -> list[Attribution]:
    """The attributions grouped from given tags (no confidence: choosing epochs needs none)."""
    annotated = annotate_quotes(doc.copy())
    groups = assemble(annotated, tags)
    record_attributions(annotated, groups, [0.0] * len(groups))
    return analysis_from_doc(annotated).attributions


def predict_attributions(doc: Doc, model: TaggerModel) -> list[Attribution]:
    """What the component would output for a parsed doc under ``model`` (on a copy: the doc stays clean)."""
    annotated = annotate_quotes(doc.copy())
    record_attributions(annotated, *find_attributions(annotated, model))
    return analysis_from_doc(annotated).attributions


def score_model(model: TaggerModel, docs: Sequence[Doc], articles: Sequence[AnnotatedArticle]) -> Scores:
    return score(
        (article.text, article.attributions, predict_attributions(doc, model))
        for doc, article in zip(docs, articles, strict=True)
    )


class HeldOutRows(NamedTuple):
    """What the confidence step learns from one article's held-out tagging, one entry per grouped attribution."""

    features: np.ndarray  # ``group_features``, the cue classifier's signal left at 0
    right: list[bool]  # matched by the scorer to a gold attribution
    cue_contexts: np.ndarray  # the cue classifier's hashed input (``find.signals.cue_contexts``)
    cue_right: list[bool]  # the cue overlaps a gold cue
    # The grouped attributions themselves, for screens of new evidence about them (``benchmarks/tensor_screen.py``
    # reads the cue's and the source's tokens and scores the kept ones).
    groups: list[Group]
    predicted: list[Attribution]


def held_out_outcomes(
    lexicon: CueLexicon, doc: Doc, article: AnnotatedArticle, tagging: Tagging, sources: SourceRanker | None = None
) -> HeldOutRows:
    """What the confidence model learns from one article: the features of each attribution grouped from a
    tagging (``group_features``, one row each; the sources chosen by ``sources``, a ranker that did not see the
    article) and whether the scorer matches it to a gold one; for the cue
    classifier, each cue's context and whether it overlaps a gold cue. The groups are put in reading order
    first, the order the doc records them in and the scorer reads them back: in the order ``assemble`` returns
    them, a row could meet another attribution's outcome."""
    annotated = annotate_quotes(doc.copy())
    groups = sorted(assemble(annotated, tagging.tags, sources), key=reading_position)
    arrays = doc_arrays(annotated, lexicon)
    features = group_features(annotated, groups, tagging, arrays)
    gold_cues = [(start, end) for attribution in article.attributions for start, end in attribution.cue]
    cue_right = []
    for group in groups:
        start, last = annotated[group.cue.start], annotated[group.cue.end - 1]
        end = last.idx + len(last.text)
        cue_right.append(any(begin < end and start.idx < stop for begin, stop in gold_cues))
    record_attributions(annotated, groups, [0.0] * len(groups))
    predicted = analysis_from_doc(annotated).attributions
    right = matched_predictions(article.text, article.attributions, predicted)
    return HeldOutRows(features, right, cue_contexts(annotated, groups, arrays), cue_right, groups, predicted)


# The cue classifier's signal for the rows the confidence model is fitted on comes from classifiers fitted on the
# other folds' articles (stacking): a classifier's logits on the cues it was fitted on would be overconfident, and
# the confidence model would learn to trust it more than it deserves on new text.
CUE_FOLDS = 5


def stacked_cue_logits(contexts: np.ndarray, cue_right: np.ndarray, article: np.ndarray) -> np.ndarray:
    """Each row's cue classifier logit from a classifier that did not see the row's article (``CUE_FOLDS`` folds
    of articles by their index)."""
    logits = np.zeros(len(contexts))
    for fold in range(CUE_FOLDS):
        held = article % CUE_FOLDS == fold
        if held.any():
            logits[held] = CueClassifier.fit(contexts[~held], cue_right[~held]).logits(contexts[held])
    return logits


def fit_calibrator(
    lexicon: CueLexicon,
    docs: Sequence[Doc],
    articles: Sequence[AnnotatedArticle],
    held_out: Sequence[Tagging],
    sources: Sequence[SourceRanker] | None = None,
) -> tuple[Calibrator, CueClassifier, float]:
    """The confidence model and its cue classifier, fitted on the attributions found in training articles by
    taggers that did not see them (their sources chosen by ``sources``, one ranker per article; by the rules
    without; features of each against whether the scorer matches it to a gold one; the
    cue classifier's signal stacked, ``stacked_cue_logits``), with the threshold that maximizes attribution F1
    on them; and that F1 (attributions kept and matched against all gold ones)."""
    rows: list[HeldOutRows] = []
    article: list[int] = []
    gold = 0
    rankers = sources if sources is not None else [None] * len(docs)
    for n, (doc, annotated, tagging, ranker) in enumerate(zip(docs, articles, held_out, rankers, strict=True)):
        rows.append(held_out_outcomes(lexicon, doc, annotated, tagging, ranker))
        article.extend([n] * len(rows[-1].right))
        gold += len(annotated.attributions)
    features = np.vstack([row.features for row in rows])
    outcomes = np.array([right for row in rows for right in row.right], dtype=bool)
    contexts = np.vstack([row.cue_contexts for row in rows])
    cue_right = np.array([right for row in rows for right in row.cue_right], dtype=bool)
    features[:, -1] = stacked_cue_logits(contexts, cue_right, np.array(article, dtype=np.int64))
    calibrator = Calibrator.fit(features, outcomes)
    confidence = calibrator.predict(features)
    calibrator.threshold = best_threshold(confidence, outcomes, gold)
    kept = confidence >= calibrator.threshold
    f1 = 2 * float(outcomes[kept].sum()) / (int(kept.sum()) + gold) if gold else 0.0
    logger.info(
        "confidence model fitted on %d held-out attributions (%.1f%% right, %.1f%% with a gold cue); threshold "
        "%.3f, held-out F1 %.1f",
        len(outcomes),
        100 * outcomes.mean() if len(outcomes) else 0.0,
        100 * cue_right.mean() if len(cue_right) else 0.0,
        calibrator.threshold,
        100 * f1,
    )
    return calibrator, CueClassifier.fit(contexts, cue_right), f1


def train_attribution_model(
    train_dir: str | Path,
    dev_dir: str | Path,
    out_path: str | Path,
    *,
    epochs: int = TAGGER_EPOCHS,
    bits: int = TAGGER_BITS,
    seed: int = 0,
    role_cost: float = 0.0,
    cache_dir: str | Path | None = None,
    n_process: int = 1,
    limit: int | None = None,
    stack: bool = True,
    clusters: bool = True,
    recall_bias: bool = False,
    progress: Progress | None = None,
) -> TrainingResult:
    """Train on ``train_dir`` (epochs chosen by cross-validation on it), fit the confidence model on its
    held-out folds, save the weights to ``out_path``, and score them on ``dev_dir``.

    Both folders hold ``text/`` and ``attributions/`` (PolNeAR layout). ``cache_dir`` keeps the spaCy parses and
    the tagger's training (the slow parts) between runs, each reused only for the same inputs; ``limit`` trains on
    the first N articles only (quick checks); ``role_cost`` is the margin a gold role must win by in training
    (``find.perceptron.AveragedPerceptron``); ``clusters`` adds GloVe word clusters (``train.clusters``). The
    same data and seed give the same file, with or without the cache. ``progress`` hears of each article
    parsed and each epoch trained (``progress.Progress``).
    """
    nlp = spacy.load(SPACY_MODEL)
    cache = Path(cache_dir) if cache_dir is not None else None
    splits: dict[str, tuple[list[AnnotatedArticle], list[Doc]]] = {}
    for name, folder in (("train", train_dir), ("dev", dev_dir)):
        articles = list(read_annotated(folder, limit=limit))
        logger.info("parsing %d %s articles", len(articles), name)
        docs = parse_articles(
            nlp, articles, cache / f"{name}.spacy" if cache else None, n_process, progress, f"parsing {name}"
        )
        splits[name] = (articles, docs)
    train_articles, train_docs = splits["train"]
    dev_articles, dev_docs = splits["dev"]
    examples: list[Example] = make_examples(train_docs, [a.attributions for a in train_articles])
    # Epochs are chosen on a fixed share of the training articles (all of them would double the training time).
    scored = list(range(0, len(examples), SCORE_EVERY))

    def held_out_f1(taggings: dict[int, Tagging]) -> float:
        return score(
            (
                train_articles[i].text,
                train_articles[i].attributions,
                attributions_from_tags(train_docs[i], taggings[i].tags),
            )
            for i in scored
        ).all.attribution.f1

    options: dict[str, object] = {"epochs": epochs, "bits": bits, "seed": seed, "stack": stack}
    options.update(clusters=clusters, recall_bias=recall_bias)
    if role_cost:  # without one, the key of trainings kept before the option existed stays
        options["role_cost"] = role_cost
    key = training_key(train_articles, **options)
    kept = cache / f"tagger-{key}.npz" if cache else None
    training = load_training(kept) if kept is not None else None
    if training is None:
        clustering = build_clusters(seed=seed) if clusters else None
        training = train_tagger(
            examples,
            score=held_out_f1,
            clusters=clustering,
            epochs=epochs,
            bits=bits,
            seed=seed,
            role_cost=role_cost,
            stack=stack,
            biases=RECALL_BIASES if recall_bias else (0.0,),
            progress=progress,
        )
        if kept is not None:
            save_training(kept, training)
    else:
        logger.info("tagger training read from %s (same data, code and options)", kept)
    model = training.model
    # Each recall bias's taggings give their own source rankers (one trained on every article, and per article
    # one that did not see it, whose choices the confidence model is fitted on).
    rankers = {
        bias: fit_source_rankers(train_docs, train_articles, taggings, seed=seed)
        for bias, taggings in sorted(training.held_out.items())
    }
    fitted = {
        bias: fit_calibrator(model.lexicon, train_docs, train_articles, taggings, rankers[bias][1])
        for bias, taggings in sorted(training.held_out.items())
    }
    # The recall bias whose held-out taggings, filtered by their own confidence model, score best (the smaller
    # bias on a tie).
    bias = max(fitted, key=lambda b: (fitted[b][2], -b))
    logger.info("recall bias %.2f of the emission scale (held-out F1 %.1f)", bias, 100 * fitted[bias][2])
    training.last_stage().recall_bias = bias * training.scale
    model.calibrator, model.cue_classifier = fitted[bias][0], fitted[bias][1]
    model.source_ranker = rankers[bias][0]
    out = Path(out_path)
    model.save(out)
    return TrainingResult(
        out_path=out,
        curve=training.first_curve,
        stacked_curve=training.second_curve,
        dev_scores=score_model(model, dev_docs, dev_articles),
        held_out=training.held_out[bias],
        recall_bias=bias,
    )


# Bump when the tagger's training (features, folds, epoch choice) changes: kept trainings then no longer match.
TRAINING_VERSION = 2


def training_key(articles: Sequence[AnnotatedArticle], **options: object) -> str:
    """A digest of everything the tagger's training depends on: the articles and their gold, the options, and
    the feature and training versions. A kept training is reused only under the same key."""
    digest = hashlib.sha256()
    digest.update(json.dumps([TRAINING_VERSION, FEATURE_VERSION, SCORE_EVERY, sorted(options.items())]).encode())
    for article in articles:
        gold = [(a.source, a.cue, a.content) for a in article.attributions]
        digest.update(json.dumps([article.name, article.text, gold]).encode())
    return digest.hexdigest()[:16]


def corpus_folders(data_dir: str | Path) -> tuple[Path, Path]:
    """``DATA_DIR/train`` and ``DATA_DIR/dev`` of a PolNeAR-style corpus (checked)."""
    return split_folder(data_dir, "train"), split_folder(data_dir, "dev")


__all__ = ["TrainingResult", "corpus_folders", "predict_attributions", "train_attribution_model"]
