"""The main job, as library functions: text in, ``Analysis`` out. The CLI, the web service, the batch runner and
the cluster workers all call these."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .annotations import analysis_from_doc, article_info
from .errors import AccordingtoError, InputError
from .model import Analysis, Article
from .parse import load_pipeline
from .pipes import doc_error
from .read import check_text, parse_published

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 16


class AnalysisFailedError(InputError):
    """A pipeline component failed on one article (reported with the article's id; the batch goes on)."""


@dataclass
class Outcome:
    """One article of a batch: its analysis, or the error that stopped it (never both)."""

    article: Article
    analysis: Analysis | None = None
    error: AccordingtoError | None = None


def analyze(
    text: str,
    *,
    published: str | None = None,
    article: Article | None = None,
    nlp: Language | None = None,
) -> Analysis:
    """Analyse one article. ``published`` (YYYY-MM-DD) anchors relative dates such as "on Tuesday"."""
    article = article or Article(text=text)
    if published is not None:
        article.published = published
    outcome = next(analyze_many([article], nlp=nlp))
    if outcome.error is not None:
        raise outcome.error
    assert outcome.analysis is not None
    return outcome.analysis


def analyze_many(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Outcome]:
    """Analyse a stream of articles in batches, yielding one ``Outcome`` per article in input order.

    A bad article (empty, too large, a component failure) becomes an ``Outcome`` with an error; the stream goes on.
    """
    nlp = nlp or load_pipeline()
    failures: dict[int, AccordingtoError] = {}
    pending: dict[int, Article] = {}

    def docs() -> Iterator[Doc]:
        for key, article in enumerate(articles):
            pending[key] = article
            try:
                check_text(article.text, article.id)
                article.published = parse_published(article.published, article.id)
            except AccordingtoError as error:
                failures[key] = error
                continue
            doc = nlp.make_doc(article.text)
            info = article_info(doc)
            info["key"] = key
            info["article"] = _meta_dict(article)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        key = article_info(doc).pop("key")
        yield from _flush_failures(pending, failures, before=key)
        article = pending.pop(key)
        error = doc_error(doc)
        if error is not None:
            yield Outcome(article=article, error=AnalysisFailedError(error, article.id))
        else:
            yield Outcome(article=article, analysis=analysis_from_doc(doc))
    yield from _flush_failures(pending, failures, before=None)


def _flush_failures(
    pending: dict[int, Article], failures: dict[int, AccordingtoError], before: int | None
) -> Iterator[Outcome]:
    """Yield the failed articles that came before ``before`` (all of them when None), keeping input order."""
    for key in sorted(k for k in failures if before is None or k < before):
        yield Outcome(article=pending.pop(key), error=failures.pop(key))


def _meta_dict(article: Article) -> dict[str, str | None]:
    meta = article.meta()
    return {
        "id": meta.id,
        "title": meta.title,
        "url": meta.url,
        "outlet": meta.outlet,
        "published": meta.published,
    }
