"""The main job, as library functions: text in, ``Analysis`` out. Both run the one batch runner
(``batch/runner.py``) that the CLI, the corpus runs and the cluster workers run too."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .batch.runner import DEFAULT_BATCH_SIZE, analyze_stream, check_article
from .errors import AnalysisFailedError
from .model import Analysis, Article
from .outcome import Outcome

__all__ = ["DEFAULT_BATCH_SIZE", "AnalysisFailedError", "Outcome", "analyze", "analyze_many"]


def analyze(
    text: str,
    *,
    published: str | None = None,
    article: Article | None = None,
    nlp: Language | None = None,
) -> Analysis:
    """Analyse one article. ``published`` (YYYY-MM-DD) anchors relative dates such as "on Tuesday".

    Raises an ``InputError`` for a text or date that cannot be analysed, ``AnalysisFailedError`` when a pipeline
    component fails on it.
    """
    article = article or Article(text=text)
    if published is not None:
        article.published = published
    check_article(article)  # raises the input's own error, which an Outcome would only describe
    [outcome] = analyze_many([article], nlp=nlp)
    if outcome.error is not None:
        raise AnalysisFailedError(outcome.error.reason, outcome.error.where)
    assert outcome.analysis is not None
    return outcome.analysis


def analyze_many(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Outcome]:
    """Analyse a stream of articles in batches, yielding one ``Outcome`` per article in input order.

    A bad article (empty, too large, a component failure) becomes an ``Outcome`` whose ``error`` is a ``Failure``
    (where, stage, reason); the stream goes on.
    """
    for result in analyze_stream(articles, nlp=nlp, batch_size=batch_size):
        assert isinstance(result, Outcome)  # only read failures come back bare, and none went in
        yield result
