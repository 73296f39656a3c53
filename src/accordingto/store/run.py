"""Batch analysis of a corpus into a store: read, skip what is done, analyse (in N processes), write.

The run is resumable by construction: each article is written in its own transaction, and an article already
stored with the same id and the same text is not analysed again. Stop it at any point (Ctrl-C, a kill, a
crash) and run it again with the same inputs: it finishes the job without duplicates.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from typing import Any, cast

from spacy.language import Language

from ..analyze import DEFAULT_BATCH_SIZE
from ..model import Article
from ..read import ReadFailure, read_inputs, text_hash
from .db import Store, article_key
from .workers import Result, analyze_batch, start_worker

logger = logging.getLogger(__name__)

# Batches handed to the pool ahead of the one being written: enough to keep every worker busy while the
# parent writes, few enough that memory stays flat whatever the corpus size.
BATCHES_AHEAD_PER_JOB = 2


@dataclass
class RunProgress:
    """Counts so far, passed to ``on_progress`` after every article."""

    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    unreadable: int = 0
    total: int | None = None
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        """Inputs dealt with (analysed, failed, already stored or unreadable): what a progress bar counts."""
        return self.analysed + self.failed + self.skipped + self.unreadable

    @property
    def rate(self) -> float:
        """Inputs per second over the run so far."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0


@dataclass
class ArticleFailure:
    """An article that was read but whose analysis failed (it is in the store, with this error)."""

    article_id: str
    where: str | None
    error: str

    def __str__(self) -> str:
        return f"{self.where or self.article_id}: {self.error}"


@dataclass
class RunReport:
    """What a run did; ``interrupted`` when it was stopped (Ctrl-C) before the end of the inputs."""

    progress: RunProgress
    read_failures: list[ReadFailure] = field(default_factory=list)
    analysis_failures: list[ArticleFailure] = field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not (self.read_failures or self.analysis_failures or self.interrupted)


Batch = list[Article]


def run_corpus(
    inputs: Sequence[str] | Iterable[Article | ReadFailure],
    store: Store,
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    total: int | None = None,
    on_progress: Callable[[RunProgress], None] | None = None,
    nlp: Language | None = None,
) -> RunReport:
    """Analyse every article of ``inputs`` (paths/URLs for ``read_inputs``, or articles and read failures)
    into ``store``, skipping those already there; ``jobs`` > 1 analyses in that many worker processes.

    Ctrl-C stops the run cleanly (``report.interrupted``): what is stored stays, and the next run goes on from
    there. ``nlp`` (tests) replaces the pipeline when ``jobs`` is 1.
    """
    if jobs < 1 or batch_size < 1:
        raise ValueError("jobs and batch_size must be at least 1")
    items = (
        read_inputs(cast(Sequence[str], inputs))
        if _are_paths(inputs)
        else cast(Iterable[Article | ReadFailure], inputs)
    )
    report = RunReport(progress=RunProgress(total=total))

    def notify() -> None:
        if on_progress is not None:
            on_progress(report.progress)

    def batches() -> Iterator[Batch]:
        """Batches of articles not yet in the store; read failures go to the report on the way."""
        pending: Batch = []
        for item in items:
            if isinstance(item, ReadFailure):
                report.read_failures.append(item)
                report.progress.unreadable += 1
                notify()
                continue
            pending.append(item)
            if len(pending) >= batch_size:
                yield from _not_done(pending)
                pending = []
        if pending:
            yield from _not_done(pending)

    def _not_done(batch: Batch) -> Iterator[Batch]:
        done = store.done((article_key(article), text_hash(article.text)) for article in batch)
        todo = [article for article in batch if article_key(article) not in done]
        report.progress.skipped += len(batch) - len(todo)
        if len(todo) < len(batch):
            notify()
        if todo:
            yield todo

    def write(batch: Batch, results: list[Result]) -> None:
        for article, result in zip(batch, results, strict=True):
            stored_id = store.save(article, result.analysis, result.error)
            if result.error is not None:
                report.analysis_failures.append(
                    ArticleFailure(stored_id, getattr(article, "where", None), result.error)
                )
                report.progress.failed += 1
            else:
                report.progress.analysed += 1
            notify()

    try:
        if jobs == 1:
            for batch in batches():
                write(batch, analyze_batch(batch, batch_size, nlp))
        else:
            _run_in_pool(batches(), jobs, batch_size, write)
    except KeyboardInterrupt:
        report.interrupted = True
        logger.info("run interrupted after %d articles", report.progress.done)
    return report


def _run_in_pool(
    batches: Iterator[Batch], jobs: int, batch_size: int, write: Callable[[Batch, list[Result]], None]
) -> None:
    """Analyse batches in ``jobs`` processes, writing results in input order as they come back."""
    first = next(batches, None)
    if first is None:
        return  # nothing to analyse (all stored already): do not start workers that load a model for nothing
    # spawn, not fork: a forked child would inherit the parent's database connections and threads.
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(processes=jobs, initializer=start_worker)
    in_flight: deque[tuple[Batch, AsyncResult[list[Result]]]] = deque()
    try:
        for batch in itertools.chain([first], batches):
            in_flight.append((batch, pool.apply_async(analyze_batch, (batch, batch_size))))
            while len(in_flight) >= jobs * BATCHES_AHEAD_PER_JOB:
                _write_oldest(in_flight, write)
        while in_flight:
            _write_oldest(in_flight, write)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _write_oldest(
    in_flight: deque[tuple[Batch, AsyncResult[list[Result]]]], write: Callable[[Batch, list[Result]], None]
) -> None:
    batch, pending = in_flight.popleft()
    # A timeout on get() keeps the parent responsive to Ctrl-C while it waits (a bare get() can block it).
    while True:
        try:
            results = pending.get(timeout=0.5)
            break
        except multiprocessing.TimeoutError:
            continue
    write(batch, results)


def _are_paths(inputs: Any) -> bool:
    return isinstance(inputs, list | tuple) and all(isinstance(item, str) for item in inputs)
