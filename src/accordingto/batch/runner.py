"""One way through a batch: articles (and read failures) in, outcomes out, in input order.

``analyze_stream`` is what every front end runs: the library's ``analyze_many``, ``accordingto analyze``,
``accordingto run`` (in this process, or in ``jobs`` worker processes) and each Dask worker of a cluster run. An
article that cannot be analysed (no text, too large, a bad date, a component that fails on it) becomes an
``Outcome`` with a ``Failure``; a read failure passes through as it is; neither stops the stream.

Worker processes (``jobs`` > 1) are spawned, not forked (a forked child would inherit the parent's database
connections and threads), load the pipeline once each (``load_pipeline``'s per-process cache) and send back
outcomes: plain dataclasses, never a spaCy ``Doc`` (a pickled Doc drags its whole vocabulary along).
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult, Pool

from spacy.language import Language
from spacy.tokens import Doc

from ..annotations import analysis_from_doc, article_info
from ..errors import AccordingtoError, AnalysisFailedError
from ..model import Article
from ..outcome import Failure, Outcome
from ..parse import load_pipeline
from ..pipes import doc_error
from ..read import check_text, parse_published

DEFAULT_BATCH_SIZE = 16
# Batches handed to the worker processes ahead of the one being consumed: enough to keep every worker busy while
# the parent writes, few enough that memory stays flat whatever the corpus size.
BATCHES_AHEAD_PER_JOB = 2

Item = Article | Failure
Result = Outcome | Failure


@dataclass
class BatchProgress:
    """Counts so far of a stream of results, for progress bars and summaries."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    unreadable: int = 0
    total: int | None = None
    started: float = field(default_factory=time.monotonic)

    def count(self, result: Result) -> None:
        """Count one result: analysed, failed (in the pipeline) or unreadable (not a text it could analyse)."""
        failure = failure_of(result)
        if failure is None:
            self.analysed += 1
        elif failure.stage == "read":
            self.unreadable += 1
        else:
            self.failed += 1

    @property
    def done(self) -> int:
        """Inputs dealt with (analysed, failed, skipped or unreadable): what a progress bar counts."""
        return self.analysed + self.failed + self.skipped + self.unreadable

    @property
    def problems(self) -> int:
        return self.failed + self.unreadable

    @property
    def rate(self) -> float:
        """Inputs per second so far."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0


def analyze_stream(
    items: Iterable[Item],
    *,
    nlp: Language | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
) -> Iterator[Result]:
    """One result per item, in input order: an ``Outcome`` per article, each read failure as it came.

    ``jobs`` > 1 analyses in that many worker processes. ``nlp`` replaces the pipeline in this process (it cannot
    be sent to workers); without it the pipeline is loaded when the first article needs it.
    """
    if jobs < 1 or batch_size < 1:
        raise ValueError("jobs and batch_size must be at least 1")
    if jobs == 1:
        return _analyze_here(items, nlp, batch_size)
    if nlp is not None:
        raise ValueError("a pipeline object cannot be sent to worker processes: give nlp only with jobs=1")
    return _analyze_in_pool(items, jobs, batch_size)


def check_article(article: Article) -> None:
    """Raise the ``InputError`` that stops this article before the pipeline (text, date); normalizes the date."""
    where = where_of(article)
    check_text(article.text, where)
    article.published = parse_published(article.published, where)


def failure_of(result: Result) -> Failure | None:
    """The failure a result reports, if any: a read failure itself, or an article's failed analysis."""
    return result if isinstance(result, Failure) else result.error


def where_of(article: Article) -> str | None:
    """How failures name an article: the place it was read from, else its id."""
    return getattr(article, "where", None) or article.id


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """The items in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _analyze_here(items: Iterable[Item], nlp: Language | None, batch_size: int) -> Iterator[Result]:
    """The stream analysed in this process, with ``nlp.pipe`` in batches."""
    # Results waiting for their turn, by input position: failures are known at once, analyses come later.
    pending: dict[int, Result | None] = {}
    checked = _checked(items, pending)
    first = next(checked, None)
    if first is None:  # nothing to analyse: the model is not loaded for nothing
        yield from _ready(pending)
        return
    nlp = nlp or load_pipeline()
    articles: dict[int, Article] = {}

    def docs() -> Iterator[Doc]:
        for key, article in itertools.chain([first], checked):
            articles[key] = article
            doc = nlp.make_doc(article.text)
            info = article_info(doc)
            info["key"] = key
            info["article"] = dataclasses.asdict(article.meta())
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        key = article_info(doc).pop("key")
        article = articles.pop(key)
        error = doc_error(doc)
        if error is not None:
            pending[key] = Outcome(
                article, error=Failure.from_error(AnalysisFailedError(error, where_of(article)), "analyze")
            )
        else:
            pending[key] = Outcome(article, analysis=analysis_from_doc(doc))
        yield from _ready(pending)
    yield from _ready(pending)


def _ready(pending: dict[int, Result | None]) -> Iterator[Result]:
    """Take the results at the head of ``pending`` that are done, in order, up to the first still waiting."""
    for key, result in list(pending.items()):
        if result is None:
            return
        del pending[key]
        yield result


def _checked(items: Iterable[Item], pending: dict[int, Result | None]) -> Iterator[tuple[int, Article]]:
    """The articles that pass ``check_article``, numbered; every item gets its place in ``pending`` (None until
    its analysis is done)."""
    for key, item in enumerate(items):
        if isinstance(item, Failure):
            pending[key] = item
            continue
        try:
            check_article(item)
        except AccordingtoError as error:
            pending[key] = Outcome(item, error=Failure.from_error(error, "read", where_of(item)))
            continue
        pending[key] = None
        yield key, item


def _analyze_in_pool(items: Iterable[Item], jobs: int, batch_size: int) -> Iterator[Result]:
    """The stream analysed in ``jobs`` spawned processes, a batch per call, results yielded in input order."""
    pool: Pool | None = None
    in_flight: deque[list[Result] | AsyncResult[list[Result]]] = deque()
    try:
        for batch in batches(items, batch_size):
            if all(isinstance(item, Failure) for item in batch):
                in_flight.append([item for item in batch if isinstance(item, Failure)])  # nothing to analyse
            else:
                # Started at the first article: a run with nothing to analyse loads no model anywhere.
                pool = pool or multiprocessing.get_context("spawn").Pool(processes=jobs, initializer=start_worker)
                in_flight.append(pool.apply_async(analyze_batch, (batch, batch_size)))
            while len(in_flight) >= jobs * BATCHES_AHEAD_PER_JOB:
                yield from _wait(in_flight.popleft())
        while in_flight:
            yield from _wait(in_flight.popleft())
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()


def _wait(results: list[Result] | AsyncResult[list[Result]]) -> list[Result]:
    if isinstance(results, list):
        return results
    # A timeout on get() keeps the parent responsive to Ctrl-C while it waits (a bare get() can block it).
    while True:
        try:
            return results.get(timeout=0.5)
        except multiprocessing.TimeoutError:
            continue


def start_worker() -> None:
    """Pool initializer: leave Ctrl-C to the parent, which stops the pool.

    It must not load the model: an initializer that raises makes ``multiprocessing.Pool`` start replacement
    workers forever. The model is loaded by the first batch instead, and a ``ModelError`` there reaches the
    parent through the batch's result.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def analyze_batch(items: list[Item], batch_size: int) -> list[Result]:
    """What a worker process does with one batch (the pipeline is loaded once per process)."""
    return list(_analyze_here(items, None, batch_size))
