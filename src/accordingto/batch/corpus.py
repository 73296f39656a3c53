"""A corpus into a store: read, skip what is stored, analyse (in N processes), write — ``accordingto run``.

The run is resumable by construction: each article is written in its own transaction, and an article already
stored with the same id and the same text is not analysed again. Stop it at any point (Ctrl-C, a kill, a
crash) and run it again with the same inputs: it finishes the job without duplicates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import cast

from spacy.language import Language

from ..budget import Budget
from ..model import Article
from ..outcome import Failure, Outcome
from ..read import read_inputs, text_hash
from ..store import Store, article_key
from .runner import DEFAULT_BATCH_SIZE, DEFAULT_BUDGET, BatchProgress, Item, analyze_stream, batches, failure_of

logger = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a run did; ``interrupted`` when it was stopped (Ctrl-C) before the end of the inputs."""

    progress: BatchProgress
    failures: list[Failure] = field(default_factory=list)
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not (self.failures or self.interrupted)


def run_corpus(
    inputs: Sequence[str] | Iterable[Item],
    store: Store,
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    total: int | None = None,
    on_progress: Callable[[BatchProgress], None] | None = None,
    nlp: Language | None = None,
    budget: Budget | None = DEFAULT_BUDGET,
) -> RunReport:
    """Analyse every article of ``inputs`` (paths/URLs for ``read_inputs``, or articles and read failures)
    into ``store``, skipping those already there; ``jobs`` > 1 analyses in that many worker processes.

    Ctrl-C stops the run cleanly (``report.interrupted``): what is stored stays, and the next run goes on from
    there. ``nlp`` (tests) replaces the pipeline when ``jobs`` is 1. Failed analyses (an article over its
    ``budget`` among them) are stored with their reason (and tried again by the next run); read failures are only
    reported.
    """
    paths = isinstance(inputs, list | tuple) and all(isinstance(item, str) for item in inputs)
    items = read_inputs(cast(Sequence[str], inputs)) if paths else cast(Iterable[Item], inputs)
    report = RunReport(progress=BatchProgress(total=total))

    def notify() -> None:
        if on_progress is not None:
            on_progress(report.progress)

    def not_stored(items: Iterable[Item]) -> Iterator[Item]:
        """The items less the articles already stored with the same text (asked of the store a batch at a time)."""
        for batch in batches(items, batch_size):
            articles = [item for item in batch if isinstance(item, Article)]
            done = store.done((article_key(article), text_hash(article.text)) for article in articles)
            todo = [item for item in batch if not (isinstance(item, Article) and article_key(item) in done)]
            if len(todo) < len(batch):
                report.progress.skipped += len(batch) - len(todo)
                notify()
            yield from todo

    try:
        for result in analyze_stream(not_stored(items), nlp=nlp, batch_size=batch_size, jobs=jobs, budget=budget):
            if isinstance(result, Outcome):
                store.save_outcome(result)
            if (failure := failure_of(result)) is not None:
                report.failures.append(failure)
            report.progress.count(result)
            notify()
    except KeyboardInterrupt:
        report.interrupted = True
        logger.info("run interrupted after %d articles", report.progress.done)
    return report
