"""Train the attribution model on a PolNeAR-style corpus: parse, train the role tagger, pick the epoch on dev.

The epoch is chosen by the figure users care about, attribution F1 on dev (tagging + assembly, scored with
``evaluate.metrics``), not by a tagging proxy. Everything is seeded, so the same data gives the same weights.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..annotations import analysis_from_doc
from ..evaluate import AnnotatedArticle, Scores, read_annotated, score
from ..evaluate.polnear import split_folder
from ..find.attributions import assemble, record_attributions, tag_doc
from ..find.perceptron import TaggerModel
from ..find.quotes import annotate_quotes
from ..model import Attribution
from ..parse.pipeline import SPACY_MODEL
from .tagger import Example, make_examples, train_tagger

logger = logging.getLogger(__name__)

DEFAULT_EPOCHS = 12
DEFAULT_BITS = 20


@dataclass
class TrainingResult:
    """Where the weights went, the dev attribution F1 after each epoch, and the full dev scores of the best."""

    out_path: Path
    curve: list[float]
    stacked_curve: list[float]
    dev_scores: Scores


def parse_articles(
    nlp: Language, articles: Sequence[AnnotatedArticle], cache: Path | None, n_process: int = 1
) -> list[Doc]:
    """spaCy parses of the articles, read from / written to a ``DocBin`` cache (parsing is most of the cost),
    with their quotations marked: the tagger's features read the quotes stage's output."""
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [doc.text for doc in docs] == [article.text for article in articles]:
            return [annotate_quotes(doc) for doc in docs]
        logger.info("parse cache %s is stale, parsing again", cache)
    docs = list(nlp.pipe((article.text for article in articles), batch_size=16, n_process=n_process))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return [annotate_quotes(doc) for doc in docs]


def predict_attributions(doc: Doc, model: TaggerModel) -> list[Attribution]:
    """What the component would output for a parsed doc under ``model`` (on a copy: the doc stays clean)."""
    annotated = annotate_quotes(doc.copy())
    record_attributions(annotated, assemble(annotated, tag_doc(annotated, model)))
    return analysis_from_doc(annotated).attributions


def score_model(model: TaggerModel, docs: Sequence[Doc], articles: Sequence[AnnotatedArticle]) -> Scores:
    return score(
        (article.text, article.attributions, predict_attributions(doc, model))
        for doc, article in zip(docs, articles, strict=True)
    )


def train_attribution_model(
    train_dir: str | Path,
    dev_dir: str | Path,
    out_path: str | Path,
    *,
    epochs: int = DEFAULT_EPOCHS,
    bits: int = DEFAULT_BITS,
    seed: int = 0,
    cache_dir: str | Path | None = None,
    n_process: int = 1,
    limit: int | None = None,
    stack: bool = True,
) -> TrainingResult:
    """Train on ``train_dir``, keep the epoch with the best dev attribution F1, save the weights to
    ``out_path``.

    Both folders hold ``text/`` and ``attributions/`` (PolNeAR layout). ``cache_dir`` keeps the spaCy parses
    between runs; ``limit`` trains on the first N articles only (quick checks).
    """
    nlp = spacy.load(SPACY_MODEL)
    cache = Path(cache_dir) if cache_dir is not None else None
    splits: dict[str, tuple[list[AnnotatedArticle], list[Doc]]] = {}
    for name, folder in (("train", train_dir), ("dev", dev_dir)):
        articles = list(read_annotated(folder, limit=limit))
        logger.info("parsing %d %s articles", len(articles), name)
        docs = parse_articles(nlp, articles, cache / f"{name}.spacy" if cache else None, n_process)
        splits[name] = (articles, docs)
    train_articles, train_docs = splits["train"]
    dev_articles, dev_docs = splits["dev"]
    train_examples: list[Example] = make_examples(train_docs, [a.attributions for a in train_articles])
    dev_examples: list[Example] = make_examples(dev_docs, [a.attributions for a in dev_articles])

    def dev_f1(model: TaggerModel) -> float:
        return score_model(model, dev_docs, dev_articles).all.attribution.f1

    training = train_tagger(
        train_examples, dev_examples, epochs=epochs, bits=bits, seed=seed, score=dev_f1, stack=stack
    )
    out = Path(out_path)
    training.model.save(out)
    return TrainingResult(
        out_path=out,
        curve=training.first_curve,
        stacked_curve=training.second_curve,
        dev_scores=score_model(training.model, dev_docs, dev_articles),
    )


def corpus_folders(data_dir: str | Path) -> tuple[Path, Path]:
    """``DATA_DIR/train`` and ``DATA_DIR/dev`` of a PolNeAR-style corpus (checked)."""
    return split_folder(data_dir, "train"), split_folder(data_dir, "dev")


__all__ = ["TrainingResult", "corpus_folders", "predict_attributions", "train_attribution_model"]
