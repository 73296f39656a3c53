"""The main job, as library functions: text in, ``Analysis`` out. Both run the one batch runner
(``batch/runner.py``) that the CLI, the corpus runs and the cluster workers run too."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from spacy.language import Language

from .batch.runner import DEFAULT_BATCH_SIZE, DEFAULT_BUDGET, analyze_stream, check_article
from .budget import Budget
from .errors import AnalysisCancelledError, AnalysisFailedError, BudgetExceededError, PlacedError
from .model import Analysis, Article
from .outcome import Outcome

__all__ = ["DEFAULT_BATCH_SIZE", "AnalysisFailedError", "Budget", "Outcome", "analyze", "analyze_many"]

# Failures that ``analyze`` raises as their own error (the others are a component's fault: AnalysisFailedError).
_STOPPED: dict[str | None, type[PlacedError]] = {
    error.__name__: error for error in (BudgetExceededError, AnalysisCancelledError)
}


def analyze(
    text: str,
    *,
    published: str | None = None,
    article: Article | None = None,
    nlp: Language | None = None,
    budget: Budget | None = DEFAULT_BUDGET,
    cancelled: threading.Event | None = None,
) -> Analysis:
    """Analyse one article. ``published`` (YYYY-MM-DD) anchors relative dates such as "on Tuesday".

    ``budget`` bounds the article's CPU time and memory (``None``: no limit); ``cancelled``, once set (from
    another thread), stops the analysis at its next checkpoint.

    Raises an ``InputError`` for a text or date that cannot be analysed (``BudgetExceededError`` for one over
    its budget), ``AnalysisCancelledError`` when ``cancelled`` was set, ``AnalysisFailedError`` when a pipeline
    component fails on it.
    """
    article = article or Article(text=text)
    if published is not None:
        article.published = published
    check_article(article)  # raises the input's own error, which an Outcome would only describe
    [outcome] = analyze_many([article], nlp=nlp, budget=budget, cancelled=cancelled)
    if outcome.error is not None:
        error = _STOPPED.get(outcome.error.error, AnalysisFailedError)
        raise error(outcome.error.reason, outcome.error.where)
    assert outcome.analysis is not None
    return outcome.analysis


def analyze_many(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    budget: Budget | None = DEFAULT_BUDGET,
    cancelled: threading.Event | None = None,
) -> Iterator[Outcome]:
    """Analyse a stream of articles in batches, yielding one ``Outcome`` per article in input order.

    A bad article (empty, too large, over its ``budget``, a component failure) becomes an ``Outcome`` whose
    ``error`` is a ``Failure`` (where, stage, reason); the stream goes on.
    """
    for result in analyze_stream(articles, nlp=nlp, batch_size=batch_size, budget=budget, cancelled=cancelled):
        assert isinstance(result, Outcome)  # only read failures come back bare, and none went in
        yield result
