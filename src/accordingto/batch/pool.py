"""Worker processes for ``accordingto run --jobs N``: batches out, outcomes back, and a worker that dies (the OOM
killer, a SIGKILL, a crash in native code) neither hangs the run nor loses its articles silently.

Each worker is a spawned process with a pipe of its own and at most one batch at a time, so the parent always
knows which batch a dead worker held. When a worker dies, the parent starts another and sends that batch again
once, one article per batch, so that an article that kills its worker again is found alone; an article lost a
second time is recorded as failed (stage ``task``), and the run goes on. ``multiprocessing.Pool`` cannot do this:
it replaces a dead worker but never says which task died with it, and its result waits forever.

Results come back in input order. Batches read ahead are bounded (``BATCHES_AHEAD_PER_JOB`` per worker), so the
parent's memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from ..budget import Budget
from ..errors import AccordingtoError
from ..model import Article
from ..outcome import Failure, Outcome, Stage
from .runner import BATCH_CHARS, Item, Result, analyze_batch, batches, where_of

logger = logging.getLogger(__name__)

# Batches handed out or waiting ahead of the one being consumed: enough to keep every worker busy while the
# parent writes, few enough that memory stays flat whatever the corpus size.
BATCHES_AHEAD_PER_JOB = 2
# Idle workers that die in a row (per job) before the run gives up: a worker that cannot even start would
# otherwise be replaced forever. (A worker that dies holding a batch is that batch's doing: see ``_lost``.)
MAX_DEATHS_IN_A_ROW = 3
# How often the parent looks up from waiting (so that Ctrl-C is handled promptly).
POLL_SECONDS = 0.5


class WorkerPoolError(AccordingtoError):
    """The worker processes keep dying before they finish anything."""


@dataclass
class _Batch:
    """A batch of the input, numbered by its place. A lost batch is sent again in parts, one item each: ``part``
    is the item's place in the batch, ``parts`` how many there are, ``retried`` marks them."""

    number: int
    items: list[Item]
    part: int = 0
    parts: int = 1
    retried: bool = False


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection
    batch: _Batch | None = None


@dataclass
class _Results:
    """Results by batch number (and part), released in input order once all parts of the next batch are in."""

    parts: dict[int, dict[int, list[Result]]] = field(default_factory=dict)
    expected: dict[int, int] = field(default_factory=dict)
    next_number: int = 0

    def add(self, batch: _Batch, results: list[Result]) -> None:
        self.parts.setdefault(batch.number, {})[batch.part] = results
        self.expected[batch.number] = batch.parts

    def ready(self) -> Iterator[Result]:
        while len(self.parts.get(self.next_number, {})) == self.expected.get(self.next_number):
            pieces = self.parts.pop(self.next_number)
            del self.expected[self.next_number]
            for part in sorted(pieces):
                yield from pieces[part]
            self.next_number += 1


Work = Callable[[list[Item], int, Budget], list[Result]]


def analyze_in_pool(
    items: Iterable[Item], jobs: int, batch_size: int, budget: Budget, work: Work = analyze_batch
) -> Iterator[Result]:
    """The stream analysed in ``jobs`` worker processes, results in input order. ``work`` is what a worker does
    with a batch (a module-level function: it is sent to the workers by name)."""
    pool = _Pool(jobs, batch_size, budget, work)
    try:
        yield from pool.run(batches(items, batch_size, BATCH_CHARS))
    finally:
        pool.close()


class _Pool:
    def __init__(self, jobs: int, batch_size: int, budget: Budget, work: Work) -> None:
        self.jobs = jobs
        self.batch_size = batch_size
        self.budget = budget
        self.work = work
        self.context = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.waiting: deque[_Batch] = deque()  # batches to hand out, re-sent parts first
        self.results = _Results()
        self.deaths_in_a_row = 0

    def run(self, item_batches: Iterable[list[Item]]) -> Iterator[Result]:
        source = iter(item_batches)
        numbers = 0
        exhausted = False
        while True:
            # Read ahead while there is room; a batch with nothing to analyse needs no worker.
            while not exhausted and self._in_hand() < self.jobs * BATCHES_AHEAD_PER_JOB:
                items = next(source, None)
                if items is None:
                    exhausted = True
                    break
                batch = _Batch(numbers, items)
                numbers += 1
                failures = [item for item in items if isinstance(item, Failure)]
                if len(failures) == len(items):
                    self.results.add(batch, list(failures))
                else:
                    self.waiting.append(batch)
            self._hand_out()
            yield from self.results.ready()
            if exhausted and not self.waiting and not self._busy():
                yield from self.results.ready()
                return
            self._collect()

    def _in_hand(self) -> int:
        return len(self.waiting) + len(self._busy()) + len(self.results.parts)

    def _busy(self) -> list[_Worker]:
        return [worker for worker in self.workers if worker.batch is not None]

    def _hand_out(self) -> None:
        """Give waiting batches to idle workers, starting workers (up to ``jobs``) as needed."""
        while self.waiting:
            idle = next((worker for worker in self.workers if worker.batch is None), None)
            if idle is None:
                if len(self.workers) >= self.jobs:
                    return
                idle = self._start_worker()
            batch = self.waiting.popleft()
            idle.batch = batch
            idle.connection.send((batch.items, self.batch_size, self.budget))

    def _start_worker(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child_end, self.work), daemon=True)
        process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self.workers.append(worker)
        return worker

    def _collect(self) -> None:
        """Wait for a result or a death, and deal with what came."""
        busy = self._busy()
        if not busy:
            return
        ready = wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=POLL_SECONDS)
        for worker in busy:
            if worker.connection in ready:
                try:
                    kind, payload = worker.connection.recv()
                except (EOFError, OSError):
                    self._lost(worker)
                    continue
                if kind == "error":
                    raise payload
                self._done(worker, payload)
            elif worker.process.sentinel in ready:
                self._lost(worker)

    def _done(self, worker: _Worker, results: list[Result]) -> None:
        batch = worker.batch
        assert batch is not None
        worker.batch = None
        self.deaths_in_a_row = 0
        self.results.add(batch, results)

    def _lost(self, worker: _Worker) -> None:
        """A worker died: replace it, and send its batch again (once, one article at a time) or fail it."""
        batch = worker.batch
        worker.process.join(timeout=5)
        worker.connection.close()
        self.workers.remove(worker)
        cause = _death(worker.process.exitcode)
        logger.warning("a worker process died (%s) with a batch of %d", cause, len(batch.items) if batch else 0)
        if batch is None:
            # Idle when it died: nothing lost, but a worker that cannot even start would be replaced forever.
            self.deaths_in_a_row += 1
            if self.deaths_in_a_row >= MAX_DEATHS_IN_A_ROW * self.jobs:
                raise WorkerPoolError(f"worker processes keep dying ({cause}) without work")
            return
        if batch.retried:
            reason = f"its worker process died twice while analysing it ({cause})"
            self.results.add(batch, [_failed(item, reason) for item in batch.items])
            return
        # Each item alone, so that the article that kills a worker is the only one failed.
        parts = [
            _Batch(batch.number, [item], part, len(batch.items), retried=True) for part, item in enumerate(batch.items)
        ]
        self.waiting.extendleft(reversed(parts))

    def close(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive() and worker.batch is None:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
        for worker in self.workers:
            worker.process.join(timeout=5 if worker.batch is None else 0)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(timeout=5)
            worker.connection.close()
        self.workers.clear()


def _failed(item: Item, reason: str, stage: Stage = "task") -> Result:
    """An item of a batch that got no analysis: a read failure stays as it was, an article fails with ``reason``."""
    if isinstance(item, Failure):
        return item
    assert isinstance(item, Article)
    return Outcome(item, error=Failure(stage, where_of(item), reason, "WorkerDiedError" if stage == "task" else None))


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


def _serve(connection: Connection, work: Work) -> None:
    """A worker process: batches in, results out, until told to stop. Ctrl-C is left to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        items, batch_size, budget = task
        try:
            results = work(items, batch_size, budget)
        except AccordingtoError as error:  # the model cannot load: the parent stops the run with this error
            connection.send(("error", error))
            return
        except Exception as error:  # noqa: BLE001 - a fault of ours: the batch's articles fail, the run goes on
            logger.exception("a batch failed in a worker process")
            reason = f"the batch failed in its worker process: {type(error).__name__}: {error}"
            results = [_failed(item, reason, "analyze") for item in items]
        connection.send(("results", results))
