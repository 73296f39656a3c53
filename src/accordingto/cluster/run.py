"""Run the analysis of a corpus on a Dask cluster: the client lists and partitions, workers read and analyse.

``run_on_cluster(["s3://bucket/news/"], address="tcp://scheduler:8786", out="s3://bucket/results")`` lists the
inputs, cuts them into tasks of about ``partition_size`` articles, and submits one Dask task each. Each worker
loads the pipeline once (``worker.py``), reads its files itself, runs the batch runner every front end runs
(``batch/runner.py``) and writes its Parquet part files itself; only counts and failures travel back. With ``db``
the outcomes come back instead and the client writes them into the store (workers need no database access).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import dask
from distributed import Client, LocalCluster, as_completed

from ..batch.runner import DEFAULT_BATCH_SIZE, DEFAULT_BUDGET
from ..budget import Budget
from ..errors import AccordingtoError, ModelError
from ..outcome import Failure
from ..store import Store, open_store
from . import tasks as tasking
from .parquet import clear_output, write_partition
from .worker import analyze_task

logger = logging.getLogger(__name__)

DEFAULT_PARTITION_SIZE = 50
# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also switches off glibc's adaptive mmap
# threshold: spaCy's many mid-sized allocations then go through mmap/munmap each time, and a worker analyses
# ~15% slower than a plain process (measured: 40 PolNeAR articles, 12.5 vs 10.8 CPU s). Unset for the
# LocalClusters started here; docs/cluster.md says how to do the same on real workers.
WORKER_ENVIRON = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


class ClusterError(AccordingtoError):
    """The cluster cannot be reached or started."""


@dataclass
class Progress:
    """Where a run stands, passed to the progress callback after each finished task."""

    tasks_done: int
    tasks_total: int
    articles: int
    failures: int
    elapsed: float


@dataclass
class ClusterRun:
    """What a run did: counts, failures (with their place), and the peak memory each worker reached."""

    tasks: int = 0
    articles: int = 0
    attributions: int = 0
    failures: list[Failure] = field(default_factory=list)
    worker_peak_rss: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.elapsed if self.elapsed else 0.0


def run_on_cluster(
    inputs: Sequence[str],
    *,
    address: str | None = None,
    n_workers: int = 2,
    out: str | None = None,
    db: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[Progress], None] | None = None,
    client: Client | None = None,
    connect_timeout: float = 20.0,
    budget: Budget | None = DEFAULT_BUDGET,
) -> ClusterRun:
    """Analyse every article of ``inputs`` (files, folders, globs; any fsspec URL) on a cluster.

    ``address``: a running scheduler (``tcp://host:8786``); without it a ``LocalCluster`` of ``n_workers``
    single-threaded processes is started for the run and stopped after it. ``client``: an existing Dask client
    (then ``address`` and ``n_workers`` are ignored). Results go to ``out`` (a Parquet folder, any fsspec URL
    the workers can write to) and/or ``db`` (a store URL, written by this process). Raises ``ClusterError`` for
    a cluster that cannot be reached, ``StoreError`` for a store that cannot be opened and ``ModelError`` when
    the workers cannot load the model; an input that names nothing, a bad file or record, or an article the
    pipeline fails on (or that goes over its ``budget``) only becomes a failure record in the result, and the run
    goes on.
    """
    if out is None and db is None:
        raise AccordingtoError("give an output: a Parquet folder (out) or a store (db)")
    if partition_size < 1:
        raise AccordingtoError(f"partition size must be at least 1, not {partition_size}")
    started = time.monotonic()
    pieces, unreadable = tasking.list_inputs(inputs)
    store = open_store(db) if db is not None else None  # before the cluster: a bad URL fails at once
    try:
        with _connected(client, address, n_workers, connect_timeout) as connection:
            work = plan_tasks(connection, pieces, partition_size)
            result = ClusterRun(tasks=len(work))
            result.failures.extend(unreadable)
            if out is not None:
                clear_output(out)
                if result.failures:
                    # Inputs that named nothing: a part of their own, numbered after the tasks' parts.
                    write_partition(out, len(work), {}, result.failures)
            _run_tasks(
                connection,
                work,
                result,
                out=out,
                store=store,
                batch_size=batch_size,
                progress=progress,
                budget=budget,
            )
    finally:
        if store is not None:
            store.close()
    result.elapsed = time.monotonic() - started
    return result


def _run_tasks(
    connection: Client,
    work: Sequence[tasking.Task],
    result: ClusterRun,
    *,
    out: str | None,
    store: Store | None,
    batch_size: int,
    progress: Callable[[Progress], None] | None,
    budget: Budget | None,
) -> None:
    """Submit every task, then take results as they come: count them, write them to the store, report."""
    started = time.monotonic()
    run_id = uuid.uuid4().hex[:8]  # task keys unique to this run, for the dashboard and logs
    futures = connection.map(
        analyze_task,
        work,
        out=out,
        return_analyses=store is not None,
        batch_size=batch_size,
        budget=budget,
        pure=False,
        key=[f"accordingto-{run_id}-task-{task.index}" for task in work],
    )
    by_key = {future.key: task for future, task in zip(futures, work, strict=True)}
    for done, future in enumerate(as_completed(futures), start=1):
        task = by_key[future.key]
        try:
            summary = future.result()
        except ModelError as error:
            # A worker without the model fails every task alike: stop, and say so once.
            connection.cancel(futures)
            raise ModelError(f"on the worker of task {task.index}: {error}") from error
        except Exception as error:  # noqa: BLE001 - a lost task (worker killed, bug) must not stop the run
            logger.warning("task %d failed: %s", task.index, error)
            reason = f"the task was lost: {type(error).__name__}: {error}"
            result.failures.append(Failure("task", task.where(), reason, type(error).__name__))
        else:
            _collect(result, summary, store)
        future.release()
        if progress is not None:
            elapsed = time.monotonic() - started
            progress(Progress(done, len(work), result.articles, len(result.failures), elapsed))


def plan_tasks(client: Client, pieces: Sequence[tasking.Piece], partition_size: int) -> list[tasking.Task]:
    """Tasks of about ``partition_size`` articles. Plain JSON Lines files are measured on the workers (one
    quick scan per file, in parallel) so that the client never downloads them; a file that cannot be measured
    stays whole, and reading it will say why it failed."""
    jsonl = [piece for piece in pieces if piece.splittable]
    scans = client.map(tasking.jsonl_offsets, [piece.url for piece in jsonl], every=partition_size, pure=False)
    offsets: dict[tasking.Piece, list[int]] = {}
    for piece, scan in zip(jsonl, scans, strict=True):
        try:
            offsets[piece] = scan.result()
        except OSError as error:
            logger.warning("cannot measure %s: %s", piece.shown, error)
    units: list[tuple[tasking.Piece, int]] = []
    for piece in pieces:
        if piece in offsets:
            parts = tasking.split_jsonl(piece, offsets[piece], partition_size)
            units.extend((part, partition_size) for part in parts)
        else:
            units.append((piece, tasking.article_count(piece)))
    return tasking.make_tasks(units, partition_size)


def _collect(result: ClusterRun, summary: dict[str, Any], store: Store | None) -> None:
    result.articles += summary["articles"]
    result.attributions += summary["attributions"]
    result.failures.extend(summary["failures"])
    worker = summary["worker"]
    result.worker_peak_rss[worker] = max(result.worker_peak_rss.get(worker, 0), summary["peak_rss"])
    if store is None:
        return
    for outcome in summary["outcomes"]:
        store.save_outcome(outcome)


@contextmanager
def connect(address: str | None = None, *, n_workers: int = 2, timeout: float = 20.0) -> Iterator[Client]:
    """A Dask client: connected to the scheduler at ``address``, or to a LocalCluster of ``n_workers``
    single-threaded processes started for the ``with`` block (pass the client to several ``run_on_cluster``
    calls to start workers and load the model once)."""
    try:
        if address is not None:
            connection = Client(address, timeout=timeout)
            cluster = None
        else:
            # Worker logs only for the fatal: a failed task is reported by the run itself, with its files, and
            # Dask's own "Compute Failed" dump would put a worker traceback in front of the user.
            with dask.config.set(WORKER_ENVIRON):
                cluster = LocalCluster(
                    n_workers=n_workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # Without a dashboard the scheduler still serves its health and metrics routes, by default on
                    # port 8787: a random loopback port lets several clusters run at once without a warning.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.CRITICAL,
                )
            connection = Client(cluster)
    except (OSError, TimeoutError) as error:
        what = f"reach the Dask scheduler at {address}" if address else "start a local Dask cluster"
        raise ClusterError(f"cannot {what}: {error}") from error
    try:
        yield connection
    finally:
        connection.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _connected(client: Client | None, address: str | None, n_workers: int, timeout: float) -> Iterator[Client]:
    """The given client, else ``connect(...)``."""
    if client is not None:
        yield client
    else:
        with connect(address, n_workers=n_workers, timeout=timeout) as connection:
            yield connection
