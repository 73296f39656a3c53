"""The cluster options of ``accordingto run`` (``--cluster``, ``--local-cluster``, ``--parquet``,
``--partition-size``): one decorator adds them, one function runs the corpus on Dask and reports like the rest
of the CLI (progress on stderr, failures listed at the end, exit code 1 when some inputs failed)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ..batch.runner import DEFAULT_BATCH_SIZE
from ..budget import Budget
from ..errors import AccordingtoError
from .common import EXIT_FAILED, fail, report_failures

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INTERRUPTED = 130  # the shell's convention for "stopped by Ctrl-C", as in a local run
DEFAULT_PARTITION_SIZE = 50  # the library's default (cluster.run), repeated so --help needs no Dask import


def cluster_options(command: F) -> F:
    """Add the cluster options to a click command (its function gets ``cluster``, ``local_cluster``,
    ``parquet`` and ``partition_size`` keyword arguments)."""
    options = [
        click.option(
            "--cluster",
            "cluster",
            metavar="ADDRESS",
            help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); see docs/cluster.md.",
        ),
        click.option(
            "--local-cluster",
            "local_cluster",
            type=click.IntRange(min=1),
            metavar="N",
            help="Run on a Dask cluster of N worker processes started on this machine for the run.",
        ),
        click.option(
            "--parquet",
            "parquet",
            metavar="OUT",
            help="With --cluster/--local-cluster: write Parquet tables to OUT (a folder or fsspec URL the "
            "workers can write to).",
        ),
        click.option(
            "--partition-size",
            type=click.IntRange(min=1),
            default=DEFAULT_PARTITION_SIZE,
            show_default=True,
            help="With --cluster/--local-cluster: about this many articles per Dask task.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def wants_cluster(cluster: str | None, local_cluster: int | None, parquet: str | None, jobs: int = 1) -> bool:
    """Whether the options ask for a cluster run; contradictory options are refused before anything starts."""
    if cluster and local_cluster:
        fail("give --cluster ADDRESS or --local-cluster N, not both")
    if parquet and not (cluster or local_cluster):
        fail("--parquet needs --cluster ADDRESS or --local-cluster N")
    if jobs > 1 and (cluster or local_cluster):
        fail("--jobs is for a run on this machine; on a cluster the workers do the work (--local-cluster N)")
    return bool(cluster or local_cluster)


def run_on_cluster_command(
    paths: Sequence[str],
    *,
    cluster: str | None,
    local_cluster: int | None,
    parquet: str | None,
    db: str | None,
    partition_size: int,
    batch_size: int = DEFAULT_BATCH_SIZE,
    budget: Budget | None = None,
) -> None:
    """Run the corpus on Dask, print a summary, list failures, exit 1 if there were any.

    Without ``--parquet`` the results go to the store (``--db``, else the default store file), as in a run
    without a cluster.
    """
    try:
        from ..cluster import run_on_cluster
    except ImportError as error:
        fail(f"the cluster options need Dask: pip install 'accordingto[cluster]' ({error})")
    if parquet is None and db is None:
        from ..store import DEFAULT_DB

        db = DEFAULT_DB
    show = _progress_printer()
    try:
        result = run_on_cluster(
            list(paths),
            address=cluster,
            n_workers=local_cluster or 1,
            out=parquet,
            db=db,
            partition_size=partition_size,
            batch_size=batch_size,
            progress=show,
            budget=budget,
        )
    except AccordingtoError as error:
        fail(error)
    except KeyboardInterrupt:
        click.echo("\naccordingto: interrupted; the parts and articles written so far stay", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if sys.stderr.isatty():
        click.echo("", err=True)
    where = " and ".join(x for x in (parquet, db) if x)
    # The largest worker's peak memory: what to size --memory-limit of real workers by (docs/cluster.md).
    peak = max(result.worker_peak_rss.values(), default=0) / 2**20
    click.echo(
        f"accordingto: {result.articles} articles, {result.attributions} attributions in {result.tasks} tasks, "
        f"{result.elapsed:.1f} s ({result.articles_per_second:.2f} articles/s), "
        f"peak worker memory {peak:.0f} MB -> {where}",
        err=True,
    )
    if result.failures:
        report_failures(result.failures)
        sys.exit(EXIT_FAILED)


def _progress_printer() -> Callable[[Any], None]:
    """One progress line, rewritten in place on a terminal; a line per task otherwise (logs, CI)."""
    tty = sys.stderr.isatty()

    def show(progress: Any) -> None:
        rate = progress.articles / progress.elapsed if progress.elapsed else 0.0
        line = (
            f"tasks {progress.tasks_done}/{progress.tasks_total}, {progress.articles} articles, "
            f"{progress.failures} failures, {rate:.2f} articles/s"
        )
        click.echo(f"\r{line}" if tty else line, err=True, nl=not tty)

    return show
